/**
 * gawk 3.1.7's dynamic and constant regular expressions.
 *
 * gawk first turns escape sequences (\n, \t, \/, \123, \x41, \y) into characters and hands the
 * rest to GNU regex with RE_SYNTAX_GNU_AWK: POSIX extended syntax, but intervals `{n,m}` off (a
 * brace is an ordinary character), `*` `+` `?` literal where nothing precedes them, a backslash
 * escaping inside bracket expressions, an unmatched `)` literal, and the GNU operators
 * \w \W \< \> \B \` \' (\y is awk's word boundary; \s, \d and the like are plain letters).
 *
 * This module rewrites such a pattern into the equivalent canonical POSIX ERE and compiles that
 * with the lab's POSIX matcher (leftmost-longest, linear time, so no pattern can hang the lab).
 */
import { compileRegex, RegexError, type Regex } from '../../text/regex';
import { decodeBytes } from '../../../util/printf';

/** A compiled awk regexp. */
export interface AwkRegex {
  /** The pattern after escape processing, for error messages. */
  readonly text: string;
  readonly re: Regex;
}

/** Compilation failure: gawk prints `fatal: <message>: /<pattern>/`. */
export class AwkRegexError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(message);
  }
}

const SPECIAL = new Set(['.', '[', ']', '(', ')', '*', '+', '?', '{', '}', '|', '^', '$', '\\']);

function lit(c: string): string {
  return SPECIAL.has(c) ? '\\' + c : c;
}

/** Step 1 of make_regexp(): escape sequences that stand for characters become those characters. */
function processEscapes(src: string): string {
  let out = '';
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length) {
      out += decodeBytes(bytes);
      bytes = [];
    }
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c !== '\\') {
      flush();
      out += c;
      continue;
    }
    const d = src[i + 1];
    if (d === undefined) {
      flush();
      // a trailing backslash: gawk copies it with the terminating NUL, so nothing can match
      out += '\\\0';
      break;
    }
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (simple[d] !== undefined) {
      bytes.push(simple[d]!);
      i++;
      continue;
    }
    if (d >= '0' && d <= '7') {
      let v = 0;
      let j = i + 1;
      let n = 0;
      while (n < 3 && src[j] !== undefined && src[j]! >= '0' && src[j]! <= '7') {
        v = v * 8 + (src.charCodeAt(j) - 48);
        j++;
        n++;
      }
      bytes.push(v & 0xff);
      i = j - 1;
      continue;
    }
    if (d === 'x' && /[0-9a-fA-F]/.test(src[i + 2] ?? '')) {
      let v = 0;
      let j = i + 2;
      while (/[0-9a-fA-F]/.test(src[j] ?? '')) {
        v = (v * 16 + parseInt(src[j]!, 16)) & 0xffff;
        j++;
      }
      bytes.push(v & 0xff);
      i = j - 1;
      continue;
    }
    flush();
    if (d === 'x') {
      out += 'x';
      i++;
      continue;
    }
    if (d === '8' || d === '9') {
      out += d;
      i++;
      continue;
    }
    if (d === 'y') {
      out += '\\y';
      i++;
      continue;
    }
    out += '\\' + d;
    i++;
  }
  flush();
  return out;
}

const CLASS_NAMES = new Set(['alpha', 'upper', 'lower', 'digit', 'xdigit', 'space', 'print', 'punct', 'graph', 'cntrl', 'blank', 'alnum']);

/**
 * Reads a bracket expression at text[i] (the `[`) with gawk's rules; returns the canonical POSIX
 * form and the index after the closing `]`.
 */
function bracket(text: string, start: number): { out: string; end: number } {
  let i = start + 1;
  let negate = false;
  if (text[i] === '^') {
    negate = true;
    i++;
  }
  const chars: string[] = [];
  const ranges: string[] = [];
  const classes: string[] = [];
  let first = true;
  const readChar = (): string | null => {
    const c = text[i];
    if (c === undefined) return null;
    if (c === '\\' && i + 1 < text.length) {
      i += 2;
      return text[i - 1]!;
    }
    i++;
    return c;
  };
  for (;;) {
    const c = text[i];
    if (c === undefined) throw new RegexError('Unmatched [ or [^');
    if (c === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (c === '[' && (text[i + 1] === ':' || text[i + 1] === '=' || text[i + 1] === '.')) {
      const kind = text[i + 1]!;
      const close = text.indexOf(kind + ']', i + 2);
      if (close < 0) throw new RegexError('Unmatched [ or [^');
      const name = text.slice(i + 2, close);
      if (kind === ':') {
        if (!CLASS_NAMES.has(name)) throw new RegexError('Invalid character class name');
        classes.push(`[:${name}:]`);
      } else if (name.length === 1) chars.push(name);
      else throw new RegexError('Invalid collation character');
      i = close + 2;
      continue;
    }
    const lo = readChar()!;
    if (text[i] === '-' && text[i + 1] !== undefined && text[i + 1] !== ']') {
      i++;
      const hi = readChar();
      if (hi === null) throw new RegexError('Unmatched [ or [^');
      if (hi < lo) throw new RegexError('Invalid range end');
      ranges.push(lo === ']' || lo === '-' || lo === '^' || hi === ']' || hi === '-' ? `[.${lo}.]-[.${hi}.]` : `${lo}-${hi}`);
      continue;
    }
    chars.push(lo);
  }
  let body = '';
  const hasClose = chars.includes(']');
  const hasDash = chars.includes('-');
  const hasCaret = chars.includes('^');
  const others = chars.filter((c) => c !== ']' && c !== '-' && c !== '^');
  body += others.join('') + ranges.join('') + classes.join('');
  if (hasCaret) body = body === '' && !hasClose && !hasDash ? '' : body + '^';
  if (!negate && chars.length === 1 && ranges.length === 0 && classes.length === 0) {
    return { out: lit(chars[0]!), end: i };
  }
  if (hasCaret && body === '') {
    // only ^ (and maybe ] or -): list ^ after them
    return { out: '[' + (negate ? '^' : '') + (hasClose ? ']' : '') + (hasDash ? '-' : '') + '^]', end: i };
  }
  return { out: '[' + (negate ? '^' : '') + (hasClose ? ']' : '') + body + (hasDash ? '-' : '') + ']', end: i };
}

/** Rewrites escape-processed gawk regex text into canonical POSIX ERE. */
function canonical(text: string, intervals: boolean): string {
  let out = '';
  let depth = 0;
  // whether a repetition operator here would have nothing to repeat
  let atStart = true;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    switch (c) {
      case '\\': {
        const d = text[i + 1] ?? '';
        i += 2;
        if (d === 'w' || d === 'W' || d === '<' || d === '>' || d === 'B' || d === '`' || d === "'") {
          out += '\\' + d;
          atStart = d === '<' || d === '>' || d === 'B' || d === '`' || d === "'";
          if (d === 'w' || d === 'W') atStart = false;
        } else if (d === 'y') {
          out += '\\b';
          atStart = true;
        } else if (d === '\0') {
          out += '\\\\\0';
          atStart = false;
        } else {
          out += lit(d);
          atStart = false;
        }
        break;
      }
      case '[': {
        const b = bracket(text, i);
        out += b.out;
        i = b.end;
        atStart = false;
        break;
      }
      case '(':
        depth++;
        out += '(';
        i++;
        atStart = true;
        break;
      case ')':
        if (depth > 0) {
          depth--;
          out += ')';
        } else out += '\\)';
        i++;
        atStart = false;
        break;
      case '|':
        out += '|';
        i++;
        atStart = true;
        break;
      case '^':
        out += '^';
        i++;
        atStart = true;
        break;
      case '$':
        out += '$';
        i++;
        atStart = false;
        break;
      case '*':
      case '+':
      case '?':
        out += atStart ? '\\' + c : c;
        i++;
        atStart = false;
        break;
      case '{':
      case '}':
        out += intervals ? c : '\\' + c;
        i++;
        atStart = false;
        break;
      case '.':
        out += '.';
        i++;
        atStart = false;
        break;
      default:
        out += c;
        i++;
        atStart = false;
    }
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

const caches = [new Map<string, AwkRegex>(), new Map<string, AwkRegex>(), new Map<string, AwkRegex>(), new Map<string, AwkRegex>()];

/**
 * Compiles awk regex source text (as written between slashes, or a string's value).
 * `intervals` is gawk's --re-interval.
 */
export function compileAwkRegex(src: string, icase = false, intervals = false): AwkRegex {
  const c = caches[(icase ? 1 : 0) + (intervals ? 2 : 0)]!;
  const hit = c.get(src);
  if (hit) return hit;
  const text = processEscapes(src);
  let re: Regex;
  try {
    re = compileRegex(canonical(text, intervals), 'sed-ere', { dotNewline: true, icase });
  } catch (e) {
    if (e instanceof RegexError) throw new AwkRegexError(e.message, text);
    throw new AwkRegexError(e instanceof Error ? e.message : String(e), text);
  }
  const r: AwkRegex = { text, re };
  if (c.size > 500) c.clear();
  c.set(src, r);
  return r;
}
