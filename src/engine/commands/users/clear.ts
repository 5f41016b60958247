import type { Program } from '../../proc/program';

/**
 * clear(1) from ncurses: writes the terminal's clear-screen string. For the xterm and linux
 * terminal types RHEL uses, that is cursor home then erase display.
 */
export const clear: Program = async (ctx) => {
  const term = ctx.env.TERM;
  if (term === undefined || term === '') {
    ctx.stderr.write('TERM environment variable not set.\n');
    return 1;
  }
  if (term === 'dumb') return 1;
  ctx.stdout.write('\x1b[H\x1b[2J');
  return 0;
};
