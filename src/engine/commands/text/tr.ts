import type { Program, ProgramContext } from '../../proc/program';
import { getopt, quote, tryHelp, utf8Decode, utf8Encode, warn } from './common';

/**
 * tr works on bytes, as coreutils 8.4 does even in a UTF-8 locale: the sets and the input are
 * taken as UTF-8 bytes, so `tr a-z A-Z` leaves accented letters alone.
 */

type ClassName = 'alnum' | 'alpha' | 'blank' | 'cntrl' | 'digit' | 'graph' | 'lower' | 'print' | 'punct' | 'space' | 'upper' | 'xdigit';

const CLASS_TEST: Record<ClassName, (c: number) => boolean> = {
  alnum: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => c >= 48 && c <= 57,
  graph: (c) => c >= 33 && c <= 126,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c <= 126,
  punct: (c) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126),
  space: (c) => (c >= 9 && c <= 13) || c === 32,
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

type Elem =
  | { t: 'char'; c: number }
  | { t: 'range'; a: number; b: number }
  | { t: 'class'; name: ClassName }
  | { t: 'equiv'; c: number }
  | { t: 'repeat'; c: number; n: number | null };

interface SpecList {
  elems: Elem[];
  length: number;
  indefinite: number;
  hasEquiv: boolean;
  hasClass: boolean;
  hasRestrictedClass: boolean;
}

class TrFail extends Error {}

function printableChar(c: number): string {
  return c >= 32 && c < 127 ? String.fromCharCode(c) : '\\' + c.toString(8).padStart(3, '0');
}

function printableStr(bytes: number[]): string {
  return bytes
    .map((c) => {
      if (c === 92) return '\\\\';
      if (c === 7) return '\\a';
      if (c === 8) return '\\b';
      if (c === 12) return '\\f';
      if (c === 10) return '\\n';
      if (c === 13) return '\\r';
      if (c === 9) return '\\t';
      if (c === 11) return '\\v';
      return printableChar(c);
    })
    .join('');
}

/** unquote(): backslash escapes, keeping note of which bytes were escaped. */
function unquote(ctx: ProgramContext, s: string): { s: number[]; esc: boolean[] } {
  const b = [...utf8Encode(s)].map((ch) => ch.charCodeAt(0));
  const out: number[] = [];
  const esc: boolean[] = [];
  const isOct = (x: number | undefined): boolean => x !== undefined && x >= 48 && x <= 55;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c !== 92) {
      out.push(c);
      esc.push(false);
      continue;
    }
    const n = b[i + 1];
    let v: number;
    let escaped = true;
    switch (n) {
      case 92:
        v = 92;
        break;
      case 97:
        v = 7;
        break;
      case 98:
        v = 8;
        break;
      case 102:
        v = 12;
        break;
      case 110:
        v = 10;
        break;
      case 114:
        v = 13;
        break;
      case 116:
        v = 9;
        break;
      case 118:
        v = 11;
        break;
      case undefined:
        warn(ctx, 'warning: an unescaped backslash at end of string is not portable');
        escaped = false;
        i--;
        v = 92;
        break;
      default:
        if (isOct(n)) {
          v = n - 48;
          if (isOct(b[i + 2])) {
            v = v * 8 + (b[i + 2]! - 48);
            i++;
            if (isOct(b[i + 2])) {
              if (v * 8 + (b[i + 2]! - 48) < 256) {
                v = v * 8 + (b[i + 2]! - 48);
                i++;
              } else {
                const d = String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!);
                warn(ctx, `warning: the ambiguous octal escape \\${d} is being\n\tinterpreted as the 2-byte sequence \\0${d.slice(0, 2)}, ${d[2]}`);
              }
            }
          }
        } else v = n;
    }
    i++;
    out.push(v);
    esc.push(escaped);
  }
  return { s: out, esc };
}

/** build_spec_list(): [:class:], [=c=], [c*n], ranges and plain characters. */
function buildSpec(ctx: ProgramContext, arg: string): SpecList {
  const { s, esc } = unquote(ctx, arg);
  const len = s.length;
  const match = (i: number, c: string): boolean => i < len && s[i] === c.charCodeAt(0) && !esc[i];
  const elems: Elem[] = [];
  const fail = (msg: string): never => {
    warn(ctx, msg);
    throw new TrFail();
  };
  const starDigitsClose = (idx: number): boolean => {
    if (!match(idx, '*')) return false;
    for (let i = idx + 1; i < len; i++) {
      const c = s[i]!;
      if (!(c >= 48 && c <= 57) || esc[i]) return match(i, ']');
    }
    return false;
  };
  /** find_bracketed_repeat(): 0 found, -1 not a repeat, -2 bad count (reported). */
  const bracketedRepeat = (start: number): { code: 0; c: number; n: number | null; close: number } | { code: -1 | -2 } => {
    if (!match(start + 1, '*')) return { code: -1 };
    for (let i = start + 2; i < len && !esc[i]; i++) {
      if (s[i] === 93) {
        const digits = s.slice(start + 2, i);
        if (digits.length === 0) return { code: 0, c: s[start]!, n: null, close: i };
        const text = String.fromCharCode(...digits);
        const octal = text.startsWith('0');
        const valid = octal ? /^[0-7]+$/.test(text) : /^[0-9]+$/.test(text);
        const n = valid ? parseInt(text, octal ? 8 : 10) : NaN;
        if (!valid || !(n <= 0x7fffffff)) {
          warn(ctx, `invalid repeat count ${quote(printableStr(digits))} in [c*n] construct`);
          return { code: -2 };
        }
        return { code: 0, c: s[start]!, n, close: i };
      }
    }
    return { code: -1 };
  };

  let i = 0;
  while (i + 2 < len) {
    if (match(i, '[')) {
      let handled = false;
      let tryRepeat = true;
      if (match(i + 1, ':') || match(i + 1, '=')) {
        const kind = s[i + 1]!;
        let close = -1;
        for (let j = i + 2; j < len - 1; j++) {
          if (s[j] === kind && s[j + 1] === 93 && !esc[j] && !esc[j + 1]) {
            close = j;
            break;
          }
        }
        if (close >= 0) {
          const opnd = s.slice(i + 2, close);
          if (opnd.length === 0) fail(kind === 58 ? 'missing character class name `[::]\'' : 'missing equivalence class character `[==]\'');
          if (kind === 58) {
            const name = String.fromCharCode(...opnd);
            if (Object.prototype.hasOwnProperty.call(CLASS_TEST, name)) {
              elems.push({ t: 'class', name: name as ClassName });
              i = close + 2;
              handled = true;
            } else if (!starDigitsClose(i + 2)) fail(`invalid character class ${quote(printableStr(opnd))}`);
          } else if (opnd.length === 1) {
            elems.push({ t: 'equiv', c: opnd[0]! });
            i = close + 2;
            handled = true;
          } else if (!starDigitsClose(i + 2)) fail(`${printableStr(opnd)}: equivalence class operand must be a single character`);
          if (handled) tryRepeat = false;
        }
      }
      if (handled) continue;
      if (tryRepeat) {
        const rep = bracketedRepeat(i + 1);
        if (rep.code === 0) {
          elems.push({ t: 'repeat', c: rep.c, n: rep.n === 0 ? null : rep.n });
          i = rep.close + 1;
          continue;
        }
        if (rep.code === -2) throw new TrFail();
      }
    }
    if (match(i + 1, '-')) {
      const a = s[i]!;
      const b = s[i + 2]!;
      if (b < a) fail(`range-endpoints of \`${printableChar(a)}-${printableChar(b)}' are in reverse collating sequence order`);
      elems.push({ t: 'range', a, b });
      i += 3;
    } else {
      elems.push({ t: 'char', c: s[i]! });
      i++;
    }
  }
  for (; i < len; i++) elems.push({ t: 'char', c: s[i]! });

  const spec: SpecList = { elems, length: 0, indefinite: 0, hasEquiv: false, hasClass: false, hasRestrictedClass: false };
  computeStats(spec);
  return spec;
}

function classMembers(name: ClassName): number[] {
  const out: number[] = [];
  for (let c = 0; c < 256; c++) if (CLASS_TEST[name](c)) out.push(c);
  return out;
}

function elemLength(e: Elem): number {
  switch (e.t) {
    case 'char':
    case 'equiv':
      return 1;
    case 'range':
      return e.b - e.a + 1;
    case 'class':
      return classMembers(e.name).length;
    case 'repeat':
      return e.n ?? 0;
  }
}

function computeStats(spec: SpecList): void {
  spec.length = 0;
  spec.indefinite = 0;
  for (const e of spec.elems) {
    if (e.t === 'class') {
      spec.hasClass = true;
      if (e.name !== 'upper' && e.name !== 'lower') spec.hasRestrictedClass = true;
    }
    if (e.t === 'equiv') spec.hasEquiv = true;
    if (e.t === 'repeat' && e.n === null) spec.indefinite++;
    spec.length += elemLength(e);
  }
}

/**
 * The bytes a spec stands for, in order, each with the upper/lower class it came from. Only
 * the first `limit` are made: a `[x*2000000000]` must not fill memory, and no mapping needs
 * more than a few hundred of them.
 */
function expand(spec: SpecList, limit = 1 << 16): { c: number; cls: 'upper' | 'lower' | null; elem: number }[] {
  const out: { c: number; cls: 'upper' | 'lower' | null; elem: number }[] = [];
  for (let elem = 0; elem < spec.elems.length && out.length < limit; elem++) {
    const e = spec.elems[elem]!;
    switch (e.t) {
      case 'char':
      case 'equiv':
        out.push({ c: e.c, cls: null, elem });
        break;
      case 'range':
        for (let c = e.a; c <= e.b; c++) out.push({ c, cls: null, elem });
        break;
      case 'class': {
        const cls = e.name === 'upper' || e.name === 'lower' ? e.name : null;
        for (const c of classMembers(e.name)) out.push({ c, cls, elem });
        break;
      }
      case 'repeat':
        for (let k = 0; k < (e.n ?? 0) && out.length < limit; k++) out.push({ c: e.c, cls: null, elem });
        break;
    }
  }
  return out;
}

/** Which bytes a spec contains (each element once, however often it repeats). */
function memberSet(spec: SpecList, complement: boolean): boolean[] {
  const set = new Array<boolean>(256).fill(false);
  for (const e of spec.elems) {
    if (e.t === 'char' || e.t === 'equiv') set[e.c] = true;
    else if (e.t === 'range') for (let c = e.a; c <= e.b; c++) set[c] = true;
    else if (e.t === 'class') for (const c of classMembers(e.name)) set[c] = true;
    else if ((e.n ?? 0) > 0) set[e.c] = true;
  }
  if (complement) for (let c = 0; c < 256; c++) set[c] = !set[c];
  return set;
}

export const tr: Program = async (ctx) => {
  let complement = false;
  let del = false;
  let squeeze = false;
  let truncate = false;
  const r = getopt(
    ctx,
    {
      short: '+cCdst',
      long: [
        { name: 'complement', arg: 'none', key: 'c' },
        { name: 'delete', arg: 'none', key: 'd' },
        { name: 'squeeze-repeats', arg: 'none', key: 's' },
        { name: 'truncate-set1', arg: 'none', key: 't' },
      ],
      info: { name: 'tr', authors: ['Jim Meyering'] },
    },
    (k) => {
      if (k === 'c' || k === 'C') complement = true;
      else if (k === 'd') del = true;
      else if (k === 's') squeeze = true;
      else if (k === 't') truncate = true;
    },
  );
  if (!r.ok) return r.status;
  const ops = r.operands;
  const n = ops.length;
  const translating = n === 2 && !del;
  const minOps = 1 + (del === squeeze ? 1 : 0);
  const maxOps = 1 + (Number(del) <= Number(squeeze) ? 1 : 0);
  if (n < minOps) {
    if (n === 0) warn(ctx, 'missing operand');
    else {
      warn(ctx, `missing operand after ${quote(ops[n - 1]!)}`);
      ctx.stderr.write(squeeze ? 'Two strings must be given when both deleting and squeezing repeats.\n' : 'Two strings must be given when translating.\n');
    }
    tryHelp(ctx);
    return 1;
  }
  if (maxOps < n) {
    warn(ctx, `extra operand ${quote(ops[maxOps]!)}`);
    if (n === 2) ctx.stderr.write('Only one string may be given when deleting without squeezing repeats.\n');
    tryHelp(ctx);
    return 1;
  }

  let s1: SpecList;
  let s2: SpecList | null = null;
  try {
    s1 = buildSpec(ctx, ops[0]!);
    if (n === 2) s2 = buildSpec(ctx, ops[1]!);
  } catch (e) {
    if (e instanceof TrFail) return 1;
    throw e;
  }
  const die = (msg: string): number => {
    warn(ctx, msg);
    return 1;
  };

  // validate()
  const s1Len = complement ? memberSet(s1, true).filter(Boolean).length : s1.length;
  if (s1.indefinite > 0) return die('the [c*] repeat construct may not appear in string1');
  if (s2) {
    if (s1Len >= s2.length && s2.indefinite === 1) {
      const el = s2.elems.find((e) => e.t === 'repeat' && e.n === null) as { n: number | null };
      el.n = s1Len - s2.length;
      computeStats(s2);
      if (el.n === 0) s2.indefinite = 0;
    }
    if (s2.indefinite > 1) return die('only one [c*] repeat construct may appear in string2');
    if (translating) {
      if (s2.hasEquiv) return die('[=c=] expressions may not appear in string2 when translating');
      if (s1Len > s2.length && !truncate) {
        if (s2.length === 0) return die('when not truncating set1, string2 must be non-empty');
        const last = s2.elems[s2.elems.length - 1]!;
        let rep: number;
        if (last.t === 'char' || last.t === 'equiv') rep = last.c;
        else if (last.t === 'range') rep = last.b;
        else if (last.t === 'class') rep = classMembers(last.name).pop()!;
        else rep = last.c;
        s2.elems.push({ t: 'repeat', c: rep, n: s1Len - s2.length });
        computeStats(s2);
      }
      if (complement && s1.hasClass) {
        const bytes = expand(s2).map((x) => x.c);
        const homogeneous = bytes.length > 0 && bytes.every((b) => b === bytes[0]);
        if (!(s2.length === s1Len && homogeneous)) return die('when translating with complemented character classes,\nstring2 must map all characters in the domain to one');
      }
      if (s2.hasRestrictedClass) return die("when translating, the only character classes that may appear in\nstring2 are `upper' and `lower'");
    } else if (s2.indefinite > 0) return die('the [c*] construct may appear in string2 only when translating');
  }

  // The byte maps.
  const xlate: number[] = [];
  for (let c = 0; c < 256; c++) xlate.push(c);
  let deleteSet: boolean[] | null = null;
  let squeezeSet: boolean[] | null = null;
  if (squeeze && n === 1) squeezeSet = memberSet(s1, complement);
  else if (del && n === 1) deleteSet = memberSet(s1, complement);
  else if (squeeze && del && n === 2) {
    deleteSet = memberSet(s1, complement);
    squeezeSet = memberSet(s2!, false);
  } else if (translating) {
    const t2 = expand(s2!);
    if (complement) {
      const in1 = memberSet(s1, false);
      let k = 0;
      for (let c = 0; c < 256; c++) {
        if (in1[c]) continue;
        const x = t2[k++];
        if (x === undefined) break;
        xlate[c] = x.c;
      }
    } else {
      const t1 = expand(s1);
      let i = 0;
      let j = 0;
      for (;;) {
        const a = t1[i];
        const b = t2[j];
        const clsA = a?.cls ?? null;
        const clsB = b?.cls ?? null;
        if (clsA === null && (clsB === 'lower' || clsB === 'upper')) return die('misaligned [:upper:] and/or [:lower:] construct');
        if (a && b && clsA !== null && clsB !== null) {
          if (clsA === 'lower' && clsB === 'upper') for (let c = 97; c <= 122; c++) xlate[c] = c - 32;
          else if (clsA === 'upper' && clsB === 'lower') for (let c = 65; c <= 90; c++) xlate[c] = c + 32;
          // Skip both constructs whole.
          while (t1[i] && t1[i]!.elem === a.elem) i++;
          while (t2[j] && t2[j]!.elem === b.elem) j++;
          continue;
        }
        if (!a || !b) break;
        xlate[a.c] = b.c;
        i++;
        j++;
      }
    }
    if (squeeze) squeezeSet = memberSet(s2!, false);
  }

  let last = -1;
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    const bytes = utf8Encode(chunk);
    let out = '';
    for (let k = 0; k < bytes.length; k++) {
      const c = bytes.charCodeAt(k);
      if (deleteSet && deleteSet[c]) continue;
      const t = deleteSet ? c : xlate[c]!;
      if (squeezeSet && squeezeSet[t] && t === last) continue;
      out += String.fromCharCode(t);
      last = t;
    }
    if (out !== '') ctx.stdout.write(utf8Decode(out));
  }
  return 0;
};
