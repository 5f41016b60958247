import type { Program, ProgramContext } from '../../proc/program';
import { MONTHS, WEEKDAYS, pad2 } from '../../util/clock';
import { getopt, progName } from './common';
import { DENVER, breakDown } from './date';
import { sessions } from './who';

interface Record {
  user: string;
  line: string;
  host: string;
  start: number;
  end: number | null;
}

function stamp(ms: number): string {
  const t = breakDown(ms, DENVER);
  return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${String(t.day).padStart(2)} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

function fullStamp(ms: number): string {
  const t = breakDown(ms, DENVER);
  return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${String(t.day).padStart(2)} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.year}`;
}

/** The login history wtmp would hold: this boot and the console login since. */
function history(ctx: ProgramContext): Record[] {
  const h = ctx.host;
  const recs: Record[] = sessions(ctx).map((s) => ({ user: s.user, line: s.line, host: '', start: s.login, end: null }));
  recs.push({ user: 'reboot', line: 'system boot', host: h.profile.kernel, start: h.bootTime, end: h.now() });
  return recs;
}

/** last(1), sysvinit-tools: the login history, newest first. */
export const last: Program = async (ctx) => {
  const prog = progName(ctx, 'last');
  const p = getopt(ctx, prog, ctx.argv.slice(1), { short: 'f:n:RxadiowFt:0123456789', permute: true });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    ctx.stderr.write(
      'Usage: last [-num | -n num] [-f file] [-t YYYYMMDDHHMMSS] [-R] [-adioxFw] [username..] [tty..]\n',
    );
    return 1;
  }
  let limit = Infinity;
  let digits = '';
  for (const o of p.opts) {
    if (/^\d$/.test(o.key)) digits += o.key;
    else if (o.key === 'n') limit = Number(o.value);
  }
  if (digits) limit = Number(digits);
  const want = p.operands;
  const recs = history(ctx).filter(
    (r) => want.length === 0 || want.some((w) => w === r.user || w === r.line || 'tty' + w === r.line),
  );
  let out = '';
  for (const r of recs.slice(0, limit)) {
    let logout: string;
    let length: string;
    if (r.end === null) {
      logout = '  still';
      length = 'logged in';
    } else {
      const e = breakDown(r.end, DENVER);
      logout = `- ${pad2(e.hour)}:${pad2(e.minute)}`;
      const mins = Math.floor((r.end - r.start) / 60000);
      const days = Math.floor(mins / 1440);
      length = days ? `(${days}+${pad2(Math.floor(mins / 60) % 24)}:${pad2(mins % 60)})` : ` (${pad2(Math.floor(mins / 60))}:${pad2(mins % 60)})`;
    }
    out += `${r.user.slice(0, 8).padEnd(8)} ${r.line.slice(0, 12).padEnd(12)} ${r.host.slice(0, 16).padEnd(16)} ${stamp(r.start)} ${logout.slice(0, 7).padEnd(7)} ${length.slice(0, 12).padEnd(12)}\n`;
  }
  out += `\nwtmp begins ${fullStamp(ctx.host.bootTime)}\n`;
  ctx.stdout.write(out);
  return 0;
};
