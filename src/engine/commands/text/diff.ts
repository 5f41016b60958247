/**
 * diff: GNU diffutils 2.8.1 (RHEL 5 and 6 both ship it).
 *
 * The comparison follows diff's own pipeline so that the hunks come out exactly as diff prints
 * them: identical prefix and suffix trimmed (keeping the context "horizon"), lines hashed into
 * equivalence classes (with -i/-b/-w), lines without a partner discarded, Myers' O(ND) middle
 * snake search with diff's cost heuristic, then shift_boundaries to slide hunks to their usual
 * places. Output: normal, unified (-u/-U), context (-c/-C), brief (-q); -r compares directories.
 */
import type { Program, ProgramContext } from '../../proc/program';
import { FsError } from '../../fs/errors';
import type { StatInfo } from '../../fs/vfs';
import { numericZone, pad2, toLocal } from '../../util/clock';
import { fnmatch, getoptLong, type LongOpt } from './regex';

interface Line {
  text: string;
  nl: boolean;
}

type Style = 'normal' | 'unified' | 'context';

interface Options {
  style: Style;
  context: number;
  brief: boolean;
  ignoreCase: boolean;
  whiteSpace: 0 | 1 | 2; // 0 none, 1 -b, 2 -w
  ignoreBlank: boolean;
  text: boolean;
  recursive: boolean;
  newFile: boolean;
  reportIdentical: boolean;
  initialTab: boolean;
  expandTabs: boolean;
  stripCr: boolean;
  labels: string[];
  exclude: string[];
  switchString: string;
}

class Out {
  parts: string[] = [];
  push(s: string): void {
    this.parts.push(s);
  }
}

// ---- the algorithm (analyze.c) ---------------------------------------------------------------

interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
  ignore: boolean;
}

class Analyzer {
  private fd: Int32Array;
  private bd: Int32Array;
  private off: number;
  private tooExpensive: number;

  constructor(
    private readonly xv: Int32Array,
    private readonly yv: Int32Array,
    private readonly xreal: Int32Array,
    private readonly yreal: Int32Array,
    private readonly changed0: Uint8Array,
    private readonly changed1: Uint8Array,
  ) {
    const diags = xv.length + yv.length + 3;
    this.fd = new Int32Array(diags);
    this.bd = new Int32Array(diags);
    this.off = yv.length + 1;
    let te = 1;
    for (let d = diags; d !== 0; d >>= 2) te <<= 1;
    this.tooExpensive = Math.max(256, te);
  }

  /** diag(): the midpoint of the shortest edit script. */
  private diag(xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean): { xmid: number; ymid: number; loMin: boolean; hiMin: boolean; c: number } {
    const fd = this.fd;
    const bd = this.bd;
    const O = this.off;
    const xv = this.xv;
    const yv = this.yv;
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[fmid + O] = xoff;
    bd[bmid + O] = xlim;
    for (let c = 1; ; ++c) {
      if (fmin > dmin) fd[--fmin - 1 + O] = -1;
      else ++fmin;
      if (fmax < dmax) fd[++fmax + 1 + O] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[d - 1 + O]!;
        const thi = fd[d + 1 + O]!;
        let x = tlo >= thi ? tlo + 1 : thi;
        let y = x - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          ++x;
          ++y;
        }
        fd[d + O] = x;
        if (odd && bmin <= d && d <= bmax && bd[d + O]! <= x) return { xmid: x, ymid: y, loMin: true, hiMin: true, c: 2 * c - 1 };
      }
      if (bmin > dmin) bd[--bmin - 1 + O] = 0x7fffffff;
      else ++bmin;
      if (bmax < dmax) bd[++bmax + 1 + O] = 0x7fffffff;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[d - 1 + O]!;
        const thi = bd[d + 1 + O]!;
        let x = tlo < thi ? tlo : thi - 1;
        let y = x - d;
        while (x > xoff && y > yoff && xv[x - 1] === yv[y - 1]) {
          --x;
          --y;
        }
        bd[d + O] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[d + O]!) return { xmid: x, ymid: y, loMin: true, hiMin: true, c: 2 * c };
      }
      if (findMinimal) continue;
      if (c >= this.tooExpensive) {
        let fxybest = -1;
        let fxbest = 0;
        for (let d = fmax; d >= fmin; d -= 2) {
          let x = Math.min(fd[d + O]!, xlim);
          let y = x - d;
          if (ylim < y) {
            x = ylim + d;
            y = ylim;
          }
          if (fxybest < x + y) {
            fxybest = x + y;
            fxbest = x;
          }
        }
        let bxybest = 0x7fffffff;
        let bxbest = 0;
        for (let d = bmax; d >= bmin; d -= 2) {
          let x = Math.max(xoff, bd[d + O]!);
          let y = x - d;
          if (y < yoff) {
            x = yoff + d;
            y = yoff;
          }
          if (x + y < bxybest) {
            bxybest = x + y;
            bxbest = x;
          }
        }
        if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return { xmid: fxbest, ymid: fxybest - fxbest, loMin: true, hiMin: false, c: 2 * c - 1 };
        return { xmid: bxbest, ymid: bxybest - bxbest, loMin: false, hiMin: true, c: 2 * c - 1 };
      }
    }
  }

  /** compareseq(), with an explicit stack instead of recursion. */
  compareseq(xoff0: number, xlim0: number, yoff0: number, ylim0: number, minimal0: boolean): void {
    const stack: [number, number, number, number, boolean][] = [[xoff0, xlim0, yoff0, ylim0, minimal0]];
    const xv = this.xv;
    const yv = this.yv;
    while (stack.length) {
      const top = stack.pop()!;
      let [xoff, xlim, yoff, ylim] = top;
      const minimal = top[4];
      while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
        ++xoff;
        ++yoff;
      }
      while (xlim > xoff && ylim > yoff && xv[xlim - 1] === yv[ylim - 1]) {
        --xlim;
        --ylim;
      }
      if (xoff === xlim) while (yoff < ylim) this.changed1[this.yreal[yoff++]!] = 1;
      else if (yoff === ylim) while (xoff < xlim) this.changed0[this.xreal[xoff++]!] = 1;
      else {
        const part = this.diag(xoff, xlim, yoff, ylim, minimal);
        // the low half first: push it last
        stack.push([part.xmid, xlim, part.ymid, ylim, part.hiMin]);
        stack.push([xoff, part.xmid, yoff, part.ymid, part.loMin]);
      }
    }
  }
}

/** discard_confusing_lines(): returns the undiscarded lines and marks the discarded as changed. */
function discardConfusingLines(
  eq: [Int32Array, Int32Array],
  changed: [Uint8Array, Uint8Array],
  equivMax: number,
): { und: [Int32Array, Int32Array]; real: [Int32Array, Int32Array] } {
  const counts: [Int32Array, Int32Array] = [new Int32Array(equivMax), new Int32Array(equivMax)];
  for (let f = 0; f < 2; f++) for (const e of eq[f]!) counts[f]![e]!++;
  const discards: [Uint8Array, Uint8Array] = [new Uint8Array(eq[0].length), new Uint8Array(eq[1].length)];
  for (let f = 0; f < 2; f++) {
    const end = eq[f]!.length;
    const d = discards[f]!;
    const other = counts[1 - f]!;
    const equivs = eq[f]!;
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem = tem >> 2) > 0) many *= 2;
    for (let i = 0; i < end; i++) {
      if (equivs[i] === 0) continue;
      const nmatch = other[equivs[i]!]!;
      if (nmatch === 0) d[i] = 1;
      else if (nmatch > many) d[i] = 2;
    }
  }
  for (let f = 0; f < 2; f++) {
    const end = eq[f]!.length;
    const d = discards[f]!;
    for (let i = 0; i < end; i++) {
      if (d[i] === 2) d[i] = 0;
      else if (d[i] !== 0) {
        let j: number;
        let provisional = 0;
        for (j = i; j < end; j++) {
          if (d[j] === 0) break;
          if (d[j] === 2) ++provisional;
        }
        while (j > i && d[j - 1] === 2) {
          d[--j] = 0;
          --provisional;
        }
        const length = j - i;
        if (provisional * 4 > length) {
          while (j > i) if (d[--j] === 2) d[j] = 0;
        } else {
          let minimum = 1;
          let tem = length >> 2;
          while (0 < (tem >>= 2)) minimum <<= 1;
          minimum++;
          let consec = 0;
          for (j = 0, consec = 0; j < length; j++) {
            if (d[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) d[i + j] = 0;
          }
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && d[i + j] === 1) break;
            if (d[i + j] === 2) {
              consec = 0;
              d[i + j] = 0;
            } else if (d[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && d[i - j] === 1) break;
            if (d[i - j] === 2) {
              consec = 0;
              d[i - j] = 0;
            } else if (d[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const und: Int32Array[] = [];
  const real: Int32Array[] = [];
  for (let f = 0; f < 2; f++) {
    const end = eq[f]!.length;
    const u = new Int32Array(end);
    const r = new Int32Array(end);
    let j = 0;
    for (let i = 0; i < end; i++) {
      if (discards[f]![i] === 0) {
        u[j] = eq[f]![i]!;
        r[j++] = i;
      } else changed[f]![i] = 1;
    }
    und.push(u.subarray(0, j));
    real.push(r.subarray(0, j));
  }
  return { und: [und[0]!, und[1]!], real: [real[0]!, real[1]!] };
}

/** shift_boundaries(). changed arrays have one guard element before (index 0) and after. */
function shiftBoundaries(eq: [Int32Array, Int32Array], ch: [Uint8Array, Uint8Array]): void {
  // Work with 1-based views: changed[k] is element k-1 of the real line array.
  for (let f = 0; f < 2; f++) {
    const changed = ch[f]!;
    const other = ch[1 - f]!;
    const equivs = eq[f]!;
    const C = (k: number): number => changed[k + 1]!;
    const setC = (k: number, v: number): void => {
      changed[k + 1] = v;
    };
    const O = (k: number): number => other[k + 1]!;
    let i = 0;
    let j = 0;
    const iEnd = equivs.length;
    for (;;) {
      while (i < iEnd && !C(i)) {
        while (O(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (C(++i));
      while (O(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && equivs[start - 1] === equivs[i - 1]) {
          setC(--start, 1);
          setC(--i, 0);
          while (C(start - 1)) start--;
          while (O(--j));
        }
        corresponding = O(j - 1) ? i : iEnd;
        while (i !== iEnd && equivs[start] === equivs[i]) {
          setC(start++, 0);
          setC(i++, 1);
          while (C(i)) i++;
          while (O(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        setC(--start, 1);
        setC(--i, 0);
        while (O(--j));
      }
    }
  }
}

function buildScript(ch: [Uint8Array, Uint8Array], len0: number, len1: number): Change[] {
  const c0 = (k: number): number => ch[0][k + 1]!;
  const c1 = (k: number): number => ch[1][k + 1]!;
  const out: Change[] = [];
  let i0 = len0;
  let i1 = len1;
  while (i0 >= 0 || i1 >= 0) {
    if (c0(i0 - 1) | c1(i1 - 1)) {
      const line0 = i0;
      const line1 = i1;
      while (c0(i0 - 1)) --i0;
      while (c1(i1 - 1)) --i1;
      out.push({ line0: i0, line1: i1, deleted: line0 - i0, inserted: line1 - i1, ignore: false });
    }
    i0--;
    i1--;
  }
  return out.reverse();
}

// ---- file comparison ------------------------------------------------------------------------

function isSpaceC(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r';
}

function equivKey(l: Line, o: Options): string {
  let t = l.text;
  if (o.ignoreCase) t = t.toLowerCase();
  if (o.whiteSpace === 2) {
    let s = '';
    for (const c of t) if (!isSpaceC(c)) s += c;
    t = s;
  } else if (o.whiteSpace === 1) {
    let s = '';
    let inSpace = false;
    for (const c of t) {
      if (isSpaceC(c)) inSpace = true;
      else {
        if (inSpace) s += ' ';
        inSpace = false;
        s += c;
      }
    }
    t = s;
  }
  if (!l.nl && o.whiteSpace === 0) t += '\u0000<incomplete>';
  return t;
}

function splitLines(data: string, stripCr: boolean): Line[] {
  const lines: Line[] = [];
  let p = 0;
  while (p < data.length) {
    let nl = data.indexOf('\n', p);
    const has = nl >= 0;
    if (!has) nl = data.length;
    let text = data.slice(p, nl);
    if (stripCr && has && text.endsWith('\r')) text = text.slice(0, -1);
    lines.push({ text, nl: has });
    p = nl + 1;
  }
  return lines;
}

function sameLine(a: Line, b: Line): boolean {
  return a.text === b.text && a.nl === b.nl;
}

interface FileData {
  name: string;
  label: string;
  hasLabel: boolean;
  lines: Line[];
  mtime: number;
}

function timeStamp(ms: number): string {
  const t = toLocal(ms);
  const ns = String(((ms % 1000) + 1000) % 1000 * 1_000_000).padStart(9, '0');
  return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}.${ns} ${numericZone(t.offsetMinutes)}`;
}

/** diff_2_files() for two texts; returns 0 same, 1 different. */
function diffTexts(out: Out, f0: FileData, f1: FileData, o: Options, header: string | null): number {
  const L0 = f0.lines;
  const L1 = f1.lines;
  const horizon = o.style === 'normal' ? 0 : o.context;
  // identical prefix (whole lines), then keep `horizon` of them
  let prefix = 0;
  const minLen = Math.min(L0.length, L1.length);
  while (prefix < minLen && sameLine(L0[prefix]!, L1[prefix]!)) prefix++;
  const prefixEnd = prefix - Math.min(horizon, prefix);
  // identical suffix, not reaching into the kept prefix of the shorter file
  let k = 0;
  const missing0 = L0.length > 0 && !L0[L0.length - 1]!.nl;
  const missing1 = L1.length > 0 && !L1[L1.length - 1]!.nl;
  if (missing0 === missing1) {
    const limit = minLen - prefixEnd;
    while (k < limit && sameLine(L0[L0.length - 1 - k]!, L1[L1.length - 1 - k]!)) k++;
  }
  const suffix0 = Math.min(L0.length, L0.length - k + horizon);
  const suffix1 = L1.length - (L0.length - suffix0);
  const mid0 = L0.slice(prefixEnd, suffix0);
  const mid1 = L1.slice(prefixEnd, suffix1);

  // equivalence classes
  const classes = new Map<string, number>();
  let next = 1;
  const eqOf = (lines: Line[]): Int32Array => {
    const a = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const key = equivKey(lines[i]!, o);
      let c = classes.get(key);
      if (c === undefined) {
        c = next++;
        classes.set(key, c);
      }
      a[i] = c;
    }
    return a;
  };
  const eq: [Int32Array, Int32Array] = [eqOf(mid0), eqOf(mid1)];
  const changed: [Uint8Array, Uint8Array] = [new Uint8Array(mid0.length + 2), new Uint8Array(mid1.length + 2)];
  // the analyzer writes changed[k] for line k; keep one guard on each side
  const inner: [Uint8Array, Uint8Array] = [changed[0].subarray(1), changed[1].subarray(1)];
  const { und, real } = discardConfusingLines(eq, inner, next);
  new Analyzer(und[0], und[1], real[0], real[1], inner[0], inner[1]).compareseq(0, und[0].length, 0, und[1].length, false);
  shiftBoundaries(eq, changed);
  const script = buildScript(changed, mid0.length, mid1.length);

  // -B: a change whose lines are all empty does not count
  const trivial = (c: Change): boolean => {
    if (!o.ignoreBlank) return false;
    for (let i = c.line0; i < c.line0 + c.deleted; i++) if (mid0[i]!.text.length !== 0) return false;
    for (let i = c.line1; i < c.line1 + c.inserted; i++) if (mid1[i]!.text.length !== 0) return false;
    return true;
  };
  for (const c of script) c.ignore = trivial(c);
  const changes = script.some((c) => !c.ignore) ? 1 : 0;
  if (!changes) return 0;
  if (o.brief) {
    out.push(`Files ${f0.label} and ${f1.label} differ\n`);
    return 1;
  }
  if (header !== null) out.push(header);

  // line k of the middle is real line k + prefixEnd (0-based)
  const num = (k: number): number => k + prefixEnd + 1;
  const printLine = (flag: string, l: Line): void => {
    out.push(flag + (o.expandTabs ? expandTabs(l.text) : l.text) + (l.nl ? '\n' : '\n\\ No newline at end of file\n'));
  };
  const fline = (f: 0 | 1, k: number): Line => (f === 0 ? L0 : L1)[k + prefixEnd]!;
  const flen = (f: 0 | 1): number => (f === 0 ? L0.length : L1.length) - prefixEnd;

  if (o.style === 'normal') {
    for (const c of script) {
      if (c.ignore) continue;
      const first0 = c.line0;
      const last0 = c.line0 + c.deleted - 1;
      const first1 = c.line1;
      const last1 = c.line1 + c.inserted - 1;
      const kind = (c.deleted ? 1 : 0) | (c.inserted ? 2 : 0);
      const range = (a: number, b: number): string => {
        const ta = num(a);
        const tb = num(b);
        return tb > ta ? `${ta},${tb}` : `${tb}`;
      };
      out.push(range(first0, last0) + ' dac'[kind] + range(first1, last1) + '\n');
      const tab = o.initialTab ? '\t' : ' ';
      if (kind & 1) for (let i = first0; i <= last0; i++) printLine('<' + tab, mid0[i]!);
      if (kind === 3) out.push('---\n');
      if (kind & 2) for (let i = first1; i <= last1; i++) printLine('>' + tab, mid1[i]!);
    }
    return 1;
  }

  // context and unified: group changes into hunks
  const ctx = o.context;
  const hunks: Change[][] = [];
  let cur: Change[] = [];
  for (let idx = 0; idx < script.length; idx++) {
    const c = script[idx]!;
    cur.push(c);
    const nx = script[idx + 1];
    const top0 = c.line0 + c.deleted;
    const thresh = c.ignore || (nx && nx.ignore) ? ctx : 2 * ctx + 1;
    if (!nx || nx.line0 - top0 >= thresh) {
      hunks.push(cur);
      cur = [];
    }
  }
  let headerDone = false;
  for (const h of hunks) {
    if (h.every((c) => c.ignore)) continue;
    if (!headerDone) {
      headerDone = true;
      const lab = (mark: string, f: FileData): string => (f.hasLabel ? `${mark} ${f.label}\n` : `${mark} ${f.name}\t${timeStamp(f.mtime)}\n`);
      if (o.style === 'unified') out.push(lab('---', f0) + lab('+++', f1));
      else out.push(lab('***', f0) + lab('---', f1));
    }
    const firstC = h[0]!;
    const lastC = h[h.length - 1]!;
    let first0 = firstC.line0;
    let first1 = firstC.line1;
    let last0 = lastC.line0 + lastC.deleted - 1;
    let last1 = lastC.line1 + lastC.inserted - 1;
    const lo = -prefixEnd;
    first0 = Math.max(first0 - ctx, lo);
    first1 = Math.max(first1 - ctx, lo);
    last0 = Math.min(last0 + ctx, flen(0) - 1);
    last1 = Math.min(last1 + ctx, flen(1) - 1);
    let anyOld = false;
    let anyNew = false;
    for (const c of h) {
      if (c.deleted) anyOld = true;
      if (c.inserted) anyNew = true;
    }
    if (o.style === 'unified') {
      const r = (a: number, b: number): string => {
        const ta = num(a);
        const tb = num(b);
        if (tb <= ta) return tb < ta ? `${tb},0` : `${tb}`;
        return `${ta},${tb - ta + 1}`;
      };
      out.push(`@@ -${r(first0, last0)} +${r(first1, last1)} @@\n`);
      let i = first0;
      let j = first1;
      let ci = 0;
      const tab = o.initialTab ? '\t' : '';
      while (i <= last0 || j <= last1) {
        const nc = h[ci];
        if (!nc || i < nc.line0) {
          printLine(o.initialTab ? '\t' : ' ', fline(0, i++));
          j++;
        } else {
          for (let k = 0; k < nc.deleted; k++) printLine('-' + tab, fline(0, i++));
          for (let k = 0; k < nc.inserted; k++) printLine('+' + tab, fline(1, j++));
          ci++;
        }
      }
    } else {
      const r = (a: number, b: number): string => {
        const ta = num(a);
        const tb = num(b);
        return tb <= ta ? `${tb}` : `${ta},${tb}`;
      };
      const sep = o.initialTab ? '\t' : ' ';
      out.push(`***************\n*** ${r(first0, last0)} ****\n`);
      if (anyOld) {
        let ci = 0;
        for (let i = first0; i <= last0; i++) {
          while (h[ci] && h[ci]!.line0 + h[ci]!.deleted <= i) ci++;
          const nc = h[ci];
          const prefix = nc && nc.line0 <= i ? (nc.inserted > 0 ? '!' : '-') : ' ';
          printLine(prefix + sep, fline(0, i));
        }
      }
      out.push(`--- ${r(first1, last1)} ----\n`);
      if (anyNew) {
        let ci = 0;
        for (let j = first1; j <= last1; j++) {
          while (h[ci] && h[ci]!.line1 + h[ci]!.inserted <= j) ci++;
          const nc = h[ci];
          const prefix = nc && nc.line1 <= j ? (nc.deleted > 0 ? '!' : '+') : ' ';
          printLine(prefix + sep, fline(1, j));
        }
      }
    }
  }
  return 1;
}

function expandTabs(s: string): string {
  let out = '';
  let col = 0;
  for (const c of s) {
    if (c === '\t') {
      const n = 8 - (col % 8);
      out += ' '.repeat(n);
      col += n;
    } else {
      out += c;
      col++;
    }
  }
  return out;
}

function fileType(st: StatInfo): string {
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  return i >= 0 ? t.slice(i + 1) : t;
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

class Diff {
  stdinText: string | null = null;
  readonly out = new Out();

  constructor(
    readonly ctx: ProgramContext,
    readonly o: Options,
  ) {}

  private prog(): string {
    return this.ctx.argv[0] ?? 'diff';
  }

  flush(): void {
    if (this.out.parts.length) {
      this.ctx.stdout.write(this.out.parts.join(''));
      this.out.parts = [];
    }
  }

  error(msg: string): void {
    this.flush();
    this.ctx.stderr.write(`${this.prog()}: ${msg}\n`);
  }

  /** compare_files(). name0/name1 null: exists on one side only (directory comparison). */
  async compare(parent: [string, string] | null, name0: string | null, name1: string | null): Promise<number> {
    const o = this.o;
    const fs = this.ctx.fs;
    if (!((name0 !== null && name1 !== null) || o.newFile)) {
      const name = (name0 ?? name1)!;
      const dir = parent![name0 === null ? 1 : 0];
      this.out.push(`Only in ${dir}: ${name}\n`);
      return 1;
    }
    const n0 = name0 ?? name1!;
    const n1 = name1 ?? name0!;
    let p0 = parent ? joinPath(parent[0], n0) : n0;
    let p1 = parent ? joinPath(parent[1], n1) : n1;
    const exists: [boolean, boolean] = [name0 !== null, name1 !== null];
    const st: [StatInfo | null, StatInfo | null] = [null, null];
    let status = 0;
    for (let f = 0; f < 2; f++) {
      if (!exists[f]) continue;
      const p = f === 0 ? p0 : p1;
      if (p === '-') continue;
      try {
        st[f] = fs.stat(p);
      } catch (e) {
        if (!parent && o.newFile && e instanceof FsError && e.code === 'ENOENT') {
          exists[f] = false;
          continue;
        }
        this.error(`${p}: ${e instanceof FsError ? e.message : String(e)}`);
        status = 2;
      }
    }
    if (status) return status;
    const isDir = (f: number): boolean => st[f]?.type === 'dir';
    if (!parent && exists[0] && exists[1] && isDir(0) !== isDir(1)) {
      const fnmArg = isDir(0) ? 1 : 0;
      const dirArg = 1 - fnmArg;
      const fnm = fnmArg === 0 ? p0 : p1;
      if (fnm === '-') {
        this.error("cannot compare `-' to a directory");
        throw new DiffExit(2);
      }
      const file = joinPath(dirArg === 0 ? p0 : p1, baseName(fnm));
      if (dirArg === 0) p0 = file;
      else p1 = file;
      try {
        st[dirArg] = fs.stat(file);
      } catch (e) {
        this.error(`${file}: ${e instanceof FsError ? e.message : String(e)}`);
        return 2;
      }
    }
    if (exists[0] && exists[1] && p0 !== '-' && p1 !== '-' && st[0] && st[1] && st[0].ino === st[1].ino && st[0].type !== 'dir') return 0;
    if (isDir(0) && isDir(1)) {
      if (parent && !o.recursive) {
        this.out.push(`Common subdirectories: ${p0} and ${p1}\n`);
        return 0;
      }
      return this.diffDirs(p0, p1);
    }
    if (isDir(0) || isDir(1)) {
      if (!exists[0] || !exists[1]) {
        if (o.recursive && o.newFile) return this.diffDirs(p0, p1);
        this.out.push(`Only in ${parent![exists[0] ? 0 : 1]}: ${n0}\n`);
        return 1;
      }
      this.out.push(`File ${p0} is a ${fileType(st[0]!)} while file ${p1} is a ${fileType(st[1]!)}\n`);
      return 1;
    }
    // read both
    const read = async (f: number, p: string): Promise<{ data: string; mtime: number } | null> => {
      if (!exists[f]) return { data: '', mtime: 0 };
      if (p === '-') {
        if (this.stdinText === null) this.stdinText = await this.ctx.stdin.readAll();
        return { data: this.stdinText, mtime: this.ctx.host.now() };
      }
      try {
        return { data: fs.readFile(p), mtime: st[f]!.mtime };
      } catch (e) {
        this.error(`${p}: ${e instanceof FsError ? e.message : String(e)}`);
        return null;
      }
    };
    const r0 = await read(0, p0);
    const r1 = await read(1, p1);
    if (!r0 || !r1) return 2;
    const label = (f: number, p: string): string => o.labels[f] ?? p;
    const binary = !o.text && (hasNul(r0.data) || hasNul(r1.data));
    const brief = o.brief && !o.ignoreCase && !o.whiteSpace && !o.ignoreBlank && !o.stripCr;
    if (binary || brief) {
      if (r0.data === r1.data) return 0;
      if (o.brief) this.out.push(`Files ${label(0, p0)} and ${label(1, p1)} differ\n`);
      else {
        this.out.push(`Binary files ${label(0, p0)} and ${label(1, p1)} differ\n`);
        return 2;
      }
      return 1;
    }
    const f0: FileData = { name: p0, label: label(0, p0), hasLabel: o.labels[0] !== undefined, lines: splitLines(r0.data, o.stripCr), mtime: r0.mtime };
    const f1: FileData = { name: p1, label: label(1, p1), hasLabel: o.labels[1] !== undefined, lines: splitLines(r1.data, o.stripCr), mtime: r1.mtime };
    const header = parent ? `diff${o.switchString} ${f0.label} ${f1.label}\n` : null;
    const res = diffTexts(this.out, f0, f1, o, header);
    if (res === 0 && o.reportIdentical) this.out.push(`Files ${f0.label} and ${f1.label} are identical\n`);
    this.flush();
    return res;
  }

  private async diffDirs(d0: string, d1: string): Promise<number> {
    const fs = this.ctx.fs;
    const list = (d: string): string[] | null => {
      try {
        return fs
          .readdir(d)
          .filter((n) => !this.o.exclude.some((p) => fnmatch(p, n)))
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      } catch (e) {
        this.error(`${d}: ${e instanceof FsError ? e.message : String(e)}`);
        return null;
      }
    };
    const a = list(d0);
    const b = list(d1);
    if (!a || !b) return 2;
    let status = 0;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const x = a[i];
      const y = b[j];
      let r: number;
      if (x !== undefined && (y === undefined || x < y)) {
        r = await this.compare([d0, d1], x, null);
        i++;
      } else if (y !== undefined && (x === undefined || y < x)) {
        r = await this.compare([d0, d1], null, y);
        j++;
      } else {
        r = await this.compare([d0, d1], x!, y!);
        i++;
        j++;
      }
      if (r > status) status = r;
      this.flush();
    }
    return status;
  }
}

class DiffExit {
  constructor(readonly status: number) {}
}

function hasNul(s: string): boolean {
  const n = Math.min(s.length, 32768);
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) === 0) return true;
  return false;
}

const SHORT = '0123456789abBcC:dD:eEfF:hHiI:lL:nNpPqrsS:tTuU:vwW:x:X:y';
const LONG: LongOpt[] = [
  { name: 'brief', has: 0, val: 'q' },
  { name: 'context', has: 2, val: 'C' },
  { name: 'ed', has: 0, val: 'e' },
  { name: 'exclude', has: 1, val: 'x' },
  { name: 'exclude-from', has: 1, val: 'X' },
  { name: 'expand-tabs', has: 0, val: 't' },
  { name: 'forward-ed', has: 0, val: 'f' },
  { name: 'help', has: 0, val: 'help' },
  { name: 'horizon-lines', has: 1, val: 'horizon' },
  { name: 'ifdef', has: 1, val: 'D' },
  { name: 'ignore-all-space', has: 0, val: 'w' },
  { name: 'ignore-blank-lines', has: 0, val: 'B' },
  { name: 'ignore-case', has: 0, val: 'i' },
  { name: 'ignore-matching-lines', has: 1, val: 'I' },
  { name: 'ignore-space-change', has: 0, val: 'b' },
  { name: 'ignore-tab-expansion', has: 0, val: 'E' },
  { name: 'initial-tab', has: 0, val: 'T' },
  { name: 'label', has: 1, val: 'L' },
  { name: 'left-column', has: 0, val: 'left' },
  { name: 'minimal', has: 0, val: 'd' },
  { name: 'new-file', has: 0, val: 'N' },
  { name: 'normal', has: 0, val: 'normal' },
  { name: 'paginate', has: 0, val: 'l' },
  { name: 'rcs', has: 0, val: 'n' },
  { name: 'recursive', has: 0, val: 'r' },
  { name: 'report-identical-files', has: 0, val: 's' },
  { name: 'show-c-function', has: 0, val: 'p' },
  { name: 'show-function-line', has: 1, val: 'F' },
  { name: 'side-by-side', has: 0, val: 'y' },
  { name: 'speed-large-files', has: 0, val: 'H' },
  { name: 'starting-file', has: 1, val: 'S' },
  { name: 'strip-trailing-cr', has: 0, val: 'strip' },
  { name: 'suppress-common-lines', has: 0, val: 'suppress' },
  { name: 'text', has: 0, val: 'a' },
  { name: 'unidirectional-new-file', has: 0, val: 'P' },
  { name: 'unified', has: 2, val: 'U' },
  { name: 'version', has: 0, val: 'v' },
  { name: 'width', has: 1, val: 'W' },
];

function quoteArg(a: string): string {
  return /^[A-Za-z0-9_./,:=+@%^-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
}

export const diff: Program = async (ctx) => {
  const prog = ctx.argv[0] ?? 'diff';
  const release = ctx.host.profile.release;
  const tryHelp = (reason?: string): number => {
    if (reason) ctx.stderr.write(`${prog}: ${reason}\n`);
    ctx.stderr.write(`${prog}: Try \`${prog} --help' for more information.\n`);
    return 2;
  };
  const args = ctx.argv.slice(1);
  const parsed = getoptLong(prog, args, SHORT, LONG, release);
  if (parsed.error) {
    ctx.stderr.write(parsed.error + '\n');
    return tryHelp();
  }
  const o: Options = {
    style: 'normal',
    context: 0,
    brief: false,
    ignoreCase: false,
    whiteSpace: 0,
    ignoreBlank: false,
    text: false,
    recursive: false,
    newFile: false,
    reportIdentical: false,
    initialTab: false,
    expandTabs: false,
    stripCr: false,
    labels: [],
    exclude: [],
    switchString: '',
  };
  let styleSet: Style | null = null;
  const setStyle = (s: Style): string | null => {
    if (styleSet && styleSet !== s) return 'conflicting output style options';
    styleSet = s;
    return null;
  };
  for (const { opt, arg } of parsed.opts) {
    switch (opt) {
      case 'a':
        o.text = true;
        break;
      case 'b':
        if (o.whiteSpace < 1) o.whiteSpace = 1;
        break;
      case 'w':
        o.whiteSpace = 2;
        break;
      case 'B':
        o.ignoreBlank = true;
        break;
      case 'i':
        o.ignoreCase = true;
        break;
      case 'c':
      case 'u':
      case 'C':
      case 'U': {
        let n = 3;
        if (arg !== null) {
          if (!/^\d+$/.test(arg)) return tryHelp(`invalid context length \`${arg}'`);
          n = Number(arg);
        }
        const err = setStyle(opt === 'u' || opt === 'U' ? 'unified' : 'context');
        if (err) return tryHelp(err);
        if (o.context < n) o.context = n;
        break;
      }
      case 'normal': {
        const err = setStyle('normal');
        if (err) return tryHelp(err);
        break;
      }
      case 'q':
        o.brief = true;
        break;
      case 'r':
        o.recursive = true;
        break;
      case 'N':
        o.newFile = true;
        break;
      case 's':
        o.reportIdentical = true;
        break;
      case 't':
        o.expandTabs = true;
        break;
      case 'T':
        o.initialTab = true;
        break;
      case 'strip':
        o.stripCr = true;
        break;
      case 'L':
        if (o.labels.length >= 2) return tryHelp('too many file label options');
        o.labels.push(arg ?? '');
        break;
      case 'x':
        o.exclude.push(arg ?? '');
        break;
      case 'X':
        try {
          for (const l of ctx.fs.readFile(arg ?? '').split('\n')) if (l) o.exclude.push(l);
        } catch (e) {
          ctx.stderr.write(`${prog}: ${arg}: ${e instanceof FsError ? e.message : String(e)}\n`);
          return 2;
        }
        break;
      case 'v':
        ctx.stdout.write(
          'diff (GNU diffutils) 2.8.1\nCopyright (C) 2002 Free Software Foundation, Inc.\n\n' +
            'This program comes with NO WARRANTY, to the extent permitted by law.\n' +
            'You may redistribute copies of this program\n' +
            'under the terms of the GNU General Public License.\n' +
            'For more information about these matters, see the file named COPYING.\n\n' +
            'Written by Paul Eggert, Mike Haertel, David Hayes,\nRichard Stallman, and Len Tower.\n',
        );
        return 0;
      case 'help':
        ctx.stdout.write(`Usage: ${prog} [OPTION]... FILES\nCompare files line by line.\n\n` + HELP);
        return 0;
      default:
        // other diff options are accepted; their output styles are not simulated
        break;
    }
  }
  if (styleSet) o.style = styleSet;
  // the options as given, for "diff -r a/x b/x" lines (getopt moves them before the operands)
  const rest = [...args];
  const dd = rest.indexOf('--');
  if (dd >= 0) rest.splice(dd);
  for (const op of parsed.operands) {
    const k = rest.lastIndexOf(op);
    if (k >= 0) rest.splice(k, 1);
  }
  o.switchString = rest.map((a) => ' ' + quoteArg(a)).join('');
  const files = parsed.operands;
  if (files.length !== 2) {
    if (files.length < 2) return tryHelp(`missing operand after \`${ctx.argv[ctx.argv.length - 1] ?? prog}'`);
    return tryHelp(`extra operand \`${files[2]}'`);
  }
  const d = new Diff(ctx, o);
  try {
    const status = await d.compare(null, files[0]!, files[1]!);
    d.flush();
    return status;
  } catch (e) {
    if (e instanceof DiffExit) {
      d.flush();
      return e.status;
    }
    throw e;
  }
};

const HELP = [
  '-i  --ignore-case  Ignore case differences in file contents.',
  '--ignore-file-name-case  Ignore case when comparing file names.',
  '--no-ignore-file-name-case  Consider case when comparing file names.',
  '-E  --ignore-tab-expansion  Ignore changes due to tab expansion.',
  '-b  --ignore-space-change  Ignore changes in the amount of white space.',
  '-w  --ignore-all-space  Ignore all white space.',
  '-B  --ignore-blank-lines  Ignore changes whose lines are all blank.',
  '-I RE  --ignore-matching-lines=RE  Ignore changes whose lines all match RE.',
  '--strip-trailing-cr  Strip trailing carriage return on input.',
  '-a  --text  Treat all files as text.',
  '',
  '-c  -C NUM  --context[=NUM]  Output NUM (default 3) lines of copied context.',
  '-u  -U NUM  --unified[=NUM]  Output NUM (default 3) lines of unified context.',
  '  --label LABEL  Use LABEL instead of file name.',
  '  -p  --show-c-function  Show which C function each change is in.',
  '  -F RE  --show-function-line=RE  Show the most recent line matching RE.',
  '-q  --brief  Output only whether files differ.',
  '-e  --ed  Output an ed script.',
  '--normal  Output a normal diff.',
  '-n  --rcs  Output an RCS format diff.',
  '-y  --side-by-side  Output in two columns.',
  '  -W NUM  --width=NUM  Output at most NUM (default 130) print columns.',
  '  --left-column  Output only the left column of common lines.',
  '  --suppress-common-lines  Do not output common lines.',
  "-D NAME  --ifdef=NAME  Output merged file to show `#ifdef NAME' diffs.",
  '',
  "-l  --paginate  Pass the output through `pr' to paginate it.",
  '-t  --expand-tabs  Expand tabs to spaces in output.',
  '-T  --initial-tab  Make tabs line up by prepending a tab.',
  '',
  '-r  --recursive  Recursively compare any subdirectories found.',
  '-N  --new-file  Treat absent files as empty.',
  '--unidirectional-new-file  Treat absent first files as empty.',
  '-s  --report-identical-files  Report when two files are the same.',
  '-x PAT  --exclude=PAT  Exclude files that match PAT.',
  '-X FILE  --exclude-from=FILE  Exclude files that match any pattern in FILE.',
  '-S FILE  --starting-file=FILE  Start with FILE when comparing directories.',
  '--from-file=FILE1  Compare FILE1 to all operands.  FILE1 can be a directory.',
  '--to-file=FILE2  Compare all operands to FILE2.  FILE2 can be a directory.',
  '',
  '--horizon-lines=NUM  Keep NUM lines of the common prefix and suffix.',
  '-d  --minimal  Try hard to find a smaller set of changes.',
  '--speed-large-files  Assume large files and many scattered small changes.',
  '',
  '-v  --version  Output version info.',
  '--help  Output this help.',
  '',
  "FILES are `FILE1 FILE2' or `DIR1 DIR2' or `DIR FILE...' or `FILE... DIR'.",
  'If --from-file or --to-file is given, there are no restrictions on FILES.',
  "If a FILE is `-', read standard input.",
  '',
  'Report bugs to <bug-gnu-utils@gnu.org>.',
]
  .map((l) => (l === '' ? '\n' : (l.startsWith('-') ? '  ' : '  ') + l + '\n'))
  .join('');
