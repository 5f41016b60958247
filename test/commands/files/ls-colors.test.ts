import { beforeEach, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { Screen } from '../../../src/engine/tty/screen';
import { ConsoleSession } from '../../harness/console';
import { dir, put, run, runTty, vfsOf } from './helpers';

const E = '\x1b';
/** A name as 8.4 colours it: left + code + right, the name, then the reset. */
const c = (code: string, name: string) => `${E}[${code}m${name}${E}[0m`;
const RESET = `${E}[0m`;
const END = `${E}[m`;
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*[mK]/g, '');

function build(lab: Lab, host: 'rhel1' | 'rhel2' = 'rhel1'): void {
  dir(lab, '/tmp/c', 0o755, 0, 0, host);
  dir(lab, '/tmp/c/bin', 0o755, 0, 0, host);
  dir(lab, '/tmp/c/pub', 0o1777, 0, 0, host);
  put(lab, '/tmp/c/a.tar', 'x', 0o644, 0, 0, host);
  put(lab, '/tmp/c/plain', 'x', 0o644, 0, 0, host);
  put(lab, '/tmp/c/run.sh', 'x', 0o755, 0, 0, host);
  put(lab, '/tmp/c/suid', 'x', 0o755, 0, 0, host);
  vfsOf(lab, host).chmod('/tmp/c/suid', ROOT, 0o4755); // after put's chown, which clears set-user-ID
  vfsOf(lab, host).symlink('bin', '/tmp/c/link', ROOT);
  vfsOf(lab, host).symlink('nowhere', '/tmp/c/dead', ROOT);
}

describe('ls --color (coreutils 8.4)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = Lab.create();
    await lab.settle();
    build(lab);
  });

  it('colours by type with the built-in defaults: plain files and unknown suffixes stay bare', async () => {
    const r = await run('ls', ['ls', '--color=always', '/tmp/c'], { lab });
    expect(r.stdout).toBe(
      'a.tar\n' +
        RESET + c('01;34', 'bin') + '\n' +
        c('01;36', 'dead') + '\n' +
        c('01;36', 'link') + '\n' +
        'plain\n' +
        c('30;42', 'pub') + '\n' +
        c('01;32', 'run.sh') + '\n' +
        c('37;41', 'suid') + '\n' +
        END,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // --color alone means always, as do yes and force.
    for (const opt of ['--color', '--color=yes', '--color=force', '--colo=always']) {
      expect((await run('ls', ['ls', opt, '/tmp/c'], { lab })).stdout).toBe(r.stdout);
    }
  });

  it('writes no escapes at all when nothing gets a colour', async () => {
    const r = await run('ls', ['ls', '--color=always', '/tmp/c/a.tar', '/tmp/c/plain'], { lab });
    expect(r.stdout).toBe('/tmp/c/a.tar\n/tmp/c/plain\n');
  });

  it('colours only the name in -l; a target is coloured only when ls looked at it (-F)', async () => {
    const r = await run('ls', ['ls', '-l', '--color=always', '/tmp/c'], { lab });
    expect(r.stdout).toBe(
      'total 24\n' +
        '-rw-r--r--. 1 root root    1 Apr 26 11:25 a.tar\n' +
        'drwxr-xr-x. 2 root root 4096 Apr 26 11:25 ' + RESET + c('01;34', 'bin') + '\n' +
        'lrwxrwxrwx. 1 root root    7 Apr 26 11:25 ' + c('01;36', 'dead') + ' -> nowhere\n' +
        'lrwxrwxrwx. 1 root root    3 Apr 26 11:25 ' + c('01;36', 'link') + ' -> bin\n' +
        '-rw-r--r--. 1 root root    1 Apr 26 11:25 plain\n' +
        'drwxrwxrwt. 2 root root 4096 Apr 26 11:25 ' + c('30;42', 'pub') + '\n' +
        '-rwxr-xr-x. 1 root root    1 Apr 26 11:25 ' + c('01;32', 'run.sh') + '\n' +
        '-rwsr-xr-x. 1 root root    1 Apr 26 11:25 ' + c('37;41', 'suid') + '\n' +
        END,
    );
    const f = await run('ls', ['ls', '-lF', '--color=always', '/tmp/c/link', '/tmp/c/dead'], { lab });
    expect(f.stdout).toBe(
      'lrwxrwxrwx. 1 root root 7 Apr 26 11:25 ' + RESET + c('01;36', '/tmp/c/dead') + ' -> nowhere\n' +
        'lrwxrwxrwx. 1 root root 3 Apr 26 11:25 ' + c('01;36', '/tmp/c/link') + ' -> ' + c('01;34', 'bin') + '/\n' +
        END,
    );
  });

  it('adds a clear-to-end-of-line after a name that runs past the line width', async () => {
    const name = 'x'.repeat(45);
    put(lab, `/tmp/c/bin/${name}`, 'x', 0o755);
    put(lab, '/tmp/c/bin/short', 'x', 0o755);
    const r = await run('ls', ['ls', '-l', '--color=always', '/tmp/c/bin'], { lab });
    expect(r.stdout).toBe(
      'total 8\n' +
        '-rwxr-xr-x. 1 root root 1 Apr 26 11:25 ' + RESET + c('01;32', 'short') + '\n' +
        '-rwxr-xr-x. 1 root root 1 Apr 26 11:25 ' + c('01;32', name) + `${E}[K\n` +
        END,
    );
  });

  it('auto and never leave a pipe plain; -f turns colour off', async () => {
    const plain = 'a.tar\nbin\ndead\nlink\nplain\npub\nrun.sh\nsuid\n';
    for (const opt of ['--color=auto', '--color=tty', '--color=if-tty', '--color=never', '--color=no', '--color=none']) {
      const r = await run('ls', ['ls', opt, '/tmp/c'], { lab });
      expect(r).toMatchObject({ stdout: plain, stderr: '', status: 0 });
    }
    put(lab, '/tmp/c/bin/x', '', 0o755);
    expect((await run('ls', ['ls', '--color=always', '-f', '/tmp/c/bin'], { lab })).stdout).toBe('.\n..\nx\n');
    expect((await run('ls', ['ls', '-f', '--color=always', '/tmp/c/bin'], { lab })).stdout).toBe(
      RESET + c('01;34', '.') + '\n' + c('01;34', '..') + '\n' + c('01;32', 'x') + '\n' + END,
    );
  });

  it('auto colours a terminal, with spaces (no tabs) and columns sized on the visible names', async () => {
    const r = await runTty('ls', ['ls', '--color=auto', '/tmp/c'], { lab, cols: 30 });
    expect(r.stdout).toBe(
      'a.tar  ' + RESET + c('01;36', 'dead') + '  plain  ' + c('01;32', 'run.sh') + '\n' +
        c('01;34', 'bin') + '    ' + c('01;36', 'link') + '  ' + c('30;42', 'pub') + '    ' + c('37;41', 'suid') + '\n' +
        END,
    );
    // A wide listing: the same picture as without colour, only spaces where ls put tabs.
    const coloured = await runTty('ls', ['ls', '--color=auto', '/etc'], { lab, cols: 80 });
    const bare = await runTty('ls', ['ls', '/etc'], { lab, cols: 80 });
    expect(bare.stdout).toContain('\t');
    expect(coloured.stdout).not.toContain('\t');
    expect(coloured.stdout).toContain(c('01;34', 'skel'));
    const screen = (text: string) => {
      const s = new Screen();
      s.feed(text.replace(/\n/g, '\r\n'));
      return s.text();
    };
    expect(screen(coloured.stdout)).toBe(screen(bare.stdout));
    expect(strip(coloured.stdout)).toBe(bare.stdout.split('\n').map(expandTabs).join('\n'));
  });

  it('takes colours and suffixes from LS_COLORS', async () => {
    const env = { LS_COLORS: 'di=01;33:*.tar=01;31:ex=00:*.sh=04' };
    const r = await run('ls', ['ls', '--color=always', '/tmp/c'], { lab, env });
    expect(r.stdout).toBe(
      RESET + c('01;31', 'a.tar') + '\n' +
        c('01;33', 'bin') + '\n' +
        c('01;36', 'dead') + '\n' +
        c('01;36', 'link') + '\n' +
        'plain\n' +
        c('30;42', 'pub') + '\n' +
        c('04', 'run.sh') + '\n' +
        c('37;41', 'suid') + '\n' +
        END,
    );
    expect(r.stderr).toBe('');
  });

  it('follows symlinks for orphan and missing colours, and honours ec and ln=target', async () => {
    const env = { LS_COLORS: 'or=40;31;01:mi=01;05;37;41' };
    const r = await run('ls', ['ls', '-l', '--color=always', '/tmp/c/dead', '/tmp/c/link'], { lab, env });
    expect(r.stdout).toBe(
      'lrwxrwxrwx. 1 root root 7 Apr 26 11:25 ' + RESET + c('40;31;01', '/tmp/c/dead') + ' -> ' + c('01;05;37;41', 'nowhere') + '\n' +
        'lrwxrwxrwx. 1 root root 3 Apr 26 11:25 ' + c('01;36', '/tmp/c/link') + ' -> ' + c('01;34', 'bin') + '\n' +
        END,
    );
    // ln=target: a link takes its target's colour, a dangling one gets `or` (unset: none); ec ends names.
    const t = await run('ls', ['ls', '--color=always', '/tmp/c'], { lab, env: { LS_COLORS: 'ln=target:ec=^[[m:tw=7' } });
    const e = (code: string, name: string) => `${E}[${code}m${name}${E}[m`;
    expect(t.stdout).toBe(
      'a.tar\n' +
        `${E}[m` + e('01;34', 'bin') + '\n' +
        'dead\n' +
        e('01;34', 'link') + '\n' +
        'plain\n' +
        e('7', 'pub') + '\n' +
        e('01;32', 'run.sh') + '\n' +
        e('37;41', 'suid') + '\n' +
        END,
    );
    // ls keeps no mode for a command-line link to a directory (it would list the directory).
    const d = await run('ls', ['ls', '-d', '--color=always', '/tmp/c/link'], { lab, env: { LS_COLORS: 'ln=target' } });
    expect(d.stdout).toBe('/tmp/c/link\n');
  });

  it('reports an unparsable LS_COLORS and lists without colour (still without tabs)', async () => {
    for (const [value, extra] of [
      ['xx=01', 'ls: unrecognized prefix: xx\n'],
      ['di=01;34:d', ''],
      ['*.tar', ''],
      ['di=\\', ''],
      ['di=^1', ''],
    ]) {
      const r = await run('ls', ['ls', '--color=always', '/tmp/c'], { lab, env: { LS_COLORS: value! } });
      expect(r.stderr).toBe(extra + 'ls: unparsable value for LS_COLORS environment variable\n');
      expect(r.stdout).toBe('a.tar\nbin\ndead\nlink\nplain\npub\nrun.sh\nsuid\n');
      expect(r.status).toBe(0);
    }
    const t = await runTty('ls', ['ls', '--color=auto', '/etc'], { lab, cols: 80, env: { LS_COLORS: 'xx=1' } });
    expect(t.stdout).not.toContain('\t');
    expect(t.stdout).not.toContain(E);
    // An empty LS_COLORS keeps the defaults; a bad one is not even read without colour.
    expect((await run('ls', ['ls', '--color=always', '/tmp/c/bin', '-d'], { lab, env: { LS_COLORS: '' } })).stdout).toBe(
      RESET + c('01;34', '/tmp/c/bin') + '\n' + END,
    );
    expect(await run('ls', ['ls', '/tmp/c/bin', '-d'], { lab, env: { LS_COLORS: 'xx' } })).toMatchObject({ stdout: '/tmp/c/bin\n', stderr: '' });
  });

  it('rejects a bad --color word as argmatch does', async () => {
    const r = await run('ls', ['ls', '--color=sometimes', '/tmp/c'], { lab });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "ls: invalid argument `sometimes' for `--color'\n" +
        'Valid arguments are:\n' +
        "  - `always', `yes', `force'\n" +
        "  - `never', `no', `none'\n" +
        "  - `auto', `tty', `if-tty'\n" +
        "Try `ls --help' for more information.\n",
    );
    expect(r.status).toBe(2);
    const a = await run('ls', ['ls', '--color=a', '/tmp/c'], { lab });
    expect(a.stderr.split('\n')[0]).toBe("ls: ambiguous argument `a' for `--color'");
    expect(a.status).toBe(2);
  });
});

describe('ls --color (coreutils 5.97, RHEL 5)', () => {
  it('brackets every name, plain files too, and always ends with the default colour', async () => {
    const lab = Lab.create();
    await lab.settle();
    build(lab, 'rhel2');
    const r = await run('ls', ['ls', '--color=always', '/tmp/c'], { lab, host: 'rhel2' });
    expect(r.stdout).toBe(
      c('0', 'a.tar') + '\n' +
        c('01;34', 'bin') + '\n' +
        c('01;36', 'dead') + '\n' +
        c('01;36', 'link') + '\n' +
        c('0', 'plain') + '\n' +
        // 5.97 does not stat a directory it read from a directory: no sticky colour for it.
        c('01;34', 'pub') + '\n' +
        c('01;32', 'run.sh') + '\n' +
        c('37;41', 'suid') + '\n' +
        END,
    );
    const l = await run('ls', ['ls', '-l', '--color=always', '/tmp/c/link', '/tmp/c/dead'], { lab, host: 'rhel2' });
    expect(l.stdout).toBe(
      'lrwxrwxrwx 1 root root 7 2014-04-26 11:25 ' + c('01;36', '/tmp/c/dead') + ' -> ' + c('0', 'nowhere') + '\n' +
        'lrwxrwxrwx 1 root root 3 2014-04-26 11:25 ' + c('01;36', '/tmp/c/link') + ' -> ' + c('01;34', 'bin') + '\n' +
        END,
    );
    const pub = await run('ls', ['ls', '-d', '--color=always', '/tmp/c/pub'], { lab, host: 'rhel2' });
    expect(pub.stdout).toBe(c('30;42', '/tmp/c/pub') + '\n' + END);
    const none = await run('ls', ['ls', '--color=always', '/tmp/c/none'], { lab, host: 'rhel2' });
    expect(none).toMatchObject({ stdout: END, stderr: 'ls: /tmp/c/none: No such file or directory\n', status: 2 });
  });
});

describe('ls on the console', () => {
  it('is coloured through the colorls alias, and the screen still shows the plain names', async () => {
    const s = await ConsoleSession.start();
    let raw = '';
    const off = s.lab.onOutput('rhel1', (d) => (raw += d));
    const coloured = await s.run('ls /etc');
    off();
    expect(raw).toContain(c('01;34', 'skel'));
    expect(coloured).toBe(await s.run('ls --color=never /etc'));
    expect(coloured).toContain('profile.d');
  });
});

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}
