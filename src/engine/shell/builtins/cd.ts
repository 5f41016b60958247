import type { Builtin } from './index';
import { FsError } from '../../fs/errors';
import { resolvePath } from '../../fs/path';
import { X_OK, permits } from '../../fs/vfs';

/** cd [-L|-P] [dir]: HOME by default, `-` for OLDPWD (printed), CDPATH not modelled. */
export const cd: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let physical = false;
  while (args[0] && /^-[LP]+$/.test(args[0])) {
    physical = args[0].includes('P');
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  let target = args[0];
  let print = false;
  if (target === undefined) {
    target = sh.getVar('HOME');
    if (target === undefined) {
      sh.error('cd: HOME not set', io);
      return 1;
    }
  } else if (target === '-') {
    target = sh.getVar('OLDPWD');
    if (target === undefined) {
      sh.error('cd: OLDPWD not set', io);
      return 1;
    }
    print = true;
  }
  if (target === '') return 0;
  const logical = resolvePath(sh.getVar('PWD') ?? sh.cwd, target);
  try {
    const node = sh.fs.lookup(logical);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', target);
    if (!permits(node, sh.cred, X_OK)) throw new FsError('EACCES', target);
  } catch (e) {
    if (e instanceof FsError) {
      sh.error(`cd: ${target}: ${e.message}`, io);
      return 1;
    }
    throw e;
  }
  const newPwd = physical ? sh.fs.realpath(logical) : logical;
  sh.setVar('OLDPWD', sh.getVar('PWD') ?? sh.cwd);
  sh.cwd = newPwd;
  sh.setVar('PWD', newPwd);
  if (print) io.out.write(newPwd + '\n');
  return 0;
};
