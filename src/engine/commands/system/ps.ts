import type { Program, ProgramContext } from '../../proc/program';
import type { Host } from '../../host/host';
import { MONTHS, pad2, toLocal, WEEKDAYS } from '../../util/clock';
import { memTotal, psProcesses, type PsProc } from './psinfo';

/**
 * ps of procps 3.2.8 (RHEL 6; 3.2.7 on RHEL 5, same behaviour here). The three syntaxes are
 * parsed as procps does: first as UNIX options; when that fails, again as BSD options with the
 * "bad ps syntax" warning (`ps -aux`); when both fail, `ERROR: ...` and the help text. Columns
 * are laid out with procps's algorithm (a column that overflows pushes the next ones right,
 * the last one is cut at the screen width on a terminal, unlimited into a pipe).
 */

// ---- format specifiers ---------------------------------------------------------------------------

type Just = 'L' | 'R' | 'U' | 'W' | 'X'; // left, right, user, wchan, unlimited

interface Ctx {
  host: Host;
  now: number;
  unixF: boolean;
  bsdC: boolean;
  userIsNumber: boolean;
  wchanIsNumber: boolean;
  forestPrefix: string;
  forestType: string;
}

type Printer = (p: PsProc, c: Ctx, room: number) => string;

interface Spec {
  head: string;
  width: number;
  just: Just;
  pr: Printer | null; // null: pr_nop ("-")
  pidmax?: boolean;
}

const userName = (c: Ctx, uid: number, room: number): string => {
  if (!c.userIsNumber) {
    const name = c.host.users.userName(uid);
    if (name.length <= room) return name;
  }
  return String(uid);
};

const groupName = (c: Ctx, gid: number, room: number): string => {
  if (!c.userIsNumber) {
    const name = c.host.users.groupName(gid);
    if (name.length <= room) return name;
  }
  return String(gid);
};

function forestText(c: Ctx): string {
  let s = '';
  for (const ch of c.forestPrefix) {
    if (c.forestType === 'u') s += '  ';
    else s += ch === ' ' ? '    ' : ch === '|' ? ' |  ' : ' \\_ ';
  }
  return s;
}

function commandText(p: PsProc, c: Ctx, room: number, long: boolean): string {
  let text: string;
  if (long && p.args.length > 0) text = p.args.join(' ');
  else if (long) text = `[${p.comm}]`;
  else text = p.comm;
  if (p.state === 'Z') text += ' <defunct>';
  text = forestText(c) + text;
  return room < text.length ? text.slice(0, Math.max(0, room)) : text;
}

function hhmm(ms: number): string {
  const t = toLocal(ms);
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
}

function stime(p: PsProc, c: Ctx): string {
  const now = toLocal(c.now);
  const t = toLocal(p.start);
  if (now.year !== t.year) return String(t.year);
  if (now.month !== t.month || now.day !== t.day) return `${MONTHS[t.month]}${pad2(t.day)}`;
  return hhmm(p.start);
}

function ctimeText(ms: number): string {
  const t = toLocal(ms);
  const day = t.day < 10 ? ' ' + t.day : String(t.day);
  return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${day} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.year}`;
}

function etime(p: PsProc, c: Ctx): string {
  let t = Math.max(0, Math.floor((c.now - p.start) / 1000));
  const ss = t % 60;
  t = Math.floor(t / 60);
  const mm = t % 60;
  t = Math.floor(t / 60);
  const hh = t % 24;
  const dd = Math.floor(t / 24);
  return (dd ? `${dd}-` : '') + (dd || hh ? `${pad2(hh)}:` : '') + `${pad2(mm)}:${pad2(ss)}`;
}

function stat(p: PsProc): string {
  let s = p.state;
  if (p.nice < 0) s += '<';
  if (p.nice > 0) s += 'N';
  if (p.sid === p.pid) s += 's';
  if (p.nlwp > 1) s += 'l';
  if (p.pgid === p.tpgid) s += '+';
  return s;
}

const pri = (p: PsProc): number => 20 + p.nice;

const S = (head: string, width: number, just: Just, pr: Printer | null, pidmax = false): Spec => ({ head, width, just, pr, pidmax });

const prArgs: Printer = (p, c, room) => commandText(p, c, room, !c.bsdC);
const prComm: Printer = (p, c, room) => commandText(p, c, room, c.unixF);
const prTty: Printer = (p) => p.tty ?? '?';
const prTime: Printer = () => '00:00:00';
const prBsdTime: Printer = () => '  0:00';
const prPcpu: Printer = () => '0.0';
const prPmem: Printer = (p, c) => {
  const v = Math.min(999, Math.floor((p.rss * 1000) / memTotal(c.host)));
  return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`;
};
const prEuser: Printer = (p, c, room) => userName(c, p.uid, room);
const prEgroup: Printer = (p, c, room) => groupName(c, p.gid, room);
const prStime: Printer = (p, c) => stime(p, c);

const SPECS: Record<string, Spec> = {
  '%cpu': S('%CPU', 4, 'R', prPcpu),
  '%mem': S('%MEM', 4, 'R', prPmem),
  args: S('COMMAND', 27, 'X', prArgs),
  atime: S('TIME', 8, 'R', prTime),
  blocked: S('BLOCKED', 9, 'R', () => '00000000'),
  bsdstart: S('START', 6, 'R', (p, c) => (c.now - p.start > 86400_000 ? ctimeText(p.start).slice(4, 10) : ' ' + hhmm(p.start))),
  bsdtime: S('TIME', 6, 'R', prBsdTime),
  c: S('C', 2, 'R', () => ' 0'),
  caught: S('CAUGHT', 9, 'R', () => '00000000'),
  class: S('CLS', 3, 'L', () => 'TS'),
  cls: S('CLS', 3, 'R', () => 'TS'),
  cmd: S('CMD', 27, 'X', prArgs),
  comm: S('COMMAND', 15, 'X', prComm),
  command: S('COMMAND', 27, 'X', prArgs),
  cputime: S('TIME', 8, 'R', prTime),
  egid: S('EGID', 5, 'R', (p) => String(p.gid)),
  egroup: S('EGROUP', 8, 'U', prEgroup),
  etime: S('ELAPSED', 11, 'R', (p, c) => etime(p, c)),
  euid: S('EUID', 5, 'R', (p) => String(p.uid)),
  euser: S('EUSER', 8, 'U', prEuser),
  f: S('F', 1, 'R', (p) => ((p.flags >> 6) & 7).toString(8)),
  fgid: S('FGID', 5, 'R', (p) => String(p.gid)),
  fgroup: S('FGROUP', 8, 'U', prEgroup),
  flag: S('F', 1, 'R', (p) => ((p.flags >> 6) & 7).toString(8)),
  flags: S('F', 1, 'R', (p) => ((p.flags >> 6) & 7).toString(8)),
  fname: S('COMMAND', 8, 'L', (p) => p.comm.slice(0, 8)),
  fuid: S('FUID', 5, 'R', (p) => String(p.uid)),
  fuser: S('FUSER', 8, 'U', prEuser),
  gid: S('GID', 5, 'R', (p) => String(p.gid)),
  group: S('GROUP', 8, 'U', prEgroup),
  ignored: S('IGNORED', 9, 'R', () => '00000000'),
  intpri: S('PRI', 3, 'R', (p) => String(60 + pri(p))),
  lstart: S('STARTED', 24, 'R', (p) => ctimeText(p.start)),
  lwp: S('LWP', 5, 'R', (p) => String(p.pid), true),
  ni: S('NI', 3, 'R', (p) => String(p.nice)),
  nice: S('NI', 3, 'R', (p) => String(p.nice)),
  nlwp: S('NLWP', 4, 'R', (p) => String(p.nlwp)),
  nwchan: S('WCHAN', 6, 'R', (p) => (p.wchan === '-' ? '-' : 'c04d3a')),
  opri: S('PRI', 3, 'R', (p) => String(60 + pri(p))),
  pcpu: S('%CPU', 4, 'R', prPcpu),
  pending: S('PENDING', 9, 'R', () => '00000000'),
  pgid: S('PGID', 5, 'R', (p) => String(p.pgid), true),
  pgrp: S('PGRP', 5, 'R', (p) => String(p.pgid), true),
  pid: S('PID', 5, 'R', (p) => String(p.pid), true),
  pmem: S('%MEM', 4, 'R', prPmem),
  policy: S('POL', 3, 'L', () => 'TS'),
  ppid: S('PPID', 5, 'R', (p) => String(p.ppid), true),
  pri: S('PRI', 3, 'R', (p) => String(39 - pri(p))),
  priority: S('PRI', 3, 'R', (p) => String(pri(p))),
  psr: S('PSR', 3, 'R', () => '0'),
  rgid: S('RGID', 5, 'R', (p) => String(p.gid)),
  rgroup: S('RGROUP', 8, 'U', prEgroup),
  rss: S('RSS', 5, 'R', (p) => String(p.rss)),
  rssize: S('RSS', 5, 'R', (p) => String(p.rss)),
  rsz: S('RSZ', 5, 'R', (p) => String(p.rss)),
  rtprio: S('RTPRIO', 6, 'R', () => '-'),
  ruid: S('RUID', 5, 'R', (p) => String(p.uid)),
  ruser: S('RUSER', 8, 'U', prEuser),
  s: S('S', 1, 'L', (p) => p.state),
  sched: S('SCH', 3, 'R', () => '0'),
  sess: S('SESS', 5, 'R', (p) => String(p.sid), true),
  session: S('SESS', 5, 'R', (p) => String(p.sid), true),
  sgid: S('SGID', 5, 'R', (p) => String(p.gid)),
  sgroup: S('SGROUP', 8, 'U', prEgroup),
  sid: S('SID', 5, 'R', (p) => String(p.sid), true),
  sig: S('PENDING', 9, 'R', () => '00000000'),
  sigcatch: S('CAUGHT', 9, 'R', () => '00000000'),
  sigignore: S('IGNORED', 9, 'R', () => '00000000'),
  sigmask: S('BLOCKED', 9, 'R', () => '00000000'),
  size: S('SZ', 5, 'R', (p) => String(Math.floor(p.vsz / 2))),
  spid: S('SPID', 5, 'R', (p) => String(p.pid), true),
  start: S('STARTED', 8, 'R', (p, c) => (p.start + 86400_000 > c.now ? `${hhmm(p.start)}:${pad2(toLocal(p.start).second)}` : `  ${MONTHS[toLocal(p.start).month]} ${pad2(toLocal(p.start).day)}`)),
  start_time: S('START', 5, 'R', prStime),
  stat: S('STAT', 4, 'L', (p) => stat(p)),
  state: S('S', 1, 'L', (p) => p.state),
  stime: S('STIME', 5, 'R', prStime),
  suid: S('SUID', 5, 'R', (p) => String(p.uid)),
  suser: S('SUSER', 8, 'U', prEuser),
  svgid: S('SVGID', 5, 'R', (p) => String(p.gid)),
  svuid: S('SVUID', 5, 'R', (p) => String(p.uid)),
  sz: S('SZ', 5, 'R', (p) => String(Math.floor(p.vsz / 4))),
  thcount: S('THCNT', 5, 'R', (p) => String(p.nlwp)),
  tid: S('TID', 5, 'R', (p) => String(p.pid), true),
  time: S('TIME', 8, 'R', prTime),
  tname: S('TTY', 8, 'L', prTty),
  tpgid: S('TPGID', 5, 'R', (p) => String(p.tpgid), true),
  tt: S('TT', 8, 'L', prTty),
  tty: S('TT', 8, 'L', prTty),
  tty4: S('TTY', 4, 'L', (p) => (p.tty ?? '?').replace(/^tty/, '').slice(0, 4)),
  tty8: S('TTY', 8, 'L', prTty),
  ucmd: S('CMD', 15, 'X', prComm),
  ucomm: S('COMMAND', 15, 'X', prComm),
  uid: S('UID', 5, 'R', (p) => String(p.uid)),
  uid_hack: S('UID', 8, 'U', prEuser),
  uname: S('USER', 8, 'U', prEuser),
  user: S('USER', 8, 'U', prEuser),
  vsize: S('VSZ', 6, 'R', (p) => String(p.vsz)),
  vsz: S('VSZ', 6, 'R', (p) => String(p.vsz)),
  wchan: S('WCHAN', 6, 'W', (p, c) => (c.wchanIsNumber ? (p.wchan === '-' ? '-' : 'c04d3a') : p.wchan)),
  // accepted, shown as "-" (pr_nop), as procps does for fields Linux does not have
  addr: S('ADDR', 4, 'R', null),
  addr_1: S('ADDR', 1, 'L', null),
  cp: S('CP', 3, 'R', () => '  0'),
  cpu: S('CPU', 3, 'R', null),
  label: S('LABEL', 31, 'L', null),
  maj_flt: S('MAJFL', 6, 'R', () => '0'),
  majflt: S('MAJFLT', 6, 'R', () => '0'),
  min_flt: S('MINFL', 6, 'R', () => '0'),
  minflt: S('MINFLT', 6, 'R', () => '0'),
  tmout: S('TMOUT', 5, 'R', null),
};

/** Macro formats: a name standing for a list of specifiers. */
const MACROS: Record<string, string> = {
  OL_j: 'ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args',
  OL_l: 'flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args',
  OL_s: 'uid,pid,pending,sigmask,sigignore,caught,stat,tname,bsdtime,args',
  OL_u: 'user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args',
  OL_v: 'pid,tname,stat,bsdtime,maj_flt,m_trs,m_drs,rss,pmem,args',
  OL_X: 'pid,stackp,esp,eip,timeout,alarm,stat,tname,bsdtime,args',
  UFMT: 'uname,pid,pcpu,pmem,vsz,rss,tt,state,start,time,command',
  DFMT: 'pid,tname,state,cputime,cmd',
  DefBSD: 'pid,tname,stat,bsdtime,args',
  DefSysV: 'pid,tname,time,cmd',
  Std_f: 'uid_hack,pid,ppid,c,stime,tname,time,cmd',
  Std_fl: 'f,s,uid_hack,pid,ppid,c,opri,ni,addr,sz,wchan,stime,tname,time,cmd',
  Std_l: 'f,s,uid,pid,ppid,c,opri,ni,addr,sz,wchan,tname,time,ucmd',
};

for (const [k, v] of Object.entries({ m_trs: 'TRS', m_drs: 'DRS', stackp: 'STACKP', esp: 'ESP', eip: 'EIP', timeout: 'TMOUT', alarm: 'ALARM' })) {
  SPECS[k] = S(v, k === 'stackp' || k === 'esp' || k === 'eip' ? 8 : 5, 'R', () => '0');
}

interface Col {
  name: string;
  width: number;
  just: Just;
  pr: Printer | null;
  spec: string;
}

/** do_one_spec: a column, the columns of a macro, or null. */
function oneSpec(spec: string, header: string | null): Col[] | null {
  const s = Object.prototype.hasOwnProperty.call(SPECS, spec) ? SPECS[spec] : undefined;
  if (s) {
    let w = s.width;
    if (s.pidmax) w = Math.max(5, s.head.length);
    if (header !== null) return [{ name: header, width: Math.max(w, header.length), just: s.just, pr: s.pr, spec }];
    return [{ name: s.head, width: w, just: s.just, pr: s.pr, spec }];
  }
  const m = Object.prototype.hasOwnProperty.call(MACROS, spec) ? MACROS[spec] : undefined;
  if (m) {
    const out: Col[] = [];
    for (const part of m.split(',')) {
      const c = oneSpec(part, header);
      if (c) out.push(...c);
    }
    return out;
  }
  return null;
}

/** format_parse: `pid,user:20,comm=NAME` → columns, or an error text. */
function parseFormat(text: string): Col[] | string {
  const items = text.split(/[ ,\t\n]/);
  if (items.length > 1 && items[items.length - 1] === '') items.pop();
  if (items.length === 0 || (items.length === 1 && items[0] === '')) return 'Empty format list.';
  if (items.some((i) => i === '')) return 'Improper format list.';
  const cols: Col[] = [];
  for (const item of items) {
    let spec = item;
    let header: string | null = null;
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      header = spec.slice(eq + 1);
      spec = spec.slice(0, eq);
    }
    let width: number | null = null;
    const colon = spec.indexOf(':');
    if (colon >= 0) {
      const w = spec.slice(colon + 1);
      spec = spec.slice(0, colon);
      if (!/^[1-9]\d*$/.test(w)) return 'Column widths must be unsigned decimal numbers.';
      width = Number(w);
    }
    const c = oneSpec(spec, header);
    if (!c) return `Unknown user-defined format specifier "${spec}".`;
    if (width !== null) {
      if (c.length > 1) return "Can't set width for a macro (multi-column) format specifier.";
      c[0]!.width = width;
    }
    cols.push(...c);
  }
  return cols;
}

// ---- options -----------------------------------------------------------------------------------

const SS_U_a = 1;
const SS_U_d = 2;
const SS_B_x = 4;
const SS_B_a = 8;
const SS_B_g = 16;

const FF_Uf = 1;
const FF_Ul = 2;
const FF_Bj = 4;
const FF_Bl = 8;
const FF_Bs = 16;
const FF_Bu = 32;
const FF_Bv = 64;
const FF_LX = 128;

const FM_F = 1;
const FM_y = 2;
const FM_j = 4;
const FM_c = 8;

type SelType = 'pid' | 'ppid' | 'pgrp' | 'sess' | 'tty' | 'ruid' | 'euid' | 'rgid' | 'egid' | 'comm';

interface Selection {
  type: SelType;
  values: (number | string | null)[];
}

interface SfOption {
  arg: string;
  kind: 'U_o' | 'U_O' | 'B_o' | 'B_O' | 'G_format' | 'G_sort';
}

class Opts {
  all = false;
  simple = 0;
  negate = false;
  running = false;
  selections: Selection[] = [];
  formatFlags = 0;
  modifiers = 0;
  sf: SfOption[] = [];
  forest = '';
  header: '' | 'none' | 'multi' = '';
  preferBsd = false;
  notPureUnix = false;
  wCount = 0;
  cols: number | null = null;
  bsdC = false;
  bsdE = false;
  userIsNumber = false;
  wchanIsNumber = false;
  unixF = false;
  threads = false;
  exitText: string | null = null;
}

const HELP = `********* simple selection *********  ********* selection by list *********
-A all processes                      -C by command name
-N negate selection                   -G by real group ID (supports names)
-a all w/ tty except session leaders  -U by real user ID (supports names)
-d all except session leaders         -g by session OR by effective group name
-e all processes                      -p by process ID
T  all processes on this terminal     -s processes in the sessions given
a  all w/ tty, including other users  -t by tty
g  OBSOLETE -- DO NOT USE             -u by effective user ID (supports names)
r  only running processes             U  processes for specified users
x  processes w/o controlling ttys     t  by tty
*********** output format **********  *********** long options ***********
-o,o user-defined  -f full            --Group --User --pid --cols --ppid
-j,j job control   s  signal          --group --user --sid --rows --info
-O,O preloaded -o  v  virtual memory  --cumulative --format --deselect
-l,l long          u  user-oriented   --sort --tty --forest --version
-F   extra full    X  registers       --heading --no-heading --context
                    ********* misc options *********
-V,V  show version      L  list format codes  f  ASCII art forest
-m,m,-L,-T,H  threads   S  children in sum    -y change -l format
-M,Z  security data     c  true command name  -c scheduling class
-w,w  wide output       n  numeric WCHAN,UID  -H process hierarchy
`;

class Parser {
  o = new Opts();
  private i = 0;
  private flag = 0;
  private cur = '';

  constructor(
    private readonly argv: string[],
    private readonly host: Host,
    private readonly ownTty: string | null,
    private readonly forceBsd: boolean,
  ) {}

  /** get_opt_arg: the rest of this word, else the next word. */
  private optArg(): string | null {
    if (this.flag + 1 < this.cur.length) {
      this.o.notPureUnix = true;
      const a = this.cur.slice(this.flag + 1);
      this.flag = this.cur.length;
      return a;
    }
    if (this.i + 1 >= this.argv.length) return null;
    if (this.argv[this.i + 1] === '') return null;
    this.flag = this.cur.length;
    return this.argv[++this.i]!;
  }

  private list(arg: string, type: SelType): string | null {
    const items = arg.split(/[ ,\t]/);
    if (items.some((x) => x === '')) return 'Improper list.';
    const values: (number | string | null)[] = [];
    for (const item of items) {
      const v = this.parseItem(item, type);
      if (typeof v === 'object' && v !== null && 'error' in v) return v.error;
      values.push(v as number | string | null);
    }
    this.o.selections.push({ type, values });
    return null;
  }

  private parseItem(item: string, type: SelType): number | string | null | { error: string } {
    switch (type) {
      case 'pid':
      case 'ppid':
      case 'pgrp':
      case 'sess': {
        const n = parseCNumber(item);
        if (n === null) return { error: 'Process ID list syntax error.' };
        if (n < 1 || n > 0x7fffffff) return { error: 'Process ID out of range.' };
        return n;
      }
      case 'ruid':
      case 'euid': {
        const n = parseCNumber(item);
        if (n !== null) return n;
        const pw = this.host.users.getpwnam(item);
        if (!pw) return { error: 'User name does not exist.' };
        return pw.uid;
      }
      case 'rgid':
      case 'egid': {
        const n = parseCNumber(item);
        if (n !== null) return n;
        const gr = this.host.users.getgrnam(item);
        if (!gr) return { error: 'Group name does not exist.' };
        return gr.gid;
      }
      case 'comm':
        return item.slice(0, 15);
      case 'tty': {
        if (item === '-' || item === '?') return null;
        const name = item.replace(/^\/dev\//, '');
        const candidates = [`pts/${name}`, name, `tty${name}`, `pty${name}`];
        for (const c of candidates) if (this.ttyExists(c)) return c;
        return { error: 'TTY could not be found.' };
      }
    }
  }

  private ttyExists(name: string): boolean {
    if (name === this.host.console.name) return true;
    if (/^tty[0-9]+$/.test(name) || /^pts\/[0-9]+$/.test(name)) {
      return this.host.procs.list().some((p) => p.tty === name) || /^tty[1-6]$/.test(name);
    }
    return false;
  }

  private sysv(): string | null {
    const o = this.o;
    this.cur = this.argv[this.i]!;
    for (this.flag = 1; this.flag < this.cur.length; this.flag++) {
      const ch = this.cur[this.flag]!;
      if (!'aAdefgGlnoptuU'.includes(ch)) o.notPureUnix = true;
      let arg: string | null;
      switch (ch) {
        case 'A':
        case 'e':
          o.all = true;
          break;
        case 'C':
          arg = this.optArg();
          if (arg === null) return 'List of command names must follow -C.';
          return this.list(arg, 'comm');
        case 'F':
          o.modifiers |= FM_F;
          o.formatFlags |= FF_Uf;
          o.unixF = true;
          break;
        case 'G':
          arg = this.optArg();
          if (arg === null) return 'List of real groups must follow -G.';
          return this.list(arg, 'rgid');
        case 'H':
          o.forest = 'u';
          break;
        case 'L':
        case 'T':
        case 'm':
          o.threads = true;
          break;
        case 'M':
        case 'Z':
          break;
        case 'N':
          o.negate = true;
          break;
        case 'O':
          arg = this.optArg();
          if (arg === null) return 'Format or sort specification must follow -O.';
          o.sf.push({ arg, kind: 'U_O' });
          return null;
        case 'P':
          break;
        case 'U':
          arg = this.optArg();
          if (arg === null) return 'List of real groups must follow -U.';
          return this.list(arg, 'ruid');
        case 'V':
          if (this.argv.length !== 1 || this.cur !== '-V') return 'The -V option is exclusive.';
          o.exitText = 'version';
          return null;
        case 'a':
          o.simple |= SS_U_a;
          break;
        case 'c':
          o.modifiers |= FM_c;
          break;
        case 'd':
          o.simple |= SS_U_d;
          break;
        case 'f':
          o.formatFlags |= FF_Uf;
          o.unixF = true;
          break;
        case 'g':
          arg = this.optArg();
          if (arg === null) return 'List of session leaders OR effective group names must follow -g.';
          if (this.list(arg, 'sess') === null) return null;
          if (this.list(arg, 'egid') === null) return null;
          return 'List of session leaders OR effective group IDs was invalid.';
        case 'j':
          o.modifiers |= FM_j;
          break;
        case 'l':
          o.formatFlags |= FF_Ul;
          break;
        case 'n':
          arg = this.optArg();
          if (arg === null) return 'Alternate System.map file must follow -n.';
          return null;
        case 'o':
          arg = this.optArg();
          if (arg === null) return 'Format specification must follow -o.';
          o.sf.push({ arg, kind: 'U_o' });
          return null;
        case 'p':
          arg = this.optArg();
          if (arg === null) return 'List of process IDs must follow -p.';
          return this.list(arg, 'pid');
        case 's':
          arg = this.optArg();
          if (arg === null) return 'List of session IDs must follow -s.';
          return this.list(arg, 'sess');
        case 't':
          arg = this.optArg();
          if (arg === null) return 'List of terminals (pty, tty...) must follow -t.';
          return this.list(arg, 'tty');
        case 'u':
          arg = this.optArg();
          if (arg === null) return 'List of users must follow -u.';
          return this.list(arg, 'euid');
        case 'w':
          o.wCount++;
          break;
        case 'x':
          return 'Must set personality to get -x option.';
        case 'y':
          o.modifiers |= FM_y;
          break;
        case '-':
          return "Embedded '-' among SysV options makes no sense.";
        default:
          return 'Unsupported SysV option.';
      }
    }
    return null;
  }

  private bsd(): string | null {
    const o = this.o;
    this.cur = this.argv[this.i]!;
    let start = 0;
    if (this.cur.startsWith('-')) {
      if (!this.forceBsd) return "Can't happen!  Problem #1.";
      start = 1;
    }
    for (this.flag = start; this.flag < this.cur.length; this.flag++) {
      const ch = this.cur[this.flag]!;
      let arg: string | null;
      if (ch >= '0' && ch <= '9') return this.list(this.cur.slice(this.flag), 'pid');
      switch (ch) {
        case 'H':
        case 'm':
        case 'M':
          o.threads = true;
          break;
        case 'L':
          if (this.argv.length !== 1 || this.cur !== 'L') return 'The L option is exclusive.';
          o.exitText = 'list';
          return null;
        case 'N':
          arg = this.optArg();
          if (arg === null) return 'Alternate System.map file must follow N.';
          return null;
        case 'O':
          arg = this.optArg();
          if (arg === null) return 'Format or sort specification must follow O.';
          o.sf.push({ arg, kind: 'B_O' });
          return null;
        case 'S':
          break;
        case 'T':
          o.selections.push({ type: 'tty', values: [this.ownTty] });
          break;
        case 'U':
          arg = this.optArg();
          if (arg === null) return 'List of users must follow U.';
          return this.list(arg, 'euid');
        case 'V':
          if (this.argv.length !== 1 || this.cur !== 'V') return 'The V option is exclusive.';
          o.exitText = 'version';
          return null;
        case 'W':
          return 'Obsolete W option not supported. (You have a /dev/drum?)';
        case 'X':
          o.formatFlags |= FF_LX;
          break;
        case 'Z':
          break;
        case 'a':
          o.simple |= SS_B_a;
          break;
        case 'c':
          o.bsdC = true;
          break;
        case 'e':
          o.bsdE = true;
          break;
        case 'f':
          o.forest = 'b';
          break;
        case 'g':
          o.simple |= SS_B_g;
          break;
        case 'h':
          if (o.header) return 'Only one heading option may be specified.';
          o.header = 'none';
          break;
        case 'j':
          o.formatFlags |= FF_Bj;
          break;
        case 'k':
          arg = this.optArg();
          if (arg === null) return "Long sort specification must follow 'k'.";
          o.sf.push({ arg, kind: 'G_sort' });
          return null;
        case 'l':
          o.formatFlags |= FF_Bl;
          break;
        case 'n':
          o.wchanIsNumber = true;
          o.userIsNumber = true;
          break;
        case 'o':
          arg = this.optArg();
          if (arg === null) return 'Format specification must follow o.';
          o.sf.push({ arg, kind: 'B_o' });
          return null;
        case 'p':
          arg = this.optArg();
          if (arg === null) return 'List of process IDs must follow p.';
          return this.list(arg, 'pid');
        case 'r':
          o.running = true;
          break;
        case 's':
          o.formatFlags |= FF_Bs;
          break;
        case 't':
          arg = this.optArg();
          if (arg === null) {
            o.selections.push({ type: 'tty', values: [this.ownTty] });
            return null;
          }
          return this.list(arg, 'tty');
        case 'u':
          o.formatFlags |= FF_Bu;
          break;
        case 'v':
          o.formatFlags |= FF_Bv;
          break;
        case 'w':
          o.wCount++;
          break;
        case 'x':
          o.simple |= SS_B_x;
          break;
        case '-':
          return "Embedded '-' among BSD options makes no sense.";
        default:
          return 'Unsupported option (BSD syntax)';
      }
    }
    return null;
  }

  private gnu(): string | null {
    const o = this.o;
    const word = this.argv[this.i]!;
    const s = word.slice(2);
    const sl = s.search(/[:=]/) < 0 ? s.length : s.search(/[:=]/);
    if (sl > 15) return 'Unknown gnu long option.';
    const name = s.slice(0, sl);
    const tail = s.slice(sl);
    const arg = (): string | null => {
      if (tail.length > 0) return tail.length > 1 ? tail.slice(1) : null;
      if (this.i + 1 >= this.argv.length) return null;
      if (this.argv[this.i + 1] === '') return null;
      return this.argv[++this.i]!;
    };
    switch (name) {
      case 'Group': {
        const a = arg();
        if (a === null) return 'List of real groups must follow --Group.';
        return this.list(a, 'rgid');
      }
      case 'User': {
        const a = arg();
        if (a === null) return 'List of real users must follow --User.';
        return this.list(a, 'ruid');
      }
      case 'cols':
      case 'columns':
      case 'width': {
        const a = arg();
        const n = a !== null ? parseCNumber(a) : null;
        if (n !== null && n > 0 && n < 2000000000) {
          o.cols = n;
          return null;
        }
        return 'Number of columns must follow --cols, --width, or --columns.';
      }
      case 'context':
        return null;
      case 'cumulative':
        if (tail) return 'Option --cumulative does not take an argument.';
        return null;
      case 'deselect':
        if (tail) return 'Option --deselect does not take an argument.';
        o.negate = true;
        return null;
      case 'no-header':
      case 'no-headers':
      case 'no-heading':
      case 'no-headings':
      case 'noheader':
      case 'noheaders':
      case 'noheading':
      case 'noheadings':
        if (tail) return 'Option --no-heading does not take an argument.';
        if (o.header) return 'Only one heading option may be specified.';
        o.header = 'none';
        return null;
      case 'header':
      case 'headers':
      case 'heading':
      case 'headings':
        if (tail) return 'Option --heading does not take an argument.';
        if (o.header) return 'Only one heading option may be specified.';
        o.header = 'multi';
        return null;
      case 'forest':
        if (tail) return 'Option --forest does not take an argument.';
        o.forest = 'g';
        return null;
      case 'format': {
        const a = arg();
        if (a === null) return 'Format specification must follow --format.';
        o.sf.push({ arg: a, kind: 'G_format' });
        return null;
      }
      case 'group': {
        const a = arg();
        if (a === null) return 'List of effective groups must follow --group.';
        return this.list(a, 'egid');
      }
      case 'help':
        if (this.argv.length !== 1) return 'The --help option is exclusive.';
        o.exitText = 'help';
        return null;
      case 'info':
        if (this.argv.length !== 1) return 'The --info option is exclusive.';
        o.exitText = 'info';
        return null;
      case 'lines':
      case 'rows': {
        const a = arg();
        const n = a !== null ? parseCNumber(a) : null;
        if (n !== null && n > 0 && n < 2000000000) return null;
        return 'Number of rows must follow --rows or --lines.';
      }
      case 'pid': {
        const a = arg();
        if (a === null) return 'List of process IDs must follow --pid.';
        return this.list(a, 'pid');
      }
      case 'ppid': {
        const a = arg();
        if (a === null) return 'List of process IDs must follow --ppid.';
        return this.list(a, 'ppid');
      }
      case 'sid': {
        const a = arg();
        if (a === null) return 'Some sid thing(s) must follow --sid.';
        return this.list(a, 'sess');
      }
      case 'sort': {
        const a = arg();
        if (a === null) return 'Long sort specification must follow --sort.';
        o.sf.push({ arg: a, kind: 'G_sort' });
        return null;
      }
      case 'tty': {
        const a = arg();
        if (a === null) return 'List of ttys must follow --tty.';
        return this.list(a, 'tty');
      }
      case 'user': {
        const a = arg();
        if (a === null) return 'List of effective users must follow --user.';
        return this.list(a, 'euid');
      }
      case 'version':
        if (this.argv.length !== 1) return 'The --version option is exclusive.';
        o.exitText = 'version';
        return null;
      default:
        return 'Unknown gnu long option.';
    }
  }

  private trailingPids(): string | null {
    const pids: number[] = [];
    const groups: number[] = [];
    const sessions: number[] = [];
    for (; this.i < this.argv.length; this.i++) {
      let data = this.argv[this.i]!;
      let into = pids;
      if (data.startsWith('-')) {
        into = groups;
        data = data.slice(1);
      } else if (data.startsWith('+')) {
        into = sessions;
        data = data.slice(1);
      }
      const n = parseCNumber(data);
      if (n === null) return 'Process ID list syntax error.';
      if (n < 1 || n > 0x7fffffff) return 'Process ID out of range.';
      into.push(n);
    }
    if (pids.length) this.o.selections.push({ type: 'pid', values: pids });
    if (groups.length) this.o.selections.push({ type: 'pgrp', values: groups });
    if (sessions.length) this.o.selections.push({ type: 'sess', values: sessions });
    return null;
  }

  parse(): string | null {
    const o = this.o;
    if (this.forceBsd) {
      o.notPureUnix = true;
      o.preferBsd = true;
    }
    for (this.i = 0; this.i < this.argv.length; this.i++) {
      const w = this.argv[this.i]!;
      const t = argType(w);
      if (t !== 'sysv') o.notPureUnix = true;
      let err: string | null = null;
      switch (t) {
        case 'gnu':
          err = this.gnu();
          break;
        case 'sysv':
          if (!this.forceBsd) {
            err = this.sysv();
            break;
          }
          o.preferBsd = true;
          err = this.bsd();
          break;
        case 'bsd':
          o.preferBsd = true;
          err = this.bsd();
          break;
        case 'pid':
          o.preferBsd = true;
          err = this.trailingPids();
          break;
        default:
          return 'Garbage option.';
      }
      if (err) return err;
    }
    return null;
  }
}

function parseCNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return s.length > 1 && s.startsWith('0') ? parseInt(s, 8) : Number(s);
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  return null;
}

function argType(s: string): 'gnu' | 'sysv' | 'bsd' | 'pid' | 'fail' {
  const c0 = s[0] ?? '';
  if (/[a-zA-Z]/.test(c0)) return 'bsd';
  if (/[0-9+]/.test(c0)) return 'pid';
  if (c0 !== '-') return 'fail';
  const c1 = s[1] ?? '';
  if (/[a-zA-Z]/.test(c1)) return 'sysv';
  if (/[0-9]/.test(c1)) return 'pid';
  if (c1 !== '-') return 'fail';
  const c2 = s[2] ?? '';
  if (/[a-zA-Z]/.test(c2)) return 'gnu';
  return 'fail';
}

// ---- building the column list ------------------------------------------------------------------

interface SortKey {
  key: string;
  reverse: boolean;
}

interface Plan {
  cols: Col[];
  sort: SortKey[];
}

const SORTABLE = new Set([
  'pid', 'ppid', 'pgid', 'pgrp', 'sid', 'sess', 'session', 'uid', 'euid', 'user', 'euser', 'uname', 'ruser', 'ruid', 'gid', 'group',
  'comm', 'cmd', 'args', 'command', 'ucmd', 'ucomm', 'pcpu', '%cpu', 'pmem', '%mem', 'rss', 'rssize', 'rsz', 'vsz', 'vsize', 'start_time',
  'time', 'cputime', 'tty', 'tname', 'tt', 'nice', 'ni', 'stat', 'state', 's', 'nlwp', 'etime', 'lstart', 'stime',
]);
const SHORT_SORT: Record<string, string> = {
  C: 'pcpu', G: 'tpgid', P: 'ppid', R: 'rss', T: 'start_time', U: 'uid', c: 'cmd', g: 'pgrp', o: 'session', p: 'pid', r: 'rss', s: 'size', t: 'tty', u: 'user', v: 'vsize', y: 'priority',
};

function parseSort(text: string, long: boolean): SortKey[] | string {
  const out: SortKey[] = [];
  if (long) {
    const items = text.split(/[ ,]/);
    if (items.some((x) => x === '')) return items.length === 1 ? 'Empty sort list.' : 'Improper sort list.';
    for (const item of items) {
      let key = item;
      let reverse = false;
      if (key.startsWith('-')) {
        reverse = true;
        key = key.slice(1);
      } else if (key.startsWith('+')) key = key.slice(1);
      if (!SORTABLE.has(key)) return 'Unknown sort specifier.';
      out.push({ key, reverse });
    }
    return out;
  }
  let reverse = false;
  for (const ch of text) {
    if (ch === '+' || ch === '-') {
      reverse = ch === '-';
      continue;
    }
    const key = SHORT_SORT[ch];
    if (!key) return 'Bad sorting code.';
    out.push({ key, reverse });
    reverse = false;
  }
  return out;
}

function buildPlan(o: Opts): Plan | string {
  let cols: Col[] | null = null;
  const sort: SortKey[] = [];
  for (const sf of o.sf) {
    if (sf.kind === 'G_sort') {
      const s = parseSort(sf.arg, true);
      if (typeof s === 'string') return s;
      sort.push(...s);
      continue;
    }
    if (sf.kind === 'U_O' || sf.kind === 'B_O') {
      const parsed = parseFormat(sf.arg);
      if (typeof parsed === 'string') {
        if (sf.kind === 'B_O') {
          const s = parseSort(sf.arg, false);
          if (typeof s === 'string') return parsed;
          sort.push(...s);
          continue;
        }
        return parsed;
      }
      const trailer = sf.kind === 'U_O' ? 'state,tname,time,command' : 'state,tname,cputime,comm';
      const head = oneSpec('pid', null)!;
      const tail = parseFormat(trailer) as Col[];
      cols = [...(cols ?? []), ...head, ...parsed, ...tail];
      continue;
    }
    const parsed = parseFormat(sf.arg);
    if (typeof parsed === 'string') return parsed;
    cols = [...(cols ?? []), ...parsed];
  }
  if (cols) {
    if (o.formatFlags) return 'Conflicting format options.';
    if (o.modifiers) return "Can't use output modifiers with user-defined output";
    return { cols, sort };
  }
  let spec: string | null = null;
  switch (o.formatFlags) {
    case 0:
    case FF_Uf | FF_Ul:
    case FF_Uf:
    case FF_Ul:
      spec = null;
      break;
    case FF_Bj:
      spec = 'OL_j';
      break;
    case FF_Bl:
      spec = 'OL_l';
      break;
    case FF_Bs:
      spec = 'OL_s';
      break;
    case FF_Bu:
      spec = 'OL_u';
      break;
    case FF_Bv:
      spec = 'OL_v';
      break;
    case FF_LX:
      spec = 'OL_X';
      break;
    default:
      return 'Conflicting format options.';
  }
  if (spec === null) {
    const r = sysvList(o);
    if (typeof r === 'string') return r;
    return { cols: r, sort };
  }
  cols = oneSpec(spec, null)!;
  if (o.modifiers & FM_j) {
    const at = cols.findIndex((c) => c.name === 'PPID') >= 0 ? cols.findIndex((c) => c.name === 'PPID') : cols.findIndex((c) => c.name === 'PID');
    cols.splice(at + 1, 0, ...oneSpec('pgid', null)!, ...oneSpec('sid', null)!);
  }
  return { cols, sort };
}

/** generate_sysv_list: the default UNIX columns for -f, -l, -F, -j and none. */
function sysvList(o: Opts): Col[] | string {
  if (o.modifiers & FM_y && !(o.formatFlags & FF_Ul)) return 'Modifier -y without format -l makes no sense.';
  const list: string[] = [];
  const push = (s: string): void => {
    list.unshift(s);
  };
  const f = o.formatFlags;
  if (o.preferBsd) {
    push(f ? 'cmd' : 'args');
    push('bsdtime');
    if (!(f & FF_Ul)) push('stat');
  } else {
    push(f & FF_Uf ? 'cmd' : 'ucmd');
    push('time');
  }
  push('tname');
  if (f & FF_Uf) push('stime');
  if (o.modifiers & FM_F) {
    push('psr');
    if (!(f & FF_Ul && o.modifiers & FM_y)) push('rss');
  }
  if (f & FF_Ul) push('wchan');
  if (o.modifiers & FM_F || f & FF_Ul) push('sz');
  if (f & FF_Ul) push(o.modifiers & FM_y ? 'rss' : 'addr_1');
  if (o.modifiers & FM_c) {
    push('pri');
    push('class');
  } else if (f & FF_Ul) {
    push('ni');
    push('opri');
  }
  if (f & (FF_Uf | FF_Ul) && !(o.modifiers & FM_c)) push('c');
  if (o.modifiers & FM_j) {
    push('sid');
    push('pgid');
  }
  if (f & (FF_Uf | FF_Ul)) push('ppid');
  push('pid');
  if (f & FF_Uf) push('uid_hack');
  else if (f & FF_Ul) push('uid');
  if (f & FF_Ul) {
    push('s');
    if (!(o.modifiers & FM_y)) push('f');
  }
  const cols: Col[] = [];
  for (const s of list) cols.push(...oneSpec(s, null)!);
  return cols;
}

// ---- selection ---------------------------------------------------------------------------------

function selectBits(o: Opts): number | string {
  if (!o.simple && !o.preferBsd) return 0xaa00;
  const sv = o.simple & (SS_U_a | SS_U_d) ? o.simple : o.simple | SS_B_g;
  switch (sv) {
    case SS_U_a | SS_U_d:
      return 0x3f3f;
    case SS_U_a:
      return 0x0303;
    case SS_U_d:
      return 0x3333;
    case SS_B_g:
      return 0x0a0a;
    case SS_B_g | SS_B_a:
      return 0x0f0f;
    case SS_B_g | SS_B_x:
      return 0xaaaa;
    case SS_B_g | SS_B_x | SS_B_a:
      o.all = true;
      o.simple = 0;
      return 0;
    default:
      return 'Process selection options conflict.';
  }
}

function wanted(p: PsProc, o: Opts, bits: number, euid: number, ownTty: string | null): boolean {
  let ok = true;
  if (!o.all) {
    let accepted = false;
    if (o.simple || o.selections.length === 0) {
      const idx = (p.uid === euid ? 1 : 0) | (p.sid === p.pid ? 2 : 0) | (p.tty === null ? 4 : 0) | (p.tty === ownTty ? 8 : 0);
      if (bits & (1 << idx)) accepted = true;
    }
    if (!accepted) accepted = listed(p, o);
    ok = accepted;
  }
  if (o.running && !(p.state === 'R' || p.state === 'D')) ok = false;
  return o.negate ? !ok : ok;
}

function listed(p: PsProc, o: Opts): boolean {
  for (const s of o.selections) {
    for (const v of s.values) {
      switch (s.type) {
        case 'pid':
          if (p.pid === v) return true;
          break;
        case 'ppid':
          if (p.ppid === v) return true;
          break;
        case 'pgrp':
          if (p.pgid === v) return true;
          break;
        case 'sess':
          if (p.sid === v) return true;
          break;
        case 'tty':
          if (p.tty === v) return true;
          break;
        case 'ruid':
        case 'euid':
          if (p.uid === v) return true;
          break;
        case 'rgid':
        case 'egid':
          if (p.gid === v) return true;
          break;
        case 'comm':
          if (p.comm.slice(0, 15) === v) return true;
          break;
      }
    }
  }
  return false;
}

// ---- output ------------------------------------------------------------------------------------

const OUTBUF = 131072;

function headerWidth(cols: Col[]): number {
  let total = 0;
  let wasNormal = 0;
  cols.forEach((c, i) => {
    if (c.just === 'X') total += i < cols.length - 1 ? c.width : 3;
    else total += c.width;
    total += wasNormal;
    wasNormal = 1;
  });
  return total;
}

/** show_one_proc: one line (p null: the header). */
function showOne(p: PsProc | null, cols: Col[], activeCols: number, c: Ctx): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let line = '';
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k]!;
    const last = k === cols.length - 1;
    let room: number;
    let tmpspace = 0;
    if (!last) room = col.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        room = activeCols - actual - tmpspace;
      } else room = activeCols - Math.max(correct, actual);
    }
    let text = p ? (col.pr ? col.pr(p, c, room) : '-') : col.name;
    let leftpad = 0;
    switch (col.just) {
      case 'R':
        leftpad = Math.max(0, col.width - text.length);
        break;
      case 'U':
        leftpad = c.userIsNumber ? Math.max(0, col.width - text.length) : 0;
        break;
      case 'W':
        if (c.wchanIsNumber) leftpad = Math.max(0, col.width - text.length);
        else {
          if (p && text.length > room) text = text.slice(0, Math.max(0, room));
          if (activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
        }
        break;
      case 'X':
        if (activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
        break;
      default:
        break;
    }
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    if (space > 144) space = 144;
    line += ' '.repeat(space) + text;
    if (last) break;
    actual += space + text.length;
    correct += col.width + 1;
    dospace = 1;
  }
  return line + '\n';
}

function compare(a: PsProc, b: PsProc, keys: SortKey[], c: Ctx): number {
  for (const k of keys) {
    let d = 0;
    const num = (x: number, y: number): number => x - y;
    const str = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
    switch (k.key) {
      case 'pid':
        d = num(a.pid, b.pid);
        break;
      case 'ppid':
        d = num(a.ppid, b.ppid);
        break;
      case 'pgid':
      case 'pgrp':
        d = num(a.pgid, b.pgid);
        break;
      case 'sid':
      case 'sess':
      case 'session':
        d = num(a.sid, b.sid);
        break;
      case 'uid':
      case 'euid':
      case 'ruid':
        d = num(a.uid, b.uid);
        break;
      case 'user':
      case 'euser':
      case 'uname':
      case 'ruser':
        d = str(c.host.users.userName(a.uid), c.host.users.userName(b.uid));
        break;
      case 'gid':
      case 'group':
        d = num(a.gid, b.gid);
        break;
      case 'comm':
      case 'cmd':
      case 'ucmd':
      case 'ucomm':
      case 'args':
      case 'command':
        d = str(a.comm, b.comm);
        break;
      case 'pmem':
      case '%mem':
      case 'rss':
      case 'rssize':
      case 'rsz':
        d = num(a.rss, b.rss);
        break;
      case 'vsz':
      case 'vsize':
      case 'size':
        d = num(a.vsz, b.vsz);
        break;
      case 'start_time':
      case 'lstart':
      case 'stime':
      case 'etime':
        d = num(a.start, b.start) * (k.key === 'etime' ? -1 : 1);
        break;
      case 'tty':
      case 'tname':
      case 'tt':
        d = str(a.tty ?? '', b.tty ?? '');
        break;
      case 'nice':
      case 'ni':
      case 'priority':
        d = num(a.nice, b.nice);
        break;
      case 'stat':
      case 'state':
      case 's':
        d = str(a.state, b.state);
        break;
      case 'nlwp':
        d = num(a.nlwp, b.nlwp);
        break;
      case 'tpgid':
        d = num(a.tpgid, b.tpgid);
        break;
      default:
        d = 0;
    }
    if (d !== 0) return k.reverse ? -d : d;
  }
  return 0;
}

function formatList(): string {
  let out = '';
  for (const name of Object.keys(SPECS).sort()) {
    const s = SPECS[name]!;
    if (!s.pr) continue;
    out += `${name.padEnd(12).slice(0, 12)} ${s.head.padEnd(8).slice(0, 8)}\n`;
  }
  return out;
}

export const ps: Program = async (ctx) => {
  const argv = ctx.argv.slice(1);
  const host = ctx.host;
  const ownTty = ctx.proc.tty;
  let parser = new Parser(argv, host, ownTty, false);
  let err = parser.parse();
  let plan: Plan | string | null = null;
  let bits: number | string = 0;
  if (!err) {
    plan = buildPlan(parser.o);
    if (typeof plan === 'string') err = plan;
  }
  if (!err) {
    bits = selectBits(parser.o);
    if (typeof bits === 'string') err = bits;
  }
  if (err) {
    const first = err;
    parser = new Parser(argv, host, ownTty, true);
    let err2 = parser.parse();
    if (!err2) {
      plan = buildPlan(parser.o);
      if (typeof plan === 'string') err2 = plan;
    }
    if (!err2) {
      bits = selectBits(parser.o);
      if (typeof bits === 'string') err2 = bits;
    }
    if (err2) {
      ctx.stderr.write(`ERROR: ${first}\n${HELP}`);
      return 1;
    }
    ctx.stderr.write("Warning: bad ps syntax, perhaps a bogus '-'? See http://procps.sf.net/faq.html\n");
  }
  const o = parser.o;
  if (o.exitText === 'version') {
    ctx.stdout.write(`procps version ${host.profile.release === 'el5' ? '3.2.7' : '3.2.8'}\n`);
    return 0;
  }
  if (o.exitText === 'help') {
    ctx.stdout.write(HELP);
    return 0;
  }
  if (o.exitText === 'list') {
    ctx.stdout.write(formatList());
    return 0;
  }
  if (o.exitText === 'info') {
    ctx.stdout.write(`procps version ${host.profile.release === 'el5' ? '3.2.7' : '3.2.8'}\n`);
    return 0;
  }
  const p = plan as Plan;
  return output(ctx, o, p, bits as number);
};

function output(ctx: ProgramContext, o: Opts, plan: Plan, bits: number): number {
  const host = ctx.host;
  let screenCols: number;
  if (ctx.stdout.isTTY) screenCols = ctx.tty?.cols ?? 80;
  else screenCols = OUTBUF;
  const envCols = ctx.env.COLUMNS;
  if (envCols && /^\d+$/.test(envCols) && Number(envCols) > 0 && Number(envCols) < OUTBUF) screenCols = Number(envCols);
  if (o.cols !== null) screenCols = o.cols;
  if (o.wCount && screenCols < 132) screenCols = 132;
  if (o.wCount > 1) screenCols = OUTBUF;
  const total = headerWidth(plan.cols);
  let activeCols = screenCols;
  for (let i = 1; ; i++) {
    activeCols = screenCols * i;
    if (activeCols >= total || screenCols * i >= OUTBUF / 2) break;
  }
  const c: Ctx = {
    host,
    now: host.now(),
    unixF: o.unixF,
    bsdC: o.bsdC,
    userIsNumber: o.userIsNumber,
    wchanIsNumber: o.wchanIsNumber,
    forestPrefix: '',
    forestType: o.forest,
  };
  const euid = ctx.fs.cred.uid;
  const procs = psProcesses(host).filter((p) => wanted(p, o, bits, euid, ctx.proc.tty));
  const headed = o.header !== 'none' && plan.cols.some((col) => col.name !== '');
  let text = '';
  if (headed) text += showOne(null, plan.cols, activeCols, c);
  if (o.forest) {
    const keys: SortKey[] = [{ key: 'ppid', reverse: false }, ...(plan.sort.length ? plan.sort : [{ key: 'start_time', reverse: false }])];
    const sorted = [...procs].sort((a, b) => compare(a, b, keys, c) || a.pid - b.pid);
    const prefix: string[] = [];
    const show = (self: number, level: number, sibling: boolean): void => {
      if (level) {
        prefix[level - 1] = sibling ? '+' : 'L';
        prefix.length = level;
      }
      c.forestPrefix = prefix.join('');
      text += showOne(sorted[self]!, plan.cols, activeCols, c);
      let i = sorted.findIndex((q) => q.ppid === sorted[self]!.pid);
      if (i < 0) return;
      if (level) {
        prefix[level - 1] = sibling ? '|' : ' ';
        prefix.length = level;
      }
      for (;;) {
        const selfPid = sorted[self]!.pid;
        const more = i + 1 < sorted.length && sorted[i + 1]!.ppid === selfPid;
        if (selfPid === 1 && o.forest !== 'u') show(i++, level, more);
        else show(i++, level + 1, more);
        if (!more) break;
      }
      prefix.length = level;
    };
    for (let i = sorted.length - 1; i >= 0; i--) {
      if (sorted.some((q) => q.pid === sorted[i]!.ppid)) continue;
      show(i, 0, false);
    }
    c.forestPrefix = '';
  } else {
    const list = plan.sort.length ? [...procs].sort((a, b) => compare(a, b, plan.sort, c) || a.pid - b.pid) : procs;
    for (const p of list) text += showOne(p, plan.cols, activeCols, c);
  }
  ctx.stdout.write(text);
  return procs.length ? 0 : 1;
}
