/**
 * Background processes of services: how a stand-in (or real) daemon becomes a process that ps
 * shows, kill can signal and reboot ends. Also the per-process facts ps needs that the process
 * table does not keep (memory sizes, threads, wait channel, session).
 */
import type { Host } from '../host/host';
import type { Process } from '../proc/process';
import { Interrupted, SIGHUP, SIGKILL, SIGTERM } from '../proc/signals';
import { WaitQueue } from '../proc/waiter';
import { ROOT } from '../fs/vfs';

/** What ps shows of a process beyond the process table: sizes in kB, threads, wait channel. */
export interface ProcExtra {
  vsz?: number;
  rss?: number;
  nlwp?: number;
  wchan?: string;
  nice?: number;
  /** Session id; by default ps works it out from the process tree. */
  sid?: number;
  /** A kernel thread: no command line, shown as [name]; signals from user space are ignored. */
  kernel?: boolean;
}

const extras = new WeakMap<Process, ProcExtra>();

export function setProcExtra(proc: Process, extra: ProcExtra): void {
  extras.set(proc, { ...extras.get(proc), ...extra });
}

export function procExtra(proc: Process): ProcExtra | undefined {
  return extras.get(proc);
}

/** Well-known system accounts, for a daemon whose user is missing from /etc/passwd. */
const FALLBACK_IDS: Record<string, [number, number]> = {
  root: [0, 0],
  postfix: [89, 89],
  named: [25, 25],
  smmsp: [51, 51],
  dovecot: [97, 97],
  dovenull: [498, 497],
  mail: [8, 12],
};

export function accountIds(host: Host, user: string): { uid: number; gid: number } {
  const pw = host.users.getpwnam(user);
  if (pw) return { uid: pw.uid, gid: pw.gid };
  const ids = FALLBACK_IDS[user] ?? [0, 0];
  return { uid: ids[0], gid: ids[1] };
}

export interface DaemonSpec {
  /** The short name ps -o comm shows (15 characters at most, as the kernel keeps). */
  comm: string;
  /** The command line ps shows (a daemon may rewrite it: `sendmail: accepting connections`). */
  args: string[];
  /** Account it runs as; root by default. */
  user?: string;
  ppid?: number;
  /** Process group; the daemon's own by default (it called setsid). */
  pgid?: number;
  /** Session id for ps; its own pid by default. */
  sid?: number;
  cwd?: string;
  vsz?: number;
  rss?: number;
  nlwp?: number;
  wchan?: string;
  /** SIGHUP makes the daemon reload instead of dying: called each time. */
  onHup?: (proc: Process) => void;
  /**
   * Called once when the daemon ends on SIGTERM/SIGINT/SIGQUIT or on a stop request (not on
   * SIGKILL): its last log lines, killing its children.
   */
  onExit?: (proc: Process, signal: number | null) => void;
}

interface Control {
  queue: WaitQueue;
  stopAfterMs: number | null;
}

const controls = new WeakMap<Process, Control>();

/** Starts a daemon process. It waits for signals; see DaemonSpec for what it does on them. */
export function startDaemon(host: Host, spec: DaemonSpec): Process {
  const { uid, gid } = accountIds(host, spec.user ?? 'root');
  const control: Control = { queue: new WaitQueue(), stopAfterMs: null };
  let exited = false;
  const finish = (proc: Process, sig: number | null): void => {
    if (exited) return;
    exited = true;
    try {
      spec.onExit?.(proc, sig);
    } catch {
      // a daemon's goodbye must not turn into an engine fault
    }
  };
  const proc = host.procs.start(
    {
      ppid: spec.ppid ?? 1,
      pgid: spec.pgid ?? 0,
      comm: spec.comm.slice(0, 15),
      args: spec.args,
      cred: { uid, gid, groups: [gid] },
      tty: null,
      startTime: host.now(),
      cwd: spec.cwd ?? '/',
    },
    async (p) => {
      try {
        for (;;) {
          if (control.stopAfterMs !== null) {
            const ms = control.stopAfterMs;
            control.stopAfterMs = null;
            // The person at the console waits for this exit (service named stop polls for it),
            // so it is a foreground wait: a replay jumps to it before the script's next poll.
            if (ms > 0) {
              const scheduler = host.lab.scheduler;
              await p.block((wake) => {
                const id = scheduler.at(ms, wake, true);
                return () => scheduler.cancel(id);
              });
            }
            finish(p, null);
            return 0;
          }
          await p.waitOn(control.queue);
        }
      } catch (e) {
        if (e instanceof Interrupted && e.signal !== SIGKILL) finish(p, e.signal);
        throw e;
      }
    },
  );
  proc.daemon = true;
  if (spec.onHup) {
    const onHup = spec.onHup;
    proc.onSignal = (sig) => {
      if (sig !== SIGHUP) return false;
      try {
        onHup(proc);
      } catch {
        // ignore
      }
      return true;
    };
  }
  controls.set(proc, control);
  setProcExtra(proc, {
    vsz: spec.vsz,
    rss: spec.rss,
    nlwp: spec.nlwp,
    wchan: spec.wchan,
    sid: spec.sid ?? proc.pid,
  });
  return proc;
}

/** Asks a daemon started here to finish on its own, after `afterMs` (rndc stop, doveadm stop). */
export function requestStop(proc: Process, afterMs = 0): void {
  const control = controls.get(proc);
  if (!control || !proc.alive) return;
  control.stopAfterMs = afterMs;
  control.queue.wakeAll();
}

/** Uses up pids the way the helper processes of an init script would (bash, postconf, ...). */
export function burnPids(host: Host, n: number): void {
  for (let i = 0; i < n; i++) host.procs.allocPid();
}

/** SIGTERM to each pid that is alive; returns the processes signalled. */
export function terminate(host: Host, pids: readonly number[], sig = SIGTERM): Process[] {
  const out: Process[] = [];
  for (const pid of pids) {
    const p = host.procs.get(pid);
    if (p && p.alive) {
      p.signal(sig);
      out.push(p);
    }
  }
  return out;
}

// ---- files a daemon keeps (root's view) ------------------------------------------------------

export function ensureDir(host: Host, path: string, mode = 0o755, owner = 'root'): void {
  const vfs = host.vfs;
  const parts = path.split('/').filter(Boolean);
  let cur = '';
  for (const part of parts) {
    cur += '/' + part;
    if (!vfs.tryLookup(cur, ROOT)) {
      try {
        vfs.mkdir(cur, ROOT, 0o755, 0);
      } catch {
        return;
      }
    }
  }
  try {
    const node = vfs.lookup(path, ROOT);
    if (node.type === 'dir' && owner !== 'root') {
      const ids = accountIds(host, owner);
      vfs.chown(path, ROOT, ids.uid, ids.gid);
      vfs.chmod(path, ROOT, mode);
    }
  } catch {
    // ignore
  }
}

/** Writes a file as root (pid files, lock files), creating its directory; errors are swallowed. */
export function writeRootFile(host: Host, path: string, data: string, mode = 0o644, owner = 'root'): boolean {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  ensureDir(host, dir);
  try {
    host.vfs.writeFile(path, ROOT, data, { mode, umask: 0 });
    if (owner !== 'root') {
      const ids = accountIds(host, owner);
      host.vfs.chown(path, ROOT, ids.uid, ids.gid);
    }
    return true;
  } catch {
    return false;
  }
}

export function removeRootFile(host: Host, path: string): void {
  try {
    const node = host.vfs.tryLookup(path, ROOT, false);
    if (node && node.type !== 'dir') host.vfs.unlink(path, ROOT);
  } catch {
    // ignore
  }
}

export function rootFileExists(host: Host, path: string): boolean {
  const node = host.vfs.tryLookup(path, ROOT);
  return node !== null && node.type === 'file';
}

/** The pids listed in a pid file whose processes are alive (root's view). */
export function livePidsIn(host: Host, path: string): number[] {
  const node = host.vfs.tryLookup(path, ROOT);
  if (!node || node.type !== 'file') return [];
  const out: number[] = [];
  for (const word of node.data.split(/\s+/)) {
    if (!/^\d+$/.test(word)) continue;
    const p = host.procs.get(Number(word));
    if (p && p.alive) out.push(p.pid);
  }
  return out;
}

/** Processes by comm, as pidof sees them (highest pid first). */
export function processesNamed(host: Host, name: string): Process[] {
  return host.procs
    .list()
    .filter((p) => p.alive && matchesProgram(p, name))
    .sort((a, b) => b.pid - a.pid);
}

/** Whether a process runs `name`: its comm, its argv[0], or argv[0]'s last path part. */
export function matchesProgram(p: Process, name: string): boolean {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (procExtra(p)?.kernel) return false;
  const arg0 = p.args[0] ?? '';
  if (name.includes('/')) return arg0 === name;
  const arg0base = arg0.slice(arg0.lastIndexOf('/') + 1);
  return p.comm === base.slice(0, 15) || arg0base === base;
}

// ---- who sent the last signal (dovecot logs it) ------------------------------------------------

const senders = new WeakMap<Process, { pid: number; uid: number }>();

/** Records the sender of a signal about to be delivered (kill(1), killproc). */
export function noteSender(target: Process, pid: number, uid: number): void {
  senders.set(target, { pid, uid });
}

export function lastSender(target: Process): { pid: number; uid: number } | undefined {
  return senders.get(target);
}
