import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../harness/console';
import { ROOT } from '../../src/engine/fs/vfs';

describe('programs that hold the terminal', () => {
  it('tail -f follows a growing log until Ctrl-C', async () => {
    const s = await ConsoleSession.start();
    const host = s.lab.host('rhel1');
    await s.type('rhel1', 'echo first > /tmp/app.log');
    let screen = await s.type('rhel1', 'tail -f /tmp/app.log');
    expect(screen).toBe('[root@rhel1 ~]# tail -f /tmp/app.log\nfirst');
    host.vfs.writeFile('/tmp/app.log', ROOT, 'second\n', { append: true });
    await s.lab.settle();
    host.syslog.log('mail', 'postfix/qmgr', 1234, 'test line');
    await s.lab.settle();
    screen = s.lab.screenText('rhel1');
    expect(screen.endsWith('first\nsecond')).toBe(true);
    screen = await s.keys('rhel1', '\x03');
    // The ^C lands on the line below the last output, then bash starts a fresh prompt line.
    expect(screen).toBe('^C\n[root@rhel1 ~]#');
    expect(await s.run('echo $?')).toBe('130');
  });

  it('Ctrl-C ends a foreground sleep and the shell prints a new prompt', async () => {
    const s = await ConsoleSession.start();
    s.lab.type('rhel1', 'sleep 100\r');
    await s.lab.settle();
    const screen = await s.keys('rhel1', '\x03');
    expect(s.lab.screenText('rhel1').split('\n').slice(-3)).toEqual(['[root@rhel1 ~]# sleep 100', '^C', '[root@rhel1 ~]#']);
    expect(screen).toBe('^C\n[root@rhel1 ~]#');
  });

  it('sleep moves the lab clock', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('date')).toBe('Sat Apr 26 11:25:00 MDT 2014');
    await s.type('rhel1', 'sleep 90');
    expect(await s.run('date')).toBe('Sat Apr 26 11:26:30 MDT 2014');
  });

  it('more pages a long file on the terminal and quits with q', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'seq 1 100 > /tmp/n.txt');
    const screen = await s.type('rhel1', 'more /tmp/n.txt');
    const lines = screen.split('\n');
    expect(lines[1]).toBe('1');
    expect(lines[lines.length - 1]).toMatch(/^--More--\(\d+%\)$/);
    const after = await s.keys('rhel1', 'q');
    expect(after.split('\n').pop()).toBe('[root@rhel1 ~]#');
  });

  it('a pipe into less or more just copies when the output is not a terminal', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('seq 1 3 | more | cat')).toBe('1\n2\n3');
    expect(await s.run('seq 1 3 | less > /tmp/x; cat /tmp/x')).toBe('1\n2\n3');
  });

  it('a program reading the terminal gets echo, erase and ^D', async () => {
    const s = await ConsoleSession.start();
    let screen = await s.type('rhel1', 'cat > /tmp/typed.txt');
    screen = await s.keys('rhel1', 'helx\x7flo world\r');
    screen = await s.keys('rhel1', '\x04');
    expect(screen.split('\n').pop()).toBe('[root@rhel1 ~]#');
    expect(await s.run('cat /tmp/typed.txt')).toBe('hello world');
  });
});
