import type { Program } from '../../proc/program';

/** The files commands, by program id. */
export const filePrograms: Record<string, Program> = {};
