import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConsoleSession } from '../harness/console';

// Words a learner (or a cat on the keyboard) might type. Destructive commands are left out so
// the liveness check after each line stays meaningful; they are covered by their own tests.
const words = ['echo', 'cat', 'grep', 'sed', 'awk', 'ls', 'cd', 'su', 'id', 'x', '-n', '-l', '/etc/passwd', '/', '~', '*', '?', '[a-', "'", '"', '`', '$', '$(', ')', '(', '{', '}', '${', '${#', '$((', '))', '|', '||', '&&', ';', '&', '<', '>', '>>', '2>&1', '<<', 'EOF', '\\', '#', 'if', 'then', 'fi', 'for', 'do', 'done', 'while', 'case', 'in', 'esac', ';;', '!', '!!', '!$', 'x=1', '$x', '"$@"', 'alias', 'unalias', 'export', 'source', '.', 'history', 'type', 'set', '-e', 'read', 'eval', 'printf', '%s', 'test', '[', ']', '[[', ']]', '\t', 'let', '1/0', 'sleep', '0'];

async function alive(s: ConsoleSession): Promise<void> {
  // Whatever state the line left (a PS2 prompt, a program reading input), ^C gets us back.
  await s.keys('rhel1', '\x03');
  await s.keys('rhel1', '\x03');
  const out = await s.type('rhel1', 'echo __alive__');
  expect(out).toContain('__alive__');
}

describe('the console on generated input', () => {
  it('keeps running whatever command lines are typed', async () => {
    const s = await ConsoleSession.start();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), fc.boolean(), async (toks, spaced) => {
        await s.type('rhel1', toks.join(spaced ? ' ' : ''));
        await alive(s);
        expect(s.lab.faults).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps running on random bytes, very long lines and deep nesting', async () => {
    const s = await ConsoleSession.start();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        await s.keys('rhel1', text.replace(/[\x11\x14]/g, '') + '\r');
        await alive(s);
        expect(s.lab.faults).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    for (const line of ['echo ' + 'y'.repeat(10_000), 'echo ' + '$('.repeat(300) + ')'.repeat(300), '('.repeat(500), 'x=' + "'".repeat(5001), 'echo ' + '{'.repeat(2000)]) {
      await s.type('rhel1', line);
      await alive(s);
    }
    expect(s.lab.faults).toEqual([]);
  });
});
