import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { hashPassword } from '../../../src/engine/users/accounts';
import { clearLogs, read, rhelAccounts, run } from './helpers';
import { fascistCheck } from '../../../src/engine/commands/users/passwd';

async function lab(): Promise<Lab> {
  const l = Lab.create();
  await l.settle();
  clearLogs(l);
  rhelAccounts(l.host('rhel1'));
  rhelAccounts(l.host('rhel2'));
  return l;
}

const shadowOf = (l: Lab, name: string, host = 'rhel1'): string | undefined =>
  read(l.host(host), '/etc/shadow').split('\n').find((x) => x.startsWith(name + ':'));

describe('passwd', () => {
  it('root sets a password on the terminal without the old one', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd', 'user1'], { lab: l, keys: ['Tr0ub4dor&3\n', 'Tr0ub4dor&3\n'] });
    expect(r).toMatchObject({
      stdout: 'Changing password for user user1.\npasswd: all authentication tokens updated successfully.\n',
      stderr: 'New password: \nRetype new password: \n',
      status: 0,
    });
    expect(r.screen).toBe('Changing password for user user1.\nNew password:\nRetype new password:\npasswd: all authentication tokens updated successfully.');
    expect(shadowOf(l, 'user1')).toBe(`user1:${hashPassword('user1', 'Tr0ub4dor&3')}:16186:0:99999:7:::`);
    expect(read(l.host('rhel1'), '/var/log/secure')).toBe('Apr 26 11:25:00 rhel1 passwd: pam_unix(passwd:chauthtok): password changed for user1\n');
  });

  it('warns root about a bad password but sets it', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd', 'user1'], { lab: l, keys: ['abc\n', 'abc\n'] });
    expect(r).toMatchObject({
      stdout: 'Changing password for user user1.\npasswd: all authentication tokens updated successfully.\n',
      stderr: 'New password: \nBAD PASSWORD: it is WAY too short\nBAD PASSWORD: is too simple\nRetype new password: \n',
      status: 0,
    });
    expect(l.host('rhel1').users.checkPassword('user1', 'abc')).toBe(true);
  });

  it('a mismatch asks again; three failures give up', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd', 'user1'], { lab: l, keys: ['Secret#77x\n', 'other\n', 'Secret#77x\n', 'Secret#77x\n'] });
    expect(r.stderr).toBe('New password: \nRetype new password: \nSorry, passwords do not match.\nNew password: \nRetype new password: \n');
    expect(r.status).toBe(0);
    const bad = await run('passwd', ['passwd', 'user1'], { lab: l, keys: ['a1b2c3d4e\n', 'x\n', 'a1b2c3d4e\n', 'y\n', 'a1b2c3d4e\n', 'z\n'] });
    expect(bad).toMatchObject({
      stdout: 'Changing password for user user1.\n',
      stderr: 'New password: \nRetype new password: \nSorry, passwords do not match.\n'.repeat(3) + 'passwd: Have exhausted maximum number of retries for service\n',
      status: 1,
    });
  });

  it('a user changes their own password after the current one', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd'], { lab: l, user: 'user1', keys: ['password\n', 'n3w-Passw0rd!\n', 'n3w-Passw0rd!\n'] });
    expect(r).toMatchObject({
      stdout: 'Changing password for user user1.\nChanging password for user1.\npasswd: all authentication tokens updated successfully.\n',
      stderr: '(current) UNIX password: \nNew password: \nRetype new password: \n',
      status: 0,
    });
    expect(l.host('rhel1').users.checkPassword('user1', 'n3w-Passw0rd!')).toBe(true);
  });

  it('a wrong current password fails after a delay', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd'], { lab: l, user: 'user1', keys: ['wrong\n'] });
    expect(r).toMatchObject({
      stdout: 'Changing password for user user1.\nChanging password for user1.\n',
      stderr: '(current) UNIX password: \npasswd: Authentication token manipulation error\n',
      status: 1,
    });
    expect(r.elapsed).toBe(2000);
  });

  it('a user gets three tries at a strong enough password', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd'], { lab: l, user: 'user1', keys: ['password\n', 'abc\n', 'redhat\n', 'password\n'] });
    expect(r).toMatchObject({
      stderr:
        '(current) UNIX password: \nNew password: \nBAD PASSWORD: it is WAY too short\nNew password: \nBAD PASSWORD: it is based on a dictionary word\n' +
        'New password: \nBAD PASSWORD: it is based on a dictionary word\npasswd: Have exhausted maximum number of retries for service\n',
      status: 1,
    });
    expect(l.host('rhel1').users.checkPassword('user1', 'password')).toBe(true);
  });

  it('RHEL 5 says UNIX in its prompts', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd', 'user1'], { lab: l, host: 'rhel2', keys: ['Xy!9long-pw\n', 'Xy!9long-pw\n'] });
    expect(r.stderr).toBe('New UNIX password: \nRetype new UNIX password: \n');
    expect(r.status).toBe(0);
  });

  it('--stdin reads one line, for root only', async () => {
    const l = await lab();
    const r = await run('passwd', ['passwd', '--stdin', 'user2'], { lab: l, stdin: 'redhat\n' });
    expect(r).toMatchObject({ stdout: 'Changing password for user user2.\npasswd: all authentication tokens updated successfully.\n', stderr: '', status: 0 });
    expect(l.host('rhel1').users.checkPassword('user2', 'redhat')).toBe(true);
    expect(await run('passwd', ['passwd', '--stdin'], { lab: l, user: 'user1', stdin: 'x\n' })).toMatchObject({ stdout: '', stderr: 'Only root can do that.\n', status: 254 });
  });

  it('-l, -u, -d and -S', async () => {
    const l = await lab();
    expect(await run('passwd', ['passwd', '-l', 'user1'], { lab: l })).toMatchObject({ stdout: 'Locking password for user user1.\npasswd: Success\n', status: 0 });
    expect(shadowOf(l, 'user1')).toBe(`user1:!!${hashPassword('user1', 'password')}:16186:0:99999:7:::`);
    expect(await run('passwd', ['passwd', '-S', 'user1'], { lab: l })).toMatchObject({ stdout: 'user1 LK 2014-04-26 0 99999 7 -1 (Password locked.)\n', status: 0 });
    expect(await run('passwd', ['passwd', '-u', 'user1'], { lab: l })).toMatchObject({ stdout: 'Unlocking password for user user1.\npasswd: Success\n', status: 0 });
    expect(await run('passwd', ['passwd', '-S', 'user1'], { lab: l })).toMatchObject({ stdout: 'user1 PS 2014-04-26 0 99999 7 -1 (Password set, SHA512 crypt.)\n' });
    expect(await run('passwd', ['passwd', '-d', 'user1'], { lab: l })).toMatchObject({ stdout: 'Removing password for user user1.\npasswd: Success\n', status: 0 });
    expect(await run('passwd', ['passwd', '-S', 'user1'], { lab: l })).toMatchObject({ stdout: 'user1 NP 2014-04-26 0 99999 7 -1 (Empty password.)\n' });
  });

  it('argument errors', async () => {
    const l = await lab();
    expect(await run('passwd', ['passwd', 'nosuch'], { lab: l })).toMatchObject({ stdout: '', stderr: "passwd: Unknown user name 'nosuch'.\n", status: 252 });
    expect(await run('passwd', ['passwd', 'user2'], { lab: l, user: 'user1' })).toMatchObject({ stderr: 'passwd: Only root can specify a user name.\n', status: 253 });
    expect(await run('passwd', ['passwd', '--bogus'], { lab: l })).toMatchObject({ stderr: 'passwd: bad argument --bogus: unknown option\n', status: 253 });
    expect(await run('passwd', ['passwd', '-l'], { lab: l })).toMatchObject({ stderr: 'passwd: This option requires a user name.\n', status: 254 });
    expect(await run('passwd', ['passwd', 'user1', 'user2'], { lab: l })).toMatchObject({ stderr: 'passwd: Only one user name may be specified.\n', status: 253 });
    expect((await run('passwd', ['passwd', '--help'], { lab: l })).stdout.split('\n')[0]).toBe('Usage: passwd [OPTION...] <accountName>');
  });
});

describe('cracklib verdicts', () => {
  it('rates passwords like cracklib 2.8', () => {
    expect(fascistCheck('abc', 'root')).toBe('it is WAY too short');
    expect(fascistCheck('abcde', 'root')).toBe('it is too short');
    expect(fascistCheck('aaaaaaa', 'root')).toBe('it does not contain enough DIFFERENT characters');
    expect(fascistCheck('123456', 'root')).toBe('it is too simplistic/systematic');
    expect(fascistCheck('root123', 'root')).toBe('it is based on your username');
    expect(fascistCheck('Password1', 'root')).toBe('it is based on a dictionary word');
    expect(fascistCheck('drowssap', 'root')).toBe('it is based on a (reversed) dictionary word');
    expect(fascistCheck('Xy!9long-pw', 'root')).toBeNull();
  });
});
