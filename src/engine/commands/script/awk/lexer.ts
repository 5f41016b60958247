/**
 * The awk lexer, modelled on gawk 3.1.7's yylex(): tokens are produced on demand so the parser
 * can ask for a regular expression where it expects an operand (`/` starts a regexp only there),
 * newlines are tokens, `}` is preceded by a virtual newline, and `&&`, `||`, `?`, `:` swallow the
 * newlines after them.
 *
 * Line numbers follow gawk's `sourceline`: program text given on the command line without a
 * trailing newline starts at line 0 (gawk appends the newline itself and only counts lines it
 * has passed), so messages about the first line carry no `cmd. line:N:` part.
 */
import { ByteText } from '../../../util/printf';

export interface AwkSource {
  /** File name for -f sources; null for program text on the command line. */
  name: string | null;
  text: string;
  /** sourceline at the start of this text (0 or 1, see above). */
  base: number;
}

export type TokKind =
  | 'NEWLINE'
  | 'EOF'
  | 'NUMBER'
  | 'STRING'
  | 'ERE'
  | 'NAME'
  | 'FUNC_NAME'
  | 'BUILTIN'
  | 'KEYWORD'
  | 'OP';

export interface Token {
  kind: TokKind;
  /** Operator text, keyword or name. */
  text: string;
  /** Numeric value of NUMBER tokens. */
  num: number;
  /** Decoded value of STRING tokens, raw text of ERE tokens. */
  str: string;
  /** Index of the source and offset of the token's first character ("lexeme"). */
  src: number;
  pos: number;
  /** sourceline after lexing this token. */
  line: number;
}

export const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'getline',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'print',
  'printf',
]);

/** gawk 3.1.7's built-in functions (those that are not keywords). */
export const BUILTINS = new Set([
  'and',
  'asort',
  'asorti',
  'atan2',
  'bindtextdomain',
  'close',
  'compl',
  'cos',
  'dcgettext',
  'dcngettext',
  'exp',
  'extension',
  'fflush',
  'gensub',
  'gsub',
  'index',
  'int',
  'length',
  'log',
  'lshift',
  'match',
  'mktime',
  'or',
  'rand',
  'rshift',
  'sin',
  'split',
  'sprintf',
  'sqrt',
  'srand',
  'strftime',
  'strtonum',
  'sub',
  'substr',
  'system',
  'systime',
  'tolower',
  'toupper',
  'xor',
]);

/** A diagnostic from the lexer or parser, positioned at a token (the "lexeme"). */
export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly src: number,
    readonly pos: number,
    readonly line: number,
    /** Stop parsing at once (gawk exits right after some lexer errors). */
    readonly fatal = false,
  ) {
    super(message);
  }
}

/** A warning printed while lexing (escape sequences), with the line it belongs to. */
export interface LexWarning {
  message: string;
  src: number;
  line: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isXDigit = (c: string | undefined): boolean => c !== undefined && /[0-9a-fA-F]/.test(c);
const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isIdent = (c: string | undefined): boolean => c !== undefined && (isAlpha(c) || isDigit(c) || c === '_');

/** gawk's number constants: 0x hex and leading-zero octal (unless 8 or 9 appear, or . e E). */
export function lexNumberValue(text: string): number {
  if (text[0] === '0' && (text[1] === 'x' || text[1] === 'X')) {
    let v = 0;
    for (const ch of text.slice(2)) {
      if (!isXDigit(ch)) break;
      v = v * 16 + parseInt(ch, 16);
    }
    return v;
  }
  if (text[0] === '0' && text.length > 1 && /^[0-9]+$/.test(text) && !/[89]/.test(text)) {
    let v = 0;
    for (const ch of text) v = v * 8 + (ch.charCodeAt(0) - 48);
    return v;
  }
  return Number(text);
}

export class Lexer {
  private si = 0;
  private p = 0;
  private didNewline = false;
  private lastTok: TokKind | null = null;
  private lastText = '';
  private atEnd = false;
  readonly warnings: LexWarning[] = [];
  private warnedEscapes = new Set<string>();
  /** Whether `>` and `|` are output redirections now (print context outside parentheses). */
  inPrint = false;
  inParens = 0;

  constructor(readonly sources: AwkSource[]) {}

  private get text(): string {
    return this.sources[this.si]?.text ?? '';
  }

  /** Offsets of the newlines of each source, for lineAt(). */
  private readonly newlines = new Map<number, number[]>();

  /** sourceline at a position of a source: its base plus the newlines before the position. */
  lineAt(src: number, pos: number): number {
    const s = this.sources[src];
    if (!s) return 0;
    let nl = this.newlines.get(src);
    if (!nl) {
      nl = [];
      for (let i = 0; i < s.text.length; i++) if (s.text.charCodeAt(i) === 10) nl.push(i);
      this.newlines.set(src, nl);
    }
    // count newlines at offsets < pos
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nl[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return s.base + lo;
  }

  /** Where the last real token started: gawk leaves `lexeme` there at end of input. */
  private lastPos = 0;
  private lastSrc = 0;

  private tok(kind: TokKind, text: string, pos: number, extra: Partial<Token> = {}): Token {
    this.lastTok = kind;
    this.lastText = text;
    this.lastPos = pos;
    this.lastSrc = this.si;
    return { kind, text, num: 0, str: '', src: this.si, pos, line: this.lineAt(this.si, this.p), ...extra };
  }

  private err(msg: string, pos: number, fatal = false): never {
    throw new AwkSyntaxError(msg, this.si, pos, this.lineAt(this.si, this.p), fatal);
  }

  /** Skips blanks, comments and newlines (after && || ? : , as gawk's allow_newline does). */
  allowNewline(): void {
    for (;;) {
      this.nextSource();
      const t = this.text;
      const c = t[this.p];
      if (c === undefined) return;
      if (c === '#') {
        while (this.p < t.length && t[this.p] !== '\n') this.p++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f') {
        this.p++;
        continue;
      }
      return;
    }
  }

  /** Moves to the next source when the current one is exhausted. */
  private nextSource(): void {
    while (this.p >= this.text.length && this.si < this.sources.length - 1) {
      this.si++;
      this.p = 0;
    }
  }

  next(): Token {
    this.nextSource();
    const t = this.text;
    // skip blanks (and backslash-newline continuations)
    for (;;) {
      const c = t[this.p];
      if (c === ' ' || c === '\t' || c === '\r') {
        this.p++;
        continue;
      }
      if (c === '\\') {
        if (t[this.p + 1] === '\n') {
          this.p += 2;
          continue;
        }
        if (t[this.p + 1] === '\r' && t[this.p + 2] === '\n') {
          this.p += 3;
          continue;
        }
        this.p++;
        this.err('backslash not last character on line', this.p - 1, true);
      }
      break;
    }
    if (this.p >= t.length) {
      if (this.si < this.sources.length - 1) return this.next();
      const at = this.lastPos;
      const src = this.lastSrc;
      if (this.lastTok !== 'NEWLINE' && !this.atEnd) {
        this.atEnd = true;
        return { ...this.tok('NEWLINE', '\n', at), src };
      }
      return { ...this.tok('EOF', '', at), src };
    }
    const start = this.p;
    const c = t[this.p]!;
    switch (c) {
      case '\n':
        this.p++;
        return this.tok('NEWLINE', '\n', start);
      case '#':
        while (this.p < t.length && t[this.p] !== '\n') this.p++;
        if (this.p < t.length) {
          this.p++;
          return this.tok('NEWLINE', '\n', this.p - 1);
        }
        return this.next();
      case ':':
      case '?':
        this.p++;
        this.allowNewline();
        return this.tok('OP', c, start);
      case ')':
        this.inParens--;
        this.p++;
        return this.tok('OP', c, start);
      case '(':
        this.inParens++;
        this.p++;
        return this.tok('OP', c, start);
      case '$':
      case ';':
      case '{':
      case ',':
      case '[':
      case ']':
        this.p++;
        return this.tok('OP', c, start);
      case '*':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '*=', start);
        }
        if (t[this.p + 1] === '*') {
          if (t[this.p + 2] === '=') {
            this.p += 3;
            return this.tok('OP', '^=', start);
          }
          this.p += 2;
          return this.tok('OP', '^', start);
        }
        this.p++;
        return this.tok('OP', '*', start);
      case '/':
        this.p++;
        if (t[this.p] === '=') return this.tok('OP', '/=', start);
        return this.tok('OP', '/', start);
      case '%':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '%=', start);
        }
        this.p++;
        return this.tok('OP', '%', start);
      case '^':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '^=', start);
        }
        this.p++;
        return this.tok('OP', '^', start);
      case '+':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '+=', start);
        }
        if (t[this.p + 1] === '+') {
          this.p += 2;
          return this.tok('OP', '++', start);
        }
        this.p++;
        return this.tok('OP', '+', start);
      case '-':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '-=', start);
        }
        if (t[this.p + 1] === '-') {
          this.p += 2;
          return this.tok('OP', '--', start);
        }
        this.p++;
        return this.tok('OP', '-', start);
      case '!':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '!=', start);
        }
        if (t[this.p + 1] === '~') {
          this.p += 2;
          return this.tok('OP', '!~', start);
        }
        this.p++;
        return this.tok('OP', '!', start);
      case '<':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '<=', start);
        }
        this.p++;
        return this.tok('OP', '<', start);
      case '=':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '==', start);
        }
        this.p++;
        return this.tok('OP', '=', start);
      case '>':
        if (t[this.p + 1] === '=') {
          this.p += 2;
          return this.tok('OP', '>=', start);
        }
        if (t[this.p + 1] === '>') {
          this.p += 2;
          return this.tok('OP', '>>', start);
        }
        this.p++;
        return this.tok('OP', this.inPrint && this.inParens === 0 ? '>out' : '>', start);
      case '~':
        this.p++;
        return this.tok('OP', '~', start);
      case '}':
        if (this.didNewline) {
          this.didNewline = false;
          this.p++;
          return this.tok('OP', '}', start);
        }
        this.didNewline = true;
        return this.tok('NEWLINE', '', start);
      case '"':
        return this.string(start);
      case '&':
        if (t[this.p + 1] === '&') {
          this.p += 2;
          const tk = this.tok('OP', '&&', start);
          this.allowNewline();
          return tk;
        }
        this.p++;
        return this.tok('OP', '&', start);
      case '|':
        if (t[this.p + 1] === '|') {
          this.p += 2;
          const tk = this.tok('OP', '||', start);
          this.allowNewline();
          return tk;
        }
        if (t[this.p + 1] === '&') {
          this.p += 2;
          return this.tok('OP', this.inPrint && this.inParens === 0 ? '|&out' : '|&', start);
        }
        this.p++;
        return this.tok('OP', this.inPrint && this.inParens === 0 ? '|out' : '|', start);
      default:
        break;
    }
    if (c === '.' && !isDigit(t[this.p + 1])) {
      this.p++;
      return this.tok('OP', '.', start);
    }
    if (isDigit(c) || c === '.') return this.number(start);
    if (c === '_' && t[this.p + 1] === '"' && this.lastText !== '$') {
      // _"..." marks a string for translation; the value is the string itself
      this.p++;
      return this.string(start);
    }
    if (!isAlpha(c) && c !== '_') this.err(`invalid char '${c}' in expression`, start, true);
    let e = this.p;
    while (isIdent(t[e])) e++;
    const word = t.slice(this.p, e);
    this.p = e;
    if (KEYWORDS.has(word)) return this.tok('KEYWORD', word === 'func' ? 'function' : word, start);
    if (BUILTINS.has(word)) return this.tok('BUILTIN', word, start);
    if (t[this.p] === '(') return this.tok('FUNC_NAME', word, start);
    return this.tok('NAME', word, start);
  }

  private number(start: number): Token {
    const t = this.text;
    let i = this.p;
    let seenE = false;
    let seenPoint = false;
    let inHex = false;
    let s = '';
    for (;;) {
      const c = t[i];
      if (c === undefined) break;
      if ((c === 'x' || c === 'X') && s === '0' && !inHex) {
        if (isXDigit(t[i + 1])) {
          inHex = true;
          s += c;
          i++;
          continue;
        }
        break;
      }
      if (c === '.') {
        if (seenPoint || seenE || inHex) break;
        seenPoint = true;
        s += c;
        i++;
        continue;
      }
      if ((c === 'e' || c === 'E') && !inHex) {
        if (seenE) break;
        const n1 = t[i + 1];
        if ((n1 === '-' || n1 === '+') && isDigit(t[i + 2])) {
          s += c + n1 + t[i + 2];
          i += 3;
          seenE = true;
          continue;
        }
        if (isDigit(n1)) {
          seenE = true;
          s += c;
          i++;
          continue;
        }
        break;
      }
      if (isDigit(c) || (inHex && isXDigit(c))) {
        s += c;
        i++;
        continue;
      }
      break;
    }
    this.p = i;
    return this.tok('NUMBER', s, start, { num: lexNumberValue(s) });
  }

  private warnEscape(ch: string): void {
    if (this.warnedEscapes.has(ch)) return;
    this.warnedEscapes.add(ch);
    this.warnings.push({ message: `escape sequence \`\\${ch}' treated as plain \`${ch}'`, src: this.si, line: this.lineAt(this.si, this.p) });
  }

  private string(start: number): Token {
    const t = this.text;
    this.p++; // opening quote
    const out = new ByteText();
    let run = '';
    for (;;) {
      const c = t[this.p];
      if (c === undefined || c === '\n') {
        this.err('unterminated string', start, true);
      }
      if (c === '"') {
        this.p++;
        break;
      }
      if (c !== '\\') {
        run += c;
        this.p++;
        continue;
      }
      // escape
      const d = t[this.p + 1];
      if (d === '\n') {
        this.p += 2;
        continue;
      }
      if (d === undefined) {
        this.p++;
        this.err('unterminated string', start, true);
      }
      if (run) {
        out.text(run);
        run = '';
      }
      this.p += 2;
      const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
      if (simple[d] !== undefined) out.text(simple[d]!);
      else if (d >= '0' && d <= '7') {
        let v = d.charCodeAt(0) - 48;
        let n = 1;
        while (n < 3 && t[this.p] !== undefined && t[this.p]! >= '0' && t[this.p]! <= '7') {
          v = v * 8 + (t.charCodeAt(this.p) - 48);
          this.p++;
          n++;
        }
        out.byte(v & 0xff);
      } else if (d === 'x') {
        if (!isXDigit(t[this.p])) {
          this.warnings.push({ message: "no hex digits in `\\x' escape sequence", src: this.si, line: this.lineAt(this.si, this.p) });
          out.text('x');
        } else {
          let v = 0;
          while (isXDigit(t[this.p])) {
            v = (v * 16 + parseInt(t[this.p]!, 16)) & 0xffff;
            this.p++;
          }
          out.byte(v & 0xff);
        }
      } else {
        this.warnEscape(d);
        out.text(d);
      }
    }
    if (run) out.text(run);
    return this.tok('STRING', '"', start, { str: out.toString() });
  }

  /**
   * Re-reads the text after a `/` (or `/=`) token at `slashPos` as a regular expression up to
   * the closing slash. Brackets are counted so `/[/]/` works, as gawk does.
   */
  regexAfter(slash: Token): Token {
    this.si = slash.src;
    const t = this.text;
    let i = slash.pos + 1;
    let inBrack = 0;
    let s = '';
    for (;;) {
      const c = t[i];
      if (c === undefined) {
        this.p = i;
        this.err('unterminated regexp at end of file', slash.pos + 1, true);
      }
      if (c === '\n') {
        this.p = i;
        this.err('unterminated regexp', slash.pos + 1, true);
      }
      if (c === '[') {
        if (t[i + 1] === ':' || inBrack === 0) inBrack++;
      } else if (c === ']') {
        if (s[0] === '[' && (s.length === 1 || (s.length === 2 && s[1] === '^'))) {
          // []...] and [^]...]: a literal ]
        } else inBrack--;
      } else if (c === '\\') {
        const d = t[i + 1];
        if (d === undefined) {
          this.p = i + 1;
          this.err("unterminated regexp ends with `\\' at end of file", slash.pos + 1, true);
        }
        if (d === '\n') {
          i += 2;
          continue;
        }
        s += c + d;
        i += 2;
        continue;
      } else if (c === '/' && inBrack <= 0) {
        this.p = i + 1;
        break;
      }
      s += c;
      i++;
    }
    this.didNewline = false;
    return this.tok('ERE', '/', slash.pos, { str: s });
  }
}
