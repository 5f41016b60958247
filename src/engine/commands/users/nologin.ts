import type { Program } from '../../proc/program';
import { ROOT } from '../../fs/vfs';

/** /sbin/nologin: the shell of accounts that must not log in. /etc/nologin.txt may replace the message. */
export const nologin: Program = async (ctx) => {
  const custom = ctx.host.vfs.tryLookup('/etc/nologin.txt', ROOT);
  if (custom && custom.type === 'file') ctx.stdout.write(custom.data);
  else ctx.stdout.write('This account is currently not available.\n');
  return 1;
};
