import type { Builtin } from './index';
import { BreakSignal, ContinueSignal, ReturnSignal } from '../interp';
import { ArithError } from '../arith';

export const trueBuiltin: Builtin = async () => 0;
export const falseBuiltin: Builtin = async () => 1;
export const colon: Builtin = async () => 0;

export const pwd: Builtin = async (sh, argv, io) => {
  const physical = argv.slice(1).some((a) => /^-[LP]*P/.test(a));
  const bad = argv.slice(1).find((a) => a.startsWith('-') && !/^-[LP]+$/.test(a));
  if (bad) {
    sh.error(`pwd: ${bad.slice(0, 2)}: invalid option`, io);
    io.err.write('pwd: usage: pwd [-LP]\n');
    return 2;
  }
  const dir = sh.getVar('PWD') ?? sh.cwd;
  io.out.write((physical ? sh.fs.realpath(dir) : dir) + '\n');
  return 0;
};

function loopCount(sh: Parameters<Builtin>[0], argv: string[], io: Parameters<Builtin>[2]): number | null {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 1) {
    sh.error(`${argv[0]}: ${argv[1]}: loop count out of range`, io);
    return null;
  }
  if (sh.loopDepth === 0) return 0;
  return n;
}

export const breakBuiltin: Builtin = async (sh, argv, io) => {
  const n = loopCount(sh, argv, io);
  if (n === null) return 1;
  if (n === 0) return 0;
  throw new BreakSignal(n);
};

export const continueBuiltin: Builtin = async (sh, argv, io) => {
  const n = loopCount(sh, argv, io);
  if (n === null) return 1;
  if (n === 0) return 0;
  throw new ContinueSignal(n);
};

export const returnBuiltin: Builtin = async (sh, argv, io) => {
  if (sh.callDepth === 0 && sh.scriptName === null) {
    sh.error("return: can only `return' from a function or sourced script", io);
    return 1;
  }
  const arg = argv[1];
  if (arg !== undefined && !/^-?\d+$/.test(arg)) {
    sh.error(`return: ${arg}: numeric argument required`, io);
    throw new ReturnSignal(255);
  }
  throw new ReturnSignal(arg === undefined ? sh.status : Number(arg) & 0xff);
};

export const let_: Builtin = async (sh, argv, io) => {
  if (argv.length < 2) {
    sh.error('let: expression expected', io);
    return 1;
  }
  let v = 0;
  try {
    for (const e of argv.slice(1)) v = sh.arith(e);
  } catch (e) {
    if (e instanceof ArithError) {
      sh.error(`let: ${e.message}`, io);
      return 1;
    }
    throw e;
  }
  return v !== 0 ? 0 : 1;
};

export const umask: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  const symbolic = args[0] === '-S';
  if (symbolic) args.shift();
  if (args.length === 0) {
    const m = sh.fs.umask;
    if (symbolic) {
      const part = (shift: number): string => {
        const bits = (~m >> shift) & 7;
        return (bits & 4 ? 'r' : '') + (bits & 2 ? 'w' : '') + (bits & 1 ? 'x' : '');
      };
      io.out.write(`u=${part(6)},g=${part(3)},o=${part(0)}\n`);
    } else io.out.write(m.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  const a = args[0]!;
  if (!/^[0-7]{1,4}$/.test(a)) {
    sh.error(`umask: ${a}: octal number out of range`, io);
    return 1;
  }
  sh.fs.umask = parseInt(a, 8) & 0o777;
  return 0;
};

export const help: Builtin = async (_sh, _argv, io) => {
  io.out.write('GNU bash, version 4.1.2(1)-release (i386-redhat-linux-gnu)\nThese shell commands are defined internally.  Type `help\' to see this list.\n');
  return 0;
};

export const shopt: Builtin = async () => 0;
export const trap: Builtin = async () => 0;
export const times: Builtin = async (_sh, _argv, io) => {
  io.out.write('0m0.010s 0m0.020s\n0m0.000s 0m0.000s\n');
  return 0;
};
export const ulimit: Builtin = async (_sh, _argv, io) => {
  io.out.write('unlimited\n');
  return 0;
};
