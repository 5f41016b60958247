import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/engine/fs/vfs';
import { FileOutput, CollectOutput } from '../../../src/engine/io/streams';
import { getProgram } from '../../../src/engine/commands/registry';
import { labWith, run } from './text-harness';

describe('cat', () => {
  it('copies files and standard input in order', async () => {
    const lab = await labWith({ '/tmp/a': 'alpha\n', '/tmp/b': 'beta\n' });
    const r = await run('cat', ['/tmp/a', '-', '/tmp/b'], { lab, stdin: 'middle\n' });
    expect(r).toMatchObject({ stdout: 'alpha\nmiddle\nbeta\n', stderr: '', status: 0 });
  });

  it('reads standard input without operands', async () => {
    const r = await run('cat', [], { stdin: 'x\ny' });
    expect(r).toMatchObject({ stdout: 'x\ny', stderr: '', status: 0 });
  });

  it('numbers lines with -n, across files, continuing a line left open', async () => {
    const lab = await labWith({ '/tmp/a': 'one\n\ntwo', '/tmp/b': 'more\nlast\n' });
    const r = await run('cat', ['-n', '/tmp/a', '/tmp/b'], { lab });
    expect(r.stdout).toBe('     1\tone\n     2\t\n     3\ttwomore\n     4\tlast\n');
    expect(r.status).toBe(0);
  });

  it('numbers only non-blank lines with -b, and squeezes with -s', async () => {
    const r = await run('cat', ['-bs'], { stdin: '\n\n\na\n\n\n\nb\n' });
    expect(r.stdout).toBe('\n     1\ta\n\n     2\tb\n');
  });

  it('shows ends, tabs and non-printing characters with -A', async () => {
    const r = await run('cat', ['-A'], { stdin: 'a\tb\x01\x7f é\r\n' });
    expect(r.stdout).toBe('a^Ib^A^? M-CM-)^M$\n');
  });

  it('-e and -t imply -v; -E and -T do not', async () => {
    expect((await run('cat', ['-e'], { stdin: '\x02\t\n' })).stdout).toBe('^B\t$\n');
    expect((await run('cat', ['-t'], { stdin: '\x02\t\n' })).stdout).toBe('^B^I\n');
    expect((await run('cat', ['-ET'], { stdin: '\x02\t\n' })).stdout).toBe('\x02^I$\n');
  });

  it('reports missing files and directories and goes on', async () => {
    const lab = await labWith({ '/tmp/a': 'ok\n' });
    const r = await run('cat', ['/nope', '/tmp', '/tmp/a'], { lab });
    expect(r).toMatchObject({
      stdout: 'ok\n',
      stderr: 'cat: /nope: No such file or directory\ncat: /tmp: Is a directory\n',
      status: 1,
    });
  });

  it('refuses to read a file it cannot open', async () => {
    const lab = await labWith({ '/tmp/secret': 'x\n' });
    lab.host('rhel1').vfs.chmod('/tmp/secret', ROOT, 0o600);
    const r = await run('cat', ['/tmp/secret'], { lab, user: 'user1' });
    expect(r).toMatchObject({ stdout: '', stderr: 'cat: /tmp/secret: Permission denied\n', status: 1 });
  });

  it('prints the name it was called by in messages', async () => {
    const r = await getProgramRun(['/bin/cat', '/nope']);
    expect(r).toBe('/bin/cat: /nope: No such file or directory\n');
  });

  it('rejects bad options as glibc getopt does', async () => {
    expect(await run('cat', ['-z'])).toMatchObject({ stdout: '', stderr: "cat: invalid option -- 'z'\nTry `cat --help' for more information.\n", status: 1 });
    expect((await run('cat', ['--bogus'])).stderr).toBe("cat: unrecognized option '--bogus'\nTry `cat --help' for more information.\n");
    expect((await run('cat', ['--nu'])).stderr).toBe("cat: option '--nu' is ambiguous\nTry `cat --help' for more information.\n");
    expect((await run('cat', ['--number=2'])).stderr).toBe("cat: option '--number' doesn't allow an argument\nTry `cat --help' for more information.\n");
  });

  it('uses RHEL 5 wording on rhel2', async () => {
    const r = await run('cat', ['-z'], { host: 'rhel2' });
    expect(r.stderr).toBe('cat: invalid option -- z\nTry `cat --help\' for more information.\n');
    const v = await run('cat', ['--version'], { host: 'rhel2' });
    expect(v.stdout.split('\n')[0]).toBe('cat (GNU coreutils) 5.97');
  });

  it('answers --help and --version', async () => {
    const h = await run('cat', ['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout.startsWith('Usage: cat [OPTION]... [FILE]...\nConcatenate FILE(s), or standard input, to standard output.\n')).toBe(true);
    expect(h.stdout.endsWith("For complete documentation, run: info coreutils 'cat invocation'\n")).toBe(true);
    const v = await run('cat', ['--version']);
    expect(v.stdout).toBe(
      'cat (GNU coreutils) 8.4\nCopyright (C) 2010 Free Software Foundation, Inc.\n' +
        'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.\n' +
        'This is free software: you are free to change and redistribute it.\n' +
        'There is NO WARRANTY, to the extent permitted by law.\n\n' +
        'Written by Torbjörn Granlund and Richard M. Stallman.\n',
    );
  });

  it('will not copy a file onto itself', async () => {
    const lab = await labWith({ '/tmp/f': 'data\n' });
    const host = lab.host('rhel1');
    const node = host.vfs.lookup('/tmp/f', ROOT);
    const stderr = new CollectOutput();
    const proc = host.exec({
      argv: ['cat', '/tmp/f'],
      program: getProgram('cat')!,
      stdin: host.stringSource(''),
      stdout: new FileOutput(host.vfs, node),
      stderr,
      env: {},
      cwd: '/',
      cred: ROOT,
      ppid: 1,
      tty: null,
    });
    await lab.settle();
    expect(proc.exitStatus).toBe(1);
    expect(stderr.text()).toBe('cat: /tmp/f: input file is output file\n');
    expect(host.vfs.readFile('/tmp/f', ROOT)).toBe('data\n');
  });

  it('survives binary input', async () => {
    const r = await run('cat', ['-v'], { stdin: '\x00\x7fELF\x01\u00ff\n' });
    expect(r).toMatchObject({ stdout: '^@^?ELF^AM-CM-?\n', status: 0 });
  });
});

async function getProgramRun(argv: string[]): Promise<string> {
  const lab = await labWith({});
  const host = lab.host('rhel1');
  const stderr = new CollectOutput();
  host.exec({ argv, program: getProgram('cat')!, stdin: host.stringSource(''), stdout: new CollectOutput(), stderr, env: {}, cwd: '/', cred: ROOT, ppid: 1, tty: null });
  await lab.settle();
  return stderr.text();
}
