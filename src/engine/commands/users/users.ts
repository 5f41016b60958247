import type { Program } from '../../proc/program';
import { loginName, progName } from './common';
import { sessions } from './who';
import { uptimeLine } from './w';

/** users(1), coreutils: the names of the users logged in, sorted, on one line. */
export const users: Program = async (ctx) => {
  const list = sessions(ctx).map((s) => s.user).sort();
  ctx.stdout.write(list.length ? list.join(' ') + '\n' : '');
  return 0;
};

/** logname(1), coreutils: the name the terminal's session logged in as. */
export const logname: Program = async (ctx) => {
  const prog = progName(ctx, 'logname');
  const name = loginName(ctx);
  if (name === null) {
    ctx.stderr.write(`${prog}: no login name\n`);
    return 1;
  }
  ctx.stdout.write(name + '\n');
  return 0;
};

/** uptime(1), procps: the first line w prints. */
export const uptime: Program = async (ctx) => {
  if (ctx.argv[1] === '-V') {
    ctx.stdout.write('procps version 3.2.8\n');
    return 0;
  }
  ctx.stdout.write(uptimeLine(ctx, sessions(ctx).length) + '\n');
  return 0;
};
