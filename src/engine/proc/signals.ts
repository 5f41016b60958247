/** Linux signal numbers (i686) and names, as kill -l lists them. */
export const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10,
  SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19,
  TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28,
  IO: 29, PWR: 30, SYS: 31,
};

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGKILL = 9;
export const SIGPIPE = 13;
export const SIGTERM = 15;

export function signalName(n: number): string | undefined {
  for (const [k, v] of Object.entries(SIGNALS)) if (v === n) return k;
  return undefined;
}

/** Thrown out of a blocking call when a signal kills the waiting process. */
export class Interrupted extends Error {
  constructor(readonly signal: number) {
    super(`interrupted by signal ${signal}`);
    this.name = 'Interrupted';
  }
}

/** Thrown by a program to end its process at once with a status (exit(3)). */
export class ExitRequest extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
    this.name = 'ExitRequest';
  }
}
