import type { Program, ProgramContext } from '../../proc/program';
import type { Tty } from '../../tty/tty';
import { byteLength } from '../../fs/vfs';
import { openInput, posixRegex, strerror } from './common';
import { ERASE_LINE, SE, SO, foldRows, readKey, readPromptLine, type Row, awaitForeground } from './pager';

/**
 * more from util-linux-ng 2.17: pages its input a screenful at a time on a terminal, with the
 * `--More--(NN%)` prompt; to a pipe or file it copies its input (with `::::` headers between
 * several files), as the real one does. It always exits 0.
 */

interface MoreOptions {
  lines: number | null;
  dumb: boolean;
  squeeze: boolean;
  clear: boolean;
  fold: boolean;
  startLine: number;
  startPattern: string | null;
}

const HELP = `
Most commands optionally preceded by integer argument k.  Defaults in brackets.
Star (*) indicates argument becomes new default.
-------------------------------------------------------------------------------
<space>                 Display next k lines of text [current screen size]
z                       Display next k lines of text [current screen size]*
<return>                Display next k lines of text [1]*
d or ctrl-D             Scroll k lines [current scroll size, initially 11]*
q or Q or <interrupt>   Exit from more
s                       Skip forward k lines of text [1]
f                       Skip forward k screenfuls of text [1]
b or ctrl-B             Skip backwards k screenfuls of text [1]
'                       Go to place where previous search started
=                       Display current line number
/<regular expression>   Search for kth occurrence of regular expression [1]
n                       Search for kth occurrence of last r.e [1]
!<cmd> or :!<cmd>       Execute <cmd> in a subshell
v                       Start up /usr/bin/vi at current line
ctrl-L                  Redraw screen
:n                      Go to kth next file [1]
:p                      Go to kth previous file [1]
:f                      Display current file name and line number
.                       Repeat previous command
-------------------------------------------------------------------------------
`;

/** Parses the option letters of one `-xyz` word; returns an error character or null. */
function argscan(s: string, o: MoreOptions): string | null {
  let seenNum = false;
  for (const c of s) {
    if (c >= '0' && c <= '9') {
      if (!seenNum) {
        o.lines = 0;
        seenNum = true;
      }
      o.lines = (o.lines ?? 0) * 10 + Number(c);
    } else if (c === 'd') o.dumb = true;
    else if (c === 'l') {
      // form feeds do not pause: nothing to do here
    } else if (c === 'f') o.fold = false;
    else if (c === 'p' || c === 'c') o.clear = true;
    else if (c === 's') o.squeeze = true;
    else if (c === 'u' || c === '-' || c === ' ' || c === '\t') {
      // underlining is not drawn; separators are skipped
    } else return c;
  }
  return null;
}

function usage(ctx: ProgramContext): number {
  const name = (ctx.argv[0] ?? 'more').split('/').pop();
  ctx.stderr.write(`usage: ${name} [-dflpcsu] [+linenum | +/pattern] name1 name2 ...\n`);
  return 1;
}

/** A file (or standard input) opened for paging. */
interface Input {
  name: string | null;
  text: string;
}

export const more: Program = async (ctx) => {
  const o: MoreOptions = { lines: null, dumb: false, squeeze: false, clear: false, fold: true, startLine: 0, startPattern: null };
  const prog = ctx.argv[0] ?? 'more';
  const scan = (word: string): boolean => {
    const bad = argscan(word, o);
    if (bad !== null) {
      ctx.stderr.write(`${prog}: unknown option "-${bad}"\n`);
      return false;
    }
    return true;
  };
  if (ctx.env.MORE !== undefined && !scan(ctx.env.MORE)) return usage(ctx);
  const args = ctx.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      if (!scan(a.slice(1))) return usage(ctx);
    } else if (a.startsWith('+')) {
      if (a[1] === '/') o.startPattern = a.slice(2, 81);
      else {
        let n = 0;
        for (const c of a.slice(1)) if (c >= '0' && c <= '9') n = n * 10 + Number(c);
        o.startLine = n - 1;
      }
    } else break;
  }
  const names = args.slice(i);
  const tty = ctx.tty;
  const toTerminal = tty !== null && ctx.stdout.isTTY;
  const stdinTerminal = ctx.stdin.isTTY;
  if (stdinTerminal && names.length === 0) return usage(ctx);

  const out = (s: string): void => ctx.stdout.write(s);
  let prnames = names.length > 1;
  const header = (name: string): string => `::::::::::::::\n${name}\n::::::::::::::\n`;

  /** checkf(): opens a named file, or prints why not (perror style, or to stdout). */
  const open = (name: string): Input | null => {
    const f = openInput(ctx, name);
    if (!f.ok) {
      if (f.code === 'EISDIR') out(`\n*** ${name}: directory ***\n\n`);
      else ctx.stderr.write(`${name}: ${strerror(f.code)}\n`);
      return null;
    }
    const d = f.node.data;
    const magic = d.length >= 2 ? d.charCodeAt(0) + (d.charCodeAt(1) << 8) : -1;
    if ([0o407, 0o410, 0o413, 0o405, 0o411, 0o177545, 0x457f].includes(magic)) {
      out(`\n******** ${name}: Not a text file ********\n\n`);
      return null;
    }
    return { name, text: d };
  };

  if (!toTerminal) {
    if (!stdinTerminal) {
      out(await ctx.stdin.readAll());
      prnames = true;
    }
    for (const name of names) {
      const f = open(name);
      if (!f) continue;
      if (prnames) out(header(name));
      out(f.text);
    }
    return 0;
  }
  return pageOnTerminal(ctx, tty!, o, names, stdinTerminal ? null : await ctx.stdin.readAll(), open, header);
};

async function pageOnTerminal(
  ctx: ProgramContext,
  tty: Tty,
  o: MoreOptions,
  names: string[],
  stdinText: string | null,
  open: (name: string) => Input | null,
  header: (name: string) => string,
): Promise<number> {
  const out = (s: string): void => ctx.stdout.write(s);
  const lpp = tty.rows;
  const cols = tty.cols;
  let dlines = o.lines && o.lines > 0 ? o.lines : lpp - 1;
  let nscroll = Math.max(1, Math.floor(lpp / 2) - 1);
  let promptLen = 0;
  let lastPattern: string | null = null;
  let prnames = names.length > 1;

  const erasePrompt = (): void => {
    if (promptLen > 0) out(ERASE_LINE);
    promptLen = 0;
  };
  const bell = (): void => ctx.stderr.write('\x07');

  class Quit extends Error {}

  // Keys one at a time, no echo: raw mode while paging, and back as it was afterwards.
  await awaitForeground(ctx, tty);
  const wasRaw = tty.raw;
  tty.raw = true;
  try {
    let current: Input | null = null;
    let rows: Row[] = [];
    let lines: string[] = [];
    let pos = 0; // next row to show
    let noIntty = false;
    let prevBlank = false;

    const load = (f: Input): void => {
      current = f;
      rows = foldRows(f.text, cols, o.fold);
      lines = f.text.split('\n');
      pos = 0;
      prevBlank = false;
    };
    const size = (): number => (current ? byteLength(current.text) : 0);
    const lineOfRow = (r: number): number => (r < rows.length ? rows[r]!.line : rows.length > 0 ? rows[rows.length - 1]!.line + 1 : 0);

    const prompt = (nextFile: string | null): void => {
      erasePrompt();
      let text = '--More--';
      if (nextFile !== null) text += `(Next file: ${nextFile})`;
      else if (!noIntty) {
        const done = pos > 0 ? rows[pos - 1]!.endByte : 0;
        const total = size() || Number.MAX_SAFE_INTEGER;
        text += `(${Math.floor((done * 100) / total)}%)`;
      }
      if (o.dumb) text += "[Press space to continue, 'q' to quit.]";
      out(SO + text + SE);
      promptLen = text.length;
    };

    /** Shows up to n rows; false when the input ran out. */
    const screen = (n: number): boolean => {
      if (o.clear && n >= dlines) out('\x1b[H\x1b[2J');
      while (n > 0) {
        const r = rows[pos];
        if (!r) return false;
        pos++;
        const blank = r.text === '';
        if (o.squeeze && blank && prevBlank) continue;
        prevBlank = blank;
        erasePrompt();
        out(r.text + '\n');
        n--;
      }
      return pos < rows.length;
    };

    /** Skips to the n-th next line matching the pattern; shows "...skipping" as more does. */
    const search = (pattern: string, n: number): boolean => {
      const re = posixRegex(pattern);
      if (!re.ok) {
        erasePrompt();
        out(SO + re.message + SE);
        promptLen = re.message.length;
        return false;
      }
      let count = 0;
      let lnCount = 0;
      for (let r = pos; r < rows.length; r++) {
        if (!rows[r]!.first) continue;
        lnCount++;
        const line = lines[rows[r]!.line] ?? '';
        if (re.re.test(line) && ++count === n) {
          // The typed `/pattern` stays on its row when lines are skipped.
          if (lnCount > 3) {
            out('\r\n...skipping\n');
            promptLen = 0;
          } else out('\r');
          // Show the match with up to two lines of context before it.
          let back = r;
          let k = 0;
          while (back > pos && k < 2) {
            back--;
            if (rows[back]!.first) k++;
          }
          pos = back;
          return true;
        }
      }
      erasePrompt();
      out(SO + 'Pattern not found' + SE);
      promptLen = 'Pattern not found'.length;
      return false;
    };

    /** command(): waits for a command at the prompt; returns how many rows to show next. */
    const command = async (nextFile: string | null): Promise<number | 'next'> => {
      prompt(nextFile);
      let num = 0;
      let lastCmd = '';
      let lastArg = 0;
      for (;;) {
        let key = await readKey(ctx, tty);
        if (key >= '0' && key <= '9' && key.length === 1) {
          num = num * 10 + Number(key);
          continue;
        }
        if (key === '.') {
          key = lastCmd;
          num = lastArg;
        }
        lastCmd = key;
        lastArg = num;
        const n = num;
        num = 0;
        switch (key) {
          case ' ':
          case 'z':
            if (n === 0) return dlines;
            if (key === 'z') dlines = n;
            return n;
          case 'd':
          case '\x04':
            if (n !== 0) nscroll = n;
            return nscroll;
          case 'q':
          case 'Q':
          case '\x03':
            throw new Quit();
          case '\r':
          case '\n':
            if (n !== 0) dlines = n;
            return n === 0 ? 1 : n;
          case 's':
          case 'f':
          case '\x06': {
            let skip = n === 0 ? 1 : n;
            if (key === 'f') skip *= dlines;
            erasePrompt();
            out('\n' + (skip === 1 ? '...skipping one line' : `...skipping ${skip} lines`) + '\n');
            let lines = 0;
            while (pos < rows.length && lines < skip) {
              pos++;
              if (pos >= rows.length || rows[pos]!.first) lines++;
            }
            if (pos >= rows.length) return 0;
            return dlines;
          }
          case 'b':
          case '\x02': {
            if (noIntty) {
              bell();
              continue;
            }
            const pages = n === 0 ? 1 : n;
            erasePrompt();
            out('\n' + (pages === 1 ? '...back 1 page' : `...back ${pages} pages`) + '\n');
            pos = Math.max(0, pos - dlines * (pages + 1) - 1);
            return dlines + 1;
          }
          case '=':
            erasePrompt();
            out(String(lineOfRow(pos)));
            promptLen = String(lineOfRow(pos)).length;
            continue;
          case '/':
          case 'n': {
            let pattern: string | null;
            if (key === 'n') pattern = lastPattern;
            else {
              erasePrompt();
              out('/');
              promptLen = 1;
              pattern = await readPromptLine(ctx, tty, out);
              if (pattern === null) {
                prompt(nextFile);
                continue;
              }
              lastPattern = pattern;
            }
            if (pattern === null) {
              bell();
              continue;
            }
            if (search(pattern, n === 0 ? 1 : n)) return dlines - 1;
            continue;
          }
          case 'h':
          case '?':
            erasePrompt();
            out(HELP);
            prompt(nextFile);
            continue;
          case ':': {
            const c = await readKey(ctx, tty);
            if (c === 'q' || c === 'Q') throw new Quit();
            if (c === 'n') return 'next';
            if (c === 'f') {
              erasePrompt();
              const msg = current && current.name !== null ? `"${current.name}" line ${lineOfRow(pos)}` : `[Not a file] line ${lineOfRow(pos)}`;
              out(msg);
              promptLen = msg.length;
              continue;
            }
            bell();
            continue;
          }
          case '\f':
            if (noIntty) bell();
            else {
              out('\x1b[H\x1b[2J');
              pos = Math.max(0, pos - dlines);
              return dlines;
            }
            continue;
          default:
            if (o.dumb) {
              erasePrompt();
              out(SO + "[Press 'h' for instructions.]" + SE);
              promptLen = "[Press 'h' for instructions.]".length;
            } else bell();
            continue;
        }
      }
    };

    /** Pages the current input; resolves when it is done or the person moved on. */
    const pageCurrent = async (first: number): Promise<void> => {
      let left = first;
      for (;;) {
        const more = screen(left);
        if (!more) return;
        const n = await command(null);
        if (n === 'next' || n === 0) return;
        left = n;
      }
    };

    let firstShown = true;
    const startAt = (): void => {
      if (o.startPattern !== null) {
        lastPattern = o.startPattern;
        search(o.startPattern, 1);
      } else if (o.startLine > 0) {
        while (pos < rows.length && rows[pos]!.line < o.startLine) pos++;
      }
    };

    if (stdinText !== null) {
      noIntty = true;
      load({ name: null, text: stdinText });
      startAt();
      firstShown = false;
      await pageCurrent(dlines);
      noIntty = false;
      prnames = true;
    }
    for (let fnum = 0; fnum < names.length; fnum++) {
      const name = names[fnum]!;
      const f = open(name);
      if (!f) continue;
      let left = dlines;
      if (firstShown) {
        firstShown = false;
        load(f);
        startAt();
      } else {
        const n = await command(name);
        load(f);
        if (n === 'next') left = dlines;
        else left = n;
      }
      if (left === 0) continue;
      if (prnames) {
        erasePrompt();
        out(header(name));
        if (left > lpp - 4) left = lpp - 4;
      }
      await pageCurrent(left);
    }
    erasePrompt();
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
    erasePrompt();
  } finally {
    tty.raw = wasRaw;
  }
  return 0;
}
