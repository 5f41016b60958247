import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';

/** Types lines at rhel1's console (through the real shell) and returns the screen. */
async function session(lines: string[]): Promise<string> {
  const l = Lab.create();
  await l.settle({ fastForward: true });
  for (const line of lines) {
    l.type('rhel1', line + '\r');
    await l.settle({ fastForward: true });
  }
  expect(l.faults).toEqual([]);
  return l.screenText('rhel1');
}

describe('the users commands at the console', () => {
  it('su - user1, a wrong password for user2, exit', async () => {
    const screen = await session(['su - user1', 'id -un', 'pwd', 'su - user2', 'nope', 'exit', 'whoami']);
    expect(screen).toContain('[root@rhel1 ~]# su - user1\n');
    expect(screen).toContain('[user1@rhel1 ~]$ id -un\nuser1\n[user1@rhel1 ~]$ pwd\n/home/user1\n');
    expect(screen).toContain('[user1@rhel1 ~]$ su - user2\nPassword:\nsu: incorrect password\n[user1@rhel1 ~]$ exit\n');
    expect(screen).toContain('[root@rhel1 ~]# whoami\nroot\n');
  });

  it('useradd, passwd and su to the new account', async () => {
    const screen = await session(['useradd user3', 'passwd user3', 'Xy!9long-pw', 'Xy!9long-pw', 'su - user2', 'password', 'su - user3', 'Xy!9long-pw', 'id']);
    expect(screen).toContain(
      '[root@rhel1 ~]# passwd user3\nChanging password for user user3.\nNew password:\nRetype new password:\npasswd: all authentication tokens updated successfully.\n',
    );
    expect(screen).toContain('[user3@rhel1 ~]$ id\nuid=502(user3) gid=502(user3) groups=502(user3) context=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\n');
  });
});
