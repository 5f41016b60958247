/**
 * ls: coreutils 8.4 (RHEL 6) and 5.97 (RHEL 5). Long listings with per-listing column widths,
 * multi-column output on a terminal with coreutils' column fitting (tabs and all), sorting by
 * the en_US.UTF-8 collation, -R, -d, -a/-A, -F, -h, -i, -n, -t/-S/-r/-U and the rest of the
 * everyday options.
 */
import type { FsError } from '../../fs/errors';
import { byteLength, type StatInfo } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { dirname as pathDirname, resolvePath } from '../../fs/path';
import { MONTHS, pad2, toLocal } from '../../util/clock';
import {
  argmatchError, argmatch, collate, getopt, groupName, helpText, humanSize, isEl5, isErr, joinPath,
  lsDate, modeString, progName, readdirTyped, statBlocks, statPath, tryFs, usageError, userName, versionText,
  fullTime, type LongOpt,
  safeCtx,
} from './common';
import { LsColors, type ColorSubject } from './lscolors';

type Format = 'long' | 'one' | 'many' | 'horizontal' | 'commas';
type SortType = 'name' | 'extension' | 'size' | 'version' | 'time' | 'none';
type TimeType = 'mtime' | 'ctime' | 'atime';
type Indicator = 'none' | 'slash' | 'file-type' | 'classify';
type Deref = 'undefined' | 'never' | 'cmdline' | 'cmdline-dirs' | 'always';
type FileType = 'file' | 'dir' | 'symlink' | 'argdir';

interface Entry {
  /** The name as printed. */
  name: string;
  /** The path used to reach it. */
  path: string;
  st: StatInfo | null;
  type: FileType;
  linkName: string | null;
  /** stat() of a symlink's target (ls's linkmode): for -F in long listings and for colours. */
  linkSt: StatInfo | null;
  /** A symlink whose target ls found (or did not look for). */
  linkOk: boolean;
}

interface Opts {
  format: Format;
  ignore: 'default' | 'dots' | 'minimal';
  ignorePatterns: RegExp[];
  immediateDirs: boolean;
  recursive: boolean;
  human: boolean;
  blockSize: number; // for -s and total (0 = human)
  inode: boolean;
  numeric: boolean;
  printOwner: boolean;
  printGroup: boolean;
  printBlocks: boolean;
  sort: SortType;
  reverse: boolean;
  timeType: TimeType;
  indicator: Indicator;
  deref: Deref;
  dirsFirst: boolean;
  lineLength: number;
  tabsize: number;
  qmark: boolean;
  quoteStyle: 'literal' | 'c' | 'escape';
  timeStyle: 'locale' | 'long-iso' | 'iso' | 'full-iso';
  context: boolean;
  color: boolean;
}

const LONG: LongOpt[] = [
  { name: 'all', arg: 'none', key: 'a' },
  { name: 'escape', arg: 'none', key: 'b' },
  { name: 'directory', arg: 'none', key: 'd' },
  { name: 'dired', arg: 'none', key: 'D' },
  { name: 'full-time', arg: 'none', key: '--full-time' },
  { name: 'group-directories-first', arg: 'none', key: '--group-directories-first' },
  { name: 'human-readable', arg: 'none', key: 'h' },
  { name: 'inode', arg: 'none', key: 'i' },
  { name: 'numeric-uid-gid', arg: 'none', key: 'n' },
  { name: 'no-group', arg: 'none', key: 'G' },
  { name: 'hide-control-chars', arg: 'none', key: 'q' },
  { name: 'reverse', arg: 'none', key: 'r' },
  { name: 'size', arg: 'none', key: 's' },
  { name: 'width', arg: 'required', key: 'w' },
  { name: 'almost-all', arg: 'none', key: 'A' },
  { name: 'ignore-backups', arg: 'none', key: 'B' },
  { name: 'classify', arg: 'none', key: 'F' },
  { name: 'file-type', arg: 'none', key: '--file-type' },
  { name: 'si', arg: 'none', key: '--si' },
  { name: 'dereference-command-line', arg: 'none', key: 'H' },
  { name: 'dereference-command-line-symlink-to-dir', arg: 'none', key: '--dereference-command-line-symlink-to-dir' },
  { name: 'hide', arg: 'required', key: '--hide' },
  { name: 'ignore', arg: 'required', key: 'I' },
  { name: 'indicator-style', arg: 'required', key: '--indicator-style' },
  { name: 'dereference', arg: 'none', key: 'L' },
  { name: 'literal', arg: 'none', key: 'N' },
  { name: 'quote-name', arg: 'none', key: 'Q' },
  { name: 'quoting-style', arg: 'required', key: '--quoting-style' },
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'format', arg: 'required', key: '--format' },
  { name: 'show-control-chars', arg: 'none', key: '--show-control-chars' },
  { name: 'sort', arg: 'required', key: '--sort' },
  { name: 'tabsize', arg: 'required', key: 'T' },
  { name: 'time', arg: 'required', key: '--time' },
  { name: 'time-style', arg: 'required', key: '--time-style' },
  { name: 'color', arg: 'optional', key: '--color' },
  { name: 'block-size', arg: 'required', key: '--block-size' },
  { name: 'context', arg: 'none', key: 'Z' },
  { name: 'author', arg: 'none', key: '--author' },
];

const COLOR_ARGS = [['always', 'yes', 'force'], ['never', 'no', 'none'], ['auto', 'tty', 'if-tty']];
const SORT_ARGS = [['none'], ['time'], ['size'], ['extension'], ['version']];
const TIME_ARGS = [['atime', 'access', 'use'], ['ctime', 'status']];
const FORMAT_ARGS = [['verbose', 'long'], ['commas'], ['horizontal', 'across'], ['vertical'], ['single-column']];
const INDICATOR_ARGS = [['none'], ['slash'], ['file-type'], ['classify']];
const QUOTING_ARGS = [['literal'], ['shell'], ['shell-always'], ['c'], ['escape'], ['locale'], ['clocale']];
const TIME_STYLE_ARGS = [['full-iso'], ['long-iso'], ['iso'], ['locale']];

/** A shell glob (for -I / --hide) as a RegExp over a whole name; a leading dot must match. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) re += '\\' + glob[++i]!;
    else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp('^' + (glob.startsWith('.') ? '' : '(?!\\.)') + re + '$');
}

/** The simple part of filevercmp: digit runs compare as numbers. */
function versionCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

export const ls: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'ls');
  const el5 = isEl5(ctx);
  const tty = ctx.stdout.isTTY;
  const o: Opts = {
    format: tty ? 'many' : 'one',
    ignore: 'default',
    ignorePatterns: [],
    immediateDirs: false,
    recursive: false,
    human: false,
    blockSize: 1024,
    inode: false,
    numeric: false,
    printOwner: true,
    printGroup: true,
    printBlocks: false,
    sort: 'name',
    reverse: false,
    timeType: 'mtime',
    indicator: 'none',
    deref: 'undefined',
    dirsFirst: false,
    lineLength: 80,
    tabsize: 8,
    qmark: tty,
    quoteStyle: 'literal',
    timeStyle: el5 ? 'long-iso' : 'locale',
    context: false,
    color: false,
  };
  const hidePatterns: RegExp[] = [];
  const cols = ctx.env.COLUMNS;
  if (cols !== undefined && cols !== '') {
    if (/^\d+$/.test(cols) && Number(cols) > 0) o.lineLength = Number(cols);
    else ctx.stderr.write(`${prog}: ignoring invalid width in environment variable COLUMNS: ${cols}\n`);
  }
  if (tty && ctx.tty && ctx.tty.cols > 0) o.lineLength = ctx.tty.cols;
  let sortSpecified = false;
  let timeStyleOption: string | null = null;

  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'abcdfghiklmnopqrstuvw:xABCDFGHI:LNQRST:UXZ1', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message, 2);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... [FILE]...', 'List information about the FILEs (the current directory by default).');
      case '--version':
        return versionText(ctx, 'ls');
      case 'a': o.ignore = 'minimal'; break;
      case 'b': o.quoteStyle = 'escape'; break;
      case 'c': o.timeType = 'ctime'; break;
      case 'd': o.immediateDirs = true; break;
      case 'f':
        o.ignore = 'minimal';
        o.sort = 'none';
        sortSpecified = true;
        if (o.format === 'long') o.format = tty ? 'many' : 'one';
        o.printBlocks = false;
        o.color = false;
        break;
      case '--file-type': o.indicator = 'file-type'; break;
      case 'g': o.format = 'long'; o.printOwner = false; break;
      case 'h': o.human = true; o.blockSize = 0; break;
      case 'i': o.inode = true; break;
      case 'k': o.human = false; o.blockSize = 1024; break;
      case 'l': o.format = 'long'; break;
      case 'm': o.format = 'commas'; break;
      case 'n': o.numeric = true; o.format = 'long'; break;
      case 'o': o.format = 'long'; o.printGroup = false; break;
      case 'p': o.indicator = 'slash'; break;
      case 'q': o.qmark = true; break;
      case 'r': o.reverse = true; break;
      case 's': o.printBlocks = true; break;
      case 't': o.sort = 'time'; sortSpecified = true; break;
      case 'u': o.timeType = 'atime'; break;
      case 'v': o.sort = 'version'; sortSpecified = true; break;
      case 'w': {
        const a = arg ?? '';
        if (!/^\d+$/.test(a) || Number(a) <= 0) {
          ctx.stderr.write(`${prog}: invalid line width: ${a}\n`);
          return 2;
        }
        o.lineLength = Number(a);
        break;
      }
      case 'x': o.format = 'horizontal'; break;
      case 'A': if (o.ignore === 'default') o.ignore = 'dots'; break;
      case 'B': o.ignorePatterns.push(globToRegExp('*~'), globToRegExp('.*~')); break;
      case 'C': o.format = 'many'; break;
      case 'D': break;
      case 'F': o.indicator = 'classify'; break;
      case 'G': o.printGroup = false; break;
      case 'H': o.deref = 'cmdline'; break;
      case '--dereference-command-line-symlink-to-dir': o.deref = 'cmdline-dirs'; break;
      case 'I': o.ignorePatterns.push(globToRegExp(arg ?? '')); break;
      case '--hide': hidePatterns.push(globToRegExp(arg ?? '')); break;
      case 'L': o.deref = 'always'; break;
      case 'N': o.quoteStyle = 'literal'; break;
      case 'Q': o.quoteStyle = 'c'; break;
      case 'R': o.recursive = true; break;
      case 'S': o.sort = 'size'; sortSpecified = true; break;
      case 'T': {
        const a = arg ?? '';
        if (!/^\d+$/.test(a)) {
          ctx.stderr.write(`${prog}: invalid tab size: ${a}\n`);
          return 2;
        }
        o.tabsize = Number(a);
        break;
      }
      case 'U': o.sort = 'none'; sortSpecified = true; break;
      case 'X': o.sort = 'extension'; sortSpecified = true; break;
      case 'Z': o.context = true; break;
      case '1': if (o.format !== 'long') o.format = 'one'; break;
      case '--author': break;
      case '--show-control-chars': o.qmark = false; break;
      case '--si': o.human = true; o.blockSize = 0; break;
      case '--block-size': {
        const a = arg ?? '';
        const m = /^(\d*)([KMG]?)(B?)$/i.exec(a);
        if (!m || (m[1] === '' && m[2] === '')) {
          ctx.stderr.write(`${prog}: invalid --block-size argument ${'`'}${a}'\n`);
          return 2;
        }
        const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase()] ?? 1;
        o.human = false;
        o.blockSize = (m[1] === '' ? 1 : Number(m[1])) * mult;
        break;
      }
      case '--full-time': o.format = 'long'; timeStyleOption = 'full-iso'; break;
      case '--group-directories-first': o.dirsFirst = true; break;
      case '--color': {
        // No argument means always; auto colours only a terminal.
        const i = arg === undefined ? 0 : argmatch(arg, COLOR_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--color', arg ?? '', COLOR_ARGS, 2);
        o.color = i === 0 || (i === 2 && tty);
        // ls writes no tabs between coloured names (a later -T still sets the tab size).
        if (o.color) o.tabsize = 0;
        break;
      }
      case '--sort': {
        const i = argmatch(arg ?? '', SORT_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--sort', arg ?? '', SORT_ARGS, 2);
        o.sort = (['none', 'time', 'size', 'extension', 'version'] as const)[i]!;
        sortSpecified = true;
        break;
      }
      case '--time': {
        const i = argmatch(arg ?? '', TIME_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--time', arg ?? '', TIME_ARGS, 2);
        o.timeType = i === 0 ? 'atime' : 'ctime';
        break;
      }
      case '--format': {
        const i = argmatch(arg ?? '', FORMAT_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--format', arg ?? '', FORMAT_ARGS, 2);
        o.format = (['long', 'commas', 'horizontal', 'many', 'one'] as const)[i]!;
        break;
      }
      case '--indicator-style': {
        const i = argmatch(arg ?? '', INDICATOR_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--indicator-style', arg ?? '', INDICATOR_ARGS, 2);
        o.indicator = (['none', 'slash', 'file-type', 'classify'] as const)[i]!;
        break;
      }
      case '--quoting-style': {
        const i = argmatch(arg ?? '', QUOTING_ARGS);
        if (i < 0) return argmatchError(ctx, prog, '--quoting-style', arg ?? '', QUOTING_ARGS, 2);
        o.quoteStyle = i === 3 ? 'c' : i === 4 ? 'escape' : 'literal';
        break;
      }
      case '--time-style': timeStyleOption = arg ?? ''; break;
    }
  }
  // -lt, -lu, -lc: without -l, -u and -c sort by that time (as ls does unless a sort was chosen).
  if (o.format !== 'long' && (o.timeType === 'ctime' || o.timeType === 'atime') && !sortSpecified) o.sort = 'time';
  if (o.format === 'long' && timeStyleOption !== null) {
    let style = timeStyleOption.replace(/^(posix-)+/, '');
    if (!style.startsWith('+')) {
      const i = argmatch(style, TIME_STYLE_ARGS);
      if (i < 0) return argmatchError(ctx, prog, 'time style', style, TIME_STYLE_ARGS, 2);
      style = TIME_STYLE_ARGS[i]![0]!;
      o.timeStyle = style as Opts['timeStyle'];
    }
  }
  if (o.deref === 'undefined') {
    o.deref = o.immediateDirs || o.indicator === 'classify' || o.format === 'long' ? 'never' : 'cmdline-dirs';
  }
  let colors: LsColors | null = null;
  if (o.color) {
    colors = new LsColors(el5);
    const parsedColors = colors.parse(ctx.env.LS_COLORS, (label) => quoteLabel(label, o.quoteStyle));
    if (!parsedColors.ok) {
      for (const m of parsedColors.messages) ctx.stderr.write(`${prog}: ${m}\n`);
      colors = null;
    }
  }
  const ignored = (name: string): boolean =>
    (o.ignore !== 'minimal' && name.startsWith('.') && (o.ignore === 'default' || name === '.' || name === '..')) ||
    (o.ignore === 'default' && hidePatterns.some((p) => p.test(name))) ||
    o.ignorePatterns.some((p) => p.test(name));

  const run = new LsRun(ctx, prog, o, el5, colors);
  const operands = parsed.operands;
  if (operands.length === 0) {
    if (o.immediateDirs) run.gobble('.', '.', null, true, '');
    else run.pending.push({ name: '.', real: null, cmdline: true });
  } else for (const a of operands) run.gobble(a, a, null, true, '');

  if (run.files.length > 0) {
    run.sortFiles();
    if (!o.immediateDirs) run.extractDirs(null, true);
  }
  let printDirName = true;
  if (run.files.length > 0) {
    run.printCurrent();
    if (run.pending.length > 0) ctx.stdout.write('\n');
  } else if (operands.length <= 1 && run.pending.length === 1) printDirName = false;

  while (run.pending.length > 0) {
    const p = run.pending.shift()!;
    if (p.name === null) {
      run.active.pop();
      continue;
    }
    run.printDir(p.name, p.real, p.cmdline, printDirName, ignored);
  }
  if (colors) {
    const end = colors.finish();
    if (end !== '') ctx.stdout.write(end);
  }
  return run.status;
};

/** quotearg() of a bad LS_COLORS label, in the quoting style ls was given. */
function quoteLabel(label: string, style: Opts['quoteStyle']): string {
  if (style === 'literal') return label;
  const esc = label.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return style === 'c' ? '"' + esc.replace(/"/g, '\\"') + '"' : esc.replace(/ /g, '\\ ');
}

interface Pending {
  /** null marks the end of a directory (pops the loop-detection stack). */
  name: string | null;
  real: string | null;
  cmdline: boolean;
}

class LsRun {
  files: Entry[] = [];
  pending: Pending[] = [];
  active: number[] = [];
  status = 0;
  private first = true;
  private widths = { inode: 0, blocks: 0, nlink: 0, owner: 0, group: 0, size: 0 };
  private readonly now: number;
  /** ls's check_symlink_color: follow every symlink to colour orphans (and targets). */
  private readonly checkSymlinkColor: boolean;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly prog: string,
    private readonly o: Opts,
    private readonly el5: boolean,
    private readonly colors: LsColors | null,
  ) {
    this.now = ctx.host.now();
    this.checkSymlinkColor = colors !== null && colors.checkSymlinkColor(o.format === 'long');
  }

  private fail(serious: boolean, e: FsError, what: 'access' | 'open' | 'readlink', name: string): void {
    let msg: string;
    if (this.el5) msg = what === 'readlink' ? `cannot read symbolic link ${name}` : name;
    else msg = what === 'access' ? `cannot access ${name}` : what === 'open' ? `cannot open directory ${name}` : `cannot read symbolic link ${name}`;
    this.ctx.stderr.write(`${this.prog}: ${msg}: ${e.message}\n`);
    if (serious) this.status = 2;
    else if (this.status === 0) this.status = 1;
  }

  private clearFiles(): void {
    this.files = [];
    this.widths = { inode: 0, blocks: 0, nlink: 0, owner: 0, group: 0, size: 0 };
  }

  private needStat(): boolean {
    const o = this.o;
    return o.sort === 'time' || o.sort === 'size' || o.format === 'long' || o.printBlocks || o.inode || o.context;
  }

  /** ls's format_needs_type: a short listing that still has to know each file's type. */
  private needType(): boolean {
    const o = this.o;
    const needStat = o.sort === 'time' || o.sort === 'size' || o.format === 'long' || o.printBlocks || o.context;
    return !needStat && (o.recursive || this.colors !== null || o.indicator !== 'none' || o.dirsFirst);
  }

  /** Whether a listed file must be stat'ed for its colour (beyond what the listing needs). */
  private colorNeedsStat(knownType: StatInfo['type'] | null): boolean {
    const c = this.colors;
    if (c === null || !this.needType()) return c !== null && !this.el5 && knownType === 'dir';
    if (knownType === 'file') return c.needsFileStat();
    if (knownType === 'symlink') return this.el5 || c.linkAsTarget || this.checkSymlinkColor;
    // 8.4 stats directories to show the sticky and other-writable colours.
    return knownType === 'dir' && !this.el5;
  }

  /** Adds one file to the current listing; returns its 512-byte blocks (for `total`). */
  gobble(name: string, display: string, knownType: StatInfo['type'] | null, cmdline: boolean, dirname: string): number {
    const o = this.o;
    const path = name.startsWith('/') || dirname === '' ? name : joinPath(dirname, name);
    const entry: Entry = { name: display, path, st: null, type: knownType ?? 'file', linkName: null, linkSt: null, linkOk: false };
    const check =
      cmdline ||
      this.needStat() ||
      (knownType === 'symlink' && o.deref === 'always') ||
      (knownType === 'file' && o.indicator === 'classify') ||
      this.colorNeedsStat(knownType) ||
      knownType === null;
    if (!check) {
      entry.type = knownType ?? 'file';
      this.files.push(entry);
      return 0;
    }
    let st: StatInfo | FsError;
    if (o.deref === 'always') st = statPath(this.ctx, path, true);
    else if (cmdline && (o.deref === 'cmdline' || o.deref === 'cmdline-dirs')) {
      st = statPath(this.ctx, path, true);
      const needL = isErr(st) ? st.code === 'ENOENT' : st.type !== 'dir';
      if (o.deref === 'cmdline-dirs' && needL) st = statPath(this.ctx, path, false);
    } else st = statPath(this.ctx, path, false);
    if (isErr(st)) {
      this.fail(cmdline, st, 'access', path);
      if (cmdline) return 0;
      this.files.push(entry);
      return 0;
    }
    entry.st = st;
    if (st.type === 'symlink' && (o.format === 'long' || this.checkSymlinkColor)) {
      const target = tryFs(() => this.ctx.fs.readlink(path));
      if (isErr(target)) this.fail(cmdline, target, 'readlink', path);
      else {
        entry.linkName = target;
        // The target is looked at only for -F/--file-type or to colour orphans.
        if (o.indicator === 'file-type' || o.indicator === 'classify' || this.checkSymlinkColor) {
          const linkPath = target.startsWith('/') ? target : resolvePath(this.ctx.fs.abs(pathDirname(path)), target);
          const ls = tryFs(() => this.ctx.fs.stat(linkPath));
          if (!isErr(ls)) {
            entry.linkOk = true;
            // A command-line link to a directory is listed as that directory, not by its mode.
            if (!cmdline || o.format === 'long' || ls.type !== 'dir') entry.linkSt = ls;
          }
        }
      }
    }
    // Without orphan colours every symlink is coloured as a good one (8.4).
    if (st.type === 'symlink' && !this.checkSymlinkColor && !this.el5) entry.linkOk = true;
    entry.type = st.type === 'symlink' ? 'symlink' : st.type === 'dir' ? (cmdline && !o.immediateDirs ? 'argdir' : 'dir') : 'file';
    const w = this.widths;
    const blocks = statBlocks(st);
    if (o.format === 'long' || o.printBlocks) w.blocks = Math.max(w.blocks, this.blockText(blocks).length);
    if (o.format === 'long') {
      if (o.printOwner) w.owner = Math.max(w.owner, this.ownerText(st.uid).length);
      if (o.printGroup) w.group = Math.max(w.group, this.groupText(st.gid).length);
      w.nlink = Math.max(w.nlink, String(st.nlink).length);
      w.size = Math.max(w.size, this.sizeText(st.size).length);
    }
    if (o.inode) w.inode = Math.max(w.inode, String(st.ino).length);
    this.files.push(entry);
    return blocks;
  }

  private ownerText(uid: number): string {
    return (this.o.numeric ? null : userName(this.ctx, uid)) ?? String(uid);
  }

  private groupText(gid: number): string {
    return (this.o.numeric ? null : groupName(this.ctx, gid)) ?? String(gid);
  }

  private sizeText(size: number): string {
    return this.o.human ? humanSize(size, 1, 0) : String(size);
  }

  private blockText(blocks: number): string {
    return this.o.blockSize === 0 ? humanSize(blocks, 512, 0) : humanSize(blocks, 512, this.o.blockSize);
  }

  private isDir(e: Entry): boolean {
    return e.type === 'dir' || e.type === 'argdir';
  }

  sortFiles(): void {
    const o = this.o;
    if (o.sort === 'none') return;
    const time = (e: Entry) => (e.st ? (o.timeType === 'mtime' ? e.st.mtime : o.timeType === 'ctime' ? e.st.ctime : e.st.atime) : 0);
    const ext = (n: string) => {
      const i = n.lastIndexOf('.');
      return i >= 0 ? n.slice(i) : '';
    };
    const key = (a: Entry, b: Entry): number => {
      switch (o.sort) {
        case 'time':
          return time(b) - time(a) || collate(a.name, b.name);
        case 'size':
          return (b.st?.size ?? 0) - (a.st?.size ?? 0) || collate(a.name, b.name);
        case 'extension':
          return collate(ext(a.name), ext(b.name)) || collate(a.name, b.name);
        case 'version':
          return versionCompare(a.name, b.name);
        default:
          return collate(a.name, b.name);
      }
    };
    this.files.sort((a, b) => {
      if (o.dirsFirst) {
        const da = this.isDir(a);
        const db = this.isDir(b);
        if (da !== db) return da ? -1 : 1;
      }
      const c = key(a, b);
      return o.reverse ? -c : c;
    });
  }

  /** Moves the directories of the listing onto the queue of directories to list. */
  extractDirs(dirname: string | null, cmdline: boolean): void {
    const queued: Pending[] = [];
    if (dirname !== null) queued.push({ name: null, real: dirname, cmdline: false });
    const dirs: Pending[] = [];
    for (const f of this.files) {
      if (!this.isDir(f)) continue;
      if (dirname !== null) {
        const base = f.name.slice(f.name.lastIndexOf('/') + 1);
        if (base === '.' || base === '..') continue;
      }
      const name = dirname === null || f.name.startsWith('/') ? f.name : joinPath(dirname, f.name);
      dirs.push({ name, real: f.linkName, cmdline });
    }
    // Directories are listed in sorted order before whatever was queued earlier.
    this.pending.unshift(...dirs, ...queued);
    this.files = this.files.filter((f) => f.type !== 'argdir');
  }

  printDir(name: string, real: string | null, cmdline: boolean, printDirName: boolean, ignored: (n: string) => boolean): void {
    const o = this.o;
    const entries = readdirTyped(this.ctx, name);
    if (isErr(entries)) {
      this.fail(cmdline, entries, 'open', name);
      return;
    }
    if (o.recursive) {
      const st = tryFs(() => this.ctx.fs.stat(name));
      if (!isErr(st)) {
        if (this.active.includes(st.ino)) {
          this.ctx.stderr.write(`${this.prog}: ${name}: not listing already-listed directory\n`);
          this.status = 2;
          return;
        }
        this.active.push(st.ino);
      } else this.active.push(-1);
    }
    if (o.recursive || printDirName) {
      if (!this.first) this.ctx.stdout.write('\n');
      this.first = false;
      this.ctx.stdout.write(`${this.quoteName(real ?? name)}:\n`);
    }
    this.clearFiles();
    let total = 0;
    const all = [...entries];
    if (o.ignore === 'minimal') all.unshift({ name: '.', type: 'dir' }, { name: '..', type: 'dir' });
    for (const e of all) {
      if (ignored(e.name)) continue;
      total += this.gobble(e.name, e.name, e.type, false, name);
    }
    this.sortFiles();
    if (o.recursive) this.extractDirs(name, false);
    if (o.format === 'long' || o.printBlocks) this.ctx.stdout.write(`total ${this.blockText(total)}\n`);
    if (this.files.length > 0) this.printCurrent();
  }

  // ---- output -------------------------------------------------------------------------------

  private quoteName(name: string): string {
    let s = name;
    if (this.o.quoteStyle === 'c') {
      s = '"' + s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"';
    } else if (this.o.quoteStyle === 'escape') {
      s = s.replace(/\\/g, '\\\\').replace(/ /g, '\\ ').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    }
    if (this.o.qmark) s = s.replace(/[\x00-\x1f\x7f]/g, '?');
    return s;
  }

  private indicatorFor(st: StatInfo | null, type: FileType): string {
    const o = this.o;
    if (o.indicator === 'none') return '';
    const t = st ? st.type : type === 'argdir' ? 'dir' : type;
    if (t === 'file') return st && o.indicator === 'classify' && st.mode & 0o111 ? '*' : '';
    if (t === 'dir') return '/';
    if (o.indicator === 'slash') return '';
    if (t === 'symlink') return '@';
    return '';
  }

  private frillsWidth(e: Entry): number {
    const o = this.o;
    let len = 0;
    if (o.inode) len += 1 + (o.format === 'commas' ? (e.st ? String(e.st.ino).length : 1) : this.widths.inode);
    if (o.printBlocks) len += 1 + (o.format === 'commas' ? (e.st ? this.blockText(statBlocks(e.st)) : '?').length : this.widths.blocks);
    len += [...this.quoteName(e.name)].length;
    len += this.indicatorFor(e.st, e.type).length;
    return len;
  }

  /** The name with its inode, blocks and indicator; startCol is where ls thinks the name starts. */
  private frills(e: Entry, startCol: number): string {
    const o = this.o;
    let s = '';
    const commas = o.format === 'commas';
    if (o.inode) s += (e.st ? String(e.st.ino) : '?').padStart(commas ? 0 : this.widths.inode) + ' ';
    if (o.printBlocks) s += (e.st ? this.blockText(statBlocks(e.st)) : '?').padStart(commas ? 0 : this.widths.blocks) + ' ';
    return s + this.nameText(e, false, startCol).text + this.indicatorFor(e.st, e.type);
  }

  /**
   * print_name_with_quoting: the quoted name (or a symlink's target), in colour when asked.
   * width is the byte count ls adds to its column position.
   */
  private nameText(e: Entry, target: boolean, startCol: number): { text: string; width: number } {
    const quoted = this.quoteName(target ? e.linkName ?? '' : e.name);
    const width = byteLength(quoted);
    if (!this.colors) return { text: quoted, width };
    return { text: this.colors.paint(this.colorSubject(e, target), quoted, startCol, width, this.o.lineLength), width };
  }

  /** What ls's print_color_indicator looks at for a file or its symlink target. */
  private colorSubject(e: Entry, target: boolean): ColorSubject {
    const colors = this.colors!;
    const fileType = e.type === 'argdir' ? 'dir' : e.type;
    const modeOf = (st: StatInfo | null) => (st ? { type: st.type, perm: st.mode } : null);
    const nlink = e.st ? e.st.nlink : 0;
    if (target) {
      return { name: e.linkName ?? '', mode: modeOf(e.linkSt), linkok: (e.linkOk ? 1 : 0) - 1, statOk: e.st !== null, fileType, nlink };
    }
    let mode = colors.linkAsTarget && e.linkOk ? modeOf(e.linkSt) : modeOf(e.st);
    // 5.97 has the type from readdir (DTTOIF) for a file it did not stat.
    if (this.el5 && !e.st) mode = { type: fileType, perm: 0 };
    return { name: e.name, mode, linkok: e.linkOk ? 1 : 0, statOk: e.st !== null, fileType, nlink };
  }

  private indent(from: number, to: number): string {
    let s = '';
    const tab = this.o.tabsize;
    while (from < to) {
      if (tab !== 0 && Math.floor(to / tab) > Math.floor((from + 1) / tab)) {
        s += '\t';
        from += tab - (from % tab);
      } else {
        s += ' ';
        from++;
      }
    }
    return s;
  }

  printCurrent(): void {
    const out = this.ctx.stdout;
    switch (this.o.format) {
      case 'one':
        for (const f of this.files) out.write(this.frills(f, 0) + '\n');
        break;
      case 'long': {
        const anyDot = !this.el5;
        for (const f of this.files) out.write(this.longLine(f, anyDot) + '\n');
        break;
      }
      case 'many':
        this.printColumns(true);
        break;
      case 'horizontal':
        this.printColumns(false);
        break;
      case 'commas': {
        let pos = 0;
        let text = '';
        this.files.forEach((f, i) => {
          const len = this.frillsWidth(f);
          if (i > 0) {
            if (pos + len + 2 < this.o.lineLength) {
              pos += 2;
              text += ', ';
            } else {
              pos = 0;
              text += ',\n';
            }
          }
          text += this.frills(f, pos);
          pos += len;
        });
        out.write(text + '\n');
        break;
      }
    }
  }

  /** coreutils' calculate_columns: the most columns whose widths fit the line. */
  private columnWidths(byColumns: boolean): number[] {
    const n = this.files.length;
    const maxIdx = Math.max(1, Math.floor(this.o.lineLength / 3));
    const maxCols = Math.min(maxIdx, n);
    const info: { valid: boolean; lineLen: number; arr: number[] }[] = [];
    for (let i = 0; i < maxCols; i++) info.push({ valid: true, lineLen: (i + 1) * 3, arr: new Array<number>(i + 1).fill(3) });
    const lens = this.files.map((f) => this.frillsWidth(f));
    for (let fileno = 0; fileno < n; fileno++) {
      const nameLen = lens[fileno]!;
      for (let i = 0; i < maxCols; i++) {
        const c = info[i]!;
        if (!c.valid) continue;
        const idx = byColumns ? Math.floor(fileno / Math.floor((n + i) / (i + 1))) : fileno % (i + 1);
        const real = nameLen + (idx === i ? 0 : 2);
        if (c.arr[idx]! < real) {
          c.lineLen += real - c.arr[idx]!;
          c.arr[idx] = real;
          c.valid = c.lineLen < this.o.lineLength;
        }
      }
    }
    let ncols = maxCols;
    while (ncols > 1 && !info[ncols - 1]!.valid) ncols--;
    return ncols >= 1 ? info[ncols - 1]!.arr : [0];
  }

  private printColumns(byColumns: boolean): void {
    const n = this.files.length;
    if (n === 0) return;
    const widths = this.columnWidths(byColumns);
    const ncols = widths.length;
    let text = '';
    if (byColumns) {
      const rows = Math.floor(n / ncols) + (n % ncols !== 0 ? 1 : 0);
      for (let row = 0; row < rows; row++) {
        let col = 0;
        let fileno = row;
        let pos = 0;
        for (;;) {
          const f = this.files[fileno]!;
          const len = this.frillsWidth(f);
          const max = widths[col++]!;
          text += this.frills(f, pos);
          fileno += rows;
          if (fileno >= n) break;
          text += this.indent(pos + len, pos + max);
          pos += max;
        }
        text += '\n';
      }
    } else {
      let pos = 0;
      let f = this.files[0]!;
      let len = this.frillsWidth(f);
      let max = widths[0]!;
      text += this.frills(f, 0);
      for (let fileno = 1; fileno < n; fileno++) {
        const col = fileno % ncols;
        if (col === 0) {
          text += '\n';
          pos = 0;
        } else {
          text += this.indent(pos + len, pos + max);
          pos += max;
        }
        f = this.files[fileno]!;
        text += this.frills(f, pos);
        len = this.frillsWidth(f);
        max = widths[col]!;
      }
      text += '\n';
    }
    this.ctx.stdout.write(text);
  }

  private timeText(ms: number): string {
    const t = toLocal(ms);
    switch (this.o.timeStyle) {
      case 'full-iso':
        return fullTime(ms);
      case 'long-iso':
        return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`;
      case 'iso': {
        const halfYear = (31556952 / 2) * 1000;
        const recent = this.now - halfYear < ms && ms <= this.now;
        return recent ? `${pad2(t.month + 1)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}` : `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} `;
      }
      default:
        return lsDate(ms, this.now);
    }
  }

  private longLine(f: Entry, anyDot: boolean): string {
    const o = this.o;
    const w = this.widths;
    const st = f.st;
    let line = '';
    if (o.inode) line += (st ? String(st.ino) : '?').padStart(w.inode) + ' ';
    if (o.printBlocks) line += (st ? this.blockText(statBlocks(st)) : '?').padStart(w.blocks) + ' ';
    let mode: string;
    if (st) mode = modeString(st.type, st.mode) + (anyDot ? '.' : '');
    else {
      const letter = f.type === 'dir' || f.type === 'argdir' ? 'd' : f.type === 'symlink' ? 'l' : '-';
      mode = letter + '?'.repeat(anyDot ? 10 : 9);
    }
    line += `${mode} ${(st ? String(st.nlink) : '?').padStart(w.nlink)} `;
    if (o.printOwner) line += (st ? this.ownerText(st.uid) : '?').padEnd(w.owner) + ' ';
    if (o.printGroup) line += (st ? this.groupText(st.gid) : '?').padEnd(w.group) + ' ';
    line += (st ? this.sizeText(st.size) : '?').padStart(w.size) + ' ';
    if (st) {
      const when = o.timeType === 'mtime' ? st.mtime : o.timeType === 'ctime' ? st.ctime : st.atime;
      line += this.timeText(when) + ' ';
    } else {
      const width = this.o.timeStyle === 'locale' ? `${MONTHS[11]} 31  1969`.length : this.timeText(0).length;
      line += '?'.padStart(width) + ' ';
    }
    const start = byteLength(line);
    const name = this.nameText(f, false, start);
    line += name.text;
    if (f.type === 'symlink') {
      if (f.linkName !== null) {
        line += ' -> ' + this.nameText(f, true, start + name.width + 4).text;
        if (o.indicator !== 'none' && f.linkSt) line += this.indicatorFor(f.linkSt, 'file');
      }
    } else line += this.indicatorFor(st, f.type);
    return line;
  }
}
