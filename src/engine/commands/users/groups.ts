import type { Program } from '../../proc/program';
import { coreutilsHelpTail, coreutilsVersion, getopt, progName, tryHelp } from './common';
import { groupList } from './id';

/** groups(1), coreutils: group names of each user, or of this process. */
export const groups: Program = async (ctx) => {
  const prog = progName(ctx, 'groups');
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
        `Usage: ${prog} [OPTION]... [USERNAME]...\n` +
          'Print group memberships for each USERNAME or, if no USERNAME is specified, for\n' +
          'the current process (which may differ if the groups database has changed).\n' +
          '      --help     display this help and exit\n      --version  output version information and exit\n' +
          coreutilsHelpTail(ctx, 'groups'),
      );
      return 0;
    }
    if (o.key === 'version') {
      ctx.stdout.write(coreutilsVersion(ctx, 'groups', 'David MacKenzie and James Youngman'));
      return 0;
    }
  }
  const users = ctx.host.users;
  let status = 0;
  const names = (ids: number[]): string =>
    ids
      .map((g) => {
        const gr = users.getgrgid(g);
        if (!gr) {
          ctx.stderr.write(`${prog}: cannot find name for group ID ${g}\n`);
          status = 1;
          return String(g);
        }
        return gr.name;
      })
      .join(' ');
  if (p.operands.length === 0) {
    const c = ctx.fs.cred;
    ctx.stdout.write(names(groupList(c.gid, c.groups)) + '\n');
    return status;
  }
  for (const name of p.operands) {
    const pw = users.getpwnam(name);
    if (!pw) {
      ctx.stderr.write(`${prog}: ${name}: No such user\n`);
      return 1;
    }
    ctx.stdout.write(`${name} : ${names(users.groupIds(pw))}\n`);
  }
  return status;
};
