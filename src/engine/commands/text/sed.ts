/**
 * sed: GNU sed 4.2.1 (RHEL 6; RHEL 5's 4.1.5 differs only in --version here).
 *
 * The script compiler follows sed's own reader character by character, so its diagnostics carry
 * the same "-e expression #N, char M" positions; the executor follows sed's cycle (autoprint,
 * append queue, ranges, `$` look-ahead across files, missing final newline). `-i` writes a
 * temporary file in the file's directory and renames it over the original, keeping its mode and,
 * where allowed, its owner, as sed does.
 */
import type { Program, ProgramContext } from '../../proc/program';
import { FsError } from '../../fs/errors';
import { byteLength, type Inode } from '../../fs/vfs';
import { CollectOutput, FileOutput, type OutputStream } from '../../io/streams';
import { getoptLong, parseRegex, Regex, RegexError, type LongOpt } from './regex';

// ---- errors ---------------------------------------------------------------------------------

/** A compile error (bad_prog): sed prints it with the script position and exits 1. */
class BadProg {
  constructor(readonly message: string) {}
}
/** panic(): sed prints "sed: MESSAGE" and exits 4. */
class Panic {
  constructor(readonly message: string) {}
}
/** Leaving with a status (q/Q or an error already printed). */
class SedExit {
  constructor(readonly status: number) {}
}

const MSG = {
  BAD_BANG: "multiple `!'s",
  BAD_COMMA: "unexpected `,'",
  BAD_STEP: 'invalid usage of +N or ~N as first address',
  EXCESS_OPEN_BRACE: "unmatched `{'",
  EXCESS_CLOSE_BRACE: "unexpected `}'",
  EXCESS_JUNK: 'extra characters after command',
  EXPECTED_SLASH: "expected \\ after `a', `c' or `i'",
  NO_CLOSE_BRACE_ADDR: "`}' doesn't want any addresses",
  NO_COLON_ADDR: ": doesn't want any addresses",
  NO_SHARP_ADDR: "comments don't accept any addresses",
  NO_COMMAND: 'missing command',
  ONE_ADDR: 'command only uses one address',
  UNTERM_ADDR_RE: 'unterminated address regex',
  UNTERM_S_CMD: "unterminated `s' command",
  UNTERM_Y_CMD: "unterminated `y' command",
  UNKNOWN_S_OPT: "unknown option to `s'",
  EXCESS_P_OPT: "multiple `p' options to `s' command",
  EXCESS_G_OPT: "multiple `g' options to `s' command",
  EXCESS_N_OPT: "multiple number options to `s' command",
  ZERO_N_OPT: "number option to `s' command may not be zero",
  Y_CMD_LEN: "strings for `y' command are different lengths",
  ANCIENT_VERSION: 'expected newer version of sed',
  INVALID_LINE_0: 'invalid usage of line address 0',
  NO_REGEX: 'no previous regular expression',
  BAD_MODIF: 'cannot specify modifiers on empty regexp',
} as const;

// ---- the compiled program -------------------------------------------------------------------

const EOF = -1;

interface SedRegex {
  re: Regex;
  /** Groups in the pattern, for the RHS check. */
  nsub: number;
}

type AddrType = 'null' | 'regex' | 'num' | 'nummod' | 'step' | 'stepmod' | 'last';

interface Addr {
  type: AddrType;
  num: number;
  step: number;
  /** null: the empty regex (reuse the last one used). */
  re: SedRegex | null;
}

interface Replacement {
  prefix: string;
  /** -1 none, 0 the whole match, 1-9 a group. */
  subst: number;
  type: number;
}

interface Subst {
  re: SedRegex | null;
  repl: Replacement[];
  maxId: number;
  numb: number;
  global: boolean;
  print: number;
  eval: boolean;
  outf: OutFile | null;
}

interface Cmd {
  a1: Addr | null;
  a2: Addr | null;
  bang: boolean;
  cmd: string;
  range: 'inactive' | 'active' | 'closed';
  text: string;
  intArg: number;
  jump: number;
  label: string;
  fname: string;
  outf: OutFile | null;
  subst: Subst | null;
  ymap: Map<string, string> | null;
  rlines: string[] | null;
}

const REPL_ASIS = 0;
const REPL_UPPERCASE = 1;
const REPL_LOWERCASE = 2;
const REPL_UPPERCASE_FIRST = 4;
const REPL_LOWERCASE_FIRST = 8;
const REPL_MODIFIERS = REPL_UPPERCASE_FIRST | REPL_LOWERCASE_FIRST;

/** An output stream with sed's "missing newline" memory. */
class OutFile {
  missingNewline = false;
  constructor(public stream: OutputStream) {}

  write(s: string): void {
    if (s !== '') this.stream.write(s);
  }

  /** output_line(): the text, then a newline unless the line had none. */
  line(text: string, nl: boolean): void {
    this.missingNewLineFlush();
    this.write(text);
    if (nl) this.write('\n');
    else this.missingNewline = true;
  }

  missingNewLineFlush(): void {
    if (this.missingNewline) {
      this.write('\n');
      this.missingNewline = false;
    }
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
function isSpaceC(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isDigitC(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** normalize_text(): sed's own \n \t \xHH ... escapes. */
type TextKind = 'regex' | 'replacement' | 'buffer';
function normalizeText(s: string, kind: TextKind): string {
  let out = '';
  let i = 0;
  const n = s.length;
  const convertNumber = (start: number, base: number, maxDigits: number, dflt: string): { ch: string; next: number } => {
    let v = 0;
    let p = start;
    for (; p < n && maxDigits-- > 0; p++) {
      const d = parseInt(s[p]!, 16);
      if (Number.isNaN(d) || d >= base) break;
      v = v * base + d;
    }
    if (p === start) return { ch: dflt, next: p };
    return { ch: String.fromCharCode(v & 0xff), next: p };
  };
  while (i < n) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < n) {
      const d = s[i + 1]!;
      switch (d) {
        case 'a':
          out += '\x07';
          i += 2;
          continue;
        case 'f':
          out += '\f';
          i += 2;
          continue;
        case '\n':
        case 'n':
          out += '\n';
          i += 2;
          continue;
        case 'r':
          out += '\r';
          i += 2;
          continue;
        case 't':
          out += '\t';
          i += 2;
          continue;
        case 'v':
          out += '\v';
          i += 2;
          continue;
        case 'd': {
          const r = convertNumber(i + 2, 10, 3, 'd');
          out += r.ch;
          i = r.next;
          continue;
        }
        case 'x': {
          const r = convertNumber(i + 2, 16, 2, 'x');
          out += r.ch;
          i = r.next;
          continue;
        }
        case 'o': {
          const r = convertNumber(i + 2, 8, 3, 'o');
          out += r.ch;
          i = r.next;
          continue;
        }
        case 'c':
          if (i + 2 < n) {
            out += String.fromCharCode(s[i + 2]!.toUpperCase().charCodeAt(0) ^ 0x40);
            i += 3;
            continue;
          }
          if (kind !== 'buffer') out += '\\';
          i += 2;
          continue;
        default:
          if (kind !== 'buffer') out += '\\';
          i++;
          out += s[i]!;
          i++;
          continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

interface ScriptSource {
  text: string;
  /** -f FILE: its name (errors then say "file F line N"). */
  file: string | null;
  exprIndex: number;
}

/** Compiles scripts into one program, as sed's compile.c does. */
class Compiler {
  readonly prog: Cmd[] = [];
  private src: ScriptSource = { text: '', file: null, exprIndex: 0 };
  private cur = 0;
  private line = 0;
  private blocks: { index: number; file: string | null; line: number; exprIndex: number }[] = [];
  private labels: { name: string; index: number }[] = [];
  private jumps: { name: string; index: number }[] = [];
  private pendingText: string | null = null;
  private pendingCmd: Cmd | null = null;
  private firstScript = true;
  private exprCount = 0;
  noDefaultOutput = false;
  /** Where the last script was, for run-time bad_prog messages. */
  lastInput: { file: string | null; line: number; exprIndex: number } = { file: null, line: 0, exprIndex: 0 };
  private readonly files = new Map<string, OutFile>();

  constructor(
    private readonly ctx: ProgramContext,
    private readonly extended: boolean,
    private readonly stdoutFile: OutFile,
    private readonly stderrFile: OutFile,
  ) {}

  /** The message prefix of a compile error at the current position. */
  where(): string {
    if (this.src.file !== null) return `file ${this.src.file} line ${this.line}`;
    return `-e expression #${this.src.exprIndex}, char ${byteLength(this.src.text.slice(0, this.cur))}`;
  }

  compileString(text: string): void {
    this.src = { text, file: null, exprIndex: ++this.exprCount };
    this.cur = 0;
    this.line = 0;
    this.compileProgram();
    this.lastInput = { file: null, line: this.line, exprIndex: this.src.exprIndex };
    this.src = { text: '', file: null, exprIndex: this.exprCount };
    this.cur = 0;
    this.firstScript = false;
  }

  compileFile(name: string, text: string): void {
    this.src = { text, file: name, exprIndex: 0 };
    this.cur = 0;
    this.line = 1;
    this.compileProgram();
    this.lastInput = { file: name, line: this.line, exprIndex: 0 };
    this.firstScript = false;
  }

  private inchar(): number {
    if (this.cur < this.src.text.length) {
      const c = this.src.text.charCodeAt(this.cur++);
      if (c === 10) this.line++;
      return c;
    }
    return EOF;
  }

  private savchar(c: number): void {
    if (c === EOF) return;
    if (c === 10 && this.line > 0) this.line--;
    this.cur--;
  }

  private inNonblank(): number {
    let c: number;
    do c = this.inchar();
    while (isBlank(c));
    return c;
  }

  private inInteger(c: number): number {
    let num = 0;
    while (isDigitC(c)) {
      num = Math.min(num * 10 + c - 48, 0xffffffff);
      c = this.inchar();
    }
    this.savchar(c);
    return num;
  }

  private bad(msg: string): never {
    throw new BadProg(`${this.where()}: ${msg}`);
  }

  private newCmd(): Cmd {
    return {
      a1: null,
      a2: null,
      bang: false,
      cmd: '',
      range: 'inactive',
      text: '',
      intArg: -1,
      jump: 0,
      label: '',
      fname: '',
      outf: null,
      subst: null,
      ymap: null,
      rlines: null,
    };
  }

  /** snarf_char_class(): copies a bracket expression; returns the char that stopped it. */
  private snarfCharClass(b: string[]): number {
    let state = 0;
    let delim = 0;
    let ch = this.inchar();
    if (ch === 94) {
      b.push('^');
      ch = this.inchar();
    }
    if (ch === 93) {
      b.push(']');
      ch = this.inchar();
    }
    for (;; b.push(String.fromCharCode(ch)), ch = this.inchar()) {
      if (ch === EOF || ch === 10) return ch;
      if (ch === 46 || ch === 58 || ch === 61) {
        if (state === 1) {
          delim = ch;
          state = 2;
          continue;
        } else if (state === 2 && ch === delim) {
          state = 3;
          continue;
        }
      } else if (ch === 91) {
        if (state === 0) state = 1;
        continue;
      } else if (ch === 93) {
        if (state === 0 || state === 1) return ch;
        if (state === 3) state = 0;
      }
      state &= ~1;
    }
  }

  /** match_slash(): text up to the unescaped delimiter, or null when unterminated. */
  private matchSlash(slash: number, regex: boolean): string | null {
    const b: string[] = [];
    let ch: number;
    while ((ch = this.inchar()) !== EOF && ch !== 10) {
      if (ch === slash) return b.join('');
      if (ch === 92) {
        ch = this.inchar();
        if (ch === EOF) break;
        else if (ch === 110 && regex) ch = 10;
        else if (ch !== 10 && (ch !== slash || (!regex && ch === 38))) b.push('\\');
      } else if (ch === 91 && regex) {
        b.push('[');
        ch = this.snarfCharClass(b);
        if (ch !== 93) break;
      }
      b.push(String.fromCharCode(ch));
    }
    if (ch === 10) this.savchar(ch);
    return null;
  }

  private compileRegex(text: string, icase: boolean, multiline: boolean, neededSub: number): SedRegex | null {
    if (text === '') {
      if (icase || multiline) this.bad(MSG.BAD_MODIF);
      return null;
    }
    const pattern = normalizeText(text, 'regex');
    try {
      const { ast, ngroups } = parseRegex(pattern, this.extended ? 'sed-ere' : 'sed-bre');
      const re = new Regex(ast, ngroups, { icase, multiline, dotNewline: true });
      if (neededSub > 0 && ngroups < neededSub - 1) this.bad(`invalid reference \\${neededSub - 1} on \`s' command's RHS`);
      return { re, nsub: ngroups };
    } catch (e) {
      if (e instanceof RegexError) this.bad(e.message);
      throw e;
    }
  }

  private compileAddress(addr: Addr, ch: number): boolean {
    addr.type = 'null';
    addr.step = 0;
    addr.num = -1;
    addr.re = null;
    if (ch === 47 || ch === 92) {
      addr.type = 'regex';
      if (ch === 92) ch = this.inchar();
      const b = this.matchSlash(ch, true);
      if (b === null) this.bad(MSG.UNTERM_ADDR_RE);
      let icase = false;
      let multi = false;
      for (;;) {
        ch = this.inNonblank();
        if (ch === 73) icase = true;
        else if (ch === 77) multi = true;
        else {
          this.savchar(ch);
          addr.re = this.compileRegex(b, icase, multi, 0);
          return true;
        }
      }
    } else if (isDigitC(ch)) {
      addr.num = this.inInteger(ch);
      addr.type = 'num';
      ch = this.inNonblank();
      if (ch !== 126) this.savchar(ch);
      else {
        const step = this.inInteger(this.inNonblank());
        if (step > 0) {
          addr.step = step;
          addr.type = 'nummod';
        }
      }
    } else if (ch === 43 || ch === 126) {
      addr.step = this.inInteger(this.inNonblank());
      if (addr.step === 0) {
        // stays 'null': the range ends on the next line
      } else addr.type = ch === 43 ? 'step' : 'stepmod';
    } else if (ch === 36) addr.type = 'last';
    else return false;
    return true;
  }

  private readLabel(): string {
    let ch = this.inNonblank();
    let s = '';
    while (ch !== EOF && ch !== 10 && !isBlank(ch) && ch !== 59 && ch !== 125 && ch !== 35) {
      s += String.fromCharCode(ch);
      ch = this.inchar();
    }
    this.savchar(ch);
    return s;
  }

  private readFilename(): string {
    let ch = this.inNonblank();
    let s = '';
    while (ch !== EOF && ch !== 10) {
      s += String.fromCharCode(ch);
      ch = this.inchar();
    }
    return s;
  }

  /** get_openfile() for w, W and s///w: opens (truncating) once per name. */
  private openWrite(name: string): OutFile {
    if (name === '/dev/stdout') return this.stdoutFile;
    if (name === '/dev/stderr') return this.stderrFile;
    const known = this.files.get(name);
    if (known) return known;
    let inode: Inode;
    try {
      inode = this.ctx.fs.openForWrite(name);
    } catch (e) {
      throw new Panic(`couldn't open file ${name}: ${e instanceof FsError ? e.message : String(e)}`);
    }
    const f = new OutFile(new FileOutput(this.ctx.fs.vfs, inode));
    this.files.set(name, f);
    return f;
  }

  /** read_text(): the text of a, i, c (and e). */
  private readText(cmd: Cmd | null, leadin: number): void {
    if (cmd) {
      this.pendingText = '';
      this.pendingCmd = cmd;
    }
    if (leadin === EOF) return;
    if (leadin !== 10) this.pendingText += String.fromCharCode(leadin);
    let ch = this.inchar();
    while (ch !== EOF && ch !== 10) {
      if (ch === 92) {
        ch = this.inchar();
        if (ch !== EOF) this.pendingText += '\\';
      }
      if (ch === EOF) {
        this.pendingText += '\n';
        return;
      }
      this.pendingText += String.fromCharCode(ch);
      ch = this.inchar();
    }
    this.pendingText += '\n';
    this.pendingCmd!.text = normalizeText(this.pendingText!, 'buffer');
    this.pendingText = null;
  }

  private junkCheck(): void {
    const ch = this.inNonblank();
    if (ch === 125 || ch === 35) this.savchar(ch);
    else if (ch !== EOF && ch !== 10 && ch !== 59) this.bad(MSG.EXCESS_JUNK);
  }

  private markSubstOpts(s: Subst): { icase: boolean; multi: boolean } {
    let icase = false;
    let multi = false;
    for (;;) {
      const ch = this.inNonblank();
      switch (ch) {
        case 105: // i
        case 73: // I
          icase = true;
          break;
        case 109: // m
        case 77: // M
          multi = true;
          break;
        case 101: // e
          s.eval = true;
          break;
        case 112: // p
          if (s.print) this.bad(MSG.EXCESS_P_OPT);
          s.print |= 1 << (s.eval ? 1 : 0);
          break;
        case 103: // g
          if (s.global) this.bad(MSG.EXCESS_G_OPT);
          s.global = true;
          break;
        case 119: // w
          s.outf = this.openWrite(this.readFilename());
          return { icase, multi };
        case 125:
        case 35:
          this.savchar(ch);
          return { icase, multi };
        case EOF:
        case 10:
        case 59:
          return { icase, multi };
        case 13:
          if (this.inchar() === 10) return { icase, multi };
          this.bad(MSG.UNKNOWN_S_OPT);
        // falls through (bad() throws)
        default:
          if (isDigitC(ch)) {
            if (s.numb) this.bad(MSG.EXCESS_N_OPT);
            s.numb = this.inInteger(ch);
            if (!s.numb) this.bad(MSG.ZERO_N_OPT);
            break;
          }
          this.bad(MSG.UNKNOWN_S_OPT);
      }
    }
  }

  private setupReplacement(text: string): { repl: Replacement[]; maxId: number } {
    const base = normalizeText(text, 'replacement');
    const repl: Replacement[] = [];
    let maxId = 0;
    let replType = REPL_ASIS;
    let saveType = REPL_ASIS;
    let lit = '';
    for (let p = 0; p < base.length; p++) {
      const c = base[p]!;
      if (c === '\\') {
        const node: Replacement = { prefix: lit, subst: -1, type: replType };
        repl.push(node);
        lit = '';
        replType = saveType;
        p++;
        if (p === base.length) {
          node.prefix += '\\';
          continue;
        }
        const d = base[p]!;
        if (d >= '0' && d <= '9') {
          node.subst = d.charCodeAt(0) - 48;
          if (node.subst > maxId) maxId = node.subst;
        } else if (d === 'L') {
          replType = saveType = REPL_LOWERCASE;
        } else if (d === 'U') {
          replType = saveType = REPL_UPPERCASE;
        } else if (d === 'E') {
          replType = saveType = REPL_ASIS;
        } else if (d === 'l') {
          saveType = replType;
          replType |= REPL_LOWERCASE_FIRST;
        } else if (d === 'u') {
          saveType = replType;
          replType |= REPL_UPPERCASE_FIRST;
        } else node.prefix += d;
      } else if (c === '&') {
        repl.push({ prefix: lit, subst: 0, type: replType });
        lit = '';
        replType = saveType;
      } else lit += c;
    }
    if (lit !== '') repl.push({ prefix: lit, subst: -1, type: replType });
    return { repl, maxId };
  }

  private compileProgram(): void {
    if (this.pendingText !== null) this.readText(null, 10);
    for (;;) {
      let ch: number;
      while ((ch = this.inchar()) === 59 || isSpaceC(ch));
      if (ch === EOF) break;
      const cmd = this.newCmd();
      const a: Addr = { type: 'null', num: -1, step: 0, re: null };
      if (this.compileAddress(a, ch)) {
        if (a.type === 'step' || a.type === 'stepmod') this.bad(MSG.BAD_STEP);
        cmd.a1 = { ...a };
        ch = this.inNonblank();
        if (ch === 44) {
          if (!this.compileAddress(a, this.inNonblank())) this.bad(MSG.BAD_COMMA);
          cmd.a2 = { ...a };
          ch = this.inNonblank();
        }
        if (cmd.a1.type === 'num' && cmd.a1.num === 0 && (!cmd.a2 || cmd.a2.type !== 'regex')) this.bad(MSG.INVALID_LINE_0);
      }
      if (ch === 33) {
        cmd.bang = true;
        ch = this.inNonblank();
        if (ch === 33) this.bad(MSG.BAD_BANG);
      }
      cmd.cmd = ch === EOF ? '' : String.fromCharCode(ch);
      switch (ch) {
        case 35: { // #
          if (cmd.a1) this.bad(MSG.NO_SHARP_ADDR);
          ch = this.inchar();
          if (ch === 110 && this.firstScript && this.line < 2 && this.cur === 2) this.noDefaultOutput = true;
          while (ch !== EOF && ch !== 10) ch = this.inchar();
          continue;
        }
        case 118: { // v
          const version = this.readLabel() || '4.0';
          if (compareVersions(version, '4.2') > 0) this.bad(MSG.ANCIENT_VERSION);
          continue;
        }
        case 123: // {
          this.blocks.push({ index: this.prog.length, file: this.src.file, line: this.line, exprIndex: this.src.exprIndex });
          cmd.bang = !cmd.bang;
          break;
        case 125: { // }
          const blk = this.blocks.pop();
          if (!blk) this.bad(MSG.EXCESS_CLOSE_BRACE);
          if (cmd.a1) this.bad(MSG.NO_CLOSE_BRACE_ADDR);
          this.junkCheck();
          this.prog[blk.index]!.jump = this.prog.length;
          break;
        }
        case 101: // e
          ch = this.inNonblank();
          if (ch === EOF || ch === 10) {
            cmd.text = '';
            break;
          }
          this.textCommand(cmd, ch);
          break;
        case 97: // a
        case 105: // i
        case 99: // c
          ch = this.inNonblank();
          this.textCommand(cmd, ch);
          break;
        case 58: // :
          if (cmd.a1) this.bad(MSG.NO_COLON_ADDR);
          this.labels.push({ name: this.readLabel(), index: this.prog.length });
          break;
        case 84: // T
        case 98: // b
        case 116: // t
          this.jumps.push({ name: this.readLabel(), index: this.prog.length });
          break;
        case 81: // Q
        case 113: // q
        case 76: // L
        case 108: // l
          if ((ch === 81 || ch === 113) && cmd.a2) this.bad(MSG.ONE_ADDR);
          ch = this.inNonblank();
          if (isDigitC(ch)) {
            cmd.intArg = this.inInteger(ch);
            ch = this.inNonblank();
          } else cmd.intArg = -1;
          if (ch === 125 || ch === 35) this.savchar(ch);
          else if (ch !== EOF && ch !== 10 && ch !== 59) this.bad(MSG.EXCESS_JUNK);
          break;
        case 61: // =
        case 100: // d
        case 68: // D
        case 103: // g
        case 71: // G
        case 104: // h
        case 72: // H
        case 110: // n
        case 78: // N
        case 112: // p
        case 80: // P
        case 122: // z
        case 120: // x
          this.junkCheck();
          break;
        case 114: // r
          cmd.fname = this.readFilename();
          break;
        case 82: { // R
          const name = this.readFilename();
          try {
            const data = this.ctx.fs.readFile(name);
            const lines = data.split('\n');
            if (lines[lines.length - 1] === '') lines.pop();
            cmd.rlines = lines;
          } catch {
            cmd.rlines = [];
          }
          break;
        }
        case 87: // W
        case 119: // w
          cmd.outf = this.openWrite(this.readFilename());
          break;
        case 115: { // s
          const slash = this.inchar();
          const b = this.matchSlash(slash, true);
          if (b === null) this.bad(MSG.UNTERM_S_CMD);
          const b2 = this.matchSlash(slash, false);
          if (b2 === null) this.bad(MSG.UNTERM_S_CMD);
          const sub: Subst = { re: null, repl: [], maxId: 0, numb: 0, global: false, print: 0, eval: false, outf: null };
          const r = this.setupReplacement(b2);
          sub.repl = r.repl;
          sub.maxId = r.maxId;
          const flags = this.markSubstOpts(sub);
          sub.re = this.compileRegex(b, flags.icase, flags.multi, sub.maxId + 1);
          cmd.subst = sub;
          break;
        }
        case 121: { // y
          const slash = this.inchar();
          const b = this.matchSlash(slash, false);
          if (b === null) this.bad(MSG.UNTERM_Y_CMD);
          const src = [...normalizeText(b, 'buffer')];
          const b2 = this.matchSlash(slash, false);
          if (b2 === null) this.bad(MSG.UNTERM_Y_CMD);
          const dst = [...normalizeText(b2, 'buffer')];
          if (src.length !== dst.length) this.bad(MSG.Y_CMD_LEN);
          const map = new Map<string, string>();
          for (let k = 0; k < src.length; k++) if (!map.has(src[k]!)) map.set(src[k]!, dst[k]!);
          cmd.ymap = map;
          ch = this.inNonblank();
          if (ch !== EOF && ch !== 10 && ch !== 59) this.bad(MSG.EXCESS_JUNK);
          break;
        }
        case EOF:
          this.bad(MSG.NO_COMMAND);
        // falls through (bad() throws)
        default:
          this.bad(`unknown command: \`${String.fromCharCode(ch)}'`);
      }
      this.prog.push(cmd);
    }
  }

  private textCommand(cmd: Cmd, ch: number): void {
    if (ch === EOF) this.bad(MSG.EXPECTED_SLASH);
    if (ch === 92) ch = this.inchar();
    else {
      this.savchar(ch);
      ch = 10;
    }
    this.readText(cmd, ch);
  }

  /** check_final_program(). */
  finish(): void {
    const blk = this.blocks[this.blocks.length - 1];
    if (blk) {
      const where = blk.file !== null ? `file ${blk.file} line ${blk.line}` : `-e expression #${blk.exprIndex}, char 0`;
      throw new BadProg(`${where}: ${MSG.EXCESS_OPEN_BRACE}`);
    }
    if (this.pendingText !== null && this.pendingCmd) {
      this.pendingCmd.text = this.pendingText;
      this.pendingText = null;
    }
    for (const j of this.jumps) {
      // the last label of that name wins, as sed's list is searched newest first
      let target = -1;
      for (let k = this.labels.length - 1; k >= 0; k--) {
        if (this.labels[k]!.name === j.name) {
          target = this.labels[k]!.index;
          break;
        }
      }
      if (target < 0) {
        if (j.name !== '') throw new Panic(`can't find label for jump to \`${j.name}'`);
        target = this.prog.length;
      }
      this.prog[j.index]!.jump = target;
    }
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

// ---- input ----------------------------------------------------------------------------------

interface InLine {
  text: string;
  chomped: boolean;
}

/** One input: a file read whole, or standard input read as it arrives. */
interface LineSource {
  next(): Promise<InLine | null>;
  /** Whether another line follows (may wait for input). */
  hasMore(): Promise<boolean>;
}

class TextSource implements LineSource {
  private pos = 0;
  constructor(private readonly data: string) {}
  async next(): Promise<InLine | null> {
    return this.nextSync();
  }
  nextSync(): InLine | null {
    if (this.pos >= this.data.length) return null;
    const nl = this.data.indexOf('\n', this.pos);
    if (nl < 0) {
      const text = this.data.slice(this.pos);
      this.pos = this.data.length;
      return { text, chomped: false };
    }
    const text = this.data.slice(this.pos, nl);
    this.pos = nl + 1;
    return { text, chomped: true };
  }
  async hasMore(): Promise<boolean> {
    return this.pos < this.data.length;
  }
}

class StdinSource implements LineSource {
  private buf = '';
  private eof = false;
  constructor(private readonly ctx: ProgramContext) {}
  private async fill(): Promise<void> {
    while (!this.eof && this.buf.indexOf('\n') < 0) {
      const chunk = await this.ctx.stdin.read();
      if (chunk === null) this.eof = true;
      else this.buf += chunk;
    }
  }
  async next(): Promise<InLine | null> {
    await this.fill();
    if (this.buf === '') return null;
    const nl = this.buf.indexOf('\n');
    if (nl < 0) {
      const text = this.buf;
      this.buf = '';
      return { text, chomped: false };
    }
    const text = this.buf.slice(0, nl);
    this.buf = this.buf.slice(nl + 1);
    return { text, chomped: true };
  }
  async hasMore(): Promise<boolean> {
    if (this.buf !== '') return true;
    while (!this.eof && this.buf === '') {
      const chunk = await this.ctx.stdin.read();
      if (chunk === null) this.eof = true;
      else this.buf += chunk;
    }
    return this.buf !== '';
  }
}

interface OpenFile {
  name: string;
  source: LineSource;
  /** -i: the temporary file and what to restore. */
  inPlace: { temp: string; mode: number; uid: number; gid: number; out: CollectOutput } | null;
}

// ---- execution ------------------------------------------------------------------------------

interface Options {
  noDefaultOutput: boolean;
  separate: boolean;
  inPlace: string | null;
  lineLen: number;
  posix: boolean;
  followSymlinks: boolean;
  unbuffered: boolean;
}

const TEMP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

class Executor {
  private line = '';
  private chomped = true;
  private hold = '';
  private holdChomped = true;
  private replaced = false;
  private lineNumber = 0;
  private appendQueue: { text?: string; fname?: string }[] = [];
  private files: string[];
  private current: OpenFile | null = null;
  private resetAtNextFile = true;
  badCount = 0;
  private output: OutFile;
  private lastRegex: Regex | null = null;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly prog: Cmd[],
    private readonly o: Options,
    private readonly stdoutFile: OutFile,
    private readonly compiler: Compiler,
    files: string[],
  ) {
    this.files = [...files];
    this.output = stdoutFile;
  }

  private prog0 = (): string => this.ctx.argv[0] ?? 'sed';

  // -- input handling --

  /** open_next_file(). */
  private openNext(name: string): void {
    const fs = this.ctx.fs;
    if (name === '-' && this.o.inPlace === null) {
      this.current = { name: '-', source: new StdinSource(this.ctx), inPlace: null };
      this.output = this.stdoutFile;
      return;
    }
    let data: string;
    let st;
    try {
      st = fs.stat(name);
      if (st.type === 'dir') {
        if (this.o.inPlace !== null) throw new Panic(`couldn't edit ${name}: not a regular file`);
        throw new Panic(`read error on ${name}: Is a directory`);
      }
      data = fs.readFile(name);
    } catch (e) {
      if (e instanceof Panic) throw e;
      const msg = e instanceof FsError ? e.message : String(e);
      this.ctx.stderr.write(`${this.prog0()}: can't read ${name}: ${msg}\n`);
      this.badCount++;
      this.current = null;
      return;
    }
    if (this.o.inPlace === null) {
      this.current = { name, source: new TextSource(data), inPlace: null };
      this.output = this.stdoutFile;
      return;
    }
    // In place: a temporary file next to the original.
    const slash = name.lastIndexOf('/');
    const dir = slash > 0 ? name.slice(0, slash) : slash === 0 ? '' : '.';
    let temp = '';
    for (let attempt = 0; ; attempt++) {
      let suffix = '';
      for (let k = 0; k < 6; k++) suffix += TEMP_CHARS[this.ctx.host.rng.int(0, TEMP_CHARS.length - 1)];
      temp = `${dir}/sed${suffix}`;
      try {
        fs.writeFile(temp, '', { exclusive: true, mode: 0o600 });
        break;
      } catch (e) {
        if (e instanceof FsError && e.code === 'EEXIST' && attempt < 100) continue;
        throw new Panic(`couldn't open temporary file ${temp}: ${e instanceof FsError ? e.message : String(e)}`);
      }
    }
    const out = new CollectOutput();
    this.current = { name, source: new TextSource(data), inPlace: { temp, mode: st.mode, uid: st.uid, gid: st.gid, out } };
    this.output = new OutFile(out);
  }

  /** closedown(): finishes an in-place edit. */
  private closeDown(): void {
    const cur = this.current;
    this.current = null;
    if (!cur || !cur.inPlace) return;
    const fs = this.ctx.fs;
    const ip = cur.inPlace;
    try {
      fs.writeFile(ip.temp, ip.out.text());
      try {
        fs.chmod(ip.temp, ip.mode);
      } catch {
        // as copy_acl failing quietly
      }
      try {
        fs.chown(ip.temp, ip.uid, ip.gid);
      } catch {
        try {
          fs.chown(ip.temp, null, ip.gid);
        } catch {
          // keep our own group
        }
      }
      const ext = this.o.inPlace;
      if (ext !== null && ext !== '*') {
        const backup = ext.split('*').join(cur.name);
        try {
          fs.rename(cur.name, backup);
        } catch (e) {
          this.removeTemp(ip.temp);
          throw new Panic(`cannot rename ${cur.name}: ${e instanceof FsError ? e.message : String(e)}`);
        }
      }
      try {
        fs.rename(ip.temp, cur.name);
      } catch (e) {
        this.removeTemp(ip.temp);
        throw new Panic(`cannot rename ${ip.temp}: ${e instanceof FsError ? e.message : String(e)}`);
      }
    } catch (e) {
      if (e instanceof Panic) throw e;
      this.removeTemp(ip.temp);
      throw new Panic(`couldn't write to ${ip.temp}: ${e instanceof FsError ? e.message : String(e)}`);
    }
  }

  private removeTemp(temp: string): void {
    try {
      this.ctx.fs.unlink(temp);
    } catch {
      // nothing more to do
    }
  }

  /** Removes a temporary file left by a panic. */
  abandon(): void {
    if (this.current?.inPlace) this.removeTemp(this.current.inPlace.temp);
    this.current = null;
  }

  private resetAddresses(): void {
    for (const c of this.prog) c.range = c.a1 && c.a1.type === 'num' && c.a1.num === 0 ? 'active' : 'inactive';
  }

  /** read_pattern_space(). */
  private async readPatternSpace(append: boolean): Promise<boolean> {
    if (this.appendQueue.length) this.dumpAppend();
    this.replaced = false;
    if (!append) this.line = '';
    for (;;) {
      const got = this.current ? await this.current.source.next() : null;
      if (got) {
        this.line += got.text;
        this.chomped = got.chomped;
        this.lineNumber++;
        return true;
      }
      this.closeDown();
      const next = this.files.shift();
      if (next === undefined) return false;
      if (this.resetAtNextFile) {
        this.lineNumber = 0;
        this.hold = '';
        this.holdChomped = true;
        this.resetAddresses();
        if (this.o.inPlace !== null) this.output.missingNewline = false;
        this.resetAtNextFile = this.o.separate;
      }
      this.openNext(next);
    }
  }

  /** test_eof(): is this the last line? */
  private async testEof(): Promise<boolean> {
    if (this.current && (await this.current.source.hasMore())) return false;
    if (this.o.separate) return true;
    // last_file_with_data_p(): look at the following files
    for (;;) {
      this.closeDown();
      const next = this.files.shift();
      if (next === undefined) return true;
      this.openNext(next);
      if (this.current && (await this.current.source.hasMore())) return false;
    }
  }

  // -- output --

  private dumpAppend(): void {
    this.output.missingNewLineFlush();
    for (const a of this.appendQueue) {
      if (a.text !== undefined) this.output.write(a.text);
      if (a.fname !== undefined) {
        try {
          this.output.write(this.ctx.fs.readFile(a.fname));
        } catch {
          // an unreadable file counts as empty
        }
      }
    }
    this.appendQueue = [];
  }

  private doList(lineLen: number): void {
    const out = this.output;
    out.missingNewLineFlush();
    let width = 0;
    let res = '';
    const bytes = utf8Bytes(this.line);
    for (const b of bytes) {
      let o: string;
      if (b >= 32 && b < 127) o = b === 92 ? '\\\\' : String.fromCharCode(b);
      else {
        switch (b) {
          case 7:
            o = '\\a';
            break;
          case 8:
            o = '\\b';
            break;
          case 12:
            o = '\\f';
            break;
          case 10:
            o = '\\n';
            break;
          case 13:
            o = '\\r';
            break;
          case 9:
            o = '\\t';
            break;
          case 11:
            o = '\\v';
            break;
          default:
            o = '\\' + b.toString(8).padStart(3, '0');
        }
      }
      if (width + o.length >= lineLen && lineLen > 0) {
        res += '\\\n';
        width = 0;
      }
      res += o;
      width += o.length;
    }
    out.write(res + '$\n');
  }

  // -- matching --

  private matchRegex(r: SedRegex | null, from: number): ReturnType<Regex['exec']> {
    let re: Regex;
    if (!r) {
      if (!this.lastRegex) {
        const w = this.compiler.lastInput;
        const where = w.file !== null ? `file ${w.file} line ${w.line}` : `-e expression #${w.exprIndex}, char 0`;
        throw new BadProg(`${where}: ${MSG.NO_REGEX}`);
      }
      re = this.lastRegex;
    } else {
      re = r.re;
      this.lastRegex = re;
    }
    return re.exec(this.line, from);
  }

  private async matchAnAddress(a: Addr): Promise<boolean> {
    switch (a.type) {
      case 'null':
        return true;
      case 'regex':
        return this.matchRegex(a.re, 0) !== null;
      case 'nummod':
        return this.lineNumber >= a.num && (this.lineNumber - a.num) % a.step === 0;
      case 'step':
      case 'stepmod':
        return a.num <= this.lineNumber;
      case 'last':
        return this.testEof();
      default:
        return false;
    }
  }

  /** match_address_p(). */
  private async matchAddress(cmd: Cmd): Promise<boolean> {
    const a1 = cmd.a1;
    const a2 = cmd.a2;
    if (!a1) return true;
    if (cmd.range !== 'active') {
      if (a1.type === 'num') {
        if (!a2) return this.lineNumber === a1.num;
        if (cmd.range === 'closed' || this.lineNumber < a1.num) return false;
      } else {
        if (!a2) return this.matchAnAddress(a1);
        if (!(await this.matchAnAddress(a1))) return false;
      }
      cmd.range = 'active';
      switch (a2!.type) {
        case 'regex':
          return true;
        case 'num':
          if (this.lineNumber >= a2!.num) cmd.range = 'closed';
          return true;
        case 'step':
          a2!.num = this.lineNumber + a2!.step;
          return true;
        case 'stepmod':
          a2!.num = this.lineNumber + a2!.step - (this.lineNumber % a2!.step);
          return true;
        default:
          break;
      }
    }
    if (a2!.type === 'num') {
      if (this.lineNumber >= a2!.num) cmd.range = 'closed';
      return this.lineNumber <= a2!.num;
    }
    if (await this.matchAnAddress(a2!)) cmd.range = 'closed';
    return true;
  }

  // -- s --

  private appendReplacement(parts: string[], repl: Replacement[], slots: number[], mod0: number): number {
    let replMod = mod0;
    for (const p of repl) {
      const i = p.subst;
      let currType = p.type & REPL_MODIFIERS ? p.type : p.type | replMod;
      replMod = 0;
      if (p.prefix.length) {
        parts.push(caseConvert(p.prefix, currType));
        currType &= ~REPL_MODIFIERS;
      }
      if (i >= 0) {
        const s = slots[2 * i] ?? -1;
        const e = slots[2 * i + 1] ?? -1;
        if (s < 0 || e < 0 || s === e) {
          if (p.type & REPL_MODIFIERS) replMod = currType & REPL_MODIFIERS;
        } else parts.push(caseConvert(this.line.slice(s, e), currType));
      }
    }
    return replMod;
  }

  private async doSubst(sub: Subst): Promise<void> {
    let start = 0;
    let lastEnd = 0;
    let count = 0;
    let again = true;
    const line = this.line;
    const len = line.length;
    let m = this.matchRegex(sub.re, 0);
    if (!m) return;
    const parts: string[] = [];
    const numb = sub.numb || 1;
    do {
      const offset = m.start;
      let matched = m.end - m.start;
      if (start < offset) parts.push(line.slice(start, offset));
      if ((matched > 0 || count === 0 || offset > lastEnd) && ++count >= numb) {
        this.replaced = true;
        this.appendReplacement(parts, sub.repl, m.slots, 0);
        again = sub.global;
      } else {
        if (matched === 0) {
          if (start < len) matched = line.codePointAt(offset)! > 0xffff ? 2 : 1;
          else break;
        }
        parts.push(line.slice(offset, offset + matched));
      }
      start = offset + matched;
      lastEnd = m.end;
    } while (again && start <= len && (m = this.matchRegex(sub.re, start)) !== null);
    if (start < len) parts.push(line.slice(start));
    this.line = parts.join('');
    if (count < numb) return;
    if (sub.print & 1) this.output.line(this.line, this.chomped);
    if (sub.eval) {
      const text = await this.runShell(this.line);
      this.line = text.endsWith('\n') ? text.slice(0, -1) : text;
    }
    if (sub.print & 2) this.output.line(this.line, this.chomped);
    if (sub.outf) sub.outf.line(this.line, this.chomped);
  }

  private async runShell(command: string): Promise<string> {
    const out = new CollectOutput();
    await this.ctx.spawn(['/bin/sh', '-c', command], { stdout: out, stdin: this.ctx.host.stringSource('') });
    return out.text();
  }

  // -- the cycle --

  /** execute_program(): -1 to go on, otherwise the exit status of q/Q. */
  private async executeProgram(): Promise<number> {
    const prog = this.prog;
    let pc = 0;
    while (pc < prog.length) {
      // `:a;ba` loops forever, as in real sed: stay interruptible and let the lab breathe.
      await this.ctx.proc.checkpoint(this.ctx.host.lab.scheduler);
      const cmd = prog[pc]!;
      if ((await this.matchAddress(cmd)) !== cmd.bang) {
        switch (cmd.cmd) {
          case 'a':
            this.appendQueue.push({ text: cmd.text });
            break;
          case '{':
          case 'b':
            pc = cmd.jump;
            continue;
          case '}':
          case ':':
            break;
          case 'c':
            if (cmd.range !== 'active' && cmd.text !== '') this.output.line(cmd.text.slice(0, -1), true);
            return -1;
          case 'd':
            return -1;
          case 'D': {
            const nl = this.line.indexOf('\n');
            if (nl < 0) return -1;
            this.line = this.line.slice(nl + 1);
            pc = 0;
            continue;
          }
          case 'e': {
            if (cmd.text === '') {
              const text = await this.runShell(this.line);
              this.line = text.endsWith('\n') ? text.slice(0, -1) : text;
            } else {
              this.output.missingNewLineFlush();
              this.output.write(await this.runShell(cmd.text.slice(0, -1)));
            }
            break;
          }
          case 'g':
            this.line = this.hold;
            this.chomped = this.holdChomped;
            break;
          case 'G':
            this.line += '\n' + this.hold;
            this.chomped = this.holdChomped;
            break;
          case 'h':
            this.hold = this.line;
            this.holdChomped = this.chomped;
            break;
          case 'H':
            this.hold += '\n' + this.line;
            this.holdChomped = this.chomped;
            break;
          case 'i':
            if (cmd.text !== '') this.output.line(cmd.text.slice(0, -1), true);
            break;
          case 'l':
            this.doList(cmd.intArg === -1 ? this.o.lineLen : cmd.intArg);
            break;
          case 'L':
            // fmt-style filling is not simulated: the pattern space goes out as it is
            this.output.line(this.line, true);
            break;
          case 'n':
            if (!this.o.noDefaultOutput) this.output.line(this.line, this.chomped);
            if ((await this.testEof()) || !(await this.readPatternSpace(false))) return -1;
            break;
          case 'N':
            this.line += '\n';
            if ((await this.testEof()) || !(await this.readPatternSpace(true))) {
              this.line = this.line.slice(0, -1);
              if (!this.o.posix && !this.o.noDefaultOutput) this.output.line(this.line, this.chomped);
              return -1;
            }
            break;
          case 'p':
            this.output.line(this.line, this.chomped);
            break;
          case 'P': {
            const nl = this.line.indexOf('\n');
            this.output.line(nl >= 0 ? this.line.slice(0, nl) : this.line, nl >= 0 ? true : this.chomped);
            break;
          }
          case 'q':
            if (!this.o.noDefaultOutput) this.output.line(this.line, this.chomped);
            this.dumpAppend();
            return cmd.intArg === -1 ? 0 : cmd.intArg;
          case 'Q':
            return cmd.intArg === -1 ? 0 : cmd.intArg;
          case 'r':
            this.appendQueue.push({ fname: cmd.fname });
            break;
          case 'R':
            if (cmd.rlines && cmd.rlines.length) this.appendQueue.push({ text: cmd.rlines.shift()! + '\n' });
            break;
          case 's':
            await this.doSubst(cmd.subst!);
            break;
          case 't':
            if (this.replaced) {
              this.replaced = false;
              pc = cmd.jump;
              continue;
            }
            break;
          case 'T':
            if (!this.replaced) {
              pc = cmd.jump;
              continue;
            }
            this.replaced = false;
            break;
          case 'w':
            cmd.outf!.line(this.line, this.chomped);
            break;
          case 'W': {
            const nl = this.line.indexOf('\n');
            cmd.outf!.line(nl >= 0 ? this.line.slice(0, nl) : this.line, nl >= 0 ? true : this.chomped);
            break;
          }
          case 'x': {
            const t = this.line;
            const tc = this.chomped;
            this.line = this.hold;
            this.chomped = this.holdChomped;
            this.hold = t;
            this.holdChomped = tc;
            break;
          }
          case 'y': {
            const map = cmd.ymap!;
            let s = '';
            for (const ch of this.line) s += map.get(ch) ?? ch;
            this.line = s;
            break;
          }
          case 'z':
            this.line = '';
            break;
          case '=':
            this.output.missingNewLineFlush();
            this.output.write(`${this.lineNumber}\n`);
            break;
          default:
            break;
        }
      }
      pc++;
    }
    if (!this.o.noDefaultOutput) this.output.line(this.line, this.chomped);
    return -1;
  }

  /** process_files(). */
  async run(): Promise<number> {
    if (this.files.length === 0) {
      if (this.o.inPlace !== null) throw new Panic('no input files');
      this.files = ['-'];
    }
    let status = 0;
    while (await this.readPatternSpace(false)) {
      const r = await this.executeProgram();
      if (r !== -1) {
        status = r;
        break;
      }
    }
    this.closeDown();
    if (this.badCount) status = 2;
    return status;
  }
}

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function oneCase(ch: string, upper: boolean): string {
  const r = upper ? ch.toUpperCase() : ch.toLowerCase();
  return [...r].length === 1 ? r : ch;
}

/** str_append_modified(). */
function caseConvert(s: string, type: number): string {
  if (type === REPL_ASIS || s === '') return s;
  const chars = [...s];
  let out = '';
  let t = type;
  let k = 0;
  if (t & REPL_MODIFIERS) {
    out += oneCase(chars[0]!, (t & REPL_UPPERCASE_FIRST) !== 0);
    t &= ~REPL_MODIFIERS;
    k = 1;
    if (t === REPL_ASIS) return out + chars.slice(1).join('');
  }
  for (; k < chars.length; k++) {
    if (t & REPL_UPPERCASE) out += oneCase(chars[k]!, true);
    else if (t & REPL_LOWERCASE) out += oneCase(chars[k]!, false);
    else out += chars[k]!;
  }
  return out;
}

// ---- options --------------------------------------------------------------------------------

const SHORT = 'bsnruEe:f:l:i::V:';
const LONG: LongOpt[] = [
  { name: 'binary', has: 0, val: 'b' },
  { name: 'regexp-extended', has: 0, val: 'r' },
  { name: 'expression', has: 1, val: 'e' },
  { name: 'file', has: 1, val: 'f' },
  { name: 'in-place', has: 2, val: 'i' },
  { name: 'line-length', has: 1, val: 'l' },
  { name: 'quiet', has: 0, val: 'n' },
  { name: 'posix', has: 0, val: 'p' },
  { name: 'silent', has: 0, val: 'n' },
  { name: 'separate', has: 0, val: 's' },
  { name: 'unbuffered', has: 0, val: 'u' },
  { name: 'version', has: 0, val: 'v' },
  { name: 'help', has: 0, val: 'h' },
  { name: 'follow-symlinks', has: 0, val: 'F' },
];

function usageText(prog: string, forHelp: boolean): string {
  return (
    `Usage: ${prog} [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n` +
    '  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n' +
    '  -e script, --expression=script\n                 add the script to the commands to be executed\n' +
    '  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n' +
    '  --follow-symlinks\n                 follow symlinks when processing in place\n' +
    '  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if extension supplied)\n' +
    "  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n" +
    '  --posix\n                 disable all GNU extensions.\n' +
    '  -r, --regexp-extended\n                 use extended regular expressions in the script.\n' +
    '  -s, --separate\n                 consider files as separate rather than as a single continuous\n                 long stream.\n' +
    '  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n' +
    '      --help     display this help and exit\n' +
    '      --version  output version information and exit\n\n' +
    'If no -e, --expression, -f, or --file option is given, then the first\n' +
    'non-option argument is taken as the sed script to interpret.  All\n' +
    'remaining arguments are names of input files; if no input files are\n' +
    'specified, then the standard input is read.\n\n' +
    'GNU sed home page: <http://www.gnu.org/software/sed/>.\n' +
    'General help using GNU software: <http://www.gnu.org/gethelp/>.\n' +
    (forHelp ? "E-mail bug reports to: <bug-gnu-utils@gnu.org>.\nBe sure to include the word ``sed'' somewhere in the ``Subject:'' field.\n" : '')
  );
}

function versionText(release: 'el6' | 'el5'): string {
  const v = release === 'el6' ? '4.2.1' : '4.1.5';
  const year = release === 'el6' ? 2009 : 2003;
  return (
    `GNU sed version ${v}\n` +
    `Copyright (C) ${year} Free Software Foundation, Inc.\n` +
    'This is free software; see the source for copying conditions.  There is NO\n' +
    'warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE,\n' +
    'to the extent permitted by law.\n\n' +
    (release === 'el6'
      ? 'GNU sed home page: <http://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <http://www.gnu.org/gethelp/>.\n'
      : '') +
    "E-mail bug reports to: <bug-gnu-utils@gnu.org>.\nBe sure to include the word ``sed'' somewhere in the ``Subject:'' field.\n"
  );
}

export const sed: Program = async (ctx) => {
  const prog = ctx.argv[0] ?? 'sed';
  const release = ctx.host.profile.release;
  const stdoutFile = new OutFile(ctx.stdout);
  const stderrFile = new OutFile(ctx.stderr);
  const usage = (status: number): number => {
    (status ? ctx.stderr : ctx.stdout).write(usageText(prog, status === 0));
    return status;
  };

  const parsed = getoptLong(prog, ctx.argv.slice(1), SHORT, LONG, release);
  const o: Options = {
    noDefaultOutput: false,
    separate: false,
    inPlace: null,
    lineLen: 70,
    posix: false,
    followSymlinks: false,
    unbuffered: false,
  };
  const cols = Number(ctx.env.COLS);
  if (cols > 1) o.lineLen = cols - 1;
  // -r must be known before any script is compiled.
  let extended = false;
  for (const p of parsed.opts) {
    if (p.opt === 'r' || p.opt === 'E') {
      if (extended) return usage(4);
      extended = true;
    }
  }
  const compiler = new Compiler(ctx, extended, stdoutFile, stderrFile);
  let haveScript = false;
  let exec: Executor | null = null;
  try {
    for (const p of parsed.opts) {
      switch (p.opt) {
        case 'n':
          o.noDefaultOutput = true;
          break;
        case 'e':
          compiler.compileString(p.arg ?? '');
          haveScript = true;
          break;
        case 'f': {
          const name = p.arg ?? '';
          let text: string;
          if (name === '-') text = await ctx.stdin.readAll();
          else {
            try {
              text = ctx.fs.readFile(name);
            } catch (e) {
              throw new Panic(`couldn't open file ${name}: ${e instanceof FsError ? e.message : String(e)}`);
            }
          }
          compiler.compileFile(name, text);
          haveScript = true;
          break;
        }
        case 'F':
          o.followSymlinks = true;
          break;
        case 'i': {
          o.separate = true;
          const a = p.arg;
          o.inPlace = a === null ? '*' : a.includes('*') ? a : '*' + a;
          break;
        }
        case 'l':
          o.lineLen = parseInt(p.arg ?? '', 10) || 0;
          break;
        case 'p':
          o.posix = true;
          break;
        case 'b':
        case 'r':
        case 'E':
          break;
        case 's':
          o.separate = true;
          break;
        case 'u':
          o.unbuffered = true;
          break;
        case 'v':
          ctx.stdout.write(versionText(release));
          return 0;
        case 'h':
          return usage(0);
        default:
          return usage(4);
      }
    }
    if (parsed.error) {
      ctx.stderr.write(parsed.error + '\n');
      return usage(4);
    }
    const operands = [...parsed.operands];
    if (!haveScript) {
      if (!operands.length) return usage(4);
      compiler.compileString(operands.shift()!);
    }
    compiler.finish();
    if (compiler.noDefaultOutput) o.noDefaultOutput = true;

    exec = new Executor(ctx, compiler.prog, o, stdoutFile, compiler, operands);
    return await exec.run();
  } catch (e) {
    if (e instanceof BadProg) {
      exec?.abandon();
      ctx.stderr.write(`${prog}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof Panic) {
      exec?.abandon();
      ctx.stderr.write(`${prog}: ${e.message}\n`);
      return 4;
    }
    if (e instanceof SedExit) return e.status;
    throw e;
  }
};
