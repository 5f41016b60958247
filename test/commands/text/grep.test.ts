import { describe, expect, it } from 'vitest';
import { runProgram } from '../../harness/run';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { egrep, fgrep, grep } from '../../../src/engine/commands/text/grep';

const MAIN_CF = [
  '# Global Postfix configuration file.',
  '',
  'queue_directory = /var/spool/postfix',
  '#myhostname = host.domain.tld',
  'inet_interfaces = localhost',
  '  # indented comment',
  'mydestination = $myhostname, localhost.$mydomain, localhost',
  '',
].join('\n');

function labWith(files: Record<string, string>, host: 'rhel1' | 'rhel2' = 'rhel1'): Lab {
  const lab = Lab.create();
  const vfs = lab.host(host).vfs;
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

async function run(argv: string[], opts: { stdin?: string; lab?: Lab; user?: string; host?: 'rhel1' | 'rhel2'; prog?: typeof grep } = {}) {
  const prog = opts.prog ?? grep;
  const name = prog === egrep ? 'egrep' : prog === fgrep ? 'fgrep' : 'grep';
  const r = await runProgram(prog, [name, ...argv], { stdin: opts.stdin, lab: opts.lab, user: opts.user, host: opts.host, cwd: '/' });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

describe('grep', () => {
  it('prints active lines of main.cf with an ERE', async () => {
    const lab = labWith({ '/etc/postfix/main.cf': MAIN_CF });
    expect(await run(['-Ev', '^$|^#', '/etc/postfix/main.cf'], { lab })).toEqual({
      out: 'queue_directory = /var/spool/postfix\ninet_interfaces = localhost\n  # indented comment\nmydestination = $myhostname, localhost.$mydomain, localhost\n',
      err: '',
      status: 0,
    });
  });

  it('prefixes file names when several files are searched', async () => {
    const lab = labWith({ '/c/10-a.conf': '#x\nauth = plain\n', '/c/20-b.conf': '  #port = 1\nprotocol imap {\n' });
    expect(await run(['-vE', '^$|^#|^  #', '/c/10-a.conf', '/c/20-b.conf'], { lab })).toEqual({
      out: '/c/10-a.conf:auth = plain\n/c/20-b.conf:protocol imap {\n',
      err: '',
      status: 0,
    });
  });

  it('reads standard input and exits 1 without a match', async () => {
    expect(await run(['MX'], { stdin: 'a\nb\n' })).toEqual({ out: '', err: '', status: 1 });
    expect(await run(['-i', 'mx'], { stdin: '@ IN NS rhel1\n@ IN MX 10 rhel1\n' })).toEqual({ out: '@ IN MX 10 rhel1\n', err: '', status: 0 });
  });

  it('reports missing files with status 2, even with a match elsewhere', async () => {
    const lab = labWith({ '/f': 'hello\n' });
    expect(await run(['hello', '/nope', '/f'], { lab })).toEqual({
      out: '/f:hello\n',
      err: 'grep: /nope: No such file or directory\n',
      status: 2,
    });
    expect(await run(['-s', 'hello', '/nope'], { lab })).toEqual({ out: '', err: '', status: 2 });
    expect(await run(['-q', 'hello', '/f', '/nope'], { lab })).toEqual({ out: '', err: '', status: 0 });
  });

  it('says a directory is a directory without -r', async () => {
    const lab = labWith({ '/d/f': 'x\n' });
    expect(await run(['x', '/d'], { lab })).toEqual({ out: '', err: 'grep: /d: Is a directory\n', status: 2 });
  });

  it('recurses with -r, with file names, honouring --include', async () => {
    const lab = labWith({ '/d/a.conf': 'x=1\n', '/d/sub/b.conf': 'x=2\n', '/d/sub/c.txt': 'x=3\n' });
    expect(await run(['-r', 'x=', '/d'], { lab })).toEqual({ out: '/d/a.conf:x=1\n/d/sub/b.conf:x=2\n/d/sub/c.txt:x=3\n', err: '', status: 0 });
    expect(await run(['-r', '--include=*.conf', 'x=', '/d/'], { lab })).toEqual({ out: '/d/a.conf:x=1\n/d/sub/b.conf:x=2\n', err: '', status: 0 });
    expect(await run(['-rl', 'x=[23]', '/d'], { lab })).toEqual({ out: '/d/sub/b.conf\n/d/sub/c.txt\n', err: '', status: 0 });
  });

  it('counts, lists, and numbers lines', async () => {
    const lab = labWith({ '/a': 'one\ntwo\nthree\n', '/b': 'four\n' });
    expect(await run(['-c', 'o', '/a', '/b'], { lab })).toEqual({ out: '/a:2\n/b:1\n', err: '', status: 0 });
    expect(await run(['-L', 'e', '/a', '/b'], { lab })).toEqual({ out: '/b\n', err: '', status: 0 });
    expect(await run(['-n', 't', '/a'], { lab })).toEqual({ out: '2:two\n3:three\n', err: '', status: 0 });
    expect(await run(['-Hnb', 'thr', '/a'], { lab })).toEqual({ out: '/a:3:8:three\n', err: '', status: 0 });
    expect(await run(['-cv', 'o', '/a'], { lab })).toEqual({ out: '1\n', err: '', status: 0 });
  });

  it('prints context with -- between groups', async () => {
    const text = ['a', 'match1', 'b', 'c', 'd', 'e', 'match2', 'f', ''].join('\n');
    expect(await run(['-C1', 'match'], { stdin: text })).toEqual({ out: 'a\nmatch1\nb\n--\ne\nmatch2\nf\n', err: '', status: 0 });
    expect(await run(['-n', '-A', '1', 'match'], { stdin: text })).toEqual({ out: '2:match1\n3-b\n--\n7:match2\n8-f\n', err: '', status: 0 });
    expect(await run(['-B2', 'match2'], { stdin: text })).toEqual({ out: 'd\ne\nmatch2\n', err: '', status: 0 });
    expect(await run(['-m1', '-A2', 'match'], { stdin: text })).toEqual({ out: 'match1\nb\nc\n', err: '', status: 0 });
  });

  it('supports -o, -w, -x, -F and several -e', async () => {
    expect(await run(['-o', '[0-9]\\+'], { stdin: 'a 12 b 345\n' })).toEqual({ out: '12\n345\n', err: '', status: 0 });
    expect(await run(['-w', 'is'], { stdin: 'this\nit is\n' })).toEqual({ out: 'it is\n', err: '', status: 0 });
    expect(await run(['-x', 'ab'], { stdin: 'ab\nabc\n' })).toEqual({ out: 'ab\n', err: '', status: 0 });
    expect(await run(['-F', 'a.b'], { stdin: 'axb\na.b\n' })).toEqual({ out: 'a.b\n', err: '', status: 0 });
    expect(await run(['-e', 'one', '-e', 'three'], { stdin: 'one\ntwo\nthree\n' })).toEqual({ out: 'one\nthree\n', err: '', status: 0 });
    expect(await run(['x\\|two'], { stdin: 'one\ntwo\n' })).toEqual({ out: 'two\n', err: '', status: 0 });
    expect(await run(['-o', 'ab\\|abcd'], { stdin: 'xabcdx\n' })).toEqual({ out: 'abcd\n', err: '', status: 0 });
    expect(await run(['\\(ab\\)\\1'], { stdin: 'abab\nab\n' })).toEqual({ out: 'abab\n', err: '', status: 0 });
    expect(await run(['[[:digit:]]\\{3\\}'], { stdin: 'a12\nb123\n' })).toEqual({ out: 'b123\n', err: '', status: 0 });
  });

  it('takes patterns from a file; an empty file matches nothing', async () => {
    const lab = labWith({ '/p': 'two\nfour\n', '/empty': '' });
    expect(await run(['-f', '/p'], { lab, stdin: 'one\ntwo\nthree\nfour\n' })).toEqual({ out: 'two\nfour\n', err: '', status: 0 });
    expect(await run(['-f', '/empty'], { lab, stdin: 'one\n' })).toEqual({ out: '', err: '', status: 1 });
    expect(await run(['-f', '/nope', '/p'], { lab })).toEqual({ out: '', err: 'grep: /nope: No such file or directory\n', status: 2 });
  });

  it('reports binary files', async () => {
    const lab = labWith({ '/bin.dat': 'abc\0def\nmatch here\n' });
    expect(await run(['match', '/bin.dat'], { lab })).toEqual({ out: 'Binary file /bin.dat matches\n', err: '', status: 0 });
    expect(await run(['-c', 'match', '/bin.dat'], { lab })).toEqual({ out: '1\n', err: '', status: 0 });
    expect(await run(['-a', 'match', '/bin.dat'], { lab })).toEqual({ out: 'match here\n', err: '', status: 0 });
    expect(await run(['x'], { stdin: '\0x\n' })).toEqual({ out: 'Binary file (standard input) matches\n', err: '', status: 0 });
  });

  it('gives regcomp messages for bad patterns', async () => {
    expect(await run(['['], { stdin: 'x\n' })).toEqual({ out: '', err: 'grep: Unmatched [ or [^\n', status: 2 });
    expect(await run(['-E', 'a('], { stdin: 'x\n' })).toEqual({ out: '', err: 'grep: Unmatched ( or \\(\n', status: 2 });
    expect(await run(['a\\{1'], { stdin: 'x\n' })).toEqual({ out: '', err: 'grep: Unmatched \\{\n', status: 2 });
    expect(await run(['[[:nope:]]'], { stdin: 'x\n' })).toEqual({ out: '', err: 'grep: Invalid character class name\n', status: 2 });
    expect(await run(['a\\'], { stdin: 'x\n' })).toEqual({ out: '', err: 'grep: Trailing backslash\n', status: 2 });
    expect(await run(['\\(a\\)\\2'], { stdin: 'x\n' })).toEqual({ out: '', err: 'grep: Invalid back reference\n', status: 2 });
  });

  it('handles usage errors like getopt and grep do', async () => {
    const usage = "Usage: grep [OPTION]... PATTERN [FILE]...\nTry `grep --help' for more information.\n";
    expect(await run([])).toEqual({ out: '', err: usage, status: 2 });
    expect(await run(['-k', 'x'])).toEqual({ out: '', err: "grep: invalid option -- 'k'\n" + usage, status: 2 });
    expect(await run(['-k', 'x'], { host: 'rhel2' })).toEqual({ out: '', err: 'grep: invalid option -- k\n' + usage, status: 2 });
    expect(await run(['-A', 'x', 'y'])).toEqual({ out: '', err: 'grep: x: invalid context length argument\n\n', status: 2 });
    expect(await run(['-E', '-F', 'y'])).toEqual({ out: '', err: 'grep: conflicting matchers specified\n', status: 2 });
    expect(await run(['-F', 'y'], { prog: egrep })).toEqual({ out: '', err: 'egrep: egrep can only use the egrep pattern syntax\n', status: 2 });
  });

  it('egrep and fgrep have their own syntax', async () => {
    expect(await run(['a|b'], { prog: egrep, stdin: 'b\nc\n' })).toEqual({ out: 'b\n', err: '', status: 0 });
    expect(await run(['a|b'], { prog: fgrep, stdin: 'b\na|b\n' })).toEqual({ out: 'a|b\n', err: '', status: 0 });
  });

  it('colours matches with --color=always', async () => {
    expect(await run(['--color=always', 'b'], { stdin: 'abc\n' })).toEqual({ out: 'a\x1b[01;31m\x1b[Kb\x1b[m\x1b[Kc\n', err: '', status: 0 });
    expect(await run(['--color=auto', 'b'], { stdin: 'abc\n' })).toEqual({ out: 'abc\n', err: '', status: 0 });
  });

  it('survives hostile input', async () => {
    const long = 'a'.repeat(200000);
    expect(await run(['-E', '(a*)*b'], { stdin: long + '\n' })).toEqual({ out: '', err: '', status: 1 });
    expect(await run(['\\(a*\\)*\\1b'], { stdin: 'a'.repeat(40) + '\n' })).toEqual({ out: '', err: '', status: 1 });
    expect((await run(['-c', ''], { stdin: '\0\n\n\xff\n' })).out).toBe('3\n');
  });
});
