import type { Cred } from '../fs/vfs';
import type { OutputStream, Source } from '../io/streams';
import type { Activity } from './activity';
import { Interrupted, SIGKILL } from './signals';
import { WaitQueue } from './waiter';

export type ProcState = 'R' | 'S' | 'Z';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  /** Short name (comm), as ps -o comm shows. */
  comm: string;
  /** The command line ps prints (argv joined). */
  args: string[];
  cred: Cred;
  tty: string | null;
  startTime: number;
  cwd: string;
}

/** Registers a wake-up; returns how to take it back. */
export type Waitable = (wake: () => void) => () => void;

/**
 * One process of a host. Its program is an async function; whenever it has to wait it calls
 * block(), which tells the lab it is no longer runnable and lets a signal cut the wait short.
 */
export class Process implements ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  comm: string;
  args: string[];
  cred: Cred;
  tty: string | null;
  startTime: number;
  cwd: string;
  state: ProcState = 'R';
  exitStatus: number | null = null;
  /** Signal number that ended the process, when one did. */
  termSignal: number | null = null;
  /** Signals the program ignores (SIG_IGN). SIGKILL can never be ignored. */
  readonly ignored = new Set<number>();
  /** A program's own handler; returns true when it dealt with the signal. */
  onSignal: ((sig: number) => boolean) | null = null;
  /** Lets the process table mark a daemon, so reboot and ps know it. */
  daemon = false;
  /** Whether the process is in its terminal's foreground group (set by whoever gave it a tty). */
  foreground: () => boolean = () => false;
  /** Waiting to read its terminal from the background: what `jobs` calls Stopped (SIGTTIN). */
  stoppedForTty = false;
  readonly exited = new WaitQueue();

  private pendingSignal: number | null = null;
  private cancelWait: ((sig: number) => void) | null = null;

  constructor(
    info: ProcessInfo,
    private readonly activity: Activity,
  ) {
    this.pid = info.pid;
    this.ppid = info.ppid;
    this.pgid = info.pgid;
    this.comm = info.comm;
    this.args = info.args;
    this.cred = info.cred;
    this.tty = info.tty;
    this.startTime = info.startTime;
    this.cwd = info.cwd;
    activity.up();
  }

  get alive(): boolean {
    return this.exitStatus === null;
  }

  /**
   * Waits until waitable wakes us. Throws Interrupted when a signal arrives first (or had
   * arrived while the process was running).
   */
  block(waitable: Waitable): Promise<void> {
    if (this.pendingSignal !== null) {
      const sig = this.pendingSignal;
      this.pendingSignal = null;
      return Promise.reject(new Interrupted(sig));
    }
    this.state = 'S';
    this.activity.down();
    return new Promise<void>((resolve, reject) => {
      let done = false;
      let undo: () => void = () => {};
      const finish = (): boolean => {
        if (done) return false;
        done = true;
        this.state = 'R';
        this.cancelWait = null;
        this.activity.up();
        undo();
        return true;
      };
      this.cancelWait = (sig) => {
        if (finish()) reject(new Interrupted(sig));
      };
      undo = waitable(() => {
        if (finish()) resolve();
      });
      if (done) undo();
    });
  }

  private turns = 0;

  /**
   * For programs that may compute for a long time without waiting (sed's branches, a busy loop):
   * a pending signal is delivered here, and every few thousand calls the process waits 1 ms of
   * lab time (not a foreground wait), so the lab and a person's ^C get their turn.
   */
  async checkpoint(scheduler: { at(ms: number, fn: () => void, fg?: boolean): number; cancel(id: number): void }): Promise<void> {
    if (this.pendingSignal !== null) {
      const sig = this.pendingSignal;
      this.pendingSignal = null;
      throw new Interrupted(sig);
    }
    if (++this.turns % 4096 !== 0) return;
    await this.block((wake) => {
      const id = scheduler.at(1, wake, false);
      return () => scheduler.cancel(id);
    });
  }

  /** Waits on a queue once. */
  waitOn(queue: WaitQueue): Promise<void> {
    return this.block((wake) => queue.add(wake));
  }

  /**
   * Delivers a signal. Returns false when the process ignored it. The first kill of a blocked
   * process interrupts its wait; of a running one, its next wait.
   */
  signal(sig: number): boolean {
    if (!this.alive) return false;
    if (sig !== SIGKILL) {
      if (this.ignored.has(sig)) return false;
      if (this.onSignal && this.onSignal(sig)) return true;
    }
    if (sig === SIGKILL) this.termSignal = sig;
    if (this.cancelWait) this.cancelWait(sig);
    else this.pendingSignal = sig;
    return true;
  }

  /** Marks the process ended. Called once, by the process table. */
  finish(status: number): void {
    if (!this.alive) return;
    this.exitStatus = status;
    this.state = 'Z';
    this.activity.down();
    this.exited.wakeAll();
  }
}

/**
 * A process's view of one input source: read() waits (through block) until data or end of input.
 */
export class ProcInput {
  constructor(
    readonly source: Source,
    private readonly proc: Process,
  ) {}

  get isTTY(): boolean {
    return this.source.isTTY;
  }

  /** The next chunk, or null at end of input. */
  async read(): Promise<string | null> {
    for (;;) {
      // A background job reading the terminal waits until it is brought to the foreground
      // (where a real one would be stopped by SIGTTIN).
      if (this.source.isTTY && !this.proc.foreground()) {
        this.proc.stoppedForTty = true;
        try {
          await this.proc.waitOn(this.source.ready);
        } finally {
          this.proc.stoppedForTty = false;
        }
        continue;
      }
      const r = this.source.tryRead();
      if (r !== undefined) return r;
      await this.proc.waitOn(this.source.ready);
    }
  }

  private buffer = '';
  private eof = false;

  /** The next line without its newline; null at end of input. A last line without \n counts. */
  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        return line;
      }
      if (this.eof) {
        if (this.buffer === '') return null;
        const line = this.buffer;
        this.buffer = '';
        return line;
      }
      const chunk = await this.read();
      if (chunk === null) {
        // A terminal's ^D ends this read only; a file or pipe ends for good.
        if (this.source.isTTY) {
          if (this.buffer === '') return null;
          const line = this.buffer;
          this.buffer = '';
          return line;
        }
        this.eof = true;
      } else this.buffer += chunk;
    }
  }

  /** Everything up to end of input. */
  async readAll(): Promise<string> {
    let out = this.buffer;
    this.buffer = '';
    if (this.eof) return out;
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) break;
      out += chunk;
    }
    if (!this.source.isTTY) this.eof = true;
    return out;
  }
}

export type { OutputStream };
