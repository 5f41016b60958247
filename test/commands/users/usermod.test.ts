import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { hashPassword } from '../../../src/engine/users/accounts';
import { read, rhelAccounts, run } from './helpers';

async function lab(): Promise<Lab> {
  const l = Lab.create();
  await l.settle();
  rhelAccounts(l.host('rhel1'));
  rhelAccounts(l.host('rhel2'));
  return l;
}

const line = (text: string, name: string): string | undefined => text.split('\n').find((l) => l.startsWith(name + ':'));

describe('usermod', () => {
  it('-aG adds a group, -G replaces the list', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    expect(await run('usermod', ['usermod', '-aG', 'mail', 'user1'], { lab: l })).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(line(read(h, '/etc/group'), 'mail')).toBe('mail:x:12:mail,postfix,user1');
    expect(line(read(h, '/etc/gshadow'), 'mail')).toBe('mail:::mail,postfix,user1');
    expect((await run('groups', ['groups', 'user1'], { lab: l })).stdout).toBe('user1 : user1 mail\n');
    await run('usermod', ['usermod', '-G', 'wheel', 'user1'], { lab: l });
    expect(line(read(h, '/etc/group'), 'mail')).toBe('mail:x:12:mail,postfix');
    expect(line(read(h, '/etc/group'), 'wheel')).toBe('wheel:x:10:root,user1');
  });

  it('-s -c -g change the passwd line', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    await run('usermod', ['usermod', '-s', '/sbin/nologin', '-c', 'First User', '-g', 'mail', 'user1'], { lab: l });
    expect(line(read(h, '/etc/passwd'), 'user1')).toBe('user1:x:500:12:First User:/home/user1:/sbin/nologin');
  });

  it('-L and -U lock and unlock the password', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    await run('usermod', ['usermod', '-L', 'user1'], { lab: l });
    expect(line(read(h, '/etc/shadow'), 'user1')).toBe(`user1:!${hashPassword('user1', 'password')}:16186:0:99999:7:::`);
    expect(h.users.checkPassword('user1', 'password')).toBe(false);
    await run('usermod', ['usermod', '-U', 'user1'], { lab: l });
    expect(h.users.checkPassword('user1', 'password')).toBe(true);
  });

  it('-d -m moves the home, -l renames, -u renumbers', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    await run('useradd', ['useradd', 'user3'], { lab: l });
    expect((await run('usermod', ['usermod', '-d', '/home/u3', '-m', 'user3'], { lab: l })).status).toBe(0);
    expect(h.vfs.exists('/home/user3', ROOT)).toBe(false);
    expect(h.vfs.readdir('/home/u3', ROOT).length).toBe(3);
    expect((await run('usermod', ['usermod', '-l', 'bob', '-u', '777', 'user3'], { lab: l })).status).toBe(0);
    expect(line(read(h, '/etc/passwd'), 'bob')).toBe('bob:x:777:502::/home/u3:/bin/bash');
    expect(line(read(h, '/etc/shadow'), 'bob')).toBe('bob:!!:16186:0:99999:7:::');
    expect(h.vfs.stat('/var/spool/mail/bob', ROOT).uid).toBe(777);
    expect(h.vfs.exists('/var/spool/mail/user3', ROOT)).toBe(false);
    expect(h.vfs.stat('/home/u3/.bashrc', ROOT).uid).toBe(777);
  });

  it('errors', async () => {
    const l = await lab();
    expect(await run('usermod', ['usermod', '-s', '/bin/sh', 'nosuch'], { lab: l })).toMatchObject({ stderr: "usermod: user 'nosuch' does not exist\n", status: 6 });
    expect(await run('usermod', ['usermod', 'user1'], { lab: l })).toMatchObject({ stderr: 'usermod: no flags given\n', status: 2 });
    expect(await run('usermod', ['usermod', '-s', '/bin/bash', 'user1'], { lab: l })).toMatchObject({ stderr: 'usermod: no changes\n', status: 0 });
    expect(await run('usermod', ['usermod', '-G', 'nog', 'user1'], { lab: l })).toMatchObject({ stderr: "usermod: group 'nog' does not exist\n", status: 6 });
    expect(await run('usermod', ['usermod', '-l', 'user2', 'user1'], { lab: l })).toMatchObject({ stderr: "usermod: user 'user2' already exists\n", status: 9 });
    expect(await run('usermod', ['usermod', '-u', '501', 'user1'], { lab: l })).toMatchObject({ stderr: "usermod: UID '501' already exists\n", status: 4 });
    const a = await run('usermod', ['usermod', '-a', '-s', '/bin/sh', 'user1'], { lab: l });
    expect(a.status).toBe(2);
    expect(a.stderr.split('\n')[0]).toBe('usermod: -a flag is only allowed with the -G flag');
    expect(await run('usermod', ['usermod', '-s', '/bin/sh', 'user1'], { lab: l, user: 'user1' })).toMatchObject({
      stderr: 'usermod: Permission denied.\nusermod: cannot lock /etc/passwd; try again later.\n',
      status: 1,
    });
    expect((await run('usermod', ['usermod'], { lab: l })).stderr.split('\n')[0]).toBe('Usage: usermod [options] LOGIN');
    expect(await run('usermod', ['usermod', '-G', 'nog', 'user1'], { lab: l, host: 'rhel2' })).toMatchObject({ stderr: 'usermod: unknown group nog\n', status: 6 });
  });
});

describe('groupadd and groupdel', () => {
  it('adds a group with the next GID and removes it', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    expect(await run('groupadd', ['groupadd', 'staff'], { lab: l })).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(line(read(h, '/etc/group'), 'staff')).toBe('staff:x:502:');
    expect(line(read(h, '/etc/gshadow'), 'staff')).toBe('staff:!::');
    await run('groupadd', ['groupadd', '-g', '900', 'ops'], { lab: l });
    expect(line(read(h, '/etc/group'), 'ops')).toBe('ops:x:900:');
    await run('groupadd', ['groupadd', '-r', 'sysg'], { lab: l });
    expect(line(read(h, '/etc/group'), 'sysg')).toBe('sysg:x:499:');
    expect(await run('groupdel', ['groupdel', 'staff'], { lab: l })).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(read(h, '/etc/group')).not.toContain('staff');
    expect(read(h, '/etc/gshadow')).not.toContain('staff');
  });

  it('errors', async () => {
    const l = await lab();
    expect(await run('groupadd', ['groupadd', 'mail'], { lab: l })).toMatchObject({ stderr: "groupadd: group 'mail' already exists\n", status: 9 });
    expect(await run('groupadd', ['groupadd', '-f', 'mail'], { lab: l })).toMatchObject({ stderr: '', status: 0 });
    expect(await run('groupadd', ['groupadd', '-g', '12', 'x'], { lab: l })).toMatchObject({ stderr: "groupadd: GID '12' already exists\n", status: 4 });
    expect(await run('groupadd', ['groupadd', 'Bad Name'], { lab: l })).toMatchObject({ stderr: "groupadd: 'Bad Name' is not a valid group name\n", status: 3 });
    expect(await run('groupadd', ['groupadd', 'x'], { lab: l, user: 'user1' })).toMatchObject({
      stderr: 'groupadd: Permission denied.\ngroupadd: cannot lock /etc/group; try again later.\n',
      status: 10,
    });
    expect(await run('groupdel', ['groupdel', 'nog'], { lab: l })).toMatchObject({ stderr: "groupdel: group 'nog' does not exist\n", status: 6 });
    expect(await run('groupdel', ['groupdel', 'user1'], { lab: l })).toMatchObject({ stderr: "groupdel: cannot remove the primary group of user 'user1'\n", status: 8 });
    expect(await run('groupdel', ['groupdel'], { lab: l })).toMatchObject({ stderr: 'Usage: groupdel group\n', status: 2 });
  });
});
