import type { Program } from '../../proc/program';
import { coreutilsHelpTail, coreutilsVersion, getopt, isEl5, progName, tryHelp } from './common';

/** env(1), coreutils: prints the environment, or runs a command in a changed one. */
export const env: Program = async (ctx) => {
  const prog = progName(ctx, 'env');
  const fail = isEl5(ctx) ? 1 : 125;
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: '+iu:0',
    permute: false,
    long: [
      { name: 'ignore-environment', arg: 'none', key: 'i' },
      { name: 'null', arg: 'none', key: '0' },
      { name: 'unset', arg: 'required', key: 'u' },
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return fail;
  }
  let ignore = false;
  let nul = false;
  const unset: string[] = [];
  for (const o of p.opts) {
    switch (o.key) {
      case 'i':
        ignore = true;
        break;
      case '0':
        nul = true;
        break;
      case 'u':
        unset.push(o.value ?? '');
        break;
      case 'help':
        ctx.stdout.write(
          `Usage: ${prog} [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n` +
            'Set each NAME to VALUE in the environment and run COMMAND.\n\n' +
            '  -i, --ignore-environment  start with an empty environment\n' +
            '  -0, --null           end each output line with 0 byte rather than newline\n' +
            '  -u, --unset=NAME     remove variable from the environment\n' +
            '      --help     display this help and exit\n      --version  output version information and exit\n\n' +
            'A mere - implies -i.  If no COMMAND, print the resulting environment.\n' +
            coreutilsHelpTail(ctx, 'env'),
        );
        return 0;
      case 'version':
        ctx.stdout.write(coreutilsVersion(ctx, 'env', 'Richard Mlynarik and David MacKenzie'));
        return 0;
    }
  }
  const rest = [...p.operands];
  if (rest[0] === '-') {
    ignore = true;
    rest.shift();
  }
  const vars: Record<string, string> = ignore ? {} : { ...ctx.env };
  for (const name of unset) delete vars[name];
  while (rest.length > 0 && rest[0]!.includes('=') && !rest[0]!.startsWith('=')) {
    const a = rest.shift()!;
    const eq = a.indexOf('=');
    const name = a.slice(0, eq);
    delete vars[name];
    vars[name] = a.slice(eq + 1);
  }
  if (rest.length === 0) {
    const end = nul ? '\0' : '\n';
    ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  if (nul) {
    ctx.stderr.write(`${prog}: cannot specify --null (-0) with command\n`);
    tryHelp(ctx, prog);
    return fail;
  }
  return ctx.spawn(rest, { env: vars });
};
