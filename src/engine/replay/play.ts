import type { Lab } from '../lab';

/**
 * Plays a replay file (see shared/transcripts/README.md): each line is typed with Enter into the
 * current console once the lab has settled; `@@ HOST` switches console; a line that is exactly
 * ^], ^C or ^D sends that key alone; `##` lines are comments. Returns the screens in the order
 * visited: each `@@ HOST` line, then what that console showed from then on.
 */
export async function playReplay(lab: Lab, replay: string, opts: { defaultHost?: string } = {}): Promise<string> {
  const out: string[] = [];
  let host: string | null = null;
  let mark = 0;
  const leave = (): void => {
    if (host === null) return;
    const text = lab.screenText(host, mark);
    out.push(text);
  };
  const enter = (name: string): void => {
    host = name;
    mark = lab.host(name).console.screen.cursorRow;
    out.push(`@@ ${name}`);
  };
  await lab.settle({ fastForward: true });
  const lines = replay.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (line.startsWith('##')) continue;
    const m = /^@@\s+(\S+)\s*$/.exec(line);
    if (m) {
      if (!lab.hosts.has(m[1]!)) throw new Error(`replay: no host named ${m[1]}`);
      leave();
      enter(m[1]!);
      continue;
    }
    if (host === null) enter(opts.defaultHost ?? 'rhel1');
    const keys = line === '^]' ? '\x1d' : line === '^C' ? '\x03' : line === '^D' ? '\x04' : line + '\r';
    lab.type(host!, keys);
    await lab.settle({ fastForward: true });
  }
  leave();
  return out.join('\n') + '\n';
}
