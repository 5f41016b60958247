import type { Program } from '../../proc/program';

/** true(1): does nothing, successfully. Arguments are ignored, as coreutils does for any but a lone --help/--version. */
export const trueProgram: Program = async () => 0;
