import type { Activity } from '../proc/activity';
import type { Program } from '../proc/program';
import type { Fault } from '../proc/table';
import type { LabClock } from '../util/clock';
import type { Scheduler } from '../util/scheduler';

/** What a host needs from the lab around it: shared time, timers and the program registry. */
export interface LabCore {
  readonly clock: LabClock;
  readonly scheduler: Scheduler;
  readonly activity: Activity;
  readonly faults: Fault[];
  readonly seed: number;
  /** The implementation behind a program id found in an executable file. */
  programs(id: string): Program | undefined;
}
