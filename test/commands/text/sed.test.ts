import { describe, expect, it } from 'vitest';
import { runProgram } from '../../harness/run';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { sed } from '../../../src/engine/commands/text/sed';

const MAIN_CF = [
  '#myhostname = host.domain.tld',
  '#mydomain = domain.tld',
  'inet_interfaces = localhost',
  'mydestination = $myhostname, localhost.$mydomain, localhost',
  '#mynetworks = 168.100.189.0/28, 127.0.0.0/8',
  '',
].join('\n');

function labWith(files: Record<string, string>): Lab {
  const lab = Lab.create();
  const vfs = lab.host('rhel1').vfs;
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

async function run(argv: string[], opts: { stdin?: string; lab?: Lab; user?: string; cwd?: string } = {}) {
  const r = await runProgram(sed, ['sed', ...argv], { stdin: opts.stdin, lab: opts.lab, user: opts.user, cwd: opts.cwd ?? '/' });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

describe('sed', () => {
  it('edits main.cf in place as the chapter does, keeping owner and mode', async () => {
    const lab = labWith({ '/etc/postfix/main.cf': MAIN_CF });
    const vfs = lab.host('rhel1').vfs;
    vfs.chmod('/etc/postfix/main.cf', ROOT, 0o644);
    vfs.chown('/etc/postfix/main.cf', ROOT, 0, 89);
    const steps = [
      's/^#myhostname = host.domain.tld$/myhostname = rhel1.local.com/',
      's/^#mydomain = domain.tld$/mydomain = local.com/',
      's/^inet_interfaces = localhost$/inet_interfaces = 192.168.2.2/',
      's/^mydestination = $myhostname, localhost.$mydomain, localhost$/mydestination = $myhostname, localhost.$mydomain, localhost, $mydomain/',
      's|^#mynetworks = 168.100.189.0/28, 127.0.0.0/8$|mynetworks = 192.168.2.0/24, 127.0.0.0/8|',
    ];
    for (const s of steps) expect(await run(['-i', s, '/etc/postfix/main.cf'], { lab })).toEqual({ out: '', err: '', status: 0 });
    expect(vfs.readFile('/etc/postfix/main.cf', ROOT)).toBe(
      [
        'myhostname = rhel1.local.com',
        'mydomain = local.com',
        'inet_interfaces = 192.168.2.2',
        'mydestination = $myhostname, localhost.$mydomain, localhost, $mydomain',
        'mynetworks = 192.168.2.0/24, 127.0.0.0/8',
        '',
      ].join('\n'),
    );
    const st = vfs.stat('/etc/postfix/main.cf', ROOT);
    expect([st.mode, st.uid, st.gid]).toEqual([0o644, 0, 89]);
    // no temporary file is left behind
    expect(vfs.readdir('/etc/postfix', ROOT).filter((n) => n.startsWith('sed'))).toEqual([]);
  });

  it('runs several -e expressions and keeps a backup with -i.bak', async () => {
    const lab = labWith({ '/etc/pki/x.cnf': '#C=FI\n#ST=\nOU=IMAP server\n' });
    expect(await run(['-i.bak', '-e', 's/^#C=FI$/C=US/', '-e', 's/^#ST=$/ST=Colorado/', '-e', 's/^OU=IMAP server$/OU=RHEL_LAB/', '/etc/pki/x.cnf'], { lab })).toEqual({
      out: '',
      err: '',
      status: 0,
    });
    const vfs = lab.host('rhel1').vfs;
    expect(vfs.readFile('/etc/pki/x.cnf', ROOT)).toBe('C=US\nST=Colorado\nOU=RHEL_LAB\n');
    expect(vfs.readFile('/etc/pki/x.cnf.bak', ROOT)).toBe('#C=FI\n#ST=\nOU=IMAP server\n');
  });

  it('cannot edit in a directory the user may not write', async () => {
    const lab = labWith({ '/etc/f': 'a\n' });
    lab.host('rhel1').vfs.chmod('/etc/f', ROOT, 0o666);
    const r = await run(['-i', 's/a/b/', 'f'], { lab, user: 'user1', cwd: '/etc' });
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^sed: couldn't open temporary file \.\/sed[A-Za-z0-9]{6}: Permission denied\n$/);
    expect(r.status).toBe(4);
    expect(lab.host('rhel1').vfs.readFile('/etc/f', ROOT)).toBe('a\n');
  });

  it('reports unreadable input and goes on', async () => {
    const lab = labWith({ '/f': 'x\n' });
    expect(await run(['p', '/nope', '/f'], { lab })).toEqual({ out: 'x\nx\n', err: "sed: can't read /nope: No such file or directory\n", status: 2 });
    expect(await run(['-i', 's/x/y/', '/nope'], { lab })).toEqual({ out: '', err: "sed: can't read /nope: No such file or directory\n", status: 2 });
    expect(await run(['-i', 's/x/y/'], { lab })).toEqual({ out: '', err: 'sed: no input files\n', status: 4 });
    expect(await run(['p', '/'], { lab })).toEqual({ out: '', err: 'sed: read error on /: Is a directory\n', status: 4 });
  });

  it('substitutes with flags, groups, & and case conversion', async () => {
    expect(await run(['s/a/X/2g'], { stdin: 'banana\n' })).toEqual({ out: 'banXnX\n', err: '', status: 0 });
    expect(await run(['s/\\(a\\)\\(n\\)/\\2\\1/g'], { stdin: 'banana\n' })).toEqual({ out: 'bnanaa\n', err: '', status: 0 });
    expect(await run(['-r', 's/(\\w+) (\\w+)/\\U\\2\\E \\u\\1/'], { stdin: 'hello world\n' })).toEqual({ out: 'WORLD Hello\n', err: '', status: 0 });
    expect(await run(['s/x*/-/g'], { stdin: 'abc\n' })).toEqual({ out: '-a-b-c-\n', err: '', status: 0 });
    expect(await run(['-n', 's/b/[&]/p'], { stdin: 'abc\nxyz\n' })).toEqual({ out: 'a[b]c\n', err: '', status: 0 });
    expect(await run(['s/ab\\|abcd/X/'], { stdin: 'abcde\n' })).toEqual({ out: 'Xe\n', err: '', status: 0 });
  });

  it('handles addresses, ranges and negation', async () => {
    const nums = '1\n2\n3\n4\n5\n6\n';
    expect(await run(['-n', '2,+2p'], { stdin: nums })).toEqual({ out: '2\n3\n4\n', err: '', status: 0 });
    expect(await run(['-n', '1~2p'], { stdin: nums })).toEqual({ out: '1\n3\n5\n', err: '', status: 0 });
    expect(await run(['-n', '2,~4p'], { stdin: nums })).toEqual({ out: '2\n3\n4\n', err: '', status: 0 });
    expect(await run(['-n', '/2/,/4/p'], { stdin: nums })).toEqual({ out: '2\n3\n4\n', err: '', status: 0 });
    expect(await run(['-n', '0,/1/p'], { stdin: '1\n2\n1\n' })).toEqual({ out: '1\n', err: '', status: 0 });
    expect(await run(['$!d'], { stdin: nums })).toEqual({ out: '6\n', err: '', status: 0 });
    expect(await run(['-n', '$='], { stdin: nums })).toEqual({ out: '6\n', err: '', status: 0 });
  });

  it('runs text, hold-space and flow commands', async () => {
    expect(await run(['2i\\\ninserted', '-'], { stdin: '1\n2\n' })).toEqual({ out: '1\ninserted\n2\n', err: '', status: 0 });
    expect(await run(['1a appended'], { stdin: '1\n2\n' })).toEqual({ out: '1\nappended\n2\n', err: '', status: 0 });
    expect(await run(['2,3c\\\nchanged'], { stdin: '1\n2\n3\n4\n' })).toEqual({ out: '1\nchanged\n4\n', err: '', status: 0 });
    expect(await run(['1!G;h;$!d'], { stdin: '1\n2\n3\n' })).toEqual({ out: '3\n2\n1\n', err: '', status: 0 });
    expect(await run(['$!N;s/\\n/ /'], { stdin: '1\n2\n3\n' })).toEqual({ out: '1 2\n3\n', err: '', status: 0 });
    expect(await run([':a;s/^\\(x*\\)a/\\1x/;ta'], { stdin: 'aaab\n' })).toEqual({ out: 'xxxb\n', err: '', status: 0 });
    expect(await run(['y/abc/xyz/'], { stdin: 'aabbcc\n' })).toEqual({ out: 'xxyyzz\n', err: '', status: 0 });
    expect(await run(['-n', 'l'], { stdin: 'a\tb\\c\x01\n' })).toEqual({ out: 'a\\tb\\\\c\\001$\n', err: '', status: 0 });
    expect(await run(['2q5'], { stdin: '1\n2\n3\n' })).toEqual({ out: '1\n2\n', err: '', status: 5 });
    expect(await run(['p'], { stdin: 'no newline' })).toEqual({ out: 'no newline\nno newline', err: '', status: 0 });
    expect(await run(['$a\\'], { stdin: 'x' })).toEqual({ out: 'x\n', err: '', status: 0 });
    expect(await run(['-e', '/start/,/end/{', '-e', 's/^/> /', '-e', '}'], { stdin: 'a\nstart\nb\nend\nc\n' })).toEqual({
      out: 'a\n> start\n> b\n> end\nc\n',
      err: '',
      status: 0,
    });
  });

  it('writes w files', async () => {
    const lab = labWith({});
    expect(await run(['-n', '/b/w /tmp/out'], { lab, stdin: 'abc\nd\nb\n' })).toEqual({ out: '', err: '', status: 0 });
    expect(lab.host('rhel1').vfs.readFile('/tmp/out', ROOT)).toBe('abc\nb\n');
  });

  it('gives GNU sed 4.2.1 compile errors with positions', async () => {
    const cases: [string[], string][] = [
      [['s/a/b'], "sed: -e expression #1, char 5: unterminated `s' command\n"],
      [['s/a/b/x'], "sed: -e expression #1, char 7: unknown option to `s'\n"],
      [['s/a/b/gg'], "sed: -e expression #1, char 8: multiple `g' options to `s' command\n"],
      [['s/\\(/x/'], 'sed: -e expression #1, char 7: Unmatched ( or \\(\n'],
      [['s/a/\\1/'], "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n"],
      [['/abc'], 'sed: -e expression #1, char 4: unterminated address regex\n'],
      [['k'], "sed: -e expression #1, char 1: unknown command: `k'\n"],
      [['1,'], "sed: -e expression #1, char 2: unexpected `,'\n"],
      [['1'], 'sed: -e expression #1, char 1: missing command\n'],
      [['/x/{p'], "sed: -e expression #1, char 0: unmatched `{'\n"],
      [['}'], "sed: -e expression #1, char 1: unexpected `}'\n"],
      [['y/abc/de/'], "sed: -e expression #1, char 9: strings for `y' command are different lengths\n"],
      [['0p'], 'sed: -e expression #1, char 2: invalid usage of line address 0\n'],
      [['pq'], 'sed: -e expression #1, char 2: extra characters after command\n'],
      [['a'], "sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n"],
      [['-e', 'p', '-e', 's/x'], "sed: -e expression #2, char 3: unterminated `s' command\n"],
      [['-r', 's/*a/x/'], 'sed: -e expression #1, char 7: Invalid preceding regular expression\n'],
    ];
    for (const [argv, err] of cases) expect(await run(argv, { stdin: 'a\n' })).toEqual({ out: '', err, status: 1 });
    expect(await run(['bfoo'], { stdin: 'a\n' })).toEqual({ out: '', err: "sed: can't find label for jump to `foo'\n", status: 4 });
    expect(await run(['s//x/'], { stdin: 'a\n' })).toEqual({ out: '', err: 'sed: -e expression #1, char 0: no previous regular expression\n', status: 1 });
  });

  it('reads scripts from files and reports their lines', async () => {
    const lab = labWith({ '/s.sed': 's/a/b/\nk\n', '/ok.sed': '#n\n/a/p\n' });
    expect(await run(['-f', '/s.sed'], { lab, stdin: 'a\n' })).toEqual({ out: '', err: "sed: file /s.sed line 2: unknown command: `k'\n", status: 1 });
    expect(await run(['-f', '/ok.sed'], { lab, stdin: 'a\nb\n' })).toEqual({ out: 'a\n', err: '', status: 0 });
  });

  it('prints usage errors', async () => {
    const r = await run([]);
    expect(r.status).toBe(4);
    expect(r.err.startsWith('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n')).toBe(true);
    const k = await run(['-k', 'p']);
    expect(k.err.startsWith("sed: invalid option -- 'k'\nUsage: sed")).toBe(true);
    expect(k.status).toBe(4);
  });

  it('survives hostile scripts and input', async () => {
    expect((await run(['-E', 's/(a*)*b/x/'], { stdin: 'a'.repeat(100000) + '\n' })).status).toBe(0);
    expect(await run(['s/\\x00/N/'], { stdin: 'a\0b\n' })).toEqual({ out: 'aNb\n', err: '', status: 0 });
    expect((await run(['s/[/x/'], { stdin: '' })).err).toBe("sed: -e expression #1, char 6: unterminated `s' command\n");
  });
});
