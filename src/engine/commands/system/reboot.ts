import type { Program, ProgramContext } from '../../proc/program';
import { basename } from '../../fs/path';
import { goDown, wall, warningText, type Goal } from './power';

/**
 * reboot, halt and poweroff: one program, as upstart 0.6.5 (RHEL 6) and sysvinit 2.86 (RHEL 5)
 * ship it. Outside runlevels 0 and 6 and without -f it does what `shutdown -r|-h now` does:
 * the broadcast on the console, then the host goes down and boots again.
 */
function powerProgram(defaultGoal: 'reboot' | 'halt' | 'poweroff'): Program {
  return async (ctx) => {
    const el5 = ctx.host.profile.release === 'el5';
    const prog = basename(ctx.argv[0] ?? defaultGoal);
    let goal: Goal = defaultGoal;
    let force = false;
    let wtmpOnly = false;
    const args = ctx.argv.slice(1);
    for (const a of args) {
      if (el5) {
        if (!/^-[nwdfihp]+$/.test(a)) return el5Usage(ctx, prog);
        for (const ch of a.slice(1)) {
          if (ch === 'f') force = true;
          else if (ch === 'w') wtmpOnly = true;
          else if (ch === 'p' && goal === 'halt') goal = 'poweroff';
        }
        continue;
      }
      if (a === '--help') {
        ctx.stdout.write(`Usage: ${prog} [OPTION]...\nSend a signal to init to shut down or reboot the machine.\n\n`);
        return 0;
      }
      if (a === '--version') {
        ctx.stdout.write(`${prog} (upstart 0.6.5)\n`);
        return 0;
      }
      if (a === '-f' || a === '--force') force = true;
      else if (a === '-w' || a === '--wtmp-only') wtmpOnly = true;
      else if (a === '-p') goal = 'poweroff';
      else if (a === '-n' || a === '--no-sync' || a === '-d' || a === '-i' || a === '-h' || a === '--no-wtmp' || a === '--no-wall') continue;
      else {
        ctx.stderr.write(`${prog}: invalid option: ${a}\nTry \`${prog} --help' for more information.\n`);
        return 1;
      }
    }
    if (ctx.fs.cred.uid !== 0) {
      ctx.stderr.write(el5 ? `${prog}: must be superuser.\n` : `${prog}: Need to be root\n`);
      return 1;
    }
    if (wtmpOnly) return 0;
    const level = ctx.host.services.runlevel;
    if (!force && level !== 0 && level !== 6) {
      wall(ctx, `\r${warningText(goal, 0, el5)}\r\n`);
      goDown(ctx, goal);
      return 0;
    }
    goDown(ctx, goal, false);
    return 0;
  };
}

function el5Usage(ctx: ProgramContext, prog: string): number {
  ctx.stderr.write(
    `usage: ${prog} [-n] [-w] [-d] [-f] [-h] [-i]${prog === 'halt' || prog === 'poweroff' ? ' [-p]' : ''}\n` +
      '\t-n: don\'t sync before halting the system\n' +
      '\t-w: only write a wtmp reboot record and exit.\n' +
      '\t-d: don\'t write a wtmp record.\n' +
      '\t-f: force halt/reboot, don\'t call shutdown.\n' +
      '\t-h: put harddisks in standby mode.\n' +
      '\t-i: shut down all network interfaces.\n' +
      (prog === 'halt' || prog === 'poweroff' ? '\t-p: power down the system (if possible, otherwise halt).\n' : ''),
  );
  return 1;
}

export const reboot = powerProgram('reboot');
export const halt = powerProgram('halt');
export const poweroff = powerProgram('poweroff');
