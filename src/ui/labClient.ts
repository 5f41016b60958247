import type { FromLab, ToLab } from '../engine/api/protocol';
import { useLab } from './store';

type OutputListener = (data: string) => void;

/** The page's end of the worker: sends keys, fans terminal output out to the host views. */
class LabClient {
  private worker: Worker;
  private listeners = new Map<string, Set<OutputListener>>();
  private initial = new Map<string, string>();

  constructor() {
    this.worker = new Worker(new URL('../worker/lab.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (ev: MessageEvent<FromLab>) => this.receive(ev.data);
    this.send({ type: 'start' });
  }

  private receive(msg: FromLab): void {
    if (msg.type === 'ready') {
      for (const h of msg.hosts) {
        this.initial.set(h.name, h.screen);
        for (const fn of this.listeners.get(h.name) ?? []) fn(h.screen);
      }
      useLab.getState().setReady(msg.hosts.map((h) => ({ name: h.name, address: h.address })));
    } else if (msg.type === 'output') {
      for (const fn of this.listeners.get(msg.host) ?? []) fn(msg.data);
    } else {
      useLab.getState().addFault(msg.message);
    }
  }

  send(msg: ToLab): void {
    this.worker.postMessage(msg);
  }

  /** Subscribes a terminal to a host's output; replays what the console already shows. */
  attach(host: string, fn: OutputListener): () => void {
    let set = this.listeners.get(host);
    if (!set) this.listeners.set(host, (set = new Set()));
    set.add(fn);
    const screen = this.initial.get(host);
    if (screen) fn(screen);
    return () => set.delete(fn);
  }
}

export const labClient = new LabClient();
