import { describe, expect, it } from 'vitest';
import { labWith, numbered, onTerminal, run } from './text-harness';

describe('more', () => {
  it('copies its input when the output is not a terminal', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n', '/tmp/b': 'b\n' });
    const a = await onTerminal(lab, ['more', '/tmp/a'], { stdout: 'pipe' });
    expect([a.output(), a.proc.exitStatus]).toEqual(['a\n', 0]);
    const ab = await onTerminal(lab, ['more', '/tmp/a', '/tmp/b'], { stdout: 'pipe' });
    expect(ab.output()).toBe('::::::::::::::\n/tmp/a\n::::::::::::::\na\n::::::::::::::\n/tmp/b\n::::::::::::::\nb\n');
    expect((await run('more', [], { lab, stdin: 'piped\n' })).stdout).toBe('piped\n');
    // Input that is not a terminal comes first, and then every file gets a header.
    expect((await run('more', ['/tmp/a'], { lab, stdin: 'piped\n' })).stdout).toBe('piped\n::::::::::::::\n/tmp/a\n::::::::::::::\na\n');
  });

  it('reports what it cannot show, and still exits 0', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n', '/tmp/elf': '\x7fELF\x01\x01' });
    const r = await run('more', ['/nope', '/tmp', '/tmp/elf', '/tmp/a'], { lab });
    expect(r).toMatchObject({
      stdout: '\n*** /tmp: directory ***\n\n\n******** /tmp/elf: Not a text file ********\n\n::::::::::::::\n/tmp/a\n::::::::::::::\na\n',
      stderr: '/nope: No such file or directory\n',
      status: 0,
    });
  });

  it('rejects unknown options with its usage line', async () => {
    expect(await run('more', ['-z', '/tmp'])).toMatchObject({ stderr: 'more: unknown option "-z"\nusage: more [-dflpcsu] [+linenum | +/pattern] name1 name2 ...\n', status: 1 });
  });

  it('pages a long file on a terminal with the --More--(NN%) prompt', async () => {
    const lab = await labWith({ '/tmp/big': numbered(50) });
    const t = await onTerminal(lab, ['more', '/tmp/big']);
    expect(t.screen()).toBe(numbered(23) + '--More--(44%)');
    expect(t.tty.raw).toBe(true);
    await t.type('\r');
    expect(t.screen(2)).toBe('line 24\n--More--(46%)');
    await t.type(' ');
    expect(t.screen(3)).toBe('line 46\nline 47\n--More--(93%)');
    await t.type('q');
    expect(t.proc.exitStatus).toBe(0);
    expect(t.tty.raw).toBe(false);
    expect(t.screen(2)).toBe('line 46\nline 47');
  });

  it('ends without a prompt when the text runs out, and shows a short file whole', async () => {
    const lab = await labWith({ '/tmp/big': numbered(30), '/tmp/small': 'one\ntwo\n' });
    const t = await onTerminal(lab, ['more', '/tmp/big']);
    await t.type(' ');
    expect(t.proc.exitStatus).toBe(0);
    expect(t.screen(2)).toBe('line 29\nline 30');
    const s = await onTerminal(lab, ['more', '/tmp/small']);
    expect(s.proc.exitStatus).toBe(0);
    expect(s.screen()).toBe('one\ntwo');
  });

  it('announces the next file and shows headers', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n', '/tmp/b': 'b\n' });
    const t = await onTerminal(lab, ['more', '/tmp/a', '/tmp/b']);
    expect(t.screen()).toBe('::::::::::::::\n/tmp/a\n::::::::::::::\na\n--More--(Next file: /tmp/b)');
    await t.type(' ');
    expect(t.screen()).toBe('::::::::::::::\n/tmp/a\n::::::::::::::\na\n::::::::::::::\n/tmp/b\n::::::::::::::\nb');
    expect(t.proc.exitStatus).toBe(0);
  });

  it('searches with /pattern and skips ahead', async () => {
    const lab = await labWith({ '/tmp/big': numbered(100) });
    const t = await onTerminal(lab, ['more', '/tmp/big']);
    await t.type('/line 70\r');
    expect(t.screen(26)).toBe('line 23\n/line 70\n...skipping\n' + numbered(89).split('\n').slice(67, 89).join('\n') + '\n--More--(88%)');
    await t.type('q');
  });

  it('has no percentage when reading a pipe, and needs a file on a terminal', async () => {
    const lab = await labWith({});
    const t = await onTerminal(lab, ['more'], { stdin: numbered(40) });
    expect(t.screen(1)).toBe('--More--');
    await t.type('q');
    const u = await onTerminal(lab, ['more']);
    expect(u.proc.exitStatus).toBe(1);
    expect(u.stderr.text()).toBe('usage: more [-dflpcsu] [+linenum | +/pattern] name1 name2 ...\n');
  });
});
