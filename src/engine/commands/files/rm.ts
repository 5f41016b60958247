/**
 * rm: coreutils 8.4's remove.c over the lab's filesystem. Depth-first removal with -r, the
 * prompts of -i/-I and of write-protected files on a terminal, --preserve-root for "/", the
 * refusal of `.' and `..', and quiet -f.
 */
import type { FsError } from '../../fs/errors';
import type { StatInfo } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import {
  argmatch, argmatchError, getopt, helpText, isDotOrDotDot, isEl5, isErr, joinPath, lastComponent, progName, quote,
  readYes, statPath, stripTrailingSlashes, tryFs, usageError, versionText, type LongOpt,
  safeCtx,
} from './common';

const LONG: LongOpt[] = [
  { name: 'directory', arg: 'none', key: 'd' },
  { name: 'force', arg: 'none', key: 'f' },
  { name: 'interactive', arg: 'optional', key: '--interactive' },
  { name: 'one-file-system', arg: 'none', key: '--one-file-system' },
  { name: 'no-preserve-root', arg: 'none', key: '--no-preserve-root' },
  { name: 'preserve-root', arg: 'none', key: '--preserve-root' },
  { name: '-presume-input-tty', arg: 'none', key: '--presume-input-tty' },
  { name: 'recursive', arg: 'none', key: 'r' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

const INTERACTIVE_ARGS = [['never', 'no', 'none'], ['once'], ['always', 'yes']];

type Status = 'ok' | 'declined' | 'error';

interface RmOptions {
  interactive: 'never' | 'sometimes' | 'always';
  ignoreMissing: boolean;
  recursive: boolean;
  verbose: boolean;
  stdinTty: boolean;
  preserveRoot: boolean;
}

/** file_type() of coreutils: what the prompt calls the file. */
function fileType(st: StatInfo): string {
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

export const rm: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'rm');
  const x: RmOptions = {
    interactive: 'sometimes',
    ignoreMissing: false,
    recursive: false,
    verbose: false,
    stdinTty: ctx.stdin.isTTY,
    preserveRoot: !isEl5(ctx),
  };
  let promptOnce = false;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'dfirvIR', long: LONG });
  if (!parsed.ok) {
    ctx.stderr.write(`${prog}: ${parsed.message}\n`);
    for (const a of ctx.argv.slice(1)) {
      if (a.startsWith('-') && a.length > 1 && !isErr(tryFs(() => ctx.fs.lstat(a)))) {
        const shellQuoted = /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
        ctx.stderr.write(`Try \`${prog} ./${shellQuoted}' to remove the file ${quote(a)}.\n`);
        break;
      }
    }
    return usageError(ctx, prog, null);
  }
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... FILE...', 'Remove (unlink) the FILE(s).');
      case '--version':
        return versionText(ctx, 'rm');
      case 'd': break;
      case 'f':
        x.interactive = 'never';
        x.ignoreMissing = true;
        promptOnce = false;
        break;
      case 'i':
        x.interactive = 'always';
        x.ignoreMissing = false;
        promptOnce = false;
        break;
      case 'I':
        x.interactive = 'never';
        x.ignoreMissing = false;
        promptOnce = true;
        break;
      case 'r':
      case 'R': x.recursive = true; break;
      case 'v': x.verbose = true; break;
      case '--interactive': {
        const i = arg === undefined ? 2 : argmatch(arg, INTERACTIVE_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--interactive', arg ?? '', INTERACTIVE_ARGS);
        if (i === 0) {
          x.interactive = 'never';
          promptOnce = false;
        } else if (i === 1) {
          x.interactive = 'sometimes';
          x.ignoreMissing = false;
          promptOnce = true;
        } else {
          x.interactive = 'always';
          x.ignoreMissing = false;
          promptOnce = false;
        }
        break;
      }
      case '--no-preserve-root': x.preserveRoot = false; break;
      case '--preserve-root': x.preserveRoot = true; break;
      case '--presume-input-tty': x.stdinTty = true; break;
      case '--one-file-system': break;
    }
  }
  const files = parsed.operands;
  if (files.length === 0) {
    if (x.ignoreMissing) return 0;
    return usageError(ctx, prog, 'missing operand');
  }
  if (promptOnce && (x.recursive || files.length > 3)) {
    ctx.stderr.write(x.recursive ? `${prog}: remove all arguments recursively? ` : `${prog}: remove all arguments? `);
    if (!(await readYes(ctx))) return 0;
  }
  const remover = new Remover(ctx, prog, x);
  for (const f of files) await remover.removeTop(f);
  return remover.failed ? 1 : 0;
};

class Remover {
  failed = false;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly prog: string,
    private readonly x: RmOptions,
  ) {}

  private error(msg: string, e?: FsError | string): 'error' {
    const text = e === undefined ? '' : ': ' + (typeof e === 'string' ? e : e.message);
    this.ctx.stderr.write(`${this.prog}: ${msg}${text}\n`);
    this.failed = true;
    return 'error';
  }

  private missing(e: FsError): boolean {
    return this.x.ignoreMissing && (e.code === 'ENOENT' || e.code === 'ENOTDIR');
  }

  async removeTop(arg: string): Promise<Status> {
    const el5 = isEl5(this.ctx);
    if (el5 && isDotOrDotDot(lastComponent(arg))) return this.error("cannot remove `.' or `..'");
    const st = statPath(this.ctx, arg, false);
    if (isErr(st)) {
      if (this.missing(st)) return 'ok';
      return this.error(`${el5 ? 'cannot lstat' : 'cannot remove'} ${quote(arg)}`, st);
    }
    if (st.type === 'dir') {
      if (!this.x.recursive) return this.error(`${el5 ? 'cannot remove directory' : 'cannot remove'} ${quote(arg)}`, 'Is a directory');
      const path = stripTrailingSlashes(arg);
      if (isDotOrDotDot(lastComponent(arg))) return this.error(`cannot remove directory: ${quote(path)}`);
      if (this.x.preserveRoot && this.ctx.fs.abs(path) === '/') {
        if (path === '/') this.error(`it is dangerous to operate recursively on ${quote('/')}`);
        else this.error(`it is dangerous to operate recursively on ${quote(path)} (same as ${quote('/')})`);
        this.error('use --no-preserve-root to override this failsafe');
        return 'error';
      }
      return this.removeDir(path, st);
    }
    return this.removeFile(arg, st);
  }

  /** Whether a non-symlink is write-protected for us (root never is). */
  private writeProtected(path: string, st: StatInfo): boolean {
    if (this.ctx.fs.cred.uid === 0 || st.type === 'symlink') return false;
    return !this.ctx.fs.access(path, 2);
  }

  private async prompt(path: string, st: StatInfo, isDir: boolean, descend: boolean, isEmpty: boolean): Promise<boolean> {
    const x = this.x;
    if (x.interactive === 'never') return true;
    const check = x.interactive === 'always' || x.stdinTty;
    const wp = check && this.writeProtected(path, st);
    if (!wp && x.interactive !== 'always') return true;
    if (st.type === 'symlink' && x.interactive !== 'always') return true;
    if (isDir && descend && !isEmpty) {
      this.ctx.stderr.write(`${this.prog}: ${wp ? 'descend into write-protected directory' : 'descend into directory'} ${quote(path)}? `);
    } else {
      this.ctx.stderr.write(`${this.prog}: remove ${wp ? 'write-protected ' : ''}${fileType(st)} ${quote(path)}? `);
    }
    return readYes(this.ctx);
  }

  private async removeFile(path: string, st: StatInfo): Promise<Status> {
    if (!(await this.prompt(path, st, false, false, false))) return 'declined';
    const r = tryFs(() => this.ctx.fs.unlink(path));
    if (isErr(r)) {
      if (this.missing(r)) return 'ok';
      return this.error(`cannot remove ${quote(path)}`, r);
    }
    if (this.x.verbose) this.ctx.stdout.write(`removed ${quote(path)}\n`);
    return 'ok';
  }

  private excise(path: string, readErr: FsError | null): Status {
    const r = tryFs(() => this.ctx.fs.rmdir(path));
    if (isErr(r)) {
      if (this.missing(r)) return 'ok';
      return this.error(`cannot remove ${quote(path)}`, readErr ?? r);
    }
    if (this.x.verbose) this.ctx.stdout.write(`removed directory: ${quote(path)}\n`);
    return 'ok';
  }

  private async removeDir(path: string, st: StatInfo): Promise<Status> {
    const fs = this.ctx.fs;
    const names = tryFs(() => fs.readdir(path));
    const isEmpty = !isErr(names) && names.length === 0;
    const interactiveHere = this.x.interactive === 'always' || (this.x.stdinTty && this.writeProtected(path, st));
    if (!(await this.prompt(path, st, true, true, isEmpty))) return 'declined';
    if (interactiveHere && isEmpty && this.x.interactive !== 'never') return this.excise(path, null);
    if (isErr(names)) {
      // An unreadable directory: try to remove it anyway, reporting why it could not be read.
      if (!(await this.prompt(path, st, true, false, false))) return 'declined';
      return this.excise(path, names);
    }
    let childFailed = false;
    for (const name of names) {
      const child = joinPath(path, name);
      const cst = tryFs(() => fs.lstat(child));
      let s: Status;
      if (isErr(cst)) {
        s = this.missing(cst) ? 'ok' : this.error(`cannot remove ${quote(child)}`, cst);
      } else if (cst.type === 'dir') s = await this.removeDir(child, cst);
      else s = await this.removeFile(child, cst);
      if (s !== 'ok') childFailed = true;
    }
    if (childFailed) return 'declined';
    const now = tryFs(() => fs.lstat(path));
    if (!(await this.prompt(path, isErr(now) ? st : now, true, false, false))) return 'declined';
    return this.excise(path, null);
  }
}
