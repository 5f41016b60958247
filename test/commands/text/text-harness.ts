/**
 * Helpers for the text command tests: a lab with files written as root, and a program run on
 * a terminal of its own (for the pagers and tail -f), typed at key by key.
 */
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { Tty } from '../../../src/engine/tty/tty';
import { getProgram } from '../../../src/engine/commands/registry';
import { CollectOutput } from '../../../src/engine/io/streams';
import type { Process } from '../../../src/engine/proc/process';
import { runProgram, type RunOptions, type RunResult } from '../../harness/run';

/** A settled lab whose rhel1 has these files (path -> content, written by root, mode 0644). */
export async function labWith(files: Record<string, string>, host: 'rhel1' | 'rhel2' = 'rhel1'): Promise<Lab> {
  const lab = Lab.create();
  await lab.settle();
  const vfs = lab.host(host).vfs;
  for (const [path, text] of Object.entries(files)) vfs.writeFile(path, ROOT, text);
  return lab;
}

/** runProgram with argv[0] equal to the program id. */
export function run(id: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return runProgram(id, [id, ...args], opts);
}

export interface TtyRun {
  tty: Tty;
  proc: Process;
  stderr: CollectOutput;
  /** Types keys and lets the lab settle. */
  type(keys: string): Promise<void>;
  /** The screen, last n rows (all when n is omitted). */
  screen(n?: number): string;
  /** What went to standard output when it was a pipe (stdout: 'pipe'). */
  output(): string;
}

/**
 * Starts a program with a terminal of its own as controlling tty and standard output;
 * standard input is the terminal too unless `stdin` text is given.
 */
export async function onTerminal(
  lab: Lab,
  argv: string[],
  opts: { stdin?: string; stdout?: 'tty' | 'pipe'; rows?: number; cols?: number; host?: 'rhel1' | 'rhel2' } = {},
): Promise<TtyRun> {
  const host = lab.host(opts.host ?? 'rhel1');
  const tty = new Tty('pts/1', (pgid, sig) => host.procs.signalGroup(pgid, sig));
  if (opts.rows) tty.rows = opts.rows;
  if (opts.cols) tty.cols = opts.cols;
  const stderr = new CollectOutput();
  const piped = new CollectOutput();
  const program = getProgram(argv[0]!);
  if (!program) throw new Error(`no program ${argv[0]}`);
  const proc = host.exec({
    argv,
    program,
    stdin: opts.stdin === undefined ? tty : host.stringSource(opts.stdin),
    stdout: opts.stdout === 'pipe' ? piped : { isTTY: true, write: (t: string) => tty.write(t) },
    stderr,
    env: { PATH: '/bin:/usr/bin', LANG: 'en_US.UTF-8', TERM: 'xterm', HOME: '/root' },
    cwd: '/root',
    cred: ROOT,
    ppid: 1,
    tty,
  });
  tty.foregroundPgid = proc.pgid;
  await lab.settle();
  return {
    tty,
    proc,
    stderr,
    async type(keys: string) {
      tty.input(keys);
      await lab.settle();
    },
    output() {
      return piped.text();
    },
    screen(n?: number) {
      const lines = tty.screen.text().split('\n');
      return (n === undefined ? lines : lines.slice(-n)).join('\n');
    },
  };
}

/** Numbered lines `prefix 1` .. `prefix n`, newline-terminated. */
export function numbered(n: number, prefix = 'line'): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}
