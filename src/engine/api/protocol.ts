/**
 * The messages between the page and the lab worker. The UI imports only this file from the
 * engine: everything else happens in the worker.
 */

export type ToLab =
  /** Start a lab (a clock instant in ms since the epoch, a seed). */
  | { type: 'start'; clock?: number; seed?: number }
  /** Keys typed at a host's console. */
  | { type: 'input'; host: string; data: string }
  /** The terminal's size changed. */
  | { type: 'resize'; host: string; cols: number; rows: number };

export type FromLab =
  /** The lab is up: its hosts, and what each console shows already. */
  | { type: 'ready'; hosts: Array<{ name: string; address: string; screen: string }> }
  /** Bytes for a host's terminal. */
  | { type: 'output'; host: string; data: string }
  /** Something went wrong inside the engine (a bug): shown, never silently dropped. */
  | { type: 'fault'; message: string };
