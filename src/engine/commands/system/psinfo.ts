/**
 * What ps knows about a process, gathered from the process table, the tty and the extras that
 * services/daemon.ts records: the lab's /proc/PID/stat.
 */
import type { Host } from '../../host/host';
import type { Process } from '../../proc/process';
import { procExtra } from '../../services/daemon';

export interface PsProc {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** Foreground process group of the controlling tty; -1 without one. */
  tpgid: number;
  /** tty name without /dev/ (tty1, pts/0), or null. */
  tty: string | null;
  uid: number;
  gid: number;
  state: string;
  nice: number;
  nlwp: number;
  vsz: number;
  rss: number;
  wchan: string;
  comm: string;
  args: string[];
  /** ms since the epoch */
  start: number;
  kernel: boolean;
  flags: number;
}

/** Memory sizes ps assumes for processes nobody described: by command name. */
const SIZES: Record<string, [number, number]> = {
  bash: [5116, 1716],
  '-bash': [5116, 1716],
  sh: [5116, 1600],
  ps: [4876, 1024],
  sleep: [3884, 504],
  tail: [4008, 560],
  less: [5524, 864],
  more: [4412, 640],
  vi: [8104, 2496],
  vim: [9224, 3040],
  mail: [9060, 2040],
  mailx: [9060, 2040],
  mutt: [14996, 3868],
  telnet: [4720, 1184],
  su: [5772, 1300],
  login: [6604, 1700],
  top: [6028, 1292],
  grep: [4212, 720],
  cat: [3892, 504],
};

function defaultWchan(host: Host, p: Process): string {
  if (p.state === 'R') return '-';
  for (const q of host.procs.list()) if (q.ppid === p.pid && q.alive) return 'wait';
  if (p.tty) return 'n_tty_';
  return 'pipe_w';
}

function sessionOf(host: Host, p: Process): number {
  const own = procExtra(p)?.sid;
  if (own !== undefined) return own;
  let cur = p;
  for (let guard = 0; guard < 64; guard++) {
    const parent = host.procs.get(cur.ppid);
    if (!parent || parent.pid === 1 || parent.tty !== p.tty) return cur.pid;
    const psid = procExtra(parent)?.sid;
    if (psid !== undefined) return psid;
    cur = parent;
  }
  return cur.pid;
}

/** A tty other than the console: its session leader's group is in the foreground (mingetty). */
function foreground(host: Host, tty: string): number {
  for (const q of host.procs.list()) if (q.alive && q.tty === tty && sessionOf(host, q) === q.pid) return q.pgid;
  return -1;
}

export function psProcesses(host: Host): PsProc[] {
  const out: PsProc[] = [];
  for (const p of host.procs.list()) {
    if (!p.alive) continue;
    const extra = procExtra(p);
    const kernel = extra?.kernel ?? false;
    const sizes = SIZES[p.comm] ?? [4500, 900];
    const tpgid = p.tty ? (p.tty === host.console.name ? (host.console.foregroundPgid ?? -1) : foreground(host, p.tty)) : -1;
    out.push({
      pid: p.pid,
      ppid: p.ppid,
      pgid: kernel ? 0 : p.pgid,
      sid: kernel ? 0 : sessionOf(host, p),
      tpgid,
      tty: p.tty,
      uid: p.cred.uid,
      gid: p.cred.gid,
      state: p.state === 'Z' ? 'Z' : p.state,
      nice: extra?.nice ?? 0,
      nlwp: extra?.nlwp ?? 1,
      vsz: kernel ? 0 : (extra?.vsz ?? sizes[0]),
      rss: kernel ? 0 : (extra?.rss ?? sizes[1]),
      wchan: p.state === 'R' ? '-' : (extra?.wchan ?? defaultWchan(host, p)),
      comm: p.comm,
      args: p.args,
      start: p.pid <= 2 || kernel ? host.bootTime : p.startTime,
      kernel,
      flags: kernel ? 0o100 : p.cred.uid === 0 ? 0o400 : 0,
    });
  }
  return out;
}

/** MemTotal in kB, for %MEM. */
export function memTotal(host: Host): number {
  return host.profile.release === 'el5' ? 515500 : 1030572;
}
