import type { Program, ProgramContext } from '../../proc/program';
import { basename } from '../../fs/path';
import { STRERROR } from '../../fs/errors';
import { noteSender, procExtra } from '../../services/daemon';

/**
 * /bin/kill of util-linux (2.17.2 "util-linux-ng" on RHEL 6, 2.13-pre7 on RHEL 5). Unlike the
 * bash builtin it reports errors as `kill PID: No such process` and exits with the number of
 * failures. Names are accepted too: the caller's processes whose argv[0] has that basename
 * (`-a`: everyone's).
 */

/** The signal table in the order util-linux lists it on i386. */
const SIGNAMES: [string, number][] = [
  ['HUP', 1], ['INT', 2], ['QUIT', 3], ['ILL', 4], ['ABRT', 6], ['FPE', 8], ['KILL', 9], ['SEGV', 11],
  ['PIPE', 13], ['ALRM', 14], ['TERM', 15], ['USR1', 10], ['USR2', 12], ['CHLD', 17], ['CONT', 18],
  ['STOP', 19], ['TSTP', 20], ['TTIN', 21], ['TTOU', 22], ['TRAP', 5], ['IOT', 6], ['BUS', 7], ['SYS', 31],
  ['STKFLT', 16], ['URG', 23], ['IO', 29], ['POLL', 29], ['CLD', 17], ['XCPU', 24], ['XFSZ', 25],
  ['VTALRM', 26], ['PROF', 27], ['PWR', 30], ['WINCH', 28], ['UNUSED', 31],
];
const NSIG = 65;

function signameToNum(sig: string): number {
  let s = sig;
  if (s.slice(0, 3).toLowerCase() === 'sig') s = s.slice(3);
  for (const [name, num] of SIGNAMES) if (name.toLowerCase() === s.toLowerCase()) return num;
  return -1;
}

function argToSignum(arg: string, maskbit: boolean): number {
  if (/^[0-9]/.test(arg)) {
    const m = /^([0-9]+)(.*)$/.exec(arg)!;
    let n = Number(m[1]);
    if (n >= NSIG && maskbit && (n & 128) !== 0) n -= 128;
    if (m[2] !== '' || n < 0 || n >= NSIG) return -1;
    return n;
  }
  return signameToNum(arg);
}

export function signalList(): string {
  let out = '';
  let pos = 0;
  for (const [name] of SIGNAMES) {
    const len = 1 + name.length;
    if (pos + len > 72) {
      out += '\n';
      pos = 0;
    } else if (pos) out += ' ';
    pos += len;
    out += name;
  }
  return out + '\n';
}

/** kill(2) as the calling process: an errno name on failure. */
export function killSyscall(ctx: Pick<ProgramContext, 'host' | 'fs' | 'proc'>, pid: number, sig: number): 'ESRCH' | 'EPERM' | null {
  const host = ctx.host;
  const uid = ctx.fs.cred.uid;
  const deliver = (target: { pid: number }): 'ESRCH' | 'EPERM' | null => {
    const p = host.procs.get(target.pid);
    if (!p || !p.alive) return 'ESRCH';
    if (uid !== 0 && uid !== p.cred.uid) return 'EPERM';
    // init and kernel threads do not die of signals sent from user space
    if (p.pid === 1 || procExtra(p)?.kernel) return null;
    if (sig !== 0) {
      noteSender(p, ctx.proc.pid, uid);
      host.procs.kill(p.pid, sig, uid);
    }
    return null;
  };
  if (pid > 0) return deliver({ pid });
  const all = host.procs.list().filter((p) => p.alive);
  let targets = all;
  if (pid === 0) targets = all.filter((p) => p.pgid === ctx.proc.pgid);
  else if (pid === -1) targets = all.filter((p) => p.pid !== 1 && p.pid !== ctx.proc.pid && !procExtra(p)?.kernel);
  else targets = all.filter((p) => p.pgid === -pid);
  if (targets.length === 0) return 'ESRCH';
  let sent = 0;
  let denied = 0;
  for (const t of targets) {
    const r = deliver(t);
    if (r === null) sent++;
    else if (r === 'EPERM') denied++;
  }
  if (sent) return null;
  return denied ? 'EPERM' : 'ESRCH';
}

export const kill: Program = async (ctx) => {
  const el5 = ctx.host.profile.release === 'el5';
  const progname = basename(ctx.argv[0] ?? 'kill');
  const out = (s: string): void => ctx.stdout.write(s);
  const err = (s: string): void => ctx.stderr.write(s);
  const usage = (status: number): number => {
    const w = status === 0 ? out : err;
    w(`usage: ${progname} [ -s signal | -p ] [ -a ] pid ...\n`);
    w(`       ${progname} -l [ signal ]\n`);
    return status;
  };
  let numsig = 15;
  let doPid = progname === 'pid';
  let doKill = false;
  let checkAll = false;
  const args = ctx.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) break;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '-v' || arg === '-V' || arg === '--version') {
      out(el5 ? `${progname} from util-linux-2.13-pre7\n` : `${progname} from util-linux-ng 2.17.2\n`);
      return 0;
    }
    if (arg === '-a') {
      checkAll = true;
      continue;
    }
    if (arg === '-l') {
      const left = args.length - i;
      if (left < 2) {
        out(signalList());
        return 0;
      }
      if (left > 2) return usage(1);
      const s = args[i + 1]!;
      const n = argToSignum(s, true);
      if (n < 0) {
        err(`${progname}: unknown signal ${s}\n`);
        return 1;
      }
      const name = SIGNAMES.find(([, v]) => v === n)?.[0];
      out(`${name ?? n}\n`);
      return 0;
    }
    if (arg === '-p') {
      doPid = true;
      if (doKill) return usage(1);
      continue;
    }
    if (arg === '-s') {
      if (args.length - i < 2) return usage(1);
      doKill = true;
      if (doPid) return usage(1);
      const s = args[++i]!;
      numsig = argToSignum(s, false);
      if (numsig < 0) {
        err(`${progname}: unknown signal ${s}; valid signals:\n`);
        err(signalList());
        return 1;
      }
      continue;
    }
    if (doKill) break;
    numsig = argToSignum(arg.slice(1), false);
    if (numsig < 0) return usage(1);
    doKill = true;
    if (doPid) return usage(1);
  }
  const targets = args.slice(i);
  if (targets.length === 0) return usage(1);
  if (doPid) numsig = -1;
  let errors = 0;
  for (const arg of targets) {
    const m = /^\s*([+-]?[0-9]*)$/.exec(arg);
    if (m) {
      const pid = m[1] === '' || m[1] === '-' || m[1] === '+' ? 0 : Number(m[1]);
      errors += killVerbose(ctx, arg, pid, numsig);
      continue;
    }
    const uid = ctx.fs.cred.uid;
    const pids = ctx.host.procs
      .list()
      .filter((p) => p.alive && p.pid !== ctx.proc.pid && !procExtra(p)?.kernel && (checkAll || p.cred.uid === uid))
      .filter((p) => basename(p.args[0] ?? '') === arg)
      .map((p) => p.pid);
    if (pids.length === 0) {
      errors++;
      err(`${progname}: can't find process "${arg}"\n`);
      continue;
    }
    for (const pid of pids) errors += killVerbose(ctx, arg, pid, numsig);
  }
  return errors;

  function killVerbose(c: ProgramContext, procname: string, pid: number, sig: number): number {
    if (sig < 0) {
      out(`${pid}\n`);
      return 0;
    }
    const r = killSyscall(c, pid, sig);
    if (r) {
      err(`${progname} ${procname}: ${STRERROR[r]}\n`);
      return 1;
    }
    return 0;
  }
};
