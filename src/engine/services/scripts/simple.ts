/**
 * Init scripts of the plain daemons (sshd, crond, rsyslog, syslog, xinetd, saslauthd): the
 * usual RHEL shape, `Starting X: [  OK  ]` / `Stopping X: [  OK  ]`, status from the pid file,
 * start and stop doing nothing when already in that state (the RHEL 6 rh_status_q guards).
 */
import type { InitScript } from '../initscript';
import type { ServiceDefinition } from '../types';
import type { Host } from '../../host/host';
import type { Process } from '../../proc/process';
import { burnPids, startDaemon, terminate, writeRootFile, type DaemonSpec } from '../daemon';
import { pidFileLifecycle } from './common';

/** One daemon of a simple service. */
export interface SimpleDaemon {
  /** The program's path, for the [ -x ] check and status/killproc. */
  exec: string;
  pidFile: string;
  /** The name status prints (openssh-daemon, rsyslogd). */
  label: string;
  /** Starting <prog>: / Stopping <prog>: */
  prog: string;
  stopWord: 'Stopping' | 'Shutting down';
  /** The processes the stand-in starts: the first is the one in the pid file. */
  processes(host: Host): DaemonSpec[];
  /** Lines logged once the daemon runs. */
  started?(host: Host, pid: number): void;
  /** Lines logged when it ends on a signal. */
  stopped?(host: Host, pid: number, sig: number): void;
  /** What it logs on SIGHUP (it then keeps running). */
  reloaded?(host: Host, pid: number): void;
}

export interface SimpleServiceSpec {
  name: string;
  daemons: SimpleDaemon[];
  usage: string;
  /** Exit status of the usage message. */
  usageStatus: number;
  /** The lock file name (service name by default). */
  lock?: string;
}

/** Starts a stand-in daemon: its processes, pid file and log lines. */
export function startSimpleDaemon(host: Host, d: SimpleDaemon): Process {
  burnPids(host, 3);
  const specs = d.processes(host);
  const main = specs[0]!;
  const children: Process[] = [];
  const proc = startDaemon(host, {
    ...main,
    onHup: d.reloaded ? (p) => d.reloaded!(host, p.pid) : undefined,
    onExit: (p, sig) => {
      d.stopped?.(host, p.pid, sig ?? 15);
      terminate(
        host,
        children.map((c) => c.pid),
      );
    },
  });
  for (const spec of specs.slice(1)) children.push(startDaemon(host, { ...spec, ppid: proc.pid, pgid: proc.pid, sid: proc.pid }));
  writeRootFile(host, d.pidFile, `${proc.pid}\n`, 0o644);
  d.started?.(host, proc.pid);
  return proc;
}

export function simpleService(spec: SimpleServiceSpec): ServiceDefinition {
  const lock = spec.lock ?? spec.name;
  const lifecycle = pidFileLifecycle({ pidFiles: spec.daemons.map((d) => d.pidFile), locks: [lock] });

  const isRunning = (sc: InitScript): boolean => sc.status(spec.daemons[0]!.exec, { pidFile: spec.daemons[0]!.pidFile, quiet: true }) === 0;

  const start = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    for (const d of spec.daemons) if (!sc.executable(d.exec)) return 5;
    let rc = 0;
    for (const d of spec.daemons) {
      sc.echoN(`Starting ${d.prog}: `);
      const r = await sc.daemon(
        d.exec,
        async () => {
          startSimpleDaemon(sc.host, d);
          return 0;
        },
        { pidFile: d.pidFile },
      );
      sc.echo();
      rc ||= r;
    }
    if (rc === 0) sc.lock(lock);
    return rc;
  };

  const stop = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    let rc = 0;
    for (const d of [...spec.daemons].reverse()) {
      sc.echoN(`${d.stopWord} ${d.prog}: `);
      const r = await sc.killproc(d.exec, { pidFile: d.pidFile });
      sc.echo();
      rc ||= r;
    }
    if (rc === 0) sc.unlock(lock);
    return rc;
  };

  const status = (sc: InitScript): number => {
    let rc = 0;
    spec.daemons.forEach((d, i) => {
      const r = sc.status(d.exec, { pidFile: d.pidFile, lockName: lock, label: d.label });
      if (i === 0) rc = r;
    });
    return rc;
  };

  const reload = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    const d = spec.daemons[0]!;
    sc.echoN(`Reloading ${d.prog}: `);
    const rc = await sc.killproc(d.exec, { pidFile: d.pidFile, signal: 1 });
    sc.echo();
    return rc;
  };

  return {
    name: spec.name,
    running: lifecycle.running,
    halt: lifecycle.halt,
    async script(sc, args) {
      const guard = !sc.el5;
      switch (args[0]) {
        case 'start':
          if (guard && isRunning(sc)) return 0;
          return start(sc);
        case 'stop':
          if (guard && !isRunning(sc)) return 0;
          return stop(sc);
        case 'restart':
          await stop(sc);
          return start(sc);
        case 'reload':
        case 'force-reload':
          if (guard && !isRunning(sc)) return 7;
          return reload(sc);
        case 'condrestart':
        case 'try-restart':
          if (!(guard ? isRunning(sc) : sc.locked(lock))) return 0;
          await stop(sc);
          return start(sc);
        case 'status':
          return status(sc);
        default:
          sc.usage(spec.usage);
          return spec.usageStatus;
      }
    },
  };
}

// ---- the stand-ins ------------------------------------------------------------------------------

const daemonSpec = (comm: string, args: string[], vsz: number, rss: number, extra: Partial<DaemonSpec> = {}): DaemonSpec => ({
  comm,
  args,
  vsz,
  rss,
  wchan: extra.wchan ?? 'poll_s',
  ...extra,
});

export const sshdService = (): ServiceDefinition =>
  simpleService({
    name: 'sshd',
    usage: '{start|stop|restart|reload|force-reload|condrestart|try-restart|status}',
    usageStatus: 2,
    daemons: [
      {
        exec: '/usr/sbin/sshd',
        pidFile: '/var/run/sshd.pid',
        label: 'openssh-daemon',
        prog: 'sshd',
        stopWord: 'Stopping',
        processes: () => [daemonSpec('sshd', ['/usr/sbin/sshd'], 8948, 1036, { wchan: 'poll_s' })],
        started: (host, pid) => {
          host.syslog.log('authpriv', 'sshd', pid, 'Server listening on 0.0.0.0 port 22.');
          host.syslog.log('authpriv', 'sshd', pid, 'Server listening on :: port 22.');
        },
        stopped: (host, pid, sig) => host.syslog.log('authpriv', 'sshd', pid, `Received signal ${sig}; terminating.`),
        reloaded: (host, pid) => {
          host.syslog.log('authpriv', 'sshd', pid, 'Received SIGHUP; restarting.');
          host.syslog.log('authpriv', 'sshd', pid, 'Server listening on 0.0.0.0 port 22.');
          host.syslog.log('authpriv', 'sshd', pid, 'Server listening on :: port 22.');
        },
      },
    ],
  });

export const crondService = (): ServiceDefinition =>
  simpleService({
    name: 'crond',
    usage: '{start|stop|status|restart|condrestart|try-restart|reload|force-reload}',
    usageStatus: 2,
    daemons: [
      {
        exec: '/usr/sbin/crond',
        pidFile: '/var/run/crond.pid',
        label: 'crond',
        prog: 'crond',
        stopWord: 'Stopping',
        processes: () => [daemonSpec('crond', ['crond'], 7140, 1184, { wchan: 'hrtime' })],
      },
    ],
  });

const RSYSLOG = '4.6.2';
const rsyslogOrigin = (pid: number): string => `[origin software="rsyslogd" swVersion="${RSYSLOG}" x-pid="${pid}" x-info="http://www.rsyslog.com"]`;

export const rsyslogService = (): ServiceDefinition =>
  simpleService({
    name: 'rsyslog',
    usage: '{start|stop|restart|condrestart|try-restart|reload|force-reload|status}',
    usageStatus: 2,
    daemons: [
      {
        exec: '/sbin/rsyslogd',
        pidFile: '/var/run/syslogd.pid',
        label: 'rsyslogd',
        prog: 'system logger',
        stopWord: 'Shutting down',
        processes: () => [daemonSpec('rsyslogd', ['/sbin/rsyslogd', '-i', '/var/run/syslogd.pid', '-c', '4'], 37976, 1556, { nlwp: 3 })],
        started: (host, pid) => {
          host.syslog.kernel(`imklog ${RSYSLOG}, log source = /proc/kmsg started.`);
          host.syslog.log('daemon', 'rsyslogd', null, `${rsyslogOrigin(pid)} (re)start`);
        },
        stopped: (host, pid, sig) => {
          host.syslog.kernel('Kernel logging (proc) stopped.');
          host.syslog.log('daemon', 'rsyslogd', null, `${rsyslogOrigin(pid)} exiting on signal ${sig}.`);
        },
        reloaded: (host, pid) => host.syslog.log('daemon', 'rsyslogd', null, `${rsyslogOrigin(pid)} rsyslogd was HUPed, type 'lightweight'.`),
      },
    ],
  });

/** RHEL 5's sysklogd: syslogd and klogd. */
export const syslogService = (): ServiceDefinition =>
  simpleService({
    name: 'syslog',
    usage: '{start|stop|status|restart|condrestart}',
    usageStatus: 1,
    daemons: [
      {
        exec: '/sbin/syslogd',
        pidFile: '/var/run/syslogd.pid',
        label: 'syslogd',
        prog: 'system logger',
        stopWord: 'Shutting down',
        processes: () => [daemonSpec('syslogd', ['syslogd', '-m', '0'], 1812, 620, { wchan: 'select' })],
        started: (host) => host.syslog.log('daemon', 'syslogd 1.4.1', null, 'restart.'),
      },
      {
        exec: '/sbin/klogd',
        pidFile: '/var/run/klogd.pid',
        label: 'klogd',
        prog: 'kernel logger',
        stopWord: 'Shutting down',
        processes: () => [daemonSpec('klogd', ['klogd', '-x'], 1768, 404, { wchan: 'syslog' })],
        started: (host) => host.syslog.kernel('klogd 1.4.1, log source = /proc/kmsg started.'),
        stopped: (host) => host.syslog.kernel('Kernel log daemon terminating.'),
      },
    ],
  });

export const xinetdService = (): ServiceDefinition =>
  simpleService({
    name: 'xinetd',
    usage: '{start|stop|status|restart|condrestart|try-restart|reload|force-reload}',
    usageStatus: 2,
    daemons: [
      {
        exec: '/usr/sbin/xinetd',
        pidFile: '/var/run/xinetd.pid',
        label: 'xinetd',
        prog: 'xinetd',
        stopWord: 'Stopping',
        processes: () => [daemonSpec('xinetd', ['xinetd', '-stayalive', '-pidfile', '/var/run/xinetd.pid'], 2916, 764, { wchan: 'select' })],
        started: (host, pid) => {
          host.syslog.log('daemon', 'xinetd', pid, 'xinetd Version 2.3.14 started with libwrap loadavg labeled-networking options compiled in.');
          host.syslog.log('daemon', 'xinetd', pid, 'Started working: 0 available services');
        },
        stopped: (host, pid) => host.syslog.log('daemon', 'xinetd', pid, 'Exiting...'),
        reloaded: (host, pid) => {
          host.syslog.log('daemon', 'xinetd', pid, 'Starting reconfiguration');
          host.syslog.log('daemon', 'xinetd', pid, 'Swapping defaults');
          host.syslog.log('daemon', 'xinetd', pid, 'Reconfigured: new=0 old=0 dropped=0 (services)');
        },
      },
    ],
  });

export const saslauthdService = (): ServiceDefinition =>
  simpleService({
    name: 'saslauthd',
    usage: '{start|stop|status|reload|restart|condrestart}',
    usageStatus: 2,
    daemons: [
      {
        exec: '/usr/sbin/saslauthd',
        pidFile: '/var/run/saslauthd/saslauthd.pid',
        label: 'saslauthd',
        prog: 'saslauthd',
        stopWord: 'Stopping',
        processes: () => {
          const args = ['/usr/sbin/saslauthd', '-m', '/var/run/saslauthd', '-a', 'pam'];
          return [0, 1, 2, 3, 4].map((i) => daemonSpec('saslauthd', args, 5652, i === 0 ? 1172 : 536, { wchan: i === 0 ? 'fcntl_' : 'sk_wai' }));
        },
        started: (host, pid) => {
          host.syslog.log('authpriv', 'saslauthd', pid, 'detach_tty      : master pid is: ' + pid);
          host.syslog.log('authpriv', 'saslauthd', pid, 'ipc_init        : listening on socket: /var/run/saslauthd/mux');
        },
      },
    ],
  });

/** For an init script the lab has no definition for (a renamed copy): a lock file only. */
export function genericService(name: string): ServiceDefinition {
  return {
    name,
    running: () => false,
    halt: () => {},
    async script(sc, args) {
      switch (args[0]) {
        case 'start':
          if (!sc.root) return 4;
          sc.echoN(`Starting ${name}: `);
          sc.success();
          sc.echo();
          sc.lock(name);
          return 0;
        case 'stop':
          if (!sc.root) return 4;
          sc.echoN(`Stopping ${name}: `);
          sc.success();
          sc.echo();
          sc.unlock(name);
          return 0;
        case 'restart':
          return (await this.script(sc, ['stop'])) || this.script(sc, ['start']);
        case 'status':
          return sc.status(name);
        default:
          sc.usage('{start|stop|status|restart}');
          return 2;
      }
    },
  };
}
