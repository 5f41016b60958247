import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../harness/console';

describe('runaway commands', () => {
  it('an endless loop holds the console until Ctrl-C, without freezing the lab', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'while true; do :; done');
    // the other host still answers
    expect(await s.run('echo rhel2 is fine', 'rhel2')).toBe('rhel2 is fine');
    const out = await s.keys('rhel1', '\x03');
    expect(out.split('\n').pop()).toBe('[root@rhel1 ~]#');
    expect(await s.run('echo $?')).toBe('130');
    expect(s.lab.faults).toEqual([]);
  });

  it("sed's endless branch loop stops on Ctrl-C", async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', "sed ':a;ba' /etc/hosts");
    const out = await s.keys('rhel1', '\x03');
    expect(out).toBe('^C\n[root@rhel1 ~]#');
    expect(s.lab.faults).toEqual([]);
  });

  it('a fork bomb meets the process limit, and the shell survives it', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'b() { b | b & }; b');
    await s.keys('rhel1', '\x03');
    await s.type('rhel1', 'kill -9 -1 2>/dev/null');
    const out = await s.type('rhel1', 'echo survived');
    expect(out).toContain('survived');
    expect(s.lab.faults).toEqual([]);
  });

  it("unbounded recursion stops at bash's function nesting limit", async () => {
    const s = await ConsoleSession.start();
    const out = await s.run('f() { f; }; f; echo back');
    expect(out.split('\n').pop()).toBe('back');
    expect(out).toContain('f: maximum function nesting level exceeded');
  });
});
