/**
 * A plain-text picture of what a terminal shows, for the headless lab: lines of characters with
 * the cursor moves and erases a shell and its programs use. No wrapping (lines keep their full
 * length, so a long log line stays one line), no colours (SGR is dropped).
 */
export class Screen {
  private lines: string[] = [''];
  /** Lines dropped from the top to bound memory; row numbers stay absolute. */
  private dropped = 0;
  private row = 0;
  private col = 0;
  private pending = '';

  constructor(private readonly maxLines = 10000) {}

  /** Absolute row of the cursor: a bookmark for text(from). */
  get cursorRow(): number {
    return this.dropped + this.row;
  }

  feed(data: string): void {
    const s = this.pending + data;
    this.pending = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '\x1b') {
        const end = this.escapeEnd(s, i);
        if (end < 0) {
          this.pending = s.slice(i);
          return;
        }
        this.escape(s.slice(i, end));
        i = end;
        continue;
      }
      i++;
      switch (c) {
        case '\r':
          this.col = 0;
          break;
        case '\n':
          this.row++;
          if (this.row >= this.lines.length) this.lines.push('');
          this.trim();
          break;
        case '\b':
          if (this.col > 0) this.col--;
          break;
        case '\t':
          this.put(' '.repeat(8 - (this.col % 8)));
          break;
        case '\x07':
          break;
        default: {
          if (c < ' ' || c === '\x7f') break;
          // Take the whole run of printable text at once: one string splice per run, not per char.
          let j = i;
          while (j < s.length) {
            const d = s.charCodeAt(j);
            if (d < 32 || d === 0x7f || d === 0x1b) break;
            j++;
          }
          this.put(s.slice(i - 1, j));
          i = j;
        }
      }
    }
  }

  /** The text from absolute row `from` (default: all kept), trailing spaces trimmed, \n-joined. */
  text(from = 0): string {
    const start = Math.max(0, from - this.dropped);
    const out = this.lines.slice(start).map((l) => l.replace(/ +$/, ''));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  }

  /**
   * What to write into a fresh terminal so it shows the same thing, cursor included: the kept
   * lines with \r\n, the cursor's line as it is (a prompt's trailing space matters).
   */
  replayText(lastLines = Infinity): string {
    const first = Math.max(0, this.row + 1 - lastLines);
    const lines = this.lines.slice(first, this.row + 1).map((l, i) => (i + first === this.row ? l : l.replace(/ +$/, '')));
    return lines.join('\r\n') + (this.col < (this.lines[this.row] ?? '').length ? `\r\x1b[${this.col}C` : '');
  }

  /** The last n lines, as a person sees the bottom of the terminal. */
  tail(n: number): string[] {
    return this.lines.slice(-n).map((l) => l.replace(/ +$/, ''));
  }

  /** The line the cursor is on. */
  currentLine(): string {
    return this.lines[this.row] ?? '';
  }

  private put(text: string): void {
    let line = this.lines[this.row] ?? '';
    if (line.length < this.col) line += ' '.repeat(this.col - line.length);
    line = line.slice(0, this.col) + text + line.slice(this.col + text.length);
    this.lines[this.row] = line;
    this.col += text.length;
  }

  private escapeEnd(s: string, i: number): number {
    if (i + 1 >= s.length) return -1;
    const next = s[i + 1]!;
    if (next === '[') {
      for (let j = i + 2; j < s.length; j++) {
        const code = s.charCodeAt(j);
        if (code >= 0x40 && code <= 0x7e) return j + 1;
      }
      return s.length - i > 64 ? s.length : -1;
    }
    if (next === ']') {
      for (let j = i + 2; j < s.length; j++) {
        if (s[j] === '\x07') return j + 1;
        if (s[j] === '\x1b' && s[j + 1] === '\\') return j + 2;
      }
      return s.length - i > 256 ? s.length : -1;
    }
    return i + 2;
  }

  private escape(seq: string): void {
    if (!seq.startsWith('\x1b[')) return;
    const final = seq[seq.length - 1]!;
    const params = seq.slice(2, -1);
    if (params.startsWith('?')) return;
    const n = parseInt(params, 10);
    const count = Number.isNaN(n) || n === 0 ? 1 : n;
    switch (final) {
      case 'K': {
        const line = this.lines[this.row] ?? '';
        if (params === '' || params === '0') this.lines[this.row] = line.slice(0, this.col);
        else if (params === '2') this.lines[this.row] = '';
        break;
      }
      case 'C':
        this.col += count;
        break;
      case 'D':
        this.col = Math.max(0, this.col - count);
        break;
      case 'G':
        this.col = Math.max(0, count - 1);
        break;
      case 'J':
        // Clearing the screen: what was shown stays in the scrollback, drawing goes on below it.
        if (params === '2' || params === '3') this.newPage();
        break;
      case 'H':
        if (params === '' ) this.newPage();
        break;
      default:
        break;
    }
  }

  private newPage(): void {
    if ((this.lines[this.row] ?? '') !== '' || this.row < this.lines.length - 1) {
      this.lines.push('');
      this.row = this.lines.length - 1;
    }
    this.col = 0;
  }

  private trim(): void {
    // Drop old lines in batches so a long session does not pay a big splice per newline.
    const excess = this.lines.length - this.maxLines;
    if (excess >= Math.max(1, this.maxLines >> 4)) {
      this.lines.splice(0, excess);
      this.dropped += excess;
      this.row -= excess;
    }
  }
}
