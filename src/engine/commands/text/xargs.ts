/**
 * xargs: GNU findutils 4.4.2 (RHEL 6).
 *
 * Items are read as xargs reads them (blanks separate, quotes and backslashes protect, blank
 * lines are skipped; -0 and -d split on one character), commands run one after another through
 * ctx.spawn with standard input from /dev/null. Exit status: 123 when a command failed, 124 for
 * a status of 255, 126/127 when a command could not be run (xargs stops at once), 1 for xargs's
 * own errors.
 */
import type { Program, ProgramContext } from '../../proc/program';
import { ProcInput } from '../../proc/process';
import { FsError } from '../../fs/errors';
import { getoptLong, type LongOpt } from './regex';

const SHORT = '+0a:E:e::i::I:l::L:n:prs:txP:d:';
const LONG: LongOpt[] = [
  { name: 'null', has: 0, val: '0' },
  { name: 'arg-file', has: 1, val: 'a' },
  { name: 'delimiter', has: 1, val: 'd' },
  { name: 'eof', has: 2, val: 'e' },
  { name: 'replace', has: 2, val: 'I' },
  { name: 'max-lines', has: 2, val: 'l' },
  { name: 'max-args', has: 1, val: 'n' },
  { name: 'interactive', has: 0, val: 'p' },
  { name: 'no-run-if-empty', has: 0, val: 'r' },
  { name: 'max-chars', has: 1, val: 's' },
  { name: 'verbose', has: 0, val: 't' },
  { name: 'show-limits', has: 0, val: 'S' },
  { name: 'exit', has: 0, val: 'x' },
  { name: 'max-procs', has: 1, val: 'P' },
  { name: 'version', has: 0, val: 'v' },
  { name: 'help', has: 0, val: 'h' },
];

function usageText(prog: string): string {
  return (
    `Usage: ${prog} [-0prtx] [--interactive] [--null] [-d|--delimiter=delim]\n` +
    '       [-E eof-str] [-e[eof-str]]  [--eof[=eof-str]]\n' +
    '       [-L max-lines] [-l[max-lines]] [--max-lines[=max-lines]]\n' +
    '       [-I replace-str] [-i[replace-str]] [--replace[=replace-str]]\n' +
    '       [-n max-args] [--max-args=max-args]\n' +
    '       [-s max-chars] [--max-chars=max-chars]\n' +
    '       [-P max-procs]  [--max-procs=max-procs] [--show-limits]\n' +
    '       [--verbose] [--exit] [--no-run-if-empty] [--arg-file=file]\n' +
    '       [--version] [--help] [command [initial-arguments]]\n' +
    '\nReport bugs to <bug-findutils@gnu.org>.\n'
  );
}

/** xargs stops: status, message already printed. */
class XargsExit {
  constructor(readonly status: number) {}
}

/** Characters from standard input (as they arrive) or from an -a file. */
class CharReader {
  private buf = '';
  private pos = 0;
  private eof = false;
  constructor(private readonly read: (() => Promise<string | null>) | null, text = '') {
    this.buf = text;
    if (!read) this.eof = true;
  }
  async getc(): Promise<string | null> {
    while (this.pos >= this.buf.length) {
      if (this.eof || !this.read) return null;
      const chunk = await this.read();
      if (chunk === null) {
        this.eof = true;
        return null;
      }
      this.buf = chunk;
      this.pos = 0;
    }
    return this.buf[this.pos++]!;
  }
}

function parseDelimiter(spec: string): string | null {
  if (spec.length === 1) return spec;
  if (spec[0] !== '\\') return null;
  const rest = spec.slice(1);
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  if (rest.length === 1 && simple[rest] !== undefined) return simple[rest]!;
  if (/^x[0-9a-fA-F]{1,2}$/.test(rest)) return String.fromCharCode(parseInt(rest.slice(1), 16));
  if (/^[0-7]{1,3}$/.test(rest)) {
    const v = parseInt(rest, 8);
    return v <= 0o377 ? String.fromCharCode(v) : null;
  }
  return null;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

export const xargs: Program = async (ctx: ProgramContext) => {
  const prog = ctx.argv[0] ?? 'xargs';
  const release = ctx.host.profile.release;
  const parsed = getoptLong(prog, ctx.argv.slice(1), SHORT, LONG, release, { stopAtFirstOperand: true });
  const usage = (status: number): number => {
    (status ? ctx.stderr : ctx.stdout).write(usageText(prog));
    return status;
  };
  if (parsed.error) {
    ctx.stderr.write(parsed.error + '\n');
    return usage(1);
  }
  let delimiter: string | null = null; // null: xargs's own quoting rules
  let eofStr: string | null = null;
  let replace: string | null = null;
  let linesPerExec = 0;
  let argsPerExec = 0;
  let interactive = false;
  let printCommand = false;
  let alwaysRun = true;
  let inputFile = '-';
  const num = (arg: string | null, opt: string, min: number): number | string => {
    const a = arg ?? '';
    if (!/^\s*[-+]?\d+$/.test(a)) return `${prog}: invalid number for -${opt} option\n`;
    const v = parseInt(a, 10);
    if (v < min) return `${prog}: value for -${opt} option should be >= ${min}\n`;
    return v;
  };
  for (const { opt, arg } of parsed.opts) {
    switch (opt) {
      case '0':
        delimiter = '\0';
        break;
      case 'd': {
        const d = parseDelimiter(arg ?? '');
        if (d === null) {
          ctx.stderr.write(
            `${prog}: Invalid input delimiter specification ${arg}: the delimiter must be either a single character or an escape sequence starting with \\.\n`,
          );
          return 1;
        }
        delimiter = d;
        break;
      }
      case 'E':
      case 'e':
        eofStr = arg && arg.length > 0 ? arg : null;
        break;
      case 'h':
        return usage(0);
      case 'I':
      case 'i':
        replace = arg ?? '{}';
        argsPerExec = 0;
        linesPerExec = 0;
        break;
      case 'L':
      case 'l': {
        if (opt === 'l' && arg === null) linesPerExec = 1;
        else {
          const v = num(arg, opt, 1);
          if (typeof v === 'string') {
            ctx.stderr.write(v);
            return usage(1);
          }
          linesPerExec = v;
        }
        argsPerExec = 0;
        replace = null;
        break;
      }
      case 'n': {
        const v = num(arg, 'n', 1);
        if (typeof v === 'string') {
          ctx.stderr.write(v);
          return usage(1);
        }
        argsPerExec = v;
        break;
      }
      case 's': {
        const v = num(arg, 's', 1);
        if (typeof v === 'string') {
          ctx.stderr.write(v);
          return usage(1);
        }
        break;
      }
      case 'P': {
        const v = num(arg, 'P', 0);
        if (typeof v === 'string') {
          ctx.stderr.write(v);
          return usage(1);
        }
        break;
      }
      case 'p':
        interactive = true;
        printCommand = true;
        break;
      case 'r':
        alwaysRun = false;
        break;
      case 't':
        printCommand = true;
        break;
      case 'a':
        inputFile = arg ?? '-';
        break;
      case 'x':
      case 'S':
        break;
      case 'v':
        ctx.stdout.write(
          release === 'el6'
            ? 'xargs (GNU findutils) 4.4.2\nCopyright (C) 2007 Free Software Foundation, Inc.\n' +
                'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n' +
                'This is free software: you are free to change and redistribute it.\n' +
                'There is NO WARRANTY, to the extent permitted by law.\n\n' +
                'Written by Eric B. Decker, James Youngman, and Kevin Dalley.\n'
            : 'GNU xargs version 4.2.27\n',
        );
        return 0;
      default:
        return usage(1);
    }
  }

  let reader: CharReader;
  let keepStdin = false;
  if (inputFile === '-') reader = new CharReader(() => ctx.stdin.read());
  else {
    keepStdin = true;
    try {
      reader = new CharReader(null, ctx.fs.readFile(inputFile));
    } catch (e) {
      ctx.stderr.write(`${prog}: Cannot open input file \`${inputFile}': ${e instanceof FsError ? e.message : String(e)}\n`);
      return 1;
    }
  }

  const command = parsed.operands.length ? parsed.operands : ['/bin/echo'];
  let childError = 0;
  let procsExecuted = 0;
  let nulWarned = false;
  let ttyInput: ProcInput | null = null;

  const run = async (argv: string[]): Promise<void> => {
    if (interactive) {
      ctx.stderr.write(argv.map((a) => a + ' ').join('') + '?...');
      if (!ctx.tty) {
        ctx.stderr.write(`${prog}: /dev/tty: No such device or address\n`);
        throw new XargsExit(1);
      }
      ttyInput ??= new ProcInput(ctx.tty, ctx.proc);
      const answer = await ttyInput.readLine();
      if (!answer || (answer[0] !== 'y' && answer[0] !== 'Y')) return;
    } else if (printCommand) ctx.stderr.write(argv.map((a) => a + ' ').join('') + '\n');
    procsExecuted++;
    const status = await ctx.spawn(argv, {
      stdout: ctx.stdout,
      stdin: keepStdin ? ctx.stdin.source : ctx.host.stringSource(''),
    });
    if (status === 126 || status === 127) throw new XargsExit(status);
    if (status === 255) {
      ctx.stderr.write(`${prog}: ${argv[0]}: exited with status 255; aborting\n`);
      throw new XargsExit(124);
    }
    if (status !== 0) childError = 123;
  };

  const fixNul = (s: string): string => {
    const k = s.indexOf('\0');
    if (k < 0) return s;
    if (!nulWarned) {
      ctx.stderr.write(
        `${prog}: Warning: a NUL character occurred in the input.  It cannot be passed through in the argument list.  Did you mean to use the --null option?\n`,
      );
      nulWarned = true;
    }
    return s.slice(0, k);
  };

  // Reading: returns the next item, or null at (logical) end of input. lineEnds counts lines for -L.
  let eof = false;
  let lineno = 0;
  let pending: string[] = [];
  const unmatched = (q: string): never => {
    ctx.stderr.write(
      `${prog}: unmatched ${q === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option\n`,
    );
    throw new XargsExit(1);
  };
  /** read_line(): one or more items of one line; pushes them to `pending`. Returns false at end. */
  const readLine = async (): Promise<boolean> => {
    if (eof) return false;
    let state: 'space' | 'norm' | 'quote' | 'backslash' = 'space';
    let quote = '';
    let cur = '';
    let seenArg = false;
    let first = true;
    let prev: string | null = null;
    let c: string | null = null;
    for (;;) {
      prev = c;
      c = await reader.getc();
      if (c === null) {
        eof = true;
        if (cur === '') return false;
        if (state === 'quote') await unmatchedAfterExec(quote);
        if (first && eofStr !== null && cur === eofStr) return false;
        pending.push(fixNul(cur));
        return true;
      }
      if (state === 'space') {
        if (isSpace(c)) continue;
        state = 'norm';
      }
      if (state === 'norm') {
        if (c === '\n') {
          if (prev === null || !isBlank(prev)) lineno++;
          if (cur === '' && !seenArg) {
            state = 'space';
            continue;
          }
          if (eofStr !== null && cur === eofStr) {
            eof = true;
            return !first;
          }
          pending.push(fixNul(cur));
          return true;
        }
        seenArg = true;
        if (replace === null && isBlank(c)) {
          if (eofStr !== null && cur === eofStr) {
            eof = true;
            return !first;
          }
          pending.push(fixNul(cur));
          cur = '';
          state = 'space';
          first = false;
          continue;
        }
        if (c === '\\') {
          state = 'backslash';
          continue;
        }
        if (c === "'" || c === '"') {
          state = 'quote';
          quote = c;
          continue;
        }
      } else if (state === 'quote') {
        if (c === '\n') await unmatchedAfterExec(quote);
        if (c === quote) {
          state = 'norm';
          seenArg = true;
          continue;
        }
      } else if (state === 'backslash') state = 'norm';
      cur += c;
    }
  };
  /** read_string(): one item up to the delimiter. */
  const readString = async (): Promise<boolean> => {
    if (eof) return false;
    let cur = '';
    for (;;) {
      const c = await reader.getc();
      if (c === null) {
        eof = true;
        if (cur === '') return false;
        pending.push(fixNul(cur));
        return true;
      }
      if (c === delimiter) {
        lineno++;
        pending.push(fixNul(cur));
        return true;
      }
      cur += c;
    }
  };
  const readItems = delimiter === null ? readLine : readString;

  let batch: string[] = [];
  /** exec_if_possible() before an error: run what was gathered. */
  const unmatchedAfterExec = async (q: string): Promise<never> => {
    if (replace === null && !argsPerExec && !linesPerExec && batch.length + pending.length > 0) {
      await run([...command, ...batch, ...pending]);
      batch = [];
      pending = [];
    }
    return unmatched(q);
  };

  try {
    if (replace === null) {
      for (;;) {
        const more = await readItems();
        for (const item of pending) {
          batch.push(item);
          if (argsPerExec && batch.length >= argsPerExec) {
            await run([...command, ...batch]);
            batch = [];
          }
        }
        pending = [];
        if (!more) break;
        if (linesPerExec && lineno >= linesPerExec) {
          if (batch.length) await run([...command, ...batch]);
          batch = [];
          lineno = 0;
        }
      }
      if (batch.length || (alwaysRun && procsExecuted === 0)) await run([...command, ...batch]);
    } else {
      const pat = replace;
      const head = command[0]!;
      const tail = command.slice(1);
      for (;;) {
        const more = await readItems();
        const items = pending;
        pending = [];
        for (const item of items) {
          const argv = [head, ...tail.map((a) => (pat === '' ? a : a.split(pat).join(item)))];
          await run(argv);
        }
        if (!more) break;
      }
    }
  } catch (e) {
    if (e instanceof XargsExit) return e.status;
    throw e;
  }
  return childError;
};
