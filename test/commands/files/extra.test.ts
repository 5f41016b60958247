import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { dir, installPrograms, put, run, vfsOf } from './helpers';

let lab: Lab;
beforeEach(async () => {
  lab = Lab.create();
  await lab.settle();
  dir(lab, '/tmp/t');
  for (const n of ['apple', 'banana', 'cherry', 'date', 'elderberry']) put(lab, `/tmp/t/${n}`, n);
});

describe('more ls formats', () => {
  it('-m, -x, -C with -w, --full-time, -s', async () => {
    expect((await run('ls', ['ls', '-m', '/tmp/t'], { lab })).stdout).toBe('apple, banana, cherry, date, elderberry\n');
    expect((await run('ls', ['ls', '-m', '-w', '20', '/tmp/t'], { lab })).stdout).toBe('apple, banana,\ncherry, date,\nelderberry\n');
    expect((await run('ls', ['ls', '-x', '-w', '30', '/tmp/t'], { lab })).stdout).toBe('apple  banana\t   cherry\ndate   elderberry\n');
    expect((await run('ls', ['ls', '-C', '-w', '30', '/tmp/t'], { lab })).stdout).toBe('apple\tcherry\telderberry\nbanana\tdate\n');
    expect((await run('ls', ['ls', '--full-time', '/tmp/t/apple'], { lab })).stdout).toBe(
      '-rw-r--r--. 1 root root 5 2014-04-26 11:25:00.000000000 -0600 /tmp/t/apple\n',
    );
    expect((await run('ls', ['ls', '-s', '/tmp/t'], { lab })).stdout).toBe('total 20\n4 apple\n4 banana\n4 cherry\n4 date\n4 elderberry\n');
  });
});

describe('more rmdir, find, du, df', () => {
  it('rmdir on RHEL 5 words its errors the old way', async () => {
    dir(lab, '/tmp/t2/x', 0o755, 0, 0, 'rhel2');
    const r = await run('rmdir', ['rmdir', '-v', '/tmp/t2'], { lab, host: 'rhel2' });
    expect(r).toMatchObject({ stdout: '', stderr: 'rmdir: removing directory, /tmp/t2\nrmdir: /tmp/t2: Directory not empty\n', status: 1 });
  });

  it('find -execdir runs in the file directory', async () => {
    installPrograms(lab, ['pwd', 'basename']);
    dir(lab, '/tmp/t/sub');
    put(lab, '/tmp/t/sub/x', '');
    const r = await run('find', ['find', '/tmp/t', '-name', 'x', '-execdir', 'basename', '{}', ';'], { lab });
    expect(r.stdout).toBe('x\n');
    const p = await run('find', ['find', '/tmp/t', '-name', 'x', '-execdir', 'pwd', ';'], { lab });
    expect(p.stdout).toBe('/tmp/t/sub\n');
  });

  it('du --max-depth and df -T / -i', async () => {
    dir(lab, '/tmp/t/a/b');
    const r = await run('du', ['du', '--max-depth=1', '/tmp/t'], { lab });
    expect(r.stdout).toBe('8\t/tmp/t/a\n32\t/tmp/t\n');
    const t = await run('df', ['df', '-T', '/boot'], { lab });
    expect(t.stdout).toBe(
      'Filesystem    Type   1K-blocks      Used Available Use% Mounted on\n/dev/sda1     ext4      495844     32431    437813   7% /boot\n',
    );
    const i = await run('df', ['df', '-i', '/dev/shm'], { lab });
    expect(i.stdout).toBe('Filesystem            Inodes   IUsed   IFree IUse% Mounted on\ntmpfs                 127567       1  127566    1% /dev/shm\n');
  });

  it('touch and stat agree on a hard-linked file', async () => {
    await run('ln', ['ln', '/tmp/t/apple', '/tmp/t/pear'], { lab });
    const s = await run('stat', ['stat', '-c', '%h %i', '/tmp/t/pear'], { lab });
    expect(s.stdout).toBe(`2 ${vfsOf(lab).stat('/tmp/t/apple', ROOT).ino}\n`);
  });
});
