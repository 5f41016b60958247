/**
 * basename and dirname: coreutils 8.4. basename NAME [SUFFIX] strips the directory and an
 * optional suffix (never the whole name); dirname NAME strips the last component.
 */
import type { Program } from '../../proc/program';
import { getopt, helpText, progName, quote, usageError, versionText, safeCtx } from './common';

/** POSIX basename(1) of a string (trailing slashes ignored, `/' for all-slashes). */
export function baseOf(name: string): string {
  if (name === '') return '';
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** POSIX dirname(1): `.' for a bare name, `/' at the root, slashes collapsed at the end. */
export function dirOf(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const d = trimmed.slice(0, i).replace(/\/+$/, '');
  if (d === '') return trimmed.startsWith('//') && !trimmed.startsWith('///') ? '//' : '/';
  return d;
}

export const basename: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'basename');
  const args = ctx.argv.slice(1);
  if (args.length === 1 && args[0] === '--help') return helpText(ctx, prog, 'NAME [SUFFIX]\n  or:  ' + prog + ' OPTION', 'Print NAME with any leading directory components removed.');
  if (args.length === 1 && args[0] === '--version') return versionText(ctx, 'basename');
  const parsed = getopt(ctx, args, { short: '+', long: [] });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  if (parsed.opts.length > 0) return usageError(ctx, prog, null);
  const ops = parsed.operands;
  if (ops.length === 0) return usageError(ctx, prog, 'missing operand');
  if (ops.length > 2) return usageError(ctx, prog, `extra operand ${quote(ops[2]!)}`);
  let b = baseOf(ops[0]!);
  const suffix = ops[1];
  if (suffix !== undefined && suffix !== '' && b.length > suffix.length && b.endsWith(suffix)) b = b.slice(0, b.length - suffix.length);
  ctx.stdout.write(b + '\n');
  return 0;
};

export const dirname: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'dirname');
  const args = ctx.argv.slice(1);
  if (args.length === 1 && args[0] === '--help') return helpText(ctx, prog, 'NAME\n  or:  ' + prog + ' OPTION', 'Output NAME with its last non-slash component and trailing slashes removed.');
  if (args.length === 1 && args[0] === '--version') return versionText(ctx, 'dirname');
  const parsed = getopt(ctx, args, { short: '+', long: [] });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  if (parsed.opts.length > 0) return usageError(ctx, prog, null);
  const ops = parsed.operands;
  if (ops.length === 0) return usageError(ctx, prog, 'missing operand');
  if (ops.length > 1) return usageError(ctx, prog, `extra operand ${quote(ops[1]!)}`);
  ctx.stdout.write(dirOf(ops[0]!) + '\n');
  return 0;
};
