import type { Program, ProgramContext } from '../../proc/program';
import { basename } from '../../fs/path';
import { FsError } from '../../fs/errors';
import { R_OK, W_OK } from '../../fs/vfs';
import {
  ignoredServiceFile,
  INIT_D,
  isConfigured,
  isOn,
  parseLevels,
  readInitScriptInfo,
  readXinetdInfo,
  removeLinks,
  setLink,
  setXinetd,
  XINETD_D,
  type ChkconfigInfo,
} from '../../services/links';

/**
 * chkconfig 1.3.49.3 (RHEL 6) and 1.3.30.1 (RHEL 5): lists and sets the runlevel links of SysV
 * services (services/links.ts keeps them), and turns xinetd services on and off in
 * /etc/xinetd.d. Options are parsed the popt way: anywhere on the line, `--level=35` or
 * `--level 35`.
 */

const TYPE_INIT_D = 1;
const TYPE_XINETD = 2;
const TYPE_ANY = 3;

class Exit extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}

interface Service {
  type: 'init' | 'xinetd';
  info?: ChkconfigInfo;
  xinetdOn?: boolean;
  name: string;
}

export const chkconfig: Program = async (ctx) => {
  try {
    return await main(ctx);
  } catch (e) {
    if (e instanceof Exit) return e.status;
    throw e;
  }
};

async function main(ctx: ProgramContext): Promise<number> {
  const el5 = ctx.host.profile.release === 'el5';
  const version = el5 ? '1.3.30.1' : '1.3.49.3';
  const progname = basename(ctx.argv[0] ?? 'chkconfig');
  const out = (s: string): void => ctx.stdout.write(s);
  const err = (s: string): void => ctx.stderr.write(s);
  const vfs = ctx.host.vfs;
  const cred = ctx.fs.cred;

  const usage = (): never => {
    err(`${progname} version ${version} - Copyright (C) 1997-2000 Red Hat, Inc.\n`);
    err('This may be freely redistributed under the terms of the GNU Public License.\n');
    err('\n');
    if (el5) {
      err(`usage:   ${progname} --list [name]\n`);
      err(`         ${progname} --add <name>\n`);
      err(`         ${progname} --del <name>\n`);
      err(`         ${progname} [--level <levels>] <name> <on|off|reset|resetpriorities>\n`);
    } else {
      err(`usage:   ${progname} [--list] [--type <type>] [name]\n`);
      err(`         ${progname} --add <name>\n`);
      err(`         ${progname} --del <name>\n`);
      err(`         ${progname} --override <name>\n`);
      err(`         ${progname} [--level <levels>] [--type <type>] <name> <on|off|reset|resetpriorities>\n`);
    }
    throw new Exit(1);
  };

  // ---- popt ----------------------------------------------------------------------------------
  const flags = { add: 0, del: 0, override: 0, list: 0, help: 0, version: 0 };
  let levels: string | null = null;
  let typeString: string | null = null;
  const rest: string[] = [];
  const longs: Record<string, 'flag' | 'arg'> = el5
    ? { add: 'flag', del: 'flag', list: 'flag', level: 'arg', levels: 'arg', help: 'flag', version: 'flag' }
    : { add: 'flag', del: 'flag', override: 'flag', list: 'flag', level: 'arg', levels: 'arg', type: 'arg', help: 'flag', version: 'flag' };
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const kind = Object.prototype.hasOwnProperty.call(longs, key) ? longs[key] : undefined;
      if (!kind) {
        err(`${a}: unknown option\n`);
        return 1;
      }
      if (kind === 'flag') {
        if (eq >= 0) {
          err(`${a}: option does not take an argument\n`);
          return 1;
        }
        flags[key as keyof typeof flags]++;
        continue;
      }
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i]!;
      else {
        err(`${a}: missing argument\n`);
        return 1;
      }
      if (key === 'type') typeString = value;
      else levels = value;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (ch === 'h') flags.help++;
        else if (ch === 'v') flags.version++;
        else {
          err(`${a}: unknown option\n`);
          return 1;
        }
      }
      continue;
    }
    rest.push(a);
  }

  if (flags.version) {
    out(`${progname} version ${version}\n`);
    return 0;
  }
  if (flags.help) usage();
  if (el5 && argv.length === 0) usage();
  let type = TYPE_ANY;
  if (typeString !== null) {
    if (typeString === 'xinetd') type = TYPE_XINETD;
    else if (typeString === 'sysv') type = TYPE_INIT_D;
    else {
      err("--type must be 'sysv' or 'xinetd'\n");
      return 1;
    }
  }

  // ---- leveldb -------------------------------------------------------------------------------
  const currentRunlevel = (): number => ctx.host.services.runlevel;

  const readService = (name: string, t: number): Service | 1 | -1 => {
    if (t & TYPE_INIT_D) {
      const info = readInitScriptInfo(vfs, cred, name);
      if (info === 1) return 1;
      if (typeof info === 'object') return { type: 'init', info, name };
    }
    if (!(t & TYPE_XINETD)) return -1;
    const x = readXinetdInfo(vfs, cred, name);
    return x ? { type: 'xinetd', xinetdOn: x.on, name } : -1;
  };

  const readServiceError = (rc: 1 | -1 | 2, name: string): never => {
    if (rc === 2) err(`service ${name} supports chkconfig, but is not referenced in any runlevel (run 'chkconfig --add ${name}')\n`);
    else if (rc === 1) err(`service ${name} does not support chkconfig\n`);
    else err(`error reading information on service ${name}: No such file or directory\n`);
    throw new Exit(1);
  };

  const mustRead = (name: string, t: number): Service => {
    const s = readService(name, t);
    if (typeof s !== 'object') readServiceError(s, name);
    return s as Service;
  };

  const checkRoot = (): void => {
    if (el5) return;
    if (!vfs.access('/etc/rc3.d', cred, R_OK | W_OK)) {
      err('You do not have enough privileges to perform this operation.\n');
      throw new Exit(1);
    }
  };

  const doSet = (info: ChkconfigInfo, level: number, on: boolean): number => {
    try {
      setLink(vfs, cred, info.name, level, on, info.start, info.stop);
      return 0;
    } catch (e) {
      const link = `/etc/rc${level}.d/${on ? 'S' : 'K'}${String(on ? info.start : info.stop).padStart(2, '0')}${info.name}`;
      err(`failed to make symlink ${link}: ${e instanceof FsError ? e.message : 'Input/output error'}\n`);
      return 1;
    }
  };

  const showService = (s: Service, forgiving: boolean): number => {
    if (s.type === 'init') {
      let configured = false;
      for (let i = 0; i < 7; i++) if (isConfigured(vfs, cred, s.name, i)) configured = true;
      if (!configured) {
        if (!forgiving) readServiceError(2, s.name);
        return forgiving ? 0 : 1;
      }
    }
    let line = s.name.padEnd(15);
    if (s.type === 'xinetd') {
      out(`${line}\t${s.xinetdOn ? 'on' : 'off'}\n`);
      return 0;
    }
    for (let i = 0; i < 7; i++) line += `\t${i}:${isOn(vfs, cred, s.name, i) ? 'on' : 'off'}`;
    out(line + '\n');
    return 0;
  };

  const xinetdEnabled = (): boolean => {
    if (typeof readService('xinetd', TYPE_INIT_D) !== 'object') return false;
    for (let i = 0; i < 7; i++) if (isOn(vfs, cred, 'xinetd', i)) return true;
    return false;
  };

  const entriesOf = (dir: string): string[] => {
    try {
      return vfs.readdir(dir, cred);
    } catch {
      return [];
    }
  };

  const listService = (item: string | null, t: number): number => {
    if (item !== null) {
      const s = mustRead(item, t);
      return showService(s, false);
    }
    if (t & TYPE_INIT_D) {
      if (!vfs.tryLookup(INIT_D, cred)) {
        err(`failed to open /etc/init.d: No such file or directory\n`);
        return 1;
      }
      const names = entriesOf(INIT_D)
        .filter((n) => !ignoredServiceFile(n))
        .filter((n) => {
          const node = vfs.tryLookup(`${INIT_D}/${n}`, cred);
          return node !== null && node.type === 'file';
        })
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const n of names) {
        const s = readService(n, TYPE_INIT_D);
        if (typeof s === 'object') showService(s, true);
      }
    }
    if (xinetdEnabled() && t & TYPE_XINETD) {
      out('\n');
      out('xinetd based services:\n');
      const names = entriesOf(XINETD_D)
        .filter((n) => !ignoredServiceFile(n))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const n of names) {
        const x = readXinetdInfo(vfs, cred, n);
        if (x) out(`\t${`${n}:`.padEnd(15)}\t${x.on ? 'on' : 'off'}\n`);
      }
    }
    return 0;
  };

  const reloadXinetd = async (): Promise<void> => {
    if (!ctx.host.services.hasScript('xinetd')) return;
    const sink = { isTTY: false, write: () => {} };
    await ctx.spawn(['/etc/init.d/xinetd', 'reload'], { stdout: sink, stderr: sink });
  };

  const setService = async (name: string, t: number, where: number, state: 1 | 0 | -1 | -2): Promise<number> => {
    if (!where) where = state !== -1 ? 0b0111100 : 0b1111111;
    const s = mustRead(name, t);
    checkRoot();
    if (s.type === 'init') {
      const info = s.info!;
      let rc = 0;
      for (let i = 0; i < 7; i++) {
        if (!((1 << i) & where)) continue;
        let what: boolean;
        if (state === 1 || state === 0) what = state === 1;
        else if (state === -2) what = isOn(vfs, cred, name, i);
        else what = (info.levels & (1 << i)) !== 0;
        rc |= doSet(info, i, what);
      }
      return rc;
    }
    const on = state === -1 ? true : state === -2 ? !!s.xinetdOn : state === 1;
    if (!setXinetd(vfs, cred, name, on)) return 1;
    await reloadXinetd();
    return 0;
  };

  // ---- main ----------------------------------------------------------------------------------
  if (argv.length === 0) return listService(null, type);

  const modes = flags.list + flags.add + flags.del + flags.override;
  if (modes > 1) {
    err(el5 ? 'only one of --list, --add, or --del may be specified\n' : 'only one of --list, --add, --del, or --override may be specified\n');
    return 1;
  }

  if (flags.add || flags.del || flags.override) {
    const raw = rest[0];
    if (raw === undefined || raw === '' || rest.length > 1) usage();
    const name = basename(raw!);
    // without an /etc/chkconfig.d override file, --override has nothing to do
    if (flags.override) return 0;
    const s = mustRead(name, type);
    if (s.type === 'xinetd') return 0;
    checkRoot();
    const info = s.info!;
    if (flags.del) {
      removeLinks(vfs, cred, name);
      return 0;
    }
    let rc = 0;
    for (let i = 0; i < 7; i++) {
      const configured = isConfigured(vfs, cred, name, i);
      if (configured && !info.lsb) continue;
      const on = configured ? isOn(vfs, cred, name, i) : (info.levels & (1 << i)) !== 0;
      rc |= doSet(info, i, on);
    }
    return rc;
  }

  if (flags.list) {
    if (rest.length > 1) usage();
    return listService(rest[0] ?? null, type);
  }

  const name = rest[0];
  const state = rest[1];
  if (name === undefined) usage();
  let where = 0;
  if (levels !== null) {
    where = parseLevels(levels);
    if (where === -1) usage();
  }
  if (state === undefined) {
    let level = -1;
    if (where) {
      let count = 0;
      for (let i = 0; i < 7; i++) {
        if (where & (1 << i)) {
          count++;
          level = i;
        }
      }
      if (count > 1) {
        err('only one runlevel may be specified for a chkconfig query\n');
        return 1;
      }
    }
    const s = readService(name!, type);
    if (typeof s !== 'object') return 1;
    const lv = level === -1 ? currentRunlevel() : level;
    if (s.type === 'xinetd') return isOn(vfs, cred, 'xinetd', lv) ? (s.xinetdOn ? 0 : 1) : 1;
    return isOn(vfs, cred, name!, lv) ? 0 : 1;
  }
  if (state === 'on') return setService(name!, type, where, 1);
  if (state === 'off') return setService(name!, type, where, 0);
  if (state === 'reset') return setService(name!, type, where, -1);
  if (state === 'resetpriorities') return setService(name!, type, where, -2);
  return usage();
}
