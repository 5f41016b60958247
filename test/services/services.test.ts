import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, Vfs } from '../../src/engine/fs/vfs';
import { applyChkconfigLinks } from '../../src/engine/services/links';
import { registerService, unregisterService } from '../../src/engine/services/registry';
import type { ServiceDefinition } from '../../src/engine/services/types';
import { startDaemon } from '../../src/engine/services/daemon';
import { bootedLab, cleanLab, installService, run } from './helpers';

describe('applyChkconfigLinks', () => {
  function fresh(): Vfs {
    const vfs = new Vfs(() => 0);
    vfs.mkdir('/etc', ROOT, 0o755, 0);
    return vfs;
  }

  it('makes S links in the on levels and K links elsewhere, with the catalog priorities', () => {
    const vfs = fresh();
    applyChkconfigLinks(vfs, 'postfix', '2345');
    for (let i = 0; i <= 6; i++) {
      const entries = vfs.readdir(`/etc/rc.d/rc${i}.d`, ROOT);
      expect(entries).toEqual([i >= 2 && i <= 5 ? 'S80postfix' : 'K30postfix']);
      expect(vfs.readlink(`/etc/rc.d/rc${i}.d/${entries[0]}`, ROOT)).toBe('../init.d/postfix');
    }
  });

  it('replaces earlier links and accepts "-" for off everywhere', () => {
    const vfs = fresh();
    applyChkconfigLinks(vfs, 'named', '2345');
    applyChkconfigLinks(vfs, 'named', '-');
    for (let i = 0; i <= 6; i++) expect(vfs.readdir(`/etc/rc.d/rc${i}.d`, ROOT)).toEqual(['K87named']);
  });

  it('takes priorities for a service outside the catalog, and rejects bad levels', () => {
    const vfs = fresh();
    applyChkconfigLinks(vfs, 'myapp', '3', { start: 99, stop: 1 });
    expect(vfs.readdir('/etc/rc.d/rc3.d', ROOT)).toEqual(['S99myapp']);
    expect(vfs.readdir('/etc/rc.d/rc5.d', ROOT)).toEqual(['K01myapp']);
    expect(() => applyChkconfigLinks(vfs, 'myapp', '38')).toThrow();
  });
});

describe('boot and shutdown', () => {
  it('starts the services that are on, in S order, and keeps them across reboots', async () => {
    const lab = await bootedLab();
    const h = lab.host('rhel1');
    const comms = h.procs
      .list()
      .filter((p) => p.daemon && p.ppid === 1 && p.pid > 1000)
      .map((p) => p.comm);
    expect(comms.filter((c) => c !== 'mingetty')).toEqual(['rsyslogd', 'named', 'sshd', 'master', 'crond']);
    expect(h.services.isRunning('iptables')).toBe(true);
    expect(h.services.isRunning('network')).toBe(true);
    expect(h.services.isRunning('dovecot')).toBe(false);
    const r2 = lab.host('rhel2');
    expect(r2.services.isRunning('sendmail')).toBe(true);
    expect(r2.services.isRunning('syslog')).toBe(true);
    // runtime state does not survive: dovecot started by hand is gone after a reboot
    await run(lab, 'rhel1', ['service', 'dovecot', 'start']);
    expect(h.services.isRunning('dovecot')).toBe(true);
    h.reboot(1000);
    await lab.settle({ fastForward: true });
    expect(h.services.isRunning('dovecot')).toBe(false);
    expect(h.services.isRunning('postfix')).toBe(true);
    expect(h.vfs.exists('/var/lock/subsys/dovecot', ROOT)).toBe(false);
    // a service turned on with chkconfig starts at the next boot
    await run(lab, 'rhel1', ['chkconfig', 'dovecot', 'on']);
    await run(lab, 'rhel1', ['chkconfig', 'postfix', 'off']);
    h.reboot(1000);
    await lab.settle({ fastForward: true });
    expect(h.services.isRunning('dovecot')).toBe(true);
    expect(h.services.isRunning('postfix')).toBe(false);
  });

  it('logs the daemons going down in K order', async () => {
    const lab = await bootedLab();
    const h = lab.host('rhel1');
    const before = h.vfs.readFile('/var/log/messages', ROOT).length;
    h.reboot(1000);
    await lab.settle({ fastForward: true });
    const after = h.vfs.readFile('/var/log/messages', ROOT).slice(before);
    const named = after.indexOf('named[');
    const rsyslog = after.indexOf('exiting on signal 15.');
    expect(named).toBeGreaterThanOrEqual(0);
    expect(rsyslog).toBeGreaterThan(named);
    expect(after).toContain('kernel: Kernel logging (proc) stopped.\n');
    expect(h.vfs.readFile('/var/log/maillog', ROOT)).toMatch(/postfix\/master\[\d+\]: terminating on signal 15\n[^]*postfix\/master\[\d+\]: daemon started/);
  });

  it('clears stale pid and lock files at boot', async () => {
    const lab = await cleanLab();
    const h = lab.host('rhel1');
    h.vfs.writeFile('/var/lock/subsys/bogus', ROOT, '');
    h.vfs.writeFile('/var/run/bogus.pid', ROOT, '12345\n');
    h.reboot(1000);
    await lab.settle({ fastForward: true });
    expect(h.vfs.exists('/var/lock/subsys/bogus', ROOT)).toBe(false);
    expect(h.vfs.exists('/var/run/bogus.pid', ROOT)).toBe(false);
  });
});

describe('plugging in a definition', () => {
  afterEach(() => unregisterService('postfix'));

  const custom: ServiceDefinition = {
    name: 'postfix',
    running: () => false,
    halt: () => {},
    async script(sc, args) {
      if (args[0] !== 'start') {
        sc.usage('{start}');
        return 2;
      }
      sc.echoN('Starting the real thing: ');
      sc.success();
      sc.echo();
      return 0;
    },
  };

  it('replaces the stand-in lab-wide with registerService', async () => {
    registerService(custom);
    const lab = await cleanLab();
    installService(lab.host('rhel1'), 'postfix', '-');
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'start'])).toEqual({ stdout: 'Starting the real thing: [  OK  ]\r\n', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'stop'])).toEqual({ stdout: 'Usage: /etc/init.d/postfix {start}\n', stderr: '', status: 2 });
  });

  it('replaces it on one host with ServiceManager.register, daemon helpers included', async () => {
    const lab = await cleanLab();
    const h = lab.host('rhel1');
    installService(h, 'postfix', '-');
    h.services.register({
      ...custom,
      async script(sc) {
        const d = startDaemon(sc.host, { comm: 'master', args: ['/usr/libexec/postfix/master'], onExit: (p) => sc.host.syslog.log('mail', 'postfix/master', p.pid, 'bye') });
        sc.echo(`started ${d.pid}`);
        return 0;
      },
    });
    const r = await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    const pid = Number(r.stdout.split(' ')[1]);
    expect(h.procs.get(pid)?.comm).toBe('master');
    expect(await run(lab, 'rhel1', ['kill', String(pid)])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(h.vfs.readFile('/var/log/maillog', ROOT)).toContain(`postfix/master[${pid}]: bye\n`);
    expect(lab.host('rhel2').services.definition('postfix')).not.toBe(h.services.definition('postfix'));
  });
});
