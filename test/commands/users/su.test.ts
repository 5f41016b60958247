import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { clearLogs, fakeShell, read, rhelAccounts, run, writeFiles, type ShellCall } from './helpers';

async function lab(calls: ShellCall[], status = 0): Promise<Lab> {
  const l = Lab.create();
  await l.settle();
  clearLogs(l);
  rhelAccounts(l.host('rhel1'));
  fakeShell(l, calls, status);
  return l;
}

describe('su', () => {
  it('su - user1 as root: a login shell in the home directory, no password', async () => {
    const calls: ShellCall[] = [];
    const l = await lab(calls);
    const r = await run('su', ['su', '-', 'user1'], { lab: l, cwd: '/tmp', env: { TERM: 'linux', FOO: 'bar' } });
    expect(r).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(calls).toHaveLength(1);
    const c = calls[0]!;
    expect(c.argv).toEqual(['-bash']);
    expect(c.comm).toBe('-bash');
    expect(c.cwd).toBe('/home/user1');
    expect([c.uid, c.gid, c.groups]).toEqual([500, 500, [500]]);
    expect(c.env.USER).toBe('user1');
    expect(c.env.LOGNAME).toBe('user1');
    expect(c.env.HOME).toBe('/home/user1');
    expect(c.env.SHELL).toBe('/bin/bash');
    expect(c.env.TERM).toBe('linux');
    expect(c.env.MAIL).toBe('/var/spool/mail/user1');
    expect(c.env.PATH).toBe('/usr/local/bin:/bin:/usr/bin:/usr/local/sbin:/usr/sbin:/sbin');
    expect(c.env.FOO).toBeUndefined();
  });

  it('logs the session to /var/log/secure', async () => {
    const l = await lab([]);
    await run('su', ['su', '-', 'user1'], { lab: l });
    expect(read(l.host('rhel1'), '/var/log/secure')).toBe(
      'Apr 26 11:25:00 rhel1 su: pam_unix(su-l:session): session opened for user user1 by (uid=0)\n' +
        'Apr 26 11:25:00 rhel1 su: pam_unix(su-l:session): session closed for user user1\n',
    );
  });

  it('plain su keeps the environment and directory but sets HOME, SHELL, USER, LOGNAME', async () => {
    const calls: ShellCall[] = [];
    const l = await lab(calls);
    await run('su', ['su', 'user1'], { lab: l, cwd: '/tmp', env: { FOO: 'bar' } });
    const c = calls[0]!;
    expect(c.argv).toEqual(['bash']);
    expect(c.cwd).toBe('/tmp');
    expect(c.env).toMatchObject({ FOO: 'bar', HOME: '/home/user1', SHELL: '/bin/bash', USER: 'user1', LOGNAME: 'user1', MAIL: '/var/spool/mail/root' });
    expect(c.env.PATH).toContain('/sbin');
  });

  it('plain su to root leaves USER and LOGNAME alone', async () => {
    const calls: ShellCall[] = [];
    const l = await lab(calls);
    await run('su', ['su'], { lab: l, user: 'user1', stdin: 'password\n' });
    const c = calls[0]!;
    expect(c.uid).toBe(0);
    expect(c.env).toMatchObject({ HOME: '/root', USER: 'user1', LOGNAME: 'user1' });
  });

  it('-c runs a command, -l is -', async () => {
    const calls: ShellCall[] = [];
    const l = await lab(calls);
    const r = await run('su', ['su', '-l', 'user2', '-c', 'id'], { lab: l });
    expect(r).toMatchObject({ stdout: 'ran: id\n', stderr: '', status: 0 });
    expect(calls[0]!.argv).toEqual(['-bash', '-c', 'id']);
    const r2 = await run('su', ['su', '-c', 'echo hi', 'user2'], { lab: l });
    expect(r2.stdout).toBe('ran: echo hi\n');
    expect(calls[1]!.argv).toEqual(['bash', '-c', 'echo hi']);
  });

  it('returns the status of the shell', async () => {
    const l = await lab([], 3);
    expect((await run('su', ['su', '-', 'user1'], { lab: l })).status).toBe(3);
  });

  it('asks other users for the password with echo off', async () => {
    const calls: ShellCall[] = [];
    const l = await lab(calls);
    const r = await run('su', ['su', '-'], { lab: l, user: 'user1', keys: ['password\n'] });
    expect(r).toMatchObject({ stdout: '', stderr: 'Password: \n', status: 0 });
    // the typed password is not echoed (the screen trims trailing blanks)
    expect(r.screen).toBe('Password:');
    expect(calls[0]).toMatchObject({ uid: 0, cwd: '/root', argv: ['-bash'] });
    expect(read(l.host('rhel1'), '/var/log/secure')).toContain('su: pam_unix(su-l:session): session opened for user root by (uid=500)\n');
  });

  it('a wrong password: two seconds, then su: incorrect password', async () => {
    const calls: ShellCall[] = [];
    const l = await lab(calls);
    const r = await run('su', ['su', '-', 'user2'], { lab: l, user: 'user1', keys: ['nope\n'] });
    expect(r).toMatchObject({ stdout: '', stderr: 'Password: \nsu: incorrect password\n', status: 1 });
    expect(r.screen).toBe('Password:\nsu: incorrect password');
    expect(r.elapsed).toBe(2000);
    expect(calls).toHaveLength(0);
    expect(read(l.host('rhel1'), '/var/log/secure')).toBe(
      'Apr 26 11:25:00 rhel1 su: pam_unix(su-l:auth): authentication failure; logname= uid=500 euid=0 tty=pts/0 ruser=user1 rhost=  user=user2\n',
    );
  });

  it('reads the password from a pipe without a newline after the prompt', async () => {
    const l = await lab([]);
    const r = await run('su', ['su', 'user2', '-c', 'true'], { lab: l, user: 'user1', stdin: 'wrong\n' });
    expect(r).toMatchObject({ stdout: '', stderr: 'Password: su: incorrect password\n', status: 1 });
    const ok = await run('su', ['su', 'user2', '-c', 'true'], { lab: l, user: 'user1', stdin: 'password\n' });
    expect(ok).toMatchObject({ stdout: 'ran: true\n', stderr: 'Password: ', status: 0 });
  });

  it('end of input at the prompt is an incorrect password', async () => {
    const l = await lab([]);
    expect(await run('su', ['su'], { lab: l, user: 'user1' })).toMatchObject({ stderr: 'Password: su: incorrect password\n', status: 1 });
  });

  it('unknown users and bad options', async () => {
    const l = await lab([]);
    expect(await run('su', ['su', '-', 'nobody'], { lab: l })).toMatchObject({ stdout: '', stderr: 'su: user nobody does not exist\n', status: 1 });
    expect(await run('su', ['su', '-x'], { lab: l })).toMatchObject({ stderr: "su: invalid option -- 'x'\nTry `su --help' for more information.\n", status: 1 });
    expect(await run('su', ['su', '-c'], { lab: l })).toMatchObject({ stderr: "su: option requires an argument -- 'c'\nTry `su --help' for more information.\n", status: 1 });
  });

  it('warns when the home directory is missing and stays where it was', async () => {
    const calls: ShellCall[] = [];
    const l = await lab(calls);
    writeFiles(l.host('rhel1'), { '/etc/passwd': read(l.host('rhel1'), '/etc/passwd') + 'user3:x:502:502::/home/user3:/bin/bash\n' });
    const r = await run('su', ['su', '-', 'user3'], { lab: l, cwd: '/tmp' });
    expect(r).toMatchObject({ stderr: 'su: warning: cannot change directory to /home/user3: No such file or directory\n', status: 0 });
    expect(calls[0]!.cwd).toBe('/tmp');
  });

  it('runs the account shell: a missing one is an error, nologin refuses', async () => {
    const l = Lab.create();
    await l.settle();
    const h = l.host('rhel1');
    rhelAccounts(h);
    writeFiles(h, { '/etc/passwd': read(h, '/etc/passwd') + 'zed:x:503:503::/tmp:/bin/zsh\n' });
    expect(await run('su', ['su', 'zed'], { lab: l })).toMatchObject({ stderr: 'su: /bin/zsh: No such file or directory\n', status: 127 });
    writeFiles(h, { '/sbin/nologin': { data: '\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00mail-lab-program:nologin\x00', mode: 0o755 } });
    expect(await run('su', ['su', '-', 'postfix'], { lab: l })).toMatchObject({ stdout: 'This account is currently not available.\n', stderr: '', status: 1 });
  });
});
