import { Vfs, type VfsSnapshot } from './fs/vfs';
import { Host } from './host/host';
import type { LabCore } from './host/labcore';
import { RHEL1, RHEL2, type HostProfile } from './host/profile';
import { baseImage } from './host/images';
import { Activity } from './proc/activity';
import type { Program } from './proc/program';
import type { Fault } from './proc/table';
import { getProgram } from './commands/registry';
import { DEFAULT_START, LabClock } from './util/clock';
import { Scheduler } from './util/scheduler';

export interface LabOptions {
  /** Start of the lab clock, ms since the epoch. Default: Sat Apr 26 2014 11:25:00 -0600. */
  clock?: number;
  /** Seed for everything random-looking (queue IDs, key material). */
  seed?: number;
}

export interface SettleOptions {
  /**
   * Jump the clock to foreground timers (a `sleep`, a connect time-out, a reboot) instead of
   * waiting for real time to pass, as a replay does.
   */
  fastForward?: boolean;
}

export interface LabSnapshot {
  version: 1;
  clock: number;
  seed: number;
  hosts: Record<string, VfsSnapshot>;
}

/** Past this many turns without the lab going quiet, something is spinning: report it. */
const SPIN_LIMIT = 5_000_000;

/**
 * The front door of the engine: a lab of two hosts, their consoles, and simulated time.
 * The CLI, the browser worker and the tests all drive the lab through this class.
 */
export class Lab implements LabCore {
  readonly clock: LabClock;
  readonly scheduler: Scheduler;
  readonly activity = new Activity();
  readonly faults: Fault[] = [];
  readonly seed: number;
  readonly hosts = new Map<string, Host>();

  private constructor(opts: LabOptions) {
    this.clock = new LabClock(opts.clock ?? DEFAULT_START);
    this.scheduler = new Scheduler(this.clock);
    this.seed = opts.seed ?? 1;
  }

  /** A fresh default lab, booted. Call settle() before reading screens. */
  static create(opts: LabOptions = {}): Lab {
    const lab = new Lab(opts);
    for (const profile of [RHEL1, RHEL2]) lab.addHost(profile, baseImage(profile));
    lab.bootAll();
    return lab;
  }

  /** A lab whose files come from a snapshot; hosts boot as after a power cycle. */
  static fromSnapshot(snap: LabSnapshot): Lab {
    const lab = new Lab({ clock: snap.clock, seed: snap.seed });
    for (const profile of [RHEL1, RHEL2]) {
      const files = snap.hosts[profile.name];
      lab.addHost(profile, files ?? baseImage(profile));
    }
    lab.bootAll();
    return lab;
  }

  private addHost(profile: HostProfile, image: VfsSnapshot): void {
    const vfs = Vfs.fromSnapshot(image, () => this.clock.now());
    this.hosts.set(profile.name, new Host(this, profile, vfs));
  }

  private bootAll(): void {
    for (const h of this.hosts.values()) h.boot();
  }

  programs(id: string): Program | undefined {
    return getProgram(id);
  }

  host(name: string): Host {
    const h = this.hosts.get(name);
    if (!h) throw new Error(`no host named ${name}`);
    return h;
  }

  /** Keys typed at a host's console. */
  type(hostName: string, data: string): void {
    this.host(hostName).console.input(data);
  }

  /** Everything the console has shown, as plain text. */
  screenText(hostName: string, fromRow = 0): string {
    return this.host(hostName).console.screen.text(fromRow);
  }

  /** Listens to a console's output bytes (for a real terminal). */
  onOutput(hostName: string, fn: (data: string) => void): () => void {
    return this.host(hostName).console.onOutput(fn);
  }

  /**
   * Runs the lab until nothing can happen at the current instant: every runnable process has
   * blocked and every due timer has fired.
   */
  async settle(opts: SettleOptions = {}): Promise<void> {
    let spins = 0;
    for (;;) {
      while (this.activity.runnable > 0) {
        await Promise.resolve();
        if (++spins > SPIN_LIMIT) {
          this.faults.push({ host: '*', program: 'lab', error: 'the lab did not settle (a process never blocked)' });
          return;
        }
      }
      if (this.scheduler.runDue() > 0) continue;
      if (opts.fastForward) {
        const due = this.scheduler.nextDue(true);
        if (due !== null) {
          this.clock.set(due);
          continue;
        }
      }
      return;
    }
  }

  /** Moves simulated time forward by ms, running timers as they fall due (real time passing). */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await this.settle();
    for (;;) {
      const due = this.scheduler.nextDue();
      if (due === null || due > target) break;
      this.clock.set(due);
      await this.settle();
    }
    this.clock.set(target);
    await this.settle();
  }

  /** Whether the console is parked waiting for the person to type. */
  waitingForInput(hostName: string): boolean {
    return this.host(hostName).console.hasReader;
  }

  snapshot(): LabSnapshot {
    const hosts: Record<string, VfsSnapshot> = {};
    for (const [name, h] of this.hosts) hosts[name] = h.vfs.snapshot();
    return { version: 1, clock: this.clock.now(), seed: this.seed, hosts };
  }
}
