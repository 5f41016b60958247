import { sleepFor } from '../../proc/sleep';
import type { Program } from '../../proc/program';
import { hashPassword } from '../../users/accounts';
import { Db, daysSinceEpoch, isEl5, readSecret } from './common';

// ---- cracklib and pam_cracklib ------------------------------------------------------------

/**
 * The words the lab's cracklib dictionary knows. The real one has ~1.6 million entries; a few
 * hundred of the words people actually try are enough to give the same verdicts in the lab.
 */
const DICTIONARY = new Set(
  (
    'password passwd pass word words secret secure security letmein welcome hello admin administrator root user users ' +
    'guest login logout test testing tester default changeme change access master shadow system systems server servers ' +
    'network networks computer computers internet service services support oracle database private public office company ' +
    'business manager window windows linux unix redhat centos fedora ubuntu debian solaris mail email emails message postfix ' +
    'dovecot sendmail student teacher school summer winter spring autumn monday tuesday friday sunday saturday january ' +
    'february march april june july august september october november december football baseball soccer hockey tennis ' +
    'princess flower orange banana apple cheese coffee purple yellow silver golden diamond freedom friend friends family ' +
    'michael jennifer thomas jordan hunter ranger tiger killer batman superman dragon monkey sunshine shadow qwerty ' +
    'keyboard mouse monitor laptop desktop phone mobile cookie chocolate pepper ginger dolphin eagle falcon phoenix ' +
    'rabbit turtle horse donkey kitten puppy doggy kitty animal planet galaxy rocket pirate ninja wizard knight castle ' +
    'kingdom empire legend master mustang thunder lightning storm rainbow heaven angel devil demon ghost spirit matrix ' +
    'secret hidden nothing something anything everything whatever forever always never together love lover lovely ' +
    'beautiful happy smile music guitar piano dance party travel london paris berlin boston denver chicago texas ' +
    'america canada mexico china india russia europe world earth water fire ocean river mountain forest garden ' +
    'example sample simple strong enter mypass local domain host hostname client student rhce rhcsa exam labs ' +
    'alpha beta gamma delta omega zulu charlie victor tango sierra bravo echo whiskey yankee romeo juliet ' +
    'abcdef abcdefg qwertyui asdfgh zxcvbn trustno iloveyou'
  ).split(' '),
);

const LEET: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };

/** The forms cracklib's mangling rules would reduce a password to. */
function mangles(pw: string): string[] {
  const lower = pw.toLowerCase();
  const out = new Set<string>([lower]);
  const stripped = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  out.add(stripped);
  out.add([...lower].map((c) => LEET[c] ?? c).join(''));
  if (stripped.endsWith('s')) out.add(stripped.slice(0, -1));
  if (stripped.endsWith('ed')) out.add(stripped.slice(0, -2));
  return [...out].filter((w) => w.length >= 4);
}

/** cracklib's FascistCheck (2.8.16): why a password is weak, or null. */
export function fascistCheck(pw: string, callerName: string): string | null {
  if (pw.length < 4) return 'it is WAY too short';
  if (pw.length < 6) return 'it is too short';
  if (new Set(pw).size < 5) return 'it does not contain enough DIFFERENT characters';
  if (/^\s+$/.test(pw)) return 'it is all whitespace';
  let steps = 0;
  for (let i = 0; i + 1 < pw.length; i++) {
    const d = pw.charCodeAt(i + 1) - pw.charCodeAt(i);
    if (d === 1 || d === -1) steps++;
  }
  if (steps > 4) return 'it is too simplistic/systematic';
  if (/^[a-z]{2}\d{6}[a-z]?$/i.test(pw)) return 'it looks like a National Insurance number.';
  const user = callerName.toLowerCase();
  for (const m of mangles(pw)) {
    if (m === user || [...m].reverse().join('') === user) return 'it is based on your username';
  }
  for (const m of mangles(pw)) if (DICTIONARY.has(m)) return 'it is based on a dictionary word';
  for (const m of mangles([...pw].reverse().join(''))) if (DICTIONARY.has(m)) return 'it is based on a (reversed) dictionary word';
  return null;
}

function distance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** pam_cracklib's own strength checks (minlen=9 with one credit per class, difok=5). */
function approve(oldPw: string | null, pw: string): string | null {
  if (oldPw !== null && oldPw === pw) return 'Password unchanged';
  const lower = pw.toLowerCase();
  if ([...lower].reverse().join('') === lower) return 'BAD PASSWORD: is a palindrome';
  const oldLower = oldPw?.toLowerCase() ?? null;
  if (oldLower !== null && oldLower === lower) return 'BAD PASSWORD: case changes only';
  if (oldLower !== null && distance(oldLower, lower) < 5 && lower.length < oldLower.length * 2) return 'BAD PASSWORD: is too similar to the old one';
  const classes = [/\d/, /[A-Z]/, /[a-z]/, /[^\dA-Za-z]/].filter((re) => re.test(pw)).length;
  if (9 - classes > pw.length) return 'BAD PASSWORD: is too simple';
  if (oldLower !== null && (oldLower + oldLower).includes(lower)) return 'BAD PASSWORD: is rotated';
  return null;
}

// ---- passwd(1) ----------------------------------------------------------------------------

const HELP =
  'Usage: passwd [OPTION...] <accountName>\n' +
  '  -k, --keep-tokens       keep non-expired authentication tokens\n' +
  '  -d, --delete            delete the password for the named account (root only)\n' +
  '  -l, --lock              lock the password for the named account (root only)\n' +
  '  -u, --unlock            unlock the password for the named account (root only)\n' +
  '  -f, --force             force operation\n' +
  '  -x, --maximum=DAYS      maximum password lifetime (root only)\n' +
  '  -n, --minimum=DAYS      minimum password lifetime (root only)\n' +
  '  -w, --warning=DAYS      number of days warning users receives before password\n' +
  '                          expiration (root only)\n' +
  '  -i, --inactive=DAYS     number of days after password expiration when an account\n' +
  '                          becomes disabled (root only)\n' +
  '  -S, --status            report password status on the named account (root only)\n' +
  '  --stdin                 read new tokens from stdin (root only)\n\n' +
  'Help options:\n' +
  '  -?, --help              Show this help message\n' +
  '  --usage                 Display brief usage message\n';

const USAGE =
  'Usage: passwd [-kdluf?] [-k|--keep-tokens] [-d|--delete] [-l|--lock] [-u|--unlock]\n' +
  '        [-f|--force] [-x|--maximum=DAYS] [-n|--minimum=DAYS] [-w|--warning=DAYS]\n' +
  '        [-i|--inactive=DAYS] [-S|--status] [--stdin] [-?|--help] [--usage]\n' +
  '        [OPTION...] <accountName>\n';

type Flag = 'k' | 'd' | 'l' | 'u' | 'f' | 'S' | 'stdin' | 'x' | 'n' | 'w' | 'i';

const LONG: Record<string, Flag | 'help' | 'usage'> = {
  'keep-tokens': 'k',
  delete: 'd',
  lock: 'l',
  unlock: 'u',
  force: 'f',
  maximum: 'x',
  minimum: 'n',
  warning: 'w',
  inactive: 'i',
  status: 'S',
  stdin: 'stdin',
  help: 'help',
  usage: 'usage',
};

/** popt's parse of passwd's options: flags, numeric values and the operands, or an error. */
function parseArgs(args: string[]): { flags: Map<Flag, string | null>; operands: string[]; help?: 'help' | 'usage'; error?: string } {
  const flags = new Map<Flag, string | null>();
  const operands: string[] = [];
  const withArg = new Set<string>(['x', 'n', 'w', 'i']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const key = LONG[name];
      if (!key) return { flags, operands, error: `bad argument ${a}: unknown option` };
      if (key === 'help' || key === 'usage') return { flags, operands, help: key };
      if (withArg.has(key)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { flags, operands, error: `bad argument ${a}: missing argument` };
        if (!/^-?\d+$/.test(v)) return { flags, operands, error: `bad argument ${a}: invalid numeric value` };
        flags.set(key, v);
      } else if (eq >= 0) return { flags, operands, error: `bad argument ${a}: option does not take an argument` };
      else flags.set(key, null);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === '?') return { flags, operands, help: 'help' };
        if (!'kdlufSxnwi'.includes(c)) return { flags, operands, error: `bad argument ${a}: unknown option` };
        if (withArg.has(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { flags, operands, error: `bad argument -${c}: missing argument` };
          if (!/^-?\d+$/.test(v)) return { flags, operands, error: `bad argument -${c}: invalid numeric value` };
          flags.set(c as Flag, v);
          break;
        }
        flags.set(c as Flag, null);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, operands };
}

function dayString(days: number): string {
  const d = new Date(days * 86400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** passwd(1), Red Hat's passwd 0.77 (libuser and PAM with pam_cracklib and pam_unix). */
export const passwd: Program = async (ctx) => {
  const prog = (ctx.argv[0] || 'passwd').split('/').pop() || 'passwd';
  const el5 = isEl5(ctx);
  const parsed = parseArgs(ctx.argv.slice(1));
  if (parsed.help === 'help') {
    ctx.stdout.write(HELP);
    return 0;
  }
  if (parsed.help === 'usage') {
    ctx.stdout.write(USAGE);
    return 0;
  }
  if (parsed.error) {
    ctx.stderr.write(`${prog}: ${parsed.error}\n`);
    return 253;
  }
  const { flags, operands } = parsed;
  const uid = ctx.fs.cred.uid;
  const root = uid === 0;
  const privileged = [...flags.keys()].filter((k) => k !== 'k');
  if (privileged.length && !root) {
    ctx.stderr.write('Only root can do that.\n');
    return 254;
  }
  const exclusive = privileged.filter((k) => k !== 'f' && !['x', 'n', 'w', 'i'].includes(k));
  const aging = privileged.some((k) => ['x', 'n', 'w', 'i'].includes(k));
  if (exclusive.length + (aging ? 1 : 0) > 1) {
    ctx.stderr.write(`${prog}: Only one flag may be specified.\n`);
    return 254;
  }
  let username: string | null = null;
  if (operands.length > 0) {
    if (!root) {
      ctx.stderr.write(`${prog}: Only root can specify a user name.\n`);
      return 253;
    }
    username = operands[0]!;
    if (username.length > 32) {
      ctx.stderr.write(`${prog}: The user name supplied is too long.\n`);
      return 253;
    }
    if (operands.length > 1) {
      ctx.stderr.write(`${prog}: Only one user name may be specified.\n`);
      return 253;
    }
  }
  if (privileged.length && username === null) {
    ctx.stderr.write(`${prog}: This option requires a user name.\n`);
    return 254;
  }
  const users = ctx.host.users;
  if (username === null) {
    const me = users.getpwuid(uid);
    if (!me) {
      ctx.stderr.write(`${prog}: Can not identify you!\n`);
      return 253;
    }
    username = me.name;
  } else if (!users.getpwnam(username)) {
    ctx.stderr.write(`${prog}: Unknown user name '${username}'.\n`);
    return 252;
  }
  const name = username;
  const shadow = Db.read(ctx.host.vfs, '/etc/shadow');
  const entry = shadow.get(name);
  const hash = entry?.[1] ?? '';

  // ---- the administrative operations (libuser) ----
  if (flags.has('l')) {
    ctx.stdout.write(`Locking password for user ${name}.\n`);
    if (!entry) {
      ctx.stdout.write(`${prog}: Error (password not set?)\n`);
      return 1;
    }
    if (!hash.startsWith('!!')) shadow.update(name, (f) => (f[1] = '!!' + f[1]));
    shadow.save();
    ctx.stdout.write(`${prog}: Success\n`);
    return 0;
  }
  if (flags.has('u')) {
    ctx.stdout.write(`Unlocking password for user ${name}.\n`);
    if (!entry) {
      ctx.stdout.write(`${prog}: Error (password not set?)\n`);
      return 1;
    }
    const unlocked = hash.replace(/^!+/, '');
    if (unlocked === '' && !flags.has('f')) {
      ctx.stderr.write(`${prog}: Warning: unlocked password would be empty.\n`);
      ctx.stdout.write(`${prog}: Unsafe operation (use -f to force)\n`);
      return 254;
    }
    shadow.update(name, (f) => (f[1] = unlocked));
    shadow.save();
    ctx.stdout.write(`${prog}: Success\n`);
    return 0;
  }
  if (flags.has('d')) {
    ctx.stdout.write(`Removing password for user ${name}.\n`);
    if (!entry) {
      ctx.stdout.write(`${prog}: Error\n`);
      return 1;
    }
    shadow.update(name, (f) => (f[1] = ''));
    shadow.save();
    ctx.stdout.write(`${prog}: Success\n`);
    return 0;
  }
  if (aging) {
    ctx.stdout.write(`Adjusting aging data for user ${name}.\n`);
    if (!entry) {
      ctx.stdout.write(`${prog}: Error\n`);
      return 1;
    }
    const idx: Record<string, number> = { n: 3, x: 4, w: 5, i: 6 };
    shadow.update(name, (f) => {
      while (f.length < 9) f.push('');
      for (const k of ['n', 'x', 'w', 'i']) {
        const v = flags.get(k as Flag);
        if (v !== undefined && v !== null) f[idx[k]!] = v === '-1' ? '' : String(Number(v));
      }
    });
    shadow.save();
    ctx.stdout.write(`${prog}: Success\n`);
    return 0;
  }
  if (flags.has('S')) {
    if (!entry) {
      ctx.stdout.write(`${name} NP 1970-01-01 -1 -1 -1 -1 (Empty password.)\n`);
      return 0;
    }
    const num = (s: string | undefined): string => (s === undefined || s === '' ? '-1' : s);
    const changed = entry[2] && /^\d+$/.test(entry[2]) ? dayString(Number(entry[2])) : '1970-01-01';
    let status: string;
    let text: string;
    if (hash.startsWith('!')) {
      status = 'LK';
      text = 'Password locked.';
    } else if (hash === '') {
      status = 'NP';
      text = 'Empty password.';
    } else if (hash.startsWith('*')) {
      status = 'LK';
      text = 'Alternate authentication scheme in use.';
    } else {
      status = 'PS';
      text = hash.startsWith('$6$') ? 'Password set, SHA512 crypt.' : hash.startsWith('$5$') ? 'Password set, SHA256 crypt.' : hash.startsWith('$1$') ? 'Password set, MD5 crypt.' : 'Password set, DES crypt.';
    }
    ctx.stdout.write(`${name} ${status} ${changed} ${num(entry[3])} ${num(entry[4])} ${num(entry[5])} ${num(entry[6])} (${text})\n`);
    return 0;
  }

  // ---- changing the password (PAM: pam_cracklib then pam_unix) ----
  ctx.stdout.write(`Changing password for user ${name}.\n`);
  const manipulationError = async (): Promise<number> => {
    await sleepFor(ctx.proc, ctx.host.lab.scheduler, 2000);
    ctx.stderr.write(`${prog}: Authentication token manipulation error\n`);
    return 1;
  };
  const caller = users.getpwuid(uid)?.name ?? 'root';
  const commit = (pw: string): number => {
    if (!entry) return -1;
    shadow.update(name, (f) => {
      while (f.length < 9) f.push('');
      f[1] = hashPassword(name, pw);
      f[2] = String(daysSinceEpoch(ctx));
    });
    shadow.save();
    ctx.host.syslog.log('authpriv', prog, null, `pam_unix(passwd:chauthtok): password changed for ${name}`);
    ctx.stdout.write(`${prog}: all authentication tokens updated successfully.\n`);
    return 0;
  };

  if (flags.has('stdin')) {
    // One read(2) of at most 79 bytes; its last byte (the newline) is cut off.
    const chunk = (await ctx.stdin.read()) ?? '';
    const pw = chunk.slice(0, 79).slice(0, -1);
    if (pw === '' || !entry) return manipulationError();
    return commit(pw);
  }

  let oldPw: string | null = null;
  if (!root) {
    ctx.stdout.write(`Changing password for ${name}.\n`);
    if (hash !== '') {
      const cur = await readSecret(ctx, '(current) UNIX password: ');
      if (cur === null || !users.checkPassword(name, cur)) return manipulationError();
      oldPw = cur;
    }
  }
  const newPrompt = el5 ? 'New UNIX password: ' : 'New password: ';
  const againPrompt = el5 ? 'Retype new UNIX password: ' : 'Retype new password: ';
  for (let tries = 0; tries < 3; tries++) {
    const pw = await readSecret(ctx, newPrompt);
    if (pw === null) return manipulationError();
    const crack = fascistCheck(pw, caller);
    if (crack) {
      ctx.stderr.write(`BAD PASSWORD: ${crack}\n`);
      if (!root) continue;
    }
    const weak = approve(oldPw, pw);
    if (weak) {
      ctx.stderr.write(weak + '\n');
      if (!root) continue;
    }
    const again = await readSecret(ctx, againPrompt);
    if (again === null) return manipulationError();
    if (again !== pw) {
      ctx.stderr.write('Sorry, passwords do not match.\n');
      continue;
    }
    // pam_unix takes an empty new password for none at all.
    if (pw === '') {
      ctx.stderr.write('No password supplied\n');
      return manipulationError();
    }
    if (!entry) return manipulationError();
    return commit(pw);
  }
  await sleepFor(ctx.proc, ctx.host.lab.scheduler, 2000);
  ctx.stderr.write(`${prog}: Have exhausted maximum number of retries for service\n`);
  return 1;
};
