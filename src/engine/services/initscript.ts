/**
 * What an init script can do: the lab's version of /etc/rc.d/init.d/functions (initscripts 9.03
 * on RHEL 6, 8.45.30 on RHEL 5) bound to the process running the script.
 *
 * Output conventions kept from the real library:
 * - success/failure/warning/passed print the status word in brackets and a carriage return;
 *   the caller prints the newline (`echo`), as the scripts do.
 * - With BOOTUP=color (consoletype says the standard input is a terminal) the word is put at
 *   column 60 with `ESC[60G` and coloured; otherwise (serial: pipes, files, boot) it is plain.
 * - status() prints `NAME (pid  123) is running...` with two spaces when the pid came from a
 *   pid file (the library appends " $p"), one when it came from pidof.
 */
import type { Host } from '../host/host';
import type { Process } from '../proc/process';
import type { ProgramContext } from '../proc/program';
import { SIGKILL, SIGTERM } from '../proc/signals';
import { sleepFor } from '../proc/sleep';
import { basename } from '../fs/path';
import type { Facility } from '../syslog/syslog';
import { matchesProgram, noteSender, procExtra } from './daemon';

export type StatusWord = 'OK' | 'FAILED' | 'WARNING' | 'PASSED';

const WORDS: Record<StatusWord, { text: string; color: string }> = {
  OK: { text: '  OK  ', color: '\x1b[0;32m' },
  FAILED: { text: 'FAILED', color: '\x1b[0;31m' },
  WARNING: { text: 'WARNING', color: '\x1b[0;33m' },
  PASSED: { text: 'PASSED', color: '\x1b[0;33m' },
};

/** The `[  OK  ]` mark as echo_success prints it. */
export function statusMark(word: StatusWord, color: boolean): string {
  const w = WORDS[word];
  return color ? `\x1b[60G[${w.color}${w.text}\x1b[0;39m]\r` : `[${w.text}]\r`;
}

export const LOCK_DIR = '/var/lock/subsys';

export interface PidLookup {
  /** 0: running, 1: dead but pid file exists, 3: no pid file (the __pids_var_run codes). */
  rc: 0 | 1 | 3;
  pids: number[];
}

export class InitScript {
  /** BOOTUP=color: the status words go to column 60, in colour. */
  readonly color: boolean;

  constructor(
    readonly ctx: ProgramContext,
    /** The service name (postfix). */
    readonly name: string,
    /** $0: how the script was invoked (/etc/init.d/postfix). */
    readonly path: string,
  ) {
    // functions runs /sbin/consoletype, which looks at standard input: anything but a
    // terminal is "serial", and serial turns the colours and the column move off.
    this.color = ctx.stdin.isTTY;
  }

  get host(): Host {
    return this.ctx.host;
  }

  get proc(): Process {
    return this.ctx.proc;
  }

  get el5(): boolean {
    return this.host.profile.release === 'el5';
  }

  /** $EUID = 0 */
  get root(): boolean {
    return this.ctx.fs.cred.uid === 0;
  }

  // ---- output ------------------------------------------------------------------------------

  out(text: string): void {
    this.ctx.stdout.write(text);
  }

  err(text: string): void {
    this.ctx.stderr.write(text);
  }

  /** echo -n */
  echoN(text: string): void {
    this.out(text);
  }

  /** echo */
  echo(text = ''): void {
    this.out(text + '\n');
  }

  /** success(): prints [  OK  ]; returns 0. */
  success(): number {
    this.out(statusMark('OK', this.color));
    return 0;
  }

  /** failure(): prints [FAILED]; returns 1. */
  failure(): number {
    this.out(statusMark('FAILED', this.color));
    return 1;
  }

  warning(): number {
    this.out(statusMark('WARNING', this.color));
    return 1;
  }

  passed(): number {
    this.out(statusMark('PASSED', this.color));
    return 1;
  }

  /** `action "TEXT" command`: TEXT, a space, the mark, a newline. */
  action(text: string, ok: boolean): number {
    this.echoN(text + ' ');
    const rc = ok ? this.success() : this.failure();
    this.echo();
    return rc;
  }

  /** echo $"Usage: $0 {start|stop|...}" */
  usage(actions: string): void {
    this.echo(`Usage: ${this.path} ${actions}`);
  }

  // ---- time --------------------------------------------------------------------------------

  /** sleep N / usleep: simulated time passes; a person at the console simply waits. */
  sleep(ms: number): Promise<void> {
    return sleepFor(this.proc, this.host.lab.scheduler, ms);
  }

  // ---- files -------------------------------------------------------------------------------

  exists(path: string): boolean {
    return this.ctx.fs.exists(path);
  }

  isFile(path: string): boolean {
    const st = this.ctx.fs.tryStat(path);
    return st !== null && st.type === 'file';
  }

  isDir(path: string): boolean {
    const st = this.ctx.fs.tryStat(path);
    return st !== null && st.type === 'dir';
  }

  /** [ -x path ] */
  executable(path: string): boolean {
    const st = this.ctx.fs.tryStat(path);
    return st !== null && st.type !== 'dir' && this.ctx.fs.access(path, 1);
  }

  /** rm -f */
  rm(path: string): void {
    try {
      const st = this.ctx.fs.tryLstat(path);
      if (st && st.type !== 'dir') this.ctx.fs.unlink(path);
    } catch {
      // rm -f is quiet
    }
  }

  /** touch (create when missing). */
  touch(path: string): boolean {
    try {
      if (!this.ctx.fs.exists(path)) this.ctx.fs.writeFile(path, '');
      else this.ctx.fs.utimes(path, this.host.now(), this.host.now());
      return true;
    } catch {
      return false;
    }
  }

  lockPath(name = this.name): string {
    return `${LOCK_DIR}/${name}`;
  }

  lock(name = this.name): void {
    this.touch(this.lockPath(name));
  }

  unlock(name = this.name): void {
    this.rm(this.lockPath(name));
  }

  locked(name = this.name): boolean {
    return this.isFile(this.lockPath(name));
  }

  /** Reads a file as the script's user; null when it cannot. */
  read(path: string): string | null {
    try {
      return this.ctx.fs.readFile(path);
    } catch {
      return null;
    }
  }

  /** KEY=value from a sysconfig-style file (quotes removed); undefined when not set. */
  sysconfig(path: string, key: string): string | undefined {
    const text = this.read(path);
    if (text === null) return undefined;
    let value: string | undefined;
    for (const line of text.split('\n')) {
      const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
      if (!m || m[1] !== key) continue;
      value = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    }
    return value;
  }

  /** NETWORKING=no in /etc/sysconfig/network. */
  networkingOff(): boolean {
    return this.sysconfig('/etc/sysconfig/network', 'NETWORKING') === 'no';
  }

  // ---- processes ---------------------------------------------------------------------------

  alive(pid: number): boolean {
    const p = this.host.procs.get(pid);
    return p !== undefined && p.alive;
  }

  /** __pids_var_run: pids from the pid file (all its lines on RHEL 6, the first on RHEL 5). */
  pidsFromFile(program: string, pidFile?: string): PidLookup {
    const file = pidFile || `/var/run/${basename(program)}.pid`;
    if (!this.isFile(file)) return { rc: 3, pids: [] };
    const text = this.read(file) ?? '';
    const lines = this.el5 ? text.split('\n').slice(0, 1) : text.split('\n');
    const pids: number[] = [];
    for (const line of lines) {
      if (line.trim() === '') {
        if (this.el5) continue;
        break;
      }
      for (const word of line.trim().split(/\s+/)) {
        if (/^\d+$/.test(word) && this.alive(Number(word))) pids.push(Number(word));
      }
    }
    return pids.length ? { rc: 0, pids } : { rc: 1, pids: [] };
  }

  /** pidof -c -o $$ -o $PPID -o %PPID -x program: highest pid first, this script left out. */
  pidof(program: string): number[] {
    const skip = new Set([this.proc.pid, this.proc.ppid]);
    const parent = this.host.procs.get(this.proc.ppid);
    if (parent) skip.add(parent.ppid);
    const found = this.host.procs
      .list()
      .filter((p) => p.alive && !skip.has(p.pid) && !procExtra(p)?.kernel && matchesProgram(p, program))
      .map((p) => p.pid)
      .sort((a, b) => b - a);
    if (found.length || !program.includes('/')) return found;
    return this.pidof(basename(program));
  }

  /**
   * status [-p pidfile] [-l lockname] program: prints and returns the LSB code
   * (0 running, 1 dead but pid file exists, 2 dead but subsys locked, 3 stopped).
   * `label` replaces the printed name (sendmail's script prints its own).
   */
  status(program: string, opts: { pidFile?: string; lockName?: string; quiet?: boolean; label?: string } = {}): number {
    const base = opts.label ?? basename(program);
    const print = (text: string): void => {
      if (!opts.quiet) this.echo(text);
    };
    const found = this.pidsFromFile(program, opts.pidFile);
    let pidText = found.pids.map((p) => ' ' + p).join('');
    if (!opts.pidFile && found.pids.length === 0) {
      const pids = this.pidof(program);
      pidText = pids.join(' ');
    }
    if (pidText !== '') {
      print(`${base} (pid ${pidText}) is running...`);
      return 0;
    }
    if (found.rc === 1) {
      print(`${base} dead but pid file exists`);
      return 1;
    }
    // RHEL 5's status() has no -l: it always looks for the lock named after the program
    const lock = this.el5 ? basename(program) : (opts.lockName ?? basename(program));
    if (lock !== '' && this.isFile(`${LOCK_DIR}/${lock}`)) {
      print(`${base} dead but subsys locked`);
      return 2;
    }
    print(`${base} is stopped`);
    return 3;
  }

  /** Waits until the process exits or ms pass, whichever is first. */
  private waitExit(proc: Process, ms: number): Promise<void> {
    if (!proc.alive) return Promise.resolve();
    return this.proc.block((wake) => {
      const undo = proc.exited.add(wake);
      const id = this.host.lab.scheduler.at(ms, wake, this.proc.tty !== null);
      return () => {
        undo();
        this.host.lab.scheduler.cancel(id);
      };
    });
  }

  private anyAlive(pids: readonly number[]): Process | undefined {
    for (const pid of pids) {
      const p = this.host.procs.get(pid);
      if (p && p.alive) return p;
    }
    return undefined;
  }

  /** kill -SIG pids, as the script's user. */
  send(pids: readonly number[], sig: number): boolean {
    let ok = true;
    for (const pid of pids) {
      const target = this.host.procs.get(pid);
      if (target) noteSender(target, this.proc.pid, this.ctx.fs.cred.uid);
      if (this.host.procs.kill(pid, sig, this.ctx.fs.cred.uid) !== null) ok = false;
    }
    return ok;
  }

  /**
   * killproc [-p pidfile] program [-signal]: with no signal, TERM then (after 0.1s, 1s and 3s
   * of waiting) KILL, printing [  OK  ] or [FAILED]; with a signal, just sends it. Returns RC.
   */
  async killproc(program: string, opts: { pidFile?: string; signal?: number; quiet?: boolean } = {}): Promise<number> {
    const base = basename(program);
    const mark = (ok: boolean): void => {
      if (opts.quiet) return;
      if (ok) this.success();
      else this.failure();
    };
    let pids = this.pidsFromFile(program, opts.pidFile).pids;
    if (!opts.pidFile && pids.length === 0) pids = this.pidof(program);
    let rc = 0;
    if (pids.length) {
      if (opts.signal === undefined) {
        if (this.anyAlive(pids)) {
          this.send(pids, SIGTERM);
          for (const wait of [100, 1000, 3000]) {
            const p = this.anyAlive(pids);
            if (!p) break;
            await this.waitExit(p, wait);
          }
          if (this.anyAlive(pids)) {
            this.send(pids, SIGKILL);
            const p = this.anyAlive(pids);
            if (p) await this.waitExit(p, 100);
          }
        }
        const still = this.anyAlive(pids) !== undefined;
        mark(!still);
        // the library returns !checkpid: 0 when the process is gone
        rc = still ? 1 : 0;
      } else if (this.anyAlive(pids)) {
        const ok = this.send(pids, opts.signal);
        mark(ok);
        rc = ok ? 0 : 1;
      }
    } else {
      mark(false);
      rc = 0;
    }
    if (opts.signal === undefined) this.rm(opts.pidFile || `/var/run/${base}.pid`);
    return rc;
  }

  /**
   * daemon [--pidfile f] [--check base] program: does nothing (status 0) when the pid file names
   * a live process; otherwise runs `run` (which prints whatever the program prints) and then
   * [  OK  ] or [FAILED] by its status.
   */
  async daemon(program: string, run: () => Promise<number>, opts: { pidFile?: string; check?: string } = {}): Promise<number> {
    const base = opts.check ?? basename(program);
    const found = this.pidsFromFile(base, opts.pidFile);
    if (found.pids.length) return 0;
    const status = await run();
    if (status === 0) return this.success();
    this.failure();
    return 1;
  }

  // ---- logging -----------------------------------------------------------------------------

  log(facility: Facility, tag: string, pid: number | null, message: string): void {
    this.host.syslog.log(facility, tag, pid, message);
  }
}
