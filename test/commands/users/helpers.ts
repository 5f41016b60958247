import { Lab } from '../../../src/engine/lab';
import { CollectOutput } from '../../../src/engine/io/streams';
import { getProgram } from '../../../src/engine/commands/registry';
import type { Program, ProgramContext } from '../../../src/engine/proc/program';
import type { Host } from '../../../src/engine/host/host';
import { loginEnvironment } from '../../../src/engine/shell/login';
import { Tty } from '../../../src/engine/tty/tty';
import { ROOT } from '../../../src/engine/fs/vfs';
import { programFile } from '../../../src/engine/proc/binary';
import { hashPassword } from '../../../src/engine/users/accounts';

export interface UserRun {
  stdout: string;
  stderr: string;
  status: number;
  /** What a terminal showed (tty runs only). */
  screen: string;
  lab: Lab;
  host: Host;
  /** Lab time the run took, in ms. */
  elapsed: number;
}

export interface UserRunOptions {
  stdin?: string;
  user?: string;
  cwd?: string;
  host?: 'rhel1' | 'rhel2';
  lab?: Lab;
  env?: Record<string, string>;
  /** Run on a terminal and type these lines, each when the program waits for input. */
  keys?: string[];
}

/**
 * Runs one program like test/harness/run.ts, but lets lab time pass (a failed password costs
 * two seconds), and can run it on a terminal whose typed lines and screen the test controls.
 */
export async function run(program: string | Program, argv: string[], opts: UserRunOptions = {}): Promise<UserRun> {
  const lab = opts.lab ?? Lab.create();
  await lab.settle();
  const host = lab.host(opts.host ?? 'rhel1');
  const user = host.users.getpwnam(opts.user ?? 'root');
  if (!user) throw new Error(`no user ${opts.user}`);
  const prog = typeof program === 'string' ? getProgram(program) : program;
  if (!prog) throw new Error(`no program ${String(program)}`);
  const env = { ...loginEnvironment(host, user), ...opts.env };
  const cred = { uid: user.uid, gid: user.gid, groups: host.users.groupIds(user) };
  const start = lab.clock.now();
  if (opts.keys) {
    const tty = new Tty('pts/0', (pgid, sig) => host.procs.signalGroup(pgid, sig));
    const stdout = new CollectOutput();
    const stderr = new CollectOutput();
    const out = { isTTY: true, write: (t: string) => (stdout.write(t), tty.write(t)) };
    const err = { isTTY: true, write: (t: string) => (stderr.write(t), tty.write(t)) };
    const proc = host.exec({ argv, program: prog, stdin: tty, stdout: out, stderr: err, env, cwd: opts.cwd ?? user.home, cred, ppid: 1, tty });
    tty.foregroundPgid = proc.pgid;
    for (const line of opts.keys) {
      await lab.settle({ fastForward: true });
      if (!proc.alive) break;
      tty.input(line);
    }
    await lab.settle({ fastForward: true });
    if (proc.alive) throw new Error(`${argv[0]} is still running after the lab settled`);
    if (lab.faults.length) throw new Error('engine fault: ' + lab.faults.map((f) => f.error).join('\n'));
    return { stdout: stdout.text(), stderr: stderr.text(), status: proc.exitStatus ?? -1, screen: tty.screen.text(), lab, host, elapsed: lab.clock.now() - start };
  }
  const stdout = new CollectOutput();
  const stderr = new CollectOutput();
  const proc = host.exec({
    argv,
    program: prog,
    stdin: host.stringSource(opts.stdin ?? ''),
    stdout,
    stderr,
    env,
    cwd: opts.cwd ?? user.home,
    cred,
    ppid: 1,
    tty: null,
  });
  await lab.settle();
  for (let i = 0; i < 600 && proc.alive; i++) await lab.advance(500);
  if (proc.alive) throw new Error(`${argv[0]} is still running`);
  if (lab.faults.length) throw new Error('engine fault: ' + lab.faults.map((f) => f.error).join('\n'));
  return { stdout: stdout.text(), stderr: stderr.text(), status: proc.exitStatus ?? -1, screen: '', lab, host, elapsed: lab.clock.now() - start };
}

/** Writes files as root (mode 0644 unless given). */
export function writeFiles(host: Host, files: Record<string, string | { data: string; mode?: number; uid?: number; gid?: number }>): void {
  for (const [path, spec] of Object.entries(files)) {
    const s = typeof spec === 'string' ? { data: spec } : spec;
    const parts = path.split('/').filter(Boolean);
    let cur = '';
    for (const part of parts.slice(0, -1)) {
      cur += '/' + part;
      if (!host.vfs.exists(cur, ROOT)) host.vfs.mkdir(cur, ROOT, 0o755, 0);
    }
    host.vfs.writeFile(path, ROOT, s.data, { umask: 0 });
    host.vfs.chmod(path, ROOT, s.mode ?? 0o644);
    host.vfs.chown(path, ROOT, s.uid ?? 0, s.gid ?? 0);
  }
}

export function mkdirs(host: Host, ...dirs: string[]): void {
  for (const d of dirs) {
    let cur = '';
    for (const part of d.split('/').filter(Boolean)) {
      cur += '/' + part;
      if (!host.vfs.exists(cur, ROOT)) host.vfs.mkdir(cur, ROOT, 0o755, 0);
    }
  }
}

export function read(host: Host, path: string): string {
  return host.vfs.readFile(path, ROOT);
}

/** Installs a program file at path (an "ELF" naming the program id). */
export function installProgram(host: Host, path: string, id: string): void {
  writeFiles(host, { [path]: { data: programFile(id), mode: 0o755 } });
}

export const SHADOW_LINE = (name: string, pw = 'password'): string => `${name}:${hashPassword(name, pw)}:16186:0:99999:7:::`;

/** The RHEL account files of the default lab (the parts the tests need). */
export function rhelAccounts(host: Host): void {
  writeFiles(host, {
    '/etc/passwd':
      'root:x:0:0:root:/root:/bin/bash\n' +
      'bin:x:1:1:bin:/bin:/sbin/nologin\n' +
      'daemon:x:2:2:daemon:/sbin:/sbin/nologin\n' +
      'mail:x:8:12:mail:/var/spool/mail:/sbin/nologin\n' +
      'postfix:x:89:89::/var/spool/postfix:/sbin/nologin\n' +
      'user1:x:500:500::/home/user1:/bin/bash\n' +
      'user2:x:501:501::/home/user2:/bin/bash\n',
    '/etc/group':
      'root:x:0:root\n' +
      'bin:x:1:root,bin,daemon\n' +
      'daemon:x:2:root,bin,daemon\n' +
      'sys:x:3:root,bin,adm\n' +
      'adm:x:4:root,adm,daemon\n' +
      'disk:x:6:root\n' +
      'wheel:x:10:root\n' +
      'mail:x:12:mail,postfix\n' +
      'postfix:x:89:\n' +
      'users:x:100:\n' +
      'user1:x:500:\n' +
      'user2:x:501:\n',
    '/etc/shadow': {
      data: ['root', 'user1', 'user2'].map((n) => SHADOW_LINE(n)).join('\n') + '\nbin:*:15209:0:99999:7:::\ndaemon:*:15209:0:99999:7:::\nmail:*:15209:0:99999:7:::\npostfix:!!:16186::::::\n',
      mode: 0,
    },
    '/etc/gshadow': {
      data: 'root:::root\nbin:::root,bin,daemon\nmail:::mail,postfix\npostfix:!::\nusers:::\nuser1:!::\nuser2:!::\n',
      mode: 0,
    },
    '/etc/skel/.bashrc': '# .bashrc\n',
    '/etc/skel/.bash_profile': '# .bash_profile\n',
    '/etc/skel/.bash_logout': '# ~/.bash_logout\n',
  });
}

/** A stand-in shell that reports how it was started, for su tests. */
export interface ShellCall {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  uid: number;
  gid: number;
  groups: readonly number[];
  comm: string;
}

export function fakeShell(lab: Lab, calls: ShellCall[], status = 0): void {
  const shell: Program = async (ctx: ProgramContext) => {
    calls.push({ argv: ctx.argv, env: ctx.env, cwd: ctx.fs.cwd, uid: ctx.fs.cred.uid, gid: ctx.fs.cred.gid, groups: ctx.fs.cred.groups, comm: ctx.proc.comm });
    const i = ctx.argv.indexOf('-c');
    if (i >= 0) ctx.stdout.write(`ran: ${ctx.argv[i + 1]}\n`);
    return status;
  };
  const original = lab.programs.bind(lab);
  lab.programs = (id: string) => (id === 'bash' ? shell : original(id));
}

/** Empties the system logs of both hosts (boot messages), so a test sees only its own lines. */
export function clearLogs(lab: Lab): void {
  for (const name of ['rhel1', 'rhel2']) {
    const h = lab.host(name);
    for (const f of ['/var/log/secure', '/var/log/messages', '/var/log/maillog']) {
      if (h.vfs.exists(f, ROOT)) h.vfs.writeFile(f, ROOT, '');
    }
  }
}
