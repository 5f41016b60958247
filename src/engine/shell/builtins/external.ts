import type { Builtin } from './index';
import { getProgram } from '../../commands/registry';
import { ExitRequest } from '../../proc/signals';

/**
 * printf, test and [ are bash builtins with the same behaviour as their /usr/bin programs; the
 * builtin runs the program's code in the shell's process, and error lines get bash's prefix.
 */
function asBuiltin(id: string): Builtin {
  return async (sh, argv, io) => {
    const program = getProgram(id);
    if (!program) {
      sh.error(`${argv[0]}: not available`, io);
      return 2;
    }
    let pending = '';
    const err = {
      isTTY: io.err.isTTY,
      write: (text: string) => {
        pending += text;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, nl + 1);
          pending = pending.slice(nl + 1);
          io.err.write(sh.prefix() + line);
        }
      },
    };
    const ctx = sh.host.context(sh.proc, {
      argv,
      stdin: io.in,
      stdout: io.out,
      stderr: err,
      env: sh.exportedEnv(),
      cwd: sh.cwd,
      cred: sh.cred,
      umask: sh.fs.umask,
      ppid: sh.proc.ppid,
      tty: sh.tty,
    });
    try {
      return await program(ctx);
    } catch (e) {
      if (e instanceof ExitRequest) return e.status;
      throw e;
    } finally {
      if (pending) io.err.write(sh.prefix() + pending);
    }
  };
}

export const printf = asBuiltin('printf');
export const test = asBuiltin('test');
export const bracket = asBuiltin('[');
