import type { LabClock } from './clock';

interface Timer {
  id: number;
  due: number;
  seq: number;
  fn: () => void;
  /**
   * Part of a foreground wait that the console is blocked on (sleep, a connect time-out). A
   * function is asked each time, since a job may be moved to the foreground after it started.
   */
  foreground: boolean | (() => boolean);
}

/**
 * Timers in simulated time. Nothing here reads the wall clock: time moves when the lab advances it,
 * and due timers run in the order they were set, so runs are repeatable.
 */
export class Scheduler {
  private timers: Timer[] = [];
  private nextId = 1;
  private seq = 0;

  constructor(private readonly clock: LabClock) {}

  /** Runs fn after delayMs of simulated time. Returns an id for cancel(). */
  at(delayMs: number, fn: () => void, foreground: boolean | (() => boolean) = false): number {
    const id = this.nextId++;
    this.timers.push({ id, due: this.clock.now() + Math.max(0, delayMs), seq: this.seq++, fn, foreground });
    return id;
  }

  cancel(id: number): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** Runs every timer due now. Returns how many ran. */
  runDue(): number {
    let ran = 0;
    for (;;) {
      const now = this.clock.now();
      let best = -1;
      for (let i = 0; i < this.timers.length; i++) {
        const t = this.timers[i]!;
        if (t.due <= now && (best < 0 || this.before(t, this.timers[best]!))) best = i;
      }
      if (best < 0) return ran;
      const [t] = this.timers.splice(best, 1);
      ran++;
      t!.fn();
    }
  }

  /** The earliest pending timer's due time, or null. */
  nextDue(foregroundOnly = false): number | null {
    let due: number | null = null;
    for (const t of this.timers) {
      if (foregroundOnly && !(typeof t.foreground === 'function' ? t.foreground() : t.foreground)) continue;
      if (due === null || t.due < due) due = t.due;
    }
    return due;
  }

  hasForegroundTimer(): boolean {
    return this.nextDue(true) !== null;
  }

  /** Drops every timer (reboot of a whole lab, reset). */
  clear(): void {
    this.timers = [];
  }

  private before(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }
}
