import type { Process } from './process';
import type { Scheduler } from '../util/scheduler';

/**
 * Waits ms of simulated time. A process with a terminal is a foreground wait: a replay may jump
 * the clock to it, since the person at the console would simply wait.
 */
export function sleepFor(proc: Process, scheduler: Scheduler, ms: number): Promise<void> {
  return proc.block((wake) => {
    const id = scheduler.at(ms, wake, proc.tty !== null);
    return () => scheduler.cancel(id);
  });
}

/** Waits until a signal ends the process (a daemon's main loop with nothing to do). */
export function pauseForever(proc: Process): Promise<void> {
  return proc.block(() => () => {});
}
