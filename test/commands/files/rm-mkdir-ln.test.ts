import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { dir, put, run, vfsOf } from './helpers';

let lab: Lab;
beforeEach(async () => {
  lab = Lab.create();
  await lab.settle();
  dir(lab, '/tmp/t', 0o777);
  put(lab, '/tmp/t/a', 'alpha\n');
  put(lab, '/tmp/t/empty', '');
  dir(lab, '/tmp/t/d/sub');
  put(lab, '/tmp/t/d/f', 'x');
});
const exists = (p: string) => vfsOf(lab).exists(p, ROOT);

describe('rm', () => {
  it('removes files, refuses directories without -r', async () => {
    const r = await run('rm', ['rm', '/tmp/t/a', '/tmp/t/d'], { lab });
    expect(r).toMatchObject({ stdout: '', stderr: "rm: cannot remove `/tmp/t/d': Is a directory\n", status: 1 });
    expect(exists('/tmp/t/a')).toBe(false);
  });

  it('-rv removes a tree depth first', async () => {
    const r = await run('rm', ['rm', '-rv', '/tmp/t/d'], { lab });
    expect(r.stdout).toBe("removed directory: `/tmp/t/d/sub'\nremoved `/tmp/t/d/f'\nremoved directory: `/tmp/t/d'\n");
    expect(r.status).toBe(0);
    expect(exists('/tmp/t/d')).toBe(false);
  });

  it('-i asks, with the file type in the prompt', async () => {
    const r = await run('rm', ['rm', '-i', '/tmp/t/a', '/tmp/t/empty'], { lab, stdin: 'y\nn\n' });
    expect(r.stderr).toBe("rm: remove regular file `/tmp/t/a'? rm: remove regular empty file `/tmp/t/empty'? ");
    expect(exists('/tmp/t/a')).toBe(false);
    expect(exists('/tmp/t/empty')).toBe(true);
    const ri = await run('rm', ['rm', '-ri', '/tmp/t/d'], { lab, stdin: 'y\ny\ny\nn\n' });
    expect(ri.stderr).toBe(
      "rm: descend into directory `/tmp/t/d'? rm: remove directory `/tmp/t/d/sub'? rm: remove regular file `/tmp/t/d/f'? rm: remove directory `/tmp/t/d'? ",
    );
    expect(exists('/tmp/t/d/f')).toBe(false);
    expect(exists('/tmp/t/d')).toBe(true);
  });

  it('missing files: an error, or silence with -f', async () => {
    const r = await run('rm', ['rm', '/tmp/t/zz'], { lab });
    expect(r).toMatchObject({ stderr: "rm: cannot remove `/tmp/t/zz': No such file or directory\n", status: 1 });
    const f = await run('rm', ['rm', '-f', '/tmp/t/zz'], { lab });
    expect(f).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect((await run('rm', ['rm'], { lab })).stderr).toBe("rm: missing operand\nTry `rm --help' for more information.\n");
    expect((await run('rm', ['rm', '-f'], { lab })).status).toBe(0);
  });

  it('refuses / and . ..', async () => {
    const r = await run('rm', ['rm', '-rf', '/'], { lab });
    expect(r.stderr).toBe("rm: it is dangerous to operate recursively on `/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect(r.status).toBe(1);
    const dot = await run('rm', ['rm', '-r', '.'], { lab, cwd: '/tmp/t' });
    expect(dot.stderr).toBe("rm: cannot remove directory: `.'\n");
  });

  it('permission denied as user1; write-protected prompt only on a terminal', async () => {
    const r = await run('rm', ['rm', '/etc/passwd'], { lab, user: 'user1' });
    expect(r).toMatchObject({ stderr: "rm: cannot remove `/etc/passwd': Permission denied\n", status: 1 });
    dir(lab, '/tmp/t/mine', 0o755, 500, 500);
    put(lab, '/tmp/t/mine/ro', 'x', 0o444, 500, 500);
    const ok = await run('rm', ['rm', '/tmp/t/mine/ro'], { lab, user: 'user1' });
    expect(ok).toMatchObject({ stderr: '', status: 0 });
    dir(lab, '/tmp/t/theirs', 0o755);
    put(lab, '/tmp/t/theirs/f', 'x');
    const tree = await run('rm', ['rm', '-rf', '/tmp/t/theirs'], { lab, user: 'user1' });
    expect(tree).toMatchObject({ stderr: "rm: cannot remove `/tmp/t/theirs/f': Permission denied\n", status: 1 });
  });

  it('suggests ./-name for a file that looks like an option', async () => {
    put(lab, '/tmp/t/-x', '');
    const r = await run('rm', ['rm', '-x'], { lab, cwd: '/tmp/t' });
    expect(r.stderr).toBe("rm: invalid option -- 'x'\nTry `rm ./-x' to remove the file `-x'.\nTry `rm --help' for more information.\n");
  });

  it('RHEL 5 wording on rhel2', async () => {
    const r = await run('rm', ['rm', '/nope', '/tmp'], { lab, host: 'rhel2' });
    expect(r.stderr).toBe("rm: cannot lstat `/nope': No such file or directory\nrm: cannot remove directory `/tmp': Is a directory\n");
  });
});

describe('rmdir', () => {
  it('removes empty directories, -p parents, reports non-empty ones', async () => {
    const r = await run('rmdir', ['rmdir', '/tmp/t/d'], { lab });
    expect(r).toMatchObject({ stderr: "rmdir: failed to remove `/tmp/t/d': Directory not empty\n", status: 1 });
    const f = await run('rmdir', ['rmdir', '/tmp/t/a'], { lab });
    expect(f.stderr).toBe("rmdir: failed to remove `/tmp/t/a': Not a directory\n");
    dir(lab, '/tmp/p/q/r');
    const p = await run('rmdir', ['rmdir', '-pv', 'p/q/r'], { lab, cwd: '/tmp' });
    expect(p).toMatchObject({
      stdout: "rmdir: removing directory, `p/q/r'\nrmdir: removing directory, `p/q'\nrmdir: removing directory, `p'\n",
      stderr: '',
      status: 0,
    });
    expect(exists('/tmp/p')).toBe(false);
    expect((await run('rmdir', ['rmdir'], { lab })).stderr).toBe("rmdir: missing operand\nTry `rmdir --help' for more information.\n");
  });
});

describe('mkdir', () => {
  it('creates directories with the umask, -p parents, -m modes, -v reports', async () => {
    const r = await run('mkdir', ['mkdir', '/tmp/t/n'], { lab });
    expect(r.status).toBe(0);
    expect(vfsOf(lab).stat('/tmp/t/n', ROOT).mode).toBe(0o755);
    const e = await run('mkdir', ['mkdir', '/tmp/t/n'], { lab });
    expect(e).toMatchObject({ stderr: "mkdir: cannot create directory `/tmp/t/n': File exists\n", status: 1 });
    const p = await run('mkdir', ['mkdir', '-pv', '/tmp/t/x/y'], { lab });
    expect(p.stdout).toBe("mkdir: created directory `/tmp/t/x'\nmkdir: created directory `/tmp/t/x/y'\n");
    expect((await run('mkdir', ['mkdir', '-p', '/tmp/t/x/y'], { lab })).status).toBe(0);
    await run('mkdir', ['mkdir', '-m', '1777', '/tmp/t/s'], { lab });
    expect(vfsOf(lab).stat('/tmp/t/s', ROOT).mode).toBe(0o1777);
    await run('mkdir', ['mkdir', '-m', 'u=rwx,g=rx', '/tmp/t/m'], { lab });
    expect(vfsOf(lab).stat('/tmp/t/m', ROOT).mode).toBe(0o757);
    const bad = await run('mkdir', ['mkdir', '-m', 'zz', '/tmp/t/z'], { lab });
    expect(bad).toMatchObject({ stderr: "mkdir: invalid mode `zz'\n", status: 1 });
    const miss = await run('mkdir', ['mkdir', '/tmp/t/no/such'], { lab });
    expect(miss.stderr).toBe("mkdir: cannot create directory `/tmp/t/no/such': No such file or directory\n");
    const nd = await run('mkdir', ['mkdir', '-p', '/tmp/t/a/b'], { lab });
    expect(nd.stderr).toBe("mkdir: cannot create directory `/tmp/t/a/b': Not a directory\n");
  });

  it('as user1 in /etc', async () => {
    const r = await run('mkdir', ['mkdir', '/etc/mine'], { lab, user: 'user1' });
    expect(r).toMatchObject({ stderr: "mkdir: cannot create directory `/etc/mine': Permission denied\n", status: 1 });
  });
});

describe('ln', () => {
  it('hard links share the inode; -s makes symlinks; -f replaces', async () => {
    const r = await run('ln', ['ln', '/tmp/t/a', '/tmp/t/hard'], { lab });
    expect(r.status).toBe(0);
    expect(vfsOf(lab).stat('/tmp/t/hard', ROOT).ino).toBe(vfsOf(lab).stat('/tmp/t/a', ROOT).ino);
    expect(vfsOf(lab).stat('/tmp/t/a', ROOT).nlink).toBe(2);
    const s = await run('ln', ['ln', '-sv', 'a', '/tmp/t/soft'], { lab });
    expect(s.stdout).toBe("`/tmp/t/soft' -> `a'\n");
    expect(vfsOf(lab).readlink('/tmp/t/soft', ROOT)).toBe('a');
    const again = await run('ln', ['ln', '-s', 'empty', '/tmp/t/soft'], { lab });
    expect(again).toMatchObject({ stderr: "ln: creating symbolic link `/tmp/t/soft': File exists\n", status: 1 });
    await run('ln', ['ln', '-sf', 'empty', '/tmp/t/soft'], { lab });
    expect(vfsOf(lab).readlink('/tmp/t/soft', ROOT)).toBe('empty');
    const into = await run('ln', ['ln', '-s', '/tmp/t/a', '/tmp/t/d'], { lab });
    expect(into.status).toBe(0);
    expect(vfsOf(lab).readlink('/tmp/t/d/a', ROOT)).toBe('/tmp/t/a');
  });

  it('errors: directories, missing sources, permissions', async () => {
    const d = await run('ln', ['ln', '/tmp/t/d', '/tmp/t/dd'], { lab });
    expect(d).toMatchObject({ stderr: "ln: `/tmp/t/d': hard link not allowed for directory\n", status: 1 });
    const m = await run('ln', ['ln', '/tmp/t/zz', '/tmp/t/y'], { lab });
    expect(m.stderr).toBe("ln: accessing `/tmp/t/zz': No such file or directory\n");
    const p = await run('ln', ['ln', '-s', '/tmp/t/a', '/etc/x'], { lab, user: 'user1' });
    expect(p.stderr).toBe("ln: creating symbolic link `/etc/x': Permission denied\n");
    const h = await run('ln', ['ln', '/tmp/t/a', '/etc/x'], { lab, user: 'user1' });
    expect(h.stderr).toBe("ln: creating hard link `/etc/x' => `/tmp/t/a': Permission denied\n");
    const i = await run('ln', ['ln', '-si', 'a', '/tmp/t/empty'], { lab, stdin: 'n\n' });
    expect(i).toMatchObject({ stderr: "ln: replace `/tmp/t/empty'? ", status: 0 });
  });
});
