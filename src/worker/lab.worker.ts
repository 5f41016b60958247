/// <reference lib="webworker" />
/**
 * The lab runs here, off the page's thread. The page sends keystrokes and receives terminal
 * bytes (see engine/api/protocol.ts); real time passing moves the lab clock.
 */
import { Lab } from '../engine/lab';
import type { FromLab, ToLab } from '../engine/api/protocol';

declare const self: DedicatedWorkerGlobalScope;

let lab: Lab | null = null;
let faultsSeen = 0;
let settling: Promise<void> = Promise.resolve();

function post(msg: FromLab): void {
  self.postMessage(msg);
}

function reportFaults(): void {
  if (!lab) return;
  for (; faultsSeen < lab.faults.length; faultsSeen++) {
    const f = lab.faults[faultsSeen]!;
    post({ type: 'fault', message: `${f.host}/${f.program}: ${f.error}` });
  }
}

/** Runs lab work one piece at a time, in order. */
function queue(work: () => Promise<void>): void {
  settling = settling.then(work).then(reportFaults, (e: unknown) => post({ type: 'fault', message: String(e) }));
}

function start(msg: Extract<ToLab, { type: 'start' }>): void {
  lab = Lab.create({ clock: msg.clock, seed: msg.seed });
  const current = lab;
  queue(async () => {
    await current.settle();
    const hosts = [...current.hosts.values()].map((h) => ({
      name: h.name,
      address: h.profile.address,
      screen: h.console.screen.replayText(),
    }));
    for (const h of current.hosts.values()) current.onOutput(h.name, (data) => post({ type: 'output', host: h.name, data }));
    post({ type: 'ready', hosts });
  });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const dt = now - last;
    last = now;
    queue(() => current.advance(dt));
  }, 250);
}

self.onmessage = (ev: MessageEvent<ToLab>) => {
  const msg = ev.data;
  if (msg.type === 'start') {
    if (!lab) start(msg);
    return;
  }
  if (!lab) return;
  const current = lab;
  if (msg.type === 'input') {
    current.type(msg.host, msg.data);
    queue(() => current.settle());
  } else if (msg.type === 'resize') {
    const h = current.hosts.get(msg.host);
    if (h) {
      h.console.cols = msg.cols;
      h.console.rows = msg.rows;
    }
  }
};
