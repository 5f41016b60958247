/**
 * Shared by reboot, halt, poweroff, shutdown and init: the wall broadcast that shutdown sends to
 * the logged-in terminals and the host going down. RHEL 6 has upstart 0.6.5's shutdown, RHEL 5
 * sysvinit 2.86's; their banners differ.
 */
import type { ProgramContext } from '../../proc/program';
import { dateDefault, pad2, toLocal } from '../../util/clock';

export type Goal = 'reboot' | 'halt' | 'poweroff' | 'maintenance';

/** What shutdown's warning calls the goal. */
export function goalWord(goal: Goal, el5: boolean): string {
  if (el5) return goal === 'reboot' ? 'reboot' : goal === 'maintenance' ? 'maintenance' : 'system halt';
  return goal === 'poweroff' ? 'power off' : goal;
}

/** The warning line: NOW / IN ONE MINUTE / in N minutes. */
export function warningText(goal: Goal, minutes: number, el5: boolean): string {
  const word = goalWord(goal, el5);
  if (el5) {
    const to = goal === 'maintenance' ? 'to maintenance mode' : `for ${word}`;
    if (minutes > 1) return `The system is going DOWN ${to} in ${minutes} minutes!`;
    if (minutes === 1) return `The system is going DOWN ${to} in 1 minute!`;
    return `The system is going down ${to} NOW!`;
  }
  if (minutes > 1) return `The system is going down for ${word} in ${minutes} minutes!`;
  if (minutes === 1) return `The system is going down for ${word} IN ONE MINUTE!`;
  return `The system is going down for ${word} NOW!`;
}

/** Sends a wall message to the terminals of logged-in users (here: the console). */
export function wall(ctx: ProgramContext, lines: string): void {
  const host = ctx.host;
  const el5 = host.profile.release === 'el5';
  const user = host.users.userName(ctx.fs.cred.uid);
  const ttyName = ctx.stdin.isTTY && ctx.tty ? ctx.tty.name : null;
  let banner: string;
  if (el5) {
    const stamp = dateDefault(host.now()).replace(/ [A-Z]{3} (\d+)$/, ' $1');
    banner = `\x07\r\nBroadcast message from ${user} (${ttyName ?? 'unknown'}) (${stamp}):\r\n\r\n`;
  } else {
    const t = toLocal(host.now());
    banner = `\x07\r\nBroadcast message from ${user}@${host.hostname}\r\n\t(${ttyName ? `/dev/${ttyName}` : 'unknown'}) at ${t.hour}:${pad2(t.minute)} ...\r\n\r\n`;
  }
  host.console.write(banner + lines);
}

/** init takes the host down: services stop, processes die, it boots again. */
export function goDown(ctx: ProgramContext, goal: Goal, log = true): void {
  const host = ctx.host;
  if (log) {
    const what = goal === 'reboot' ? 'reboot' : goal === 'maintenance' ? 'maintenance' : 'halt';
    host.syslog.log('user', 'shutdown', ctx.proc.pid, `shutting down for system ${what}`);
  }
  if (goal === 'maintenance') {
    host.services.changeRunlevel(1);
    return;
  }
  // The lab has no power switch: a halted host comes back as if someone pressed it.
  host.reboot();
}
