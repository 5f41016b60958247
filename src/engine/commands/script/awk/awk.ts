/**
 * awk / gawk: GNU Awk 3.1.7 as RHEL 6.1 ships it (/bin/gawk, with /bin/awk linked to it).
 * Command-line handling follows gawk's main(): getopt_long with "+F:f:v:W;m:DO" (options stop
 * at the first operand; an unknown option stops option processing), -W and GNU long options,
 * the program from -f files / --source or the first operand, the rest into ARGV.
 */
import type { Program } from '../../../proc/program';
import { FsError } from '../../../fs/errors';
import { Interrupted, ExitRequest } from '../../../proc/signals';
import type { AwkSource } from './lexer';
import { loc } from './ast';
import { formatDiag, locationPrefix, parseProgram } from './parser';
import { Interp, processAssignEscapes } from './interp';

const LONG_OPTS: { name: string; arg: 'none' | 'required' | 'optional'; key: string }[] = [
  { name: 'assign', arg: 'required', key: 'v' },
  { name: 'compat', arg: 'none', key: 'traditional' },
  { name: 'copyleft', arg: 'none', key: 'copyleft' },
  { name: 'copyright', arg: 'none', key: 'copyleft' },
  { name: 'dump-variables', arg: 'optional', key: 'ignore' },
  { name: 'exec', arg: 'required', key: 'exec' },
  { name: 'field-separator', arg: 'required', key: 'F' },
  { name: 'file', arg: 'required', key: 'f' },
  { name: 'gen-po', arg: 'none', key: 'ignore' },
  { name: 'help', arg: 'none', key: 'usage' },
  { name: 'lint', arg: 'optional', key: 'ignore' },
  { name: 'lint-old', arg: 'none', key: 'ignore' },
  { name: 'non-decimal-data', arg: 'none', key: 'ignore' },
  { name: 'optimize', arg: 'none', key: 'ignore' },
  { name: 'posix', arg: 'none', key: 'posix' },
  { name: 'profile', arg: 'optional', key: 'ignore' },
  { name: 're-interval', arg: 'none', key: 're-interval' },
  { name: 'source', arg: 'required', key: 'source' },
  { name: 'traditional', arg: 'none', key: 'traditional' },
  { name: 'usage', arg: 'none', key: 'usage' },
  { name: 'use-lc-numeric', arg: 'none', key: 'ignore' },
  { name: 'version', arg: 'none', key: 'version' },
];

const COPYLEFT = `Copyright (C) 1989, 1991-2009 Free Software Foundation.

This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 3 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License
along with this program. If not, see http://www.gnu.org/licenses/.
`;

const COPYLEFT_315 = `Copyright (C) 1989, 1991-2005 Free Software Foundation.

This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 2 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License
along with this program; if not, write to the Free Software
Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA  02110-1301, USA.
`;

/** gawk's usage text; RHEL 5's gawk 3.1.5 lacks -O and --use-lc-numeric. */
function usageText(myname: string, el5 = false): string {
  const text = usageText7(myname);
  if (!el5) return text;
  return text.replace('\t-O\t\t\t--optimize\n', '').replace('\t-W use-lc-numeric\t--use-lc-numeric\n', '');
}

function usageText7(myname: string): string {
  return (
    `Usage: ${myname} [POSIX or GNU style options] -f progfile [--] file ...\n` +
    `Usage: ${myname} [POSIX or GNU style options] [--] 'program' file ...\n` +
    'POSIX options:\t\tGNU long options:\n' +
    '\t-f progfile\t\t--file=progfile\n' +
    '\t-F fs\t\t\t--field-separator=fs\n' +
    '\t-v var=val\t\t--assign=var=val\n' +
    '\t-m[fr] val\n' +
    '\t-O\t\t\t--optimize\n' +
    '\t-W compat\t\t--compat\n' +
    '\t-W copyleft\t\t--copyleft\n' +
    '\t-W copyright\t\t--copyright\n' +
    '\t-W dump-variables[=file]\t--dump-variables[=file]\n' +
    '\t-W exec=file\t\t--exec=file\n' +
    '\t-W gen-po\t\t--gen-po\n' +
    '\t-W help\t\t\t--help\n' +
    '\t-W lint[=fatal]\t\t--lint[=fatal]\n' +
    '\t-W lint-old\t\t--lint-old\n' +
    '\t-W non-decimal-data\t--non-decimal-data\n' +
    '\t-W profile[=file]\t--profile[=file]\n' +
    '\t-W posix\t\t--posix\n' +
    '\t-W re-interval\t\t--re-interval\n' +
    '\t-W source=program-text\t--source=program-text\n' +
    '\t-W traditional\t\t--traditional\n' +
    '\t-W usage\t\t--usage\n' +
    '\t-W use-lc-numeric\t--use-lc-numeric\n' +
    '\t-W version\t\t--version\n' +
    "\nTo report bugs, see node `Bugs' in `gawk.info', which is\n" +
    "section `Reporting Problems and Bugs' in the printed version.\n\n" +
    'gawk is a pattern scanning and processing language.\n' +
    'By default it reads standard input and writes standard output.\n\n' +
    "Examples:\n\tgawk '{ sum += $1 }; END { print sum }' file\n" +
    "\tgawk -F: '{ print $1 }' /etc/passwd\n"
  );
}

class Done {
  constructor(readonly status: number) {}
}

export const awk: Program = async (ctx) => {
  const myname = (ctx.argv[0] ?? 'awk').split('/').pop() || 'awk';
  const el5 = ctx.host.profile.release === 'el5';
  const errw = (s: string): void => ctx.stderr.write(s);
  const usage = (status: number): never => {
    if (status === 0) ctx.stdout.write(usageText(myname, el5));
    else errw(usageText(myname, el5));
    throw new Done(status);
  };

  try {
    const args = ctx.argv.slice(1);
    const sources: { kind: 'file' | 'text'; value: string }[] = [];
    const assigns: { name: string; value: string }[] = [];
    let fs: string | null = null;
    let intervals = false;
    let i = 0;

    const assignArg = (a: string): void => {
      const eq = a.indexOf('=');
      if (eq < 0) {
        errw(`${myname}: \`${a}' argument to \`-v' not in \`var=value' form\n\n`);
        usage(1);
      }
      const name = a.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        errw(`${myname}: fatal: \`${name}' is not a legal variable name\n`);
        throw new Done(2);
      }
      assigns.push({ name, value: a.slice(eq + 1) });
    };

    /** Short letters of long options that getopt reports as optopt (only those in gawk's optlist count). */
    const SHORT: Record<string, string> = { v: 'v', F: 'F', f: 'f' };

    /**
     * One GNU long option (or -W option). Returns false when getopt would report it as
     * unknown, which makes gawk stop processing options.
     */
    const longOpt = (spec: string, fromW: boolean): boolean => {
      const eq = spec.indexOf('=');
      const name = eq >= 0 ? spec.slice(0, eq) : spec;
      let value: string | null = eq >= 0 ? spec.slice(eq + 1) : null;
      const exact = LONG_OPTS.find((o) => o.name === name);
      const matches = exact ? [exact] : LONG_OPTS.filter((o) => o.name.startsWith(name));
      const keys = new Set(matches.map((m) => m.key + m.arg));
      if (matches.length === 0 || name === '' || keys.size > 1) return false;
      const o = matches[0]!;
      if (o.arg === 'none' && value !== null) return fromW;
      if (o.arg === 'required' && value === null) {
        if (i < args.length) value = args[i++]!;
        else {
          const letter = SHORT[o.key];
          if (!letter) return fromW;
          errw(`${myname}: option requires an argument -- ${letter}\n`);
          return true;
        }
      }
      switch (o.key) {
        case 'v':
          assignArg(value!);
          break;
        case 'F':
          fs = value!;
          break;
        case 'f':
        case 'exec':
          sources.push({ kind: 'file', value: value! });
          break;
        case 'source':
          if (value === '') errw(`${myname}: warning: empty argument to \`--source' ignored\n`);
          else sources.push({ kind: 'text', value: value! });
          break;
        case 'usage':
          usage(0);
          break;
        case 'version':
          ctx.stdout.write(el5 ? 'GNU Awk 3.1.5\n' + COPYLEFT_315 : 'GNU Awk 3.1.7\n' + COPYLEFT);
          throw new Done(0);
        case 'copyleft':
          ctx.stdout.write(el5 ? COPYLEFT_315 : COPYLEFT);
          throw new Done(0);
        case 're-interval':
          intervals = true;
          break;
        default:
          break;
      }
      return true;
    };

    let stoppedEarly = false;
    options: while (i < args.length) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      if (a.startsWith('--')) {
        i++;
        if (!longOpt(a.slice(2), false)) {
          i--;
          stoppedEarly = true;
          break;
        }
        continue;
      }
      // a cluster of short options
      i++;
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if ('Ffvm'.includes(c) || c === 'W') {
          let value: string | null = a.slice(k + 1);
          // an attached -f argument may have blanks before it (from a #! line)
          if (c === 'f') value = value.replace(/^\s+/, '');
          if (value === '') value = i < args.length ? args[i++]! : null;
          if (value === null) {
            errw(`${myname}: option requires an argument -- ${c}\n`);
            break;
          }
          if (c === 'F') fs = value;
          else if (c === 'f') sources.push({ kind: 'file', value });
          else if (c === 'v') assignArg(value);
          else if (c === 'W') {
            if (!longOpt(value, true)) {
              stoppedEarly = true;
              break options;
            }
          } else if (c === 'm') {
            // Research awk's -mf NNN / -mr NNN: accepted and ignored, with the number
            if (value[0] !== 'r' && value[0] !== 'f') errw(`${myname}: warning: -m option usage: \`-m[fr] nnn'\n`);
            if (value[0] === 'r') {
              if (!/[0-9]/.test(value[1] ?? '')) i++;
            } else if (value.length === 1) i++;
          }
          break;
        }
        if (c === 'O' || c === 'D') continue;
        // unknown option: leave it (and the rest) for the program as operands
        i--;
        stoppedEarly = true;
        break options;
      }
    }

    if (sources.length === 0) {
      if (i >= args.length || stoppedEarly) usage(1);
      sources.push({ kind: 'text', value: args[i++]! });
    }

    // read the program
    const awkSources: AwkSource[] = [];
    for (const s of sources) {
      if (s.kind === 'text') {
        if (s.value === '') continue;
        if (s.value.endsWith('\n')) awkSources.push({ name: null, text: s.value, base: 1 });
        else awkSources.push({ name: null, text: s.value + '\n', base: 0 });
      } else {
        let text: string;
        try {
          text = readSource(ctx, s.value);
        } catch (e) {
          if (e instanceof FsError) {
            errw(`${myname}: fatal: can't open source file \`${s.value}' for reading (${e.message})\n`);
            throw new Done(2);
          }
          throw e;
        }
        awkSources.push({ name: s.value, text, base: 1 });
      }
    }
    if (awkSources.length === 0) return 0; // gawk '' file: an empty program does nothing

    let parsed;
    try {
      parsed = parseProgram(awkSources);
    } catch (e) {
      if (e instanceof RangeError) {
        // bison's stack limit: the program nests too deeply
        errw(`${myname}: ${locationPrefix(awkSources, 0, 1)}fatal: program too deeply nested: memory exhausted\n`);
        return 2;
      }
      throw e;
    }
    for (const w of parsed.warnings) errw(`${myname}: ${locationPrefix(awkSources, w.src, w.line)}warning: ${w.message}\n`);
    for (const d of parsed.diags) for (const line of formatDiag(d, awkSources, myname)) errw(line + '\n');
    if (!parsed.program) return parsed.status;

    let fsValue: string | null = null;
    if (fs !== null) fsValue = processAssignEscapes(fs);

    const interp = new Interp({
      ctx,
      myname,
      sources: awkSources,
      program: parsed.program,
      argv: [myname, ...args.slice(i)],
      assigns,
      fs: fsValue,
      intervals,
      endLoc: endLocation(awkSources),
    });
    return await interp.run();
  } catch (e) {
    if (e instanceof Done) return e.status;
    if (e instanceof Interrupted || e instanceof ExitRequest) throw e;
    errw(`${myname}: fatal error: internal error${e instanceof Error ? `: ${e.message}` : ''}\n`);
    return 2;
  }
};

/** gawk's sourceline when parsing ends: the last source's base plus its newlines. */
function endLocation(sources: AwkSource[]): number {
  const i = sources.length - 1;
  const s = sources[i]!;
  let n = s.base;
  for (let k = 0; k < s.text.length; k++) if (s.text.charCodeAt(k) === 10) n++;
  return loc(i, n);
}

/** -f file: as given, else along AWKPATH (default .:/usr/share/awk) when the name has no slash. */
function readSource(ctx: Parameters<Program>[0], name: string): string {
  if (name.includes('/')) return ctx.fs.readFile(name);
  const path = ctx.env.AWKPATH ?? '.:/usr/share/awk';
  let first: unknown = null;
  for (const dir of path.split(':')) {
    const full = (dir === '' ? '.' : dir) + '/' + name;
    try {
      return ctx.fs.readFile(full);
    } catch (e) {
      first ??= e;
    }
  }
  try {
    return ctx.fs.readFile(name);
  } catch (e) {
    throw first ?? e;
  }
}
