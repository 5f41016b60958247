/**
 * yum's output helpers (output.py of yum 3.2.x), ported so the tables come out with the same
 * column widths: calcColumns, fmtColumns, format_number, the rpm progress line.
 */

export const TERM_COLUMNS = 80;

/** format_number: 235.0 k, 1.9 M ... (space before the unit; yum uses 1024 steps). */
export function formatNumber(n: number, space = ' ', firstSymbol = ' '): string {
  const symbols = [firstSymbol, 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let depth = 0;
  let number = n;
  let isInt = Number.isInteger(n);
  while (number > 999 && depth < symbols.length - 1) {
    depth++;
    number = number / 1024;
    isInt = false;
  }
  let text: string;
  if (isInt) text = String(number);
  else if (number < 9.95) text = number.toFixed(1);
  else text = pyRound0(number);
  return `${text}${space}${symbols[depth]}`;
}

/** Python's '%.0f' (round half to even on exact halves, like C printf). */
function pyRound0(x: number): string {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return String(f + 1);
  if (diff < 0.5) return String(f);
  return String(f % 2 === 0 ? f : f + 1);
}

function helps(current: number, data: [number, number][], left: number): number {
  let ret = 0;
  for (const [len, count] of data) {
    if (left < len - current) break;
    ret += count;
  }
  return ret;
}

/**
 * calcColumns: data[col] maps a field length to how many rows have it. Returns the widths.
 */
export function calcColumns(dataIn: Map<number, number>[], columnsIn: number[] | null, remainderColumn = 0, totalWidth = TERM_COLUMNS, indent = ''): number[] {
  let cols = dataIn.length;
  const data: [number, number][][] = dataIn.map((m) => [...m.entries()].sort((a, b) => a[0] - b[0]));
  const columns = columnsIn ? [...columnsIn] : [...new Array<number>(cols - 1).fill(1), 0];
  let total = totalWidth - (columns.reduce((a, b) => a + b, 0) + (cols - 1) + indent.length);
  if (!columns[cols - 1]) total += 1;
  while (total > 0) {
    let best = 0;
    let val = 0;
    for (let d = 0; d < cols; d++) {
      const th = helps(columns[d]!, data[d]!, total);
      if (!th) continue;
      if (best && d === cols - 1 && Math.floor(th / 2) < best) continue;
      if (th < best) continue;
      best = th;
      val = d;
    }
    if (best) {
      const diff = data[val]!.shift()![0] - columns[val]!;
      if (!columns[val] && val === cols - 1) total -= 1;
      columns[val]! += diff;
      total -= diff;
      continue;
    }
    let overflowed = 0;
    for (let d = 0; d < cols; d++) if (data[d]!.length) overflowed++;
    if (overflowed) {
      const norm = Math.floor(total / overflowed);
      for (let d = 0; d < cols; d++) {
        if (!data[d]!.length) continue;
        columns[d]! += norm;
        total -= norm;
      }
    }
    cols -= 1;
    const norm = Math.floor(total / cols);
    for (let d = 0; d < cols; d++) columns[d]! += norm;
    columns[remainderColumn]! += total - cols * norm;
    total = 0;
  }
  return columns;
}

/** fmtColumns: negative width = left aligned; a value wider than its column overflows. */
export function fmtColumns(columns: [string, number][], msg = '', end = ''): string {
  let totalWidth = msg.length;
  let out = msg;
  for (let i = 0; i < columns.length - 1; i++) {
    const [val, width] = columns[i]!;
    if (!width) {
      out += val;
      continue;
    }
    const left = width < 0;
    const w = Math.abs(width);
    if (val.length <= w) {
      out += (left ? val + ' '.repeat(w - val.length) : ' '.repeat(w - val.length) + val) + ' ';
    } else {
      out += val + '\n' + ' '.repeat(totalWidth + w + 1);
    }
    totalWidth += w + 1;
  }
  const [val, width] = columns[columns.length - 1]!;
  const w = Math.abs(width);
  const pad = Math.max(0, w - val.length);
  out += (width < 0 ? val + ' '.repeat(pad) : ' '.repeat(pad) + val) + end;
  return out;
}

/** Counts field lengths for calcColumns. */
export function addLen(m: Map<number, number>, len: number): void {
  m.set(len, (m.get(len) ?? 0) + 1);
}

/** fmtKeyValFill: "Summary     : text" wrapped at the terminal width with an aligned hang. */
export function keyValFill(key: string, val: string, cols = TERM_COLUMNS): string {
  const indent = ' '.repeat(key.length - 2) + ': ';
  const out: string[] = [];
  for (const para of val.split('\n')) {
    const words = para.split(/\s+/).filter((w) => w !== '');
    let line = out.length === 0 ? key : indent;
    let has = false;
    if (words.length === 0) {
      out.push(line.replace(/\s+$/, '') === ':' ? indent.trimEnd() : line.trimEnd());
      continue;
    }
    for (const w of words) {
      if (has && line.length + 1 + w.length > cols) {
        out.push(line);
        line = indent + w;
      } else {
        line += (has ? ' ' : '') + w;
      }
      has = true;
    }
    out.push(line);
  }
  return out.join('\n');
}
