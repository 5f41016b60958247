import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { rhelAccounts, run, writeFiles } from './helpers';

async function lab(): Promise<Lab> {
  const l = Lab.create();
  await l.settle();
  rhelAccounts(l.host('rhel1'));
  rhelAccounts(l.host('rhel2'));
  return l;
}

const CTX6 = ' context=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023';

describe('id', () => {
  it('prints root with its groups and the SELinux context on RHEL 6', async () => {
    const r = await run('id', ['id'], { lab: await lab() });
    expect(r).toMatchObject({
      stdout: 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)' + CTX6 + '\n',
      stderr: '',
      status: 0,
    });
  });

  it('prints RHEL 5 context on rhel2', async () => {
    const r = await run('id', ['id'], { lab: await lab(), host: 'rhel2', user: 'user1' });
    expect(r.stdout).toBe('uid=500(user1) gid=500(user1) groups=500(user1) context=root:system_r:unconfined_t:SystemLow-SystemHigh\n');
  });

  it('prints another user without context', async () => {
    const l = await lab();
    writeFiles(l.host('rhel1'), { '/etc/group': 'root:x:0:\nmail:x:12:user1\nuser1:x:500:\n' });
    const r = await run('id', ['id', 'user1'], { lab: l });
    expect(r).toMatchObject({ stdout: 'uid=500(user1) gid=500(user1) groups=500(user1),12(mail)\n', stderr: '', status: 0 });
  });

  it('has the single-value forms', async () => {
    const l = await lab();
    expect((await run('id', ['id', '-u'], { lab: l })).stdout).toBe('0\n');
    expect((await run('id', ['id', '-un'], { lab: l })).stdout).toBe('root\n');
    expect((await run('id', ['id', '-g', 'user1'], { lab: l })).stdout).toBe('500\n');
    expect((await run('id', ['id', '-Gn'], { lab: l })).stdout).toBe('root bin daemon sys adm disk wheel\n');
    expect((await run('id', ['id', '-G', '-r'], { lab: l })).stdout).toBe('0 1 2 3 4 6 10\n');
    expect((await run('id', ['id', '-Z'], { lab: l })).stdout).toBe(CTX6.slice(9) + '\n');
  });

  it('reports errors like coreutils 8.4', async () => {
    const l = await lab();
    expect(await run('id', ['id', 'nosuch'], { lab: l })).toMatchObject({ stdout: '', stderr: 'id: nosuch: No such user\n', status: 1 });
    expect(await run('id', ['id', '-n'], { lab: l })).toMatchObject({ stderr: 'id: cannot print only names or real IDs in default format\n', status: 1 });
    expect(await run('id', ['id', '-u', '-g'], { lab: l })).toMatchObject({ stderr: 'id: cannot print "only" of more than one choice\n', status: 1 });
    expect(await run('id', ['id', 'a', 'b'], { lab: l })).toMatchObject({ stderr: "id: extra operand `b'\nTry `id --help' for more information.\n", status: 1 });
    expect(await run('id', ['id', '-x'], { lab: l })).toMatchObject({ stderr: "id: invalid option -- 'x'\nTry `id --help' for more information.\n", status: 1 });
    expect(await run('id', ['id', '-x'], { lab: l, host: 'rhel2' })).toMatchObject({ stderr: 'id: invalid option -- x\nTry `id --help\' for more information.\n', status: 1 });
    expect(await run('id', ['id', '--bogus'], { lab: l })).toMatchObject({ stderr: "id: unrecognized option '--bogus'\nTry `id --help' for more information.\n", status: 1 });
  });

  it('shows a number when a group has no name', async () => {
    const l = await lab();
    writeFiles(l.host('rhel1'), { '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nx:x:600:777::/tmp:/bin/bash\n' });
    expect(await run('id', ['id', 'x'], { lab: l })).toMatchObject({ stdout: 'uid=600(x) gid=777 groups=777\n', status: 0 });
    expect(await run('id', ['id', '-gn', 'x'], { lab: l })).toMatchObject({ stdout: '777\n', stderr: 'id: cannot find name for group ID 777\n', status: 1 });
  });
});

describe('whoami and groups', () => {
  it('whoami names the effective user', async () => {
    const l = await lab();
    expect(await run('whoami', ['whoami'], { lab: l, user: 'user2' })).toMatchObject({ stdout: 'user2\n', stderr: '', status: 0 });
    expect(await run('whoami', ['whoami', 'x'], { lab: l })).toMatchObject({
      stdout: '',
      stderr: "whoami: extra operand `x'\nTry `whoami --help' for more information.\n",
      status: 1,
    });
  });

  it('groups lists the process groups or a user\'s', async () => {
    const l = await lab();
    writeFiles(l.host('rhel1'), { '/etc/group': 'root:x:0:root\nbin:x:1:root\nmail:x:12:user1\nuser1:x:500:\n' });
    expect((await run('groups', ['groups'], { lab: l })).stdout).toBe('root bin\n');
    expect(await run('groups', ['groups', 'user1'], { lab: l })).toMatchObject({ stdout: 'user1 : user1 mail\n', status: 0 });
    expect(await run('groups', ['groups', 'nosuch'], { lab: l })).toMatchObject({ stdout: '', stderr: 'groups: nosuch: No such user\n', status: 1 });
  });

  it('--version names the coreutils of the host', async () => {
    const l = await lab();
    const r = await run('whoami', ['whoami', '--version'], { lab: l });
    expect(r.stdout.split('\n')[0]).toBe('whoami (GNU coreutils) 8.4');
    const r5 = await run('whoami', ['whoami', '--version'], { lab: l, host: 'rhel2' });
    expect(r5.stdout.split('\n')[0]).toBe('whoami (GNU coreutils) 5.97');
  });
});
