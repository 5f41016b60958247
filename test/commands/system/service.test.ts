import { beforeEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { cleanLab, installService, run, writeFile } from '../../services/helpers';

const OK = '[  OK  ]\r\n';
const FAILED = '[FAILED]\r\n';
const COLOR_OK = '\x1b[60G[\x1b[0;32m  OK  \x1b[0;39m]\r\n';

function read(lab: Lab, host: 'rhel1' | 'rhel2', path: string): string {
  return lab.host(host).vfs.readFile(path, ROOT);
}

describe('service (RHEL 6)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await cleanLab();
    const h = lab.host('rhel1');
    for (const s of ['postfix', 'named', 'iptables', 'dovecot']) installService(h, s, s === 'dovecot' ? '-' : '2345');
  });

  it('prints its usage without arguments', async () => {
    const r = await run(lab, 'rhel1', ['service']);
    expect(r).toEqual({ stdout: '', stderr: 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n', status: 1 });
  });

  it('knows --help and --version', async () => {
    expect(await run(lab, 'rhel1', ['service', '--help'])).toEqual({
      stdout: '',
      stderr: 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n',
      status: 0,
    });
    expect(await run(lab, 'rhel1', ['service', '-V'])).toEqual({ stdout: '', stderr: 'service ver. 0.91\n', status: 0 });
  });

  it('rejects a service without an init script', async () => {
    expect(await run(lab, 'rhel1', ['service', 'foo', 'start'])).toEqual({ stdout: '', stderr: 'foo: unrecognized service\n', status: 1 });
    expect(await run(lab, 'rhel1', ['service', 'sendmail', 'status'])).toEqual({ stdout: '', stderr: 'sendmail: unrecognized service\n', status: 1 });
  });

  it('says Permission denied for a script that is not executable', async () => {
    lab.host('rhel1').vfs.chmod('/etc/rc.d/init.d/postfix', ROOT, 0o644);
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'start'])).toEqual({
      stdout: '',
      stderr: 'env: /etc/init.d/postfix: Permission denied\n',
      status: 126,
    });
  });

  it('starts, reports and stops postfix', async () => {
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'status'])).toEqual({ stdout: 'master is stopped\n', stderr: '', status: 3 });
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'start'])).toEqual({ stdout: `Starting postfix: ${OK}`, stderr: '', status: 0 });
    const pid = Number(read(lab, 'rhel1', '/var/spool/postfix/pid/master.pid').trim());
    expect(read(lab, 'rhel1', '/var/spool/postfix/pid/master.pid')).toBe(String(pid).padStart(16) + '\n');
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'status'])).toEqual({ stdout: `master (pid  ${pid}) is running...\n`, stderr: '', status: 0 });
    // already running: the script does nothing
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'start'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(lab.host('rhel1').vfs.exists('/var/lock/subsys/postfix', ROOT)).toBe(true);
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'stop'])).toEqual({ stdout: `Shutting down postfix: ${OK}`, stderr: '', status: 0 });
    expect(lab.host('rhel1').vfs.exists('/var/lock/subsys/postfix', ROOT)).toBe(false);
    expect(lab.host('rhel1').procs.get(pid)).toBeUndefined();
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'stop'])).toEqual({ stdout: '', stderr: '', status: 0 });
    const log = read(lab, 'rhel1', '/var/log/maillog').split('\n');
    expect(log).toContain(`Apr 26 11:25:00 rhel1 postfix/master[${pid}]: daemon started -- version 2.6.6, configuration /etc/postfix`);
    expect(log).toContain(`Apr 26 11:25:00 rhel1 postfix/master[${pid}]: terminating on signal 15`);
  });

  it('restarts postfix, failing the stop when it was not running', async () => {
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'restart'])).toEqual({
      stdout: `Shutting down postfix: ${FAILED}Starting postfix: ${OK}`,
      stderr: '',
      status: 0,
    });
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'restart'])).toEqual({
      stdout: `Shutting down postfix: ${OK}Starting postfix: ${OK}`,
      stderr: '',
      status: 0,
    });
  });

  it('puts the mark at column 60 in colour on a terminal', async () => {
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'start'], { tty: true })).toEqual({
      stdout: `Starting postfix: ${COLOR_OK}`,
      stderr: '',
      status: 0,
    });
  });

  it('shows the usage of the script for an unknown action or none', async () => {
    const usage = 'Usage: /etc/init.d/postfix {start|stop|restart|reload|abort|flush|check|status|condrestart}\n';
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'bogus'])).toEqual({ stdout: usage, stderr: '', status: 2 });
    expect(await run(lab, 'rhel1', ['service', 'postfix'])).toEqual({ stdout: usage, stderr: '', status: 2 });
  });

  it('does nothing for a user who is not root (exit 4)', async () => {
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'start'], { user: 'user1' })).toEqual({ stdout: '', stderr: '', status: 4 });
  });

  it('runs the script directly too', async () => {
    expect(await run(lab, 'rhel1', ['/etc/init.d/postfix', 'start'])).toEqual({ stdout: `Starting postfix: ${OK}`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['/etc/rc.d/init.d/postfix', 'foo'])).toEqual({
      stdout: 'Usage: /etc/rc.d/init.d/postfix {start|stop|restart|reload|abort|flush|check|status|condrestart}\n',
      stderr: '',
      status: 2,
    });
  });

  it('reloads postfix only when it runs', async () => {
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'reload'])).toEqual({ stdout: '', stderr: '', status: 7 });
    await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'reload'])).toEqual({ stdout: `Reloading postfix: ${OK}`, stderr: '', status: 0 });
    expect(read(lab, 'rhel1', '/var/log/maillog')).toMatch(/postfix\/master\[\d+\]: reload -- version 2\.6\.6, configuration \/etc\/postfix\n$/);
  });

  it('restarts named with the dots of its stop loop', async () => {
    expect(await run(lab, 'rhel1', ['service', 'named', 'start'])).toEqual({ stdout: `Starting named: ${OK}`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['service', 'named', 'restart'])).toEqual({
      stdout: `Stopping named: .${OK}Starting named: ${OK}`,
      stderr: '',
      status: 0,
    });
    expect(read(lab, 'rhel1', '/var/log/messages')).toMatch(/named\[\d+\]: starting BIND 9\.7\.3-P3-RedHat-9\.7\.3-2\.el6 -u named\n/);
  });

  it('reports named with rndc status first', async () => {
    const vfs = lab.host('rhel1').vfs;
    writeFile(vfs, '/etc/named.conf', 'options {\n};\nzone "." IN {\n\ttype hint;\n};\ninclude "/etc/named.rfc1912.zones";\n', 0o640);
    writeFile(vfs, '/etc/named.rfc1912.zones', 'zone "localhost" IN {\n};\n', 0o640);
    await run(lab, 'rhel1', ['service', 'named', 'start']);
    const pid = Number(read(lab, 'rhel1', '/var/run/named/named.pid').trim());
    const r = await run(lab, 'rhel1', ['service', 'named', 'status']);
    expect(r.stdout).toBe(
      [
        'version: 9.7.3-P3-RedHat-9.7.3-2.el6',
        'CPUs found: 1',
        'worker threads: 1',
        'number of zones: 15',
        'debug level: 0',
        'xfers running: 0',
        'xfers deferred: 0',
        'soa queries in progress: 0',
        'query logging is OFF',
        'recursive clients: 0/0/1000',
        'tcp clients: 0/100',
        'server is up and running',
        `named (pid  ${pid}) is running...`,
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  it('stops a stopped named quietly but says it is stopped', async () => {
    expect(await run(lab, 'rhel1', ['service', 'named', 'stop'])).toEqual({ stdout: `Stopping named: ${OK}`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['service', 'named', 'status'])).toEqual({
      stdout: 'named is stopped\n',
      stderr: 'rndc: connect failed: 127.0.0.1#953: connection refused\n',
      status: 3,
    });
  });

  it('refuses to start named without its configuration', async () => {
    lab.host('rhel1').vfs.unlink('/etc/named.conf', ROOT);
    expect(await run(lab, 'rhel1', ['service', 'named', 'start'])).toEqual({
      stdout: 'Cannot find configuration file. You could create it by system-config-bind\n',
      stderr: '',
      status: 6,
    });
  });

  it('starts dovecot and logs as the chapter shows', async () => {
    expect(await run(lab, 'rhel1', ['service', 'dovecot', 'start'])).toEqual({ stdout: `Starting Dovecot Imap: ${OK}`, stderr: '', status: 0 });
    const pid = Number(read(lab, 'rhel1', '/var/run/dovecot/master.pid').trim());
    expect(await run(lab, 'rhel1', ['service', 'dovecot', 'status'])).toEqual({ stdout: `dovecot (pid  ${pid}) is running...\n`, stderr: '', status: 0 });
    const log = read(lab, 'rhel1', '/var/log/maillog').trimEnd().split('\n');
    expect(log[log.length - 1]).toBe('Apr 26 11:25:00 rhel1 dovecot: master: Dovecot v2.0.9 starting up (core dumps disabled)');
  });

  it('fails to stop dovecot when it is not running', async () => {
    expect(await run(lab, 'rhel1', ['service', 'dovecot', 'stop'])).toEqual({ stdout: `Stopping Dovecot Imap: ${FAILED}`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['service', 'dovecot', 'status'])).toEqual({ stdout: 'dovecot is stopped\n', stderr: '', status: 3 });
  });

  it('needs dovecot.conf', async () => {
    lab.host('rhel1').vfs.unlink('/etc/dovecot/dovecot.conf', ROOT);
    expect(await run(lab, 'rhel1', ['service', 'dovecot', 'start'])).toEqual({ stdout: '', stderr: '', status: 6 });
  });

  describe('iptables', () => {
    const RULES =
      '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n' +
      '-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT\n-A INPUT -p icmp -j ACCEPT\n-A INPUT -i lo -j ACCEPT\n' +
      '-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n' +
      '-A FORWARD -j REJECT --reject-with icmp-host-prohibited\nCOMMIT\n';
    beforeEach(() => {
      writeFile(lab.host('rhel1').vfs, '/etc/sysconfig/iptables', RULES, 0o600);
    });

    it('is not running until started', async () => {
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'status'])).toEqual({ stdout: 'iptables: Firewall is not running.\n', stderr: '', status: 3 });
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'save'])).toEqual({ stdout: '', stderr: '', status: 0 });
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'stop'])).toEqual({ stdout: '', stderr: '', status: 0 });
    });

    it('applies, lists and saves the rules', async () => {
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'start'])).toEqual({ stdout: `iptables: Applying firewall rules: ${OK}`, stderr: '', status: 0 });
      const status = await run(lab, 'rhel1', ['service', 'iptables', 'status']);
      expect(status.stdout).toBe(
        'Table: filter\n' +
          'Chain INPUT (policy ACCEPT)\n' +
          'num  target     prot opt source               destination         \n' +
          '1    ACCEPT     all  --  0.0.0.0/0            0.0.0.0/0           state RELATED,ESTABLISHED \n' +
          '2    ACCEPT     icmp --  0.0.0.0/0            0.0.0.0/0           \n' +
          '3    ACCEPT     all  --  0.0.0.0/0            0.0.0.0/0           \n' +
          '4    ACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0           state NEW tcp dpt:22 \n' +
          '5    REJECT     all  --  0.0.0.0/0            0.0.0.0/0           reject-with icmp-host-prohibited \n' +
          '\n' +
          'Chain FORWARD (policy ACCEPT)\n' +
          'num  target     prot opt source               destination         \n' +
          '1    REJECT     all  --  0.0.0.0/0            0.0.0.0/0           reject-with icmp-host-prohibited \n' +
          '\n' +
          'Chain OUTPUT (policy ACCEPT)\n' +
          'num  target     prot opt source               destination         \n' +
          '\n',
      );
      expect(status.status).toBe(0);
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'save'])).toEqual({
        stdout: `iptables: Saving firewall rules to /etc/sysconfig/iptables: ${OK}`,
        stderr: '',
        status: 0,
      });
      expect(read(lab, 'rhel1', '/etc/sysconfig/iptables')).toBe(
        '# Generated by iptables-save v1.4.7 on Sat Apr 26 11:25:00 2014\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n' +
          '-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT \n-A INPUT -p icmp -j ACCEPT \n-A INPUT -i lo -j ACCEPT \n' +
          '-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT \n-A INPUT -j REJECT --reject-with icmp-host-prohibited \n' +
          '-A FORWARD -j REJECT --reject-with icmp-host-prohibited \nCOMMIT\n# Completed on Sat Apr 26 11:25:00 2014\n',
      );
      expect(read(lab, 'rhel1', '/etc/sysconfig/iptables.save')).toBe(RULES);
      expect(lab.host('rhel1').vfs.stat('/etc/sysconfig/iptables', ROOT).mode).toBe(0o600);
    });

    it('fits the save line to the column the way the transcript shows', async () => {
      await run(lab, 'rhel1', ['service', 'iptables', 'start']);
      const r = await run(lab, 'rhel1', ['service', 'iptables', 'save'], { tty: true });
      expect(r.stdout).toBe(`iptables: Saving firewall rules to /etc/sysconfig/iptables: ${COLOR_OK}`);
    });

    it('restarts with flush, policy and unload steps', async () => {
      await run(lab, 'rhel1', ['service', 'iptables', 'start']);
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'restart'])).toEqual({
        stdout:
          `iptables: Flushing firewall rules: ${OK}` +
          `iptables: Setting chains to policy ACCEPT: filter ${OK}` +
          `iptables: Unloading modules: ${OK}` +
          `iptables: Applying firewall rules: ${OK}`,
        stderr: '',
        status: 0,
      });
    });

    it('fails on a broken rules file', async () => {
      writeFile(lab.host('rhel1').vfs, '/etc/sysconfig/iptables', '*filter\n-A NOCHAIN -j ACCEPT\nCOMMIT\n', 0o600);
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'start'])).toEqual({
        stdout: `iptables: Applying firewall rules: ${FAILED}`,
        stderr: 'iptables-restore: line 2 failed\n',
        status: 1,
      });
    });

    it('prints its own usage', async () => {
      expect(await run(lab, 'rhel1', ['service', 'iptables', 'frob'])).toEqual({
        stdout: 'Usage: iptables {start|stop|restart|condrestart|status|panic|save}\n',
        stderr: '',
        status: 2,
      });
    });
  });

  it('runs every status with --status-all', async () => {
    await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    const pid = Number(read(lab, 'rhel1', '/var/spool/postfix/pid/master.pid').trim());
    const r = await run(lab, 'rhel1', ['service', '--status-all']);
    expect(r.stdout).toBe(`dovecot is stopped\niptables: Firewall is not running.\nnamed is stopped\nmaster (pid  ${pid}) is running...\n`);
    expect(r.stderr).toBe('rndc: connect failed: 127.0.0.1#953: connection refused\n');
    expect(r.status).toBe(0);
  });

  it('does --full-restart as stop then start', async () => {
    expect(await run(lab, 'rhel1', ['service', 'dovecot', '--full-restart'])).toEqual({
      stdout: `Stopping Dovecot Imap: ${FAILED}Starting Dovecot Imap: ${OK}`,
      stderr: '',
      status: 0,
    });
  });
});

describe('service (RHEL 5)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await cleanLab();
    installService(lab.host('rhel2'), 'sendmail', '2345');
    installService(lab.host('rhel2'), 'iptables', '2345');
  });

  it('starts sendmail and sm-client', async () => {
    expect(await run(lab, 'rhel2', ['service', 'sendmail', 'start'])).toEqual({
      stdout: `Starting sendmail: ${OK}Starting sm-client: ${OK}`,
      stderr: '',
      status: 0,
    });
    const pid = Number(read(lab, 'rhel2', '/var/run/sendmail.pid').split('\n')[0]);
    expect(read(lab, 'rhel2', '/var/run/sendmail.pid')).toBe(`${pid}\n/usr/sbin/sendmail -bd -q1h\n`);
    expect(await run(lab, 'rhel2', ['service', 'sendmail', 'status'])).toEqual({ stdout: `sendmail (pid  ${pid}) is running...\n`, stderr: '', status: 0 });
    const ps = await run(lab, 'rhel2', ['ps', '-o', 'user,args', '-C', 'sendmail']);
    expect(ps.stdout).toBe('USER     COMMAND\nroot     sendmail: accepting connections\nsmmsp    sendmail: Queue runner@01:00:00 for /var/spool/clientmqueue\n');
    expect(read(lab, 'rhel2', '/var/log/maillog')).toContain(`rhel2 sendmail[${pid}]: starting daemon (8.13.8): SMTP+queueing@01:00:00\n`);
  });

  it('stops both daemons', async () => {
    await run(lab, 'rhel2', ['service', 'sendmail', 'start']);
    expect(await run(lab, 'rhel2', ['service', 'sendmail', 'stop'])).toEqual({
      stdout: `Shutting down sm-client: ${OK}Shutting down sendmail: ${OK}`,
      stderr: '',
      status: 0,
    });
    expect(await run(lab, 'rhel2', ['service', 'sendmail', 'status'])).toEqual({ stdout: 'sendmail is stopped\n', stderr: '', status: 3 });
  });

  it('has the RHEL 5 usage (exit 1)', async () => {
    expect(await run(lab, 'rhel2', ['service', 'sendmail', 'foo'])).toEqual({
      stdout: 'Usage: /etc/init.d/sendmail {start|stop|restart|condrestart|status}\n',
      stderr: '',
      status: 1,
    });
  });

  it('speaks RHEL 5 iptables', async () => {
    expect(await run(lab, 'rhel2', ['service', 'iptables', 'status'])).toEqual({ stdout: 'Firewall is stopped.\n', stderr: '', status: 1 });
    const r = await run(lab, 'rhel2', ['service', 'iptables', 'start']);
    expect(r.stdout.startsWith(`Applying iptables firewall rules: ${OK}`)).toBe(true);
    expect(r.status).toBe(0);
    expect((await run(lab, 'rhel2', ['service', 'iptables', 'save'])).stdout).toBe(`Saving firewall rules to /etc/sysconfig/iptables: ${OK}`);
  });
});
