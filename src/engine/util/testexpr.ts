/**
 * The expression evaluator behind `test` and `[`: coreutils 8.4's /usr/bin/test and bash 4.1's
 * builtin. Both follow the POSIX rules for one to four arguments (with the historical special
 * cases for `!` and parentheses) and fall back to a recursive-descent parser beyond that, but
 * the two implementations differ in details and in wording, so the dialect picks which one to
 * mirror:
 *
 *   coreutils: `test: invalid integer `x''`, `missing argument after `-f'`, `extra argument `x'`
 *   bash:      `x: integer expression expected`, `argument expected`, `too many arguments`
 *
 * The evaluator never throws and never prints: it returns the exit status (0 true, 1 false,
 * 2 error) and the diagnostic text without any prefix, so /usr/bin/test can print
 * `test: ...` or `[: ...` and the builtin `-bash: test: ...`.
 */
import type { FsView } from '../fs/fsview';
import { R_OK, W_OK, X_OK, type StatInfo } from '../fs/vfs';

export type TestDialect = 'coreutils' | 'bash';

export interface TestResult {
  status: 0 | 1 | 2;
  /** The diagnostic, when status is 2. */
  error?: string;
}

export interface TestEnv {
  /** The caller's view of the filesystem (credentials and working directory). */
  fs: FsView;
  /** For -t: whether a file descriptor is a terminal. Default: none is. */
  isatty?: (fd: number) => boolean;
  /** bash's `-o optname`: whether a shell option is on. Default: none is. */
  optionSet?: (name: string) => boolean;
}

class SyntaxErr extends Error {}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isWhite = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** coreutils' quote(): `x' */
const q = (s: string): string => '`' + s + "'";

/**
 * Evaluates a test expression. `args` are the operands (without argv[0]); with `bracket` the
 * last one must be `]` (the `[` form).
 */
export function evalTest(args: readonly string[], env: TestEnv, dialect: TestDialect, bracket = false): TestResult {
  try {
    const argv = [...args];
    if (bracket) {
      if (argv.length === 0 || argv[argv.length - 1] !== ']') throw new SyntaxErr("missing `]'");
      argv.pop();
    }
    const value = dialect === 'bash' ? new BashTest(argv, env).run() : new CoreTest(argv, env).run();
    return { status: value ? 0 : 1 };
  } catch (e) {
    if (e instanceof SyntaxErr) return { status: 2, error: e.message };
    // anything unexpected still must not escape a program
    return { status: 2, error: e instanceof Error ? e.message : String(e) };
  }
}

// ---- file predicates shared by both dialects ---------------------------------------------------

function statOf(env: TestEnv, path: string, follow = true): StatInfo | null {
  if (path === '') return null;
  try {
    return follow ? env.fs.stat(path) : env.fs.lstat(path);
  } catch {
    return null;
  }
}

function access(env: TestEnv, path: string, want: number): boolean {
  if (path === '') return false;
  try {
    return env.fs.access(path, want);
  } catch {
    return false;
  }
}

/** The unary file and string tests; `op` is the letter after the dash. */
function unaryTest(env: TestEnv, op: string, arg: string, dialect: TestDialect): boolean {
  switch (op) {
    case 'a':
    case 'e':
      return statOf(env, arg) !== null;
    case 'r':
      return access(env, arg, R_OK);
    case 'w':
      return access(env, arg, W_OK);
    case 'x':
      return access(env, arg, X_OK);
    case 'O': {
      const st = statOf(env, arg);
      return st !== null && st.uid === env.fs.cred.uid;
    }
    case 'G': {
      const st = statOf(env, arg);
      return st !== null && st.gid === env.fs.cred.gid;
    }
    case 'N': {
      const st = statOf(env, arg);
      return st !== null && Math.floor(st.atime / 1000) <= Math.floor(st.mtime / 1000);
    }
    case 'f':
      return statOf(env, arg)?.type === 'file';
    case 'd':
      return statOf(env, arg)?.type === 'dir';
    case 's': {
      const st = statOf(env, arg);
      return st !== null && st.size > 0;
    }
    case 'S':
    case 'c':
    case 'b':
    case 'p':
      // the lab's filesystem has no sockets, devices or FIFOs
      statOf(env, arg);
      return false;
    case 'h':
    case 'L':
      if (dialect === 'bash' && arg === '') return false;
      return statOf(env, arg, false)?.type === 'symlink';
    case 'u':
      return ((statOf(env, arg)?.mode ?? 0) & 0o4000) !== 0;
    case 'g':
      return ((statOf(env, arg)?.mode ?? 0) & 0o2000) !== 0;
    case 'k':
      return ((statOf(env, arg)?.mode ?? 0) & 0o1000) !== 0;
    case 'n':
      return arg !== '';
    case 'z':
      return arg === '';
    default:
      return false;
  }
}

function sameFile(env: TestEnv, a: string, b: string): boolean {
  const sa = statOf(env, a);
  const sb = statOf(env, b);
  return sa !== null && sb !== null && sa.ino === sb.ino;
}

// ---- coreutils 8.4 -------------------------------------------------------------------------------

const CORE_UNOPS = new Set('abcdefghknoprstuwxzGLOSN'.split(''));
const CORE_BINOPS = new Set(['=', '!=', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

class CoreTest {
  private pos = 0;
  private readonly argc: number;

  constructor(
    private readonly argv: string[],
    private readonly env: TestEnv,
  ) {
    this.argc = argv.length;
  }

  run(): boolean {
    if (this.argc === 0) return false;
    const value = this.posixtest(this.argc);
    if (this.pos !== this.argc) throw new SyntaxErr(`extra argument ${q(this.argv[this.pos]!)}`);
    return value;
  }

  private arg(i: number): string {
    return this.argv[i] ?? '';
  }

  private beyond(): never {
    throw new SyntaxErr(`missing argument after ${q(this.arg(this.argc - 1))}`);
  }

  private advance(f: boolean): void {
    this.pos++;
    if (f && this.pos >= this.argc) this.beyond();
  }

  private unaryAdvance(): void {
    this.advance(true);
    this.pos++;
  }

  private isUnop(s: string): boolean {
    return s.length === 2 && s[0] === '-' && CORE_UNOPS.has(s[1]!);
  }

  private findInt(s: string): bigint {
    let i = 0;
    while (isBlank(s[i])) i++;
    const numStart = i;
    if (s[i] === '+') i++;
    else if (s[i] === '-') i++;
    const digStart = i;
    while (s[i] !== undefined && s[i]! >= '0' && s[i]! <= '9') i++;
    const digEnd = i;
    while (isBlank(s[i])) i++;
    if (digEnd > digStart && i === s.length) return BigInt(s.slice(numStart, digEnd));
    throw new SyntaxErr(`invalid integer ${q(s)}`);
  }

  private term(): boolean {
    let negated = false;
    while (this.pos < this.argc && this.argv[this.pos] === '!') {
      this.advance(true);
      negated = !negated;
    }
    if (this.pos >= this.argc) this.beyond();
    let value: boolean;
    const a = this.argv[this.pos]!;
    if (a === '(') {
      this.advance(true);
      let nargs = 1;
      for (; this.pos + nargs < this.argc && this.argv[this.pos + nargs] !== ')'; nargs++) {
        if (nargs === 4) {
          nargs = this.argc - this.pos;
          break;
        }
      }
      value = this.posixtest(nargs);
      const close = this.argv[this.pos];
      if (close === undefined) throw new SyntaxErr("')' expected");
      if (close !== ')') throw new SyntaxErr(`')' expected, found ${close}`);
      this.advance(false);
    } else if (this.argc - this.pos >= 4 && a === '-l' && CORE_BINOPS.has(this.arg(this.pos + 2))) {
      value = this.binaryOperator(true);
    } else if (this.argc - this.pos >= 3 && CORE_BINOPS.has(this.arg(this.pos + 1))) {
      value = this.binaryOperator(false);
    } else if (a.length === 2 && a[0] === '-') {
      if (this.isUnop(a)) value = this.unaryOperator();
      else throw new SyntaxErr(`${a}: unary operator expected`);
    } else {
      value = a !== '';
      this.advance(false);
    }
    return negated !== value;
  }

  private binaryOperator(lIsL: boolean): boolean {
    if (lIsL) this.advance(false);
    const op = this.pos + 1;
    let rIsL = false;
    if (op < this.argc - 2 && this.argv[op + 1] === '-l') {
      rIsL = true;
      this.advance(false);
    }
    const w = this.argv[op]!;
    const left = this.arg(op - 1);
    const right = this.arg(op + 1);
    if (/^-(eq|ne|lt|le|gt|ge)$/.test(w)) {
      const l = lIsL ? BigInt(left.length) : this.findInt(left);
      const r = rIsL ? BigInt(this.arg(op + 2).length) : this.findInt(right);
      this.pos += 3;
      switch (w) {
        case '-eq':
          return l === r;
        case '-ne':
          return l !== r;
        case '-lt':
          return l < r;
        case '-le':
          return l <= r;
        case '-gt':
          return l > r;
        default:
          return l >= r;
      }
    }
    if (w === '-nt' || w === '-ot' || w === '-ef') {
      this.pos += 3;
      if (lIsL || rIsL) throw new SyntaxErr(`${w} does not accept -l`);
      if (w === '-ef') return sameFile(this.env, left, right);
      const ls = statOf(this.env, left);
      const rs = statOf(this.env, right);
      if (w === '-nt') return ls !== null && (rs === null || ls.mtime > rs.mtime);
      return rs !== null && (ls === null || ls.mtime < rs.mtime);
    }
    if (w === '=') {
      const v = this.arg(this.pos) === this.arg(this.pos + 2);
      this.pos += 3;
      return v;
    }
    // !=
    const v = this.arg(this.pos) !== this.arg(this.pos + 2);
    this.pos += 3;
    return v;
  }

  private unaryOperator(): boolean {
    const op = this.argv[this.pos]![1]!;
    if (op === 'N' || op === 'o') return false; // known to test_unop, not implemented by 8.4
    if (op === 't') {
      this.unaryAdvance();
      const s = this.findInt(this.arg(this.pos - 1));
      return s >= 0n && s <= 2147483647n && (this.env.isatty?.(Number(s)) ?? false);
    }
    this.unaryAdvance();
    return unaryTest(this.env, op, this.arg(this.pos - 1), 'coreutils');
  }

  private and(): boolean {
    let value = true;
    for (;;) {
      value = this.term() && value;
      if (!(this.pos < this.argc && this.argv[this.pos] === '-a')) return value;
      this.advance(false);
    }
  }

  private or(): boolean {
    let value = false;
    for (;;) {
      value = this.and() || value;
      if (!(this.pos < this.argc && this.argv[this.pos] === '-o')) return value;
      this.advance(false);
    }
  }

  private expr(): boolean {
    if (this.pos >= this.argc) this.beyond();
    return this.or();
  }

  private oneArgument(): boolean {
    return this.argv[this.pos++] !== '';
  }

  private twoArguments(): boolean {
    const a = this.argv[this.pos]!;
    if (a === '!') {
      this.advance(false);
      return !this.oneArgument();
    }
    if (a.length === 2 && a[0] === '-') {
      if (this.isUnop(a)) return this.unaryOperator();
      throw new SyntaxErr(`${a}: unary operator expected`);
    }
    return this.beyond();
  }

  private threeArguments(): boolean {
    const a = this.argv[this.pos]!;
    const b = this.arg(this.pos + 1);
    if (CORE_BINOPS.has(b)) return this.binaryOperator(false);
    if (a === '!') {
      this.advance(true);
      return !this.twoArguments();
    }
    if (a === '(' && this.arg(this.pos + 2) === ')') {
      this.advance(false);
      const v = this.oneArgument();
      this.advance(false);
      return v;
    }
    if (b === '-a' || b === '-o') return this.expr();
    throw new SyntaxErr(`${b}: binary operator expected`);
  }

  private posixtest(nargs: number): boolean {
    switch (nargs) {
      case 1:
        return this.oneArgument();
      case 2:
        return this.twoArguments();
      case 3:
        return this.threeArguments();
      case 4:
        if (this.argv[this.pos] === '!') {
          this.advance(true);
          return !this.threeArguments();
        }
        if (this.argv[this.pos] === '(' && this.arg(this.pos + 3) === ')') {
          this.advance(false);
          const v = this.twoArguments();
          this.advance(false);
          return v;
        }
        return this.expr();
      default:
        return this.expr();
    }
  }
}

// ---- bash 4.1 ------------------------------------------------------------------------------------

const BASH_UNOPS = new Set('abcdefghknoprstuwxzGLOSN'.split(''));

function bashUnop(s: string): boolean {
  return s.length === 2 && s[0] === '-' && BASH_UNOPS.has(s[1]!);
}

function bashBinop(s: string): boolean {
  if (s === '=' || s === '<' || s === '>' || s === '==' || s === '!=') return true;
  return /^-(nt|ot|lt|gt|eq|ef|ne|ge|le)$/.test(s);
}

/** bash's legal_number(): strtoimax in base 10 with surrounding whitespace. */
function legalNumber(s: string): bigint | null {
  let i = 0;
  while (isWhite(s[i])) i++;
  const start = i;
  if (s[i] === '+' || s[i] === '-') i++;
  const digStart = i;
  while (s[i] !== undefined && s[i]! >= '0' && s[i]! <= '9') i++;
  if (i === digStart) return null;
  const v = BigInt(s.slice(start, i));
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return null;
  while (isWhite(s[i])) i++;
  return i === s.length ? v : null;
}

class BashTest {
  private pos = 0;
  private readonly argc: number;

  constructor(
    private readonly argv: string[],
    private readonly env: TestEnv,
  ) {
    // bash counts argv[0]; keep the same arithmetic with a placeholder in slot 0
    this.argv = ['test', ...argv];
    this.argc = this.argv.length;
    this.pos = 1;
  }

  run(): boolean {
    if (this.pos >= this.argc) return false;
    const value = this.posixtest();
    if (this.pos !== this.argc) throw new SyntaxErr('too many arguments');
    return value;
  }

  private arg(i: number): string {
    return this.argv[i] ?? '';
  }

  private beyond(): never {
    throw new SyntaxErr('argument expected');
  }

  private advance(f: boolean): void {
    this.pos++;
    if (f && this.pos >= this.argc) this.beyond();
  }

  private unaryAdvance(): void {
    this.advance(true);
    this.pos++;
  }

  private expr(): boolean {
    if (this.pos >= this.argc) this.beyond();
    return this.or();
  }

  private or(): boolean {
    const value = this.and();
    if (this.pos < this.argc && this.argv[this.pos] === '-o') {
      this.advance(false);
      const v2 = this.or();
      return value || v2;
    }
    return value;
  }

  private and(): boolean {
    const value = this.term();
    if (this.pos < this.argc && this.argv[this.pos] === '-a') {
      this.advance(false);
      const v2 = this.and();
      return value && v2;
    }
    return value;
  }

  private term(): boolean {
    if (this.pos >= this.argc) this.beyond();
    if (this.argv[this.pos] === '!') {
      let value = false;
      while (this.pos < this.argc && this.argv[this.pos] === '!') {
        this.advance(true);
        value = !value;
      }
      return value ? !this.term() : this.term();
    }
    const a = this.argv[this.pos]!;
    if (a === '(') {
      this.advance(true);
      const value = this.expr();
      const close = this.argv[this.pos];
      if (close === undefined) throw new SyntaxErr("`)' expected");
      if (close !== ')') throw new SyntaxErr(`\`)' expected, found ${close}`);
      this.advance(false);
      return value;
    }
    if (this.pos + 3 <= this.argc && bashBinop(this.arg(this.pos + 1))) return this.binaryOperator();
    if (a.length === 2 && a[0] === '-') {
      if (bashUnop(a)) return this.unaryOperator();
      throw new SyntaxErr(`${a}: unary operator expected`);
    }
    const value = a !== '';
    this.advance(false);
    return value;
  }

  private arith(l: string, r: string, op: string): boolean {
    const a = legalNumber(l);
    if (a === null) throw new SyntaxErr(`${l}: integer expression expected`);
    const b = legalNumber(r);
    if (b === null) throw new SyntaxErr(`${r}: integer expression expected`);
    switch (op) {
      case '-eq':
        return a === b;
      case '-ne':
        return a !== b;
      case '-lt':
        return a < b;
      case '-gt':
        return a > b;
      case '-le':
        return a <= b;
      default:
        return a >= b;
    }
  }

  private binaryTest(op: string, a: string, b: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-nt':
      case '-ot':
      case '-ef': {
        const sa = statOf(this.env, a);
        const sb = statOf(this.env, b);
        if (op === '-ef') return sa !== null && sb !== null && sa.ino === sb.ino;
        const r1 = sa ? 0 : -1;
        const r2 = sb ? 0 : -1;
        const m1 = sa ? Math.floor(sa.mtime / 1000) : 0;
        const m2 = sb ? Math.floor(sb.mtime / 1000) : 0;
        if (op === '-nt') return r1 > r2 || (r1 === 0 && m1 > m2);
        return r1 < r2 || (r2 === 0 && m1 < m2);
      }
      default:
        return this.arith(a, b, op);
    }
  }

  private binaryOperator(): boolean {
    const w = this.argv[this.pos + 1]!;
    const value = this.binaryTest(w, this.arg(this.pos), this.arg(this.pos + 2));
    this.pos += 3;
    return value;
  }

  private unaryOperator(): boolean {
    const op = this.argv[this.pos]!;
    if (op[1] === 't') {
      this.advance(false);
      if (this.pos < this.argc) {
        const n = legalNumber(this.argv[this.pos]!);
        if (n !== null) {
          this.advance(false);
          return n >= -2147483648n && n <= 2147483647n && (this.env.isatty?.(Number(n)) ?? false);
        }
        return false;
      }
      return this.env.isatty?.(1) ?? false;
    }
    this.unaryAdvance();
    const arg = this.arg(this.pos - 1);
    if (op[1] === 'o') return this.env.optionSet?.(arg) ?? false;
    return unaryTest(this.env, op[1]!, arg, 'bash');
  }

  private twoArguments(): boolean {
    const a = this.argv[this.pos]!;
    if (a === '!') return this.arg(this.pos + 1) === '';
    if (a.length === 2 && a[0] === '-' && bashUnop(a)) return this.unaryOperator();
    throw new SyntaxErr(`${a}: unary operator expected`);
  }

  private threeArguments(): boolean {
    const a = this.arg(this.pos);
    const b = this.arg(this.pos + 1);
    const c = this.arg(this.pos + 2);
    let value: boolean;
    if (bashBinop(b)) {
      value = this.binaryOperator();
      this.pos = this.argc;
    } else if (b === '-a' || b === '-o') {
      value = b === '-a' ? a !== '' && c !== '' : a !== '' || c !== '';
      this.pos = this.argc;
    } else if (a === '!') {
      this.advance(true);
      value = !this.twoArguments();
    } else if (a === '(' && c === ')') {
      value = b !== '';
      this.pos = this.argc;
    } else throw new SyntaxErr(`${b}: binary operator expected`);
    return value;
  }

  private posixtest(): boolean {
    switch (this.argc - 1) {
      case 0:
        this.pos = this.argc;
        return false;
      case 1:
        this.pos = this.argc;
        return this.arg(1) !== '';
      case 2: {
        const v = this.twoArguments();
        this.pos = this.argc;
        return v;
      }
      case 3:
        return this.threeArguments();
      case 4:
        if (this.argv[this.pos] === '!') {
          this.advance(true);
          return !this.threeArguments();
        }
        return this.expr();
      default:
        return this.expr();
    }
  }
}
