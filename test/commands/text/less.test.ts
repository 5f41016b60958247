import { describe, expect, it } from 'vitest';
import { labWith, numbered, onTerminal, run } from './text-harness';

const tildes = (n: number): string => Array.from({ length: n }, () => '~').join('\n');

describe('less', () => {
  it('copies its input like cat when the output is not a terminal', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n', '/tmp/b': 'b\n' });
    expect(await run('less', ['/tmp/a', '/tmp/b'], { lab })).toMatchObject({ stdout: 'a\nb\n', stderr: '', status: 0 });
    expect((await run('less', [], { lab, stdin: 'piped\n' })).stdout).toBe('piped\n');
    expect(await run('less', ['/nope', '/tmp'], { lab })).toMatchObject({ stdout: '', stderr: '/nope: No such file or directory\n/tmp is a directory\n', status: 1 });
  });

  it('shows a short file with tildes and the name, then (END)', async () => {
    const lab = await labWith({ '/etc/motd2': 'hello\nworld\n' });
    const t = await onTerminal(lab, ['less', '/etc/motd2']);
    expect(t.screen(24)).toBe('hello\nworld\n' + tildes(21) + '\n/etc/motd2 (END)');
    expect(t.tty.raw).toBe(true);
    await t.type('q');
    expect(t.proc.exitStatus).toBe(0);
    expect(t.tty.raw).toBe(false);
  });

  it('pages forward and back, by screen and by line', async () => {
    const lab = await labWith({ '/tmp/big': numbered(60) });
    const t = await onTerminal(lab, ['less', '/tmp/big']);
    expect(t.screen(24)).toBe(numbered(23) + '/tmp/big');
    await t.type(' ');
    expect(t.screen(24)).toBe(numbered(46).split('\n').slice(23, 46).join('\n') + '\n:');
    await t.type('j');
    expect(t.screen(2)).toBe('line 47\n:');
    await t.type('G');
    expect(t.screen(24)).toBe(numbered(60).split('\n').slice(37, 60).join('\n') + '\n(END)');
    await t.type('g');
    expect(t.screen(24)).toBe(numbered(23) + ':');
    await t.type('10j');
    expect(t.screen(2)).toBe('line 33\n:');
    await t.type('b');
    expect(t.screen(24)).toBe(numbered(23) + ':');
    await t.type('Q');
    expect(t.proc.exitStatus).toBe(0);
  });

  it('searches with /pattern and n, and says when nothing matches', async () => {
    const lab = await labWith({ '/tmp/log': numbered(40, 'status=sent').replace('status=sent 30', 'status=bounced 30') });
    const t = await onTerminal(lab, ['less', '/tmp/log']);
    await t.type('/bounced\r');
    // The match goes to the top line; past the end of the text less shows tildes.
    expect(t.screen(24)).toBe('status=bounced 30\n' + numbered(40, 'status=sent').split('\n').slice(30, 40).join('\n') + '\n' + tildes(12) + '\n(END)');
    await t.type('/nothing-here\r');
    expect(t.screen(1)).toBe('Pattern not found  (press RETURN)');
    await t.type('\r');
    expect(t.screen(1)).toBe('(END)');
    await t.type('q');
  });

  it('reads a pipe, with no name in the prompt', async () => {
    const lab = await labWith({});
    const t = await onTerminal(lab, ['less'], { stdin: numbered(30) });
    expect(t.screen(1)).toBe(':');
    await t.type('q');
    const u = await onTerminal(lab, ['less']);
    expect([u.proc.exitStatus, u.stderr.text()]).toEqual([1, 'Missing filename ("less --help" for help)\n']);
  });

  it('goes to the next file with :n', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n', '/tmp/b': 'b\n' });
    const t = await onTerminal(lab, ['less', '/tmp/a', '/tmp/b']);
    expect(t.screen(1)).toBe('/tmp/a (file 1 of 2) (END) - Next: /tmp/b');
    await t.type(':n');
    expect(t.screen(1)).toBe('/tmp/b (file 2 of 2) (END)');
    await t.type('q');
  });

  it('numbers lines with -N and rejects unknown options', async () => {
    const lab = await labWith({ '/tmp/a': 'x\ny\n' });
    const t = await onTerminal(lab, ['less', '-N', '/tmp/a']);
    expect(t.screen(24).split('\n').slice(0, 2)).toEqual(['      1 x', '      2 y']);
    await t.type('q');
    expect(await run('less', ['-k', '/tmp/a'], { lab })).toMatchObject({ stderr: 'There is no -k option ("less --help" for help)\n', status: 1 });
  });
});
