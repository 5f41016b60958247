/**
 * chown and chgrp: coreutils 8.4 (chown-core.c). USER, USER:GROUP, USER.GROUP, USER: (login
 * group), :GROUP; -R (symlinks inside the tree changed themselves), -h, -H/-L/-P, -v/-c/-f,
 * --from, --reference.
 */
import type { StatInfo } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import {
  getopt, groupName, helpText, isErr, progName, quote, tryFs, usageError, userName, versionText, walk, type LongOpt,
  safeCtx,
} from './common';

const LONG: LongOpt[] = [
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'changes', arg: 'none', key: 'c' },
  { name: 'dereference', arg: 'none', key: '--dereference' },
  { name: 'from', arg: 'required', key: '--from' },
  { name: 'no-dereference', arg: 'none', key: 'h' },
  { name: 'no-preserve-root', arg: 'none', key: '--no-preserve-root' },
  { name: 'preserve-root', arg: 'none', key: '--preserve-root' },
  { name: 'quiet', arg: 'none', key: 'f' },
  { name: 'silent', arg: 'none', key: 'f' },
  { name: 'reference', arg: 'required', key: '--reference' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

interface Spec {
  uid: number | null;
  gid: number | null;
  userName: string | null;
  groupName: string | null;
}

/** gnulib parse_user_spec: the error text, or the ids and names. */
export function parseUserSpec(ctx: ProgramContext, specArg: string): Spec | string {
  const users = ctx.host.users;
  const isNumber = (s: string) => /^\d+$/.test(s);
  let sepIndex = specArg.indexOf(':');
  let retry = false;
  const dot = specArg.indexOf('.');
  if (sepIndex < 0 && dot >= 0) retry = true;
  for (;;) {
    const u = sepIndex < 0 ? specArg : specArg.slice(0, sepIndex);
    const g = sepIndex < 0 || sepIndex === specArg.length - 1 ? null : specArg.slice(sepIndex + 1);
    const user = u === '' ? null : u;
    if (user === null && g === null) return 'cannot omit both user and group';
    let error: string | null = null;
    const out: Spec = { uid: null, gid: null, userName: null, groupName: null };
    if (user !== null) {
      const pw = users.getpwnam(user);
      if (!pw) {
        if (!isNumber(user)) error = 'invalid user';
        else if (sepIndex >= 0 && g === null) error = 'cannot get the login group of a numeric UID';
        else out.uid = Number(user);
      } else {
        out.uid = pw.uid;
        if (g === null && sepIndex >= 0) {
          out.gid = pw.gid;
          out.groupName = users.getgrgid(pw.gid)?.name ?? String(pw.gid);
        }
      }
    }
    if (g !== null && error === null) {
      const gr = users.getgrnam(g);
      if (!gr) {
        if (!isNumber(g)) error = 'invalid group';
        else out.gid = Number(g);
      } else out.gid = gr.gid;
      if (error === null) out.groupName = g;
    }
    if (error === null) {
      out.userName = user;
      return out;
    }
    if (!retry) return error;
    retry = false;
    sepIndex = dot;
  }
}

async function chownCore(ctx: ProgramContext, prog: string, mode: 'chown' | 'chgrp'): Promise<number> {
  const fs = ctx.fs;
  let recurse = false;
  let verbosity: 'off' | 'changes' | 'high' = 'off';
  let silent = false;
  let deref: number = -1; // -1 unspecified, 0 no (-h), 1 yes
  let traversal: 'H' | 'L' | 'P' = 'P';
  let reference: string | null = null;
  let requiredUid: number | null = null;
  let requiredGid: number | null = null;
  let preserveRoot = false;
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'HLPRcfhv', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return mode === 'chown'
          ? helpText(ctx, prog, '[OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  ' + prog + ' [OPTION]... --reference=RFILE FILE...', 'Change the owner and/or group of each FILE to OWNER and/or GROUP.')
          : helpText(ctx, prog, '[OPTION]... GROUP FILE...\n  or:  ' + prog + ' [OPTION]... --reference=RFILE FILE...', 'Change the group of each FILE to GROUP.');
      case '--version':
        return versionText(ctx, mode);
      case 'H': traversal = 'H'; break;
      case 'L': traversal = 'L'; break;
      case 'P': traversal = 'P'; break;
      case 'h': deref = 0; break;
      case '--dereference': deref = 1; break;
      case '--no-preserve-root': preserveRoot = false; break;
      case '--preserve-root': preserveRoot = true; break;
      case '--reference': reference = arg ?? ''; break;
      case '--from': {
        const s = parseUserSpec(ctx, arg ?? '');
        if (typeof s === 'string') {
          ctx.stderr.write(`${prog}: ${s}: ${quote(arg ?? '')}\n`);
          return 1;
        }
        requiredUid = s.uid;
        requiredGid = s.gid;
        break;
      }
      case 'R': recurse = true; break;
      case 'c': verbosity = 'changes'; break;
      case 'f': silent = true; break;
      case 'v': verbosity = 'high'; break;
    }
  }
  if (recurse) {
    if (traversal === 'P') {
      if (deref === 1) {
        ctx.stderr.write(`${prog}: -R --dereference requires either -H or -L\n`);
        return 1;
      }
      deref = 0;
    }
  } else traversal = 'P';
  const affectReferent = deref !== 0;
  const operands = parsed.operands.slice();
  if (operands.length < (reference !== null ? 1 : 2)) {
    if (operands.length === 0) return usageError(ctx, prog, 'missing operand');
    return usageError(ctx, prog, `missing operand after ${quote(ctx.argv[ctx.argv.length - 1]!)}`);
  }
  let uid: number | null = null;
  let gid: number | null = null;
  let uname: string | null = null;
  let gname: string | null = null;
  if (reference !== null) {
    const st = tryFs(() => fs.stat(reference!));
    if (isErr(st)) {
      ctx.stderr.write(`${prog}: failed to get attributes of ${quote(reference)}: ${st.message}\n`);
      return 1;
    }
    gid = st.gid;
    gname = groupName(ctx, st.gid) ?? String(st.gid);
    if (mode === 'chown') {
      uid = st.uid;
      uname = userName(ctx, st.uid) ?? String(st.uid);
    }
  } else if (mode === 'chown') {
    const spec = operands.shift()!;
    const s = parseUserSpec(ctx, spec);
    if (typeof s === 'string') {
      ctx.stderr.write(`${prog}: ${s}: ${quote(spec)}\n`);
      return 1;
    }
    uid = s.uid;
    gid = s.gid;
    uname = s.userName;
    gname = s.groupName;
    if (uid === null && gname !== null) uname = null;
  } else {
    const name = operands.shift()!;
    if (name !== '') {
      const gr = ctx.host.users.getgrnam(name);
      if (gr) gid = gr.gid;
      else if (/^\d+$/.test(name)) gid = Number(name);
      else {
        ctx.stderr.write(`${prog}: invalid group: ${quote(name)}\n`);
        return 1;
      }
    }
    gname = name;
  }

  const describe = (file: string, status: 'ok' | 'failed' | 'retained' | 'symlink') => {
    if (status === 'symlink') {
      ctx.stdout.write(`neither symbolic link ${quote(file)} nor referent has been changed\n`);
      return;
    }
    const spec = uname !== null ? (gname !== null ? `${uname}:${gname}` : uname) : gname;
    let text: string;
    if (status === 'ok') text = uname !== null ? `changed ownership of ${quote(file)} to ${spec}` : gname !== null ? `changed group of ${quote(file)} to ${spec}` : `no change to ownership of ${quote(file)}`;
    else if (status === 'failed') text = uname !== null ? `failed to change ownership of ${quote(file)} to ${spec}` : gname !== null ? `failed to change group of ${quote(file)} to ${spec}` : `failed to change ownership of ${quote(file)}`;
    else text = uname !== null ? `ownership of ${quote(file)} retained as ${spec}` : gname !== null ? `group of ${quote(file)} retained as ${spec}` : `ownership of ${quote(file)} retained`;
    ctx.stdout.write(text + '\n');
  };

  let ok = true;
  const processOne = (path: string, lst: StatInfo): boolean => {
    let good = true;
    let st = lst;
    if (affectReferent && lst.type === 'symlink') {
      const t = tryFs(() => fs.stat(path));
      if (isErr(t)) {
        if (!silent) ctx.stderr.write(`${prog}: cannot dereference ${quote(path)}: ${t.message}\n`);
        good = false;
      } else st = t;
    }
    const doChown = good && (requiredUid === null || requiredUid === st.uid) && (requiredGid === null || requiredGid === st.gid);
    if (good && preserveRoot && st.type === 'dir' && fs.abs(path) === '/' && recurse) {
      ctx.stderr.write(`${prog}: it is dangerous to operate recursively on ${quote(path)}\n`);
      ctx.stderr.write(`${prog}: use --no-preserve-root to override this failsafe\n`);
      return false;
    }
    let symlinkChanged = true;
    if (doChown) {
      const r = tryFs(() => fs.chown(path, uid, gid, affectReferent));
      if (isErr(r)) {
        good = false;
        if (!silent) ctx.stderr.write(`${prog}: ${uid !== null ? 'changing ownership of' : 'changing group of'} ${quote(path)}: ${r.message}\n`);
      }
    } else if (good) symlinkChanged = true;
    if (verbosity !== 'off') {
      const changed = doChown && good && symlinkChanged && !((uid === null || uid === st.uid) && (gid === null || gid === st.gid));
      if (changed || verbosity === 'high') describe(path, !good ? 'failed' : !symlinkChanged ? 'symlink' : changed ? 'ok' : 'retained');
    }
    return good;
  };

  for (const file of operands) {
    await walk(ctx, file, { followTop: traversal === 'H' || traversal === 'L', followAll: traversal === 'L' }, (ev) => {
      switch (ev.kind) {
        case 'error':
          if (!silent) ctx.stderr.write(`${prog}: cannot access ${quote(ev.path)}: ${ev.err.message}\n`);
          ok = false;
          return;
        case 'dir-unreadable':
          if (!silent) ctx.stderr.write(`${prog}: cannot read directory ${quote(ev.path)}: ${ev.err.message}\n`);
          ok = false;
          return;
        case 'dir-post':
          return;
        case 'file':
          if (!processOne(ev.path, ev.st)) ok = false;
          return;
        case 'dir-pre':
          if (!processOne(ev.path, ev.st)) {
            ok = false;
            if (preserveRoot && fs.abs(ev.path) === '/') return false;
          }
          return recurse;
      }
    });
  }
  return ok ? 0 : 1;
}

export const chown: Program = (ctx) => chownCore(safeCtx(ctx), progName(ctx, 'chown'), 'chown');
export const chgrp: Program = (ctx) => chownCore(safeCtx(ctx), progName(ctx, 'chgrp'), 'chgrp');
