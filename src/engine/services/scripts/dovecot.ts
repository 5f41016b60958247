/**
 * /etc/rc.d/init.d/dovecot of dovecot-2.0.9 on RHEL 6 and a stand-in for /usr/sbin/dovecot.
 * The script prints `Starting Dovecot Imap: ` then daemon()'s mark; whatever dovecot itself
 * prints (a configuration error) lands between the two. `restart` sleeps a second between
 * stop and start, as the real one does.
 */
import type { InitScript } from '../initscript';
import type { ServiceDefinition } from '../types';
import type { Host } from '../../host/host';
import type { Process } from '../../proc/process';
import { burnPids, lastSender, startDaemon, terminate, writeRootFile } from '../daemon';
import { pidFileLifecycle } from './common';

export const DOVECOT_PID_FILE = '/var/run/dovecot/master.pid';
const EXEC = '/usr/sbin/dovecot';
const CONFIG = '/etc/dovecot/dovecot.conf';
const PROG = 'Dovecot Imap';

/** The program the dovecot script runs. */
export interface DovecotControl {
  /** `/usr/sbin/dovecot`: prints what dovecot prints (to the terminal); 0 once it runs. */
  dovecot(sc: InitScript): Promise<number>;
}

export function dovecotService(control: DovecotControl): ServiceDefinition {
  const lifecycle = pidFileLifecycle({ pidFiles: [DOVECOT_PID_FILE], locks: ['dovecot'] });

  const start = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    if (!sc.executable(EXEC)) return 5;
    if (!sc.isFile(CONFIG)) return 6;
    sc.echoN(`Starting ${PROG}: `);
    const rc = await sc.daemon(EXEC, () => control.dovecot(sc), { pidFile: DOVECOT_PID_FILE });
    if (rc === 0) sc.lock('dovecot');
    sc.echo();
    return rc;
  };

  const stop = async (sc: InitScript): Promise<number> => {
    if (!sc.root) return 4;
    sc.echoN(`Stopping ${PROG}: `);
    const rc = await sc.killproc(EXEC, { pidFile: DOVECOT_PID_FILE });
    if (rc === 0) sc.unlock('dovecot');
    sc.echo();
    return rc;
  };

  return {
    name: 'dovecot',
    running: lifecycle.running,
    halt: lifecycle.halt,
    async script(sc, args) {
      switch (args[0]) {
        case 'start':
          return start(sc);
        case 'stop':
          return stop(sc);
        case 'reload': {
          if (!sc.root) return 4;
          sc.echoN(`Reloading ${PROG}: `);
          const rc = await sc.killproc(EXEC, { pidFile: DOVECOT_PID_FILE, signal: 1 });
          sc.echo();
          return rc;
        }
        case 'force-reload':
        case 'restart':
          await stop(sc);
          await sc.sleep(1000);
          return start(sc);
        case 'condrestart':
        case 'try-restart':
          if (sc.isFile(sc.lockPath('dovecot'))) {
            await stop(sc);
            await sc.sleep(3000);
            return start(sc);
          }
          return 0;
        case 'status':
          return sc.status(EXEC, { pidFile: DOVECOT_PID_FILE });
        default:
          sc.usage('{condrestart|try-restart|start|stop|restart|reload|force-reload|status}');
          return args[0] === 'usage' ? 0 : 2;
      }
    },
  };
}

// ---- stand-in ------------------------------------------------------------------------------------

function log(host: Host, message: string): void {
  host.syslog.log('mail', 'dovecot', null, message);
}

function startDovecot(host: Host): Process {
  burnPids(host, 3);
  const children: Process[] = [];
  const master = startDaemon(host, {
    comm: 'dovecot',
    args: [EXEC],
    vsz: 4972,
    rss: 1092,
    wchan: 'ep_pol',
    onHup: () => log(host, 'master: Warning: SIGHUP received - reloading configuration'),
    onExit: (p, sig) => {
      const by = lastSender(p);
      const who = by ? ` (by pid=${by.pid} uid=${by.uid} code=kill)` : '';
      log(host, `master: Warning: Killed with signal ${sig ?? 15}${who}`);
      terminate(
        host,
        children.map((c) => c.pid),
      );
    },
  });
  writeRootFile(host, DOVECOT_PID_FILE, `${master.pid}\n`, 0o644);
  log(host, 'master: Dovecot v2.0.9 starting up (core dumps disabled)');
  for (const [name, user, vsz, rss] of [
    ['anvil', 'dovenull', 2756, 932],
    ['log', 'root', 2788, 968],
  ] as const) {
    children.push(
      startDaemon(host, {
        comm: name,
        args: [`dovecot/${name}`],
        user,
        ppid: master.pid,
        pgid: master.pid,
        sid: master.pid,
        vsz,
        rss,
        wchan: 'ep_pol',
      }),
    );
  }
  return master;
}

export const standinDovecotControl: DovecotControl = {
  async dovecot(sc) {
    startDovecot(sc.host);
    return 0;
  },
};
