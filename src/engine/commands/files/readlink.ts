/**
 * readlink: coreutils 8.4. Prints a symlink's target; -f/-e/-m print the canonical path
 * (all but the last, every, or no component required to exist); -n, -q/-s, -v.
 */
import { FsError } from '../../fs/errors';
import type { Program, ProgramContext } from '../../proc/program';
import { getopt, helpText, isErr, progName, quote, tryFs, usageError, versionText, type LongOpt, safeCtx } from './common';

const LONG: LongOpt[] = [
  { name: 'canonicalize', arg: 'none', key: 'f' },
  { name: 'canonicalize-existing', arg: 'none', key: 'e' },
  { name: 'canonicalize-missing', arg: 'none', key: 'm' },
  { name: 'no-newline', arg: 'none', key: 'n' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'silent', arg: 'none', key: 's' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

type CanMode = 'existing' | 'all-but-last' | 'missing';

/** canonicalize_filename_mode(): resolves symlinks component by component. */
export function canonicalize(ctx: ProgramContext, name: string, mode: CanMode): string | FsError {
  if (name === '') return new FsError('ENOENT', name);
  const fs = ctx.fs;
  let rest = (name.startsWith('/') ? name : fs.cwd + '/' + name).split('/').filter((c) => c !== '' && c !== '.');
  const out: string[] = [];
  let hops = 0;
  while (rest.length > 0) {
    const comp = rest.shift()!;
    if (comp === '..') {
      out.pop();
      continue;
    }
    const path = '/' + [...out, comp].join('/');
    const st = tryFs(() => fs.lstat(path));
    if (isErr(st)) {
      if (st.code === 'ENOENT' && (mode === 'missing' || (mode === 'all-but-last' && rest.length === 0))) {
        out.push(comp);
        continue;
      }
      if (mode === 'missing' && st.code !== 'EACCES') {
        out.push(comp);
        continue;
      }
      return st;
    }
    if (st.type === 'symlink') {
      if (++hops > 40) return new FsError('ELOOP', name);
      const target = tryFs(() => fs.readlink(path));
      if (isErr(target)) return target;
      const parts = target.split('/').filter((c) => c !== '' && c !== '.');
      if (target.startsWith('/')) out.length = 0;
      rest = [...parts, ...rest];
      continue;
    }
    if (st.type !== 'dir' && rest.length > 0 && mode !== 'missing') return new FsError('ENOTDIR', name);
    out.push(comp);
  }
  return '/' + out.join('/');
}

export const readlink: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'readlink');
  let mode: CanMode | null = null;
  let noNewline = false;
  let verbose = false;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'efmnqsv', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key } of parsed.opts) {
    switch (key) {
      case '--help': return helpText(ctx, prog, '[OPTION]... FILE', 'Display value of a symbolic link on standard output.');
      case '--version': return versionText(ctx, 'readlink');
      case 'e': mode = 'existing'; break;
      case 'f': mode = 'all-but-last'; break;
      case 'm': mode = 'missing'; break;
      case 'n': noNewline = true; break;
      case 'q':
      case 's': verbose = false; break;
      case 'v': verbose = true; break;
    }
  }
  const ops = parsed.operands;
  if (ops.length === 0) return usageError(ctx, prog, 'missing operand');
  if (ops.length > 1) return usageError(ctx, prog, `extra operand ${quote(ops[1]!)}`);
  const fname = ops[0]!;
  const value = mode !== null ? canonicalize(ctx, fname, mode) : tryFs(() => ctx.fs.readlink(fname));
  if (!isErr(value)) {
    ctx.stdout.write(value + (noNewline ? '' : '\n'));
    return 0;
  }
  if (verbose) ctx.stderr.write(`${prog}: ${fname}: ${value.message}\n`);
  return 1;
};
