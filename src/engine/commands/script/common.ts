/**
 * Pieces shared by the script group's coreutils programs (printf, test/[, expr, seq):
 * --version text, the tail of --help, and messages prefixed with the name as invoked.
 */
import type { ProgramContext } from '../../proc/program';

/** True on the RHEL 5.4 host (coreutils 5.97, gawk 3.1.5, bash 3.2). */
export function isEl5(ctx: ProgramContext): boolean {
  return ctx.host.profile.release === 'el5';
}

/** argv[0] as invoked: coreutils puts it in front of its messages. */
export function prog(ctx: ProgramContext): string {
  return ctx.argv[0] ?? '';
}

export function complain(ctx: ProgramContext, msg: string): void {
  ctx.stderr.write(`${prog(ctx)}: ${msg}\n`);
}

export function tryHelp(ctx: ProgramContext): void {
  ctx.stderr.write(`Try \`${prog(ctx)} --help' for more information.\n`);
}

function writtenBy(authors: string[]): string {
  if (authors.length === 1) return `Written by ${authors[0]}.\n`;
  if (authors.length === 2) return `Written by ${authors[0]} and ${authors[1]}.\n`;
  return `Written by ${authors.slice(0, -1).join(', ')}, and ${authors[authors.length - 1]}.\n`;
}

/** coreutils' version_etc() text. */
export function coreutilsVersion(ctx: ProgramContext, name: string, authors: string[]): string {
  if (isEl5(ctx)) {
    return (
      `${name} (GNU coreutils) 5.97\n` +
      'Copyright (C) 2006 Free Software Foundation, Inc.\n' +
      'This is free software.  You may redistribute copies of it under the terms of\n' +
      'the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n' +
      'There is NO WARRANTY, to the extent permitted by law.\n\n' +
      writtenBy(authors)
    );
  }
  return (
    `${name} (GNU coreutils) 8.4\n` +
    'Copyright (C) 2010 Free Software Foundation, Inc.\n' +
    'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    'There is NO WARRANTY, to the extent permitted by law.\n\n' +
    writtenBy(authors)
  );
}

export const HELP_OPTION = '      --help     display this help and exit\n';
export const VERSION_OPTION = '      --version  output version information and exit\n';

export function builtinWarning(name: string): string {
  return (
    `\nNOTE: your shell may have its own version of ${name}, which usually supersedes\n` +
    "the version described here.  Please refer to your shell's documentation\n" +
    'for details about the options it supports.\n'
  );
}

/** coreutils 8.4's emit_ancillary_info() in an English locale. */
export function ancillary(ctx: ProgramContext): string {
  const base = prog(ctx).split('/').pop() ?? '';
  if (isEl5(ctx)) return '\nReport bugs to <bug-coreutils@gnu.org>.\n';
  return (
    `\nReport ${base} bugs to bug-coreutils@gnu.org\n` +
    'GNU coreutils home page: <http://www.gnu.org/software/coreutils/>\n' +
    'General help using GNU software: <http://www.gnu.org/gethelp/>\n' +
    `For complete documentation, run: info coreutils '${base} invocation'\n`
  );
}
