import { describe, expect, it } from 'vitest';
import { labWith, run } from './text-harness';

describe('wc', () => {
  it('counts lines, words and bytes of a pipe in 7-wide columns', async () => {
    const r = await run('wc', [], { stdin: 'hello world\nbye\n' });
    expect(r).toMatchObject({ stdout: '      2       3      16\n', stderr: '', status: 0 });
  });

  it('prints a single count of a single input without padding', async () => {
    expect((await run('wc', ['-l'], { stdin: 'a\nb\n' })).stdout).toBe('2\n');
    const lab = await labWith({ '/tmp/f': 'one two\nthree\n' });
    expect((await run('wc', ['-l', '/tmp/f'], { lab })).stdout).toBe('2 /tmp/f\n');
  });

  it('sizes the columns from the total size of regular files', async () => {
    const lab = await labWith({ '/tmp/f': 'one two\nthree\n', '/tmp/g': 'x\n'.repeat(60) });
    expect((await run('wc', ['/tmp/f'], { lab })).stdout).toBe(' 2  3 14 /tmp/f\n');
    expect((await run('wc', ['/tmp/f', '/tmp/g'], { lab })).stdout).toBe('  2   3  14 /tmp/f\n 60  60 120 /tmp/g\n 62  63 134 total\n');
  });

  it('goes on past missing files and prints zeros for a directory', async () => {
    const lab = await labWith({ '/tmp/f': 'a b\n' });
    const r = await run('wc', ['/tmp/f', '/nope', '/tmp'], { lab });
    expect(r).toMatchObject({
      stdout: '      1       2       4 /tmp/f\n      0       0       0 /tmp\n      1       2       4 total\n',
      stderr: 'wc: /nope: No such file or directory\nwc: /tmp: Is a directory\n',
      status: 1,
    });
  });

  it('counts characters with -m and the longest line with -L', async () => {
    const r = await run('wc', ['-c', '-m', '-L'], { stdin: 'héllo\tx\n日本\n' });
    // -m comes before -c in the output, whatever the order of the options.
    expect(r.stdout).toBe('     11      16       9\n');
  });

  it('only counts printable non-blank runs as words', async () => {
    expect((await run('wc', ['-w'], { stdin: 'a\x01b c\x00\n  d\te\n' })).stdout).toBe('4\n');
  });

  it('names standard input `-` when asked for it', async () => {
    expect((await run('wc', ['-l', '-'], { stdin: 'x\n' })).stdout).toBe('1 -\n');
  });

  it('rejects bad options', async () => {
    expect(await run('wc', ['-x'])).toMatchObject({ stderr: "wc: invalid option -- 'x'\nTry `wc --help' for more information.\n", status: 1 });
  });

  it('reads names from --files0-from', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n', '/tmp/b': 'b b\n', '/tmp/list': '/tmp/a\0/tmp/b\0' });
    const r = await run('wc', ['-w', '--files0-from=/tmp/list'], { lab });
    expect(r.stdout).toBe('1 /tmp/a\n2 /tmp/b\n3 total\n');
    expect((await run('wc', ['--files0-from=/tmp/list', '/tmp/a'], { lab })).stderr).toBe(
      "wc: extra operand `/tmp/a'\nfile operands cannot be combined with --files0-from\nTry `wc --help' for more information.\n",
    );
  });
});
