import type { Program, ProgramContext } from '../../proc/program';
import { baseName, defNum, getopt, isEl5, lockDatabases, loginDefs, readAccountDbs, saveAccountDbs, validName } from './common';

const E_USAGE = 2;
const E_BAD_ARG = 3;
const E_GID_IN_USE = 4;
const E_NAME_IN_USE = 9;
const E_GRP_UPDATE = 10;

function usage(ctx: ProgramContext, prog: string): number {
  if (isEl5(ctx)) {
    ctx.stderr.write(
      'Usage: groupadd [options] group\n\nOptions:\n' +
        '  -f, --force\t\t\tforce exit with success status if the specified\n\t\t\t\tgroup already exists\n' +
        '  -g, --gid GID\t\t\tuse GID for the new group\n' +
        '  -h, --help\t\t\tdisplay this help message and exit\n' +
        '  -K, --key KEY=VALUE\t\toverrides /etc/login.defs defaults\n' +
        '  -o, --non-unique\t\tallow create group with duplicate\n\t\t\t\t(non-unique) GID\n\n',
    );
    return E_USAGE;
  }
  ctx.stderr.write(
    `Usage: ${prog} [options] GROUP\n\nOptions:\n` +
      '  -f, --force                   exit successfully if the group already exists,\n' +
      '                                and cancel -g if the GID is already used\n' +
      '  -g, --gid GID                 use GID for the new group\n' +
      '  -h, --help                    display this help message and exit\n' +
      '  -K, --key KEY=VALUE           override /etc/login.defs defaults\n' +
      '  -o, --non-unique              allow to create groups with duplicate\n' +
      '                                (non-unique) GID\n' +
      '  -p, --password PASSWORD       use this encrypted password for the new group\n' +
      '  -r, --system                  create a system account\n\n',
  );
  return E_USAGE;
}

/** groupadd(8), shadow-utils 4.1.4.2 (4.0.17 on RHEL 5). */
export const groupadd: Program = async (ctx) => {
  const prog = baseName(ctx, 'groupadd');
  const el5 = isEl5(ctx);
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: el5 ? 'fg:hK:or' : 'fg:hK:op:r',
    long: [
      { name: 'force', arg: 'none', key: 'f' },
      { name: 'gid', arg: 'required', key: 'g' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'key', arg: 'required', key: 'K' },
      { name: 'non-unique', arg: 'none', key: 'o' },
      ...(el5 ? [] : [{ name: 'password', arg: 'required' as const, key: 'p' }]),
      { name: 'system', arg: 'none', key: 'r' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    return usage(ctx, prog);
  }
  const defs = loginDefs(ctx);
  const f = new Set<string>();
  let gid: number | null = null;
  let password = '!';
  for (const o of p.opts) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'g':
        if (!/^\d+$/.test(v) || Number(v) > 4294967294) {
          ctx.stderr.write(el5 ? `${prog}: invalid numeric argument '${v}'\n` : `${prog}: invalid group ID '${v}'\n`);
          return E_BAD_ARG;
        }
        gid = Number(v);
        break;
      case 'h':
        return usage(ctx, prog);
      case 'K': {
        const eq = v.indexOf('=');
        if (eq < 0) {
          ctx.stderr.write(`${prog}: -K requires KEY=VALUE\n`);
          return E_BAD_ARG;
        }
        defs.set(v.slice(0, eq), v.slice(eq + 1));
        break;
      }
      case 'p':
        password = v;
        break;
    }
    f.add(o.key);
  }
  if (p.operands.length !== 1) return usage(ctx, prog);
  const name = p.operands[0]!;
  if (f.has('o') && !f.has('g')) return usage(ctx, prog);
  if (!validName(name, 16)) {
    ctx.stderr.write(el5 ? `${prog}: ${name} is not a valid group name\n` : `${prog}: '${name}' is not a valid group name\n`);
    return E_BAD_ARG;
  }
  const dbs = readAccountDbs(ctx);
  const entries = dbs.group.entries();
  if (entries.some((e) => e[0] === name)) {
    if (f.has('f')) return 0;
    ctx.stderr.write(el5 ? `${prog}: name ${name} is not unique\n` : `${prog}: group '${name}' already exists\n`);
    return E_NAME_IN_USE;
  }
  if (gid !== null && entries.some((e) => Number(e[2]) === gid)) {
    if (f.has('f')) gid = null;
    else if (!f.has('o')) {
      ctx.stderr.write(el5 ? `${prog}: GID ${gid} is not unique\n` : `${prog}: GID '${gid}' already exists\n`);
      return E_GID_IN_USE;
    }
  }
  if (!lockDatabases(ctx, prog, '/etc/group')) return E_GRP_UPDATE;
  if (gid === null) {
    const system = f.has('r');
    const min = system ? defNum(defs, 'SYS_GID_MIN', 101) : defNum(defs, 'GID_MIN', 500);
    const max = system ? defNum(defs, 'SYS_GID_MAX', defNum(defs, 'GID_MIN', 500) - 1) : defNum(defs, 'GID_MAX', 60000);
    const used = new Set(entries.map((e) => Number(e[2])));
    let id: number | null;
    if (system) {
      id = max;
      for (const u of used) if (u <= id && u >= min) id = u - 1;
      if (id < min || used.has(id)) {
        id = null;
        for (let i = max; i >= min; i--) if (!used.has(i)) { id = i; break; }
      }
    } else {
      id = min;
      for (const u of used) if (u >= id && u <= max) id = u + 1;
      if (id > max) {
        id = null;
        for (let i = min; i < max; i++) if (!used.has(i)) { id = i; break; }
      }
    }
    if (id === null) {
      ctx.stderr.write(`${prog}: Can't get unique GID (no more available GIDs)\n`);
      return E_GID_IN_USE;
    }
    gid = id;
  }
  dbs.group.append([name, 'x', String(gid), '']);
  if (dbs.gshadow.exists) dbs.gshadow.append([name, password, '', '']);
  saveAccountDbs(dbs);
  ctx.host.syslog.log('authpriv', prog, ctx.proc.pid, `new group: name=${name}, GID=${gid}`);
  return 0;
};
