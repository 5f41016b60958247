/**
 * POSIX regular expressions as GNU grep and GNU sed understand them (glibc's regcomp rules):
 * basic (BRE) and extended (ERE) syntax with the GNU extensions \+ \? \| \< \> \b \B \w \W \s \S
 * \` \', back-references, bracket expressions with [:classes:], intervals.
 *
 * Rather than handing patterns to JavaScript's backtracking RegExp, patterns are parsed into a
 * small tree and compiled to an instruction list run by a Pike VM (Thompson NFA with submatch
 * slots). That gives POSIX leftmost-longest matches and time linear in the input, so no pattern
 * or input can hang the lab. Only patterns with back-references use a backtracking matcher, and
 * that one runs on a step budget.
 *
 * The second half of this file is a GNU getopt_long work-alike shared by grep, sed, diff and
 * xargs (their option errors come from glibc's getopt, whose wording differs between RHEL 5 and 6).
 */

// ---- errors -------------------------------------------------------------------------------

/** A pattern that regcomp rejects; message is glibc's regerror() text. */
export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexError';
  }
}

export const REG_MSG = {
  BADPAT: 'Invalid regular expression',
  ECOLLATE: 'Invalid collation character',
  ECTYPE: 'Invalid character class name',
  EESCAPE: 'Trailing backslash',
  ESUBREG: 'Invalid back reference',
  EBRACK: 'Unmatched [ or [^',
  EPAREN: 'Unmatched ( or \\(',
  EBRACE: 'Unmatched \\{',
  BADBR: 'Invalid content of \\{\\}',
  ERANGE: 'Invalid range end',
  ESPACE: 'Memory exhausted',
  BADRPT: 'Invalid preceding regular expression',
  EEND: 'Premature end of regular expression',
  ESIZE: 'Regular expression too big',
  ERPAREN: 'Unmatched ) or \\)',
} as const;

// ---- syntax -------------------------------------------------------------------------------

/**
 * Which program's rules: grep -G / grep -E (RE_SYNTAX_GREP, RE_SYNTAX_POSIX_EGREP) and
 * sed / sed -r (RE_SYNTAX_POSIX_BASIC, RE_SYNTAX_POSIX_EXTENDED as sed 4 adjusts them).
 */
export type RegexFlavor = 'grep-bre' | 'grep-ere' | 'sed-bre' | 'sed-ere';

interface SyntaxBits {
  ere: boolean;
  /** Leading `*` (and friends) in ERE: skipped (grep -E) or an error (sed -r). */
  leadingDupError: boolean;
  /** A leading \{ in sed's BRE is an error (RE_CONTEXT_INVALID_DUP). */
  leadingBraceError: boolean;
  /** grep -E: an invalid interval is taken literally (RE_INVALID_INTERVAL_ORD). */
  invalidIntervalLiteral: boolean;
  /** A newline in the pattern separates alternatives (grep). */
  newlineAlt: boolean;
}

function syntaxOf(flavor: RegexFlavor): SyntaxBits {
  switch (flavor) {
    case 'grep-bre':
      return { ere: false, leadingDupError: false, leadingBraceError: false, invalidIntervalLiteral: false, newlineAlt: true };
    case 'grep-ere':
      return { ere: true, leadingDupError: false, leadingBraceError: false, invalidIntervalLiteral: true, newlineAlt: true };
    case 'sed-bre':
      return { ere: false, leadingDupError: false, leadingBraceError: true, invalidIntervalLiteral: false, newlineAlt: false };
    case 'sed-ere':
      return { ere: true, leadingDupError: true, leadingBraceError: true, invalidIntervalLiteral: false, newlineAlt: false };
  }
}

// ---- character classes ----------------------------------------------------------------------

const RE_ALPHA = /\p{L}/u;
const RE_DIGITLIKE = /\p{Nd}/u;
const RE_UPPER = /\p{Lu}/u;
const RE_LOWER = /\p{Ll}/u;

export function isAlpha(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return RE_ALPHA.test(String.fromCodePoint(c));
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isAlnum(c: number): boolean {
  if (c < 0x80) return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const s = String.fromCodePoint(c);
  return RE_ALPHA.test(s) || RE_DIGITLIKE.test(s);
}
/** Word constituent for \w, \b, \<, \> and grep -w: [[:alnum:]_]. */
export function isWordChar(c: number): boolean {
  return c === 95 || isAlnum(c);
}
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) || c === 0x205f || c === 0x3000;
}
function isCntrl(c: number): boolean {
  return c < 32 || c === 127 || (c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029;
}
function isPrint(c: number): boolean {
  return !isCntrl(c);
}
function isGraph(c: number): boolean {
  return isPrint(c) && !isSpace(c);
}
function isPunct(c: number): boolean {
  return isGraph(c) && !isAlnum(c);
}
function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  return RE_UPPER.test(String.fromCodePoint(c));
}
function isLower(c: number): boolean {
  if (c < 0x80) return c >= 97 && c <= 122;
  return RE_LOWER.test(String.fromCodePoint(c));
}
function isXdigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: isAlpha,
  digit: isDigit,
  alnum: isAlnum,
  upper: isUpper,
  lower: isLower,
  space: isSpace,
  blank: isBlank,
  punct: isPunct,
  print: isPrint,
  graph: isGraph,
  cntrl: isCntrl,
  xdigit: isXdigit,
};

const foldCache = new Map<number, number>();
/** Simple lower-case folding of one character (a character whose lower case is longer stays). */
export function foldCase(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  const hit = foldCache.get(c);
  if (hit !== undefined) return hit;
  const l = String.fromCodePoint(c).toLowerCase();
  const cp = l.codePointAt(0)!;
  const r = l.length === String.fromCodePoint(cp).length ? cp : c;
  foldCache.set(c, r);
  return r;
}
function upperOf(c: number): number {
  if (c < 0x80) return c >= 97 && c <= 122 ? c - 32 : c;
  const u = String.fromCodePoint(c).toUpperCase();
  const cp = u.codePointAt(0)!;
  return u.length === String.fromCodePoint(cp).length ? cp : c;
}

/** A bracket expression. */
interface CharSet {
  negate: boolean;
  chars: Set<number>;
  ranges: number[];
  classes: ((c: number) => boolean)[];
}

function setHas(set: CharSet, c: number): boolean {
  if (set.chars.has(c)) return true;
  for (let i = 0; i < set.ranges.length; i += 2) if (c >= set.ranges[i]! && c <= set.ranges[i + 1]!) return true;
  for (const f of set.classes) if (f(c)) return true;
  return false;
}

// ---- the tree -----------------------------------------------------------------------------

export type AssertKind =
  | 'bol' // ^
  | 'eol' // $
  | 'wordb' // \b
  | 'nwordb' // \B
  | 'wstart' // \<
  | 'wend' // \>
  | 'bufstart' // \`
  | 'bufend' // \'
  | 'notprevword' // grep -w: start of a "word" match
  | 'notnextword'; // grep -w: end of a "word" match

export type Node =
  | { t: 'char'; c: number }
  | { t: 'any' }
  | { t: 'set'; set: CharSet }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'group'; idx: number; body: Node }
  | { t: 'rep'; body: Node; min: number; max: number }
  | { t: 'assert'; kind: AssertKind }
  | { t: 'bref'; idx: number }
  | { t: 'empty' };

const RE_DUP_MAX = 0x7fff;

type Tok =
  | { k: 'char'; c: number }
  | { k: 'any' }
  | { k: 'bracket' }
  | { k: 'open' }
  | { k: 'close' }
  | { k: 'alt' }
  | { k: 'star' }
  | { k: 'plus' }
  | { k: 'qmark' }
  | { k: 'lbrace' }
  | { k: 'rbrace' }
  | { k: 'bref'; n: number }
  | { k: 'anchor'; kind: AssertKind }
  | { k: 'class'; name: 'w' | 'W' | 's' | 'S' }
  | { k: 'end' };

class Parser {
  private pos = 0;
  private tok: Tok = { k: 'end' };
  private tokStart = 0;
  ngroups: number;
  private completed = new Set<number>();
  /** Set when a `^` here would be an anchor in a BRE (start, after \( or \|). */
  private caretHere = true;

  constructor(
    private readonly src: number[],
    private readonly syn: SyntaxBits,
    private readonly groupBase: number,
  ) {
    this.ngroups = groupBase;
  }

  parse(): Node {
    this.next();
    const tree = this.parseAlt(0);
    if (this.tok.k !== 'end') {
      // only a stray close at top level gets here
      throw new RegexError(REG_MSG.ERPAREN);
    }
    return tree;
  }

  /** The current token's kind (a call, so the compiler does not keep a stale narrowing). */
  private kind(): Tok['k'] {
    return this.tok.k;
  }

  /** Reads the next token into this.tok. */
  private next(): void {
    const caret = this.caretHere;
    this.caretHere = false;
    this.tokStart = this.pos;
    const s = this.src;
    if (this.pos >= s.length) {
      this.tok = { k: 'end' };
      return;
    }
    const c = s[this.pos++]!;
    const ere = this.syn.ere;
    if (c === 92 /* \ */) {
      if (this.pos >= s.length) throw new RegexError(REG_MSG.EESCAPE);
      const d = s[this.pos++]!;
      switch (String.fromCharCode(d)) {
        case '|':
          this.tok = ere ? { k: 'char', c: d } : { k: 'alt' };
          return;
        case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
          this.tok = { k: 'bref', n: d - 48 };
          return;
        case '<':
          this.tok = { k: 'anchor', kind: 'wstart' };
          return;
        case '>':
          this.tok = { k: 'anchor', kind: 'wend' };
          return;
        case 'b':
          this.tok = { k: 'anchor', kind: 'wordb' };
          return;
        case 'B':
          this.tok = { k: 'anchor', kind: 'nwordb' };
          return;
        case '`':
          this.tok = { k: 'anchor', kind: 'bufstart' };
          return;
        case "'":
          this.tok = { k: 'anchor', kind: 'bufend' };
          return;
        case 'w': case 'W': case 's': case 'S':
          this.tok = { k: 'class', name: String.fromCharCode(d) as 'w' | 'W' | 's' | 'S' };
          return;
        case '(':
          this.tok = ere ? { k: 'char', c: d } : { k: 'open' };
          return;
        case ')':
          this.tok = ere ? { k: 'char', c: d } : { k: 'close' };
          return;
        case '+':
          this.tok = ere ? { k: 'char', c: d } : { k: 'plus' };
          return;
        case '?':
          this.tok = ere ? { k: 'char', c: d } : { k: 'qmark' };
          return;
        case '{':
          this.tok = ere ? { k: 'char', c: d } : { k: 'lbrace' };
          return;
        case '}':
          this.tok = ere ? { k: 'char', c: d } : { k: 'rbrace' };
          return;
        default:
          this.tok = { k: 'char', c: d };
          return;
      }
    }
    switch (c) {
      case 10:
        this.tok = this.syn.newlineAlt ? { k: 'alt' } : { k: 'char', c };
        return;
      case 124: // |
        this.tok = ere ? { k: 'alt' } : { k: 'char', c };
        return;
      case 42: // *
        this.tok = { k: 'star' };
        return;
      case 43: // +
        this.tok = ere ? { k: 'plus' } : { k: 'char', c };
        return;
      case 63: // ?
        this.tok = ere ? { k: 'qmark' } : { k: 'char', c };
        return;
      case 123: // {
        this.tok = ere ? { k: 'lbrace' } : { k: 'char', c };
        return;
      case 125: // }
        this.tok = ere ? { k: 'rbrace' } : { k: 'char', c };
        return;
      case 40: // (
        this.tok = ere ? { k: 'open' } : { k: 'char', c };
        return;
      case 41: // )
        this.tok = ere ? { k: 'close' } : { k: 'char', c };
        return;
      case 91: // [
        this.tok = { k: 'bracket' };
        return;
      case 46: // .
        this.tok = { k: 'any' };
        return;
      case 94: // ^
        if (ere || caret || this.tokStart === 0 || (this.syn.newlineAlt && s[this.tokStart - 1] === 10)) {
          this.tok = { k: 'anchor', kind: 'bol' };
        } else this.tok = { k: 'char', c };
        return;
      case 36: { // $
        if (ere || this.pos >= s.length) {
          this.tok = { k: 'anchor', kind: 'eol' };
          return;
        }
        // In a BRE, $ is an anchor only before \) or \| (or a newline alternative).
        const n0 = s[this.pos];
        const n1 = s[this.pos + 1];
        if ((n0 === 92 && (n1 === 41 || n1 === 124)) || (n0 === 10 && this.syn.newlineAlt)) {
          this.tok = { k: 'anchor', kind: 'eol' };
        } else this.tok = { k: 'char', c };
        return;
      }
      default:
        this.tok = { k: 'char', c };
    }
  }

  private parseAlt(nest: number): Node {
    const items: Node[] = [this.parseBranch(nest)];
    while (this.tok.k === 'alt') {
      this.caretHere = true;
      this.next();
      items.push(this.parseBranch(nest));
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private parseBranch(nest: number): Node {
    const items: Node[] = [];
    while (this.tok.k !== 'alt' && this.tok.k !== 'end' && !(nest > 0 && this.tok.k === 'close')) {
      const e = this.parseExpression(nest);
      if (e) items.push(e);
    }
    if (items.length === 0) return { t: 'empty' };
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  private isDup(): boolean {
    const k = this.tok.k;
    return k === 'star' || k === 'plus' || k === 'qmark' || k === 'lbrace';
  }

  /** One atom with its repetition operators; null when the token contributes nothing. */
  private parseExpression(nest: number): Node | null {
    const tok = this.tok;
    let atom: Node;
    switch (tok.k) {
      case 'char':
        atom = { t: 'char', c: tok.c };
        this.next();
        break;
      case 'any':
        atom = { t: 'any' };
        this.next();
        break;
      case 'bracket':
        atom = { t: 'set', set: this.parseBracket() };
        this.next();
        break;
      case 'class': {
        const set: CharSet = { negate: false, chars: new Set(), ranges: [], classes: [] };
        if (tok.name === 'w' || tok.name === 'W') set.classes.push(isWordChar);
        else set.classes.push(isSpace);
        set.negate = tok.name === 'W' || tok.name === 'S';
        atom = { t: 'set', set };
        this.next();
        break;
      }
      case 'bref':
        if (!this.completed.has(tok.n + this.groupBase)) throw new RegexError(REG_MSG.ESUBREG);
        atom = { t: 'bref', idx: tok.n + this.groupBase };
        this.next();
        break;
      case 'open': {
        const idx = ++this.ngroups;
        this.caretHere = true;
        this.next();
        let body: Node;
        if (this.tok.k === 'close') body = { t: 'empty' };
        else {
          body = this.parseAlt(nest + 1);
          if (this.kind() !== 'close') throw new RegexError(REG_MSG.EPAREN);
        }
        this.completed.add(idx);
        this.next();
        atom = { t: 'group', idx, body };
        break;
      }
      case 'close':
        // Only at nest 0: glibc's RE_UNMATCHED_RIGHT_PAREN_ORD is off in every flavor we use.
        throw new RegexError(REG_MSG.ERPAREN);
      case 'anchor': {
        const node: Node = { t: 'assert', kind: tok.kind };
        this.next();
        // An anchor takes no repetition: what follows is parsed as a new, leading expression.
        if (this.isDup()) {
          const lead = this.leadingDup();
          return lead ? { t: 'cat', items: [node, lead] } : node;
        }
        return node;
      }
      case 'star':
      case 'plus':
      case 'qmark':
      case 'lbrace':
        return this.leadingDup();
      case 'rbrace':
        atom = { t: 'char', c: 125 };
        this.next();
        break;
      case 'alt':
      case 'end':
        return null;
    }
    return this.parseDups(atom);
  }

  /** A repetition operator with nothing before it. */
  private leadingDup(): Node | null {
    const tok = this.tok;
    if (tok.k === 'lbrace' && this.syn.leadingBraceError) throw new RegexError(REG_MSG.BADRPT);
    if (this.syn.ere) {
      if (this.syn.leadingDupError) throw new RegexError(REG_MSG.BADRPT);
      // grep -E: the operator is dropped.
      this.next();
      if (this.tok.k === 'alt' || this.tok.k === 'end' || this.tok.k === 'close') return null;
      return this.parseExpression(0);
    }
    // BRE: the operator stands for itself.
    const c = tok.k === 'star' ? 42 : tok.k === 'plus' ? 43 : tok.k === 'qmark' ? 63 : 123;
    this.next();
    return this.parseDups({ t: 'char', c });
  }

  private parseDups(atom: Node): Node {
    let node = atom;
    while (this.isDup()) {
      const tok = this.tok;
      if (tok.k === 'star') {
        node = { t: 'rep', body: node, min: 0, max: -1 };
        this.next();
      } else if (tok.k === 'plus') {
        node = { t: 'rep', body: node, min: 1, max: -1 };
        this.next();
      } else if (tok.k === 'qmark') {
        node = { t: 'rep', body: node, min: 0, max: 1 };
        this.next();
      } else {
        const r = this.parseInterval();
        if (r === null) {
          // grep -E: an invalid interval is a literal `{`
          node = { t: 'cat', items: [node, ...this.literalBrace()] };
          continue;
        }
        node = { t: 'rep', body: node, min: r.min, max: r.max };
      }
    }
    return node;
  }

  private literalBrace(): Node[] {
    // The `{` token was consumed by parseInterval's rollback; it is a plain character now.
    return [{ t: 'char', c: 123 }];
  }

  /** After a `{` token: reads m,n and the closing brace. Null: take `{` literally. */
  private parseInterval(): { min: number; max: number } | null {
    const save = this.pos;
    const readNum = (): { n: number; stop: Tok } => {
      let n = -1; // missing
      for (;;) {
        this.next();
        const t = this.tok;
        if (t.k === 'end') return { n: -2, stop: t };
        if (t.k === 'rbrace' || (t.k === 'char' && t.c === 44)) return { n, stop: t };
        if (t.k !== 'char' || t.c < 48 || t.c > 57 || n === -2) n = -2;
        else n = n === -1 ? t.c - 48 : n * 10 + t.c - 48;
        if (n > RE_DUP_MAX) n = -2;
      }
    };
    let { n: start, stop } = readNum();
    let end: number;
    if (start === -1) {
      if (stop.k === 'char' && stop.c === 44) start = 0;
      else {
        if (this.syn.invalidIntervalLiteral) return this.rollback(save);
        throw new RegexError(REG_MSG.BADBR);
      }
    }
    if (start !== -2) {
      if (stop.k === 'rbrace') end = start;
      else if (stop.k === 'char' && stop.c === 44) {
        const r = readNum();
        end = r.n;
        stop = r.stop;
      } else end = -2;
    } else end = -2;
    if (start === -2 || end === -2) {
      if (!this.syn.invalidIntervalLiteral) {
        throw new RegexError(this.tok.k === 'end' ? REG_MSG.EBRACE : REG_MSG.BADBR);
      }
      return this.rollback(save);
    }
    if ((end !== -1 && start > end) || this.tok.k !== 'rbrace') throw new RegexError(REG_MSG.BADBR);
    if ((end === -1 ? start : end) > RE_DUP_MAX) throw new RegexError(REG_MSG.ESIZE);
    this.next();
    return { min: start, max: end };
  }

  private rollback(save: number): null {
    this.pos = save;
    this.next();
    return null;
  }

  /** Parses a bracket expression; this.pos is just after `[`. Leaves pos after `]`. */
  private parseBracket(): CharSet {
    const s = this.src;
    const set: CharSet = { negate: false, chars: new Set(), ranges: [], classes: [] };
    if (s[this.pos] === 94) {
      set.negate = true;
      this.pos++;
    }
    let first = true;
    type Elem = { kind: 'char'; c: number } | { kind: 'class'; f: (c: number) => boolean };
    const readElem = (): Elem | 'close' => {
      if (this.pos >= s.length) throw new RegexError(REG_MSG.EBRACK);
      const c = s[this.pos]!;
      if (c === 93 && !first) {
        this.pos++;
        return 'close';
      }
      first = false;
      if (c === 91 && (s[this.pos + 1] === 46 || s[this.pos + 1] === 61 || s[this.pos + 1] === 58)) {
        const delim = s[this.pos + 1]!;
        this.pos += 2;
        const name: number[] = [];
        for (let i = 0; ; i++) {
          if (i >= 32 || this.pos >= s.length) throw new RegexError(REG_MSG.EBRACK);
          const ch = s[this.pos++]!;
          if (ch === delim && s[this.pos] === 93) {
            this.pos++;
            break;
          }
          name.push(ch);
        }
        const text = String.fromCodePoint(...name);
        if (delim === 58) {
          const f = CLASSES[text];
          if (!f) throw new RegexError(REG_MSG.ECTYPE);
          return { kind: 'class', f };
        }
        if (name.length !== 1) throw new RegexError(REG_MSG.ECOLLATE);
        return { kind: 'char', c: name[0]! };
      }
      this.pos++;
      return { kind: 'char', c };
    };
    for (;;) {
      const a = readElem();
      if (a === 'close') break;
      // a range?
      if (s[this.pos] === 45 /* - */ && this.pos + 1 < s.length && s[this.pos + 1] !== 93) {
        this.pos++;
        const b = readElem();
        if (b === 'close') throw new RegexError(REG_MSG.ERANGE);
        if (a.kind !== 'char' || b.kind !== 'char') throw new RegexError(REG_MSG.ERANGE);
        if (b.c < a.c) throw new RegexError(REG_MSG.ERANGE);
        set.ranges.push(a.c, b.c);
        continue;
      }
      if (a.kind === 'char') set.chars.add(a.c);
      else set.classes.push(a.f);
    }
    return set;
  }
}

/** Parses one pattern. groupBase offsets group numbers so that several patterns can share a program. */
export function parseRegex(pattern: string, flavor: RegexFlavor, groupBase = 0): { ast: Node; ngroups: number } {
  const cps: number[] = [];
  for (const ch of pattern) cps.push(ch.codePointAt(0)!);
  const p = new Parser(cps, syntaxOf(flavor), groupBase);
  const ast = p.parse();
  return { ast, ngroups: p.ngroups };
}

/** A node matching the literal text s. */
export function literalNode(s: string): Node {
  const items: Node[] = [];
  for (const ch of s) items.push({ t: 'char', c: ch.codePointAt(0)! });
  if (items.length === 0) return { t: 'empty' };
  return items.length === 1 ? items[0]! : { t: 'cat', items };
}

// ---- compilation ----------------------------------------------------------------------------

const OP_CHAR = 0;
const OP_ANY = 1;
const OP_ANYNL = 2;
const OP_SET = 3;
const OP_SPLIT = 4;
const OP_JMP = 5;
const OP_SAVE = 6;
const OP_ASSERT = 7;
const OP_BREF = 8;
const OP_MATCH = 9;
const OP_LOOPCHK = 10;

const ASSERTS: AssertKind[] = ['bol', 'eol', 'wordb', 'nwordb', 'wstart', 'wend', 'bufstart', 'bufend', 'notprevword', 'notnextword'];

const MAX_PROGRAM = 60000;

export interface RegexOptions {
  icase?: boolean;
  /** sed's M flag: ^ and $ also match at embedded newlines; . and [^...] skip newlines. */
  multiline?: boolean;
  /** Whether `.` and `[^...]` may match a newline (sed: yes, unless multiline). */
  dotNewline?: boolean;
}

function nullable(n: Node): boolean {
  switch (n.t) {
    case 'char':
    case 'any':
    case 'set':
      return false;
    case 'bref':
      return true;
    case 'cat':
      return n.items.every(nullable);
    case 'alt':
      return n.items.some(nullable);
    case 'group':
      return nullable(n.body);
    case 'rep':
      return n.min === 0 || nullable(n.body);
    default:
      return true;
  }
}

function hasBackref(n: Node): boolean {
  switch (n.t) {
    case 'bref':
      return true;
    case 'cat':
    case 'alt':
      return n.items.some(hasBackref);
    case 'group':
    case 'rep':
      return hasBackref(n.body);
    default:
      return false;
  }
}

class Compiler {
  op: number[] = [];
  a: number[] = [];
  b: number[] = [];
  sets: CharSet[] = [];
  loops = 0;

  constructor(private readonly opts: RegexOptions) {}

  emit(op: number, a = 0, b = 0): number {
    if (this.op.length >= MAX_PROGRAM) throw new RegexError(REG_MSG.ESIZE);
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    return this.op.length - 1;
  }

  gen(n: Node): void {
    switch (n.t) {
      case 'char':
        this.emit(OP_CHAR, this.opts.icase ? foldCase(n.c) : n.c);
        return;
      case 'any':
        this.emit(this.opts.dotNewline && !this.opts.multiline ? OP_ANY : OP_ANYNL);
        return;
      case 'set':
        this.sets.push(n.set);
        this.emit(OP_SET, this.sets.length - 1);
        return;
      case 'cat':
        for (const it of n.items) this.gen(it);
        return;
      case 'alt': {
        const jumps: number[] = [];
        for (let i = 0; i < n.items.length; i++) {
          if (i < n.items.length - 1) {
            const split = this.emit(OP_SPLIT);
            this.a[split] = split + 1;
            this.gen(n.items[i]!);
            jumps.push(this.emit(OP_JMP));
            this.b[split] = this.op.length;
          } else this.gen(n.items[i]!);
        }
        for (const j of jumps) this.a[j] = this.op.length;
        return;
      }
      case 'group':
        this.emit(OP_SAVE, 2 * n.idx);
        this.gen(n.body);
        this.emit(OP_SAVE, 2 * n.idx + 1);
        return;
      case 'rep': {
        for (let i = 0; i < n.min; i++) this.gen(n.body);
        if (n.max === -1) {
          const canBeEmpty = nullable(n.body);
          const split = this.emit(OP_SPLIT);
          this.a[split] = split + 1;
          if (canBeEmpty) this.emit(OP_LOOPCHK, this.loops++);
          this.gen(n.body);
          this.emit(OP_JMP, split);
          this.b[split] = this.op.length;
        } else {
          const splits: number[] = [];
          for (let i = n.min; i < n.max; i++) {
            const split = this.emit(OP_SPLIT);
            this.a[split] = split + 1;
            splits.push(split);
            this.gen(n.body);
          }
          for (const s of splits) this.b[s] = this.op.length;
        }
        return;
      }
      case 'assert':
        this.emit(OP_ASSERT, ASSERTS.indexOf(n.kind));
        return;
      case 'bref':
        this.emit(OP_BREF, n.idx);
        return;
      case 'empty':
        return;
    }
  }
}

/** Where a match was found: slot 2k/2k+1 hold group k's bounds (-1 when unset); group 0 is the match. */
export interface RegexMatch {
  start: number;
  end: number;
  /** Flat list of group bounds, 2 per group including group 0. */
  slots: number[];
}

/** The longest literal text every match must contain (a cheap pre-check). */
function requiredLiteral(n: Node): string {
  const items = n.t === 'cat' ? n.items : [n];
  let best = '';
  let cur = '';
  for (const it of items) {
    if (it.t === 'char') cur += String.fromCodePoint(it.c);
    else {
      if (cur.length > best.length) best = cur;
      cur = '';
      if (it.t === 'group' && it.body.t !== 'alt') {
        const inner = requiredLiteral(it.body);
        if (inner.length > best.length) best = inner;
      }
    }
  }
  if (cur.length > best.length) best = cur;
  return best;
}

/** Backtracking budget for patterns with back-references (steps per search). */
const BACKTRACK_BUDGET = 2_000_000;

/** A compiled pattern. */
export class Regex {
  private readonly op: Int32Array;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly sets: CharSet[];
  private readonly icase: boolean;
  private readonly multiline: boolean;
  private readonly backrefs: boolean;
  private readonly nloops: number;
  private readonly literal: string;
  /** Number of groups (not counting group 0). */
  readonly ngroups: number;
  readonly nslots: number;

  constructor(ast: Node, ngroups: number, opts: RegexOptions = {}) {
    const c = new Compiler(opts);
    c.gen(ast);
    c.emit(OP_MATCH);
    this.op = Int32Array.from(c.op);
    this.a = Int32Array.from(c.a);
    this.b = Int32Array.from(c.b);
    this.sets = c.sets;
    this.icase = !!opts.icase;
    this.multiline = !!opts.multiline;
    this.backrefs = hasBackref(ast);
    this.nloops = c.loops;
    this.ngroups = ngroups;
    this.nslots = 2 * (ngroups + 1);
    this.literal = opts.icase ? '' : requiredLiteral(ast);
    this.notNewlineSets = !opts.dotNewline || !!opts.multiline;
    this.seen = new Int32Array(this.op.length);
    this.firstPcs = this.computeFirstPcs();
  }

  /** Consuming instructions a match can begin with; null when a match may be empty. */
  private readonly firstPcs: number[] | null;

  private computeFirstPcs(): number[] | null {
    const out: number[] = [];
    const seen = new Set<number>();
    const stack = [0];
    while (stack.length) {
      const pc = stack.pop()!;
      if (seen.has(pc)) continue;
      seen.add(pc);
      switch (this.op[pc]) {
        case OP_JMP:
          stack.push(this.a[pc]!);
          break;
        case OP_SPLIT:
          stack.push(this.a[pc]!, this.b[pc]!);
          break;
        case OP_SAVE:
        case OP_ASSERT:
        case OP_LOOPCHK:
          stack.push(pc + 1);
          break;
        case OP_MATCH:
        case OP_BREF:
          return null;
        default:
          out.push(pc);
      }
    }
    return out;
  }

  private readonly notNewlineSets: boolean;
  private readonly seen: Int32Array;
  private gen = 0;

  private setMatch(idx: number, c: number): boolean {
    const set = this.sets[idx]!;
    let hit = setHas(set, c);
    if (!hit && this.icase) {
      const l = foldCase(c);
      const u = upperOf(c);
      hit = (l !== c && setHas(set, l)) || (u !== c && setHas(set, u));
    }
    if (set.negate) return !hit && !(c === 10 && this.notNewlineSets);
    return hit;
  }

  private assertOk(kind: number, s: string, p: number): boolean {
    const prev = p > 0 ? codePointBefore(s, p) : -1;
    const next = p < s.length ? s.codePointAt(p)! : -1;
    switch (ASSERTS[kind]) {
      case 'bol':
        return p === 0 || (this.multiline && prev === 10);
      case 'eol':
        return p === s.length || (this.multiline && next === 10);
      case 'bufstart':
        return p === 0;
      case 'bufend':
        return p === s.length;
      case 'wordb':
        return (prev >= 0 && isWordChar(prev)) !== (next >= 0 && isWordChar(next));
      case 'nwordb':
        return (prev >= 0 && isWordChar(prev)) === (next >= 0 && isWordChar(next));
      case 'wstart':
        return !(prev >= 0 && isWordChar(prev)) && next >= 0 && isWordChar(next);
      case 'wend':
        return prev >= 0 && isWordChar(prev) && !(next >= 0 && isWordChar(next));
      case 'notprevword':
        return !(prev >= 0 && isWordChar(prev));
      case 'notnextword':
        return !(next >= 0 && isWordChar(next));
      default:
        return false;
    }
  }

  private consumes(pc: number, c: number): boolean {
    switch (this.op[pc]) {
      case OP_CHAR:
        return this.icase ? foldCase(c) === this.a[pc] : c === this.a[pc];
      case OP_ANY:
        return true;
      case OP_ANYNL:
        return c !== 10;
      case OP_SET:
        return this.setMatch(this.a[pc]!, c);
      default:
        return false;
    }
  }

  /** Whether the pattern matches anywhere in s. */
  test(s: string): boolean {
    if (this.literal && !s.includes(this.literal)) return false;
    if (this.backrefs) return this.exec(s, 0) !== null;
    return this.pike(s, 0, false) !== null;
  }

  /** The leftmost-longest match starting at or after `from` (s is the whole subject). */
  exec(s: string, from = 0): RegexMatch | null {
    if (from > s.length) return null;
    if (this.literal && s.indexOf(this.literal, from) < 0) return null;
    if (this.backrefs) return this.backtrack(s, from);
    return this.pike(s, from, true);
  }

  // ---- Pike VM ----

  private newGen(): number {
    if (++this.gen >= 0x7fffffff) {
      this.seen.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }

  private pike(s: string, from: number, wantMatch: boolean): RegexMatch | null {
    const nslots = wantMatch ? this.nslots : 2;
    let clist: Thread[] = [];
    let nlist: Thread[] = [];
    let best: RegexMatch | null = null;
    let bestStart = -1;
    const len = s.length;
    let genC = this.newGen();
    for (let p = from; ; ) {
      if (best === null) {
        const caps = new Array<number>(nslots).fill(-1);
        caps[0] = p;
        this.addThread(clist, 0, caps, s, p, genC);
      }
      if (clist.length === 0) {
        if (best !== null || p >= len) break;
        if (this.firstPcs) {
          // Skip positions where no match can start.
          const fp = this.firstPcs;
          let q = p;
          while (q < len) {
            const c = s.codePointAt(q)!;
            let ok = false;
            for (let k = 0; k < fp.length; k++) {
              if (this.consumes(fp[k]!, c)) {
                ok = true;
                break;
              }
            }
            if (ok) break;
            q += c > 0xffff ? 2 : 1;
          }
          if (q >= len) {
            // Only an empty match at the very end could remain; the first-char set says none.
            break;
          }
          if (q > p) {
            p = q;
            genC = this.newGen();
            continue;
          }
        }
        // Nothing alive: move to the next position (the seed is added at the top of the loop).
        p += s.codePointAt(p)! > 0xffff ? 2 : 1;
        genC = this.newGen();
        continue;
      }
      const c = p < len ? s.codePointAt(p)! : -1;
      const w = c > 0xffff ? 2 : 1;
      const genN = this.newGen();
      for (let i = 0; i < clist.length; i++) {
        const t = clist[i]!;
        if (best !== null && t.caps[0]! > bestStart) continue;
        if (this.op[t.pc] === OP_MATCH) {
          if (best === null || t.caps[0]! < bestStart || (t.caps[0] === bestStart && p > best.end)) {
            if (!wantMatch) return { start: t.caps[0]!, end: p, slots: [t.caps[0]!, p] };
            const slots = t.caps.slice();
            slots[1] = p;
            best = { start: t.caps[0]!, end: p, slots };
            bestStart = t.caps[0]!;
          }
          continue;
        }
        if (c >= 0 && this.consumes(t.pc, c)) this.addThread(nlist, t.pc + 1, t.caps, s, p + w, genN);
      }
      if (p >= len) break;
      const tmp = clist;
      clist = nlist;
      nlist = tmp;
      nlist.length = 0;
      p += w;
      genC = genN;
    }
    return best;
  }

  /** Follows empty transitions from pc at position p, appending consuming states (and MATCH) in priority order. */
  private addThread(list: Thread[], pc0: number, caps0: number[], s: string, p: number, g: number): void {
    const stack: Thread[] = [{ pc: pc0, caps: caps0 }];
    while (stack.length) {
      const { pc, caps } = stack.pop()!;
      if (this.seen[pc] === g) continue;
      this.seen[pc] = g;
      switch (this.op[pc]) {
        case OP_JMP:
          stack.push({ pc: this.a[pc]!, caps });
          break;
        case OP_SPLIT:
          stack.push({ pc: this.b[pc]!, caps });
          stack.push({ pc: this.a[pc]!, caps });
          break;
        case OP_SAVE: {
          const slot = this.a[pc]!;
          if (slot < caps.length) {
            const c2 = caps.slice();
            c2[slot] = p;
            stack.push({ pc: pc + 1, caps: c2 });
          } else stack.push({ pc: pc + 1, caps });
          break;
        }
        case OP_ASSERT:
          if (this.assertOk(this.a[pc]!, s, p)) stack.push({ pc: pc + 1, caps });
          break;
        case OP_LOOPCHK:
          stack.push({ pc: pc + 1, caps });
          break;
        default:
          list.push({ pc, caps });
      }
    }
  }

  // ---- backtracking (back-references) ----

  private backtrack(s: string, from: number): RegexMatch | null {
    let budget = BACKTRACK_BUDGET;
    const nslots = this.nslots;
    for (let st = from; st <= s.length; ) {
      const caps = new Array<number>(nslots).fill(-1);
      const loops = new Array<number>(this.nloops).fill(-1);
      caps[0] = st;
      let best: number[] | null = null;
      // stack entries: [kind, a, b]; kind 0 = branch (pc, pos), 1 = restore cap (slot, old), 2 = restore loop
      const stack: number[] = [];
      let pc = 0;
      let p = st;
      let alive = true;
      while (alive) {
        if (--budget <= 0) return best ? toMatch(best) : null;
        let fail = false;
        switch (this.op[pc]) {
          case OP_CHAR:
          case OP_ANY:
          case OP_ANYNL:
          case OP_SET: {
            if (p >= s.length) {
              fail = true;
              break;
            }
            const c = s.codePointAt(p)!;
            if (this.consumes(pc, c)) {
              p += c > 0xffff ? 2 : 1;
              pc++;
            } else fail = true;
            break;
          }
          case OP_JMP:
            pc = this.a[pc]!;
            break;
          case OP_SPLIT:
            stack.push(0, this.b[pc]!, p);
            pc = this.a[pc]!;
            break;
          case OP_SAVE: {
            const slot = this.a[pc]!;
            stack.push(1, slot, caps[slot]!);
            caps[slot] = p;
            pc++;
            break;
          }
          case OP_ASSERT:
            if (this.assertOk(this.a[pc]!, s, p)) pc++;
            else fail = true;
            break;
          case OP_LOOPCHK: {
            const r = this.a[pc]!;
            if (loops[r] === p) fail = true;
            else {
              stack.push(2, r, loops[r]!);
              loops[r] = p;
              pc++;
            }
            break;
          }
          case OP_BREF: {
            const g = this.a[pc]!;
            const gs = caps[2 * g]!;
            const ge = caps[2 * g + 1]!;
            if (gs < 0 || ge < 0) {
              fail = true;
              break;
            }
            const n = ge - gs;
            if (p + n > s.length) {
              fail = true;
              break;
            }
            let ok = true;
            for (let k = 0; k < n; k++) {
              const x = s.charCodeAt(gs + k);
              const y = s.charCodeAt(p + k);
              if (x !== y && !(this.icase && foldCase(x) === foldCase(y))) {
                ok = false;
                break;
              }
            }
            if (ok) {
              p += n;
              pc++;
            } else fail = true;
            break;
          }
          case OP_MATCH:
            if (best === null || p > best[1]!) {
              best = caps.slice();
              best[1] = p;
            }
            fail = true; // keep looking for a longer one
            break;
          default:
            fail = true;
        }
        if (fail) {
          for (;;) {
            if (stack.length === 0) {
              alive = false;
              break;
            }
            const y = stack.pop()!;
            const x = stack.pop()!;
            const kind = stack.pop()!;
            if (kind === 1) caps[x] = y;
            else if (kind === 2) loops[x] = y;
            else {
              pc = x;
              p = y;
              break;
            }
          }
        }
      }
      if (best) return toMatch(best);
      if (st >= s.length) break;
      st += s.codePointAt(st)! > 0xffff ? 2 : 1;
    }
    return null;
  }
}

interface Thread {
  pc: number;
  caps: number[];
}

function toMatch(slots: number[]): RegexMatch {
  return { start: slots[0]!, end: slots[1]!, slots };
}

function codePointBefore(s: string, p: number): number {
  const c = s.charCodeAt(p - 1);
  if (c >= 0xdc00 && c <= 0xdfff && p >= 2) {
    const h = s.charCodeAt(p - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** Parses and compiles one pattern. Throws RegexError with glibc's message. */
export function compileRegex(pattern: string, flavor: RegexFlavor, opts: RegexOptions = {}): Regex {
  const { ast, ngroups } = parseRegex(pattern, flavor);
  return new Regex(ast, ngroups, opts);
}

// ---- GNU getopt_long ----------------------------------------------------------------------

export interface LongOpt {
  name: string;
  /** 0 none, 1 required, 2 optional (only as --name=value). */
  has: 0 | 1 | 2;
  /** What the option reports as (usually its short letter). */
  val: string;
}

export interface ParsedOpt {
  opt: string;
  arg: string | null;
  /** How it was written, for messages. */
  text: string;
}

export interface GetoptResult {
  opts: ParsedOpt[];
  operands: string[];
  /** The diagnostic glibc's getopt printed (without trailing newline), when parsing failed. */
  error: string | null;
}

/**
 * Parses argv (without argv[0]) like glibc's getopt_long with argument permutation.
 * shortopts uses getopt's notation ("e:f:i::"); release picks RHEL 6 or RHEL 5 message quoting.
 * Parsing stops at the first error, as callers print usage and exit then.
 */
export function getoptLong(
  prog: string,
  args: string[],
  shortopts: string,
  longopts: LongOpt[],
  release: 'el6' | 'el5',
  opts: { stopAtFirstOperand?: boolean } = {},
): GetoptResult {
  const q = (s: string): string => (release === 'el6' ? `'${s}'` : `\`${s}'`);
  const res: GetoptResult = { opts: [], operands: [], error: null };
  const shortSpec = (c: string): number => {
    const i = shortopts.indexOf(c);
    if (i < 0 || c === ':') return -1;
    if (shortopts[i + 1] === ':') return shortopts[i + 2] === ':' ? 2 : 1;
    return 0;
  };
  let i = 0;
  while (i < args.length) {
    const arg = args[i]!;
    if (arg === '--') {
      res.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      if (opts.stopAtFirstOperand) {
        res.operands.push(...args.slice(i));
        break;
      }
      res.operands.push(arg);
      i++;
      continue;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const exact = longopts.find((o) => o.name === name);
      let found = exact;
      if (!found) {
        const cands = longopts.filter((o) => o.name.startsWith(name));
        const distinct = cands.filter((o, k) => cands.findIndex((x) => x.val === o.val && x.has === o.has) === k);
        if (distinct.length > 1) {
          res.error = `${prog}: option ${q(arg)} is ambiguous`;
          return res;
        }
        found = cands[0];
      }
      if (!found) {
        res.error = `${prog}: unrecognized option ${q('--' + name)}`;
        return res;
      }
      if (eq >= 0) {
        if (found.has === 0) {
          res.error = `${prog}: option ${q('--' + found.name)} doesn't allow an argument`;
          return res;
        }
        res.opts.push({ opt: found.val, arg: body.slice(eq + 1), text: arg });
        i++;
        continue;
      }
      if (found.has === 1) {
        if (i + 1 >= args.length) {
          res.error = `${prog}: option ${q(arg)} requires an argument`;
          return res;
        }
        res.opts.push({ opt: found.val, arg: args[i + 1]!, text: arg });
        i += 2;
        continue;
      }
      res.opts.push({ opt: found.val, arg: null, text: arg });
      i++;
      continue;
    }
    // a cluster of short options
    let j = 1;
    i++;
    while (j < arg.length) {
      const c = arg[j]!;
      const spec = shortSpec(c);
      if (spec < 0) {
        res.error = release === 'el6' ? `${prog}: invalid option -- '${c}'` : `${prog}: invalid option -- ${c}`;
        return res;
      }
      if (spec === 0) {
        res.opts.push({ opt: c, arg: null, text: '-' + c });
        j++;
        continue;
      }
      const rest = arg.slice(j + 1);
      if (rest !== '') {
        res.opts.push({ opt: c, arg: rest, text: '-' + c });
      } else if (spec === 2) {
        res.opts.push({ opt: c, arg: null, text: '-' + c });
      } else {
        if (i >= args.length) {
          res.error =
            release === 'el6' ? `${prog}: option requires an argument -- '${c}'` : `${prog}: option requires an argument -- ${c}`;
          return res;
        }
        res.opts.push({ opt: c, arg: args[i]!, text: '-' + c });
        i++;
      }
      break;
    }
  }
  return res;
}

/** fnmatch(3) without FNM_PATHNAME: * ? [...] and backslash escapes; used for --include/--exclude. */
export function fnmatch(pattern: string, name: string): boolean {
  const p = [...pattern];
  const n = [...name];
  // iterative matcher with one star backtrack point (linear-ish, no blow-up)
  let pi = 0;
  let ni = 0;
  let starP = -1;
  let starN = 0;
  const classMatch = (at: number, ch: string): { ok: boolean; next: number } | null => {
    let k = at + 1;
    let neg = false;
    if (p[k] === '!' || p[k] === '^') {
      neg = true;
      k++;
    }
    let hit = false;
    let first = true;
    while (k < p.length && (first || p[k] !== ']')) {
      first = false;
      let lo = p[k]!;
      if (lo === '[' && p[k + 1] === ':') {
        const end = p.indexOf(':', k + 2);
        if (end > 0 && p[end + 1] === ']') {
          const f = CLASSES[p.slice(k + 2, end).join('')];
          if (f && f(ch.codePointAt(0)!)) hit = true;
          k = end + 2;
          continue;
        }
      }
      if (lo === '\\' && k + 1 < p.length) lo = p[++k]!;
      if (p[k + 1] === '-' && k + 2 < p.length && p[k + 2] !== ']') {
        let hi = p[k + 2]!;
        if (hi === '\\' && k + 3 < p.length) {
          hi = p[k + 3]!;
          k++;
        }
        if (ch >= lo && ch <= hi) hit = true;
        k += 3;
      } else {
        if (ch === lo) hit = true;
        k++;
      }
    }
    if (k >= p.length) return null; // no closing bracket: '[' is literal
    return { ok: hit !== neg, next: k + 1 };
  };
  while (ni < n.length) {
    const pc = p[pi];
    if (pc === '*') {
      starP = pi++;
      starN = ni;
      continue;
    }
    if (pc !== undefined) {
      if (pc === '?') {
        pi++;
        ni++;
        continue;
      }
      if (pc === '[') {
        const r = classMatch(pi, n[ni]!);
        if (r) {
          if (r.ok) {
            pi = r.next;
            ni++;
            continue;
          }
        } else if (n[ni] === '[') {
          pi++;
          ni++;
          continue;
        }
      } else {
        let lit = pc;
        let adv = 1;
        if (pc === '\\' && pi + 1 < p.length) {
          lit = p[pi + 1]!;
          adv = 2;
        }
        if (lit === n[ni]) {
          pi += adv;
          ni++;
          continue;
        }
      }
    }
    if (starP >= 0) {
      pi = starP + 1;
      ni = ++starN;
      continue;
    }
    return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
