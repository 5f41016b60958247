import type { Errno } from '../../fs/errors';
import type { Inode } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { getopt, isEl5, isStdoutFile, openInput, quote, strerror, toCount, utf8Decode, utf8Encode, warn, xargmatch, xstrtoumax } from './common';

type FollowMode = 'descriptor' | 'name';

/** One file being tailed, as tail.c's File_spec. */
interface Spec {
  name: string;
  /** The open file, or null while it is missing (or given up on). */
  node: Inode | null;
  /** How much of node.data has been shown (characters). */
  pos: number;
  /** The lowest size the file was seen shrinking to since the last look. */
  shrunkTo: number | null;
  /** Errno of the last failed open, '' when none, 'X' for an untailable file. */
  errnum: Errno | '' | 'X';
  tailable: boolean;
  ignore: boolean;
  /** inode number last followed, 0 when none (for "has been replaced"). */
  ino: number;
  /** Index used like an inotify watch descriptor to decide when to print a header. */
  id: number;
}

/** The last n lines of text, a last line without newline counting as one. */
function lastLines(text: string, n: number): string {
  if (n === 0) return '';
  let i = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let k = 0; k < n; k++) {
    if (i <= 0) return text;
    const nl = text.lastIndexOf('\n', i - 1);
    if (nl < 0) return text;
    if (k === n - 1) return text.slice(nl + 1);
    i = nl;
  }
  return text;
}

/** From line n on (n counted from 0 lines skipped). */
function skipLines(text: string, skip: number): string {
  let pos = 0;
  for (let k = 0; k < skip; k++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return '';
    pos = nl + 1;
  }
  return text.slice(pos);
}

export const tail: Program = async (ctx) => {
  let countLines = true;
  let fromStart = false;
  let forever = false;
  let followMode = 'descriptor' as FollowMode;
  let retry = false;
  let units = 10;
  let header = 'multiple' as 'multiple' | 'always' | 'never';
  let pid = 0;
  let args = ctx.argv.slice(1);

  // The obsolete forms: tail -20, tail -20f, tail -c... with at most one file operand.
  {
    const a1 = args[0];
    const argc = args.length + 1;
    const a2 = args[1];
    const shapeOk = argc === 2 || (argc === 3 && !(a2 !== undefined && a2.startsWith('-') && a2.length > 1)) || (argc >= 3 && argc <= 4 && a2 === '--');
    const posix2 = ctx.env._POSIX2_VERSION !== undefined ? Number(ctx.env._POSIX2_VERSION) : 200112;
    const obsoleteUsage = posix2 < 200112;
    if (a1 !== undefined && shapeOk && (a1.startsWith('+') || a1.startsWith('-'))) {
      let p = a1.slice(1);
      let ok = true;
      if (a1[0] === '+' && !obsoleteUsage) ok = false;
      if (a1[0] === '-' && !obsoleteUsage && !(p[0] === 'c' ? p[1] : p[0])) ok = false;
      if (ok) {
        const digits = /^[0-9]*/.exec(p)![0];
        p = p.slice(digits.length);
        let defaultCount = 10;
        let tLines = true;
        if (p[0] === 'b' || p[0] === 'c' || p[0] === 'l') {
          if (p[0] === 'b') defaultCount *= 512;
          if (p[0] !== 'l') tLines = false;
          p = p.slice(1);
        }
        let tForever = false;
        if (p[0] === 'f') {
          tForever = true;
          p = p.slice(1);
        }
        if (p === '') {
          if (digits === '') units = defaultCount;
          else {
            const r = xstrtoumax(digits, 'b');
            if (r.kind !== 'ok') {
              warn(ctx, `number in ${quote(a1)} is too large`);
              return 1;
            }
            units = toCount(r.value);
          }
          fromStart = a1[0] === '+';
          countLines = tLines;
          forever = tForever;
          args = args.slice(1);
        }
      }
    }
  }

  const r = getopt(
    ctx,
    {
      short: 'c:n:fFqs:v0123456789',
      long: [
        { name: 'bytes', arg: 'required', key: 'c' },
        { name: 'follow', arg: 'optional', key: 'follow' },
        { name: 'disable-inotify', arg: 'none', key: 'noinotify' },
        { name: 'lines', arg: 'required', key: 'n' },
        { name: 'max-unchanged-stats', arg: 'required', key: 'maxstats' },
        { name: 'pid', arg: 'required', key: 'pid' },
        { name: 'presume-input-pipe', arg: 'none', key: 'pipe' },
        { name: 'quiet', arg: 'none', key: 'q' },
        { name: 'retry', arg: 'none', key: 'retry' },
        { name: 'silent', arg: 'none', key: 'q' },
        { name: 'sleep-interval', arg: 'required', key: 's' },
        { name: 'verbose', arg: 'none', key: 'v' },
      ],
      info: { name: 'tail', authors: ['Paul Rubin', 'David MacKenzie', 'Ian Lance Taylor', 'Jim Meyering'] },
    },
    (k, arg) => {
      const a = arg ?? '';
      switch (k) {
        case 'F':
          forever = true;
          followMode = 'name';
          retry = true;
          return;
        case 'c':
        case 'n': {
          countLines = k === 'n';
          let s = a;
          if (s.startsWith('+')) fromStart = true;
          else if (s.startsWith('-')) s = s.slice(1);
          const v = xstrtoumax(s, 'bkKmMGTPEZY0');
          if (v.kind !== 'ok') {
            warn(ctx, `${s}: invalid number of ${k === 'n' ? 'lines' : 'bytes'}`);
            return 1;
          }
          units = toCount(v.value);
          return;
        }
        case 'f':
          forever = true;
          followMode = 'descriptor';
          return;
        case 'follow': {
          forever = true;
          if (arg === null) followMode = 'descriptor';
          else {
            const m = xargmatch<FollowMode>(ctx, '--follow', arg, [
              ['descriptor', 'descriptor'],
              ['name', 'name'],
            ]);
            if (m === null) return 1;
            followMode = m;
          }
          return;
        }
        case 'retry':
          retry = true;
          return;
        case 'maxstats':
          if (xstrtoumax(a, '').kind !== 'ok') {
            warn(ctx, `${a}: invalid maximum number of unchanged stats between opens`);
            return 1;
          }
          return;
        case 'pid': {
          const v = xstrtoumax(a, '');
          if (v.kind !== 'ok' || v.value > 2147483647n) {
            warn(ctx, `${a}: invalid PID`);
            return 1;
          }
          pid = Number(v.value);
          return;
        }
        case 'q':
          header = 'never';
          return;
        case 'v':
          header = 'always';
          return;
        case 's': {
          const n = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(a) ? Number(a) : NaN;
          if (!(n >= 0)) {
            warn(ctx, `${a}: invalid number of seconds`);
            return 1;
          }
          return;
        }
        default:
          if (/^[0-9]$/.test(k)) {
            warn(ctx, `option used in invalid context -- ${k}`);
            return 1;
          }
      }
    },
    args,
  );
  if (!r.ok) return r.status;

  if (retry && followMode !== 'name') warn(ctx, 'warning: --retry is useful mainly when following by name');
  if (pid && !forever) warn(ctx, 'warning: PID ignored; --pid=PID is useful only when following');
  if (fromStart && units > 0) units--;

  const names = r.operands.length > 0 ? r.operands : ['-'];
  if (names.includes('-') && forever && followMode === 'name') {
    warn(ctx, `cannot follow ${quote('-')} by name`);
    return 1;
  }
  if (forever && names.includes('-') && ctx.stdin.isTTY) warn(ctx, 'warning: following standard input indefinitely is ineffective');
  const headers = header === 'always' || (header === 'multiple' && names.length > 1);
  let firstHeader = true;
  const writeHeader = (name: string): void => {
    ctx.stdout.write(`${firstHeader ? '' : '\n'}==> ${name} <==\n`);
    firstHeader = false;
  };

  const select = (text: string): string => {
    if (countLines) return fromStart ? skipLines(text, units) : lastLines(text, units);
    const bytes = utf8Encode(text);
    return utf8Decode(fromStart ? bytes.slice(units) : units === 0 ? '' : bytes.slice(-units));
  };

  let ok = true;
  const specs: Spec[] = [];
  let stdinFollow = false;
  for (const [id, name] of names.entries()) {
    const spec: Spec = { name, node: null, pos: 0, shrunkTo: null, errnum: '', tailable: true, ignore: false, ino: 0, id };
    specs.push(spec);
    if (name === '-') {
      const pretty = 'standard input';
      if (headers) writeHeader(pretty);
      ctx.stdout.write(select(await ctx.stdin.readAll()));
      // A pipe is not followed (POSIX); a terminal is, by reading it.
      spec.ignore = true;
      if (forever && ctx.stdin.isTTY) stdinFollow = true;
      continue;
    }
    const f = openInput(ctx, name);
    spec.tailable = !(retry && !f.ok && f.stage === 'open');
    if (!f.ok && f.stage === 'open') {
      if (forever) spec.errnum = f.code;
      warn(ctx, `cannot open ${quote(name)} for reading: ${strerror(f.code)}`);
      ok = false;
      if (!forever) spec.ignore = true;
      continue;
    }
    if (headers) writeHeader(name);
    if (!f.ok) {
      warn(ctx, `error reading ${quote(name)}: ${strerror(f.code)}`);
      ok = false;
      if (forever) warn(ctx, `${name}: cannot follow end of this type of file; giving up on this name`);
      spec.ignore = true;
      spec.errnum = 'X';
      continue;
    }
    ctx.stdout.write(select(f.node.data));
    spec.node = f.node;
    spec.pos = f.node.data.length;
    spec.ino = f.node.ino;
  }

  if (!forever) return ok ? 0 : 1;

  if (stdinFollow) {
    // tail -f at a terminal keeps copying what is typed.
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk !== null) ctx.stdout.write(chunk);
    }
  }

  const viable = specs.filter((s) => !s.ignore);
  if (viable.length === 0) return ok ? 0 : 1;
  if (followMode === 'descriptor' && !viable.some((s) => s.node !== null)) {
    // inotify has nothing to watch: RHEL 6's tail gives up quietly, RHEL 5's polling loop says so.
    if (isEl5(ctx)) warn(ctx, 'no files remaining');
    return 1;
  }
  return follow(ctx, viable, followMode, retry, headers, writeHeader, pid);
};

async function follow(
  ctx: ProgramContext,
  specs: Spec[],
  mode: FollowMode,
  retry: boolean,
  headers: boolean,
  writeHeader: (name: string) => void,
  pid: number,
): Promise<number> {
  let lastId = specs[specs.length - 1]!.id;
  let pending = false;
  let waker: (() => void) | null = null;
  const poke = (): void => {
    pending = true;
    const w = waker;
    waker = null;
    if (w) w();
  };
  // Watch every change as it happens, so a truncation followed at once by a write is still seen.
  const unwatch = ctx.host.vfs.onChange(() => {
    for (const s of specs) {
      if (s.node && s.node.data.length < s.pos) s.shrunkTo = Math.min(s.shrunkTo ?? Infinity, s.node.data.length);
    }
    poke();
  });
  const writer = pid ? ctx.host.procs.get(pid) : undefined;
  let unwatchPid: (() => void) | null = null;
  if (writer && writer.alive) unwatchPid = writer.exited.add(poke);

  const recheck = (s: Spec): void => {
    const wasTailable = s.tailable;
    const prev = s.errnum;
    const f = openInput(ctx, s.name);
    const openFailed = !f.ok && f.stage === 'open';
    s.tailable = !(openFailed && retry);
    let good = true;
    if (!f.ok && f.stage === 'open') {
      good = false;
      if (!s.tailable) {
        if (wasTailable) warn(ctx, `${quote(s.name)} has become inaccessible: ${strerror(f.code)}`);
      } else if (prev !== f.code) warn(ctx, `${s.name}: ${strerror(f.code)}`);
      s.errnum = f.code;
    } else if (!f.ok) {
      good = false;
      s.errnum = 'X';
      warn(ctx, `${quote(s.name)} has been replaced with an untailable file; giving up on this name`);
      s.ignore = true;
    } else s.errnum = '';
    if (!good || !f.ok) {
      s.node = null;
      return;
    }
    let fresh = false;
    if (prev !== '' && prev !== 'ENOENT') {
      fresh = true;
      warn(ctx, `${quote(s.name)} has become accessible`);
    } else if (s.ino !== f.node.ino) {
      fresh = true;
      if (s.node === null) warn(ctx, `${quote(s.name)} has appeared;  following end of new file`);
      else warn(ctx, `${quote(s.name)} has been replaced;  following end of new file`);
    } else if (s.node === null) fresh = true;
    if (fresh) {
      s.node = f.node;
      s.ino = f.node.ino;
      s.pos = 0;
      s.shrunkTo = null;
    }
  };

  const check = (s: Spec): void => {
    const node = s.node;
    if (!node) return;
    if (s.shrunkTo !== null || node.data.length < s.pos) {
      warn(ctx, `${s.name}: file truncated`);
      s.pos = Math.min(s.shrunkTo ?? node.data.length, node.data.length);
      s.shrunkTo = null;
      lastId = s.id;
    }
    if (node.data.length === s.pos) return;
    if (isStdoutFile(ctx, node)) {
      // `tail -f f >> f` would feed on itself for ever; the lab stops it here.
      s.pos = node.data.length;
      return;
    }
    if (s.id !== lastId) {
      if (headers) writeHeader(s.name);
      lastId = s.id;
    }
    ctx.stdout.write(node.data.slice(s.pos));
    s.pos = node.data.length;
  };

  const writerGone = (): boolean => pid !== 0 && !(writer && writer.alive);
  try {
    for (;;) {
      const lastRound = writerGone();
      if (!pending && !lastRound) {
        await ctx.proc.block((wake) => {
          waker = wake;
          return () => {
            waker = null;
          };
        });
      }
      pending = false;
      for (const s of specs) {
        if (s.ignore) continue;
        if (mode === 'name') recheck(s);
        check(s);
      }
      if (lastRound) return 0;
    }
  } finally {
    unwatch();
    unwatchPid?.();
  }
}
