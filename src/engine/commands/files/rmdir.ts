/**
 * rmdir: coreutils 8.4. Removes empty directories; -p also removes each parent named in the
 * argument, -v reports each attempt, --ignore-fail-on-non-empty is quiet about full ones.
 */
import { FsError } from '../../fs/errors';
import type { Program, ProgramContext } from '../../proc/program';
import { getopt, helpText, isEl5, isErr, lastComponent, progName, quote, stripTrailingSlashes, tryFs, usageError, versionText, type LongOpt, safeCtx } from './common';

const LONG: LongOpt[] = [
  { name: 'ignore-fail-on-non-empty', arg: 'none', key: '--ignore-fail-on-non-empty' },
  { name: 'path', arg: 'none', key: 'p' },
  { name: 'parents', arg: 'none', key: 'p' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

/** rmdir(2), with the kernel's answers for `.', `..' and a symlink named with a slash. */
export function rmdirPath(ctx: ProgramContext, path: string): FsError | null {
  const base = lastComponent(path);
  if (base === '.') return new FsError('EINVAL', path);
  if (base === '..') return new FsError('ENOTEMPTY', path);
  if (ctx.fs.abs(path) === '/') return new FsError('EBUSY', path);
  const st = tryFs(() => ctx.fs.lstat(path));
  if (isErr(st)) return st;
  if (st.type !== 'dir') return new FsError('ENOTDIR', path);
  const r = tryFs(() => ctx.fs.rmdir(path));
  return isErr(r) ? r : null;
}

export const rmdir: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'rmdir');
  let parents = false;
  let verbose = false;
  let ignoreNonEmpty = false;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'pv', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key } of parsed.opts) {
    if (key === '--help') return helpText(ctx, prog, '[OPTION]... DIRECTORY...', 'Remove the DIRECTORY(ies), if they are empty.');
    if (key === '--version') return versionText(ctx, 'rmdir');
    if (key === 'p') parents = true;
    if (key === 'v') verbose = true;
    if (key === '--ignore-fail-on-non-empty') ignoreNonEmpty = true;
  }
  if (parsed.operands.length === 0) return usageError(ctx, prog, 'missing operand');
  const ignorable = (e: FsError, dir: string): boolean => {
    if (!ignoreNonEmpty) return false;
    if (e.code === 'ENOTEMPTY' || e.code === 'EEXIST') return true;
    if (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS' || e.code === 'EBUSY') {
      const names = tryFs(() => ctx.fs.readdir(dir));
      return !isErr(names) && names.length === 0;
    }
    return false;
  };
  // RHEL 5's rmdir (5.97) reports on stderr without quotes: "rmdir: a: Directory not empty".
  const el5 = isEl5(ctx);
  const announce = (d: string) => {
    if (!verbose) return;
    if (el5) ctx.stderr.write(`${prog}: removing directory, ${d}\n`);
    else ctx.stdout.write(`${prog}: removing directory, ${quote(d)}\n`);
  };
  let ok = true;
  for (const dir of parsed.operands) {
    announce(dir);
    const e = rmdirPath(ctx, dir);
    if (e) {
      if (ignorable(e, dir)) continue;
      ctx.stderr.write(el5 ? `${prog}: ${dir}: ${e.message}\n` : `${prog}: failed to remove ${quote(dir)}: ${e.message}\n`);
      ok = false;
      continue;
    }
    if (!parents) continue;
    let d = stripTrailingSlashes(dir);
    for (;;) {
      const slash = d.lastIndexOf('/');
      if (slash < 0) break;
      d = d.slice(0, slash).replace(/\/+$/, '');
      if (d === '') break;
      announce(d);
      const pe = rmdirPath(ctx, d);
      if (pe) {
        if (!ignorable(pe, d)) {
          ctx.stderr.write(el5 ? `${prog}: ${d}: ${pe.message}\n` : `${prog}: failed to remove directory ${quote(d)}: ${pe.message}\n`);
          ok = false;
        }
        break;
      }
    }
  }
  return ok ? 0 : 1;
};
