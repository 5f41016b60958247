/**
 * printf-style formatting shared by /usr/bin/printf (coreutils 8.4), the bash 4.1 `printf`
 * builtin and awk's printf/sprintf (gawk 3.1.7).
 *
 * The lower half formats one converted value the way glibc's printf(3) does: integers of any
 * size (bigint), doubles with exact decimal rounding (round-half-even on the binary value, as
 * glibc does, which JavaScript's toFixed does not), %a hex floats, strings with width and
 * precision. awk builds its own directive loop on top of these (its argument rules differ).
 *
 * The upper half, `shellPrintf`, is the whole printf utility for the two shell dialects:
 * backslash escapes in the format, %b and %q, reusing the format while arguments remain, and
 * the numeric-argument diagnostics each implementation prints. It never throws; errors come
 * back as message text without the program-name prefix, so the caller adds `printf: ` or
 * `-bash: printf: ` as appropriate.
 */

// ---- one conversion ---------------------------------------------------------------------

/** A parsed conversion specification. */
export interface Conversion {
  /** `-` */
  minus: boolean;
  /** `+` */
  plus: boolean;
  /** ` ` */
  space: boolean;
  /** `#` */
  alt: boolean;
  /** `0` */
  zero: boolean;
  /** Minimum field width (0: none). */
  width: number;
  /** Precision, or null when none was given. */
  precision: number | null;
  /** The conversion character (d i o u x X e E f F g G a A c s ...). */
  conv: string;
}

export function conversion(conv: string, init: Partial<Conversion> = {}): Conversion {
  return { minus: false, plus: false, space: false, alt: false, zero: false, width: 0, precision: null, conv, ...init };
}

/** Width is counted in characters (gawk in a UTF-8 locale) or in UTF-8 bytes (printf(3)). */
export type WidthUnit = 'chars' | 'bytes';

/** UTF-8 length of one UTF-16 string. */
function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function measure(s: string, unit: WidthUnit): number {
  if (unit === 'chars') {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff && i > 0)) n++;
    }
    return n;
  }
  return utf8Len(s);
}

/** The longest prefix of s that is at most max units long (never splitting a character). */
function truncate(s: string, max: number, unit: WidthUnit): string {
  let used = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const cost = unit === 'chars' ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (used + cost > max) break;
    used += cost;
    i += pair ? 2 : 1;
  }
  return s.slice(0, i);
}

/**
 * Field widths and precisions are held to this many characters: a real printf would write
 * gigabytes for `%*d` with a huge width, which the lab cannot hold.
 */
export const MAX_WIDTH = 1 << 20;

/** Pads body to the field width: spaces on the left, or on the right with `-`. */
export function pad(body: string, c: Conversion, unit: WidthUnit = 'bytes'): string {
  const len = measure(body, unit);
  if (c.width <= len) return body;
  const fill = ' '.repeat(c.width - len);
  return c.minus ? body + fill : fill + body;
}

/** %s: precision truncates, width pads. `zeroFill` is gawk's quirk of padding %05s with zeros. */
export function formatString(s: string, c: Conversion, unit: WidthUnit = 'bytes', zeroFill = false): string {
  const body = c.precision !== null ? truncate(s, c.precision, unit) : s;
  if (zeroFill && c.zero && !c.minus) {
    const len = measure(body, unit);
    if (c.width > len) return '0'.repeat(c.width - len) + body;
  }
  return pad(body, c, unit);
}

function signOf(neg: boolean, c: Conversion): string {
  return neg ? '-' : c.plus ? '+' : c.space ? ' ' : '';
}

/**
 * Assembles sign + prefix + digits with C's rules for zero padding: the `0` flag pads between
 * the sign (or 0x) and the digits, unless `-` is given or (for integers) a precision was given.
 */
function assemble(sign: string, prefix: string, digits: string, c: Conversion, zeroOk: boolean): string {
  const len = sign.length + prefix.length + digits.length;
  if (c.zero && !c.minus && zeroOk && c.width > len) return sign + prefix + '0'.repeat(c.width - len) + digits;
  return pad(sign + prefix + digits, c);
}

/** %d %i %o %u %x %X of an exact integer. Unsigned conversions of negatives wrap to 64 bits. */
export function formatInteger(value: bigint, c: Conversion): string {
  const conv = c.conv;
  let neg = false;
  let v = value;
  if (conv === 'd' || conv === 'i') {
    if (v < 0n) {
      neg = true;
      v = -v;
    }
  } else if (v < 0n) {
    v = BigInt.asUintN(64, v);
  }
  const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
  let digits = v.toString(base);
  if (conv === 'X') digits = digits.toUpperCase();
  if (c.precision !== null) {
    if (c.precision === 0 && v === 0n) digits = '';
    else if (digits.length < c.precision) digits = '0'.repeat(c.precision - digits.length) + digits;
  }
  let prefix = '';
  if (c.alt) {
    if (conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
    else if ((conv === 'x' || conv === 'X') && v !== 0n) prefix = conv === 'x' ? '0x' : '0X';
  }
  const sign = conv === 'd' || conv === 'i' ? signOf(neg, c) : '';
  return assemble(sign, prefix, digits, c, c.precision === null);
}

// ---- exact decimal conversion of doubles ------------------------------------------------

const bits = new DataView(new ArrayBuffer(8));

function makeNaN(negative: boolean): number {
  bits.setUint32(0, negative ? 0xfff80000 : 0x7ff80000);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** The NaN x86 arithmetic produces (sign bit set; glibc prints it as -nan). */
export const NEG_NAN = makeNaN(true);
/** The NaN strtod("nan") gives. */
export const POS_NAN = makeNaN(false);

/** Whether the sign bit of x is set (true for -0 and for -nan). */
export function signBit(x: number): boolean {
  bits.setFloat64(0, x);
  return bits.getUint32(0) >>> 31 === 1;
}

/** x (finite, >= 0) as an exact fraction num/den. */
function exactFraction(x: number): [bigint, bigint] {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  if (e >= 0) return [mant << BigInt(e), 1n];
  return [mant, 1n << BigInt(-e)];
}

const POW10: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 400) {
    let p = POW10[n];
    if (p === undefined) {
      p = 10n ** BigInt(n);
      POW10[n] = p;
    }
    return p;
  }
  return 10n ** BigInt(n);
}

/** round(num/den * 10^scale), ties to even. */
function scaledRound(num: bigint, den: bigint, scale: number): bigint {
  let n = num;
  let d = den;
  if (scale >= 0) n *= pow10(scale);
  else d *= pow10(-scale);
  const q = n / d;
  const twice = 2n * (n - q * d);
  if (twice > d || (twice === d && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/**
 * A double's exact decimal expansion has at most 1074 digits after the point and 767
 * significant digits, so digits asked for beyond these are zeros and need no arithmetic.
 */
const MAX_FRACTION = 1100;
const MAX_SIGNIFICANT = 800;

/** Fixed notation of a finite x >= 0 with prec digits after the point. */
export function fixedDigits(x: number, prec: number): string {
  if (prec > MAX_FRACTION) return fixedDigits(x, MAX_FRACTION) + '0'.repeat(prec - MAX_FRACTION);
  const [n, d] = exactFraction(x);
  const s = scaledRound(n, d, prec).toString();
  if (prec === 0) return s;
  const padded = s.length <= prec ? '0'.repeat(prec - s.length + 1) + s : s;
  return padded.slice(0, padded.length - prec) + '.' + padded.slice(padded.length - prec);
}

/** `sig` significant digits of a finite x >= 0 and the decimal exponent of the first one. */
export function significantDigits(x: number, sig: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(sig), exp: 0 };
  if (sig > MAX_SIGNIFICANT) {
    const r = significantDigits(x, MAX_SIGNIFICANT);
    return { digits: r.digits + '0'.repeat(sig - MAX_SIGNIFICANT), exp: r.exp };
  }
  const [n, d] = exactFraction(x);
  let e = Math.floor(Math.log10(x));
  const hi = pow10(sig);
  const lo = pow10(sig - 1);
  let q = scaledRound(n, d, sig - 1 - e);
  if (q >= hi) {
    e++;
    q = scaledRound(n, d, sig - 1 - e);
  } else if (q < lo) {
    e--;
    q = scaledRound(n, d, sig - 1 - e);
  }
  if (q >= hi) {
    // rounding carried into a new digit (9.99 -> 10.0)
    q /= 10n;
    e++;
  }
  return { digits: q.toString(), exp: e };
}

function expSuffix(e: number, upper: boolean): string {
  const a = Math.abs(e);
  return (upper ? 'E' : 'e') + (e < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

function eBody(x: number, prec: number, alt: boolean, upper: boolean): string {
  const { digits, exp } = significantDigits(x, prec + 1);
  let body = digits[0]!;
  if (prec > 0 || alt) body += '.';
  body += digits.slice(1);
  return body + expSuffix(exp, upper);
}

function gBody(x: number, precIn: number | null, alt: boolean, upper: boolean): string {
  const P = precIn === null ? 6 : precIn === 0 ? 1 : precIn;
  const X = x === 0 ? 0 : significantDigits(x, P).exp;
  let body: string;
  let mantEnd: number;
  if (P > X && X >= -4) {
    body = fixedDigits(x, P - 1 - X);
    if (alt && !body.includes('.')) body += '.';
    mantEnd = body.length;
  } else {
    body = eBody(x, P - 1, alt, upper);
    mantEnd = body.indexOf(upper ? 'E' : 'e');
  }
  if (!alt) {
    let mant = body.slice(0, mantEnd);
    const rest = body.slice(mantEnd);
    if (mant.includes('.')) {
      mant = mant.replace(/0+$/, '');
      if (mant.endsWith('.')) mant = mant.slice(0, -1);
    }
    body = mant + rest;
  }
  return body;
}

function aBody(x: number, prec: number | null, alt: boolean, upper: boolean): string {
  let body: string;
  if (x === 0) {
    body = '0x0' + (prec !== null && prec > 0 ? '.' + '0'.repeat(prec) : alt ? '.' : '') + 'p+0';
  } else {
    bits.setFloat64(0, x);
    const hi = bits.getUint32(0);
    const lo = bits.getUint32(4);
    let exp = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let lead = 1n;
    if (exp === 0) {
      // subnormal: normalize so the leading digit is 1, as glibc prints them
      lead = 0n;
      exp = -1022;
      while ((mant & (1n << 52n)) === 0n) {
        mant <<= 1n;
        exp--;
      }
      mant &= (1n << 52n) - 1n;
      lead = 1n;
      exp += 1023;
    }
    let e = exp - 1023;
    let frac = mant; // 52 bits = 13 hex digits
    let nd = 13;
    if (prec !== null && prec < 13) {
      const drop = BigInt((13 - prec) * 4);
      const q = frac >> drop;
      const r = frac - (q << drop);
      const half = 1n << (drop - 1n);
      let q2 = q;
      if (r > half || (r === half && (q & 1n) === 1n)) q2 = q + 1n;
      frac = q2;
      nd = prec;
      if (frac >> BigInt(nd * 4) !== 0n) {
        // carried into the leading digit
        frac &= (1n << BigInt(nd * 4)) - 1n;
        lead += 1n;
      }
    }
    let hex = nd > 0 ? frac.toString(16).padStart(nd, '0') : '';
    if (prec === null) hex = hex.replace(/0+$/, '');
    else if (prec > 13) hex += '0'.repeat(prec - 13);
    if (lead === 2n) {
      lead = 1n;
      e += 1;
    }
    body = '0x' + lead.toString() + (hex !== '' || alt ? '.' : '') + hex + 'p' + (e < 0 ? '-' : '+') + Math.abs(e);
  }
  return upper ? body.toUpperCase() : body;
}

/**
 * %e %E %f %F %g %G %a %A of a double. A NaN prints as nan or -nan by its sign bit, as glibc
 * does (x86 arithmetic produces the negative kind, see NEG_NAN).
 */
export function formatFloat(x: number, c: Conversion): string {
  const conv = c.conv;
  const upper = conv === 'E' || conv === 'F' || conv === 'G' || conv === 'A';
  if (Number.isNaN(x) || !Number.isFinite(x)) {
    const neg = Number.isNaN(x) ? signBit(x) : x < 0;
    let word = Number.isNaN(x) ? 'nan' : 'inf';
    if (upper) word = word.toUpperCase();
    return pad(signOf(neg, c) + word, c);
  }
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  let prefix = '';
  switch (conv) {
    case 'f':
    case 'F':
      body = fixedDigits(a, c.precision ?? 6);
      if (c.alt && !body.includes('.')) body += '.';
      break;
    case 'e':
    case 'E':
      body = eBody(a, c.precision ?? 6, c.alt, upper);
      break;
    case 'a':
    case 'A':
      body = aBody(a, c.precision, c.alt, upper);
      prefix = body.slice(0, 2);
      body = body.slice(2);
      break;
    default:
      body = gBody(a, c.precision, c.alt, upper);
  }
  return assemble(signOf(neg, c), prefix, body, c, true);
}

/** The `%.6g`-style conversion awk uses for CONVFMT/OFMT, without flags. */
export function formatG(x: number, precision: number): string {
  return formatFloat(x, conversion('g', { precision }));
}

// ---- characters and bytes -----------------------------------------------------------------

/**
 * Collects output where escapes may produce raw bytes (\xHH, \NNN): runs of bytes that form
 * valid UTF-8 become those characters, other bytes become the Latin-1 character of that value.
 */
export class ByteText {
  private parts: string[] = [];
  private bytes: number[] = [];

  text(s: string): void {
    if (this.bytes.length) this.flushBytes();
    this.parts.push(s);
  }

  byte(b: number): void {
    this.bytes.push(b & 0xff);
  }

  private flushBytes(): void {
    this.parts.push(decodeBytes(this.bytes));
    this.bytes = [];
  }

  toString(): string {
    if (this.bytes.length) this.flushBytes();
    return this.parts.join('');
  }
}

/**
 * Decodes bytes as UTF-8 where they form valid sequences; a byte that does not belong to one
 * becomes U+FFFD, which is what a UTF-8 terminal shows for it.
 */
export function decodeBytes(b: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let cp = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
    }
    let ok = need > 0 && i + need < b.length;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const cc = b[i + k];
        if (cc === undefined || (cc & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
    }
    if (ok && need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok && need === 3 && (cp < 0x10000 || cp > 0x10ffff)) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += c < 0x80 ? String.fromCharCode(c) : '\ufffd';
      i++;
    }
  }
  return out;
}

/** The first byte of s as printf(3)'s %c sees it (the whole first character when it is multibyte). */
function firstChar(s: string): string {
  if (s === '') return '\0';
  const cp = s.codePointAt(0)!;
  return String.fromCodePoint(cp);
}

// ---- numeric arguments of the shell printf utilities ------------------------------------------

type IntParse = { value: bigint; end: number; range: boolean };

const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';

/** strtoimax/strtoumax(s, &end, 0): optional blanks, sign, 0x/0 prefixes. */
function strtoint(s: string, unsigned: boolean): IntParse {
  let i = 0;
  while (isSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    base = 16;
    i += 2;
  } else if (s[i] === '0') base = 8;
  const start = i;
  let v = 0n;
  const B = BigInt(base);
  for (;;) {
    const ch = s[i];
    if (ch === undefined) break;
    const d = parseInt(ch, base);
    if (Number.isNaN(d)) break;
    v = v * B + BigInt(d);
    i++;
  }
  if (i === start) return { value: 0n, end: 0, range: false };
  let range = false;
  if (unsigned) {
    if (v > 0xffffffffffffffffn) {
      range = true;
      v = 0xffffffffffffffffn;
    } else if (neg) v = BigInt.asUintN(64, -v);
  } else {
    if (neg) v = -v;
    if (v > 0x7fffffffffffffffn) {
      range = true;
      v = 0x7fffffffffffffffn;
    } else if (v < -0x8000000000000000n) {
      range = true;
      v = -0x8000000000000000n;
    }
  }
  return { value: v, end: i, range };
}

/** strtod(s, &end): decimal and hex floats, inf, infinity, nan. */
export function strtod(s: string, from = 0): { value: number; end: number; range: boolean } {
  let i = from;
  while (isSpace(s[i])) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const rest = s.slice(i, i + 8).toLowerCase();
  if (rest.startsWith('infinity')) return { value: sign * Infinity, end: i + 8, range: false };
  if (rest.startsWith('inf')) return { value: sign * Infinity, end: i + 3, range: false };
  if (rest.startsWith('nan')) {
    let j = i + 3;
    if (s[j] === '(') {
      const close = s.indexOf(')', j);
      if (close > 0 && /^[0-9A-Za-z_]*$/.test(s.slice(j + 1, close))) j = close + 1;
    }
    return { value: makeNaN(sign < 0), end: j, range: false };
  }
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?/.exec(s.slice(i));
    if (m && (m[1]! + (m[2] ?? '')).length > 0) {
      let v = 0;
      for (const ch of m[1]!) v = v * 16 + parseInt(ch, 16);
      let scale = 1 / 16;
      for (const ch of m[2] ?? '') {
        v += parseInt(ch, 16) * scale;
        scale /= 16;
      }
      if (m[3] !== undefined) v *= Math.pow(2, parseInt(m[3], 10));
      return { value: sign * v, end: i + m[0].length, range: !Number.isFinite(v) };
    }
    // "0x" without digits: the 0 alone converts
    return { value: 0 * sign, end: i + 1, range: false };
  }
  const m = /^(\d*)(\.\d*)?/.exec(s.slice(i))!;
  const mant = m[0];
  if (mant === '' || mant === '.') return { value: 0, end: from, range: false };
  let j = i + mant.length;
  const em = /^[eE][+-]?\d+/.exec(s.slice(j));
  if (em) j += em[0].length;
  const value = sign * Number(s.slice(i, j));
  const range = !Number.isFinite(value) || (value === 0 && /[1-9]/.test(mant));
  return { value, end: j, range };
}

// ---- the printf utilities -----------------------------------------------------------------

export type PrintfDialect = 'coreutils' | 'bash';

export interface ShellPrintfResult {
  /** What printf writes to standard output. */
  out: string;
  /** Diagnostics, in order, without the `printf: ` prefix. */
  errors: string[];
  /** For each diagnostic, how much of `out` had been produced when it was issued. */
  errorAt: number[];
  /** Exit status. */
  status: number;
}

/** The coreutils quote(): `x' in RHEL 6's C/UTF-8 locales. */
function quoteArg(s: string): string {
  return '`' + s + "'";
}

const FLAG_CHARS = "#'-+ 0";

interface EscapeOutcome {
  /** Characters consumed after the backslash. */
  used: number;
  stop: boolean;
  fatal?: string;
}

/**
 * One backslash escape at s[i] (the character after the backslash), written to out.
 * `inB` is true for %b arguments, where octal escapes take the form \0NNN and \c stops output.
 */
function escape(s: string, i: number, out: ByteText, dialect: PrintfDialect, inB: boolean): EscapeOutcome {
  const ch = s[i];
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', e: '\x1b' };
  if (ch === undefined) {
    out.text('\\');
    return { used: 0, stop: false };
  }
  if (dialect === 'coreutils') {
    if (ch === 'x') {
      let j = i + 1;
      let v = 0;
      while (j < i + 3 && /[0-9a-fA-F]/.test(s[j] ?? '')) v = v * 16 + parseInt(s[j++]!, 16);
      if (j === i + 1) return { used: 1, stop: true, fatal: 'missing hexadecimal number in escape' };
      out.byte(v);
      return { used: j - i, stop: false };
    }
    if (ch >= '0' && ch <= '7') {
      let j = i;
      if (inB && ch === '0') j++;
      const start = j;
      let v = 0;
      while (j < start + 3 && s[j] !== undefined && s[j]! >= '0' && s[j]! <= '7') v = v * 8 + (s.charCodeAt(j++) - 48);
      out.byte(v);
      return { used: j - i, stop: false };
    }
    if (ch === 'c') return { used: 1, stop: true };
    if (ch === '"') {
      out.text('"');
      return { used: 1, stop: false };
    }
    if (simple[ch] !== undefined) {
      out.text(simple[ch]!);
      return { used: 1, stop: false };
    }
    if (ch === 'u' || ch === 'U') {
      const n = ch === 'u' ? 4 : 8;
      let v = 0;
      for (let k = 1; k <= n; k++) {
        const h = s[i + k];
        if (h === undefined || !/[0-9a-fA-F]/.test(h)) return { used: k, stop: true, fatal: 'missing hexadecimal number in escape' };
        v = v * 16 + parseInt(h, 16);
      }
      if ((v <= 0x9f && v !== 0x24 && v !== 0x40 && v !== 0x60) || (v >= 0xd800 && v <= 0xdfff)) {
        const hex = v.toString(16).padStart(n, '0');
        return { used: n + 1, stop: true, fatal: `invalid universal character name \\${ch}${hex}` };
      }
      out.text(v > 0x10ffff ? '?' : String.fromCodePoint(v));
      return { used: n + 1, stop: false };
    }
    out.text('\\' + ch);
    return { used: 1, stop: false };
  }
  // bash 4.1's tescape()
  if (ch === 'E') {
    out.text('\x1b');
    return { used: 1, stop: false };
  }
  if (simple[ch] !== undefined) {
    out.text(simple[ch]!);
    return { used: 1, stop: false };
  }
  if (ch >= '0' && ch <= '7') {
    let v = ch.charCodeAt(0) - 48;
    let j = i + 1;
    let more = 2 + (v === 0 && inB ? 1 : 0);
    while (more-- > 0 && s[j] !== undefined && s[j]! >= '0' && s[j]! <= '7') v = v * 8 + (s.charCodeAt(j++) - 48);
    out.byte(v & 0xff);
    return { used: j - i, stop: false };
  }
  if (ch === 'x') {
    let j = i + 1;
    let v = 0;
    while (j < i + 3 && /[0-9a-fA-F]/.test(s[j] ?? '')) v = v * 16 + parseInt(s[j++]!, 16);
    if (j === i + 1) {
      out.text('\\');
      return { used: 0, stop: false, fatal: 'missing hex digit for \\x' };
    }
    out.byte(v & 0xff);
    return { used: j - i, stop: false };
  }
  if ((ch === "'" || ch === '"' || ch === '?') && !inB) {
    out.text(ch);
    return { used: 1, stop: false };
  }
  if (ch === 'c' && inB) return { used: 1, stop: true };
  out.text('\\');
  return { used: 0, stop: false };
}

/** UTF-8 bytes of a string (one byte per char for lone surrogates' replacement). */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/**
 * bash's %q: backslash quoting of shell metacharacters, or $'...' (ansic_quote) when any byte
 * is not printable, which in bash 4.1 includes every byte of a non-ASCII character.
 */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  const bytes = utf8Bytes(s);
  if (bytes.some((b) => b < 0x20 || b >= 0x7f)) {
    let r = "$'";
    const named: Record<number, string> = { 0x1b: 'E', 0x07: 'a', 0x0b: 'v', 0x08: 'b', 0x0c: 'f', 0x0a: 'n', 0x0d: 'r', 0x09: 't' };
    for (const b of bytes) {
      if (named[b] !== undefined) r += '\\' + named[b];
      else if (b === 0x5c || b === 0x27) r += '\\' + String.fromCharCode(b);
      else if (b < 0x20 || b >= 0x7f) r += '\\' + b.toString(8).padStart(3, '0');
      else r += String.fromCharCode(b);
    }
    return r + "'";
  }
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (' \t\n\'"\\|&;()<>!{}*[?]^$`,'.includes(ch) || (ch === '#' && i === 0)) r += '\\' + ch;
    else r += ch;
  }
  return r;
}

/**
 * The printf utility: coreutils 8.4's /usr/bin/printf or bash 4.1's builtin. `format` and
 * `args` are the operands after the format (options such as bash's -v are the caller's).
 */
export function shellPrintf(format: string, args: readonly string[], dialect: PrintfDialect): ShellPrintfResult {
  const out = new ByteText();
  const errors: string[] = [];
  const errorAt: number[] = [];
  let status = 0;
  let argi = 0;
  const bash = dialect === 'bash';
  /** Records the output position of diagnostics issued since the last call. */
  const sync = (): void => {
    if (errorAt.length < errors.length) {
      const at = out.toString().length;
      while (errorAt.length < errors.length) errorAt.push(at);
    }
  };
  const put = (text: string): void => {
    sync();
    out.text(text);
  };

  const numErr = (arg: string, end: number): void => {
    if (bash) {
      errors.push(`${arg}: invalid number`);
    } else if (end === 0) errors.push(`${arg}: expected a numeric value`);
    else errors.push(`${arg}: value not completely converted`);
    status = 1;
  };

  /** The character-constant form 'c / "c: the code of the next character. */
  const charConst = (arg: string): bigint => {
    const rest = arg.slice(1);
    if (rest === '') return 0n;
    const cp = rest.codePointAt(0)!;
    const after = rest.slice(cp > 0xffff ? 2 : 1);
    if (after !== '' && !bash) errors.push(`warning: ${after}: character(s) following character constant have been ignored`);
    return BigInt(cp);
  };

  const nextInt = (unsigned: boolean): bigint => {
    if (argi >= args.length) return 0n;
    const arg = args[argi++]!;
    if (arg.startsWith("'") || arg.startsWith('"')) return charConst(arg);
    const r = strtoint(arg, unsigned);
    if (r.end < arg.length || (r.end === 0 && arg !== '' && !bash)) {
      numErr(arg, r.end);
      if (bash && unsigned) return 0n;
      return r.value;
    }
    if (bash && arg === '') {
      // strtoimax("") leaves end at the start: bash's *ep test sees the NUL and accepts it
      return 0n;
    }
    if (r.range) {
      if (bash) errors.push(`warning: ${arg}: Numerical result out of range`);
      else {
        errors.push(`${arg}: Numerical result out of range`);
        status = 1;
      }
    }
    return r.value;
  };

  const nextFloat = (): number => {
    if (argi >= args.length) return 0;
    const arg = args[argi++]!;
    if (arg.startsWith("'") || arg.startsWith('"')) return Number(charConst(arg));
    const r = strtod(arg);
    if (r.end < arg.length) {
      if (arg === '') return 0;
      numErr(arg, r.end);
      return bash ? 0 : r.value;
    }
    if (r.range) {
      if (bash) errors.push(`warning: ${arg}: Numerical result out of range`);
      else {
        errors.push(`${arg}: Numerical result out of range`);
        status = 1;
      }
    }
    return r.value;
  };

  const nextStr = (): string => (argi < args.length ? args[argi++]! : '');

  // One pass over the format; returns false when output must stop (\c or a fatal error).
  const pass = (): boolean => {
    let i = 0;
    const f = format;
    while (i < f.length) {
      const ch = f[i]!;
      if (ch === '\\') {
        const r = escape(f, i + 1, out, dialect, false);
        if (r.fatal) {
          errors.push(r.fatal);
          if (!bash) {
            status = 1;
            return false;
          }
        }
        if (r.stop) {
          if (!bash) status = 0; // coreutils: \c is exit(EXIT_SUCCESS)
          return false;
        }
        i += 1 + r.used;
        continue;
      }
      if (ch !== '%') {
        // copy a run of plain text
        let j = i + 1;
        while (j < f.length && f[j] !== '%' && f[j] !== '\\') j++;
        out.text(f.slice(i, j));
        i = j;
        continue;
      }
      const start = i;
      i++;
      if (f[i] === '%') {
        out.text('%');
        i++;
        continue;
      }
      if (!bash && f[i] === 'b') {
        i++;
        if (argi < args.length) {
          const a = args[argi++]!;
          const stop = expandB(a, out, dialect, errors);
          if (stop === 'fatal') {
            status = 1;
            return false;
          }
          if (stop === 'stop') {
            status = 0;
            return false;
          }
        }
        continue;
      }
      const c = conversion('');
      // flags
      const okMask = new Set(['a', 'A', 'c', 'd', 'e', 'E', 'f', 'F', 'g', 'G', 'i', 'o', 's', 'u', 'x', 'X']);
      while (i < f.length && FLAG_CHARS.includes(f[i]!)) {
        const fl = f[i]!;
        if (fl === '-') c.minus = true;
        else if (fl === '+') c.plus = true;
        else if (fl === ' ') c.space = true;
        else if (fl === '#') {
          c.alt = true;
          for (const k of 'cdisu') okMask.delete(k);
        } else if (fl === '0') {
          c.zero = true;
          for (const k of 'cs') okMask.delete(k);
        } else if (fl === "'") for (const k of 'aAceEosxX') okMask.delete(k);
        i++;
      }
      let starWidth = false;
      let starPrec = false;
      let widthArg = 0;
      let precArg = 0;
      if (f[i] === '*') {
        i++;
        starWidth = true;
        if (bash) {
          widthArg = clampInt(nextInt(false), errors, args[argi - 1]);
        } else if (argi < args.length) {
          const raw = args[argi]!;
          const v = nextInt(false);
          if (v < -2147483648n || v > 2147483647n) {
            errors.push(`invalid field width: ${raw}`);
            status = 1;
            return false;
          }
          widthArg = Number(v);
        }
      } else {
        let w = '';
        while (i < f.length && f[i]! >= '0' && f[i]! <= '9') w += f[i++];
        if (w !== '') c.width = Math.min(Number(w), MAX_WIDTH);
      }
      if (f[i] === '.') {
        i++;
        okMask.delete('c');
        if (f[i] === '*') {
          i++;
          starPrec = true;
          if (bash) precArg = clampInt(nextInt(false), errors, args[argi - 1]);
          else if (argi < args.length) {
            const raw = args[argi]!;
            const v = nextInt(false);
            if (v < 0n) precArg = -1;
            else if (v > 2147483647n) {
              errors.push(`invalid precision: ${raw}`);
              status = 1;
              return false;
            } else precArg = Number(v);
          }
        } else {
          if (bash && f[i] === '-') i++;
          let p = '';
          while (i < f.length && f[i]! >= '0' && f[i]! <= '9') p += f[i++];
          c.precision = Math.min(Number(p || '0'), MAX_WIDTH);
        }
      }
      while (i < f.length && (bash ? 'hjlLtz' : 'lLhjtz').includes(f[i]!)) i++;
      const conv = f[i];
      if (conv === undefined) {
        if (bash) {
          errors.push(`\`${f.slice(start)}': missing format character`);
          status = 1;
          return false;
        }
        errors.push(`${f.slice(start)}: invalid conversion specification`);
        status = 1;
        return false;
      }
      i++;
      if (!bash && !okMask.has(conv)) {
        errors.push(`${f.slice(start, i)}: invalid conversion specification`);
        status = 1;
        return false;
      }
      c.conv = conv;
      if (starWidth) {
        if (widthArg < 0) {
          c.minus = true;
          c.width = Math.min(-widthArg, MAX_WIDTH);
        } else c.width = Math.min(widthArg, MAX_WIDTH);
      }
      if (starPrec) {
        // bash 4.1 passes the field width where the precision belongs when only the
        // precision is a `*` (its PF macro); coreutils does the right thing.
        const p = bash && !starWidth ? 0 : precArg;
        c.precision = p < 0 ? null : Math.min(p, MAX_WIDTH);
      }
      const unit: WidthUnit = 'bytes';
      switch (conv) {
        case 'd':
        case 'i':
          put(formatInteger(nextInt(false), c));
          break;
        case 'o':
        case 'u':
        case 'x':
        case 'X':
          put(formatInteger(nextInt(true), c));
          break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
          put(formatFloat(nextFloat(), c));
          break;
        case 'c': {
          const a = nextStr();
          put(pad(firstChar(a), c, unit));
          break;
        }
        case 's':
          put(formatString(nextStr(), c, unit));
          break;
        case 'b': {
          // bash only (coreutils handled %b above)
          const a = nextStr();
          const tmp = new ByteText();
          const r = expandB(a, tmp, dialect, errors);
          put(formatString(tmp.toString(), c, unit));
          if (r === 'stop') return false;
          break;
        }
        default:
          if (bash && conv === 'q') {
            put(formatString(shellQuote(nextStr()), c, unit));
            break;
          }
          if (bash) {
            errors.push(`\`${conv}': invalid format character`);
            status = 1;
            return false;
          }
          errors.push(`${f.slice(start, i)}: invalid conversion specification`);
          status = 1;
          return false;
      }
    }
    return true;
  };

  let guard = 0;
  for (;;) {
    const before = argi;
    const go = pass();
    if (!go) {
      sync();
      return { out: out.toString(), errors, errorAt, status };
    }
    if (argi === before || argi >= args.length) break;
    if (++guard > 1_000_000) break;
  }
  if (!bash && argi < args.length && argi === 0) {
    errors.push(`warning: ignoring excess arguments, starting with ${quoteArg(args[argi]!)}`);
  }
  sync();
  return { out: out.toString(), errors, errorAt, status };
}

function clampInt(v: bigint, errors: string[], raw: string | undefined): number {
  if (v > 2147483647n) {
    errors.push(`warning: ${raw ?? ''}: Numerical result out of range`);
    return 2147483647;
  }
  if (v < -2147483648n) {
    errors.push(`warning: ${raw ?? ''}: Numerical result out of range`);
    return -2147483648;
  }
  return Number(v);
}

/** Expands a %b argument into out. Returns 'stop' at \c, 'fatal' on a fatal escape error. */
function expandB(a: string, out: ByteText, dialect: PrintfDialect, errors: string[]): 'ok' | 'stop' | 'fatal' {
  let i = 0;
  while (i < a.length) {
    const ch = a[i]!;
    if (ch !== '\\' || i + 1 >= a.length) {
      let j = i + 1;
      while (j < a.length && a[j] !== '\\') j++;
      out.text(a.slice(i, j));
      i = j;
      continue;
    }
    const r = escape(a, i + 1, out, dialect, true);
    if (r.fatal) {
      errors.push(r.fatal);
      if (dialect === 'coreutils') return 'fatal';
    }
    if (r.stop) return 'stop';
    i += 1 + r.used;
  }
  return 'ok';
}
