import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../harness/run';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { scriptPrograms } from '../../../src/engine/commands/script/index';
import recorded from './coreutils-cases.json';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  status: number;
}

let lab: Lab;

beforeAll(async () => {
  lab = Lab.create();
  await lab.settle();
  const vfs = lab.host('rhel1').vfs;
  if (!vfs.exists('/tmp', ROOT)) vfs.mkdir('/tmp', ROOT, 0o1777, 0);
});

async function run(args: string[], opts: { user?: string; cwd?: string; stdin?: string } = {}) {
  const prog = scriptPrograms[args[0]!]!;
  const r = await runProgram(prog, args, { lab, cwd: opts.cwd ?? '/tmp', user: opts.user, stdin: opts.stdin, env: { LANG: 'C' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const doc = recorded as unknown as Record<'printf' | 'test' | 'expr' | 'seq', Case[]>;

for (const group of ['printf', 'test', 'expr', 'seq'] as const) {
  describe(`${group} (coreutils 8.4)`, () => {
    it.each(doc[group].map((c, i) => [i, c.args.join(' ').slice(0, 60), c] as const))('#%i %s', async (_i, _n, c) => {
      expect(await run(c.args)).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
    });
  });
}

describe('printf', () => {
  it('prints --help', async () => {
    const r = await run(['printf', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('Usage: printf FORMAT [ARGUMENT]...\n  or:  printf OPTION\n')).toBe(true);
    expect(r.stdout.endsWith("For complete documentation, run: info coreutils 'printf invocation'\n")).toBe(true);
  });

  it('turns escaped UTF-8 bytes back into characters', async () => {
    expect(await run(['printf', '\\303\\251t\\xc3\\xa9\\n'])).toEqual({ stdout: 'été\n', stderr: '', status: 0 });
  });

  it('prints diagnostics before output that is still buffered (not a terminal)', async () => {
    expect(await run(['printf', '%d|%d\\n', 'x', '2'])).toEqual({ stdout: '0|2\n', stderr: 'printf: x: expected a numeric value\n', status: 1 });
  });
});

describe('test and [', () => {
  beforeAll(() => {
    const vfs = lab.host('rhel1').vfs;
    vfs.writeFile('/tmp/t-file', ROOT, 'data');
    vfs.writeFile('/tmp/t-empty', ROOT, '');
    vfs.writeFile('/tmp/t-secret', ROOT, 'x', { mode: 0o600 });
    vfs.writeFile('/tmp/t-script', ROOT, '#!/bin/sh\n', { mode: 0o755 });
    vfs.symlink('/tmp/t-file', '/tmp/t-link', ROOT);
  });

  it.each([
    [['-f', '/tmp/t-file'], 0],
    [['-s', '/tmp/t-file'], 0],
    [['-s', '/tmp/t-empty'], 1],
    [['-d', '/tmp/t-file'], 1],
    [['-h', '/tmp/t-link'], 0],
    [['-L', '/tmp/t-file'], 1],
    [['-f', '/tmp/t-link'], 0],
    [['-x', '/tmp/t-script'], 0],
    [['-x', '/tmp/t-file'], 1],
    [['/tmp/t-file', '-ef', '/tmp/t-link'], 0],
    [['-O', '/tmp/t-file'], 0],
    [['-r', '/tmp/t-secret'], 0],
    [['-w', '/tmp/t-secret'], 0],
  ] as const)('root: test %j -> %i', async (args, status) => {
    expect(await run(['test', ...args])).toEqual({ stdout: '', stderr: '', status });
  });

  it.each([
    [['-r', '/tmp/t-secret'], 1],
    [['-w', '/tmp/t-secret'], 1],
    [['-r', '/tmp/t-file'], 0],
    [['-w', '/tmp/t-file'], 1],
    [['-x', '/tmp/t-script'], 0],
    [['-O', '/tmp/t-file'], 1],
    [['-w', '/tmp'], 0],
  ] as const)('user1: test %j -> %i', async (args, status) => {
    expect(await run(['test', ...args], { user: 'user1' })).toEqual({ stdout: '', stderr: '', status });
  });

  it('names itself as invoked', async () => {
    expect(await run(['[', '1', '-eq', 'one', ']'])).toEqual({ stdout: '', stderr: "[: invalid integer `one'\n", status: 2 });
  });

  it('answers [ --version', async () => {
    const r = await run(['[', '--version']);
    expect(r.stdout.split('\n')[0]).toBe('[ (GNU coreutils) 8.4');
    expect(r.stdout.endsWith('Written by Kevin Braunsdorf and Matthew Bradburn.\n')).toBe(true);
  });
});

describe('seq', () => {
  it('stops at the lab limit instead of running forever', async () => {
    const r = await run(['seq', '1', '0', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("seq: stopped after 1000000 numbers (the lab's limit)\n");
    expect(r.stdout.slice(0, 6)).toBe('1\n1\n1\n');
  });
});
