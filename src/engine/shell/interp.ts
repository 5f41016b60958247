import type { Command, List, Pipeline, Redir, SimpleCommand, Word } from './ast';
import { parse, plainText, Incomplete, ShellSyntaxError, wordParts } from './parser';
import { expandPattern, expandString, expandWords, ExpansionError, setArithPartParser, type ExpandEnv } from './expand';
import { evalArith, ArithError } from './arith';
import { expandGlob, matchPattern } from './glob';
import { collate } from '../util/collate';
import type { Host } from '../host/host';
import type { Process } from '../proc/process';
import { CollectOutput, FileOutput, Pipe, nullOutput, type OutputStream, type Source } from '../io/streams';
import { ExitRequest, Interrupted, SIGINT, SIGKILL, SIGPIPE, SIGTERM, SIGQUIT } from '../proc/signals';
import { FsError } from '../fs/errors';
import { FsView } from '../fs/fsview';
import type { Cred } from '../fs/vfs';
import type { Tty } from '../tty/tty';
import { History } from './history';
import { WaitQueue } from '../proc/waiter';
import { evalCond, CondError } from './cond';
import { getBuiltin, type Builtin } from './builtins/index';

setArithPartParser((src) => wordParts(src, true));

/** The three standard streams (and any other open descriptors) of a command. */
export interface IO {
  in: Source;
  out: OutputStream;
  err: OutputStream;
}

/** A shell variable. Records are immutable once stored: changing one stores a new record. */
export interface ShellVar {
  readonly value: string;
  readonly exported: boolean;
  readonly readonly?: boolean;
}

export class BreakSignal {
  constructor(public n: number) {}
}
export class ContinueSignal {
  constructor(public n: number) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}

export interface Job {
  id: number;
  pgid: number;
  procs: Process[];
  text: string;
  notified: boolean;
}

const DEVICE_SINKS = new Set(['/dev/null', '/dev/zero']);
const MAX_CALL_DEPTH = 200;

/**
 * The state and evaluator of one bash process: variables, functions, aliases, options, the
 * working directory, and how to run each kind of command. Subshells get a copy.
 */
export class Shell {
  vars = new Map<string, ShellVar>();
  positional: string[] = [];
  functions = new Map<string, Command>();
  aliases = new Map<string, string>();
  opts = { errexit: false, nounset: false, noglob: false, xtrace: false };
  status = 0;
  lastBg: number | null = null;
  /** $0 */
  name: string;
  interactive = false;
  login = false;
  /** When running a script: its name for `NAME: line N:` messages. */
  scriptName: string | null = null;
  currentLine = 0;
  jobs: Job[] = [];
  history: History;
  callDepth = 0;
  loopDepth = 0;
  /** Set by `exec` with no command in a subshell, etc. */
  readonly fs: FsView;

  constructor(
    readonly host: Host,
    public proc: Process,
    cred: Cred,
    cwd: string,
    readonly tty: Tty | null,
    public io: IO,
    name: string,
  ) {
    this.fs = new FsView(host.vfs, cred, cwd, 0o022);
    this.name = name;
    this.history = new History();
  }

  get cred(): Cred {
    return this.fs.cred;
  }

  get cwd(): string {
    return this.fs.cwd;
  }

  set cwd(dir: string) {
    this.fs.cwd = dir;
  }

  /** A copy for a subshell, running as proc. */
  clone(proc: Process, io: IO = this.io): Shell {
    const s = new Shell(this.host, proc, this.fs.cred, this.fs.cwd, this.tty, io, this.name);
    // Variable records are never changed in place (a change sets a new record), so the copy can
    // share them.
    s.vars = new Map(this.vars);
    s.positional = [...this.positional];
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    s.opts = { ...this.opts };
    s.status = this.status;
    s.fs.umask = this.fs.umask;
    s.scriptName = this.scriptName;
    s.currentLine = this.currentLine;
    s.history = this.history;
    s.callDepth = this.callDepth;
    s.login = this.login;
    return s;
  }

  // ---- variables --------------------------------------------------------------------------

  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.rootPid());
      case '!':
        return this.lastBg === null ? '' : String(this.lastBg);
      case '#':
        return String(this.positional.length);
      case '0':
        return this.name;
      case '-':
        return (this.interactive ? 'himBH' : 'hB') + (this.opts.errexit ? 'e' : '') + (this.opts.nounset ? 'u' : '') + (this.opts.noglob ? 'f' : '') + (this.opts.xtrace ? 'x' : '');
      case 'RANDOM':
        return String(this.host.rng.int(0, 32767));
      case 'SECONDS':
        return String(Math.floor((this.host.now() - this.proc.startTime) / 1000));
      case 'LINENO':
        return String(this.currentLine);
      case 'PPID':
        return String(this.proc.ppid);
      case 'UID':
        return String(this.cred.uid);
      case 'EUID':
        return String(this.cred.uid);
      case 'HOSTNAME':
        return this.vars.get('HOSTNAME')?.value ?? this.host.hostname;
      case 'PWD':
        return this.vars.get('PWD')?.value ?? this.cwd;
    }
    return this.vars.get(name)?.value;
  }

  /** The pid $$ reports: a subshell keeps its parent's. */
  rootPidValue: number | null = null;
  rootPid(): number {
    return this.rootPidValue ?? this.proc.pid;
  }

  setVar(name: string, value: string, exported?: boolean): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) {
      this.error(`${name}: readonly variable`);
      return false;
    }
    this.vars.set(name, { value, exported: exported ?? v?.exported ?? false, readonly: v?.readonly });
    return true;
  }

  unsetVar(name: string): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) {
      this.error(`unset: ${name}: cannot unset: readonly variable`);
      return false;
    }
    this.vars.delete(name);
    return true;
  }

  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  // ---- messages ---------------------------------------------------------------------------

  /** The `-bash: ` / `bash: ` / `script: line N: ` prefix bash puts on its errors. */
  prefix(): string {
    if (this.scriptName !== null) return `${this.scriptName}: line ${this.currentLine}: `;
    return `${this.name}: `;
  }

  error(message: string, io: IO = this.io): void {
    safeWrite(io.err, this.prefix() + message + '\n');
  }

  // ---- expansion environment ----------------------------------------------------------------

  private makeExpandEnv(): ExpandEnv {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below need the shell, not the object literal
    const sh = this;
    return {
      getVar: (n) => sh.getVar(n),
      setVar: (n, v) => {
        sh.setVar(n, v);
      },
      positional: () => sh.positional,
      commandSubst: (src) => sh.commandSubst(src),
      arith: (src) => String(sh.arith(src)),
      homeOf: (user) => sh.host.users.getpwnam(user)?.home,
      glob: (pattern) => expandGlob(pattern, sh.fs, collate),
      get noglob() {
        return sh.opts.noglob;
      },
      get nounset() {
        return sh.opts.nounset;
      },
      get ifs() {
        return sh.vars.get('IFS')?.value ?? ' \t\n';
      },
    };
  }

  private envCache: ExpandEnv | null = null;
  get env(): ExpandEnv {
    this.envCache ??= this.makeExpandEnv();
    return this.envCache;
  }

  arith(src: string): number {
    return evalArith(src, { get: (n) => this.getVar(n), set: (n, v) => void this.setVar(n, v) });
  }

  async commandSubst(src: string): Promise<string> {
    // $(< file) is bash's shorthand for $(cat file), read by the shell itself.
    const file = /^\s*<\s*([^\s<>|&;()]+)\s*$/.exec(src);
    if (file) {
      try {
        const [path] = await expandWords([{ parts: wordParts(file[1]!), text: file[1]! }], this.env);
        this.status = 0;
        return this.fs.readFile(path ?? '');
      } catch (e) {
        if (e instanceof FsError) {
          this.error(`${file[1]}: ${e.message}`);
          this.status = 1;
          return '';
        }
        throw e;
      }
    }
    const out = new CollectOutput();
    const status = await this.subshell(async (sub) => sub.runString(src, { final: true }), { ...this.io, out });
    this.status = status;
    return out.text();
  }

  // ---- running text -------------------------------------------------------------------------

  /** Parses and runs a whole text (a script, -c, eval, source). */
  async runString(src: string, opts: { final?: boolean } = {}): Promise<number> {
    let list: List;
    try {
      list = parse(src, { aliases: this.aliases, final: opts.final ?? true });
    } catch (e) {
      if (e instanceof ShellSyntaxError || e instanceof Incomplete) {
        if (this.scriptName !== null) this.currentLine = e instanceof ShellSyntaxError ? e.line : this.currentLine;
        this.error(e instanceof Incomplete ? 'syntax error: unexpected end of file' : e.message);
        if (e instanceof ShellSyntaxError && this.scriptName === null && !this.interactive) {
          // `bash -c` prints the offending text on a second line
        }
        this.status = 2;
        return 2;
      }
      throw e;
    }
    return this.runList(list, this.io);
  }

  async runList(list: List, io: IO): Promise<number> {
    for (const item of list.items) {
      if (item.background) {
        this.background(item.andor.first.text + item.andor.rest.map((r) => ` ${r.op} ${r.pipeline.text}`).join(''), io, (sub) => sub.runAndOr(item.andor, sub.io));
        this.status = 0;
        continue;
      }
      this.status = await this.runAndOr(item.andor, io);
    }
    return this.status;
  }

  private async runAndOr(andor: List['items'][number]['andor'], io: IO): Promise<number> {
    let status = await this.runPipeline(andor.first, io);
    this.status = status;
    for (const { op, pipeline } of andor.rest) {
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      status = await this.runPipeline(pipeline, io);
      this.status = status;
    }
    if (status !== 0 && this.opts.errexit && andor.rest.length === 0 && !andor.first.bang) throw new ExitRequest(status);
    return status;
  }

  async runPipeline(p: Pipeline, io: IO): Promise<number> {
    let status: number;
    if (p.cmds.length === 1) {
      status = await this.runCommand(p.cmds[0]!, io, true);
    } else {
      status = await this.runStages(p, io);
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  /** A pipeline of several commands: each stage its own process, joined by pipes. */
  private async runStages(p: Pipeline, io: IO): Promise<number> {
    const n = p.cmds.length;
    const pipes: Pipe[] = [];
    for (let i = 0; i < n - 1; i++) pipes.push(new Pipe(new WaitQueue()));
    const procs: Process[] = [];
    let pgid = 0;
    for (let i = 0; i < n; i++) {
      const stageIo: IO = {
        in: i === 0 ? io.in : pipes[i - 1]!,
        out: i === n - 1 ? io.out : pipes[i]!.writer,
        err: io.err,
      };
      const cmd = p.cmds[i]!;
      const proc = this.startSubshell(async (sub) => sub.runCommand(cmd, sub.io, false, true), stageIo, pgid, commandText(cmd));
      if (pgid === 0) pgid = proc.pgid;
      const outPipe = i < n - 1 ? pipes[i]! : null;
      const inPipe = i > 0 ? pipes[i - 1]! : null;
      proc.exited.add(() => {
        outPipe?.closeWriter();
        inPipe?.closeReader();
      });
      procs.push(proc);
    }
    return this.waitJob(procs, pgid);
  }

  /** Waits for a foreground job, giving it the terminal; prints bash's notes on signals. */
  async waitJob(procs: Process[], pgid: number): Promise<number> {
    const tty = this.interactive && this.scriptName === null ? this.tty : null;
    const previous = tty?.foregroundPgid ?? null;
    if (tty) tty.foregroundPgid = pgid;
    try {
      for (const p of procs) while (p.alive) await this.proc.waitOn(p.exited);
    } finally {
      if (tty) tty.foregroundPgid = previous;
    }
    const last = procs[procs.length - 1]!;
    const status = last.exitStatus ?? 1;
    if (this.interactive) this.reportSignal(procs);
    return status;
  }

  private reportSignal(procs: Process[]): void {
    const sigs = procs.map((p) => (p.exitStatus !== null && p.exitStatus > 128 ? p.exitStatus - 128 : 0));
    if (sigs.includes(SIGINT)) {
      safeWrite(this.io.err, '\n');
      return;
    }
    const sig = sigs.find((s) => s !== 0 && s !== SIGPIPE);
    if (sig === SIGTERM) safeWrite(this.io.err, 'Terminated\n');
    else if (sig === SIGKILL) safeWrite(this.io.err, 'Killed\n');
    else if (sig === SIGQUIT) safeWrite(this.io.err, 'Quit (core dumped)\n');
  }

  /** Starts a subshell process (a pipeline stage, ( ), $( ), &) running body. */
  startSubshell(body: (sub: Shell) => Promise<number>, io: IO, pgid: number, _text: string): Process {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the child's body runs later, against this parent
    const parent = this;
    const proc = this.host.procs.start(
      {
        ppid: this.proc.pid,
        pgid,
        comm: 'bash',
        args: [this.name.replace(/^-/, '')],
        cred: this.cred,
        tty: this.proc.tty,
        startTime: this.host.now(),
        cwd: this.cwd,
      },
      async (proc) => {
        const sub = parent.clone(proc, io);
        sub.rootPidValue = parent.rootPid();
        sub.interactive = false;
        try {
          return await body(sub);
        } catch (e) {
          if (e instanceof ExitRequest) return e.status;
          if (e instanceof ReturnSignal) return e.status;
          if (e instanceof BreakSignal || e instanceof ContinueSignal) return sub.status;
          throw e;
        }
      },
      (msg) => safeWrite(io.err, `${parent.prefix()}${msg}\n`),
    );
    const tty = this.tty;
    if (tty) proc.foreground = () => tty.foregroundPgid === proc.pgid;
    return proc;
  }

  async subshell(body: (sub: Shell) => Promise<number>, io: IO = this.io): Promise<number> {
    const proc = this.startSubshell(body, io, this.proc.pgid, '');
    while (proc.alive) await this.proc.waitOn(proc.exited);
    return proc.exitStatus ?? 1;
  }

  private background(text: string, io: IO, body: (sub: Shell) => Promise<number>): void {
    const bgIo: IO = { ...io, in: this.interactive ? this.host.stringSource('') : io.in };
    const proc = this.startSubshell(body, bgIo, 0, text);
    this.lastBg = proc.pid;
    if (this.interactive) {
      const id = this.jobs.length === 0 ? 1 : Math.max(...this.jobs.map((j) => j.id)) + 1;
      this.jobs.push({ id, pgid: proc.pgid, procs: [proc], text, notified: false });
      safeWrite(io.err, `[${id}] ${proc.pid}\n`);
    }
  }

  /** bash's "[1]+  Done  cmd" lines for finished background jobs, printed before a prompt. */
  notifyJobs(): void {
    const current = this.jobs[this.jobs.length - 1];
    const previous = this.jobs[this.jobs.length - 2];
    // A job that stopped to read the terminal is reported once, as bash does for SIGTTIN.
    for (const j of this.jobs) {
      const stopped = isStopped(j, this.host);
      if (stopped && !j.notified) {
        const mark = j === current ? '+' : j === previous ? '-' : ' ';
        safeWrite(this.io.err, `[${j.id}]${mark}  ${'Stopped'.padEnd(24)}${j.text}\n`);
      }
      j.notified = stopped;
    }
    const done = this.jobs.filter((j) => j.procs.every((p) => !p.alive));
    if (done.length === 0) return;
    for (const j of done) {
      const status = j.procs[j.procs.length - 1]!.exitStatus ?? 0;
      const mark = j === current ? '+' : j === previous ? '-' : ' ';
      const state = status === 0 ? 'Done' : status > 128 ? signalWord(status - 128) : `Exit ${status}`;
      safeWrite(this.io.err, `[${j.id}]${mark}  ${state.padEnd(24)}${j.text}\n`);
    }
    this.jobs = this.jobs.filter((j) => !done.includes(j));
  }

  // ---- commands -----------------------------------------------------------------------------

  /**
   * Runs one command. `exec` is true in a pipeline stage: an external program then runs in this
   * very process, as bash's fork-then-exec would.
   */
  async runCommand(cmd: Command, io: IO, foreground: boolean, exec = false): Promise<number> {
    switch (cmd.type) {
      case 'simple':
        return this.runSimple(cmd, io, foreground, exec);
      case 'function':
        this.functions.set(cmd.name, cmd.body);
        return 0;
      default:
        break;
    }
    const rio = await this.redirect(cmd.redirs, io);
    if (!rio) return 1;
    switch (cmd.type) {
      case 'group':
        return this.runList(cmd.body, rio);
      case 'subshell':
        return this.subshell((sub) => sub.runList(cmd.body, sub.io), rio);
      case 'if': {
        for (const clause of cmd.clauses) {
          if ((await this.runCondition(clause.cond, rio)) === 0) return this.runList(clause.body, rio);
        }
        if (cmd.elseBody) return this.runList(cmd.elseBody, rio);
        return 0;
      }
      case 'while':
      case 'until':
        return this.loop(async () => {
          const c = await this.runCondition(cmd.cond, rio);
          return cmd.type === 'while' ? c === 0 : c !== 0;
        }, cmd.body, rio);
      case 'for': {
        let words: string[];
        try {
          words = cmd.words ? await expandWords(cmd.words, this.env) : [...this.positional];
        } catch (e) {
          return this.expansionFailed(e, rio);
        }
        let i = 0;
        return this.loop(async () => {
          if (i >= words.length) return false;
          this.setVar(cmd.name, words[i++]!);
          return true;
        }, cmd.body, rio);
      }
      case 'arithfor': {
        try {
          if (cmd.init.trim()) this.arith(cmd.init);
        } catch (e) {
          return this.expansionFailed(e, rio);
        }
        let first = true;
        return this.loop(async () => {
          if (!first && cmd.step.trim()) this.arith(cmd.step);
          first = false;
          return cmd.cond.trim() === '' ? true : this.arith(cmd.cond) !== 0;
        }, cmd.body, rio);
      }
      case 'case': {
        let word: string;
        try {
          word = await expandString(cmd.word, this.env);
        } catch (e) {
          return this.expansionFailed(e, rio);
        }
        for (const item of cmd.items) {
          for (const pat of item.patterns) {
            const p = await expandPattern(pat.parts, this.env);
            if (matchPattern(p, word)) return this.runList(item.body, rio);
          }
        }
        return 0;
      }
      case 'arithcmd': {
        try {
          const src = await expandString({ parts: wordParts(cmd.src, true), text: cmd.src }, this.env);
          return this.arith(src) !== 0 ? 0 : 1;
        } catch (e) {
          return this.expansionFailed(e, rio);
        }
      }
      case 'cond':
        return this.runCond(cmd.words, rio);
    }
  }

  private async runCondition(list: List, io: IO): Promise<number> {
    const saved = this.opts.errexit;
    this.opts.errexit = false;
    try {
      return await this.runList(list, io);
    } finally {
      this.opts.errexit = saved;
    }
  }

  private async loop(next: () => Promise<boolean>, body: List, io: IO): Promise<number> {
    let status = 0;
    this.loopDepth++;
    let guard = 0;
    try {
      for (;;) {
        let go: boolean;
        try {
          go = await next();
        } catch (e) {
          if (e instanceof ArithError) return this.expansionFailed(e, io);
          throw e;
        }
        if (!go) break;
        // A loop that never waits would freeze the lab: yield to the scheduler now and then.
        if (++guard % 1000 === 0) await this.yieldTurn();
        try {
          status = await this.runList(body, io);
        } catch (e) {
          if (e instanceof BreakSignal) {
            if (e.n > 1) {
              e.n--;
              throw e;
            }
            break;
          }
          if (e instanceof ContinueSignal) {
            if (e.n > 1) {
              e.n--;
              throw e;
            }
            continue;
          }
          throw e;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  /**
   * A loop that never waits would freeze the lab: every thousand turns it waits a millisecond
   * of lab time. The wait is not a foreground one, so a replay does not spin through an endless
   * loop; the person's ^C (or real time passing) is what moves it on.
   */
  private async yieldTurn(): Promise<void> {
    await this.proc.block((wake) => {
      const id = this.host.lab.scheduler.at(1, wake, false);
      return () => this.host.lab.scheduler.cancel(id);
    });
  }

  private async runCond(words: Word[], io: IO): Promise<number> {
    try {
      return await evalCond(words, { env: this.env, fs: this.fs, arith: (e) => this.arith(e) });
    } catch (e) {
      if (e instanceof CondError) {
        this.error(e.message, io);
        return 2;
      }
      return this.expansionFailed(e, io);
    }
  }

  private expansionFailed(e: unknown, io: IO): number {
    if (e instanceof ExpansionError || e instanceof ArithError) {
      this.error(e.message, io);
      if (!this.interactive && e instanceof ExpansionError && /unbound variable|parameter/.test(e.message)) throw new ExitRequest(1);
      return 1;
    }
    throw e;
  }

  private async runSimple(cmd: SimpleCommand, io: IO, foreground: boolean, exec: boolean): Promise<number> {
    this.currentLine = cmd.line;
    let argv: string[];
    try {
      argv = await expandWords(cmd.words, this.env);
    } catch (e) {
      return this.expansionFailed(e, io);
    }
    const assigns: Array<[string, string]> = [];
    try {
      for (const a of cmd.assigns) {
        const v = await expandString(a.value, this.env);
        assigns.push([a.name, a.append ? (this.getVar(a.name) ?? '') + v : v]);
      }
    } catch (e) {
      return this.expansionFailed(e, io);
    }
    if (this.opts.xtrace) {
      safeWrite(io.err, '+ ' + [...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ') + '\n');
    }
    if (argv.length === 0) {
      const statusBefore = cmd.words.length > 0 || cmd.assigns.some((a) => a.value.parts.some((p) => p.k === 'cmd')) ? this.status : 0;
      for (const [k, v] of assigns) if (!this.setVar(k, v)) return 1;
      const rio = await this.redirect(cmd.redirs, io);
      if (!rio) return 1;
      return statusBefore;
    }
    const rio = await this.redirect(cmd.redirs, io);
    if (!rio) return 1;
    const name = argv[0]!;
    const fn = this.functions.get(name);
    if (fn) return this.callFunction(name, fn, argv, rio, assigns);
    const builtin = getBuiltin(name);
    if (builtin) {
      // Assignments before a builtin last for its run only (POSIX special builtins aside).
      const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return await this.runBuiltin(builtin, argv, rio);
      } finally {
        for (const [k, v] of saved) {
          if (v === undefined) this.vars.delete(k);
          else this.vars.set(k, v);
        }
      }
    }
    return this.runExternal(argv, rio, assigns, foreground, exec);
  }

  async runBuiltin(builtin: Builtin, argv: string[], io: IO): Promise<number> {
    try {
      return await builtin(this, argv, io);
    } catch (e) {
      if (e instanceof Interrupted && e.signal === SIGPIPE) return 141;
      if (e instanceof FsError) {
        this.error(`${argv[0]}: ${e.message}`, io);
        return 1;
      }
      throw e;
    }
  }

  async callFunction(name: string, body: Command, argv: string[], io: IO, assigns: Array<[string, string]>): Promise<number> {
    if (this.callDepth >= MAX_CALL_DEPTH) {
      this.error(`${name}: maximum function nesting level exceeded (${MAX_CALL_DEPTH})`, io);
      return 1;
    }
    const savedPos = this.positional;
    const savedVars = assigns.map(([k]) => [k, this.vars.get(k)] as const);
    for (const [k, v] of assigns) this.setVar(k, v);
    this.positional = argv.slice(1);
    this.callDepth++;
    const localsBefore = this.locals;
    this.locals = new Map();
    try {
      return await this.runCommand(body, io, true);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.callDepth--;
      for (const [k, v] of this.locals) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
      }
      this.locals = localsBefore;
      this.positional = savedPos;
      for (const [k, v] of savedVars) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
      }
    }
  }

  /** Variables made `local` in the running function, with the values to restore. */
  locals: Map<string, ShellVar | undefined> | null = null;

  /** Runs a program from a file: PATH lookup, bash's messages when it cannot. */
  private async runExternal(argv: string[], io: IO, assigns: Array<[string, string]>, foreground: boolean, exec: boolean): Promise<number> {
    const name = argv[0]!;
    const path = this.getVar('PATH') ?? '';
    const found = this.host.findProgram(name, path, this.cred, this.cwd);
    if (!found.ok) {
      if (name.includes('/')) {
        const msg = found.reason === 'EACCES' ? 'Permission denied' : found.reason === 'EISDIR' ? 'is a directory' : found.reason === 'ENOEXEC' ? 'cannot execute binary file' : 'No such file or directory';
        this.error(`${name}: ${msg}`, io);
        return found.reason === 'ENOENT' ? 127 : 126;
      }
      if (found.reason === 'EACCES') {
        this.error(`${found.path ?? name}: Permission denied`, io);
        return 126;
      }
      if (found.reason === 'ENOEXEC') {
        this.error(`${found.path ?? name}: cannot execute binary file`, io);
        return 126;
      }
      this.error(`${name}: command not found`, io);
      return 127;
    }
    const env = this.exportedEnv();
    for (const [k, v] of assigns) env[k] = v;
    env.PWD = this.getVar('PWD') ?? this.cwd;
    if (exec) {
      // This process becomes the program.
      this.proc.comm = name.split('/').pop()!.slice(0, 15);
      this.proc.args = argv;
      const ctx = this.host.context(this.proc, {
        argv,
        stdin: io.in,
        stdout: io.out,
        stderr: io.err,
        env,
        cwd: this.cwd,
        cred: this.cred,
        umask: this.fs.umask,
        ppid: this.proc.ppid,
        tty: this.tty,
      });
      try {
        return await found.program(ctx);
      } catch (e) {
        if (e instanceof ExitRequest) return e.status;
        throw e;
      }
    }
    const jobControl = foreground && this.interactive && this.scriptName === null;
    const child = this.host.exec({
      argv,
      program: found.program,
      path: found.path,
      stdin: io.in,
      stdout: io.out,
      stderr: io.err,
      env,
      cwd: this.cwd,
      cred: this.cred,
      umask: this.fs.umask,
      ppid: this.proc.pid,
      pgid: jobControl ? 0 : this.proc.pgid,
      tty: this.tty,
    });
    return this.waitJob([child], child.pgid);
  }

  // ---- redirections -------------------------------------------------------------------------

  /** Applies redirections to io; prints bash's error and returns null when one fails. */
  async redirect(redirs: Redir[], io: IO): Promise<IO | null> {
    if (redirs.length === 0) return io;
    const fds: Array<Source | OutputStream | null> = [io.in, io.out, io.err];
    for (const r of redirs) {
      let target: string;
      try {
        target = r.heredoc
          ? r.heredoc.expand
            ? await expandString({ parts: wordParts(r.heredoc.body, true), text: '' }, this.env)
            : r.heredoc.body
          : await expandString(r.target, this.env);
      } catch (e) {
        this.expansionFailed(e, io);
        return null;
      }
      if (!r.heredoc && r.op !== '>&' && r.op !== '<&') {
        // A redirection target that globs to one file is that file.
        const words = await expandWords([r.target], this.env).catch(() => [target]);
        if (words.length > 1) {
          this.error(`${r.target.text}: ambiguous redirect`, io);
          return null;
        }
        if (words.length === 1) target = words[0]!;
      }
      const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
      try {
        switch (r.op) {
          case '<':
            fds[fd] = this.openRead(target);
            break;
          case '<<':
          case '<<-':
            fds[fd] = this.host.stringSource(target);
            break;
          case '<<<':
            fds[fd] = this.host.stringSource(target + '\n');
            break;
          case '>':
          case '>|':
            fds[fd] = this.openWrite(target, false);
            break;
          case '>>':
            fds[fd] = this.openWrite(target, true);
            break;
          case '<>':
            fds[fd] = this.openRead(target);
            break;
          case '&>':
          case '&>>': {
            const out = this.openWrite(target, r.op === '&>>');
            fds[1] = out;
            fds[2] = out;
            break;
          }
          case '>&':
          case '<&': {
            if (target === '-') {
              fds[fd] = fd === 0 ? this.host.stringSource('') : nullOutput;
              break;
            }
            if (!/^\d+$/.test(target)) {
              if (r.op === '>&' && r.fd === null) {
                const out = this.openWrite(target, false);
                fds[1] = out;
                fds[2] = out;
                break;
              }
              this.error(`${target}: ambiguous redirect`, io);
              return null;
            }
            const src = fds[Number(target)];
            if (src === undefined || src === null) {
              this.error(`${target}: Bad file descriptor`, io);
              return null;
            }
            fds[fd] = src;
            break;
          }
        }
      } catch (e) {
        if (e instanceof FsError) {
          this.error(`${target}: ${e.message}`, io);
          return null;
        }
        throw e;
      }
    }
    return { in: asSource(fds[0]) ?? io.in, out: asSink(fds[1]) ?? io.out, err: asSink(fds[2]) ?? io.err };
  }

  private openRead(path: string): Source {
    if (path === '/dev/null' || path === '/dev/zero') return this.host.stringSource('');
    if (path === '/dev/stdin' || path === '/dev/tty') return this.io.in;
    const abs = this.fs.abs(path);
    const st = this.fs.stat(abs);
    if (st.type === 'dir') return this.host.stringSource('');
    return this.host.stringSource(this.fs.readFile(abs));
  }

  private openWrite(path: string, append: boolean): OutputStream {
    const abs = this.fs.abs(path);
    if (DEVICE_SINKS.has(abs)) return nullOutput;
    if (abs === '/dev/stdout') return this.io.out;
    if (abs === '/dev/stderr') return this.io.err;
    if (abs === '/dev/tty' && this.tty) return { isTTY: true, write: (t) => this.tty!.write(t) };
    const node = this.fs.openForWrite(abs, { append });
    return new FileOutput(this.host.vfs, node);
  }

  // ---- prompts ------------------------------------------------------------------------------

  /** Decodes PS1-style escapes: \u \h \H \w \W \$ \t \d \n \s \v \\ \[ \]. */
  prompt(ps: string): string {
    const home = this.getVar('HOME') ?? '';
    const cwd = this.getVar('PWD') ?? this.cwd;
    const tildeCwd = home && home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
    const user = this.host.users.getpwuid(this.cred.uid)?.name ?? String(this.cred.uid);
    return ps.replace(/\\([uhHwW$tTdnsvV\\[\]@AjlrLe!#]|0[0-7]{2})/g, (_m, c: string) => {
      switch (c) {
        case 'u': return user;
        case 'h': return this.host.hostname.split('.')[0]!;
        case 'H': return this.host.hostname;
        case 'w': return tildeCwd;
        case 'W': return cwd === home ? '~' : cwd === '/' ? '/' : cwd.split('/').pop()!;
        case '$': return this.cred.uid === 0 ? '#' : '$';
        case 's': return 'bash';
        case 'v': return '4.1';
        case 'V': return '4.1.2';
        case 'n': return '\n';
        case 'r': return '\r';
        case 'e': return '\x1b';
        case '\\': return '\\';
        case '[': case ']': return '';
        case 'l': return this.tty?.name ?? 'tty';
        case 'j': return String(this.jobs.length);
        case '!': case '#': return String(this.history.count() + 1);
        default: return '';
      }
    });
  }
}

function asSource(x: Source | OutputStream | null | undefined): Source | null {
  return x && 'tryRead' in x ? x : null;
}

function asSink(x: Source | OutputStream | null | undefined): OutputStream | null {
  return x && 'write' in x ? x : null;
}

export function safeWrite(out: OutputStream, text: string): void {
  try {
    out.write(text);
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
  }
}

/** A process of the job's group waits to read the terminal from the background. */
export function isStopped(j: Job, host: Host): boolean {
  return j.procs.some((p) => p.alive) && host.procs.list().some((p) => p.pgid === j.pgid && p.stoppedForTty);
}

function signalWord(sig: number): string {
  switch (sig) {
    case SIGTERM: return 'Terminated';
    case SIGKILL: return 'Killed';
    case SIGINT: return 'Interrupt';
    case 1: return 'Hangup';
    default: return `Exit ${128 + sig}`;
  }
}

export function commandText(cmd: Command): string {
  if (cmd.type === 'simple') return cmd.words.map((w) => w.text).join(' ');
  return cmd.type;
}

export { plainText };
