import type { Program } from '../../proc/program';
import { basename, dirname } from './basename';
import { chmod } from './chmod';
import { chgrp, chown } from './chown';
import { cp } from './cp';
import { df } from './df';
import { du } from './du';
import { find } from './find';
import { ln } from './ln';
import { ls } from './ls';
import { mkdir } from './mkdir';
import { mv } from './mv';
import { pwd } from './pwd';
import { readlink } from './readlink';
import { rm } from './rm';
import { rmdir } from './rmdir';
import { stat } from './stat';
import { touch } from './touch';

/** The files commands, by program id. */
export const filePrograms: Record<string, Program> = {
  ls,
  cp,
  mv,
  rm,
  rmdir,
  mkdir,
  ln,
  chmod,
  chown,
  chgrp,
  stat,
  touch,
  find,
  pwd,
  basename,
  dirname,
  readlink,
  du,
  df,
};
