/** Pieces shared by the service definitions of this folder. */
import type { Host } from '../../host/host';
import type { Process } from '../../proc/process';
import { ROOT } from '../../fs/vfs';
import { LOCK_DIR } from '../initscript';
import { livePidsIn, removeRootFile, terminate } from '../daemon';

/** `running` and `halt` for a service whose state is pid files and lock files. */
export function pidFileLifecycle(opts: {
  pidFiles: readonly string[];
  locks: readonly string[];
  /** Log lines and the like, just before the processes get SIGTERM. */
  beforeHalt?: (host: Host, pids: number[]) => void;
  /** Extra files to remove on halt. */
  extraFiles?: readonly string[];
}): { running(host: Host): boolean; halt(host: Host): void } {
  const live = (host: Host): number[] => {
    const out: number[] = [];
    for (const f of opts.pidFiles) for (const pid of livePidsIn(host, f)) if (!out.includes(pid)) out.push(pid);
    return out;
  };
  return {
    running: (host) => live(host).length > 0,
    halt: (host) => {
      const pids = live(host);
      if (pids.length) {
        try {
          opts.beforeHalt?.(host, pids);
        } catch {
          // ignore
        }
        terminate(host, pids);
      }
      for (const f of [...opts.pidFiles, ...(opts.extraFiles ?? [])]) removeRootFile(host, f);
      for (const l of opts.locks) removeRootFile(host, `${LOCK_DIR}/${l}`);
    },
  };
}

/** The first live process named in a pid file. */
export function pidFileProcess(host: Host, path: string): Process | undefined {
  const pid = livePidsIn(host, path)[0];
  return pid === undefined ? undefined : host.procs.get(pid);
}

/** Waits (as `waiter`) until proc has exited; returns at once when it already has. */
export async function waitGone(waiter: Process, proc: Process): Promise<void> {
  while (proc.alive) await waiter.waitOn(proc.exited);
}

/** The host's eth0 address as the stand-ins log it. */
export function hostAddress(host: Host): string {
  return host.profile.address;
}

/** Reads a file as root; '' when missing. */
export function rootRead(host: Host, path: string): string {
  try {
    return host.vfs.readFile(path, ROOT);
  } catch {
    return '';
  }
}
