import type { Part, Word } from './ast';

/**
 * Brace expansion, the first of bash's expansions: `cp main.cf{,.orig}`, `mkdir -p /tmp/{a,b}`,
 * `echo {1..5}`, `{a..e..2}`, `{01..10}`. Only unquoted braces count; an expansion result
 * (`$x`) is an opaque piece that travels with its alternative.
 */

type Atom = { ch: string } | { part: Part };

const MAX_WORDS = 10_000;

export function braceExpand(word: Word): Word[] {
  if (!word.parts.some((p) => p.k === 'lit' && p.s.includes('{'))) return [word];
  const atoms: Atom[] = [];
  for (const p of word.parts) {
    if (p.k === 'lit') for (const ch of p.s) atoms.push({ ch });
    else atoms.push({ part: p });
  }
  const out: Atom[][] = [];
  expand(atoms, out);
  if (out.length === 1 && out[0] === atoms) return [word];
  return out.map((a) => ({ parts: toParts(a), text: word.text }));
}

function expand(atoms: Atom[], out: Atom[][]): void {
  if (out.length >= MAX_WORDS) return;
  const found = findBrace(atoms);
  if (!found) {
    out.push(atoms);
    return;
  }
  const { open, close, alternatives } = found;
  const pre = atoms.slice(0, open);
  const post = atoms.slice(close + 1);
  for (const alt of alternatives) {
    expand([...pre, ...alt, ...post], out);
    if (out.length >= MAX_WORDS) return;
  }
}

const isCh = (a: Atom | undefined, c: string): boolean => a !== undefined && 'ch' in a && a.ch === c;

/** The first `{` with a matching `}` that makes a list or a sequence. */
function findBrace(atoms: Atom[]): { open: number; close: number; alternatives: Atom[][] } | null {
  for (let i = 0; i < atoms.length; i++) {
    if (isCh(atoms[i], '\\')) {
      i++;
      continue;
    }
    if (!isCh(atoms[i], '{')) continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i + 1; j < atoms.length; j++) {
      const a = atoms[j];
      if (isCh(a, '{')) depth++;
      else if (isCh(a, '}')) {
        if (depth === 0) {
          if (commas.length > 0) {
            const alternatives: Atom[][] = [];
            let start = i + 1;
            for (const c of [...commas, j]) {
              alternatives.push(atoms.slice(start, c));
              start = c + 1;
            }
            return { open: i, close: j, alternatives };
          }
          const seq = sequence(atoms.slice(i + 1, j));
          if (seq) return { open: i, close: j, alternatives: seq.map((s) => [...s].map((ch) => ({ ch }))) };
          break;
        }
        depth--;
      } else if (isCh(a, ',') && depth === 0) commas.push(j);
    }
  }
  return null;
}

/** {x..y[..step]} with integers or single letters. */
function sequence(inner: Atom[]): string[] | null {
  if (inner.some((a) => !('ch' in a))) return null;
  const text = inner.map((a) => (a as { ch: string }).ch).join('');
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    let step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width = /^-?0\d/.test(num[1]!) || /^-?0\d/.test(num[2]!) ? Math.max(num[1]!.length, num[2]!.length) : 0;
    if (a > b) step = -step;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += step) {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push((v < 0 ? '-' : '') + s);
      if (out.length >= MAX_WORDS) break;
    }
    return out;
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (letters) {
    const a = letters[1]!.charCodeAt(0);
    const b = letters[2]!.charCodeAt(0);
    const step = Math.abs(Number(letters[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
    return out;
  }
  return null;
}

function toParts(atoms: Atom[]): Part[] {
  const parts: Part[] = [];
  let lit = '';
  for (const a of atoms) {
    if ('ch' in a) lit += a.ch;
    else {
      if (lit) parts.push({ k: 'lit', s: lit });
      lit = '';
      parts.push(a.part);
    }
  }
  if (lit) parts.push({ k: 'lit', s: lit });
  return parts;
}
