import type { FsView } from '../fs/fsview';
import type { OutputStream, Source } from '../io/streams';
import type { Host } from '../host/host';
import type { Tty } from '../tty/tty';
import type { Cred } from '../fs/vfs';
import type { Process, ProcInput } from './process';

/** What a running program gets: its arguments, streams, environment, filesystem and host. */
export interface ProgramContext {
  /** argv[0] is the name it was run as. */
  argv: string[];
  /** The exported environment; the program may change its own copy. */
  env: Record<string, string>;
  stdin: ProcInput;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The filesystem with this process's credentials, cwd and umask. */
  fs: FsView;
  proc: Process;
  host: Host;
  /** The controlling terminal, when the process has one. */
  tty: Tty | null;
  /** Runs another program (PATH lookup unless argv[0] has a /) and waits for its status. */
  spawn(argv: string[], opts?: SpawnOptions): Promise<number>;
}

export interface SpawnOptions {
  stdin?: Source;
  stdout?: OutputStream;
  stderr?: OutputStream;
  env?: Record<string, string>;
  cwd?: string;
  cred?: Cred;
  /** The name ps shows (login shells are `-bash`). */
  comm?: string;
  /** Put the child in its own process group and give it the terminal (the shell's jobs). */
  newGroup?: boolean;
}

/** A program: returns its exit status. Throw ExitRequest to exit from deep inside. */
export type Program = (ctx: ProgramContext) => Promise<number>;
