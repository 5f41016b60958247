import type { Program, ProgramContext } from '../../proc/program';
import { ADMIN_DIR, ALT_DIR, altInstall, altRemove, readConfig, writeState } from '../../packages/alternatives';
import type { AltInstall } from '../../packages/types';

class Exit extends Error {
  constructor(readonly code: number) {
    super('exit');
  }
}

function usage(ctx: ProgramContext, rc: number): never {
  const v = ctx.host.profile.release === 'el6' ? '1.3.47' : '1.3.30.1';
  ctx.stdout.write(`alternatives version ${v} - Copyright (C) 2001 Red Hat, Inc.
This may be freely redistributed under the terms of the GNU Public License.

usage: alternatives --install <link> <name> <path> <priority>
                    [--initscript <service>]
                    [--slave <link> <name> <path>]*
       alternatives --remove <name> <path>
       alternatives --auto <name>
       alternatives --config <name>
       alternatives --display <name>
       alternatives --set <name> <path>

common options: --verbose --test --help --usage --version
                --altdir <directory> --admindir <directory>
`);
  throw new Exit(rc);
}

type Mode = 'install' | 'remove' | 'auto' | 'display' | 'config' | 'set' | 'slave' | 'version' | 'usage' | null;

async function main(ctx: ProgramContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  if (argv.length === 0) usage(ctx, 2);
  let mode: Mode = null;
  let title = '';
  let target = '';
  let altDir = ALT_DIR;
  let stateDir = ADMIN_DIR;
  const inst: AltInstall = { link: '', name: '', path: '', priority: -1, slaves: [] };
  let i = 0;
  const need = (pred: (s: string | undefined) => boolean): string => {
    const v = argv[i];
    if (!pred(v)) usage(ctx, 2);
    i++;
    return v!;
  };
  const abs = (s: string | undefined) => s !== undefined && s.startsWith('/');
  const rel = (s: string | undefined) => s !== undefined && !s.startsWith('/');
  while (i < argv.length) {
    const a = argv[i]!;
    i++;
    switch (a) {
      case '--install':
        if (mode !== null && mode !== 'slave') usage(ctx, 2);
        mode = 'install';
        inst.link = need(abs);
        inst.name = need(rel);
        inst.path = need(abs);
        {
          const p = need((s) => s !== undefined);
          if (!/^[+-]?\d+$/.test(p)) usage(ctx, 2);
          inst.priority = Number(p);
        }
        break;
      case '--slave':
        if (mode !== null && mode !== 'install') usage(ctx, 2);
        if (mode === null) mode = 'slave';
        inst.slaves.push({ link: need(abs), name: need(rel), path: need(abs) });
        break;
      case '--initscript':
        if (mode !== null && mode !== 'install') usage(ctx, 2);
        inst.initscript = need((s) => s !== undefined);
        break;
      case '--remove':
      case '--set':
        if (mode !== null) usage(ctx, 2);
        mode = a === '--remove' ? 'remove' : 'set';
        title = need(rel);
        target = need(abs);
        break;
      case '--auto':
      case '--display':
      case '--config':
        if (mode !== null) usage(ctx, 2);
        mode = a.slice(2) as Mode;
        title = need(rel);
        break;
      case '--help':
      case '--usage':
        if (mode !== null) usage(ctx, 2);
        mode = 'usage';
        break;
      case '--version':
        if (mode !== null) usage(ctx, 2);
        mode = 'version';
        break;
      case '--test':
      case '--verbose':
        break;
      case '--altdir':
        altDir = need((s) => s !== undefined);
        break;
      case '--admindir':
        stateDir = need((s) => s !== undefined);
        break;
      default:
        usage(ctx, 2);
    }
  }
  const altSt = ctx.fs.tryStat(altDir);
  if (!altSt || altSt.type !== 'dir') {
    ctx.stderr.write(`altdir ${altDir} invalid\n`);
    return 2;
  }
  const stSt = ctx.fs.tryStat(stateDir);
  if (!stSt || stSt.type !== 'dir') {
    ctx.stderr.write(`admindir ${stateDir} invalid\n`);
    return 2;
  }
  const fail = (errors: string[]) => {
    for (const e of errors) ctx.stderr.write(e + '\n');
  };
  switch (mode) {
    case null:
    case 'slave':
      usage(ctx, 2);
      break;
    case 'usage':
      usage(ctx, 0);
      break;
    case 'version':
      ctx.stdout.write(`alternatives version ${ctx.host.profile.release === 'el6' ? '1.3.47' : '1.3.30.1'}\n`);
      return 0;
    case 'install': {
      const r = altInstall(ctx.fs, inst, altDir, stateDir);
      fail(r.errors);
      return r.code;
    }
    case 'remove': {
      const r = altRemove(ctx.fs, title, target, altDir, stateDir);
      fail(r.errors);
      return r.code;
    }
    case 'display': {
      const r = readConfig(ctx.fs, title, altDir, stateDir);
      if (!r.ok) {
        fail(r.errors);
        return 2;
      }
      const set = r.set;
      let out = `${title} - status is ${set.mode}.\n link currently points to ${set.currentLink}\n`;
      for (const alt of set.alts) {
        out += `${alt.master.target} - priority ${alt.priority}\n`;
        for (const s of alt.slaves) out += ` slave ${s.title}: ${s.target ?? '(null)'}\n`;
      }
      out += `Current \`best' version is ${set.alts[set.best]!.master.target}.\n`;
      ctx.stdout.write(out);
      return 0;
    }
    case 'auto': {
      const r = readConfig(ctx.fs, title, altDir, stateDir);
      if (!r.ok) {
        fail(r.errors);
        return 2;
      }
      r.set.current = r.set.best;
      r.set.mode = 'auto';
      const w = writeState(ctx.fs, r.set, false, altDir, stateDir);
      fail(w.errors);
      return w.ok ? 0 : 2;
    }
    case 'set': {
      const r = readConfig(ctx.fs, title, altDir, stateDir);
      if (!r.ok) {
        fail(r.errors);
        return 2;
      }
      const idx = r.set.alts.findIndex((x) => x.master.target === target);
      if (idx < 0) {
        ctx.stderr.write(`${target} has not been configured as an alternative for ${title}\n`);
        return 2;
      }
      r.set.current = idx;
      r.set.mode = 'manual';
      const w = writeState(ctx.fs, r.set, true, altDir, stateDir);
      fail(w.errors);
      return w.ok ? 0 : 2;
    }
    case 'config': {
      const r = readConfig(ctx.fs, title, altDir, stateDir);
      if (!r.ok) {
        fail(r.errors);
        return 2;
      }
      const set = r.set;
      const n = set.alts.length;
      for (;;) {
        let menu = '\n';
        menu += n === 1 ? `There is 1 program that provides '${set.alts[0]!.master.title}'.\n` : `There are ${n} programs which provide '${set.alts[0]!.master.title}'.\n`;
        menu += '\n  Selection    Command\n-----------------------------------------------\n';
        set.alts.forEach((alt, k) => {
          menu += `${k === set.best ? '*' : ' '}${k === set.current ? '+' : ' '} ${String(k + 1).padEnd(4)}        ${alt.master.target}\n`;
        });
        menu += '\nEnter to keep the current selection[+], or type selection number: ';
        ctx.stdout.write(menu);
        const line = await ctx.stdin.readLine();
        if (line === null) {
          ctx.stderr.write('\nerror reading choice\n');
          return 2;
        }
        const m = /^\s*([+-]?\d+)/.exec(line);
        const wholeNumber = m !== null && line.slice(m[0].length) === '';
        if (wholeNumber) set.current = Number(m[1]) - 1;
        const endsAtNewline = m === null ? line === '' : wholeNumber;
        if (endsAtNewline && set.current >= 0 && set.current < n) break;
      }
      set.mode = 'manual';
      const w = writeState(ctx.fs, set, true, altDir, stateDir);
      fail(w.errors);
      return w.ok ? 0 : 2;
    }
  }
  return 2;
}

export const alternatives: Program = async (ctx) => {
  try {
    return await main(ctx);
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
};
