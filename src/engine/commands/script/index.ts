import type { Program } from '../../proc/program';
import { awk } from './awk/awk';
import { printf } from './printf';
import { bracket, test } from './test';
import { expr } from './expr';
import { seq } from './seq';

/**
 * The scripting and arithmetic commands, by program id: awk (gawk 3.1.7, also as gawk),
 * /usr/bin/printf, /usr/bin/test and /usr/bin/[, expr, seq (coreutils 8.4).
 */
export const scriptPrograms: Record<string, Program> = {
  awk,
  gawk: awk,
  printf,
  test,
  '[': bracket,
  expr,
  seq,
};
