import type { Part, Word } from './ast';
import { escapeGlob, hasGlob, patternToRegExp } from './glob';
import { braceExpand } from './brace';

/** An expansion failed: bash prints `-bash: MESSAGE` and the command does not run. */
export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** What expansion needs from the shell. */
export interface ExpandEnv {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** $1 ... $n */
  positional(): string[];
  commandSubst(src: string): Promise<string>;
  arith(src: string): string;
  homeOf(user: string): string | undefined;
  /** Sorted matches of a glob pattern, [] when none. */
  glob(pattern: string): string[];
  readonly noglob: boolean;
  readonly nounset: boolean;
  readonly ifs: string;
}

/** A piece of a field: its text and whether it came from an unquoted place. */
interface Seg {
  text: string;
  /** Unquoted: glob characters in it are live. */
  glob: boolean;
}

interface Field {
  segs: Seg[];
  /** Contains a quoted part, so it survives even when empty. */
  quoted: boolean;
}

const MAX_LEN = 1 << 22;

/** Full expansion of command words: tilde, parameters, substitutions, splitting, globbing. */
export async function expandWords(words: Word[], env: ExpandEnv): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    for (const w of braceExpand(word)) {
      for (const f of await expandFields(w, env)) out.push(...globField(f, env));
    }
  }
  return out;
}

/** Expansion without splitting or globbing: assignments, redirection targets, case words. */
export async function expandString(w: Word | Part[], env: ExpandEnv): Promise<string> {
  const parts = Array.isArray(w) ? w : w.parts;
  let s = '';
  for (const p of parts) s += await partString(p, env, true);
  return s;
}

/** Expansion of a pattern word: quoted parts are escaped so they match literally. */
export async function expandPattern(parts: Part[], env: ExpandEnv): Promise<string> {
  let s = '';
  for (const p of parts) {
    if (p.k === 'lit') s += p.s;
    else if (p.k === 'sq') s += escapeGlob(p.s);
    else if (p.k === 'dq') s += escapeGlob(await expandString(p.parts, env));
    else s += await partString(p, env, false);
  }
  return s;
}

async function expandFields(w: Word, env: ExpandEnv): Promise<Field[]> {
  const fields: Field[] = [{ segs: [], quoted: false }];
  const cur = (): Field => fields[fields.length - 1]!;
  const add = (text: string, glob: boolean): void => {
    cur().segs.push({ text, glob });
  };
  for (const p of w.parts) {
    switch (p.k) {
      case 'lit':
        add(p.s, true);
        break;
      case 'sq':
        add(p.s, false);
        cur().quoted = true;
        break;
      case 'tilde':
        add(tilde(p.user, env), false);
        break;
      case 'dq': {
        cur().quoted = true;
        for (const q of p.parts) {
          if (q.k === 'var' && q.name === '@' && q.op === '') {
            const args = env.positional();
            args.forEach((a, idx) => {
              if (idx > 0) fields.push({ segs: [], quoted: true });
              add(a, false);
            });
            if (args.length === 0 && cur().segs.length === 0 && p.parts.length === 1) cur().quoted = false;
          } else add(await partString(q, env, true), false);
        }
        break;
      }
      default: {
        if (p.k === 'var' && (p.name === '@' || p.name === '*') && p.op === '' && !p.length) {
          env.positional().forEach((a, idx) => {
            if (idx > 0) fields.push({ segs: [], quoted: false });
            splitInto(a, env.ifs, fields, add);
          });
          break;
        }
        const value = await partString(p, env, false);
        splitInto(value, env.ifs, fields, add);
      }
    }
  }
  return fields.filter((f) => f.quoted || f.segs.some((s) => s.text !== ''));
}

/** Field splitting of an unquoted expansion result on IFS. */
function splitInto(value: string, ifs: string, fields: Field[], add: (t: string, g: boolean) => void): void {
  if (value === '') return;
  if (ifs === '') {
    add(value, true);
    return;
  }
  const white = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  let i = 0;
  let piece = '';
  let started = false;
  const isWhite = (c: string): boolean => white.includes(c);
  const isSep = (c: string): boolean => ifs.includes(c);
  while (i < value.length) {
    const c = value[i]!;
    if (isSep(c)) {
      if (piece !== '' || started) {
        add(piece, true);
        fields.push({ segs: [], quoted: false });
      } else if (i === 0 && fields[fields.length - 1]!.segs.length > 0) {
        fields.push({ segs: [], quoted: false });
      }
      piece = '';
      started = false;
      // a run of IFS white space, with at most one non-white separator inside
      let j = i;
      let hard = !isWhite(c);
      j++;
      while (j < value.length && isSep(value[j]!) && (isWhite(value[j]!) || !hard)) {
        if (!isWhite(value[j]!)) hard = true;
        j++;
      }
      i = j;
      continue;
    }
    piece += c;
    started = true;
    i++;
  }
  if (piece !== '') add(piece, true);
  else {
    // Trailing separators: drop the empty field we opened.
    const last = fields[fields.length - 1]!;
    if (last.segs.length === 0 && !last.quoted && fields.length > 1) fields.pop();
  }
}

function globField(f: Field, env: ExpandEnv): string[] {
  const text = f.segs.map((s) => s.text).join('');
  if (env.noglob || !f.segs.some((s) => s.glob && /[*?[]/.test(s.text))) return [text];
  const pattern = f.segs.map((s) => (s.glob ? s.text : escapeGlob(s.text))).join('');
  if (!hasGlob(pattern)) return [text];
  const matches = env.glob(pattern);
  return matches.length > 0 ? matches : [text];
}

function tilde(user: string, env: ExpandEnv): string {
  if (user === '') return env.getVar('HOME') ?? '~';
  if (user === '+') return env.getVar('PWD') ?? '~+';
  if (user === '-') return env.getVar('OLDPWD') ?? '~-';
  return env.homeOf(user) ?? '~' + user;
}

/** The string value of one part (no splitting). */
async function partString(p: Part, env: ExpandEnv, quoted: boolean): Promise<string> {
  switch (p.k) {
    case 'lit':
    case 'sq':
      return p.s;
    case 'tilde':
      return quoted ? '~' + p.user : tilde(p.user, env);
    case 'dq': {
      let s = '';
      for (const q of p.parts) s += await partString(q, env, true);
      return s;
    }
    case 'cmd': {
      const out = await env.commandSubst(p.src);
      return out.replace(/\n+$/, '');
    }
    case 'arith': {
      const inner = await expandString([{ k: 'dq', parts: reparseArith(p.src) }], env);
      return env.arith(inner);
    }
    case 'var':
      return paramValue(p, env);
  }
}

/** $((...)) may contain $var and $(cmd): expand those first, as bash does. */
function reparseArith(src: string): Part[] {
  // Cheap path: nothing to expand.
  if (!src.includes('$') && !src.includes('`')) return [{ k: 'sq', s: src }];
  // Delegate to the word scanner lazily to avoid a cycle at load time.
  return arithParts(src);
}

let arithParts: (src: string) => Part[] = (src) => [{ k: 'sq', s: src }];
/** Set by the shell at start-up (breaks an import cycle with the parser). */
export function setArithPartParser(fn: (src: string) => Part[]): void {
  arithParts = fn;
}

function special(name: string, env: ExpandEnv): string | undefined {
  if (name === '@' || name === '*') {
    const args = env.positional();
    return name === '*' ? args.join(env.ifs[0] ?? '') : args.join(' ');
  }
  if (/^[1-9][0-9]*$/.test(name)) return env.positional()[Number(name) - 1];
  return env.getVar(name);
}

async function paramValue(p: Part & { k: 'var' }, env: ExpandEnv): Promise<string> {
  const name = p.name;
  const value = special(name, env);
  if (p.length) {
    if (name === '@' || name === '*') return String(env.positional().length);
    if (value === undefined && env.nounset) throw new ExpansionError(`${name}: unbound variable`);
    return String([...(value ?? '')].length);
  }
  const unsetOrNull = value === undefined || value === '';
  const isSet = value !== undefined;
  const word = async (): Promise<string> => (p.arg ? expandString(p.arg, env) : '');
  switch (p.op) {
    case '':
      if (value === undefined && env.nounset && !['@', '*', '#', '?', '-', '$', '!', '0'].includes(name)) {
        throw new ExpansionError(`${name}: unbound variable`);
      }
      return value ?? '';
    case ':-':
      return unsetOrNull ? word() : value!;
    case '-':
      return isSet ? value! : word();
    case ':=':
    case '=': {
      if (p.op === ':=' ? unsetOrNull : !isSet) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ExpansionError(`$${name}: cannot assign in this way`);
        const v = await word();
        env.setVar(name, v);
        return v;
      }
      return value!;
    }
    case ':+':
      return unsetOrNull ? '' : word();
    case '+':
      return isSet ? word() : '';
    case ':?':
    case '?':
      if (p.op === ':?' ? unsetOrNull : !isSet) {
        const msg = p.arg && p.arg.length ? await word() : p.op === ':?' ? 'parameter null or not set' : 'parameter not set';
        throw new ExpansionError(`${name}: ${msg}`);
      }
      return value!;
    case '#':
    case '##':
    case '%':
    case '%%': {
      const v = value ?? '';
      const pat = await expandPattern(p.arg ?? [], env);
      return trimPattern(v, pat, p.op);
    }
    case '/':
    case '//': {
      const v = value ?? '';
      let pat = await expandPattern(p.arg ?? [], env);
      const rep = p.arg2 ? await expandString(p.arg2, env) : '';
      let anchor: 'start' | 'end' | null = null;
      if (pat.startsWith('#')) {
        anchor = 'start';
        pat = pat.slice(1);
      } else if (pat.startsWith('%')) {
        anchor = 'end';
        pat = pat.slice(1);
      }
      if (pat === '') return v;
      return replacePattern(v, pat, rep, p.op === '//', anchor);
    }
    case '^':
    case '^^':
      return p.op === '^^' ? (value ?? '').toUpperCase() : (value ?? '').charAt(0).toUpperCase() + (value ?? '').slice(1);
    case ',':
    case ',,':
      return p.op === ',,' ? (value ?? '').toLowerCase() : (value ?? '').charAt(0).toLowerCase() + (value ?? '').slice(1);
    case ':': {
      const v = [...(value ?? '')];
      const off = Number(env.arith(await expandString(p.arg ?? [], env)));
      let start = off < 0 ? Math.max(0, v.length + off) : Math.min(off, v.length);
      if (!Number.isFinite(start)) start = 0;
      if (!p.arg2) return v.slice(start).join('');
      const len = Number(env.arith(await expandString(p.arg2, env)));
      if (len < 0) {
        const end = v.length + len;
        if (end < start) throw new ExpansionError(`${len}: substring expression < 0`);
        return v.slice(start, end).join('');
      }
      return v.slice(start, start + len).join('');
    }
  }
  return value ?? '';
}

function trimPattern(v: string, pat: string, op: string): string {
  if (v.length > MAX_LEN) return v;
  if (op === '#' || op === '##') {
    const re = patternToRegExp(pat, { anchored: 'both' });
    if (op === '#') {
      for (let i = 0; i <= v.length; i++) if (re.test(v.slice(0, i))) return v.slice(i);
    } else {
      for (let i = v.length; i >= 0; i--) if (re.test(v.slice(0, i))) return v.slice(i);
    }
    return v;
  }
  const re = patternToRegExp(pat, { anchored: 'both' });
  if (op === '%') {
    for (let i = v.length; i >= 0; i--) if (re.test(v.slice(i))) return v.slice(0, i);
  } else {
    for (let i = 0; i <= v.length; i++) if (re.test(v.slice(i))) return v.slice(0, i);
  }
  return v;
}

function replacePattern(v: string, pat: string, rep: string, all: boolean, anchor: 'start' | 'end' | null): string {
  if (v.length > 65536) return v;
  const re = patternToRegExp(pat, { anchored: 'both' });
  if (anchor === 'start') {
    for (let i = v.length; i >= 0; i--) if (re.test(v.slice(0, i))) return rep + v.slice(i);
    return v;
  }
  if (anchor === 'end') {
    for (let i = 0; i <= v.length; i++) if (re.test(v.slice(i))) return v.slice(0, i) + rep;
    return v;
  }
  let out = '';
  let i = 0;
  while (i <= v.length) {
    let matched = -1;
    for (let j = v.length; j > i; j--) {
      if (re.test(v.slice(i, j))) {
        matched = j;
        break;
      }
    }
    if (matched < 0) {
      if (i < v.length) out += v[i];
      i++;
      continue;
    }
    out += rep;
    i = matched;
    if (!all) return out + v.slice(i);
  }
  return out;
}
