import { isFsError } from '../../fs/errors';
import type { OutputStream } from '../../io/streams';
import type { Program } from '../../proc/program';
import { OPERAND, getopt, openInput, quote, strerror, tryHelp, warn, xargmatch, xstrtoumax } from './common';

type Delimit = 'none' | 'prepend' | 'separate';

export const uniq: Program = async (ctx) => {
  let skipFields = 0;
  let skipChars = 0;
  let checkChars = Number.MAX_SAFE_INTEGER;
  let count = false;
  let outputUnique = true;
  let outputFirstRepeated = true;
  let outputLaterRepeated = false;
  let delimit: Delimit = 'none';
  let ignoreCase = false;
  let eol = '\n';
  let obsoleteFields: 'none' | 'new' | 'obsolete' = 'none';
  const files: string[] = [];
  const posix2 = ctx.env._POSIX2_VERSION !== undefined ? Number(ctx.env._POSIX2_VERSION) : 200112;

  const sizeOpt = (s: string, msg: string): number | null => {
    const v = xstrtoumax(s, '');
    if (v.kind === 'invalid') {
      warn(ctx, `${s}: ${msg}`);
      return null;
    }
    return v.value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v.value);
  };
  const extra = (name: string): number => {
    warn(ctx, `extra operand ${quote(name)}`);
    tryHelp(ctx);
    return 1;
  };

  const r = getopt(
    ctx,
    {
      short: '-0123456789Dcdf:is:uw:z',
      long: [
        { name: 'count', arg: 'none', key: 'c' },
        { name: 'repeated', arg: 'none', key: 'd' },
        { name: 'all-repeated', arg: 'optional', key: 'D' },
        { name: 'ignore-case', arg: 'none', key: 'i' },
        { name: 'unique', arg: 'none', key: 'u' },
        { name: 'skip-fields', arg: 'required', key: 'f' },
        { name: 'skip-chars', arg: 'required', key: 's' },
        { name: 'check-chars', arg: 'required', key: 'w' },
        { name: 'zero-terminated', arg: 'none', key: 'z' },
      ],
      info: { name: 'uniq', authors: ['Richard M. Stallman', 'David MacKenzie'] },
    },
    (k, arg) => {
      const a = arg ?? '';
      if (k === OPERAND) {
        if (a.startsWith('+') && posix2 < 200112 && /^\+[0-9]+$/.test(a)) {
          skipChars = Number(a.slice(1));
          return;
        }
        if (files.length === 2) return extra(a);
        files.push(a);
        return;
      }
      if (/^[0-9]$/.test(k)) {
        if (obsoleteFields === 'new') skipFields = 0;
        skipFields = skipFields * 10 + Number(k);
        obsoleteFields = 'obsolete';
        return;
      }
      switch (k) {
        case 'c':
          count = true;
          return;
        case 'd':
          outputUnique = false;
          return;
        case 'D': {
          outputUnique = false;
          outputLaterRepeated = true;
          if (arg === null) delimit = 'none';
          else {
            const m = xargmatch<Delimit>(ctx, '--all-repeated', arg, [
              ['none', 'none'],
              ['prepend', 'prepend'],
              ['separate', 'separate'],
            ]);
            if (m === null) return 1;
            delimit = m;
          }
          return;
        }
        case 'f': {
          obsoleteFields = 'new';
          const n = sizeOpt(a, 'invalid number of fields to skip');
          if (n === null) return 1;
          skipFields = n;
          return;
        }
        case 'i':
          ignoreCase = true;
          return;
        case 's': {
          const n = sizeOpt(a, 'invalid number of bytes to skip');
          if (n === null) return 1;
          skipChars = n;
          return;
        }
        case 'u':
          outputFirstRepeated = false;
          return;
        case 'w': {
          const n = sizeOpt(a, 'invalid number of bytes to compare');
          if (n === null) return 1;
          checkChars = n;
          return;
        }
        case 'z':
          eol = '\0';
          return;
        default:
          return;
      }
    },
  );
  if (!r.ok) return r.status;
  if (count && outputLaterRepeated) {
    warn(ctx, 'printing all duplicated lines and repeat counts is meaningless');
    tryHelp(ctx);
    return 1;
  }

  const infile = files[0] ?? '-';
  const outfile = files[1] ?? '-';
  let input: string | null = null;
  if (infile !== '-') {
    const f = openInput(ctx, infile);
    if (!f.ok && f.stage === 'open') {
      warn(ctx, `${infile}: ${strerror(f.code)}`);
      return 1;
    }
    input = f.ok ? f.node.data : null;
  }
  let out: OutputStream = ctx.stdout;
  if (outfile !== '-') {
    try {
      const node = ctx.fs.openForWrite(outfile);
      out = { isTTY: false, write: (t: string) => ctx.host.vfs.appendTo(node, t) };
    } catch (e) {
      warn(ctx, `${outfile}: ${strerror(isFsError(e) ? e.code : 'ENOENT')}`);
      return 1;
    }
  }
  if (infile !== '-' && input === null) {
    // A directory opens but cannot be read.
    warn(ctx, `error reading ${infile}`);
    return 1;
  }

  const field = (line: string): string => {
    let i = 0;
    for (let n = 0; n < skipFields; n++) {
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    }
    const chars = [...line.slice(i)];
    return chars.slice(Math.min(skipChars, chars.length)).slice(0, checkChars).join('');
  };
  const different = (a: string, b: string): boolean => (ignoreCase ? a.toUpperCase() !== b.toUpperCase() : a !== b);

  const simple = outputUnique && outputFirstRepeated && !count;
  let prev: string | null = null;
  let prevField = '';
  let matches = 0;
  let firstDelimiter = true;
  const writeLine = (line: string, match: boolean, n: number): void => {
    if (!(n === 0 ? outputUnique : !match ? outputFirstRepeated : outputLaterRepeated)) return;
    out.write((count ? String(n + 1).padStart(7, ' ') + ' ' : '') + line + eol);
  };
  const onLine = (line: string): void => {
    const f = field(line);
    if (simple) {
      if (prev === null || different(f, prevField)) {
        out.write(line + eol);
        prev = line;
        prevField = f;
      }
      return;
    }
    if (prev === null) {
      prev = line;
      prevField = f;
      return;
    }
    const match = !different(f, prevField);
    if (match) matches++;
    if (delimit !== 'none') {
      if (!match) {
        if (matches) firstDelimiter = false;
      } else if (matches === 1) {
        if (delimit === 'prepend' || (delimit === 'separate' && !firstDelimiter)) out.write(eol);
      }
    }
    if (!match || outputLaterRepeated) {
      writeLine(prev, match, matches);
      prev = line;
      prevField = f;
      if (!match) matches = 0;
    }
  };

  if (input !== null) {
    const lines = input.split(eol);
    if (lines[lines.length - 1] === '') lines.pop();
    for (const l of lines) onLine(l);
  } else {
    let buf = '';
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf(eol)) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    }
    if (buf !== '') onLine(buf);
  }
  if (!simple && prev !== null) writeLine(prev, false, matches);
  return 0;
};
