/**
 * What `more` and `less` share: reading keys from the terminal in raw mode, and folding text
 * into screen rows the way a terminal of a given width shows it.
 */
import type { ProgramContext } from '../../proc/program';
import type { Tty } from '../../tty/tty';
import { charWidth, utf8Encode } from './common';

/** xterm's standout (reverse video), as terminfo's smso/rmso give it. */
export const SO = '\x1b[7m';
export const SE = '\x1b[27m';
/** Carriage return and clear to end of line: how both pagers erase their prompt. */
export const ERASE_LINE = '\r\x1b[K';

/** The next key from the terminal (an escape sequence arrives whole). */
export async function readKey(ctx: ProgramContext, tty: Tty): Promise<string> {
  for (;;) {
    const k = ctx.proc.foreground() ? tty.tryReadKey() : undefined;
    if (k !== undefined) return k;
    await ctx.proc.waitOn(tty.ready);
  }
}

/**
 * Reads a line at the bottom of the screen (a search pattern), echoing and erasing as a
 * line editor does; null when cancelled with ^C, ^G or ESC, or erased past its start.
 */
export async function readPromptLine(ctx: ProgramContext, tty: Tty, write: (s: string) => void): Promise<string | null> {
  let text = '';
  for (;;) {
    const k = await readKey(ctx, tty);
    if (k === '\r' || k === '\n') return text;
    if (k === '\x03' || k === '\x07' || k === '\x1b') return null;
    if (k === '\x7f' || k === '\b') {
      if (text === '') return null;
      text = text.slice(0, -1);
      write('\b \b');
      continue;
    }
    if (k === '\x15') {
      write('\b \b'.repeat(text.length));
      text = '';
      continue;
    }
    if (k.length === 1 && k >= ' ') {
      text += k;
      write(k);
    }
  }
}

/** One row of the screen: part (or all) of a line of the file. */
export interface Row {
  text: string;
  /** Index of the file line this row belongs to. */
  line: number;
  /** Whether this row is the start of its line. */
  first: boolean;
  /** Bytes of the file up to the end of this row (its newline included when it ends the line). */
  endByte: number;
}

/**
 * Cuts text into rows `cols` columns wide (tabs to multiples of 8, wide characters taking
 * two), as a terminal that wraps long lines shows them. A line exactly as wide as the screen
 * takes one row.
 */
export function foldRows(text: string, cols: number, fold = true): Row[] {
  const rows: Row[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let bytes = 0;
  lines.forEach((line, li) => {
    let cur = '';
    let col = 0;
    let first = true;
    let curBytes = 0;
    for (const ch of line) {
      let w: number;
      if (ch === '\t') w = 8 - (col % 8);
      else {
        w = charWidth(ch);
        if (w < 0) w = ch === '\b' ? -1 : 0;
      }
      if (fold && col + Math.max(w, 0) > cols && cur !== '') {
        bytes += curBytes;
        rows.push({ text: cur, line: li, first, endByte: bytes });
        first = false;
        cur = '';
        col = 0;
        curBytes = 0;
        if (ch === '\t') w = 8;
      }
      cur += ch;
      col = Math.max(0, col + w);
      curBytes += utf8Encode(ch).length;
    }
    bytes += curBytes + 1;
    rows.push({ text: cur, line: li, first, endByte: bytes });
  });
  return rows;
}

/**
 * A pager started in the background waits for the foreground before it touches the terminal's
 * modes (a real one is stopped by SIGTTOU until `fg`).
 */
export async function awaitForeground(ctx: ProgramContext, tty: Tty): Promise<void> {
  while (!ctx.proc.foreground()) {
    ctx.proc.stoppedForTty = true;
    try {
      await ctx.proc.waitOn(tty.ready);
    } finally {
      ctx.proc.stoppedForTty = false;
    }
  }
}
