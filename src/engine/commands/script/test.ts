/**
 * /usr/bin/test and /usr/bin/[ from coreutils 8.4, on the shared evaluator in util/testexpr.ts.
 * Only the `[` form honours --help and --version (and only as its sole operand); `[` needs a
 * final `]`. Errors exit with status 2 and are prefixed with the name as invoked.
 */
import type { Program, ProgramContext } from '../../proc/program';
import { evalTest } from '../../util/testexpr';
import { HELP_OPTION, VERSION_OPTION, ancillary, builtinWarning, coreutilsVersion, prog } from './common';

const HELP =
  'Usage: test EXPRESSION\n  or:  test\n  or:  [ EXPRESSION ]\n  or:  [ ]\n  or:  [ OPTION\n' +
  'Exit with the status determined by EXPRESSION.\n\n' +
  HELP_OPTION +
  VERSION_OPTION +
  '\nAn omitted EXPRESSION defaults to false.  Otherwise,\n' +
  'EXPRESSION is true or false and sets exit status.  It is one of:\n' +
  '\n  ( EXPRESSION )               EXPRESSION is true\n' +
  '  ! EXPRESSION                 EXPRESSION is false\n' +
  '  EXPRESSION1 -a EXPRESSION2   both EXPRESSION1 and EXPRESSION2 are true\n' +
  '  EXPRESSION1 -o EXPRESSION2   either EXPRESSION1 or EXPRESSION2 is true\n' +
  '\n  -n STRING            the length of STRING is nonzero\n' +
  '  STRING               equivalent to -n STRING\n' +
  '  -z STRING            the length of STRING is zero\n' +
  '  STRING1 = STRING2    the strings are equal\n' +
  '  STRING1 != STRING2   the strings are not equal\n' +
  '\n  INTEGER1 -eq INTEGER2   INTEGER1 is equal to INTEGER2\n' +
  '  INTEGER1 -ge INTEGER2   INTEGER1 is greater than or equal to INTEGER2\n' +
  '  INTEGER1 -gt INTEGER2   INTEGER1 is greater than INTEGER2\n' +
  '  INTEGER1 -le INTEGER2   INTEGER1 is less than or equal to INTEGER2\n' +
  '  INTEGER1 -lt INTEGER2   INTEGER1 is less than INTEGER2\n' +
  '  INTEGER1 -ne INTEGER2   INTEGER1 is not equal to INTEGER2\n' +
  '\n  FILE1 -ef FILE2   FILE1 and FILE2 have the same device and inode numbers\n' +
  '  FILE1 -nt FILE2   FILE1 is newer (modification date) than FILE2\n' +
  '  FILE1 -ot FILE2   FILE1 is older than FILE2\n' +
  '\n  -b FILE     FILE exists and is block special\n' +
  '  -c FILE     FILE exists and is character special\n' +
  '  -d FILE     FILE exists and is a directory\n' +
  '  -e FILE     FILE exists\n' +
  '  -f FILE     FILE exists and is a regular file\n' +
  '  -g FILE     FILE exists and is set-group-ID\n' +
  '  -G FILE     FILE exists and is owned by the effective group ID\n' +
  '  -h FILE     FILE exists and is a symbolic link (same as -L)\n' +
  '  -k FILE     FILE exists and has its sticky bit set\n' +
  '  -L FILE     FILE exists and is a symbolic link (same as -h)\n' +
  '  -O FILE     FILE exists and is owned by the effective user ID\n' +
  '  -p FILE     FILE exists and is a named pipe\n' +
  '  -r FILE     FILE exists and read permission is granted\n' +
  '  -s FILE     FILE exists and has a size greater than zero\n' +
  '  -S FILE     FILE exists and is a socket\n' +
  '  -t FD       file descriptor FD is opened on a terminal\n' +
  '  -u FILE     FILE exists and its set-user-ID bit is set\n' +
  '  -w FILE     FILE exists and write permission is granted\n' +
  '  -x FILE     FILE exists and execute (or search) permission is granted\n' +
  '\nExcept for -h and -L, all FILE-related tests dereference symbolic links.\n' +
  'Beware that parentheses need to be escaped (e.g., by backslashes) for shells.\n' +
  'INTEGER may also be -l STRING, which evaluates to the length of STRING.\n' +
  '\nNOTE: [ honors the --help and --version options, but test does not.\n' +
  'test treats each of those as it treats any other nonempty STRING.\n' +
  builtinWarning('test and/or [');

function run(ctx: ProgramContext, bracket: boolean): number {
  const args = ctx.argv.slice(1);
  if (bracket && args.length === 1) {
    if (args[0] === '--help') {
      ctx.stdout.write(HELP + ancillary(ctx));
      return 0;
    }
    if (args[0] === '--version') {
      ctx.stdout.write(coreutilsVersion(ctx, '[', ['Kevin Braunsdorf', 'Matthew Bradburn']));
      return 0;
    }
  }
  const r = evalTest(args, {
    fs: ctx.fs,
    isatty: (fd) => (fd === 0 ? ctx.stdin.isTTY : fd === 1 ? ctx.stdout.isTTY : fd === 2 ? ctx.stderr.isTTY : false),
  }, 'coreutils', bracket);
  if (r.error !== undefined) ctx.stderr.write(`${prog(ctx)}: ${r.error}\n`);
  return r.status;
}

export const test: Program = async (ctx) => run(ctx, false);

export const bracket: Program = async (ctx) => run(ctx, true);
