import { ROOT } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { coreutilsHelpTail, coreutilsVersion, getopt, isEl5, progName, q, tryHelp } from './common';

/** The SELinux context every process of the lab runs in (all descend from root's console login). */
export function securityContext(ctx: ProgramContext): string | null {
  const cfg = ctx.host.vfs.tryLookup('/etc/selinux/config', ROOT);
  if (cfg && cfg.type === 'file' && /^\s*SELINUX\s*=\s*disabled\s*$/m.test(cfg.data)) return null;
  return isEl5(ctx) ? 'root:system_r:unconfined_t:SystemLow-SystemHigh' : 'unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023';
}

/** The egid first, then the other groups without repeats, as coreutils' mgetgroups lists them. */
export function groupList(gid: number, groups: readonly number[]): number[] {
  const out = [gid];
  for (const g of groups) if (!out.includes(g)) out.push(g);
  return out;
}

/** id(1), coreutils: user and group ids of a user or of this process. */
export const id: Program = async (ctx) => {
  const prog = progName(ctx, 'id');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'agnruGZ',
    long: [
      { name: 'context', arg: 'none', key: 'Z' },
      { name: 'group', arg: 'none', key: 'g' },
      { name: 'groups', arg: 'none', key: 'G' },
      { name: 'name', arg: 'none', key: 'n' },
      { name: 'real', arg: 'none', key: 'r' },
      { name: 'user', arg: 'none', key: 'u' },
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return 1;
  }
  let u = false, g = false, G = false, n = false, r = false, Z = false;
  for (const o of p.opts) {
    switch (o.key) {
      case 'u': u = true; break;
      case 'g': g = true; break;
      case 'G': G = true; break;
      case 'n': n = true; break;
      case 'r': r = true; break;
      case 'Z': Z = true; break;
      case 'help':
        ctx.stdout.write(
          `Usage: ${prog} [OPTION]... [USERNAME]\n` +
            'Print user and group information for the specified USERNAME,\n' +
            'or (when USERNAME omitted) for the current user.\n\n' +
            '  -a              ignore, for compatibility with other versions\n' +
            '  -Z, --context   print only the security context of the current user\n' +
            '  -g, --group     print only the effective group ID\n' +
            '  -G, --groups    print all group IDs\n' +
            '  -n, --name      print a name instead of a number, for -ugG\n' +
            '  -r, --real      print the real ID instead of the effective ID, with -ugG\n' +
            '  -u, --user      print only the effective user ID\n' +
            '      --help     display this help and exit\n' +
            '      --version  output version information and exit\n\n' +
            'Without any OPTION, print some useful set of identified information.\n' +
            coreutilsHelpTail(ctx, 'id'),
        );
        return 0;
      case 'version':
        ctx.stdout.write(coreutilsVersion(ctx, 'id', 'Arnold Robbins and David MacKenzie'));
        return 0;
    }
  }
  void r; // the lab keeps one uid/gid per process: real and effective are the same
  if (p.operands.length > 1) {
    ctx.stderr.write(`${prog}: extra operand ${q(p.operands[1]!)}\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  const users = ctx.host.users;
  const userArg = p.operands[0];
  if (userArg !== undefined && Z) {
    ctx.stderr.write(`${prog}: cannot print security context when user specified\n`);
    return 1;
  }
  if ([u, g, G, Z].filter(Boolean).length > 1) {
    ctx.stderr.write(`${prog}: cannot print "only" of more than one choice\n`);
    return 1;
  }
  if (!(u || g || G || Z) && (n || r)) {
    ctx.stderr.write(`${prog}: cannot print only names or real IDs in default format\n`);
    return 1;
  }
  let uid: number, gid: number, groups: number[];
  if (userArg !== undefined) {
    const pw = users.getpwnam(userArg);
    if (!pw) {
      ctx.stderr.write(`${prog}: ${userArg}: No such user\n`);
      return 1;
    }
    uid = pw.uid;
    gid = pw.gid;
    groups = users.groupIds(pw);
  } else {
    const c = ctx.fs.cred;
    uid = c.uid;
    gid = c.gid;
    groups = groupList(c.gid, c.groups);
  }
  let status = 0;
  const uname = (id: number): string => {
    const pw = users.getpwuid(id);
    if (!pw) {
      ctx.stderr.write(`${prog}: cannot find name for user ID ${id}\n`);
      status = 1;
      return String(id);
    }
    return pw.name;
  };
  const gname = (id: number): string => {
    const gr = users.getgrgid(id);
    if (!gr) {
      ctx.stderr.write(`${prog}: cannot find name for group ID ${id}\n`);
      status = 1;
      return String(id);
    }
    return gr.name;
  };
  if (Z) {
    const c = securityContext(ctx);
    if (!c) {
      ctx.stderr.write(`${prog}: --context (-Z) works only on an SELinux-enabled kernel\n`);
      return 1;
    }
    ctx.stdout.write(c + '\n');
    return 0;
  }
  if (u) {
    ctx.stdout.write((n ? uname(uid) : String(uid)) + '\n');
    return status;
  }
  if (g) {
    ctx.stdout.write((n ? gname(gid) : String(gid)) + '\n');
    return status;
  }
  if (G) {
    const list = groupList(gid, groups);
    ctx.stdout.write(list.map((x) => (n ? gname(x) : String(x))).join(' ') + '\n');
    return status;
  }
  const named = (id: number, name: string | undefined): string => (name === undefined ? String(id) : `${id}(${name})`);
  let out = `uid=${named(uid, users.getpwuid(uid)?.name)} gid=${named(gid, users.getgrgid(gid)?.name)}`;
  const list = groupList(gid, groups);
  out += ' groups=' + list.map((x) => named(x, users.getgrgid(x)?.name)).join(',');
  if (userArg === undefined) {
    const c = securityContext(ctx);
    if (c) out += ` context=${c}`;
  }
  ctx.stdout.write(out + '\n');
  return status;
};
