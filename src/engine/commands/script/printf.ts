/**
 * /usr/bin/printf from coreutils 8.4: the shared formatter in util/printf.ts does the work; this
 * file handles --help/--version, a missing format, and where the diagnostics appear relative to
 * the output (stdout is line-buffered on a terminal, so complete lines come first).
 */
import type { Program } from '../../proc/program';
import { shellPrintf } from '../../util/printf';
import { HELP_OPTION, VERSION_OPTION, ancillary, builtinWarning, complain, coreutilsVersion, prog, tryHelp } from './common';

function help(name: string): string {
  return (
    `Usage: ${name} FORMAT [ARGUMENT]...\n  or:  ${name} OPTION\n` +
    'Print ARGUMENT(s) according to FORMAT, or execute according to OPTION:\n\n' +
    HELP_OPTION +
    VERSION_OPTION +
    '\nFORMAT controls the output as in C printf.  Interpreted sequences are:\n\n' +
    '  \\"      double quote\n' +
    '  \\\\      backslash\n' +
    '  \\a      alert (BEL)\n' +
    '  \\b      backspace\n' +
    '  \\c      produce no further output\n' +
    '  \\e      escape\n' +
    '  \\f      form feed\n' +
    '  \\n      new line\n' +
    '  \\r      carriage return\n' +
    '  \\t      horizontal tab\n' +
    '  \\v      vertical tab\n' +
    '  \\NNN    byte with octal value NNN (1 to 3 digits)\n' +
    '  \\xHH    byte with hexadecimal value HH (1 to 2 digits)\n' +
    '  \\uHHHH  Unicode (ISO/IEC 10646) character with hex value HHHH (4 digits)\n' +
    '  \\UHHHHHHHH  Unicode character with hex value HHHHHHHH (8 digits)\n' +
    '  %%      a single %\n' +
    "  %b      ARGUMENT as a string with `\\' escapes interpreted,\n" +
    '          except that octal escapes are of the form \\0 or \\0NNN\n\n' +
    'and all C format specifications ending with one of diouxXfeEgGcs, with\n' +
    'ARGUMENTs converted to proper type first.  Variable widths are handled.\n' +
    builtinWarning('printf')
  );
}

export const printf: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args.length === 1 && args[0] === '--help') {
    ctx.stdout.write(help(prog(ctx)) + ancillary(ctx));
    return 0;
  }
  if (args.length === 1 && args[0] === '--version') {
    ctx.stdout.write(coreutilsVersion(ctx, 'printf', ['David MacKenzie']));
    return 0;
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    complain(ctx, 'missing operand');
    tryHelp(ctx);
    return 1;
  }
  const r = shellPrintf(args[0]!, args.slice(1), 'coreutils');
  // Output up to the last complete line before each diagnostic goes out first.
  let written = 0;
  r.errors.forEach((msg, k) => {
    const at = r.errorAt[k] ?? r.out.length;
    const nl = ctx.stdout.isTTY ? r.out.lastIndexOf('\n', at - 1) + 1 : 0;
    if (nl > written) {
      ctx.stdout.write(r.out.slice(written, nl));
      written = nl;
    }
    complain(ctx, msg);
  });
  if (written < r.out.length) ctx.stdout.write(r.out.slice(written));
  return r.status;
};
