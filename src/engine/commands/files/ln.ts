/**
 * ln: coreutils 8.4 (5.97 wording on RHEL 5). Hard links and -s symbolic links, into a
 * directory or to a name, -f replacing, -i asking, -n not following a symlink to a directory
 * as the destination, -v reporting, simple backups with -b.
 */
import type { StatInfo } from '../../fs/vfs';
import type { Program } from '../../proc/program';
import {
  argmatch, argmatchError, getopt, helpText, isEl5, isErr, joinPath, lastComponent, progName, quote, readYes,
  stripTrailingSlashes, tryFs, usageError, versionText, type LongOpt,
  safeCtx, targetDirOption } from './common';

const LONG: LongOpt[] = [
  { name: 'backup', arg: 'optional', key: 'b' },
  { name: 'directory', arg: 'none', key: 'F' },
  { name: 'no-dereference', arg: 'none', key: 'n' },
  { name: 'no-target-directory', arg: 'none', key: 'T' },
  { name: 'force', arg: 'none', key: 'f' },
  { name: 'interactive', arg: 'none', key: 'i' },
  { name: 'suffix', arg: 'required', key: 'S' },
  { name: 'target-directory', arg: 'required', key: 't' },
  { name: 'logical', arg: 'none', key: 'L' },
  { name: 'physical', arg: 'none', key: 'P' },
  { name: 'symbolic', arg: 'none', key: 's' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

const BACKUP_ARGS = [['none', 'off'], ['simple', 'never'], ['existing', 'nil'], ['numbered', 't']];

export const ln: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'ln');
  const el5 = isEl5(ctx);
  const fs = ctx.fs;
  let symbolic = false;
  let force = false;
  let interactive = false;
  let derefDestDir = true;
  let verbose = false;
  let logical = false;
  let hardDirLink = false;
  let backup = false;
  let suffix = ctx.env.SIMPLE_BACKUP_SUFFIX ?? '~';
  let targetDir: string | null = null;
  let noTargetDir = false;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'bdfinst:vFLPS:T', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... [-T] TARGET LINK_NAME   (1st form)\n  or:  ' + prog + ' [OPTION]... TARGET                  (2nd form)\n  or:  ' + prog + ' [OPTION]... TARGET... DIRECTORY     (3rd form)\n  or:  ' + prog + ' [OPTION]... -t DIRECTORY TARGET...  (4th form)', 'Create hard links by default, symbolic links with --symbolic.');
      case '--version':
        return versionText(ctx, 'ln');
      case 'b':
        if (arg !== undefined && argmatch(arg, BACKUP_ARGS) < 0) return argmatchError(ctx, prog, 'backup type', arg, BACKUP_ARGS);
        backup = arg === undefined || argmatch(arg, BACKUP_ARGS) !== 0;
        break;
      case 'd':
      case 'F': hardDirLink = true; break;
      case 'f': force = true; interactive = false; break;
      case 'i': force = false; interactive = true; break;
      case 'L': logical = true; break;
      case 'n': derefDestDir = false; break;
      case 'P': logical = false; break;
      case 's': symbolic = true; break;
      case 'v': verbose = true; break;
      case 'S': backup = true; suffix = arg ?? '~'; break;
      case 'T': noTargetDir = true; break;
      case 't': {
        const dir = targetDirOption(ctx, prog, arg ?? '', targetDir);
        if (dir === null) return 1;
        targetDir = dir;
        break;
      }
    }
  }
  const files = parsed.operands.slice();
  if (files.length === 0) return usageError(ctx, prog, 'missing file operand');
  if (noTargetDir) {
    if (targetDir !== null) {
      ctx.stderr.write(`${prog}: cannot combine --target-directory and --no-target-directory\n`);
      return 1;
    }
    if (files.length !== 2) {
      if (files.length < 2) return usageError(ctx, prog, `missing destination file operand after ${quote(files[0]!)}`);
      return usageError(ctx, prog, `extra operand ${quote(files[2]!)}`);
    }
  } else if (targetDir === null) {
    if (files.length < 2) targetDir = '.';
    else {
      const last = files[files.length - 1]!;
      const base = lastComponent(last);
      const looksDir = last.endsWith('/') || base === '' ;
      const st = tryFs(() => (derefDestDir ? fs.stat(last) : fs.lstat(last)));
      if (isErr(st) && st.code !== 'ENOENT') {
        ctx.stderr.write(`${prog}: accessing ${quote(last)}: ${st.message}\n`);
        return 1;
      }
      const isDir = !isErr(st) && st.type === 'dir';
      if (looksDir && !isDir) {
        ctx.stderr.write(`${prog}: target ${quote(last)} is not a directory${isErr(st) ? ': ' + st.message : ''}\n`);
        return 1;
      }
      if (isDir) {
        targetDir = last;
        files.pop();
      } else if (files.length > 2) {
        ctx.stderr.write(`${prog}: target ${quote(last)} is not a directory\n`);
        return 1;
      }
    }
  }

  const created = new Map<number, string>();
  const err = (msg: string, e?: { message: string }): false => {
    ctx.stderr.write(`${prog}: ${msg}${e ? ': ' + e.message : ''}\n`);
    return false;
  };

  const doLink = async (source: string, dest: string): Promise<boolean> => {
    let sst: StatInfo | null = null;
    let sourceIsDir = false;
    if (!symbolic) {
      const s = tryFs(() => (logical ? fs.stat(source) : fs.lstat(source)));
      if (isErr(s)) return err(`accessing ${quote(source)}`, s);
      sst = s;
      if (s.type === 'dir') {
        sourceIsDir = true;
        if (!hardDirLink) return err(`${quote(source)}: hard link not allowed for directory`);
      }
    }
    let dstSt: StatInfo | null = null;
    let removeExisting = force;
    if (force || interactive || backup) {
      const d = tryFs(() => fs.lstat(dest));
      if (isErr(d) && d.code !== 'ENOENT') return err(`accessing ${quote(dest)}`, d);
      if (!isErr(d)) dstSt = d;
    }
    if (dstSt && created.has(dstSt.ino) && fs.abs(created.get(dstSt.ino)!) === fs.abs(dest)) {
      return err(`will not overwrite just-created ${quote(dest)} with ${quote(source)}`);
    }
    if ((force || (!symbolic && backup)) && dstSt && (!backup || !symbolic)) {
      const s = symbolic ? tryFs(() => fs.stat(source)) : sst;
      if (s && !isErr(s) && s.ino === dstSt.ino && (s.nlink === 1 || fs.abs(source) === fs.abs(dest))) {
        return err(`${quote(source)} and ${quote(dest)} are the same file`);
      }
    }
    let backupName: string | null = null;
    if (dstSt) {
      if (dstSt.type === 'dir') return err(`${quote(dest)}: cannot overwrite directory`);
      if (interactive) {
        ctx.stderr.write(`${prog}: replace ${quote(dest)}? `);
        if (!(await readYes(ctx))) return true;
        removeExisting = true;
      }
      if (backup) {
        backupName = dest + suffix;
        const r = tryFs(() => fs.rename(dest, backupName!));
        if (isErr(r)) {
          backupName = null;
          if (r.code !== 'ENOENT') return err(`cannot backup ${quote(dest)}`, r);
        }
      }
    }
    const make = () => tryFs(() => (symbolic ? fs.symlink(source, dest) : logical ? fs.link(fs.realpath(source), dest) : fs.link(source, dest)));
    let r = make();
    if (isErr(r) && r.code === 'EEXIST' && (removeExisting || backupName)) {
      const u = tryFs(() => fs.unlink(dest));
      if (isErr(u)) return err(`cannot remove ${quote(dest)}`, u);
      r = make();
    }
    if (!isErr(r)) {
      const st = tryFs(() => fs.lstat(dest));
      if (!isErr(st) && !symbolic) created.set(st.ino, dest);
      if (verbose) {
        if (el5) ctx.stdout.write(`create ${symbolic ? 'symbolic' : 'hard'} link ${quote(dest)} to ${quote(source)}${backupName ? ` (backup: ${quote(backupName)})` : ''}\n`);
        else ctx.stdout.write(`${backupName ? quote(backupName) + ' ~ ' : ''}${quote(dest)} ${symbolic ? '-' : '='}> ${quote(source)}\n`);
      }
      return true;
    }
    let what: string;
    if (el5) what = `creating ${symbolic ? 'symbolic' : 'hard'} link ${quote(dest)} to ${quote(source)}`;
    else if (symbolic) what = r.code !== 'ENAMETOOLONG' && source !== '' ? `creating symbolic link ${quote(dest)}` : `creating symbolic link ${quote(dest)} -> ${quote(source)}`;
    else what = r.code === 'EEXIST' || r.code === 'EROFS' ? `creating hard link ${quote(dest)}` : `creating hard link ${quote(dest)} => ${quote(source)}`;
    void sourceIsDir;
    if (backupName) tryFs(() => fs.rename(backupName!, dest));
    return err(what, r);
  };

  let ok = true;
  if (targetDir !== null) {
    for (const f of files) {
      const base = stripTrailingSlashes(lastComponent(f));
      ok = (await doLink(f, joinPath(targetDir, base))) && ok;
    }
  } else ok = await doLink(files[0]!, files[1]!);
  return ok ? 0 : 1;
};
