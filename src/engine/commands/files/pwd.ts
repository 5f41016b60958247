/**
 * /bin/pwd: coreutils 8.4. -P (the default) prints the physical working directory, -L the
 * logical one from $PWD when that still names the same directory.
 */
import type { Program } from '../../proc/program';
import { getopt, helpText, isErr, progName, tryFs, usageError, versionText, type LongOpt, safeCtx } from './common';

const LONG: LongOpt[] = [
  { name: 'logical', arg: 'none', key: 'L' },
  { name: 'physical', arg: 'none', key: 'P' },
];

export const pwd: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'pwd');
  let logical = ctx.env.POSIXLY_CORRECT !== undefined;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'LP', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key } of parsed.opts) {
    if (key === '--help') return helpText(ctx, prog, '[OPTION]...', 'Print the full filename of the current working directory.');
    if (key === '--version') return versionText(ctx, 'pwd');
    if (key === 'L') logical = true;
    if (key === 'P') logical = false;
  }
  if (parsed.operands.length > 0) ctx.stderr.write(`${prog}: ignoring non-option arguments\n`);
  const fs = ctx.fs;
  if (logical) {
    const env = ctx.env.PWD;
    if (env && env.startsWith('/') && !env.split('/').some((c) => c === '.' || c === '..')) {
      const a = tryFs(() => fs.stat(env));
      const b = tryFs(() => fs.stat(fs.cwd));
      if (!isErr(a) && !isErr(b) && a.ino === b.ino) {
        ctx.stdout.write(env + '\n');
        return 0;
      }
    }
  }
  const real = tryFs(() => fs.vfs.realpath(fs.cwd, { uid: 0, gid: 0, groups: [0] }));
  if (isErr(real)) {
    ctx.stderr.write(`${prog}: error retrieving current directory: getcwd: cannot access parent directories: ${real.message}\n`);
    return 1;
  }
  ctx.stdout.write(real + '\n');
  return 0;
};
