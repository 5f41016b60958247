import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../harness/console';

describe('interactive bash on the console', () => {
  it('shows the RHEL prompt for root with ~ and the directory basename', async () => {
    const s = await ConsoleSession.start();
    expect(s.lab.screenText('rhel1')).toBe('[root@rhel1 ~]#');
    expect(s.lab.screenText('rhel2')).toBe('[root@rhel2 ~]#');
    expect(await s.type('rhel1', 'cd /var/log')).toBe('[root@rhel1 ~]# cd /var/log\n[root@rhel1 log]#');
    expect(await s.type('rhel1', 'cd')).toBe('[root@rhel1 log]# cd\n[root@rhel1 ~]#');
    expect(await s.type('rhel1', 'cd -')).toBe('[root@rhel1 ~]# cd -\n/var/log\n[root@rhel1 log]#');
  });

  it('repeats the last command with !! and echoes the expansion', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'echo first');
    expect(await s.type('rhel1', '!!')).toBe('[root@rhel1 ~]# !!\necho first\nfirst\n[root@rhel1 ~]#');
    expect(await s.type('rhel1', '!nomatch')).toBe('[root@rhel1 ~]# !nomatch\n-bash: !nomatch: event not found\n[root@rhel1 ~]#');
  });

  it('recalls history with the up arrow and edits the line', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'echo one');
    await s.keys('rhel1', '\x1b[A');
    const out = await s.keys('rhel1', '\x7f\x7f\x7ftwo\r');
    expect(out.split('\n').slice(-2)).toEqual(['two', '[root@rhel1 ~]#']);
  });

  it('Ctrl-U kills the line, Ctrl-A/Ctrl-E move, Ctrl-C abandons it', async () => {
    const s = await ConsoleSession.start();
    let out = await s.keys('rhel1', 'garbage\x15echo ok\r');
    expect(out.split('\n').slice(-2)).toEqual(['ok', '[root@rhel1 ~]#']);
    out = await s.keys('rhel1', 'cho mid\x01e\x05dle\r');
    expect(out.split('\n').slice(-2)).toEqual(['middle', '[root@rhel1 ~]#']);
    out = await s.keys('rhel1', 'half typed\x03');
    expect(out).toBe('[root@rhel1 ~]# half typed^C\n[root@rhel1 ~]#');
    expect(await s.run('echo $?')).toBe('130');
  });

  it('searches history backwards with Ctrl-R', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'echo alpha', 'echo beta');
    const out = await s.keys('rhel1', '\x12alp');
    expect(out).toContain("(reverse-i-search)`alp': echo alpha");
    const ran = await s.keys('rhel1', '\r');
    expect(ran.split('\n').slice(-2)).toEqual(['alpha', '[root@rhel1 ~]#']);
  });

  it('completes commands and paths with Tab', async () => {
    const s = await ConsoleSession.start();
    let out = await s.keys('rhel1', 'cd /v\t');
    expect(out).toBe('[root@rhel1 ~]# cd /var/');
    out = await s.keys('rhel1', '\x15');
    out = await s.keys('rhel1', 'ec\t');
    expect(out).toBe('[root@rhel1 ~]# echo');
    out = await s.keys('rhel1', 'done\r');
    expect(out.split('\n').slice(-2)).toEqual(['done', '[root@rhel1 ~]#']);
  });

  it('asks for more with PS2 on an open quote or compound command', async () => {
    const s = await ConsoleSession.start();
    const out = await s.type('rhel1', 'for i in a b', 'do echo $i', 'done');
    expect(out).toBe('[root@rhel1 ~]# for i in a b\n> do echo $i\n> done\na\nb\n[root@rhel1 ~]#');
  });

  it('reports syntax errors as bash does', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('echo a |; echo b')).toBe("-bash: syntax error near unexpected token `;'");
    expect(await s.run('fi')).toBe("-bash: syntax error near unexpected token `fi'");
    expect(await s.run('echo $?')).toBe('2');
  });

  it('keeps functions, aliases and exported variables', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'greet() { echo "hello $1"; }', "alias hi='greet world'", 'export COLOR=blue');
    expect(await s.run('hi')).toBe('hello world');
    expect(await s.run('bash -c \'echo $COLOR\'')).toBe('blue');
    expect(await s.run('type hi')).toBe("hi is aliased to `greet world'");
    expect(await s.run('type greet')).toBe('greet is a function');
    expect(await s.run('type cd')).toBe('cd is a shell builtin');
  });

  it('runs a script file with arguments and reports its line on errors', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', "printf 'echo \"args: $# $1\"\\nnope\\nexit 3\\n' > /tmp/s.sh");
    expect(await s.run('bash /tmp/s.sh x y; echo $?')).toBe('args: 2 x\n/tmp/s.sh: line 2: nope: command not found\n3');
  });

  it('a logout of the console logs root in again', async () => {
    const s = await ConsoleSession.start();
    const out = await s.type('rhel1', 'exit');
    expect(out).toBe('[root@rhel1 ~]# exit\nlogout\n[root@rhel1 ~]#');
    expect(await s.run('echo still here')).toBe('still here');
  });
});

describe('the line editor, more keys', () => {
  it('lists the candidates on a second Tab and redraws the line', async () => {
    const s = await ConsoleSession.start();
    await s.keys('rhel1', 'ls /etc/host\t');
    const out = await s.keys('rhel1', '\t');
    const lines = out.split('\n');
    expect(lines[0]).toBe('[root@rhel1 ~]# ls /etc/host');
    expect(lines[1]).toMatch(/^host\.conf\s+hosts\s+hosts\.allow\s+hosts\.deny$/);
    expect(lines[2]).toBe('[root@rhel1 ~]# ls /etc/host');
    await s.keys('rhel1', '\x03');
  });

  it('Ctrl-L clears the screen and keeps the line being typed', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'echo before');
    const out = await s.keys('rhel1', 'echo kept\x0c');
    expect(out.split('\n').pop()).toBe('[root@rhel1 ~]# echo kept');
    const ran = await s.keys('rhel1', '\r');
    expect(ran.split('\n').slice(-2)).toEqual(['kept', '[root@rhel1 ~]#']);
  });

  it('Ctrl-D on an empty line leaves a su shell with "logout"', async () => {
    const s = await ConsoleSession.start();
    await s.type('rhel1', 'su - user1');
    const out = await s.keys('rhel1', '\x04');
    expect(out).toBe('[user1@rhel1 ~]$ logout\n[root@rhel1 ~]#');
  });

  it('man shows a page of the lab through the pager', async () => {
    const s = await ConsoleSession.start();
    const out = await s.type('rhel1', 'man useradd');
    expect(out).toContain('NAME');
    expect(out).toContain('useradd');
    const after = await s.keys('rhel1', 'q');
    expect(after.split('\n').pop()).toBe('[root@rhel1 ~]#');
    expect(await s.run('man nosuchpage')).toBe('No manual entry for nosuchpage');
  });
});
