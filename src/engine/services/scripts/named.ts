/**
 * /etc/rc.d/init.d/named of bind 9.7 on RHEL 6, and a stand-in for the programs it runs
 * (named-checkconf, named -u named, rndc). Notable behaviour kept: `stop` asks rndc and then
 * polls every 2 seconds, printing a dot each time named is still there (`Stopping named: .`);
 * `status` prints rndc's status block before the usual `named (pid  N) is running...`.
 */
import type { InitScript } from '../initscript';
import type { ServiceDefinition } from '../types';
import type { Host } from '../../host/host';
import type { Process } from '../../proc/process';
import { burnPids, livePidsIn, removeRootFile, requestStop, startDaemon, writeRootFile } from '../daemon';
import { LOCK_DIR } from '../initscript';
import { hostAddress, pidFileProcess, rootRead } from './common';

export const NAMED_PID_FILE = '/var/run/named/named.pid';
const SHUTDOWN_TIMEOUT = 25;

export function bindVersion(host: Host): string {
  return host.profile.release === 'el5' ? '9.3.6-P1-RedHat-9.3.6-4.P1.el5_4.2' : '9.7.3-P3-RedHat-9.7.3-2.el6';
}

/** The programs the named script runs. */
export interface NamedControl {
  /** `named-checkconf -z /etc/named.conf`: status and what it printed (shown on failure). */
  checkconf(sc: InitScript): Promise<{ status: number; output: string }>;
  /** `/usr/sbin/named -u named`: 0 once the daemon runs (it forks), else its status. */
  named(sc: InitScript): Promise<number>;
  /** `rndc ARGS`; when quiet, its output goes nowhere (>/dev/null 2>&1). */
  rndc(sc: InitScript, args: string[], quiet: boolean): Promise<number>;
}

export function namedService(control: NamedControl): ServiceDefinition {
  const start = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    if (sc.networkingOff()) return 1;
    if (!sc.executable('/usr/sbin/named')) return 5;
    if (sc.read('/etc/named.conf') === null) {
      sc.echo('Cannot find configuration file. You could create it by system-config-bind');
      return 6;
    }
    sc.echoN('Starting named: ');
    if (sc.pidof('named').length) {
      sc.echoN('named: already running');
      sc.success();
      sc.echo();
      return 0;
    }
    const check = await control.checkconf(sc);
    if (check.status !== 0) {
      sc.echo();
      sc.echo('Error in named configuration:');
      sc.echo(check.output.replace(/\n$/, ''));
      sc.failure();
      sc.echo();
      for (const line of check.output.split('\n')) if (line !== '') sc.log('daemon', 'named', null, line);
      return 2;
    }
    const status = await sc.daemon('/usr/sbin/named', () => control.named(sc));
    if (status === 0) {
      sc.rm('/var/run/named.pid');
      sc.rm('/var/run/named-sdb.pid');
      try {
        sc.ctx.fs.symlink('/var/run/named/named.pid', '/var/run/named.pid');
      } catch {
        // ln -s complains on stderr in the real script; nothing to add here
      }
    }
    sc.echo();
    if (status === 0) {
      sc.lock('named');
      return 0;
    }
    return 7;
  };

  const stop = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    sc.echoN('Stopping named: ');
    let rc = sc.executable('/usr/sbin/rndc') ? await control.rndc(sc, ['stop'], true) : 1;
    if (rc !== 0) await sc.killproc('named', { signal: 15, quiet: true });
    let timeout = 0;
    rc = 0;
    while (sc.pidof('named').length) {
      if (timeout >= SHUTDOWN_TIMEOUT) {
        rc = 1;
        break;
      }
      await sc.sleep(2000);
      sc.echoN('.');
      timeout += 2;
    }
    if (rc === 0) {
      sc.unlock('named');
      sc.rm('/var/run/named.pid');
      sc.rm('/var/run/named-sdb.pid');
      sc.success();
    } else sc.failure();
    sc.echo();
    return rc;
  };

  const reload = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 0;
    sc.echoN('Reloading named: ');
    const pids = sc.pidof('named');
    let rc = pids.length ? 0 : 1;
    if (rc === 0) {
      rc = await control.rndc(sc, ['reload'], true);
      if (rc !== 0) {
        for (const pid of pids) sc.host.procs.kill(pid, 1, 0);
        rc = 0;
      }
    }
    if (rc === 0) sc.success();
    else sc.failure();
    sc.echo();
    return rc;
  };

  return {
    name: 'named',
    running: (host) => livePidsIn(host, NAMED_PID_FILE).length > 0,
    halt: (host) => {
      for (const pid of livePidsIn(host, NAMED_PID_FILE)) {
        host.syslog.log('daemon', 'named', pid, "received control channel command 'stop'");
        host.procs.get(pid)?.signal(15);
      }
      removeRootFile(host, '/var/run/named.pid');
      removeRootFile(host, NAMED_PID_FILE);
      removeRootFile(host, `${LOCK_DIR}/named`);
    },
    async script(sc, args) {
      switch (args[0]) {
        case 'start':
          return start(sc);
        case 'stop':
          return stop(sc);
        case 'status': {
          if (sc.executable('/usr/sbin/rndc')) await control.rndc(sc, ['status'], false);
          return sc.status('/usr/sbin/named');
        }
        case 'restart':
          await stop(sc);
          return start(sc);
        case 'condrestart':
        case 'try-restart':
          if (sc.exists(sc.lockPath('named'))) {
            await stop(sc);
            return start(sc);
          }
          return 0;
        case 'reload':
          return reload(sc);
        case 'force-reload':
          if ((await reload(sc)) !== 0) {
            await stop(sc);
            return start(sc);
          }
          return 0;
        default:
          sc.usage('{start|stop|status|restart|try-restart|reload|force-reload}');
          return args[0] === undefined || args[0] === '' ? 0 : 2;
      }
    },
  };
}

// ---- stand-in ------------------------------------------------------------------------------------

function namedProcess(host: Host): Process | undefined {
  return pidFileProcess(host, NAMED_PID_FILE);
}

function log(host: Host, pid: number, message: string): void {
  host.syslog.log('daemon', 'named', pid, message);
}

/** `zone "...` statements of named.conf and the files it includes, plus bind's built-in zones. */
function zoneCount(host: Host): number {
  const main = rootRead(host, '/etc/named.conf');
  let text = main;
  for (const m of main.matchAll(/^\s*include\s+"([^"]+)"/gm)) text += '\n' + rootRead(host, m[1]!);
  const configured = [...text.matchAll(/^\s*zone\s+"/gm)].length;
  return configured + 13;
}

function startNamed(host: Host): Process {
  burnPids(host, 5);
  const addr = hostAddress(host);
  const named = startDaemon(host, {
    comm: 'named',
    args: ['/usr/sbin/named', '-u', 'named'],
    user: 'named',
    vsz: 61312,
    rss: 11852,
    nlwp: 4,
    wchan: 'sigsus',
    onHup: (p) => {
      log(host, p.pid, 'received SIGHUP signal to reload zones');
      log(host, p.pid, "loading configuration from '/etc/named.conf'");
      log(host, p.pid, 'reloading configuration succeeded');
      log(host, p.pid, 'reloading zones succeeded');
    },
    onExit: (p) => {
      log(host, p.pid, 'shutting down: flushing changes');
      log(host, p.pid, 'stopping command channel on 127.0.0.1#953');
      log(host, p.pid, 'no longer listening on 127.0.0.1#53');
      log(host, p.pid, `no longer listening on ${addr}#53`);
      log(host, p.pid, 'exiting');
      removeRootFile(host, NAMED_PID_FILE);
    },
  });
  const pid = named.pid;
  log(host, pid, `starting BIND ${bindVersion(host)} -u named`);
  log(host, pid, 'adjusted limit on open files from 1024 to 1048576');
  log(host, pid, 'found 1 CPU, using 1 worker thread');
  log(host, pid, 'using up to 4096 sockets');
  log(host, pid, "loading configuration from '/etc/named.conf'");
  log(host, pid, 'using default UDP/IPv4 port range: [1024, 65535]');
  log(host, pid, 'using default UDP/IPv6 port range: [1024, 65535]');
  log(host, pid, 'listening on IPv4 interface lo, 127.0.0.1#53');
  log(host, pid, `listening on IPv4 interface eth0, ${addr}#53`);
  log(host, pid, 'command channel listening on 127.0.0.1#953');
  log(host, pid, 'running');
  writeRootFile(host, NAMED_PID_FILE, `${pid}\n`, 0o644, 'named');
  return named;
}

export const standinNamedControl: NamedControl = {
  async checkconf() {
    return { status: 0, output: '' };
  },
  async named(sc) {
    startNamed(sc.host);
    return 0;
  },
  async rndc(sc, args, quiet) {
    const host = sc.host;
    const named = namedProcess(host);
    if (!named) {
      if (!quiet) sc.err('rndc: connect failed: 127.0.0.1#953: connection refused\n');
      return 1;
    }
    switch (args[0]) {
      case 'stop':
        log(host, named.pid, "received control channel command 'stop'");
        requestStop(named, 500);
        return 0;
      case 'reload':
        log(host, named.pid, "received control channel command 'reload'");
        log(host, named.pid, "loading configuration from '/etc/named.conf'");
        log(host, named.pid, 'reloading configuration succeeded');
        log(host, named.pid, 'reloading zones succeeded');
        if (!quiet) sc.out('server reload successful\n');
        return 0;
      case 'status':
        if (!quiet) {
          sc.out(
            [
              `version: ${bindVersion(host)}`,
              'CPUs found: 1',
              'worker threads: 1',
              `number of zones: ${zoneCount(host)}`,
              'debug level: 0',
              'xfers running: 0',
              'xfers deferred: 0',
              'soa queries in progress: 0',
              'query logging is OFF',
              'recursive clients: 0/0/1000',
              'tcp clients: 0/100',
              'server is up and running',
              '',
            ].join('\n'),
          );
        }
        return 0;
      default:
        if (!quiet) sc.err(`rndc: '${args[0] ?? ''}' failed: unknown command\n`);
        return 1;
    }
  },
};
