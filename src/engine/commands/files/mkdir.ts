/**
 * mkdir: coreutils 8.4. -p makes missing parents (u+wx so they can be entered), -m sets the
 * mode exactly (as chmod would read it, the umask not applied), -v reports each directory.
 */
import type { Program } from '../../proc/program';
import { compileMode, applyMode } from './modes';
import { getopt, helpText, isErr, progName, quote, tryFs, usageError, versionText, type LongOpt, safeCtx } from './common';

const LONG: LongOpt[] = [
  { name: 'mode', arg: 'required', key: 'm' },
  { name: 'context', arg: 'required', key: 'Z' },
  { name: 'parents', arg: 'none', key: 'p' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

export const mkdir: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'mkdir');
  const fs = ctx.fs;
  let parents = false;
  let verbose = false;
  let modeText: string | null = null;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'pm:vZ:', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    if (key === '--help') return helpText(ctx, prog, '[OPTION]... DIRECTORY...', 'Create the DIRECTORY(ies), if they do not already exist.');
    if (key === '--version') return versionText(ctx, 'mkdir');
    if (key === 'p') parents = true;
    if (key === 'v') verbose = true;
    if (key === 'm') modeText = arg ?? '';
  }
  if (parsed.operands.length === 0) return usageError(ctx, prog, 'missing operand');
  const umask = fs.umask;
  let mode = 0o777 & ~umask;
  let specialBits = 0;
  if (modeText !== null) {
    const change = compileMode(modeText);
    if (!change) {
      ctx.stderr.write(`${prog}: invalid mode ${quote(modeText)}\n`);
      return 1;
    }
    const r = applyMode(0o777, true, umask, change);
    mode = r.mode;
    specialBits = r.bits & 0o7000;
  }
  const ancestorMode = (0o777 & ~umask) | 0o300;
  const announce = (dir: string) => {
    if (verbose) ctx.stdout.write(`${prog}: created directory ${quote(dir)}\n`);
  };
  let ok = true;
  for (const dir of parsed.operands) {
    let failed: string | null = dir === '' ? 'No such file or directory' : null;
    if (parents && failed === null) {
      // Make each missing ancestor, as mkancesdirs does.
      const parts = dir.split('/');
      let prefix = dir.startsWith('/') ? '/' : '';
      for (let i = 0; i < parts.length - 1; i++) {
        const part = parts[i]!;
        if (part === '') continue;
        prefix = prefix === '' || prefix.endsWith('/') ? prefix + part : prefix + '/' + part;
        if (part === '.' || part === '..') continue;
        const st = tryFs(() => fs.stat(prefix));
        if (!isErr(st)) {
          if (st.type !== 'dir') {
            failed = 'Not a directory';
            break;
          }
          continue;
        }
        if (st.code !== 'ENOENT') {
          failed = st.message;
          break;
        }
        const made = tryFs(() => fs.vfs.mkdir(fs.abs(prefix), fs.cred, ancestorMode, 0));
        if (isErr(made)) {
          failed = made.message;
          break;
        }
        announce(prefix);
      }
    }
    if (failed === null) {
      const made = tryFs(() => fs.vfs.mkdir(fs.abs(dir), fs.cred, mode, 0));
      if (isErr(made)) {
        const existing = tryFs(() => fs.stat(dir));
        if (parents && made.code === 'EEXIST' && !isErr(existing) && existing.type === 'dir') continue;
        failed = made.message;
      } else {
        announce(dir);
        if (specialBits) tryFs(() => fs.chmod(dir, mode | specialBits));
      }
    }
    if (failed !== null) {
      ctx.stderr.write(`${prog}: cannot create directory ${quote(dir)}: ${failed}\n`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
};
