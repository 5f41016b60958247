import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { hashPassword } from '../../../src/engine/users/accounts';
import { clearLogs, read, rhelAccounts, run, writeFiles } from './helpers';

async function lab(): Promise<Lab> {
  const l = Lab.create();
  await l.settle();
  clearLogs(l);
  rhelAccounts(l.host('rhel1'));
  rhelAccounts(l.host('rhel2'));
  return l;
}

const lastLine = (text: string): string => text.trimEnd().split('\n').pop()!;

describe('useradd', () => {
  it('adds user3 the RHEL way: uid 502, private group, home from skel, mail spool', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    const r = await run('useradd', ['useradd', 'user3'], { lab: l });
    expect(r).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(lastLine(read(h, '/etc/passwd'))).toBe('user3:x:502:502::/home/user3:/bin/bash');
    expect(lastLine(read(h, '/etc/group'))).toBe('user3:x:502:');
    expect(lastLine(read(h, '/etc/shadow'))).toBe('user3:!!:16186:0:99999:7:::');
    expect(lastLine(read(h, '/etc/gshadow'))).toBe('user3:!::');
    const home = h.vfs.stat('/home/user3', ROOT);
    expect([home.type, home.mode, home.uid, home.gid]).toEqual(['dir', 0o700, 502, 502]);
    expect(h.vfs.readdir('/home/user3', ROOT).sort()).toEqual(['.bash_logout', '.bash_profile', '.bashrc']);
    const rc = h.vfs.stat('/home/user3/.bashrc', ROOT);
    expect([rc.uid, rc.gid, rc.mode]).toEqual([502, 502, 0o644]);
    const spool = h.vfs.stat('/var/spool/mail/user3', ROOT);
    expect([spool.mode, spool.uid, spool.gid, spool.size]).toEqual([0o660, 502, 12, 0]);
    expect(read(h, '/var/log/secure')).toBe(
      `Apr 26 11:25:00 rhel1 useradd[${r.host.procs.getNextPid() - 1}]: new group: name=user3, GID=502\n` +
        `Apr 26 11:25:00 rhel1 useradd[${r.host.procs.getNextPid() - 1}]: new user: name=user3, UID=502, GID=502, home=/home/user3, shell=/bin/bash\n`,
    );
    // the previous files are kept as FILE-
    expect(read(h, '/etc/passwd-')).not.toContain('user3');
    // the new account can be looked up at once
    expect(h.users.getpwnam('user3')?.uid).toBe(502);
  });

  it('takes -u -g -G -c -d -s -M', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    const r = await run('useradd', ['useradd', '-u', '700', '-g', 'users', '-G', 'mail,wheel', '-c', 'Mail Only', '-d', '/srv/mo', '-s', '/sbin/nologin', '-M', 'mo'], { lab: l });
    expect(r).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(lastLine(read(h, '/etc/passwd'))).toBe('mo:x:700:100:Mail Only:/srv/mo:/sbin/nologin');
    expect(read(h, '/etc/group')).toContain('mail:x:12:mail,postfix,mo\n');
    expect(read(h, '/etc/group')).toContain('wheel:x:10:root,mo\n');
    expect(read(h, '/etc/group')).not.toContain('mo:x:');
    expect(h.vfs.exists('/srv/mo', ROOT)).toBe(false);
    expect(h.vfs.exists('/var/spool/mail/mo', ROOT)).toBe(true);
  });

  it('-r makes a system account below 500 with no home or spool', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    expect((await run('useradd', ['useradd', '-r', 'svc'], { lab: l })).status).toBe(0);
    expect(lastLine(read(h, '/etc/passwd'))).toBe('svc:x:499:499::/home/svc:/bin/bash');
    expect(lastLine(read(h, '/etc/shadow'))).toBe('svc:!!:16186::::::');
    expect(h.vfs.exists('/home/svc', ROOT)).toBe(false);
    expect(h.vfs.exists('/var/spool/mail/svc', ROOT)).toBe(false);
  });

  it('refuses an existing user with status 9', async () => {
    const l = await lab();
    expect(await run('useradd', ['useradd', 'user1'], { lab: l })).toMatchObject({ stdout: '', stderr: "useradd: user 'user1' already exists\n", status: 9 });
    expect(await run('useradd', ['useradd', 'user1'], { lab: l, host: 'rhel2' })).toMatchObject({ stderr: 'useradd: user user1 exists\n', status: 9 });
  });

  it('refuses an existing group of the same name', async () => {
    const l = await lab();
    expect(await run('useradd', ['useradd', 'wheel'], { lab: l })).toMatchObject({
      stderr: 'useradd: group wheel exists - if you want to add this user to that group, use -g.\n',
      status: 9,
    });
  });

  it('reports bad arguments', async () => {
    const l = await lab();
    expect(await run('useradd', ['useradd', '-g', 'nogroup', 'x'], { lab: l })).toMatchObject({ stderr: "useradd: group 'nogroup' does not exist\n", status: 6 });
    expect(await run('useradd', ['useradd', '-G', 'mail,nog', 'x'], { lab: l })).toMatchObject({ stderr: "useradd: group 'nog' does not exist\n", status: 6 });
    expect(await run('useradd', ['useradd', '-u', '500', 'x'], { lab: l })).toMatchObject({ stderr: 'useradd: UID 500 is not unique\n', status: 4 });
    expect(await run('useradd', ['useradd', '-u', 'abc', 'x'], { lab: l })).toMatchObject({ stderr: "useradd: invalid user ID 'abc'\n", status: 3 });
    expect(await run('useradd', ['useradd', '9lives'], { lab: l })).toMatchObject({ stderr: "useradd: invalid user name '9lives'\n", status: 3 });
    expect(await run('useradd', ['useradd', '-d', 'rel', 'x'], { lab: l })).toMatchObject({ stderr: "useradd: invalid home directory 'rel'\n", status: 3 });
    expect(await run('useradd', ['useradd', '-s', 'bash', 'x'], { lab: l })).toMatchObject({ stderr: "useradd: invalid shell 'bash'\n", status: 3 });
    const u = await run('useradd', ['useradd'], { lab: l });
    expect(u.status).toBe(2);
    expect(u.stderr.startsWith('Usage: useradd [options] LOGIN\n\nOptions:\n  -b, --base-dir BASE_DIR')).toBe(true);
    const bad = await run('useradd', ['useradd', '-q', 'x'], { lab: l });
    expect(bad.status).toBe(2);
    expect(bad.stderr.startsWith("useradd: invalid option -- 'q'\nUsage: useradd")).toBe(true);
    expect(await run('useradd', ['useradd', '-m', '-M', 'x'], { lab: l })).toMatchObject({ status: 2 });
    expect((await run('useradd', ['useradd', '-m', '-M', 'x'], { lab: l })).stderr.split('\n')[0]).toBe('useradd: options -m and -M conflict');
  });

  it('non-root users cannot lock the password file', async () => {
    const l = await lab();
    expect(await run('useradd', ['useradd', 'x'], { lab: l, user: 'user1' })).toMatchObject({
      stderr: 'useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n',
      status: 1,
    });
    expect(await run('useradd', ['useradd', 'x'], { lab: l, user: 'user1', host: 'rhel2' })).toMatchObject({ stderr: 'useradd: unable to lock password file\n', status: 1 });
  });

  it('warns about an existing home and an existing mailbox', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    writeFiles(h, { '/home/user4/keep': 'x', '/var/spool/mail/user4': '' });
    const r = await run('useradd', ['useradd', 'user4'], { lab: l });
    expect(r).toMatchObject({
      stderr: 'useradd: warning: the home directory already exists.\nNot copying any file from skel directory into it.\nCreating mailbox file: File exists\n',
      status: 0,
    });
    expect(h.vfs.readdir('/home/user4', ROOT)).toEqual(['keep']);
  });

  it('cannot create a home under a missing directory', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    const r = await run('useradd', ['useradd', '-d', '/no/where', 'x'], { lab: l });
    expect(r).toMatchObject({ stderr: 'useradd: cannot create directory /no/where\n', status: 12 });
    expect(read(h, '/etc/passwd')).not.toContain('\nx:x:');
  });

  it('-D shows the defaults', async () => {
    const l = await lab();
    expect(await run('useradd', ['useradd', '-D'], { lab: l })).toMatchObject({
      stdout: 'GROUP=100\nHOME=/home\nINACTIVE=-1\nEXPIRE=\nSHELL=/bin/bash\nSKEL=/etc/skel\nCREATE_MAIL_SPOOL=yes\n',
      status: 0,
    });
  });

  it('the new user can be given a password and log in with su', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    await run('useradd', ['useradd', 'user3'], { lab: l });
    await run('passwd', ['passwd', '--stdin', 'user3'], { lab: l, stdin: 'secret99\n' });
    expect(lastLine(read(h, '/etc/shadow'))).toBe(`user3:${hashPassword('user3', 'secret99')}:16186:0:99999:7:::`);
    expect(h.users.checkPassword('user3', 'secret99')).toBe(true);
  });
});

describe('userdel', () => {
  it('removes the account and its private group; -r also home and spool', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    await run('useradd', ['useradd', '-G', 'mail', 'user3'], { lab: l });
    const r = await run('userdel', ['userdel', '-r', 'user3'], { lab: l });
    expect(r).toMatchObject({ stdout: '', stderr: '', status: 0 });
    for (const f of ['/etc/passwd', '/etc/shadow', '/etc/group', '/etc/gshadow']) expect(read(h, f)).not.toContain('user3');
    expect(read(h, '/etc/group')).toContain('mail:x:12:mail,postfix\n');
    expect(h.vfs.exists('/home/user3', ROOT)).toBe(false);
    expect(h.vfs.exists('/var/spool/mail/user3', ROOT)).toBe(false);
  });

  it('without -r leaves the files', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    await run('useradd', ['useradd', 'user3'], { lab: l });
    expect((await run('userdel', ['userdel', 'user3'], { lab: l })).status).toBe(0);
    expect(h.vfs.exists('/home/user3', ROOT)).toBe(true);
    expect(h.vfs.exists('/var/spool/mail/user3', ROOT)).toBe(true);
  });

  it('errors', async () => {
    const l = await lab();
    expect(await run('userdel', ['userdel', 'x'], { lab: l })).toMatchObject({ stderr: "userdel: user 'x' does not exist\n", status: 6 });
    expect(await run('userdel', ['userdel', 'x'], { lab: l, host: 'rhel2' })).toMatchObject({ stderr: 'userdel: user x does not exist\n', status: 6 });
    expect(await run('userdel', ['userdel', 'user1'], { lab: l, user: 'user2' })).toMatchObject({
      stderr: 'userdel: Permission denied.\nuserdel: cannot lock /etc/passwd; try again later.\n',
      status: 1,
    });
    const u = await run('userdel', ['userdel'], { lab: l });
    expect(u.status).toBe(2);
    expect(u.stderr.split('\n')[0]).toBe('Usage: userdel [options] LOGIN');
    const h = l.host('rhel1');
    await run('useradd', ['useradd', '-M', 'nohome'], { lab: l });
    expect(await run('userdel', ['userdel', '-r', 'nohome'], { lab: l })).toMatchObject({ stderr: 'userdel: nohome home directory (/home/nohome) not found\n', status: 0 });
    expect(read(h, '/etc/passwd')).not.toContain('nohome');
  });
});
