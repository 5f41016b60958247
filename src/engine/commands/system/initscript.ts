import type { Program } from '../../proc/program';
import { basename } from '../../fs/path';
import { InitScript } from '../../services/initscript';

/**
 * The program behind every /etc/rc.d/init.d/NAME file: finds the service's definition by the
 * script's real name (an rc link S80postfix resolves to init.d/postfix) and runs it with the
 * arguments, $0 being the path it was invoked as.
 */
export const initscript: Program = async (ctx) => {
  const path = ctx.argv[0] ?? '';
  let name: string;
  try {
    name = basename(ctx.fs.realpath(path));
  } catch {
    name = basename(path).replace(/^[SK]\d\d(?=.)/, '');
  }
  const def = ctx.host.services.definition(name);
  return def.script(new InitScript(ctx, name, path), ctx.argv.slice(1));
};
