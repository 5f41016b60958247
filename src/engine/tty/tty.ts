import type { Source } from '../io/streams';
import { SIGINT, SIGQUIT } from '../proc/signals';
import { WaitQueue } from '../proc/waiter';
import { Screen } from './screen';

/**
 * A console: the terminal line discipline between a person's keyboard and the programs reading
 * it. In canonical mode it collects a line with echo and erase, turns ^C into SIGINT for the
 * foreground process group and ^D into end of input; in raw mode (the shell's line editor owns
 * the keyboard) every key goes straight to the reader.
 */
export class Tty implements Source {
  readonly isTTY = true;
  readonly ready = new WaitQueue();
  readonly screen = new Screen();
  /** Keys go to the reader one by one: no echo, no line collection (ICANON and ECHO off). */
  raw = false;
  /**
   * ^C and ^\ raise signals for the foreground group (ISIG). A pager keeps it on in raw mode;
   * the shell's line editor turns it off and takes ^C as a key, as readline does.
   */
  isig = true;
  /** ECHO: off while a password is typed. */
  echo = true;
  private fgPgid: number | null = null;

  /** The process group that gets ^C and may read; a change wakes readers that wait their turn. */
  get foregroundPgid(): number | null {
    return this.fgPgid;
  }

  set foregroundPgid(pgid: number | null) {
    if (pgid === this.fgPgid) return;
    this.fgPgid = pgid;
    this.ready.wakeAll();
  }
  cols = 80;
  rows = 24;

  private queue = '';
  private line = '';
  private outputListeners = new Set<(data: string) => void>();
  /** A program's own reaction to one key before the line discipline sees it (telnet's ^]). */
  private intercept: ((key: string) => boolean) | null = null;

  constructor(
    readonly name: string,
    private readonly signalGroup: (pgid: number, sig: number) => void,
  ) {}

  // ---- the person's side ------------------------------------------------------------------

  /** Keys typed (or pasted) by the person. */
  input(data: string): void {
    for (const key of data) {
      if (this.intercept && this.intercept(key)) continue;
      if (this.isig && key === '\x03') {
        this.queue = '';
        this.line = '';
        this.emit('^C');
        if (this.foregroundPgid !== null) this.signalGroup(this.foregroundPgid, SIGINT);
        continue;
      }
      if (this.isig && key === '\x1c') {
        this.queue = '';
        this.line = '';
        this.emit('^\\');
        if (this.foregroundPgid !== null) this.signalGroup(this.foregroundPgid, SIGQUIT);
        continue;
      }
      this.queue += key;
    }
    if (this.queue !== '') this.ready.wakeAll();
  }

  /** Listens to everything written to the terminal (the browser's xterm, the CLI). */
  onOutput(fn: (data: string) => void): () => void {
    this.outputListeners.add(fn);
    return () => this.outputListeners.delete(fn);
  }

  setIntercept(fn: ((key: string) => boolean) | null): void {
    this.intercept = fn;
  }

  /** Whether keys are waiting to be read. */
  get pendingInput(): boolean {
    return this.queue !== '' || this.line !== '';
  }

  /** Whether some process is parked reading this terminal. */
  get hasReader(): boolean {
    return this.ready.size > 0;
  }

  // ---- the programs' side -----------------------------------------------------------------

  /** Output from programs: \n becomes \r\n as ONLCR does. */
  write(text: string): void {
    if (text === '') return;
    this.emit(text.replace(/\r?\n/g, '\r\n'));
  }

  /** Output passed through untouched (a line editor drawing its line). */
  writeRaw(text: string): void {
    if (text !== '') this.emit(text);
  }

  /** Canonical read: a whole line with its \n, null for ^D on an empty line, undefined to wait. */
  tryRead(): string | null | undefined {
    while (this.queue !== '') {
      const key = this.queue[0]!;
      this.queue = this.queue.slice(1);
      switch (key) {
        case '\r':
        case '\n': {
          const line = this.line + '\n';
          this.line = '';
          if (this.echo) this.emit('\r\n');
          return line;
        }
        case '\x7f':
        case '\b':
          if (this.line !== '') {
            const last = this.line[this.line.length - 1]!;
            this.line = this.line.slice(0, -1);
            if (this.echo) this.emit(last < ' ' ? '\b\b  \b\b' : '\b \b');
          }
          break;
        case '\x15':
          if (this.echo) this.emit('\b \b'.repeat(this.line.length));
          this.line = '';
          break;
        case '\x17': {
          const kept = this.line.replace(/\S+\s*$/, '');
          if (this.echo) this.emit('\b \b'.repeat(this.line.length - kept.length));
          this.line = kept;
          break;
        }
        case '\x04': {
          if (this.line === '') return null;
          const line = this.line;
          this.line = '';
          return line;
        }
        case '\x03':
        case '\x1c':
          break;
        default:
          this.line += key;
          if (this.echo) this.emit(key < ' ' && key !== '\t' ? '^' + String.fromCharCode(key.charCodeAt(0) + 64) : key);
      }
    }
    return undefined;
  }

  /** Raw read: the next key, an escape sequence whole; undefined to wait. */
  tryReadKey(): string | undefined {
    if (this.line !== '') {
      // Text typed before the editor took the keyboard is handed over first.
      this.queue = this.line + this.queue;
      this.line = '';
    }
    if (this.queue === '') return undefined;
    let n = 1;
    if (this.queue[0] === '\x1b' && this.queue.length > 1) {
      const m = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)/.exec(this.queue);
      if (m) n = m[0].length;
    }
    const key = this.queue.slice(0, n);
    this.queue = this.queue.slice(n);
    return key;
  }

  /** Forgets typed-ahead input (tcflush), as after an interrupt. */
  flushInput(): void {
    this.queue = '';
    this.line = '';
  }

  private emit(data: string): void {
    this.screen.feed(data);
    for (const fn of [...this.outputListeners]) fn(data);
  }
}
