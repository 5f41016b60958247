import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/engine/fs/vfs';
import { labWith, run } from './text-harness';

describe('uniq', () => {
  it('drops adjacent repeats', async () => {
    expect(await run('uniq', [], { stdin: 'a\na\nb\na\n' })).toMatchObject({ stdout: 'a\nb\na\n', stderr: '', status: 0 });
  });

  it('counts with -c in a 7-wide column', async () => {
    expect((await run('uniq', ['-c'], { stdin: 'a\na\nb\n' })).stdout).toBe('      2 a\n      1 b\n');
  });

  it('-d prints one of each repeated group, -u the lines never repeated, -D all repeats', async () => {
    const input = 'a\na\nb\nc\nc\nc\n';
    expect((await run('uniq', ['-d'], { stdin: input })).stdout).toBe('a\nc\n');
    expect((await run('uniq', ['-u'], { stdin: input })).stdout).toBe('b\n');
    expect((await run('uniq', ['-D'], { stdin: input })).stdout).toBe('a\na\nc\nc\nc\n');
    expect((await run('uniq', ['--all-repeated=separate'], { stdin: input })).stdout).toBe('a\na\n\nc\nc\nc\n');
    expect((await run('uniq', ['-cd'], { stdin: input })).stdout).toBe('      2 a\n      3 c\n');
  });

  it('ignores case with -i, fields with -f, characters with -s, compares -w characters', async () => {
    expect((await run('uniq', ['-i'], { stdin: 'Mail\nmail\nMAIL\nx\n' })).stdout).toBe('Mail\nx\n');
    expect((await run('uniq', ['-f', '1'], { stdin: '1 a\n2 a\n3 b\n' })).stdout).toBe('1 a\n3 b\n');
    expect((await run('uniq', ['-s', '2'], { stdin: 'xxa\nyya\n' })).stdout).toBe('xxa\n');
    expect((await run('uniq', ['-w', '2'], { stdin: 'abc\nabd\nax\n' })).stdout).toBe('abc\nax\n');
    expect((await run('uniq', ['-1'], { stdin: '1 a\n2 a\n' })).stdout).toBe('1 a\n');
  });

  it('ends the last line with a newline', async () => {
    expect((await run('uniq', [], { stdin: 'a\na' })).stdout).toBe('a\n');
  });

  it('reads INPUT and writes OUTPUT operands', async () => {
    const lab = await labWith({ '/tmp/in': 'x\nx\ny\n' });
    expect(await run('uniq', ['/tmp/in', '/tmp/out'], { lab })).toMatchObject({ stdout: '', status: 0 });
    expect(lab.host('rhel1').vfs.readFile('/tmp/out', ROOT)).toBe('x\ny\n');
  });

  it('reports errors', async () => {
    expect(await run('uniq', ['/nope'])).toMatchObject({ stdout: '', stderr: 'uniq: /nope: No such file or directory\n', status: 1 });
    expect(await run('uniq', ['/tmp'])).toMatchObject({ stderr: 'uniq: error reading /tmp\n', status: 1 });
    expect((await run('uniq', ['a', 'b', 'c'])).stderr).toBe("uniq: extra operand `c'\nTry `uniq --help' for more information.\n");
    expect((await run('uniq', ['-f', 'x'])).stderr).toBe('uniq: x: invalid number of fields to skip\n');
    expect((await run('uniq', ['-c', '-D'])).stderr).toBe("uniq: printing all duplicated lines and repeat counts is meaningless\nTry `uniq --help' for more information.\n");
  });
});
