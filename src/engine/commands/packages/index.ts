import type { Program } from '../../proc/program';

/** The packages commands, by program id. */
export const packagePrograms: Record<string, Program> = {};
