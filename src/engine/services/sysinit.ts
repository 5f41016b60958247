/**
 * What runs before the services at boot: init (pid 1), the kernel threads, udevd, and the
 * mingetty processes of the other consoles; and rc.sysinit's clean-up of stale lock and pid
 * files. Only the process table sees these: they make `ps -ef` look like a booted RHEL host.
 */
import type { Host } from '../host/host';
import { ROOT } from '../fs/vfs';
import { setProcExtra } from './daemon';

interface SysProc {
  pid: number;
  ppid: number;
  comm: string;
  args: string[];
  vsz?: number;
  rss?: number;
  wchan?: string;
  nice?: number;
  tty?: string;
}

const EL6_KTHREADS = [
  'migration/0', 'ksoftirqd/0', 'watchdog/0', 'events/0', 'cpuset', 'khelper', 'netns', 'async/mgr', 'pm',
  'sync_supers', 'bdi-default', 'kintegrityd/0', 'kblockd/0', 'kacpid', 'kacpi_notify', 'kacpi_hotplug',
  'ata/0', 'ata_aux', 'ksuspend_usbd', 'khubd', 'kseriod', 'md/0', 'md_misc/0', 'khungtaskd', 'kswapd0',
  'ksmd', 'aio/0', 'crypto/0',
];

const EL5_KTHREADS = [
  'migration/0', 'ksoftirqd/0', 'watchdog/0', 'events/0', 'khelper', 'kthread', 'kblockd/0', 'kacpid',
  'cqueue/0', 'khubd', 'kseriod', 'pdflush', 'pdflush', 'kswapd0', 'aio/0', 'kpsmoused', 'ata/0', 'ata_aux',
];

function systemProcesses(host: Host): SysProc[] {
  const el5 = host.profile.release === 'el5';
  const list: SysProc[] = [];
  if (el5) {
    list.push({ pid: 1, ppid: 0, comm: 'init', args: ['init [3]'], vsz: 2072, rss: 620, wchan: 'select' });
    EL5_KTHREADS.forEach((name, i) => list.push({ pid: i + 2, ppid: i < 5 ? 1 : 7, comm: name, args: [] }));
    list.push({ pid: 220, ppid: 7, comm: 'scsi_eh_0', args: [] });
    list.push({ pid: 221, ppid: 7, comm: 'scsi_eh_1', args: [] });
    list.push({ pid: 250, ppid: 7, comm: 'kjournald', args: [] });
    list.push({ pid: 283, ppid: 1, comm: 'udevd', args: ['/sbin/udevd', '-d'], vsz: 1940, rss: 748, wchan: 'select', nice: -4 });
    list.push({ pid: 1087, ppid: 7, comm: 'kauditd', args: [] });
  } else {
    list.push({ pid: 1, ppid: 0, comm: 'init', args: ['/sbin/init'], vsz: 2900, rss: 1424, wchan: 'poll_s' });
    list.push({ pid: 2, ppid: 0, comm: 'kthreadd', args: [] });
    EL6_KTHREADS.forEach((name, i) => list.push({ pid: i + 3, ppid: 2, comm: name, args: [], nice: name === 'ksmd' ? 5 : 0 }));
    list.push({ pid: 35, ppid: 2, comm: 'kthrotld/0', args: [] });
    list.push({ pid: 37, ppid: 2, comm: 'kpsmoused', args: [] });
    list.push({ pid: 229, ppid: 2, comm: 'scsi_eh_0', args: [] });
    list.push({ pid: 230, ppid: 2, comm: 'scsi_eh_1', args: [] });
    list.push({ pid: 305, ppid: 2, comm: 'kdmflush', args: [] });
    list.push({ pid: 322, ppid: 2, comm: 'jbd2/dm-0-8', args: [] });
    list.push({ pid: 323, ppid: 2, comm: 'ext4-dio-unwrit', args: [] });
    list.push({ pid: 398, ppid: 1, comm: 'udevd', args: ['/sbin/udevd', '-d'], vsz: 2744, rss: 1000, wchan: 'ep_pol', nice: -2 });
    list.push({ pid: 900, ppid: 2, comm: 'kauditd', args: [] });
    list.push({ pid: 951, ppid: 2, comm: 'flush-253:0', args: [] });
  }
  return list;
}

function startSysProc(host: Host, s: SysProc): void {
  if (host.procs.get(s.pid)) return;
  const proc = host.procs.start(
    {
      pid: s.pid,
      ppid: s.ppid,
      pgid: s.args.length ? s.pid : 0,
      comm: s.comm,
      args: s.args,
      cred: { uid: 0, gid: 0, groups: [0] },
      tty: s.tty ?? null,
      startTime: host.bootTime,
      cwd: '/',
    },
    (p) => p.block(() => () => {}).then(() => 0),
  );
  proc.daemon = true;
  const kernel = s.args.length === 0;
  setProcExtra(proc, {
    kernel,
    vsz: s.vsz ?? 0,
    rss: s.rss ?? 0,
    wchan: s.wchan ?? (kernel ? 'kthrea' : 'poll_s'),
    nice: s.nice,
    sid: kernel ? 0 : s.pid,
  });
  if (s.pid === 1) setProcExtra(proc, { sid: 1 });
}

/** init, kernel threads and udevd: started once per boot, at their usual low pids. */
export function startSystemProcesses(host: Host): void {
  for (const s of systemProcesses(host)) startSysProc(host, s);
}

/** The mingetty processes of tty2..tty6, started after the services as upstart/init does. */
export function startGettys(host: Host): void {
  const el5 = host.profile.release === 'el5';
  for (let n = 2; n <= 6; n++) {
    const pid = host.procs.allocPid();
    startSysProc(host, {
      pid,
      ppid: 1,
      comm: 'mingetty',
      args: el5 ? ['/sbin/mingetty', `tty${n}`] : ['/sbin/mingetty', `/dev/tty${n}`],
      vsz: el5 ? 1656 : 2008,
      rss: el5 ? 448 : 504,
      wchan: 'n_tty_',
      tty: `tty${n}`,
    });
  }
}

/** Whether init is up (a host whose owner already starts its own system processes). */
export function hasInit(host: Host): boolean {
  return host.procs.get(1) !== undefined;
}

/** rc.sysinit: stale lock files and pid files of the last boot go away. */
export function cleanRuntimeFiles(host: Host): void {
  const vfs = host.vfs;
  const clean = (dir: string, depth: number): void => {
    const node = vfs.tryLookup(dir, ROOT, false);
    if (!node || node.type !== 'dir' || !node.entries) return;
    for (const [name, child] of [...node.entries]) {
      const path = `${dir}/${name}`;
      if (child.type === 'dir') {
        if (depth < 3) clean(path, depth + 1);
        continue;
      }
      if (name === 'utmp' || name === 'random-seed' || name.endsWith('.lock')) continue;
      try {
        vfs.unlink(path, ROOT);
      } catch {
        // ignore
      }
    }
  };
  clean('/var/lock', 0);
  const run = vfs.tryLookup('/var/run', ROOT, false);
  if (run && run.type === 'dir' && run.entries) {
    for (const [name, child] of [...run.entries]) {
      const path = `/var/run/${name}`;
      if (child.type === 'dir') {
        for (const [inner, c2] of [...(child.entries ?? new Map())]) {
          if (c2.type !== 'dir' && inner.endsWith('.pid')) {
            try {
              vfs.unlink(`${path}/${inner}`, ROOT);
            } catch {
              // ignore
            }
          }
        }
      } else if (name.endsWith('.pid')) {
        try {
          vfs.unlink(path, ROOT);
        } catch {
          // ignore
        }
      }
    }
  }
}
