import type { Inode, Vfs } from '../fs/vfs';
import { Interrupted, SIGPIPE } from '../proc/signals';
import type { WaitQueue } from '../proc/waiter';

/**
 * Where a process reads from. tryRead answers at once: a chunk, null at end of input, or
 * undefined when it would block (then the reader parks on `ready` and tries again).
 */
export interface Source {
  readonly isTTY: boolean;
  tryRead(): string | null | undefined;
  readonly ready: WaitQueue;
  /** Gives back text read too far (the shell's `read` takes one line of a chunk). */
  unread?(text: string): void;
}

/** Where a process writes to. Writing never blocks; a closed pipe raises SIGPIPE. */
export interface OutputStream {
  readonly isTTY: boolean;
  write(text: string): void;
}

/** A fixed text (a here-document, a file opened with `<`, a test's input). */
export class StringSource implements Source {
  readonly isTTY = false;
  private done = false;
  readonly ready: WaitQueue;

  constructor(
    private text: string,
    queue: WaitQueue,
  ) {
    this.ready = queue;
  }

  unread(text: string): void {
    if (text === '') return;
    this.text = text + this.text;
    this.done = false;
  }

  tryRead(): string | null {
    if (this.done || this.text === '') {
      this.done = true;
      return null;
    }
    this.done = true;
    const t = this.text;
    this.text = '';
    return t;
  }
}

/** A pipe between two processes of a pipeline: unbounded buffer, EOF once every writer closed. */
export class Pipe implements Source {
  readonly isTTY = false;
  private chunks: string[] = [];
  private writers = 1;
  private readerGone = false;

  constructor(readonly ready: WaitQueue) {}

  unread(text: string): void {
    if (text !== '') this.chunks.unshift(text);
  }

  tryRead(): string | null | undefined {
    if (this.chunks.length > 0) {
      const s = this.chunks.join('');
      this.chunks = [];
      return s;
    }
    return this.writers > 0 ? undefined : null;
  }

  readonly writer: OutputStream = {
    isTTY: false,
    write: (text: string) => {
      if (this.readerGone) throw new Interrupted(SIGPIPE);
      if (text === '') return;
      this.chunks.push(text);
      this.ready.wakeAll();
    },
  };

  addWriter(): void {
    this.writers++;
  }

  closeWriter(): void {
    if (this.writers > 0 && --this.writers === 0) this.ready.wakeAll();
  }

  closeReader(): void {
    this.readerGone = true;
    this.chunks = [];
  }
}

/** Gathers output in memory: command substitution, tests. */
export class CollectOutput implements OutputStream {
  isTTY = false;
  private parts: string[] = [];

  write(text: string): void {
    this.parts.push(text);
  }

  text(): string {
    return this.parts.join('');
  }
}

export const nullOutput: OutputStream = { isTTY: false, write: () => {} };

/** A file opened for writing by a redirection: each write lands at once, as with write(2). */
export class FileOutput implements OutputStream {
  readonly isTTY = false;
  constructor(
    private readonly vfs: Vfs,
    readonly inode: Inode,
  ) {}

  write(text: string): void {
    if (text !== '') this.vfs.appendTo(this.inode, text);
  }
}
