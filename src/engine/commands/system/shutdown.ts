import type { Program, ProgramContext } from '../../proc/program';
import { basename } from '../../fs/path';
import { Interrupted, SIGINT, SIGQUIT, SIGTERM } from '../../proc/signals';
import { toLocal } from '../../util/clock';
import { sleepFor } from '../../proc/sleep';
import { goDown, wall, warningText, type Goal } from './power';

/**
 * shutdown: upstart 0.6.5's on RHEL 6, sysvinit 2.86's on RHEL 5. `shutdown -r now` broadcasts
 * and takes the host down; `shutdown -h +5 "msg"` warns now and at the usual intervals, then
 * goes down (it stays in the foreground; ^C cancels it); `-k` only warns; `-c` cancels a
 * running one through /var/run/shutdown.pid.
 */
const PID_FILE = '/var/run/shutdown.pid';

export const shutdown: Program = async (ctx) => {
  const el5 = ctx.host.profile.release === 'el5';
  const prog = basename(ctx.argv[0] ?? 'shutdown');
  const err = (s: string): void => ctx.stderr.write(s);
  const suggest = (msg: string): number => {
    err(`${prog}: ${msg}\n`);
    if (!el5) err(`Try \`${prog} --help' for more information.\n`);
    return 1;
  };
  let goal: Goal = 'maintenance';
  let cancel = false;
  let warnOnly = false;
  const rest: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-' || rest.length > 0) {
      rest.push(a);
      continue;
    }
    if (a === '--help' && !el5) {
      ctx.stdout.write(`Usage: ${prog} [OPTION]... TIME [MESSAGE]\nBring the system down.\n\n`);
      return 0;
    }
    if (a === '--version' && !el5) {
      ctx.stdout.write(`${prog} (upstart 0.6.5)\n`);
      return 0;
    }
    const longs: Record<string, string> = { '--reboot': 'r', '--halt': 'H', '--poweroff': 'P', '--cancel': 'c', '--warn-only': 'k' };
    const letters = a.startsWith('--') ? longs[a] : a.slice(1);
    if (letters === undefined) return suggest(`invalid option: ${a}`);
    for (let k = 0; k < letters.length; k++) {
      const ch = letters[k]!;
      if (ch === 'r') goal = 'reboot';
      else if (ch === 'h') goal = goal === 'poweroff' ? 'poweroff' : 'halt';
      else if (ch === 'H') goal = 'halt';
      else if (ch === 'P') goal = 'poweroff';
      else if (ch === 'c') cancel = true;
      else if (ch === 'k') warnOnly = true;
      else if ('anfFy'.includes(ch)) continue;
      else if (ch === 't' || ch === 'i' || ch === 'g') {
        if (k + 1 === letters.length) i++;
        break;
      } else return suggest(`invalid option: -${ch}`);
    }
  }

  if (!cancel && rest.length === 0) {
    if (el5) {
      err('Usage:\t  shutdown [-akrhPHfFnc] [-t secs] time [warning message]\n');
      return 1;
    }
    return suggest('time expected');
  }
  let delay = 0;
  let message = '';
  if (!cancel) {
    const when = rest.shift()!;
    if (when === 'now') delay = 0;
    else if (when.includes(':')) {
      const m = /^(\d*):(\d*)$/.exec(when);
      const hours = m ? Number(m[1] || 0) : NaN;
      const mins = m ? Number(m[2] || 0) : NaN;
      if (!m || hours > 23) return suggest('illegal hour value');
      if (mins > 59) return suggest('illegal minute value');
      const t = toLocal(ctx.host.now());
      delay = hours * 60 + mins - (t.hour * 60 + t.minute);
      if (delay < 0) delay += 1440;
    } else {
      const m = /^\+?(\d+)$/.exec(when);
      if (!m) return suggest('illegal time value');
      delay = Number(m[1]);
    }
  }
  if (rest.length) message = rest.join(' ') + ' \r\n';

  if (ctx.fs.cred.uid !== 0) {
    err(el5 ? `${prog}: you must be root to do that!\n` : `${prog}: Need to be root\n`);
    return 1;
  }

  const running = runningShutdown(ctx);
  if (cancel) {
    if (!running) return suggest('Cannot find pid of running shutdown');
    ctx.host.procs.kill(running, SIGINT, 0);
    if (message) wall(ctx, message);
    return 0;
  }
  if (running) {
    err(`${prog}: Another shutdown is already running\n`);
    return 1;
  }

  wall(ctx, `\r${warningText(goal, delay, el5)}\r\n${message}`);
  if (warnOnly && delay === 0) return 0;
  if (delay === 0) {
    goDown(ctx, goal);
    return 0;
  }

  try {
    ctx.fs.writeFile(PID_FILE, `${ctx.proc.pid}\n`);
  } catch {
    // upstart warns and goes on
  }
  try {
    while (delay > 0) {
      await waitMinute(ctx);
      delay--;
      if (delay <= 5) {
        try {
          ctx.fs.writeFile('/etc/nologin', `\r${warningText(goal, delay, el5)}\r\n${message}`);
        } catch {
          // ignore
        }
      }
      const warn = delay < 10 || (delay < 60 && delay % 15 === 0) || (delay < 180 && delay % 30 === 0) || delay % 60 === 0;
      if (warn) wall(ctx, `\r${warningText(goal, delay, el5)}\r\n${message}`);
    }
  } catch (e) {
    if (e instanceof Interrupted && (e.signal === SIGINT || e.signal === SIGQUIT || e.signal === SIGTERM)) {
      err(`${prog}: Shutdown cancelled\n`);
      removeQuietly(ctx, PID_FILE);
      removeQuietly(ctx, '/etc/nologin');
      return 0;
    }
    throw e;
  }
  removeQuietly(ctx, PID_FILE);
  removeQuietly(ctx, '/etc/nologin');
  if (warnOnly) return 0;
  goDown(ctx, goal);
  return 0;
};

function waitMinute(ctx: ProgramContext): Promise<void> {
  return sleepFor(ctx.proc, ctx.host.lab.scheduler, 60_000);
}

function runningShutdown(ctx: ProgramContext): number | null {
  try {
    const text = ctx.fs.readFile(PID_FILE);
    const pid = parseInt(text, 10);
    const p = Number.isNaN(pid) ? undefined : ctx.host.procs.get(pid);
    return p && p.alive ? pid : null;
  } catch {
    return null;
  }
}

function removeQuietly(ctx: ProgramContext, path: string): void {
  try {
    ctx.fs.unlink(path);
  } catch {
    // already gone
  }
}
