import type { Program, ProgramContext } from '../../proc/program';
import { isFsError } from '../../fs/errors';
import { OPERAND, getopt, isEl5, openInput, quote, strerror, tryHelp, warn, xargmatch, xstrtoumax } from './common';
import { collate, compareBytes, hardCollate } from '../../util/collate';

/** Exit status of sort for trouble (usage, files); 1 is kept for "not sorted" under -c. */
const SORT_FAILURE = 2;

const UNSET = Number.MAX_SAFE_INTEGER;

interface Key {
  /** Zero-based field where the key starts, UNSET for the line start. */
  sword: number;
  schar: number;
  /** Zero-based field where the key ends, UNSET for the line end. */
  eword: number;
  /** Character in the end field, 0 for its end. */
  echar: number;
  skipsblanks: boolean;
  skipeblanks: boolean;
  ignore: 'dict' | 'print' | null;
  translate: boolean;
  numeric: boolean;
  general: boolean;
  human: boolean;
  month: boolean;
  random: boolean;
  version: boolean;
  reverse: boolean;
}

function newKey(): Key {
  return {
    sword: 0,
    schar: 0,
    eword: UNSET,
    echar: 0,
    skipsblanks: false,
    skipeblanks: false,
    ignore: null,
    translate: false,
    numeric: false,
    general: false,
    human: false,
    month: false,
    random: false,
    version: false,
    reverse: false,
  };
}

class SortExit extends Error {
  constructor(readonly status: number) {
    super('sort exit');
  }
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** set_ordering(): applies option letters; returns the rest of the string. */
function setOrdering(s: string, key: Key, blank: 'start' | 'end' | 'both'): string {
  let i = 0;
  for (; i < s.length; i++) {
    switch (s[i]) {
      case 'b':
        if (blank !== 'end') key.skipsblanks = true;
        if (blank !== 'start') key.skipeblanks = true;
        break;
      case 'd':
        key.ignore = 'dict';
        break;
      case 'f':
        key.translate = true;
        break;
      case 'g':
        key.general = true;
        break;
      case 'h':
        key.human = true;
        break;
      case 'i':
        if (!key.ignore) key.ignore = 'print';
        break;
      case 'M':
        key.month = true;
        break;
      case 'n':
        key.numeric = true;
        break;
      case 'R':
        key.random = true;
        break;
      case 'r':
        key.reverse = true;
        break;
      case 'V':
        key.version = true;
        break;
      default:
        return s.slice(i);
    }
  }
  return '';
}

function hasOwnOptions(k: Key): boolean {
  return !!(k.ignore || k.translate || k.skipsblanks || k.reverse || k.skipeblanks || k.month || k.numeric || k.version || k.general || k.human || k.random);
}

// ---- comparisons --------------------------------------------------------------------------

/** strnumcmp() with `.` as decimal point and `,` as thousands separator (en_US). */
function parseStrNum(s: string, tsep: string | null): { neg: boolean; int: string; frac: string } {
  let i = 0;
  let neg = false;
  if (s[i] === '-') {
    neg = true;
    i++;
  }
  while (s[i] === '0' || (tsep !== null && s[i] === tsep)) i++;
  let int = '';
  while (isDigit(s[i])) {
    int += s[i];
    i++;
    while (tsep !== null && s[i] === tsep) i++;
  }
  let frac = '';
  if (s[i] === '.') {
    i++;
    while (isDigit(s[i])) frac += s[i++];
  }
  frac = frac.replace(/0+$/, '');
  if (int === '' && frac === '') neg = false;
  return { neg, int, frac };
}

function strnumcmp(a: string, b: string, tsep: string | null): number {
  const x = parseStrNum(a, tsep);
  const y = parseStrNum(b, tsep);
  if (x.neg !== y.neg) return x.neg ? -1 : 1;
  let d: number;
  if (x.int.length !== y.int.length) d = x.int.length < y.int.length ? -1 : 1;
  else if (x.int !== y.int) d = x.int < y.int ? -1 : 1;
  else if (x.frac !== y.frac) {
    const n = Math.max(x.frac.length, y.frac.length);
    const fa = x.frac.padEnd(n, '0');
    const fb = y.frac.padEnd(n, '0');
    d = fa < fb ? -1 : fa > fb ? 1 : 0;
  } else d = 0;
  return x.neg ? -d : d;
}

function skipBlanks(s: string): string {
  let i = 0;
  while (isBlank(s[i])) i++;
  return s.slice(i);
}

const UNIT_ORDER: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

function unitOrder(s: string, tsep: string | null): { order: number; iec: boolean } {
  let i = 0;
  let sign = 1;
  if (s[i] === '-') {
    sign = -1;
    i++;
  }
  while (isDigit(s[i])) {
    i++;
    if ((s[i] === '.' || (tsep !== null && s[i] === tsep)) && isDigit(s[i + 1])) i += 2;
  }
  const order = UNIT_ORDER[s[i] ?? ''] ?? 0;
  return { order: sign * order, iec: s[i + 1] === 'i' };
}

const STRTOD = /^[ \t\n\v\f\r]*[+-]?(?:inf(?:inity)?|nan(?:\([0-9a-z_]*\))?|0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[+-]?[0-9]+)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)/i;

function strtod(s: string): number | null {
  const m = STRTOD.exec(s);
  if (!m) return null;
  const t = m[0].trim().toLowerCase();
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  let v: number;
  if (body.startsWith('inf')) v = Infinity;
  else if (body.startsWith('nan')) v = NaN;
  else if (body.startsWith('0x')) {
    const hm = /^0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?[0-9]+))?/.exec(body)!;
    const whole = hm[1] ? parseInt(hm[1], 16) : 0;
    const frac = hm[2] ? parseInt(hm[2], 16) / 16 ** hm[2].length : 0;
    v = (whole + frac) * 2 ** Number(hm[3] ?? 0);
  } else v = Number(body);
  return neg ? -v : v;
}

function generalCompare(a: string, b: string): number {
  const x = strtod(a);
  const y = strtod(b);
  if (x === null) return y === null ? 0 : -1;
  if (y === null) return 1;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  if (Number.isNaN(x) && Number.isNaN(y)) return 0;
  return Number.isNaN(x) ? -1 : 1;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function getMonth(s: string): number {
  const t = skipBlanks(s).toUpperCase();
  for (let i = 0; i < 12; i++) if (t.startsWith(MONTHS[i]!)) return i + 1;
  return 0;
}

/** gnulib filevercmp(): version-aware comparison of file names (sort -V). */
export function filevercmp(a: string, b: string): number {
  const simple = compareBytes(a, b);
  if (simple === 0) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  if (a === '.') return -1;
  if (b === '.') return 1;
  if (a === '..') return -1;
  if (b === '..') return 1;
  if (a[0] === '.' && b[0] !== '.') return -1;
  if (a[0] !== '.' && b[0] === '.') return 1;
  if (a[0] === '.' && b[0] === '.') {
    a = a.slice(1);
    b = b.slice(1);
  }
  const suffixStart = (s: string): number => {
    let match = -1;
    let readAlpha = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (readAlpha) {
        readAlpha = false;
        if (!/[A-Za-z~]/.test(c)) match = -1;
      } else if (c === '.') {
        readAlpha = true;
        if (match < 0) match = i;
      } else if (!/[A-Za-z0-9~]/.test(c)) match = -1;
    }
    return match;
  };
  const sa = suffixStart(a);
  const sb = suffixStart(b);
  let la = sa >= 0 ? sa : a.length;
  let lb = sb >= 0 ? sb : b.length;
  if ((sa >= 0 || sb >= 0) && la === lb && a.slice(0, la) === b.slice(0, lb)) {
    la = a.length;
    lb = b.length;
  }
  const r = verrevcmp(a.slice(0, la), b.slice(0, lb));
  return r === 0 ? simple : r;
}

function verOrder(c: string): number {
  if (isDigit(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ca = i === a.length ? 0 : verOrder(a[i]!);
      const cb = j === b.length ? 0 : verOrder(b[j]!);
      if (ca !== cb) return ca - cb;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** A small string hash with a per-run salt, for -R (equal keys hash alike, so they group). */
function saltedHash(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

// ---- the command --------------------------------------------------------------------------

interface Settings {
  keys: Key[];
  tab: string | null;
  reverse: boolean;
  unique: boolean;
  stable: boolean;
  locale: boolean;
  salt: number;
}

/** begfield(): where a key starts in the line. */
function begfield(line: string, key: Key, tab: string | null): number {
  const lim = line.length;
  let p = 0;
  let sword = key.sword;
  if (tab !== null) {
    while (p < lim && sword-- > 0) {
      while (p < lim && line[p] !== tab) p++;
      if (p < lim) p++;
    }
  } else {
    while (p < lim && sword-- > 0) {
      while (p < lim && isBlank(line[p])) p++;
      while (p < lim && !isBlank(line[p])) p++;
    }
  }
  if (key.skipsblanks) while (p < lim && isBlank(line[p])) p++;
  return Math.min(lim, p + key.schar);
}

/** limfield(): where a key ends. */
function limfield(line: string, key: Key, tab: string | null): number {
  const lim = line.length;
  let p = 0;
  let eword = key.eword;
  const echar = key.echar;
  if (echar === 0) eword++;
  if (tab !== null) {
    while (p < lim && eword-- > 0) {
      while (p < lim && line[p] !== tab) p++;
      if (p < lim && (eword > 0 || echar)) p++;
    }
  } else {
    while (p < lim && eword-- > 0) {
      while (p < lim && isBlank(line[p])) p++;
      while (p < lim && !isBlank(line[p])) p++;
    }
  }
  if (echar !== 0) {
    if (key.skipeblanks) while (p < lim && isBlank(line[p])) p++;
    p = Math.min(lim, p + echar);
  }
  return p;
}

function keyText(line: string, key: Key, tab: string | null): string {
  const lim = key.eword === UNSET ? line.length : limfield(line, key, tab);
  let beg: number;
  if (key.sword !== UNSET) beg = begfield(line, key, tab);
  else {
    beg = 0;
    if (key.skipsblanks) while (beg < lim && isBlank(line[beg])) beg++;
  }
  return line.slice(beg, Math.max(beg, lim));
}

function isAlnumAscii(c: string): boolean {
  return /[0-9A-Za-z]/.test(c);
}

function filterKey(text: string, key: Key): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (key.ignore === 'dict' && code < 128 && !isAlnumAscii(c) && !isBlank(c)) continue;
    if (key.ignore === 'print' && (code < 32 || code === 127)) continue;
    out += key.translate && code < 128 ? c.toUpperCase() : c;
  }
  return out;
}

function compareKeys(a: string, b: string, s: Settings): number {
  for (const key of s.keys) {
    const ta = keyText(a, key, s.tab);
    const tb = keyText(b, key, s.tab);
    let diff: number;
    if (key.random) diff = Math.sign(saltedHash(ta, s.salt) - saltedHash(tb, s.salt)) || (ta === tb ? 0 : compareBytes(ta, tb));
    else if (key.numeric) diff = strnumcmp(skipBlanks(ta), skipBlanks(tb), s.locale ? ',' : null);
    else if (key.general) diff = generalCompare(ta, tb);
    else if (key.human) {
      const x = skipBlanks(ta);
      const y = skipBlanks(tb);
      const ua = unitOrder(x, s.locale ? ',' : null);
      const ub = unitOrder(y, s.locale ? ',' : null);
      if (ua.order !== 0 && ub.order !== 0 && ua.iec !== ub.iec) {
        throw new HumanMix();
      }
      diff = ua.order > ub.order ? 1 : ua.order < ub.order ? -1 : strnumcmp(x, y, s.locale ? ',' : null);
    } else if (key.version) diff = filevercmp(ta, tb);
    else if (key.month) diff = getMonth(ta) - getMonth(tb);
    else {
      const xa = key.ignore || key.translate ? filterKey(ta, key) : ta;
      const xb = key.ignore || key.translate ? filterKey(tb, key) : tb;
      if (xa === '' || xb === '') diff = xa === xb ? 0 : xa === '' ? -1 : 1;
      else diff = s.locale ? collate(xa, xb) : compareBytes(xa, xb);
    }
    if (diff) return key.reverse ? -diff : diff;
  }
  return 0;
}

class HumanMix extends Error {}

function compareLines(a: string, b: string, s: Settings): number {
  if (s.keys.length > 0) {
    const d = compareKeys(a, b, s);
    if (d || s.unique || s.stable) return d;
  }
  let diff: number;
  if (a === '' || b === '') diff = a === b ? 0 : a === '' ? -1 : 1;
  else diff = s.locale ? collate(a, b) : compareBytes(a, b);
  return s.reverse ? -diff : diff;
}

export const sort: Program = async (ctx) => {
  try {
    return await runSort(ctx);
  } catch (e) {
    if (e instanceof SortExit) return e.status;
    if (e instanceof HumanMix) {
      warn(ctx, 'both SI and IEC prefixes present on units');
      return SORT_FAILURE;
    }
    throw e;
  }
};

async function runSort(ctx: ProgramContext): Promise<number> {
  const gkey = newKey();
  gkey.sword = UNSET;
  gkey.eword = UNSET;
  const keys: Key[] = [];
  const files: string[] = [];
  let tab: string | null = null;
  let check: 'c' | 'C' | null = null;
  let merge = false;
  let outfile: string | null = null;
  let unique = false;
  let stable = false;
  let eol = '\n';
  let filesFrom: string | null = null;
  const args = ctx.argv.slice(1);
  const posixlyCorrect = ctx.env.POSIXLY_CORRECT !== undefined;
  const posix2 = ctx.env._POSIX2_VERSION !== undefined ? Number(ctx.env._POSIX2_VERSION) : 200112;
  const obsoleteUsage = posix2 < 200112;

  const die = (msg: string): never => {
    warn(ctx, msg);
    throw new SortExit(SORT_FAILURE);
  };
  const badField = (spec: string, msg: string): never => die(`${msg}: invalid field specification ${quote(spec)}`);
  /** parse_field_count(): digits at the start of s, or the error. */
  const fieldCount = (s: string, msg: string | null): { n: number; rest: string } | null => {
    const m = /^[ \t]*\+?([0-9]+)/.exec(s);
    if (!m) {
      if (msg) die(`${msg}: invalid count at start of ${quote(s)}`);
      return null;
    }
    const v = BigInt(m[1]!);
    return { n: v > BigInt(UNSET) ? UNSET : Number(v), rest: s.slice(m[0].length) };
  };

  // An obsolete `+POS1 -POS2` pair is read together, as sort.c peeks at the next argument.
  const OBS = '\u0000obsolete\u0000';
  const takesArg = new Set(['-k', '-o', '-S', '-t', '-T', '-y', '--key', '--output', '--buffer-size', '--field-separator', '--temporary-directory', '--files0-from', '--compress-program', '--random-source', '--batch-size', '--sort']);
  const argv2: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a === '--') {
      argv2.push(...args.slice(i));
      break;
    }
    if (a.startsWith('+') && !posixlyCorrect && next !== undefined && /^-[0-9]/.test(next) && !takesArg.has(args[i - 1] ?? '')) {
      argv2.push(OBS + a + '\u0000' + next);
      i++;
    } else argv2.push(a);
  }

  const parsePos1 = (a: string): Key | null => {
    const key = newKey();
    const c = fieldCount(a.slice(1), null);
    if (!c) return null;
    key.sword = c.n;
    let rest = c.rest;
    if (rest.startsWith('.')) {
      const c2 = fieldCount(rest.slice(1), null);
      if (!c2) return null;
      key.schar = c2.n;
      rest = c2.rest;
    }
    if (!(key.sword || key.schar)) key.sword = UNSET;
    if (setOrdering(rest, key, 'start') !== '') return null;
    return key;
  };

  const r = getopt(
    ctx,
    {
      short: '-bcCdfghik:mMno:rRsS:t:T:uVy:z',
      long: [
        { name: 'ignore-leading-blanks', arg: 'none', key: 'b' },
        { name: 'check', arg: 'optional', key: 'check' },
        { name: 'compress-program', arg: 'required', key: 'compress' },
        { name: 'dictionary-order', arg: 'none', key: 'd' },
        { name: 'ignore-case', arg: 'none', key: 'f' },
        { name: 'files0-from', arg: 'required', key: 'files0' },
        { name: 'general-numeric-sort', arg: 'none', key: 'g' },
        { name: 'ignore-nonprinting', arg: 'none', key: 'i' },
        { name: 'key', arg: 'required', key: 'k' },
        { name: 'merge', arg: 'none', key: 'm' },
        { name: 'month-sort', arg: 'none', key: 'M' },
        { name: 'numeric-sort', arg: 'none', key: 'n' },
        { name: 'human-numeric-sort', arg: 'none', key: 'h' },
        { name: 'version-sort', arg: 'none', key: 'V' },
        { name: 'random-sort', arg: 'none', key: 'R' },
        { name: 'random-source', arg: 'required', key: 'randsrc' },
        { name: 'sort', arg: 'required', key: 'sort' },
        { name: 'output', arg: 'required', key: 'o' },
        { name: 'reverse', arg: 'none', key: 'r' },
        { name: 'stable', arg: 'none', key: 's' },
        { name: 'batch-size', arg: 'required', key: 'batch' },
        { name: 'buffer-size', arg: 'required', key: 'S' },
        { name: 'field-separator', arg: 'required', key: 't' },
        { name: 'temporary-directory', arg: 'required', key: 'T' },
        { name: 'unique', arg: 'none', key: 'u' },
        { name: 'zero-terminated', arg: 'none', key: 'z' },
      ],
      info: { name: 'sort', authors: ['Mike Haertel', 'Paul Eggert'] },
      failStatus: SORT_FAILURE,
    },
    (k, arg, spelled) => {
      const a = arg ?? '';
      switch (k) {
        case OPERAND: {
          if (a.startsWith(OBS)) {
            const [pos1, pos2] = a.slice(OBS.length).split('\u0000') as [string, string];
            const key = parsePos1(pos1);
            if (!key) {
              // Not a valid +POS1: a file name, and -POS2 is read as options (a bad one).
              files.push(pos1);
              warn(ctx, `invalid option -- ${isEl5(ctx) ? pos2[1] : `'${pos2[1]}'`}`);
              tryHelp(ctx);
              return SORT_FAILURE;
            }
            const c = fieldCount(pos2.slice(1), "invalid number after `-'")!;
            key.eword = c.n;
            let rest = c.rest;
            if (rest.startsWith('.')) {
              const c2 = fieldCount(rest.slice(1), "invalid number after `.'")!;
              key.echar = c2.n;
              rest = c2.rest;
            }
            if (setOrdering(rest, key, 'end') !== '') badField(pos2, 'stray character in field spec');
            keys.push(key);
            return;
          }
          if (a.startsWith('+') && obsoleteUsage) {
            const key = parsePos1(a);
            if (key) {
              keys.push(key);
              return;
            }
          }
          files.push(a);
          return;
        }
        case 'sort': {
          const m = xargmatch(ctx, '--sort', a, [
            ['general-numeric', 'g'],
            ['human-numeric', 'h'],
            ['month', 'M'],
            ['numeric', 'n'],
            ['random', 'R'],
            ['version', 'V'],
          ]);
          if (m === null) return SORT_FAILURE;
          setOrdering(m, gkey, 'both');
          return;
        }
        case 'b':
        case 'd':
        case 'f':
        case 'g':
        case 'h':
        case 'i':
        case 'M':
        case 'n':
        case 'r':
        case 'R':
        case 'V':
          setOrdering(k, gkey, 'both');
          return;
        case 'check':
        case 'c':
        case 'C': {
          let c: 'c' | 'C' = k === 'C' ? 'C' : 'c';
          if (k === 'check' && arg !== null) {
            const m = xargmatch<'c' | 'C'>(ctx, '--check', arg, [
              ['quiet', 'C'],
              ['silent', 'C'],
              ['diagnose-first', 'c'],
            ]);
            if (m === null) return SORT_FAILURE;
            c = m;
          }
          if (check && check !== c) die("options `-cC' are incompatible");
          check = c;
          return;
        }
        case 'compress':
        case 'randsrc':
        case 'batch':
        case 'T':
          return;
        case 'files0':
          filesFrom = a;
          return;
        case 'k': {
          const key = newKey();
          const c1 = fieldCount(a, 'invalid number at field start')!;
          if (c1.n === 0) badField(a, 'field number is zero');
          key.sword = c1.n - 1;
          let s = c1.rest;
          if (s.startsWith('.')) {
            const c2 = fieldCount(s.slice(1), "invalid number after `.'")!;
            if (c2.n === 0) badField(a, 'character offset is zero');
            key.schar = c2.n - 1;
            s = c2.rest;
          }
          if (!(key.sword || key.schar)) key.sword = UNSET;
          s = setOrdering(s, key, 'start');
          if (!s.startsWith(',')) {
            key.eword = UNSET;
            key.echar = 0;
          } else {
            const c3 = fieldCount(s.slice(1), "invalid number after `,'")!;
            if (c3.n === 0) badField(a, 'field number is zero');
            key.eword = c3.n - 1;
            s = c3.rest;
            if (s.startsWith('.')) {
              const c4 = fieldCount(s.slice(1), "invalid number after `.'")!;
              key.echar = c4.n;
              s = c4.rest;
            }
            s = setOrdering(s, key, 'end');
          }
          if (s !== '') badField(a, 'stray character in field spec');
          keys.push(key);
          return;
        }
        case 'm':
          merge = true;
          return;
        case 'o':
          if (outfile !== null && outfile !== a) die('multiple output files specified');
          outfile = a;
          return;
        case 's':
          stable = true;
          return;
        case 'S': {
          const v = xstrtoumax(a, 'kKmMGTPEZYb%');
          if (v.kind !== 'ok' && !/^[0-9]+%$/.test(a)) {
            const opt = spelled === '-S' ? '-S' : '--buffer-size';
            const what = v.kind === 'overflow' ? `${opt} argument ${quote(a)} too large` : /^[0-9]/.test(a) ? `invalid suffix in ${opt} argument ${quote(a)}` : `invalid ${opt} argument ${quote(a)}`;
            warn(ctx, what);
            return SORT_FAILURE;
          }
          return;
        }
        case 't': {
          let t = a;
          if (t === '') die('empty tab');
          if ([...t].length > 1) {
            if (t === '\\0') t = '\0';
            else die(`multi-character tab ${quote(a)}`);
          }
          if (tab !== null && tab !== t) die('incompatible tabs');
          tab = t;
          return;
        }
        case 'u':
          unique = true;
          return;
        case 'y':
          return;
        case 'z':
          eol = '\0';
          return;
        default:
          return;
      }
    },
    argv2,
  );
  if (!r.ok) return r.status;

  if (filesFrom !== null) {
    const from: string = filesFrom;
    if (files.length > 0) {
      warn(ctx, `extra operand ${quote(files[0]!)}`);
      ctx.stderr.write('file operands cannot be combined with --files0-from\n');
      tryHelp(ctx);
      return SORT_FAILURE;
    }
    let text: string;
    if (from === '-') text = await ctx.stdin.readAll();
    else {
      const f = openInput(ctx, from);
      if (!f.ok) die(`cannot open ${quote(from)} for reading: ${strerror(f.code)}`);
      text = f.ok ? f.node.data : '';
    }
    const names = text.split('\0');
    if (names[names.length - 1] === '') names.pop();
    if (names.length === 0) die(`no input from ${quote(from)}`);
    names.forEach((n, i) => {
      if (n === '-') die(`when reading file names from stdin, no file name of ${quote(n)} allowed`);
      if (n === '') die(`${from}:${i + 1}: invalid zero-length file name`);
    });
    files.push(...names);
  }

  // Keys without options of their own take the global ones.
  for (const key of keys) {
    if (!hasOwnOptions(key)) {
      key.ignore = gkey.ignore;
      key.translate = gkey.translate;
      key.skipsblanks = gkey.skipsblanks;
      key.skipeblanks = gkey.skipeblanks;
      key.month = gkey.month;
      key.numeric = gkey.numeric;
      key.general = gkey.general;
      key.human = gkey.human;
      key.random = gkey.random;
      key.reverse = gkey.reverse;
      key.version = gkey.version;
    }
  }
  if (keys.length === 0 && (gkey.ignore || gkey.translate || gkey.skipsblanks || gkey.skipeblanks || gkey.month || gkey.numeric || gkey.general || gkey.human || gkey.random || gkey.version)) {
    keys.push(gkey);
  }
  for (const key of keys) {
    const kinds = [key.random, key.numeric, key.general, key.month, key.version, !!key.ignore, key.human].filter(Boolean).length;
    if (kinds > 1 || (key.random && key.translate)) {
      let o = '';
      if (key.ignore === 'dict') o += 'd';
      if (key.translate) o += 'f';
      if (key.general) o += 'g';
      if (key.human) o += 'h';
      if (key.ignore === 'print') o += 'i';
      if (key.month) o += 'M';
      if (key.numeric) o += 'n';
      if (key.version) o += 'V';
      if (key.random) o += 'R';
      die(`options \`-${o}' are incompatible`);
    }
  }

  const settings: Settings = {
    keys,
    tab,
    reverse: gkey.reverse,
    unique,
    stable,
    locale: hardCollate(ctx.env),
    // Draw from the host generator only for -R, so other commands keep their sequence.
    salt: keys.some((k) => k.random) ? ctx.host.rng.nextU32() : 0,
  };
  if (files.length === 0) files.push('-');

  const readLines = async (name: string): Promise<string[]> => {
    let text: string;
    if (name === '-') text = await ctx.stdin.readAll();
    else {
      const f = openInput(ctx, name);
      if (!f.ok) {
        if (f.stage === 'open') die(`open failed: ${name}: ${strerror(f.code)}`);
        die(`read failed: ${name}: ${strerror(f.code)}`);
      }
      text = f.ok ? f.node.data : '';
    }
    const lines = text.split(eol);
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  };

  if (check) {
    if (files.length > 1) die(`extra operand ${quote(files[1]!)} not allowed with -${check}`);
    if (outfile !== null) die(`options \`-${check}o' are incompatible`);
    const lines = await readLines(files[0]!);
    const limit = unique ? 0 : 1;
    for (let i = 1; i < lines.length; i++) {
      if (compareLines(lines[i - 1]!, lines[i]!, settings) >= limit) {
        if (check === 'c') ctx.stderr.write(`${ctx.argv[0] ?? 'sort'}: ${files[0]}:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }

  const inputs: string[][] = [];
  for (const name of files) inputs.push(await readLines(name));

  let sorted: string[];
  const cmp = (a: string, b: string): number => compareLines(a, b, settings);
  if (merge) {
    // Merge as sort -m does: repeatedly take the smallest head, the earlier file on ties.
    sorted = [];
    const pos = inputs.map(() => 0);
    for (;;) {
      let best = -1;
      for (let i = 0; i < inputs.length; i++) {
        if (pos[i]! >= inputs[i]!.length) continue;
        if (best < 0 || cmp(inputs[i]![pos[i]!]!, inputs[best]![pos[best]!]!) < 0) best = i;
      }
      if (best < 0) break;
      sorted.push(inputs[best]![pos[best]!]!);
      pos[best]!++;
    }
  } else sorted = inputs.flat().sort(cmp);

  let out: string[] = sorted;
  if (unique) {
    out = [];
    for (const line of sorted) {
      if (out.length === 0 || cmp(out[out.length - 1]!, line) !== 0) out.push(line);
    }
  }
  const text = out.map((l) => l + eol).join('');

  if (outfile !== null) {
    const target: string = outfile;
    try {
      ctx.fs.writeFile(target, text);
    } catch (e) {
      die(`open failed: ${target}: ${strerror(isFsError(e) ? e.code : 'ENOENT')}`);
    }
  } else ctx.stdout.write(text);
  return 0;
}

