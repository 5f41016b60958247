import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { dir, put, run, vfsOf } from './helpers';

let lab: Lab;
beforeEach(async () => {
  lab = Lab.create();
  await lab.settle();
  dir(lab, '/tmp/t', 0o777);
  put(lab, '/tmp/t/a', 'alpha\n', 0o644, 500, 500);
  put(lab, '/tmp/t/x', '#!/bin/sh\n', 0o755);
  dir(lab, '/tmp/t/d');
  put(lab, '/tmp/t/d/f', 'x', 0o600);
  vfsOf(lab).symlink('a', '/tmp/t/l', ROOT);
});
const mode = (p: string) => vfsOf(lab).stat(p, ROOT).mode.toString(8);

describe('chmod', () => {
  it('octal and symbolic modes', async () => {
    expect((await run('chmod', ['chmod', '0600', '/tmp/t/a'], { lab })).status).toBe(0);
    expect(mode('/tmp/t/a')).toBe('600');
    await run('chmod', ['chmod', 'u+x,g-w,o=r', '/tmp/t/a'], { lab });
    expect(mode('/tmp/t/a')).toBe('704');
    await run('chmod', ['chmod', 'a+X', '/tmp/t/a', '/tmp/t/d'], { lab });
    expect(mode('/tmp/t/a')).toBe('715');
    expect(mode('/tmp/t/d')).toBe('755');
    await run('chmod', ['chmod', 'g=u', '/tmp/t/x'], { lab });
    expect(mode('/tmp/t/x')).toBe('775');
    await run('chmod', ['chmod', '+t,u+s', '/tmp/t/d'], { lab });
    expect(mode('/tmp/t/d')).toBe('5755');
  });

  it('-v and -c report, -R descends, symlinks are followed on the command line', async () => {
    const v = await run('chmod', ['chmod', '-v', '644', '/tmp/t/a', '/tmp/t/x'], { lab });
    expect(v.stdout).toBe("mode of `/tmp/t/a' retained as 0644 (rw-r--r--)\nmode of `/tmp/t/x' changed to 0644 (rw-r--r--)\n");
    const c = await run('chmod', ['chmod', '-c', '600', '/tmp/t/l', '/tmp/t/x'], { lab });
    expect(c.stdout).toBe("mode of `/tmp/t/l' changed to 0600 (rw-------)\nmode of `/tmp/t/x' changed to 0600 (rw-------)\n");
    expect(mode('/tmp/t/a')).toBe('600');
    const r = await run('chmod', ['chmod', '-Rv', 'go-rwx', '/tmp/t/d'], { lab });
    expect(r.stdout).toBe("mode of `/tmp/t/d' changed to 0700 (rwx------)\nmode of `/tmp/t/d/f' retained as 0600 (rw-------)\n");
  });

  it('errors: bad mode, missing file, not the owner', async () => {
    const bad = await run('chmod', ['chmod', 'x', '/tmp/t/a'], { lab });
    expect(bad).toMatchObject({ stderr: "chmod: invalid mode: `x'\nTry `chmod --help' for more information.\n", status: 1 });
    const miss = await run('chmod', ['chmod', '644', '/tmp/t/zz'], { lab });
    expect(miss.stderr).toBe("chmod: cannot access `/tmp/t/zz': No such file or directory\n");
    const op = await run('chmod', ['chmod', '777', '/tmp/t/x'], { lab, user: 'user1' });
    expect(op).toMatchObject({ stderr: "chmod: changing permissions of `/tmp/t/x': Operation not permitted\n", status: 1 });
    expect((await run('chmod', ['chmod', '755'], { lab })).stderr).toBe("chmod: missing operand after `755'\nTry `chmod --help' for more information.\n");
    const own = await run('chmod', ['chmod', 'go-r', '/tmp/t/a'], { lab, user: 'user1' });
    expect(own.status).toBe(0);
    expect(mode('/tmp/t/a')).toBe('600');
  });

  it('-w style modes warn when the umask keeps some bits', async () => {
    put(lab, '/tmp/t/w', '', 0o666);
    const r = await run('chmod', ['chmod', '-w', '/tmp/t/w'], { lab });
    expect(r).toMatchObject({ stderr: 'chmod: /tmp/t/w: new permissions are r--rw-rw-, not r--r--r--\n', status: 1 });
    expect(mode('/tmp/t/w')).toBe('466');
  });
});

describe('chown and chgrp', () => {
  it('user, user:group, user.group, :group and user:', async () => {
    await run('chown', ['chown', 'user2', '/tmp/t/x'], { lab });
    expect(vfsOf(lab).stat('/tmp/t/x', ROOT)).toMatchObject({ uid: 501, gid: 0 });
    await run('chown', ['chown', 'user1:mail', '/tmp/t/x'], { lab });
    expect(vfsOf(lab).stat('/tmp/t/x', ROOT)).toMatchObject({ uid: 500, gid: 12 });
    await run('chown', ['chown', 'root.root', '/tmp/t/x'], { lab });
    expect(vfsOf(lab).stat('/tmp/t/x', ROOT)).toMatchObject({ uid: 0, gid: 0 });
    const v = await run('chown', ['chown', '-v', ':mail', '/tmp/t/x'], { lab });
    expect(v.stdout).toBe("changed group of `/tmp/t/x' to mail\n");
    const u = await run('chown', ['chown', '-v', 'user2:', '/tmp/t/x'], { lab });
    expect(u.stdout).toBe("changed ownership of `/tmp/t/x' to user2:user2\n");
    const g = await run('chgrp', ['chgrp', '-v', 'mail', '/tmp/t/x'], { lab });
    expect(g.stdout).toBe("changed group of `/tmp/t/x' to mail\n");
  });

  it('-R, -h and symlinks', async () => {
    await run('chown', ['chown', '-R', 'user1:user1', '/tmp/t/d'], { lab });
    expect(vfsOf(lab).stat('/tmp/t/d/f', ROOT)).toMatchObject({ uid: 500, gid: 500 });
    await run('chown', ['chown', 'user2', '/tmp/t/l'], { lab });
    expect(vfsOf(lab).stat('/tmp/t/a', ROOT).uid).toBe(501);
    expect(vfsOf(lab).lstat('/tmp/t/l', ROOT).uid).toBe(0);
    await run('chown', ['chown', '-h', 'user1', '/tmp/t/l'], { lab });
    expect(vfsOf(lab).lstat('/tmp/t/l', ROOT).uid).toBe(500);
  });

  it('errors', async () => {
    const u = await run('chown', ['chown', 'nobody2', '/tmp/t/a'], { lab });
    expect(u).toMatchObject({ stderr: "chown: invalid user: `nobody2'\n", status: 1 });
    const g = await run('chown', ['chown', 'root:nogrp', '/tmp/t/a'], { lab });
    expect(g.stderr).toBe("chown: invalid group: `root:nogrp'\n");
    const cg = await run('chgrp', ['chgrp', 'nogrp', '/tmp/t/a'], { lab });
    expect(cg.stderr).toBe("chgrp: invalid group: `nogrp'\n");
    const p = await run('chown', ['chown', 'user1', '/tmp/t/x'], { lab, user: 'user1' });
    expect(p).toMatchObject({ stderr: "chown: changing ownership of `/tmp/t/x': Operation not permitted\n", status: 1 });
    const pg = await run('chgrp', ['chgrp', 'mail', '/tmp/t/a'], { lab, user: 'user1' });
    expect(pg.stderr).toBe("chgrp: changing group of `/tmp/t/a': Operation not permitted\n");
    const m = await run('chown', ['chown', 'root'], { lab });
    expect(m.stderr).toBe("chown: missing operand after `root'\nTry `chown --help' for more information.\n");
  });
});

describe('stat', () => {
  it('prints the coreutils 8.4 default format', async () => {
    const ino = vfsOf(lab).lstat('/tmp/t/a', ROOT).ino;
    const r = await run('stat', ['stat', '/tmp/t/a'], { lab });
    expect(r.stdout).toBe(
      "  File: `/tmp/t/a'\n" +
        '  Size: 6         \tBlocks: 8          IO Block: 4096   regular file\n' +
        `Device: fd00h/64768d\tInode: ${String(ino).padEnd(10)}  Links: 1\n` +
        'Access: (0644/-rw-r--r--)  Uid: (  500/   user1)   Gid: (  500/   user1)\n' +
        'Access: 2014-04-26 11:25:00.000000000 -0600\n' +
        'Modify: 2014-04-26 11:25:00.000000000 -0600\n' +
        'Change: 2014-04-26 11:25:00.000000000 -0600\n',
    );
    const l = await run('stat', ['stat', '/tmp/t/l'], { lab });
    expect(l.stdout.split('\n').slice(0, 2).join('\n')).toBe(
      "  File: `/tmp/t/l' -> `a'\n  Size: 1         \tBlocks: 0          IO Block: 4096   symbolic link",
    );
    const d = await run('stat', ['stat', '-L', '/tmp/t/l'], { lab });
    expect(d.stdout.split('\n')[0]).toBe("  File: `/tmp/t/l'");
  });

  it('-c formats', async () => {
    const r = await run('stat', ['stat', '-c', '%a %A %u %U %g %G %s %F %n %h %Y', '/tmp/t/a', '/tmp/t/d'], { lab });
    const t = Math.floor(vfsOf(lab).stat('/tmp/t/a', ROOT).mtime / 1000);
    expect(r.stdout).toBe(`644 -rw-r--r-- 500 user1 500 user1 6 regular file /tmp/t/a 1 ${t}\n755 drwxr-xr-x 0 root 0 root 4096 directory /tmp/t/d 2 ${t}\n`);
    const p = await run('stat', ['stat', '--printf', '%n:%s\\n', '/tmp/t/x'], { lab });
    expect(p.stdout).toBe('/tmp/t/x:10\n');
    const w = await run('stat', ['stat', '-c', '[%-6s][%6s]', '/tmp/t/a'], { lab });
    expect(w.stdout).toBe('[6     ][     6]\n');
  });

  it('errors', async () => {
    const r = await run('stat', ['stat', '/tmp/t/zz'], { lab });
    expect(r).toMatchObject({ stderr: "stat: cannot stat `/tmp/t/zz': No such file or directory\n", status: 1 });
    const m = await run('stat', ['stat'], { lab });
    expect(m.stderr).toBe("stat: missing operand\nTry `stat --help' for more information.\n");
  });
});

describe('touch', () => {
  it('creates files with 0666 less the umask and updates times from the lab clock', async () => {
    const r = await run('touch', ['touch', '/tmp/t/new'], { lab });
    expect(r).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(vfsOf(lab).stat('/tmp/t/new', ROOT)).toMatchObject({ mode: 0o644, uid: 0, size: 0 });
    lab.clock.advance(3_600_000);
    await run('touch', ['touch', '/tmp/t/a'], { lab });
    expect((await run('ls', ['ls', '-l', '/tmp/t/a'], { lab })).stdout).toBe('-rw-r--r--. 1 user1 user1 6 Apr 26 12:25 /tmp/t/a\n');
  });

  it('-d, -t, -r, -a, -m and -c', async () => {
    await run('touch', ['touch', '-d', '2013-06-01 08:30', '/tmp/t/a'], { lab });
    expect((await run('stat', ['stat', '-c', '%y', '/tmp/t/a'], { lab })).stdout).toBe('2013-06-01 08:30:00.000000000 -0600\n');
    await run('touch', ['touch', '-t', '201401021530.45', '/tmp/t/x'], { lab });
    expect((await run('stat', ['stat', '-c', '%x|%y', '/tmp/t/x'], { lab })).stdout).toBe(
      '2014-01-02 15:30:45.000000000 -0700|2014-01-02 15:30:45.000000000 -0700\n',
    );
    await run('touch', ['touch', '-m', '-r', '/tmp/t/a', '/tmp/t/x'], { lab });
    expect((await run('stat', ['stat', '-c', '%x|%y', '/tmp/t/x'], { lab })).stdout).toBe(
      '2014-01-02 15:30:45.000000000 -0700|2013-06-01 08:30:00.000000000 -0600\n',
    );
    const c = await run('touch', ['touch', '-c', '/tmp/t/nothere'], { lab });
    expect(c.status).toBe(0);
    expect(vfsOf(lab).exists('/tmp/t/nothere', ROOT)).toBe(false);
    const bad = await run('touch', ['touch', '-d', 'next blursday', '/tmp/t/a'], { lab });
    expect(bad).toMatchObject({ stderr: "touch: invalid date format `next blursday'\n", status: 1 });
    const badt = await run('touch', ['touch', '-t', '2014', '/tmp/t/a'], { lab });
    expect(badt.stderr).toBe("touch: invalid date format `2014'\n");
  });

  it('permission errors as user1', async () => {
    const r = await run('touch', ['touch', '/etc/x'], { lab, user: 'user1' });
    expect(r).toMatchObject({ stderr: "touch: cannot touch `/etc/x': Permission denied\n", status: 1 });
    put(lab, '/tmp/t/shared', '', 0o666);
    const now = await run('touch', ['touch', '/tmp/t/shared'], { lab, user: 'user1' });
    expect(now.status).toBe(0);
    const d = await run('touch', ['touch', '-d', 'yesterday', '/tmp/t/shared'], { lab, user: 'user1' });
    expect(d).toMatchObject({ stderr: "touch: setting times of `/tmp/t/shared': Operation not permitted\n", status: 1 });
    expect((await run('touch', ['touch'], { lab })).stderr).toBe("touch: missing file operand\nTry `touch --help' for more information.\n");
  });
});
