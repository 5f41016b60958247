/**
 * SysV services of a host: which definitions answer its init scripts, the runtime state they
 * keep (lost at reboot), and the rc sequences of boot and shutdown.
 *
 * - A service exists when /etc/rc.d/init.d/NAME exists; what runs is looked up by name: a
 *   definition registered on this host (register), else one registered for the lab
 *   (registry.ts), else the stand-in (standins.ts), else a generic lock-file script.
 * - chkconfig's state is the rcN.d links (links.ts), so nothing here needs saving.
 * - boot(): init and the kernel threads if nobody started them, rc.sysinit's clean-up, then an
 *   `rc 3` process runs every S link of the default runlevel, in name order, with `start`,
 *   silently (output to /dev/null), and finally the mingetty processes.
 * - shutdown(): every running service is halted in K-priority order, synchronously.
 */
import type { Host } from '../host/host';
import type { Process } from '../proc/process';
import type { Program } from '../proc/program';
import { ROOT, type Vfs } from '../fs/vfs';
import { nullOutput } from '../io/streams';
import type { ServiceDefinition } from './types';
import { registeredService } from './registry';
import { standinService } from './standins';
import { genericService } from './scripts/simple';
import { SERVICE_CATALOG } from './catalog';
import { INIT_D, rcDir } from './links';
import { cleanRuntimeFiles, hasInit, startGettys, startSystemProcesses } from './sysinit';

export const RC_PATH = '/sbin:/usr/sbin:/bin:/usr/bin';

export class ServiceManager {
  private local = new Map<string, ServiceDefinition>();
  private generic = new Map<string, ServiceDefinition>();
  private runtime = new Map<string, unknown>();
  /** The current runlevel (from /etc/inittab at boot). */
  runlevel = 3;
  /** The previous runlevel as `runlevel` prints it ('N' after boot). */
  previousRunlevel = 'N';
  /** The rc process of the last boot, while it runs. */
  rcProcess: Process | null = null;

  constructor(readonly host: Host) {}

  /** A definition for this host only; wins over the lab-wide and stand-in ones. */
  register(def: ServiceDefinition): void {
    this.local.set(def.name, def);
  }

  /** What runs for /etc/rc.d/init.d/NAME. */
  definition(name: string): ServiceDefinition {
    const def = this.local.get(name) ?? registeredService(name) ?? standinService(name);
    if (def) return def;
    let g = this.generic.get(name);
    if (!g) {
      g = genericService(name);
      this.generic.set(name, g);
    }
    return g;
  }

  /** Whether the host has the init script (a regular file, symlinks followed). */
  hasScript(name: string): boolean {
    if (name === '' || name.includes('/')) return false;
    const node = this.host.vfs.tryLookup(`${INIT_D}/${name}`, ROOT);
    return node !== null && node.type === 'file';
  }

  /** Names in /etc/rc.d/init.d, sorted as a shell glob sorts them. */
  scriptNames(): string[] {
    const dir = this.host.vfs.tryLookup(INIT_D, ROOT);
    if (!dir || dir.type !== 'dir' || !dir.entries) return [];
    return [...dir.entries.keys()].filter((n) => this.hasScript(n)).sort(byteOrder);
  }

  /** Whether a service with an init script is up. */
  isRunning(name: string): boolean {
    if (!this.hasScript(name)) return false;
    try {
      return this.definition(name).running(this.host);
    } catch {
      return false;
    }
  }

  /** Runtime state of a definition (firewall tables, interfaces up): lost at reboot. */
  state<T>(key: string, init: () => T): T {
    if (!this.runtime.has(key)) this.runtime.set(key, init());
    return this.runtime.get(key) as T;
  }

  /** Starts what chkconfig marks on for the default runlevel, as rc does at boot. */
  boot(then?: () => void): void {
    this.runtime.clear();
    this.runlevel = defaultRunlevel(this.host.vfs);
    this.previousRunlevel = 'N';
    const ownInit = !hasInit(this.host);
    if (ownInit) startSystemProcesses(this.host);
    cleanRuntimeFiles(this.host);
    const scripts = startLinks(this.host.vfs, this.runlevel);
    const program: Program = async (ctx) => {
      try {
        for (const link of scripts) {
          const name = link.slice(link.lastIndexOf('/') + 4);
          if (!this.hasScript(name)) continue;
          try {
            await ctx.spawn([link, 'start'], { stdout: nullOutput, stderr: nullOutput });
          } catch (e) {
            if (e instanceof Error && e.name === 'Interrupted') throw e;
          }
        }
        if (ownInit) startGettys(this.host);
        this.rcProcess = null;
        return 0;
      } finally {
        then?.();
      }
    };
    this.rcProcess = this.host.exec({
      argv: ['/etc/rc.d/rc', String(this.runlevel)],
      program,
      path: '/etc/rc.d/rc',
      stdin: this.host.stringSource(''),
      stdout: nullOutput,
      stderr: nullOutput,
      env: { PATH: RC_PATH, TERM: 'linux', RUNLEVEL: String(this.runlevel), PREVLEVEL: 'N' },
      cwd: '/',
      cred: ROOT,
      ppid: 1,
      tty: null,
      comm: 'rc',
    });
  }

  /**
   * telinit N (1-5): rc N runs the K links of services that run and the S links of those that
   * do not, its output on the console as a real rc's is.
   */
  changeRunlevel(level: number): void {
    if (level === this.runlevel) return;
    this.previousRunlevel = String(this.runlevel);
    this.runlevel = level;
    const dir = rcDir(level);
    const node = this.host.vfs.tryLookup(dir, ROOT);
    const entries = node && node.type === 'dir' && node.entries ? [...node.entries.keys()].sort(byteOrder) : [];
    const console = this.host.console;
    const out = { isTTY: true, write: (t: string) => console.write(t) };
    const program: Program = async (ctx) => {
      for (const kind of ['K', 'S'] as const) {
        for (const entry of entries) {
          if (!new RegExp(`^${kind}\\d\\d.`).test(entry)) continue;
          const name = entry.slice(3);
          if (!this.hasScript(name)) continue;
          const up = this.isRunning(name) || this.host.vfs.tryLookup(`/var/lock/subsys/${name}`, ROOT) !== null;
          if (kind === 'K' ? !up : up) continue;
          await ctx.spawn([`${dir}/${entry}`, kind === 'K' ? 'stop' : 'start'], { stdout: out, stderr: out });
        }
      }
      return 0;
    };
    this.host.exec({
      argv: ['/etc/rc.d/rc', String(level)],
      program,
      path: '/etc/rc.d/rc',
      stdin: this.host.console,
      stdout: out,
      stderr: out,
      env: { PATH: RC_PATH, TERM: 'linux', RUNLEVEL: String(level), PREVLEVEL: this.previousRunlevel },
      cwd: '/',
      cred: ROOT,
      ppid: 1,
      tty: null,
      comm: 'rc',
    });
  }

  /** Stops everything (shutdown, reboot): running services in K order, at once. */
  shutdown(): void {
    const order = this.scriptNames()
      .map((name) => ({ name, k: stopPriority(this.host.vfs, name) }))
      .sort((a, b) => a.k - b.k || byteOrder(a.name, b.name));
    for (const { name } of order) {
      try {
        const def = this.definition(name);
        if (def.running(this.host)) def.halt(this.host);
      } catch {
        // one service failing to stop must not stop the others
      }
    }
    this.runtime.clear();
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** id:N:initdefault: of /etc/inittab; 3 when absent or odd. */
function defaultRunlevel(vfs: Vfs): number {
  const node = vfs.tryLookup('/etc/inittab', ROOT);
  if (!node || node.type !== 'file') return 3;
  const m = /^id:([0-6]):initdefault:/m.exec(node.data);
  const level = m ? Number(m[1]) : 3;
  return level === 0 || level === 6 ? 3 : level;
}

/** The S links of a runlevel, in the order rc runs them. */
function startLinks(vfs: Vfs, level: number): string[] {
  const dir = vfs.tryLookup(rcDir(level), ROOT);
  if (!dir || dir.type !== 'dir' || !dir.entries) return [];
  return [...dir.entries.keys()]
    .filter((n) => /^S\d\d./.test(n))
    .sort(byteOrder)
    .map((n) => `${rcDir(level)}/${n}`);
}

/** The K priority of a service: its rc6.d link, else the catalog, else 50. */
function stopPriority(vfs: Vfs, name: string): number {
  const dir = vfs.tryLookup(rcDir(6), ROOT);
  if (dir && dir.type === 'dir' && dir.entries) {
    for (const entry of dir.entries.keys()) {
      if (entry.slice(3) === name && /^K\d\d/.test(entry)) return Number(entry.slice(1, 3));
    }
  }
  return SERVICE_CATALOG[name]?.stop ?? 50;
}
