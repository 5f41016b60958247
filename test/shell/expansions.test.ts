import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../harness/console';

describe('bash expansions and tests at the console', () => {
  it('$(< file) reads a file without a program', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('echo $(< /etc/redhat-release)')).toBe('Red Hat Enterprise Linux Workstation release 6.1 (Santiago)');
    expect(await s.run('x=$(</nope); echo "[$x] $?"')).toBe('-bash: /nope: No such file or directory\n[] 1');
  });

  it('[[ =~ ]] matches an extended regex, quoted parts literally', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('[[ 123 =~ ^[0-9]+$ ]] && echo num')).toBe('num');
    expect(await s.run('[[ abc =~ "a.c" ]]; echo $?')).toBe('1');
    expect(await s.run('re="^a.c$"; [[ abc =~ $re ]]; echo $?')).toBe('0');
    expect(await s.run('[[ abc == a* && -n x ]] && echo glob')).toBe('glob');
  });

  it('local variables end with their function; positional parameters with set --', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('f() { local x=1; echo $x; }; x=0; f; echo "[$x]"')).toBe('1\n[0]');
    expect(await s.run('set -- a "b c" d; echo $#; for a in "$@"; do echo "<$a>"; done')).toBe('3\n<a>\n<b c>\n<d>');
  });

  it('read splits a line on IFS, the rest going to the last name', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('read a b <<< "one two three"; echo "$a|$b"')).toBe('one|two three');
    expect(await s.run('while read n rest; do echo "$n"; done < /etc/hosts | head -n 1')).toBe('127.0.0.1');
  });

  it('${...} operators', async () => {
    const s = await ConsoleSession.start();
    expect(await s.run('f=/etc/postfix/main.cf; echo ${f##*/} ${f%/*} ${f/main/master} ${#f} ${f:5:7}')).toBe('main.cf /etc/postfix /etc/postfix/master.cf 20 postfix');
    expect(await s.run('echo ${nope:-dflt} ${nope:=set} $nope ${nope:+alt}')).toBe('dflt set set alt');
    expect(await s.run('echo ${nope2:?is required}; echo after')).toBe('-bash: nope2: is required\nafter');
  });
});
