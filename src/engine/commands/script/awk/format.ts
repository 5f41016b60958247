/**
 * awk's printf/sprintf (gawk 3.1.7's format_tree) and number-to-string conversion, built on the
 * shared formatter in util/printf.ts. awk's rules differ from printf(1): arguments are awk
 * values, running out of them is fatal, %c takes a character code or a string's first
 * character, %d of a huge value prints all its digits, out-of-range %o/%x/%u fall back to %g,
 * an unknown conversion is copied literally, and widths count characters, not bytes.
 */
import { ByteText, MAX_WIDTH, conversion, formatFloat, formatString, pad, type Conversion } from '../../../util/printf';
import { StrNum, integerString, toNum, type Val } from './values';

/** Thrown for the fatal errors of format_tree; the message is complete (may span lines). */
export class FormatFatal extends Error {}

/** Number to string with a CONVFMT/OFMT-style format; integral values print as integers. */
export function numToStr(n: number, fmt: string): string {
  const i = integerString(n);
  if (i !== null) return i;
  if (fmt === '%.6g') return formatFloat(n, conversion('g', { precision: 6 }));
  return awkSprintf(fmt, [n], (v) => valToStr(v, '%.6g'));
}

/** A value as a string, numbers through `fmt` (CONVFMT). */
export function valToStr(v: Val, fmt: string): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (typeof v === 'number') return numToStr(v, fmt);
  return v.s;
}

function digitsOfInt(n: number): string {
  // exact decimal digits of an integral double (|n|)
  const a = Math.abs(n);
  if (a < 1e15) return String(a);
  return BigInt(a).toString();
}

/**
 * sprintf(format, args...). `str` converts an argument to a string the way force_string does
 * (CONVFMT for numbers).
 */
export function awkSprintf(format: string, args: readonly Val[], str: (v: Val) => string): string {
  const bt = new ByteText();
  const out = {
    text: '',
  };
  // `out.text += s` collects text; raw bytes from %c go through `bt` in order
  const flushText = (): void => {
    if (out.text) {
      bt.text(out.text);
      out.text = '';
    }
  };
  let argi = 0;
  let usedDollar = false;
  let i = 0;
  const f = format;
  const n = f.length;
  while (i < n) {
    const pct = f.indexOf('%', i);
    if (pct < 0) {
      out.text += f.slice(i);
      break;
    }
    out.text += f.slice(i, pct);
    const specStart = pct;
    let j = pct + 1;
    const c: Conversion = conversion('');
    let phase: 'fw' | 'prec' | 'done' = 'fw';
    let havePrec = false;
    let argnum = 0;
    let quote = false;
    let lj = false;
    let big = false;
    let bigbig = false;
    let small = false;
    let handled = false;

    const nextArg = (): Val | typeof TOOFEW => {
      if (argnum > 0) {
        if (argi > 0) throw new FormatFatal("must use `count$' on all formats or none");
        return args[argnum - 1];
      }
      if (usedDollar) throw new FormatFatal("must use `count$' on all formats or none");
      if (argi >= args.length) return TOOFEW;
      return args[argi++];
    };
    const tooFew = (): never => {
      throw new FormatFatal(`not enough arguments to satisfy format string\n\t\`${format}'\n\t${' '.repeat(Math.max(0, j - 1))}^ ran out for this one`);
    };

    for (;;) {
      if (j >= n) {
        // ran out in the middle of a specification: copy it as text
        out.text += f.slice(specStart);
        i = n;
        handled = true;
        break;
      }
      const ch = f[j++]!;
      if (ch === '%') {
        out.text += '%';
        i = j;
        handled = true;
        break;
      }
      if (ch === '0' && phase === 'fw' && c.width === 0) {
        c.zero = true;
        if (lj) continue;
      }
      if (ch >= '0' && ch <= '9') {
        if (phase === 'done') break;
        let v = ch.charCodeAt(0) - 48;
        while (j < n && f[j]! >= '0' && f[j]! <= '9') v = v * 10 + (f.charCodeAt(j++) - 48);
        v = Math.min(v, MAX_WIDTH);
        if (phase === 'fw') c.width = v;
        else {
          c.precision = v;
          phase = 'done';
        }
        continue;
      }
      if (ch === '$') {
        if (phase !== 'fw') throw new FormatFatal("`$' not permitted after period in format");
        argnum = c.width;
        c.width = 0;
        usedDollar = true;
        if (argnum <= 0) throw new FormatFatal("arg count with `$' must be > 0");
        if (argnum > args.length) throw new FormatFatal(`arg count ${argnum} greater than total number of supplied arguments`);
        continue;
      }
      if (ch === '*') {
        if (phase === 'done') break;
        let a: Val | typeof TOOFEW;
        if (j < n && f[j]! >= '0' && f[j]! <= '9') {
          let v = 0;
          while (j < n && f[j]! >= '0' && f[j]! <= '9') v = v * 10 + (f.charCodeAt(j++) - 48);
          if (f[j] !== '$') throw new FormatFatal("no `$' supplied for positional field width or precision");
          j++;
          if (v > args.length || v <= 0) tooFew();
          a = args[v - 1];
        } else {
          a = nextArg();
          if (a === TOOFEW) tooFew();
        }
        let v = Math.trunc(toNum(a as Val));
        if (!Number.isFinite(v)) v = 0;
        v = Math.max(-MAX_WIDTH, Math.min(v, MAX_WIDTH));
        if (phase === 'fw') {
          if (v < 0) {
            v = -v;
            lj = true;
          }
          c.width = v;
        } else {
          if (v >= 0) {
            c.precision = v;
            havePrec = true;
          } else {
            c.precision = null;
            havePrec = false;
          }
          phase = 'done';
        }
        continue;
      }
      if (ch === ' ') {
        if (phase !== 'fw') break;
        if (!c.plus) c.space = true;
        continue;
      }
      if (ch === '+') {
        if (phase !== 'fw') break;
        c.plus = true;
        c.space = false;
        continue;
      }
      if (ch === '-') {
        if (phase === 'prec') {
          // a negative precision is ignored
          while (j < n && f[j]! >= '0' && f[j]! <= '9') j++;
          c.precision = null;
          havePrec = false;
          phase = 'done';
          continue;
        }
        if (phase !== 'fw') break;
        lj = true;
        continue;
      }
      if (ch === '.') {
        if (phase !== 'fw') break;
        phase = 'prec';
        havePrec = true;
        c.precision = 0;
        continue;
      }
      if (ch === '#') {
        if (phase !== 'fw') break;
        c.alt = true;
        continue;
      }
      if (ch === "'") {
        if (phase !== 'fw') break;
        quote = true;
        continue;
      }
      if (ch === 'l' || ch === 'L' || ch === 'h') {
        if ((ch === 'l' && big) || (ch === 'L' && bigbig) || (ch === 'h' && small)) break;
        if (ch === 'l') big = true;
        else if (ch === 'L') bigbig = true;
        else small = true;
        continue;
      }
      // a conversion character (or not)
      c.minus = lj;
      if (!havePrec) c.precision = null;
      if (phase === 'prec') phase = 'done';
      switch (ch) {
        case 'c': {
          const a = nextArg();
          if (a === TOOFEW) tooFew();
          const v = a as Val;
          let body: string;
          if (typeof v === 'number' || (v instanceof StrNum && v.isNum)) {
            const code = Math.trunc(toNum(v));
            const b = Number.isFinite(code) ? ((code % 256) + 256) % 256 : 0;
            if (b >= 0x80) {
              // a single raw byte: pad around it and let the byte decoder decide what it is
              const padded = fill('\x01', c, lj);
              const k = padded.indexOf('\x01');
              out.text += padded.slice(0, k);
              flushText();
              bt.byte(b);
              out.text += padded.slice(k + 1);
              break;
            }
            body = String.fromCharCode(b);
          } else {
            const s = str(v);
            body = s === '' ? '\0' : String.fromCodePoint(s.codePointAt(0)!);
          }
          out.text += fill(body, c, lj);
          break;
        }
        case 's': {
          const a = nextArg();
          if (a === TOOFEW) tooFew();
          out.text += formatString(str(a as Val), { ...c, minus: lj }, 'chars');
          break;
        }
        case 'd':
        case 'i': {
          const a = nextArg();
          if (a === TOOFEW) tooFew();
          const v = toNum(a as Val);
          if (!Number.isFinite(v)) {
            out.text += formatFloat(v, { ...c, conv: 'g', precision: c.precision ?? 6 });
            break;
          }
          const t = Math.trunc(v);
          out.text += intBody(digitsOfInt(t), t < 0, c, lj, havePrec, '');
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const a = nextArg();
          if (a === TOOFEW) tooFew();
          const v = toNum(a as Val);
          const t = Math.trunc(v);
          let u: bigint;
          if (!Number.isFinite(v) || t <= -9223372036854775808 || t >= 18446744073709551616) {
            out.text += formatFloat(v, { ...c, conv: 'g', precision: c.precision ?? 6 });
            break;
          }
          if (t < 0) u = BigInt.asUintN(64, BigInt(t));
          else u = BigInt(t);
          if (!c.alt && havePrec && c.precision === 0 && t === 0) {
            out.text += pad('', { ...c, minus: lj }, 'chars');
            break;
          }
          const base = ch === 'o' ? 8 : ch === 'u' ? 10 : 16;
          let digits = u.toString(base);
          if (ch === 'X') digits = digits.toUpperCase();
          if (havePrec && c.precision !== null && digits.length < c.precision) digits = '0'.repeat(c.precision - digits.length) + digits;
          let prefix = '';
          if (c.alt && t !== 0) {
            if (base === 16) prefix = ch === 'x' ? '0x' : '0X';
            else if (base === 8) digits = '0' + digits;
          }
          out.text += intBody(digits, false, { ...c, plus: false, space: false }, lj, havePrec, prefix);
          break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
          const a = nextArg();
          if (a === TOOFEW) tooFew();
          const v = toNum(a as Val);
          out.text += formatFloat(v, { ...c, minus: lj, conv: ch, precision: havePrec ? c.precision : 6 });
          break;
        }
        default:
          // not a conversion: the whole specification is copied as it is
          out.text += f.slice(specStart, j);
          break;
      }
      void quote;
      i = j;
      handled = true;
      break;
    }
    if (!handled) {
      // an invalid character inside the specification: copy the text up to it literally
      out.text += f.slice(specStart, j);
      i = j;
    }
  }
  flushText();
  return bt.toString();
}

const TOOFEW = Symbol('toofew');

/** Width padding for %c (zero flag pads with zeros, as gawk does). */
function fill(body: string, c: Conversion, lj: boolean): string {
  const len = [...body].length;
  if (c.width <= len) return body;
  const pad = (c.zero && !lj ? '0' : ' ').repeat(c.width - len);
  return lj ? body + ' '.repeat(c.width - len) : pad + body;
}

/** gawk's integer layout: precision zeros, sign, and its particular zero-fill rule. */
function intBody(digitsIn: string, neg: boolean, c: Conversion, lj: boolean, havePrec: boolean, prefix: string): string {
  let digits = digitsIn;
  if (havePrec && c.precision === 0 && digits === '0' && prefix === '') digits = '';
  else if (havePrec && c.precision !== null && digits.length < c.precision) digits = '0'.repeat(c.precision - digits.length) + digits;
  const sign = neg ? '-' : c.plus ? '+' : c.space ? ' ' : '';
  const zeroFill = !lj && ((c.zero && !havePrec) || (c.width === 0 && havePrec));
  const body = sign + prefix + digits;
  if (c.width <= body.length) return body;
  const padLen = c.width - body.length;
  if (lj) return body + ' '.repeat(padLen);
  if (zeroFill) return sign + prefix + '0'.repeat(padLen) + digits;
  return ' '.repeat(padLen) + body;
}
