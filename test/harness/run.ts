import { Lab } from '../../src/engine/lab';
import { CollectOutput } from '../../src/engine/io/streams';
import { getProgram } from '../../src/engine/commands/registry';
import type { Program } from '../../src/engine/proc/program';
import type { Host } from '../../src/engine/host/host';
import { loginEnvironment } from '../../src/engine/shell/login';

export interface RunOptions {
  /** Text on standard input (default: empty). */
  stdin?: string;
  /** Run as this user (default root). */
  user?: string;
  cwd?: string;
  host?: 'rhel1' | 'rhel2';
  /** Reuse a lab (to run several commands against the same files). */
  lab?: Lab;
  env?: Record<string, string>;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
  lab: Lab;
  host: Host;
}

/**
 * Runs one program directly (no shell) in a lab and returns what it wrote and its status.
 * `program` is a program id from the registry (e.g. 'ls') or a Program function.
 */
export async function runProgram(program: string | Program, argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  const lab = opts.lab ?? Lab.create();
  await lab.settle();
  const host = lab.host(opts.host ?? 'rhel1');
  const user = host.users.getpwnam(opts.user ?? 'root');
  if (!user) throw new Error(`no user ${opts.user}`);
  const prog = typeof program === 'string' ? getProgram(program) : program;
  if (!prog) throw new Error(`no program ${String(program)}`);
  const stdout = new CollectOutput();
  const stderr = new CollectOutput();
  const env = { ...loginEnvironment(host, user), ...opts.env };
  const proc = host.exec({
    argv,
    program: prog,
    stdin: host.stringSource(opts.stdin ?? ''),
    stdout,
    stderr,
    env,
    cwd: opts.cwd ?? user.home,
    cred: { uid: user.uid, gid: user.gid, groups: host.users.groupIds(user) },
    ppid: 1,
    tty: null,
  });
  await lab.settle({ fastForward: true });
  if (proc.alive) throw new Error(`${argv[0]} is still running (blocked) after the lab settled`);
  if (lab.faults.length) throw new Error('engine fault: ' + lab.faults.map((f) => f.error).join('\n'));
  return { stdout: stdout.text(), stderr: stderr.text(), status: proc.exitStatus ?? -1, lab, host };
}
