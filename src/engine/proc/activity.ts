/**
 * Counts the lab's processes that can make progress right now. A process is runnable from the
 * moment it is spawned or woken until it blocks in the kernel (a read, a sleep, a wait) or exits.
 * The lab is settled when none is runnable and no timer is due: that is when a replay may type.
 */
export class Activity {
  runnable = 0;
  /** Bumped on anything that could matter to a waiting reader (output, state changes). */
  ticks = 0;

  up(): void {
    this.runnable++;
    this.ticks++;
  }

  down(): void {
    this.runnable--;
    this.ticks++;
  }
}
