/**
 * chmod: coreutils 8.4. Octal and symbolic modes (u+x,g-w,o=r,a+X, =, copies like g=u),
 * -R (symlinks met inside the tree are left alone), -v/-c reports, -f quiet, --reference, and
 * the "new permissions are ..., not ..." warning for modes like -w that the umask trims.
 */
import type { StatInfo } from '../../fs/vfs';
import type { Program } from '../../proc/program';
import { applyMode, compileMode, type ModeChange } from './modes';
import {
  getopt, helpText, isEl5, isErr, octal4, permString, progName, quote, tryFs, usageError, versionText, walk,
  type LongOpt, type ParsedOpt,
  safeCtx,
} from './common';

const LONG: LongOpt[] = [
  { name: 'changes', arg: 'none', key: 'c' },
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'no-preserve-root', arg: 'none', key: '--no-preserve-root' },
  { name: 'preserve-root', arg: 'none', key: '--preserve-root' },
  { name: 'quiet', arg: 'none', key: 'f' },
  { name: 'reference', arg: 'required', key: '--reference' },
  { name: 'silent', arg: 'none', key: 'f' },
  { name: 'verbose', arg: 'none', key: 'v' },
];

const MODE_LETTERS = 'rwxXstugoa,+=';

export const chmod: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'chmod');
  const fs = ctx.fs;
  // Words like -w or -rwx are modes, not options: pick them out first, as chmod's getopt
  // string (with all the mode letters in it) does.
  const args = ctx.argv.slice(1);
  const rest: string[] = [];
  let modeFromOptions: string | null = null;
  let seenDashDash = false;
  for (const a of args) {
    if (!seenDashDash && a === '--') {
      seenDashDash = true;
      rest.push(a);
      continue;
    }
    if (!seenDashDash && /^-[rwxXstugoa,+=-]/.test(a) && !a.startsWith('--') && [...a.slice(1)].some((c) => MODE_LETTERS.includes(c))) {
      const letters = [...a.slice(1)];
      const bad = letters.find((c) => !MODE_LETTERS.includes(c) && !'Rcfv-0123456789'.includes(c));
      if (bad === undefined) {
        modeFromOptions = modeFromOptions === null ? a : modeFromOptions + ',' + a;
        continue;
      }
    }
    rest.push(a);
  }
  let recurse = false;
  let verbosity: 'off' | 'changes' | 'high' = 'off';
  let silent = false;
  let reference: string | null = null;
  const parsed = getopt(ctx, rest, { short: 'Rcfv', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  const opts: ParsedOpt[] = parsed.opts;
  for (const { key, arg } of opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... MODE[,MODE]... FILE...\n  or:  ' + prog + ' [OPTION]... OCTAL-MODE FILE...\n  or:  ' + prog + ' [OPTION]... --reference=RFILE FILE...', 'Change the mode of each FILE to MODE.');
      case '--version':
        return versionText(ctx, 'chmod');
      case 'R': recurse = true; break;
      case 'c': verbosity = 'changes'; break;
      case 'f': silent = true; break;
      case 'v': verbosity = 'high'; break;
      case '--reference': reference = arg ?? ''; break;
    }
  }
  const operands = parsed.operands.slice();
  let modeText = modeFromOptions;
  if (reference !== null) {
    if (modeText !== null) return usageError(ctx, prog, 'cannot combine mode and --reference options');
  } else if (modeText === null) {
    modeText = operands.shift() ?? null;
  }
  if (operands.length === 0) {
    if (modeText === null || modeFromOptions !== null || reference !== null) return usageError(ctx, prog, 'missing operand');
    return usageError(ctx, prog, `missing operand after ${quote(ctx.argv[ctx.argv.length - 1]!)}`);
  }
  let changes: ModeChange[];
  if (reference !== null) {
    const st = tryFs(() => fs.stat(reference!));
    if (isErr(st)) {
      ctx.stderr.write(`${prog}: failed to get attributes of ${quote(reference)}: ${st.message}\n`);
      return 1;
    }
    changes = [{ op: '=', flag: 'ordinary', affected: 0o7777, value: st.mode & 0o7777, mentioned: 0o7777 }];
  } else {
    const c = compileMode(modeText!);
    if (!c) return usageError(ctx, prog, `invalid mode: ${quote(modeText!)}`);
    changes = c;
  }
  const umask = fs.umask;
  const keepDirSpecial = !isEl5(ctx);
  const diagnoseSurprises = modeFromOptions !== null;
  let ok = true;

  const describe = (file: string, mode: number, what: 'changed' | 'failed' | 'retained' | 'symlink') => {
    if (what === 'symlink') {
      ctx.stdout.write(`neither symbolic link ${quote(file)} nor referent has been changed\n`);
      return;
    }
    const perms = permString(mode);
    const fmt =
      what === 'changed' ? `mode of ${quote(file)} changed to` : what === 'failed' ? `failed to change mode of ${quote(file)} to` : `mode of ${quote(file)} retained as`;
    ctx.stdout.write(`${fmt} ${octal4(mode)} (${perms})\n`);
  };

  const process = (path: string, st: StatInfo, isTop: boolean): boolean => {
    let good = true;
    let succeeded = false;
    const isDir = st.type === 'dir';
    const newMode = applyMode(st.mode, isDir, umask, changes, keepDirSpecial).mode;
    if (st.type !== 'symlink') {
      const r = tryFs(() => fs.chmod(path, newMode, isTop));
      if (isErr(r)) {
        if (!silent) ctx.stderr.write(`${prog}: changing permissions of ${quote(path)}: ${r.message}\n`);
        good = false;
      } else succeeded = true;
    }
    if (verbosity !== 'off') {
      const changed = succeeded && ((st.mode ^ newMode) & 0o7777) !== 0;
      if (changed || verbosity === 'high') {
        describe(path, newMode, !good ? 'failed' : !succeeded ? 'symlink' : changed ? 'changed' : 'retained');
      }
    }
    if (succeeded && diagnoseSurprises) {
      const naive = applyMode(st.mode, isDir, 0, changes, keepDirSpecial).mode;
      if (newMode & ~naive) {
        ctx.stderr.write(`${prog}: ${path}: new permissions are ${permString(newMode)}, not ${permString(naive)}\n`);
        good = false;
      }
    }
    return good;
  };

  for (const file of operands) {
    await walk(ctx, file, { followTop: true }, (ev) => {
      switch (ev.kind) {
        case 'error':
          if (!silent) ctx.stderr.write(`${prog}: cannot access ${quote(ev.path)}: ${ev.err.message}\n`);
          ok = false;
          return;
        case 'dir-unreadable':
          if (!silent) ctx.stderr.write(`${prog}: cannot read directory ${quote(ev.path)}: ${ev.err.message}\n`);
          ok = false;
          return;
        case 'dir-post':
          return;
        case 'file':
          if (ev.depth === 0 && ev.st.type === 'symlink') {
            if (!silent) ctx.stderr.write(`${prog}: cannot operate on dangling symlink ${quote(ev.path)}\n`);
            ok = false;
            return;
          }
          if (!process(ev.path, ev.st, ev.depth === 0)) ok = false;
          return;
        case 'dir-pre':
          if (!process(ev.path, ev.st, ev.depth === 0)) ok = false;
          return recurse;
      }
    });
  }
  return ok ? 0 : 1;
};
