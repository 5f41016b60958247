import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { collate, humanSize, parseDate } from '../../../src/engine/commands/files/common';
import { applyMode, compileMode } from '../../../src/engine/commands/files/modes';
import { dir, put, run, vfsOf } from './helpers';

let lab: Lab;
beforeEach(async () => {
  lab = Lab.create();
  await lab.settle();
  dir(lab, '/tmp/t');
  put(lab, '/tmp/t/a', 'x'.repeat(10000));
  dir(lab, '/tmp/t/d');
  put(lab, '/tmp/t/d/f', 'abc');
  vfsOf(lab).symlink('d/f', '/tmp/t/l', ROOT);
  vfsOf(lab).symlink('/tmp/t/d', '/tmp/t/dl', ROOT);
});

describe('pwd, basename, dirname, readlink', () => {
  it('pwd prints the physical directory; -L trusts a matching $PWD', async () => {
    expect((await run('pwd', ['pwd'], { lab, cwd: '/tmp/t/dl' })).stdout).toBe('/tmp/t/d\n');
    expect((await run('pwd', ['pwd', '-L'], { lab, cwd: '/tmp/t/d', env: { PWD: '/tmp/t/dl' } })).stdout).toBe('/tmp/t/dl\n');
    expect((await run('pwd', ['pwd', '-L'], { lab, cwd: '/tmp/t/d', env: { PWD: '/etc' } })).stdout).toBe('/tmp/t/d\n');
    const x = await run('pwd', ['pwd', '-x'], { lab });
    expect(x).toMatchObject({ stderr: "pwd: invalid option -- 'x'\nTry `pwd --help' for more information.\n", status: 1 });
  });

  it('basename and dirname', async () => {
    const b = (args: string[]) => run('basename', ['basename', ...args], { lab });
    expect((await b(['/usr/lib/libc.so'])).stdout).toBe('libc.so\n');
    expect((await b(['/usr/lib/libc.so', '.so'])).stdout).toBe('libc\n');
    expect((await b(['.so', '.so'])).stdout).toBe('.so\n');
    expect((await b(['/usr/'])).stdout).toBe('usr\n');
    expect((await b(['/'])).stdout).toBe('/\n');
    expect((await b([])).stderr).toBe("basename: missing operand\nTry `basename --help' for more information.\n");
    expect((await b(['a', 'b', 'c'])).stderr).toBe("basename: extra operand `c'\nTry `basename --help' for more information.\n");
    const d = (args: string[]) => run('dirname', ['dirname', ...args], { lab });
    expect((await d(['/usr/lib/'])).stdout).toBe('/usr\n');
    expect((await d(['file'])).stdout).toBe('.\n');
    expect((await d(['/file'])).stdout).toBe('/\n');
    expect((await d(['a', 'b'])).stderr).toBe("dirname: extra operand `b'\nTry `dirname --help' for more information.\n");
  });

  it('readlink', async () => {
    const r = (args: string[]) => run('readlink', ['readlink', ...args], { lab });
    expect((await r(['/tmp/t/l'])).stdout).toBe('d/f\n');
    expect(await r(['/tmp/t/a'])).toMatchObject({ stdout: '', stderr: '', status: 1 });
    expect((await r(['-f', '/tmp/t/l'])).stdout).toBe('/tmp/t/d/f\n');
    expect((await r(['-f', '/tmp/t/dl/../a'])).stdout).toBe('/tmp/t/a\n');
    expect((await r(['-f', '/tmp/t/dl/new'])).stdout).toBe('/tmp/t/d/new\n');
    expect((await r(['-e', '/tmp/t/dl/new'])).status).toBe(1);
    expect((await r(['-m', '/tmp/t/no/such'])).stdout).toBe('/tmp/t/no/such\n');
    expect((await r(['-v', '/tmp/t/a'])).stderr).toBe('readlink: /tmp/t/a: Invalid argument\n');
  });
});

describe('du and df', () => {
  it('du counts 1K blocks, directories after their contents', async () => {
    const r = await run('du', ['du', '/tmp/t'], { lab });
    expect(r).toMatchObject({ stdout: '8\t/tmp/t/d\n24\t/tmp/t\n', stderr: '', status: 0 });
    expect((await run('du', ['du', '-a', '/tmp/t'], { lab })).stdout).toBe(
      '12\t/tmp/t/a\n4\t/tmp/t/d/f\n8\t/tmp/t/d\n0\t/tmp/t/l\n0\t/tmp/t/dl\n24\t/tmp/t\n',
    );
    expect((await run('du', ['du', '-sh', '/tmp/t', '/tmp/t/a'], { lab })).stdout).toBe('24K\t/tmp/t\n12K\t/tmp/t/a\n');
    expect((await run('du', ['du', '-sc', '/tmp/t/d', '/tmp/t/a'], { lab })).stdout).toBe('8\t/tmp/t/d\n12\t/tmp/t/a\n20\ttotal\n');
    const miss = await run('du', ['du', '/tmp/nope'], { lab });
    expect(miss).toMatchObject({ stderr: "du: cannot access `/tmp/nope': No such file or directory\n", status: 1 });
    dir(lab, '/tmp/t/secret', 0o700);
    const sec = await run('du', ['du', '-s', '/tmp/t'], { lab, user: 'user1' });
    expect(sec).toMatchObject({ stdout: '28\t/tmp/t\n', stderr: "du: cannot read directory `/tmp/t/secret': Permission denied\n", status: 1 });
  });

  it('df shows the root volume, /dev/shm and /boot', async () => {
    const r = await run('df', ['df', '-h'], { lab });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Filesystem            Size  Used Avail Use% Mounted on');
    expect(lines[1]).toBe('/dev/mapper/VolGroup-lv_root');
    expect(lines[2]).toMatch(/^ {23}18G {2}2\.\dG {3}15G {2}1\d% \/$/);
    expect(lines[3]).toBe('tmpfs                 499M     0  499M   0% /dev/shm');
    expect(lines[4]).toBe('/dev/sda1             485M   32M  428M   7% /boot');
    const k = await run('df', ['df', '/boot'], { lab });
    expect(k.stdout).toBe(
      'Filesystem           1K-blocks      Used Available Use% Mounted on\n/dev/sda1               495844     32431    437813   7% /boot\n',
    );
    const miss = await run('df', ['df', '/nope'], { lab });
    expect(miss).toMatchObject({ stderr: "df: `/nope': No such file or directory\n", status: 1 });
    const before = (await run('df', ['df', '/'], { lab })).stdout.split('\n')[2]!.trim().split(/\s+/)[1]!;
    put(lab, '/tmp/big', 'x'.repeat(1024 * 1024));
    const after = (await run('df', ['df', '/'], { lab })).stdout.split('\n')[2]!.trim().split(/\s+/)[1]!;
    expect(Number(after) - Number(before)).toBe(1024);
  });

  it('RHEL 5 figures on rhel2', async () => {
    const r = await run('df', ['df', '-h'], { lab, host: 'rhel2' });
    expect(r.stdout.split('\n')[1]).toBe('/dev/mapper/VolGroup00-LogVol00');
  });
});

describe('helpers', () => {
  it('collates like en_US.UTF-8', () => {
    const names = ['rc.local', 'Rc', 'rc6.d', 'rc.d', 'ac', 'a-b', 'B', 'b', '.bashrc', 'bin', 'X11', 'x'];
    expect([...names].sort(collate)).toEqual(['a-b', 'ac', 'b', 'B', '.bashrc', 'bin', 'Rc', 'rc6.d', 'rc.d', 'rc.local', 'x', 'X11']);
  });

  it('human sizes round up as coreutils does', () => {
    expect(humanSize(0, 1, 0)).toBe('0');
    expect(humanSize(1023, 1, 0)).toBe('1023');
    expect(humanSize(1024, 1, 0)).toBe('1.0K');
    expect(humanSize(1025, 1, 0)).toBe('1.1K');
    expect(humanSize(10 * 1024, 1, 0)).toBe('10K');
    expect(humanSize(10 * 1024 + 1, 1, 0)).toBe('11K');
    expect(humanSize(1024 * 1024 - 1, 1, 0)).toBe('1.0M');
    expect(humanSize(9.99 * 1024, 1, 0)).toBe('10K');
    expect(humanSize(8, 512, 1024)).toBe('4');
  });

  it('modes follow gnulib modechange', () => {
    const m = (text: string, old: number, isDir = false) => applyMode(old, isDir, 0o022, compileMode(text)!).mode.toString(8);
    expect(m('755', 0o2700, true)).toBe('2755');
    expect(m('755', 0o4700)).toBe('755');
    expect(m('+x', 0o644)).toBe('755');
    expect(m('a=r,u+w', 0o777)).toBe('644');
    expect(m('o=u', 0o750)).toBe('757');
    expect(compileMode('u+z')).toBeNull();
    expect(compileMode('99')).toBeNull();
  });

  it('reads simple dates', () => {
    const now = Date.UTC(2014, 3, 26, 17, 25);
    expect(parseDate('2014-04-20', now)).toBe(Date.UTC(2014, 3, 20, 6, 0));
    expect(parseDate('yesterday', now)).toBe(now - 86_400_000);
    expect(parseDate('2 days ago', now)).toBe(now - 2 * 86_400_000);
    expect(parseDate('Jan 5 2014 10:00', now)).toBe(Date.UTC(2014, 0, 5, 17, 0));
    expect(parseDate('@0', now)).toBe(0);
    expect(parseDate('bogus', now)).toBeNull();
  });
});
