import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { dir, put, run, runTty, vfsOf } from './helpers';

const DAY = 86_400_000;

describe('ls', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = Lab.create();
    await lab.settle();
    dir(lab, '/tmp/t');
    put(lab, '/tmp/t/alpha', 'hello\n');
    put(lab, '/tmp/t/Beta', 'x'.repeat(5000), 0o755);
    put(lab, '/tmp/t/.hidden', '');
    dir(lab, '/tmp/t/dir');
    put(lab, '/tmp/t/dir/inner', 'abc', 0o600, 500, 500);
    vfsOf(lab).symlink('alpha', '/tmp/t/link', ROOT);
  });

  it('lists one name per line when not on a terminal, sorted as en_US does', async () => {
    const r = await run('ls', ['ls', '/tmp/t'], { lab });
    expect(r).toMatchObject({ stdout: 'alpha\nBeta\ndir\nlink\n', stderr: '', status: 0 });
  });

  it('-l shows widths per listing, the SELinux dot and the total', async () => {
    const r = await run('ls', ['ls', '-l', '/tmp/t'], { lab });
    expect(r.stdout).toBe(
      'total 16\n' +
        '-rw-r--r--. 1 root root    6 Apr 26 11:25 alpha\n' +
        '-rwxr-xr-x. 1 root root 5000 Apr 26 11:25 Beta\n' +
        'drwxr-xr-x. 2 root root 4096 Apr 26 11:25 dir\n' +
        'lrwxrwxrwx. 1 root root    5 Apr 26 11:25 link -> alpha\n',
    );
    expect(r.status).toBe(0);
  });

  it('-la adds . and .. and dot files, sorted ignoring the dot', async () => {
    const r = await run('ls', ['ls', '-a', '/tmp/t'], { lab });
    expect(r.stdout).toBe('.\n..\nalpha\nBeta\ndir\n.hidden\nlink\n');
    const a = await run('ls', ['ls', '-A', '/tmp/t'], { lab });
    expect(a.stdout).toBe('alpha\nBeta\ndir\n.hidden\nlink\n');
  });

  it('shows a single file as in the mailbox transcript', async () => {
    dir(lab, '/var/spool/mail', 0o775, 0, 12);
    put(lab, '/var/spool/mail/user1', '', 0o660, 500, 12);
    const r = await run('ls', ['ls', '-l', '/var/spool/mail/user1'], { lab });
    expect(r.stdout).toBe('-rw-rw----. 1 user1 mail 0 Apr 26 11:25 /var/spool/mail/user1\n');
  });

  it('pads owner and group to the widest name, numbers with -n', async () => {
    const r = await run('ls', ['ls', '-l', '/tmp/t/dir/inner', '/tmp/t/alpha'], { lab });
    expect(r.stdout).toBe(
      '-rw-r--r--. 1 root  root  6 Apr 26 11:25 /tmp/t/alpha\n' + '-rw-------. 1 user1 user1 3 Apr 26 11:25 /tmp/t/dir/inner\n',
    );
    const n = await run('ls', ['ls', '-n', '/tmp/t/dir'], { lab });
    expect(n.stdout).toBe('total 4\n-rw-------. 1 500 500 3 Apr 26 11:25 inner\n');
  });

  it('shows the year for files older than six months', async () => {
    const old = Date.UTC(2013, 0, 5, 12, 0, 0);
    vfsOf(lab).utimes('/tmp/t/alpha', ROOT, old, old);
    const r = await run('ls', ['ls', '-l', '/tmp/t/alpha'], { lab });
    expect(r.stdout).toBe('-rw-r--r--. 1 root root 6 Jan  5  2013 /tmp/t/alpha\n');
  });

  it('-h, -i, -d, -F, -1 and -r', async () => {
    const h = await run('ls', ['ls', '-lh', '/tmp/t/Beta', '/tmp/t/dir'], { lab });
    expect(h.stdout).toBe('-rwxr-xr-x. 1 root root 4.9K Apr 26 11:25 /tmp/t/Beta\n\n/tmp/t/dir:\ntotal 4.0K\n-rw-------. 1 user1 user1 3 Apr 26 11:25 inner\n');
    const d = await run('ls', ['ls', '-ld', '/tmp/t/dir'], { lab });
    expect(d.stdout).toBe('drwxr-xr-x. 2 root root 4096 Apr 26 11:25 /tmp/t/dir\n');
    const f = await run('ls', ['ls', '-F', '/tmp/t'], { lab });
    expect(f.stdout).toBe('alpha\nBeta*\ndir/\nlink@\n');
    const r = await run('ls', ['ls', '-1r', '/tmp/t'], { lab });
    expect(r.stdout).toBe('link\ndir\nBeta\nalpha\n');
    const ino = vfsOf(lab).lstat('/tmp/t/alpha', ROOT).ino;
    const i = await run('ls', ['ls', '-i', '/tmp/t/alpha'], { lab });
    expect(i.stdout).toBe(`${ino} /tmp/t/alpha\n`);
  });

  it('-t sorts newest first and -S largest first', async () => {
    const v = vfsOf(lab);
    v.utimes('/tmp/t/alpha', ROOT, Date.UTC(2014, 3, 20), Date.UTC(2014, 3, 20));
    v.utimes('/tmp/t/Beta', ROOT, Date.UTC(2014, 3, 10), Date.UTC(2014, 3, 10));
    const t = await run('ls', ['ls', '-t', '/tmp/t'], { lab });
    expect(t.stdout).toBe('dir\nlink\nalpha\nBeta\n');
    const s = await run('ls', ['ls', '-S', '/tmp/t'], { lab });
    expect(s.stdout).toBe('Beta\ndir\nalpha\nlink\n');
    const tr = await run('ls', ['ls', '-tr', '/tmp/t'], { lab });
    expect(tr.stdout).toBe('Beta\nalpha\nlink\ndir\n');
  });

  it('-R lists subdirectories with headers', async () => {
    const r = await run('ls', ['ls', '-R', '/tmp/t'], { lab });
    expect(r.stdout).toBe('/tmp/t:\nalpha\nBeta\ndir\nlink\n\n/tmp/t/dir:\ninner\n');
  });

  it('lists files before directories, with headers, and reports missing ones (status 2)', async () => {
    const r = await run('ls', ['ls', '/tmp/t/dir', '/nope', '/tmp/t/alpha'], { lab });
    expect(r.stdout).toBe('/tmp/t/alpha\n\n/tmp/t/dir:\ninner\n');
    expect(r.stderr).toBe('ls: cannot access /nope: No such file or directory\n');
    expect(r.status).toBe(2);
  });

  it('cannot open a directory it may not read', async () => {
    dir(lab, '/tmp/t/secret', 0o700);
    const r = await run('ls', ['ls', '/tmp/t/secret'], { lab, user: 'user1' });
    expect(r).toMatchObject({ stdout: '', stderr: 'ls: cannot open directory /tmp/t/secret: Permission denied\n', status: 2 });
  });

  it('shows ? for entries it cannot stat in a readable but unsearchable directory', async () => {
    dir(lab, '/tmp/t/rd', 0o744);
    put(lab, '/tmp/t/rd/f', 'abc');
    const r = await run('ls', ['ls', '-l', '/tmp/t/rd'], { lab, user: 'user1' });
    expect(r.stdout).toBe('total 0\n-?????????? ? ? ? ?            ? f\n');
    expect(r.stderr).toBe('ls: cannot access /tmp/t/rd/f: Permission denied\n');
    expect(r.status).toBe(1);
    const plain = await run('ls', ['ls', '/tmp/t/rd'], { lab, user: 'user1' });
    expect(plain).toMatchObject({ stdout: 'f\n', stderr: '', status: 0 });
  });

  it('follows a symlink to a directory given on the command line unless -l', async () => {
    vfsOf(lab).symlink('/tmp/t/dir', '/tmp/dl', ROOT);
    const r = await run('ls', ['ls', '/tmp/dl'], { lab });
    expect(r.stdout).toBe('inner\n');
    const l = await run('ls', ['ls', '-l', '/tmp/dl'], { lab });
    expect(l.stdout).toBe('lrwxrwxrwx. 1 root root 10 Apr 26 11:25 /tmp/dl -> /tmp/t/dir\n');
    const slash = await run('ls', ['ls', '-l', '/tmp/dl/'], { lab });
    expect(slash.stdout).toBe('total 4\n-rw-------. 1 user1 user1 3 Apr 26 11:25 inner\n');
  });

  it('fills columns on a terminal the way coreutils does (tabs included)', async () => {
    dir(lab, '/tmp/c');
    for (const n of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']) {
      put(lab, `/tmp/c/${n}`, '');
    }
    const r = await runTty('ls', ['ls', '/tmp/c'], { lab, cols: 30 });
    expect(r.stdout).toBe('eight\tfour  seven  three\neleven\tnine  six    twelve\nfive\tone   ten    two\n');
    const wide = await runTty('ls', ['ls', '/tmp/t'], { lab, cols: 80 });
    expect(wide.stdout).toBe('alpha  Beta  dir  link\n');
  });

  it('rejects bad options with status 2', async () => {
    const r = await run('ls', ['ls', '-z'], { lab });
    expect(r).toMatchObject({ stdout: '', stderr: "ls: invalid option -- 'z'\nTry `ls --help' for more information.\n", status: 2 });
    const l = await run('ls', ['ls', '--bogus'], { lab });
    expect(l.stderr).toBe("ls: unrecognized option '--bogus'\nTry `ls --help' for more information.\n");
    const c = await run('ls', ['ls', '--color=sometimes'], { lab });
    expect(c.stderr).toBe(
      "ls: invalid argument `sometimes' for `--color'\nValid arguments are:\n  - `always', `yes', `force'\n  - `never', `no', `none'\n  - `auto', `tty', `if-tty'\nTry `ls --help' for more information.\n",
    );
    expect(c.status).toBe(2);
    const ok = await run('ls', ['ls', '--color=never', '/tmp/t'], { lab });
    expect(ok.stdout).toBe('alpha\nBeta\ndir\nlink\n');
  });

  it('uses RHEL 5 conventions on rhel2: no dot, ISO dates, old messages', async () => {
    dir(lab, '/tmp/t', 0o755, 0, 0, 'rhel2');
    put(lab, '/tmp/t/a', 'hello\n', 0o644, 0, 0, 'rhel2');
    const r = await run('ls', ['ls', '-l', '/tmp/t', '/nope'], { lab, host: 'rhel2' });
    expect(r.stdout).toBe('/tmp/t:\ntotal 4\n-rw-r--r-- 1 root root 6 2014-04-26 11:25 a\n');
    expect(r.stderr).toBe('ls: /nope: No such file or directory\n');
    expect(r.status).toBe(2);
    const z = await run('ls', ['ls', '-z'], { lab, host: 'rhel2' });
    expect(z.stderr).toBe("ls: invalid option -- z\nTry `ls --help' for more information.\n");
  });

  it('keeps time ordering stable across days', async () => {
    const v = vfsOf(lab);
    v.utimes('/tmp/t/alpha', ROOT, Date.UTC(2014, 3, 26, 17, 25) - 3 * DAY, Date.UTC(2014, 3, 26, 17, 25) - 3 * DAY);
    const r = await run('ls', ['ls', '-lt', '/tmp/t/alpha', '/tmp/t/Beta'], { lab });
    expect(r.stdout).toBe('-rwxr-xr-x. 1 root root 5000 Apr 26 11:25 /tmp/t/Beta\n-rw-r--r--. 1 root root    6 Apr 23 11:25 /tmp/t/alpha\n');
  });
});
