import type { Builtin } from './index';
import { ExitRequest } from '../../proc/signals';
import { safeWrite } from '../interp';

/** exit [n]: leaves the shell; an interactive one says `exit` (or `logout` for a login shell). */
export const exit: Builtin = async (sh, argv, io) => {
  const arg = argv[1];
  let status = sh.status;
  if (arg !== undefined) {
    if (!/^[+-]?\d+$/.test(arg.trim())) {
      if (sh.interactive) safeWrite(io.err, sh.login ? 'logout\n' : 'exit\n');
      sh.error(`exit: ${arg}: numeric argument required`, io);
      throw new ExitRequest(255);
    }
    status = Number(arg.trim()) & 0xff;
  }
  if (argv.length > 2) {
    if (sh.interactive) safeWrite(io.err, sh.login ? 'logout\n' : 'exit\n');
    sh.error('exit: too many arguments', io);
    return 1;
  }
  if (sh.interactive) safeWrite(io.err, sh.login ? 'logout\n' : 'exit\n');
  throw new ExitRequest(status);
};

export const logout: Builtin = async (sh, argv, io) => {
  if (!sh.login) {
    sh.error("logout: not login shell: use `exit'", io);
    return 1;
  }
  return exit(sh, argv, io);
};
