import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/engine/fs/vfs';
import { SIGINT } from '../../../src/engine/proc/signals';
import { labWith, onTerminal, run } from './text-harness';

describe('tee', () => {
  it('copies standard input to standard output and to files', async () => {
    const lab = await labWith({ '/tmp/old': 'old content\n' });
    const r = await run('tee', ['/tmp/new', '/tmp/old'], { lab, stdin: 'line\n' });
    expect(r).toMatchObject({ stdout: 'line\n', stderr: '', status: 0 });
    const vfs = lab.host('rhel1').vfs;
    expect(vfs.readFile('/tmp/new', ROOT)).toBe('line\n');
    expect(vfs.readFile('/tmp/old', ROOT)).toBe('line\n');
  });

  it('appends with -a', async () => {
    const lab = await labWith({ '/tmp/log': 'first\n' });
    await run('tee', ['-a', '/tmp/log'], { lab, stdin: 'second\n' });
    expect(lab.host('rhel1').vfs.readFile('/tmp/log', ROOT)).toBe('first\nsecond\n');
  });

  it('writes `-` to standard output again', async () => {
    expect((await run('tee', ['-'], { stdin: 'x\n' })).stdout).toBe('x\nx\n');
  });

  it('reports files it cannot write and still copies to the others', async () => {
    const lab = await labWith({});
    const r = await run('tee', ['/tmp', '/nodir/f', '/root/mine', '/tmp/ok'], { lab, user: 'user1', stdin: 'data\n' });
    expect(r).toMatchObject({
      stdout: 'data\n',
      stderr: 'tee: /tmp: Is a directory\ntee: /nodir/f: No such file or directory\ntee: /root/mine: Permission denied\n',
      status: 1,
    });
    expect(lab.host('rhel1').vfs.readFile('/tmp/ok', ROOT)).toBe('data\n');
  });

  it('writes each line as it comes from a terminal; -i ignores ^C', async () => {
    const lab = await labWith({});
    const t = await onTerminal(lab, ['tee', '-i', '/tmp/typed']);
    await t.type('hello\r');
    expect(lab.host('rhel1').vfs.readFile('/tmp/typed', ROOT)).toBe('hello\n');
    expect(t.proc.signal(SIGINT)).toBe(false);
    await t.type('\x04');
    expect(t.proc.exitStatus).toBe(0);
    expect(t.screen()).toBe('hello\nhello');
  });

  it('rejects bad options', async () => {
    expect(await run('tee', ['-x'])).toMatchObject({ stderr: "tee: invalid option -- 'x'\nTry `tee --help' for more information.\n", status: 1 });
  });
});
