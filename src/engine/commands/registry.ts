import type { Program } from '../proc/program';
import { shellPrograms } from '../shell/programs';
import { textPrograms } from './text/index';
import { filePrograms } from './files/index';
import { systemPrograms } from './system/index';
import { userPrograms } from './users/index';
import { packagePrograms } from './packages/index';
import { scriptPrograms } from './script/index';

/**
 * Every program the lab can run, by the id found in its executable file (see proc/binary.ts).
 * Each group of commands registers itself in its own index.
 */
const PROGRAMS: Record<string, Program> = {
  ...textPrograms,
  ...filePrograms,
  ...systemPrograms,
  ...userPrograms,
  ...packagePrograms,
  ...scriptPrograms,
  ...shellPrograms,
};

export function getProgram(id: string): Program | undefined {
  return Object.prototype.hasOwnProperty.call(PROGRAMS, id) ? PROGRAMS[id] : undefined;
}

export function programIds(): string[] {
  return Object.keys(PROGRAMS).sort();
}
