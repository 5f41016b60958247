/**
 * The headless lab in your own terminal.
 *   npm run lab                         rhel1's console (Ctrl-T switches host, Ctrl-Q quits)
 *   npm run lab -- --host rhel2         start on rhel2
 *   npm run --silent lab -- --replay F  play a replay file and print the screens
 *   --clock 2014-04-26T11:25:00-06:00   set the lab clock; --seed N the random seed
 */
import { readFileSync } from 'node:fs';
import { Lab } from '../engine/lab';
import { parseIsoInstant } from '../engine/util/clock';
import { playReplay } from '../engine/replay/play';

interface Args {
  replay: string | null;
  host: string;
  clock: number | undefined;
  seed: number | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { replay: null, host: 'rhel1', clock: undefined, seed: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--replay') args.replay = value();
    else if (a === '--host') args.host = value();
    else if (a === '--clock') {
      const v = value();
      const ms = parseIsoInstant(v);
      if (ms === null) fail(`--clock: not an ISO 8601 instant: ${v}`);
      args.clock = ms;
    } else if (a === '--seed') args.seed = Number(value());
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run lab -- [--host rhel1|rhel2] [--clock ISO] [--seed N] [--replay FILE]\n');
      process.exit(0);
    } else fail(`unknown option ${a}`);
  }
  return args;
}

function fail(msg: string): never {
  process.stderr.write(`lab: ${msg}\n`);
  process.exit(2);
}

async function replay(args: Args): Promise<void> {
  let text: string;
  try {
    text = readFileSync(args.replay!, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.replay}: ${(e as Error).message}`);
  }
  const lab = Lab.create({ clock: args.clock, seed: args.seed });
  process.stdout.write(await playReplay(lab, text));
  for (const f of lab.faults) process.stderr.write(`lab: engine fault in ${f.host}/${f.program}: ${f.error}\n`);
}

async function interactive(args: Args): Promise<void> {
  const lab = Lab.create({ clock: args.clock, seed: args.seed });
  const names = [...lab.hosts.keys()];
  if (!names.includes(args.host)) fail(`no host ${args.host} (hosts: ${names.join(', ')})`);
  let current = args.host;
  const stdin = process.stdin;
  /** Shows a console: a banner, then its screen as it stands, then its output as it comes. */
  const show = (): (() => void) => {
    process.stdout.write(`\r\n\x1b[7m Mail Lab: ${current} console (Ctrl-T switches host, Ctrl-Q quits) \x1b[0m\r\n`);
    process.stdout.write(lab.host(current).console.screen.replayText(Math.max(1, (process.stdout.rows ?? 24) - 3)));
    return lab.onOutput(current, (d) => process.stdout.write(d));
  };
  await lab.settle();
  let detach = show();
  const resize = (): void => {
    for (const h of lab.hosts.values()) {
      h.console.cols = process.stdout.columns ?? 80;
      h.console.rows = process.stdout.rows ?? 24;
    }
  };
  resize();
  process.stdout.on('resize', resize);
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  // Real time passing moves the lab clock (queue retries, sleep).
  let last = Date.now();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    const now = Date.now();
    const dt = now - last;
    last = now;
    busy = true;
    void lab.advance(dt).finally(() => (busy = false));
  }, 200);
  stdin.on('data', (data: string) => {
    for (const ch of data) {
      if (ch === '\x11') {
        clearInterval(timer);
        if (stdin.isTTY) stdin.setRawMode(false);
        process.stdout.write('\r\n');
        process.exit(0);
      }
      if (ch === '\x14') {
        detach();
        current = names[(names.indexOf(current) + 1) % names.length]!;
        detach = show();
        continue;
      }
      lab.type(current, ch);
    }
    void lab.settle();
  });
  stdin.on('end', () => process.exit(0));
}

const args = parseArgs(process.argv.slice(2));
if (args.replay) void replay(args);
else void interactive(args);
