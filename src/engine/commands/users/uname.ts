import type { Program, ProgramContext } from '../../proc/program';
import { coreutilsHelpTail, coreutilsVersion, getopt, isEl5, progName, q, tryHelp } from './common';

/** The build stamp of each host's kernel, as `uname -v` shows it. */
export function kernelVersion(ctx: ProgramContext): string {
  return isEl5(ctx) ? '#1 SMP Tue Aug 18 15:51:54 EDT 2009' : '#1 SMP Tue May 10 15:42:28 EDT 2011';
}

const BITS = { s: 1, n: 2, r: 4, v: 8, m: 16, p: 32, i: 64, o: 128 } as const;

/** uname(1), coreutils: system information. */
export const uname: Program = async (ctx) => {
  const prog = progName(ctx, 'uname');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'asnrvmpio',
    long: [
      { name: 'all', arg: 'none', key: 'a' },
      { name: 'kernel-name', arg: 'none', key: 's' },
      { name: 'sysname', arg: 'none', key: 's' },
      { name: 'nodename', arg: 'none', key: 'n' },
      { name: 'kernel-release', arg: 'none', key: 'r' },
      { name: 'release', arg: 'none', key: 'r' },
      { name: 'kernel-version', arg: 'none', key: 'v' },
      { name: 'machine', arg: 'none', key: 'm' },
      { name: 'processor', arg: 'none', key: 'p' },
      { name: 'hardware-platform', arg: 'none', key: 'i' },
      { name: 'operating-system', arg: 'none', key: 'o' },
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return 1;
  }
  let mask = 0;
  for (const o of p.opts) {
    if (o.key === 'help') {
      ctx.stdout.write(
        `Usage: ${prog} [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n\n` +
          '  -a, --all                print all information, in the following order,\n' +
          '                             except omit -p and -i if unknown:\n' +
          '  -s, --kernel-name        print the kernel name\n' +
          '  -n, --nodename           print the network node hostname\n' +
          '  -r, --kernel-release     print the kernel release\n' +
          '  -v, --kernel-version     print the kernel version\n' +
          '  -m, --machine            print the machine hardware name\n' +
          '  -p, --processor          print the processor type or "unknown"\n' +
          '  -i, --hardware-platform  print the hardware platform or "unknown"\n' +
          '  -o, --operating-system   print the operating system\n' +
          '      --help     display this help and exit\n' +
          '      --version  output version information and exit\n' +
          coreutilsHelpTail(ctx, 'uname'),
      );
      return 0;
    }
    if (o.key === 'version') {
      ctx.stdout.write(coreutilsVersion(ctx, 'uname', 'David MacKenzie'));
      return 0;
    }
    if (o.key === 'a') mask |= 0xff;
    else mask |= BITS[o.key as keyof typeof BITS];
  }
  if (p.operands.length) {
    ctx.stderr.write(`${prog}: extra operand ${q(p.operands[0]!)}\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  if (mask === 0) mask = BITS.s;
  const prof = ctx.host.profile;
  const parts: string[] = [];
  if (mask & BITS.s) parts.push('Linux');
  if (mask & BITS.n) parts.push(ctx.host.hostname);
  if (mask & BITS.r) parts.push(prof.kernel);
  if (mask & BITS.v) parts.push(kernelVersion(ctx));
  if (mask & BITS.m) parts.push(prof.arch);
  if (mask & BITS.p) parts.push(prof.arch);
  if (mask & BITS.i) parts.push('i386');
  if (mask & BITS.o) parts.push('GNU/Linux');
  ctx.stdout.write(parts.join(' ') + '\n');
  return 0;
};
