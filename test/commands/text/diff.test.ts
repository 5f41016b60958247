import { describe, expect, it } from 'vitest';
import { runProgram } from '../../harness/run';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { diff } from '../../../src/engine/commands/text/diff';

function labWith(files: Record<string, string>): Lab {
  const lab = Lab.create();
  const vfs = lab.host('rhel1').vfs;
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = '/' + parts.slice(0, i).join('/');
      if (!vfs.exists(dir, ROOT)) vfs.mkdir(dir, ROOT, 0o755, 0);
    }
    vfs.writeFile(path, ROOT, text);
  }
  return lab;
}

async function run(argv: string[], lab: Lab, stdin?: string) {
  const r = await runProgram(diff, ['diff', ...argv], { lab, cwd: '/t', stdin });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

const A = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n';
const B = 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\n';

describe('diff', () => {
  it('prints a normal diff', async () => {
    const lab = labWith({ '/t/a': A, '/t/b': B });
    expect(await run(['a', 'b'], lab)).toEqual({ out: '3c3\n< three\n---\n> THREE\n8a9\n> nine\n', err: '', status: 1 });
    expect(await run(['b', 'a'], lab)).toEqual({ out: '3c3\n< THREE\n---\n> three\n9d8\n< nine\n', err: '', status: 1 });
    expect(await run(['a', 'a'], lab)).toEqual({ out: '', err: '', status: 0 });
  });

  it('prints a unified diff with 2.8.1 time stamps from the lab clock', async () => {
    const lab = labWith({ '/t/a': A, '/t/b': B });
    expect(await run(['-u', 'a', 'b'], lab)).toEqual({
      out:
        '--- a\t2014-04-26 11:25:00.000000000 -0600\n' +
        '+++ b\t2014-04-26 11:25:00.000000000 -0600\n' +
        '@@ -1,8 +1,9 @@\n one\n two\n-three\n+THREE\n four\n five\n six\n seven\n eight\n+nine\n',
      err: '',
      status: 1,
    });
    expect((await run(['-U1', 'a', 'b'], lab)).out).toBe(
      '--- a\t2014-04-26 11:25:00.000000000 -0600\n+++ b\t2014-04-26 11:25:00.000000000 -0600\n' +
        '@@ -2,3 +2,3 @@\n two\n-three\n+THREE\n four\n@@ -8 +8,2 @@\n eight\n+nine\n',
    );
  });

  it('prints a context diff', async () => {
    const lab = labWith({ '/t/a': 'a\nb\nc\n', '/t/b': 'a\nB\nc\n' });
    expect((await run(['-c', '-L', 'old', '-L', 'new', 'a', 'b'], lab)).out).toBe(
      '*** old\n--- new\n***************\n*** 1,3 ****\n  a\n! b\n  c\n--- 1,3 ----\n  a\n! B\n  c\n',
    );
  });

  it('marks a missing final newline', async () => {
    const lab = labWith({ '/t/a': 'x\ny', '/t/b': 'x\ny\n' });
    expect(await run(['a', 'b'], lab)).toEqual({ out: '2c2\n< y\n\\ No newline at end of file\n---\n> y\n', err: '', status: 1 });
  });

  it('ignores case, white space and blank lines on request', async () => {
    const lab = labWith({ '/t/a': 'Hello  World\nx\n', '/t/b': 'hello world\n\nx\n' });
    expect((await run(['a', 'b'], lab)).status).toBe(1);
    expect(await run(['-i', '-b', '-B', 'a', 'b'], lab)).toEqual({ out: '', err: '', status: 0 });
    expect(await run(['-i', '-w', 'a', 'b'], lab)).toEqual({ out: '1a2\n> \n', err: '', status: 1 });
  });

  it('answers -q, binary files and errors with the right status', async () => {
    const lab = labWith({ '/t/a': A, '/t/b': B, '/t/bin1': 'a\0b', '/t/bin2': 'a\0c' });
    expect(await run(['-q', 'a', 'b'], lab)).toEqual({ out: 'Files a and b differ\n', err: '', status: 1 });
    expect(await run(['bin1', 'bin2'], lab)).toEqual({ out: 'Binary files bin1 and bin2 differ\n', err: '', status: 2 });
    expect(await run(['a', 'nope'], lab)).toEqual({ out: '', err: 'diff: nope: No such file or directory\n', status: 2 });
    expect(await run(['a'], lab)).toEqual({ out: '', err: "diff: missing operand after `a'\ndiff: Try `diff --help' for more information.\n", status: 2 });
    expect(await run(['a', 'b', 'c'], lab)).toEqual({ out: '', err: "diff: extra operand `c'\ndiff: Try `diff --help' for more information.\n", status: 2 });
    expect(await run(['-k', 'a', 'b'], lab)).toEqual({ out: '', err: "diff: invalid option -- 'k'\ndiff: Try `diff --help' for more information.\n", status: 2 });
  });

  it('reads standard input for -', async () => {
    const lab = labWith({ '/t/a': 'x\n' });
    expect(await run(['-', 'a'], lab, 'y\n')).toEqual({ out: '1c1\n< y\n---\n> x\n', err: '', status: 1 });
  });

  it('compares directories, recursively with -r', async () => {
    const lab = labWith({ '/t/d1/same': 's\n', '/t/d1/f': 'a\n', '/t/d1/only1': '1\n', '/t/d1/sub/g': 'g\n', '/t/d2/same': 's\n', '/t/d2/f': 'b\n', '/t/d2/sub/g': 'G\n' });
    expect(await run(['d1', 'd2'], lab)).toEqual({
      out: 'diff d1/f d2/f\n1c1\n< a\n---\n> b\nOnly in d1: only1\nCommon subdirectories: d1/sub and d2/sub\n',
      err: '',
      status: 1,
    });
    expect(await run(['-r', 'd1', 'd2'], lab)).toEqual({
      out: 'diff -r d1/f d2/f\n1c1\n< a\n---\n> b\nOnly in d1: only1\ndiff -r d1/sub/g d2/sub/g\n1c1\n< g\n---\n> G\n',
      err: '',
      status: 1,
    });
  });

  it('finds the same hunks as GNU diff on shifted repeats', async () => {
    const lab = labWith({ '/t/a': 'a\nb\na\nb\nc\n', '/t/b': 'a\nb\nc\n' });
    expect((await run(['a', 'b'], lab)).out).toBe('3,4d2\n< a\n< b\n');
  });
});
