import { describe, expect, it } from 'vitest';
import { runProgram } from '../../harness/run';
import { xargs } from '../../../src/engine/commands/text/xargs';
import type { Program, SpawnOptions } from '../../../src/engine/proc/program';

/**
 * xargs with a stand-in spawn: "echo" prints its arguments, "fail" exits 1, "die" exits 255,
 * anything else is "not found" (127, with the message the host's spawn prints).
 */
function withFakeSpawn(calls: string[][]): Program {
  return (ctx) =>
    xargs({
      ...ctx,
      spawn: async (argv: string[], opts: SpawnOptions = {}) => {
        calls.push(argv);
        const out = opts.stdout ?? ctx.stdout;
        const name = argv[0]!.split('/').pop();
        if (name === 'echo') {
          out.write(argv.slice(1).join(' ') + '\n');
          return 0;
        }
        if (name === 'fail') return 1;
        if (name === 'die') return 255;
        ctx.stderr.write(`${ctx.argv[0]}: ${argv[0]}: No such file or directory\n`);
        return 127;
      },
    });
}

async function run(argv: string[], stdin: string) {
  const calls: string[][] = [];
  const r = await runProgram(withFakeSpawn(calls), ['xargs', ...argv], { stdin });
  return { out: r.stdout, err: r.stderr, status: r.status, calls };
}

describe('xargs', () => {
  it('runs echo by default with all items', async () => {
    expect(await run([], 'a b\n c\n\nd\n')).toEqual({ out: 'a b c d\n', err: '', status: 0, calls: [['/bin/echo', 'a', 'b', 'c', 'd']] });
  });

  it('honours quotes and backslashes', async () => {
    const r = await run(['echo'], `'a b' "c d" e\\ f\n`);
    expect(r.calls).toEqual([['echo', 'a b', 'c d', 'e f']]);
    expect(r.out).toBe('a b c d e f\n');
  });

  it('runs the command once on empty input, unless -r', async () => {
    expect((await run(['echo', 'x'], '')).calls).toEqual([['echo', 'x']]);
    expect((await run(['-r', 'echo', 'x'], '')).calls).toEqual([]);
  });

  it('splits with -n and -L', async () => {
    expect((await run(['-n', '2', 'echo'], '1 2 3 4 5\n')).calls).toEqual([
      ['echo', '1', '2'],
      ['echo', '3', '4'],
      ['echo', '5'],
    ]);
    expect((await run(['-L', '1', 'echo'], 'a b\nc\n')).calls).toEqual([
      ['echo', 'a', 'b'],
      ['echo', 'c'],
    ]);
  });

  it('replaces {} with -I, one line at a time', async () => {
    const r = await run(['-I', '{}', 'echo', 'mv', '{}', '{}.bak'], '  /tmp/a b\n/tmp/c\n');
    expect(r.calls).toEqual([
      ['echo', 'mv', '/tmp/a b', '/tmp/a b.bak'],
      ['echo', 'mv', '/tmp/c', '/tmp/c.bak'],
    ]);
  });

  it('reads NUL- and delimiter-separated items', async () => {
    expect((await run(['-0', 'echo'], 'a b\0c\0')).calls).toEqual([['echo', 'a b', 'c']]);
    expect((await run(['-d', ',', 'echo'], 'x,y z,')).calls).toEqual([['echo', 'x', 'y z']]);
  });

  it('prints commands with -t', async () => {
    expect(await run(['-t', 'echo', 'hi'], 'there\n')).toEqual({ out: 'hi there\n', err: 'echo hi there \n', status: 0, calls: [['echo', 'hi', 'there']] });
  });

  it('reports failing and missing commands', async () => {
    expect((await run(['-n', '1', 'fail'], 'a b\n')).status).toBe(123);
    const missing = await run(['-n', '1', 'nosuch'], 'a b\n');
    expect(missing).toEqual({ out: '', err: 'xargs: nosuch: No such file or directory\n', status: 127, calls: [['nosuch', 'a']] });
    expect(await run(['die'], 'a\n')).toEqual({ out: '', err: 'xargs: die: exited with status 255; aborting\n', status: 124, calls: [['die', 'a']] });
  });

  it('complains about unmatched quotes and bad numbers', async () => {
    expect(await run(['echo'], "a 'b\n")).toEqual({
      out: 'a\n',
      err: 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n',
      status: 1,
      calls: [['echo', 'a']],
    });
    const bad = await run(['-n', 'x', 'echo'], '');
    expect(bad.status).toBe(1);
    expect(bad.err.startsWith('xargs: invalid number for -n option\nUsage: xargs [-0prtx]')).toBe(true);
    const opt = await run(['-k'], '');
    expect(opt.status).toBe(1);
    expect(opt.err.startsWith("xargs: invalid option -- 'k'\nUsage: xargs")).toBe(true);
  });
});
