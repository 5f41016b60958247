import type { Process } from './process';
import type { Scheduler } from '../util/scheduler';

/**
 * Waits ms of simulated time. A process in its terminal's foreground group makes a foreground
 * wait: a replay may jump the clock to it, since the person at the console would simply wait.
 * A background job's sleep waits for time to pass.
 */
export function sleepFor(proc: Process, scheduler: Scheduler, ms: number): Promise<void> {
  return proc.block((wake) => {
    const id = scheduler.at(ms, wake, () => proc.foreground());
    return () => scheduler.cancel(id);
  });
}

/** Waits until a signal ends the process (a daemon's main loop with nothing to do). */
export function pauseForever(proc: Process): Promise<void> {
  return proc.block(() => () => {});
}
