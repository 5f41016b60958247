/**
 * A wake-up list: code that must wait for something (data in a pipe, a key, a child's exit)
 * parks a callback here, and whoever makes the change calls wakeAll(). The callbacks run at once
 * (not in a later microtask), so the lab's count of runnable processes is never behind.
 * Processes wait through Process.waitOn so the lab knows who is blocked.
 */
export class WaitQueue {
  private waiters = new Set<() => void>();

  /** Adds a one-shot callback; returns how to remove it. */
  add(fn: () => void): () => void {
    this.waiters.add(fn);
    return () => {
      this.waiters.delete(fn);
    };
  }

  wakeAll(): void {
    if (this.waiters.size === 0) return;
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w();
  }

  get size(): number {
    return this.waiters.size;
  }
}
