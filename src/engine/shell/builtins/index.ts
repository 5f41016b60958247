import type { IO, Shell } from '../interp';
import { cd } from './cd';
import { echo } from './echo';
import { exit, logout } from './exit';
import { declare, exportBuiltin, local, readonly, set, shift, unset } from './vars';
import { alias, unalias } from './alias';
import { evalBuiltin, exec, source } from './source';
import { history } from './history';
import { builtinBuiltin, command, hash, type } from './type';
import { read } from './read';
import { bg, fg, jobs, kill, wait } from './jobs';
import { breakBuiltin, colon, continueBuiltin, falseBuiltin, help, let_, pwd, returnBuiltin, shopt, times, trap, trueBuiltin, ulimit, umask } from './misc';
import { bracket, printf, test } from './external';

/** A builtin runs inside the shell process with the shell's state. Returns its status. */
export type Builtin = (sh: Shell, argv: string[], io: IO) => Promise<number>;

const BUILTINS: Record<string, Builtin> = {
  cd, echo, exit, logout, export: exportBuiltin, unset, set, shift, readonly, local, declare, typeset: declare,
  alias, unalias, source, '.': source, eval: evalBuiltin, exec, history, type, command, builtin: builtinBuiltin,
  hash, read, jobs, wait, kill, fg, bg, break: breakBuiltin, continue: continueBuiltin, ':': colon,
  true: trueBuiltin, false: falseBuiltin, help, let: let_, pwd, return: returnBuiltin, shopt, times, trap,
  ulimit, umask, printf, test, '[': bracket,
};

export function getBuiltin(name: string): Builtin | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}

export function builtinNames(): string[] {
  return Object.keys(BUILTINS);
}
