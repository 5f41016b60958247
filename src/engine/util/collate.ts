/**
 * An approximation of glibc's en_US.UTF-8 collation (LC_COLLATE from iso14651_t1, glibc 2.5 to
 * 2.12), which is what `sort` and `uniq` use on RHEL where LANG=en_US.UTF-8.
 *
 * glibc compares in four passes, and a later pass only matters when all earlier ones tie:
 *  1. base characters: letters and digits only, case and accents folded away; digits sort
 *     before letters; punctuation, spaces and symbols are IGNOREd here (why `sort` seems to
 *     skip dashes, dots and blanks: ".bashrc" sorts among the b's);
 *  2. accents (glibc reads this level backward, French style);
 *  3. case: lower case before upper case ("a" < "A" < "b");
 *  4. the ignored characters themselves (letters and digits have no weight here), each
 *     with its position: glibc's "forward,position" compares first how many characters
 *     come before each one, then the character's rank. So "a" < "_a" and "ab" < "a b".
 * The table order of symbols below follows iso14651_t1 for ASCII; other symbols go after, by
 * code point. Letters beyond Latin sort after z by code point. This is not the full Unicode
 * table, but it gives glibc's answer for the ASCII and Latin-1 text a mail lab sees.
 */

/** Level-4 order of the ASCII non-alphanumerics, as iso14651_t1 lists them. */
const SYMBOL_ORDER = '\t\n\v\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';

const symbolRank = new Map<string, number>();
for (let i = 0; i < SYMBOL_ORDER.length; i++) symbolRank.set(SYMBOL_ORDER[i]!, i + 1);

const LETTER = /\p{L}/u;
const NUMBER = /\p{Nd}/u;
const MARKS = /\p{M}/gu;

interface CharInfo {
  /** Level-1 weight, 0 when the character is ignored at levels 1 to 3. */
  primary: number;
  accent: number;
  upper: boolean;
  /** Level-4 weight (only used when primary is 0). */
  fourth: number;
}

const cache = new Map<string, CharInfo>();

function info(ch: string): CharInfo {
  const hit = cache.get(ch);
  if (hit) return hit;
  let r: CharInfo;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) r = { primary: 10 + cp - 0x30, accent: 0, upper: false, fourth: 0 };
  else if (LETTER.test(ch) || NUMBER.test(ch)) {
    const decomposed = ch.normalize('NFD');
    const base = decomposed.replace(MARKS, '') || ch;
    const lower = base.toLowerCase();
    const lcp = lower.codePointAt(0)!;
    let primary: number;
    if (lcp >= 0x61 && lcp <= 0x7a) primary = 100 + (lcp - 0x61) * 4;
    else if (NUMBER.test(base)) primary = 10 + ((lcp % 16) % 10);
    else primary = 1000 + lcp;
    // Ligature-ish letters glibc expands (ß as ss, æ as ae) are kept as single letters here.
    let accent = 0;
    const marks = decomposed.match(MARKS);
    if (marks) for (const m of marks) accent = accent * 31 + (m.codePointAt(0)! - 0x2ff);
    const upper = ch !== ch.toLowerCase();
    r = { primary, accent, upper, fourth: 0 };
  } else {
    const rank = symbolRank.get(ch);
    r = { primary: 0, accent: 0, upper: false, fourth: rank ?? 100 + cp };
  }
  cache.set(ch, r);
  return r;
}

function enc(n: number): string {
  // Each weight becomes two UTF-16 units above U+0001 (so that a shorter sequence sorts first,
  // and plain string comparison keeps the numeric order).
  return String.fromCharCode(2 + ((n >> 15) & 0x7fff), 2 + (n & 0x7fff));
}

const keyCache = new Map<string, string>();

/** A string whose plain (code unit) order is the collation order of s. */
export function collationKey(s: string): string {
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  let l1 = '';
  const accents: number[] = [];
  let l3 = '';
  let l4 = '';
  let gap = 0;
  for (const ch of s) {
    const c = info(ch);
    if (c.primary > 0) {
      l1 += enc(c.primary);
      accents.push(c.accent);
      l3 += c.upper ? '\x03' : '\x02';
      gap++;
    } else {
      l4 += enc(gap) + enc(c.fourth);
      gap = 0;
    }
  }
  let l2 = '';
  for (let i = accents.length - 1; i >= 0; i--) l2 += enc(accents[i]!);
  const key = `${l1}\x01${l2}\x01${l3}\x01${l4}`;
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(s, key);
  return key;
}

/** strcoll() in en_US.UTF-8: negative, zero or positive. */
export function collate(a: string, b: string): number {
  if (a === b) return 0;
  const ka = collationKey(a);
  const kb = collationKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Code point order: strcmp() on UTF-8, the C locale's collation. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Whether the environment's LC_COLLATE is a real locale (not C or POSIX), as hard_locale(). */
export function hardCollate(env: Record<string, string>): boolean {
  const v = env.LC_ALL || env.LC_COLLATE || env.LANG || '';
  return !(v === '' || v === 'C' || v === 'POSIX');
}
