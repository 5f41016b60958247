import type {
  AndOr,
  Assign,
  CaseCommand,
  Command,
  List,
  Part,
  Pipeline,
  Redir,
  RedirOp,
  SimpleCommand,
  Word,
} from './ast';

/** The input ended before the command did: an interactive shell asks for more with PS2. */
export class Incomplete extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = 'Incomplete';
  }
}

/** A syntax error, with bash's wording (without the `-bash: ` prefix). */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

type Token =
  | { t: 'word'; word: Word; start: number; end: number }
  | { t: 'io'; fd: number; start: number; end: number }
  | { t: 'op'; op: string; start: number; end: number }
  | { t: 'nl'; start: number; end: number }
  | { t: 'eof'; start: number; end: number };

const OPERATORS = ['&&', '||', ';;', '<<-', '<<<', '<<', '>>', '<&', '>&', '<>', '>|', '&>>', '&>', '|', '&', ';', '(', ')', '<', '>'];
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!', 'function', '[[', ']]']);
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 200;

export interface ParseOptions {
  aliases?: ReadonlyMap<string, string>;
  /** No more input will come: an unfinished construct is an error, not a request for more. */
  final?: boolean;
}

/** Parses a whole script or command line into a List. Throws Incomplete or ShellSyntaxError. */
export function parse(src: string, opts: ParseOptions = {}): List {
  return new Parser(src, opts).program();
}

/** A word's literal text if it has no quoting or expansions at all. */
export function plainText(w: Word): string | null {
  let s = '';
  for (const p of w.parts) {
    if (p.k !== 'lit') return null;
    s += p.s;
  }
  return s;
}

class Parser {
  private pos = 0;
  private peeked: Token | null = null;
  private pendingHeredocs: Redir[] = [];
  private aliasGuard = new Set<string>();
  private depth = 0;
  private line = 1;

  constructor(
    private src: string,
    private readonly opts: ParseOptions,
  ) {}

  // ---- grammar ----------------------------------------------------------------------------

  program(): List {
    const list = this.list(true);
    const tok = this.peek();
    if (tok.t !== 'eof') throw this.unexpected(tok);
    if (this.pendingHeredocs.length) this.readHeredocs();
    return list;
  }

  /** A list: and-or lists separated by ; & or newlines. */
  private list(top: boolean): List {
    const items: List['items'] = [];
    this.skipNewlines();
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'eof') break;
      if (tok.t === 'op' && (tok.op === ')' || tok.op === ';;')) break;
      if (tok.t === 'word' && this.isReserved(tok, LIST_END)) break;
      if (tok.t === 'op' && (tok.op === ';' || tok.op === '&')) throw this.unexpected(tok);
      const andor = this.andOr();
      let background = false;
      const sep = this.peek();
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.next();
        background = sep.op === '&';
        items.push({ andor, background });
        this.skipNewlines();
        continue;
      }
      items.push({ andor, background });
      if (sep.t === 'nl') {
        this.skipNewlines();
        continue;
      }
      break;
    }
    if (!top && items.length === 0) {
      const tok = this.peek();
      if (tok.t === 'eof') throw this.incomplete('list');
      throw this.unexpected(tok);
    }
    return { type: 'list', items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && (tok.op === '&&' || tok.op === '||')) {
        this.next();
        this.skipNewlines();
        if (this.peek().t === 'eof') throw this.incomplete(tok.op);
        rest.push({ op: tok.op, pipeline: this.pipeline() });
      } else break;
    }
    return { type: 'andor', first, rest };
  }

  private pipeline(): Pipeline {
    const startTok = this.peek();
    const start = startTok.start;
    let bang = false;
    if (startTok.t === 'word' && this.isReserved(startTok, new Set(['!']))) {
      this.next();
      bang = true;
    }
    const cmds: Command[] = [this.command()];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && tok.op === '|') {
        this.next();
        this.skipNewlines();
        if (this.peek().t === 'eof') throw this.incomplete('|');
        cmds.push(this.command());
      } else break;
    }
    const end = this.peeked ? this.peeked.start : this.pos;
    return { type: 'pipeline', bang, cmds, text: this.src.slice(start, end).trim() };
  }

  private command(): Command {
    if (++this.depth > MAX_DEPTH) throw new ShellSyntaxError('maximum nesting depth exceeded', this.line);
    try {
      return this.commandInner();
    } finally {
      this.depth--;
    }
  }

  private commandInner(): Command {
    let tok = this.peek();
    if (tok.t === 'word' && this.tryAlias(tok)) tok = this.peek();
    if (tok.t === 'eof') throw this.incomplete('command');
    if (tok.t === 'op' && tok.op === '(') {
      this.next();
      if (this.peekOp('(')) {
        // (( arithmetic ))
        return this.arithCommand();
      }
      const body = this.list(false);
      this.expectOp(')');
      return { type: 'subshell', body, redirs: this.redirs() };
    }
    if (tok.t === 'word') {
      const w = plainText(tok.word);
      if (w !== null && RESERVED.has(w)) {
        switch (w) {
          case 'if':
            return this.ifCommand();
          case 'for':
            return this.forCommand();
          case 'while':
          case 'until':
            return this.loopCommand(w);
          case 'case':
            return this.caseCommand();
          case '{': {
            this.next();
            const body = this.list(false);
            this.expectWord('}');
            return { type: 'group', body, redirs: this.redirs() };
          }
          case 'function':
            return this.functionDef(true);
          case '[[':
            return this.condCommand();
          default:
            throw this.unexpected(tok);
        }
      }
      // name () compound-command
      if (w !== null && NAME_RE.test(w) === true) {
        const save = this.save();
        this.next();
        if (this.peekOp('(')) {
          this.next();
          if (this.peekOp(')')) {
            this.next();
            return this.functionBody(w);
          }
          this.restore(save);
        } else this.restore(save);
      } else if (w !== null && /^[^\s()<>|&;'"`$\\]+$/.test(w)) {
        const save = this.save();
        this.next();
        if (this.peekOp('(')) {
          this.next();
          if (this.peekOp(')')) {
            this.next();
            return this.functionBody(w);
          }
        }
        this.restore(save);
      }
    }
    return this.simple();
  }

  private save(): { pos: number; peeked: Token | null; line: number } {
    return { pos: this.pos, peeked: this.peeked, line: this.line };
  }

  private restore(s: { pos: number; peeked: Token | null; line: number }): void {
    this.pos = s.pos;
    this.peeked = s.peeked;
    this.line = s.line;
  }

  private functionDef(keyword: boolean): Command {
    if (keyword) this.next();
    const tok = this.next();
    if (tok.t !== 'word') throw this.unexpected(tok);
    const name = plainText(tok.word) ?? tok.word.text;
    if (this.peekOp('(')) {
      this.next();
      this.expectOp(')');
    }
    return this.functionBody(name);
  }

  private functionBody(name: string): Command {
    this.skipNewlines();
    const tok = this.peek();
    if (tok.t === 'eof') throw this.incomplete('function');
    const body = this.command();
    if (body.type === 'simple') throw this.unexpectedText(body.words[0]?.text ?? 'newline');
    return { type: 'function', name, body };
  }

  private arithCommand(): Command {
    // We are after "((": read to the matching "))".
    this.peeked = null;
    const start = this.pos - 1;
    const end = findArithEnd(this.src, start + 1);
    if (end < 0) throw this.incomplete('((');
    const expr = this.src.slice(start + 1, end);
    this.pos = end + 2;
    return { type: 'arithcmd', src: expr, redirs: this.redirs() };
  }

  private ifCommand(): Command {
    this.next();
    const clauses: Array<{ cond: List; body: List }> = [];
    let elseBody: List | null = null;
    let cond = this.list(false);
    this.expectWord('then');
    let body = this.list(false);
    clauses.push({ cond, body });
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'eof') throw this.incomplete('if');
      if (this.isReserved(tok, new Set(['elif']))) {
        this.next();
        cond = this.list(false);
        this.expectWord('then');
        body = this.list(false);
        clauses.push({ cond, body });
        continue;
      }
      if (this.isReserved(tok, new Set(['else']))) {
        this.next();
        elseBody = this.list(false);
      }
      this.expectWord('fi');
      break;
    }
    return { type: 'if', clauses, elseBody, redirs: this.redirs() };
  }

  private forCommand(): Command {
    this.next();
    if (this.peekOp('(')) {
      this.next();
      if (!this.peekOp('(')) throw this.unexpected(this.peek());
      this.peeked = null;
      const start = this.pos;
      const end = findArithEnd(this.src, start);
      if (end < 0) throw this.incomplete('for');
      const parts = this.src.slice(start, end).split(';');
      if (parts.length !== 3) throw new ShellSyntaxError(`syntax error: arithmetic expression required`, this.line);
      this.pos = end + 2;
      this.skipSeparator();
      const body = this.doGroup();
      return { type: 'arithfor', init: parts[0]!, cond: parts[1]!, step: parts[2]!, body, redirs: this.redirs() };
    }
    const nameTok = this.next();
    if (nameTok.t === 'eof') throw this.incomplete('for');
    if (nameTok.t !== 'word') throw this.unexpected(nameTok);
    const name = plainText(nameTok.word) ?? '';
    if (!NAME_RE.test(name)) throw new ShellSyntaxError(`\`${nameTok.word.text}': not a valid identifier`, this.line);
    let words: Word[] | null = null;
    this.skipNewlines();
    const tok = this.peek();
    if (tok.t === 'word' && this.isReserved(tok, new Set(['in']))) {
      this.next();
      words = [];
      for (;;) {
        const w = this.peek();
        if (w.t === 'word') {
          this.next();
          words.push(w.word);
        } else break;
      }
      this.skipSeparator();
    } else this.skipSeparator();
    const body = this.doGroup();
    return { type: 'for', name, words, body, redirs: this.redirs() };
  }

  private skipSeparator(): void {
    const tok = this.peek();
    if (tok.t === 'op' && tok.op === ';') this.next();
    this.skipNewlines();
  }

  private doGroup(): List {
    const tok = this.peek();
    if (tok.t === 'eof') throw this.incomplete('do');
    if (tok.t === 'word' && this.isReserved(tok, new Set(['{']))) {
      this.next();
      const body = this.list(false);
      this.expectWord('}');
      return body;
    }
    this.expectWord('do');
    const body = this.list(false);
    this.expectWord('done');
    return body;
  }

  private loopCommand(kind: 'while' | 'until'): Command {
    this.next();
    const cond = this.list(false);
    const body = this.doGroup();
    return { type: kind, cond, body, redirs: this.redirs() };
  }

  private caseCommand(): Command {
    this.next();
    const wordTok = this.next();
    if (wordTok.t === 'eof') throw this.incomplete('case');
    if (wordTok.t !== 'word') throw this.unexpected(wordTok);
    this.skipNewlines();
    this.expectWord('in');
    const items: CaseCommand['items'] = [];
    this.skipNewlines();
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'eof') throw this.incomplete('case');
      if (tok.t === 'word' && this.isReserved(tok, new Set(['esac']))) {
        this.next();
        break;
      }
      if (tok.t === 'op' && tok.op === '(') this.next();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.next();
        if (p.t === 'eof') throw this.incomplete('case');
        if (p.t !== 'word') throw this.unexpected(p);
        patterns.push(p.word);
        const sep = this.peek();
        if (sep.t === 'op' && sep.op === '|') {
          this.next();
          continue;
        }
        break;
      }
      this.expectOp(')');
      const body = this.caseBody();
      items.push({ patterns, body });
      const end = this.peek();
      if (end.t === 'op' && end.op === ';;') {
        this.next();
        this.skipNewlines();
        continue;
      }
      this.skipNewlines();
      this.expectWord('esac');
      break;
    }
    return { type: 'case', word: wordTok.word, items, redirs: this.redirs() };
  }

  /** The commands of a case item; empty when `;;` or `esac` follows at once. */
  private caseBody(): List {
    this.skipNewlines();
    const t = this.peek();
    if ((t.t === 'op' && t.op === ';;') || (t.t === 'word' && this.isReserved(t, new Set(['esac'])))) return { type: 'list', items: [] };
    return this.list(false);
  }

  private condCommand(): Command {
    this.next();
    const words: Word[] = [];
    for (;;) {
      const tok = this.next();
      if (tok.t === 'eof') throw this.incomplete('[[');
      if (tok.t === 'nl') continue;
      if (tok.t === 'word' && plainText(tok.word) === ']]') break;
      if (tok.t === 'word') words.push(tok.word);
      else if (tok.t === 'op') words.push({ parts: [{ k: 'sq', s: tok.op }], text: tok.op });
      else throw this.unexpected(tok);
    }
    return { type: 'cond', words, redirs: this.redirs() };
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [], line: this.line };
    for (;;) {
      let tok = this.peek();
      if (tok.t === 'io' || (tok.t === 'op' && isRedirOp(tok.op))) {
        cmd.redirs.push(this.redirect());
        continue;
      }
      if (tok.t !== 'word') break;
      if (cmd.words.length === 0) {
        const asg = assignmentOf(tok.word);
        if (asg) {
          this.next();
          cmd.assigns.push(asg);
          continue;
        }
        if (cmd.assigns.length > 0 || cmd.redirs.length > 0) {
          if (this.tryAlias(tok)) {
            tok = this.peek();
            if (tok.t !== 'word') continue;
          }
        }
      }
      this.next();
      cmd.words.push(tok.word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) {
      const tok = this.peek();
      if (tok.t === 'eof') throw this.incomplete('command');
      throw this.unexpected(tok);
    }
    this.aliasGuard.clear();
    return cmd;
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'io' || (tok.t === 'op' && isRedirOp(tok.op))) out.push(this.redirect());
      else break;
    }
    return out;
  }

  private redirect(): Redir {
    let fd: number | null = null;
    let tok = this.next();
    if (tok.t === 'io') {
      fd = tok.fd;
      tok = this.next();
    }
    if (tok.t !== 'op' || !isRedirOp(tok.op)) throw this.unexpected(tok);
    const op = tok.op as RedirOp;
    const target = this.next();
    if (target.t === 'eof') {
      if (this.opts.final) throw new ShellSyntaxError('syntax error near unexpected token `newline\'', this.line);
      throw new ShellSyntaxError('syntax error near unexpected token `newline\'', this.line);
    }
    if (target.t !== 'word') throw this.unexpected(target);
    const redir: Redir = { fd, op, target: target.word };
    if (op === '<<' || op === '<<-') {
      this.pendingHeredocs.push(redir);
      redir.heredoc = { body: '', expand: !target.word.parts.some((p) => p.k !== 'lit') };
    }
    return redir;
  }

  // ---- aliases ----------------------------------------------------------------------------

  /** Replaces an alias in command position by its value, as bash does while reading. */
  private tryAlias(tok: Token & { t: 'word' }): boolean {
    const aliases = this.opts.aliases;
    if (!aliases || aliases.size === 0) return false;
    const name = plainText(tok.word);
    if (name === null || this.aliasGuard.has(name)) return false;
    const value = aliases.get(name);
    if (value === undefined) return false;
    this.aliasGuard.add(name);
    this.src = this.src.slice(0, tok.start) + value + this.src.slice(tok.end);
    this.pos = tok.start;
    this.peeked = null;
    return true;
  }

  // ---- tokens -----------------------------------------------------------------------------

  private isReserved(tok: Token, set: Set<string>): boolean {
    if (tok.t !== 'word') return false;
    const w = plainText(tok.word);
    return w !== null && set.has(w);
  }

  private peekOp(op: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.op === op;
  }

  private expectOp(op: string): void {
    const tok = this.next();
    if (tok.t === 'op' && tok.op === op) return;
    if (tok.t === 'eof') throw this.incomplete(op);
    throw this.unexpected(tok);
  }

  private expectWord(w: string): void {
    this.skipNewlines();
    const tok = this.next();
    if (tok.t === 'word' && plainText(tok.word) === w) return;
    if (tok.t === 'eof') throw this.incomplete(w);
    throw this.unexpected(tok);
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.next();
  }

  private incomplete(what: string): Error {
    if (this.opts.final) return new ShellSyntaxError('syntax error: unexpected end of file', this.line);
    return new Incomplete(what);
  }

  private unexpected(tok: Token): Error {
    let text: string;
    if (tok.t === 'nl') text = 'newline';
    else if (tok.t === 'eof') return this.incomplete('token');
    else if (tok.t === 'op') text = tok.op;
    else if (tok.t === 'io') text = String(tok.fd);
    else text = tok.word.text;
    return this.unexpectedText(text);
  }

  private unexpectedText(text: string): Error {
    return new ShellSyntaxError(`syntax error near unexpected token \`${text}'`, this.line);
  }

  private peek(): Token {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Token {
    const tok = this.peek();
    this.peeked = null;
    if (tok.t === 'nl' && this.pendingHeredocs.length) this.readHeredocs();
    return tok;
  }

  private lex(): Token {
    const s = this.src;
    // blanks and comments
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const start = this.pos;
    if (this.pos >= s.length) return { t: 'eof', start, end: start };
    const c = s[this.pos]!;
    if (c === '\n') {
      this.pos++;
      this.line++;
      return { t: 'nl', start, end: this.pos };
    }
    for (const op of OPERATORS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { t: 'op', op, start, end: this.pos };
      }
    }
    // IO number: digits right before < or >
    const m = /^\d+(?=[<>])/.exec(s.slice(this.pos, this.pos + 12));
    if (m) {
      this.pos += m[0].length;
      return { t: 'io', fd: Math.min(Number(m[0]), 1 << 20), start, end: this.pos };
    }
    const word = this.readWord();
    return { t: 'word', word, start, end: this.pos };
  }

  /** Reads one word up to an unquoted metacharacter, keeping its quoting structure. */
  private readWord(): Word {
    const s = this.src;
    const start = this.pos;
    const parts: Part[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ k: 'lit', s: lit });
      lit = '';
    };
    // Tilde prefix.
    if (s[this.pos] === '~') {
      let j = this.pos + 1;
      while (j < s.length && /[A-Za-z0-9_.-]/.test(s[j]!)) j++;
      if (j >= s.length || s[j] === '/' || isMeta(s[j]!)) {
        parts.push({ k: 'tilde', user: s.slice(this.pos + 1, j) });
        this.pos = j;
      }
    }
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (isMeta(c)) break;
      if (c === '\\') {
        if (this.pos + 1 >= s.length) {
          lit += '\\';
          this.pos++;
          break;
        }
        const n = s[this.pos + 1]!;
        this.pos += 2;
        if (n === '\n') {
          this.line++;
          continue;
        }
        flush();
        parts.push({ k: 'sq', s: n });
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw this.quoteIncomplete("'");
        flush();
        const text = s.slice(this.pos + 1, end);
        this.countLines(text);
        parts.push({ k: 'sq', s: text });
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        flush();
        this.pos++;
        parts.push({ k: 'dq', parts: this.readDouble() });
        continue;
      }
      if (c === '$' && s[this.pos + 1] === "'") {
        flush();
        const { text, end } = readAnsiC(s, this.pos + 2);
        if (end < 0) throw this.quoteIncomplete("'");
        parts.push({ k: 'sq', s: text });
        this.pos = end;
        continue;
      }
      if (c === '$' || c === '`') {
        const exp = this.readDollar(false);
        if (exp) {
          flush();
          parts.push(exp);
          continue;
        }
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { parts, text: s.slice(start, this.pos) };
  }

  private countLines(text: string): void {
    for (const ch of text) if (ch === '\n') this.line++;
  }

  private quoteIncomplete(q: string): Error {
    if (this.opts.final) return new ShellSyntaxError(`unexpected EOF while looking for matching \`${q}'`, this.line);
    return new Incomplete(q);
  }

  /** Inside "...": returns parts up to the closing quote. */
  private readDouble(): Part[] {
    const s = this.src;
    const parts: Part[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ k: 'sq', s: lit });
      lit = '';
    };
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '"') {
        this.pos++;
        flush();
        return parts;
      }
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === undefined) break;
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          lit += n;
          this.pos += 2;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === '$' || c === '`') {
        const exp = this.readDollar(true);
        if (exp) {
          flush();
          parts.push(exp);
          continue;
        }
      }
      if (c === '\n') this.line++;
      lit += c;
      this.pos++;
    }
    throw this.quoteIncomplete('"');
  }

  /** $name, ${...}, $(...), $((...)), `...` at this.pos; null when `$` is literal. */
  private readDollar(inDouble: boolean): Part | null {
    const r = scanDollar(this.src, this.pos, inDouble);
    if (r === 'incomplete') throw this.quoteIncomplete(this.src[this.pos] === '`' ? '`' : ')');
    if (r === null) return null;
    if (r === 'bad') {
      const end = findBraceEnd(this.src, this.pos + 2);
      throw new ShellSyntaxError(`${this.src.slice(this.pos, end + 1)}: bad substitution`, this.line);
    }
    this.countLines(this.src.slice(this.pos, r.end));
    this.pos = r.end;
    return r.part;
  }

  // ---- here-documents -----------------------------------------------------------------------

  private readHeredocs(): void {
    const docs = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const redir of docs) {
      const strip = redir.op === '<<-';
      const delim = unquoteWord(redir.target);
      let body = '';
      for (;;) {
        if (this.pos >= this.src.length) {
          if (!this.opts.final) {
            this.pendingHeredocs = docs.slice(docs.indexOf(redir));
            throw new Incomplete('here-document');
          }
          redir.heredoc!.body = body;
          (redir.heredoc as { warn?: string }).warn = `warning: here-document at line ${this.line} delimited by end-of-file (wanted \`${delim}')`;
          break;
        }
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? this.src.length : nl + 1;
        this.line++;
        if (strip) line = line.replace(/^\t+/, '');
        if (line === delim) break;
        body += line + '\n';
      }
      redir.heredoc!.body = body;
    }
  }
}

function isMeta(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>';
}

function isRedirOp(op: string): boolean {
  return ['<', '>', '>>', '>|', '<>', '<<', '<<-', '<<<', '>&', '<&', '&>', '&>>'].includes(op);
}

/** The literal text of a word with quotes removed (here-doc delimiters). */
export function unquoteWord(w: Word): string {
  const out: string[] = [];
  const walk = (parts: Part[]): void => {
    for (const p of parts) {
      if (p.k === 'lit' || p.k === 'sq') out.push(p.s);
      else if (p.k === 'dq') walk(p.parts);
      else if (p.k === 'tilde') out.push('~' + p.user);
      else if (p.k === 'var') out.push('$' + p.name);
      else if (p.k === 'cmd') out.push('$(' + p.src + ')');
      else out.push('$((' + p.src + '))');
    }
  };
  walk(w.parts);
  return out.join('');
}

function assignmentOf(w: Word): Assign | null {
  const first = w.parts[0];
  if (!first || first.k !== 'lit') return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.s);
  if (!m) return null;
  const rest = first.s.slice(m[0].length);
  const parts: Part[] = rest ? [{ k: 'lit', s: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
  // ~ after = in an assignment is expanded too.
  if (parts[0]?.k === 'lit' && parts[0].s.startsWith('~')) {
    const lit = parts[0].s;
    const mm = /^~([A-Za-z0-9_.-]*)(?=\/|$|:)/.exec(lit);
    if (mm) {
      parts.splice(0, 1, { k: 'tilde', user: mm[1]! }, ...(lit.length > mm[0].length ? [{ k: 'lit' as const, s: lit.slice(mm[0].length) }] : []));
    }
  }
  return { name: m[1]!, value: { parts, text: w.text.slice(m[0].length) }, append: m[2] === '+' };
}

/** Index of the `))` closing an arithmetic expression starting at i; -1 if none. */
export function findArithEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return s[j + 1] === ')' ? j : -1;
      depth--;
    }
  }
  return -1;
}

/**
 * If s[j] opens a quoted run (backslash, '...', "..." and, when asked, `...`), the index of its
 * last character; j itself when it does not; -1 when the run is unterminated.
 */
function skipQuoted(s: string, j: number, backquotes: boolean): number {
  const c = s[j];
  if (c === '\\') return j + 1;
  if (c === "'") return s.indexOf("'", j + 1);
  if (c === '"') return findDoubleEnd(s, j + 1);
  if (backquotes && c === '`') return s.indexOf('`', j + 1);
  return j;
}

/** Index of the } closing a ${ that starts before i; accounts for nesting and quotes. */
function findBraceEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const k = skipQuoted(s, j, false);
    if (k < 0) return -1;
    if (k !== j) {
      j = k;
      continue;
    }
    const c = s[j];
    if (c === '$' && s[j + 1] === '{') {
      depth++;
      j++;
    } else if (c === '}') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

function findDoubleEnd(s: string, i: number): number {
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j;
  }
  return -1;
}

/** Index just past the ) that closes a $( starting its body at i. */
export function findParenEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const k = skipQuoted(s, j, true);
    if (k < 0) return -1;
    if (k !== j) {
      j = k;
      continue;
    }
    const c = s[j];
    if (c === '#' && (j === i || /\s/.test(s[j - 1]!))) {
      const e = s.indexOf('\n', j);
      if (e < 0) return -1;
      j = e;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return j + 1;
      depth--;
    }
  }
  return -1;
}

const SPECIAL_PARAMS = '@*#?-$!0123456789';

/** Scans an expansion at s[i] ($ or `). */
export function scanDollar(s: string, i: number, inDouble: boolean): { part: Part; end: number } | null | 'incomplete' | 'bad' {
  const c = s[i];
  if (c === '`') {
    let j = i + 1;
    let body = '';
    while (j < s.length && s[j] !== '`') {
      if (s[j] === '\\' && j + 1 < s.length && '$`\\'.includes(s[j + 1]!)) {
        body += s[j + 1];
        j += 2;
        continue;
      }
      if (s[j] === '\\' && inDouble && s[j + 1] === '"') {
        body += '"';
        j += 2;
        continue;
      }
      body += s[j];
      j++;
    }
    if (j >= s.length) return 'incomplete';
    return { part: { k: 'cmd', src: body }, end: j + 1 };
  }
  const n = s[i + 1];
  if (n === undefined) return null;
  if (n === '(') {
    if (s[i + 2] === '(') {
      const end = findArithEnd(s, i + 3);
      if (end >= 0) return { part: { k: 'arith', src: s.slice(i + 3, end) }, end: end + 2 };
      // $( (...) ) is a command substitution of a subshell
    }
    const end = findParenEnd(s, i + 2);
    if (end < 0) return 'incomplete';
    return { part: { k: 'cmd', src: s.slice(i + 2, end - 1) }, end };
  }
  if (n === '{') {
    const end = findBraceEnd(s, i + 2);
    if (end < 0) return 'incomplete';
    const part = parseBraced(s.slice(i + 2, end));
    if (!part) return 'bad';
    return { part, end: end + 1 };
  }
  if (SPECIAL_PARAMS.includes(n)) return { part: { k: 'var', name: n, op: '', arg: null }, end: i + 2 };
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1, i + 256));
  if (m) return { part: { k: 'var', name: m[0], op: '', arg: null }, end: i + 1 + m[0].length };
  return null;
}

/** The inside of ${...}: name, then an operator and a word. */
function parseBraced(body: string): Part | null {
  let length = false;
  let b = body;
  if (b.startsWith('#') && b.length > 1) {
    length = true;
    b = b.slice(1);
  }
  let name: string;
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!\-0])/.exec(b);
  if (!m) return null;
  name = m[1]!;
  let rest = b.slice(name.length);
  if (/^\[[^\]]*\]/.test(rest)) {
    // name[index]: the lab has no arrays; [0] and [@] mean the scalar.
    const idx = /^\[([^\]]*)\]/.exec(rest)!;
    rest = rest.slice(idx[0].length);
    if (!['0', '@', '*'].includes(idx[1]!)) name = name + '[' + idx[1] + ']';
  }
  if (length) return rest === '' ? { k: 'var', name, op: '', arg: null, length: true } : null;
  if (rest === '') return { k: 'var', name, op: '', arg: null };
  const ops = [':-', ':=', ':+', ':?', '-', '=', '+', '?', '##', '#', '%%', '%', '//', '/', '^^', '^', ',,', ','];
  for (const op of ops) {
    if (rest.startsWith(op)) {
      const argText = rest.slice(op.length);
      if (op === '/' || op === '//') {
        const sep = findUnescaped(argText, '/');
        const pat = sep < 0 ? argText : argText.slice(0, sep);
        const rep = sep < 0 ? null : argText.slice(sep + 1);
        return { k: 'var', name, op, arg: wordParts(pat), arg2: rep === null ? null : wordParts(rep) };
      }
      return { k: 'var', name, op, arg: wordParts(argText) };
    }
  }
  if (rest.startsWith(':')) {
    // ${name:offset:length}
    const spec = rest.slice(1);
    const colon = spec.indexOf(':');
    return { k: 'var', name, op: ':', arg: [{ k: 'sq', s: colon < 0 ? spec : spec.slice(0, colon) }], arg2: colon < 0 ? null : [{ k: 'sq', s: spec.slice(colon + 1) }] };
  }
  return null;
}

function findUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** Parses text as the parts of a word (quotes and expansions), for ${x:-word} and here-docs. */
export function wordParts(text: string, heredoc = false): Part[] {
  const parts: Part[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) parts.push({ k: heredoc ? 'sq' : 'lit', s: lit });
    lit = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      const n = text[i + 1]!;
      if (heredoc && !'$`\\\n'.includes(n)) {
        lit += c;
        i++;
        continue;
      }
      flush();
      if (n !== '\n') parts.push({ k: 'sq', s: n });
      i += 2;
      continue;
    }
    if (!heredoc && c === "'") {
      const e = text.indexOf("'", i + 1);
      if (e >= 0) {
        flush();
        parts.push({ k: 'sq', s: text.slice(i + 1, e) });
        i = e + 1;
        continue;
      }
    }
    if (!heredoc && c === '"') {
      const e = findDoubleEnd(text, i + 1);
      if (e >= 0) {
        flush();
        parts.push({ k: 'dq', parts: wordParts(text.slice(i + 1, e), true) });
        i = e + 1;
        continue;
      }
    }
    if (c === '$' || c === '`') {
      const r = scanDollar(text, i, heredoc);
      if (r && r !== 'incomplete' && r !== 'bad') {
        flush();
        parts.push(r.part);
        i = r.end;
        continue;
      }
    }
    lit += c;
    i++;
  }
  flush();
  return parts;
}

/** $'...' (ANSI-C quoting): returns the decoded text and the index after the closing quote. */
function readAnsiC(s: string, i: number): { text: string; end: number } {
  let out = '';
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (c === "'") return { text: out, end: j + 1 };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++j];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'e': case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(j + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          j += m[0].length;
        } else out += '\\x';
        break;
      }
      case undefined:
        return { text: out, end: -1 };
      default:
        if (/[0-7]/.test(n)) {
          const m = /^[0-7]{1,3}/.exec(s.slice(j))!;
          out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
          j += m[0].length - 1;
        } else out += '\\' + n;
    }
  }
  return { text: out, end: -1 };
}
