/**
 * stat: coreutils 8.4. The default multi-line report, -c/--format and --printf with the
 * usual % sequences, -L, -t (terse) and -f (file system status, from the figures df shows).
 */
import type { StatInfo } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { filesystemFor } from './df';
import {
  fullTime, getopt, groupName, helpText, isErr, modeString, printfField, progName, quote, statBlocks, tryFs,
  usageError, userName, versionText, type LongOpt,
  safeCtx,
} from './common';

const LONG: LongOpt[] = [
  { name: 'context', arg: 'none', key: 'Z' },
  { name: 'dereference', arg: 'none', key: 'L' },
  { name: 'file-system', arg: 'none', key: 'f' },
  { name: 'filesystem', arg: 'none', key: 'f' },
  { name: 'format', arg: 'required', key: 'c' },
  { name: 'printf', arg: 'required', key: '--printf' },
  { name: 'terse', arg: 'none', key: 't' },
];

/** The device the lab's files live on: the LVM root volume, 253:0. */
const DEV = 0xfd00;

function fileType(st: StatInfo): string {
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

function rawMode(st: StatInfo): number {
  const fmt = st.type === 'dir' ? 0o040000 : st.type === 'symlink' ? 0o120000 : 0o100000;
  return fmt | (st.mode & 0o7777);
}

const DEFAULT_FORMAT =
  '  File: %N\n' +
  '  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n' +
  'Device: %Dh/%dd\tInode: %-10i  Links: %h\n' +
  'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n' +
  'Access: %x\nModify: %y\nChange: %z\n';

const FS_FORMAT =
  '  File: "%n"\n' +
  '    ID: %-8i Namelen: %-7l Type: %T\n' +
  'Block size: %-10s Fundamental block size: %S\n' +
  'Blocks: Total: %-10b Free: %-10f Available: %a\n' +
  'Inodes: Total: %-10c Free: %d\n';

export const stat: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'stat');
  let follow = false;
  let fsMode = false;
  let terse = false;
  let format: string | null = null;
  let escapes = false;
  let trailing = '\n';
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'c:fLtZ', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... FILE...', 'Display file or file system status.');
      case '--version':
        return versionText(ctx, 'stat');
      case 'c':
        format = arg ?? '';
        escapes = false;
        trailing = '\n';
        break;
      case '--printf':
        format = arg ?? '';
        escapes = true;
        trailing = '';
        break;
      case 'L': follow = true; break;
      case 'f': fsMode = true; break;
      case 't': terse = true; break;
      case 'Z':
        ctx.stderr.write(`${prog}: the --context (-Z) option is obsolete and will be removed\nin a future release\n`);
        break;
    }
  }
  if (parsed.operands.length === 0) return usageError(ctx, prog, 'missing operand');
  let ok = true;
  for (const file of parsed.operands) {
    if (fsMode) {
      if (file === '-') {
        ctx.stderr.write(`${prog}: using ${quote('-')} to denote standard input does not work in file system mode\n`);
        ok = false;
        continue;
      }
      const st = tryFs(() => ctx.fs.stat(file));
      if (isErr(st)) {
        ctx.stderr.write(`${prog}: cannot read file system information for ${quote(file)}: ${st.message}\n`);
        ok = false;
        continue;
      }
      const f = format ?? (terse ? '%n %i %l %t %s %S %b %f %a %c %d\n' : FS_FORMAT);
      const out = render(ctx, prog, f, escapes, (spec, c) => fsField(ctx, file, spec, c));
      if (out === null) return 1;
      ctx.stdout.write(out + (format !== null ? trailing : ''));
      continue;
    }
    if (file === '-') {
      ctx.stderr.write(`${prog}: cannot stat standard input: Bad file descriptor\n`);
      ok = false;
      continue;
    }
    const st = tryFs(() => (follow ? ctx.fs.stat(file) : ctx.fs.lstat(file)));
    if (isErr(st)) {
      ctx.stderr.write(`${prog}: cannot stat ${quote(file)}: ${st.message}\n`);
      ok = false;
      continue;
    }
    const f = format ?? (terse ? '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o\n' : DEFAULT_FORMAT);
    const out = render(ctx, prog, f, escapes, (spec, c) => fileField(ctx, file, st, spec, c));
    if (out === null) return 1;
    ctx.stdout.write(out + (format !== null ? trailing : ''));
  }
  return ok ? 0 : 1;
};

type FieldFn = (spec: string, conv: string) => string;

/** print_it(): expands % directives (and backslash escapes for --printf). */
function render(ctx: ProgramContext, prog: string, format: string, escapes: boolean, field: FieldFn): string | null {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '%') {
      const m = /^[-#+ 0-9.I]*/.exec(format.slice(i + 1))!;
      const spec = m[0];
      const conv = format[i + 1 + spec.length];
      if (conv === undefined || conv === '%') {
        if (spec.length > 0) {
          ctx.stderr.write(`${prog}: %${spec}${conv ?? ''}: invalid directive\n`);
          return null;
        }
        out += '%';
        i += spec.length + (conv === undefined ? 0 : 1);
        continue;
      }
      out += field(spec, conv);
      i += spec.length + 1;
      continue;
    }
    if (ch === '\\' && escapes) {
      const next = format[i + 1];
      if (next === undefined) {
        ctx.stderr.write(`${prog}: warning: backslash at end of format\n`);
        out += '\\';
        continue;
      }
      const oct = /^[0-7]{1,3}/.exec(format.slice(i + 1));
      if (oct) {
        out += String.fromCharCode(parseInt(oct[0], 8));
        i += oct[0].length;
        continue;
      }
      const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(format.slice(i + 2)) : null;
      if (hex) {
        out += String.fromCharCode(parseInt(hex[0], 16));
        i += 1 + hex[0].length;
        continue;
      }
      const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };
      const v = map[next];
      if (v === undefined) {
        ctx.stderr.write(`${prog}: warning: unrecognized escape \`\\${next}'\n`);
        out += next;
      } else out += v;
      i++;
      continue;
    }
    out += ch;
  }
  return out;
}

function fileField(ctx: ProgramContext, file: string, st: StatInfo, spec: string, c: string): string {
  const s = (v: string) => printfField(spec, v, 's');
  const d = (v: number) => printfField(spec, v, 'd');
  switch (c) {
    case 'n': return s(file);
    case 'N': {
      let v = quote(file);
      if (st.type === 'symlink') {
        const t = tryFs(() => ctx.fs.readlink(file));
        if (!isErr(t)) v = printfField(spec, v, 's') + ' -> ' + printfField(spec, quote(t), 's');
        return v;
      }
      return s(v);
    }
    case 'd': return d(DEV);
    case 'D': return printfField(spec, DEV, 'x');
    case 'i': return d(st.ino);
    case 'a': return printfField(spec, st.mode & 0o7777, 'o');
    case 'A': return s(modeString(st.type, st.mode));
    case 'f': return printfField(spec, rawMode(st), 'x');
    case 'F': return s(fileType(st));
    case 'h': return d(st.nlink);
    case 'u': return d(st.uid);
    case 'U': return s(userName(ctx, st.uid) ?? 'UNKNOWN');
    case 'g': return d(st.gid);
    case 'G': return s(groupName(ctx, st.gid) ?? 'UNKNOWN');
    case 't': return printfField(spec, 0, 'x');
    case 'T': return printfField(spec, 0, 'x');
    case 's': return d(st.size);
    case 'B': return d(512);
    case 'b': return d(statBlocks(st));
    case 'o': return d(4096);
    case 'x': return s(fullTime(st.atime));
    case 'X': return d(Math.floor(st.atime / 1000));
    case 'y': return s(fullTime(st.mtime));
    case 'Y': return d(Math.floor(st.mtime / 1000));
    case 'z': return s(fullTime(st.ctime));
    case 'Z': return d(Math.floor(st.ctime / 1000));
    case 'C': return s(selinuxContext(ctx, file, st));
    default: return '?';
  }
}

/** The SELinux label a stock RHEL file at this place would carry (for %C). */
function selinuxContext(ctx: ProgramContext, file: string, st: StatInfo): string {
  const p = ctx.fs.abs(file);
  const type =
    p.startsWith('/home/') ? (p.split('/').length > 3 ? 'user_home_t' : 'user_home_dir_t')
    : p === '/home' ? 'home_root_t'
    : p.startsWith('/etc/') || p === '/etc' ? 'etc_t'
    : p.startsWith('/var/spool/mail') || p.startsWith('/var/mail') ? 'mail_spool_t'
    : p.startsWith('/var/log') ? 'var_log_t'
    : p.startsWith('/tmp') ? 'tmp_t'
    : p.startsWith('/root') ? 'admin_home_t'
    : p.startsWith('/bin') || p.startsWith('/usr/bin') || p.startsWith('/sbin') || p.startsWith('/usr/sbin') ? 'bin_t'
    : st.type === 'dir' ? 'default_t' : 'default_t';
  return `${p.startsWith('/home/') || p.startsWith('/root') ? 'unconfined_u' : 'system_u'}:object_r:${type}:s0`;
}

function fsField(ctx: ProgramContext, file: string, spec: string, c: string): string {
  const info = filesystemFor(ctx, ctx.fs.abs(file));
  const blockSize = 4096;
  const total = Math.floor((info.blocksK * 1024) / blockSize);
  const free = Math.floor(((info.blocksK - info.usedK) * 1024) / blockSize);
  const avail = Math.floor((info.availK * 1024) / blockSize);
  const s = (v: string) => printfField(spec, v, 's');
  const d = (v: number) => printfField(spec, v, 'd');
  switch (c) {
    case 'n': return s(file);
    case 'i': return printfField(spec, info.fsid, 'x');
    case 'l': return d(255);
    case 't': return printfField(spec, 0xef53, 'x');
    case 'T': return s('ext2/ext3');
    case 'b': return d(total);
    case 'f': return d(free);
    case 'a': return d(avail);
    case 's': return d(blockSize);
    case 'S': return d(blockSize);
    case 'c': return d(info.inodes);
    case 'd': return d(info.inodes - info.inodesUsed);
    case 'C': return s('system_u:object_r:fs_t:s0');
    default: return '?';
  }
}
