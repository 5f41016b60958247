/**
 * touch: coreutils 8.4. Creates missing files (mode 0666 less the umask), sets access and
 * modification times to now or to -d DATE, -t STAMP, -r FILE; -a/-m pick one of the two;
 * -c never creates. Setting explicit times needs ownership, "now" only write access.
 */
import type { Program } from '../../proc/program';
import {
  argmatch, argmatchError, getopt, helpText, isErr, parseDate, parsePosixTime, progName, quote, tryFs,
  usageError, versionText, type LongOpt,
  safeCtx,
} from './common';

const LONG: LongOpt[] = [
  { name: 'time', arg: 'required', key: '--time' },
  { name: 'no-create', arg: 'none', key: 'c' },
  { name: 'date', arg: 'required', key: 'd' },
  { name: 'file', arg: 'required', key: 'r' },
  { name: 'reference', arg: 'required', key: 'r' },
  { name: 'no-dereference', arg: 'none', key: 'h' },
];

const TIME_ARGS = [['atime', 'access', 'use'], ['mtime', 'modify']];

export const touch: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'touch');
  const fs = ctx.fs;
  let changeA = false;
  let changeM = false;
  let noCreate = false;
  let noDeref = false;
  let flexDate: string | null = null;
  let refFile: string | null = null;
  let stamp: number | null = null;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'acd:fhmr:t:', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg, word } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... FILE...', 'Update the access and modification times of each FILE to the current time.');
      case '--version':
        return versionText(ctx, 'touch');
      case 'a': changeA = true; break;
      case 'm': changeM = true; break;
      case 'c': noCreate = true; break;
      case 'f': break;
      case 'h': noDeref = true; break;
      case 'd': flexDate = arg ?? ''; break;
      case 'r':
        if (word.startsWith('--f')) ctx.stderr.write(`${prog}: warning: the --file option is obsolete; use --reference\n`);
        refFile = arg ?? '';
        break;
      case 't': {
        const t = parsePosixTime(arg ?? '', ctx.host.now());
        if (t === null) {
          ctx.stderr.write(`${prog}: invalid date format ${quote(arg ?? '')}\n`);
          return 1;
        }
        stamp = t;
        break;
      }
      case '--time': {
        const i = argmatch(arg ?? '', TIME_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--time', arg ?? '', TIME_ARGS);
        if (i === 0) changeA = true;
        else changeM = true;
        break;
      }
    }
  }
  if (!changeA && !changeM) changeA = changeM = true;
  if (stamp !== null && (refFile !== null || flexDate !== null)) return usageError(ctx, prog, 'cannot specify times from more than one source');
  const now = ctx.host.now();
  let atime: number | null = stamp;
  let mtime: number | null = stamp;
  if (refFile !== null) {
    const st = tryFs(() => (noDeref ? fs.lstat(refFile!) : fs.stat(refFile!)));
    if (isErr(st)) {
      ctx.stderr.write(`${prog}: failed to get attributes of ${quote(refFile)}: ${st.message}\n`);
      return 1;
    }
    atime = st.atime;
    mtime = st.mtime;
    if (flexDate !== null) {
      // -d is relative to the reference file's times
      const a = parseDate(flexDate, st.atime);
      const m = parseDate(flexDate, st.mtime);
      if (a === null || m === null) {
        ctx.stderr.write(`${prog}: invalid date format ${quote(flexDate)}\n`);
        return 1;
      }
      atime = a;
      mtime = m;
    }
  } else if (flexDate !== null) {
    const t = parseDate(flexDate, now);
    if (t === null) {
      ctx.stderr.write(`${prog}: invalid date format ${quote(flexDate)}\n`);
      return 1;
    }
    atime = mtime = t;
    // `-d now` without -a/-m behaves as no date at all (write access is then enough)
    if (changeA && changeM && t === now && parseDate(flexDate, now + 1000) === now + 1000) atime = mtime = null;
  }
  const files = parsed.operands.slice();
  if (files.length === 0) return usageError(ctx, prog, 'missing file operand');
  let ok = true;
  for (const file of files) {
    let openErr: string | null = null;
    if (file !== '-' && !noCreate && !noDeref) {
      const r = tryFs(() => fs.openForWrite(file, { append: true, mode: 0o666 }));
      if (isErr(r) && r.code !== 'EISDIR' && r.code !== 'EINVAL' && r.code !== 'EPERM') openErr = r.message;
      else if (file.endsWith('/') && !isErr(r) && r.type !== 'dir') openErr = 'Not a directory';
    }
    const st = tryFs(() => (noDeref ? fs.lstat(file) : fs.stat(file)));
    let setErr: string | null = null;
    if (isErr(st)) setErr = st.message;
    else {
      const explicit = atime !== null;
      const a = changeA ? (atime ?? now) : st.atime;
      const m = changeM ? (mtime ?? now) : st.mtime;
      const cred = fs.cred;
      const owner = cred.uid === 0 || cred.uid === st.uid;
      if (!owner && explicit) setErr = 'Operation not permitted';
      else if (!owner && !fs.access(file, 2)) setErr = 'Permission denied';
      else {
        const r = tryFs(() => fs.utimes(file, a, m));
        if (isErr(r)) setErr = r.message;
      }
    }
    if (setErr !== null) {
      if (openErr !== null) ctx.stderr.write(`${prog}: cannot touch ${quote(file)}: ${openErr}\n`);
      else {
        if (noCreate && isErr(st) && st.code === 'ENOENT') continue;
        ctx.stderr.write(`${prog}: setting times of ${quote(file)}: ${setErr}\n`);
      }
      ok = false;
    }
  }
  return ok ? 0 : 1;
};
