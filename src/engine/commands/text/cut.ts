import type { Program } from '../../proc/program';
import { eachLine, getopt, isEl5, quote, strerror, tryHelp, utf8Decode, utf8Encode, warn } from './common';

type Mode = 'bytes' | 'chars' | 'fields';

/** The parsed LIST of -b/-c/-f, as cut.c keeps it. */
interface Selection {
  ranges: { lo: number; hi: number }[];
  /** Start of an `N-` range (0 when none). */
  eolStart: number;
  maxEnd: number;
  /** Positions where a new range begins (for --output-delimiter). */
  rangeStarts: Set<number>;
  complement: boolean;
}

/** Whether k lies in one of the ranges (kept as intervals: `-c1-4000000000` must stay cheap). */
function inRanges(ranges: { lo: number; hi: number }[], k: number): boolean {
  for (const r of ranges) if (r.lo <= k && k <= r.hi) return true;
  return false;
}

class ListError extends Error {}

/** set_fields(): parses `1,3-5,7-` (blanks also separate). Throws ListError with cut's message. */
function parseList(spec: string, mode: Mode, complement: boolean, markStarts: boolean, el5: boolean): Selection {
  // coreutils 5.97 (RHEL 5) knew only one complaint about a bad list.
  const bad = (msg: string): ListError => new ListError(el5 ? 'invalid byte or field list' : msg);
  const ranges: { lo: number; hi: number }[] = [];
  let eolStart = 0;
  let initial = 1;
  let value = 0;
  let lhs = false;
  let rhs = false;
  let dash = false;
  let found = false;
  let numStart = -1;
  const add = (lo: number, hi: number): void => {
    if (lo === 0 || hi === 0) {
      if (el5) return;
      throw new ListError('fields and positions are numbered from 1');
    }
    ranges.push({ lo, hi });
  };
  for (let i = 0; ; i++) {
    const c = spec[i];
    if (c === '-') {
      if (dash) throw new ListError('invalid byte or field list');
      dash = true;
      initial = lhs ? value : 1;
      value = 0;
      numStart = -1;
    } else if (c === ',' || c === ' ' || c === '\t' || c === undefined) {
      numStart = -1;
      if (dash) {
        dash = false;
        if (!lhs && !rhs && !el5) throw bad('invalid range with no endpoint: -');
        if (!rhs) {
          eolStart = initial;
          found = true;
        } else {
          if (value < initial) throw bad('invalid decreasing range');
          if (eolStart !== 0) {
            if (initial < eolStart) {
              if (eolStart <= value) eolStart = initial;
              else add(initial, value);
              found = true;
            }
          } else {
            add(initial, value);
            found = true;
          }
          value = 0;
        }
      } else {
        add(value, value);
        value = 0;
        found = true;
      }
      if (c === undefined) break;
      lhs = rhs = false;
    } else if (c >= '0' && c <= '9') {
      if (numStart < 0) numStart = i;
      if (dash) rhs = true;
      else lhs = true;
      value = value * 10 + (c.charCodeAt(0) - 48);
      // size_t on the lab's i686 hosts is 32 bits wide.
      if (value > 0xffffffff) {
        const bad = /^[0-9]*/.exec(spec.slice(numStart))![0];
        throw new ListError(mode === 'fields' ? `field number ${quote(bad)} is too large` : `byte offset ${quote(bad)} is too large`);
      }
    } else throw new ListError('invalid byte or field list');
  }
  if (!found) throw new ListError(mode === 'fields' ? 'missing list of fields' : 'missing list of positions');

  let maxEnd = 0;
  for (const r of ranges) if (r.hi > maxEnd) maxEnd = r.hi;
  ranges.sort((a, b) => a.lo - b.lo);
  const rangeStarts = new Set<number>();
  const seen: { lo: number; hi: number }[] = [];
  for (const r of ranges) {
    const cand = complement ? r.hi + 1 : r.lo;
    if (markStarts && !inRanges(seen, cand)) rangeStarts.add(cand);
    seen.push(r);
  }
  if (markStarts && !complement && eolStart && !inRanges(ranges, eolStart)) rangeStarts.add(eolStart);
  return { ranges, eolStart, maxEnd, rangeStarts, complement };
}

function selected(sel: Selection, k: number): boolean {
  const inList = (sel.eolStart > 0 && sel.eolStart <= k) || (k <= sel.maxEnd && inRanges(sel.ranges, k));
  return inList !== sel.complement;
}

export const cut: Program = async (ctx) => {
  let mode: Mode | null = null;
  let list = '';
  let delim: string | null = null;
  let outDelim: string | null = null;
  let suppress = false;
  let complement = false;
  const fatal = (msg: string): number => {
    warn(ctx, msg);
    tryHelp(ctx);
    return 1;
  };
  const r = getopt(
    ctx,
    {
      short: 'b:c:d:f:ns',
      long: [
        { name: 'bytes', arg: 'required', key: 'b' },
        { name: 'characters', arg: 'required', key: 'c' },
        { name: 'fields', arg: 'required', key: 'f' },
        { name: 'delimiter', arg: 'required', key: 'd' },
        { name: 'only-delimited', arg: 'none', key: 's' },
        { name: 'output-delimiter', arg: 'required', key: 'O' },
        { name: 'complement', arg: 'none', key: 'C' },
      ],
      info: { name: 'cut', authors: ['David M. Ihnat', 'David MacKenzie', 'Jim Meyering'] },
    },
    (k, arg) => {
      const a = arg ?? '';
      switch (k) {
        case 'b':
        case 'c':
        case 'f':
          if (mode !== null) return fatal('only one type of list may be specified');
          mode = k === 'b' ? 'bytes' : k === 'c' ? 'chars' : 'fields';
          list = a;
          return;
        case 'd':
          if ([...a].length > 1) return fatal('the delimiter must be a single character');
          delim = a === '' ? '\0' : a;
          return;
        case 'O':
          outDelim = a === '' ? '\0' : a;
          return;
        case 's':
          suppress = true;
          return;
        case 'C':
          complement = true;
          return;
        default:
          return;
      }
    },
  );
  if (!r.ok) return r.status;
  const m = mode as Mode | null;
  if (m === null) return fatal('you must specify a list of bytes, characters, or fields');
  if (delim !== null && delim !== '\0' && m !== 'fields') return fatal('an input delimiter may be specified only when operating on fields');
  if (suppress && m !== 'fields') return fatal('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
  let sel: Selection;
  try {
    sel = parseList(list, m, complement, outDelim !== null, isEl5(ctx));
  } catch (e) {
    if (e instanceof ListError) {
      if (/too large/.test(e.message)) {
        warn(ctx, e.message);
        return 1;
      }
      return fatal(e.message);
    }
    throw e;
  }
  const d: string = delim ?? '\t';
  const od: string = outDelim ?? d;

  const cutLine = (line: string): string | null => {
    if (m === 'fields') {
      const fields = line.split(d);
      if (fields.length === 1) return suppress ? null : line;
      const out: string[] = [];
      fields.forEach((f, i) => {
        if (selected(sel, i + 1)) out.push(f);
      });
      return out.join(od);
    }
    const units = m === 'bytes' ? [...utf8Encode(line)] : [...line];
    let out = '';
    let started = false;
    units.forEach((u, i) => {
      const k = i + 1;
      if (!selected(sel, k)) return;
      if (outDelim !== null && started && sel.rangeStarts.has(k)) out += od;
      started = true;
      out += u;
    });
    return m === 'bytes' ? utf8Decode(out) : out;
  };

  const files = r.operands.length > 0 ? r.operands : ['-'];
  let ok = true;
  for (const name of files) {
    let out = '';
    const res = await eachLine(ctx, name, (line) => {
      const c = cutLine(line);
      if (c === null) return;
      if (name === '-') ctx.stdout.write(c + '\n');
      else out += c + '\n';
    });
    if (out !== '') ctx.stdout.write(out);
    if (!res.ok) {
      warn(ctx, `${name}: ${strerror(res.code)}`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
};

