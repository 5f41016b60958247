import type { Program, ProgramContext } from '../../proc/program';
import { basename } from '../../fs/path';
import { STRERROR } from '../../fs/errors';
import { SIGNALS } from '../../proc/signals';
import { psProcesses, type PsProc } from './psinfo';
import { killSyscall } from './kill';

/**
 * pgrep and pkill of procps 3.2.8: select processes by an extended regular expression on their
 * name (-f: the whole command line) and other criteria; pgrep prints the pids, pkill signals
 * them. Exit 0 when something matched, 1 when not; 2 on a bad option.
 */
class Exit extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}

function signalNumber(text: string): number {
  let s = text.toUpperCase();
  if (s.startsWith('SIG')) s = s.slice(3);
  if (/^\d+$/.test(s)) return Number(s);
  return SIGNALS[s] ?? -1;
}

async function main(ctx: ProgramContext, pkill: boolean): Promise<number> {
  const prog = pkill ? 'pkill' : 'pgrep';
  const err = (s: string): void => ctx.stderr.write(s);
  const usage = (error: boolean): never => {
    const w = (s: string): void => (error ? ctx.stderr.write(s) : ctx.stdout.write(s));
    w(pkill ? 'Usage: pkill [-SIGNAL] [-fvx] ' : 'Usage: pgrep [-flvx] [-d DELIM] ');
    w('[-n|-o] [-P PPIDLIST] [-g PGRPLIST] [-s SIDLIST]\n\t[-u EUIDLIST] [-U UIDLIST] [-G GIDLIST] [-t TERMLIST] [PATTERN]\n');
    throw new Exit(error ? 2 : 0);
  };
  const args = ctx.argv.slice(1);
  let signal = 15;
  if (pkill && args[0]?.startsWith('-')) {
    let sig = signalNumber(args[0].slice(1));
    if (sig === -1 && /^[0-9]/.test(args[0].slice(1))) sig = parseInt(args[0].slice(1), 10);
    if (sig !== -1) {
      signal = sig;
      args.shift();
    }
  }
  const withArg = pkill ? 'FPgsuUGt' : 'dFPgsuUGt';
  const flags = pkill ? 'LfnovxV' : 'lLfnovxV';
  const opt = { long: false, full: false, newest: false, oldest: false, negate: false, exact: false, delim: '\n' };
  const lists: Record<string, number[] | string[]> = {};
  let criteria = 0;
  const rest: string[] = [];
  const user = (v: string): number | null => (/^\d+$/.test(v) ? Number(v) : (ctx.host.users.getpwnam(v)?.uid ?? null));
  const group = (v: string): number | null => (/^\d+$/.test(v) ? Number(v) : (ctx.host.users.getgrnam(v)?.gid ?? null));
  const num = (v: string): number | null => (/^\d+$/.test(v) ? Number(v) : null);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const ch = a[k]!;
      if (withArg.includes(ch)) {
        let value = a.slice(k + 1);
        if (value === '') {
          if (i + 1 >= args.length) {
            err(`${prog}: option requires an argument -- '${ch}'\n`);
            usage(true);
          }
          value = args[++i]!;
        }
        if (ch === 'd') opt.delim = value;
        else if (ch === 'F') {
          err(`${prog}: pidfile not valid\n`);
          usage(false);
        } else {
          const items = value.split(',');
          let conv: (v: string) => number | null = num;
          let what = 'not a number';
          if (ch === 'u' || ch === 'U') {
            conv = user;
            what = 'invalid user name';
          } else if (ch === 'G') {
            conv = group;
            what = 'invalid group name';
          } else if (ch === 'g') what = 'invalid process group';
          else if (ch === 's') what = 'invalid session id';
          if (ch === 't') lists.t = items;
          else {
            const out: number[] = [];
            for (const item of items) {
              const n = conv(item);
              if (n === null) {
                err(`${prog}: ${what}: ${item}\n`);
                usage(false);
              }
              out.push(ch === 's' && n === 0 ? ctx.proc.pid : n!);
            }
            lists[ch] = out;
          }
          criteria++;
        }
        break;
      }
      if (!flags.includes(ch)) {
        err(`${prog}: invalid option -- '${ch}'\n`);
        usage(true);
      }
      switch (ch) {
        case 'V':
          ctx.stdout.write(`${prog} (procps version 3.2.8)\n`);
          throw new Exit(0);
        case 'l':
          opt.long = true;
          break;
        case 'f':
          opt.full = true;
          break;
        case 'n':
        case 'o':
          if (opt.newest || opt.oldest || opt.negate) usage(true);
          if (ch === 'n') opt.newest = true;
          else opt.oldest = true;
          criteria++;
          break;
        case 'v':
          if (opt.newest || opt.oldest || opt.negate) usage(true);
          opt.negate = true;
          break;
        case 'x':
          opt.exact = true;
          break;
        default:
          break;
      }
    }
  }
  if (rest.length > 1) usage(false);
  if (rest.length === 0 && criteria === 0) {
    err(`${prog}: No matching criteria specified\n`);
    usage(false);
  }
  let re: RegExp | null = null;
  if (rest.length === 1) {
    try {
      re = new RegExp(opt.exact ? `^(${rest[0]})$` : rest[0]!);
    } catch {
      err(/[()]/.test(rest[0]!) ? 'Unmatched ( or \\(' : 'Invalid regular expression');
      return 2;
    }
  }
  const has = (key: string, v: number | string): boolean => {
    const l = lists[key];
    return l === undefined || (l as (number | string)[]).includes(v);
  };
  let found: PsProc[] = [];
  for (const p of psProcesses(ctx.host)) {
    if (p.pid === ctx.proc.pid) continue;
    let match = has('P', p.ppid) && has('g', p.pgid) && has('u', p.uid) && has('U', p.uid) && has('G', p.gid) && has('s', p.sid);
    if (match && lists.t) match = p.tty !== null && (lists.t as string[]).includes(p.tty);
    const text = opt.full && p.args.length ? p.args.join(' ') : p.comm;
    if (match && re) match = re.test(text);
    if (match !== opt.negate) found.push(p);
  }
  if (opt.newest && found.length) found = [found.reduce((a, b) => (b.start >= a.start ? b : a))];
  if (opt.oldest && found.length) found = [found.reduce((a, b) => (b.start < a.start ? b : a))];
  if (pkill) {
    for (const p of found) {
      const r = killSyscall(ctx, p.pid, signal);
      if (r && r !== 'ESRCH') err(`pkill: ${p.pid} - ${STRERROR[r]}\n`);
    }
  } else if (found.length) {
    const items = found.map((p) => (opt.long ? `${p.pid} ${opt.full && p.args.length ? p.args.join(' ') : p.comm}` : String(p.pid)));
    ctx.stdout.write(items.join(opt.delim) + '\n');
  }
  return found.length ? 0 : 1;
}

function program(pkill: boolean): Program {
  return async (ctx) => {
    try {
      return await main(ctx, pkill || basename(ctx.argv[0] ?? '').includes('pkill'));
    } catch (e) {
      if (e instanceof Exit) return e.status;
      throw e;
    }
  };
}

export const pgrep = program(false);
export const pkill = program(true);
