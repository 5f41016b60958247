import type { Builtin } from './index';
import { getBuiltin } from './index';
import type { IO, Shell } from '../interp';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]']);

function describe(sh: Shell, name: string, io: IO, opts: { type: boolean; path: boolean; all: boolean }): boolean {
  let found = false;
  const say = (long: string, short: string): void => {
    io.out.write((opts.type ? short : long) + '\n');
    found = true;
  };
  if (!opts.path) {
    const a = sh.aliases.get(name);
    if (a !== undefined) {
      say(`${name} is aliased to \`${a}'`, 'alias');
      if (!opts.all) return true;
    }
    if (KEYWORDS.has(name)) {
      say(`${name} is a shell keyword`, 'keyword');
      if (!opts.all) return true;
    }
    if (sh.functions.has(name)) {
      say(`${name} is a function`, 'function');
      if (!opts.all) return true;
    }
    if (getBuiltin(name)) {
      say(`${name} is a shell builtin`, 'builtin');
      if (!opts.all) return true;
    }
  }
  const r = sh.host.findProgram(name, sh.getVar('PATH') ?? '', sh.cred, sh.cwd);
  if (r.ok) {
    if (opts.path) io.out.write(r.path + '\n');
    else say(`${name} is ${r.path}`, 'file');
    found = true;
  }
  return found;
}

/** type [-t|-p|-a] name...: how bash would run each name. */
export const type: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  const opts = { type: false, path: false, all: false };
  while (args[0] && /^-[tpaPf]+$/.test(args[0])) {
    if (args[0].includes('t')) opts.type = true;
    if (args[0].includes('p') || args[0].includes('P')) opts.path = true;
    if (args[0].includes('a')) opts.all = true;
    args = args.slice(1);
  }
  let status = 0;
  for (const name of args) {
    if (!describe(sh, name, io, opts)) {
      if (!opts.type && !opts.path) sh.error(`type: ${name}: not found`, io);
      status = 1;
    }
  }
  return status;
};

/** command [-v|-V] name args: runs name skipping functions and aliases. */
export const command: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let mode = '';
  while (args[0] && /^-[pvV]+$/.test(args[0])) {
    if (args[0].includes('v')) mode = 'v';
    if (args[0].includes('V')) mode = 'V';
    args = args.slice(1);
  }
  if (args.length === 0) return 0;
  const name = args[0]!;
  if (mode === 'v') {
    if (sh.aliases.has(name)) io.out.write(`alias ${name}='${sh.aliases.get(name)}'\n`);
    else if (sh.functions.has(name) || getBuiltin(name) || KEYWORDS.has(name)) io.out.write(name + '\n');
    else {
      const r = sh.host.findProgram(name, sh.getVar('PATH') ?? '', sh.cred, sh.cwd);
      if (!r.ok) return 1;
      io.out.write(r.path + '\n');
    }
    return 0;
  }
  if (mode === 'V') {
    if (!describe(sh, name, io, { type: false, path: false, all: false })) {
      sh.error(`command: ${name}: not found`, io);
      return 1;
    }
    return 0;
  }
  const b = getBuiltin(name);
  if (b) return sh.runBuiltin(b, args, io);
  const saved = sh.functions;
  sh.functions = new Map();
  try {
    return await sh.runPipeline(
      { type: 'pipeline', bang: false, text: args.join(' '), cmds: [{ type: 'simple', assigns: [], redirs: [], line: sh.currentLine, words: args.map((a) => ({ parts: [{ k: 'sq', s: a }], text: a })) }] },
      io,
    );
  } finally {
    sh.functions = saved;
  }
};

export const builtinBuiltin: Builtin = async (sh, argv, io) => {
  const name = argv[1];
  if (name === undefined) return 0;
  const b = getBuiltin(name);
  if (!b) {
    sh.error(`builtin: ${name}: not a shell builtin`, io);
    return 1;
  }
  return sh.runBuiltin(b, argv.slice(1), io);
};

/** hash: the lab does not cache lookups; `hash` prints bash's empty-table message. */
export const hash: Builtin = async (sh, argv, io) => {
  if (argv.length === 1) {
    io.out.write('hash: hash table empty\n');
    return 0;
  }
  let status = 0;
  for (const name of argv.slice(1)) {
    if (name === '-r') continue;
    const r = sh.host.findProgram(name, sh.getVar('PATH') ?? '', sh.cred, sh.cwd);
    if (!r.ok) {
      sh.error(`hash: ${name}: not found`, io);
      status = 1;
    }
  }
  return status;
};
