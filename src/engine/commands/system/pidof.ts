import type { Program } from '../../proc/program';
import { matchesProgram, procExtra } from '../../services/daemon';

/**
 * pidof of sysvinit (2.87 on RHEL 6, 2.86 on RHEL 5): the pids of the processes running each
 * program, highest first, on one line; exit 1 when none. Options: -s (one pid), -c, -x,
 * -o PID[,PID...] (%PPID: pidof's parent).
 */
export const pidof: Program = async (ctx) => {
  const el5 = ctx.host.profile.release === 'el5';
  const args = ctx.argv.slice(1);
  let single = false;
  const omit = new Set<number>();
  const names: string[] = [];
  let i = 0;
  const bad = (text: string): number => {
    ctx.stderr.write(text);
    ctx.host.syslog.log('daemon', 'pidof', ctx.proc.pid, 'invalid options on command line!');
    return 1;
  };
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let k = 1; k < a.length; k++) {
      const ch = a[k]!;
      if (ch === 's') single = true;
      else if (ch === 'c' || ch === 'x' || ch === 'h') continue;
      else if (ch === 'o') {
        let value = a.slice(k + 1);
        if (value === '') {
          if (i + 1 >= args.length) return bad(el5 ? 'pidof: option requires an argument -- o\n' : "pidof: option requires an argument -- 'o'\n");
          value = args[++i]!;
        }
        for (const item of value.split(',')) {
          if (item === '%PPID') omit.add(ctx.proc.ppid);
          else if (/^\d+$/.test(item)) omit.add(Number(item));
          else {
            ctx.host.syslog.log('daemon', 'pidof', ctx.proc.pid, `illegal omit pid value (${item})!`);
            return 1;
          }
        }
        break;
      } else return bad(el5 ? `pidof: invalid option -- ${ch}\n` : `pidof: invalid option -- '${ch}'\n`);
    }
  }
  names.push(...args.slice(i));
  const found: number[] = [];
  for (const name of names) {
    const procs = ctx.host.procs
      .list()
      .filter((p) => p.alive && !procExtra(p)?.kernel && p.pid !== ctx.proc.pid && matchesProgram(p, name))
      .sort((a, b) => b.pid - a.pid);
    for (const p of procs) {
      if (omit.has(p.pid)) continue;
      found.push(p.pid);
      if (single) break;
    }
  }
  if (found.length === 0) return 1;
  ctx.stdout.write(found.join(' ') + '\n');
  return 0;
};
