import type { Program } from '../../proc/program';
import { pauseForever, sleepFor } from '../../proc/sleep';
import { coreutilsHelpTail, coreutilsVersion, getopt, progName, q, tryHelp } from './common';

const MULT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** A sleep interval in seconds, or null when it is not one (xstrtod plus a unit suffix). */
export function parseInterval(text: string): number | null {
  const m = /^\s*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|0[xX][0-9a-fA-F]+)([smhd]?)$/.exec(text);
  if (!m) return null;
  const num = m[1]!.toLowerCase().startsWith('inf') ? Infinity : /^0x/i.test(m[1]!) ? parseInt(m[1]!, 16) : Number(m[1]);
  if (Number.isNaN(num)) return null;
  return num * MULT[m[2]!]!;
}

/** sleep(1), coreutils: waits the sum of its arguments, in lab time. */
export const sleep: Program = async (ctx) => {
  const prog = progName(ctx, 'sleep');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: '+',
    permute: false,
    long: [
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return 1;
  }
  for (const o of p.opts) {
    if (o.key === 'help') {
      ctx.stdout.write(
        `Usage: ${prog} NUMBER[SUFFIX]...\n  or:  ${prog} OPTION\n` +
          "Pause for NUMBER seconds.  SUFFIX may be `s' for seconds (the default),\n" +
          "`m' for minutes, `h' for hours or `d' for days.  Unlike most implementations\n" +
          'that require NUMBER be an integer, here NUMBER may be an arbitrary floating\n' +
          'point number.  Given two or more arguments, pause for the amount of time\n' +
          'specified by the sum of their values.\n\n' +
          '      --help     display this help and exit\n      --version  output version information and exit\n' +
          coreutilsHelpTail(ctx, 'sleep'),
      );
      return 0;
    }
    if (o.key === 'version') {
      ctx.stdout.write(coreutilsVersion(ctx, 'sleep', 'Jim Meyering and Paul Eggert'));
      return 0;
    }
  }
  if (p.operands.length === 0) {
    ctx.stderr.write(`${prog}: missing operand\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  let seconds = 0;
  let bad = false;
  for (const a of p.operands) {
    const s = parseInterval(a);
    if (s === null) {
      ctx.stderr.write(`${prog}: invalid time interval ${q(a)}\n`);
      bad = true;
    } else seconds += s;
  }
  if (bad) {
    tryHelp(ctx, prog);
    return 1;
  }
  if (!Number.isFinite(seconds)) {
    await pauseForever(ctx.proc);
    return 0;
  }
  const ms = Math.ceil(seconds * 1000);
  if (ms > 0) await sleepFor(ctx.proc, ctx.host.lab.scheduler, ms);
  return 0;
};
