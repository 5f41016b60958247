import type { Program } from '../../proc/program';
import { cat } from './cat';
import { cut } from './cut';
import { diff } from './diff';
import { egrep, fgrep, grep } from './grep';
import { head } from './head';
import { less } from './less';
import { more } from './more';
import { sed } from './sed';
import { sort } from './sort';
import { tac } from './tac';
import { tail } from './tail';
import { tee } from './tee';
import { tr } from './tr';
import { uniq } from './uniq';
import { wc } from './wc';
import { xargs } from './xargs';

/** The text commands, by program id. */
export const textPrograms: Record<string, Program> = {
  cat,
  tac,
  head,
  tail,
  wc,
  tee,
  cut,
  sort,
  uniq,
  tr,
  more,
  less,
  grep,
  egrep,
  fgrep,
  sed,
  diff,
  xargs,
};
