/**
 * cp: coreutils 8.4's copy logic (copy.c) in the lab's filesystem: files, symlinks, whole
 * trees with -r/-R/-a, -p/-a preserving mode, owner and times, -i/-n/-f/-u/-v, -s/-l links,
 * simple backups, "cannot copy a directory into itself" and "omitting directory".
 */
import type { FsError } from '../../fs/errors';
import type { StatInfo } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import {
  getopt, helpText, isErr, joinPath, lastComponent, octal4, permString, progName, quote, readYes,
  statPath, stripTrailingSlashes, tryFs, usageError, versionText, argmatch, argmatchError, type LongOpt,
  safeCtx, targetDirOption } from './common';

type Deref = 'undefined' | 'never' | 'cmdline' | 'always';

interface CpOptions {
  recursive: boolean;
  deref: Deref;
  preserveMode: boolean;
  preserveOwner: boolean;
  preserveTimes: boolean;
  preserveLinks: boolean;
  interactive: 'unspecified' | 'ask' | 'no';
  unlinkAfterFailedOpen: boolean;
  unlinkBefore: boolean;
  update: boolean;
  verbose: boolean;
  symbolic: boolean;
  hardLink: boolean;
  backup: boolean;
  suffix: string;
}

const LONG: LongOpt[] = [
  { name: 'archive', arg: 'none', key: 'a' },
  { name: 'backup', arg: 'optional', key: 'b' },
  { name: 'copy-contents', arg: 'none', key: '--copy-contents' },
  { name: 'dereference', arg: 'none', key: 'L' },
  { name: 'force', arg: 'none', key: 'f' },
  { name: 'interactive', arg: 'none', key: 'i' },
  { name: 'link', arg: 'none', key: 'l' },
  { name: 'no-clobber', arg: 'none', key: 'n' },
  { name: 'no-dereference', arg: 'none', key: 'P' },
  { name: 'no-preserve', arg: 'required', key: '--no-preserve' },
  { name: 'no-target-directory', arg: 'none', key: 'T' },
  { name: 'one-file-system', arg: 'none', key: 'x' },
  { name: 'parents', arg: 'none', key: '--parents' },
  { name: 'path', arg: 'none', key: '--parents' },
  { name: 'preserve', arg: 'optional', key: '--preserve' },
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'remove-destination', arg: 'none', key: '--remove-destination' },
  { name: 'sparse', arg: 'required', key: '--sparse' },
  { name: 'reflink', arg: 'optional', key: '--reflink' },
  { name: 'strip-trailing-slashes', arg: 'none', key: '--strip-trailing-slashes' },
  { name: 'suffix', arg: 'required', key: 'S' },
  { name: 'symbolic-link', arg: 'none', key: 's' },
  { name: 'target-directory', arg: 'required', key: 't' },
  { name: 'update', arg: 'none', key: 'u' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

const PRESERVE_ARGS = [['mode'], ['timestamps'], ['ownership'], ['links'], ['context'], ['xattr'], ['all']];
const BACKUP_ARGS = [['none', 'off'], ['simple', 'never'], ['existing', 'nil'], ['numbered', 't']];

export const cp: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'cp');
  const x: CpOptions = {
    recursive: false,
    deref: 'undefined',
    preserveMode: false,
    preserveOwner: false,
    preserveTimes: false,
    preserveLinks: false,
    interactive: 'unspecified',
    unlinkAfterFailedOpen: false,
    unlinkBefore: false,
    update: false,
    verbose: false,
    symbolic: false,
    hardLink: false,
    backup: false,
    suffix: ctx.env.SIMPLE_BACKUP_SUFFIX ?? '~',
  };
  let targetDir: string | null = null;
  let noTargetDir = false;
  let stripSlashes = false;
  let parents = false;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'abdfHilLnprst:uvxPRS:T', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... [-T] SOURCE DEST\n  or:  ' + prog + ' [OPTION]... SOURCE... DIRECTORY\n  or:  ' + prog + ' [OPTION]... -t DIRECTORY SOURCE...', 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.');
      case '--version':
        return versionText(ctx, 'cp');
      case 'a':
        x.deref = 'never';
        x.preserveLinks = x.preserveOwner = x.preserveMode = x.preserveTimes = true;
        x.recursive = true;
        break;
      case 'b':
        if (arg !== undefined && argmatch(arg, BACKUP_ARGS) < 0) return argmatchError(ctx, prog, 'backup type', arg, BACKUP_ARGS);
        x.backup = arg === undefined || argmatch(arg, BACKUP_ARGS) !== 0;
        break;
      case 'd':
        x.preserveLinks = true;
        x.deref = 'never';
        break;
      case 'f': x.unlinkAfterFailedOpen = true; break;
      case 'H': x.deref = 'cmdline'; break;
      case 'i': x.interactive = 'ask'; break;
      case 'l': x.hardLink = true; break;
      case 'L': x.deref = 'always'; break;
      case 'n': x.interactive = 'no'; break;
      case 'P': x.deref = 'never'; break;
      case 'p':
        x.preserveOwner = x.preserveMode = x.preserveTimes = true;
        break;
      case '--preserve':
      case '--no-preserve': {
        const on = key === '--preserve';
        const list = arg === undefined ? ['mode', 'ownership', 'timestamps'] : arg.split(',');
        for (const item of list) {
          const i = argmatch(item, PRESERVE_ARGS);
          if (i < 0) return argmatchError(ctx, prog, key, item, PRESERVE_ARGS);
          const what = PRESERVE_ARGS[i]![0];
          if (what === 'mode' || what === 'all') x.preserveMode = on;
          if (what === 'timestamps' || what === 'all') x.preserveTimes = on;
          if (what === 'ownership' || what === 'all') x.preserveOwner = on;
          if (what === 'links' || what === 'all') x.preserveLinks = on;
        }
        break;
      }
      case '--parents': parents = true; break;
      case 'r':
      case 'R': x.recursive = true; break;
      case '--remove-destination': x.unlinkBefore = true; break;
      case '--strip-trailing-slashes': stripSlashes = true; break;
      case 's': x.symbolic = true; break;
      case 't': {
        const dir = targetDirOption(ctx, prog, arg ?? '', targetDir);
        if (dir === null) return 1;
        targetDir = dir;
        break;
      }
      case 'T': noTargetDir = true; break;
      case 'u': x.update = true; break;
      case 'v': x.verbose = true; break;
      case 'S': x.backup = true; x.suffix = arg ?? '~'; break;
      case '--sparse': {
        const args = [['never'], ['auto'], ['always']];
        if (argmatch(arg ?? '', args) < 0) return argmatchError(ctx, prog, '--sparse', arg ?? '', args);
        break;
      }
      default:
        break;
    }
  }
  if (x.hardLink && x.symbolic) return usageError(ctx, prog, 'cannot make both hard and symbolic links');
  if (x.backup && x.interactive === 'no') return usageError(ctx, prog, 'options --backup and --no-clobber are mutually exclusive');
  if (x.deref === 'undefined') x.deref = x.recursive && !x.hardLink ? 'never' : 'always';

  const files = parsed.operands.slice();
  if (files.length <= (targetDir === null ? 1 : 0)) {
    if (files.length === 0) return usageError(ctx, prog, 'missing file operand');
    return usageError(ctx, prog, `missing destination file operand after ${quote(files[0]!)}`);
  }
  const copier = new Copier(ctx, prog, x);
  if (noTargetDir) {
    if (targetDir !== null) {
      ctx.stderr.write(`${prog}: cannot combine --target-directory (-t) and --no-target-directory (-T)\n`);
      return 1;
    }
    if (files.length > 2) return usageError(ctx, prog, `extra operand ${quote(files[2]!)}`);
  } else if (targetDir === null) {
    const last = files[files.length - 1]!;
    const st = tryFs(() => ctx.fs.stat(last));
    if (isErr(st) && st.code !== 'ENOENT') {
      ctx.stderr.write(`${prog}: accessing ${quote(last)}: ${st.message}\n`);
      return 1;
    }
    if (files.length >= 2 && !isErr(st) && st.type === 'dir') {
      targetDir = last;
      files.pop();
    } else if (files.length > 2) {
      ctx.stderr.write(`${prog}: target ${quote(last)} is not a directory\n`);
      return 1;
    }
  }
  let ok = true;
  if (targetDir !== null) {
    for (let arg of files) {
      if (stripSlashes) arg = stripTrailingSlashes(arg);
      let dst: string;
      if (parents) {
        dst = joinPath(targetDir, stripTrailingSlashes(arg).replace(/^\/+/, ''));
        if (!(await copier.makeParents(targetDir, stripTrailingSlashes(arg)))) {
          ok = false;
          continue;
        }
      } else {
        const base = lastComponent(arg);
        dst = base === '..' ? targetDir : joinPath(targetDir, base);
      }
      ok = (await copier.copyTop(arg, dst)) && ok;
    }
  } else {
    if (parents) return usageError(ctx, prog, 'with --parents, the destination must be a directory');
    ok = await copier.copyTop(files[0]!, files[1]!);
  }
  return ok ? 0 : 1;
};

class Copier {
  /** Source inode -> destination name, for -a's hard links and the copy-into-itself check. */
  private copied = new Map<number, string>();
  private destSeen = new Map<number, string>();
  private topSrc = '';
  private topDst = '';
  private firstDirCreated = false;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly prog: string,
    private readonly x: CpOptions,
  ) {}

  private err(msg: string, e?: FsError): false {
    this.ctx.stderr.write(`${this.prog}: ${msg}${e ? ': ' + e.message : ''}\n`);
    return false;
  }

  /** --parents: creates the directories leading to the copy, as the source has them. */
  async makeParents(target: string, arg: string): Promise<boolean> {
    const parts = arg.split('/').filter((p) => p !== '');
    parts.pop();
    let src = '';
    let dst = target;
    for (const part of parts) {
      src = src === '' ? (arg.startsWith('/') ? '/' + part : part) : src + '/' + part;
      dst = joinPath(dst, part);
      const st = tryFs(() => this.ctx.fs.stat(dst));
      if (!isErr(st)) {
        if (st.type !== 'dir') return this.err(`${quote(dst)} exists but is not a directory`);
        continue;
      }
      const sst = tryFs(() => this.ctx.fs.stat(src));
      if (isErr(sst)) return this.err(`failed to get attributes of ${quote(src)}`, sst);
      const made = tryFs(() => this.ctx.fs.mkdir(dst, sst.mode & 0o777));
      if (isErr(made)) return this.err(`cannot make directory ${quote(dst)}`, made);
      if (this.x.verbose) this.ctx.stdout.write(`${src} -> ${dst}\n`);
    }
    return true;
  }

  async copyTop(src: string, dst: string): Promise<boolean> {
    this.topSrc = src;
    this.topDst = dst;
    this.firstDirCreated = false;
    return this.copy(src, dst, false, true, []);
  }

  private srcStat(src: string, cmdline: boolean): StatInfo | FsError {
    const follow = this.x.deref === 'always' || (this.x.deref === 'cmdline' && cmdline);
    return statPath(this.ctx, src, follow);
  }

  private async copy(src: string, dst: string, knownNew: boolean, cmdline: boolean, ancestors: number[]): Promise<boolean> {
    const { ctx, x } = this;
    const fs = ctx.fs;
    const sst = this.srcStat(src, cmdline);
    if (isErr(sst)) return this.err(`cannot stat ${quote(src)}`, sst);
    if (sst.type === 'dir' && !x.recursive) return this.err(`omitting directory ${quote(src)}`);

    let newDst = knownNew;
    let dstSt: StatInfo | null = null;
    if (!newDst) {
      const useStat = sst.type === 'file' && !(x.symbolic || x.hardLink || x.backup || x.unlinkBefore);
      const d = useStat ? tryFs(() => fs.stat(dst)) : tryFs(() => fs.lstat(dst));
      if (isErr(d)) {
        if (d.code !== 'ENOENT') return this.err(`cannot stat ${quote(dst)}`, d);
        newDst = true;
      } else {
        dstSt = d;
        let returnNow = false;
        if (d.ino === sst.ino) {
          if (x.hardLink) returnNow = true;
          else if (!(x.deref === 'never' && sst.type === 'symlink' && d.type === 'symlink' && fs.abs(src) !== fs.abs(dst))) {
            return this.err(`${quote(src)} and ${quote(dst)} are the same file`);
          }
        }
        if (sst.type !== 'dir' && x.update && d.mtime >= sst.mtime) return true;
        if (sst.type !== 'dir') {
          if (x.interactive === 'no') return true;
          if (x.interactive === 'ask') {
            this.overwritePrompt(dst, d);
            if (!(await readYes(ctx))) return true;
          }
        }
        if (returnNow) return true;
        if (d.type !== 'dir') {
          if (sst.type === 'dir') return this.err(`cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
          if (cmdline) {
            const seen = this.destSeen.get(d.ino);
            if (seen !== undefined && fs.abs(seen) === fs.abs(dst)) {
              return this.err(`will not overwrite just-created ${quote(dst)} with ${quote(src)}`);
            }
          }
        }
        if (sst.type !== 'dir' && d.type === 'dir') return this.err(`cannot overwrite directory ${quote(dst)} with non-directory`);
        if (x.backup && d.type !== 'dir' && lastComponent(src) !== '.' && lastComponent(src) !== '..') {
          const backupName = dst + x.suffix;
          if (fs.abs(backupName) === fs.abs(src)) {
            return this.err(`backing up ${quote(dst)} would destroy source;  ${quote(src)} not copied`);
          }
          const r = tryFs(() => fs.rename(dst, backupName));
          if (isErr(r) && r.code !== 'ENOENT') return this.err(`cannot backup ${quote(dst)}`, r);
          newDst = true;
          dstSt = null;
        } else if (
          d.type !== 'dir' &&
          (x.unlinkBefore || (x.preserveLinks && d.nlink > 1) || (x.deref === 'never' && sst.type !== 'file'))
        ) {
          const r = tryFs(() => fs.unlink(dst));
          if (isErr(r) && r.code !== 'ENOENT') return this.err(`cannot remove ${quote(dst)}`, r);
          newDst = true;
          dstSt = null;
          if (x.verbose) ctx.stdout.write(`removed ${quote(dst)}\n`);
        }
      }
    }

    if (x.verbose && sst.type !== 'dir') ctx.stdout.write(`${quote(src)} -> ${quote(dst)}\n`);

    // Hard links in the source (-a / -d) and directories met twice.
    let earlier: string | undefined;
    if (x.preserveLinks && !x.hardLink && sst.type !== 'dir' && sst.nlink > 1) {
      earlier = this.copied.get(sst.ino);
      if (earlier === undefined) this.copied.set(sst.ino, dst);
    } else if (x.recursive && sst.type === 'dir') {
      earlier = this.copied.get(sst.ino);
      if (cmdline && earlier === undefined) this.copied.set(sst.ino, dst);
    }
    if (earlier !== undefined) {
      if (sst.type === 'dir') {
        if (fs.abs(earlier) === fs.abs(src)) {
          return this.err(`cannot copy a directory, ${quote(this.topSrc)}, into itself, ${quote(this.topDst)}`);
        }
        if (x.deref !== 'always') return this.err(`will not create hard link ${quote(dst)} to directory ${quote(earlier)}`);
      } else {
        let r = tryFs(() => fs.link(earlier!, dst));
        if (isErr(r) && r.code === 'EEXIST') {
          const u = tryFs(() => fs.unlink(dst));
          if (isErr(u)) return this.err(`cannot remove ${quote(dst)}`, u);
          if (x.verbose) ctx.stdout.write(`removed ${quote(dst)}\n`);
          r = tryFs(() => fs.link(earlier!, dst));
        }
        if (isErr(r)) return this.err(`cannot create hard link ${quote(dst)} to ${quote(earlier)}`, r);
        return true;
      }
    }

    const umask = fs.umask;
    const srcMode = sst.mode & 0o7777;
    let ok = true;
    let restoreMode: number | null = null;
    let destIsSymlink = false;

    if (sst.type === 'dir') {
      if (ancestors.includes(sst.ino)) return this.err(`cannot copy cyclic symbolic link ${quote(src)}`);
      if (newDst || !dstSt || dstSt.type !== 'dir') {
        const omitted = srcMode & (x.preserveOwner ? 0o077 : 0o022);
        const made = tryFs(() => fs.mkdir(dst, srcMode & 0o777 & ~omitted));
        if (isErr(made)) {
          this.forget(sst.ino, cmdline);
          return this.err(`cannot create directory ${quote(dst)}`, made);
        }
        const now = tryFs(() => fs.lstat(dst));
        if (isErr(now)) return this.err(`cannot stat ${quote(dst)}`, now);
        if ((now.mode & 0o700) !== 0o700) {
          restoreMode = now.mode;
          const r = tryFs(() => fs.chmod(dst, now.mode | 0o700));
          if (isErr(r)) return this.err(`setting permissions for ${quote(dst)}`, r);
        }
        if (!this.firstDirCreated) {
          this.copied.set(now.ino, dst);
          this.firstDirCreated = true;
        }
        if (x.verbose) ctx.stdout.write(`${quote(src)} -> ${quote(dst)}\n`);
        // mkdir left out the write bits for group/other; put back what the umask allows.
        if (!x.preserveMode && restoreMode === null) {
          const want = (now.mode | omitted) & ~umask & 0o7777;
          if (want !== now.mode) restoreMode = want;
        } else if (!x.preserveMode && restoreMode !== null) restoreMode = (restoreMode | omitted) & ~umask & 0o7777;
        newDst = true;
      }
      const names = tryFs(() => fs.readdir(src));
      if (isErr(names)) {
        ok = this.err(`cannot access ${quote(src)}`, names);
      } else {
        const next = [...ancestors, sst.ino];
        for (const name of names) {
          ok = (await this.copy(joinPath(src, name), joinPath(dst, name), newDst, false, next)) && ok;
        }
      }
    } else if (x.symbolic) {
      destIsSymlink = true;
      if (!src.startsWith('/')) {
        const parent = dst.includes('/') ? dst.slice(0, dst.lastIndexOf('/')) || '/' : '.';
        const inCwd = parent === '.' || fs.abs(parent) === fs.abs('.');
        if (!inCwd) return this.err(`${quote(dst)}: can make relative symbolic links only in current directory`);
      }
      const r = tryFs(() => fs.symlink(src, dst));
      if (isErr(r)) return this.err(`cannot create symbolic link ${quote(dst)} to ${quote(src)}`, r);
    } else if (x.hardLink && (sst.type !== 'symlink' || x.deref !== 'never')) {
      const r = tryFs(() => fs.link(src, dst));
      if (isErr(r)) return this.err(`cannot create link ${quote(dst)}`, r);
    } else if (sst.type === 'symlink') {
      destIsSymlink = true;
      const target = tryFs(() => fs.readlink(src));
      if (isErr(target)) return this.err(`cannot read symbolic link ${quote(src)}`, target);
      const r = tryFs(() => fs.symlink(target, dst));
      if (isErr(r)) {
        let same = false;
        if (x.update && !newDst && dstSt && dstSt.type === 'symlink') {
          const cur = tryFs(() => fs.readlink(dst));
          same = !isErr(cur) && cur === target;
        }
        if (!same) return this.err(`cannot create symbolic link ${quote(dst)}`, r);
      }
      if (x.preserveOwner && ctx.fs.cred.uid === 0) tryFs(() => fs.chown(dst, sst.uid, sst.gid, false));
    } else {
      const r = this.copyRegular(src, dst, sst, newDst);
      if (r === null) {
        this.forget(sst.ino, cmdline);
        return false;
      }
      newDst = r;
    }

    const after = tryFs(() => fs.lstat(dst));
    if (cmdline && !isErr(after)) this.destSeen.set(after.ino, dst);
    if (x.hardLink && sst.type !== 'dir') return ok;

    if (x.preserveTimes) {
      if (!destIsSymlink) {
        const r = tryFs(() => fs.utimes(dst, sst.atime, sst.mtime));
        if (isErr(r)) {
          this.err(`preserving times for ${quote(dst)}`, r);
          return false;
        }
      }
    }
    if (destIsSymlink) return ok;
    let mode = srcMode;
    if (x.preserveOwner && (newDst || !dstSt || dstSt.uid !== sst.uid || dstSt.gid !== sst.gid)) {
      const r = tryFs(() => fs.chown(dst, sst.uid, sst.gid));
      if (isErr(r)) {
        if (ctx.fs.cred.uid === 0) {
          this.err(`failed to preserve ownership for ${quote(dst)}`, r);
          return false;
        }
        // Not root: keep at least the group when we may, and drop the special bits.
        tryFs(() => fs.chown(dst, null, sst.gid));
        mode &= ~0o7000;
      }
    }
    if (x.preserveMode) {
      const r = tryFs(() => fs.chmod(dst, mode));
      if (isErr(r)) {
        this.err(`preserving permissions for ${quote(dst)}`, r);
        return false;
      }
    } else if (restoreMode !== null) {
      const r = tryFs(() => fs.chmod(dst, restoreMode!));
      if (isErr(r)) {
        this.err(`preserving permissions for ${quote(dst)}`, r);
        return false;
      }
    }
    return ok;
  }

  private forget(ino: number, cmdline: boolean): void {
    if (!cmdline) return;
    this.copied.delete(ino);
  }

  private overwritePrompt(dst: string, d: StatInfo): void {
    const fs = this.ctx.fs;
    const writable = d.type === 'symlink' || fs.cred.uid === 0 || fs.access(dst, 2);
    if (!writable) {
      this.ctx.stderr.write(`${this.prog}: try to overwrite ${quote(dst)}, overriding mode ${octal4(d.mode)} (${permString(d.mode)})? `);
    } else this.ctx.stderr.write(`${this.prog}: overwrite ${quote(dst)}? `);
  }

  /** Copies a regular file's data; returns whether the destination was created, or null. */
  private copyRegular(src: string, dst: string, sst: StatInfo, newDst: boolean): boolean | null {
    const { ctx, x } = this;
    const fs = ctx.fs;
    const content = tryFs(() => fs.readFile(src));
    if (isErr(content)) {
      this.err(`cannot open ${quote(src)} for reading`, content);
      return null;
    }
    const srcMode = sst.mode & 0o7777;
    const omitted = x.preserveOwner ? srcMode & 0o077 : 0;
    if (!newDst) {
      const r = tryFs(() => fs.writeFile(dst, content));
      if (!isErr(r)) return false;
      if (!x.unlinkAfterFailedOpen) {
        this.err(`cannot create regular file ${quote(dst)}`, r);
        return null;
      }
      const u = tryFs(() => fs.unlink(dst));
      if (isErr(u)) {
        this.err(`cannot remove ${quote(dst)}`, u);
        return null;
      }
      if (x.verbose) ctx.stdout.write(`removed ${quote(dst)}\n`);
    }
    if (dst.endsWith('/')) {
      ctx.stderr.write(`${this.prog}: cannot create regular file ${quote(dst)}: Is a directory\n`);
      return null;
    }
    const link = tryFs(() => fs.lstat(dst));
    if (!isErr(link) && link.type === 'symlink') {
      this.err(`not writing through dangling symlink ${quote(dst)}`);
      return null;
    }
    const made = tryFs(() => fs.writeFile(dst, content, { mode: srcMode & 0o777 & ~omitted, exclusive: true }));
    if (isErr(made)) {
      this.err(`cannot create regular file ${quote(dst)}`, made);
      return null;
    }
    return true;
  }
}
