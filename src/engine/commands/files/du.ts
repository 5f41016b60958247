/**
 * du: coreutils 8.4. Disk usage in 1 KiB blocks (or -h/-k/-m/-b), each directory after its
 * contents, -a for files too, -s for the arguments only, -c for a total, --max-depth; hard
 * links counted once; unreadable directories reported and counted as far as they go.
 */
import type { Program } from '../../proc/program';
import {
  getopt, helpText, humanSize, progName, quote, statBlocks, usageError, versionText, walk, type LongOpt,
  safeCtx,
} from './common';

const LONG: LongOpt[] = [
  { name: 'all', arg: 'none', key: 'a' },
  { name: 'apparent-size', arg: 'none', key: '--apparent-size' },
  { name: 'block-size', arg: 'required', key: 'B' },
  { name: 'bytes', arg: 'none', key: 'b' },
  { name: 'count-links', arg: 'none', key: 'l' },
  { name: 'dereference', arg: 'none', key: 'L' },
  { name: 'dereference-args', arg: 'none', key: 'D' },
  { name: 'exclude', arg: 'required', key: '--exclude' },
  { name: 'human-readable', arg: 'none', key: 'h' },
  { name: 'si', arg: 'none', key: '--si' },
  { name: 'max-depth', arg: 'required', key: '--max-depth' },
  { name: 'null', arg: 'none', key: '0' },
  { name: 'no-dereference', arg: 'none', key: 'P' },
  { name: 'one-file-system', arg: 'none', key: 'x' },
  { name: 'separate-dirs', arg: 'none', key: 'S' },
  { name: 'summarize', arg: 'none', key: 's' },
  { name: 'total', arg: 'none', key: 'c' },
  { name: 'time', arg: 'optional', key: '--time' },
];

export const du: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'du');
  let all = false;
  let summarize = false;
  let total = false;
  let human = false;
  let apparent = false;
  let blockSize = 1024;
  let maxDepth = Infinity;
  let countLinks = false;
  let separate = false;
  let follow: 'P' | 'D' | 'L' = 'P';
  let eol = '\n';
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: '0abchHklmsxB:DLPSX:', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... [FILE]...\n  or:  ' + prog + ' [OPTION]... --files0-from=F', 'Summarize disk usage of each FILE, recursively for directories.');
      case '--version':
        return versionText(ctx, 'du');
      case '0': eol = '\0'; break;
      case 'a': all = true; break;
      case 'b': apparent = true; blockSize = 1; human = false; break;
      case '--apparent-size': apparent = true; break;
      case 'c': total = true; break;
      case 'h':
      case '--si': human = true; break;
      case 'H': follow = 'D'; break;
      case 'k': human = false; blockSize = 1024; break;
      case 'm': human = false; blockSize = 1024 * 1024; break;
      case 'l': countLinks = true; break;
      case 's': summarize = true; break;
      case 'S': separate = true; break;
      case 'D': follow = 'D'; break;
      case 'L': follow = 'L'; break;
      case 'P': follow = 'P'; break;
      case 'B': {
        const m = /^(\d*)([KMG]?)$/i.exec(arg ?? '');
        if (!m || (m[1] === '' && m[2] === '')) {
          ctx.stderr.write(`${prog}: invalid --block-size argument ${quote(arg ?? '')}\n`);
          return 1;
        }
        human = false;
        blockSize = (m[1] === '' ? 1 : Number(m[1])) * ({ '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase()] ?? 1);
        break;
      }
      case '--max-depth': {
        const a = arg ?? '';
        if (!/^\d+$/.test(a)) {
          ctx.stderr.write(`${prog}: invalid maximum depth ${quote(a)}\n`);
          return 1;
        }
        maxDepth = Number(a);
        break;
      }
      default: break;
    }
  }
  if (all && summarize) return usageError(ctx, prog, 'cannot both summarize and show all entries');
  if (summarize && maxDepth !== Infinity && maxDepth !== 0) {
    ctx.stderr.write(`${prog}: warning: summarizing conflicts with --max-depth=${maxDepth}\n`);
    return usageError(ctx, prog, null);
  }
  if (summarize) maxDepth = 0;
  const show = (bytes: number): string => (human ? humanSize(bytes, 1, 0) : String(Math.ceil(bytes / blockSize)));
  const files = parsed.operands.length > 0 ? parsed.operands : ['.'];
  const seen = new Set<number>();
  let grand = 0;
  let ok = true;
  for (const file of files) {
    // sizes[d] accumulates the bytes under the directory at depth d
    const sizes: number[] = [];
    await walk(ctx, file, { followTop: follow !== 'P', followAll: follow === 'L' }, (ev) => {
      if (ev.kind === 'error') {
        ctx.stderr.write(`${prog}: cannot access ${quote(ev.path)}: ${ev.err.message}\n`);
        ok = false;
        return;
      }
      if (ev.kind === 'loop') return;
      const st = ev.st;
      const size = (): number => {
        if (!countLinks && st.type !== 'dir' && st.nlink > 1) {
          if (seen.has(st.ino)) return 0;
          seen.add(st.ino);
        }
        return apparent ? st.size : statBlocks(st) * 512;
      };
      if (ev.kind === 'dir-pre') {
        if (seen.has(st.ino)) return false;
        seen.add(st.ino);
        sizes[ev.depth] = 0;
        return true;
      }
      if (ev.kind === 'file') {
        const s = size();
        if (ev.depth > 0) sizes[ev.depth - 1] = (sizes[ev.depth - 1] ?? 0) + s;
        if ((all && ev.depth <= maxDepth) || ev.depth === 0) ctx.stdout.write(`${show(s)}\t${ev.path}${eol}`);
        if (ev.depth === 0) grand += s;
        return;
      }
      // dir-post or dir-unreadable: the directory's own blocks plus what was under it
      if (ev.kind === 'dir-unreadable') {
        ctx.stderr.write(`${prog}: cannot read directory ${quote(ev.path)}: ${ev.err.message}\n`);
        ok = false;
      }
      const own = apparent ? st.size : statBlocks(st) * 512;
      const sum = (sizes[ev.depth] ?? 0) + own;
      sizes.length = ev.depth;
      if (ev.depth > 0) sizes[ev.depth - 1] = (sizes[ev.depth - 1] ?? 0) + (separate ? 0 : sum);
      if (ev.depth <= maxDepth) ctx.stdout.write(`${show(sum)}\t${ev.path}${eol}`);
      if (ev.depth === 0) grand += sum;
      return;
    });
  }
  if (total) ctx.stdout.write(`${show(grand)}\ttotal${eol}`);
  return ok ? 0 : 1;
};
