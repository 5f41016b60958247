import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import type { Program } from '../../../src/engine/proc/program';
import { ROOT } from '../../../src/engine/fs/vfs';
import { installProgram, run, writeFiles } from './helpers';

async function lab(): Promise<Lab> {
  const l = Lab.create();
  await l.settle();
  return l;
}

describe('env', () => {
  it('prints the environment', async () => {
    const l = await lab();
    const r = await run('env', ['env', '-i', 'A=1', 'B=two words'], { lab: l });
    expect(r).toMatchObject({ stdout: 'A=1\nB=two words\n', stderr: '', status: 0 });
    const all = await run('env', ['env'], { lab: l, user: 'user1' });
    expect(all.stdout).toContain('\nUSER=user1\n');
    expect(all.stdout).toContain('\nHOME=/home/user1\n');
    const u = await run('env', ['env', '-u', 'HOME'], { lab: l });
    expect(u.stdout).not.toContain('HOME=');
  });

  it('runs a command in the changed environment', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    installProgram(h, '/usr/bin/printenv', 'printenv-test');
    const seen: Record<string, string>[] = [];
    const printenv: Program = async (ctx) => {
      seen.push(ctx.env);
      return 7;
    };
    const orig = l.programs.bind(l);
    l.programs = (id) => (id === 'printenv-test' ? printenv : orig(id));
    const r = await run('env', ['env', '-i', 'PATH=/usr/bin', 'X=y', 'printenv', 'X'], { lab: l });
    expect(r.status).toBe(7);
    expect(seen[0]).toEqual({ PATH: '/usr/bin', X: 'y' });
    expect(await run('env', ['env', 'nosuchcmd'], { lab: l })).toMatchObject({ stderr: 'env: nosuchcmd: No such file or directory\n', status: 127 });
    expect(await run('env', ['env', '-u'], { lab: l })).toMatchObject({
      stderr: "env: option requires an argument -- 'u'\nTry `env --help' for more information.\n",
      status: 125,
    });
  });
});

describe('which', () => {
  it('finds programs along PATH', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    installProgram(h, '/bin/ls', 'ls');
    installProgram(h, '/usr/sbin/postfix', 'postfix');
    expect(await run('which', ['which', 'ls'], { lab: l })).toMatchObject({ stdout: '/bin/ls\n', stderr: '', status: 0 });
    expect(await run('which', ['which', 'postfix', 'ls'], { lab: l })).toMatchObject({ stdout: '/usr/sbin/postfix\n/bin/ls\n', status: 0 });
    const miss = await run('which', ['which', 'foo'], { lab: l });
    expect(miss).toMatchObject({
      stdout: '',
      stderr: 'which: no foo in (/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin)\n',
      status: 1,
    });
    // user1's PATH has no /usr/sbin first, but still finds it
    expect((await run('which', ['which', 'postfix'], { lab: l, user: 'user1' })).stdout).toBe('/usr/sbin/postfix\n');
  });

  it('reads aliases as RHEL\'s alias feeds them', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    installProgram(h, '/bin/ls', 'ls');
    const aliases = "alias l.='ls -d .* --color=auto'\nalias ll='ls -l --color=auto'\nalias ls='ls --color=auto'\nalias zz='nosuchprog -x'\n";
    // --read-alias works on a pipe too; --tty-only only turns off the --show/--skip options after it
    const r = await run('which', ['/usr/bin/which', '--tty-only', '--read-alias', '--show-dot', '--show-tilde', 'ls', 'zz', 'zzz'], { lab: l, stdin: aliases });
    expect(r).toMatchObject({
      stdout: "alias ls='ls --color=auto'\n\t/bin/ls\nalias zz='nosuchprog -x'\n",
      stderr: '/usr/bin/which: no zzz in (/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin)\n',
      status: 1,
    });
    const r2 = await run('which', ['/usr/bin/which', '--read-alias', 'ls', 'll'], { lab: l, stdin: aliases });
    expect(r2).toMatchObject({ stdout: "alias ll='ls -l --color=auto'\n\t/bin/ls\nalias ls='ls --color=auto'\n\t/bin/ls\n", stderr: '', status: 0 });
  });

  it('with no arguments prints the usage', async () => {
    const l = await lab();
    const r = await run('which', ['which'], { lab: l });
    expect(r.status).toBe(255);
    expect(r.stderr.split('\n')[0]).toBe('Usage: which [options] [--] COMMAND [...]');
  });
});

describe('man', () => {
  it('formats a page like nroff', async () => {
    const l = await lab();
    const r = await run('man', ['man', 'useradd'], { lab: l });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('USERADD(8)                System Management Commands                USERADD(8)');
    expect(lines.slice(1, 6)).toEqual(['', '', '', 'NAME', '       useradd - create a new user or update default new user information']);
    expect(r.stdout).toContain('\nSYNOPSIS\n       useradd [options] LOGIN\n');
    expect(r.stdout).toContain('\n\n       -c, --comment COMMENT\n              the GECOS field, usually the full name\n\n');
    expect(lines[lines.length - 2]).toBe('System Management Commands        07/24/2009                        USERADD(8)');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').every((x) => x.length <= 78)).toBe(true);
  });

  it('short tags share the line with their text', async () => {
    const l = await lab();
    const r = await run('man', ['man', 'ls'], { lab: l });
    expect(r.stdout).toContain('\n\n       -l     use the long format:  type  and  permission  bits,  link  count,\n              owner, group, size, modification time and name\n\n');
    // filled text is justified to both margins
    expect(r.stdout).toContain('\n       Shows what the named FILEs are; for a directory, the entries it  holds.\n       Without  a  FILE the current directory is listed. Entries are sorted by\n       name unless an option asks for another order.\n');
  });

  it('picks section 1 before 5 and honours a section', async () => {
    const l = await lab();
    expect((await run('man', ['man', 'passwd'], { lab: l })).stdout.split('\n')[0]).toMatch(/^PASSWD\(1\)/);
    expect((await run('man', ['man', '5', 'passwd'], { lab: l })).stdout.split('\n')[0]).toMatch(/^PASSWD\(5\)/);
  });

  it('pages of packages that are not installed are missing', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    for (const p of ['/usr/sbin/dovecot', '/usr/share/man/man1/dovecot.1.gz']) if (h.vfs.exists(p, ROOT)) h.vfs.unlink(p, ROOT);
    expect(await run('man', ['man', 'dovecot'], { lab: l })).toMatchObject({ stdout: '', stderr: 'No manual entry for dovecot\n', status: 1 });
    installProgram(h, '/usr/sbin/dovecot', 'dovecot');
    expect((await run('man', ['man', 'dovecot'], { lab: l })).status).toBe(0);
    expect(await run('man', ['man', '5', 'nosuch'], { lab: l })).toMatchObject({ stderr: 'No entry for nosuch in section 5 of the manual\n', status: 1 });
    expect(await run('man', ['man', 'nosuch'], { lab: l })).toMatchObject({ stderr: 'No manual entry for nosuch\n', status: 1 });
    expect(await run('man', ['man'], { lab: l })).toMatchObject({ stderr: 'What manual page do you want?\n', status: 1 });
    expect(await run('man', ['man', '5'], { lab: l })).toMatchObject({ stderr: 'What manual page do you want from section 5?\n', status: 1 });
  });

  it('a page file without lab text gives a short page', async () => {
    const l = await lab();
    writeFiles(l.host('rhel1'), { '/usr/share/man/man1/zork.1.gz': 'x' });
    const r = await run('man', ['man', 'zork'], { lab: l });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('NAME\n       zork\n');
  });

  it('-f, -k and -w', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    expect((await run('man', ['man', '-f', 'su'], { lab: l })).stdout).toBe('su                   (1)  - run a shell with substitute user and group IDs\n');
    for (const p of ['/usr/sbin/postfix', '/usr/sbin/sendmail.sendmail', '/usr/share/man/man5/aliases.5.gz']) if (h.vfs.tryLookup(p, ROOT, false)) h.vfs.unlink(p, ROOT);
    expect(await run('man', ['man', '-w', 'aliases'], { lab: l })).toMatchObject({ stdout: '', stderr: 'No manual entry for aliases\n', status: 1 });
    writeFiles(h, { '/usr/sbin/postfix': { data: 'x', mode: 0o755 } });
    expect((await run('man', ['man', '-w', 'aliases'], { lab: l })).stdout).toBe('/usr/share/man/man5/aliases.5.gz\n');
    expect((await run('man', ['man', '-k', 'nothinglikethis'], { lab: l })).stdout).toBe('nothinglikethis: nothing appropriate\n');
  });

  it('shows the page through less on a terminal', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    installProgram(h, '/usr/bin/less', 'less-test');
    let got = '';
    const less: Program = async (ctx) => {
      got = await ctx.stdin.readAll();
      return 0;
    };
    const orig = l.programs.bind(l);
    l.programs = (id) => (id === 'less-test' ? less : orig(id));
    const r = await run('man', ['man', 'su'], { lab: l, keys: [] });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(got.startsWith('SU(1)')).toBe(true);
  });
});

describe('who, w, last', () => {
  it('who lists the console login', async () => {
    const l = await lab();
    expect(await run('who', ['who'], { lab: l })).toMatchObject({ stdout: 'root     tty1         2014-04-26 11:25\n', status: 0 });
    expect((await run('who', ['who', '-b'], { lab: l })).stdout).toBe('         system boot  2014-04-26 11:25\n');
    expect((await run('who', ['who', '-q'], { lab: l })).stdout).toBe('root\n# users=1\n');
    expect((await run('who', ['who', '-H'], { lab: l })).stdout).toBe('NAME     LINE         TIME             COMMENT\nroot     tty1         2014-04-26 11:25\n');
  });

  it('w shows uptime and what runs on tty1', async () => {
    const l = await lab();
    await l.advance(3 * 60_000);
    const r = await run('w', ['w'], { lab: l });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(' 11:28:00 up 3 min,  1 user,  load average: 0.00, 0.00, 0.00');
    expect(lines[1]).toBe('USER     TTY      FROM              LOGIN@   IDLE   JCPU   PCPU WHAT');
    expect(lines[2]!.startsWith('root     tty1     -                11:25    0.00s  0.00s  0.00s ')).toBe(true);
  });

  it('last lists the login and the boot', async () => {
    const l = await lab();
    await l.advance(5 * 60_000);
    expect(await run('last', ['last'], { lab: l })).toMatchObject({
      stdout:
        'root     tty1                          Sat Apr 26 11:25   still logged in   \n' +
        'reboot   system boot  2.6.32-131.0.15. Sat Apr 26 11:25 - 11:30  (00:05)    \n\n' +
        'wtmp begins Sat Apr 26 11:25:00 2014\n',
      status: 0,
    });
    expect((await run('last', ['last', 'user1'], { lab: l })).stdout).toBe('\nwtmp begins Sat Apr 26 11:25:00 2014\n');
  });
});

describe('small ones', () => {
  it('true, false, clear, nologin', async () => {
    const l = await lab();
    expect(await run('true', ['true', '--anything'], { lab: l })).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(await run('false', ['false'], { lab: l })).toMatchObject({ stdout: '', stderr: '', status: 1 });
    expect(await run('clear', ['clear'], { lab: l })).toMatchObject({ stdout: '\x1b[H\x1b[2J', stderr: '', status: 0 });
    expect(await run('clear', ['clear'], { lab: l, env: { TERM: '' } })).toMatchObject({ stdout: '', stderr: 'TERM environment variable not set.\n', status: 1 });
    expect(await run('nologin', ['nologin'], { lab: l })).toMatchObject({ stdout: 'This account is currently not available.\n', status: 1 });
  });
});

describe('printenv, users, logname, uptime, whatis, apropos, adduser', () => {
  it('work like their RHEL counterparts', async () => {
    const l = await lab();
    expect(await run('printenv', ['printenv', 'HOME', 'NOPE', 'USER'], { lab: l, user: 'user2' })).toMatchObject({ stdout: '/home/user2\nuser2\n', status: 1 });
    expect(await run('users', ['users'], { lab: l })).toMatchObject({ stdout: 'root\n', status: 0 });
    expect(await run('logname', ['logname'], { lab: l })).toMatchObject({ stdout: '', stderr: 'logname: no login name\n', status: 1 });
    expect((await run('uptime', ['uptime'], { lab: l })).stdout).toBe(' 11:25:00 up 0 min,  1 user,  load average: 0.00, 0.00, 0.00\n');
    expect((await run('whatis', ['whatis', 'su', 'zzq'], { lab: l })).stdout).toBe(
      'su                   (1)  - run a shell with substitute user and group IDs\nzzq: nothing appropriate\n',
    );
    expect((await run('apropos', ['apropos', 'substitute user'], { lab: l })).stdout).toBe('su                   (1)  - run a shell with substitute user and group IDs\n');
    expect(await run('apropos', ['apropos'], { lab: l })).toMatchObject({ stderr: 'apropos what?\n', status: 1 });
    expect(await run('adduser', ['adduser', 'user1'], { lab: l })).toMatchObject({ stderr: "adduser: user 'user1' already exists\n", status: 9 });
  });
});
