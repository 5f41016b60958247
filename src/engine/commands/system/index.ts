import type { Program } from '../../proc/program';

/** The system commands, by program id. */
export const systemPrograms: Record<string, Program> = {};
