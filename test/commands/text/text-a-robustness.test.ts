import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/engine/util/rng';
import { labWith, run } from './text-harness';

/**
 * Bad input never breaks the lab: random argument lists and binary input must give the
 * tool's own error (or output) and a status, never an exception (runProgram fails on faults).
 */
const COMMANDS = ['cat', 'tac', 'head', 'tail', 'wc', 'tee', 'cut', 'sort', 'uniq', 'tr', 'more', 'less'];
const PIECES = [
  '-', '--', '-n', '-c', '-f', '-k', '-t', '-d', '-s', '-b', '-r', '-u', '-z', '-A', '-v', '-q', '-F', '-L', '-m', '-w', '-D',
  '-i', '-e', '-x', '--complement', '--output-delimiter=', '--lines=-3', '--bytes', '--follow=name', '--pid=0', '--sort=numeric',
  '0', '1', '-1', '+1', '1-', '-3', '2,4-', '1.2,3.0nr', '9999999999999999999999', '1k', 'abc', '', ':', '\\', '[', '[:alpha:]',
  '[=a=]', '[a*]', '[b*3]', 'a-z', 'z-a', '\\777', '/tmp/bin', '/tmp', '/nope', '/tmp/out', "it's", 'é', '\x00',
];

describe('text commands survive anything', () => {
  it('random argument lists with binary input', async () => {
    const lab = await labWith({ '/tmp/bin': '\x7fELF\x01\x00\u00ff\u00c3\n\n\r\t' + 'x'.repeat(5000) + '\x1b[31m\n' });
    const rng = new SeededRandom(1234);
    const input = '\x00\x01binary\u00e9\uffff\n\n\tline two\r\n' + 'y '.repeat(300);
    for (let i = 0; i < 400; i++) {
      const id = COMMANDS[i % COMMANDS.length]!;
      const args: string[] = [];
      const n = rng.int(0, 4);
      for (let k = 0; k < n; k++) args.push(PIECES[rng.int(0, PIECES.length - 1)]!);
      if (id === 'tail' && (args.includes('-f') || args.includes('-F') || args.some((a) => a.startsWith('--follow')))) continue;
      const r = await run(id, args, { lab, stdin: input });
      // A failure always says why.
      if (r.status !== 0) expect(r.stderr, `${id} ${JSON.stringify(args)}`).not.toBe('');
    }
  }, 60_000);

  it('large inputs stay quick', async () => {
    const big = Array.from({ length: 20000 }, (_, i) => `user${(i * 7919) % 20000}:x:${i}:${i % 50}:Some Name:/home/u${i}:/bin/bash`).join('\n') + '\n';
    const started = performance.now();
    const s = await run('sort', ['-t:', '-k3,3n'], { stdin: big });
    expect(s.stdout.split('\n').length).toBe(20001);
    const plain = await run('sort', [], { stdin: big });
    expect(plain.status).toBe(0);
    const w = await run('wc', [], { stdin: big });
    expect(w.stdout).toMatch(/^ {2}20000 {3}40000 \d{7}\n$/);
    await run('cut', ['-d:', '-f1-3,6', '--output-delimiter=|'], { stdin: big });
    await run('cut', ['-c', '1-4000000000'], { stdin: 'abc\n' });
    await run('tr', ['[a*2000000000]', 'b'], { stdin: 'aaa\n' });
    expect(performance.now() - started).toBeLessThan(20000);
  }, 60_000);
});
