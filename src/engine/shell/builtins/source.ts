import type { Builtin } from './index';
import { ExitRequest } from '../../proc/signals';
import { FsError } from '../../fs/errors';
import { ReturnSignal } from '../interp';

/** source FILE [args] / . FILE: runs a file's commands in this shell. */
export const source: Builtin = async (sh, argv, io) => {
  const file = argv[1];
  if (file === undefined) {
    sh.error(`${argv[0]}: filename argument required`, io);
    io.err.write(`${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  let path = file;
  if (!file.includes('/')) {
    for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
      const p = `${dir || '.'}/${file}`;
      const st = sh.fs.tryStat(p);
      if (st && st.type === 'file') {
        path = p;
        break;
      }
    }
  }
  let text: string;
  try {
    if (sh.fs.stat(path).type === 'dir') {
      sh.error(`${file}: is a directory`, io);
      return 1;
    }
    text = sh.fs.readFile(path);
  } catch (e) {
    if (e instanceof FsError) {
      sh.error(`${file}: ${e.message}`, io);
      return 1;
    }
    throw e;
  }
  const savedPos = sh.positional;
  const savedName = sh.scriptName;
  const savedIo = sh.io;
  const savedLine = sh.currentLine;
  if (argv.length > 2) sh.positional = argv.slice(2);
  sh.scriptName = path;
  sh.io = io;
  try {
    return await sh.runString(text, { final: true });
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.io = savedIo;
    sh.scriptName = savedName;
    sh.currentLine = savedLine;
    if (argv.length > 2) sh.positional = savedPos;
  }
};

export const evalBuiltin: Builtin = async (sh, argv, io) => {
  const text = argv.slice(1).join(' ');
  if (text.trim() === '') return 0;
  const saved = sh.io;
  sh.io = io;
  try {
    return await sh.runString(text, { final: true });
  } finally {
    sh.io = saved;
  }
};

/** exec [cmd args]: with a command, the shell becomes it; without, redirections stay for good. */
export const exec: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length === 0) {
    sh.io = io;
    return 0;
  }
  const name = args[0]!;
  const found = sh.host.findProgram(name, sh.getVar('PATH') ?? '', sh.cred, sh.cwd);
  if (!found.ok) {
    sh.error(`exec: ${name}: ${found.reason === 'EACCES' ? 'Permission denied' : 'not found'}`, io);
    if (!sh.interactive) throw new ExitRequest(found.reason === 'EACCES' ? 126 : 127);
    return found.reason === 'EACCES' ? 126 : 127;
  }
  sh.proc.comm = name.split('/').pop()!.slice(0, 15);
  sh.proc.args = args;
  const ctx = sh.host.context(sh.proc, {
    argv: args,
    stdin: io.in,
    stdout: io.out,
    stderr: io.err,
    env: sh.exportedEnv(),
    cwd: sh.cwd,
    cred: sh.cred,
    umask: sh.fs.umask,
    ppid: sh.proc.ppid,
    tty: sh.tty,
  });
  let status: number;
  try {
    status = await found.program(ctx);
  } catch (e) {
    if (e instanceof ExitRequest) status = e.status;
    else throw e;
  }
  throw new ExitRequest(status);
};
