import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { dir, put, run, vfsOf } from './helpers';

const OLD = Date.UTC(2014, 0, 2, 10, 0, 0);

describe('cp', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = Lab.create();
    await lab.settle();
    dir(lab, '/tmp/t', 0o777);
    put(lab, '/tmp/t/a', 'alpha\n', 0o640, 500, 12);
    vfsOf(lab).utimes('/tmp/t/a', ROOT, OLD, OLD);
    dir(lab, '/tmp/t/d');
    put(lab, '/tmp/t/d/f', 'file\n');
    vfsOf(lab).symlink('f', '/tmp/t/d/l', ROOT);
  });
  const ls = async (path: string) => (await run('ls', ['ls', '-l', path], { lab })).stdout;

  it('copies a file: new mode from the source less the umask, owner is the copier, time is now', async () => {
    const r = await run('cp', ['cp', '/tmp/t/a', '/tmp/t/b'], { lab });
    expect(r).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(await ls('/tmp/t/b')).toBe('-rw-r-----. 1 root root 6 Apr 26 11:25 /tmp/t/b\n');
    expect(vfsOf(lab).readFile('/tmp/t/b', ROOT)).toBe('alpha\n');
  });

  it('-p and -a keep mode, owner and times', async () => {
    await run('cp', ['cp', '-p', '/tmp/t/a', '/tmp/t/b'], { lab });
    expect(await ls('/tmp/t/b')).toBe('-rw-r-----. 1 user1 mail 6 Jan  2 03:00 /tmp/t/b\n');
    const r = await run('cp', ['cp', '-av', '/tmp/t/d', '/tmp/t/e'], { lab });
    expect(r.stdout).toBe("`/tmp/t/d' -> `/tmp/t/e'\n`/tmp/t/d/f' -> `/tmp/t/e/f'\n`/tmp/t/d/l' -> `/tmp/t/e/l'\n");
    expect(await ls('/tmp/t/e')).toBe(
      'total 4\n-rw-r--r--. 1 root root 5 Apr 26 11:25 f\nlrwxrwxrwx. 1 root root 1 Apr 26 11:25 l -> f\n',
    );
  });

  it('copies into a directory and over an existing file', async () => {
    const r = await run('cp', ['cp', '-v', '/tmp/t/a', '/tmp/t/d/f', '/tmp/t/d/'], { lab });
    expect(r.stdout).toBe("`/tmp/t/a' -> `/tmp/t/d/a'\n");
    expect(r.stderr).toBe("cp: `/tmp/t/d/f' and `/tmp/t/d/f' are the same file\n");
    expect(r.status).toBe(1);
    const over = await run('cp', ['cp', '/tmp/t/a', '/tmp/t/d/f'], { lab });
    expect(over.status).toBe(0);
    expect(vfsOf(lab).readFile('/tmp/t/d/f', ROOT)).toBe('alpha\n');
  });

  it('omits directories without -r and refuses to copy one into itself', async () => {
    const r = await run('cp', ['cp', '/tmp/t/d', '/tmp/t/x'], { lab });
    expect(r).toMatchObject({ stdout: '', stderr: "cp: omitting directory `/tmp/t/d'\n", status: 1 });
    const self = await run('cp', ['cp', '-r', '/tmp/t/d', '/tmp/t/d'], { lab });
    expect(self.stderr).toBe("cp: cannot copy a directory, `/tmp/t/d', into itself, `/tmp/t/d/d'\n");
    expect(self.status).toBe(1);
  });

  it('asks before overwriting with -i and obeys the answer', async () => {
    const no = await run('cp', ['cp', '-i', '/tmp/t/a', '/tmp/t/d/f'], { lab, stdin: 'n\n' });
    expect(no).toMatchObject({ stdout: '', stderr: "cp: overwrite `/tmp/t/d/f'? ", status: 0 });
    expect(vfsOf(lab).readFile('/tmp/t/d/f', ROOT)).toBe('file\n');
    const yes = await run('cp', ['cp', '-i', '/tmp/t/a', '/tmp/t/d/f'], { lab, stdin: 'y\n' });
    expect(yes.status).toBe(0);
    expect(vfsOf(lab).readFile('/tmp/t/d/f', ROOT)).toBe('alpha\n');
  });

  it('-n never overwrites, -u only when the source is newer', async () => {
    await run('cp', ['cp', '-n', '/tmp/t/a', '/tmp/t/d/f'], { lab });
    expect(vfsOf(lab).readFile('/tmp/t/d/f', ROOT)).toBe('file\n');
    await run('cp', ['cp', '-u', '/tmp/t/a', '/tmp/t/d/f'], { lab });
    expect(vfsOf(lab).readFile('/tmp/t/d/f', ROOT)).toBe('file\n');
    await run('cp', ['cp', '-u', '/tmp/t/d/f', '/tmp/t/a'], { lab });
    expect(vfsOf(lab).readFile('/tmp/t/a', ROOT)).toBe('file\n');
  });

  it('reports permission problems as user1', async () => {
    put(lab, '/tmp/t/secret', 'x', 0o600);
    const r = await run('cp', ['cp', '/tmp/t/secret', '/tmp/t/mine'], { lab, user: 'user1' });
    expect(r).toMatchObject({ stderr: "cp: cannot open `/tmp/t/secret' for reading: Permission denied\n", status: 1 });
    const w = await run('cp', ['cp', '/tmp/t/a', '/etc/x'], { lab, user: 'user1' });
    expect(w.stderr).toBe("cp: cannot create regular file `/etc/x': Permission denied\n");
    put(lab, '/tmp/t/ro', 'old', 0o444, 500, 500);
    const f = await run('cp', ['cp', '-f', '/tmp/t/a', '/tmp/t/ro'], { lab, user: 'user1' });
    expect(f.status).toBe(0);
    expect(vfsOf(lab).readFile('/tmp/t/ro', ROOT)).toBe('alpha\n');
    const p = await run('cp', ['cp', '-p', '/tmp/t/d/f', '/tmp/t/pf'], { lab, user: 'user1' });
    expect(p.status).toBe(0);
    expect(await ls('/tmp/t/pf')).toBe('-rw-r--r--. 1 user1 user1 5 Apr 26 11:25 /tmp/t/pf\n');
  });

  it('usage errors', async () => {
    expect((await run('cp', ['cp'], { lab })).stderr).toBe("cp: missing file operand\nTry `cp --help' for more information.\n");
    expect((await run('cp', ['cp', '/tmp/t/a'], { lab })).stderr).toBe(
      "cp: missing destination file operand after `/tmp/t/a'\nTry `cp --help' for more information.\n",
    );
    const nd = await run('cp', ['cp', '/tmp/t/a', '/tmp/t/d/f', '/tmp/t/a'], { lab });
    expect(nd).toMatchObject({ stderr: "cp: target `/tmp/t/a' is not a directory\n", status: 1 });
    const missing = await run('cp', ['cp', '/tmp/t/zz', '/tmp/t/b'], { lab });
    expect(missing.stderr).toBe("cp: cannot stat `/tmp/t/zz': No such file or directory\n");
    const bad = await run('cp', ['cp', '-q', 'a', 'b'], { lab });
    expect(bad).toMatchObject({ stderr: "cp: invalid option -- 'q'\nTry `cp --help' for more information.\n", status: 1 });
  });
});

describe('mv', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = Lab.create();
    await lab.settle();
    dir(lab, '/tmp/t', 0o777);
    put(lab, '/tmp/t/a', 'alpha\n');
    put(lab, '/tmp/t/b', 'beta\n');
    dir(lab, '/tmp/t/d');
  });

  it('renames, moves into a directory and reports with -v', async () => {
    const r = await run('mv', ['mv', '-v', '/tmp/t/a', '/tmp/t/c'], { lab });
    expect(r).toMatchObject({ stdout: "`/tmp/t/a' -> `/tmp/t/c'\n", stderr: '', status: 0 });
    const d = await run('mv', ['mv', '/tmp/t/c', '/tmp/t/b', '/tmp/t/d'], { lab });
    expect(d.status).toBe(0);
    expect((await run('ls', ['ls', '/tmp/t', '/tmp/t/d'], { lab })).stdout).toBe('/tmp/t:\nd\n\n/tmp/t/d:\nb\nc\n');
  });

  it('replaces an existing file, asks with -i, keeps it with -n', async () => {
    const n = await run('mv', ['mv', '-i', '/tmp/t/a', '/tmp/t/b'], { lab, stdin: 'no\n' });
    expect(n).toMatchObject({ stderr: "mv: overwrite `/tmp/t/b'? ", status: 0 });
    expect(vfsOf(lab).readFile('/tmp/t/b', ROOT)).toBe('beta\n');
    await run('mv', ['mv', '-n', '/tmp/t/a', '/tmp/t/b'], { lab });
    expect(vfsOf(lab).readFile('/tmp/t/b', ROOT)).toBe('beta\n');
    await run('mv', ['mv', '/tmp/t/a', '/tmp/t/b'], { lab });
    expect(vfsOf(lab).readFile('/tmp/t/b', ROOT)).toBe('alpha\n');
  });

  it('errors', async () => {
    const s = await run('mv', ['mv', '/tmp/t/zz', '/tmp/t/y'], { lab });
    expect(s).toMatchObject({ stderr: "mv: cannot stat `/tmp/t/zz': No such file or directory\n", status: 1 });
    const self = await run('mv', ['mv', '/tmp/t/d', '/tmp/t/d/sub'], { lab });
    expect(self.stderr).toBe("mv: cannot move `/tmp/t/d' to a subdirectory of itself, `/tmp/t/d/sub'\n");
    const over = await run('mv', ['mv', '/tmp/t/a', '/tmp/t/d'], { lab });
    expect(over.status).toBe(0);
    put(lab, '/tmp/t/e', '');
    dir(lab, '/tmp/t/x/e');
    const onto = await run('mv', ['mv', '/tmp/t/e', '/tmp/t/x'], { lab });
    expect(onto.stderr).toBe("mv: cannot overwrite directory `/tmp/t/x/e' with non-directory\n");
    const same = await run('mv', ['mv', '/tmp/t/b', '/tmp/t/b'], { lab });
    expect(same.stderr).toBe("mv: `/tmp/t/b' and `/tmp/t/b' are the same file\n");
    expect((await run('mv', ['mv', '/tmp/t/b'], { lab })).stderr).toBe(
      "mv: missing destination file operand after `/tmp/t/b'\nTry `mv --help' for more information.\n",
    );
  });

  it('as user1: cannot move root files out of /etc, sticky /tmp protects others', async () => {
    const r = await run('mv', ['mv', '/etc/passwd', '/tmp/p'], { lab, user: 'user1' });
    expect(r).toMatchObject({ stderr: "mv: cannot move `/etc/passwd' to `/tmp/p': Permission denied\n", status: 1 });
    dir(lab, '/tmp/s', 0o1777);
    put(lab, '/tmp/s/root-file', '');
    const sticky = await run('mv', ['mv', '/tmp/s/root-file', '/tmp/s/mine'], { lab, user: 'user1' });
    expect(sticky.stderr).toBe("mv: cannot move `/tmp/s/root-file' to `/tmp/s/mine': Operation not permitted\n");
  });
});
