/**
 * awk values: numbers, strings, "strnums" (user input that looks like a number, compared
 * numerically) and the uninitialized value. Conversions follow gawk 3.1.7's r_force_number()
 * and format_val(): integral numbers print as integers, others through CONVFMT / OFMT.
 */
import { strtod } from '../../../util/printf';

/**
 * Text that came from input (fields, getline, split(), ARGV, ENVIRON, -v): a string that is
 * treated as a number in comparisons when it looks like one.
 */
export class StrNum {
  private n: number | undefined;
  private looks: boolean | undefined;

  constructor(readonly s: string) {}

  get num(): number {
    if (this.n === undefined) this.n = strToNum(this.s);
    return this.n;
  }

  get isNum(): boolean {
    if (this.looks === undefined) this.looks = looksNumeric(this.s);
    return this.looks;
  }
}

/** undefined is the uninitialized value ("" and 0 at once). */
export type Val = number | string | StrNum | undefined;

const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isAlphaCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function ieeeMagic(s: string): number | null {
  if (s.length !== 4 || (s[0] !== '+' && s[0] !== '-')) return null;
  const w = s.slice(1).toLowerCase();
  if (w === 'inf') return s[0] === '-' ? -Infinity : Infinity;
  if (w === 'nan') return NaN;
  return null;
}

/** The numeric value of a string, as gawk computes it (leading number, else 0). */
export function strToNum(s: string): number {
  if (s === '') return 0;
  const c0 = s.charCodeAt(0);
  if (isAlphaCode(c0)) return 0;
  const magic = ieeeMagic(s);
  if (magic !== null) return magic;
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  if (i === s.length) return 0;
  const c = s.charCodeAt(i);
  if (isAlphaCode(c)) return 0;
  if (c === 48 && (s[i + 1] === 'x' || s[i + 1] === 'X')) return 0;
  if (s.length - i === 1) return c >= 48 && c <= 57 ? c - 48 : 0;
  // fast path for plain integers
  let j = i;
  let neg = false;
  if (s[j] === '-' || s[j] === '+') {
    neg = s[j] === '-';
    j++;
  }
  let v = 0;
  let k = j;
  while (k < s.length && k - j < 15) {
    const d = s.charCodeAt(k);
    if (d < 48 || d > 57) break;
    v = v * 10 + (d - 48);
    k++;
  }
  const stop = s[k];
  if (k > j && (k === s.length || (stop !== '.' && stop !== 'e' && stop !== 'E' && stop !== 'x' && stop !== 'X' && !(s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57)))) {
    return neg ? -v : v;
  }
  return strtod(s, i).value;
}

/** Whether input text "looks numeric" (POSIX strnum): the whole text is one number. */
export function looksNumeric(s: string): boolean {
  if (s === '') return false;
  const c0 = s.charCodeAt(0);
  if (isAlphaCode(c0)) return false;
  if (ieeeMagic(s) !== null) return true;
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  if (i === s.length) return false;
  const c = s.charCodeAt(i);
  if (isAlphaCode(c)) return false;
  if (c === 48 && (s[i + 1] === 'x' || s[i + 1] === 'X')) return false;
  if (s.length - i === 1) return c >= 48 && c <= 57;
  const r = strtod(s, i);
  if (r.end === i) return false;
  let e = r.end;
  while (e < s.length && isSpaceCode(s.charCodeAt(e))) e++;
  return e >= s.length && !r.range;
}

export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (typeof v === 'string') return strToNum(v);
  return v.num;
}

/** Whether a value takes part in comparisons as a number. */
export function isNumeric(v: Val): boolean {
  if (typeof v === 'number' || v === undefined) return true;
  if (typeof v === 'string') return false;
  return v.isNum;
}

/** Integral numbers as integers (exactly, like %d / %.0f); null for other numbers. */
export function integerString(n: number): string | null {
  if (!Number.isInteger(n)) return null;
  if (Math.abs(n) < 1e15) return String(n === 0 ? 0 : n);
  return BigInt(n).toString();
}

/** awk truth: numbers are true when non-zero, strings when non-empty, strnums by their kind. */
export function toBool(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (typeof v === 'string') return v !== '';
  return v.isNum ? v.num !== 0 : v.s !== '';
}
