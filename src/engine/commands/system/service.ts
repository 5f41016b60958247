import type { Program, ProgramContext } from '../../proc/program';
import { basename } from '../../fs/path';
import { X_OK } from '../../fs/vfs';

/**
 * service(8) of initscripts (9.03 on RHEL 6, 8.45 on RHEL 5): runs /etc/init.d/NAME with a clean
 * environment (PATH and TERM only) from /, passing the remaining words. `--status-all` runs every
 * script's `status`; `NAME --full-restart` runs stop then start.
 */
const SERVICEDIR = '/etc/init.d';
const SCRIPT_PATH = '/sbin:/usr/sbin:/bin:/usr/bin';
const SKIPPED = new Set(['functions', 'halt', 'killall', 'single', 'linuxconf', 'kudzu']);

function ignoredFile(name: string): boolean {
  return /(~|\.bak|\.orig|\.rpmnew|\.rpmorig|\.rpmsave)$/.test(name);
}

function scriptEnv(ctx: ProgramContext): Record<string, string> {
  const env: Record<string, string> = {};
  if (ctx.host.profile.release === 'el5') env.LANG = ctx.env.LANG ?? '';
  env.PATH = SCRIPT_PATH;
  env.TERM = ctx.env.TERM ?? '';
  return env;
}

function isFile(ctx: ProgramContext, path: string): boolean {
  const st = ctx.fs.tryStat(path);
  return st !== null && st.type === 'file';
}

function isExecutable(ctx: ProgramContext, path: string): boolean {
  return isFile(ctx, path) && ctx.fs.access(path, X_OK);
}

async function runScript(ctx: ProgramContext, path: string, args: string[]): Promise<number> {
  return ctx.spawn([path, ...args], { env: scriptEnv(ctx), cwd: '/' });
}

/** The `*` of /etc/init.d in the order bash's glob gives (en_US collation: case folded first). */
function globOrder(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? 1 : a > b ? -1 : 0;
}

export const service: Program = async (ctx) => {
  const el5 = ctx.host.profile.release === 'el5';
  const prog = basename(ctx.argv[0] ?? 'service');
  const usage = `Usage: ${prog} < option > | --status-all | [ service_name [ command | --full-restart ] ]\n`;
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.stderr.write(usage);
    return 1;
  }
  let name: string | null = null;
  let options = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const left = args.length - i;
    if (arg === '--help' || arg === '-h' || arg.startsWith('--h')) {
      ctx.stderr.write(usage);
      return 0;
    }
    if (arg === '--version' || arg === '-V') {
      ctx.stderr.write(`${prog} ver. 0.91\n`);
      return 0;
    }
    if (name === null && left === 1 && arg === '--status-all') {
      let entries: string[] = [];
      try {
        entries = ctx.fs.readdir(SERVICEDIR);
      } catch {
        entries = [];
      }
      for (const entry of entries.filter((e) => !e.startsWith('.')).sort(globOrder)) {
        if (SKIPPED.has(entry) || ignoredFile(entry)) continue;
        const path = `${SERVICEDIR}/${entry}`;
        if (!isExecutable(ctx, path)) continue;
        await runScript(ctx, path, ['status']);
      }
      return 0;
    } else if (left === 2 && args[i + 1] === '--full-restart') {
      name = arg;
      const path = `${SERVICEDIR}/${name}`;
      if (isExecutable(ctx, path)) {
        await runScript(ctx, path, ['stop']);
        return runScript(ctx, path, ['start']);
      }
    } else if (name === null) {
      name = arg;
    } else {
      options += ' ' + arg;
    }
  }
  const svc = name ?? '';
  const path = `${SERVICEDIR}/${svc}`;
  const words = options.split(/\s+/).filter((w) => w !== '');
  if (el5) {
    if (isExecutable(ctx, path)) return runScript(ctx, path, words);
  } else if (isFile(ctx, path)) {
    if (!ctx.fs.access(path, X_OK)) {
      ctx.stderr.write(`env: ${path}: Permission denied\n`);
      return 126;
    }
    return runScript(ctx, path, words);
  }
  ctx.stderr.write(`${svc}: unrecognized service\n`);
  return 1;
};
