/**
 * find: GNU findutils 4.4.2 (RHEL 6; 4.2.27 on RHEL 5 differs little for what is here). The
 * expression is parsed into findutils' predicate list (implicit -a, the wrapping `( ... )
 * -print` when there is no action) and built into a tree with its precedence rules and error
 * messages. Traversal follows -P/-H/-L, -depth, -maxdepth/-mindepth and -prune; unreadable
 * directories give "find: `x': Permission denied".
 */
import type { StatInfo } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { MONTHS, WEEKDAYS, pad2, toLocal } from '../../util/clock';
import { applyMode, compileMode } from './modes';
import {
  groupName, humanSize, isEl5, isErr, localToUtc, lsDate, modeString, quote, readYes, statBlocks, tryFs,
  userName, walk,
  safeCtx,
} from './common';

type Prec = 0 | 1 | 2 | 3 | 4;
const NO_PREC: Prec = 0;
const COMMA_PREC: Prec = 1;
const OR_PREC: Prec = 2;
const AND_PREC: Prec = 3;
const NEGATE_PREC: Prec = 4;

interface Visit {
  path: string;
  st: StatInfo;
  depth: number;
  prune: boolean;
}

type PredFn = (v: Visit) => boolean | Promise<boolean>;

interface Tok {
  type: 'primary' | 'uni' | 'bi' | 'open' | 'close';
  name: string;
  prec: Prec;
  artificial: boolean;
  op?: 'and' | 'or' | 'comma' | 'not';
  fn?: PredFn;
  left?: Tok;
  right?: Tok;
}

/** Thrown while parsing: error(1, 0, ...) of findutils. */
class FindError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

function looksLikeExpression(arg: string, leading: boolean): boolean {
  const c = arg[0];
  if (c === '-') return arg.length > 1;
  if (c === ')' || c === ',') return arg.length > 1 ? false : !leading;
  if (c === '!' || c === '(') return arg.length === 1;
  return false;
}

/** fnmatch() without FNM_PATHNAME/FNM_PERIOD: `*' also matches `/' and a leading dot. */
function globRegExp(pattern: string, icase: boolean): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '\\') {
      i++;
      re += i < pattern.length ? pattern[i]!.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') : '\\\\';
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '!' || pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) re += '\\[';
      else {
        let body = pattern.slice(i + 1, j);
        let neg = false;
        if (body.startsWith('!') || body.startsWith('^')) {
          neg = true;
          body = body.slice(1);
        }
        body = body
          .replace(/\[:alpha:\]/g, 'a-zA-Z')
          .replace(/\[:digit:\]/g, '0-9')
          .replace(/\[:alnum:\]/g, 'a-zA-Z0-9')
          .replace(/\[:upper:\]/g, 'A-Z')
          .replace(/\[:lower:\]/g, 'a-z')
          .replace(/\[:space:\]/g, ' \\t\\n\\r\\f\\v')
          .replace(/\\/g, '\\\\')
          .replace(/\]/g, '\\]');
        re += '[' + (neg ? '^' : '') + body + ']';
        i = j;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp('^' + re + '$', icase ? 'i' : '');
}

/** An emacs-syntax regular expression (find's default) as a JavaScript one. */
function emacsRegExp(src: string, icase: boolean): RegExp | null {
  let re = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i]!;
      if (n === '(' || n === ')' || n === '|') re += n;
      else if (n === '{' || n === '}') re += n;
      else if (/[0-9wWsSbB]/.test(n)) re += '\\' + n;
      else if (n === '`') re += '^';
      else if (n === "'") re += '$';
      else re += '\\' + n;
    } else if (c === '(' || c === ')' || c === '|' || c === '{' || c === '}') re += '\\' + c;
    else re += c;
  }
  try {
    return new RegExp('^(?:' + re + ')$', icase ? 'i' : '');
  } catch {
    return null;
  }
}

function ctimeFormat(ms: number): string {
  const t = toLocal(ms);
  const ns = String(Math.round(((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(10, '0');
  return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${String(t.day).padStart(2)} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}.${ns} ${t.year}`;
}

export const find: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const f = new Finder(ctx);
  try {
    return await f.run();
  } catch (e) {
    if (e instanceof HelpExit) return 0;
    if (e instanceof FindError) {
      ctx.stderr.write(`${f.prog}: ${e.message}\n`);
      if (e.usage) ctx.stderr.write(f.usageLine());
      return 1;
    }
    throw e;
  }
};

interface ExecBatch {
  argv: string[];
  paths: string[];
  cwd: string;
}

class Finder {
  readonly prog: string;
  private readonly fs;
  private status = 0;
  private follow: 'P' | 'H' | 'L' = 'P';
  private depthFirst = false;
  private maxDepth = Infinity;
  private minDepth = 0;
  private warnings: boolean;
  private dayStart = false;
  private quit = false;
  private readonly now: number;
  private batches: ExecBatch[] = [];
  private tokens: Tok[] = [];
  private hasAction = false;
  private firstNonOption: string | null = null;

  constructor(private readonly ctx: ProgramContext) {
    const a0 = ctx.argv[0];
    this.prog = a0 === undefined || a0 === '' ? 'find' : a0;
    this.fs = ctx.fs;
    this.warnings = ctx.stdin.isTTY && ctx.env.POSIXLY_CORRECT === undefined;
    this.now = ctx.host.now();
  }

  usageLine(): string {
    return `Usage: ${this.prog} [-H] [-L] [-P] [-Olevel] [-D help|tree|search|stat|rates|opt|exec] [path...] [expression]\n`;
  }

  private warn(msg: string): void {
    this.ctx.stderr.write(`${this.prog}: ${msg}\n`);
  }

  async run(): Promise<number> {
    const argv = this.ctx.argv;
    let i = 1;
    // Leading options: -H -L -P -D x -Olevel, and a "--" that ends them.
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-H') this.follow = 'H';
      else if (a === '-L') this.follow = 'L';
      else if (a === '-P') this.follow = 'P';
      else if (a === '--') {
        i++;
        break;
      } else if (a === '-D') {
        const arg = argv[++i];
        if (arg === undefined) throw new FindError("Missing argument after the -D option.");
        if (arg === 'help') {
          this.ctx.stdout.write('Valid arguments for -D:\nhelp       Explain the various -D options\ntree       Display the expression tree\nsearch     Navigate the directory tree verbosely\nstat       Trace calls to stat(2) and lstat(2)\nrates      Indicate how often each predicate succeeded\nopt        Show diagnostic information relating to optimisation\nexec       Show diagnostic information relating to -exec, -execdir, -ok and -okdir\n');
          return 0;
        }
      } else if (a.startsWith('-O')) {
        const lvl = a.slice(2);
        if (lvl === '') throw new FindError('The -O option must be immediately followed by a decimal integer');
        if (!/^\d+$/.test(lvl)) throw new FindError(`Please specify a decimal number immediately after -O`);
      } else break;
    }
    const paths: string[] = [];
    for (; i < argv.length && !looksLikeExpression(argv[i]!, true); i++) paths.push(argv[i]!);
    this.parseExpression(argv, i);
    this.buildTree();
    if (paths.length === 0) paths.push('.');
    for (const p of paths) {
      if (this.quit) break;
      await this.traverse(p);
    }
    await this.flushBatches();
    return this.status;
  }

  // ---- parsing ----------------------------------------------------------------------------

  private push(tok: Tok): void {
    const last = this.tokens[this.tokens.length - 1];
    if ((tok.type === 'primary' || tok.type === 'open' || tok.type === 'uni') && last && (last.type === 'primary' || last.type === 'close')) {
      this.tokens.push({ type: 'bi', name: '-a', prec: AND_PREC, artificial: true, op: 'and' });
    }
    this.tokens.push(tok);
  }

  private primary(name: string, fn: PredFn): void {
    this.push({ type: 'primary', name, prec: NO_PREC, artificial: false, fn });
  }

  private parseExpression(argv: string[], start: number): void {
    this.tokens = [{ type: 'open', name: '(', prec: NO_PREC, artificial: true }];
    let i = start;
    const userStart = this.tokens.length;
    while (i < argv.length) {
      const word = argv[i]!;
      if (!looksLikeExpression(word, false)) throw new FindError(`paths must precede expression: ${word}`, true);
      i++;
      const name = word.startsWith('-') ? word.slice(1) : word;
      const need = (): string => {
        const a = argv[i];
        if (a === undefined) throw new FindError(`missing argument to ${quote(word)}`);
        i++;
        return a;
      };
      const invalid = (a: string): never => {
        throw new FindError(`invalid argument ${quote(a)} to ${quote(word)}`);
      };
      const isOption = ['maxdepth', 'mindepth', 'depth', 'd', 'xdev', 'mount', 'noleaf', 'ignore_readdir_race', 'noignore_readdir_race', 'warn'].includes(name);
      if (isOption && this.firstNonOption !== null && this.warnings) {
        this.warn(`warning: you have specified the ${word} option after a non-option argument ${this.firstNonOption}, but options are not positional (${word} affects tests specified before it as well as those specified after it).  Please specify options before other arguments.\n`);
      }
      const nonOption = () => {
        if (this.firstNonOption === null) this.firstNonOption = word;
      };
      switch (name) {
        case '(':
          this.push({ type: 'open', name: '(', prec: NO_PREC, artificial: false });
          break;
        case ')':
          this.tokens.push({ type: 'close', name: ')', prec: NO_PREC, artificial: false });
          break;
        case '!':
        case 'not':
          this.push({ type: 'uni', name: word, prec: NEGATE_PREC, artificial: false, op: 'not' });
          break;
        case 'a':
        case 'and':
          this.tokens.push({ type: 'bi', name: word, prec: AND_PREC, artificial: false, op: 'and' });
          break;
        case 'o':
        case 'or':
          this.tokens.push({ type: 'bi', name: word, prec: OR_PREC, artificial: false, op: 'or' });
          break;
        case ',':
          this.tokens.push({ type: 'bi', name: word, prec: COMMA_PREC, artificial: false, op: 'comma' });
          break;
        // ---- options (they act as -true where they stand) ----
        case 'maxdepth':
        case 'mindepth': {
          const a = need();
          if (!/^\d+$/.test(a)) throw new FindError(`Expected a positive decimal integer argument to ${word}, but got ${quote(a)}`);
          if (name === 'maxdepth') this.maxDepth = Number(a);
          else this.minDepth = Number(a);
          this.primary(word, () => true);
          break;
        }
        case 'depth':
        case 'd':
          if (name === 'd' && this.warnings) this.warn('warning: the -d option is deprecated; please use -depth instead, because the latter is a POSIX-compliant feature.');
          this.depthFirst = true;
          this.primary(word, () => true);
          break;
        case 'xdev':
        case 'mount':
        case 'noleaf':
        case 'ignore_readdir_race':
        case 'noignore_readdir_race':
          this.primary(word, () => true);
          break;
        case 'warn':
          this.warnings = true;
          this.primary(word, () => true);
          break;
        case 'nowarn':
          this.warnings = false;
          this.primary(word, () => true);
          break;
        case 'daystart':
          this.dayStart = true;
          this.primary(word, () => true);
          break;
        case 'follow':
          this.follow = 'L';
          this.primary(word, () => true);
          break;
        case 'regextype': {
          const a = need();
          if (!['emacs', 'posix-awk', 'posix-basic', 'posix-egrep', 'posix-extended'].includes(a)) throw new FindError(`Unknown regular expression type ${quote(a)}; valid types are \`findutils-default', \`awk', \`egrep', \`ed', \`emacs', \`gnu-awk', \`grep', \`posix-awk', \`posix-basic', \`posix-egrep', \`posix-extended', \`posix-minimal-basic', \`sed'.`);
          this.primary(word, () => true);
          break;
        }
        case 'help':
        case '-help':
          this.ctx.stdout.write(this.usageLine() + '\ndefault path is the current directory; default expression is -print\nexpression may consist of: operators, options, tests, and actions:\n');
          throw new HelpExit();
        case 'version':
        case '-version':
          this.ctx.stdout.write(`find (GNU findutils) ${isEl5(this.ctx) ? '4.2.27' : '4.4.2'}\n`);
          throw new HelpExit();
        // ---- tests ----
        case 'true':
          nonOption();
          this.primary(word, () => true);
          break;
        case 'false':
          nonOption();
          this.primary(word, () => false);
          break;
        case 'name':
        case 'iname': {
          nonOption();
          const a = need();
          if (a.includes('/') && this.warnings) {
            this.warn(`warning: Unix filenames usually don't contain slashes (though pathnames do).  That means that '${word} ${quote(a)}' will probably evaluate to false all the time on this system.  You might find the '-wholename' test more useful, or perhaps '-samefile'.  Alternatively, if you are using GNU grep, you could use 'find ... -print0 | grep -FzZ ${quote(a)}'.`);
          }
          const re = globRegExp(a, name === 'iname');
          this.primary(word, (v) => re.test(baseOfPath(v.path)));
          break;
        }
        case 'path':
        case 'wholename':
        case 'ipath':
        case 'iwholename': {
          nonOption();
          const a = need();
          const re = globRegExp(a, name.startsWith('i'));
          this.primary(word, (v) => re.test(v.path));
          break;
        }
        case 'lname':
        case 'ilname': {
          nonOption();
          const a = need();
          const re = globRegExp(a, name === 'ilname');
          this.primary(word, (v) => {
            const l = tryFs(() => this.fs.lstat(v.path));
            if (isErr(l) || l.type !== 'symlink') return false;
            return re.test(l.target);
          });
          break;
        }
        case 'regex':
        case 'iregex': {
          nonOption();
          const a = need();
          const re = emacsRegExp(a, name === 'iregex');
          if (!re) throw new FindError(`Invalid regular expression ${quote(a)}`);
          this.primary(word, (v) => re.test(v.path));
          break;
        }
        case 'type':
        case 'xtype': {
          nonOption();
          const a = need();
          if (a.length !== 1) throw new FindError('Arguments to -type should contain only one letter');
          if (!'bcdpflsD'.includes(a)) throw new FindError(`Unknown argument to -type: ${a}`);
          const want = a === 'f' ? 'file' : a === 'd' ? 'dir' : a === 'l' ? 'symlink' : null;
          this.primary(word, (v) => {
            let st = v.st;
            if (name === 'xtype') {
              const other = tryFs(() => (this.follow === 'L' ? this.fs.lstat(v.path) : this.fs.stat(v.path)));
              if (!isErr(other)) st = other;
            }
            return want !== null && st.type === want;
          });
          break;
        }
        case 'user':
        case 'group': {
          nonOption();
          const a = need();
          let id: number;
          if (name === 'user') {
            const pw = this.ctx.host.users.getpwnam(a);
            if (pw) id = pw.uid;
            else if (/^\d+$/.test(a)) id = Number(a);
            else if (a === '') throw new FindError('The argument to -user should not be empty');
            else throw new FindError(`${quote(a)} is not the name of a known user`);
            this.primary(word, (v) => v.st.uid === id);
          } else {
            const gr = this.ctx.host.users.getgrnam(a);
            if (gr) id = gr.gid;
            else {
              const digits = /^\d+/.exec(a)?.[0] ?? '';
              if (digits !== '' && digits === a) id = Number(a);
              else if (digits !== '') throw new FindError(`${quote(a)} is not the name of an existing group and it does not look like a numeric group ID because it has the unexpected suffix ${quote(a.slice(digits.length))}`);
              else if (a === '') throw new FindError('argument to -group is empty, but should be a group name');
              else throw new FindError(`${quote(a)} is not the name of an existing group`);
            }
            this.primary(word, (v) => v.st.gid === id);
          }
          break;
        }
        case 'nouser':
          nonOption();
          this.primary(word, (v) => !this.ctx.host.users.getpwuid(v.st.uid));
          break;
        case 'nogroup':
          nonOption();
          this.primary(word, (v) => !this.ctx.host.users.getgrgid(v.st.gid));
          break;
        case 'uid':
        case 'gid':
        case 'links':
        case 'inum': {
          nonOption();
          const a = need();
          const cmp = numCompare(a);
          if (!cmp) invalid(a);
          const key = name === 'uid' ? 'uid' : name === 'gid' ? 'gid' : name === 'links' ? 'nlink' : 'ino';
          this.primary(word, (v) => cmp!(v.st[key]));
          break;
        }
        case 'size': {
          nonOption();
          const a = need();
          const m = /^([+-]?)(\d+)([a-zA-Z]?)$/.exec(a);
          if (a === '') throw new FindError('invalid null argument to -size');
          if (!m) {
            const t = /^[+-]?\d+(.)$/.exec(a);
            if (t) throw new FindError(`invalid -size type \`${t[1]}'`);
            invalid(a);
          }
          const units: Record<string, number> = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1024 * 1024, G: 1024 ** 3 };
          const unit = units[m![3]!];
          if (unit === undefined) throw new FindError(`invalid -size type \`${m![3]}'`);
          const n = Number(m![2]);
          const sign = m![1];
          this.primary(word, (v) => {
            const val = Math.ceil(v.st.size / unit);
            return sign === '+' ? val > n : sign === '-' ? val < n : val === n;
          });
          break;
        }
        case 'mtime':
        case 'atime':
        case 'ctime':
        case 'mmin':
        case 'amin':
        case 'cmin': {
          nonOption();
          const a = need();
          const m = /^([+-]?)(\d+(?:\.\d+)?)$/.exec(a);
          if (!m) invalid(a);
          const n = Number(m![2]);
          const sign = m![1];
          const unit = name.endsWith('min') ? 60_000 : 86_400_000;
          const field = name[0] === 'm' ? 'mtime' : name[0] === 'a' ? 'atime' : 'ctime';
          this.primary(word, (v) => {
            const origin = this.dayStart && unit === 86_400_000 ? this.dayStartOrigin() : this.now;
            const delta = Math.floor((origin - v.st[field]) / unit);
            return sign === '+' ? delta > n : sign === '-' ? delta < n : delta === n;
          });
          break;
        }
        case 'newer':
        case 'anewer':
        case 'cnewer': {
          nonOption();
          const a = need();
          const ref = tryFs(() => (this.follow === 'P' ? this.fs.lstat(a) : this.fs.stat(a)));
          if (isErr(ref)) throw new FindError(`${quote(a)}: ${ref.message}`);
          const field = name === 'newer' ? 'mtime' : name === 'anewer' ? 'atime' : 'ctime';
          this.primary(word, (v) => v.st[field] > ref.mtime);
          break;
        }
        case 'samefile': {
          nonOption();
          const a = need();
          const ref = tryFs(() => (this.follow === 'P' ? this.fs.lstat(a) : this.fs.stat(a)));
          if (isErr(ref)) throw new FindError(`${quote(a)}: ${ref.message}`);
          this.primary(word, (v) => v.st.ino === ref.ino);
          break;
        }
        case 'perm': {
          nonOption();
          const a = need();
          let kind: 'exact' | 'all' | 'any' = 'exact';
          let text = a;
          if (a.startsWith('-')) {
            kind = 'all';
            text = a.slice(1);
          } else if (a.startsWith('/')) {
            kind = 'any';
            text = a.slice(1);
          } else if (a.startsWith('+') && /^\+[0-7]/.test(a)) {
            kind = 'any';
            text = a.slice(1);
          }
          const change = compileMode(text);
          if (!change) throw new FindError(`invalid mode ${quote(a)}`);
          const vals = [applyMode(0, false, 0, change).mode, applyMode(0, true, 0, change).mode];
          this.primary(word, (v) => {
            const want = vals[v.st.type === 'dir' ? 1 : 0]!;
            const mode = v.st.mode & 0o7777;
            if (kind === 'all') return (mode & want) === want;
            if (kind === 'any') return want === 0 || (mode & want) !== 0;
            return mode === want;
          });
          break;
        }
        case 'empty':
          nonOption();
          this.primary(word, (v) => {
            if (v.st.type === 'dir') {
              const names = tryFs(() => this.fs.readdir(v.path));
              if (isErr(names)) {
                this.warn(`${quote(v.path)}: ${names.message}`);
                this.status = 1;
                return false;
              }
              return names.length === 0;
            }
            return v.st.type === 'file' && v.st.size === 0;
          });
          break;
        case 'readable':
        case 'writable':
        case 'executable': {
          nonOption();
          const bit = name === 'readable' ? 4 : name === 'writable' ? 2 : 1;
          this.primary(word, (v) => this.fs.access(v.path, bit));
          break;
        }
        case 'fstype': {
          nonOption();
          const a = need();
          this.primary(word, (v) => a === (this.fs.abs(v.path).startsWith('/boot') ? (isEl5(this.ctx) ? 'ext3' : 'ext4') : isEl5(this.ctx) ? 'ext3' : 'ext4'));
          break;
        }
        case 'used': {
          nonOption();
          const a = need();
          const cmp = numCompare(a);
          if (!cmp) throw new FindError(`Invalid argument ${a} to -used`);
          this.primary(word, (v) => cmp!(Math.floor((v.st.atime - v.st.ctime) / 86_400_000)));
          break;
        }
        // ---- actions ----
        case 'print':
          nonOption();
          this.hasAction = true;
          this.primary(word, (v) => {
            this.ctx.stdout.write(this.shown(v.path) + '\n');
            return true;
          });
          break;
        case 'print0':
          nonOption();
          this.hasAction = true;
          this.primary(word, (v) => {
            this.ctx.stdout.write(v.path + '\0');
            return true;
          });
          break;
        case 'fprint':
        case 'fprint0':
        case 'fls':
        case 'fprintf': {
          nonOption();
          this.hasAction = true;
          const file = need();
          const fmt = name === 'fprintf' ? need() : '';
          const r = tryFs(() => this.fs.writeFile(file, ''));
          if (isErr(r)) throw new FindError(`${quote(file)}: ${r.message}`);
          const out = (text: string) => {
            tryFs(() => this.fs.appendFile(file, text));
          };
          this.primary(word, (v) => {
            if (name === 'fprint') out(v.path + '\n');
            else if (name === 'fprint0') out(v.path + '\0');
            else if (name === 'fls') out(this.lsLine(v));
            else out(this.printf(fmt, v));
            return true;
          });
          break;
        }
        case 'ls':
          nonOption();
          this.hasAction = true;
          this.primary(word, (v) => {
            this.ctx.stdout.write(this.lsLine(v));
            return true;
          });
          break;
        case 'printf': {
          nonOption();
          this.hasAction = true;
          const fmt = need();
          this.checkFormat(fmt);
          this.primary(word, (v) => {
            this.ctx.stdout.write(this.printf(fmt, v));
            return true;
          });
          break;
        }
        case 'prune':
          nonOption();
          this.primary(word, (v) => {
            if (v.st.type === 'dir' && !this.depthFirst) v.prune = true;
            return true;
          });
          break;
        case 'quit':
          nonOption();
          this.primary(word, () => {
            this.quit = true;
            return true;
          });
          break;
        case 'delete':
          nonOption();
          this.hasAction = true;
          this.depthFirst = true;
          this.primary(word, (v) => this.delete(v));
          break;
        case 'exec':
        case 'execdir':
        case 'ok':
        case 'okdir': {
          nonOption();
          this.hasAction = true;
          const startArg = i;
          let end = i;
          let plus = false;
          let prevBraces = false;
          for (; end < argv.length; end++) {
            const w = argv[end]!;
            if (w === ';') break;
            if (w === '+' && prevBraces && (name === 'exec' || name === 'execdir')) {
              plus = true;
              break;
            }
            prevBraces = w === '{}';
          }
          if (end >= argv.length || end === startArg) {
            if (end === startArg && end < argv.length) invalid(argv[end]!);
            throw new FindError(`missing argument to ${quote(word)}`);
          }
          const cmd = argv.slice(startArg, end);
          i = end + 1;
          if (plus) {
            const braces = cmd.slice(0, -1).filter((w) => w.includes('{}')).length;
            if (braces > 0) throw new FindError(`Only one instance of {} is supported with -exec${name === 'execdir' ? 'dir' : ''} ... +`);
            const batch: ExecBatch = { argv: cmd.slice(0, -1), paths: [], cwd: this.fs.cwd };
            this.batches.push(batch);
            this.primary(word, (v) => {
              if (name === 'execdir') {
                const dir = dirOfPath(v.path);
                const target = this.batches.find((b) => b.argv === batch.argv && b.cwd === this.fs.abs(dir));
                if (target) target.paths.push('./' + baseOfPath(v.path));
                else this.batches.push({ argv: batch.argv, paths: ['./' + baseOfPath(v.path)], cwd: this.fs.abs(dir) });
              } else batch.paths.push(v.path);
              return true;
            });
          } else {
            this.primary(word, (v) => this.execOne(name, cmd, v));
          }
          break;
        }
        default:
          throw new FindError(`unknown predicate ${quote(word)}`);
      }
    }
    if (this.tokens.length === userStart) {
      // No predicates at all: just -print.
      this.tokens = [];
      this.primary('-print', (v) => {
        this.ctx.stdout.write(this.shown(v.path) + '\n');
        return true;
      });
    } else if (this.hasAction) {
      this.tokens.shift();
    } else {
      this.tokens.push({ type: 'close', name: ')', prec: NO_PREC, artificial: true });
      this.push({
        type: 'primary',
        name: '-print',
        prec: NO_PREC,
        artificial: true,
        fn: (v) => {
          this.ctx.stdout.write(this.shown(v.path) + '\n');
          return true;
        },
      });
    }
  }

  private dayStartOrigin(): number {
    const t = toLocal(this.now);
    return localToUtc(t.year, t.month, t.day, 0, 0, 0) + 86_400_000;
  }

  /** Builds the tree from the token list (findutils' get_expr and scan_rest). */
  private buildTree(): Tok {
    const list = this.tokens;
    let pos = 0;
    const peek = (): Tok | undefined => list[pos];
    const getExpr = (prevPrec: Prec, prev: Tok | null): Tok => {
      const cur = peek();
      if (!cur) throw new FindError('invalid expression');
      let next: Tok;
      switch (cur.type) {
        case 'bi':
          throw new FindError(`invalid expression; you have used a binary operator '${cur.name}' with nothing before it.`);
        case 'close':
          if (prev && (prev.type === 'uni' || prev.type === 'bi') && !cur.artificial) {
            throw new FindError(`expected an expression between '${prev.name}' and ')'`);
          } else if (cur.artificial) {
            throw new FindError(`expected an expression after '${prev ? prev.name : ''}'`);
          }
          throw new FindError("invalid expression; you have too many ')'");
        case 'primary':
          next = cur;
          pos++;
          break;
        case 'uni':
          next = cur;
          pos++;
          next.right = getExpr(NEGATE_PREC, next);
          break;
        case 'open': {
          const after = list[pos + 1];
          if (!after || after.artificial) {
            throw new FindError(`invalid expression; expected to find a ')' but didn't see one.  Perhaps you need an extra predicate after '${cur.name}'`);
          }
          pos++;
          if (after.type === 'close') throw new FindError('invalid expression; empty parentheses are not allowed.');
          next = getExpr(NO_PREC, cur);
          const close = peek();
          if (!close || close.type !== 'close') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
          pos++;
          break;
        }
      }
      const nxt = peek();
      if (!nxt) return next;
      if (nxt.prec > prevPrec) {
        const r = scanRest(next, prevPrec);
        if (!r) throw new FindError('invalid expression');
        next = r;
      }
      return next;
    };
    const scanRest = (head: Tok, prevPrec: Prec): Tok | null => {
      let cur = peek();
      if (!cur || cur.type === 'close') return null;
      let tree = head;
      while ((cur = peek()) && cur.prec > prevPrec) {
        if (cur.type === 'bi') {
          const op = cur;
          pos++;
          op.left = tree;
          tree = op;
          op.right = getExpr(op.prec, op);
        } else if (cur.type === 'close') return tree;
        else throw new FindError('invalid expression');
      }
      return tree;
    };
    const tree = getExpr(NO_PREC, null);
    const rest = peek();
    if (rest) {
      if (rest.type === 'close') throw new FindError("you have too many ')'");
      throw new FindError(`unexpected extra predicate '${rest.name}'`);
    }
    this.tree = tree;
    return tree;
  }

  private tree: Tok | null = null;

  private async evaluate(t: Tok, v: Visit): Promise<boolean> {
    switch (t.type) {
      case 'primary':
        return t.fn!(v);
      case 'uni':
        return !(await this.evaluate(t.right!, v));
      case 'bi':
        if (t.op === 'and') return (await this.evaluate(t.left!, v)) && (await this.evaluate(t.right!, v));
        if (t.op === 'or') return (await this.evaluate(t.left!, v)) || (await this.evaluate(t.right!, v));
        await this.evaluate(t.left!, v);
        return this.evaluate(t.right!, v);
      default:
        return this.evaluate(t.right ?? t, v);
    }
  }

  // ---- traversal --------------------------------------------------------------------------

  private async traverse(start: string): Promise<void> {
    const tree = this.tree!;
    const inRange = (d: number) => d >= this.minDepth && d <= this.maxDepth;
    await walk(this.ctx, start, { followTop: this.follow !== 'P', followAll: this.follow === 'L' }, async (ev) => {
      if (this.quit) return 'abort';
      switch (ev.kind) {
        case 'error':
          this.warn(`${quote(ev.path)}: ${ev.err.message}`);
          this.status = 1;
          return;
        case 'loop':
          this.warn(`File system loop detected; ${quote(ev.path)} is part of the same file system loop as ${quote(ev.ancestor)}.`);
          this.status = 1;
          return;
        case 'dir-unreadable':
          this.warn(`${quote(ev.path)}: ${ev.err.message}`);
          this.status = 1;
          return this.quit ? 'abort' : undefined;
        case 'file': {
          if (inRange(ev.depth)) await this.evaluate(tree, { path: ev.path, st: ev.st, depth: ev.depth, prune: false });
          return this.quit ? 'abort' : undefined;
        }
        case 'dir-pre': {
          const v: Visit = { path: ev.path, st: ev.st, depth: ev.depth, prune: false };
          if (!this.depthFirst && inRange(ev.depth)) await this.evaluate(tree, v);
          if (this.quit) return 'abort';
          return !(v.prune || ev.depth >= this.maxDepth);
        }
        case 'dir-post':
          if (this.depthFirst && inRange(ev.depth)) await this.evaluate(tree, { path: ev.path, st: ev.st, depth: ev.depth, prune: false });
          return this.quit ? 'abort' : undefined;
      }
    });
  }

  // ---- actions ----------------------------------------------------------------------------

  private shown(path: string): string {
    return this.ctx.stdout.isTTY ? path.replace(/[\x00-\x1f\x7f]/g, '?') : path;
  }

  private delete(v: Visit): boolean {
    if (v.path === '.' || baseOfPath(v.path) === '.') return true;
    const r = tryFs(() => (v.st.type === 'dir' ? this.fs.rmdir(v.path) : this.fs.unlink(v.path)));
    if (!isErr(r)) return true;
    this.warn(`cannot delete ${quote(v.path)}: ${r.message}`);
    this.status = 1;
    return false;
  }

  private lsLine(v: Visit): string {
    const st = v.st;
    const blocks = humanSize(statBlocks(st), 512, 1024);
    const user = userName(this.ctx, st.uid) ?? String(st.uid);
    const group = groupName(this.ctx, st.gid) ?? String(st.gid);
    const recent = this.now - 6 * 30 * 86_400_000 <= st.mtime && st.mtime <= this.now + 3_600_000;
    const date = recent ? lsDate(st.mtime, st.mtime) : lsDate(st.mtime, st.mtime + 400 * 86_400_000);
    let line = `${String(st.ino).padStart(6)} ${blocks.padStart(4)} ${modeString(st.type, st.mode)} ${String(st.nlink).padStart(3)} ${user.padEnd(8)} ${group.padEnd(8)} ${String(st.size).padStart(8)} ${date} ${escapeControl(v.path)}`;
    if (st.type === 'symlink') {
      const t = tryFs(() => this.fs.readlink(v.path));
      if (!isErr(t)) line += ` -> ${escapeControl(t)}`;
    }
    return line + '\n';
  }

  private checkFormat(fmt: string): void {
    const m = /\\$/.exec(fmt);
    if (m) throw new FindError(`error: \\ at end of format string`);
  }

  private printf(fmt: string, v: Visit): string {
    let out = '';
    const st = v.st;
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i]!;
      if (c === '\\') {
        const n = fmt[++i];
        if (n === undefined) break;
        const map: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
        if (n === 'c') return out;
        if (/[0-7]/.test(n)) {
          const oct = /^[0-7]{1,3}/.exec(fmt.slice(i))![0];
          out += String.fromCharCode(parseInt(oct, 8));
          i += oct.length - 1;
        } else if (map[n] !== undefined) out += map[n];
        else {
          this.warn(`warning: unrecognized escape \`\\${n}'`);
          out += '\\' + n;
        }
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^([-+ #0]*)(\d*)(?:\.(\d+))?/.exec(fmt.slice(i + 1))!;
      const spec = m[0];
      i += spec.length + 1;
      const d = fmt[i];
      if (d === undefined) {
        out += '%';
        break;
      }
      const pad = (s: string, numeric = false): string => {
        const width = m[2] ? Number(m[2]) : 0;
        let body = s;
        if (m[3] !== undefined && !numeric) body = body.slice(0, Number(m[3]));
        if (body.length >= width) return body;
        if (m[1]!.includes('-')) return body.padEnd(width);
        if (numeric && m[1]!.includes('0')) return body.padStart(width, '0');
        return body.padStart(width);
      };
      const timeField = (ms: number, k: string | undefined): string => {
        const t = toLocal(ms);
        switch (k) {
          case '@': return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}0000000`;
          case 'Y': return String(t.year);
          case 'm': return pad2(t.month + 1);
          case 'd': return pad2(t.day);
          case 'H': return pad2(t.hour);
          case 'M': return pad2(t.minute);
          case 'S': return `${pad2(t.second)}.${String(ms % 1000).padStart(3, '0')}0000000`;
          case 'T': return `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}.${String(ms % 1000).padStart(3, '0')}0000000`;
          case 'D': return `${pad2(t.month + 1)}/${pad2(t.day)}/${pad2(t.year % 100)}`;
          case 'F': return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)}`;
          case 'b':
          case 'h': return MONTHS[t.month]!;
          case 'a': return WEEKDAYS[t.weekday]!;
          case 'y': return pad2(t.year % 100);
          case 'e': return String(t.day).padStart(2);
          case 'j': {
            const start = localToUtc(t.year, 0, 1, 0, 0, 0);
            return String(Math.floor((ms - start) / 86_400_000) + 1).padStart(3, '0');
          }
          case 'Z': return t.zone;
          case 'k': return String(t.hour).padStart(2);
          case 'p': return t.hour < 12 ? 'AM' : 'PM';
          case 'r': return `${pad2(((t.hour + 11) % 12) + 1)}:${pad2(t.minute)}:${pad2(t.second)} ${t.hour < 12 ? 'AM' : 'PM'}`;
          case 's': return String(Math.floor(ms / 1000));
          case '+': return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)}+${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}.${String(ms % 1000).padStart(3, '0')}0000000`;
          default: return '';
        }
      };
      switch (d) {
        case '%': out += '%'; break;
        case 'p': out += pad(v.path); break;
        case 'f': out += pad(baseOfPath(v.path)); break;
        case 'h': {
          const dir = dirOfPath(v.path);
          out += pad(v.path.includes('/') ? dir : '.');
          break;
        }
        case 'P': {
          out += pad(v.depth === 0 ? '' : v.path.slice(v.path.length - relativeLength(v.path, v.depth)));
          break;
        }
        case 'H': out += pad(v.depth === 0 ? v.path : v.path.slice(0, v.path.length - relativeLength(v.path, v.depth) - 1)); break;
        case 's': out += pad(String(st.size), true); break;
        case 'k': out += pad(humanSize(statBlocks(st), 512, 1024), true); break;
        case 'b': out += pad(String(statBlocks(st)), true); break;
        case 'm': out += pad((st.mode & 0o7777).toString(8), true); break;
        case 'M': out += pad(modeString(st.type, st.mode)); break;
        case 'u': out += pad(userName(this.ctx, st.uid) ?? String(st.uid)); break;
        case 'U': out += pad(String(st.uid), true); break;
        case 'g': out += pad(groupName(this.ctx, st.gid) ?? String(st.gid)); break;
        case 'G': out += pad(String(st.gid), true); break;
        case 'i': out += pad(String(st.ino), true); break;
        case 'n': out += pad(String(st.nlink), true); break;
        case 'd': out += pad(String(v.depth), true); break;
        case 'D': out += pad('64768', true); break;
        case 'l': out += pad(st.type === 'symlink' ? st.target : ''); break;
        case 'y': out += pad(st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : 'f'); break;
        case 'Y': {
          if (st.type === 'symlink') {
            const t = tryFs(() => this.fs.stat(v.path));
            out += pad(isErr(t) ? (t.code === 'ELOOP' ? 'L' : 'N') : t.type === 'dir' ? 'd' : t.type === 'symlink' ? 'l' : 'f');
          } else out += pad(st.type === 'dir' ? 'd' : 'f');
          break;
        }
        case 'F': out += pad(isEl5(this.ctx) ? 'ext3' : 'ext4'); break;
        case 'S': out += pad(String(st.size === 0 ? 1 : (statBlocks(st) * 512) / st.size), true); break;
        case 't': out += pad(ctimeFormat(st.mtime)); break;
        case 'a': out += pad(ctimeFormat(st.atime)); break;
        case 'c': out += pad(ctimeFormat(st.ctime)); break;
        case 'T':
        case 'A':
        case 'C': {
          const k = fmt[++i];
          const ms = d === 'T' ? st.mtime : d === 'A' ? st.atime : st.ctime;
          out += pad(timeField(ms, k));
          break;
        }
        default:
          this.warn(`warning: unrecognized format directive \`%${d}'`);
          out += '%' + d;
      }
    }
    return out;
  }

  private resolveExecArgs(cmd: string[], replacement: string): string[] {
    return cmd.map((w) => w.split('{}').join(replacement));
  }

  /** Looks the command up as execvp would; prints find's message when it cannot run. */
  private canRun(name: string, cwd: string): boolean {
    const found = this.ctx.host.findProgram(name, this.ctx.env.PATH ?? '/bin:/usr/bin', this.fs.cred, cwd);
    if (found.ok) return true;
    const msg = found.reason === 'EACCES' ? 'Permission denied' : found.reason === 'EISDIR' ? 'Permission denied' : found.reason === 'ENOEXEC' ? 'Exec format error' : 'No such file or directory';
    this.warn(`${quote(name)}: ${msg}`);
    return false;
  }

  private async execOne(kind: string, cmd: string[], v: Visit): Promise<boolean> {
    const inDir = kind === 'execdir' || kind === 'okdir';
    const cwd = inDir ? this.fs.abs(dirOfPath(v.path)) : this.fs.cwd;
    const arg = inDir ? './' + baseOfPath(v.path) : v.path;
    const argv = this.resolveExecArgs(cmd, arg);
    if (kind === 'ok' || kind === 'okdir') {
      this.ctx.stderr.write(`< ${argv[0]} ... ${arg} > ? `);
      if (!(await readYes(this.ctx))) return false;
    }
    if (!this.canRun(argv[0]!, cwd)) return false;
    const status = await this.ctx.spawn(argv, { cwd });
    return status === 0;
  }

  private async flushBatches(): Promise<void> {
    for (const b of this.batches) {
      if (b.paths.length === 0) continue;
      if (!this.canRun(b.argv[0]!, b.cwd)) {
        this.status = 1;
        continue;
      }
      const status = await this.ctx.spawn([...b.argv, ...b.paths], { cwd: b.cwd });
      if (status !== 0) this.status = 1;
      b.paths = [];
    }
  }
}

class HelpExit extends FindError {
  constructor() {
    super('');
  }
}

function numCompare(a: string): ((n: number) => boolean) | null {
  const m = /^([+-]?)(\d+)$/.exec(a);
  if (!m) return null;
  const n = Number(m[2]);
  if (m[1] === '+') return (x) => x > n;
  if (m[1] === '-') return (x) => x < n;
  return (x) => x === n;
}

function baseOfPath(p: string): string {
  if (p === '/') return '/';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

function dirOfPath(p: string): string {
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return t.slice(0, i);
}

/** Length of the part of a path below its starting point (depth components). */
function relativeLength(path: string, depth: number): number {
  const parts = path.split('/');
  return parts.slice(parts.length - depth).join('/').length;
}

function escapeControl(s: string): string {
  return s.replace(/[\\\x00-\x1f\x7f]/g, (c) => {
    const map: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a' };
    return map[c] ?? '\\' + c.charCodeAt(0).toString(8).padStart(3, '0');
  });
}

