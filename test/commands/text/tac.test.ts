import { describe, expect, it } from 'vitest';
import { labWith, run } from './text-harness';

describe('tac', () => {
  it('prints lines last first', async () => {
    expect(await run('tac', [], { stdin: 'a\nb\nc\n' })).toMatchObject({ stdout: 'c\nb\na\n', stderr: '', status: 0 });
  });

  it('keeps a last line without newline as it is', async () => {
    expect((await run('tac', [], { stdin: 'a\nb\nc' })).stdout).toBe('cb\na\n');
  });

  it('takes a separator with -s, before the record with -b, a regex with -r', async () => {
    expect((await run('tac', ['-s', ':'], { stdin: 'a:b:c' })).stdout).toBe('cb:a:');
    expect((await run('tac', ['-b'], { stdin: 'a\nb\n' })).stdout).toBe('\n\nba');
    expect((await run('tac', ['-r', '-s', '[0-9]'], { stdin: 'a1b2c' })).stdout).toBe('cb2a1');
  });

  it('reverses each file on its own', async () => {
    const lab = await labWith({ '/tmp/a': '1\n2\n', '/tmp/b': '3\n4\n' });
    expect((await run('tac', ['/tmp/a', '/tmp/b'], { lab })).stdout).toBe('2\n1\n4\n3\n');
  });

  it('reports errors', async () => {
    const r = await run('tac', ['/nope', '/tmp']);
    expect(r).toMatchObject({
      stdout: '',
      stderr: "tac: cannot open `/nope' for reading: No such file or directory\ntac: /tmp: read error: Is a directory\n",
      status: 1,
    });
    expect((await run('tac', ['-s', ''])).stderr).toBe('tac: separator cannot be empty\n');
    expect((await run('tac', ['-r', '-s', '['])).stderr).toBe('tac: Unmatched [ or [^\n');
  });
});
