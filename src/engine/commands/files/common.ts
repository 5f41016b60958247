/**
 * Helpers shared by the file commands (coreutils / findutils look-alikes): GNU getopt_long,
 * the `x' quoting of coreutils 5.97/8.4, mode strings, block counts, human-readable sizes,
 * ls-style times, the en_US.UTF-8 collation ls sorts with, y/n prompts and a tree walker.
 */
import { FsError } from '../../fs/errors';
import type { StatInfo } from '../../fs/vfs';
import type { ProgramContext } from '../../proc/program';
import { MONTHS, numericZone, pad2, toLocal } from '../../util/clock';

// ---- errors ---------------------------------------------------------------------------------

const QUIET_ON_EMPTY = new Set(['exists', 'access', 'tryStat', 'tryLstat']);
const PATH_METHODS = new Set([
  'stat', 'lstat', 'lookup', 'realpath', 'readFile', 'readdir', 'readlink', 'writeFile', 'appendFile', 'openForWrite',
  'mkdir', 'rmdir', 'unlink', 'chmod', 'chown', 'utimes',
]);
const TWO_PATH_METHODS = new Set(['rename', 'symlink', 'link']);

/**
 * The program context with a filesystem view on which an empty file name fails with ENOENT,
 * as the kernel answers (FsView would otherwise read '' as the working directory).
 */
export function safeCtx(ctx: ProgramContext): ProgramContext {
  const fs = ctx.fs;
  const guarded = new Proxy(fs, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function' || typeof prop !== 'string') return v;
      const fn = v as (...args: unknown[]) => unknown;
      if (QUIET_ON_EMPTY.has(prop)) {
        return (...args: unknown[]) => (args[0] === '' ? (prop === 'exists' || prop === 'access' ? false : null) : fn.apply(target, args));
      }
      if (PATH_METHODS.has(prop)) {
        return (...args: unknown[]) => {
          if (args[0] === '') throw new FsError('ENOENT', '');
          return fn.apply(target, args);
        };
      }
      if (TWO_PATH_METHODS.has(prop)) {
        return (...args: unknown[]) => {
          if (args[0] === '' || args[1] === '') throw new FsError('ENOENT', '');
          return fn.apply(target, args);
        };
      }
      return fn.bind(target);
    },
  });
  return { ...ctx, fs: guarded };
}

/**
 * Runs a filesystem call and hands back its result or the FsError it raised. Anything else
 * (a signal interrupting a write, a bug) keeps propagating.
 */
export function tryFs<T>(fn: () => T): T | FsError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
}

export function isErr(v: unknown): v is FsError {
  return v instanceof FsError;
}

/** The name a program was run as, used at the front of its messages (as error(3) does). */
export function progName(ctx: ProgramContext, fallback: string): string {
  const a = ctx.argv[0];
  return a === undefined || a === '' ? fallback : a;
}

/** coreutils' quote(): `name' with control characters and backslashes escaped. */
export function quote(s: string): string {
  return '`' + escapeName(s) + "'";
}

function escapeName(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (c < 0x20 || c === 0x7f) {
      const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a' };
      out += named[ch] ?? '\\' + c.toString(8).padStart(3, '0');
    } else out += ch;
  }
  return out;
}

export function isEl5(ctx: ProgramContext): boolean {
  return ctx.host.profile.release === 'el5';
}

// ---- getopt_long ----------------------------------------------------------------------------

export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOpt {
  name: string;
  arg: ArgKind;
  /** What the parsed option is reported as (often the matching short letter). */
  key: string;
}

export interface OptSpec {
  /** getopt's short option string: a letter, `:` after it for an argument, `::` optional. */
  short: string;
  long?: LongOpt[];
  /** Stop at the first operand (a leading `+` in getopt, or POSIXLY_CORRECT). */
  inOrder?: boolean;
}

export interface ParsedOpt {
  key: string;
  arg: string | undefined;
  /** The command-line word the option came from. */
  word: string;
}

export type ParseResult =
  | { ok: true; opts: ParsedOpt[]; operands: string[] }
  | { ok: false; message: string };

/** glibc's own getopt messages: 2.12 (RHEL 6) quotes with '', 2.5 (RHEL 5) differs. */
function getoptMessages(el5: boolean) {
  return el5
    ? {
        invalid: (c: string) => `invalid option -- ${c}`,
        unrecognized: (w: string) => `unrecognized option \`${w}'`,
        requires: (c: string) => `option requires an argument -- ${c}`,
        longRequires: (w: string) => `option \`${w}' requires an argument`,
        noArg: (name: string) => `option \`--${name}' doesn't allow an argument`,
        ambiguous: (w: string) => `option \`${w}' is ambiguous`,
      }
    : {
        invalid: (c: string) => `invalid option -- '${c}'`,
        unrecognized: (w: string) => `unrecognized option '${w}'`,
        requires: (c: string) => `option requires an argument -- '${c}'`,
        longRequires: (w: string) => `option '${w}' requires an argument`,
        noArg: (name: string) => `option '--${name}' doesn't allow an argument`,
        ambiguous: (w: string) => `option '${w}' is ambiguous`,
      };
}

function shortTable(spec: string): Map<string, ArgKind> {
  const m = new Map<string, ArgKind>();
  let s = spec;
  if (s.startsWith('+') || s.startsWith('-')) s = s.slice(1);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ':') continue;
    let kind: ArgKind = 'none';
    if (s[i + 1] === ':') kind = s[i + 2] === ':' ? 'optional' : 'required';
    m.set(c, kind);
  }
  return m;
}

export const HELP_VERSION: LongOpt[] = [
  { name: 'help', arg: 'none', key: '--help' },
  { name: 'version', arg: 'none', key: '--version' },
];

/**
 * Parses argv (without argv[0]) as GNU getopt_long does: options may follow operands unless
 * POSIXLY_CORRECT is set or the spec asks for in-order parsing; `--` ends the options; long
 * options may be abbreviated to any unambiguous prefix.
 */
export function getopt(ctx: ProgramContext, args: string[], spec: OptSpec): ParseResult {
  const msgs = getoptMessages(isEl5(ctx));
  const shorts = shortTable(spec.short);
  const longs = [...(spec.long ?? []), ...HELP_VERSION];
  const inOrder = spec.inOrder || spec.short.startsWith('+') || ctx.env.POSIXLY_CORRECT !== undefined;
  const opts: ParsedOpt[] = [];
  const operands: string[] = [];
  let i = 0;
  while (i < args.length) {
    const w = args[i]!;
    if (w === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const body = w.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const exact = longs.find((l) => l.name === name);
      let found: LongOpt | undefined = exact;
      if (!found) {
        const cands = longs.filter((l) => l.name.startsWith(name));
        if (cands.length === 0) return { ok: false, message: msgs.unrecognized(w) };
        const first = cands[0]!;
        if (cands.some((c) => c.key !== first.key || c.arg !== first.arg)) return { ok: false, message: msgs.ambiguous(w) };
        found = first;
      }
      i++;
      if (eq >= 0) {
        if (found.arg === 'none') return { ok: false, message: msgs.noArg(found.name) };
        opts.push({ key: found.key, arg: body.slice(eq + 1), word: w });
      } else if (found.arg === 'required') {
        if (i >= args.length) return { ok: false, message: msgs.longRequires(w) };
        opts.push({ key: found.key, arg: args[i]!, word: w });
        i++;
      } else opts.push({ key: found.key, arg: undefined, word: w });
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      i++;
      for (let j = 1; j < w.length; j++) {
        const c = w[j]!;
        const kind = c === ':' ? undefined : shorts.get(c);
        if (kind === undefined) return { ok: false, message: msgs.invalid(c) };
        if (kind === 'none') {
          opts.push({ key: c, arg: undefined, word: w });
          continue;
        }
        const rest = w.slice(j + 1);
        if (rest !== '') opts.push({ key: c, arg: rest, word: w });
        else if (kind === 'optional') opts.push({ key: c, arg: undefined, word: w });
        else {
          if (i >= args.length) return { ok: false, message: msgs.requires(c) };
          opts.push({ key: c, arg: args[i]!, word: w });
          i++;
        }
        break;
      }
      continue;
    }
    if (inOrder) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(w);
    i++;
  }
  return { ok: true, opts, operands };
}

/** "Try `ls --help' for more information." after an optional message; returns status. */
export function usageError(ctx: ProgramContext, prog: string, message: string | null, status = 1): number {
  if (message !== null) ctx.stderr.write(`${prog}: ${message}\n`);
  ctx.stderr.write(`Try \`${prog} --help' for more information.\n`);
  return status;
}

/** A short --help text: the usage line and a one-line summary. */
export function helpText(ctx: ProgramContext, prog: string, usage: string, summary: string): number {
  ctx.stdout.write(`Usage: ${prog} ${usage}\n${summary}\n\nReport ${baseName(prog)} bugs to bug-coreutils@gnu.org\n`);
  return 0;
}

export function versionText(ctx: ProgramContext, tool: string, pkg: 'coreutils' | 'findutils' = 'coreutils'): number {
  const ver = pkg === 'findutils' ? (isEl5(ctx) ? '4.2.27' : '4.4.2') : isEl5(ctx) ? '5.97' : '8.4';
  const name = pkg === 'findutils' ? 'GNU findutils' : 'GNU coreutils';
  ctx.stdout.write(`${tool} (${name}) ${ver}\n`);
  return 0;
}

function baseName(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Matches a word against a list of alternatives as argmatch does (exact or unique prefix). */
export function argmatch(value: string, choices: readonly string[][]): number {
  for (let i = 0; i < choices.length; i++) if (choices[i]!.includes(value)) return i;
  let hit = -1;
  for (let i = 0; i < choices.length; i++) {
    if (choices[i]!.some((c) => c.startsWith(value)) && value !== '') {
      if (hit >= 0 && hit !== i) return -2;
      hit = i;
    }
  }
  return hit;
}

/** argmatch_die's message: the invalid/ambiguous line and the list of valid arguments. */
export function argmatchError(ctx: ProgramContext, prog: string, option: string, value: string, choices: readonly string[][], status = 1): number {
  const r = argmatch(value, choices);
  const what = r === -2 ? 'ambiguous' : 'invalid';
  let text = `${prog}: ${what} argument ${quote(value)} for ${quote(option)}\nValid arguments are:`;
  for (const group of choices) text += '\n  - ' + group.map((c) => quote(c)).join(', ');
  ctx.stderr.write(text + '\n');
  return usageError(ctx, prog, null, status);
}

// ---- modes, sizes, times --------------------------------------------------------------------

export function typeLetter(type: StatInfo['type']): string {
  return type === 'dir' ? 'd' : type === 'symlink' ? 'l' : '-';
}

/** strmode() without the trailing flag: `drwxr-xr-x`, with s/S/t/T for the special bits. */
export function modeString(type: StatInfo['type'], mode: number): string {
  return typeLetter(type) + permString(mode);
}

export function permString(mode: number): string {
  const t = (bit: number, c: string) => (mode & bit ? c : '-');
  const special = (x: boolean, s: boolean, on: string, off: string) => (s ? (x ? on : off) : x ? 'x' : '-');
  return (
    t(0o400, 'r') + t(0o200, 'w') + special(!!(mode & 0o100), !!(mode & 0o4000), 's', 'S') +
    t(0o040, 'r') + t(0o020, 'w') + special(!!(mode & 0o010), !!(mode & 0o2000), 's', 'S') +
    t(0o004, 'r') + t(0o002, 'w') + special(!!(mode & 0o001), !!(mode & 0o1000), 't', 'T')
  );
}

export function octal4(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/**
 * st_blocks (512-byte units) on the lab's ext4 with 4 KiB blocks: whole blocks for data,
 * one block for a directory, none for a short ("fast") symlink.
 */
export function statBlocks(st: StatInfo): number {
  if (st.type === 'dir') return 8 * Math.max(1, Math.ceil(st.size / 4096));
  if (st.type === 'symlink') return st.size < 60 ? 0 : 8;
  return Math.ceil(st.size / 4096) * 8;
}

/**
 * gnulib human_readable() with human_ceiling: `amount` units of `fromBlock` bytes shown in
 * units of `toBlock` bytes, or autoscaled with a K/M/G suffix (powers of 1024) when toBlock
 * is 0. A value under 10 keeps one decimal (`4.0K`); rounding is always upwards.
 */
export function humanSize(amount: number, fromBlock: number, toBlock: number): string {
  const bytes = amount * fromBlock;
  if (toBlock > 0) return String(Math.ceil(bytes / toBlock));
  const base = 1024;
  if (bytes < base) return String(Math.ceil(bytes));
  const suffixes = 'KMGTPEZY';
  let exp = 0;
  let scaled = bytes;
  while (scaled >= base && exp < suffixes.length) {
    scaled /= base;
    exp++;
  }
  // scaled is the exact value in the chosen unit, 1 <= scaled < 1024.
  if (scaled < 10) {
    const tenths = Math.ceil(scaled * 10 - 1e-9);
    if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${suffixes[exp - 1]}`;
    return `10${suffixes[exp - 1]}`;
  }
  const whole = Math.ceil(scaled - 1e-9);
  if (whole >= base && exp < suffixes.length) return `1.0${suffixes[exp]}`;
  return `${whole}${suffixes[exp - 1]}`;
}

/** ls -l's date column: `Apr 26 11:25` within six months, `Apr 26  2013` otherwise. */
export function lsDate(whenMs: number, nowMs: number): string {
  const halfYear = (31556952 / 2) * 1000;
  const recent = nowMs - halfYear < whenMs && whenMs <= nowMs;
  const t = toLocal(whenMs);
  const day = String(t.day).padStart(2, ' ');
  return recent ? `${MONTHS[t.month]} ${day} ${pad2(t.hour)}:${pad2(t.minute)}` : `${MONTHS[t.month]} ${day}  ${t.year}`;
}

/** stat's `2014-04-26 11:25:00.000000000 -0600`. */
export function fullTime(ms: number): string {
  const t = toLocal(ms);
  const frac = String(Math.round(((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(9, '0');
  return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}.${frac} ${numericZone(t.offsetMinutes)}`;
}

// ---- names ----------------------------------------------------------------------------------

export function userName(ctx: ProgramContext, uid: number): string | null {
  return ctx.host.users.getpwuid(uid)?.name ?? null;
}

export function groupName(ctx: ProgramContext, gid: number): string | null {
  return ctx.host.users.getgrgid(gid)?.name ?? null;
}

// ---- collation ------------------------------------------------------------------------------

/** strcoll() in en_US.UTF-8, the order ls sorts names in (shared with sort and globbing). */
export { collate } from '../../util/collate';

// ---- prompts --------------------------------------------------------------------------------

/** Reads the answer to a prompt already written: yes when it starts with y or Y (rpmatch). */
export async function readYes(ctx: ProgramContext): Promise<boolean> {
  const line = await ctx.stdin.readLine();
  return line !== null && /^[yY]/.test(line);
}

// ---- paths ----------------------------------------------------------------------------------

/** Joins a directory and a name as file_name_concat does (no doubled slash, `.` kept). */
export function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

export function stripTrailingSlashes(p: string): string {
  const s = p.replace(/\/+$/, '');
  return s === '' && p.startsWith('/') ? '/' : s;
}

/** The last component as basename(3) would give it (trailing slashes ignored). */
export function lastComponent(p: string): string {
  const s = stripTrailingSlashes(p);
  if (s === '/') return '/';
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

export function isDotOrDotDot(name: string): boolean {
  return name === '.' || name === '..';
}

/**
 * lstat/stat with the kernel's treatment of a trailing slash: the name must then be a
 * directory (symlinks to directories are followed), otherwise ENOTDIR.
 */
export function statPath(ctx: ProgramContext, path: string, follow: boolean): StatInfo | FsError {
  const slash = path.length > 1 && path.endsWith('/');
  const st = tryFs(() => (follow || slash ? ctx.fs.stat(path) : ctx.fs.lstat(path)));
  if (isErr(st)) return st;
  if (slash && st.type !== 'dir') return new FsError('ENOTDIR', path);
  return st;
}

/** A directory's entries with their types (readdir's d_type), in directory order. */
export function readdirTyped(ctx: ProgramContext, path: string): { name: string; type: StatInfo['type'] }[] | FsError {
  const names = tryFs(() => ctx.fs.readdir(path));
  if (isErr(names)) return names;
  const dir = tryFs(() => ctx.fs.lookup(path));
  const out: { name: string; type: StatInfo['type'] }[] = [];
  for (const name of names) {
    const node = !isErr(dir) && dir.entries ? dir.entries.get(name) : undefined;
    out.push({ name, type: node ? node.type : 'file' });
  }
  return out;
}

/** Same inode (the lab has one device, so st_ino alone identifies a file). */
export function sameFile(a: StatInfo, b: StatInfo): boolean {
  return a.ino === b.ino;
}

// ---- tree walking ---------------------------------------------------------------------------

export type WalkEvent =
  | { kind: 'file'; path: string; st: StatInfo; depth: number }
  | { kind: 'dir-pre'; path: string; st: StatInfo; depth: number }
  | { kind: 'dir-post'; path: string; st: StatInfo; depth: number }
  | { kind: 'dir-unreadable'; path: string; st: StatInfo; depth: number; err: FsError }
  | { kind: 'error'; path: string; depth: number; err: FsError }
  /** A directory reached again through a symlink (only when following symlinks). */
  | { kind: 'loop'; path: string; st: StatInfo; depth: number; ancestor: string };

export interface WalkOptions {
  /** Follow symlinks on the command line (-H). */
  followTop?: boolean;
  /** Follow every symlink (-L). */
  followAll?: boolean;
}

/**
 * Walks a tree depth-first in directory order, as fts does physically: each directory is seen
 * before its entries (dir-pre), then after them (dir-post); a directory that cannot be read is
 * reported (dir-unreadable) after its dir-pre. The visitor answers false to skip a directory,
 * 'abort' to stop the whole walk. Directory cycles met by following symlinks are reported
 * (loop) and not entered.
 */
export async function walk(
  ctx: ProgramContext,
  root: string,
  opts: WalkOptions,
  visit: (ev: WalkEvent) => Promise<boolean | 'abort' | void> | boolean | 'abort' | void,
): Promise<void> {
  const ancestors: { ino: number; path: string }[] = [];
  let aborted = false;
  const rec = async (path: string, depth: number): Promise<void> => {
    if (aborted) return;
    const follow = depth === 0 ? !!(opts.followTop || opts.followAll) : !!opts.followAll;
    let st = statPath(ctx, path, follow);
    if (isErr(st) && follow && st.code === 'ENOENT') {
      // a dangling symlink is still listed as itself
      const l = tryFs(() => ctx.fs.lstat(path));
      if (!isErr(l)) st = l;
    }
    const stop = (r: boolean | 'abort' | void): boolean => {
      if (r === 'abort') aborted = true;
      return aborted;
    };
    if (isErr(st)) {
      stop(await visit({ kind: 'error', path, depth, err: st }));
      return;
    }
    if (st.type !== 'dir') {
      stop(await visit({ kind: 'file', path, st, depth }));
      return;
    }
    const seen = ancestors.find((a) => a.ino === st.ino);
    if (seen) {
      stop(await visit({ kind: 'loop', path, st, depth, ancestor: seen.path }));
      return;
    }
    const go = await visit({ kind: 'dir-pre', path, st, depth });
    if (stop(go) || go === false) return;
    const names = tryFs(() => ctx.fs.readdir(path));
    if (isErr(names)) {
      const again = tryFs(() => (follow ? ctx.fs.stat(path) : ctx.fs.lstat(path)));
      stop(await visit({ kind: 'dir-unreadable', path, st: isErr(again) ? st : again, depth, err: names }));
      return;
    }
    ancestors.push({ ino: st.ino, path });
    for (const name of names) {
      if (aborted) return;
      await rec(joinPath(path, name), depth + 1);
    }
    ancestors.pop();
    if (aborted) return;
    const after = tryFs(() => (follow ? ctx.fs.stat(path) : ctx.fs.lstat(path)));
    stop(await visit({ kind: 'dir-post', path, st: isErr(after) || after.type !== 'dir' ? st : after, depth }));
  };
  await rec(root, 0);
}

// ---- dates ----------------------------------------------------------------------------------

/** Milliseconds for a local (America/Denver) wall-clock time. */
export function localToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const guess = Date.UTC(y, mo, d, h, mi, s);
  // Try both offsets the zone uses and keep the one that maps back to the same wall time.
  for (const off of [-360, -420]) {
    const utc = guess - off * 60_000;
    const t = toLocal(utc);
    if (t.year === y && t.month === mo && t.day === d && t.hour === h && t.minute === mi) return utc;
  }
  return guess + 420 * 60_000;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A small subset of getdate(): `now`, `today`, `yesterday`, `tomorrow`, `N unit(s) ago`,
 * `+N unit`, `@SECONDS`, `YYYY-MM-DD [HH:MM[:SS]]`, `MM/DD/YYYY`, `Apr 26 [2014]`,
 * `26 Apr 2014`, and a bare `HH:MM[:SS]` (today). Returns null when it cannot read the text.
 */
export function parseDate(text: string, nowMs: number): number | null {
  let s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '' ) return localMidnight(nowMs);
  if (/^@-?\d+$/.test(s)) return Number(s.slice(1)) * 1000;
  const now = toLocal(nowMs);
  let y = now.year;
  let mo = now.month;
  let d = now.day;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let dateGiven = false;
  let timeGiven = false;
  let rel = 0;
  let relMonths = 0;
  let zoneOffset: number | null = null;

  const units: Record<string, number> = {
    sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3_600_000, day: 86_400_000,
    week: 7 * 86_400_000, fortnight: 14 * 86_400_000,
  };
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(s);
    if (m) s = (s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length)).trim();
    return m;
  };
  let m: RegExpExecArray | null;
  // relative items: "2 days ago", "+3 hours", "-1 week", "next day", "last month"
  while ((m = take(/(?:^| )([+-]?\d+|next|last|a) ?(sec|second|min|minute|hour|day|week|fortnight|month|year)s?( ago)?(?= |$)/))) {
    const n = m[1] === 'next' || m[1] === 'a' ? 1 : m[1] === 'last' ? -1 : Number(m[1]);
    const sign = m[3] ? -1 : 1;
    const unit = m[2]!;
    if (unit === 'month') relMonths += sign * n;
    else if (unit === 'year') relMonths += sign * n * 12;
    else rel += sign * n * units[unit]!;
  }
  if ((m = take(/(?:^| )(now|today)(?= |$)/))) {
    /* nothing */
  }
  if ((m = take(/(?:^| )yesterday(?= |$)/))) rel -= 86_400_000;
  if ((m = take(/(?:^| )tomorrow(?= |$)/))) rel += 86_400_000;
  if ((m = take(/(?:^| )(\d{4})-(\d{1,2})-(\d{1,2})(?:t(?=\d))?/))) {
    y = +m[1]!;
    mo = +m[2]! - 1;
    d = +m[3]!;
    dateGiven = true;
  } else if ((m = take(/(?:^| )(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?= |$)/))) {
    mo = +m[1]! - 1;
    d = +m[2]!;
    if (m[3]) y = m[3].length === 2 ? 2000 + +m[3] - (+m[3] >= 69 ? 100 : 0) : +m[3];
    dateGiven = true;
  } else if ((m = take(/(?:^| )(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*,? )?([a-z]{3})[a-z]*\.? (\d{1,2})(?:,? (\d{4}))?(?= |$)/))) {
    const idx = MONTH_NAMES.indexOf(m[1]!);
    if (idx < 0) return null;
    mo = idx;
    d = +m[2]!;
    if (m[3]) y = +m[3];
    dateGiven = true;
  } else if ((m = take(/(?:^| )(\d{1,2}) ([a-z]{3})[a-z]*\.?(?: (\d{4}))?(?= |$)/))) {
    const idx = MONTH_NAMES.indexOf(m[2]!);
    if (idx < 0) return null;
    mo = idx;
    d = +m[1]!;
    if (m[3]) y = +m[3];
    dateGiven = true;
  }
  if ((m = take(/(?:^| )(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)? ?(am|pm)?(?= |$|[+-]\d)/))) {
    h = +m[1]!;
    mi = +m[2]!;
    sec = m[3] ? +m[3] : 0;
    if (m[4] === 'pm' && h < 12) h += 12;
    if (m[4] === 'am' && h === 12) h = 0;
    timeGiven = true;
  }
  if ((m = take(/(?:^| )?([+-])(\d{2}):?(\d{2})(?= |$)/))) {
    zoneOffset = (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +m[3]!);
  } else if ((m = take(/(?:^| )(utc|gmt|z)(?= |$)/))) zoneOffset = 0;
  else if ((m = take(/(?:^| )(mdt|mst)(?= |$)/))) zoneOffset = m[1] === 'mdt' ? -360 : -420;
  if ((m = take(/(?:^| )(\d{4})(?= |$)/)) && dateGiven) y = +m[1]!;
  else if (m) return null;
  if (s.trim() !== '') return null;
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return null;
  let base: number;
  if (!dateGiven && !timeGiven) base = nowMs;
  else {
    if (!timeGiven) {
      h = 0;
      mi = 0;
      sec = 0;
    }
    base = zoneOffset === null ? localToUtc(y, mo, d, h, mi, sec) : Date.UTC(y, mo, d, h, mi, sec) - zoneOffset * 60_000;
  }
  if (relMonths !== 0) {
    const t = toLocal(base);
    const total = t.year * 12 + t.month + relMonths;
    base = localToUtc(Math.floor(total / 12), ((total % 12) + 12) % 12, t.day, t.hour, t.minute, t.second) + (base % 1000);
  }
  return base + rel;
}

function localMidnight(nowMs: number): number {
  const t = toLocal(nowMs);
  return localToUtc(t.year, t.month, t.day, 0, 0, 0);
}

/** touch -t's [[CC]YY]MMDDhhmm[.ss]; null when malformed. */
export function parsePosixTime(text: string, nowMs: number): number | null {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  const now = toLocal(nowMs);
  let y = now.year;
  let rest = digits;
  if (digits.length === 12) {
    y = +digits.slice(0, 4);
    rest = digits.slice(4);
  } else if (digits.length === 10) {
    const yy = +digits.slice(0, 2);
    y = yy < 69 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  }
  const mo = +rest.slice(0, 2) - 1;
  const d = +rest.slice(2, 4);
  const h = +rest.slice(4, 6);
  const mi = +rest.slice(6, 8);
  const s = m[2] ? +m[2] : 0;
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const probe = new Date(Date.UTC(y, mo, d));
  if (probe.getUTCMonth() !== mo) return null;
  return localToUtc(y, mo, d, h, mi, s);
}

// ---- printf-style fields --------------------------------------------------------------------

/** Applies a printf flag/width/precision prefix (like `-10`, `04`, `10.10`) to a value. */
export function printfField(spec: string, value: string | number, conv: 's' | 'd' | 'o' | 'x'): string {
  const m = /^([-#+ 0]*)(\d*)(?:\.(\d*))?$/.exec(spec);
  const flags = m ? m[1]! : '';
  const width = m && m[2] ? Number(m[2]) : 0;
  const prec = m && m[3] !== undefined ? Number(m[3] || '0') : null;
  let body: string;
  let sign = '';
  if (conv === 's') {
    body = String(value);
    if (prec !== null) body = body.slice(0, prec);
  } else {
    let n = typeof value === 'number' ? value : Number(value);
    if (conv === 'd' && n < 0) {
      sign = '-';
      n = -n;
    } else if (conv === 'd') sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    body = conv === 'o' ? n.toString(8) : conv === 'x' ? n.toString(16) : String(n);
    if (prec !== null) body = body.padStart(prec, '0');
    if (flags.includes('#') && conv === 'o' && !body.startsWith('0')) body = '0' + body;
    if (flags.includes('#') && conv === 'x' && n !== 0) body = '0x' + body;
  }
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (flags.includes('-')) return sign + body + ' '.repeat(width - len);
  if (flags.includes('0') && conv !== 's' && prec === null) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

/**
 * The -t DIR option of cp, mv and ln: the directory to use, or null once the tool's own error
 * has been printed (a second -t, a missing or non-directory target).
 */
export function targetDirOption(ctx: ProgramContext, prog: string, arg: string, already: string | null): string | null {
  if (already !== null) {
    ctx.stderr.write(`${prog}: multiple target directories specified\n`);
    return null;
  }
  const st = tryFs(() => ctx.fs.stat(arg));
  if (isErr(st)) {
    ctx.stderr.write(`${prog}: accessing ${quote(arg)}: ${st.message}\n`);
    return null;
  }
  if (st.type !== 'dir') {
    ctx.stderr.write(`${prog}: target ${quote(arg)} is not a directory\n`);
    return null;
  }
  return arg;
}
