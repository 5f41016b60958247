import { describe, expect, it } from 'vitest';
import { labWith, run } from './text-harness';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nuser1:x:500:500::/home/user1:/bin/bash\n';

describe('cut', () => {
  it('selects fields with -d and -f', async () => {
    const lab = await labWith({ '/tmp/passwd': PASSWD });
    const r = await run('cut', ['-d:', '-f1,3', '/tmp/passwd'], { lab });
    expect(r).toMatchObject({ stdout: 'root:0\nbin:1\nuser1:500\n', stderr: '', status: 0 });
    expect((await run('cut', ['-d', ':', '-f', '6-', '/tmp/passwd'], { lab })).stdout).toBe('/root:/bin/bash\n/bin:/sbin/nologin\n/home/user1:/bin/bash\n');
    expect((await run('cut', ['-d:', '-f-2,7', '/tmp/passwd'], { lab })).stdout).toBe('root:x:/bin/bash\nbin:x:/sbin/nologin\nuser1:x:/bin/bash\n');
  });

  it('uses TAB by default and passes lines without a delimiter, unless -s', async () => {
    expect((await run('cut', ['-f2'], { stdin: 'a\tb\tc\nplain\n' })).stdout).toBe('b\nplain\n');
    expect((await run('cut', ['-s', '-f2'], { stdin: 'a\tb\tc\nplain\n' })).stdout).toBe('b\n');
    expect((await run('cut', ['-d,', '-f5'], { stdin: 'a,b\n' })).stdout).toBe('\n');
  });

  it('selects characters and bytes', async () => {
    expect((await run('cut', ['-c1-3,5-'], { stdin: 'abcdefg\nxy\n' })).stdout).toBe('abcefg\nxy\n');
    expect((await run('cut', ['-c2'], { stdin: 'héllo\n' })).stdout).toBe('é\n');
    expect((await run('cut', ['-b1-3'], { stdin: 'héllo\n' })).stdout).toBe('hé\n');
  });

  it('adds a newline to a last line without one', async () => {
    expect((await run('cut', ['-c1'], { stdin: 'ab' })).stdout).toBe('a\n');
  });

  it('--complement and --output-delimiter', async () => {
    expect((await run('cut', ['-d:', '--complement', '-f2', '--output-delimiter= '], { stdin: 'a:b:c\n' })).stdout).toBe('a c\n');
    expect((await run('cut', ['-c1-2,4-5', '--output-delimiter=|'], { stdin: 'abcdef\n' })).stdout).toBe('ab|de\n');
  });

  it('complains about bad lists and option mixes', async () => {
    const tryLine = "Try `cut --help' for more information.\n";
    expect(await run('cut', [])).toMatchObject({ stderr: 'cut: you must specify a list of bytes, characters, or fields\n' + tryLine, status: 1 });
    expect((await run('cut', ['-f', '0'])).stderr).toBe('cut: fields and positions are numbered from 1\n' + tryLine);
    expect((await run('cut', ['-c', '3-2'])).stderr).toBe('cut: invalid decreasing range\n' + tryLine);
    expect((await run('cut', ['-f', 'x'])).stderr).toBe('cut: invalid byte or field list\n' + tryLine);
    expect((await run('cut', ['-f', '-'])).stderr).toBe('cut: invalid range with no endpoint: -\n' + tryLine);
    expect((await run('cut', ['-c1', '-f2'])).stderr).toBe('cut: only one type of list may be specified\n' + tryLine);
    expect((await run('cut', ['-d', '::', '-f1'])).stderr).toBe('cut: the delimiter must be a single character\n' + tryLine);
    expect((await run('cut', ['-d:', '-c1'])).stderr).toBe('cut: an input delimiter may be specified only when operating on fields\n' + tryLine);
    expect((await run('cut', ['-s', '-c1'])).stderr).toBe('cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields\n' + tryLine);
    expect((await run('cut', ['-f', '1,,'])).status).toBe(1);
  });

  it('speaks coreutils 5.97 on rhel2', async () => {
    expect((await run('cut', ['-c', '3-2'], { host: 'rhel2' })).stderr).toBe("cut: invalid byte or field list\nTry `cut --help' for more information.\n");
  });

  it('reports unreadable files and goes on', async () => {
    const lab = await labWith({ '/tmp/a': 'a:b\n' });
    const r = await run('cut', ['-d:', '-f2', '/nope', '/tmp', '/tmp/a'], { lab });
    expect(r).toMatchObject({ stdout: 'b\n', stderr: 'cut: /nope: No such file or directory\ncut: /tmp: Is a directory\n', status: 1 });
  });
});
