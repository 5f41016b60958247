import type { Program } from '../../proc/program';
import { getopt, isStdoutFile, openInput, strerror, utf8Encode, warn } from './common';

interface CatOptions {
  number: boolean;
  nonblank: boolean;
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
}

/** One byte in cat -v's ^ and M- notation. */
function showByte(b: number, tabs: boolean): string {
  if (b >= 32) {
    if (b < 127) return String.fromCharCode(b);
    if (b === 127) return '^?';
    if (b >= 128 + 32) return b < 128 + 127 ? 'M-' + String.fromCharCode(b - 128) : 'M-^?';
    return 'M-^' + String.fromCharCode(b - 128 + 64);
  }
  if (b === 9 && !tabs) return '\t';
  return '^' + String.fromCharCode(b + 64);
}

/**
 * cat's formatting loop as a state machine that survives chunk and file boundaries, as the
 * real one keeps its newline counter and line number between files.
 */
class CatFormatter {
  /** As cat.c: 0 at the start of a line, -1 inside one, n>0 after n newlines in a row. */
  private newlines = 0;
  private lineNo = 0;

  constructor(private readonly o: CatOptions) {}

  private num(): string {
    this.lineNo++;
    return String(this.lineNo).padStart(6, ' ') + '\t';
  }

  format(chunk: string): string {
    const o = this.o;
    let out = '';
    for (const ch of chunk) {
      if (ch === '\n') {
        this.newlines++;
        if (this.newlines > 0) {
          if (this.newlines >= 2) {
            this.newlines = 2;
            if (o.squeeze) continue;
          }
          if (o.number && !o.nonblank) out += this.num();
        }
        if (o.ends) out += '$';
        out += '\n';
        continue;
      }
      if (this.newlines >= 0 && o.number) out += this.num();
      this.newlines = -1;
      if (o.nonprinting) {
        const code = ch.codePointAt(0)!;
        if (code < 128) out += showByte(code, o.tabs);
        else for (const b of utf8Encode(ch)) out += showByte(b.charCodeAt(0), o.tabs);
      } else if (ch === '\t' && o.tabs) out += '^I';
      else out += ch;
    }
    return out;
  }
}

export const cat: Program = async (ctx) => {
  const o: CatOptions = { number: false, nonblank: false, squeeze: false, ends: false, tabs: false, nonprinting: false };
  const r = getopt(
    ctx,
    {
      short: 'benstuvAET',
      long: [
        { name: 'number-nonblank', arg: 'none', key: 'b' },
        { name: 'number', arg: 'none', key: 'n' },
        { name: 'squeeze-blank', arg: 'none', key: 's' },
        { name: 'show-nonprinting', arg: 'none', key: 'v' },
        { name: 'show-ends', arg: 'none', key: 'E' },
        { name: 'show-tabs', arg: 'none', key: 'T' },
        { name: 'show-all', arg: 'none', key: 'A' },
      ],
      info: { name: 'cat', authors: ['Torbjörn Granlund', 'Richard M. Stallman'] },
    },
    (k) => {
      switch (k) {
        case 'b':
          o.number = o.nonblank = true;
          break;
        case 'e':
          o.ends = o.nonprinting = true;
          break;
        case 'n':
          o.number = true;
          break;
        case 's':
          o.squeeze = true;
          break;
        case 't':
          o.tabs = o.nonprinting = true;
          break;
        case 'v':
          o.nonprinting = true;
          break;
        case 'A':
          o.nonprinting = o.ends = o.tabs = true;
          break;
        case 'E':
          o.ends = true;
          break;
        case 'T':
          o.tabs = true;
          break;
        default:
          break;
      }
    },
  );
  if (!r.ok) return r.status;
  const files = r.operands.length > 0 ? r.operands : ['-'];
  const formatting = o.number || o.ends || o.squeeze || o.tabs || o.nonprinting;
  const fmt = new CatFormatter(o);
  const emit = (text: string): void => {
    if (text !== '') ctx.stdout.write(formatting ? fmt.format(text) : text);
  };
  let ok = true;
  for (const name of files) {
    if (name === '-') {
      // Copy as it arrives, so `cat` at a terminal echoes each line once it is entered.
      for (;;) {
        const chunk = await ctx.stdin.read();
        if (chunk === null) break;
        emit(chunk);
      }
      continue;
    }
    const f = openInput(ctx, name);
    if (!f.ok) {
      warn(ctx, `${name}: ${strerror(f.code)}`);
      ok = false;
      continue;
    }
    if (isStdoutFile(ctx, f.node)) {
      warn(ctx, `${name}: input file is output file`);
      ok = false;
      continue;
    }
    emit(f.node.data);
  }
  return ok ? 0 : 1;
};
