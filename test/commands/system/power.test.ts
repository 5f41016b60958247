import { describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { CollectOutput } from '../../../src/engine/io/streams';
import { getProgram } from '../../../src/engine/commands/registry';
import { SIGINT } from '../../../src/engine/proc/signals';
import { cleanLab, installService, run } from '../../services/helpers';

/** The console's output since `mark` (raw bytes as the terminal received them). */
function watchConsole(lab: Lab, host: 'rhel1' | 'rhel2'): () => string {
  let text = '';
  lab.onOutput(host, (d) => {
    text += d;
  });
  return () => text;
}

describe('reboot, halt, shutdown, init', () => {
  it('broadcasts on the console and reboots (RHEL 6)', async () => {
    const lab = await cleanLab();
    const h = lab.host('rhel1');
    installService(h, 'postfix', '2345');
    await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    const gen = h.generation;
    const seen = watchConsole(lab, 'rhel1');
    await run(lab, 'rhel1', ['reboot'], { tty: true });
    expect(seen().startsWith('\x07\r\nBroadcast message from root@rhel1.local.com\r\n\t(/dev/tty1) at 11:25 ...\r\n\r\n\rThe system is going down for reboot NOW!\r\n')).toBe(true);
    await lab.settle({ fastForward: true });
    expect(h.generation).toBe(gen + 1);
    const log = h.vfs.readFile('/var/log/messages', ROOT);
    expect(log).toMatch(/rhel1 shutdown\[\d+\]: shutting down for system reboot\n/);
    // postfix is chkconfig'd on: it runs again after the boot
    expect((await run(lab, 'rhel1', ['service', 'postfix', 'status'])).stdout).toMatch(/^master \(pid {2}\d+\) is running\.\.\.\n$/);
  });

  it('says halt for halt and shutdown -h', async () => {
    const lab = await cleanLab();
    const seen = watchConsole(lab, 'rhel1');
    await run(lab, 'rhel1', ['shutdown', '-h', 'now', 'bye'], { tty: true });
    expect(seen()).toContain('\rThe system is going down for halt NOW!\r\nbye \r\n');
    await lab.settle({ fastForward: true });
  });

  it('uses the sysvinit banner on RHEL 5', async () => {
    const lab = await cleanLab();
    const seen = watchConsole(lab, 'rhel2');
    await run(lab, 'rhel2', ['reboot'], { tty: true });
    expect(seen().startsWith('\x07\r\nBroadcast message from root (tty1) (Sat Apr 26 11:25:00 2014):\r\n\r\n\rThe system is going down for reboot NOW!\r\n')).toBe(true);
    await lab.settle({ fastForward: true });
  });

  it('refuses users and bad words', async () => {
    const lab = await cleanLab();
    expect(await run(lab, 'rhel1', ['reboot'], { user: 'user1' })).toEqual({ stdout: '', stderr: 'reboot: Need to be root\n', status: 1 });
    expect(await run(lab, 'rhel2', ['reboot'], { user: 'user1' })).toEqual({ stdout: '', stderr: 'reboot: must be superuser.\n', status: 1 });
    expect(await run(lab, 'rhel1', ['reboot', '-z'])).toEqual({ stdout: '', stderr: "reboot: invalid option: -z\nTry `reboot --help' for more information.\n", status: 1 });
    expect(await run(lab, 'rhel1', ['shutdown'])).toEqual({ stdout: '', stderr: "shutdown: time expected\nTry `shutdown --help' for more information.\n", status: 1 });
    expect(await run(lab, 'rhel1', ['shutdown', '-r', 'soon'])).toEqual({ stdout: '', stderr: "shutdown: illegal time value\nTry `shutdown --help' for more information.\n", status: 1 });
    expect(await run(lab, 'rhel1', ['shutdown', '-r', '24:00'])).toEqual({ stdout: '', stderr: "shutdown: illegal hour value\nTry `shutdown --help' for more information.\n", status: 1 });
    expect(await run(lab, 'rhel1', ['shutdown', '-r', 'now'], { user: 'user1' })).toEqual({ stdout: '', stderr: 'shutdown: Need to be root\n', status: 1 });
    expect(await run(lab, 'rhel1', ['shutdown', '-c'])).toEqual({ stdout: '', stderr: "shutdown: Cannot find pid of running shutdown\nTry `shutdown --help' for more information.\n", status: 1 });
    expect(await run(lab, 'rhel1', ['init', '9'])).toEqual({ stdout: '', stderr: "init: illegal runlevel: 9\nTry `init --help' for more information.\n", status: 1 });
    expect(await run(lab, 'rhel1', ['telinit'])).toEqual({ stdout: '', stderr: "telinit: missing runlevel\nTry `telinit --help' for more information.\n", status: 1 });
    expect(await run(lab, 'rhel1', ['telinit', '3'], { user: 'user1' })).toEqual({ stdout: '', stderr: 'telinit: Need to be root\n', status: 1 });
    expect(await run(lab, 'rhel1', ['runlevel'])).toEqual({ stdout: 'N 3\n', stderr: '', status: 0 });
  });

  it('counts down a delayed shutdown and can be cancelled with ^C', async () => {
    const lab = await cleanLab();
    const h = lab.host('rhel1');
    const seen = watchConsole(lab, 'rhel1');
    const err = new CollectOutput();
    const proc = h.exec({
      argv: ['shutdown', '-r', '+2'],
      program: getProgram('shutdown')!,
      stdin: h.stringSource(''),
      stdout: new CollectOutput(),
      stderr: err,
      env: { PATH: '/sbin:/bin' },
      cwd: '/',
      cred: ROOT,
      ppid: 1,
      tty: null,
    });
    await lab.settle();
    expect(seen()).toContain('\rThe system is going down for reboot in 2 minutes!\r\n');
    expect(h.vfs.readFile('/var/run/shutdown.pid', ROOT)).toBe(`${proc.pid}\n`);
    await lab.advance(60_000);
    expect(seen()).toContain('\rThe system is going down for reboot IN ONE MINUTE!\r\n');
    proc.signal(SIGINT);
    await lab.settle();
    expect(proc.alive).toBe(false);
    expect(proc.exitStatus).toBe(0);
    expect(err.text()).toBe('shutdown: Shutdown cancelled\n');
    expect(h.vfs.exists('/var/run/shutdown.pid', ROOT)).toBe(false);
    const gen = h.generation;
    await lab.advance(120_000);
    expect(h.generation).toBe(gen);
  });

  it('goes down when the delay has passed', async () => {
    const lab = await cleanLab();
    const h = lab.host('rhel1');
    const gen = h.generation;
    h.exec({
      argv: ['shutdown', '-r', '+1'],
      program: getProgram('shutdown')!,
      stdin: h.stringSource(''),
      stdout: new CollectOutput(),
      stderr: new CollectOutput(),
      env: {},
      cwd: '/',
      cred: ROOT,
      ppid: 1,
      tty: null,
    });
    await lab.advance(61_000);
    await lab.advance(10_000);
    expect(h.generation).toBe(gen + 1);
  });

  it('changes runlevel with telinit, running the rc links', async () => {
    const lab = await cleanLab();
    const h = lab.host('rhel1');
    installService(h, 'postfix', '35');
    installService(h, 'dovecot', '2');
    await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    expect(await run(lab, 'rhel1', ['telinit', '2'])).toEqual({ stdout: '', stderr: '', status: 0 });
    await lab.settle({ fastForward: true });
    expect(await run(lab, 'rhel1', ['runlevel'])).toEqual({ stdout: '3 2\n', stderr: '', status: 0 });
    expect(h.services.isRunning('postfix')).toBe(false);
    expect(h.services.isRunning('dovecot')).toBe(true);
  });
});
