import type { Program } from '../../proc/program';
import type { Facility } from '../../syslog/syslog';
import { getopt, loginName, progName } from './common';

const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp'];
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const LEVEL_ALIASES: Record<string, string> = { panic: 'emerg', error: 'err', warn: 'warning' };

/** Parses -p's FACILITY.LEVEL (names or numbers); returns an error message or the parts. */
function parsePriority(text: string): { facility: string; level: number } | { error: string } {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return { facility: FACILITIES[n >> 3] ?? 'user', level: n & 7 };
  }
  const dot = text.indexOf('.');
  const fac = dot >= 0 ? text.slice(0, dot) : 'user';
  const lev = dot >= 0 ? text.slice(dot + 1) : text;
  let facility = fac.toLowerCase();
  if (facility === 'security') facility = 'auth';
  if (!FACILITIES.includes(facility) && !/^local[0-7]$/.test(facility)) return { error: `unknown facility name: ${fac}.` };
  const l = LEVEL_ALIASES[lev.toLowerCase()] ?? lev.toLowerCase();
  const level = LEVELS.indexOf(l);
  if (level < 0) return { error: `unknown priority name: ${lev}.` };
  return { facility, level };
}

/**
 * logger(1), util-linux-ng 2.17: puts a message into the system log. rsyslog as RHEL configures
 * it sends mail.* to maillog, authpriv.* to secure and other messages of info or above to
 * messages; debug messages of other facilities are not kept.
 */
export const logger: Program = async (ctx) => {
  const prog = progName(ctx, 'logger');
  const p = getopt(ctx, prog, ctx.argv.slice(1), { short: 'isf:p:t:u:d' });
  const usage = (): number => {
    ctx.stderr.write('usage: logger [-is] [-f file] [-p pri] [-t tag] [-u socket] [ message ... ]\n');
    return 1;
  };
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    return usage();
  }
  let withPid = false;
  let toStderr = false;
  let file: string | null = null;
  let tag: string | null = null;
  let facility = 'user';
  let level = 5;
  for (const o of p.opts) {
    switch (o.key) {
      case 'i': withPid = true; break;
      case 's': toStderr = true; break;
      case 'f': file = o.value; break;
      case 't': tag = o.value; break;
      case 'd':
      case 'u':
        break;
      case 'p': {
        const r = parsePriority(o.value ?? '');
        if ('error' in r) {
          ctx.stderr.write(`${prog}: ${r.error}\n`);
          return 1;
        }
        facility = r.facility;
        level = r.level;
        break;
      }
    }
  }
  if (tag === null) tag = loginName(ctx) ?? ctx.host.users.getpwuid(ctx.fs.cred.uid)?.name ?? '';
  // Programs cannot log as the kernel: syslog(3) turns kern into user.
  if (facility === 'kern') facility = 'user';
  const send = (msg: string): void => {
    if (toStderr) ctx.stderr.write(`${tag}${withPid ? `[${ctx.proc.pid}]` : ''}: ${msg}\n`);
    const kept = facility === 'mail' || facility === 'authpriv' || level <= 6;
    if (!kept) return;
    const target: Facility =
      facility === 'mail' || facility === 'authpriv' || facility === 'auth' || facility === 'daemon' || facility === 'cron' ? (facility as Facility) : 'user';
    ctx.host.syslog.log(target, tag!, withPid ? ctx.proc.pid : null, msg);
  };
  if (p.operands.length > 0) {
    send(p.operands.join(' '));
    return 0;
  }
  if (file !== null) {
    let text: string;
    try {
      text = ctx.fs.readFile(file);
    } catch (e) {
      ctx.stderr.write(`${prog}: ${file}: ${e instanceof Error ? e.message : String(e)}.\n`);
      return 1;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) send(line);
    return 0;
  }
  for (;;) {
    const line = await ctx.stdin.readLine();
    if (line === null) break;
    send(line);
  }
  return 0;
};
