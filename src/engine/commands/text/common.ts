/**
 * Shared pieces of the text commands: GNU getopt_long as glibc does it (with the wording of
 * glibc 2.12 on RHEL 6 and 2.5 on RHEL 5), the coreutils quoting of file names, --help and
 * --version, opening input files with the errno the real open()/read() would give, number
 * parsing as gnulib's xstrtoumax, and UTF-8 byte helpers for the byte-counting options.
 */
import { STRERROR, isFsError, type Errno } from '../../fs/errors';
import { R_OK, permits, type Inode } from '../../fs/vfs';
import { FileOutput } from '../../io/streams';
import type { ProgramContext } from '../../proc/program';
import { HELP_TEXT } from './helptext';

// ---- names and messages -------------------------------------------------------------------

/** The program name as invoked (argv[0]), which GNU tools put in front of their messages. */
export function progName(ctx: ProgramContext): string {
  return ctx.argv[0] ?? '';
}

/** True on the RHEL 5.4 host (coreutils 5.97, glibc 2.5). */
export function isEl5(ctx: ProgramContext): boolean {
  return ctx.host.profile.release === 'el5';
}

/** Writes `prog: msg` and a newline to standard error, as error(3) does. */
export function warn(ctx: ProgramContext, msg: string): void {
  ctx.stderr.write(`${progName(ctx)}: ${msg}\n`);
}

/** The line coreutils prints after a usage error. */
export function tryHelp(ctx: ProgramContext): void {
  ctx.stderr.write(`Try \`${progName(ctx)} --help' for more information.\n`);
}

/** strerror() text for an errno name. */
export function strerror(code: Errno): string {
  return STRERROR[code];
}

const C_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/**
 * gnulib quote() in the locale quoting style of 2010: `name' with backslash escapes for
 * control characters, backslashes and the closing apostrophe.
 */
export function quote(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (C_ESCAPES[ch] !== undefined) out += C_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      for (const b of utf8Encode(ch)) out += '\\' + b.charCodeAt(0).toString(8).padStart(3, '0');
    } else out += ch;
  }
  return '`' + out + "'";
}

// ---- --help and --version -----------------------------------------------------------------

export interface ToolInfo {
  /** The command's canonical name (PROGRAM_NAME). */
  name: string;
  authors: string[];
}

function writtenBy(authors: string[]): string {
  const n = authors.length;
  if (n === 0) return '';
  if (n === 1) return `Written by ${authors[0]}.\n`;
  if (n === 2) return `Written by ${authors[0]} and ${authors[1]}.\n`;
  if (n === 3) return `Written by ${authors[0]}, ${authors[1]}, and ${authors[2]}.\n`;
  if (n === 4) return `Written by ${authors[0]}, ${authors[1]}, ${authors[2]},\nand ${authors[3]}.\n`;
  return `Written by ${authors.slice(0, -1).join(', ')}, and others.\n`;
}

export function versionText(ctx: ProgramContext, info: ToolInfo): string {
  if (isEl5(ctx)) {
    return (
      `${info.name} (GNU coreutils) 5.97\n` +
      'Copyright (C) 2006 Free Software Foundation, Inc.\n' +
      'This is free software.  You may redistribute copies of it under the terms of\n' +
      'the GNU General Public License <http://www.gnu.org/licenses/gpl.html>.\n' +
      'There is NO WARRANTY, to the extent permitted by law.\n\n' +
      writtenBy(info.authors.map((a) => a.replace('Torbjörn', 'Torbjorn')))
    );
  }
  return (
    `${info.name} (GNU coreutils) 8.4\n` +
    'Copyright (C) 2010 Free Software Foundation, Inc.\n' +
    'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    'There is NO WARRANTY, to the extent permitted by law.\n\n' +
    writtenBy(info.authors)
  );
}

export function helpText(ctx: ProgramContext, info: ToolInfo): string {
  const body = (HELP_TEXT[info.name] ?? '').split('\u0001').join(progName(ctx));
  const base = progName(ctx).split('/').pop() ?? info.name;
  if (isEl5(ctx)) return body + '\nReport bugs to <bug-coreutils@gnu.org>.\n';
  return (
    body +
    `\nReport ${base} bugs to bug-coreutils@gnu.org\n` +
    'GNU coreutils home page: <http://www.gnu.org/software/coreutils/>\n' +
    'General help using GNU software: <http://www.gnu.org/gethelp/>\n' +
    `For complete documentation, run: info coreutils '${base} invocation'\n`
  );
}

// ---- getopt_long --------------------------------------------------------------------------

export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOpt {
  name: string;
  arg: ArgKind;
  /** What the handler receives; usually the equivalent short option letter. */
  key: string;
}

export interface OptSpec {
  /**
   * The getopt option string: letters, `:` after one that takes an argument, `::` for an
   * optional one. A leading `+` stops at the first operand (POSIX order); a leading `-` hands
   * operands to the handler in place, with the key OPERAND.
   */
  short: string;
  long?: LongOpt[];
  /** When given, --help and --version are recognised and answered. */
  info?: ToolInfo;
  /** Exit status for a usage error (sort uses 2). */
  failStatus?: number;
}

/** The key an operand arrives with in `-` (in order) mode. */
export const OPERAND = '\x01';

/**
 * Called once per option, in command-line order. `spelled` is the option as typed (`-n`,
 * `--lines`). Return a number to stop at once with that exit status.
 */
export type OptHandler = (key: string, arg: string | null, spelled: string) => number | void;

export type GetoptResult = { ok: true; operands: string[] } | { ok: false; status: number };

/**
 * Parses argv[1..] as glibc's getopt_long does: options and operands may be mixed (unless
 * POSIXLY_CORRECT or a `+` spec), `--` ends the options, long options may be abbreviated.
 * On a bad option it prints glibc's message and coreutils' "Try ... --help" line.
 */
export function getopt(ctx: ProgramContext, spec: OptSpec, handler: OptHandler, args: string[] = ctx.argv.slice(1)): GetoptResult {
  const el5 = isEl5(ctx);
  const prog = progName(ctx);
  const fail = spec.failStatus ?? 1;
  let optstring = spec.short;
  let mode: 'permute' | 'posix' | 'inorder' = 'permute';
  if (optstring.startsWith('+')) {
    mode = 'posix';
    optstring = optstring.slice(1);
  } else if (optstring.startsWith('-')) {
    mode = 'inorder';
    optstring = optstring.slice(1);
  } else if (ctx.env.POSIXLY_CORRECT !== undefined) mode = 'posix';
  const shorts = new Map<string, ArgKind>();
  for (let i = 0; i < optstring.length; i++) {
    const c = optstring[i]!;
    if (c === ':') continue;
    let kind: ArgKind = 'none';
    if (optstring[i + 1] === ':') kind = optstring[i + 2] === ':' ? 'optional' : 'required';
    shorts.set(c, kind);
  }
  const longs: LongOpt[] = [...(spec.long ?? [])];
  if (spec.info) {
    longs.push({ name: 'help', arg: 'none', key: '\x00help' });
    longs.push({ name: 'version', arg: 'none', key: '\x00version' });
  }
  const operands: string[] = [];

  const usageError = (msg: string): GetoptResult => {
    ctx.stderr.write(`${prog}: ${msg}\n`);
    tryHelp(ctx);
    return { ok: false, status: fail };
  };
  const q = (s: string): string => (el5 ? `\`${s}'` : `'${s}'`);
  const qc = (c: string): string => (el5 ? c : `'${c}'`);

  const deliver = (key: string, arg: string | null, spelled: string): GetoptResult | null => {
    if (key === '\x00help' && spec.info) {
      ctx.stdout.write(helpText(ctx, spec.info));
      return { ok: false, status: 0 };
    }
    if (key === '\x00version' && spec.info) {
      ctx.stdout.write(versionText(ctx, spec.info));
      return { ok: false, status: 0 };
    }
    const r = handler(key, arg, spelled);
    return typeof r === 'number' ? { ok: false, status: r } : null;
  };

  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      let val: string | null = eq >= 0 ? body.slice(eq + 1) : null;
      const exact = longs.find((l) => l.name === name);
      const cands = exact ? [exact] : longs.filter((l) => l.name.startsWith(name));
      if (cands.length === 0) return usageError(`unrecognized option ${q('--' + body)}`);
      const first = cands[0]!;
      if (cands.some((c) => c.key !== first.key || c.arg !== first.arg)) return usageError(`option ${q(a)} is ambiguous`);
      if (first.arg === 'none' && val !== null) return usageError(`option ${q('--' + first.name)} doesn't allow an argument`);
      if (first.arg === 'required' && val === null) {
        if (i + 1 < args.length) val = args[++i]!;
        else return usageError(`option ${q(a)} requires an argument`);
      }
      i++;
      const r = deliver(first.key, val, '--' + first.name);
      if (r) return r;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      let j = 1;
      let consumedNext = false;
      while (j < a.length) {
        const c = a[j]!;
        const kind = shorts.get(c);
        if (kind === undefined) return usageError(`invalid option -- ${qc(c)}`);
        if (kind === 'none') {
          j++;
          const r = deliver(c, null, '-' + c);
          if (r) return r;
          continue;
        }
        let val: string | null = null;
        if (j + 1 < a.length) val = a.slice(j + 1);
        else if (kind === 'required') {
          if (i + 1 < args.length) {
            val = args[i + 1]!;
            consumedNext = true;
          } else return usageError(`option requires an argument -- ${qc(c)}`);
        }
        const r = deliver(c, val, '-' + c);
        if (r) return r;
        break;
      }
      i += consumedNext ? 2 : 1;
      continue;
    }
    // an operand
    if (mode === 'inorder') {
      const r = deliver(OPERAND, a, a);
      if (r) return r;
      i++;
    } else if (mode === 'posix') {
      break;
    } else {
      operands.push(a);
      i++;
    }
  }
  for (; i < args.length; i++) {
    if (mode === 'inorder') {
      const r = deliver(OPERAND, args[i]!, args[i]!);
      if (r) return r;
    } else operands.push(args[i]!);
  }
  return { ok: true, operands };
}

// ---- numbers ------------------------------------------------------------------------------

export type StrtolResult = { kind: 'ok'; value: bigint } | { kind: 'invalid' } | { kind: 'overflow'; value: bigint };

const UINTMAX = (1n << 64n) - 1n;

/**
 * gnulib xstrtoumax(s, NULL, 10, &n, suffixes): decimal digits, then an optional multiplier
 * from `suffixes` (b 512, k/K 1024, m/M, G, T, P, E, Z, Y, c 1, w 2; with `0` in the list a
 * trailing B means powers of 1000 and iB powers of 1024). A `-` sign is invalid.
 */
export function xstrtoumax(s: string, suffixes: string | null, base = 10): StrtolResult {
  let p = 0;
  while (p < s.length && /[ \t\n\v\f\r]/.test(s[p]!)) p++;
  if (s[p] === '-') return { kind: 'invalid' };
  if (s[p] === '+') p++;
  const digitRe = base === 8 ? /[0-7]/ : /[0-9]/;
  const start = p;
  while (p < s.length && digitRe.test(s[p]!)) p++;
  let value: bigint;
  let overflow = false;
  if (p === start) {
    if (suffixes && p < s.length && suffixes.includes(s[p]!)) value = 1n;
    else return { kind: 'invalid' };
  } else {
    value = base === 8 ? BigInt('0o' + s.slice(start, p)) : BigInt(s.slice(start, p));
    if (value > UINTMAX) {
      overflow = true;
      value = UINTMAX;
    }
  }
  if (suffixes === null) return overflow ? { kind: 'overflow', value } : { kind: 'ok', value };
  if (p < s.length) {
    const c = s[p]!;
    if (!suffixes.includes(c)) return { kind: 'invalid' };
    let mult = 1024n;
    let used = 1;
    if (suffixes.includes('0')) {
      if (s[p + 1] === 'i' && s[p + 2] === 'B') used += 2;
      else if (s[p + 1] === 'B' || s[p + 1] === 'D') {
        mult = 1000n;
        used++;
      }
    }
    const power: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, g: 3, G: 3, t: 4, T: 4, P: 5, E: 6, Z: 7, Y: 8 };
    let factor: bigint;
    if (c === 'b') factor = 512n;
    else if (c === 'B') factor = 1024n;
    else if (c === 'c') factor = 1n;
    else if (c === 'w') factor = 2n;
    else if (power[c] !== undefined) factor = mult ** BigInt(power[c]);
    else return { kind: 'invalid' };
    value *= factor;
    if (value > UINTMAX) {
      overflow = true;
      value = UINTMAX;
    }
    if (p + used < s.length) return { kind: 'invalid' };
  }
  return overflow ? { kind: 'overflow', value } : { kind: 'ok', value };
}

/** A bigint count as a JS number, capped (no lab file comes near 2^53 bytes). */
export function toCount(v: bigint): number {
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

// ---- input files --------------------------------------------------------------------------

export type OpenResult = { ok: true; node: Inode } | { ok: false; code: Errno; stage: 'open' | 'read' };

/**
 * Opens a file for reading as open(O_RDONLY) then read() would: ENOENT/EACCES/ENOTDIR at open
 * time, EISDIR only when reading a directory.
 */
export function openInput(ctx: ProgramContext, name: string): OpenResult {
  if (name === '') return { ok: false, code: 'ENOENT', stage: 'open' };
  let node: Inode;
  try {
    node = ctx.fs.lookup(name);
  } catch (e) {
    if (isFsError(e)) return { ok: false, code: e.code, stage: 'open' };
    return { ok: false, code: 'EINVAL', stage: 'open' };
  }
  if (name.endsWith('/') && node.type !== 'dir') return { ok: false, code: 'ENOTDIR', stage: 'open' };
  if (!permits(node, ctx.fs.cred, R_OK)) return { ok: false, code: 'EACCES', stage: 'open' };
  if (node.type === 'dir') return { ok: false, code: 'EISDIR', stage: 'read' };
  return { ok: true, node };
}

export type ReadResult = { ok: true; text: string } | { ok: false; code: Errno; stage: 'open' | 'read' };

/** The whole content of a named file, or of standard input for `-`. */
export async function readInput(ctx: ProgramContext, name: string): Promise<ReadResult> {
  if (name === '-') return { ok: true, text: await ctx.stdin.readAll() };
  const r = openInput(ctx, name);
  if (!r.ok) return r;
  return { ok: true, text: r.node.data };
}

/** Whether standard output is a redirection into this very inode (cat's "input file is output file"). */
export function isStdoutFile(ctx: ProgramContext, node: Inode): boolean {
  return ctx.stdout instanceof FileOutput && ctx.stdout.inode === node;
}

/**
 * The inode behind standard input, when the shell redirected a regular file into it and its
 * source says so (an `inode` property); null for pipes, terminals and text.
 */
export function stdinInode(ctx: ProgramContext): Inode | null {
  const src = ctx.stdin.source as unknown as { inode?: unknown };
  const n = src.inode;
  if (n && typeof n === 'object' && 'data' in n && 'type' in n) return n as Inode;
  return null;
}

/** Splits text into lines, each keeping its terminator; a last line without one stays as is. */
export function splitLines(text: string, sep = '\n'): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const i = text.indexOf(sep, start);
    if (i < 0) break;
    out.push(text.slice(start, i + sep.length));
    start = i + sep.length;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

// ---- bytes and widths ---------------------------------------------------------------------

/** The UTF-8 bytes of s, one JS char (0..255) per byte. */
export function utf8Encode(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Decodes bytes (one char each) as UTF-8; a byte that starts no valid sequence stays itself. */
export function utf8Decode(b: string): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b.charCodeAt(i);
    let need = 0;
    let cp = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
    }
    let ok = need > 0 && i + need < b.length;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const d = b.charCodeAt(i + k);
        if (Number.isNaN(d) || (d & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (d & 0x3f);
      }
    }
    if (ok && ((need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += b[i]!;
      i++;
    }
  }
  return out;
}

/** Columns a character takes on the terminal (wcwidth): 0 for combining marks, 2 for wide CJK. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return -1;
  if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f)) return 0;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  )
    return 2;
  return 1;
}

// ---- basic regular expressions ------------------------------------------------------------

const BRACKET_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

export type RegexResult = { ok: true; re: RegExp } | { ok: false; message: string };

/**
 * A POSIX basic regular expression (with the GNU extensions \+ \? \| \< \> \w \s) turned into
 * a JavaScript RegExp; the message on failure is GNU regex's. `extended` reads ERE syntax.
 */
export function posixRegex(pattern: string, opts: { extended?: boolean; icase?: boolean; global?: boolean } = {}): RegexResult {
  const ere = opts.extended === true;
  let out = '';
  let atStart = true;
  let depth = 0;
  const special = /[.*+?^${}()|[\]\\/]/;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const wasStart = atStart;
    atStart = false;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) return { ok: false, message: 'Trailing backslash' };
      i++;
      if (!ere && (n === '(' || n === ')' || n === '{' || n === '}' || n === '|' || n === '+' || n === '?')) {
        if (n === '(') {
          depth++;
          atStart = true;
        } else if (n === ')') {
          if (depth === 0) return { ok: false, message: 'Unmatched ) or \\)' };
          depth--;
        } else if (n === '|') atStart = true;
        out += n;
      } else if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if ('wWsSbB'.includes(n)) out += '\\' + n;
      else if (n === '`') out += '^';
      else if (n === "'") out += '$';
      else if (/[1-9]/.test(n)) out += '\\' + n;
      else out += special.test(n) ? '\\' + n : n;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (pattern[j] === '^') {
        cls += '^';
        j++;
      }
      let first = true;
      let closed = false;
      while (j < pattern.length) {
        const d = pattern[j]!;
        if (d === ']' && !first) {
          closed = true;
          break;
        }
        first = false;
        if (d === '[' && (pattern[j + 1] === ':' || pattern[j + 1] === '=' || pattern[j + 1] === '.')) {
          const kind = pattern[j + 1]!;
          const end = pattern.indexOf(kind + ']', j + 2);
          if (end < 0) return { ok: false, message: 'Unmatched [ or [^' };
          const name = pattern.slice(j + 2, end);
          if (kind === ':') {
            const set = BRACKET_CLASSES[name];
            if (set === undefined) return { ok: false, message: 'Invalid character class name' };
            cls += set;
          } else cls += name.replace(/[\\\]^[-]/g, '\\$&');
          j = end + 2;
          continue;
        }
        cls += d === '\\' || d === '[' || d === ']' || d === '^' ? '\\' + d : d;
        j++;
      }
      if (!closed) return { ok: false, message: 'Unmatched [ or [^' };
      out += cls + ']';
      i = j;
      continue;
    }
    if (c === '*' && wasStart) {
      out += '\\*';
      continue;
    }
    if (c === '^') {
      if (wasStart || ere) {
        out += '^';
        atStart = true;
      } else out += '\\^';
      continue;
    }
    if (c === '$') {
      const rest = pattern.slice(i + 1);
      if (ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) out += '$';
      else out += '\\$';
      continue;
    }
    if (ere && (c === '(' || c === ')' || c === '|' || c === '{' || c === '}' || c === '+' || c === '?')) {
      if (c === '(') {
        depth++;
        atStart = true;
      } else if (c === ')') {
        if (depth === 0) return { ok: false, message: 'Unmatched ) or \\)' };
        depth--;
      } else if (c === '|') atStart = true;
      out += c;
      continue;
    }
    if (c === '.' || c === '*') {
      out += c;
      continue;
    }
    out += special.test(c) ? '\\' + c : c;
  }
  if (depth > 0) return { ok: false, message: 'Unmatched ( or \\(' };
  try {
    return { ok: true, re: new RegExp(out, (opts.icase ? 'i' : '') + (opts.global ? 'g' : '')) };
  } catch {
    return { ok: false, message: 'Invalid regular expression' };
  }
}

// ---- argmatch -----------------------------------------------------------------------------

/**
 * gnulib XARGMATCH: the argument of `--option` must name one of `choices` (a unique prefix
 * will do). On failure prints the invalid/ambiguous message, the valid list and the Try line,
 * and returns null.
 */
export function xargmatch<T>(ctx: ProgramContext, option: string, arg: string, choices: [string, T][]): T | null {
  const exact = choices.find(([name]) => name === arg);
  if (exact) return exact[1];
  const cands = choices.filter(([name]) => name.startsWith(arg));
  const distinct = new Set(cands.map(([, v]) => v));
  if (arg !== '' && cands.length > 0 && distinct.size === 1) return cands[0]![1];
  const kind = cands.length > 1 && arg !== '' ? 'ambiguous' : 'invalid';
  warn(ctx, `${kind} argument ${quote(arg)} for ${quote(option)}`);
  let list = 'Valid arguments are:';
  let last: T | undefined;
  choices.forEach(([name, v], i) => {
    if (i === 0 || v !== last) {
      list += `\n  - \`${name}'`;
      last = v;
    } else list += `, \`${name}'`;
  });
  ctx.stderr.write(list + '\n');
  tryHelp(ctx);
  return null;
}

// ---- line-by-line input -------------------------------------------------------------------

/**
 * Calls fn for each line of a named file or of standard input (`-`), as the text arrives, so a
 * filter at a terminal answers line by line. `last` is true for a final line without newline.
 * Returns the open/read failure, if any, before any line.
 */
export async function eachLine(
  ctx: ProgramContext,
  name: string,
  fn: (line: string, hasNewline: boolean) => void,
): Promise<{ ok: true } | { ok: false; code: Errno; stage: 'open' | 'read' }> {
  if (name !== '-') {
    const f = openInput(ctx, name);
    if (!f.ok) return f;
    const text = f.node.data;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      fn(text.slice(start, nl), true);
      start = nl + 1;
    }
    if (start < text.length) fn(text.slice(start), false);
    return { ok: true };
  }
  let buf = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    buf += chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl < 0) break;
      fn(buf.slice(start, nl), true);
      start = nl + 1;
    }
    buf = buf.slice(start);
  }
  if (buf !== '') fn(buf, false);
  return { ok: true };
}
