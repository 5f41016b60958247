import type { Tty } from '../tty/tty';
import type { Process } from '../proc/process';
import type { History } from './history';

/** What the line editor asks of the shell for completion. */
export interface Completer {
  /** Candidates for the word ending at the cursor. `command` when it is in command position. */
  complete(word: string, command: boolean): string[];
}

export interface ReadResult {
  line: string | null;
  /** ^C was pressed: the line was abandoned. */
  interrupted: boolean;
}

const MAX_LINE = 100_000;

/**
 * The shell's line editor (readline's emacs mode, the parts a learner uses): editing keys,
 * history with the arrows, ^R search, Tab completion. It owns the keyboard (raw mode) while a
 * line is being typed and draws with plain backspaces so a headless screen stays readable.
 */
export class LineEditor {
  private line = '';
  private cursor = 0;
  private lastKeyWasTab = false;

  constructor(
    private readonly tty: Tty,
    private readonly proc: Process,
    private readonly history: History,
    private readonly completer: Completer,
  ) {}

  async read(prompt: string): Promise<ReadResult> {
    this.line = '';
    this.cursor = 0;
    this.lastKeyWasTab = false;
    let histIndex = this.history.length;
    let saved = '';
    this.tty.raw = true;
    this.tty.isig = false;
    this.tty.write(prompt);
    const promptLast = prompt.split('\n').pop() ?? '';
    try {
      for (;;) {
        const key = await this.key();
        const wasTab = this.lastKeyWasTab;
        this.lastKeyWasTab = false;
        switch (key) {
          case '\r':
          case '\n':
            this.tty.writeRaw('\r\n');
            return { line: this.line, interrupted: false };
          case '\x03':
            this.tty.writeRaw('^C\r\n');
            return { line: '', interrupted: true };
          case '\x04':
            if (this.line === '') return { line: null, interrupted: false };
            this.deleteForward();
            break;
          case '\x7f':
          case '\b':
            this.backspace();
            break;
          case '\x01':
          case '\x1b[H':
          case '\x1bOH':
          case '\x1b[1~':
            this.moveTo(0);
            break;
          case '\x05':
          case '\x1b[F':
          case '\x1bOF':
          case '\x1b[4~':
            this.moveTo(this.line.length);
            break;
          case '\x02':
          case '\x1b[D':
          case '\x1bOD':
            this.moveTo(this.cursor - 1);
            break;
          case '\x06':
          case '\x1b[C':
          case '\x1bOC':
            this.moveTo(this.cursor + 1);
            break;
          case '\x1bb':
            this.moveTo(wordStart(this.line, this.cursor));
            break;
          case '\x1bf':
            this.moveTo(wordEnd(this.line, this.cursor));
            break;
          case '\x1b[3~':
            this.deleteForward();
            break;
          case '\x15':
            this.replace(this.line.slice(this.cursor), 0);
            break;
          case '\x0b':
            this.replace(this.line.slice(0, this.cursor), this.cursor);
            break;
          case '\x17': {
            let i = this.cursor;
            while (i > 0 && /\s/.test(this.line[i - 1]!)) i--;
            while (i > 0 && !/\s/.test(this.line[i - 1]!)) i--;
            this.replace(this.line.slice(0, i) + this.line.slice(this.cursor), i);
            break;
          }
          case '\x0c':
            this.tty.writeRaw('\x1b[H\x1b[2J');
            this.tty.write(promptLast);
            this.tty.writeRaw(this.line + '\b'.repeat(this.line.length - this.cursor));
            break;
          case '\x10':
          case '\x1b[A':
          case '\x1bOA':
            if (histIndex > 0) {
              if (histIndex === this.history.length) saved = this.line;
              histIndex--;
              const h = this.history.get(histIndex) ?? '';
              this.replace(h, h.length);
            }
            break;
          case '\x0e':
          case '\x1b[B':
          case '\x1bOB':
            if (histIndex < this.history.length) {
              histIndex++;
              const h = histIndex === this.history.length ? saved : (this.history.get(histIndex) ?? '');
              this.replace(h, h.length);
            }
            break;
          case '\x12': {
            const r = await this.reverseSearch(promptLast);
            if (r === 'accept') {
              this.tty.writeRaw('\r\n');
              return { line: this.line, interrupted: false };
            }
            if (r === 'interrupt') {
              this.tty.writeRaw('^C\r\n');
              return { line: '', interrupted: true };
            }
            break;
          }
          case '\t':
            this.complete(wasTab, promptLast);
            this.lastKeyWasTab = true;
            break;
          default:
            if (key.length === 1 && key >= ' ' && key !== '\x7f') this.insert(key);
            else if (key.length > 1 && !key.startsWith('\x1b')) {
              for (const ch of key) if (ch >= ' ') this.insert(ch);
            }
        }
      }
    } finally {
      this.tty.raw = false;
      this.tty.isig = true;
    }
  }

  private async key(): Promise<string> {
    for (;;) {
      const k = this.tty.tryReadKey();
      if (k !== undefined) return k;
      await this.proc.waitOn(this.tty.ready);
    }
  }

  private insert(text: string): void {
    if (this.line.length + text.length > MAX_LINE) {
      this.tty.writeRaw('\x07');
      return;
    }
    const after = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor) + text + after;
    this.cursor += text.length;
    this.tty.writeRaw(text + after + '\b'.repeat(after.length));
  }

  private backspace(): void {
    if (this.cursor === 0) return;
    const after = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor - 1) + after;
    this.cursor--;
    this.tty.writeRaw('\b' + after + ' ' + '\b'.repeat(after.length + 1));
  }

  private deleteForward(): void {
    if (this.cursor >= this.line.length) return;
    const after = this.line.slice(this.cursor + 1);
    this.line = this.line.slice(0, this.cursor) + after;
    this.tty.writeRaw(after + ' ' + '\b'.repeat(after.length + 1));
  }

  private moveTo(pos: number): void {
    const p = Math.max(0, Math.min(this.line.length, pos));
    if (p < this.cursor) this.tty.writeRaw('\b'.repeat(this.cursor - p));
    else if (p > this.cursor) this.tty.writeRaw(this.line.slice(this.cursor, p));
    this.cursor = p;
  }

  /** Redraws the line as `text` with the cursor at `cursor`. */
  private replace(text: string, cursor: number): void {
    const old = this.line;
    let out = '\b'.repeat(this.cursor) + text;
    if (old.length > text.length) out += ' '.repeat(old.length - text.length) + '\b'.repeat(old.length - text.length);
    out += '\b'.repeat(text.length - cursor);
    this.line = text;
    this.cursor = cursor;
    this.tty.writeRaw(out);
  }

  private async reverseSearch(prompt: string): Promise<'accept' | 'edit' | 'interrupt'> {
    let query = '';
    let from = this.history.length;
    let match = '';
    const draw = (failed: boolean): void => {
      const label = `(${failed ? 'failed ' : ''}reverse-i-search)\`${query}': `;
      this.tty.writeRaw('\r\x1b[K' + label + match);
    };
    const find = (start: number): number => {
      if (query === '') return -1;
      for (let i = start - 1; i >= 0; i--) if (this.history.get(i)!.includes(query)) return i;
      return -1;
    };
    draw(false);
    for (;;) {
      const key = await this.key();
      if (key === '\x12') {
        const i = find(from);
        if (i >= 0) {
          from = i;
          match = this.history.get(i)!;
        }
        draw(i < 0 && query !== '');
        continue;
      }
      if (key === '\x7f' || key === '\b') {
        query = query.slice(0, -1);
        from = this.history.length;
        const i = find(from);
        if (i >= 0) {
          from = i;
          match = this.history.get(i)!;
        }
        draw(false);
        continue;
      }
      if (key === '\x03' || key === '\x07') {
        this.tty.writeRaw('\r\x1b[K');
        this.tty.write(prompt);
        this.line = '';
        this.cursor = 0;
        return key === '\x03' ? 'interrupt' : 'edit';
      }
      if (key.length === 1 && key >= ' ' && key !== '\x7f') {
        query += key;
        const i = find(from === this.history.length ? from : from + 1);
        if (i >= 0) {
          from = i;
          match = this.history.get(i)!;
        }
        draw(i < 0);
        continue;
      }
      // Any other key ends the search, keeping the match for editing (Enter runs it).
      this.tty.writeRaw('\r\x1b[K');
      this.tty.write(prompt);
      this.line = match;
      this.cursor = match.length;
      this.tty.writeRaw(match);
      if (key === '\r' || key === '\n') return 'accept';
      return 'edit';
    }
  }

  private complete(second: boolean, prompt: string): void {
    const before = this.line.slice(0, this.cursor);
    const m = /(?:^|[\s;|&<>(])((?:\\.|[^\s;|&<>(])*)$/.exec(before);
    const raw = m ? m[1]! : '';
    const wordStartIdx = this.cursor - raw.length;
    const head = before.slice(0, wordStartIdx);
    const command = /^\s*$|[;|&(]\s*$|(?:^|\s)(?:sudo|then|do|else|time|!)\s+$/.test(head);
    const word = raw.replace(/\\(.)/g, '$1');
    const candidates = [...new Set(this.completer.complete(word, command))].sort();
    if (candidates.length === 0) {
      this.tty.writeRaw('\x07');
      return;
    }
    if (candidates.length === 1) {
      const c = candidates[0]!;
      const full = escapeWord(c.endsWith('/') ? c : c) + (c.endsWith('/') ? '' : ' ');
      this.replace(this.line.slice(0, wordStartIdx) + full + this.line.slice(this.cursor), wordStartIdx + full.length);
      return;
    }
    const common = commonPrefix(candidates);
    if (common.length > word.length) {
      const esc = escapeWord(common);
      this.replace(this.line.slice(0, wordStartIdx) + esc + this.line.slice(this.cursor), wordStartIdx + esc.length);
      return;
    }
    if (!second) {
      this.tty.writeRaw('\x07');
      return;
    }
    const shown = candidates.map((c) => (c.endsWith('/') ? c.slice(0, -1).split('/').pop() + '/' : c.split('/').pop()!));
    this.tty.writeRaw('\r\n' + columns(shown, this.tty.cols).replace(/\n/g, '\r\n'));
    this.tty.write(prompt);
    this.tty.writeRaw(this.line + '\b'.repeat(this.line.length - this.cursor));
  }
}

function escapeWord(w: string): string {
  return w.replace(/([\s'"\\$`&|;<>()*?[\]!#])/g, '\\$1');
}

function commonPrefix(words: string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Lays names out in columns, down then across, as readline lists completions. */
export function columns(names: string[], width: number): string {
  const w = Math.max(...names.map((n) => n.length)) + 2;
  const cols = Math.max(1, Math.floor(width / w));
  const rows = Math.ceil(names.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const n = names[c * rows + r];
      if (n === undefined) continue;
      line += c === cols - 1 || names[(c + 1) * rows + r] === undefined ? n : n.padEnd(w);
    }
    out += line + '\n';
  }
  return out;
}

function wordStart(line: string, i: number): number {
  let j = i;
  while (j > 0 && !/\w/.test(line[j - 1]!)) j--;
  while (j > 0 && /\w/.test(line[j - 1]!)) j--;
  return j;
}

function wordEnd(line: string, i: number): number {
  let j = i;
  while (j < line.length && !/\w/.test(line[j]!)) j++;
  while (j < line.length && /\w/.test(line[j]!)) j++;
  return j;
}
