import type { Program } from '../../proc/program';
import { basename } from '../../fs/path';
import { goDown } from './power';

/**
 * init N / telinit N when not pid 1: asks init for another runlevel. 0 halts and 6 reboots
 * (without shutdown's broadcast), 1-5 run rc for that level, q/u reload init (nothing to do).
 */
export const telinit: Program = async (ctx) => {
  const el5 = ctx.host.profile.release === 'el5';
  const prog = basename(ctx.argv[0] ?? 'telinit');
  const args = ctx.argv.slice(1).filter((a) => a !== '-t' && !/^-t\d+$/.test(a));
  const err = (s: string): void => ctx.stderr.write(s);
  const usage = (): number => {
    err(el5 ? `Usage: ${prog} 0123456SsQqAaBbCcUu\n` : `Try \`${prog} --help' for more information.\n`);
    return 1;
  };
  if (!el5 && args[0] === '--help') {
    ctx.stdout.write(`Usage: ${prog} [OPTION]... RUNLEVEL\nChange system runlevel.\n\n`);
    return 0;
  }
  if (!el5 && args[0] === '--version') {
    ctx.stdout.write(`${prog} (upstart 0.6.5)\n`);
    return 0;
  }
  if (args.length === 0) {
    if (el5) return usage();
    err(`${prog}: missing runlevel\n`);
    return usage();
  }
  const level = args[0]!;
  if (args.length > 1 && !el5) {
    err(`${prog}: too many arguments\n`);
    return usage();
  }
  const valid = el5 ? /^[0-6SsQqAaBbCcUu]$/ : /^[0-6SsQqUu]$/;
  if (!valid.test(level)) {
    if (el5) return usage();
    err(`${prog}: illegal runlevel: ${level}\n`);
    return usage();
  }
  if (ctx.fs.cred.uid !== 0) {
    err(el5 ? `${prog}: must be superuser.\n` : `${prog}: Need to be root\n`);
    return 1;
  }
  switch (level) {
    case '0':
      goDown(ctx, 'halt', false);
      return 0;
    case '6':
      goDown(ctx, 'reboot', false);
      return 0;
    case 'S':
    case 's':
      ctx.host.services.changeRunlevel(1);
      return 0;
    default:
      if (/^[1-5]$/.test(level)) ctx.host.services.changeRunlevel(Number(level));
      return 0;
  }
};

/** runlevel: previous and current runlevel, `N 3` after boot. */
export const runlevel: Program = async (ctx) => {
  const s = ctx.host.services;
  ctx.stdout.write(`${s.previousRunlevel} ${s.runlevel}\n`);
  return 0;
};
