import { FsView } from '../fs/fsview';
import { FsError } from '../fs/errors';
import { ROOT, X_OK, permits, type Cred, type Vfs } from '../fs/vfs';
import { resolvePath } from '../fs/path';
import type { OutputStream, Source } from '../io/streams';
import { StringSource } from '../io/streams';
import { programIdOf } from '../proc/binary';
import { ProcInput, type Process } from '../proc/process';
import type { Program, ProgramContext, SpawnOptions } from '../proc/program';
import { ProcessTable } from '../proc/table';
import { WaitQueue } from '../proc/waiter';
import { Syslog } from '../syslog/syslog';
import { Tty } from '../tty/tty';
import { Accounts } from '../users/accounts';
import { SeededRandom, hashString } from '../util/rng';
import type { LabCore } from './labcore';
import type { HostProfile } from './profile';
import { ServiceManager } from '../services/manager';
import { startConsole } from './console';
import { timeOfDay } from './banner';
import { PackageDb } from '../packages/db';

export interface ExecRequest {
  argv: string[];
  /** A program to run directly (builtins run elsewhere; this is for the shell's own children). */
  program?: Program;
  /** Path of the executable, for ps and $0. */
  path?: string;
  stdin: Source;
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string>;
  cwd: string;
  cred: Cred;
  umask?: number;
  ppid: number;
  pgid?: number;
  /** A fixed pid (the console shell at first boot); otherwise the next free one. */
  pid?: number;
  tty: Tty | null;
  comm?: string;
}

export type Lookup =
  | { ok: true; path: string; program: Program }
  | { ok: false; reason: 'ENOENT' | 'EACCES' | 'EISDIR' | 'ENOEXEC'; path?: string };

/**
 * One virtual machine: its filesystem, accounts, processes, services, packages, syslog and
 * console. Everything a program can touch on "its" computer is reached from here.
 */
export class Host {
  readonly name: string;
  readonly vfs: Vfs;
  readonly procs: ProcessTable;
  readonly console: Tty;
  readonly users: Accounts;
  readonly syslog: Syslog;
  readonly services: ServiceManager;
  readonly packages: PackageDb;
  readonly rng: SeededRandom;
  /** The running kernel's host name (hostname(1) can change it until reboot). */
  hostname: string;
  bootTime: number;
  /** Bumped on every boot, so stale timers and processes of an old boot can tell. */
  generation = 0;
  /** True while the host is going down, so nothing respawns. */
  rebooting = false;

  constructor(
    readonly lab: LabCore,
    readonly profile: HostProfile,
    vfs: Vfs,
  ) {
    this.name = profile.name;
    this.vfs = vfs;
    this.hostname = profile.fqdn;
    this.bootTime = lab.clock.now();
    this.rng = new SeededRandom(hashString(profile.name) ^ lab.seed);
    this.procs = new ProcessTable(lab.activity, profile.firstPid, profile.name, lab.faults);
    this.console = new Tty('tty1', (pgid, sig) => this.procs.signalGroup(pgid, sig));
    this.users = new Accounts(vfs);
    this.syslog = new Syslog(vfs, () => lab.clock.now(), () => this.hostname.split('.')[0]!);
    this.services = new ServiceManager(this);
    this.packages = new PackageDb(this);
  }

  now(): number {
    return this.lab.clock.now();
  }

  /** A new WaitQueue for a source that never waits (strings); shared is fine. */
  readonly idleQueue = new WaitQueue();

  stringSource(text: string): Source {
    return new StringSource(text, this.idleQueue);
  }

  /** Finds an executable by name along PATH (or by path when it has a /), as execvp(3). */
  findProgram(name: string, path: string, cred: Cred, cwd: string): Lookup {
    if (name.includes('/')) return this.loadProgram(resolvePath(cwd, name), cred);
    if (name === '') return { ok: false, reason: 'ENOENT' };
    let denied: Lookup | null = null;
    for (const dir of path.split(':')) {
      const full = resolvePath(cwd, (dir === '' ? '.' : dir) + '/' + name);
      const node = this.vfs.tryLookup(full, cred);
      if (!node || node.type === 'dir') continue;
      const r = this.loadProgram(full, cred);
      if (r.ok) return r;
      denied ??= r;
    }
    return denied ?? { ok: false, reason: 'ENOENT' };
  }

  /** What executing path would run. */
  loadProgram(path: string, cred: Cred): Lookup {
    let node;
    try {
      node = this.vfs.lookup(path, cred);
    } catch (e) {
      return { ok: false, reason: e instanceof FsError && e.code === 'EACCES' ? 'EACCES' : 'ENOENT', path };
    }
    if (node.type === 'dir') return { ok: false, reason: 'EISDIR', path };
    if (!permits(node, cred, X_OK)) return { ok: false, reason: 'EACCES', path };
    const id = programIdOf(node.data);
    if (id !== null) {
      const program = this.lab.programs(id);
      // A program whose simulation has not been written yet behaves as if it were not
      // installed (`command not found`); its file stays so init scripts and rpm still see it.
      return program ? { ok: true, path, program } : { ok: false, reason: 'ENOENT', path };
    }
    if (node.data.startsWith('\x7fELF')) return { ok: false, reason: 'ENOEXEC', path };
    // A script: #! line or none, bash runs it (the kernel's ENOEXEC fallback bash also uses).
    const bash = this.lab.programs('bash');
    if (!bash) return { ok: false, reason: 'ENOEXEC', path };
    return { ok: true, path, program: (ctx) => bash({ ...ctx, argv: ['bash', path, ...ctx.argv.slice(1)] }) };
  }

  /** Starts a process running a program. Its status arrives through proc.exited. */
  exec(req: ExecRequest): Process {
    const program = req.program;
    const comm = req.comm ?? (req.argv[0] ?? '').split('/').pop()!.slice(0, 15);
    const proc = this.procs.start(
      {
        pid: req.pid,
        ppid: req.ppid,
        pgid: req.pgid ?? 0,
        comm,
        args: req.argv,
        cred: req.cred,
        tty: req.tty ? req.tty.name : null,
        startTime: this.now(),
        cwd: req.cwd,
      },
      async (proc) => {
        if (!program) return 127;
        const ctx = this.context(proc, req);
        return program(ctx);
      },
      (msg) => {
        try {
          req.stderr.write(`${req.argv[0] ?? '?'}: ${msg}\n`);
        } catch {
          // the error stream itself is gone
        }
      },
    );
    const tty = req.tty;
    if (tty) proc.foreground = () => tty.foregroundPgid === proc.pgid;
    return proc;
  }

  /** Runs a program and waits for it, on behalf of a parent process. */
  async run(parent: Process, req: ExecRequest): Promise<number> {
    const child = this.exec(req);
    while (child.alive) await parent.waitOn(child.exited);
    return child.exitStatus ?? 1;
  }

  context(proc: Process, req: ExecRequest): ProgramContext {
    const fs = new FsView(this.vfs, req.cred, req.cwd, req.umask ?? 0o022);
    const ctx: ProgramContext = {
      argv: req.argv,
      env: { ...req.env },
      stdin: new ProcInput(req.stdin, proc),
      stdout: req.stdout,
      stderr: req.stderr,
      fs,
      proc,
      host: this,
      tty: req.tty,
      spawn: (argv: string[], opts: SpawnOptions = {}) => this.spawnFrom(ctx, argv, opts),
    };
    return ctx;
  }

  /** ctx.spawn: execvp + wait, with bash-like messages when the program is missing. */
  private async spawnFrom(ctx: ProgramContext, argv: string[], opts: SpawnOptions): Promise<number> {
    const env = opts.env ?? ctx.env;
    const cwd = opts.cwd ?? ctx.fs.cwd;
    const cred = opts.cred ?? ctx.fs.cred;
    const name = argv[0] ?? '';
    const found = this.findProgram(name, env.PATH ?? '/bin:/usr/bin', cred, cwd);
    const stderr = opts.stderr ?? ctx.stderr;
    if (!found.ok) {
      const msg = found.reason === 'EACCES' ? 'Permission denied' : found.reason === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
      stderr.write(`${ctx.argv[0]}: ${name}: ${msg}\n`);
      return found.reason === 'ENOENT' ? 127 : 126;
    }
    const pgid = opts.newGroup ? 0 : ctx.proc.pgid;
    const child = this.exec({
      argv,
      program: found.program,
      path: found.path,
      stdin: opts.stdin ?? ctx.stdin.source,
      stdout: opts.stdout ?? ctx.stdout,
      stderr,
      env,
      cwd,
      cred,
      umask: ctx.fs.umask,
      ppid: ctx.proc.pid,
      pgid,
      tty: ctx.tty,
      comm: opts.comm,
    });
    const tty = ctx.tty;
    const previous = tty?.foregroundPgid ?? null;
    if (opts.newGroup && tty) tty.foregroundPgid = child.pgid;
    try {
      while (child.alive) await ctx.proc.waitOn(child.exited);
    } finally {
      if (opts.newGroup && tty) tty.foregroundPgid = previous;
    }
    return child.exitStatus ?? 1;
  }

  /** Brings the host up: hostname, services chkconfig'd on, a root login on the console. */
  boot(): void {
    this.generation++;
    this.rebooting = false;
    this.bootTime = this.now();
    this.hostname = this.configuredHostname();
    if (this.generation > 1) {
      this.syslog.kernel(`Linux version ${this.profile.kernel} (mockbuild@x86-build.redhat.com)`);
      this.console.write('\n' + this.profile.redhatRelease + '\n');
      this.console.write(`Kernel ${this.profile.kernel} on an ${this.profile.arch}\n\n`);
      this.console.write(`${this.hostname.split('.')[0]} login: root\nPassword: \n`);
      this.console.write(`Last login: ${timeOfDay(this.lastLogin)} on tty1\n`);
    }
    this.lastLogin = this.now();
    if (this.generation === 1) {
      // First power-on: the learner gets a prompt at once (the lab starts with services up).
      this.services.boot();
      startConsole(this);
    } else {
      // A reboot: the console login comes after rc has started the services, as on a real host.
      const generation = this.generation;
      this.services.boot(() => {
        if (this.generation === generation && !this.rebooting) startConsole(this);
      });
    }
  }

  private lastLogin = 0;

  /**
   * Restarts the host: services stop, every process dies, runtime state is lost; files stay.
   * The machine comes back after `downMs` of simulated time.
   */
  reboot(downMs = 5000): void {
    if (this.rebooting) return;
    this.rebooting = true;
    this.services.shutdown();
    this.procs.killAll();
    this.console.foregroundPgid = null;
    this.console.flushInput();
    this.lab.scheduler.at(downMs, () => this.boot(), true);
  }

  /** HOSTNAME= from /etc/sysconfig/network, as rc.sysinit sets it. */
  private configuredHostname(): string {
    const net = this.vfs.tryLookup('/etc/sysconfig/network', ROOT);
    const m = net && net.type === 'file' ? /^HOSTNAME=["']?([^"'\s]+)/m.exec(net.data) : null;
    return m ? m[1]! : this.profile.fqdn;
  }

  /** A root FsView, for daemons and boot code. */
  rootFs(cwd = '/'): FsView {
    return new FsView(this.vfs, ROOT, cwd, 0o022);
  }
}
