import type { FsView } from '../fs/fsview';

/** Whether text has an unescaped glob character (in the pattern syntax used here). */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Escapes glob characters so text matches itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_',
};

const cache = new Map<string, RegExp>();

/** Compiles a shell pattern (*, ?, [...], \x) to an anchored RegExp. */
export function patternToRegExp(pattern: string, opts: { anchored?: 'both' | 'start' | 'end' | 'none'; greedy?: boolean } = {}): RegExp {
  const anchored = opts.anchored ?? 'both';
  const key = `${anchored}:${opts.greedy === false ? 0 : 1}:${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let re = '';
  const star = opts.greedy === false ? '[\\s\\S]*?' : '[\\s\\S]*';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const n = pattern[++i];
      re += n === undefined ? '\\\\' : escapeRe(n);
    } else if (c === '*') {
      re += star;
    } else if (c === '?') {
      re += '[\\s\\S]';
    } else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      re += bracketToRe(pattern.slice(i + 1, end));
      i = end;
    } else re += escapeRe(c);
  }
  const src = (anchored === 'both' || anchored === 'start' ? '^' : '') + re + (anchored === 'both' || anchored === 'end' ? '$' : '');
  let out: RegExp;
  try {
    out = new RegExp(src);
  } catch {
    out = new RegExp('^' + escapeRe(pattern) + '$');
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, out);
  return out;
}

export function matchPattern(pattern: string, text: string): boolean {
  return patternToRegExp(pattern).test(text);
}

function escapeRe(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function bracketEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '[' && p[j + 1] === ':') {
      const e = p.indexOf(':]', j + 2);
      if (e >= 0) {
        j = e + 1;
        continue;
      }
    }
    if (p[j] === '\\') {
      j++;
      continue;
    }
    if (p[j] === ']') return j;
  }
  return -1;
}

function bracketToRe(body: string): string {
  let i = 0;
  let out = '[';
  if (body[0] === '!' || body[0] === '^') {
    out += '^';
    i = 1;
  }
  for (; i < body.length; i++) {
    const c = body[i]!;
    if (c === '[' && body[i + 1] === ':') {
      const e = body.indexOf(':]', i + 2);
      if (e >= 0) {
        out += CLASSES[body.slice(i + 2, e)] ?? '';
        i = e + 1;
        continue;
      }
    }
    if (c === '\\') {
      const n = body[++i];
      if (n !== undefined) out += escapeRe(n);
      continue;
    }
    if (c === '-' && i > 0 && i < body.length - 1) {
      out += '-';
      continue;
    }
    out += c === ']' || c === '\\' || c === '^' || c === '[' ? '\\' + c : c === '-' ? '\\-' : c;
  }
  out += ']';
  if (out === '[]' || out === '[^]') return out === '[]' ? '(?!)' : '[\\s\\S]';
  try {
    new RegExp(out);
    return out;
  } catch {
    return '(?!)';
  }
}

/**
 * Expands a glob pattern against the filesystem, as bash does: sorted matches, hidden files only
 * when the component starts with a dot, unreadable directories skipped. Empty when none match.
 */
export function expandGlob(pattern: string, fs: FsView, compare: (a: string, b: string) => number): string[] {
  const absolute = pattern.startsWith('/');
  const comps = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let results: string[] = [absolute ? '/' : ''];
  let first = true;
  for (const comp of comps) {
    if (comp === '' && first) {
      first = false;
      continue;
    }
    first = false;
    const next: string[] = [];
    for (const base of results) {
      if (!hasGlob(comp)) {
        const lit = comp.replace(/\\(.)/g, '$1');
        const path = join(base, lit);
        if (fs.tryLstat(path === '' ? '.' : path)) next.push(path);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(base === '' ? '.' : base);
      } catch {
        continue;
      }
      const re = patternToRegExp(comp);
      const dotOk = comp.startsWith('.') || comp.startsWith('\\.');
      // Like bash 4.1, a pattern with a leading dot also matches `.` and `..`.
      if (dotOk) names = ['.', '..', ...names];
      const matched = names.filter((n) => (dotOk || !n.startsWith('.')) && re.test(n)).sort(compare);
      for (const n of matched) next.push(join(base, n));
    }
    results = next;
    if (results.length === 0) return [];
  }
  if (pattern.endsWith('/')) results = results.filter((r) => fs.tryStat(r)?.type === 'dir').map((r) => r + '/');
  return results;
}

function join(base: string, name: string): string {
  if (base === '') return name;
  if (base.endsWith('/')) return base + name;
  return base + '/' + name;
}
