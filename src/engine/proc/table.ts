import type { Activity } from './activity';
import { Process, type ProcessInfo } from './process';
import { ExitRequest, Interrupted } from './signals';
import { FsError } from '../fs/errors';

/** The most processes a host runs at once (RHEL's nproc limit is of this order). */
export const MAX_PROCESSES = 1024;

/** Something went wrong inside the engine (a bug), caught at the process boundary. */
export interface Fault {
  host: string;
  program: string;
  error: string;
}

/**
 * A host's processes. Every program runs as a Process here; an exception that escapes a program
 * ends that process only, never the lab.
 */
export class ProcessTable {
  private procs = new Map<number, Process>();
  private nextPid: number;

  constructor(
    private readonly activity: Activity,
    firstPid: number,
    private readonly hostName: string,
    private readonly faults: Fault[],
  ) {
    this.nextPid = firstPid;
  }

  allocPid(): number {
    let pid = this.nextPid;
    while (this.procs.has(pid)) pid++;
    this.nextPid = pid + 1;
    if (this.nextPid > 32767) this.nextPid = 300;
    return pid;
  }

  /** Starts a process running body. Returns it at once; body starts in this same turn. */
  start(info: Omit<ProcessInfo, 'pid'> & { pid?: number }, body: (proc: Process) => Promise<number>, onError?: (msg: string) => void): Process {
    const pid = info.pid ?? this.allocPid();
    const proc = new Process({ ...info, pid, pgid: info.pgid || pid }, this.activity);
    if (this.procs.size >= MAX_PROCESSES) {
      // fork(2) fails with EAGAIN: a fork bomb stops here instead of eating the browser tab.
      onError?.('fork: Resource temporarily unavailable');
      proc.finish(254);
      return proc;
    }
    this.procs.set(pid, proc);
    let run: Promise<number>;
    try {
      run = body(proc);
    } catch (e) {
      run = Promise.reject(e);
    }
    run.then(
      (status) => this.end(proc, status & 0xff),
      (e: unknown) => {
        if (e instanceof Interrupted) {
          proc.termSignal = e.signal;
          this.end(proc, 128 + e.signal);
        } else if (e instanceof ExitRequest) {
          this.end(proc, e.status & 0xff);
        } else {
          if (!(e instanceof FsError)) {
            this.faults.push({ host: this.hostName, program: proc.comm, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
          }
          onError?.(e instanceof Error ? e.message : String(e));
          this.end(proc, 1);
        }
      },
    );
    return proc;
  }

  private end(proc: Process, status: number): void {
    proc.finish(status);
    this.procs.delete(proc.pid);
  }

  get(pid: number): Process | undefined {
    return this.procs.get(pid);
  }

  list(): Process[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  /** kill(2) of one process. Returns an errno name on failure. */
  kill(pid: number, sig: number, senderUid: number): 'ESRCH' | 'EPERM' | null {
    const p = this.procs.get(pid);
    if (!p) return 'ESRCH';
    if (senderUid !== 0 && senderUid !== p.cred.uid) return 'EPERM';
    if (sig !== 0) p.signal(sig);
    return null;
  }

  signalGroup(pgid: number, sig: number): void {
    for (const p of this.list()) if (p.pgid === pgid) p.signal(sig);
  }

  /** Everything dies (reboot): SIGKILL to all. */
  killAll(): void {
    for (const p of this.list()) p.signal(9);
  }

  getNextPid(): number {
    return this.nextPid;
  }
}
