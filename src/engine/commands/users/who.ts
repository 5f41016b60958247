import type { Program, ProgramContext } from '../../proc/program';
import { pad2 } from '../../util/clock';
import { coreutilsHelpTail, coreutilsVersion, getopt, progName, q, tryHelp } from './common';
import { DENVER, breakDown, zoneFromTz } from './date';

/** The login sessions utmp would list: the console's root login on tty1 (su makes none). */
export interface Session {
  user: string;
  line: string;
  host: string;
  login: number;
  pid: number;
}

export function sessions(ctx: ProgramContext): Session[] {
  const h = ctx.host;
  const shell = h.procs.list().find((p) => p.tty === h.console.name && p.ppid === 1 && p.comm.startsWith('-'));
  if (!shell) return [];
  return [{ user: h.users.userName(shell.cred.uid), line: h.console.name, host: '', login: shell.startTime, pid: shell.pid }];
}

/** `2014-04-26 11:25` in the caller's zone, as who prints times. */
export function whoTime(ctx: ProgramContext, ms: number): string {
  const t = breakDown(ms, ctx.env.TZ === undefined ? DENVER : zoneFromTz(ctx.env.TZ));
  return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** who(1), coreutils: who is logged in. */
export const who: Program = async (ctx) => {
  const prog = progName(ctx, 'who');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'abdlmpqrstuwHT',
    long: [
      { name: 'all', arg: 'none', key: 'a' },
      { name: 'boot', arg: 'none', key: 'b' },
      { name: 'count', arg: 'none', key: 'q' },
      { name: 'dead', arg: 'none', key: 'd' },
      { name: 'heading', arg: 'none', key: 'H' },
      { name: 'login', arg: 'none', key: 'l' },
      { name: 'lookup', arg: 'none', key: 'lookup' },
      { name: 'message', arg: 'none', key: 'T' },
      { name: 'mesg', arg: 'none', key: 'T' },
      { name: 'writable', arg: 'none', key: 'T' },
      { name: 'process', arg: 'none', key: 'p' },
      { name: 'runlevel', arg: 'none', key: 'r' },
      { name: 'short', arg: 'none', key: 's' },
      { name: 'time', arg: 'none', key: 't' },
      { name: 'users', arg: 'none', key: 'u' },
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return 1;
  }
  const f = new Set<string>();
  for (const o of p.opts) {
    if (o.key === 'help') {
      ctx.stdout.write(
        `Usage: ${prog} [OPTION]... [ FILE | ARG1 ARG2 ]\nPrint information about users who are currently logged in.\n\n` +
          '  -a, --all         same as -b -d --login -p -r -t -T -u\n' +
          '  -b, --boot        time of last system boot\n' +
          '  -d, --dead        print dead processes\n' +
          '  -H, --heading     print line of column headings\n' +
          '  -l, --login       print system login processes\n' +
          '      --lookup      attempt to canonicalize hostnames via DNS\n' +
          '  -m                only hostname and user associated with stdin\n' +
          '  -p, --process     print active processes spawned by init\n' +
          '  -q, --count       all login names and number of users logged on\n' +
          '  -r, --runlevel    print current runlevel\n' +
          '  -s, --short       print only name, line, and time (default)\n' +
          '  -t, --time        print last system clock change\n' +
          "  -T, -w, --mesg    add user's message status as +, - or ?\n" +
          '  -u, --users       list users logged in\n' +
          '      --message     same as -T\n' +
          '      --writable    same as -T\n' +
          '      --help     display this help and exit\n' +
          '      --version  output version information and exit\n\n' +
          'If FILE is not specified, use /var/run/utmp.  /var/log/wtmp as FILE is common.\n' +
          "If ARG1 ARG2 given, -m presumed: `am i' or `mom likes' are usual.\n" +
          coreutilsHelpTail(ctx, 'who'),
      );
      return 0;
    }
    if (o.key === 'version') {
      ctx.stdout.write(coreutilsVersion(ctx, 'who', 'Joseph Arceneaux, David MacKenzie, and Michael Stone'));
      return 0;
    }
    f.add(o.key === 'w' ? 'T' : o.key);
  }
  if (p.operands.length > 2) {
    ctx.stderr.write(`${prog}: extra operand ${q(p.operands[2]!)}\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  if (p.operands.length === 2) f.add('m');
  if (f.has('a')) for (const k of 'bdlprtTu') f.add(k);
  let list = sessions(ctx);
  if (f.has('m')) {
    const mine = ctx.stdin.isTTY && ctx.tty ? ctx.tty.name : null;
    list = list.filter((s) => s.line === mine);
  }
  if (f.has('q')) {
    ctx.stdout.write(list.map((s) => s.user).join(' ') + `\n# users=${list.length}\n`);
    return 0;
  }
  const line = (name: string, mesg: string | null, ln: string, time: string, idle: string | null, pid: string | null, comment: string): string => {
    let s = name.padEnd(8);
    if (f.has('T')) s += ' ' + (mesg ?? ' ');
    s += ' ' + ln.padEnd(12) + ' ' + time.padEnd(16);
    if (idle !== null) s += ' ' + idle.padEnd(6);
    if (pid !== null) s += ' ' + pid.padStart(10);
    s += ' ' + comment;
    return s.replace(/\s+$/, '') + '\n';
  };
  const showUsers = f.has('u');
  let out = '';
  if (f.has('H')) out += line('NAME', 'S', 'LINE', 'TIME', showUsers ? 'IDLE' : null, showUsers ? 'PID' : null, 'COMMENT');
  const onlyDefault = !['b', 'd', 'l', 'p', 'r', 't', 'u'].some((k) => f.has(k));
  if (f.has('b')) out += line('', null, 'system boot', whoTime(ctx, ctx.host.bootTime), null, null, '');
  if (f.has('r')) out += line('', null, 'run-level 3', whoTime(ctx, ctx.host.bootTime), showUsers ? '' : null, showUsers ? '' : null, 'last=S');
  if (onlyDefault || showUsers) {
    for (const s of list) {
      out += line(s.user, '+', s.line, whoTime(ctx, s.login), showUsers ? '  .' : null, showUsers ? String(s.pid) : null, s.host ? `(${s.host})` : '');
    }
  }
  ctx.stdout.write(out);
  return 0;
};
