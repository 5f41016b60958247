/**
 * /etc/rc.d/init.d/sendmail: the RHEL 5 script of sendmail-8.13.8 (status is `status sendmail`,
 * usage exits 1) and the RHEL 6 one of sendmail-8.14.4 (status also reports sm-client), plus a
 * stand-in for /usr/sbin/sendmail. Two daemons run: the MTA (`sendmail: accepting connections`,
 * root) and the client queue runner (`sendmail: Queue runner@01:00:00 for
 * /var/spool/clientmqueue`, smmsp).
 */
import type { InitScript } from '../initscript';
import type { ServiceDefinition } from '../types';
import type { Host } from '../../host/host';
import { burnPids, startDaemon, writeRootFile } from '../daemon';
import { pidFileLifecycle } from './common';

export const SENDMAIL_PID_FILE = '/var/run/sendmail.pid';
export const SM_CLIENT_PID_FILE = '/var/run/sm-client.pid';

/** The programs the sendmail script runs. */
export interface SendmailControl {
  /** `/usr/sbin/sendmail ARGS` as daemon() runs it: prints what sendmail prints; its status. */
  sendmail(sc: InitScript, args: string[]): Promise<number>;
  /** Rebuilding the maps and aliases before start (output discarded). Optional. */
  updateconf?(sc: InitScript): Promise<void>;
}

function sendmailVersion(host: Host): string {
  return host.profile.release === 'el5' ? '8.13.8' : '8.14.4';
}

/** /etc/sysconfig/sendmail: DAEMON, QUEUE (and SMQUEUE); the script's defaults otherwise. */
function settings(sc: InitScript): { daemon: boolean; queue: string; smqueue: string } {
  const file = '/etc/sysconfig/sendmail';
  const present = sc.isFile(file);
  const daemon = present ? sc.sysconfig(file, 'DAEMON') === 'yes' : false;
  const queue = present ? (sc.sysconfig(file, 'QUEUE') ?? '') : '1h';
  const smqueue = sc.sysconfig(file, 'SMQUEUE') || queue || '1h';
  return { daemon, queue, smqueue };
}

export function sendmailService(control: SendmailControl): ServiceDefinition {
  const lifecycle = pidFileLifecycle({
    pidFiles: [SENDMAIL_PID_FILE, SM_CLIENT_PID_FILE],
    locks: ['sendmail', 'sm-client'],
  });

  const start = async (sc: InitScript): Promise<number> => {
    const conf = settings(sc);
    let ret = 0;
    if (!sc.el5) await control.updateconf?.(sc);
    sc.echoN('Starting sendmail: ');
    if (sc.el5) await control.updateconf?.(sc);
    const args = ['/usr/sbin/sendmail'];
    if (conf.daemon) args.push('-bd');
    if (conf.queue !== '') args.push(`-q${conf.queue}`);
    let rc = await sc.daemon('/usr/sbin/sendmail', () => control.sendmail(sc, args));
    sc.echo();
    if (rc === 0) sc.lock('sendmail');
    ret += rc;
    if (!sc.isFile(SM_CLIENT_PID_FILE)) {
      sc.echoN('Starting sm-client: ');
      sc.touch(SM_CLIENT_PID_FILE);
      rc = await sc.daemon(
        '/usr/sbin/sendmail',
        () => control.sendmail(sc, ['/usr/sbin/sendmail', '-L', 'sm-msp-queue', '-Ac', `-q${conf.smqueue}`]),
        { check: 'sm-client' },
      );
      sc.echo();
      if (rc === 0) sc.lock('sm-client');
      ret += rc;
    }
    if (sc.el5) return rc;
    return ret === 0 ? 0 : 1;
  };

  const stop = async (sc: InitScript): Promise<number> => {
    let rc = 0;
    if (sc.isFile(SM_CLIENT_PID_FILE)) {
      sc.echoN('Shutting down sm-client: ');
      rc = await sc.killproc('sm-client');
      sc.echo();
      if (rc === 0) {
        sc.rm(SM_CLIENT_PID_FILE);
        sc.unlock('sm-client');
      }
    }
    sc.echoN('Shutting down sendmail: ');
    rc = await sc.killproc('sendmail');
    sc.echo();
    if (rc === 0) sc.unlock('sendmail');
    return rc;
  };

  const reload = async (sc: InitScript): Promise<number> => {
    await control.updateconf?.(sc);
    sc.echoN('Reloading sendmail: ');
    let rc = await sc.killproc('sendmail', { signal: 1 });
    sc.echo();
    if (rc === 0 && sc.isFile(SM_CLIENT_PID_FILE)) {
      sc.echoN('reloading sm-client: ');
      rc = await sc.killproc('sm-client', { signal: 1 });
      sc.echo();
    }
    return rc;
  };

  const el5 = async (sc: InitScript, args: readonly string[]): Promise<number> => {
    if (sc.networkingOff()) return 0;
    if (!sc.isFile('/usr/sbin/sendmail')) return 0;
    switch (args[0]) {
      case 'start':
        return start(sc);
      case 'stop':
        return stop(sc);
      case 'reload':
        return reload(sc);
      case 'restart':
        await stop(sc);
        return start(sc);
      case 'condrestart':
        if (sc.isFile(sc.lockPath('sendmail'))) {
          await stop(sc);
          return start(sc);
        }
        return 0;
      case 'status':
        return sc.status('sendmail');
      default:
        sc.usage('{start|stop|restart|condrestart|status}');
        return 1;
    }
  };

  const el6 = async (sc: InitScript, args: readonly string[]): Promise<number> => {
    if (!sc.root) return 4;
    if (sc.networkingOff()) return 1;
    if (!sc.executable('/usr/sbin/sendmail')) return 5;
    const running =
      sc.status('', { pidFile: SENDMAIL_PID_FILE, quiet: true }) === 0 || sc.status('', { pidFile: SM_CLIENT_PID_FILE, quiet: true }) === 0;
    switch (args[0]) {
      case 'start':
        if (running) return 0;
        return start(sc);
      case 'stop':
        if (!running) return 0;
        return stop(sc);
      case 'reload':
        if (!running) return 7;
        return reload(sc);
      case 'restart':
      case 'force-reload':
        await stop(sc);
        return start(sc);
      case 'condrestart':
      case 'try-restart':
        if (!running) return 0;
        await stop(sc);
        return start(sc);
      case 'status': {
        const rc = sc.status('', { pidFile: SENDMAIL_PID_FILE, lockName: 'sendmail', label: 'sendmail' });
        const rc2 = sc.status('', { pidFile: SM_CLIENT_PID_FILE, lockName: 'sm-client', label: 'sm-client' });
        return rc === 0 ? rc2 : rc;
      }
      default:
        sc.usage('{start|stop|restart|condrestart|status}');
        return 2;
    }
  };

  return {
    name: 'sendmail',
    running: lifecycle.running,
    halt: lifecycle.halt,
    script: (sc, args) => (sc.el5 ? el5(sc, args) : el6(sc, args)),
  };
}

// ---- stand-in ------------------------------------------------------------------------------------

/** "1h" → "01:00:00", as sendmail shows a queue interval. */
function interval(q: string): string {
  const m = /^(\d+)([smhdw]?)$/.exec(q);
  let secs = m ? Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400, w: 604800, '': 60 }[m[2] as 's'] ?? 60) : 3600;
  const d = Math.floor(secs / 86400);
  secs %= 86400;
  const hh = String(Math.floor(secs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((secs % 3600) / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  return (d ? `${d}+` : '') + `${hh}:${mm}:${ss}`;
}

export const standinSendmailControl: SendmailControl = {
  async sendmail(sc, args) {
    const host = sc.host;
    const client = args.includes('-Ac');
    const q = args.find((a) => a.startsWith('-q'))?.slice(2) ?? '';
    const queue = q ? interval(q) : '';
    burnPids(host, 2);
    const version = sendmailVersion(host);
    if (client) {
      const proc = startDaemon(host, {
        comm: 'sendmail',
        args: [`sendmail: Queue runner@${queue || '01:00:00'} for /var/spool/clientmqueue`],
        user: 'smmsp',
        vsz: 8340,
        rss: 1500,
        wchan: 'pause',
      });
      writeRootFile(host, SM_CLIENT_PID_FILE, `${proc.pid}\n${args.join(' ')}\n`, 0o644, 'smmsp');
      host.syslog.log('mail', 'sm-msp-queue', proc.pid, `starting daemon (${version}): queueing@${queue || '01:00:00'}`);
      return 0;
    }
    const daemon = args.includes('-bd');
    const proc = startDaemon(host, {
      comm: 'sendmail',
      args: [daemon ? 'sendmail: accepting connections' : `sendmail: Queue runner@${queue} for /var/spool/mqueue`],
      vsz: 9404,
      rss: 1808,
      wchan: 'pause',
    });
    writeRootFile(host, SENDMAIL_PID_FILE, `${proc.pid}\n${args.join(' ')}\n`, 0o644);
    const what = [daemon ? 'SMTP' : '', queue ? `queueing@${queue}` : ''].filter(Boolean).join('+');
    host.syslog.log('mail', 'sendmail', proc.pid, `starting daemon (${version}): ${what}`);
    return 0;
  },
};
