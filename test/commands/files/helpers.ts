import { Lab } from '../../../src/engine/lab';
import { ROOT, type Cred } from '../../../src/engine/fs/vfs';
import { programFile } from '../../../src/engine/proc/binary';
import type { Program } from '../../../src/engine/proc/program';
import { getProgram } from '../../../src/engine/commands/registry';
import { runProgram, type RunOptions, type RunResult } from '../../harness/run';

export const USER1: Cred = { uid: 500, gid: 500, groups: [500] };

export function vfsOf(lab: Lab, host: 'rhel1' | 'rhel2' = 'rhel1') {
  return lab.host(host).vfs;
}

/** Writes a file as root with a given mode and owner. */
export function put(lab: Lab, path: string, data: string, mode = 0o644, uid = 0, gid = 0, host: 'rhel1' | 'rhel2' = 'rhel1'): void {
  const vfs = vfsOf(lab, host);
  vfs.writeFile(path, ROOT, data, { umask: 0 });
  vfs.chmod(path, ROOT, mode);
  vfs.chown(path, ROOT, uid, gid);
}

export function dir(lab: Lab, path: string, mode = 0o755, uid = 0, gid = 0, host: 'rhel1' | 'rhel2' = 'rhel1'): void {
  const vfs = vfsOf(lab, host);
  const parts = path.split('/').filter(Boolean);
  let cur = '';
  for (const p of parts) {
    cur += '/' + p;
    if (!vfs.exists(cur, ROOT)) vfs.mkdir(cur, ROOT, 0o755, 0);
  }
  vfs.chmod(path, ROOT, mode);
  vfs.chown(path, ROOT, uid, gid);
}

/** Installs the lab program files for commands the tests spawn (find -exec). */
export function installPrograms(lab: Lab, ids: string[], host: 'rhel1' | 'rhel2' = 'rhel1'): void {
  for (const id of ids) put(lab, `/bin/${id}`, programFile(id), 0o755, 0, 0, host);
}

export function run(id: string, argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  return runProgram(id, argv, opts);
}

/** Runs a program with standard output looking like a terminal `cols` wide. */
export function runTty(id: string, argv: string[], opts: RunOptions & { cols?: number } = {}): Promise<RunResult> {
  const prog = getProgram(id)!;
  const wrapped: Program = (ctx) => {
    const out = ctx.stdout;
    const tty = { isTTY: true, write: (t: string) => out.write(t) };
    const term = { cols: opts.cols ?? 80 } as unknown as NonNullable<typeof ctx.tty>;
    return prog({ ...ctx, argv: ctx.argv, stdout: tty, tty: term });
  };
  return runProgram(wrapped, argv, opts);
}
