import { ROOT } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import {
  type AccountDbs,
  baseName,
  copyTree,
  daysSinceEpoch,
  defBool,
  defNum,
  getopt,
  groupByNameOrId,
  isEl5,
  lockDatabases,
  loginDefs,
  readAccountDbs,
  saveAccountDbs,
  validName,
} from './common';

const E_PW_UPDATE = 1;
const E_USAGE = 2;
const E_BAD_ARG = 3;
const E_UID_IN_USE = 4;
const E_NOTFOUND = 6;
const E_NAME_IN_USE = 9;
const E_HOMEDIR = 12;

function usage(ctx: ProgramContext): number {
  const el5 = isEl5(ctx);
  ctx.stderr.write(
    'Usage: useradd [options] LOGIN\n\nOptions:\n' +
      '  -b, --base-dir BASE_DIR       base directory for the home directory of the\n' +
      '                                new account\n' +
      '  -c, --comment COMMENT         GECOS field of the new account\n' +
      '  -d, --home-dir HOME_DIR       home directory of the new account\n' +
      '  -D, --defaults                print or change default useradd configuration\n' +
      '  -e, --expiredate EXPIRE_DATE  expiration date of the new account\n' +
      '  -f, --inactive INACTIVE       password inactivity period of the new account\n' +
      '  -g, --gid GROUP               name or ID of the primary group of the new\n' +
      '                                account\n' +
      '  -G, --groups GROUPS           list of supplementary groups of the new\n' +
      '                                account\n' +
      '  -h, --help                    display this help message and exit\n' +
      '  -k, --skel SKEL_DIR           use this alternative skeleton directory\n' +
      '  -K, --key KEY=VALUE           override /etc/login.defs defaults\n' +
      '  -l, --no-log-init             do not add the user to the lastlog and\n' +
      '                                faillog databases\n' +
      '  -m, --create-home             create the user\'s home directory\n' +
      '  -M, --no-create-home          do not create the user\'s home directory\n' +
      (el5
        ? '  -n, --no-user-group           do not create a group with the same name as\n' +
          '                                the user\n'
        : '  -N, --no-user-group           do not create a group with the same name as\n' +
          '                                the user\n') +
      '  -o, --non-unique              allow to create users with duplicate\n' +
      '                                (non-unique) UID\n' +
      '  -p, --password PASSWORD       encrypted password of the new account\n' +
      '  -r, --system                  create a system account\n' +
      '  -s, --shell SHELL             login shell of the new account\n' +
      '  -u, --uid UID                 user ID of the new account\n' +
      (el5 ? '' : '  -U, --user-group              create a group with the same name as the user\n') +
      '  -Z, --selinux-user SEUSER     use a specific SEUSER for the SELinux user mapping\n\n',
  );
  return E_USAGE;
}

interface Defaults {
  group: number;
  home: string;
  inactive: string;
  expire: string;
  shell: string;
  skel: string;
  createMailSpool: string;
}

/** /etc/default/useradd with the values RHEL ships. */
function readDefaults(ctx: ProgramContext): Defaults {
  const d: Defaults = { group: 100, home: '/home', inactive: '-1', expire: '', shell: '/bin/bash', skel: '/etc/skel', createMailSpool: 'yes' };
  const node = ctx.host.vfs.tryLookup('/etc/default/useradd', ROOT);
  if (!node || node.type !== 'file') return d;
  for (const line of node.data.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!m) continue;
    const v = m[2]!;
    switch (m[1]) {
      case 'GROUP': if (/^\d+$/.test(v)) d.group = Number(v); break;
      case 'HOME': d.home = v; break;
      case 'INACTIVE': d.inactive = v; break;
      case 'EXPIRE': d.expire = v; break;
      case 'SHELL': d.shell = v; break;
      case 'SKEL': d.skel = v; break;
      case 'CREATE_MAIL_SPOOL': d.createMailSpool = v; break;
    }
  }
  return d;
}

/** Days since the epoch of YYYY-MM-DD (strtoday), or null. */
function strToDay(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) return /^-?\d+$/.test(text) ? Number(text) : null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : Math.floor(ms / 86400_000);
}

/** find_new_uid / find_new_gid of shadow-utils 4.1.4: above the highest id in use, else the first free. */
function newId(used: number[], min: number, max: number, system: boolean, preferred: number | null): number | null {
  const set = new Set(used);
  if (preferred !== null && preferred >= min && preferred <= max && !set.has(preferred)) return preferred;
  if (system) {
    let id = max;
    for (const u of used) if (u <= id && u >= min) id = u - 1;
    if (id >= min && !set.has(id)) return id;
    for (id = max; id >= min; id--) if (!set.has(id)) return id;
    return null;
  }
  let id = min;
  for (const u of used) if (u >= id && u <= max) id = u + 1;
  if (id <= max) return id;
  for (id = min; id < max; id++) if (!set.has(id)) return id;
  return null;
}

/** useradd(8), shadow-utils 4.1.4.2 (4.0.17 on RHEL 5) with Red Hat's defaults. */
export const useradd: Program = async (ctx) => {
  const prog = baseName(ctx, 'useradd');
  const el5 = isEl5(ctx);
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: el5 ? 'b:c:d:De:f:g:G:hk:K:lmMnop:rs:u:Z:' : 'b:c:d:De:f:g:G:hk:K:lmMNop:rs:u:UZ:',
    long: [
      { name: 'base-dir', arg: 'required', key: 'b' },
      { name: 'comment', arg: 'required', key: 'c' },
      { name: 'home-dir', arg: 'required', key: 'd' },
      { name: 'defaults', arg: 'none', key: 'D' },
      { name: 'expiredate', arg: 'required', key: 'e' },
      { name: 'inactive', arg: 'required', key: 'f' },
      { name: 'gid', arg: 'required', key: 'g' },
      { name: 'groups', arg: 'required', key: 'G' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'skel', arg: 'required', key: 'k' },
      { name: 'key', arg: 'required', key: 'K' },
      { name: 'create-home', arg: 'none', key: 'm' },
      { name: 'no-create-home', arg: 'none', key: 'M' },
      { name: 'no-log-init', arg: 'none', key: 'l' },
      { name: 'no-user-group', arg: 'none', key: el5 ? 'n' : 'N' },
      { name: 'non-unique', arg: 'none', key: 'o' },
      { name: 'password', arg: 'required', key: 'p' },
      { name: 'system', arg: 'none', key: 'r' },
      { name: 'shell', arg: 'required', key: 's' },
      { name: 'selinux-user', arg: 'required', key: 'Z' },
      { name: 'uid', arg: 'required', key: 'u' },
      ...(el5 ? [] : [{ name: 'user-group', arg: 'none' as const, key: 'U' }]),
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    return usage(ctx);
  }
  const defs = loginDefs(ctx);
  const dflt = readDefaults(ctx);
  const dbs = readAccountDbs(ctx);
  const valid = (s: string): boolean => !/[:\n]/.test(s);
  const f = new Set<string>();
  let comment = '';
  let home: string | null = null;
  let gid: number | null = null;
  let extraGroups: string[] = [];
  let shell = dflt.shell;
  let uid: number | null = null;
  let password = '!!';
  let skel = dflt.skel;
  let expire: number | null = null;
  let inactive: number | null = null;
  for (const o of p.opts) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'b':
        if (!valid(v) || !v.startsWith('/')) {
          ctx.stderr.write(`${prog}: invalid base directory '${v}'\n`);
          return E_BAD_ARG;
        }
        dflt.home = v;
        break;
      case 'c':
        if (!valid(v)) {
          ctx.stderr.write(`${prog}: invalid comment '${v}'\n`);
          return E_BAD_ARG;
        }
        comment = v;
        break;
      case 'd':
        if (!valid(v) || !v.startsWith('/')) {
          ctx.stderr.write(`${prog}: invalid home directory '${v}'\n`);
          return E_BAD_ARG;
        }
        home = v;
        break;
      case 'D':
        if (f.size > 0) return usage(ctx);
        break;
      case 'e':
        if (v !== '') {
          expire = strToDay(v);
          if (expire === null) {
            ctx.stderr.write(`${prog}: invalid date '${v}'\n`);
            return E_BAD_ARG;
          }
        }
        break;
      case 'f':
        if (!/^-?\d+$/.test(v) || Number(v) < -1) {
          ctx.stderr.write(`${prog}: invalid numeric argument '${v}'\n`);
          return usage(ctx);
        }
        inactive = Number(v);
        break;
      case 'g': {
        const g = groupByNameOrId(dbs.group, v);
        if (!g) {
          ctx.stderr.write(el5 ? `${prog}: unknown group ${v}\n` : `${prog}: group '${v}' does not exist\n`);
          return E_NOTFOUND;
        }
        gid = Number(g[2]);
        break;
      }
      case 'G': {
        let bad = false;
        extraGroups = [];
        for (const name of v.split(',')) {
          if (name === '' && v === '') break;
          const g = groupByNameOrId(dbs.group, name);
          if (!g) {
            ctx.stderr.write(el5 ? `${prog}: unknown group ${name}\n` : `${prog}: group '${name}' does not exist\n`);
            bad = true;
          } else if (!extraGroups.includes(g[0]!)) extraGroups.push(g[0]!);
        }
        if (bad) return E_NOTFOUND;
        break;
      }
      case 'h':
        return usage(ctx);
      case 'k':
        skel = v;
        break;
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
        if (!valid(v)) {
          ctx.stderr.write(`${prog}: invalid field '${v}'\n`);
          return E_BAD_ARG;
        }
        password = v;
        break;
      case 's':
        if (!valid(v) || (v !== '' && !v.startsWith('/') && !v.startsWith('*'))) {
          ctx.stderr.write(`${prog}: invalid shell '${v}'\n`);
          return E_BAD_ARG;
        }
        shell = v;
        break;
      case 'u':
        if (!/^\d+$/.test(v) || Number(v) > 4294967294) {
          ctx.stderr.write(el5 ? `${prog}: invalid numeric argument '${v}'\n` : `${prog}: invalid user ID '${v}'\n`);
          return E_BAD_ARG;
        }
        uid = Number(v);
        break;
      case 'Z':
        ctx.stderr.write(`${prog}: -Z requires SELinux enabled kernel\n`);
        return E_BAD_ARG;
    }
    f.add(o.key);
  }
  let userGroup = f.has('U');
  if (!f.has('g') && !f.has('N') && !f.has('n') && !f.has('U')) userGroup = defBool(defs, 'USERGROUPS_ENAB');
  if (el5 && !f.has('g') && !f.has('n')) userGroup = true;
  const only = (a: string, b: string): number => {
    ctx.stderr.write(`${prog}: ${a} flag is only allowed with the ${b} flag\n`);
    return usage(ctx);
  };
  const conflict = (a: string, b: string): number => {
    ctx.stderr.write(`${prog}: options ${a} and ${b} conflict\n`);
    return usage(ctx);
  };
  if (f.has('o') && !f.has('u')) return only('-o', '-u');
  if (f.has('k') && !f.has('m')) return only('-k', '-m');
  if (!el5 && userGroup && f.has('g') && f.has('U')) return conflict('-U', '-g');
  if (f.has('U') && f.has('N')) return conflict('-U', '-N');
  if (f.has('m') && f.has('M')) return conflict('-m', '-M');

  if (f.has('D')) {
    if (p.operands.length !== 0 || ['u', 'o', 'G', 'd', 'c', 'm'].some((k) => f.has(k))) return usage(ctx);
    if (['g', 'b', 'f', 'e', 's'].some((k) => f.has(k))) {
      if (!lockDatabases(ctx, prog, '/etc/passwd')) return E_PW_UPDATE;
      const lines = [
        '# useradd defaults file',
        `GROUP=${gid ?? dflt.group}`,
        `HOME=${dflt.home}`,
        `INACTIVE=${inactive ?? dflt.inactive}`,
        `EXPIRE=${f.has('e') ? p.opts.find((o) => o.key === 'e')!.value : dflt.expire}`,
        `SHELL=${shell}`,
        `SKEL=${dflt.skel}`,
        `CREATE_MAIL_SPOOL=${dflt.createMailSpool}`,
      ];
      ctx.host.vfs.writeFile('/etc/default/useradd', ROOT, lines.join('\n') + '\n', { umask: 0o022 });
      return 0;
    }
    ctx.stdout.write(
      `GROUP=${dflt.group}\nHOME=${dflt.home}\nINACTIVE=${dflt.inactive}\nEXPIRE=${dflt.expire}\nSHELL=${dflt.shell}\nSKEL=${dflt.skel}\nCREATE_MAIL_SPOOL=${dflt.createMailSpool}\n`,
    );
    return 0;
  }
  if (p.operands.length !== 1) return usage(ctx);
  const name = p.operands[0]!;
  if (!validName(name)) {
    ctx.stderr.write(`${prog}: invalid user name '${name}'\n`);
    return E_BAD_ARG;
  }
  if (home === null) home = `${dflt.home}/${name}`;
  const system = f.has('r');
  let createHome = f.has('m');
  if (!system && defBool(defs, 'CREATE_HOME')) createHome = true;
  if (f.has('M')) createHome = false;

  if (dbs.passwd.find(name) >= 0 || ctx.host.users.getpwnam(name)) {
    ctx.stderr.write(el5 ? `${prog}: user ${name} exists\n` : `${prog}: user '${name}' already exists\n`);
    return E_NAME_IN_USE;
  }
  if (userGroup && dbs.group.find(name) >= 0) {
    ctx.stderr.write(`${prog}: group ${name} exists - if you want to add this user to that group, use -g.\n`);
    return E_NAME_IN_USE;
  }
  if (!lockDatabases(ctx, prog, '/etc/passwd')) return E_PW_UPDATE;

  const usedUids = dbs.passwd.entries().map((e) => Number(e[2])).filter((n) => !Number.isNaN(n));
  const usedGids = dbs.group.entries().map((e) => Number(e[2])).filter((n) => !Number.isNaN(n));
  const uidMin = system ? defNum(defs, 'SYS_UID_MIN', 101) : defNum(defs, 'UID_MIN', 500);
  const uidMax = system ? defNum(defs, 'SYS_UID_MAX', defNum(defs, 'UID_MIN', 500) - 1) : defNum(defs, 'UID_MAX', 60000);
  if (!f.has('o')) {
    if (uid === null) {
      uid = newId(usedUids, uidMin, uidMax, system, null);
      if (uid === null) {
        ctx.stderr.write(`${prog}: Can't get unique UID (no more available UIDs)\n${prog}: can't create user\n`);
        return E_UID_IN_USE;
      }
    } else if (usedUids.includes(uid)) {
      ctx.stderr.write(el5 ? `${prog}: UID ${uid} is not unique\n` : `${prog}: UID ${uid} is not unique\n`);
      return E_UID_IN_USE;
    }
  }
  const finalUid = uid!;
  const sysLog = (msg: string): void => ctx.host.syslog.log('authpriv', prog, ctx.proc.pid, msg);
  const logs: string[] = [];
  if (userGroup) {
    const gidMin = system ? defNum(defs, 'SYS_GID_MIN', 101) : defNum(defs, 'GID_MIN', 500);
    const gidMax = system ? defNum(defs, 'SYS_GID_MAX', defNum(defs, 'GID_MIN', 500) - 1) : defNum(defs, 'GID_MAX', 60000);
    const g = newId(usedGids, gidMin, gidMax, system, finalUid);
    if (g === null) {
      ctx.stderr.write(`${prog}: Can't get unique GID (no more available GIDs)\n${prog}: can't create group\n`);
      return 4;
    }
    gid = g;
    dbs.group.append([name, 'x', String(g), '']);
    if (dbs.gshadow.exists) dbs.gshadow.append([name, '!', '', '']);
    logs.push(`new group: name=${name}, GID=${g}`);
  }
  const finalGid = gid ?? dflt.group;
  dbs.passwd.append([name, dbs.shadow.exists ? 'x' : password, String(finalUid), String(finalGid), comment, home, shell]);
  if (dbs.shadow.exists) {
    const min = system ? '' : String(defNum(defs, 'PASS_MIN_DAYS', -1));
    const max = system ? '' : String(defNum(defs, 'PASS_MAX_DAYS', -1));
    const warn = system ? '' : String(defNum(defs, 'PASS_WARN_AGE', -1));
    const inact = system ? '' : String(inactive ?? Number(dflt.inactive));
    const exp = system ? '' : expire === null ? (dflt.expire === '' ? '' : String(strToDay(dflt.expire) ?? '')) : String(expire);
    const clean = (s: string): string => (s === '-1' ? '' : s);
    dbs.shadow.append([name, password, String(daysSinceEpoch(ctx)), clean(min), clean(max), clean(warn), clean(inact), clean(exp), '']);
  }
  logs.push(`new user: name=${name}, UID=${finalUid}, GID=${finalGid}, home=${home}, shell=${shell}`);
  for (const gname of extraGroups) {
    dbs.group.update(gname, (fl) => {
      const mem = (fl[3] ?? '').split(',').filter((m) => m !== '');
      if (!mem.includes(name)) mem.push(name);
      fl[3] = mem.join(',');
    });
    logs.push(`add '${name}' to group '${gname}'`);
    if (dbs.gshadow.exists && dbs.gshadow.find(gname) >= 0) {
      dbs.gshadow.update(gname, (fl) => {
        while (fl.length < 4) fl.push('');
        const mem = fl[3]!.split(',').filter((m) => m !== '');
        if (!mem.includes(name)) mem.push(name);
        fl[3] = mem.join(',');
      });
      logs.push(`add '${name}' to shadow group '${gname}'`);
    }
  }

  const vfs = ctx.host.vfs;
  if (createHome) {
    if (!vfs.exists(home, ROOT)) {
      try {
        vfs.mkdir(home, ROOT, 0, 0);
      } catch {
        ctx.stderr.write(`${prog}: cannot create directory ${home}\n`);
        return E_HOMEDIR;
      }
      vfs.chown(home, ROOT, finalUid, finalGid);
      vfs.chmod(home, ROOT, 0o777 & ~defNum(defs, 'UMASK', 0o022));
      copyTree(vfs, skel, home, finalUid, finalGid);
    } else {
      ctx.stderr.write(`${prog}: warning: the home directory already exists.\nNot copying any file from skel directory into it.\n`);
    }
  }
  if (!system && dflt.createMailSpool.toLowerCase() === 'yes') createMail(ctx, dbs, name, finalUid, finalGid, defs.get('MAIL_DIR') ?? '/var/mail');
  saveAccountDbs(dbs);
  for (const l of logs) sysLog(l);
  return 0;
};

function createMail(ctx: ProgramContext, dbs: AccountDbs, name: string, uid: number, gid: number, spool: string): void {
  const vfs = ctx.host.vfs;
  const file = `${spool}/${name}`;
  try {
    vfs.writeFile(file, ROOT, '', { exclusive: true, mode: 0, umask: 0 });
  } catch (e) {
    ctx.stderr.write(`Creating mailbox file: ${e instanceof Error ? e.message : String(e)}\n`);
    return;
  }
  const mail = dbs.group.get('mail');
  let g = gid;
  let mode = 0o600;
  if (mail) {
    g = Number(mail[2]);
    mode = 0o660;
  } else ctx.stderr.write("Group 'mail' not found. Creating the user mailbox file with 0600 mode.\n");
  vfs.chown(file, ROOT, uid, g);
  vfs.chmod(file, ROOT, mode);
}
