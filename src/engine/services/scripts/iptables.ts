/**
 * /etc/rc.d/init.d/iptables and ip6tables: the RHEL 6 script of iptables-1.4.7 (messages start
 * with `iptables: `) and the RHEL 5 one of iptables-1.3.5 (`Applying iptables firewall rules: `,
 * `start` flushes first, `Firewall is stopped.`). The packet filter itself is reached through a
 * FirewallControl; the stand-in keeps the rules of firewall.ts in the host's runtime state.
 */
import type { InitScript } from '../initscript';
import type { ServiceDefinition } from '../types';
import type { Host } from '../../host/host';
import { LOCK_DIR } from '../initscript';
import { removeRootFile } from '../daemon';
import { listTable, parseRestore, saveTables, type FwTable } from './firewall';

export type FirewallKind = 'iptables' | 'ip6tables';

/** The packet filter as the script sees it (the iptables commands and the kernel's tables). */
export interface FirewallControl {
  /** /proc/net/ip_tables_names: the loaded tables, or null when the modules are not loaded. */
  tables(host: Host): string[] | null;
  /** `iptables-restore FILE`: prints its errors; its exit status. */
  restore(sc: InitScript, file: string): Promise<number>;
  /** `iptables -t TABLE -F; -X; -Z`: status. */
  flush(sc: InitScript, table: string): Promise<number>;
  /** `iptables -t TABLE -P CHAIN POLICY` for the table's built-in chains: status. */
  setPolicy(sc: InitScript, table: string, policy: string): Promise<number>;
  /** Unloading the netfilter modules (rmmod): status. */
  unload(sc: InitScript): Promise<number>;
  /** `iptables-save` output, or null when it fails. */
  save(sc: InitScript): Promise<string | null>;
  /** `iptables -t TABLE --list -n --line-numbers`: prints; status. */
  list(sc: InitScript, table: string): Promise<number>;
  /** The netfilter modules were removed by halt (reboot): forget everything. Optional. */
  reset?(host: Host): void;
}

interface Config {
  modules: string[];
  unload: boolean;
  saveOnStop: boolean;
  saveOnRestart: boolean;
}

function readConfig(sc: InitScript, kind: FirewallKind): Config {
  const file = `/etc/sysconfig/${kind}-config`;
  const get = (k: string, d: string): string => sc.sysconfig(file, k) ?? d;
  return {
    modules: get('IPTABLES_MODULES', '').split(/\s+/).filter(Boolean),
    unload: get('IPTABLES_MODULES_UNLOAD', 'yes') === 'yes',
    saveOnStop: get('IPTABLES_SAVE_ON_STOP', 'no') === 'yes',
    saveOnRestart: get('IPTABLES_SAVE_ON_RESTART', 'no') === 'yes',
  };
}

export function iptablesService(kind: FirewallKind, control: FirewallControl): ServiceDefinition {
  const data = `/etc/sysconfig/${kind}`;
  const prefix = `${kind}: `;

  // ---- RHEL 6 ----------------------------------------------------------------------------------

  const el6 = async (sc: InitScript, args: readonly string[]): Promise<number> => {
    if (!sc.root) return 4;
    if (!sc.executable(`/sbin/${kind}`)) {
      sc.echoN(`${prefix}/sbin/${kind} does not exist.`);
      sc.warning();
      sc.echo();
      return 5;
    }
    const conf = readConfig(sc, kind);
    const nfTables = control.tables(sc.host) ?? [];

    const flushNDelete = async (): Promise<number> => {
      const loaded = control.tables(sc.host);
      if (loaded === null) return 0;
      if (nfTables.length === 0) return 1;
      sc.echoN(`${prefix}Flushing firewall rules: `);
      let ret = 0;
      for (const t of nfTables) ret += await control.flush(sc, t);
      if (ret === 0) sc.success();
      else sc.failure();
      sc.echo();
      return ret;
    };
    const setPolicy = async (policy: string): Promise<number> => {
      const tables = control.tables(sc.host);
      if (tables === null) return 0;
      if (tables.length === 0) return 1;
      sc.echoN(`${prefix}Setting chains to policy ${policy}: `);
      let ret = 0;
      for (const t of tables) {
        sc.echoN(`${t} `);
        ret += await control.setPolicy(sc, t, policy);
      }
      if (ret === 0) sc.success();
      else sc.failure();
      sc.echo();
      return ret;
    };
    const start = async (): Promise<number> => {
      if (!sc.isFile(data)) return 6;
      sc.echoN(`${prefix}Applying firewall rules: `);
      if ((await control.restore(sc, data)) === 0) {
        sc.success();
        sc.echo();
      } else {
        sc.failure();
        sc.echo();
        if (sc.isFile(`${data}.fallback`)) {
          sc.echoN(`${prefix}Applying firewall fallback rules: `);
          if ((await control.restore(sc, `${data}.fallback`)) === 0) {
            sc.success();
            sc.echo();
          } else {
            sc.failure();
            sc.echo();
            return 1;
          }
        } else return 1;
      }
      const ret = 0;
      if (conf.modules.length) {
        sc.echoN(`${prefix}Loading additional modules: `);
        for (const m of conf.modules) sc.echoN(`${m} `);
        sc.success();
        sc.echo();
      }
      sc.touch(sc.lockPath(kind));
      return ret;
    };
    const stop = async (): Promise<number> => {
      if (control.tables(sc.host) === null) return 0;
      await flushNDelete();
      await setPolicy('ACCEPT');
      let ret = 0;
      if (conf.unload) {
        sc.echoN(`${prefix}Unloading modules: `);
        ret = await control.unload(sc);
        if (ret === 0) sc.success();
        else sc.failure();
        sc.echo();
      }
      sc.rm(sc.lockPath(kind));
      return ret;
    };
    const save = async (): Promise<number> => {
      if (control.tables(sc.host) === null) return 0;
      if (nfTables.length === 0) return 6;
      sc.echoN(`${prefix}Saving firewall rules to ${data}: `);
      const ok = await writeSave(sc, control, data);
      if (ok) sc.success();
      else sc.failure();
      sc.echo();
      return ok ? 0 : 1;
    };
    const status = async (): Promise<number> => {
      if (!sc.isFile(sc.lockPath(kind)) && nfTables.length === 0) {
        sc.echo(`${prefix}Firewall is not running.`);
        return 3;
      }
      if (control.tables(sc.host) === null) {
        sc.echo(`${prefix}Firewall modules are not loaded.`);
        return 3;
      }
      if (nfTables.length === 0) {
        sc.echo(`${prefix}Firewall is not configured. `);
        return 3;
      }
      return listTables(sc, control, nfTables);
    };
    const restart = async (): Promise<number> => {
      if (conf.saveOnRestart) await save();
      await stop();
      return start();
    };

    switch (args[0]) {
      case 'start':
        if (sc.isFile(sc.lockPath(kind))) return 0;
        return start();
      case 'stop':
        if (conf.saveOnStop) await save();
        return stop();
      case 'restart':
      case 'force-reload':
        return restart();
      case 'reload':
        return 3;
      case 'condrestart':
      case 'try-restart':
        if (!sc.exists(sc.lockPath(kind))) return 0;
        return restart();
      case 'status':
        return status();
      case 'panic':
        await flushNDelete();
        return setPolicy('DROP');
      case 'save':
        return save();
      default:
        sc.echo(`Usage: ${kind} {start|stop|restart|condrestart|status|panic|save}`);
        return 2;
    }
  };

  // ---- RHEL 5 ----------------------------------------------------------------------------------

  const el5 = async (sc: InitScript, args: readonly string[]): Promise<number> => {
    if (!sc.executable(`/sbin/${kind}`)) {
      sc.echoN(`/sbin/${kind} does not exist.`);
      sc.warning();
      sc.echo();
      return 0;
    }
    const conf = readConfig(sc, kind);

    const flushNDelete = async (): Promise<number> => {
      const tables = control.tables(sc.host);
      if (tables === null || tables.length === 0) return 1;
      sc.echoN('Flushing firewall rules: ');
      let ret = 0;
      for (const t of tables) ret += await control.flush(sc, t);
      if (ret === 0) sc.success();
      else sc.failure();
      sc.echo();
      return ret;
    };
    const setPolicy = async (policy: string): Promise<number> => {
      const tables = control.tables(sc.host);
      if (tables === null || tables.length === 0) return 1;
      sc.echoN(`Setting chains to policy ${policy}: `);
      let ret = 0;
      for (const t of tables) {
        sc.echoN(`${t} `);
        ret += await control.setPolicy(sc, t, policy);
      }
      if (ret === 0) sc.success();
      else sc.failure();
      sc.echo();
      return ret;
    };
    const start = async (): Promise<number> => {
      if (!sc.isFile(data)) return 1;
      sc.echoN(`Applying ${kind} firewall rules: `);
      if ((await control.restore(sc, data)) === 0) {
        sc.success();
        sc.echo();
      } else {
        sc.failure();
        sc.echo();
        return 1;
      }
      if (conf.modules.length) {
        sc.echoN(`Loading additional ${kind} modules: `);
        for (const m of conf.modules) sc.echoN(`${m} `);
        sc.success();
        sc.echo();
      }
      sc.touch(sc.lockPath(kind));
      return 0;
    };
    const stop = async (): Promise<number> => {
      if (control.tables(sc.host) === null) return 1;
      await flushNDelete();
      await setPolicy('ACCEPT');
      let ret = 0;
      if (conf.unload) {
        sc.echoN(`Unloading ${kind} modules: `);
        ret = await control.unload(sc);
        if (ret === 0) sc.success();
        else sc.failure();
        sc.echo();
      }
      sc.rm(sc.lockPath(kind));
      return ret;
    };
    const save = async (): Promise<number> => {
      const tables = control.tables(sc.host);
      if (tables === null || tables.length === 0) return 1;
      sc.echoN(`Saving firewall rules to ${data}: `);
      const ok = await writeSave(sc, control, data);
      if (ok) sc.success();
      else sc.failure();
      sc.echo();
      return ok ? 0 : 1;
    };
    const status = async (): Promise<number> => {
      const tables = control.tables(sc.host) ?? [];
      if (!sc.isFile(sc.lockPath(kind)) && tables.length === 0) {
        sc.echo('Firewall is stopped.');
        return 1;
      }
      if (tables.length === 0) {
        sc.echo('Firewall is not configured. ');
        return 1;
      }
      return listTables(sc, control, tables);
    };
    const restart = async (): Promise<number> => {
      if (conf.saveOnRestart) await save();
      await stop();
      return start();
    };

    switch (args[0]) {
      case 'start':
        await stop();
        return start();
      case 'stop':
        if (conf.saveOnStop) await save();
        return stop();
      case 'restart':
        return restart();
      case 'condrestart':
        if (sc.exists(sc.lockPath(kind))) return restart();
        return 0;
      case 'status':
        return status();
      case 'panic':
        await flushNDelete();
        return setPolicy('DROP');
      case 'save':
        return save();
      default:
        sc.usage('{start|stop|restart|condrestart|status|panic|save}');
        return 1;
    }
  };

  return {
    name: kind,
    running: (host) => (control.tables(host) ?? []).length > 0,
    halt: (host) => {
      control.reset?.(host);
      removeRootFile(host, `${LOCK_DIR}/${kind}`);
    },
    script: (sc, args) => (sc.el5 ? el5(sc, args) : el6(sc, args)),
  };
}

/** The save() of both scripts: iptables-save to a temporary file, old file to .save, mode 600. */
async function writeSave(sc: InitScript, control: FirewallControl, data: string): Promise<boolean> {
  const text = await control.save(sc);
  if (text === null || text === '') return false;
  const fs = sc.ctx.fs;
  try {
    if (fs.exists(data)) {
      fs.writeFile(`${data}.save`, fs.readFile(data), { mode: 0o600 });
      fs.chmod(`${data}.save`, 0o600);
    }
    fs.writeFile(data, text, { mode: 0o600 });
    fs.chmod(data, 0o600);
    return true;
  } catch {
    return false;
  }
}

// ---- stand-in ------------------------------------------------------------------------------------

interface FwState {
  /** null: modules not loaded */
  tables: FwTable[] | null;
}

function state(host: Host, kind: FirewallKind): FwState {
  return host.services.state<FwState>(`firewall:${kind}`, () => ({ tables: null }));
}

/** The stand-in packet filter of one address family. */
export function standinFirewallControl(kind: FirewallKind): FirewallControl {
  const v6 = kind === 'ip6tables';
  const version = (host: Host): string => (host.profile.release === 'el5' ? '1.3.5' : '1.4.7');
  return {
    tables: (host) => state(host, kind).tables?.map((t) => t.name) ?? null,
    async restore(sc, file) {
      const text = sc.read(file);
      if (text === null) {
        sc.err(`Can't open ${file}: No such file or directory\n`);
        return 1;
      }
      const parsed = parseRestore(text);
      if (!Array.isArray(parsed)) {
        sc.err(`${kind}-restore: line ${parsed.badLine} failed\n`);
        return 1;
      }
      const st = state(sc.host, kind);
      const tables = st.tables ?? [];
      for (const t of parsed) {
        const i = tables.findIndex((x) => x.name === t.name);
        if (i >= 0) tables[i] = t;
        else tables.push(t);
      }
      st.tables = tables;
      return 0;
    },
    async flush(sc, table) {
      const t = state(sc.host, kind).tables?.find((x) => x.name === table);
      if (t) {
        t.chains = t.chains.filter((c) => c.policy !== null);
        for (const c of t.chains) c.rules = [];
      }
      return 0;
    },
    async setPolicy(sc, table, policy) {
      const t = state(sc.host, kind).tables?.find((x) => x.name === table);
      if (t) for (const c of t.chains) if (c.policy !== null) c.policy = policy;
      return 0;
    },
    async unload(sc) {
      state(sc.host, kind).tables = null;
      return 0;
    },
    async save(sc) {
      const tables = state(sc.host, kind).tables;
      if (!tables) return null;
      return saveTables(tables, sc.host.now(), version(sc.host), v6);
    },
    async list(sc, table) {
      const t = state(sc.host, kind).tables?.find((x) => x.name === table);
      if (!t) return 1;
      sc.out(listTable(t, v6));
      return 0;
    },
    reset(host) {
      state(host, kind).tables = null;
    },
  };
}

/** `status` of both init scripts: each table's rules, a blank line after each listing. */
async function listTables(sc: InitScript, control: FirewallControl, tables: string[]): Promise<number> {
  for (const t of tables) {
    sc.echo(`Table: ${t}`);
    if ((await control.list(sc, t)) === 0) sc.echo();
  }
  return 0;
}
