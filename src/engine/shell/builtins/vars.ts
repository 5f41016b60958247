import type { Builtin } from './index';
import type { IO, Shell } from '../interp';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's quoting of a value in `declare -p` / `set` listings. */
export function quoteValue(v: string): string {
  if (/^[A-Za-z0-9_./:@%+,=-]*$/.test(v) && v !== '') return v;
  return "'" + v.replace(/'/g, "'\\''") + "'";
}

function assignArg(sh: Shell, arg: string, io: IO, cmd: string, after: (name: string) => void): boolean {
  const eq = arg.indexOf('=');
  const name = eq < 0 ? arg : arg.slice(0, eq);
  if (!NAME.test(name)) {
    sh.error(`${cmd}: \`${arg}': not a valid identifier`, io);
    return false;
  }
  if (eq >= 0 && !sh.setVar(name, arg.slice(eq + 1))) return false;
  after(name);
  return true;
}

export const exportBuiltin: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith('-') && args[0] !== '-' && args[0] !== '--') {
    const opt = args[0];
    if (/^-[fnp]+$/.test(opt)) {
      if (opt.includes('n')) unexport = true;
      args = args.slice(1);
      continue;
    }
    sh.error(`export: ${opt}: invalid option`, io);
    io.err.write('export: usage: export [-fn] [name[=value] ...] or export -p\n');
    return 2;
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    const names = [...sh.vars.keys()].filter((k) => sh.vars.get(k)!.exported).sort();
    for (const k of names) io.out.write(`declare -x ${k}="${sh.vars.get(k)!.value.replace(/(["\\$`])/g, '\\$1')}"\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const ok = assignArg(sh, a, io, 'export', (name) => {
      const v = sh.vars.get(name);
      if (v) sh.vars.set(name, { ...v, exported: !unexport });
      else if (!unexport) sh.vars.set(name, { value: '', exported: true });
    });
    if (!ok) status = 1;
  }
  // A name exported without a value stays unset but marked: bash shows it as `declare -x NAME`.
  return status;
};

export const unset: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let functions = false;
  while (args[0] && /^-[fv]+$/.test(args[0])) {
    functions = args[0].includes('f');
    args = args.slice(1);
  }
  let status = 0;
  for (const a of args) {
    if (functions) {
      sh.functions.delete(a);
      continue;
    }
    if (!NAME.test(a)) {
      sh.error(`unset: \`${a}': not a valid identifier`, io);
      status = 1;
      continue;
    }
    if (!sh.unsetVar(a)) status = 1;
    else if (!sh.vars.has(a)) sh.functions.delete(a);
  }
  return status;
};

export const readonly: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    for (const k of [...sh.vars.keys()].sort()) {
      const v = sh.vars.get(k)!;
      if (v.readonly) io.out.write(`declare -r${v.exported ? 'x' : ''} ${k}="${v.value}"\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const ok = assignArg(sh, a, io, 'readonly', (name) => {
      const v = sh.vars.get(name) ?? { value: '', exported: false };
      sh.vars.set(name, { ...v, readonly: true });
    });
    if (!ok) status = 1;
  }
  return status;
};

export const local: Builtin = async (sh, argv, io) => {
  if (!sh.locals) {
    sh.error('local: can only be used in a function', io);
    return 1;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const name = a.split('=')[0]!;
    if (NAME.test(name) && !sh.locals.has(name)) sh.locals.set(name, sh.vars.get(name) ? { ...sh.vars.get(name)! } : undefined);
    const ok = assignArg(sh, a.includes('=') ? a : a + '=', io, 'local', () => {});
    if (!ok) status = 1;
  }
  return status;
};

export const declare: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let flags = '';
  while (args[0] && /^[-+][a-zA-Z]+$/.test(args[0])) {
    flags += args[0].slice(1);
    args = args.slice(1);
  }
  if (args.length === 0) {
    for (const k of [...sh.vars.keys()].sort()) {
      const v = sh.vars.get(k)!;
      if (flags.includes('x') && !v.exported) continue;
      if (flags.includes('r') && !v.readonly) continue;
      const f = (v.exported ? 'x' : '') + (v.readonly ? 'r' : '');
      io.out.write(flags.includes('p') || flags ? `declare -${f || '-'} ${k}="${v.value}"\n` : `${k}=${quoteValue(v.value)}\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (flags.includes('p')) {
      const v = sh.vars.get(a);
      if (!v) {
        sh.error(`declare: ${a}: not found`, io);
        status = 1;
      } else io.out.write(`declare -${(v.exported ? 'x' : '') + (v.readonly ? 'r' : '') || '-'} ${a}="${v.value}"\n`);
      continue;
    }
    if (sh.locals) {
      const name = a.split('=')[0]!;
      if (!sh.locals.has(name)) sh.locals.set(name, sh.vars.get(name) ? { ...sh.vars.get(name)! } : undefined);
    }
    const ok = assignArg(sh, a, io, 'declare', (name) => {
      const v = { ...(sh.vars.get(name) ?? { value: '', exported: false }) };
      if (flags.includes('x')) v.exported = true;
      if (flags.includes('r')) v.readonly = true;
      sh.vars.set(name, v);
    });
    if (!ok) status = 1;
  }
  return status;
};

const SET_OPTS: Record<string, keyof Shell['opts']> = { e: 'errexit', u: 'nounset', f: 'noglob', x: 'xtrace' };
const LONG_OPTS: Record<string, keyof Shell['opts']> = { errexit: 'errexit', nounset: 'nounset', noglob: 'noglob', xtrace: 'xtrace' };

export const set: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const k of [...sh.vars.keys()].sort()) io.out.write(`${k}=${quoteValue(sh.vars.get(k)!.value)}\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const name = args[i + 1];
      if (name === undefined) {
        const all = ['allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history', 'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace'];
        for (const o of all) {
          const key = LONG_OPTS[o];
          const on = key ? sh.opts[key] : ['braceexpand', 'emacs', 'hashall', 'histexpand', 'history', 'interactive-comments', 'monitor'].includes(o) && (sh.interactive || ['braceexpand', 'hashall', 'interactive-comments'].includes(o));
          io.out.write(a === '-o' ? `${o.padEnd(15)}\t${on ? 'on' : 'off'}\n` : `set ${on ? '-' : '+'}o ${o}\n`);
        }
        return 0;
      }
      i++;
      const key = LONG_OPTS[name];
      if (key) sh.opts[key] = a === '-o';
      else if (!['emacs', 'vi', 'history', 'monitor', 'braceexpand', 'hashall', 'histexpand', 'pipefail', 'noclobber', 'ignoreeof', 'posix', 'notify', 'verbose', 'allexport'].includes(name)) {
        sh.error(`set: ${name}: invalid option name`, io);
        return 1;
      }
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        const key = SET_OPTS[c];
        if (key) sh.opts[key] = a[0] === '-';
        else if (!'abhmnvBCEHPT'.includes(c)) {
          sh.error(`set: ${a[0]}${c}: invalid option`, io);
          io.err.write('set: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n');
          return 2;
        }
      }
      continue;
    }
    break;
  }
  if (i < args.length) sh.positional = args.slice(i);
  return 0;
};

export const shift: Builtin = async (sh, argv, io) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    sh.error(`shift: ${argv[1]}: numeric argument required`, io);
    return 1;
  }
  if (n > sh.positional.length) return 1;
  sh.positional = sh.positional.slice(n);
  return 0;
};
