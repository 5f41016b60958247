import type { Program } from '../../proc/program';

/** false(1): does nothing, unsuccessfully. */
export const falseProgram: Program = async () => 1;
