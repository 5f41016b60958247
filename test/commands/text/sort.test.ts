import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/engine/fs/vfs';
import { labWith, run } from './text-harness';

const C = { LC_ALL: 'C' };

describe('sort', () => {
  it('collates as en_US.UTF-8 by default: case second, punctuation last', async () => {
    expect(await run('sort', [], { stdin: 'b\nB\nA\na\n' })).toMatchObject({ stdout: 'a\nA\nb\nB\n', stderr: '', status: 0 });
    expect((await run('sort', [], { stdin: 'c\n.b\na\n_a\n' })).stdout).toBe('a\n_a\n.b\nc\n');
    expect((await run('sort', [], { stdin: 'file10\nfile2\nFile1\n' })).stdout).toBe('File1\nfile10\nfile2\n');
  });

  it('sorts by bytes in the C locale', async () => {
    expect((await run('sort', [], { stdin: 'b\nB\nA\na\n_\n', env: C })).stdout).toBe('A\nB\n_\na\nb\n');
  });

  it('sorts numbers with -n (en_US thousands separators), reverses with -r', async () => {
    expect((await run('sort', ['-n'], { stdin: '10\n9\n-1\n1,000\nabc\n0.5\n' })).stdout).toBe('-1\nabc\n0.5\n9\n10\n1,000\n');
    expect((await run('sort', ['-nr'], { stdin: '1\n3\n2\n' })).stdout).toBe('3\n2\n1\n');
  });

  it('sorts by key fields with -t and -k', async () => {
    const lab = await labWith({ '/tmp/passwd': 'root:x:0:0\nuser1:x:500:500\nbin:x:1:1\nmail:x:8:12\n' });
    expect((await run('sort', ['-t:', '-k3', '-n', '/tmp/passwd'], { lab })).stdout).toBe('root:x:0:0\nbin:x:1:1\nmail:x:8:12\nuser1:x:500:500\n');
    expect((await run('sort', ['-t', ':', '-k3,3nr', '/tmp/passwd'], { lab })).stdout).toBe('user1:x:500:500\nmail:x:8:12\nbin:x:1:1\nroot:x:0:0\n');
    // Without -t a field starts with the blanks before it.
    expect((await run('sort', ['-k2'], { stdin: 'b 2\na 10\n' })).stdout).toBe('a 10\nb 2\n');
    expect((await run('sort', ['-k2n'], { stdin: 'b 2\na 10\n' })).stdout).toBe('b 2\na 10\n');
    expect((await run('sort', ['-k2,2', '-k1,1r'], { stdin: 'x 1\ny 1\nz 0\n' })).stdout).toBe('z 0\ny 1\nx 1\n');
    expect((await run('sort', ['-k1.2,1.2'], { stdin: 'ab\nba\n' })).stdout).toBe('ba\nab\n');
  });

  it('keeps the first of equal lines with -u, folds case with -f', async () => {
    expect((await run('sort', ['-u'], { stdin: 'b\na\nb\na\n' })).stdout).toBe('a\nb\n');
    expect((await run('sort', ['-fu'], { stdin: 'b\nA\na\nB\n' })).stdout).toBe('A\nb\n');
    expect((await run('sort', ['-t:', '-k1,1', '-u'], { stdin: 'a:2\na:1\nb:0\n' })).stdout).toBe('a:2\nb:0\n');
  });

  it('understands months, human sizes, versions and general numbers', async () => {
    expect((await run('sort', ['-M'], { stdin: 'Feb\njan\nDEC\nfoo\n' })).stdout).toBe('foo\njan\nFeb\nDEC\n');
    expect((await run('sort', ['-h'], { stdin: '1K\n2M\n100\n3G\n' })).stdout).toBe('100\n1K\n2M\n3G\n');
    expect((await run('sort', ['-V'], { stdin: 'pkg-1.10\npkg-1.2\npkg-1.9\n' })).stdout).toBe('pkg-1.2\npkg-1.9\npkg-1.10\n');
    expect((await run('sort', ['-g'], { stdin: '1e3\n5\n-inf\nabc\n' })).stdout).toBe('abc\n-inf\n5\n1e3\n');
  });

  it('writes to -o after reading, so a file can be sorted in place', async () => {
    const lab = await labWith({ '/tmp/f': 'b\na\n' });
    const r = await run('sort', ['-o', '/tmp/f', '/tmp/f'], { lab });
    expect(r).toMatchObject({ stdout: '', status: 0 });
    expect(lab.host('rhel1').vfs.readFile('/tmp/f', ROOT)).toBe('a\nb\n');
  });

  it('merges sorted files with -m', async () => {
    const lab = await labWith({ '/tmp/a': 'a\nc\n', '/tmp/b': 'b\nd\n' });
    expect((await run('sort', ['-m', '/tmp/a', '/tmp/b'], { lab })).stdout).toBe('a\nb\nc\nd\n');
  });

  it('checks order with -c and -C', async () => {
    expect(await run('sort', ['-c'], { stdin: 'a\nc\nb\n' })).toMatchObject({ stdout: '', stderr: 'sort: -:3: disorder: b\n', status: 1 });
    expect(await run('sort', ['-C'], { stdin: 'a\nc\nb\n' })).toMatchObject({ stderr: '', status: 1 });
    expect((await run('sort', ['-c'], { stdin: 'a\nb\n' })).status).toBe(0);
    expect((await run('sort', ['-cu'], { stdin: 'a\na\n' })).stderr).toBe('sort: -:2: disorder: a\n');
  });

  it('adds the missing final newline', async () => {
    expect((await run('sort', [], { stdin: 'b\na' })).stdout).toBe('a\nb\n');
  });

  it('fails with status 2 and the 8.4 messages', async () => {
    expect(await run('sort', ['/nope'])).toMatchObject({ stdout: '', stderr: 'sort: open failed: /nope: No such file or directory\n', status: 2 });
    expect(await run('sort', ['/tmp'])).toMatchObject({ stderr: 'sort: read failed: /tmp: Is a directory\n', status: 2 });
    expect((await run('sort', ['-k0'])).stderr).toBe("sort: field number is zero: invalid field specification `0'\n");
    expect((await run('sort', ['-k', 'x'])).stderr).toBe("sort: invalid number at field start: invalid count at start of `x'\n");
    expect((await run('sort', ['-k1.0'])).stderr).toBe("sort: character offset is zero: invalid field specification `1.0'\n");
    expect((await run('sort', ['-k1x'])).stderr).toBe("sort: stray character in field spec: invalid field specification `1x'\n");
    expect((await run('sort', ['-t', 'ab'])).stderr).toBe("sort: multi-character tab `ab'\n");
    expect((await run('sort', ['-t', ''])).stderr).toBe('sort: empty tab\n');
    expect((await run('sort', ['-dn'])).stderr).toBe("sort: options `-dn' are incompatible\n");
    expect(await run('sort', ['-Z'])).toMatchObject({ stderr: "sort: invalid option -- 'Z'\nTry `sort --help' for more information.\n", status: 2 });
    expect((await run('sort', ['--sort=x'])).stderr).toBe(
      "sort: invalid argument `x' for `--sort'\nValid arguments are:\n  - `general-numeric'\n  - `human-numeric'\n  - `month'\n  - `numeric'\n  - `random'\n  - `version'\nTry `sort --help' for more information.\n",
    );
    expect((await run('sort', ['-c', 'a', 'b'])).stderr).toBe("sort: extra operand `b' not allowed with -c\n");
  });

  it('reads an obsolete +POS1 -POS2 key', async () => {
    expect((await run('sort', ['+1', '-2'], { stdin: 'x b\ny a\n' })).stdout).toBe('y a\nx b\n');
  });

  it('groups equal keys together with -R', async () => {
    const r = await run('sort', ['-R'], { stdin: 'a\nb\na\nc\nb\na\n' });
    const lines = r.stdout.trimEnd().split('\n');
    expect([...lines].sort()).toEqual(['a', 'a', 'a', 'b', 'b', 'c']);
    const runs = lines.filter((l, i) => i === 0 || l !== lines[i - 1]);
    expect(runs.length).toBe(3);
  });
});
