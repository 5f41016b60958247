import type { Program, ProgramContext } from '../../proc/program';
import { MONTHS, pad2 } from '../../util/clock';
import { getopt, progName } from './common';
import { DENVER, breakDown } from './date';
import { sessions } from './who';

/** procps' first line: ` 11:25:00 up 5 min,  1 user,  load average: 0.00, 0.00, 0.00`. */
export function uptimeLine(ctx: ProgramContext, users: number): string {
  const now = ctx.host.now();
  const t = breakDown(now, DENVER);
  let s = ` ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} up `;
  const up = Math.max(0, Math.floor((now - ctx.host.bootTime) / 1000));
  const days = Math.floor(up / 86400);
  if (days) s += `${days} day${days !== 1 ? 's' : ''}, `;
  const mins = Math.floor(up / 60) % 60;
  const hours = Math.floor(up / 3600) % 24;
  s += hours ? `${String(hours).padStart(2)}:${pad2(mins)}, ` : `${mins} min, `;
  s += `${String(users).padStart(2)} user${users === 1 ? '' : 's'}, `;
  s += ' load average: 0.00, 0.00, 0.00';
  return s;
}

/** w(1), procps: who is logged in and what they are doing. */
export const w: Program = async (ctx) => {
  const prog = progName(ctx, 'w');
  const p = getopt(ctx, prog, ctx.argv.slice(1), { short: 'hlusfV' });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    ctx.stderr.write(
      'usage: w -hlsufV [user]\n' +
        '    -h    skip header\n    -l    long listing (default)\n    -s    short listing\n' +
        '    -u    ignore uid of processes\n    -f    toggle FROM field (default on)\n' +
        '    -i    display IP address instead of hostname (if possible)\n    -V    display version\n',
    );
    return 1;
  }
  const f = new Set(p.opts.map((o) => o.key));
  if (f.has('V')) {
    ctx.stdout.write('procps version 3.2.8\n');
    return 0;
  }
  let list = sessions(ctx);
  const who = p.operands[0];
  if (who !== undefined) list = list.filter((s) => s.user === who);
  const short = f.has('s');
  const from = !f.has('f');
  let out = '';
  if (!f.has('h')) {
    out += uptimeLine(ctx, sessions(ctx).length) + '\n';
    out += 'USER     TTY      ' + (from ? 'FROM             ' : '') + (short ? ' IDLE WHAT\n' : ' LOGIN@   IDLE   JCPU   PCPU WHAT\n');
  }
  const h = ctx.host;
  for (const s of list) {
    // WHAT: the terminal's foreground job, else the newest job, else the login shell itself.
    const onTty = h.procs.list().filter((pr) => pr.tty === s.line);
    const jobs = onTty.filter((pr) => pr.pid !== s.pid);
    const fg = h.console.foregroundPgid;
    let shown = jobs.find((pr) => pr.pgid === fg && pr.pid === pr.pgid);
    if (!shown && jobs.length) {
      const newest = Math.max(...jobs.map((pr) => pr.startTime));
      const latest = jobs.filter((pr) => pr.startTime === newest);
      shown = latest.find((pr) => pr.pid === pr.pgid) ?? latest[0];
    }
    shown ??= onTty.find((pr) => pr.pid === s.pid);
    const what = shown ? shown.args.join(' ') : '-';
    const lt = breakDown(s.login, DENVER);
    const now = breakDown(h.now(), DENVER);
    const login =
      h.now() - s.login > 86400_000
        ? `${pad2(lt.day)}${MONTHS[lt.month]}${pad2(lt.year % 100)}`
        : lt.day !== now.day
          ? `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][lt.weekday]}${pad2(lt.hour % 12 || 12)}${lt.hour < 12 ? 'am' : 'pm'}`
          : `${pad2(lt.hour)}:${pad2(lt.minute)}`;
    out += s.user.padEnd(8) + ' ' + s.line.padEnd(8) + ' ' + (from ? (s.host || '-').padEnd(16) + ' ' : '');
    out += short ? ' 0.00s ' + what + '\n' : login.padEnd(7) + '  0.00s  0.00s  0.00s ' + what + '\n';
  }
  ctx.stdout.write(out);
  return 0;
};
