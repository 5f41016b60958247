/**
 * A recursive-descent parser for the awk language that accepts what gawk 3.1.7's yacc grammar
 * accepts and reports errors where it does: at the token the parser could not use, with the
 * two-line "source line / caret" message. Operator precedence and the odd corners of the
 * grammar (concatenation versus binary minus, `in` after a comparison, assignments as operands
 * of && and ==, `cmd | getline`, `>` inside print) follow the yacc rules, not a textbook table.
 *
 * Parsing stops at the first syntax error (gawk's error recovery sometimes reports a second
 * one; that is not imitated). Semantic errors such as `next` in BEGIN are collected and parsing
 * continues, as gawk does.
 */
import { loc, type Expr, type FuncDef, type LValue, type Pattern, type Program, type Redirect, type Rule, type Stmt, type VarRef } from './ast';
import { AwkSyntaxError, Lexer, type AwkSource, type LexWarning, type Token } from './lexer';

/** A parse diagnostic. `syntax` ones are shown with the source line and a caret. */
export type Diag =
  | { kind: 'syntax'; message: string; src: number; pos: number; line: number }
  | { kind: 'plain'; prefix: '' | 'error: ' | 'fatal: ' | 'warning: '; message: string; src: number; line: number };

export interface ParseOutcome {
  program: Program | null;
  diags: Diag[];
  warnings: LexWarning[];
  /** Exit status when the program cannot run: 1 for syntax errors, 2 for fatal ones. */
  status: number;
}

/** The variables gawk treats as special (they cannot be function parameters). */
export const SPECIAL_VARS = new Set([
  'ARGC',
  'ARGIND',
  'ARGV',
  'BINMODE',
  'CONVFMT',
  'ENVIRON',
  'ERRNO',
  'FIELDWIDTHS',
  'FILENAME',
  'FNR',
  'FS',
  'IGNORECASE',
  'LINT',
  'NF',
  'NR',
  'OFMT',
  'OFS',
  'ORS',
  'PROCINFO',
  'RLENGTH',
  'RS',
  'RSTART',
  'RT',
  'SUBSEP',
  'TEXTDOMAIN',
]);

/** Special variables that are scalars (using one as an array is a parse error). */
const SCALAR_SPECIALS = new Set([...SPECIAL_VARS].filter((n) => n !== 'ARGV' && n !== 'ENVIRON' && n !== 'PROCINFO'));

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const REL_OPS = new Set(['<', '<=', '>', '>=', '==', '!=']);

class Fatal extends Error {}

type WithoutAsync<T> = T extends unknown ? Omit<T, 'async'> : never;

function node<T extends Expr | Stmt>(n: WithoutAsync<T>): T {
  return { ...n, async: false } as unknown as T;
}

export function parseProgram(sources: AwkSource[]): ParseOutcome {
  const p = new Parser(sources);
  return p.run();
}

class Parser {
  private readonly lex: Lexer;
  private tok!: Token;
  private readonly diags: Diag[] = [];
  private errors = 0;
  private readonly funcs = new Map<string, FuncDef>();
  private readonly globals = new Set<string>();
  private readonly arrays = new Set<string>();
  private readonly calls = new Map<string, Token>();
  /** Names used as variables, with the first token, to detect clashes with function names. */
  private readonly varUses = new Map<string, Token>();
  private params: string[] | null = null;
  private rulePart: 'BEGIN' | 'END' | null = null;
  private ranges = 0;
  private usesGetline = false;
  private readonly parenthesized = new WeakSet<Expr>();

  constructor(readonly sources: AwkSource[]) {
    this.lex = new Lexer(sources);
  }

  run(): ParseOutcome {
    const begin: Rule[] = [];
    const main: Rule[] = [];
    const end: Rule[] = [];
    try {
      this.advance();
      this.optNls();
      while (this.tok.kind !== 'EOF') {
        if (this.isKw('function')) this.parseFunction();
        else {
          const r = this.parseRule();
          if (r) {
            if (r.pattern.k === 'begin') begin.push(r);
            else if (r.pattern.k === 'end') end.push(r);
            else main.push(r);
          }
        }
      }
      this.checkFunctions();
    } catch (e) {
      if (e instanceof AwkSyntaxError) {
        this.diags.push({ kind: 'syntax', message: e.message, src: e.src, pos: e.pos, line: e.line });
        return { program: null, diags: this.diags, warnings: this.lex.warnings, status: 1 };
      }
      if (e instanceof Fatal) return { program: null, diags: this.diags, warnings: this.lex.warnings, status: e.message === 'syntax' ? 1 : 2 };
      throw e;
    }
    if (this.errors > 0) return { program: null, diags: this.diags, warnings: this.lex.warnings, status: 1 };
    const program: Program = {
      begin,
      main,
      end,
      funcs: this.funcs,
      globals: this.globals,
      arrays: this.arrays,
      ranges: this.ranges,
      usesGetline: this.usesGetline,
    };
    markAsync(program);
    return { program, diags: this.diags, warnings: this.lex.warnings, status: 0 };
  }

  // ---- token helpers ------------------------------------------------------------------------

  /** A token's location for run-time messages: source index and line (see ast.ts loc()). */
  private L(t: Token = this.tok): number {
    return loc(t.src, t.line);
  }

  /**
   * The line gawk records for a node reduced now: the lexer's line after the lookahead token,
   * one less when the lookahead is a newline (node_common()).
   */
  private redLine(): number {
    const t = this.tok;
    const text = this.sources[t.src]?.text ?? '';
    const nl = t.kind === 'NEWLINE' && (t.pos >= text.length || text[t.pos] === '\n');
    return loc(t.src, Math.max(0, t.line - (nl ? 1 : 0)));
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lex.next();
    return t;
  }

  private isOp(text: string): boolean {
    return this.tok.kind === 'OP' && this.tok.text === text;
  }

  private isKw(text: string): boolean {
    return this.tok.kind === 'KEYWORD' && this.tok.text === text;
  }

  private syntaxError(message = 'syntax error', at: Token = this.tok): never {
    throw new AwkSyntaxError(message, at.src, at.pos, at.line);
  }

  /** A yyerror that does not stop parsing. */
  private softError(message: string, at: Token): void {
    this.errors++;
    this.diags.push({ kind: 'syntax', message, src: at.src, pos: at.pos, line: at.line });
  }

  private fatal(message: string, at: Token = this.tok): never {
    this.diags.push({ kind: 'plain', prefix: 'fatal: ', message, src: at.src, line: at.line });
    throw new Fatal(message);
  }

  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.syntaxError();
    return this.advance();
  }

  private optNls(): void {
    while (this.tok.kind === 'NEWLINE') this.advance();
  }

  private statementTerm(): void {
    if (this.tok.kind === 'NEWLINE') {
      this.optNls();
      return;
    }
    if (this.isOp(';')) {
      this.advance();
      this.optNls();
      return;
    }
    this.syntaxError();
  }

  // ---- program structure ----------------------------------------------------------------------

  private parseRule(): Rule | null {
    const line = this.L();
    let pattern: Pattern;
    if (this.isKw('BEGIN') || this.isKw('END')) {
      const which = this.tok.text as 'BEGIN' | 'END';
      this.advance();
      pattern = { k: which === 'BEGIN' ? 'begin' : 'end' };
      this.rulePart = which;
      if (!this.isOp('{')) {
        if (this.tok.kind === 'NEWLINE' || this.isOp(';')) {
          this.statementTerm();
          this.diags.push({ kind: 'plain', prefix: '', message: `${which} blocks must have an action part`, src: this.tok.src, line: this.tok.line });
          this.errors++;
          this.rulePart = null;
          return null;
        }
        this.syntaxError();
      }
    } else if (this.isOp('{')) {
      pattern = { k: 'all' };
    } else {
      const from = this.parseExp();
      if (this.isOp(',')) {
        this.advance();
        const to = this.parseExp();
        pattern = { k: 'range', from, to, id: this.ranges++ };
      } else pattern = { k: 'expr', e: from };
      if (!this.isOp('{')) {
        this.statementTerm();
        return { pattern, action: null, line: this.redLine() };
      }
    }
    const action = this.parseAction();
    this.rulePart = null;
    return { pattern, action, line };
  }

  /** `{ statements }` followed by optional `;` and newlines. */
  private parseAction(): Stmt {
    const line = this.L();
    this.expectOp('{');
    this.optNls();
    const body = this.parseStatements();
    this.expectOp('}');
    this.optNls();
    if (this.isOp(';')) this.advance();
    this.optNls();
    return node<Stmt>({ k: 'block', body, line });
  }

  private parseFunction(): void {
    this.advance(); // function
    const nameTok = this.tok;
    let name: string;
    if (nameTok.kind === 'NAME' || nameTok.kind === 'FUNC_NAME') name = nameTok.text;
    else if (nameTok.kind === 'BUILTIN') {
      this.softError(`\`${nameTok.text}' is a built-in function, it cannot be redefined`, nameTok);
      name = '';
    } else this.syntaxError();
    this.advance();
    this.expectOp('(');
    const params: string[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        if (this.tok.kind !== 'NAME') this.syntaxError();
        params.push(this.advance().text);
        if (this.isOp(',')) {
          this.advance();
          this.optNls();
          continue;
        }
        break;
      }
    }
    this.expectOp(')');
    this.optNls();
    for (let i = 0; i < params.length; i++) {
      const j = params.indexOf(params[i]!);
      if (j < i) {
        this.errors++;
        this.diags.push({
          kind: 'plain',
          prefix: 'error: ',
          message: `function \`${name}': parameter #${i + 1}, \`${params[i]}', duplicates parameter #${j + 1}`,
          src: this.tok.src,
          line: this.tok.line,
        });
      }
    }
    const line = this.L(nameTok);
    this.params = params;
    const body = this.parseAction();
    this.params = null;
    for (const prm of params) {
      if (prm === name) this.fatal(`function \`${name}': can't use function name as parameter name`);
      if (SPECIAL_VARS.has(prm)) this.fatal(`function \`${name}': can't use special variable \`${prm}' as a function parameter`);
    }
    if (name === '') return;
    if (this.funcs.has(name) || this.varUses.has(name)) this.fatal(`function name \`${name}' previously defined`);
    this.funcs.set(name, { name, params, body, async: false, line });
  }

  private checkFunctions(): void {
    for (const [name, tok] of this.varUses) {
      if (this.funcs.has(name)) {
        this.fatal(`function \`${name}' called with space between name and \`(',\nor used as a variable or an array`, tok);
      }
    }
  }

  // ---- statements ------------------------------------------------------------------------------

  /**
   * Statements up to `}`. After a syntax error inside a statement, gawk's grammar recovers
   * (`statements error`): tokens are dropped until one that can start a statement or close the
   * block, and further errors are reported only once a statement has parsed cleanly again.
   */
  private parseStatements(): Stmt[] {
    const out: Stmt[] = [];
    while (!this.isOp('}')) {
      if (this.tok.kind === 'EOF') this.syntaxError();
      try {
        const s = this.parseStatement();
        if (s) out.push(s);
        this.recovering = false;
      } catch (e) {
        if (!(e instanceof AwkSyntaxError) || e.fatal) throw e;
        if (!this.recovering) {
          this.errors++;
          this.diags.push({ kind: 'syntax', message: e.message, src: e.src, pos: e.pos, line: e.line });
        }
        if (this.recovering && this.tok === this.lastErrorTok && !this.atEof()) this.advance();
        this.recovering = true;
        this.lastErrorTok = this.tok;
        this.lex.inPrint = false;
        while (!this.atEof() && !this.isOp('}') && !this.startsStatement()) this.advance();
        if (this.atEof()) throw new Fatal('syntax');
      }
    }
    return out;
  }

  private recovering = false;
  private lastErrorTok: Token | null = null;

  private atEof(): boolean {
    return this.tok.kind === 'EOF';
  }

  private startsStatement(): boolean {
    if (this.isOp(';') || this.isOp('{')) return true;
    if (this.tok.kind === 'KEYWORD') return !['in', 'else', 'BEGIN', 'END', 'function'].includes(this.tok.text);
    return this.startsExpr();
  }

  private parseSimpleOrExpr(): Stmt {
    const line = this.L();
    if (this.isKw('print') || this.isKw('printf')) return this.parsePrint();
    if (this.isKw('delete')) return this.parseDelete();
    const e = this.parseExp();
    return node<Stmt>({ k: 'expr', e, line });
  }

  private parseStatement(): Stmt | null {
    const t = this.tok;
    const line = this.L(t);
    if (this.isOp(';')) {
      this.advance();
      this.optNls();
      return null;
    }
    if (this.isOp('{')) {
      this.advance();
      this.optNls();
      const body = this.parseStatements();
      this.expectOp('}');
      this.optNls();
      return node<Stmt>({ k: 'block', body, line });
    }
    if (t.kind === 'KEYWORD') {
      switch (t.text) {
        case 'if': {
          this.advance();
          this.expectOp('(');
          const c = this.parseExp();
          this.expectOp(')');
          this.optNls();
          const then = this.parseStatement() ?? node<Stmt>({ k: 'block', body: [], line });
          let els: Stmt | null = null;
          if (this.isKw('else')) {
            this.advance();
            this.optNls();
            els = this.parseStatement() ?? node<Stmt>({ k: 'block', body: [], line });
          }
          return node<Stmt>({ k: 'if', c, then, else: els, line: this.redLine() });
        }
        case 'while': {
          this.advance();
          this.expectOp('(');
          const c = this.parseExp();
          this.expectOp(')');
          this.optNls();
          const body = this.parseStatement() ?? node<Stmt>({ k: 'block', body: [], line });
          return node<Stmt>({ k: 'while', c, body, line: this.redLine() });
        }
        case 'do': {
          this.advance();
          this.optNls();
          const body = this.parseStatement() ?? node<Stmt>({ k: 'block', body: [], line });
          if (!this.isKw('while')) this.syntaxError();
          this.advance();
          this.expectOp('(');
          const c = this.parseExp();
          this.expectOp(')');
          this.optNls();
          return node<Stmt>({ k: 'do', body, c, line: this.redLine() });
        }
        case 'for':
          return this.parseFor();
        case 'break':
        case 'continue':
          this.advance();
          this.statementTerm();
          return node<Stmt>({ k: t.text as 'break' | 'continue', line: this.redLine() });
        case 'next': {
          this.advance();
          this.statementTerm();
          if (this.rulePart) this.softError(`\`next' used in ${this.rulePart} action`, this.tok);
          return node<Stmt>({ k: 'next', line: this.redLine() });
        }
        case 'nextfile': {
          this.advance();
          this.statementTerm();
          if (this.rulePart) {
            this.errors++;
            this.diags.push({ kind: 'plain', prefix: 'error: ', message: `\`nextfile' used in ${this.rulePart} action`, src: this.tok.src, line: this.tok.line });
          }
          return node<Stmt>({ k: 'nextfile', line: this.redLine() });
        }
        case 'exit': {
          this.advance();
          const e = this.startsExpr() ? this.parseExp() : null;
          this.statementTerm();
          return node<Stmt>({ k: 'exit', e, line: this.redLine() });
        }
        case 'return': {
          if (this.params === null) this.softError("`return' used outside function context", t);
          this.advance();
          const e = this.startsExpr() ? this.parseExp() : null;
          this.statementTerm();
          return node<Stmt>({ k: 'return', e, line: this.redLine() });
        }
        default:
          break;
      }
    }
    const s = this.parseSimpleOrExpr();
    s.line = this.redLine();
    this.statementTerm();
    return s;
  }

  private parseFor(): Stmt {
    const line = this.L();
    this.advance();
    this.expectOp('(');
    let init: Stmt | null = null;
    if (!this.isOp(';')) {
      init = this.parseSimpleOrExpr();
      if (init.k === 'expr' && init.e.k === 'in' && init.e.subs.length === 1 && !this.parenthesized.has(init.e) && this.isOp(')')) {
        const v = init.e.subs[0]!;
        if (v.k === 'var' && !this.parenthesized.has(v)) {
          this.advance();
          this.optNls();
          const body = this.parseStatement() ?? node<Stmt>({ k: 'block', body: [], line });
          return node<Stmt>({ k: 'forin', v: v.ref, arr: init.e.ref, body, line: this.redLine() });
        }
      }
    }
    this.expectOp(';');
    this.optNls();
    let c: Expr | null = null;
    if (!this.isOp(';')) c = this.parseExp();
    this.expectOp(';');
    this.optNls();
    let step: Stmt | null = null;
    if (!this.isOp(')')) step = this.parseSimpleOrExpr();
    this.expectOp(')');
    this.optNls();
    const body = this.parseStatement() ?? node<Stmt>({ k: 'block', body: [], line });
    return node<Stmt>({ k: 'for', init, c, step, body, line: this.redLine() });
  }

  private parseDelete(): Stmt {
    const line = this.L();
    this.advance();
    let parens = false;
    if (this.isOp('(')) {
      parens = true;
      this.advance();
    }
    if (this.tok.kind !== 'NAME') this.syntaxError();
    const nameTok = this.advance();
    const ref = this.varRef(nameTok, true);
    if (parens) {
      this.expectOp(')');
      return node<Stmt>({ k: 'delete', ref, subs: null, line });
    }
    if (this.isOp('[')) {
      this.advance();
      const subs = this.parseExprList(']');
      this.expectOp(']');
      return node<Stmt>({ k: 'delete', ref, subs, line });
    }
    return node<Stmt>({ k: 'delete', ref, subs: null, line });
  }

  private parsePrint(): Stmt {
    const line = this.L();
    const kind = this.tok.text as 'print' | 'printf';
    this.lex.inPrint = true;
    this.lex.inParens = 0;
    this.advance();
    let args: Expr[] = [];
    if (this.startsExpr()) {
      args = this.parseExprList(null);
      if (args.length === 1 && args[0]!.k === 'group') args = args[0]!.list;
    }
    for (const a of args) if (a.k === 'group') this.syntaxError();
    let redir: Redirect | null = null;
    if (this.tok.kind === 'OP' && (this.tok.text === '>out' || this.tok.text === '>>' || this.tok.text === '|out' || this.tok.text === '|&out')) {
      const op = this.tok.text;
      this.lex.inPrint = false;
      this.advance();
      const e = this.parseConcat();
      const kindR = op === '>out' ? '>' : op === '>>' ? '>>' : op === '|out' ? '|' : '|&';
      redir = { kind: kindR, e };
    }
    this.lex.inPrint = false;
    return node<Stmt>({ k: kind, args, redir, line });
  }

  // ---- expressions -------------------------------------------------------------------------------

  private startsExpr(): boolean {
    const t = this.tok;
    switch (t.kind) {
      case 'NUMBER':
      case 'STRING':
      case 'NAME':
      case 'FUNC_NAME':
      case 'BUILTIN':
        return true;
      case 'KEYWORD':
        return t.text === 'getline';
      case 'OP':
        return ['$', '!', '(', '-', '+', '++', '--', '/', '/='].includes(t.text);
      default:
        return false;
    }
  }

  /** Comma-separated expressions (newlines allowed after commas). */
  private parseExprList(close: string | null): Expr[] {
    const list: Expr[] = [];
    if (close !== null && this.isOp(close)) return list;
    for (;;) {
      list.push(this.parseExp());
      if (this.isOp(',')) {
        this.advance();
        this.optNls();
        continue;
      }
      return list;
    }
  }

  /** `exp`: the full expression grammar including assignment and ?:. */
  parseExp(): Expr {
    return this.parseTernary();
  }

  private parseTernary(): Expr {
    const c = this.parseBinary(0);
    if (this.isOp('?')) {
      this.advance();
      const a = this.parseExp();
      this.expectOp(':');
      const b = this.parseExp();
      return node<Expr>({ k: 'cond', c, a, b });
    }
    return c;
  }

  /**
   * Binary operators at the `exp` level, by precedence climbing:
   * 0 `||`, 1 `&&`, 2 `in` (postfix `in NAME`), 3 `~ !~`, 4 comparisons.
   * Levels 2-4 are non-associative.
   */
  private parseBinary(min: number): Expr {
    let left = this.parseOperand();
    let lastNonassoc = -1;
    for (;;) {
      const t = this.tok;
      let level = -1;
      if (t.kind === 'OP') {
        if (t.text === '||') level = 0;
        else if (t.text === '&&') level = 1;
        else if (t.text === '~' || t.text === '!~') level = 3;
        else if (REL_OPS.has(t.text)) level = 4;
      } else if (t.kind === 'KEYWORD' && t.text === 'in') level = 2;
      if (level < min || level < 0) return left;
      if (level >= 2 && level === lastNonassoc) this.syntaxError();
      this.advance();
      if (level === 2) {
        if (this.tok.kind !== 'NAME') this.syntaxError();
        const ref = this.varRef(this.advance(), true);
        const subs = left.k === 'group' && !this.parenthesized.has(left) ? left.list : [left];
        left = node<Expr>({ k: 'in', subs, ref });
        lastNonassoc = 2;
        continue;
      }
      const right = this.parseBinary(level + 1);
      if (level === 0) left = node<Expr>({ k: 'or', a: left, b: right });
      else if (level === 1) left = node<Expr>({ k: 'and', a: left, b: right });
      else if (level === 3) {
        left = node<Expr>({ k: 'match', neg: t.text === '!~', a: left, re: right });
      } else left = node<Expr>({ k: 'cmp', op: t.text, a: left, b: right });
      lastNonassoc = level >= 2 ? level : -1;
    }
  }

  private isLvalue(e: Expr): e is LValue {
    return (e.k === 'var' || e.k === 'field' || e.k === 'index') && !this.parenthesized.has(e);
  }

  /** An operand of the exp-level operators: a concatenation, or an assignment to a variable. */
  private parseOperand(): Expr {
    const e = this.parseConcat();
    if (this.tok.kind === 'OP' && ASSIGN_OPS.has(this.tok.text) && this.isLvalue(e)) {
      let op = this.advance().text;
      if (op === '/=') {
        // the lexer left the `=` of `/=` for the regexp case; take it now
        if (!this.isOp('=')) this.syntaxError();
        this.advance();
      }
      if (op === '=') op = '=';
      const rhs = this.parseExp();
      this.noteScalar(e);
      return node<Expr>({ k: 'assign', op, target: e, e: rhs });
    }
    return e;
  }

  private startsConcatOperand(): boolean {
    const t = this.tok;
    switch (t.kind) {
      case 'NUMBER':
      case 'STRING':
      case 'NAME':
      case 'FUNC_NAME':
      case 'BUILTIN':
        return true;
      case 'OP':
        return ['$', '!', '(', '++', '--'].includes(t.text);
      default:
        return false;
    }
  }

  /** common_exp: concatenation of simple expressions, with `cmd | getline`. */
  private parseConcat(): Expr {
    let left = this.parseAdditive();
    for (;;) {
      if (this.isOp('|') || this.isOp('|&')) {
        this.advance();
        if (!this.isKw('getline')) this.syntaxError();
        this.advance();
        const target = this.optVariable();
        left = node<Expr>({ k: 'getline', from: 'cmd', target, src: left });
        left = this.parseAdditive(left);
        continue;
      }
      if (this.startsConcatOperand()) {
        const right = this.parseAdditive();
        left = node<Expr>({ k: 'concat', a: left, b: right });
        continue;
      }
      return left;
    }
  }

  private parseAdditive(first?: Expr): Expr {
    let left = this.parseMul(first);
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.advance().text;
      const right = this.parseMul();
      left = node<Expr>({ k: 'bin', op, a: left, b: right });
    }
    return left;
  }

  private parseMul(first?: Expr): Expr {
    let left = first ? this.parsePower(first) : this.parseUnary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.advance().text;
      const right = this.parseUnary();
      left = node<Expr>({ k: 'bin', op, a: left, b: right });
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = this.advance().text;
      const e = this.parseUnary();
      if (op === '-' && e.k === 'num' && !this.parenthesized.has(e)) return node<Expr>({ k: 'num', v: -e.v });
      return node<Expr>({ k: 'unary', op, e });
    }
    return this.parsePower();
  }

  private parsePower(first?: Expr): Expr {
    const base = first ?? this.parsePostfix();
    if (this.isOp('^')) {
      this.advance();
      const exp = this.parsePowerOperand();
      return node<Expr>({ k: 'bin', op: '^', a: base, b: exp });
    }
    return base;
  }

  private parsePowerOperand(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = this.advance().text;
      const e = this.parsePowerOperand();
      return node<Expr>({ k: 'unary', op, e });
    }
    return this.parsePower();
  }

  private parsePostfix(): Expr {
    const e = this.parsePrimary();
    if ((this.isOp('++') || this.isOp('--')) && this.isLvalue(e)) {
      const op = this.advance().text as '++' | '--';
      this.noteScalar(e);
      return node<Expr>({ k: 'incdec', prefix: false, op, target: e });
    }
    return e;
  }

  /** Remembers that a plain variable is used as a scalar. */
  private noteScalar(_e: LValue): void {
    // scalar/array conflicts are diagnosed at run time, as gawk does
  }

  private varRef(t: Token, asArray: boolean, check = true): VarRef {
    const name = t.text;
    if (this.params) {
      const i = this.params.indexOf(name);
      if (i >= 0) return { scope: 'local', index: i, name };
    }
    if (this.funcs.has(name)) this.fatal(`function \`${name}' called with space between name and \`(',\nor used as a variable or an array`, t);
    if (!this.varUses.has(name)) this.varUses.set(name, t);
    if (asArray) {
      if (check && SCALAR_SPECIALS.has(name)) this.softError('use of non-array as array', this.tok);
      this.arrays.add(name);
    }
    this.globals.add(name);
    return { scope: 'global', name };
  }

  private optVariable(): LValue | null {
    if (this.tok.kind === 'NAME') return this.parseVariable();
    if (this.isOp('$')) return this.parseFieldSpec();
    return null;
  }

  private parseVariable(): LValue {
    const t = this.advance();
    if (this.isOp('[')) {
      const ref = this.varRef(t, true, false);
      this.advance();
      if (this.isOp(']')) this.syntaxError();
      const subs = this.parseExprList(']');
      const close = this.expectOp(']');
      if (ref.scope === 'global' && SCALAR_SPECIALS.has(ref.name)) this.softError('use of non-array as array', close);
      return node<Expr>({ k: 'index', ref, subs }) as LValue;
    }
    return node<Expr>({ k: 'var', ref: this.varRef(t, false) }) as LValue;
  }

  /** `$` followed by a non-postfix simple expression. */
  private parseFieldSpec(): LValue {
    this.advance(); // $
    let e: Expr;
    if (this.isOp('-') || this.isOp('+') || this.isOp('!')) {
      const op = this.advance().text;
      const operand = this.parseUnary();
      e = op === '-' && operand.k === 'num' && !this.parenthesized.has(operand) ? node<Expr>({ k: 'num', v: -operand.v }) : node<Expr>({ k: 'unary', op, e: operand });
    } else e = this.parsePrimary();
    return node<Expr>({ k: 'field', e }) as LValue;
  }

  private parseGetlineSimple(): Expr {
    this.advance(); // getline
    const target = this.optVariable();
    if (this.isOp('<')) {
      this.advance();
      const src = this.parseAdditive();
      return node<Expr>({ k: 'getline', from: 'file', target, src });
    }
    this.usesGetline = true;
    return node<Expr>({ k: 'getline', from: 'main', target, src: null });
  }

  private parsePrimary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'NUMBER':
        this.advance();
        return node<Expr>({ k: 'num', v: t.num });
      case 'STRING':
        this.advance();
        return node<Expr>({ k: 'str', v: t.str });
      case 'NAME':
        return this.parseVariable();
      case 'FUNC_NAME': {
        this.advance();
        this.expectOp('(');
        const args = this.parseExprList(')');
        this.expectOp(')');
        if (!this.calls.has(t.text)) this.calls.set(t.text, t);
        for (const a of args) if (a.k === 'group') this.syntaxError();
        return node<Expr>({ k: 'call', name: t.text, args, line: this.L(t) });
      }
      case 'BUILTIN': {
        this.advance();
        if (!this.isOp('(')) {
          if (t.text === 'length') return node<Expr>({ k: 'builtin', name: 'length', args: [], line: this.L(t) });
          this.syntaxError();
        }
        this.advance();
        const args = this.parseExprList(')');
        this.expectOp(')');
        for (const a of args) if (a.k === 'group') this.syntaxError();
        this.checkBuiltinArgs(t, args);
        return node<Expr>({ k: 'builtin', name: t.text, args, line: this.L(t) });
      }
      case 'KEYWORD':
        if (t.text === 'getline') return this.parseGetlineSimple();
        this.syntaxError();
      // eslint-disable-next-line no-fallthrough
      case 'OP':
        break;
      default:
        this.syntaxError();
    }
    switch (t.text) {
      case '$':
        return this.parseFieldSpec();
      case '(': {
        this.advance();
        const list = this.parseExprList(')');
        if (list.length === 0) this.syntaxError();
        this.expectOp(')');
        if (list.length > 1) return node<Expr>({ k: 'group', list });
        const e = list[0]!;
        this.parenthesized.add(e);
        return e;
      }
      case '++':
      case '--': {
        this.advance();
        let target: LValue;
        if (this.tok.kind === 'NAME') target = this.parseVariable();
        else if (this.isOp('$')) target = this.parseFieldSpec();
        else this.syntaxError();
        return node<Expr>({ k: 'incdec', prefix: true, op: t.text as '++' | '--', target });
      }
      case '/':
      case '/=': {
        this.tok = this.lex.regexAfter(t);
        const re = this.advance();
        return node<Expr>({ k: 'regex', src: re.str });
      }
      case '-':
      case '+':
      case '!': {
        this.advance();
        const e = this.parseUnary();
        return node<Expr>({ k: 'unary', op: t.text, e });
      }
      default:
        this.syntaxError();
    }
  }

  /** Argument counts gawk checks while parsing (snode()). */
  private checkBuiltinArgs(t: Token, args: Expr[]): void {
    const allowed: Record<string, number[]> = {
      and: [2],
      asort: [1, 2],
      asorti: [1, 2],
      atan2: [2],
      bindtextdomain: [1, 2],
      close: [1, 2],
      compl: [1],
      cos: [1],
      dcgettext: [1, 2, 3],
      dcngettext: [1, 2, 3, 4, 5],
      exp: [1],
      extension: [2],
      fflush: [0, 1],
      gensub: [3, 4],
      gsub: [2, 3],
      index: [2],
      int: [1],
      length: [0, 1],
      log: [1],
      lshift: [2],
      match: [2, 3],
      mktime: [1],
      or: [2],
      rand: [0],
      rshift: [2],
      sin: [1],
      split: [2, 3],
      sqrt: [1],
      srand: [0, 1],
      strftime: [0, 1, 2, 3],
      strtonum: [1],
      sub: [2, 3],
      substr: [2, 3],
      system: [1],
      systime: [0],
      tolower: [1],
      toupper: [1],
      xor: [2],
    };
    const ok = allowed[t.text];
    if (ok && !ok.includes(args.length)) this.fatal(`${args.length} is invalid as number of arguments for ${t.text}`, this.tok);
    if ((t.text === 'sub' || t.text === 'gsub') && args.length === 3) {
      const a = args[2]!;
      if (!(a.k === 'var' || a.k === 'field' || a.k === 'index' || a.k === 'str' || a.k === 'num')) {
        this.softError(`${t.text} third parameter is not a changeable object`, this.tok);
      }
    }
    if (t.text === 'split' || t.text === 'asort' || t.text === 'asorti') {
      const a = args[1] ?? args[0];
      if (t.text === 'split' && args[1] && args[1].k === 'var' && args[1].ref.scope === 'global') this.arrays.add(args[1].ref.name);
      void a;
    }
    if (t.text === 'match' && args.length === 3) {
      const a = args[2]!;
      if (a.k === 'var' && a.ref.scope === 'global') this.arrays.add(a.ref.name);
    }
  }
}

// ---- async marking ------------------------------------------------------------------------------

/**
 * Marks nodes that may wait: getline of any kind, output to pipes (through close()/exit),
 * system(), close(), fflush(), and calls to user functions that contain any of these.
 */
function markAsync(p: Program): void {
  let changed = true;
  const visitE = (e: Expr): boolean => {
    let a = false;
    switch (e.k) {
      case 'num':
      case 'str':
      case 'regex':
      case 'var':
        break;
      case 'field':
        a = visitE(e.e);
        break;
      case 'index':
        for (const s of e.subs) a = visitE(s) || a;
        break;
      case 'assign':
        a = visitE(e.target);
        a = visitE(e.e) || a;
        break;
      case 'cond':
        a = visitE(e.c);
        a = visitE(e.a) || a;
        a = visitE(e.b) || a;
        break;
      case 'and':
      case 'or':
      case 'concat':
      case 'bin':
      case 'cmp':
        a = visitE(e.a);
        a = visitE(e.b) || a;
        break;
      case 'match':
        a = visitE(e.a);
        a = visitE(e.re) || a;
        break;
      case 'in':
        for (const s of e.subs) a = visitE(s) || a;
        break;
      case 'unary':
        a = visitE(e.e);
        break;
      case 'incdec':
        a = visitE(e.target);
        break;
      case 'call':
        for (const s of e.args) a = visitE(s) || a;
        a = (p.funcs.get(e.name)?.async ?? false) || a;
        break;
      case 'builtin':
        for (const s of e.args) a = visitE(s) || a;
        if (e.name === 'system' || e.name === 'close' || e.name === 'fflush') a = true;
        break;
      case 'getline':
        if (e.target) visitE(e.target);
        if (e.src) visitE(e.src);
        a = true;
        break;
      case 'group':
        for (const s of e.list) a = visitE(s) || a;
        break;
    }
    if (a && !e.async) {
      e.async = true;
      changed = true;
    }
    return e.async;
  };
  const visitS = (s: Stmt): boolean => {
    let a = false;
    switch (s.k) {
      case 'expr':
      case 'getline':
        a = visitE(s.e);
        break;
      case 'print':
      case 'printf':
        for (const x of s.args) a = visitE(x) || a;
        if (s.redir) {
          a = visitE(s.redir.e) || a;
          if (s.redir.kind === '|' || s.redir.kind === '|&') a = true;
        }
        break;
      case 'if':
        a = visitE(s.c);
        a = visitS(s.then) || a;
        if (s.else) a = visitS(s.else) || a;
        break;
      case 'while':
      case 'do':
        a = visitE(s.c);
        a = visitS(s.body) || a;
        break;
      case 'for':
        if (s.init) a = visitS(s.init) || a;
        if (s.c) a = visitE(s.c) || a;
        if (s.step) a = visitS(s.step) || a;
        a = visitS(s.body) || a;
        break;
      case 'forin':
        a = visitS(s.body);
        break;
      case 'block':
        for (const x of s.body) a = visitS(x) || a;
        break;
      case 'exit':
      case 'return':
        if (s.e) a = visitE(s.e);
        if (s.k === 'exit') a = true; // exit runs END rules and closes pipes
        break;
      case 'delete':
        if (s.subs) for (const x of s.subs) a = visitE(x) || a;
        break;
      default:
        break;
    }
    if (a && !s.async) {
      s.async = true;
      changed = true;
    }
    return s.async;
  };
  while (changed) {
    changed = false;
    for (const f of p.funcs.values()) {
      if (visitS(f.body) && !f.async) {
        f.async = true;
        changed = true;
      }
    }
    for (const r of [...p.begin, ...p.main, ...p.end]) {
      if (r.pattern.k === 'expr') visitE(r.pattern.e);
      if (r.pattern.k === 'range') {
        visitE(r.pattern.from);
        visitE(r.pattern.to);
      }
      if (r.action) visitS(r.action);
    }
  }
}

// ---- formatting diagnostics -----------------------------------------------------------------------

function utf8Width(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The `file:N: ` or `cmd. line:N: ` part of a message (empty when the line is 0). */
export function locationPrefix(sources: AwkSource[], src: number, line: number): string {
  if (line === 0) return '';
  const s = sources[src];
  return (s && s.name !== null ? `${s.name}:` : 'cmd. line:') + `${line}: `;
}

/** The lines gawk prints for a diagnostic, each without the trailing newline. */
export function formatDiag(d: Diag, sources: AwkSource[], myname: string): string[] {
  if (d.kind === 'plain') return `${myname}: ${locationPrefix(sources, d.src, d.line)}${d.prefix}${d.message}`.split('\n');
  const text = sources[d.src]?.text ?? '';
  let pos = Math.min(d.pos, text.length);
  let message = d.message;
  let lineStart: number;
  if (pos >= text.length || text[pos] === '\n') {
    message = 'unexpected newline or end of string';
    lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  } else lineStart = text.lastIndexOf('\n', pos) + 1;
  if (pos < lineStart) pos = lineStart;
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd);
  let caret = '';
  for (const ch of text.slice(lineStart, pos)) caret += ch === '\t' ? '\t' : ' '.repeat(utf8Width(ch));
  const loc = locationPrefix(sources, d.src, d.line);
  return [`${myname}: ${loc}${lineText}`, `${myname}: ${loc}${caret}^ ${message}`];
}
