/**
 * mv: coreutils 8.4. The lab has one filesystem, so every move is a rename(2); the checks and
 * prompts before it follow copy.c in move mode (-i/-f/-n/-u/-v, write-protected prompts on a
 * terminal, "same file", directory onto non-directory, a directory into itself).
 */
import type { StatInfo } from '../../fs/vfs';
import type { Program } from '../../proc/program';
import {
  argmatch, argmatchError, getopt, helpText, isErr, joinPath, lastComponent, octal4, permString, progName, quote,
  readYes, statPath, stripTrailingSlashes, tryFs, usageError, versionText, type LongOpt,
  safeCtx, targetDirOption } from './common';

const LONG: LongOpt[] = [
  { name: 'backup', arg: 'optional', key: 'b' },
  { name: 'force', arg: 'none', key: 'f' },
  { name: 'interactive', arg: 'none', key: 'i' },
  { name: 'no-clobber', arg: 'none', key: 'n' },
  { name: 'no-target-directory', arg: 'none', key: 'T' },
  { name: 'strip-trailing-slashes', arg: 'none', key: '--strip-trailing-slashes' },
  { name: 'reply', arg: 'required', key: '--reply' },
  { name: 'suffix', arg: 'required', key: 'S' },
  { name: 'target-directory', arg: 'required', key: 't' },
  { name: 'update', arg: 'none', key: 'u' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

const BACKUP_ARGS = [['none', 'off'], ['simple', 'never'], ['existing', 'nil'], ['numbered', 't']];

export const mv: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'mv');
  const fs = ctx.fs;
  let interactive: 'unspecified' | 'yes' | 'ask' | 'no' = 'unspecified';
  let update = false;
  let verbose = false;
  let backup = false;
  let suffix = ctx.env.SIMPLE_BACKUP_SUFFIX ?? '~';
  let targetDir: string | null = null;
  let noTargetDir = false;
  let stripSlashes = false;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'bfint:uvS:T', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... [-T] SOURCE DEST\n  or:  ' + prog + ' [OPTION]... SOURCE... DIRECTORY\n  or:  ' + prog + ' [OPTION]... -t DIRECTORY SOURCE...', 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.');
      case '--version':
        return versionText(ctx, 'mv');
      case 'b':
        if (arg !== undefined && argmatch(arg, BACKUP_ARGS) < 0) return argmatchError(ctx, prog, 'backup type', arg, BACKUP_ARGS);
        backup = arg === undefined || argmatch(arg, BACKUP_ARGS) !== 0;
        break;
      case 'f': interactive = 'yes'; break;
      case 'i': interactive = 'ask'; break;
      case 'n': interactive = 'no'; break;
      case 'u': update = true; break;
      case 'v': verbose = true; break;
      case 'S': backup = true; suffix = arg ?? '~'; break;
      case 'T': noTargetDir = true; break;
      case '--strip-trailing-slashes': stripSlashes = true; break;
      case '--reply': {
        const args = [['yes'], ['no'], ['query']];
        const i = argmatch(arg ?? '', args);
        if (i < 0) return argmatchError(ctx, prog, '--reply', arg ?? '', args);
        ctx.stderr.write(`${prog}: the --reply option is deprecated; use -i or -f instead\n`);
        interactive = i === 0 ? 'yes' : i === 1 ? 'no' : 'ask';
        break;
      }
      case 't': {
        const dir = targetDirOption(ctx, prog, arg ?? '', targetDir);
        if (dir === null) return 1;
        targetDir = dir;
        break;
      }
    }
  }
  if (backup && interactive === 'no') return usageError(ctx, prog, 'options --backup and --no-clobber are mutually exclusive');
  const files = parsed.operands.slice();
  if (files.length <= (targetDir === null ? 1 : 0)) {
    if (files.length === 0) return usageError(ctx, prog, 'missing file operand');
    return usageError(ctx, prog, `missing destination file operand after ${quote(files[0]!)}`);
  }
  if (noTargetDir) {
    if (targetDir !== null) {
      ctx.stderr.write(`${prog}: cannot combine --target-directory (-t) and --no-target-directory (-T)\n`);
      return 1;
    }
    if (files.length > 2) return usageError(ctx, prog, `extra operand ${quote(files[2]!)}`);
  } else if (targetDir === null) {
    const last = files[files.length - 1]!;
    const st = tryFs(() => fs.stat(last));
    if (isErr(st) && st.code !== 'ENOENT') {
      ctx.stderr.write(`${prog}: accessing ${quote(last)}: ${st.message}\n`);
      return 1;
    }
    if (!isErr(st) && st.type === 'dir') {
      targetDir = last;
      files.pop();
    } else if (files.length > 2) {
      ctx.stderr.write(`${prog}: target ${quote(last)} is not a directory\n`);
      return 1;
    }
  }

  const moved = new Map<number, string>();
  const err = (msg: string, e?: { message: string }): false => {
    ctx.stderr.write(`${prog}: ${msg}${e ? ': ' + e.message : ''}\n`);
    return false;
  };

  const move = async (src: string, dst: string): Promise<boolean> => {
    const sst = statPath(ctx, src, false);
    if (isErr(sst)) return err(`cannot stat ${quote(src)}`, sst);
    if (lastComponent(src) === '.' || lastComponent(src) === '..' || fs.abs(src) === '/') {
      return err(`cannot move ${quote(src)} to ${quote(dst)}`, { message: 'Device or resource busy' });
    }
    const d = tryFs(() => fs.lstat(dst));
    if (isErr(d) && d.code !== 'ENOENT') return err(`cannot stat ${quote(dst)}`, d);
    if (!isErr(d)) {
      if (d.ino === sst.ino) {
        const sameName = fs.abs(stripTrailingSlashes(src)) === fs.abs(stripTrailingSlashes(dst));
        if (d.type === 'symlink' && !sameName) {
          // a symlink moved onto itself under another name: rename replaces it
        } else if (!sameName && d.nlink > 1 && d.type !== 'dir') {
          // two hard links to one file: mv just removes the source name
          if (await abandon(dst, d)) return true;
          const r = tryFs(() => fs.unlink(src));
          if (isErr(r)) return err(`cannot remove ${quote(src)}`, r);
          if (verbose) ctx.stdout.write(`removed ${quote(src)}\n`);
          return true;
        } else return err(`${quote(src)} and ${quote(dst)} are the same file`);
      }
      if (sst.type !== 'dir' && update && d.mtime >= sst.mtime) return true;
      if (await abandon(dst, d)) return true;
      if (d.type !== 'dir') {
        if (sst.type === 'dir' && !backup) return err(`cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
        const earlier = moved.get(d.ino);
        if (earlier !== undefined && fs.abs(earlier) === fs.abs(dst)) {
          return err(`will not overwrite just-created ${quote(dst)} with ${quote(src)}`);
        }
      }
      if (sst.type !== 'dir' && d.type === 'dir' && !backup) return err(`cannot overwrite directory ${quote(dst)} with non-directory`);
      if (backup && lastComponent(src) !== '.' && lastComponent(src) !== '..') {
        const backupName = dst + suffix;
        if (fs.abs(backupName) === fs.abs(src)) {
          return err(`backing up ${quote(dst)} would destroy source;  ${quote(src)} not moved`);
        }
        const r = tryFs(() => fs.rename(dst, backupName));
        if (isErr(r) && r.code !== 'ENOENT') return err(`cannot backup ${quote(dst)}`, r);
        if (verbose && !isErr(r)) {
          ctx.stdout.write(`${quote(src)} -> ${quote(dst)} (backup: ${quote(backupName)})\n`);
          const mr = tryFs(() => fs.rename(src, dst));
          if (isErr(mr)) return err(`cannot move ${quote(src)} to ${quote(dst)}`, mr);
          moved.set(sst.ino, dst);
          return true;
        }
      }
    }
    if (verbose && sst.type !== 'dir') ctx.stdout.write(`${quote(src)} -> ${quote(dst)}\n`);
    const r = tryFs(() => fs.rename(src, dst));
    if (isErr(r)) {
      if (r.code === 'EINVAL') {
        err(`cannot move ${quote(src)} to a subdirectory of itself, ${quote(dst)}`);
        return false;
      }
      return err(`cannot move ${quote(src)} to ${quote(dst)}`, r);
    }
    if (verbose && sst.type === 'dir') ctx.stdout.write(`${quote(src)} -> ${quote(dst)}\n`);
    moved.set(sst.ino, dst);
    return true;
  };

  /** Whether to leave an existing destination alone (-n, a declined prompt). */
  const abandon = async (dst: string, d: StatInfo): Promise<boolean> => {
    if (interactive === 'no') return true;
    const writable = d.type === 'symlink' || fs.cred.uid === 0 || fs.access(dst, 2);
    const ask = interactive === 'ask' || (interactive === 'unspecified' && ctx.stdin.isTTY && !writable);
    if (!ask) return false;
    if (!writable) ctx.stderr.write(`${prog}: try to overwrite ${quote(dst)}, overriding mode ${octal4(d.mode)} (${permString(d.mode)})? `);
    else ctx.stderr.write(`${prog}: overwrite ${quote(dst)}? `);
    return !(await readYes(ctx));
  };

  let ok = true;
  if (targetDir !== null) {
    for (let arg of files) {
      if (stripSlashes) arg = stripTrailingSlashes(arg);
      const base = lastComponent(arg);
      ok = (await move(arg, joinPath(targetDir, base))) && ok;
    }
  } else {
    let src = files[0]!;
    if (stripSlashes) src = stripTrailingSlashes(src);
    ok = await move(src, files[1]!);
  }
  return ok ? 0 : 1;
};
