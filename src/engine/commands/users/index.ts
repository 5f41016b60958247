import type { Program } from '../../proc/program';

/** The users commands, by program id. */
export const userPrograms: Record<string, Program> = {};
