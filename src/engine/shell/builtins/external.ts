import type { Builtin } from './index';
import { shellPrintf } from '../../util/printf';
import { evalTest } from '../../util/testexpr';

/**
 * printf, test and [ as bash 4.1 builtins: the same evaluators as /usr/bin/printf and
 * /usr/bin/test, in bash's dialect (its wording, %q, printf -v), with bash's `-bash: ` prefix.
 */
export const printf: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let target: string | null = null;
  if (args[0] === '-v') {
    target = args[1] ?? null;
    if (target === null) {
      sh.error('printf: -v: option requires an argument', io);
      io.err.write('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(target)) {
      sh.error(`printf: \`${target}': not a valid identifier`, io);
      return 2;
    }
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    io.err.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  if (args[0]!.startsWith('-') && args[0] !== '-' && argv[1] !== '--') {
    sh.error(`printf: ${args[0]!.slice(0, 2)}: invalid option`, io);
    io.err.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const r = shellPrintf(args[0]!, args.slice(1), 'bash');
  // Diagnostics interleave with output where they happened, as on a terminal.
  let written = 0;
  r.errors.forEach((e, i) => {
    const at = r.errorAt[i] ?? r.out.length;
    if (target === null && at > written) {
      io.out.write(r.out.slice(written, at));
      written = at;
    }
    sh.error(`printf: ${e}`, io);
  });
  if (target !== null) sh.setVar(target, r.out);
  else if (written < r.out.length) io.out.write(r.out.slice(written));
  return r.status;
};

function testBuiltin(bracket: boolean): Builtin {
  return async (sh, argv, io) => {
    const r = evalTest(argv.slice(1), {
      fs: sh.fs,
      isatty: (fd) => (fd === 0 ? io.in.isTTY : fd === 1 ? io.out.isTTY : fd === 2 ? io.err.isTTY : false),
      optionSet: (name) => (name in sh.opts ? sh.opts[name as keyof typeof sh.opts] : false),
    }, 'bash', bracket);
    if (r.error) sh.error(`${argv[0]}: ${r.error}`, io);
    return r.status;
  };
}

export const test = testBuiltin(false);
export const bracket = testBuiltin(true);
