import { beforeEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { cleanLab, installService, run } from '../../services/helpers';

const SIGNALS =
  'HUP INT QUIT ILL ABRT FPE KILL SEGV PIPE ALRM TERM USR1 USR2 CHLD CONT\n' +
  'STOP TSTP TTIN TTOU TRAP IOT BUS SYS STKFLT URG IO POLL CLD XCPU XFSZ\n' +
  'VTALRM PROF PWR WINCH UNUSED\n';
const USAGE = 'usage: kill [ -s signal | -p ] [ -a ] pid ...\n       kill -l [ signal ]\n';

describe('kill and pidof', () => {
  let lab: Lab;
  let master: number;
  beforeEach(async () => {
    lab = await cleanLab();
    installService(lab.host('rhel1'), 'postfix', '2345');
    await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    master = Number(lab.host('rhel1').vfs.readFile('/var/spool/postfix/pid/master.pid', ROOT).trim());
  });

  it('lists and names signals', async () => {
    expect(await run(lab, 'rhel1', ['kill', '-l'])).toEqual({ stdout: SIGNALS, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['kill', '-l', '9'])).toEqual({ stdout: 'KILL\n', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['kill', '-l', '143'])).toEqual({ stdout: 'TERM\n', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['kill', '-l', 'FOO'])).toEqual({ stdout: '', stderr: 'kill: unknown signal FOO\n', status: 1 });
    expect(await run(lab, 'rhel1', ['kill', '-l', '1', '2'])).toEqual({ stdout: '', stderr: USAGE, status: 1 });
  });

  it('terminates a daemon, which logs it', async () => {
    expect(await run(lab, 'rhel1', ['kill', String(master)])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(lab.host('rhel1').procs.get(master)).toBeUndefined();
    expect(lab.host('rhel1').vfs.readFile('/var/log/maillog', ROOT)).toContain(`postfix/master[${master}]: terminating on signal 15\n`);
    // the pid file stays behind, as after a real kill
    expect(await run(lab, 'rhel1', ['service', 'postfix', 'status'])).toEqual({ stdout: 'master dead but pid file exists\n', stderr: '', status: 1 });
  });

  it('sends HUP by name and by number without killing', async () => {
    expect(await run(lab, 'rhel1', ['kill', '-HUP', 'master'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['kill', '-s', 'SIGHUP', String(master)])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(lab.host('rhel1').procs.get(master)?.alive).toBe(true);
    const reloads = lab.host('rhel1').vfs.readFile('/var/log/maillog', ROOT).split('reload -- version').length - 1;
    expect(reloads).toBe(2);
  });

  it('reports failures one by one and counts them in the status', async () => {
    expect(await run(lab, 'rhel1', ['kill', '31999', 'nosuch', String(master)])).toEqual({
      stdout: '',
      stderr: 'kill 31999: No such process\nkill: can\'t find process "nosuch"\n',
      status: 2,
    });
    expect(await run(lab, 'rhel1', ['kill', '1'], { user: 'user1' })).toEqual({
      stdout: '',
      stderr: 'kill 1: Operation not permitted\n',
      status: 1,
    });
  });

  it('leaves init and kernel threads alone', async () => {
    expect(await run(lab, 'rhel1', ['kill', '-9', '1', '2'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(lab.host('rhel1').procs.get(1)?.alive).toBe(true);
    expect(lab.host('rhel1').procs.get(2)?.alive).toBe(true);
  });

  it('rejects bad signals and words', async () => {
    expect(await run(lab, 'rhel1', ['kill'])).toEqual({ stdout: '', stderr: USAGE, status: 1 });
    expect(await run(lab, 'rhel1', ['kill', '-FOO', '1'])).toEqual({ stdout: '', stderr: USAGE, status: 1 });
    expect(await run(lab, 'rhel1', ['kill', '-s', 'FOO', '1'])).toEqual({ stdout: '', stderr: `kill: unknown signal FOO; valid signals:\n${SIGNALS}`, status: 1 });
    expect(await run(lab, 'rhel1', ['kill', '-V'])).toEqual({ stdout: 'kill from util-linux-ng 2.17.2\n', stderr: '', status: 0 });
  });

  it('prints pids with -p', async () => {
    expect(await run(lab, 'rhel1', ['kill', '-p', '-a', 'pickup'])).toEqual({ stdout: `${master + 5}\n`, stderr: '', status: 0 });
  });

  it('finds pids with pidof', async () => {
    const gettys = lab.host('rhel1').procs.list().filter((p) => p.comm === 'mingetty').map((p) => p.pid).sort((a, b) => b - a);
    expect(gettys).toHaveLength(5);
    expect(await run(lab, 'rhel1', ['pidof', 'master'])).toEqual({ stdout: `${master}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pidof', '/usr/libexec/postfix/master'])).toEqual({ stdout: `${master}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pidof', 'qmgr', 'pickup'])).toEqual({ stdout: `${master + 6} ${master + 5}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pidof', 'mingetty'])).toEqual({ stdout: `${gettys.join(' ')}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pidof', '-s', 'mingetty'])).toEqual({ stdout: `${gettys[0]}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pidof', '-o', `${gettys[0]},${gettys[1]}`, 'mingetty'])).toEqual({ stdout: `${gettys.slice(2).join(' ')}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pidof', 'nothing'])).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(await run(lab, 'rhel1', ['pidof', '-z', 'master'])).toEqual({ stdout: '', stderr: "pidof: invalid option -- 'z'\n", status: 1 });
  });
});
