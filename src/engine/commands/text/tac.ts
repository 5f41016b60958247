import type { Program } from '../../proc/program';
import { getopt, posixRegex, quote, readInput, strerror, warn } from './common';

/** Cuts text into records at each separator match; `before` attaches the separator to the next record. */
function records(text: string, find: (from: number) => { at: number; len: number } | null, before: boolean): string[] {
  const out: string[] = [];
  let start = 0;
  let from = 0;
  while (from <= text.length) {
    const m = find(from);
    if (!m) break;
    if (before) {
      if (m.at > start) out.push(text.slice(start, m.at));
      start = m.at;
    } else {
      out.push(text.slice(start, m.at + m.len));
      start = m.at + m.len;
    }
    from = m.at + Math.max(m.len, 1);
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

export const tac: Program = async (ctx) => {
  let before = false;
  let regex = false;
  let separator = '\n';
  const r = getopt(
    ctx,
    {
      short: 'brs:',
      long: [
        { name: 'before', arg: 'none', key: 'b' },
        { name: 'regex', arg: 'none', key: 'r' },
        { name: 'separator', arg: 'required', key: 's' },
      ],
      info: { name: 'tac', authors: ['Jay Lepreau', 'David MacKenzie'] },
    },
    (k, arg) => {
      if (k === 'b') before = true;
      else if (k === 'r') regex = true;
      else if (k === 's') {
        separator = arg ?? '';
        if (separator === '') {
          warn(ctx, 'separator cannot be empty');
          return 1;
        }
      }
    },
  );
  if (!r.ok) return r.status;

  let find: (text: string, from: number) => { at: number; len: number } | null;
  if (regex) {
    const re = posixRegex(separator, { global: true });
    if (!re.ok) {
      warn(ctx, re.message);
      return 1;
    }
    find = (text, from) => {
      re.re.lastIndex = from;
      const m = re.re.exec(text);
      if (!m || m[0] === '') return m ? { at: m.index, len: 0 } : null;
      return { at: m.index, len: m[0].length };
    };
  } else {
    find = (text, from) => {
      const at = text.indexOf(separator, from);
      return at < 0 ? null : { at, len: separator.length };
    };
  }

  const files = r.operands.length > 0 ? r.operands : ['-'];
  let ok = true;
  for (const name of files) {
    const got = await readInput(ctx, name);
    if (!got.ok) {
      if (got.stage === 'open') warn(ctx, `cannot open ${quote(name)} for reading: ${strerror(got.code)}`);
      else warn(ctx, `${name}: read error: ${strerror(got.code)}`);
      ok = false;
      continue;
    }
    const text = got.text;
    const recs = records(text, (from) => (from > text.length ? null : find(text, from)), before);
    ctx.stdout.write(recs.reverse().join(''));
  }
  return ok ? 0 : 1;
};
