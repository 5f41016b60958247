import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/engine/fs/vfs';
import { labWith, numbered, onTerminal, run } from './text-harness';

describe('tail', () => {
  it('prints the last ten lines by default', async () => {
    const r = await run('tail', [], { stdin: numbered(12) });
    expect(r).toMatchObject({ stdout: numbered(12).split('\n').slice(2).join('\n'), stderr: '', status: 0 });
  });

  it('takes -n N, -N, -n +N and counts a last line without newline', async () => {
    expect((await run('tail', ['-n', '2'], { stdin: numbered(5) })).stdout).toBe('line 4\nline 5\n');
    expect((await run('tail', ['-1'], { stdin: 'a\nb' })).stdout).toBe('b');
    expect((await run('tail', ['-n', '+4'], { stdin: numbered(5) })).stdout).toBe('line 4\nline 5\n');
    expect((await run('tail', ['-n', '+0'], { stdin: 'a\n' })).stdout).toBe('a\n');
    expect((await run('tail', ['-n', '0'], { stdin: 'a\n' })).stdout).toBe('');
  });

  it('counts bytes with -c and -c +N', async () => {
    expect((await run('tail', ['-c', '3'], { stdin: 'abcdef' })).stdout).toBe('def');
    expect((await run('tail', ['-c', '+3'], { stdin: 'abcdef' })).stdout).toBe('cdef');
    expect((await run('tail', ['-3c'], { stdin: 'abcdef' })).stdout).toBe('def');
  });

  it('reads a file and shows headers for several', async () => {
    const lab = await labWith({ '/var/log/m': numbered(3, 'msg'), '/tmp/b': 'b\n' });
    expect((await run('tail', ['-n', '2', '/var/log/m'], { lab })).stdout).toBe('msg 2\nmsg 3\n');
    const r = await run('tail', ['-n1', '/var/log/m', '/tmp/b'], { lab });
    expect(r.stdout).toBe('==> /var/log/m <==\nmsg 3\n\n==> /tmp/b <==\nb\n');
  });

  it('takes a leading + operand as a file name, as POSIX 2001 wants', async () => {
    const r = await run('tail', ['+2'], { stdin: 'a\n' });
    expect(r).toMatchObject({ stdout: '', stderr: "tail: cannot open `+2' for reading: No such file or directory\n", status: 1 });
  });

  it('reports errors with coreutils wording', async () => {
    const lab = await labWith({});
    expect(await run('tail', ['/nope'], { lab })).toMatchObject({ stderr: "tail: cannot open `/nope' for reading: No such file or directory\n", status: 1 });
    expect(await run('tail', ['/tmp'], { lab })).toMatchObject({ stdout: '', stderr: "tail: error reading `/tmp': Is a directory\n", status: 1 });
    expect((await run('tail', ['-n', 'abc'], { lab })).stderr).toBe('tail: abc: invalid number of lines\n');
    expect((await run('tail', ['-5', '-f', '/x'], { lab })).stderr).toBe('tail: option used in invalid context -- 5\n');
    expect((await run('tail', ['--follow=x'], { lab })).stderr).toBe(
      "tail: invalid argument `x' for `--follow'\nValid arguments are:\n  - `descriptor'\n  - `name'\nTry `tail --help' for more information.\n",
    );
    expect((await run('tail', ['-F', '-'], { lab })).stderr).toBe("tail: cannot follow `-' by name\n");
  });

  it('-f on a missing file gives up at once (inotify finds nothing to watch)', async () => {
    expect(await run('tail', ['-f', '/nope'])).toMatchObject({ stdout: '', stderr: "tail: cannot open `/nope' for reading: No such file or directory\n", status: 1 });
    const el5 = await run('tail', ['-f', '/nope'], { host: 'rhel2' });
    expect(el5.stderr).toBe("tail: cannot open `/nope' for reading: No such file or directory\ntail: no files remaining\n");
  });

  it('-f ignores a pipe on standard input', async () => {
    expect(await run('tail', ['-f', '-n1'], { stdin: 'a\nb\n' })).toMatchObject({ stdout: 'b\n', status: 0 });
  });

  it('-f follows a growing file until interrupted', async () => {
    const lab = await labWith({ '/var/log/maillog': 'one\ntwo\n' });
    const vfs = lab.host('rhel1').vfs;
    const t = await onTerminal(lab, ['tail', '-n1', '-f', '/var/log/maillog'], { stdin: '' });
    expect(t.screen()).toBe('two');
    expect(t.proc.alive).toBe(true);
    vfs.appendTo(vfs.lookup('/var/log/maillog', ROOT), 'three\n');
    await lab.settle();
    vfs.appendTo(vfs.lookup('/var/log/maillog', ROOT), 'four\nfi');
    await lab.settle();
    expect(t.screen()).toBe('two\nthree\nfour\nfi');
    // Truncated and rewritten at once (`echo x > file`): the notice, then the new text.
    vfs.writeFile('/var/log/maillog', ROOT, 'new\n');
    await lab.settle();
    expect(t.stderr.text()).toBe('tail: /var/log/maillog: file truncated\n');
    expect(t.screen()).toBe('two\nthree\nfour\nfinew');
    await t.type('\x03');
    expect(t.proc.alive).toBe(false);
    expect(t.proc.exitStatus).toBe(130);
  });

  it('-f keeps following a removed file by descriptor; -F follows the name', async () => {
    const lab = await labWith({ '/tmp/log': 'a\n' });
    const vfs = lab.host('rhel1').vfs;
    const t = await onTerminal(lab, ['tail', '-F', '/tmp/log'], { stdin: '' });
    vfs.unlink('/tmp/log', ROOT);
    await lab.settle();
    vfs.writeFile('/tmp/log', ROOT, 'b\n');
    await lab.settle();
    expect(t.stderr.text()).toBe("tail: `/tmp/log' has become inaccessible: No such file or directory\ntail: `/tmp/log' has appeared;  following end of new file\n");
    expect(t.screen()).toBe('a\nb');
    await t.type('\x03');
    expect(t.proc.exitStatus).toBe(130);
  });

  it('-F waits for a file that does not exist yet', async () => {
    const lab = await labWith({});
    const vfs = lab.host('rhel1').vfs;
    const t = await onTerminal(lab, ['tail', '-F', '/tmp/later'], { stdin: '' });
    expect(t.proc.alive).toBe(true);
    vfs.writeFile('/tmp/later', ROOT, 'hello\n');
    await lab.settle();
    expect(t.stderr.text()).toBe("tail: cannot open `/tmp/later' for reading: No such file or directory\ntail: `/tmp/later' has appeared;  following end of new file\n");
    expect(t.screen()).toBe('hello');
    await t.type('\x03');
  });

  it('-f with several files prints a header when the file changes', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n', '/tmp/b': 'b\n' });
    const vfs = lab.host('rhel1').vfs;
    const t = await onTerminal(lab, ['tail', '-f', '/tmp/a', '/tmp/b'], { stdin: '' });
    vfs.appendTo(vfs.lookup('/tmp/b', ROOT), 'b2\n');
    await lab.settle();
    vfs.appendTo(vfs.lookup('/tmp/a', ROOT), 'a2\n');
    await lab.settle();
    expect(t.screen()).toBe('==> /tmp/a <==\na\n\n==> /tmp/b <==\nb\nb2\n\n==> /tmp/a <==\na2');
    await t.type('\x03');
  });

  it('--pid stops following when the writer is gone', async () => {
    const lab = await labWith({ '/tmp/a': 'a\n' });
    expect(await run('tail', ['-f', '--pid=4242', '/tmp/a'], { lab })).toMatchObject({ stdout: 'a\n', status: 0 });
    expect((await run('tail', ['--pid=1', '/tmp/a'], { lab })).stderr).toBe('tail: warning: PID ignored; --pid=PID is useful only when following\n');
  });
});
