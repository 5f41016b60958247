import { X_OK } from '../../fs/vfs';
import { resolvePath } from '../../fs/path';
import type { Program, ProgramContext } from '../../proc/program';
import { getopt, progName } from './common';

const USAGE = (prog: string): string =>
  `Usage: ${prog} [options] [--] COMMAND [...]\n` +
  'Write the full path of COMMAND(s) to standard output.\n\n' +
  '  --version, -[vV] Print version and exit successfully.\n' +
  '  --help,          Print this help and exit successfully.\n' +
  '  --skip-dot       Skip directories in PATH that start with a dot.\n' +
  '  --skip-tilde     Skip directories in PATH that start with a tilde.\n' +
  "  --show-dot       Don't expand a dot to current directory in output.\n" +
  '  --show-tilde     Output a tilde for HOME directory for non-root.\n' +
  '  --tty-only       Stop processing options on the right if not on tty.\n' +
  '  --all, -a        Print all matches in PATH, not just the first\n' +
  '  --read-alias, -i Read list of aliases from stdin.\n' +
  "  --skip-alias     Ignore option --read-alias; don't read stdin.\n" +
  '  --read-functions Read shell functions from stdin.\n' +
  "  --skip-functions Ignore option --read-functions; don't read stdin.\n\n" +
  'Recommended use is to write the output of (alias; declare -f) to standard\n' +
  'input, so that which can show aliases and shell functions. See which(1) for\n' +
  'examples.\n\n' +
  'If the options --read-alias and/or --read-functions are specified then the\n' +
  'output can be a full alias or function definition, optionally followed by\n' +
  'the full path of each command used inside of those.\n\n' +
  'Report bugs to <which-bugs@gnu.org>.\n';

const VERSION =
  'GNU which v2.19, Copyright (C) 1999 - 2008 Carlo Wood.\n' +
  'GNU which comes with ABSOLUTELY NO WARRANTY;\n' +
  'This program is free software; your freedom to use, change\n' +
  'and distribute this program is protected by the GPL.\n';

interface Flags {
  skipDot: boolean;
  skipTilde: boolean;
  showDot: boolean;
  showTilde: boolean;
  all: boolean;
  home: string;
}

function isExecutable(ctx: ProgramContext, path: string): boolean {
  const st = ctx.fs.tryStat(path);
  if (!st || st.type === 'dir') return false;
  return ctx.fs.access(path, X_OK);
}

/** Looks name up along path_list as which does; returns the lines to print. */
function pathSearch(ctx: ProgramContext, name: string, pathList: string, f: Flags): string[] {
  const out: string[] = [];
  const cwd = ctx.fs.cwd.endsWith('/') ? ctx.fs.cwd : ctx.fs.cwd + '/';
  let dirs: string[];
  let base = name;
  if (name.includes('/')) {
    const full = name.startsWith('/') || name.startsWith('.') || name.startsWith('~') ? name : './' + name;
    const cut = full.lastIndexOf('/');
    dirs = [full.slice(0, cut) || '/'];
    base = full.slice(cut + 1);
  } else dirs = pathList.split(':');
  for (let dir of dirs) {
    if (dir.startsWith('~')) {
      if (f.skipTilde) continue;
      dir = (ctx.env.HOME ?? '') + dir.slice(1);
    }
    if (f.skipDot && !dir.startsWith('/')) continue;
    const startsWithDot = dir.startsWith('.') || dir === '';
    const full = resolvePath(ctx.fs.cwd, (dir === '' ? '.' : dir) + '/' + base);
    if (!isExecutable(ctx, full)) continue;
    const inHome = (f.showTilde || f.skipTilde) && f.home !== '' && full.startsWith(f.home);
    if (!(f.skipTilde && inHome) && f.showDot && startsWithDot && full.startsWith(cwd)) out.push('./' + full.slice(cwd.length));
    else if (inHome) {
      if (f.skipTilde) continue;
      out.push(f.showTilde ? '~/' + full.slice(f.home.length) : full);
    } else out.push(full);
    if (!f.all) break;
  }
  return out;
}

/** which(1), GNU which 2.19: where a command is found along $PATH (and what alias it is). */
export const which: Program = async (ctx) => {
  const prog = progName(ctx, 'which');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'aivV',
    long: [
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'v' },
      { name: 'skip-dot', arg: 'none', key: 'skip-dot' },
      { name: 'skip-tilde', arg: 'none', key: 'skip-tilde' },
      { name: 'show-dot', arg: 'none', key: 'show-dot' },
      { name: 'show-tilde', arg: 'none', key: 'show-tilde' },
      { name: 'tty-only', arg: 'none', key: 'tty-only' },
      { name: 'all', arg: 'none', key: 'a' },
      { name: 'read-alias', arg: 'none', key: 'i' },
      { name: 'skip-alias', arg: 'none', key: 'skip-alias' },
      { name: 'read-functions', arg: 'none', key: 'read-functions' },
      { name: 'skip-functions', arg: 'none', key: 'skip-functions' },
    ],
  });
  // getopt complains about unknown options; which carries on regardless.
  for (const e of p.errors) ctx.stderr.write(e + '\n');
  const f: Flags = { skipDot: false, skipTilde: false, showDot: false, showTilde: false, all: false, home: '' };
  let ttyOnly = false;
  let readAlias = false;
  let skipAlias = false;
  let readFunctions = false;
  let skipFunctions = false;
  const root = ctx.fs.cred.uid === 0;
  for (const o of p.opts) {
    switch (o.key) {
      case 'help':
        ctx.stdout.write(USAGE(prog));
        return 0;
      case 'v':
      case 'V':
        ctx.stdout.write(VERSION);
        return 0;
      case 'skip-dot': f.skipDot = !ttyOnly; break;
      case 'skip-tilde': f.skipTilde = !ttyOnly; break;
      case 'show-dot': f.showDot = !ttyOnly; break;
      case 'show-tilde': f.showTilde = !ttyOnly && !root; break;
      case 'tty-only': ttyOnly = !ctx.stdout.isTTY; break;
      case 'a': f.all = true; break;
      case 'i': readAlias = true; break;
      case 'skip-alias': skipAlias = true; break;
      case 'read-functions': readFunctions = true; break;
      case 'skip-functions': skipFunctions = true; break;
    }
  }
  if (f.showTilde || f.skipTilde) {
    const h = ctx.env.HOME ?? ctx.host.users.getpwuid(ctx.fs.cred.uid)?.home ?? '';
    f.home = h.endsWith('/') ? h : h + '/';
  }
  if (skipAlias) readAlias = false;
  if (skipFunctions) readFunctions = false;
  const names: (string | null)[] = [...p.operands];
  if (names.length === 0) {
    ctx.stderr.write(USAGE(prog));
    return 255;
  }
  const pathList = ctx.env.PATH ?? '';
  if (readAlias || readFunctions) {
    if (ctx.stdin.isTTY) {
      const which = readFunctions ? (readAlias ? '--read-functions, --read-alias, -i' : '--read-functions') : '--read-alias, -i';
      ctx.stderr.write(`${prog}: ${which}: Warning: stdin is a tty.\n`);
    }
    const text = await ctx.stdin.readAll();
    if (readAlias) {
      const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('declare -'));
      for (const line of lines) processAlias(ctx, line, names, pathList, f);
    }
  }
  let fails = 0;
  for (const name of names) {
    if (name === null) continue;
    const found = pathList === '' ? [] : pathSearch(ctx, name, pathList, f);
    if (found.length) {
      ctx.stdout.write(found.join('\n') + '\n');
      continue;
    }
    if (name.includes('/')) {
      const full = name.startsWith('/') || name.startsWith('.') || name.startsWith('~') ? name : './' + name;
      const cut = full.lastIndexOf('/');
      ctx.stderr.write(`${prog}: no ${full.slice(cut + 1)} in (${full.slice(0, cut)})\n`);
    } else ctx.stderr.write(`${prog}: no ${name} in (${pathList})\n`);
    fails++;
  }
  return fails;
};

/** One `alias name='value'` line: prints it when it names a wanted command, then where its commands are. */
function processAlias(ctx: ProgramContext, line: string, names: (string | null)[], pathList: string, f: Flags): void {
  const m = /^\s*(?:alias\s+)?([^\s=]+)/.exec(line);
  if (!m) return;
  const aliasName = m[1]!;
  const idx = names.findIndex((n) => n === aliasName);
  if (idx < 0) return;
  ctx.stdout.write(line + '\n');
  if (!f.all) names[idx] = null;
  let value = line.slice(m[0].length).replace(/^\s*=?\s*/, '');
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  if (quote) value = value.slice(1);
  // Each command of the alias (split at | and &) is looked up on PATH, indented by a tab.
  for (const part of value.split(/(?<![|&])[|&](?![|&])/)) {
    const cmd = /^\s*([^\s'"|&]+)/.exec(quote ? part.replace(new RegExp(quote + '.*$'), '') : part);
    if (!cmd) continue;
    const c = cmd[1]!;
    if (names[idx] === c) names[idx] = null;
    for (const hit of pathSearch(ctx, c, pathList, f)) ctx.stdout.write('\t' + hit + '\n');
  }
}
