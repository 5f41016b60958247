/**
 * Splitting input into records by RS: a newline (default), any other single character, a
 * regular expression (RS longer than one character, a gawk extension that also sets RT), or
 * paragraph mode (RS = "": records separated by blank lines, leading newlines skipped).
 *
 * A reader works on a whole text (files, command output) or on a stream that arrives in chunks
 * (standard input, possibly a terminal): a record is only returned once it is known to be
 * complete, so `awk '{ print $1 }'` answers each line as it is typed.
 */
import type { AwkRegex } from './regex';

export type RSMode = { kind: 'char'; c: string } | { kind: 'para' } | { kind: 'regex'; re: AwkRegex };

export interface Record {
  text: string;
  /** The terminator that ended the record (RT). */
  rt: string;
}

export class RecordReader {
  private buf = '';
  private pos = 0;
  private eof: boolean;
  /** Paragraph mode: leading newlines of the input are skipped only once. */
  private started = false;

  constructor(
    text: string | null,
    private readonly more: (() => Promise<string | null>) | null = null,
  ) {
    if (text !== null) {
      this.buf = text;
      this.eof = true;
    } else this.eof = more === null;
  }

  get atEof(): boolean {
    return this.eof && this.pos >= this.buf.length;
  }

  private compact(): void {
    if (this.pos > 65536 && this.pos > this.buf.length / 2) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
  }

  private async fill(): Promise<boolean> {
    if (this.eof || !this.more) return false;
    const chunk = await this.more();
    if (chunk === null) {
      this.eof = true;
      return false;
    }
    this.compact();
    this.buf += chunk;
    return true;
  }

  /** The next record, or null at the end of input. */
  async next(rs: RSMode): Promise<Record | null> {
    for (;;) {
      const r = this.tryNext(rs);
      if (r !== 'more') return r;
      await this.fill();
    }
  }

  /** The next record if it can be known without more input; 'more' when input must be read. */
  tryNext(rs: RSMode): Record | null | 'more' {
    const b = this.buf;
    if (rs.kind === 'char') {
      const i = b.indexOf(rs.c, this.pos);
      if (i >= 0) {
        const text = b.slice(this.pos, i);
        this.pos = i + 1;
        return { text, rt: rs.c };
      }
      if (!this.eof) return 'more';
      if (this.pos >= b.length) return null;
      const text = b.slice(this.pos);
      this.pos = b.length;
      return { text, rt: '' };
    }
    if (rs.kind === 'para') {
      if (!this.started) {
        let p = this.pos;
        while (p < b.length && b[p] === '\n') p++;
        if (p >= b.length && !this.eof) return 'more';
        this.pos = p;
        this.started = true;
      }
      // find a run of two or more newlines
      const i = b.indexOf('\n\n', this.pos);
      if (i >= 0) {
        let e = i;
        while (e < b.length && b[e] === '\n') e++;
        if (e >= b.length && !this.eof) return 'more';
        const text = b.slice(this.pos, i);
        this.pos = e;
        if (text === '' && e >= b.length) return null;
        return { text, rt: b.slice(i, e) };
      }
      if (!this.eof) return 'more';
      if (this.pos >= b.length) return null;
      let text = b.slice(this.pos);
      this.pos = b.length;
      let rt = '';
      const m = /\n+$/.exec(text);
      if (m) {
        rt = m[0];
        text = text.slice(0, m.index);
      }
      return { text, rt };
    }
    // regular expression
    if (this.pos >= b.length) {
      if (!this.eof) return 'more';
      return null;
    }
    let from = this.pos;
    for (;;) {
      const m = rs.re.re.exec(b, from);
      if (!m) break;
      if (m.end === m.start) {
        // an empty match separates nothing; look further
        if (m.start >= b.length) break;
        from = m.start + 1;
        continue;
      }
      if (m.end >= b.length && !this.eof) return 'more';
      const text = b.slice(this.pos, m.start);
      this.pos = m.end;
      return { text, rt: b.slice(m.start, m.end) };
    }
    if (!this.eof) return 'more';
    const text = b.slice(this.pos);
    this.pos = b.length;
    return { text, rt: '' };
  }

  /** Everything not yet read (used when a reader is abandoned). */
  rest(): string {
    return this.buf.slice(this.pos);
  }
}
