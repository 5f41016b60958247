import type { Program } from '../../proc/program';

/** The text commands, by program id. */
export const textPrograms: Record<string, Program> = {};
