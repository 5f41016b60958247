import type { Program, ProgramContext } from '../proc/program';
import { ExitRequest, Interrupted, SIGINT, SIGQUIT, SIGTERM } from '../proc/signals';
import { FsError } from '../fs/errors';
import { Shell, safeWrite, type IO } from './interp';
import { parse, Incomplete, ShellSyntaxError } from './parser';
import type { List } from './ast';
import { LineEditor } from './readline';
import { shellCompleter } from './completion';

/** /bin/bash: a login or interactive shell on a terminal, a script, or `bash -c`. */
export const bash: Program = async (ctx) => {
  const argv0 = ctx.argv[0] ?? 'bash';
  let login = argv0.startsWith('-');
  let command: string | null = null;
  let interactiveFlag = false;
  let noProfile = false;
  let noRc = false;
  const setFlags: string[] = [];
  let i = 1;
  for (; i < ctx.argv.length; i++) {
    const a = ctx.argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--login') login = true;
    else if (a === '--norc') noRc = true;
    else if (a === '--noprofile') noProfile = true;
    else if (a === '--posix' || a === '--noediting') continue;
    else if (a.startsWith('--')) {
      ctx.stderr.write(`bash: ${a}: invalid option\n`);
      ctx.stderr.write('Usage:\tbash [GNU long option] [option] ...\n\tbash [GNU long option] [option] script-file ...\n');
      return 2;
    } else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'c') command = '';
        else if (c === 'l') login = true;
        else if (c === 'i') interactiveFlag = true;
        else if ('exufv'.includes(c)) setFlags.push(c);
        else if (c === 's') continue;
        else {
          ctx.stderr.write(`bash: -${c}: invalid option\n`);
          ctx.stderr.write('Usage:\tbash [GNU long option] [option] ...\n\tbash [GNU long option] [option] script-file ...\n');
          return 2;
        }
      }
    } else break;
  }
  const rest = ctx.argv.slice(i);
  const io: IO = { in: ctx.stdin.source, out: ctx.stdout, err: ctx.stderr };
  const sh = new Shell(ctx.host, ctx.proc, ctx.fs.cred, ctx.fs.cwd, ctx.tty, io, argv0);
  sh.fs.umask = ctx.fs.umask;
  sh.login = login;
  initVariables(sh, ctx);
  for (const f of setFlags) {
    if (f === 'e') sh.opts.errexit = true;
    if (f === 'u') sh.opts.nounset = true;
    if (f === 'x') sh.opts.xtrace = true;
    if (f === 'f') sh.opts.noglob = true;
  }

  if (command !== null) {
    const text = rest[0];
    if (text === undefined) {
      ctx.stderr.write('bash: -c: option requires an argument\n');
      return 2;
    }
    sh.name = rest[1] ?? argv0.replace(/^-/, '');
    sh.positional = rest.slice(2);
    return runToEnd(sh, () => sh.runString(text, { final: true }));
  }

  if (rest.length > 0) {
    const path = rest[0]!;
    let text: string;
    try {
      const st = sh.fs.stat(path);
      if (st.type === 'dir') {
        ctx.stderr.write(`bash: ${path}: is a directory\n`);
        return 126;
      }
      text = sh.fs.readFile(path);
    } catch (e) {
      if (e instanceof FsError) {
        ctx.stderr.write(`bash: ${path}: ${e.message}\n`);
        return e.code === 'ENOENT' ? 127 : 126;
      }
      throw e;
    }
    sh.name = path;
    sh.scriptName = path;
    sh.positional = rest.slice(1);
    return runToEnd(sh, () => sh.runString(stripShebang(text), { final: true }));
  }

  const interactive = interactiveFlag || (ctx.stdin.isTTY && ctx.tty !== null);
  if (!interactive || !ctx.tty) {
    const text = await ctx.stdin.readAll();
    sh.name = argv0.replace(/^-/, '');
    return runToEnd(sh, () => sh.runString(text, { final: true }));
  }
  return interactiveLoop(sh, ctx, { login, noProfile, noRc });
};

function stripShebang(text: string): string {
  return text.startsWith('#!') ? text.replace(/^#![^\n]*/, '') : text;
}

async function runToEnd(sh: Shell, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof Object && 'status' in e && e.constructor.name === 'ReturnSignal') return (e as { status: number }).status;
    throw e;
  }
}

/** The environment becomes exported shell variables; bash adds its own. */
function initVariables(sh: Shell, ctx: ProgramContext): void {
  for (const [k, v] of Object.entries(ctx.env)) {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) sh.vars.set(k, { value: v, exported: true });
  }
  const shlvl = Number(ctx.env.SHLVL ?? '0');
  sh.vars.set('SHLVL', { value: String((Number.isFinite(shlvl) ? shlvl : 0) + 1), exported: true });
  sh.vars.set('PWD', { value: sh.cwd, exported: true });
  if (!sh.vars.has('PATH')) sh.vars.set('PATH', { value: '/usr/local/bin:/bin:/usr/bin', exported: true });
  sh.vars.set('BASH', { value: '/bin/bash', exported: false });
  sh.vars.set('BASH_VERSION', { value: ctx.host.profile.release === 'el6' ? '4.1.2(1)-release' : '3.2.25(1)-release', exported: false });
  sh.vars.set('HOSTTYPE', { value: 'i386', exported: false });
  sh.vars.set('OSTYPE', { value: 'linux-gnu', exported: false });
  sh.vars.set('MACHTYPE', { value: 'i386-redhat-linux-gnu', exported: false });
  sh.vars.set('PS2', { value: '> ', exported: false });
  sh.vars.set('PS4', { value: '+ ', exported: false });
  sh.vars.set('OPTIND', { value: '1', exported: false });
}

async function interactiveLoop(sh: Shell, ctx: ProgramContext, o: { login: boolean; noProfile: boolean; noRc: boolean }): Promise<number> {
  const tty = ctx.tty!;
  sh.interactive = true;
  // SIGINT is not ignored: it aborts what the shell itself is running (a loop, `read`), as
  // bash's handler does; jobs get their own ^C through the terminal's foreground group.
  ctx.proc.ignored.add(SIGQUIT);
  ctx.proc.ignored.add(SIGTERM);
  if (!sh.vars.has('PS1')) sh.vars.set('PS1', { value: '[\\u@\\h \\W]\\$ ', exported: false });
  const home = sh.getVar('HOME') ?? '/';
  const historyFile = `${home}/.bash_history`;
  try {
    sh.history.load(sh.fs.readFile(historyFile));
  } catch {
    // no history yet
  }
  const startup = async (file: string): Promise<boolean> => {
    if (!sh.fs.tryStat(file)) return false;
    try {
      await sh.runString(`. ${file}`, { final: true });
    } catch (e) {
      if (!(e instanceof ExitRequest)) throw e;
    }
    return true;
  };
  if (o.login) {
    if (!o.noProfile) {
      await startup('/etc/profile');
      for (const f of ['.bash_profile', '.bash_login', '.profile']) if (await startup(`${home}/${f}`)) break;
    }
  } else if (!o.noRc) await startup(`${home}/.bashrc`);
  sh.status = 0;

  const editor = new LineEditor(tty, ctx.proc, sh.history, shellCompleter(sh));
  let status = 0;
  for (;;) {
    sh.notifyJobs();
    let r;
    try {
      r = await editor.read(sh.prompt(sh.getVar('PS1') ?? ''));
    } catch (e) {
      // A SIGINT that arrived while no command was waiting: nothing left to abort.
      if (e instanceof Interrupted && e.signal === SIGINT) continue;
      throw e;
    }
    if (r.line === null) {
      safeWrite(sh.io.err, o.login ? 'logout\n' : 'exit\n');
      break;
    }
    if (r.interrupted) {
      sh.status = 130;
      continue;
    }
    let list: List | null;
    try {
      list = await readCommand(sh, editor, r.line);
    } catch (e) {
      if (e instanceof Interrupted && e.signal === SIGINT) continue;
      throw e;
    }
    if (list === null) continue;
    try {
      status = await sh.runList(list, sh.io);
    } catch (e) {
      if (e instanceof Interrupted && e.signal === SIGINT) {
        // ^C in a loop or a builtin of this shell: abandon the command line.
        safeWrite(sh.io.err, '\n');
        sh.status = status = 128 + e.signal;
        continue;
      }
      if (e instanceof ExitRequest) {
        status = e.status;
        break;
      }
      if (e instanceof Object && e.constructor.name === 'ReturnSignal') {
        sh.error("return: can only `return' from a function or sourced script");
        continue;
      }
      if (e instanceof Object && (e.constructor.name === 'BreakSignal' || e.constructor.name === 'ContinueSignal')) continue;
      throw e;
    }
  }
  try {
    sh.fs.writeFile(historyFile, sh.history.save(), { mode: 0o600 });
  } catch {
    // a home the user cannot write: bash keeps quiet too
  }
  return status;
}

/**
 * Reads one complete command: more lines (PS2) while the parser wants them, history expansion
 * on each line, then the history entry. Null when there is nothing to run.
 */
async function readCommand(sh: Shell, editor: LineEditor, first: string): Promise<List | null> {
  let src = '';
  // The history entry: bash's cmdhist joins continuation lines with "; " (or a space after
  // `do`, `then`, `{` ...), but keeps real newlines inside quotes and here-documents.
  let entry = '';
  let keepNewline = false;
  let line: string | null = first;
  let echoExpanded = false;
  for (;;) {
    const exp = sh.history.expand(line);
    if ('error' in exp) {
      sh.error(exp.error);
      return null;
    }
    if (exp.changed) echoExpanded = true;
    if (src === '') {
      src = exp.line;
      entry = exp.line;
    } else {
      src += '\n' + exp.line;
      const bare = /(^|\s)(do|then|else|\{|in|\|\||&&|\|)\s*$/.test(entry) || /[;&]\s*$/.test(entry) || entry.trim() === '';
      entry += keepNewline ? '\n' + exp.line : (bare ? ' ' : '; ') + exp.line.replace(/^\s+/, '');
    }
    try {
      const list = parse(src, { aliases: sh.aliases });
      if (echoExpanded) safeWrite(sh.io.out, src + '\n');
      if (src.trim() !== '') sh.history.add(entry);
      return list;
    } catch (e) {
      if (e instanceof Incomplete) {
        keepNewline = e.what === "'" || e.what === '"' || e.what === '`' || e.what === 'here-document' || e.what === ')';
        const more = await editor.read(sh.prompt(sh.getVar('PS2') ?? '> '));
        if (more.interrupted) {
          sh.status = 130;
          return null;
        }
        if (more.line === null) {
          if (e.what === "'" || e.what === '"' || e.what === '`') sh.error(`unexpected EOF while looking for matching \`${e.what}'`);
          sh.error('syntax error: unexpected end of file');
          sh.history.add(entry);
          sh.status = 2;
          return null;
        }
        line = more.line;
        continue;
      }
      if (e instanceof ShellSyntaxError) {
        sh.error(e.message);
        sh.history.add(entry);
        sh.status = 2;
        return null;
      }
      throw e;
    }
  }
}
