import type { Program } from '../proc/program';

// Placeholder until the interpreter lands.
export const bash: Program = async (ctx) => {
  await ctx.stdin.readAll();
  return 0;
};
