import { describe, expect, it } from 'vitest';
import { labWith, numbered, run } from './text-harness';

describe('head', () => {
  it('prints the first ten lines by default', async () => {
    const r = await run('head', [], { stdin: numbered(12) });
    expect(r).toMatchObject({ stdout: numbered(10), stderr: '', status: 0 });
  });

  it('takes -n N, -N and --lines=N', async () => {
    expect((await run('head', ['-n', '2'], { stdin: numbered(5) })).stdout).toBe('line 1\nline 2\n');
    expect((await run('head', ['-3'], { stdin: numbered(5) })).stdout).toBe(numbered(3));
    expect((await run('head', ['--lines=1'], { stdin: numbered(5) })).stdout).toBe('line 1\n');
    expect((await run('head', ['-n', '+2'], { stdin: numbered(5) })).stdout).toBe(numbered(2));
  });

  it('prints all but the last N lines with -n -N', async () => {
    expect((await run('head', ['-n', '-2'], { stdin: numbered(5) })).stdout).toBe(numbered(3));
    expect((await run('head', ['-n', '-1'], { stdin: 'a\nb' })).stdout).toBe('a\n');
    expect((await run('head', ['-n', '-9'], { stdin: 'a\nb\n' })).stdout).toBe('');
  });

  it('counts bytes with -c, with multipliers', async () => {
    expect((await run('head', ['-c', '3'], { stdin: 'abcdef' })).stdout).toBe('abc');
    expect((await run('head', ['-c', '-2'], { stdin: 'abcdef' })).stdout).toBe('abcd');
    expect((await run('head', ['-c', '1k'], { stdin: 'x'.repeat(2000) })).stdout).toBe('x'.repeat(1024));
    expect((await run('head', ['-2c'], { stdin: 'abcdef' })).stdout).toBe('ab');
  });

  it('puts ==> name <== headers between several files', async () => {
    const lab = await labWith({ '/tmp/a': 'a1\na2\n', '/tmp/b': 'b1\n' });
    const r = await run('head', ['-n1', '/tmp/a', '/tmp/b'], { lab });
    expect(r.stdout).toBe('==> /tmp/a <==\na1\n\n==> /tmp/b <==\nb1\n');
    const q = await run('head', ['-q', '-n1', '/tmp/a', '/tmp/b'], { lab });
    expect(q.stdout).toBe('a1\nb1\n');
    const v = await run('head', ['-v', '-n1', '-'], { lab, stdin: 'x\n' });
    expect(v.stdout).toBe('==> standard input <==\nx\n');
  });

  it('reports files it cannot open or read', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n' });
    const r = await run('head', ['/nope', '/tmp', '/tmp/a'], { lab });
    expect(r).toMatchObject({
      stdout: '==> /tmp <==\n\n==> /tmp/a <==\na\n',
      stderr: "head: cannot open `/nope' for reading: No such file or directory\nhead: error reading `/tmp': Is a directory\n",
      status: 1,
    });
  });

  it('rejects bad counts and options', async () => {
    expect(await run('head', ['-n', 'x'])).toMatchObject({ stdout: '', stderr: 'head: x: invalid number of lines\n', status: 1 });
    expect((await run('head', ['-c', '5q'])).stderr).toBe('head: 5q: invalid number of bytes\n');
    expect((await run('head', ['-5z'])).stderr).toBe("head: invalid trailing option -- z\nTry `head --help' for more information.\n");
    expect((await run('head', ['-n'])).stderr).toBe("head: option requires an argument -- 'n'\nTry `head --help' for more information.\n");
    expect((await run('head', ['-n', '99999999999999999999999'])).stderr).toBe('head: 99999999999999999999999: number of lines is so large that it is not representable\n');
  });

  it('quotes odd file names as coreutils does', async () => {
    const r = await run('head', ["it's\n"]);
    expect(r.stderr).toBe("head: cannot open `it\\'s\\n' for reading: No such file or directory\n");
  });
});
