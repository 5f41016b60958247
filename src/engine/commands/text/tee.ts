import { isFsError } from '../../fs/errors';
import type { Inode } from '../../fs/vfs';
import type { Program } from '../../proc/program';
import { SIGINT } from '../../proc/signals';
import { getopt, strerror, warn } from './common';

export const tee: Program = async (ctx) => {
  let append = false;
  const r = getopt(
    ctx,
    {
      short: 'ai',
      long: [
        { name: 'append', arg: 'none', key: 'a' },
        { name: 'ignore-interrupts', arg: 'none', key: 'i' },
      ],
      info: { name: 'tee', authors: ['Mike Parker', 'Richard M. Stallman', 'David MacKenzie'] },
    },
    (k) => {
      if (k === 'a') append = true;
      else if (k === 'i') ctx.proc.ignored.add(SIGINT);
    },
  );
  if (!r.ok) return r.status;

  let ok = true;
  // Each target: an open file, or standard output again for `-` (coreutils 8.4 still does that).
  const targets: (Inode | 'stdout')[] = [];
  for (const name of r.operands) {
    if (name === '-') {
      targets.push('stdout');
      continue;
    }
    if (name === '') {
      warn(ctx, `: ${strerror('ENOENT')}`);
      ok = false;
      continue;
    }
    try {
      targets.push(ctx.fs.openForWrite(name, { append }));
    } catch (e) {
      const code = isFsError(e) ? e.code : 'ENOENT';
      warn(ctx, `${name}: ${strerror(code)}`);
      ok = false;
    }
  }

  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    if (chunk === '') continue;
    ctx.stdout.write(chunk);
    for (const t of targets) {
      if (t === 'stdout') ctx.stdout.write(chunk);
      else ctx.host.vfs.appendTo(t, chunk);
    }
  }
  return ok ? 0 : 1;
};
