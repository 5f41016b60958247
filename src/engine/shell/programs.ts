import type { Program } from '../proc/program';
import { bash } from './bash';

/** The shell itself, and the builtins that also exist as files in /bin and /usr/bin. */
export const shellPrograms: Record<string, Program> = {
  bash,
};
