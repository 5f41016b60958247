/**
 * grep, egrep, fgrep: GNU grep 2.6.3 (RHEL 6) with the wording differences of 2.5.1 (RHEL 5).
 *
 * The output logic follows grep's own: selected lines, -A/-B/-C context with `--` between
 * groups (also between files), -m with trailing context up to the next match, -c/-l/-L/-q,
 * "Binary file X matches" for data with a NUL byte in its first 32 KiB, -r walking directories
 * in readdir order. Standard input is read as it arrives, so `tail -f log | grep x` works.
 */
import type { Program, ProgramContext } from '../../proc/program';
import { FsError } from '../../fs/errors';
import { byteLength } from '../../fs/vfs';
import { fnmatch, getoptLong, literalNode, parseRegex, Regex, RegexError, type LongOpt, type Node } from './regex';

type Matcher = 'grep' | 'egrep' | 'fgrep';

const SHORT = '0123456789A:B:C:D:EFGHIPTUVX:abcd:e:f:hiKLlm:noqRrsuvwxyZz';
const LONG: LongOpt[] = [
  { name: 'basic-regexp', has: 0, val: 'G' },
  { name: 'extended-regexp', has: 0, val: 'E' },
  { name: 'fixed-regexp', has: 0, val: 'F' },
  { name: 'fixed-strings', has: 0, val: 'F' },
  { name: 'perl-regexp', has: 0, val: 'P' },
  { name: 'after-context', has: 1, val: 'A' },
  { name: 'before-context', has: 1, val: 'B' },
  { name: 'binary-files', has: 1, val: 'binary-files' },
  { name: 'byte-offset', has: 0, val: 'b' },
  { name: 'context', has: 1, val: 'C' },
  { name: 'color', has: 2, val: 'color' },
  { name: 'colour', has: 2, val: 'color' },
  { name: 'count', has: 0, val: 'c' },
  { name: 'devices', has: 1, val: 'D' },
  { name: 'directories', has: 1, val: 'd' },
  { name: 'exclude', has: 1, val: 'exclude' },
  { name: 'exclude-from', has: 1, val: 'exclude-from' },
  { name: 'exclude-dir', has: 1, val: 'exclude-dir' },
  { name: 'file', has: 1, val: 'f' },
  { name: 'files-with-matches', has: 0, val: 'l' },
  { name: 'files-without-match', has: 0, val: 'L' },
  { name: 'group-separator', has: 1, val: 'group-separator' },
  { name: 'help', has: 0, val: 'help' },
  { name: 'include', has: 1, val: 'include' },
  { name: 'ignore-case', has: 0, val: 'i' },
  { name: 'initial-tab', has: 0, val: 'T' },
  { name: 'label', has: 1, val: 'label' },
  { name: 'line-buffered', has: 0, val: 'line-buffered' },
  { name: 'line-number', has: 0, val: 'n' },
  { name: 'line-regexp', has: 0, val: 'x' },
  { name: 'max-count', has: 1, val: 'm' },
  { name: 'mmap', has: 0, val: 'mmap' },
  { name: 'no-filename', has: 0, val: 'h' },
  { name: 'no-group-separator', has: 0, val: 'no-group-separator' },
  { name: 'no-messages', has: 0, val: 's' },
  { name: 'null', has: 0, val: 'Z' },
  { name: 'null-data', has: 0, val: 'z' },
  { name: 'only-matching', has: 0, val: 'o' },
  { name: 'quiet', has: 0, val: 'q' },
  { name: 'recursive', has: 0, val: 'r' },
  { name: 'regexp', has: 1, val: 'e' },
  { name: 'invert-match', has: 0, val: 'v' },
  { name: 'silent', has: 0, val: 'q' },
  { name: 'text', has: 0, val: 'a' },
  { name: 'binary', has: 0, val: 'U' },
  { name: 'unix-byte-offsets', has: 0, val: 'u' },
  { name: 'version', has: 0, val: 'V' },
  { name: 'with-filename', has: 0, val: 'H' },
  { name: 'word-regexp', has: 0, val: 'w' },
];

/** What grep prints for --help (2.6.3). */
function helpText(prog: string, matcher: Matcher, single: boolean): string {
  const before =
    matcher === 'egrep'
      ? 'PATTERN is an extended regular expression (ERE).\n'
      : matcher === 'fgrep'
        ? 'PATTERN is a set of newline-separated fixed strings.\n'
        : 'PATTERN is, by default, a basic regular expression (BRE).\n';
  const after =
    matcher === 'egrep'
      ? "Invocation as `egrep' is deprecated; use `grep -E' instead.\n"
      : matcher === 'fgrep'
        ? "Invocation as `fgrep' is deprecated; use `grep -F' instead.\n"
        : "`egrep' means `grep -E'.  `fgrep' means `grep -F'.\nDirect invocation as either `egrep' or `fgrep' is deprecated.\n";
  return (
    `Usage: ${prog} [OPTION]... PATTERN [FILE]...\n` +
    'Search for PATTERN in each FILE or standard input.\n' +
    before +
    `Example: ${prog} -i 'hello world' menu.h main.c\n\nRegexp selection and interpretation:\n` +
    (single
      ? ''
      : '  -E, --extended-regexp     PATTERN is an extended regular expression (ERE)\n' +
        '  -F, --fixed-strings       PATTERN is a set of newline-separated fixed strings\n' +
        '  -G, --basic-regexp        PATTERN is a basic regular expression (BRE)\n' +
        '  -P, --perl-regexp         PATTERN is a Perl regular expression\n') +
    '  -e, --regexp=PATTERN      use PATTERN for matching\n' +
    '  -f, --file=FILE           obtain PATTERN from FILE\n' +
    '  -i, --ignore-case         ignore case distinctions\n' +
    '  -w, --word-regexp         force PATTERN to match only whole words\n' +
    '  -x, --line-regexp         force PATTERN to match only whole lines\n' +
    '  -z, --null-data           a data line ends in 0 byte, not newline\n' +
    '\nMiscellaneous:\n' +
    '  -s, --no-messages         suppress error messages\n' +
    '  -v, --invert-match        select non-matching lines\n' +
    '  -V, --version             print version information and exit\n' +
    '      --help                display this help and exit\n' +
    '      --mmap                ignored for backwards compatibility\n' +
    '\nOutput control:\n' +
    '  -m, --max-count=NUM       stop after NUM matches\n' +
    '  -b, --byte-offset         print the byte offset with output lines\n' +
    '  -n, --line-number         print line number with output lines\n' +
    '      --line-buffered       flush output on every line\n' +
    '  -H, --with-filename       print the filename for each match\n' +
    '  -h, --no-filename         suppress the prefixing filename on output\n' +
    '      --label=LABEL         print LABEL as filename for standard input\n' +
    '  -o, --only-matching       show only the part of a line matching PATTERN\n' +
    '  -q, --quiet, --silent     suppress all normal output\n' +
    '      --binary-files=TYPE   assume that binary files are TYPE;\n' +
    "                            TYPE is `binary', `text', or `without-match'\n" +
    '  -a, --text                equivalent to --binary-files=text\n' +
    '  -I                        equivalent to --binary-files=without-match\n' +
    '  -d, --directories=ACTION  how to handle directories;\n' +
    "                            ACTION is `read', `recurse', or `skip'\n" +
    '  -D, --devices=ACTION      how to handle devices, FIFOs and sockets;\n' +
    "                            ACTION is `read' or `skip'\n" +
    '  -R, -r, --recursive       equivalent to --directories=recurse\n' +
    '      --include=FILE_PATTERN  search only files that match FILE_PATTERN\n' +
    '      --exclude=FILE_PATTERN  skip files and directories matching FILE_PATTERN\n' +
    '      --exclude-from=FILE   skip files matching any file pattern from FILE\n' +
    '      --exclude-dir=PATTERN  directories that match PATTERN will be skipped.\n' +
    '  -L, --files-without-match  print only names of FILEs containing no match\n' +
    '  -l, --files-with-matches  print only names of FILEs containing matches\n' +
    '  -c, --count               print only a count of matching lines per FILE\n' +
    '  -T, --initial-tab         make tabs line up (if needed)\n' +
    '  -Z, --null                print 0 byte after FILE name\n' +
    '\nContext control:\n' +
    '  -B, --before-context=NUM  print NUM lines of leading context\n' +
    '  -A, --after-context=NUM   print NUM lines of trailing context\n' +
    '  -C, --context=NUM         print NUM lines of output context\n' +
    '  -NUM                      same as --context=NUM\n' +
    '      --color[=WHEN],\n' +
    '      --colour[=WHEN]       use markers to highlight the matching strings;\n' +
    "                            WHEN is `always', `never', or `auto'\n" +
    '  -U, --binary              do not strip CR characters at EOL (MSDOS)\n' +
    '  -u, --unix-byte-offsets   report offsets as if CRs were not there (MSDOS)\n\n' +
    after +
    'With no FILE, or when FILE is -, read standard input.  If less than two FILEs\n' +
    'are given, assume -h.  Exit status is 0 if any line was selected, 1 otherwise;\n' +
    'if any error occurs and -q was not given, the exit status is 2.\n' +
    '\nReport bugs to: bug-grep@gnu.org\n' +
    'GNU Grep home page: <http://www.gnu.org/software/grep/>\n' +
    'General help using GNU software: <http://www.gnu.org/gethelp/>\n'
  );
}

function versionText(release: 'el6' | 'el5'): string {
  if (release === 'el5') {
    return (
      'grep (GNU grep) 2.5.1\n\n' +
      'Copyright 1988, 1992-1999, 2000, 2001 Free Software Foundation, Inc.\n' +
      'This is free software; see the source for copying conditions. There is NO\n' +
      'warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n'
    );
  }
  return (
    'GNU grep 2.6.3\n\n' +
    'Copyright (C) 2009 Free Software Foundation, Inc.\n' +
    'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    'There is NO WARRANTY, to the extent permitted by law.\n\n'
  );
}

/** grep's exit: thrown to leave from deep inside (usage errors, -q's first match). */
class GrepExit {
  constructor(readonly status: number) {}
}

const SGR_START = (c: string): string => `\x1b[${c}m\x1b[K`;
const SGR_END = '\x1b[m\x1b[K';
const COLOR = { ms: '01;31', fn: '35', ln: '32', bn: '32', se: '36' };

/** Only this much of a line is searched; longer lines are cut for matching (the lab's guard). */
const MAX_MATCH_LINE = 1 << 20;

interface Options {
  prog: string;
  invert: boolean;
  count: boolean;
  list: 0 | 1 | -1;
  quiet: boolean; // -q
  outQuiet: boolean;
  doneOnMatch: boolean;
  onlyMatching: boolean;
  lineNumbers: boolean;
  byteOffset: boolean;
  before: number;
  after: number;
  maxCount: number;
  color: boolean;
  nullAfterName: boolean;
  groupSeparator: string | null;
  suppress: boolean;
  binaryFiles: 'binary' | 'text' | 'without-match';
  directories: 'read' | 'skip' | 'recurse';
  noFilenames: boolean;
  label: string;
  include: string[];
  exclude: string[];
  excludeDir: string[];
  /** Pattern list empty (e.g. -f /dev/null): nothing matches. */
  matchNothing: boolean;
}

/** Shared state of one grep run. */
class Grep {
  errseen = false;
  /** `--` is printed only once something was output (grep's static `used`). */
  used = false;
  outFile: number;
  readonly out: string[] = [];

  constructor(
    readonly ctx: ProgramContext,
    readonly o: Options,
    readonly re: Regex | null,
    withFilenames: boolean,
  ) {
    this.outFile = withFilenames ? 1 : 0;
  }

  flush(): void {
    if (this.out.length) {
      this.ctx.stdout.write(this.out.join(''));
      this.out.length = 0;
    }
  }

  error(msg: string): void {
    this.flush();
    this.ctx.stderr.write(`${this.o.prog}: ${msg}\n`);
  }

  suppressible(msg: string): void {
    if (!this.o.suppress) this.error(msg);
    this.errseen = true;
  }

  matches(line: string): boolean {
    if (!this.re) return false;
    return this.re.test(line.length > MAX_MATCH_LINE ? line.slice(0, MAX_MATCH_LINE) : line);
  }

  /** Whether a line is selected (its match status XOR -v). */
  selected(line: string): boolean {
    if (this.o.matchNothing) return this.o.invert;
    return this.matches(line) !== this.o.invert;
  }
}

/** Searches one input (a file or standard input), fed line by line. */
class FileScan {
  lineNo = 0;
  byteOff = 0;
  nlines = 0;
  outleft: number;
  pending = 0;
  /** Line number of the last line printed in this file (0: none yet). */
  lastOut = 0;
  /** Recent unprinted lines, for -B. */
  private readonly ring: { text: string; no: number; off: number }[] = [];
  stopped = false;
  /** After -m ran out: printing trailing context until a selected line. */
  draining = false;
  readonly quiet: boolean;
  readonly doneOnMatch: boolean;

  constructor(
    readonly g: Grep,
    readonly name: string,
    readonly binary: boolean,
  ) {
    this.outleft = g.o.maxCount;
    this.quiet = g.o.outQuiet || binary;
    this.doneOnMatch = g.o.doneOnMatch || binary;
  }

  private head(no: number, off: number, sep: string): string {
    const o = this.g.o;
    let s = '';
    const color = o.color;
    const sepStr = color ? SGR_START(COLOR.se) + sep + SGR_END : sep;
    let pendingSep = false;
    if (this.g.outFile) {
      s += color ? SGR_START(COLOR.fn) + this.name + SGR_END : this.name;
      if (o.nullAfterName) s += '\0';
      else pendingSep = true;
    }
    if (o.lineNumbers) {
      if (pendingSep) s += sepStr;
      s += color ? SGR_START(COLOR.ln) + no + SGR_END : String(no);
      pendingSep = true;
    }
    if (o.byteOffset) {
      if (pendingSep) s += sepStr;
      s += color ? SGR_START(COLOR.bn) + off + SGR_END : String(off);
      pendingSep = true;
    }
    if (pendingSep) s += sepStr;
    return s;
  }

  /** Prints one line as selected (':') or context ('-'). */
  private prline(text: string, no: number, off: number, sep: ':' | '-'): void {
    const o = this.g.o;
    const out = this.g.out;
    const matching = (sep === ':') !== o.invert;
    const re = this.g.re;
    if (o.onlyMatching) {
      if (matching && re && !o.matchNothing) {
        const subject = text.length > MAX_MATCH_LINE ? text.slice(0, MAX_MATCH_LINE) : text;
        let cur = 0;
        while (cur < subject.length) {
          const m = re.exec(subject, cur);
          if (!m || m.start >= subject.length) break;
          if (m.end === m.start) {
            cur = m.start + 1;
            continue;
          }
          const piece = subject.slice(m.start, m.end);
          out.push(this.head(no, off + byteLength(subject.slice(0, m.start)), o.invert ? '-' : ':'));
          out.push(o.color ? SGR_START(COLOR.ms) + piece + SGR_END : piece);
          out.push('\n');
          cur = m.end;
        }
      }
      this.lastOut = no;
      return;
    }
    out.push(this.head(no, off, sep));
    if (o.color && matching && re && !o.matchNothing && text.length <= MAX_MATCH_LINE) {
      let cur = 0;
      let printed = 0;
      while (cur < text.length) {
        const m = re.exec(text, cur);
        if (!m || m.start >= text.length) break;
        if (m.end === m.start) {
          cur = m.start + 1;
          continue;
        }
        out.push(text.slice(printed, m.start), SGR_START(COLOR.ms), text.slice(m.start, m.end), SGR_END);
        printed = cur = m.end;
      }
      out.push(text.slice(printed), '\n');
    } else out.push(text, '\n');
    this.lastOut = no;
  }

  /** One input line. Returns false once the scan is over (done_on_match, -m). */
  line(text: string): boolean {
    if (this.stopped) return false;
    const g = this.g;
    const o = g.o;
    const no = ++this.lineNo;
    const off = this.byteOff;
    this.byteOff += byteLength(text) + 1;
    const sel = g.selected(text);
    if (this.draining) {
      if (this.pending > 0 && !sel) {
        this.prline(text, no, off, '-');
        this.pending--;
        if (this.pending === 0) this.stop();
        return !this.stopped;
      }
      this.stop();
      return false;
    }
    if (sel) {
      this.nlines++;
      this.outleft--;
      if (!this.quiet) {
        // leading context
        const ctxLines = this.ring.filter((r) => r.no > this.lastOut);
        const firstNo = ctxLines.length ? ctxLines[0]!.no : no;
        if ((o.before || o.after) && g.used && firstNo !== this.lastOut + 1 && o.groupSeparator !== null) {
          g.out.push(o.color ? SGR_START(COLOR.se) + o.groupSeparator + SGR_END + '\n' : o.groupSeparator + '\n');
        } else if ((o.before || o.after) && g.used && this.lastOut === 0 && o.groupSeparator !== null) {
          g.out.push(o.color ? SGR_START(COLOR.se) + o.groupSeparator + SGR_END + '\n' : o.groupSeparator + '\n');
        }
        for (const r of ctxLines) this.prline(r.text, r.no, r.off, '-');
        this.prline(text, no, off, ':');
        this.ring.length = 0;
        this.pending = o.after;
        g.used = true;
      }
      if (this.quiet) g.used = true;
      if (o.quiet) {
        g.flush();
        throw new GrepExit(0);
      }
      if (this.outleft <= 0 || this.doneOnMatch) {
        if (this.pending > 0 && !this.doneOnMatch) this.draining = true;
        else this.stop();
      }
      return !this.stopped;
    }
    if (!this.quiet) {
      if (this.pending > 0) {
        this.prline(text, no, off, '-');
        this.pending--;
      } else if (o.before > 0) {
        this.ring.push({ text, no, off });
        if (this.ring.length > o.before) this.ring.shift();
      }
    }
    return true;
  }

  private stop(): void {
    this.stopped = true;
  }

  /** After the input: the count, -l/-L, the binary notice. Returns grep's per-file status. */
  finish(): number {
    const g = this.g;
    const o = g.o;
    if (this.binary && !o.outQuiet && this.nlines !== 0) g.out.push(`Binary file ${this.name} matches\n`);
    if (o.count) {
      let s = '';
      if (g.outFile) {
        s += o.color ? SGR_START(COLOR.fn) + this.name + SGR_END : this.name;
        s += o.nullAfterName ? '\0' : o.color ? SGR_START(COLOR.se) + ':' + SGR_END : ':';
      }
      g.out.push(`${s}${this.nlines}\n`);
    }
    const status = this.nlines ? 0 : 1;
    if (o.list === 1 - 2 * status) {
      g.out.push((o.color ? SGR_START(COLOR.fn) + this.name + SGR_END : this.name) + (o.nullAfterName ? '\0' : '\n'));
    }
    g.flush();
    return status;
  }
}

function hasNul(s: string, limit = 32768): boolean {
  const n = Math.min(s.length, limit);
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) === 0) return true;
  return false;
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  return i >= 0 ? t.slice(i + 1) : t;
}

function excludedName(patterns: string[], name: string): boolean {
  const base = baseName(name);
  return patterns.some((p) => fnmatch(p, name) || fnmatch(p, base));
}

/** Searches a text already in memory. */
function scanText(g: Grep, name: string, data: string): number {
  const o = g.o;
  if (o.binaryFiles === 'without-match' && hasNul(data)) {
    const scan = new FileScan(g, name, false);
    return scan.finish();
  }
  const binary = o.binaryFiles === 'binary' && !o.outQuiet && hasNul(data);
  const scan = new FileScan(g, name, binary);
  let start = 0;
  const len = data.length;
  while (start < len) {
    let nl = data.indexOf('\n', start);
    if (nl < 0) nl = len;
    if (!scan.line(data.slice(start, nl))) break;
    start = nl + 1;
  }
  return scan.finish();
}

/** Searches standard input as it arrives. */
async function scanStdin(g: Grep): Promise<number> {
  const o = g.o;
  const name = o.label;
  let buf = '';
  let scan: FileScan | null = null;
  let skip = false;
  for (;;) {
    const chunk = await g.ctx.stdin.read();
    if (chunk === null) break;
    if (skip) continue;
    buf += chunk;
    if (!scan) {
      const nul = hasNul(buf);
      if (o.binaryFiles === 'without-match' && nul) {
        skip = true;
        scan = new FileScan(g, name, false);
        continue;
      }
      scan = new FileScan(g, name, o.binaryFiles === 'binary' && !o.outQuiet && nul);
    }
    let start = 0;
    let going = true;
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl < 0) break;
      if (!scan.line(buf.slice(start, nl))) {
        going = false;
        break;
      }
      start = nl + 1;
    }
    buf = buf.slice(start);
    g.flush();
    if (!going) {
      skip = true;
      buf = '';
    }
  }
  if (!scan) scan = new FileScan(g, name, false);
  if (buf !== '' && !skip) scan.line(buf);
  return scan.finish();
}

interface Ancestor {
  ino: number;
  parent: Ancestor | null;
}

/** grepfile(): one named operand (or a file met during -r). Returns 0 if something matched. */
async function grepFile(g: Grep, file: string, ancestors: Ancestor | null): Promise<number> {
  const o = g.o;
  const fs = g.ctx.fs;
  let st;
  try {
    st = fs.stat(file);
  } catch (e) {
    g.suppressible(`${file}: ${e instanceof FsError ? e.message : String(e)}`);
    return 1;
  }
  if (st.type === 'dir') {
    if (o.directories === 'skip') return 1;
    if (o.directories === 'recurse') return grepDir(g, file, { ino: st.ino, parent: ancestors });
    // As the lab's brief asks of grep 2.6.3: a directory named without -r is reported.
    g.suppressible(`${file}: Is a directory`);
    return 1;
  }
  let data: string;
  try {
    data = fs.readFile(file);
  } catch (e) {
    g.suppressible(`${file}: ${e instanceof FsError ? e.message : String(e)}`);
    return 1;
  }
  return scanText(g, file, data);
}

async function grepDir(g: Grep, dir: string, self: Ancestor): Promise<number> {
  const o = g.o;
  const fs = g.ctx.fs;
  if (o.excludeDir.length && o.excludeDir.some((p) => fnmatch(p, dir))) return 1;
  for (let a = self.parent; a; a = a.parent) {
    if (a.ino === self.ino) {
      if (!o.suppress) g.error(`warning: ${dir}: recursive directory loop\n`);
      return 1;
    }
  }
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch (e) {
    g.suppressible(`${dir}: ${e instanceof FsError ? e.message : String(e)}`);
    return 1;
  }
  const prefix = dir.endsWith('/') ? dir : dir + '/';
  let status = 1;
  if (!o.noFilenames) g.outFile++;
  try {
    for (const name of names) {
      const path = prefix + name;
      const isDir = fs.tryStat(path)?.type === 'dir';
      if ((o.include.length || o.exclude.length) && !isDir) {
        if (o.include.length && !o.include.some((p) => fnmatch(p, name))) continue;
        if (o.exclude.length && o.exclude.some((p) => fnmatch(p, name))) continue;
      }
      if (isDir && o.excludeDir.length && o.excludeDir.some((p) => fnmatch(p, name))) continue;
      status &= await grepFile(g, path, self);
    }
  } finally {
    if (!o.noFilenames) g.outFile--;
  }
  return status;
}

function parseContext(g: { prog: string }, arg: string): number | string {
  if (!/^\d+$/.test(arg)) return `${g.prog}: ${arg}: invalid context length argument\n\n`;
  const n = Number(arg);
  return n > 2147483647 ? `${g.prog}: ${arg}: invalid context length argument\n\n` : n;
}

async function runGrep(ctx: ProgramContext, defaultMatcher: Matcher): Promise<number> {
  const prog = ctx.argv[0] ?? defaultMatcher;
  const release = ctx.host.profile.release;
  const usage = (): number => {
    ctx.stderr.write(`Usage: ${prog} [OPTION]... PATTERN [FILE]...\nTry \`${prog} --help' for more information.\n`);
    return 2;
  };
  const fatal = (msg: string): number => {
    ctx.stderr.write(`${prog}: ${msg}\n`);
    return 2;
  };

  // GREP_OPTIONS come first, as grep prepends them.
  const envOpts = (ctx.env.GREP_OPTIONS ?? '').trim();
  const args = [...(envOpts ? envOpts.split(/\s+/) : []), ...ctx.argv.slice(1)];
  const parsed = getoptLong(prog, args, SHORT, LONG, release);
  if (parsed.error) {
    ctx.stderr.write(parsed.error + '\n');
    return usage();
  }

  let matcher: Matcher | null = null;
  const single = defaultMatcher !== 'grep';
  if (single) matcher = defaultMatcher;
  const setMatcher = (m: Matcher | 'perl'): string | null => {
    if (matcher === m) return null;
    if (single) return `${prog} can only use the ${defaultMatcher} pattern syntax`;
    if (matcher) return 'conflicting matchers specified';
    if (m === 'perl') return 'support for the -P option is not compiled into this --disable-perl-regexp binary';
    matcher = m;
    return null;
  };

  const o: Options = {
    prog,
    invert: false,
    count: false,
    list: 0,
    quiet: false,
    outQuiet: false,
    doneOnMatch: false,
    onlyMatching: false,
    lineNumbers: false,
    byteOffset: false,
    before: -1,
    after: -1,
    maxCount: Number.MAX_SAFE_INTEGER,
    color: false,
    nullAfterName: false,
    groupSeparator: '--',
    suppress: false,
    binaryFiles: 'binary',
    directories: 'read',
    noFilenames: false,
    label: '(standard input)',
    include: [],
    exclude: [],
    excludeDir: [],
    matchNothing: false,
  };
  let keys: string | null = null;
  let withFilenames = false;
  let icase = false;
  let words = false;
  let lines = false;
  let showHelp = false;
  let showVersion = false;
  let defaultContext = 0;
  let digits: string | null = null;
  let lastDigitIndex = -2;

  for (let i = 0; i < parsed.opts.length; i++) {
    const { opt, arg } = parsed.opts[i]!;
    if (opt >= '0' && opt <= '9') {
      // -NUM: digits written together form one number
      digits = lastDigitIndex === i - 1 && digits !== null ? digits + opt : opt;
      lastDigitIndex = i;
      const v = parseContext({ prog }, digits);
      if (typeof v === 'string') {
        ctx.stderr.write(v);
        return 2;
      }
      defaultContext = v;
      continue;
    }
    const a = arg ?? '';
    switch (opt) {
      case 'A':
      case 'B':
      case 'C': {
        const v = parseContext({ prog }, a);
        if (typeof v === 'string') {
          ctx.stderr.write(v);
          return 2;
        }
        if (opt === 'A') o.after = v;
        else if (opt === 'B') o.before = v;
        else defaultContext = v;
        break;
      }
      case 'D':
        if (a !== 'read' && a !== 'skip') return fatal('unknown devices method');
        break;
      case 'E':
      case 'F':
      case 'G':
      case 'P': {
        const err = setMatcher(opt === 'E' ? 'egrep' : opt === 'F' ? 'fgrep' : opt === 'G' ? 'grep' : 'perl');
        if (err) return fatal(err);
        break;
      }
      case 'X': {
        const m = a === 'grep' || a === 'egrep' || a === 'fgrep' ? a : null;
        if (!m) return fatal(a === 'perl' || a === 'awk' ? `invalid matcher ${a}` : `invalid matcher ${a}`);
        const err = setMatcher(m);
        if (err) return fatal(err);
        break;
      }
      case 'H':
        withFilenames = true;
        o.noFilenames = false;
        break;
      case 'h':
        withFilenames = false;
        o.noFilenames = true;
        break;
      case 'I':
        o.binaryFiles = 'without-match';
        break;
      case 'a':
        o.binaryFiles = 'text';
        break;
      case 'binary-files':
        if (a === 'binary' || a === 'text' || a === 'without-match') o.binaryFiles = a;
        else return fatal('unknown binary-files type');
        break;
      case 'T':
      case 'U':
      case 'u':
      case 'mmap':
      case 'line-buffered':
        break;
      case 'V':
        showVersion = true;
        break;
      case 'b':
        o.byteOffset = true;
        break;
      case 'c':
        o.count = true;
        break;
      case 'd':
        if (a === 'read' || a === 'skip' || a === 'recurse') o.directories = a;
        else return fatal('unknown directories method');
        break;
      case 'e':
        keys = (keys ?? '') + a + '\n';
        break;
      case 'f': {
        let text: string;
        if (a === '-') text = await ctx.stdin.readAll();
        else {
          try {
            text = ctx.fs.readFile(a);
          } catch (e) {
            return fatal(`${a}: ${e instanceof FsError ? e.message : String(e)}`);
          }
        }
        if (text !== '' && !text.endsWith('\n')) text += '\n';
        keys = (keys ?? '') + text;
        break;
      }
      case 'i':
      case 'y':
        icase = true;
        break;
      case 'L':
        o.list = -1;
        break;
      case 'l':
        o.list = 1;
        break;
      case 'm':
        if (!/^\d+$/.test(a)) return fatal('invalid max count');
        o.maxCount = Math.min(Number(a), Number.MAX_SAFE_INTEGER);
        break;
      case 'n':
        o.lineNumbers = true;
        break;
      case 'o':
        o.onlyMatching = true;
        break;
      case 'q':
        o.quiet = true;
        break;
      case 'r':
      case 'R':
        o.directories = 'recurse';
        break;
      case 's':
        o.suppress = true;
        break;
      case 'v':
        o.invert = true;
        break;
      case 'w':
        words = true;
        break;
      case 'x':
        lines = true;
        break;
      case 'Z':
        o.nullAfterName = true;
        break;
      case 'z':
        break;
      case 'color': {
        const v = (arg ?? 'auto').toLowerCase();
        if (['always', 'yes', 'force'].includes(v)) o.color = true;
        else if (['never', 'no', 'none'].includes(v)) o.color = false;
        else if (['auto', 'tty', 'if-tty'].includes(v)) {
          const term = ctx.env.TERM;
          o.color = ctx.stdout.isTTY && !!term && term !== 'dumb';
        } else showHelp = true;
        break;
      }
      case 'exclude':
        o.exclude.push(a);
        break;
      case 'include':
        o.include.push(a);
        break;
      case 'exclude-dir':
        o.excludeDir.push(a);
        break;
      case 'exclude-from': {
        try {
          for (const l of ctx.fs.readFile(a).split('\n')) if (l !== '') o.exclude.push(l);
        } catch (e) {
          return fatal(`${a}: ${e instanceof FsError ? e.message : String(e)}`);
        }
        break;
      }
      case 'group-separator':
        o.groupSeparator = a;
        break;
      case 'no-group-separator':
        o.groupSeparator = null;
        break;
      case 'label':
        o.label = a;
        break;
      case 'help':
        showHelp = true;
        break;
      default:
        return usage();
    }
  }

  if (o.quiet) o.list = 0;
  if (o.quiet || o.list) {
    o.count = false;
    o.doneOnMatch = true;
  }
  o.outQuiet = o.count || o.doneOnMatch;
  if (o.after < 0) o.after = defaultContext;
  if (o.before < 0) o.before = defaultContext;

  if (showVersion) {
    ctx.stdout.write(versionText(release));
    return 0;
  }
  if (showHelp) {
    ctx.stdout.write(helpText(prog, matcher ?? 'grep', single));
    return 0;
  }

  const operands = [...parsed.operands];
  if (keys !== null) {
    if (keys === '') {
      // No patterns at all (-f /dev/null): nothing matches.
      o.matchNothing = true;
      words = lines = false;
    } else keys = keys.slice(0, -1);
  } else if (operands.length) keys = operands.shift()!;
  else return usage();

  // Compile: every line of the keys is a pattern of its own.
  const kind: Matcher = matcher ?? 'grep';
  let re: Regex | null = null;
  if (!o.matchNothing) {
    try {
      const pats = keys.split('\n');
      const nodes: Node[] = [];
      let groups = 0;
      for (const p of pats) {
        if (kind === 'fgrep') nodes.push(literalNode(p));
        else {
          const { ast, ngroups } = parseRegex(p, kind === 'egrep' ? 'grep-ere' : 'grep-bre', groups);
          groups = ngroups;
          nodes.push(ast);
        }
      }
      let ast: Node = nodes.length === 1 ? nodes[0]! : { t: 'alt', items: nodes };
      if (lines) ast = { t: 'cat', items: [{ t: 'assert', kind: 'bol' }, ast, { t: 'assert', kind: 'eol' }] };
      else if (words) ast = { t: 'cat', items: [{ t: 'assert', kind: 'notprevword' }, ast, { t: 'assert', kind: 'notnextword' }] };
      re = new Regex(ast, groups, { icase });
    } catch (e) {
      if (e instanceof RegexError) return fatal(e.message);
      throw e;
    }
  }

  const g = new Grep(ctx, o, re, (operands.length > 1 && !o.noFilenames) || withFilenames);
  if (o.maxCount === 0) return 1;

  let status = 1;
  try {
    if (operands.length) {
      for (const file of operands) {
        if ((o.include.length || o.exclude.length) && ctx.fs.tryStat(file)?.type !== 'dir') {
          if (o.include.length && !excludedName(o.include, file)) continue;
          if (o.exclude.length && excludedName(o.exclude, file)) continue;
        }
        if (file === '-') status &= await scanStdin(g);
        else status &= await grepFile(g, file, null);
      }
    } else status = await scanStdin(g);
  } catch (e) {
    if (e instanceof GrepExit) return e.status;
    throw e;
  }
  g.flush();
  return g.errseen ? 2 : status;
}

export const grep: Program = (ctx) => runGrep(ctx, 'grep');
export const egrep: Program = (ctx) => runGrep(ctx, 'egrep');
export const fgrep: Program = (ctx) => runGrep(ctx, 'fgrep');
