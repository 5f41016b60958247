import type { Builtin } from './index';

function show(name: string, value: string): string {
  return `alias ${name}='${value.replace(/'/g, "'\\''")}'\n`;
}

/** alias [name[=value] ...]: defines or prints aliases, sorted as bash lists them. */
export const alias: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const k of [...sh.aliases.keys()].sort()) io.out.write(show(k, sh.aliases.get(k)!));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0) {
      const v = sh.aliases.get(a);
      if (v === undefined) {
        sh.error(`alias: ${a}: not found`, io);
        status = 1;
      } else io.out.write(show(a, v));
      continue;
    }
    const name = a.slice(0, eq);
    if (name === '' || /[\s/$`=<>|&;()'"\\]/.test(name)) {
      sh.error(`alias: \`${name}': invalid alias name`, io);
      status = 1;
      continue;
    }
    sh.aliases.set(name, a.slice(eq + 1));
  }
  return status;
};

export const unalias: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.err.write('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  if (args[0] === '-a') {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (!sh.aliases.delete(a)) {
      sh.error(`unalias: ${a}: not found`, io);
      status = 1;
    }
  }
  return status;
};
