import { describe, expect, it } from 'vitest';
import { runProgram } from './harness/run';

describe('harness', () => {
  it('runs a program with stdin', async () => {
    const r = await runProgram(async (ctx) => {
      const text = await ctx.stdin.readAll();
      ctx.stdout.write(text.toUpperCase());
      return 3;
    }, ['up'], { stdin: 'abc\n' });
    expect(r.stdout).toBe('ABC\n');
    expect(r.status).toBe(3);
  });
});
