import { byteLength } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { charWidth, getopt, isEl5, openInput, quote, readInput, stdinInode, strerror, tryHelp, warn } from './common';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

/** Unicode white space as glibc's iswspace() sees it, beyond the ASCII ones handled inline. */
function isWideSpace(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}

/** wc's multibyte counting loop (LANG=en_US.UTF-8). */
export function countText(text: string): Counts {
  let lines = 0;
  let words = 0;
  let chars = 0;
  let maxLine = 0;
  let linepos = 0;
  let inWord = false;
  for (const ch of text) {
    chars++;
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '\n':
      case '\r':
      case '\f':
        if (ch === '\n') lines++;
        if (linepos > maxLine) maxLine = linepos;
        linepos = 0;
        if (inWord) words++;
        inWord = false;
        break;
      case '\t':
        linepos += 8 - (linepos % 8);
        if (inWord) words++;
        inWord = false;
        break;
      case ' ':
        linepos++;
        if (inWord) words++;
        inWord = false;
        break;
      case '\v':
        if (inWord) words++;
        inWord = false;
        break;
      default: {
        const w = charWidth(ch);
        if (w < 0) break; // not printable: neither part of a word nor a separator
        if (w > 0) linepos += w;
        if (isWideSpace(c)) {
          if (inWord) words++;
          inWord = false;
        } else inWord = true;
      }
    }
  }
  if (linepos > maxLine) maxLine = linepos;
  if (inWord) words++;
  return { lines, words, chars, bytes: byteLength(text), maxLine };
}

interface Want {
  lines: boolean;
  words: boolean;
  chars: boolean;
  bytes: boolean;
  maxLine: boolean;
}

export const wc: Program = async (ctx) => {
  const want: Want = { lines: false, words: false, chars: false, bytes: false, maxLine: false };
  let filesFrom: string | null = null;
  const r = getopt(
    ctx,
    {
      short: 'clLmw',
      long: [
        { name: 'bytes', arg: 'none', key: 'c' },
        { name: 'chars', arg: 'none', key: 'm' },
        { name: 'files0-from', arg: 'required', key: 'F' },
        { name: 'lines', arg: 'none', key: 'l' },
        { name: 'max-line-length', arg: 'none', key: 'L' },
        { name: 'words', arg: 'none', key: 'w' },
      ],
      info: { name: 'wc', authors: ['Paul Rubin', 'David MacKenzie'] },
    },
    (k, arg) => {
      if (k === 'c') want.bytes = true;
      else if (k === 'm') want.chars = true;
      else if (k === 'l') want.lines = true;
      else if (k === 'L') want.maxLine = true;
      else if (k === 'w') want.words = true;
      else if (k === 'F') filesFrom = arg;
    },
  );
  if (!r.ok) return r.status;
  if (!(want.lines || want.words || want.chars || want.bytes || want.maxLine)) want.lines = want.words = want.bytes = true;

  // The file list: operands, standard input, or NUL-separated names from --files0-from.
  let files: (string | null)[];
  if (filesFrom !== null) {
    const from: string = filesFrom;
    if (r.operands.length > 0) {
      warn(ctx, `extra operand ${quote(r.operands[0]!)}`);
      ctx.stderr.write(isEl5(ctx) ? 'File operands cannot be combined with --files0-from.\n' : 'file operands cannot be combined with --files0-from\n');
      tryHelp(ctx);
      return 1;
    }
    const got = await readInput(ctx, from);
    if (!got.ok) {
      warn(ctx, `cannot open ${quote(from)} for reading: ${strerror(got.code)}`);
      return 1;
    }
    files = got.text.split('\0');
    if (files[files.length - 1] === '') files.pop();
  } else files = r.operands.length > 0 ? r.operands : [null];

  const nCounts = [want.lines, want.words, want.chars, want.bytes, want.maxLine].filter(Boolean).length;
  const width = numberWidth(ctx, files, nCounts);

  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  const write = (c: Counts, name: string | null): void => {
    const cols: number[] = [];
    if (want.lines) cols.push(c.lines);
    if (want.words) cols.push(c.words);
    if (want.chars) cols.push(c.chars);
    if (want.bytes) cols.push(c.bytes);
    if (want.maxLine) cols.push(c.maxLine);
    let line = cols.map((n) => String(n).padStart(width, ' ')).join(' ');
    if (name !== null) line += ' ' + name;
    ctx.stdout.write(line + '\n');
  };
  const add = (c: Counts): void => {
    total.lines += c.lines;
    total.words += c.words;
    total.chars += c.chars;
    total.bytes += c.bytes;
    if (c.maxLine > total.maxLine) total.maxLine = c.maxLine;
  };

  let ok = true;
  for (const name of files) {
    if (name === '') {
      warn(ctx, 'invalid zero-length file name');
      ok = false;
      continue;
    }
    let c: Counts;
    if (name === null || name === '-') {
      if (name === '-' && filesFrom === '-') {
        warn(ctx, `when reading file names from stdin, no file name of ${quote('-')} allowed`);
        ok = false;
        continue;
      }
      c = countText(await ctx.stdin.readAll());
    } else {
      const f = openInput(ctx, name);
      if (!f.ok && f.stage === 'open') {
        warn(ctx, `${name}: ${strerror(f.code)}`);
        ok = false;
        continue;
      }
      if (!f.ok) {
        // A directory opens but cannot be read: the error, then a line of zeros.
        warn(ctx, `${name}: ${strerror(f.code)}`);
        ok = false;
        c = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
      } else c = countText(f.node.data);
    }
    write(c, name);
    add(c);
  }
  if (files.length > 1) write(total, 'total');
  return ok ? 0 : 1;
};

/**
 * coreutils 8.4 compute_number_width: enough digits for the total size of the regular files,
 * at least 7 when some input is not a regular file, and 1 when only one count of one file is
 * printed (nothing is stat'ed then).
 */
function numberWidth(ctx: ProgramContext, files: (string | null)[], nCounts: number): number {
  if (files.length === 0 || (files.length === 1 && nCounts === 1)) return 1;
  const stats = files.map((f) => {
    if (f === null || f === '-') {
      const node = stdinInode(ctx);
      return node ? { regular: node.type === 'file', size: byteLength(node.data) } : { regular: false, size: 0 };
    }
    if (f === '') return null;
    const st = ctx.fs.tryStat(f);
    return st ? { regular: st.type === 'file', size: st.size } : null;
  });
  let minimum = 1;
  let totalSize = 0;
  for (const s of stats) {
    if (!s) continue;
    if (s.regular) totalSize += s.size;
    else minimum = 7;
  }
  const width = String(totalSize).length;
  return Math.max(width, minimum);
}
