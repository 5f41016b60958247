import type { Program, ProgramContext } from '../../proc/program';
import { getopt, openInput, quote, strerror, toCount, tryHelp, utf8Decode, utf8Encode, warn, xstrtoumax } from './common';

const SUFFIXES = 'bkKmMGTPEZY0';

/** head's string_to_integer: a count or the error exit. */
function parseCount(ctx: ProgramContext, s: string, lines: boolean): number | { status: number } {
  const r = xstrtoumax(s, SUFFIXES);
  const what = lines ? 'number of lines' : 'number of bytes';
  if (r.kind === 'overflow') {
    warn(ctx, `${s}: ${what} is so large that it is not representable`);
    return { status: 1 };
  }
  if (r.kind === 'invalid') {
    warn(ctx, `${s}: invalid ${what}`);
    return { status: 1 };
  }
  return toCount(r.value);
}

/** The first n lines of text (each with its newline, the last maybe without). */
function firstLines(text: string, n: number): string {
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return text;
    pos = nl + 1;
  }
  return text.slice(0, pos);
}

/** All but the last n lines (a last line without a newline counts as one). */
function allButLastLines(text: string, n: number): string {
  let end = text.length;
  let i = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let k = 0; k < n; k++) {
    if (i <= 0) return '';
    const nl = text.lastIndexOf('\n', i - 1);
    if (nl < 0) return '';
    end = nl + 1;
    i = nl;
  }
  return text.slice(0, end);
}

export const head: Program = async (ctx) => {
  let lines = true;
  let count = 10;
  let elide = false;
  let header = 'multiple' as 'multiple' | 'always' | 'never';
  let args = ctx.argv.slice(1);

  // The obsolete form: -NUM followed by option letters (head -5, head -20c).
  const first = args[0];
  if (first !== undefined && /^-[0-9]/.test(first)) {
    const m = /^-([0-9]+)(.*)$/.exec(first)!;
    let mult = '';
    for (const c of m[2]!) {
      if (c === 'c') {
        lines = false;
        mult = '';
      } else if (c === 'b' || c === 'k' || c === 'm') {
        lines = false;
        mult = c;
      } else if (c === 'l') lines = true;
      else if (c === 'q') header = 'never';
      else if (c === 'v') header = 'always';
      else {
        warn(ctx, `invalid trailing option -- ${c}`);
        tryHelp(ctx);
        return 1;
      }
    }
    const n = parseCount(ctx, m[1]! + mult, lines);
    if (typeof n !== 'number') return n.status;
    count = n;
    args = args.slice(1);
  }

  const r = getopt(
    ctx,
    {
      short: 'c:n:qv0123456789',
      long: [
        { name: 'bytes', arg: 'required', key: 'c' },
        { name: 'lines', arg: 'required', key: 'n' },
        { name: 'quiet', arg: 'none', key: 'q' },
        { name: 'silent', arg: 'none', key: 'q' },
        { name: 'verbose', arg: 'none', key: 'v' },
        { name: 'presume-input-pipe', arg: 'none', key: 'P' },
      ],
      info: { name: 'head', authors: ['David MacKenzie', 'Jim Meyering'] },
    },
    (k, arg) => {
      if (k === 'c' || k === 'n') {
        lines = k === 'n';
        let s = arg ?? '';
        elide = s.startsWith('-');
        if (elide) s = s.slice(1);
        const n = parseCount(ctx, s, lines);
        if (typeof n !== 'number') return n.status;
        count = n;
      } else if (k === 'q') header = 'never';
      else if (k === 'v') header = 'always';
      else if (/[0-9]/.test(k)) {
        warn(ctx, `invalid trailing option -- ${k}`);
        tryHelp(ctx);
        return 1;
      }
    },
    args,
  );
  if (!r.ok) return r.status;

  const files = r.operands.length > 0 ? r.operands : ['-'];
  const headers = header === 'always' || (header === 'multiple' && r.operands.length > 1);
  let firstHeader = true;
  const writeHeader = (name: string): void => {
    if (!headers) return;
    ctx.stdout.write(`${firstHeader ? '' : '\n'}==> ${name} <==\n`);
    firstHeader = false;
  };

  let ok = true;
  for (const name of files) {
    if (name === '-') {
      writeHeader('standard input');
      await headStdin(ctx, lines, count, elide);
      continue;
    }
    const f = openInput(ctx, name);
    if (!f.ok && f.stage === 'open') {
      warn(ctx, `cannot open ${quote(name)} for reading: ${strerror(f.code)}`);
      ok = false;
      continue;
    }
    writeHeader(name);
    if (!f.ok) {
      warn(ctx, `error reading ${quote(name)}: ${strerror(f.code)}`);
      ok = false;
      continue;
    }
    ctx.stdout.write(headText(f.node.data, lines, count, elide));
  }
  return ok ? 0 : 1;
};

function headText(text: string, lines: boolean, count: number, elide: boolean): string {
  if (lines) return elide ? allButLastLines(text, count) : firstLines(text, count);
  const bytes = utf8Encode(text);
  return utf8Decode(elide ? bytes.slice(0, Math.max(0, bytes.length - count)) : bytes.slice(0, count));
}

/** Standard input: read only as much as needed, so head ends a pipeline early and works at a terminal. */
async function headStdin(ctx: ProgramContext, lines: boolean, count: number, elide: boolean): Promise<void> {
  if (elide) {
    ctx.stdout.write(headText(await ctx.stdin.readAll(), lines, count, true));
    return;
  }
  let left = count;
  while (left > 0) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    if (lines) {
      const part = firstLines(chunk, left);
      let n = 0;
      for (const ch of part) if (ch === '\n') n++;
      ctx.stdout.write(part);
      left -= n;
    } else {
      const bytes = utf8Encode(chunk);
      const part = bytes.slice(0, left);
      ctx.stdout.write(utf8Decode(part));
      left -= part.length;
    }
  }
}
