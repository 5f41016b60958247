/**
 * The golden-screen matcher of shared/transcripts/README.md: every non-blank expected line must
 * match a screen line, in order; white space runs fold to one space and ends are trimmed;
 * `[[*]]` matches any text and `[[name]]` any non-blank text, bound on first use.
 */
export interface MatchResult {
  ok: boolean;
  /** The first expected line that found no match, with its 1-based number. */
  failedLine?: { n: number; text: string };
  /** Where the search for it started in the screen (1-based). */
  screenFrom?: number;
  bindings: Record<string, string>;
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function matchScreen(expected: string, screen: string): MatchResult {
  const want = expected.split('\n').map((l, i) => ({ n: i + 1, text: fold(l) })).filter((l) => l.text !== '');
  const got = screen.split('\n').map(fold);
  const bindings: Record<string, string> = {};
  let pos = 0;
  for (const w of want) {
    let found = -1;
    for (let j = pos; j < got.length; j++) {
      const b = matchLine(w.text, got[j]!, bindings);
      if (b) {
        Object.assign(bindings, b);
        found = j;
        break;
      }
    }
    if (found < 0) return { ok: false, failedLine: w, screenFrom: pos + 1, bindings };
    pos = found + 1;
  }
  return { ok: true, bindings };
}

/** Matches one folded line; returns the new bindings (possibly none) or null. */
function matchLine(pattern: string, line: string, bound: Record<string, string>): Record<string, string> | null {
  const tokens = pattern.split(/(\[\[(?:\*|[A-Za-z0-9_]+)\]\])/);
  let re = '^';
  const names: string[] = [];
  const fresh = new Map<string, number>();
  for (const t of tokens) {
    const m = /^\[\[(\*|[A-Za-z0-9_]+)\]\]$/.exec(t);
    if (!m) {
      re += t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
      continue;
    }
    const name = m[1]!;
    if (name === '*') {
      re += '(?:.*?)';
      continue;
    }
    if (bound[name] !== undefined) {
      re += bound[name]!.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    } else if (fresh.has(name)) {
      re += `\\${fresh.get(name)}`;
    } else {
      names.push(name);
      fresh.set(name, names.length);
      re += '(\\S+?)';
    }
  }
  re += '$';
  const m = new RegExp(re).exec(line);
  if (!m) return null;
  const out: Record<string, string> = {};
  names.forEach((n, i) => (out[n] = m[i + 1]!));
  return out;
}
