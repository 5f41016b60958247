import type { Program } from '../../proc/program';
import { coreutilsHelpTail, coreutilsVersion, getopt, progName, q, tryHelp } from './common';

/** whoami(1), coreutils: the user name of the effective uid. */
export const whoami: Program = async (ctx) => {
  const prog = progName(ctx, 'whoami');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: '',
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
        `Usage: ${prog} [OPTION]...\nPrint the user name associated with the current effective user ID.\nSame as id -un.\n\n` +
          '      --help     display this help and exit\n      --version  output version information and exit\n' +
          coreutilsHelpTail(ctx, 'whoami'),
      );
      return 0;
    }
    if (o.key === 'version') {
      ctx.stdout.write(coreutilsVersion(ctx, 'whoami', 'Richard Mlynarik'));
      return 0;
    }
  }
  if (p.operands.length) {
    ctx.stderr.write(`${prog}: extra operand ${q(p.operands[0]!)}\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  const uid = ctx.fs.cred.uid;
  const pw = ctx.host.users.getpwuid(uid);
  if (!pw) {
    ctx.stderr.write(`${prog}: cannot find name for user ID ${uid}\n`);
    return 1;
  }
  ctx.stdout.write(pw.name + '\n');
  return 0;
};
