import { SIGINT } from '../../proc/signals';
import type { Program, ProgramContext } from '../../proc/program';
import type { Tty } from '../../tty/tty';
import { openInput, posixRegex, strerror } from './common';
import { ERASE_LINE, SE, SO, foldRows, readKey, readPromptLine, type Row, awaitForeground } from './pager';

/**
 * less 436 (RHEL 6): on a terminal, a full-screen pager on xterm's alternate screen with the
 * default short prompt (the file name first, `:` while paging, `(END)` at the end); to a pipe
 * or file it copies its input like cat. Covered keys: q Q ZZ, space f ^F ^V z PgDn, b ^B ESC-v
 * PgUp, Enter e j ^E ^N Down, y k ^Y ^P ^K Up, d ^D, u ^U, g < ESC-<, G > ESC->, /pattern,
 * ?pattern, n, N, :n, :p, :q, = and ^G, with a number prefix.
 */

interface LessOptions {
  lineNumbers: boolean;
  chop: boolean;
  ignoreCase: 'no' | 'smart' | 'always';
  quitAtEof: boolean;
  quitIfOneScreen: boolean;
  noInit: boolean;
  squeeze: boolean;
}

/** xterm's ti/te and ks/ke, which less sends when it starts and ends. */
const INIT = '\x1b[?1049h\x1b[?1h\x1b=';
const DEINIT = '\x1b[?1l\x1b>\x1b[?1049l';
const CLEAR = '\x1b[H\x1b[2J';

interface Doc {
  name: string | null;
  text: string;
}

function parseFlags(flags: string, o: LessOptions): string | null {
  for (const c of flags) {
    switch (c) {
      case 'N':
        o.lineNumbers = true;
        break;
      case 'n':
        o.lineNumbers = false;
        break;
      case 'S':
        o.chop = true;
        break;
      case 'i':
        o.ignoreCase = 'smart';
        break;
      case 'I':
        o.ignoreCase = 'always';
        break;
      case 'E':
      case 'e':
        o.quitAtEof = true;
        break;
      case 'F':
        o.quitIfOneScreen = true;
        break;
      case 'X':
        o.noInit = true;
        break;
      case 's':
        o.squeeze = true;
        break;
      case 'R':
      case 'r':
      case 'M':
      case 'm':
      case 'q':
      case 'Q':
      case 'f':
      case 'K':
      case '~':
      case 'w':
      case 'W':
      case 'c':
      case 'C':
        break;
      default:
        return c;
    }
  }
  return null;
}

export const less: Program = async (ctx) => {
  const o: LessOptions = { lineNumbers: false, chop: false, ignoreCase: 'no', quitAtEof: false, quitIfOneScreen: false, noInit: false, squeeze: false };
  const names: string[] = [];
  const badOption = (c: string): number => {
    ctx.stderr.write(`There is no -${c} option ("less --help" for help)\n`);
    return 1;
  };
  if (ctx.env.LESS) {
    for (const word of ctx.env.LESS.split(/\s+/)) {
      const bad = parseFlags(word.replace(/^-+/, ''), o);
      if (bad !== null) return badOption(bad);
    }
  }
  let optsDone = false;
  for (const a of ctx.argv.slice(1)) {
    if (!optsDone && a === '--') {
      optsDone = true;
      continue;
    }
    if (!optsDone && a === '--help') {
      ctx.stdout.write('\n                   SUMMARY OF LESS COMMANDS\n\n      Commands marked with * may be preceded by a number, N.\n      Notes in parentheses indicate the behavior if N is given.\n\n  h  H                 Display this help.\n  q  :q  Q  :Q  ZZ     Exit.\n');
      return 0;
    }
    if (!optsDone && (a === '--version' || a === '-V')) {
      ctx.stdout.write('less 436\nCopyright (C) 1984-2009 Mark Nudelman\n\nless comes with NO WARRANTY, to the extent permitted by law.\nFor information about the terms of redistribution,\nsee the file named README in the less distribution.\nHomepage: http://www.greenwoodsoftware.com/less\n');
      return 0;
    }
    if (!optsDone && a.startsWith('-') && a.length > 1) {
      const bad = parseFlags(a.slice(1), o);
      if (bad !== null) return badOption(bad);
      continue;
    }
    names.push(a);
  }

  const tty = ctx.tty;
  const toTerminal = tty !== null && ctx.stdout.isTTY;

  // Open what can be opened; less reports the others and goes on.
  const docs: Doc[] = [];
  const report = (name: string): boolean => {
    const f = openInput(ctx, name);
    if (!f.ok) {
      if (f.code === 'EISDIR') ctx.stderr.write(`${name} is a directory\n`);
      else ctx.stderr.write(`${name}: ${strerror(f.code)}\n`);
      return false;
    }
    docs.push({ name, text: f.node.data });
    return true;
  };

  if (!toTerminal) {
    let ok = true;
    if (names.length === 0) ctx.stdout.write(await ctx.stdin.readAll());
    for (const name of names) {
      if (name === '-') {
        ctx.stdout.write(await ctx.stdin.readAll());
        continue;
      }
      if (report(name)) ctx.stdout.write(docs.pop()!.text);
      else ok = false;
    }
    return ok ? 0 : 1;
  }

  if (names.length === 0) {
    if (ctx.stdin.isTTY) {
      ctx.stderr.write('Missing filename ("less --help" for help)\n');
      return 1;
    }
    docs.push({ name: null, text: await ctx.stdin.readAll() });
  }
  for (const name of names) {
    if (name === '-' && !ctx.stdin.isTTY) docs.push({ name: null, text: await ctx.stdin.readAll() });
    else report(name);
  }
  if (docs.length === 0) return 1;
  return page(ctx, tty!, o, docs);
};

async function page(ctx: ProgramContext, tty: Tty, o: LessOptions, docs: Doc[]): Promise<number> {
  const out = (s: string): void => ctx.stdout.write(s);
  const height = tty.rows - 1;
  const cols = tty.cols;
  let half = Math.max(1, Math.floor(height / 2));
  let index = 0;
  let rows: Row[] = [];
  let lines: string[] = [];
  let top = 0;
  let fresh = true;
  let lastSearch: { re: RegExp; forward: boolean } | null = null;

  const load = (d: Doc): void => {
    const width = o.lineNumbers ? cols - 8 : cols;
    const text = o.squeeze ? d.text.replace(/\n\n\n+/g, '\n\n') : d.text;
    rows = foldRows(text, Math.max(1, width), !o.chop);
    lines = text.split('\n');
    top = 0;
    fresh = true;
  };
  const maxTop = (): number => Math.max(0, rows.length - height);
  const atEnd = (): boolean => top + height >= rows.length;

  const render = (r: Row): string => {
    let text = r.text;
    if (o.chop) text = [...text].slice(0, o.lineNumbers ? cols - 8 : cols).join('');
    text = text.replace(/\t/g, '\t').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => SO + '^' + String.fromCharCode(c.charCodeAt(0) ^ 0x40) + SE);
    if (lastSearch) {
      const g = new RegExp(lastSearch.re.source, lastSearch.re.flags.includes('i') ? 'gi' : 'g');
      text = text.replace(g, (m) => (m === '' ? m : SO + m + SE));
    }
    if (o.lineNumbers) text = (r.first ? String(r.line + 1).padStart(7, ' ') : ' '.repeat(7)) + ' ' + text;
    return text;
  };

  const promptText = (): string => {
    const d = docs[index]!;
    let p = '';
    if (fresh) {
      if (d.name !== null) p += d.name + ' ';
      if (docs.length > 1) p += `(file ${index + 1} of ${docs.length}) `;
    }
    if (atEnd()) {
      p += '(END) ';
      const next = docs[index + 1];
      if (next) p += `- Next: ${next.name ?? '-'}`;
    }
    return p.trimEnd();
  };
  const prompt = (): void => {
    const p = promptText();
    out(ERASE_LINE + (p === '' ? ':' : SO + p + SE));
  };
  const message = async (msg: string): Promise<void> => {
    out(ERASE_LINE + SO + msg + '  (press RETURN)' + SE);
    await readKey(ctx, tty);
  };

  const repaint = (): void => {
    let s = CLEAR;
    for (let i = 0; i < height; i++) {
      const r = rows[top + i];
      s += (r ? render(r) : '~') + '\n';
    }
    out(s);
  };
  /** Moves down n rows, writing only the new ones as a terminal scroll would. */
  const forward = (n: number): void => {
    const target = Math.min(top + n, maxTop());
    if (target <= top) return;
    let s = ERASE_LINE;
    for (let i = top + height; i < target + height; i++) {
      const r = rows[i];
      s += (r ? render(r) : '~') + '\n';
    }
    top = target;
    out(s);
  };
  const backward = (n: number): void => {
    const target = Math.max(0, top - n);
    if (target === top) return;
    top = target;
    repaint();
  };
  /** The row where line n (1-based) starts; the last row for a line past the end. */
  const lineRow = (n: number): number => {
    const i = rows.findIndex((r) => r.first && r.line === n - 1);
    return i < 0 ? maxTop() : i;
  };
  const goTo = (t: number): void => {
    top = Math.max(0, Math.min(t, maxTop()));
    repaint();
  };

  const search = (re: RegExp, forwardDir: boolean, count: number, fromTop: boolean): boolean => {
    let r = top;
    let found = -1;
    let left = count;
    const step = forwardDir ? 1 : -1;
    r = fromTop ? top : top + step;
    for (; r >= 0 && r < rows.length; r += step) {
      if (!rows[r]!.first) continue;
      const line = lines[rows[r]!.line] ?? '';
      if (re.test(line) && --left === 0) {
        found = r;
        break;
      }
    }
    if (found < 0) return false;
    top = found;
    repaint();
    return true;
  };

  if (!o.noInit) out(INIT);
  // Keys one at a time, no echo: raw mode while paging, and back as it was afterwards.
  await awaitForeground(ctx, tty);
  const wasRaw = tty.raw;
  tty.raw = true;
  // less catches SIGINT (it only cancels a search); the rest of the foreground job gets it.
  const ignoredInt = ctx.proc.ignored.has(SIGINT);
  ctx.proc.ignored.add(SIGINT);
  try {
    load(docs[index]!);
    if (o.quitIfOneScreen && rows.length <= height && docs.length === 1) {
      for (const r of rows) out(render(r) + '\n');
      return 0;
    }
    repaint();
    for (;;) {
      prompt();
      if (o.quitAtEof && atEnd() && index === docs.length - 1) break;
      let num = 0;
      let key = await readKey(ctx, tty);
      while (key.length === 1 && key >= '0' && key <= '9') {
        num = num * 10 + Number(key);
        out(ERASE_LINE + ':' + String(num));
        key = await readKey(ctx, tty);
      }
      if (key === '\x1b') {
        const k2 = await readKey(ctx, tty);
        key = '\x1b' + k2;
      }
      fresh = false;
      const n = num;
      switch (key) {
        case 'q':
        case 'Q':
          return 0;
        case 'Z': {
          const k2 = await readKey(ctx, tty);
          if (k2 === 'Z') return 0;
          continue;
        }
        case ' ':
        case 'f':
        case '\x06':
        case '\x16':
        case 'z':
        case '\x1b[6~':
          if (key === 'z' && n) half = n;
          forward(n || height);
          continue;
        case 'b':
        case '\x02':
        case 'w':
        case '\x1bv':
        case '\x1b[5~':
          backward(n || height);
          continue;
        case '\r':
        case '\n':
        case 'e':
        case 'j':
        case '\x05':
        case '\x0e':
        case '\x1b[B':
        case '\x1bOB':
          forward(n || 1);
          continue;
        case 'y':
        case 'k':
        case '\x19':
        case '\x10':
        case '\x0b':
        case '\x1b[A':
        case '\x1bOA':
          backward(n || 1);
          continue;
        case 'd':
        case '\x04':
          if (n) half = n;
          forward(half);
          continue;
        case 'u':
        case '\x15':
          if (n) half = n;
          backward(half);
          continue;
        case 'g':
        case '<':
        case '\x1b<':
          goTo(n ? lineRow(n) : 0);
          continue;
        case 'G':
        case '>':
        case '\x1b>':
          goTo(n ? lineRow(n) : maxTop());
          continue;
        case '/':
        case '?': {
          out(ERASE_LINE + key);
          const pat = await readPromptLine(ctx, tty, out);
          if (pat === null) continue;
          if (pat === '') {
            if (!lastSearch) {
              await message('No previous regular expression');
              continue;
            }
          } else {
            const icase = o.ignoreCase === 'always' || (o.ignoreCase === 'smart' && pat === pat.toLowerCase());
            const re = posixRegex(pat, { icase });
            if (!re.ok) {
              await message(re.message);
              continue;
            }
            lastSearch = { re: re.re, forward: key === '/' };
          }
          if (!search(lastSearch!.re, lastSearch!.forward, n || 1, false)) await message('Pattern not found');
          continue;
        }
        case 'n':
        case 'N':
          if (!lastSearch) {
            await message('No previous regular expression');
            continue;
          }
          if (!search(lastSearch.re, key === 'n' ? lastSearch.forward : !lastSearch.forward, n || 1, false)) await message('Pattern not found');
          continue;
        case ':': {
          out(ERASE_LINE + ':');
          const c = await readKey(ctx, tty);
          if (c === 'q' || c === 'Q') return 0;
          if (c === 'n' || c === 'p') {
            const next = index + (c === 'n' ? n || 1 : -(n || 1));
            if (next < 0 || next >= docs.length) {
              await message(c === 'n' ? 'No next file' : 'No previous file');
              continue;
            }
            index = next;
            load(docs[index]!);
            repaint();
          }
          continue;
        }
        case '=':
        case '\x07': {
          const d = docs[index]!;
          const first = rows[top]?.line ?? 0;
          const last = rows[Math.min(rows.length, top + height) - 1]?.line ?? 0;
          const total = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
          const bytes = top + height >= rows.length ? d.text.length : rows[top + height - 1]!.endByte;
          const pct = d.text.length ? Math.floor((bytes * 100) / d.text.length) : 100;
          await message(`${d.name ?? 'Standard input'} lines ${first + 1}-${last + 1}/${total} byte ${bytes}/${d.text.length} ${pct}%`);
          continue;
        }
        case '\x0c':
        case 'r':
        case 'R':
          repaint();
          continue;
        default:
          out('\x07');
          continue;
      }
    }
    return 0;
  } finally {
    tty.raw = wasRaw;
    if (!ignoredInt) ctx.proc.ignored.delete(SIGINT);
    out(ERASE_LINE);
    if (!o.noInit) out(DEINIT);
  }
}
