import type { Program } from '../../proc/program';
import { coreutilsHelpTail, coreutilsVersion, getopt, progName, tryHelp } from './common';

/** printenv(1), coreutils: all of the environment, or the values of the named variables. */
export const printenv: Program = async (ctx) => {
  const prog = progName(ctx, 'printenv');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: '+0',
    permute: false,
    long: [
      { name: 'null', arg: 'none', key: '0' },
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return 2;
  }
  let end = '\n';
  for (const o of p.opts) {
    if (o.key === '0') end = '\0';
    if (o.key === 'help') {
      ctx.stdout.write(
        `Usage: ${prog} [OPTION]... [VARIABLE]...\n` +
          'Print the values of the specified environment VARIABLE(s).\n' +
          'If no VARIABLE is specified, print name and value pairs for them all.\n\n' +
          '  -0, --null     end each output line with 0 byte rather than newline\n' +
          '      --help     display this help and exit\n      --version  output version information and exit\n' +
          coreutilsHelpTail(ctx, 'printenv'),
      );
      return 0;
    }
    if (o.key === 'version') {
      ctx.stdout.write(coreutilsVersion(ctx, 'printenv', 'David MacKenzie and Richard Mlynarik'));
      return 0;
    }
  }
  if (p.operands.length === 0) {
    ctx.stdout.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  let missing = 0;
  for (const name of p.operands) {
    const v = name.includes('=') ? undefined : ctx.env[name];
    if (v === undefined) missing++;
    else ctx.stdout.write(v + end);
  }
  return missing ? 1 : 0;
};
