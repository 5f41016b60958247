import { beforeEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { cleanLab, installService, run } from '../../services/helpers';

const USAGE = 'Usage: pgrep [-flvx] [-d DELIM] [-n|-o] [-P PPIDLIST] [-g PGRPLIST] [-s SIDLIST]\n\t[-u EUIDLIST] [-U UIDLIST] [-G GIDLIST] [-t TERMLIST] [PATTERN]\n';

describe('pgrep and pkill', () => {
  let lab: Lab;
  let master: number;
  beforeEach(async () => {
    lab = await cleanLab();
    installService(lab.host('rhel1'), 'postfix', '2345');
    await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    master = Number(lab.host('rhel1').vfs.readFile('/var/spool/postfix/pid/master.pid', ROOT).trim());
  });

  it('finds processes by name, user and full command line', async () => {
    expect(await run(lab, 'rhel1', ['pgrep', 'master'])).toEqual({ stdout: `${master}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pgrep', '-u', 'postfix'])).toEqual({ stdout: `${master + 5}\n${master + 6}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pgrep', '-l', '-P', String(master)])).toEqual({ stdout: `${master + 5} pickup\n${master + 6} qmgr\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pgrep', '-f', 'postfix/master'])).toEqual({ stdout: `${master}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pgrep', '-d', ',', '-x', 'pickup|qmgr'])).toEqual({ stdout: `${master + 5},${master + 6}\n`, stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['pgrep', 'nothing'])).toEqual({ stdout: '', stderr: '', status: 1 });
  });

  it('reports bad usage', async () => {
    expect(await run(lab, 'rhel1', ['pgrep'])).toEqual({ stdout: USAGE, stderr: 'pgrep: No matching criteria specified\n', status: 0 });
    expect(await run(lab, 'rhel1', ['pgrep', '-z', 'x'])).toEqual({ stdout: '', stderr: `pgrep: invalid option -- 'z'\n${USAGE}`, status: 2 });
    expect(await run(lab, 'rhel1', ['pgrep', '-u', 'nosuch'])).toEqual({ stdout: USAGE, stderr: 'pgrep: invalid user name: nosuch\n', status: 0 });
  });

  it('signals with pkill', async () => {
    expect(await run(lab, 'rhel1', ['pkill', '-HUP', 'master'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(lab.host('rhel1').procs.get(master)?.alive).toBe(true);
    expect(await run(lab, 'rhel1', ['pkill', 'master'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(lab.host('rhel1').procs.get(master)).toBeUndefined();
    expect(await run(lab, 'rhel1', ['pkill', 'mingetty'], { user: 'user1' })).toEqual({
      stdout: '',
      stderr: lab.host('rhel1').procs.list().filter((p) => p.comm === 'mingetty').map((p) => String(p.pid)).map((p) => `pkill: ${p} - Operation not permitted\n`).join(''),
      status: 0,
    });
  });
});
