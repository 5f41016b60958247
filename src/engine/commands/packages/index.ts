import type { Program } from '../../proc/program';
import { alternatives } from './alternatives';
import { rpm } from './rpm';
import { yum } from './yum';

/** The packages commands, by program id. */
export const packagePrograms: Record<string, Program> = {
  yum,
  rpm,
  alternatives,
};
