/**
 * Shared pieces of the user and system-information commands: a GNU getopt_long work-alike with
 * the wording of the host's glibc, the coreutils usage/version lines, the account databases
 * (/etc/passwd, group, shadow, gshadow) edited as shadow-utils does (whole file rewritten, the
 * old copy kept as `FILE-`), password prompts with terminal echo off, and running a program by
 * path with a chosen argv[0] (su's login shell).
 */
import { FsError, isFsError } from '../../fs/errors';
import { ROOT, type Cred, type Vfs } from '../../fs/vfs';
import type { ProgramContext } from '../../proc/program';
import type { Passwd } from '../../users/accounts';

// ---- names and hosts ----------------------------------------------------------------------

export function isEl5(ctx: ProgramContext): boolean {
  return ctx.host.profile.release === 'el5';
}

/** argv[0] as invoked: what GNU tools (coreutils, which, getopt) put before their messages. */
export function progName(ctx: ProgramContext, fallback: string): string {
  return ctx.argv[0] || fallback;
}

/** The last path component of argv[0]: what shadow-utils calls Prog. */
export function baseName(ctx: ProgramContext, fallback: string): string {
  const a = ctx.argv[0] || fallback;
  return a.split('/').pop() || fallback;
}

/** gnulib's quote() of 2006-2010: `text'. */
export function q(s: string): string {
  return '`' + s + "'";
}

export function tryHelp(ctx: ProgramContext, prog: string): void {
  ctx.stderr.write(`Try \`${prog} --help' for more information.\n`);
}

/** `PROG (GNU coreutils) 8.4` and the licence lines of the host's coreutils. */
export function coreutilsVersion(ctx: ProgramContext, name: string, authors: string): string {
  if (isEl5(ctx)) {
    return (
      `${name} (GNU coreutils) 5.97\nCopyright (C) 2006 Free Software Foundation, Inc.\n` +
      'This is free software.  You may redistribute copies of it under the terms of\n' +
      'the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n' +
      'There is NO WARRANTY, to the extent permitted by law.\n\n' +
      `Written by ${authors}.\n`
    );
  }
  return (
    `${name} (GNU coreutils) 8.4\nCopyright (C) 2010 Free Software Foundation, Inc.\n` +
    'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    'There is NO WARRANTY, to the extent permitted by law.\n\n' +
    `Written by ${authors}.\n`
  );
}

/** The closing lines of a coreutils --help. */
export function coreutilsHelpTail(ctx: ProgramContext, name: string): string {
  if (isEl5(ctx)) return '\nReport bugs to <bug-coreutils@gnu.org>.\n';
  return (
    '\nReport ' + name + ' bugs to bug-coreutils@gnu.org\n' +
    'GNU coreutils home page: <http://www.gnu.org/software/coreutils/>\n' +
    'General help using GNU software: <http://www.gnu.org/gethelp/>\n' +
    `For complete documentation, run: info coreutils '${name} invocation'\n`
  );
}

// ---- getopt_long --------------------------------------------------------------------------

export interface LongOpt {
  name: string;
  arg: 'none' | 'required' | 'optional';
  /** What the parser reports: a short option letter or any name. */
  key: string;
}

export interface OptSpec {
  /** getopt's short option string: `c:` takes an argument, `c::` an optional one. */
  short: string;
  long?: LongOpt[];
  /** GNU permutes operands behind options unless told not to (a leading `+`). */
  permute?: boolean;
  /** Also treat `-name` as a long option (getopt_long_only). */
  longOnly?: boolean;
}

export interface ParsedOpt {
  key: string;
  value: string | null;
}

export interface ParseResult {
  opts: ParsedOpt[];
  operands: string[];
  /** getopt's messages, in order, without the trailing newline. */
  errors: string[];
}

/**
 * Parses argv (without argv[0]) as glibc getopt_long does: clustered short options, `--name`,
 * `--name=value`, unambiguous abbreviations, `--` to end options, operands permuted to the end.
 * Errors are worded as the host's glibc words them (2.12 on RHEL 6, 2.5 on RHEL 5).
 */
export function getopt(ctx: ProgramContext, prog: string, args: string[], spec: OptSpec): ParseResult {
  const el5 = isEl5(ctx);
  const quoteArg = (s: string): string => (el5 ? '`' + s + "'" : "'" + s + "'");
  const quoteChar = (c: string): string => (el5 ? c : "'" + c + "'");
  const permute = (spec.permute ?? true) && ctx.env.POSIXLY_CORRECT === undefined;
  const shorts = new Map<string, 'none' | 'required' | 'optional'>();
  const s = spec.short.replace(/^[+-]/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ':') continue;
    let kind: 'none' | 'required' | 'optional' = 'none';
    if (s[i + 1] === ':') kind = s[i + 2] === ':' ? 'optional' : 'required';
    shorts.set(c, kind);
  }
  const longs = spec.long ?? [];
  const res: ParseResult = { opts: [], operands: [], errors: [] };
  let i = 0;
  const findLong = (name: string): LongOpt | 'ambiguous' | null => {
    const exact = longs.find((l) => l.name === name);
    if (exact) return exact;
    const cands = longs.filter((l) => l.name.startsWith(name));
    if (cands.length === 0) return null;
    const first = cands[0]!;
    if (cands.every((c) => c.key === first.key && c.arg === first.arg)) return first;
    return 'ambiguous';
  };
  const doLong = (arg: string, body: string, dashes: string): boolean => {
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const inline = eq >= 0 ? body.slice(eq + 1) : null;
    const lo = findLong(name);
    if (lo === 'ambiguous') {
      res.errors.push(`${prog}: option ${quoteArg(dashes + name)} is ambiguous`);
      return true;
    }
    if (!lo) return false;
    if (lo.arg === 'none') {
      if (inline !== null) {
        res.errors.push(`${prog}: option ${quoteArg(dashes + lo.name)} doesn't allow an argument`);
        return true;
      }
      res.opts.push({ key: lo.key, value: null });
    } else if (lo.arg === 'optional') {
      res.opts.push({ key: lo.key, value: inline });
    } else if (inline !== null) {
      res.opts.push({ key: lo.key, value: inline });
    } else if (i < args.length) {
      res.opts.push({ key: lo.key, value: args[i++]! });
    } else {
      res.errors.push(`${prog}: option ${quoteArg(dashes + lo.name)} requires an argument`);
    }
    void arg;
    return true;
  };
  while (i < args.length) {
    const arg = args[i++]!;
    if (arg === '--') {
      res.operands.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      if (!doLong(arg, arg.slice(2), '--')) {
        res.errors.push(el5 ? `${prog}: unrecognized option \`${arg}'` : `${prog}: unrecognized option '${arg}'`);
      }
      continue;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      if (!permute) {
        res.operands.push(arg, ...args.slice(i));
        break;
      }
      res.operands.push(arg);
      continue;
    }
    if (spec.longOnly && longs.length > 0) {
      const body = arg.slice(1);
      const name = body.split('=')[0]!;
      const lo = findLong(name);
      if (lo && !(name.length === 1 && shorts.has(name))) {
        doLong(arg, body, '-');
        continue;
      }
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const kind = c === ':' ? undefined : shorts.get(c);
      if (kind === undefined) {
        res.errors.push(`${prog}: invalid option -- ${quoteChar(c)}`);
        continue;
      }
      if (kind === 'none') {
        res.opts.push({ key: c, value: null });
        continue;
      }
      const rest = arg.slice(j + 1);
      if (rest !== '') res.opts.push({ key: c, value: rest });
      else if (kind === 'optional') res.opts.push({ key: c, value: null });
      else if (i < args.length) res.opts.push({ key: c, value: args[i++]! });
      else res.errors.push(`${prog}: option requires an argument -- ${quoteChar(c)}`);
      break;
    }
  }
  return res;
}

// ---- the account databases ----------------------------------------------------------------

/**
 * One colon-separated database (/etc/passwd, /etc/group, /etc/shadow, /etc/gshadow), read and
 * written with root's rights (the tools are root-only or setuid). Lines that are not entries
 * (comments, blanks, NIS `+` lines) are kept as they are.
 */
export class Db {
  private constructor(
    private readonly vfs: Vfs,
    readonly path: string,
    readonly lines: string[],
    readonly exists: boolean,
    private readonly original: string,
  ) {}

  static read(vfs: Vfs, path: string): Db {
    const node = vfs.tryLookup(path, ROOT);
    if (!node || node.type !== 'file') return new Db(vfs, path, [], false, '');
    const lines = node.data.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return new Db(vfs, path, lines, true, node.data);
  }

  /** Index of the entry whose first field is name, or -1. */
  find(name: string): number {
    return this.lines.findIndex((l) => l.split(':')[0] === name && !l.startsWith('#'));
  }

  /** Fields of an entry (the array may be changed and given back to set). */
  fields(index: number): string[] {
    return (this.lines[index] ?? '').split(':');
  }

  get(name: string): string[] | null {
    const i = this.find(name);
    return i < 0 ? null : this.fields(i);
  }

  set(index: number, fields: string[]): void {
    this.lines[index] = fields.join(':');
  }

  update(name: string, change: (f: string[]) => void): boolean {
    const i = this.find(name);
    if (i < 0) return false;
    const f = this.fields(i);
    change(f);
    this.set(i, f);
    return true;
  }

  remove(name: string): boolean {
    const i = this.find(name);
    if (i < 0) return false;
    this.lines.splice(i, 1);
    return true;
  }

  append(fields: string[]): void {
    this.lines.push(fields.join(':'));
  }

  /** Every entry's fields, in file order. */
  entries(): string[][] {
    return this.lines.filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('+') && !l.startsWith('-')).map((l) => l.split(':'));
  }

  text(): string {
    return this.lines.length === 0 ? '' : this.lines.join('\n') + '\n';
  }

  /** Writes the file back when it changed, keeping the previous version as `path-`. */
  save(): void {
    const text = this.text();
    if (this.exists && text === this.original) return;
    const node = this.vfs.tryLookup(this.path, ROOT);
    const mode = node ? node.mode : 0o644;
    const uid = node ? node.uid : 0;
    const gid = node ? node.gid : 0;
    if (this.exists) {
      const backup = this.path + '-';
      this.vfs.writeFile(backup, ROOT, this.original, { umask: 0, mode });
      this.vfs.chmod(backup, ROOT, mode);
      this.vfs.chown(backup, ROOT, uid, gid);
    }
    this.vfs.writeFile(this.path, ROOT, text, { umask: 0, mode });
    if (!node) this.vfs.chmod(this.path, ROOT, mode);
  }
}

/** The four databases, read together (what the tools lock and open). */
export interface AccountDbs {
  passwd: Db;
  shadow: Db;
  group: Db;
  gshadow: Db;
}

export function readAccountDbs(ctx: ProgramContext): AccountDbs {
  const v = ctx.host.vfs;
  return {
    passwd: Db.read(v, '/etc/passwd'),
    shadow: Db.read(v, '/etc/shadow'),
    group: Db.read(v, '/etc/group'),
    gshadow: Db.read(v, '/etc/gshadow'),
  };
}

export function saveAccountDbs(dbs: AccountDbs): void {
  dbs.passwd.save();
  if (dbs.shadow.exists) dbs.shadow.save();
  dbs.group.save();
  if (dbs.gshadow.exists) dbs.gshadow.save();
}

/**
 * shadow-utils' lock step: lckpwdf() needs root. Prints what 4.1.4.2 (or 4.0.17) prints when it
 * fails and returns false.
 */
export function lockDatabases(ctx: ProgramContext, prog: string, file: '/etc/passwd' | '/etc/group'): boolean {
  if (ctx.fs.cred.uid === 0) return true;
  if (isEl5(ctx)) {
    ctx.stderr.write(file === '/etc/passwd' ? `${prog}: unable to lock password file\n` : `${prog}: unable to lock group file\n`);
  } else {
    ctx.stderr.write(`${prog}: Permission denied.\n${prog}: cannot lock ${file}; try again later.\n`);
  }
  return false;
}

/** Numeric settings of /etc/login.defs (UID_MIN, PASS_MAX_DAYS ...), with RHEL's defaults. */
export function loginDefs(ctx: ProgramContext): Map<string, string> {
  const defs = new Map<string, string>([
    ['MAIL_DIR', '/var/spool/mail'],
    ['PASS_MAX_DAYS', '99999'],
    ['PASS_MIN_DAYS', '0'],
    ['PASS_MIN_LEN', '5'],
    ['PASS_WARN_AGE', '7'],
    ['UID_MIN', '500'],
    ['UID_MAX', '60000'],
    ['GID_MIN', '500'],
    ['GID_MAX', '60000'],
    ['CREATE_HOME', 'yes'],
    ['UMASK', '077'],
    ['USERGROUPS_ENAB', 'yes'],
  ]);
  const node = ctx.host.vfs.tryLookup('/etc/login.defs', ROOT);
  if (node && node.type === 'file') {
    const seen = new Map<string, string>();
    for (const line of node.data.split('\n')) {
      const m = /^\s*([A-Z_][A-Z0-9_]*)\s+(\S+)/.exec(line);
      if (m && !line.trimStart().startsWith('#')) seen.set(m[1]!, m[2]!);
    }
    // A file that exists is the whole truth for yes/no switches that it leaves out.
    for (const k of ['CREATE_HOME', 'USERGROUPS_ENAB']) if (!seen.has(k)) defs.set(k, 'no');
    for (const [k, v] of seen) defs.set(k, v);
  }
  return defs;
}

export function defNum(defs: Map<string, string>, key: string, fallback: number): number {
  const v = defs.get(key);
  if (v === undefined) return fallback;
  const n = /^0[0-7]*$/.test(v) ? parseInt(v, 8) : /^-?\d+$/.test(v) ? Number(v) : NaN;
  return Number.isNaN(n) ? fallback : n;
}

export function defBool(defs: Map<string, string>, key: string): boolean {
  return (defs.get(key) ?? '').toLowerCase() === 'yes';
}

/** Days since the epoch, as shadow stores "last changed". */
export function daysSinceEpoch(ctx: ProgramContext): number {
  return Math.floor(ctx.host.now() / 86400_000);
}

/** User and group names RHEL's shadow-utils accepts (its patch allows capitals and dots). */
export function validName(name: string, max = 32): boolean {
  return name.length <= max && /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/.test(name);
}

/** getgr_nam_gid: a group by name, or by number when the text is all digits. */
export function groupByNameOrId(group: Db, text: string): string[] | null {
  const entries = group.entries();
  if (/^\d+$/.test(text)) {
    const byId = entries.find((f) => f[2] === String(Number(text)));
    if (byId) return byId;
  }
  return entries.find((f) => f[0] === text) ?? null;
}

// ---- filesystem helpers -------------------------------------------------------------------

/** Removes a tree with root's rights; false when something could not be removed. */
export function removeTree(vfs: Vfs, path: string): boolean {
  const node = vfs.tryLookup(path, ROOT, false);
  if (!node) return true;
  try {
    if (node.type === 'dir') {
      let ok = true;
      for (const name of [...node.entries!.keys()]) ok = removeTree(vfs, path + '/' + name) && ok;
      vfs.rmdir(path, ROOT);
      return ok;
    }
    vfs.unlink(path, ROOT);
    return true;
  } catch {
    return false;
  }
}

/** copy_tree: copies src into the existing dst, giving every copy to uid:gid. */
export function copyTree(vfs: Vfs, src: string, dst: string, uid: number | null, gid: number | null): void {
  const dir = vfs.tryLookup(src, ROOT);
  if (!dir || dir.type !== 'dir') return;
  for (const [name, node] of dir.entries!) {
    const from = src + '/' + name;
    const to = dst + '/' + name;
    try {
      if (node.type === 'dir') {
        vfs.mkdir(to, ROOT, node.mode, 0);
        vfs.chmod(to, ROOT, node.mode);
        copyTree(vfs, from, to, uid, gid);
      } else if (node.type === 'symlink') {
        vfs.symlink(node.target, to, ROOT);
      } else {
        vfs.writeFile(to, ROOT, node.data, { umask: 0, mode: node.mode });
        vfs.chmod(to, ROOT, node.mode);
      }
      vfs.chown(to, ROOT, uid ?? node.uid, gid ?? node.gid, false);
      if (node.type !== 'symlink') vfs.chmod(to, ROOT, node.mode);
    } catch {
      // copy_tree carries on with the other files
    }
  }
}

/** chown_tree: files of a tree owned by oldUid go to newUid (and the group likewise). */
export function chownTree(vfs: Vfs, path: string, oldUid: number, newUid: number, oldGid: number, newGid: number): void {
  const node = vfs.tryLookup(path, ROOT, false);
  if (!node) return;
  const uid = node.uid === oldUid ? newUid : null;
  const gid = node.gid === oldGid ? newGid : null;
  if (uid !== null || gid !== null) {
    const mode = node.mode;
    try {
      vfs.chown(path, ROOT, uid, gid, false);
      if (node.type !== 'symlink') vfs.chmod(path, ROOT, mode);
    } catch {
      // ignore
    }
  }
  if (node.type === 'dir') for (const name of [...node.entries!.keys()]) chownTree(vfs, path + '/' + name, oldUid, newUid, oldGid, newGid);
}

export function errnoText(e: unknown): string {
  return isFsError(e) ? e.message : e instanceof Error ? e.message : String(e);
}

export { FsError };

// ---- passwords and terminals --------------------------------------------------------------

/**
 * A PAM conversation prompt with echo off (misc_conv): the prompt goes to standard error; on a
 * terminal echo is switched off while the line is read and a newline is printed after it.
 * Returns null at end of input.
 */
export async function readSecret(ctx: ProgramContext, prompt: string): Promise<string | null> {
  ctx.stderr.write(prompt);
  const tty = ctx.stdin.isTTY ? ctx.tty : null;
  const saved = tty ? tty.echo : true;
  if (tty) tty.echo = false;
  let line: string | null;
  try {
    line = await ctx.stdin.readLine();
  } finally {
    if (tty) tty.echo = saved;
  }
  if (tty) ctx.stderr.write('\n');
  return line;
}

/** The process credentials of a user, as initgroups + setgid + setuid leave them. */
export function credOf(ctx: ProgramContext, pw: Passwd): Cred {
  return { uid: pw.uid, gid: pw.gid, groups: ctx.host.users.groupIds(pw) };
}

/** The name the terminal's login session belongs to (getlogin): the console logs in as root. */
export function loginName(ctx: ProgramContext): string | null {
  if (!ctx.tty) return null;
  if (ctx.tty === ctx.host.console) return ctx.host.users.getpwuid(0)?.name ?? 'root';
  return null;
}

export interface ExecResult {
  status: number;
  /** Set when the program could not be started: errno name. */
  error?: 'ENOENT' | 'EACCES' | 'ENOEXEC' | 'EISDIR';
}

/**
 * execv(path, argv) in a child and wait for it: unlike ctx.spawn, argv[0] may differ from the
 * path (a login shell is `-bash`). Signals to the child are relayed by the caller.
 */
export async function execAndWait(
  ctx: ProgramContext,
  path: string,
  argv: string[],
  opts: { cred: Cred; env: Record<string, string>; cwd: string; comm?: string; onChild?: (kill: (sig: number) => void) => void },
): Promise<ExecResult> {
  const found = ctx.host.loadProgram(path, opts.cred);
  if (!found.ok) return { status: found.reason === 'ENOENT' ? 127 : 126, error: found.reason };
  const child = ctx.host.exec({
    argv,
    program: found.program,
    path,
    stdin: ctx.stdin.source,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    env: opts.env,
    cwd: opts.cwd,
    cred: opts.cred,
    umask: ctx.fs.umask,
    ppid: ctx.proc.pid,
    pgid: ctx.proc.pgid,
    tty: ctx.tty,
    comm: opts.comm,
  });
  opts.onChild?.((sig) => child.signal(sig));
  // A signal the caller does not ignore ends the wait (and the caller); the child carries on.
  while (child.alive) await ctx.proc.waitOn(child.exited);
  return { status: child.exitStatus ?? 1 };
}

/** A file's existence with root's eyes (for tools that run setuid or as root). */
export function rootExists(ctx: ProgramContext, path: string): boolean {
  return ctx.host.vfs.tryLookup(path, ROOT) !== null;
}
