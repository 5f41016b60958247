import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { dir, installPrograms, put, run, vfsOf } from './helpers';

let lab: Lab;
beforeEach(async () => {
  lab = Lab.create();
  await lab.settle();
  installPrograms(lab, ['ls', 'rm', 'basename', 'stat']);
  dir(lab, '/tmp/t');
  put(lab, '/tmp/t/a.txt', 'alpha\n');
  put(lab, '/tmp/t/B.TXT', 'x'.repeat(3000), 0o755, 500, 500);
  dir(lab, '/tmp/t/d');
  put(lab, '/tmp/t/d/c.txt', '', 0o600, 500, 12);
  dir(lab, '/tmp/t/d/empty');
  vfsOf(lab).symlink('a.txt', '/tmp/t/l', ROOT);
});
const find = (args: string[], opts: object = {}) => run('find', ['find', ...args], { lab, ...opts });

describe('find', () => {
  it('prints everything by default, in directory order', async () => {
    const r = await find(['/tmp/t']);
    expect(r).toMatchObject({
      stdout: '/tmp/t\n/tmp/t/a.txt\n/tmp/t/B.TXT\n/tmp/t/d\n/tmp/t/d/c.txt\n/tmp/t/d/empty\n/tmp/t/l\n',
      stderr: '',
      status: 0,
    });
    const dot = await find([], { cwd: '/tmp/t/d' });
    expect(dot.stdout).toBe('.\n./c.txt\n./empty\n');
  });

  it('-name, -iname, -path, -type', async () => {
    expect((await find(['/tmp/t', '-name', '*.txt'])).stdout).toBe('/tmp/t/a.txt\n/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '-iname', '*.txt'])).stdout).toBe('/tmp/t/a.txt\n/tmp/t/B.TXT\n/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '-path', '*/d/*'])).stdout).toBe('/tmp/t/d/c.txt\n/tmp/t/d/empty\n');
    expect((await find(['/tmp/t', '-type', 'd'])).stdout).toBe('/tmp/t\n/tmp/t/d\n/tmp/t/d/empty\n');
    expect((await find(['/tmp/t', '-type', 'l'])).stdout).toBe('/tmp/t/l\n');
    expect((await find(['-L', '/tmp/t', '-type', 'l'])).stdout).toBe('');
  });

  it('operators: ! -o -a ( ) and -prune', async () => {
    expect((await find(['/tmp/t', '!', '-type', 'd', '-a', '!', '-name', '*.txt'])).stdout).toBe('/tmp/t/B.TXT\n/tmp/t/l\n');
    expect((await find(['/tmp/t', '-name', 'a.txt', '-o', '-name', 'c.txt'])).stdout).toBe('/tmp/t/a.txt\n/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '(', '-name', 'd', '-prune', ')', '-o', '-type', 'f', '-print'])).stdout).toBe(
      '/tmp/t/a.txt\n/tmp/t/B.TXT\n',
    );
    expect((await find(['/tmp/t', '-not', '-name', '*t*'])).stdout).toBe('/tmp/t/B.TXT\n/tmp/t/d\n/tmp/t/l\n');
  });

  it('-user, -group, -perm, -size, -empty, -maxdepth, -mindepth', async () => {
    expect((await find(['/tmp/t', '-user', 'user1'])).stdout).toBe('/tmp/t/B.TXT\n/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '-group', 'mail'])).stdout).toBe('/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '-perm', '600'])).stdout).toBe('/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '-type', 'f', '-perm', '-u+x'])).stdout).toBe('/tmp/t/B.TXT\n');
    expect((await find(['/tmp/t', '-type', 'f', '-perm', '/o+r'])).stdout).toBe('/tmp/t/a.txt\n/tmp/t/B.TXT\n');
    expect((await find(['/tmp/t', '-size', '+2k'])).stdout).toBe('/tmp/t\n/tmp/t/B.TXT\n/tmp/t/d\n/tmp/t/d/empty\n');
    expect((await find(['/tmp/t', '-type', 'f', '-size', '-1k'])).stdout).toBe('/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '-size', '6c'])).stdout).toBe('/tmp/t/a.txt\n');
    expect((await find(['/tmp/t', '-empty'])).stdout).toBe('/tmp/t/d/c.txt\n/tmp/t/d/empty\n');
    expect((await find(['/tmp/t', '-maxdepth', '1', '-type', 'd'])).stdout).toBe('/tmp/t\n/tmp/t/d\n');
    expect((await find(['/tmp/t', '-mindepth', '2'])).stdout).toBe('/tmp/t/d/c.txt\n/tmp/t/d/empty\n');
  });

  it('-mtime, -mmin and -newer', async () => {
    const v = vfsOf(lab);
    const now = lab.clock.now();
    v.utimes('/tmp/t/a.txt', ROOT, now - 3 * 86_400_000, now - 3 * 86_400_000);
    expect((await find(['/tmp/t', '-type', 'f', '-mtime', '+2'])).stdout).toBe('/tmp/t/a.txt\n');
    expect((await find(['/tmp/t', '-type', 'f', '-mtime', '-1'])).stdout).toBe('/tmp/t/B.TXT\n/tmp/t/d/c.txt\n');
    expect((await find(['/tmp/t', '-type', 'f', '-mtime', '3'])).stdout).toBe('/tmp/t/a.txt\n');
    expect((await find(['/tmp/t', '-type', 'f', '-mmin', '+60'])).stdout).toBe('/tmp/t/a.txt\n');
    expect((await find(['/tmp/t', '-type', 'f', '-newer', '/tmp/t/a.txt'])).stdout).toBe('/tmp/t/B.TXT\n/tmp/t/d/c.txt\n');
  });

  it('-ls, -print0 and -printf', async () => {
    const st = vfsOf(lab).lstat('/tmp/t/a.txt', ROOT);
    const r = await find(['/tmp/t/a.txt', '/tmp/t/l', '-ls']);
    const lst = vfsOf(lab).lstat('/tmp/t/l', ROOT);
    expect(r.stdout).toBe(
      `${String(st.ino).padStart(6)}    4 -rw-r--r--   1 root     root            6 Apr 26 11:25 /tmp/t/a.txt\n` +
        `${String(lst.ino).padStart(6)}    0 lrwxrwxrwx   1 root     root            5 Apr 26 11:25 /tmp/t/l -> a.txt\n`,
    );
    expect((await find(['/tmp/t/d', '-print0'])).stdout).toBe('/tmp/t/d\0/tmp/t/d/c.txt\0/tmp/t/d/empty\0');
    const p = await find(['/tmp/t', '-maxdepth', '1', '-type', 'f', '-printf', '%f %s %m %u:%g %y %d %p\\n']);
    expect(p.stdout).toBe('a.txt 6 644 root:root f 1 /tmp/t/a.txt\nB.TXT 3000 755 user1:user1 f 1 /tmp/t/B.TXT\n');
    const t = await find(['/tmp/t/a.txt', '-printf', '%t|%TY-%Tm-%Td %TH:%TM|%-8f|\\n']);
    expect(t.stdout).toBe('Sat Apr 26 11:25:00.0000000000 2014|2014-04-26 11:25|a.txt   |\n');
  });

  it('-exec with ; and +, -ok, -delete', async () => {
    const r = await find(['/tmp/t', '-name', '*.txt', '-exec', 'ls', '-l', '{}', ';']);
    expect(r.stdout).toBe(
      '-rw-r--r--. 1 root root 6 Apr 26 11:25 /tmp/t/a.txt\n-rw-------. 1 user1 mail 0 Apr 26 11:25 /tmp/t/d/c.txt\n',
    );
    const plus = await find(['/tmp/t', '-name', '*.txt', '-exec', 'ls', '{}', '+']);
    expect(plus.stdout).toBe('/tmp/t/a.txt\n/tmp/t/d/c.txt\n');
    const ok = await find(['/tmp/t', '-name', '*.txt', '-ok', 'rm', '{}', ';'], { stdin: 'n\ny\n' });
    expect(ok.stderr).toBe('< rm ... /tmp/t/a.txt > ? < rm ... /tmp/t/d/c.txt > ? ');
    expect(vfsOf(lab).exists('/tmp/t/a.txt', ROOT)).toBe(true);
    expect(vfsOf(lab).exists('/tmp/t/d/c.txt', ROOT)).toBe(false);
    const del = await find(['/tmp/t/d', '-delete']);
    expect(del).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(vfsOf(lab).exists('/tmp/t/d', ROOT)).toBe(false);
    const missing = await find(['/tmp/t/a.txt', '-exec', 'nosuchcmd', '{}', ';']);
    expect(missing.stderr).toBe("find: `nosuchcmd': No such file or directory\n");
    const exitStatus = await find(['/tmp/t/a.txt', '-exec', 'ls', '/nope', ';', '-print']);
    expect(exitStatus.stdout).toBe('');
  });

  it('reports unreadable directories and missing start points', async () => {
    dir(lab, '/tmp/t/secret', 0o700);
    put(lab, '/tmp/t/secret/s', '');
    const r = await find(['/tmp/t/secret', '/tmp/nope'], { user: 'user1' });
    expect(r).toMatchObject({
      stdout: '/tmp/t/secret\n',
      stderr: "find: `/tmp/t/secret': Permission denied\nfind: `/tmp/nope': No such file or directory\n",
      status: 1,
    });
  });

  it('expression errors', async () => {
    const usage = 'Usage: find [-H] [-L] [-P] [-Olevel] [-D help|tree|search|stat|rates|opt|exec] [path...] [expression]\n';
    expect((await find(['/tmp/t', '-bogus'])).stderr).toBe("find: unknown predicate `-bogus'\n");
    expect((await find(['/tmp/t', '-name'])).stderr).toBe("find: missing argument to `-name'\n");
    expect((await find(['/tmp/t', '-name', 'x', 'y'])).stderr).toBe('find: paths must precede expression: y\n' + usage);
    expect((await find(['/tmp/t', '-type', 'x'])).stderr).toBe('find: Unknown argument to -type: x\n');
    expect((await find(['/tmp/t', '-o', '-print'])).stderr).toBe("find: invalid expression; you have used a binary operator '-o' with nothing before it.\n");
    expect((await find(['/tmp/t', '-name', 'x', '-o'])).stderr).toBe("find: expected an expression after '-o'\n");
    expect((await find(['/tmp/t', '(', '-name', 'x'])).stderr).toBe("find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n");
    expect((await find(['/tmp/t', '(', ')'])).stderr).toBe('find: invalid expression; empty parentheses are not allowed.\n');
    expect((await find(['/tmp/t', '-name', 'x', ')'])).stderr).toBe("find: you have too many ')'\n");
    expect((await find(['/tmp/t', '!', ')'])).stderr).toBe("find: expected an expression between '!' and ')'\n");
    expect((await find(['/tmp/t', '-exec', 'ls', '{}'])).stderr).toBe("find: missing argument to `-exec'\n");
    expect((await find(['/tmp/t', '-user', 'bob'])).stderr).toBe("find: `bob' is not the name of a known user\n");
    expect((await find(['/tmp/t', '-maxdepth', 'x'])).stderr).toBe("find: Expected a positive decimal integer argument to -maxdepth, but got `x'\n");
    expect((await find(['/tmp/t', '-perm', 'zz'])).stderr).toBe("find: invalid mode `zz'\n");
    expect((await find(['/tmp/t', '-newer', '/nope'])).stderr).toBe("find: `/nope': No such file or directory\n");
    expect((await find(['/tmp/t', '-bogus'])).status).toBe(1);
  });

  it('catches symlink loops with -L', async () => {
    vfsOf(lab).symlink('.', '/tmp/t/d/self', ROOT);
    const r = await find(['-L', '/tmp/t/d', '-name', 'self']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("find: File system loop detected; `/tmp/t/d/self' is part of the same file system loop as `/tmp/t/d'.\n");
    expect(r.status).toBe(1);
  });
});
