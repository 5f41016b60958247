/**
 * The awk interpreter: a tree walker over the parser's AST with gawk 3.1.7's run-time rules
 * (lazy field splitting, $0 rebuilt with OFS, strnum comparisons, CONVFMT/OFMT, getline forms,
 * redirections, the built-in functions).
 *
 * Most of a program runs synchronously; only statements that may wait (getline, pipes,
 * system(), close(), and functions that use them — marked by the parser) go through the async
 * twins `evA`/`exA`. Input is read asynchronously between records, so reading a terminal or a
 * pipe works line by line.
 *
 * Safety: every statement counts against a budget and function calls against a depth limit, so
 * an endless loop or recursion ends with a fatal error instead of hanging the lab; strings are
 * capped in size. Nothing thrown here escapes run(): errors become gawk-style messages.
 */
import type { ProgramContext } from '../../../proc/program';
import { Interrupted, ExitRequest } from '../../../proc/signals';
import { FsError } from '../../../fs/errors';
import type { Inode } from '../../../fs/vfs';
import { CollectOutput } from '../../../io/streams';
import { locLine, locSrc, type Expr, type FuncDef, type LValue, type Program, type Redirect, type Rule, type Stmt, type VarRef } from './ast';
import { awkSprintf, FormatFatal, numToStr, valToStr } from './format';
import { RecordReader, type RSMode } from './io';
import type { AwkSource } from './lexer';
import { locationPrefix } from './parser';
import { AwkRegexError, compileAwkRegex, type AwkRegex } from './regex';
import { DEFAULT_STRFTIME, mktime, strftime } from './time';
import { StrNum, isNumeric, toBool, toNum, type Val } from './values';
import { AwkArray } from './array';
import { NEG_NAN } from '../../../util/printf';

/** Limits that keep a runaway program from hanging the lab (tests may lower them). */
export const limits = {
  /** Statements (and loop iterations) one run may execute. */
  statements: 20_000_000,
  /** Nesting of user function calls. */
  callDepth: 2500,
  /** Characters in one string value. */
  stringSize: 32 * 1024 * 1024,
  /** Characters one run may write (stdout, files and pipes together). */
  outputSize: 64 * 1024 * 1024,
};


interface Cell {
  v: Val;
  a: AwkArray | null;
  /** Used as a scalar (read or assigned), so it can no longer become an array. */
  scalar?: boolean;
  /** For an untyped parameter: the caller's variable, which becomes an array along with it. */
  link: Cell | null;
  /** For a parameter holding the caller's array: that array's global name (for messages). */
  from?: string;
  special: number;
  name: string;
}

const SP_NF = 1;
const SP_NR = 2;
const SP_FNR = 3;
const SP_FS = 4;
const SP_RS = 5;
const SP_CONVFMT = 6;
const SP_OFMT = 7;
const SP_IGNORECASE = 8;

const SPECIAL_IDS: Record<string, number> = {
  NF: SP_NF,
  NR: SP_NR,
  FNR: SP_FNR,
  FS: SP_FS,
  RS: SP_RS,
  CONVFMT: SP_CONVFMT,
  OFMT: SP_OFMT,
  IGNORECASE: SP_IGNORECASE,
};

/** A fatal run-time error: `awk: [where] (FILENAME=... FNR=...) fatal: message`. */
class AwkFatal extends Error {}

class StackOverflow extends Error {}
class NextSignal {}
class NextFileSignal {}
class ExitSignal {}

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;

/** A resolved assignable place. */
type Place = { k: 'cell'; cell: Cell } | { k: 'field'; i: number } | { k: 'elem'; arr: AwkArray; key: string };

type FieldMode = { kind: 'default' } | { kind: 'char'; c: string } | { kind: 'null' } | { kind: 'regex'; re: AwkRegex };

interface OutTarget {
  kind: 'file' | 'stdout' | 'stderr' | 'pipe' | 'null';
  inode?: Inode;
  cmd?: string;
  chunks?: string[];
}

interface InTarget {
  reader: RecordReader;
  eof: boolean;
  status: number;
}

export interface InterpOptions {
  ctx: ProgramContext;
  myname: string;
  sources: AwkSource[];
  program: Program;
  /** ARGV[0..]. */
  argv: string[];
  /** -v assignments, applied before BEGIN. */
  assigns: { name: string; value: string }[];
  /** The -F value, after escape processing. */
  fs: string | null;
  /** --re-interval: {n,m} in regular expressions. */
  intervals?: boolean;
  /** The lexer's final location, which messages show until a statement has run. */
  endLoc?: number;
}

/** awk's escape processing for -v and command-line assignments (make_str_node with SCAN). */
export function processAssignEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[++i]!;
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', '/': '/' };
    if (simple[d] !== undefined) out += simple[d];
    else if (d >= '0' && d <= '7') {
      let v = d.charCodeAt(0) - 48;
      let n = 1;
      while (n < 3 && s[i + 1] !== undefined && s[i + 1]! >= '0' && s[i + 1]! <= '7') {
        v = v * 8 + (s.charCodeAt(++i) - 48);
        n++;
      }
      out += String.fromCharCode(v & 0xff);
    } else if (d === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      let v = 0;
      while (/[0-9a-fA-F]/.test(s[i + 1] ?? '')) v = (v * 16 + parseInt(s[++i]!, 16)) & 0xffff;
      out += String.fromCharCode(v & 0xff);
    } else out += d;
  }
  return out;
}

/** (uintmax_t) d, as x86 converts a double. */
function toUintmax(d: number): bigint {
  if (!Number.isFinite(d)) return 0x8000000000000000n;
  const t = Math.trunc(d);
  if (t >= 18446744073709551616 || t <= -9223372036854775808) return 0x8000000000000000n;
  return BigInt.asUintN(64, BigInt(t));
}

/** gawk's adjust_uint(): keep the 53 bits a double represents exactly. */
function adjustUint(n: bigint): number {
  return Number(BigInt.asUintN(64, n) & 0x1fffffffffffffn);
}

function charLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function mapCase(s: string, upper: boolean): string {
  let out = '';
  for (const ch of s) {
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}

/**
 * A NaN that arithmetic creates from non-NaN operands is x86's default NaN, which has the sign
 * bit set (printed -nan); a NaN operand passes through unchanged.
 */
function made(r: number, x: number, y = 0): number {
  return r !== r && x === x && y === y ? NEG_NAN : r;
}

/** gawk's calc_exp: integral exponents by repeated squaring, others with pow(). */
function power(x: number, y: number): number {
  const calcPosint = (b: number, n: number): number => {
    let mult = 1;
    let xx = b;
    let k = n;
    while (k > 1) {
      if (k % 2 === 1) mult *= xx;
      xx *= xx;
      k = Math.floor(k / 2);
    }
    return mult * xx;
  };
  if (Number.isInteger(y) && Math.abs(y) < 2 ** 53) {
    if (y === 0) return 1;
    return y > 0 ? calcPosint(x, y) : 1 / calcPosint(x, -y);
  }
  return Math.pow(x, y);
}

/** The BSD random(3) generator gawk 3.1.7 carries (TYPE_4: x**63 + x + 1). */
class GawkRandom {
  private state = new Uint32Array(63);
  private f = 1;
  private r = 0;

  constructor(seed: number) {
    this.seed(seed);
  }

  private static good(x0: number): number {
    let x = x0 | 0;
    if (x === 0) x = 123459876;
    const hi = Math.trunc(x / 127773);
    const lo = x % 127773;
    x = 16807 * lo - 2836 * hi;
    if (x < 0) x += 0x7fffffff;
    return x >>> 0;
  }

  seed(s: number): void {
    this.state[0] = s >>> 0;
    for (let i = 1; i < 63; i++) this.state[i] = GawkRandom.good(this.state[i - 1]!);
    this.f = 1;
    this.r = 0;
    for (let i = 0; i < 630; i++) this.next();
  }

  next(): number {
    const st = this.state;
    st[this.f] = (st[this.f]! + st[this.r]!) >>> 0;
    const i = (st[this.f]! >>> 1) & 0x7fffffff;
    if (++this.f >= 63) {
      this.f = 0;
      ++this.r;
    } else if (++this.r >= 63) this.r = 0;
    return i;
  }
}

export class Interp {
  private readonly ctx: ProgramContext;
  private readonly prog: Program;
  private readonly myname: string;
  private readonly sources: AwkSource[];
  private readonly globals = new Map<string, Cell>();
  private frame: Cell[] | null = null;
  private depth = 0;
  private loopDepth = 0;
  private steps = 0;
  private curLoc = 0;
  private retVal: Val = undefined;
  private exitCode = 0;
  private phase: 'begin' | 'main' | 'end' = 'begin';

  // record state
  private record = '';
  /** Before any record exists $0 is gawk's Nnull_string, which is both "" and 0. */
  private recordNull = true;
  /**
   * The value of $0 when it is not input text: what was assigned to it (keeping its type) or
   * the plain string a rebuild produced. null: input text, a strnum made on demand.
   */
  private recVal: Val | null = null;
  private recDirty = false;
  private fields: Val[] = [];
  private splitDone = true;
  private nf = 0;
  private NR = 0;
  private FNR = 0;
  private fsMode: FieldMode | null = null;
  private rsMode: RSMode | null = null;
  private convfmt = '%.6g';
  private ofmt = '%.6g';
  private icase = false;
  private readonly rangeActive: boolean[];

  // main input
  private argIndex = 1;
  private usedFileArg = false;
  private mainReader: RecordReader | null = null;
  private mainDone = false;
  private stdinReader: RecordReader | null = null;

  // I/O
  private outBuf: string[] = [];
  private outLen = 0;
  private readonly outputs = new Map<string, OutTarget>();
  private readonly inputs = new Map<string, InTarget>();
  private readonly cmdInputs = new Map<string, InTarget>();

  private readonly rng: GawkRandom;
  private readonly intervals: boolean;
  private seed = 0;
  private readonly cells: Record<string, Cell>;

  constructor(private readonly opts: InterpOptions) {
    this.ctx = opts.ctx;
    this.prog = opts.program;
    this.myname = opts.myname;
    this.sources = opts.sources;
    this.rangeActive = new Array<boolean>(opts.program.ranges).fill(false);
    this.intervals = opts.intervals ?? false;
    this.curLoc = opts.endLoc ?? 0;
    this.rng = new GawkRandom(1);
    this.seed = 0;
    const mk = (name: string, v: Val): Cell => {
      const c: Cell = { v, a: null, link: null, special: SPECIAL_IDS[name] ?? 0, name };
      this.globals.set(name, c);
      return c;
    };
    this.cells = {
      FS: mk('FS', ' '),
      OFS: mk('OFS', ' '),
      ORS: mk('ORS', '\n'),
      RS: mk('RS', '\n'),
      NF: mk('NF', undefined),
      NR: mk('NR', undefined),
      FNR: mk('FNR', undefined),
      SUBSEP: mk('SUBSEP', '\x1c'),
      CONVFMT: mk('CONVFMT', '%.6g'),
      OFMT: mk('OFMT', '%.6g'),
      RSTART: mk('RSTART', 0),
      RLENGTH: mk('RLENGTH', -1),
      FILENAME: mk('FILENAME', ''),
      RT: mk('RT', ''),
      IGNORECASE: mk('IGNORECASE', 0),
      ERRNO: mk('ERRNO', ''),
      ARGIND: mk('ARGIND', 0),
      BINMODE: mk('BINMODE', 0),
      FIELDWIDTHS: mk('FIELDWIDTHS', ''),
      LINT: mk('LINT', 0),
      TEXTDOMAIN: mk('TEXTDOMAIN', 'messages'),
      ARGC: mk('ARGC', opts.argv.length),
    };
    const argvCell = mk('ARGV', undefined);
    argvCell.a = new AwkArray();
    opts.argv.forEach((a, i) => argvCell.a!.set(String(i), new StrNum(a)));
    const envCell = mk('ENVIRON', undefined);
    envCell.a = new AwkArray();
    for (const [k, v] of Object.entries(this.ctx.env)) envCell.a.set(k, new StrNum(v));
    const procinfo = mk('PROCINFO', undefined);
    procinfo.a = new AwkArray();
    for (const [k, v] of [
      ['version', this.ctx.host.profile.release === 'el5' ? '3.1.5' : '3.1.7'],
      ['FS', 'FS'],
      ['strftime', DEFAULT_STRFTIME],
      ['pid', this.ctx.proc.pid],
      ['ppid', this.ctx.proc.ppid],
      ['uid', this.ctx.fs.cred.uid],
      ['euid', this.ctx.fs.cred.uid],
      ['gid', this.ctx.fs.cred.gid],
      ['egid', this.ctx.fs.cred.gid],
      ['pgrpid', this.ctx.proc.pgid],
    ] as [string, Val][])
      procinfo.a.set(k, v);
    for (const name of this.prog.globals) if (!this.globals.has(name)) mk(name, undefined);
  }

  // ---- entry -------------------------------------------------------------------------------

  async run(): Promise<number> {
    let status = 0;
    try {
      if (this.opts.fs !== null) this.assignCell(this.cells.FS!, this.opts.fs);
      for (const a of this.opts.assigns) this.commandLineAssign(a.name, a.value);
      let exiting = false;
      try {
        this.phase = 'begin';
        for (const r of this.prog.begin) await this.runAction(r);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        exiting = true;
      }
      if (!exiting && (this.prog.main.length > 0 || this.prog.end.length > 0)) {
        this.phase = 'main';
        try {
          await this.mainLoop();
        } catch (e) {
          if (!(e instanceof ExitSignal)) throw e;
        }
      }
      this.phase = 'end';
      try {
        for (const r of this.prog.end) await this.runAction(r);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
      }
      status = this.exitCode & 0xff;
    } catch (e) {
      status = this.handleError(e);
    }
    try {
      await this.closeAll();
    } catch (e) {
      status = this.handleError(e) || status;
    }
    this.flushOut();
    return status;
  }

  private handleError(e: unknown): number {
    if (e instanceof Interrupted || e instanceof ExitRequest) throw e;
    if (e instanceof AwkFatal) {
      this.message('fatal: ' + e.message);
      return 2;
    }
    if (e instanceof StackOverflow || (e instanceof RangeError && /call stack/i.test(e.message))) {
      // RHEL's gawk is built without libsigsegv: runaway recursion dies of SIGSEGV, silently
      this.flushOut();
      throw new Interrupted(11);
    }
    if (e instanceof RangeError) {
      this.message('fatal: out of memory');
      return 2;
    }
    if (e instanceof ExitSignal || e instanceof NextSignal || e instanceof NextFileSignal) return this.exitCode & 0xff;
    this.message('fatal error: internal error' + (e instanceof Error ? `: ${e.message}` : ''));
    return 2;
  }

  // ---- messages ------------------------------------------------------------------------------

  private message(text: string): void {
    this.flushOut();
    const l = this.curLoc;
    let where = locationPrefix(this.sources, locSrc(l), locLine(l));
    if (this.FNR > 0) where += `(FILENAME=${valToStr(this.cells.FILENAME!.v, this.convfmt)} FNR=${numToStr(this.FNR, '%.6g')}) `;
    this.ctx.stderr.write(`${this.myname}: ${where}${text}\n`);
  }

  private fatal(msg: string): never {
    throw new AwkFatal(msg);
  }

  private warning(msg: string): void {
    this.message('warning: ' + msg);
  }

  // ---- output --------------------------------------------------------------------------------

  private writeOut(s: string): void {
    this.outBuf.push(s);
    this.outLen += s.length;
    if (this.outLen > 65536) this.flushOut();
  }

  private flushOut(): void {
    if (this.outBuf.length === 0) return;
    const text = this.outBuf.join('');
    this.outBuf = [];
    this.outLen = 0;
    this.ctx.stdout.write(text);
  }

  private getOutput(kind: Redirect['kind'], name: string): OutTarget {
    if (name === '') this.fatal(`expression for \`${kind}' redirection has null string value`);
    const have = this.outputs.get(name);
    if (have) return have;
    let t: OutTarget;
    if (kind === '|' || kind === '|&') t = { kind: 'pipe', cmd: name, chunks: [] };
    else if (name === '/dev/stdout' || name === '/dev/fd/1') t = { kind: 'stdout' };
    else if (name === '/dev/stderr' || name === '/dev/fd/2') t = { kind: 'stderr' };
    else if (name === '/dev/null') t = { kind: 'null' };
    else {
      try {
        const inode = this.ctx.fs.openForWrite(name, { append: kind === '>>' });
        t = { kind: 'file', inode };
      } catch (e) {
        if (e instanceof FsError) this.fatal(`can't redirect to \`${name}' (${e.message})`);
        throw e;
      }
    }
    this.outputs.set(name, t);
    return t;
  }

  private written = 0;

  /** Writes for print/printf; past the lab's output limit, fails as a full disk would. */
  private emit(text: string, redir: { kind: Redirect['kind']; name: string } | null, from = 'print'): void {
    this.written += text.length;
    if (this.written > limits.outputSize) this.fatal(`${from} to "${redir ? redir.name : 'standard output'}" failed (No space left on device)`);
    if (!redir) {
      this.writeOut(text);
      return;
    }
    const t = this.getOutput(redir.kind, redir.name);
    switch (t.kind) {
      case 'stdout':
        this.writeOut(text);
        return;
      case 'stderr':
        this.flushOut();
        this.ctx.stderr.write(text);
        return;
      case 'file':
        if (text !== '') this.ctx.fs.vfs.appendTo(t.inode!, text);
        return;
      case 'pipe':
        t.chunks!.push(text);
        return;
      case 'null':
        return;
    }
  }

  private async runCommand(cmd: string, stdinText: string | null, capture: boolean, flush = true): Promise<{ status: number; out: string }> {
    if (flush) this.flushOut();
    const collect = capture ? new CollectOutput() : null;
    const status = await this.ctx.spawn(['/bin/sh', '-c', cmd], {
      stdin: stdinText === null ? undefined : this.ctx.host.stringSource(stdinText),
      stdout: collect ?? undefined,
    });
    return { status, out: collect ? collect.text() : '' };
  }

  private async closeOne(name: string, flush = true): Promise<number> {
    const out = this.outputs.get(name);
    if (out) {
      this.outputs.delete(name);
      if (out.kind === 'pipe') {
        const r = await this.runCommand(out.cmd!, out.chunks!.join(''), false, flush);
        return r.status;
      }
      return 0;
    }
    const inp = this.inputs.get(name);
    if (inp) {
      this.inputs.delete(name);
      return 0;
    }
    const cmd = this.cmdInputs.get(name);
    if (cmd) {
      this.cmdInputs.delete(name);
      return cmd.status;
    }
    this.cells.ERRNO!.v = 'close of redirection that was never opened';
    return -1;
  }

  /**
   * At exit gawk closes pipes and files first and flushes standard output last; on a terminal
   * the output was already out line by line.
   */
  private async closeAll(): Promise<void> {
    const tty = this.ctx.stdout.isTTY;
    if (tty) this.flushOut();
    for (const name of [...this.outputs.keys()]) await this.closeOne(name, tty);
  }

  // ---- variables -----------------------------------------------------------------------------

  private cellOf(ref: VarRef): Cell {
    if (ref.scope === 'local') return this.frame![ref.index]!;
    let c = ref.cell as Cell | undefined;
    if (!c) {
      c = this.globals.get(ref.name);
      if (!c) {
        c = { v: undefined, a: null, link: null, special: 0, name: ref.name };
        this.globals.set(ref.name, c);
      }
      ref.cell = c;
    }
    return c;
  }

  private arrayName(c: Cell): string {
    return c.from !== undefined ? `${c.name} (from ${c.from})` : c.name;
  }

  private getCell(c: Cell): Val {
    if (c.a) this.fatal(`attempt to use array \`${this.arrayName(c)}' in a scalar context`);
    switch (c.special) {
      case 0:
        c.scalar = true;
        return c.v;
      case SP_NF:
        return this.getNF();
      case SP_NR:
        return this.NR;
      case SP_FNR:
        return this.FNR;
      default:
        return c.v;
    }
  }

  private assignCell(c: Cell, v: Val): void {
    if (c.a) this.fatal(`attempt to use array \`${this.arrayName(c)}' in a scalar context`);
    switch (c.special) {
      case 0:
        c.v = v;
        c.scalar = true;
        return;
      case SP_NF:
        this.setNF(toNum(v));
        return;
      case SP_NR:
        this.NR = toNum(v);
        return;
      case SP_FNR:
        this.FNR = toNum(v);
        return;
      case SP_FS:
        this.ensureSplit();
        c.v = v;
        this.fsMode = null;
        return;
      case SP_RS:
        c.v = v;
        this.rsMode = null;
        this.fsMode = null;
        return;
      case SP_CONVFMT:
        c.v = v;
        this.convfmt = valToStr(v, '%.6g');
        return;
      case SP_OFMT:
        c.v = v;
        this.ofmt = valToStr(v, '%.6g');
        return;
      case SP_IGNORECASE:
        c.v = v;
        this.icase = toBool(v);
        this.fsMode = null;
        this.rsMode = null;
        return;
      default:
        c.v = v;
    }
  }

  private arrayOf(ref: VarRef): AwkArray {
    const c = this.cellOf(ref);
    if (c.a) return c.a;
    if (c.v !== undefined || c.special !== 0 || c.scalar) {
      if (ref.scope === 'local') this.fatal(`attempt to use scalar parameter \`${ref.name}' as an array`);
      this.fatal(`attempt to use scalar \`${ref.name}' as array`);
    }
    const m = new AwkArray();
    let x: Cell | null = c;
    while (x && x.a === null && x.v === undefined && !x.scalar) {
      x.a = m;
      x = x.link;
    }
    return m;
  }

  /** A string for any value, numbers through CONVFMT. */
  str(v: Val): string {
    if (typeof v === 'string') return v;
    if (v === undefined) return '';
    if (typeof v === 'number') return numToStr(v, this.convfmt);
    return v.s;
  }

  /** A value as print writes it: numbers through OFMT. */
  private outStr(v: Val): string {
    if (typeof v === 'number') return numToStr(v, this.ofmt);
    return this.str(v);
  }

  private subscript(vals: Val[]): string {
    if (vals.length === 1) return this.str(vals[0]);
    const sep = this.str(this.cells.SUBSEP!.v);
    return vals.map((v) => this.str(v)).join(sep);
  }

  private compare(a: Val, b: Val): number {
    if (isNumeric(a) && isNumeric(b)) {
      const x = toNum(a);
      const y = toNum(b);
      return x === y ? 0 : x < y ? -1 : 1;
    }
    let s = this.str(a);
    let t = this.str(b);
    if (this.icase) {
      s = s.toLowerCase();
      t = t.toLowerCase();
    }
    return s === t ? 0 : s < t ? -1 : 1;
  }

  private concat(a: string, b: string): string {
    if (a.length + b.length > limits.stringSize) this.fatal(`concatenation: string too long (${a.length + b.length} bytes): Cannot allocate memory`);
    return a + b;
  }

  // ---- records and fields ----------------------------------------------------------------------

  private setRecord(text: string, value: Val | null = null): void {
    this.recordNull = false;
    this.record = text;
    this.recVal = value;
    this.recDirty = false;
    this.splitDone = false;
  }

  private fieldMode(): FieldMode {
    if (this.fsMode) return this.fsMode;
    const fs = this.str(this.cells.FS!.v);
    const para = this.str(this.cells.RS!.v) === '';
    let m: FieldMode;
    if (fs === ' ') m = { kind: 'default' };
    else if (fs === '') m = { kind: 'null' };
    else if (fs.length === 1 && fs !== '\\' && !para) m = { kind: 'char', c: fs };
    else if (fs.length === 1 && para) {
      m = { kind: 'regex', re: this.regex(fs === '\\' ? '[\\\\\n]' : fs === '\n' ? '\n' : `[${fs === ']' || fs === '^' ? '\\' + fs : fs}\n]`, false) };
    } else if (fs === '\\') m = { kind: 'regex', re: this.regex('[\\\\]', false) };
    else m = { kind: 'regex', re: this.regex(fs, this.icase) };
    this.fsMode = m;
    return m;
  }

  /** Splits text into fields with a field mode (also used by split()). */
  private splitText(text: string, mode: FieldMode): string[] {
    const out: string[] = [];
    switch (mode.kind) {
      case 'default': {
        let i = 0;
        const n = text.length;
        for (;;) {
          while (i < n) {
            const c = text.charCodeAt(i);
            if (c !== 32 && c !== 9 && c !== 10) break;
            i++;
          }
          if (i >= n) break;
          const s = i;
          while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 32 || c === 9 || c === 10) break;
            i++;
          }
          out.push(text.slice(s, i));
        }
        return out;
      }
      case 'null':
        return [...text];
      case 'char':
        if (text === '') return out;
        return text.split(mode.c);
      case 'regex': {
        if (text === '') return out;
        const re = mode.re.re;
        let field = 0;
        let scan = 0;
        const end = text.length;
        while (scan < end) {
          // gawk searches the rest of the record as a string of its own
          const sub = scan === 0 ? text : text.slice(scan);
          const m = re.exec(sub, 0);
          if (!m) break;
          if (m.end === m.start) {
            scan++;
            if (scan >= end) {
              out.push(text.slice(field));
              return out;
            }
            continue;
          }
          out.push(text.slice(field, scan + m.start));
          scan += m.end;
          field = scan;
          if (scan === end) {
            out.push('');
            return out;
          }
        }
        if (field < end || out.length === 0) out.push(text.slice(field));
        return out;
      }
    }
  }

  private ensureSplit(): void {
    if (this.splitDone) return;
    const parts = this.splitText(this.record, this.fieldMode());
    const f: Val[] = new Array<Val>(parts.length + 1);
    f[0] = undefined;
    for (let i = 0; i < parts.length; i++) f[i + 1] = new StrNum(parts[i]!);
    this.fields = f;
    this.nf = parts.length;
    this.splitDone = true;
  }

  private rebuild(): void {
    this.recordNull = false;
    const ofs = this.str(this.cells.OFS!.v);
    const parts: string[] = [];
    for (let i = 1; i <= this.nf; i++) parts.push(this.str(this.fields[i]));
    this.record = parts.join(ofs);
    this.recVal = this.record;
    this.recDirty = false;
  }

  private getRecordText(): string {
    if (this.recDirty) this.rebuild();
    return this.record;
  }

  private getField(i: number): Val {
    if (i === 0) {
      if (this.recDirty) this.rebuild();
      else if (this.recordNull) return undefined;
      if (this.recVal === null) this.recVal = new StrNum(this.record);
      return this.recVal;
    }
    this.ensureSplit();
    if (i > this.nf) return '';
    return this.fields[i];
  }

  private fieldIndex(v: Val): number {
    const n = Math.trunc(toNum(v));
    if (!(n >= 0)) this.fatal(`attempt to access field ${Number.isFinite(n) ? n : -1}`);
    if (n > 10_000_000) this.fatal(`attempt to access field ${n}: Cannot allocate memory`);
    return n;
  }

  private setField(i: number, v: Val): void {
    if (i === 0) {
      this.setRecord(this.str(v), v === undefined ? '' : v);
      return;
    }
    this.ensureSplit();
    if (i > this.nf) {
      for (let k = this.nf + 1; k < i; k++) this.fields[k] = '';
      this.nf = i;
    }
    this.fields[i] = v;
    this.recDirty = true;
  }

  private getNF(): number {
    this.ensureSplit();
    return this.nf;
  }

  private setNF(n0: number): void {
    this.ensureSplit();
    const n = Math.trunc(n0);
    if (n < 0 || Number.isNaN(n)) this.fatal('NF set to negative value');
    if (n > 10_000_000) this.fatal(`NF set to ${n}: Cannot allocate memory`);
    for (let k = this.nf + 1; k <= n; k++) this.fields[k] = '';
    this.fields.length = n + 1;
    this.nf = n;
    this.recDirty = true;
  }

  // ---- regular expressions -------------------------------------------------------------------

  private regex(src: string, icase: boolean): AwkRegex {
    try {
      return compileAwkRegex(src, icase, this.opts.intervals ?? false);
    } catch (e) {
      if (e instanceof AwkRegexError) this.fatal(`${e.message}: /${e.pattern}/`);
      throw e;
    }
  }

  private matchRecord(src: string): boolean {
    return this.regex(src, this.icase).re.test(this.getRecordText());
  }

  // ---- places (lvalues) ------------------------------------------------------------------------

  private place(lv: LValue): Place {
    switch (lv.k) {
      case 'var':
        return { k: 'cell', cell: this.cellOf(lv.ref) };
      case 'field':
        return { k: 'field', i: this.fieldIndex(this.ev(lv.e)) };
      case 'index': {
        const key = this.subscript(lv.subs.map((s) => this.ev(s)));
        return { k: 'elem', arr: this.arrayOf(lv.ref), key };
      }
    }
  }

  private async placeA(lv: LValue): Promise<Place> {
    if (!lv.async) return this.place(lv);
    switch (lv.k) {
      case 'var':
        return { k: 'cell', cell: this.cellOf(lv.ref) };
      case 'field':
        return { k: 'field', i: this.fieldIndex(await this.evA(lv.e)) };
      case 'index': {
        const vals: Val[] = [];
        for (const s of lv.subs) vals.push(await this.evA(s));
        return { k: 'elem', arr: this.arrayOf(lv.ref), key: this.subscript(vals) };
      }
    }
  }

  private getPlace(p: Place): Val {
    switch (p.k) {
      case 'cell':
        return this.getCell(p.cell);
      case 'field':
        return this.getField(p.i);
      case 'elem': {
        if (!p.arr.has(p.key)) p.arr.set(p.key, undefined);
        return p.arr.get(p.key);
      }
    }
  }

  private setPlace(p: Place, v: Val): void {
    switch (p.k) {
      case 'cell':
        this.assignCell(p.cell, v);
        return;
      case 'field':
        this.setField(p.i, v);
        return;
      case 'elem':
        p.arr.set(p.key, v);
        return;
    }
  }

  private compound(op: string, cur: Val, rhs: Val): number {
    const x = toNum(cur);
    const y = toNum(rhs);
    switch (op) {
      case '+=':
        return made(x + y, x, y);
      case '-=':
        return made(x - y, x, y);
      case '*=':
        return made(x * y, x, y);
      case '/=':
        if (y === 0) this.fatal("division by zero attempted in `/='");
        return made(x / y, x, y);
      case '%=':
        if (y === 0) this.fatal("division by zero attempted in `%='");
        return made(x % y, x, y);
      default:
        return made(power(x, y), x, y);
    }
  }

  private arith(op: string, a: Val, b: Val): number {
    const x = toNum(a);
    const y = toNum(b);
    switch (op) {
      case '+':
        return made(x + y, x, y);
      case '-':
        return made(x - y, x, y);
      case '*':
        return made(x * y, x, y);
      case '/':
        if (y === 0) this.fatal('division by zero attempted');
        return made(x / y, x, y);
      case '%':
        if (y === 0) this.fatal("division by zero attempted in `%'");
        return made(x % y, x, y);
      default:
        return made(power(x, y), x, y);
    }
  }

  private cmpResult(op: string, c: number): number {
    switch (op) {
      case '<':
        return c < 0 ? 1 : 0;
      case '<=':
        return c <= 0 ? 1 : 0;
      case '>':
        return c > 0 ? 1 : 0;
      case '>=':
        return c >= 0 ? 1 : 0;
      case '==':
        return c === 0 ? 1 : 0;
      default:
        return c !== 0 ? 1 : 0;
    }
  }

  private incdec(p: Place, op: '++' | '--', prefix: boolean): Val {
    const old = toNum(this.getPlace(p));
    const nv = op === '++' ? old + 1 : old - 1;
    this.setPlace(p, nv);
    return prefix ? nv : old;
  }

  // ---- expressions (synchronous) ---------------------------------------------------------------

  ev(e: Expr): Val {
    // Kept small on purpose: every awk call nests a few of these frames on the JS stack.
    switch (e.k) {
      case 'num':
      case 'str':
        return e.v;
      case 'var':
        return this.evVar(e);
      case 'field':
        return this.getField(this.fieldIndex(this.ev(e.e)));
      case 'index':
        return this.evIndex(e);
      case 'assign':
        return this.evAssign(e);
      case 'cond':
        return toBool(this.ev(e.c)) ? this.ev(e.a) : this.ev(e.b);
      case 'and':
        return toBool(this.ev(e.a)) && toBool(this.ev(e.b)) ? 1 : 0;
      case 'or':
        return toBool(this.ev(e.a)) || toBool(this.ev(e.b)) ? 1 : 0;
      case 'cmp':
        return this.cmpResult(e.op, this.compare(this.ev(e.a), this.ev(e.b)));
      case 'concat':
        return this.concat(this.str(this.ev(e.a)), this.str(this.ev(e.b)));
      case 'bin':
        return this.arith(e.op, this.ev(e.a), this.ev(e.b));
      case 'call':
        return this.callUser(e, this.evalArgsForCall(e));
      case 'builtin':
        return this.builtin(e);
      default:
        return this.evOther(e);
    }
  }

  private evVar(e: Extract<Expr, { k: 'var' }>): Val {
    const c = this.cellOf(e.ref);
    if (c.special === 0 && c.a === null) {
      c.scalar = true;
      return c.v;
    }
    return this.getCell(c);
  }

  private evIndex(e: Extract<Expr, { k: 'index' }>): Val {
    const arr = this.arrayOf(e.ref);
    const key = e.subs.length === 1 ? this.str(this.ev(e.subs[0]!)) : this.subscript(e.subs.map((s) => this.ev(s)));
    if (!arr.has(key)) {
      arr.set(key, undefined);
      return undefined;
    }
    return arr.get(key);
  }

  /** gawk evaluates the right-hand side first, then the place (its subscript or field number). */
  private evAssign(e: Extract<Expr, { k: 'assign' }>): Val {
    const rhs = this.ev(e.e);
    const p = this.place(e.target);
    const v = e.op === '=' ? rhs : this.compound(e.op, this.getPlace(p), rhs);
    this.setPlace(p, v);
    return v;
  }

  private evOther(e: Expr): Val {
    switch (e.k) {
      case 'regex':
        return this.matchRecord(e.src) ? 1 : 0;
      case 'in': {
        const key = this.subscript(e.subs.map((s) => this.ev(s)));
        return this.arrayOf(e.ref).has(key) ? 1 : 0;
      }
      case 'match': {
        const s = this.str(this.ev(e.a));
        const re = e.re.k === 'regex' ? this.regex(e.re.src, this.icase) : this.regex(this.str(this.ev(e.re)), this.icase);
        return re.re.test(s) !== e.neg ? 1 : 0;
      }
      case 'unary': {
        const v = this.ev(e.e);
        if (e.op === '!') return toBool(v) ? 0 : 1;
        const n = toNum(v);
        return e.op === '-' ? -n : n;
      }
      case 'incdec':
        return this.incdec(this.place(e.target), e.op, e.prefix);
      case 'getline':
        return this.fatal('internal error: getline evaluated synchronously');
      default:
        return this.fatal('invalid subscript expression');
    }
  }

  // ---- expressions (asynchronous) --------------------------------------------------------------

  async evA(e: Expr): Promise<Val> {
    if (!e.async) return this.ev(e);
    switch (e.k) {
      case 'field':
        return this.getField(this.fieldIndex(await this.evA(e.e)));
      case 'index': {
        const vals: Val[] = [];
        for (const s of e.subs) vals.push(await this.evA(s));
        const arr = this.arrayOf(e.ref);
        const key = this.subscript(vals);
        if (!arr.has(key)) arr.set(key, undefined);
        return arr.get(key);
      }
      case 'assign': {
        const rhs = await this.evA(e.e);
        const p = await this.placeA(e.target);
        const v = e.op === '=' ? rhs : this.compound(e.op, this.getPlace(p), rhs);
        this.setPlace(p, v);
        return v;
      }
      case 'cond':
        return toBool(await this.evA(e.c)) ? this.evA(e.a) : this.evA(e.b);
      case 'and':
        return toBool(await this.evA(e.a)) && toBool(await this.evA(e.b)) ? 1 : 0;
      case 'or':
        return toBool(await this.evA(e.a)) || toBool(await this.evA(e.b)) ? 1 : 0;
      case 'in': {
        const vals: Val[] = [];
        for (const s of e.subs) vals.push(await this.evA(s));
        return this.arrayOf(e.ref).has(this.subscript(vals)) ? 1 : 0;
      }
      case 'match': {
        const s = this.str(await this.evA(e.a));
        const re = e.re.k === 'regex' ? this.regex(e.re.src, this.icase) : this.regex(this.str(await this.evA(e.re)), this.icase);
        return re.re.test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const a = await this.evA(e.a);
        const b = await this.evA(e.b);
        return this.cmpResult(e.op, this.compare(a, b));
      }
      case 'concat': {
        const a = this.str(await this.evA(e.a));
        return this.concat(a, this.str(await this.evA(e.b)));
      }
      case 'bin': {
        const a = await this.evA(e.a);
        return this.arith(e.op, a, await this.evA(e.b));
      }
      case 'unary': {
        const v = await this.evA(e.e);
        if (e.op === '!') return toBool(v) ? 0 : 1;
        const n = toNum(v);
        return e.op === '-' ? -n : n;
      }
      case 'incdec':
        return this.incdec(await this.placeA(e.target), e.op, e.prefix);
      case 'call':
        return this.callUserA(e, await this.evalArgsForCallA(e));
      case 'builtin':
        return this.builtinA(e);
      case 'getline':
        return this.getline(e);
      default:
        return this.ev(e);
    }
  }

  // ---- user functions ----------------------------------------------------------------------------

  private func(e: Extract<Expr, { k: 'call' }>): FuncDef {
    const f = this.prog.funcs.get(e.name);
    if (!f) this.fatal(`function \`${e.name}' not defined`);
    return f;
  }

  /** Builds the callee's frame: arrays by reference, scalars by value, untyped variables linked. */
  private argCell(arg: Expr, value: Val | null): Cell {
    if (arg.k === 'var') {
      const c = this.cellOf(arg.ref);
      if (c.a) return { v: undefined, a: c.a, link: null, special: 0, name: '', from: c.from ?? c.name };
      if (c.v === undefined && c.special === 0 && !c.scalar) return { v: undefined, a: null, link: c, special: 0, name: '' };
      return { v: this.getCell(c), a: null, link: null, special: 0, name: '' };
    }
    return { v: value ?? undefined, a: null, link: null, special: 0, name: '' };
  }

  private evalArgsForCall(e: Extract<Expr, { k: 'call' }>): Cell[] {
    const f = this.func(e);
    const frame: Cell[] = [];
    e.args.forEach((a, i) => {
      const cell = a.k === 'var' ? this.argCell(a, null) : this.argCell(a, this.ev(a));
      if (i < f.params.length) {
        cell.name = f.params[i]!;
        frame.push(cell);
      }
    });
    if (e.args.length > f.params.length) this.warning(`function \`${e.name}' called with more arguments than declared`);
    for (let i = frame.length; i < f.params.length; i++) frame.push({ v: undefined, a: null, link: null, special: 0, name: f.params[i]! });
    return frame;
  }

  private async evalArgsForCallA(e: Extract<Expr, { k: 'call' }>): Promise<Cell[]> {
    const f = this.func(e);
    const frame: Cell[] = [];
    for (let i = 0; i < e.args.length; i++) {
      const a = e.args[i]!;
      const cell = a.k === 'var' ? this.argCell(a, null) : this.argCell(a, await this.evA(a));
      if (i < f.params.length) {
        cell.name = f.params[i]!;
        frame.push(cell);
      }
    }
    if (e.args.length > f.params.length) this.warning(`function \`${e.name}' called with more arguments than declared`);
    for (let i = frame.length; i < f.params.length; i++) frame.push({ v: undefined, a: null, link: null, special: 0, name: f.params[i]! });
    return frame;
  }

  private enter(frame: Cell[]): { frame: Cell[] | null; loops: number; loc: number } {
    if (this.depth >= limits.callDepth) throw new StackOverflow();
    this.depth++;
    const saved = { frame: this.frame, loops: this.loopDepth, loc: this.curLoc };
    this.frame = frame;
    this.loopDepth = 0;
    this.retVal = undefined;
    return saved;
  }

  private leave(saved: { frame: Cell[] | null; loops: number; loc: number }): void {
    // gawk does not restore its source line after a call: messages name the callee's last line
    this.depth--;
    this.frame = saved.frame;
    this.loopDepth = saved.loops;
  }

  private callUser(e: Extract<Expr, { k: 'call' }>, frame: Cell[]): Val {
    const f = this.func(e);
    const saved = this.enter(frame);
    try {
      this.ex(f.body);
      const r = this.retVal;
      this.retVal = undefined;
      return r;
    } finally {
      this.leave(saved);
    }
  }

  private async callUserA(e: Extract<Expr, { k: 'call' }>, frame: Cell[]): Promise<Val> {
    const f = this.func(e);
    const saved = this.enter(frame);
    try {
      await this.exA(f.body);
      const r = this.retVal;
      this.retVal = undefined;
      return r;
    } finally {
      this.leave(saved);
    }
  }

  // ---- statements (synchronous) --------------------------------------------------------------------

  private tick(s: Stmt): void {
    this.curLoc = s.line;
    if (++this.steps > limits.statements) {
      this.fatal(`program stopped after ${limits.statements} statements (an endless loop?)`);
    }
  }

  ex(s: Stmt): number {
    this.tick(s);
    switch (s.k) {
      case 'expr':
        this.ev(s.e);
        return NORMAL;
      case 'block': {
        const body = s.body;
        for (let i = 0; i < body.length; i++) {
          const r = this.ex(body[i]!);
          if (r !== NORMAL) return r;
        }
        return NORMAL;
      }
      case 'if':
        if (toBool(this.ev(s.c))) return this.ex(s.then);
        return s.else ? this.ex(s.else) : NORMAL;
      case 'return':
        this.retVal = s.e ? this.ev(s.e) : undefined;
        return RETURN;
      default:
        return this.exOther(s);
    }
  }

  private exOther(s: Stmt): number {
    switch (s.k) {
      case 'print':
        this.doPrint(s.args.map((a) => this.ev(a)), s.redir ? { kind: s.redir.kind, name: this.str(this.ev(s.redir.e)) } : null, s.args.length === 0);
        return NORMAL;
      case 'printf':
        this.doPrintf(s.args.map((a) => this.ev(a)), s.redir ? { kind: s.redir.kind, name: this.str(this.ev(s.redir.e)) } : null);
        return NORMAL;
      case 'while':
      case 'do':
      case 'for':
      case 'forin':
        this.loopDepth++;
        try {
          return this.exLoop(s);
        } finally {
          this.loopDepth--;
        }
      case 'next':
        if (this.phase === 'begin') this.fatal("`next' cannot be called from a BEGIN rule");
        if (this.phase === 'end') this.fatal("`next' cannot be called from an END rule");
        throw new NextSignal();
      case 'nextfile':
        if (this.phase === 'begin') this.fatal("`nextfile' cannot be called from a BEGIN rule");
        if (this.phase === 'end') this.fatal("`nextfile' cannot be called from an END rule");
        throw new NextFileSignal();
      case 'exit':
        if (s.e) this.exitCode = Math.trunc(toNum(this.ev(s.e))) | 0;
        throw new ExitSignal();
      case 'break':
        if (this.loopDepth === 0) this.fatal("`break' outside a loop is not allowed");
        return BREAK;
      case 'continue':
        if (this.loopDepth === 0) this.fatal("`continue' outside a loop is not allowed");
        return CONTINUE;
      case 'delete':
        this.doDelete(s.ref, s.subs ? s.subs.map((x) => this.ev(x)) : null);
        return NORMAL;
      default:
        return this.fatal('internal error: getline evaluated synchronously');
    }
  }

  private exLoop(s: Stmt): number {
    switch (s.k) {
      case 'while':
        while (toBool(this.ev(s.c))) {
          const r = this.ex(s.body);
          if (r === BREAK) break;
          if (r === RETURN) return r;
          this.tick(s);
        }
        return NORMAL;
      case 'do':
        do {
          const r = this.ex(s.body);
          if (r === BREAK) break;
          if (r === RETURN) return r;
          this.tick(s);
        } while (toBool(this.ev(s.c)));
        return NORMAL;
      case 'for':
        if (s.init) {
          this.loopDepth--;
          try {
            this.ex(s.init);
          } finally {
            this.loopDepth++;
          }
        }
        while (s.c === null || toBool(this.ev(s.c))) {
          const r = this.ex(s.body);
          if (r === BREAK) break;
          if (r === RETURN) return r;
          if (s.step) this.ex(s.step);
          else this.tick(s);
        }
        return NORMAL;
      case 'forin': {
        const keys = this.arrayOf(s.arr).keys();
        const p = this.cellOf(s.v);
        for (const k of keys) {
          this.assignCell(p, k);
          const r = this.ex(s.body);
          if (r === BREAK) break;
          if (r === RETURN) return r;
          this.tick(s);
        }
        return NORMAL;
      }
      default:
        return NORMAL;
    }
  }

  // ---- statements (asynchronous) -------------------------------------------------------------------

  async exA(s: Stmt): Promise<number> {
    if (!s.async) return this.ex(s);
    this.tick(s);
    switch (s.k) {
      case 'expr':
      case 'getline':
        await this.evA(s.e);
        return NORMAL;
      case 'print':
      case 'printf': {
        const vals: Val[] = [];
        for (const a of s.args) vals.push(await this.evA(a));
        const redir = s.redir ? { kind: s.redir.kind, name: this.str(await this.evA(s.redir.e)) } : null;
        if (s.k === 'print') this.doPrint(vals, redir, s.args.length === 0);
        else this.doPrintf(vals, redir);
        return NORMAL;
      }
      case 'block':
        for (const x of s.body) {
          const r = await this.exA(x);
          if (r !== NORMAL) return r;
        }
        return NORMAL;
      case 'if':
        if (toBool(await this.evA(s.c))) return this.exA(s.then);
        return s.else ? this.exA(s.else) : NORMAL;
      case 'while':
        this.loopDepth++;
        try {
          while (toBool(await this.evA(s.c))) {
            const r = await this.exA(s.body);
            if (r === BREAK) break;
            if (r === RETURN) return r;
            this.tick(s);
          }
        } finally {
          this.loopDepth--;
        }
        return NORMAL;
      case 'do':
        this.loopDepth++;
        try {
          do {
            const r = await this.exA(s.body);
            if (r === BREAK) break;
            if (r === RETURN) return r;
            this.tick(s);
          } while (toBool(await this.evA(s.c)));
        } finally {
          this.loopDepth--;
        }
        return NORMAL;
      case 'for':
        if (s.init) await this.exA(s.init);
        this.loopDepth++;
        try {
          while (s.c === null || toBool(await this.evA(s.c))) {
            const r = await this.exA(s.body);
            if (r === BREAK) break;
            if (r === RETURN) return r;
            if (s.step) await this.exA(s.step);
            else this.tick(s);
          }
        } finally {
          this.loopDepth--;
        }
        return NORMAL;
      case 'forin': {
        const arr = this.arrayOf(s.arr);
        const keys = arr.keys();
        const p = this.cellOf(s.v);
        this.loopDepth++;
        try {
          for (const k of keys) {
            this.assignCell(p, k);
            const r = await this.exA(s.body);
            if (r === BREAK) break;
            if (r === RETURN) return r;
            this.tick(s);
          }
        } finally {
          this.loopDepth--;
        }
        return NORMAL;
      }
      case 'exit':
        if (s.e) this.exitCode = Math.trunc(toNum(await this.evA(s.e))) | 0;
        throw new ExitSignal();
      case 'return':
        this.retVal = s.e ? await this.evA(s.e) : undefined;
        return RETURN;
      case 'delete': {
        let subs: Val[] | null = null;
        if (s.subs) {
          subs = [];
          for (const x of s.subs) subs.push(await this.evA(x));
        }
        this.doDelete(s.ref, subs);
        return NORMAL;
      }
      default:
        return this.ex(s);
    }
  }

  private doDelete(ref: VarRef, subs: Val[] | null): void {
    const arr = this.arrayOf(ref);
    if (subs === null) arr.clear();
    else arr.delete(this.subscript(subs));
  }

  private doPrint(vals: Val[], redir: { kind: Redirect['kind']; name: string } | null, bare: boolean): void {
    const ors = this.str(this.cells.ORS!.v);
    let text: string;
    if (bare) text = this.getRecordText();
    else if (vals.length === 1) text = this.outStr(vals[0]);
    else {
      const ofs = this.str(this.cells.OFS!.v);
      text = vals.map((v) => this.outStr(v)).join(ofs);
    }
    this.emit(text + ors, redir);
  }

  private sprintf(vals: Val[]): string {
    if (vals.length === 0) return '';
    try {
      return awkSprintf(this.str(vals[0]), vals.slice(1), (v) => this.str(v));
    } catch (e) {
      if (e instanceof FormatFatal) this.fatal(e.message);
      throw e;
    }
  }

  private doPrintf(vals: Val[], redir: { kind: Redirect['kind']; name: string } | null): void {
    if (vals.length === 0) this.fatal('printf: no arguments');
    this.emit(this.sprintf(vals), redir, 'printf');
  }

  // ---- rules and the main loop ---------------------------------------------------------------------

  private async runAction(r: Rule): Promise<void> {
    if (!r.action) {
      this.curLoc = r.line;
      this.doPrint([], null, true);
      return;
    }
    const code = r.action.async ? await this.exA(r.action) : this.ex(r.action);
    if (code === BREAK) this.fatal("`break' outside a loop is not allowed");
    if (code === CONTINUE) this.fatal("`continue' outside a loop is not allowed");
  }

  private async patternMatches(r: Rule): Promise<boolean> {
    const p = r.pattern;
    switch (p.k) {
      case 'all':
        return true;
      case 'expr':
        return p.e.k === 'regex' ? this.matchRecord(p.e.src) : toBool(await this.evA(p.e));
      case 'range': {
        const test = async (e: Expr): Promise<boolean> => (e.k === 'regex' ? this.matchRecord(e.src) : toBool(await this.evA(e)));
        if (!this.rangeActive[p.id]) {
          if (!(await test(p.from))) return false;
          this.rangeActive[p.id] = !(await test(p.to));
          return true;
        }
        if (await test(p.to)) this.rangeActive[p.id] = false;
        return true;
      }
      default:
        return false;
    }
  }

  private rsModeNow(): RSMode {
    if (this.rsMode) return this.rsMode;
    const rs = this.str(this.cells.RS!.v);
    let m: RSMode;
    if (rs === '') m = { kind: 'para' };
    else if (rs.length === 1) m = { kind: 'char', c: rs };
    else m = { kind: 'regex', re: this.regex(rs, this.icase) };
    this.rsMode = m;
    return m;
  }

  private stdin(): RecordReader {
    if (!this.stdinReader) {
      this.stdinReader = new RecordReader(null, async () => {
        this.flushOut();
        return this.ctx.stdin.read();
      });
    }
    return this.stdinReader;
  }

  private commandLineAssign(name: string, value: string): void {
    const c = this.globals.get(name) ?? { v: undefined, a: null, link: null, special: SPECIAL_IDS[name] ?? 0, name };
    this.globals.set(name, c);
    if (this.prog.funcs.has(name)) this.fatal(`can't use function name \`${name}' as variable or array`);
    if (c.a) this.fatal(`attempt to use array \`${name}' in a scalar context`);
    this.assignCell(c, new StrNum(processAssignEscapes(value)));
  }

  /** Opens the next input file named in ARGV (performing assignments on the way). */
  private openNextFile(): boolean {
    const argv = this.cellOf({ scope: 'global', name: 'ARGV' });
    for (;;) {
      const argc = toNum(this.getCell(this.cells.ARGC!));
      if (this.argIndex >= argc) break;
      const i = this.argIndex++;
      const arr = argv.a;
      const v = arr ? arr.get(String(i)) : undefined;
      const arg = this.str(v);
      if (arg === '') continue;
      this.cells.ARGIND!.v = i;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(arg);
      if (m) {
        this.commandLineAssign(m[1]!, arg.slice(m[0].length));
        continue;
      }
      this.usedFileArg = true;
      this.mainReader = this.openInputFile(arg, true)!;
      this.cells.FILENAME!.v = v instanceof StrNum ? v : arg;
      this.FNR = 0;
      return true;
    }
    if (!this.usedFileArg) {
      this.usedFileArg = true;
      this.cells.FILENAME!.v = '-';
      this.mainReader = this.stdin();
      return true;
    }
    return false;
  }

  /** A reader for a named input; `fatalIfMissing` for main input files, else null on error. */
  private openInputFile(name: string, fatalIfMissing: boolean): RecordReader | null {
    if (name === '-' || name === '/dev/stdin' || name === '/dev/fd/0') return this.stdin();
    if (name === '/dev/null') return new RecordReader('');
    try {
      const st = this.ctx.fs.stat(name);
      if (st.type === 'dir') throw new FsError('EISDIR', name);
      return new RecordReader(this.ctx.fs.readFile(name));
    } catch (e) {
      if (e instanceof FsError) {
        // a directory opens, then is refused with whatever errno was left over (ENOTTY)
        const why = e.code === 'EISDIR' ? 'Inappropriate ioctl for device' : e.message;
        if (fatalIfMissing) this.fatal(`cannot open file \`${name}' for reading (${why})`);
        this.cells.ERRNO!.v = e.message;
        return null;
      }
      throw e;
    }
  }

  private async nextMainRecord(): Promise<{ text: string; rt: string } | null> {
    if (this.mainDone) return null;
    for (;;) {
      if (!this.mainReader) {
        if (!this.openNextFile()) {
          this.mainDone = true;
          return null;
        }
      }
      const rec = await this.mainReader!.next(this.rsModeNow());
      if (rec) return rec;
      this.mainReader = null;
    }
  }

  private async mainLoop(): Promise<void> {
    for (;;) {
      const rec = await this.nextMainRecord();
      if (!rec) break;
      this.NR++;
      this.FNR++;
      this.setRecord(rec.text);
      this.cells.RT!.v = rec.rt;
      try {
        for (const r of this.prog.main) {
          if (await this.patternMatches(r)) await this.runAction(r);
        }
      } catch (e) {
        if (e instanceof NextSignal) continue;
        if (e instanceof NextFileSignal) {
          this.mainReader = null;
          continue;
        }
        throw e;
      }
      if (this.outLen > 4096 || this.ctx.stdout.isTTY) this.flushOut();
    }
  }

  // ---- getline ---------------------------------------------------------------------------------------

  private async getline(e: Extract<Expr, { k: 'getline' }>): Promise<Val> {
    let rec: { text: string; rt: string } | null;
    if (e.from === 'main') {
      if (this.phase === 'end') return 0;
      rec = await this.nextMainRecord();
      if (!rec) return 0;
      this.NR++;
      this.FNR++;
      this.cells.RT!.v = rec.rt;
      if (e.target) this.setPlace(await this.placeA(e.target), new StrNum(rec.text));
      else this.setRecord(rec.text);
      return 1;
    }
    const name = this.str(await this.evA(e.src!));
    if (e.from === 'file') {
      if (name === '') this.fatal("expression for `<' redirection has null string value");
      let inp = this.inputs.get(name);
      if (!inp) {
        const reader = this.openInputFile(name, false);
        if (!reader) return -1;
        inp = { reader, eof: false, status: 0 };
        this.inputs.set(name, inp);
      }
      if (inp.eof) return 0;
      rec = await inp.reader.next(this.rsModeNow());
      if (!rec) {
        inp.eof = true;
        return 0;
      }
      this.cells.RT!.v = rec.rt;
      if (e.target) this.setPlace(await this.placeA(e.target), new StrNum(rec.text));
      else this.setRecord(rec.text); // getline < file sets $0 and NF only
      return 1;
    }
    // command | getline
    if (name === '') this.fatal("expression for `|' redirection has null string value");
    let inp = this.cmdInputs.get(name);
    if (!inp) {
      const r = await this.runCommand(name, null, true);
      inp = { reader: new RecordReader(r.out), eof: false, status: r.status };
      this.cmdInputs.set(name, inp);
    }
    if (inp.eof) return 0;
    rec = await inp.reader.next(this.rsModeNow());
    if (!rec) {
      inp.eof = true;
      return 0;
    }
    // gawk 3.1.7 counts only main-input records in NR
    this.cells.RT!.v = rec.rt;
    if (e.target) this.setPlace(await this.placeA(e.target), new StrNum(rec.text));
    else this.setRecord(rec.text);
    return 1;
  }

  // ---- built-in functions ------------------------------------------------------------------------------

  private async builtinA(e: Extract<Expr, { k: 'builtin' }>): Promise<Val> {
    switch (e.name) {
      case 'system': {
        const cmd = this.str(await this.evA(e.args[0]!));
        this.flushOut();
        if (cmd === '') return 0;
        const r = await this.runCommand(cmd, null, false);
        return r.status;
      }
      case 'close': {
        const name = this.str(await this.evA(e.args[0]!));
        if (e.args[1]) {
          const how = this.str(await this.evA(e.args[1])).toLowerCase();
          if (how !== 'to' && how !== 'from') this.fatal("close: second argument must be `to' or `from'");
        }
        this.flushOut();
        return this.closeOne(name);
      }
      case 'fflush': {
        if (e.args.length === 0) {
          this.flushOut();
          return 0;
        }
        const name = this.str(await this.evA(e.args[0]!));
        this.flushOut();
        if (name === '' || this.outputs.has(name)) return 0;
        this.warning(`fflush: \`${name}' is not an open file, pipe or co-process`);
        return -1;
      }
      default: {
        // a non-waiting built-in with a waiting argument: evaluate the arguments first
        const args: Expr[] = [];
        for (let i = 0; i < e.args.length; i++) {
          const a = e.args[i]!;
          if (!a.async || this.isPlaceArg(e.name, i)) args.push(a);
          else {
            const v = await this.evA(a);
            args.push(typeof v === 'number' ? { k: 'num', v, async: false } : { k: 'str', v: this.str(v), async: false });
          }
        }
        return this.builtin({ ...e, args, async: false });
      }
    }
  }

  private isPlaceArg(name: string, i: number): boolean {
    return ((name === 'sub' || name === 'gsub') && i === 2) || (name === 'split' && i === 1) || (name === 'match' && i === 2) || name === 'asort' || name === 'asorti' || name === 'length';
  }

  private arg(e: Extract<Expr, { k: 'builtin' }>, i: number): Val {
    const a = e.args[i];
    return a ? this.ev(a) : undefined;
  }

  private num(e: Extract<Expr, { k: 'builtin' }>, i: number): number {
    return toNum(this.arg(e, i));
  }

  private arrayArg(e: Extract<Expr, { k: 'builtin' }>, i: number, fn: string): AwkArray {
    const a = e.args[i];
    if (!a || a.k !== 'var') this.fatal(`${fn}: ${i === 1 ? 'second' : i === 2 ? 'third' : 'first'} argument is not an array`);
    return this.arrayOf(a.ref);
  }

  private builtin(e: Extract<Expr, { k: 'builtin' }>): Val {
    switch (e.name) {
      case 'length': {
        if (e.args.length === 0) return charLength(this.getRecordText());
        const a = e.args[0]!;
        if (a.k === 'var') {
          const c = this.cellOf(a.ref);
          if (c.a) return c.a.size;
        }
        return charLength(this.str(this.ev(a)));
      }
      case 'substr': {
        const s = this.str(this.arg(e, 0));
        let start = this.num(e, 1);
        if (!(start >= 1)) start = 1;
        const chars = s.length === charLength(s) ? null : [...s];
        const len = chars ? chars.length : s.length;
        const indx = Math.trunc(start - 1);
        let count: number;
        // gawk returns its null value (both "" and 0) when the result is empty this way
        if (e.args.length < 3) count = len - indx;
        else {
          const l = this.num(e, 2);
          if (!(l >= 1)) return undefined;
          count = Math.trunc(l);
        }
        if (s === '' || indx >= len) return undefined;
        if (count > len - indx) count = len - indx;
        return chars ? chars.slice(indx, indx + count).join('') : s.slice(indx, indx + count);
      }
      case 'index': {
        const s = this.str(this.arg(e, 0));
        const t = this.str(this.arg(e, 1));
        if (t === '') return 1;
        const i = this.icase ? s.toLowerCase().indexOf(t.toLowerCase()) : s.indexOf(t);
        return i < 0 ? 0 : charLength(s.slice(0, i)) + 1;
      }
      case 'split': {
        const s = this.str(this.arg(e, 0));
        const arr = this.arrayArg(e, 1, 'split');
        let mode: FieldMode;
        if (e.args.length < 3) mode = this.fieldMode();
        else {
          const sep = e.args[2]!;
          if (sep.k === 'regex') mode = sep.src === '' ? { kind: 'null' } : { kind: 'regex', re: this.regex(sep.src, this.icase) };
          else {
            const fs = this.str(this.ev(sep));
            if (fs === ' ') mode = { kind: 'default' };
            else if (fs === '') mode = { kind: 'null' };
            else if (fs.length === 1 && fs !== '\\') mode = { kind: 'char', c: fs };
            else mode = { kind: 'regex', re: this.regex(fs === '\\' ? '[\\\\]' : fs, this.icase) };
          }
        }
        arr.clear();
        const parts = this.splitText(s, mode);
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub':
        return this.subst(e, e.name === 'gsub');
      case 'gensub':
        return this.gensub(e);
      case 'match': {
        const s = this.str(this.arg(e, 0));
        const reE = e.args[1]!;
        const re = reE.k === 'regex' ? this.regex(reE.src, this.icase) : this.regex(this.str(this.ev(reE)), this.icase);
        const m = re.re.exec(s, 0);
        const arr = e.args.length > 2 ? this.arrayArg(e, 2, 'match') : null;
        if (arr) arr.clear();
        if (!m) {
          this.cells.RSTART!.v = 0;
          this.cells.RLENGTH!.v = -1;
          return 0;
        }
        const start = charLength(s.slice(0, m.start)) + 1;
        const length = charLength(s.slice(m.start, m.end));
        this.cells.RSTART!.v = start;
        this.cells.RLENGTH!.v = length;
        if (arr) {
          const sep = this.str(this.cells.SUBSEP!.v);
          for (let g = 0; 2 * g + 1 < m.slots.length; g++) {
            const a = m.slots[2 * g]!;
            const b = m.slots[2 * g + 1]!;
            if (a < 0) continue;
            arr.set(String(g), new StrNum(s.slice(a, b)));
            arr.set(`${g}${sep}start`, charLength(s.slice(0, a)) + 1);
            arr.set(`${g}${sep}length`, charLength(s.slice(a, b)));
          }
        }
        return start;
      }
      case 'sprintf':
        return this.sprintf(e.args.map((a) => this.ev(a)));
      case 'tolower':
        return mapCase(this.str(this.arg(e, 0)), false);
      case 'toupper':
        return mapCase(this.str(this.arg(e, 0)), true);
      case 'int':
        return Math.trunc(this.num(e, 0));
      case 'sqrt': {
        const x = this.num(e, 0);
        if (x < 0) this.warning(`sqrt: called with negative argument ${numToStr(x, '%.6g')}`);
        return made(Math.sqrt(x), x);
      }
      case 'exp': {
        const x = this.num(e, 0);
        const r = Math.exp(x);
        if (!Number.isFinite(r)) this.warning(`exp: argument ${numToStr(x, '%.6g')} is out of range`);
        return r;
      }
      case 'log': {
        const x = this.num(e, 0);
        if (x < 0) this.warning(`log: received negative argument ${numToStr(x, '%.6g')}`);
        return made(Math.log(x), x);
      }
      case 'sin': {
        const x = this.num(e, 0);
        return made(Math.sin(x), x);
      }
      case 'cos': {
        const x = this.num(e, 0);
        return made(Math.cos(x), x);
      }
      case 'atan2': {
        const y = this.num(e, 0);
        const x = this.num(e, 1);
        return made(Math.atan2(y, x), y, x);
      }
      case 'rand':
        return (this.rng.next() % 0x7fffffff) / 0x7fffffff;
      case 'srand': {
        const prev = this.seed;
        const s = e.args.length ? Math.trunc(this.num(e, 0)) : Math.floor(this.ctx.host.now() / 1000);
        this.seed = s;
        this.rng.seed(s >>> 0);
        return prev;
      }
      case 'systime':
        return Math.floor(this.ctx.host.now() / 1000);
      case 'strftime': {
        const fmt = e.args.length > 0 ? this.str(this.arg(e, 0)) : DEFAULT_STRFTIME;
        const when = e.args.length > 1 ? Math.trunc(this.num(e, 1)) : Math.floor(this.ctx.host.now() / 1000);
        const utc = e.args.length > 2 ? toBool(this.arg(e, 2)) : false;
        if (when < 0) this.fatal('strftime: second argument less than 0 or too big for time_t');
        return strftime(fmt, when, utc);
      }
      case 'mktime':
        return mktime(this.str(this.arg(e, 0)));
      case 'strtonum': {
        const v = this.arg(e, 0);
        if (typeof v === 'number') return v;
        const s = this.str(v).trim();
        if (/^0[xX][0-9a-fA-F]/.test(s)) {
          let n = 0;
          for (const ch of s.slice(2)) {
            const d = parseInt(ch, 16);
            if (Number.isNaN(d)) break;
            n = n * 16 + d;
          }
          return n;
        }
        if (/^0[0-7]/.test(s)) {
          if (/^0[0-9]*[89]/.test(s)) return toNum(s);
          let n = 0;
          for (const ch of s) {
            if (ch < '0' || ch > '7') break;
            n = n * 8 + (ch.charCodeAt(0) - 48);
          }
          return n;
        }
        return toNum(s);
      }
      case 'and':
      case 'or':
      case 'xor': {
        const a = toUintmax(this.num(e, 0));
        const b = toUintmax(this.num(e, 1));
        return adjustUint(e.name === 'and' ? a & b : e.name === 'or' ? a | b : a ^ b);
      }
      case 'compl':
        return adjustUint(~toUintmax(this.num(e, 0)));
      case 'lshift':
        return adjustUint(toUintmax(this.num(e, 0)) << BigInt(Number(toUintmax(this.num(e, 1)) & 63n)));
      case 'rshift':
        return adjustUint(toUintmax(this.num(e, 0)) >> BigInt(Number(toUintmax(this.num(e, 1)) & 63n)));
      case 'asort':
      case 'asorti':
        return this.asort(e);
      case 'system':
      case 'close':
      case 'fflush':
        this.fatal(`internal error: ${e.name} evaluated synchronously`);
      // eslint-disable-next-line no-fallthrough
      case 'dcgettext':
        return this.str(this.arg(e, 0));
      case 'dcngettext':
        return toNum(this.arg(e, 2)) === 1 ? this.str(this.arg(e, 0)) : this.str(this.arg(e, 1));
      case 'bindtextdomain':
        return '';
      case 'extension':
        this.fatal(`extension: cannot open \`${this.str(this.arg(e, 0))}' (No such file or directory)`);
      // eslint-disable-next-line no-fallthrough
      default:
        this.fatal(`function \`${e.name}' not defined`);
    }
  }

  private asort(e: Extract<Expr, { k: 'builtin' }>): Val {
    const src = this.arrayArg(e, 0, e.name);
    const dest = e.args.length > 1 ? this.arrayArg(e, 1, e.name) : src;
    let items: Val[];
    if (e.name === 'asorti') items = src.keys();
    else items = src.values();
    // gawk sorts with cmp_nodes(): numbers numerically, anything else as strings
    items.sort((a, b) => this.compare(a, b));
    dest.clear();
    items.forEach((v, i) => dest.set(String(i + 1), v));
    return items.length;
  }

  /** sub() and gsub(): gawk's replacement rules for & and backslashes. */
  private subst(e: Extract<Expr, { k: 'builtin' }>, global: boolean): Val {
    const reE = e.args[0]!;
    const re = reE.k === 'regex' ? this.regex(reE.src, this.icase) : this.regex(this.str(this.ev(reE)), this.icase);
    const repl = this.str(this.ev(e.args[1]!));
    let target: Place | null = null;
    let text: string;
    if (e.args.length > 2) {
      const t = e.args[2]!;
      if (t.k === 'var' || t.k === 'field' || t.k === 'index') {
        target = this.place(t);
        text = this.str(this.getPlace(target));
      } else text = this.str(this.ev(t));
    } else {
      target = { k: 'field', i: 0 };
      text = this.getRecordText();
    }
    const r = this.replaceAll(re, text, repl, global ? -1 : 1, false);
    if (r.count > 0 && target) this.setPlace(target, r.text);
    return r.count;
  }

  private gensub(e: Extract<Expr, { k: 'builtin' }>): Val {
    const reE = e.args[0]!;
    const re = reE.k === 'regex' ? this.regex(reE.src, this.icase) : this.regex(this.str(this.ev(reE)), this.icase);
    const repl = this.str(this.ev(e.args[1]!));
    const howV = this.ev(e.args[2]!);
    const text = e.args.length > 3 ? this.str(this.ev(e.args[3]!)) : this.getRecordText();
    let how: number;
    const hs = this.str(howV);
    if (typeof howV !== 'number' && (hs[0] === 'g' || hs[0] === 'G')) how = -1;
    else {
      how = Math.trunc(toNum(howV));
      if (!(how >= 1)) {
        this.warning(`gensub: third argument ${hs === '' ? '""' : numToStr(toNum(howV), '%.6g')} treated as 1`);
        how = 1;
      }
    }
    return this.replaceAll(re, text, repl, how, true).text;
  }

  /** The sub_common() loop: `how` = -1 for all matches, else the occurrence to replace. */
  private replaceAll(re: AwkRegex, text: string, repl: string, how: number, backdigs: boolean): { text: string; count: number } {
    const global = how === -1;
    let out = '';
    let pos = 0;
    let count = 0;
    let current = 0;
    let lastNonEmpty = false;
    let m = re.re.exec(text, 0);
    while (m) {
      current++;
      const ms = m.start;
      const me = m.end;
      out += text.slice(pos, ms);
      let skipped = false;
      if (global || current === how) {
        if (ms === me && lastNonEmpty && ms === pos) {
          lastNonEmpty = false;
          skipped = true;
        } else {
          count++;
          out += this.expandRepl(repl, text, m, backdigs);
          if (out.length > limits.stringSize) this.fatal(`${backdigs ? 'gensub' : global ? 'gsub' : 'sub'}: string too long: Cannot allocate memory`);
          if (ms !== me) lastNonEmpty = true;
        }
      } else out += text.slice(ms, me);
      void skipped;
      let next = me;
      if (ms === me && me < text.length) {
        out += text[me];
        next = me + 1;
      }
      pos = next;
      if ((!global && current >= how) || (pos >= text.length && ms === next)) break;
      if (++this.steps > limits.statements) this.fatal(`program stopped after ${limits.statements} statements (an endless loop?)`);
      m = re.re.exec(text, pos);
    }
    out += text.slice(pos);
    return { text: count > 0 || backdigs ? out : text, count };
  }

  private expandRepl(repl: string, text: string, m: { start: number; end: number; slots: number[] }, backdigs: boolean): string {
    const matched = text.slice(m.start, m.end);
    let out = '';
    for (let i = 0; i < repl.length; i++) {
      const c = repl[i]!;
      if (c === '&') {
        out += matched;
        continue;
      }
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (backdigs) {
        const d = repl[i + 1];
        if (d !== undefined && d >= '0' && d <= '9') {
          const g = d.charCodeAt(0) - 48;
          const a = m.slots[2 * g];
          const b = m.slots[2 * g + 1];
          if (a !== undefined && b !== undefined && a >= 0) out += text.slice(a, b);
          i++;
        } else if (d !== undefined) {
          out += d;
          i++;
        } else out += '\\';
        continue;
      }
      if (repl.startsWith('\\\\\\&', i)) {
        out += '\\&';
        i += 3;
      } else if (repl.startsWith('\\\\&', i)) {
        out += '\\' + matched;
        i += 2;
      } else if (repl[i + 1] === '&') {
        out += '&';
        i++;
      } else out += '\\';
    }
    return out;
  }
}
