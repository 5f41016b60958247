/**
 * /etc/rc.d/init.d/postfix as shipped in postfix-2.6.6-2.1.el6_0 (RHEL 6), and a stand-in for the
 * programs it runs. The script sends `postfix start|stop|reload` output to /dev/null and prints
 * only its own lines: `Starting postfix: [  OK  ]`, `Shutting down postfix: [  OK  ]`.
 */
import type { InitScript } from '../initscript';
import type { ServiceDefinition } from '../types';
import type { Host } from '../../host/host';
import type { Process } from '../../proc/process';
import { SIGHUP, SIGTERM } from '../../proc/signals';
import { burnPids, startDaemon, terminate, writeRootFile } from '../daemon';
import { pidFileLifecycle, pidFileProcess, waitGone } from './common';

export const POSTFIX_PID_FILE = '/var/spool/postfix/pid/master.pid';
const POSTFIX_VERSION = '2.6.6';

export type PostfixCommand = 'start' | 'stop' | 'reload' | 'abort' | 'flush' | 'check';

/** The programs the postfix script runs. Their output is discarded by the script. */
export interface PostfixControl {
  /** `/usr/sbin/postfix COMMAND`: its exit status. */
  postfix(sc: InitScript, command: PostfixCommand): Promise<number>;
  /** make_aliasesdb: `newaliases` when /etc/aliases changed. Optional. */
  newaliases?(sc: InitScript): Promise<void>;
}

export function postfixService(control: PostfixControl): ServiceDefinition {
  const lifecycle = pidFileLifecycle({
    pidFiles: [POSTFIX_PID_FILE],
    locks: ['postfix'],
    beforeHalt: (host) => logScript(host, 'stopping the Postfix mail system'),
  });

  const confCheck = (sc: InitScript): number | null => {
    if (!sc.executable('/usr/sbin/postfix')) return 5;
    if (!sc.isDir('/etc/postfix')) return 6;
    if (!sc.isDir('/var/spool/postfix')) return 5;
    return null;
  };

  const start = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    if (sc.networkingOff()) return 1;
    const bad = confCheck(sc);
    if (bad !== null) return bad;
    sc.echoN('Starting postfix: ');
    await control.newaliases?.(sc);
    const status = await control.postfix(sc, 'start');
    if (status === 0) sc.success();
    else sc.failure();
    if (status === 0) sc.lock('postfix');
    sc.echo();
    return status;
  };

  const stop = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    const bad = confCheck(sc);
    if (bad !== null) return bad;
    sc.echoN('Shutting down postfix: ');
    const status = await control.postfix(sc, 'stop');
    if (status === 0) sc.success();
    else sc.failure();
    if (status === 0) {
      sc.unlock('postfix');
      sc.rm(POSTFIX_PID_FILE);
    }
    sc.echo();
    return status;
  };

  const simple = async (sc: InitScript, command: PostfixCommand): Promise<number> => {
    const bad = confCheck(sc);
    if (bad !== null) return bad;
    const status = await control.postfix(sc, command);
    if (status === 0) sc.success();
    else sc.failure();
    return status;
  };

  return {
    name: 'postfix',
    running: lifecycle.running,
    halt: lifecycle.halt,
    async script(sc, args) {
      const running = sc.status('master', { pidFile: POSTFIX_PID_FILE, lockName: 'postfix', quiet: true }) === 0;
      switch (args[0]) {
        case 'start':
          if (running) return 0;
          return start(sc);
        case 'stop':
          if (!running) return 0;
          return stop(sc);
        case 'restart':
        case 'force-reload':
          await stop(sc);
          return start(sc);
        case 'reload': {
          if (!running) return 7;
          const bad = confCheck(sc);
          if (bad !== null) return bad;
          sc.echoN('Reloading postfix: ');
          const status = await control.postfix(sc, 'reload');
          if (status === 0) sc.success();
          else sc.failure();
          sc.echo();
          return status;
        }
        case 'abort':
        case 'flush':
        case 'check':
          return simple(sc, args[0]);
        case 'status':
          return sc.status('master', { pidFile: POSTFIX_PID_FILE, lockName: 'postfix' });
        case 'condrestart':
          if (!running) return 0;
          await stop(sc);
          return start(sc);
        default:
          sc.usage('{start|stop|restart|reload|abort|flush|check|status|condrestart}');
          return 2;
      }
    },
  };
}

// ---- stand-in: master, pickup and qmgr as placeholder processes ---------------------------------

function logScript(host: Host, message: string): void {
  const pid = host.procs.allocPid();
  host.syslog.log('mail', 'postfix/postfix-script', pid, message);
}

function masterProcess(host: Host): Process | undefined {
  return pidFileProcess(host, POSTFIX_PID_FILE);
}

function startPostfix(host: Host): void {
  burnPids(host, 6);
  logScript(host, 'starting the Postfix mail system');
  burnPids(host, 2);
  const children: Process[] = [];
  const master = startDaemon(host, {
    comm: 'master',
    args: ['/usr/libexec/postfix/master'],
    vsz: 10192,
    rss: 2536,
    wchan: 'ep_pol',
    onHup: (p) => host.syslog.log('mail', 'postfix/master', p.pid, `reload -- version ${POSTFIX_VERSION}, configuration /etc/postfix`),
    onExit: (p, sig) => {
      host.syslog.log('mail', 'postfix/master', p.pid, `terminating on signal ${sig ?? SIGTERM}`);
      terminate(
        host,
        children.map((c) => c.pid),
      );
    },
  });
  writeRootFile(host, POSTFIX_PID_FILE, String(master.pid).padStart(16) + '\n', 0o644);
  host.syslog.log('mail', 'postfix/master', master.pid, `daemon started -- version ${POSTFIX_VERSION}, configuration /etc/postfix`);
  burnPids(host, 4);
  for (const name of ['pickup', 'qmgr']) {
    children.push(
      startDaemon(host, {
        comm: name,
        args: [name, '-l', '-t', 'fifo', '-u'],
        user: 'postfix',
        ppid: master.pid,
        pgid: master.pid,
        sid: master.pid,
        vsz: name === 'qmgr' ? 10340 : 10272,
        rss: name === 'qmgr' ? 2492 : 2452,
        wchan: 'ep_pol',
      }),
    );
  }
}

/** The stand-in `/usr/sbin/postfix`: postfix-script's checks and log lines, placeholder daemons. */
export const standinPostfixControl: PostfixControl = {
  async postfix(sc, command) {
    const host = sc.host;
    const master = masterProcess(host);
    if (command === 'check') return 0;
    if (command === 'start') {
      if (master) {
        logScript(host, 'fatal: the Postfix mail system is already running');
        return 1;
      }
      startPostfix(host);
      return 0;
    }
    if (!master) {
      logScript(host, 'fatal: the Postfix mail system is not running');
      return 1;
    }
    switch (command) {
      case 'stop':
      case 'abort':
        logScript(host, command === 'stop' ? 'stopping the Postfix mail system' : 'aborting the Postfix mail system');
        master.signal(SIGTERM);
        await waitGone(sc.proc, master);
        return 0;
      case 'reload':
        logScript(host, 'refreshing the Postfix mail system');
        master.signal(SIGHUP);
        return 0;
      case 'flush':
        return 0;
    }
    return 0;
  },
};
