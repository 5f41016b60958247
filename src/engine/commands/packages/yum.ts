import type { Program, ProgramContext } from '../../proc/program';
import { Interrupted, SIGINT } from '../../proc/signals';
import type { Installed } from '../../packages/db';
import type { PkgSpec } from '../../packages/types';
import { addLen, calcColumns, fmtColumns, formatNumber, keyValFill, TERM_COLUMNS } from './yumfmt';
import { envra, isRoot, nvra, pkgMatches } from './pkgcommon';
import { stopServices } from './scriptlets';

const REPO_NAME: Record<string, string> = {
  el6: 'Red Hat Enterprise Linux 6.1 Workstation - DVD',
  el5: 'Red Hat Enterprise Linux 5.4 Server - DVD',
};
const REPO_COUNT: Record<string, string> = { el6: '3,093', el5: '2,314' };

interface YumOpts {
  yes: boolean;
  quiet: boolean;
  cmd: string | null;
  args: string[];
}

interface Pkg {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  spec: PkgSpec | undefined;
  /** 'installed' entries carry their record. */
  installed?: Installed;
}

const COMMANDS = [
  ['check', 'Check for problems in the rpmdb'],
  ['check-update', 'Check for available package updates'],
  ['clean', 'Remove cached data'],
  ['deplist', 'List a package\'s dependencies'],
  ['distribution-synchronization', 'Synchronize installed packages to the latest available versions'],
  ['downgrade', 'downgrade a package'],
  ['erase', 'Remove a package or packages from your system'],
  ['groupinfo', 'Display details about a package group'],
  ['groupinstall', 'Install the packages in a group on your system'],
  ['grouplist', 'List available package groups'],
  ['groupremove', 'Remove the packages in a group from your system'],
  ['help', 'Display a helpful usage message'],
  ['history', 'Display, or use, the transaction history'],
  ['info', 'Display details about a package or group of packages'],
  ['install', 'Install a package or packages on your system'],
  ['list', 'List a package or groups of packages'],
  ['localinstall', 'Install a local RPM'],
  ['makecache', 'Generate the metadata cache'],
  ['provides', 'Find what package provides the given value'],
  ['reinstall', 'reinstall a package'],
  ['repolist', 'Display the configured software repositories'],
  ['resolvedep', 'Determine which package provides the given dependency'],
  ['search', 'Search package details for the given string'],
  ['shell', 'Run an interactive yum shell'],
  ['update', 'Update a package or packages on your system'],
  ['upgrade', 'Update packages taking obsoletes into account'],
  ['version', 'Display a version for the machine and/or available repos.'],
];

class Out {
  constructor(
    readonly ctx: ProgramContext,
    readonly quiet: boolean,
  ) {}
  info(text: string): void {
    if (!this.quiet) this.ctx.stdout.write(text + '\n');
  }
  err(text: string): void {
    this.ctx.stderr.write(text + '\n');
  }
}

function parse(argv: string[]): YumOpts | string {
  const o: YumOpts = { yes: false, quiet: false, cmd: null, args: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-') && a !== '-') {
      if (a === '-y' || a === '--assumeyes') o.yes = true;
      else if (a === '-q' || a === '--quiet') o.quiet = true;
      else if (a === '-C' || a === '--cacheonly' || a === '--nogpgcheck' || a === '--noplugins' || a === '-v' || a === '--verbose' || a === '--skip-broken' || a === '--obsoletes') {
        // accepted, no effect in the lab
      } else if (/^--(enablerepo|disablerepo|exclude|installroot|releasever|color)=/.test(a)) {
        // accepted
      } else if (['-c', '-d', '-e', '-x', '--enablerepo', '--disablerepo', '--exclude', '--installroot', '--releasever'].includes(a)) {
        if (argv[i + 1] === undefined) return `Command line error: ${a} option requires an argument`;
        i++;
      } else if (a === '-h' || a === '--help') return '__help';
      else if (a === '--version') return '__version';
      else return `Command line error: no such option: ${a}`;
      continue;
    }
    if (o.cmd === null) o.cmd = a;
    else o.args.push(a);
  }
  return o;
}

function header(ctx: ProgramContext, out: Out): void {
  if (ctx.host.profile.release === 'el6') {
    out.info('Loaded plugins: product-id, refresh-packagekit, subscription-manager');
  } else {
    out.info('Loaded plugins: rhnplugin, security');
    out.info('This system is not registered with RHN.');
    out.info('RHN support will be disabled.');
  }
}

function certRepos(ctx: ProgramContext, out: Out): void {
  if (ctx.host.profile.release === 'el6') out.info('Updating certificate-based repositories.');
}

function usageText(ctx: ProgramContext): string {
  const cmds = ctx.host.profile.release === 'el6' ? COMMANDS : COMMANDS.filter(([c]) => !['distribution-synchronization', 'history', 'version', 'check'].includes(c!));
  return `Usage: yum [options] COMMAND\n\nList of Commands:\n\n${cmds.map(([c, d]) => `${c!.padEnd(14)} ${d}`).join('\n')}\n\n\nOptions:\n  -h, --help            show this help message and exit\n  -t, --tolerant        be tolerant of errors\n  -C, --cacheonly       run entirely from system cache, don't update cache\n  -c [config file], --config=[config file]\n                        config file location\n  -q, --quiet           quiet operation\n  -v, --verbose         verbose operation\n  -y, --assumeyes       answer yes for all questions\n  --version             show Yum version and exit\n  --nogpgcheck          disable gpg signature checking\n`;
}

// ---- package views ---------------------------------------------------------------------------

function fromSpec(spec: PkgSpec): Pkg {
  return { name: spec.name, epoch: spec.epoch, version: spec.version, release: spec.release, arch: spec.arch, spec };
}

function fromInstalled(it: Installed): Pkg {
  const r = it.rec;
  return { name: r.name, epoch: r.epoch, version: r.version, release: r.release, arch: r.arch, spec: it.spec, installed: it };
}

function printVer(p: Pkg): string {
  return `${p.epoch ? p.epoch + ':' : ''}${p.version}-${p.release}`;
}

/** str(po): envra on RHEL 6 (yum 3.2.29), and on RHEL 5 (3.2.22) alike. */
function poStr(p: Pkg): string {
  return envra(p);
}

function fromRepo(ctx: ProgramContext, p: Pkg): string {
  if (!p.installed) return p.spec?.repo ?? 'rhel-dvd';
  if (ctx.host.profile.release === 'el5') return 'installed';
  return '@' + p.installed.rec.repo;
}

function cmpPkg(a: Pkg, b: Pkg): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return 0;
}

// ---- transaction -----------------------------------------------------------------------------

interface Tx {
  install: Pkg[];
  depInstall: Pkg[];
  remove: Pkg[];
  depRemove: Pkg[];
}

function listTransaction(ctx: ProgramContext, tx: Tx): string {
  const el6 = ctx.host.profile.release === 'el6';
  const n = new Map<number, number>();
  const v = new Map<number, number>();
  const r = new Map<number, number>();
  let aWid = 0;
  const lines: [string, [string, string, string, string, string][]][] = [];
  const sections: [string, Pkg[], boolean][] = [
    ['Installing', tx.install, false],
    ['Removing', tx.remove, true],
    ['Installing for dependencies', tx.depInstall, false],
    ['Removing for dependencies', tx.depRemove, true],
  ];
  for (const [action, list, removing] of sections) {
    const rows: [string, string, string, string, string][] = [];
    for (const p of list) {
      const size = formatNumber(removing ? (p.spec?.size ?? 0) : (p.spec?.packageSize ?? 0));
      const repo = fromRepo(ctx, p);
      rows.push([p.name, p.arch, printVer(p), repo, size]);
      addLen(n, p.name.length);
      addLen(v, printVer(p).length);
      addLen(r, repo.length);
      aWid = Math.max(aWid, p.arch.length);
    }
    lines.push([action, rows]);
  }
  const cols = calcColumns([n, new Map(), v, r, new Map()], [1, aWid, 1, 1, 5], 2, TERM_COLUMNS, '  ');
  const [nW, aW, vW, rW, sW] = cols as [number, number, number, number, number];
  const rule = '='.repeat(TERM_COLUMNS);
  let out = `\n${rule}\n${fmtColumns([['Package', -nW], ['Arch', -aW], ['Version', -vW], ['Repository', -rW], ['Size', sW]], ' ')}\n${rule}\n`;
  for (const [action, rows] of lines) {
    if (rows.length === 0) continue;
    out += `${action}:\n`;
    for (const row of rows) out += fmtColumns([[row[0], -nW], [row[1], -aW], [row[2], -vW], [row[3], -rW], [row[4], sW]], ' ', '\n');
  }
  const nIn = tx.install.length + tx.depInstall.length;
  const nRm = tx.remove.length + tx.depRemove.length;
  if (el6) {
    out += `\nTransaction Summary\n${rule}\n`;
    if (nIn) out += `Install   ${String(nIn).padStart(5)} Package(s)\n`;
    if (nRm) out += `Remove    ${String(nRm).padStart(5)} Package(s)\n`;
  } else {
    out += `\nTransaction Summary\n${rule}\nInstall  ${String(nIn).padStart(5)} Package(s)         \nUpdate   ${String(0).padStart(5)} Package(s)         \nRemove   ${String(nRm).padStart(5)} Package(s)         \n`;
  }
  return out;
}

function postTransaction(tx: Tx): string {
  let out = '';
  const fits = (msgs: string[], num: number): number[] => {
    if (msgs.length < num) return [];
    let left = TERM_COLUMNS - (num - 1 + 2);
    if (left <= 0) return [];
    const lens = new Array<number>(num).fill(0);
    let col = 0;
    for (const m of msgs) {
      if (m.length > lens[col]!) {
        const diff = m.length - lens[col]!;
        if (left <= diff) return [];
        left -= diff;
        lens[col] = m.length;
      }
      col = (col + 1) % num;
    }
    return lens.map((l) => -(l + Math.floor(left / num)));
  };
  const sections: [string, Pkg[]][] = [
    ['Removed', tx.remove],
    ['Dependency Removed', tx.depRemove],
    ['Installed', tx.install],
    ['Dependency Installed', tx.depInstall],
  ];
  for (const [action, list] of sections) {
    if (list.length === 0) continue;
    out += `\n${action}:\n`;
    let msgs = list.map((p) => `${p.name}.${p.arch} ${p.epoch}:${p.version}-${p.release}`);
    let cols: number[] = [];
    for (const num of [8, 7, 6, 5, 4, 3, 2]) {
      cols = fits(msgs, num);
      if (cols.length) break;
    }
    if (!cols.length) cols = [-(TERM_COLUMNS - 2)];
    while (msgs.length) {
      const cur = msgs.slice(0, cols.length);
      out += '  ' + fmtColumns(cur.map((m, i) => [m, cols[i]!] as [string, number]), '', '\n');
      msgs = msgs.slice(cols.length);
    }
  }
  return out;
}

/** The rpm progress line at 100 %: `  Installing : name   1/1 `. */
function progressLine(ctx: ProgramContext, action: string, p: Pkg, cur: number, total: number): string {
  const el6 = ctx.host.profile.release === 'el6';
  const l = String(total).length;
  const done = `${String(cur).padStart(l)}/${String(total).padStart(l)}`;
  const wid1 = el6 ? 11 : 15;
  const overhead = 2 * l + 2 + (el6 ? 2 + wid1 + 2 : 19) + 1 + 2 + 1;
  const fullPnl = TERM_COLUMNS - overhead + 1;
  const name = el6 ? poStr(p) : p.name;
  const fill = (s: string, w: number) => (s.length > w ? s.slice(0, w) : s.padEnd(w));
  return `\r  ${fill(action, wid1)}: ${fill(name, fullPnl)}   ${done} \n`;
}

function downloadLine(p: Pkg): string {
  const file = `${nvra(p)}.rpm`;
  const size = formatNumber(p.spec?.packageSize ?? 0, ' ', '');
  const ui = ` | ${size.padStart(5)}B` + ` ${'00:00'.padStart(9)}` + '     ';
  const rest = TERM_COLUMNS - ui.length;
  return `${file.length > rest ? file.slice(0, rest) : file.padEnd(rest)}${ui}\n`;
}

async function confirm(ctx: ProgramContext, out: Out): Promise<boolean> {
  for (;;) {
    ctx.stdout.write('Is this ok [y/N]: ');
    let line: string | null;
    try {
      line = await ctx.stdin.readLine();
    } catch (e) {
      // raw_input's KeyboardInterrupt is swallowed by userconfirm: the answer is "no".
      if (e instanceof Interrupted && e.signal === SIGINT) line = '';
      else throw e;
    }
    if (line === null) {
      ctx.stdout.write('\n');
      return false;
    }
    const c = line.trim().toLowerCase();
    if (c === '' || c === 'n' || c === 'no') return false;
    if (c === 'y' || c === 'yes') return true;
    void out;
  }
}

async function runTransaction(ctx: ProgramContext, o: YumOpts, out: Out, tx: Tx): Promise<number> {
  const el6 = ctx.host.profile.release === 'el6';
  const db = ctx.host.packages;
  out.info('\nDependencies Resolved');
  const listing = listTransaction(ctx, tx);
  if (o.quiet && !o.yes) ctx.stdout.write(listing + '\n');
  else out.info(listing);
  const installs = [...tx.install, ...tx.depInstall];
  const removes = [...tx.remove, ...tx.depRemove];
  if (installs.length) {
    out.info(`Total download size: ${formatNumber(installs.reduce((s, p) => s + (p.spec?.packageSize ?? 0), 0))}`);
    if (el6 && removes.length === 0) out.info(`Installed size: ${formatNumber(installs.reduce((s, p) => s + (p.spec?.size ?? 0), 0))}`);
  } else if (el6) {
    out.info(`Installed size: ${formatNumber(removes.reduce((s, p) => s + (p.spec?.size ?? 0), 0))}`);
  }
  if (!o.yes && !(await confirm(ctx, out))) {
    out.info('Exiting on user Command');
    out.info('Complete!');
    return 1;
  }
  out.info('Downloading Packages:');
  if (ctx.stdout.isTTY && !o.quiet) for (const p of installs) ctx.stdout.write(downloadLine(p));
  if (installs.length > 1 && !o.quiet) {
    const total = installs.reduce((s, p) => s + (p.spec?.packageSize ?? 0), 0);
    ctx.stdout.write('-'.repeat(TERM_COLUMNS) + '\n');
    const uiBs = ` ${formatNumber(total * 4, ' ', '').padStart(5)}B/s`;
    const uiSize = ` | ${formatNumber(total, ' ', '').padStart(5)}B`;
    const uiTime = ` ${'00:00'.padStart(9)}`;
    const ui = uiBs + uiSize + uiTime + '     ';
    ctx.stdout.write('Total'.padEnd(TERM_COLUMNS - ui.length) + ui + '\n');
  }
  out.info('Running rpm_check_debug');
  out.info('Running Transaction Test');
  out.info('Transaction Test Succeeded');
  out.info('Running Transaction');
  const total = installs.length + removes.length;
  let cur = 0;
  for (const p of [...tx.depInstall, ...tx.install]) {
    cur++;
    if (p.spec) db.install(p.spec, p.spec.repo);
    if (!o.quiet) ctx.stdout.write(progressLine(ctx, 'Installing', p, cur, total));
  }
  for (const p of [...tx.remove, ...tx.depRemove]) {
    cur++;
    if (p.spec) await stopServices(ctx, p.spec);
    db.erase(p.name);
    if (!o.quiet) ctx.stdout.write(progressLine(ctx, 'Erasing', p, cur, total));
  }
  if (installs.length) appendYumLog(ctx, installs, 'Installed');
  if (removes.length) appendYumLog(ctx, removes, 'Erased');
  out.info(postTransaction(tx));
  out.info('Complete!');
  return 0;
}

function appendYumLog(ctx: ProgramContext, pkgs: Pkg[], what: string): void {
  const t = new Date(ctx.host.now() - 6 * 3600_000);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][t.getUTCMonth()]!;
  const stamp = `${mon} ${String(t.getUTCDate()).padStart(2, '0')} ${[t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()].map((x) => String(x).padStart(2, '0')).join(':')}`;
  try {
    for (const p of pkgs) {
      const name = what === 'Installed' ? (ctx.host.profile.release === 'el6' ? envra(p) : `${p.name}-${p.version}-${p.release}.${p.arch}`) : p.name;
      ctx.host.vfs.writeFile('/var/log/yum.log', ctx.fs.cred, `${stamp} ${what}: ${name}\n`, { append: true, mode: 0o600, umask: 0o077 });
    }
  } catch {
    // no log
  }
}

// ---- commands --------------------------------------------------------------------------------

async function install(ctx: ProgramContext, o: YumOpts, out: Out): Promise<number> {
  const el6 = ctx.host.profile.release === 'el6';
  const db = ctx.host.packages;
  out.info('Setting up Install Process');
  if (o.args.length === 0) {
    out.err('Error: Need to pass a list of pkgs to install');
    ctx.stderr.write(`${usageLine(o)}\n`);
    return 1;
  }
  const wanted: PkgSpec[] = [];
  let done = false;
  for (const arg of o.args) {
    if (arg.endsWith('.rpm') && ctx.fs.exists(arg)) {
      out.info(`Examining ${arg}: ${arg}`);
      out.err(`Cannot open file: ${arg}. Skipping.`);
      continue;
    }
    const matches = [...db.catalog().values()].filter((s) => pkgMatches(s, arg));
    if (matches.length === 0) {
      out.info(`No package ${arg} available.`);
      continue;
    }
    done = true;
    for (const s of matches) {
      const inst = db.find(s.name);
      if (inst) {
        out.info(`Package ${poStr(fromSpec(s))} already installed and latest version`);
        continue;
      }
      if (!wanted.includes(s)) wanted.push(s);
    }
  }
  if (wanted.length === 0) {
    if (!done) {
      out.err('Error: Nothing to do');
      return 1;
    }
    out.info('Nothing to do');
    return 0;
  }
  out.info('Resolving Dependencies');
  const tx: Tx = { install: wanted.map(fromSpec), depInstall: [], remove: [], depRemove: [] };
  let queue = [...wanted];
  const inTx = new Set(wanted.map((s) => s.name));
  for (;;) {
    out.info('--> Running transaction check');
    for (const s of queue) out.info(`---> Package ${s.name}.${s.arch} ${s.epoch}:${s.version}-${s.release} ${el6 ? 'will be installed' : 'set to be updated'}`);
    const next: PkgSpec[] = [];
    for (const s of queue) {
      for (const req of s.requires) {
        if (db.isInstalled(req) || inTx.has(req)) continue;
        const dep = db.catalog().get(req);
        out.info(`--> Processing Dependency: ${req} for package: ${poStr(fromSpec(s))}`);
        if (!dep) continue;
        inTx.add(req);
        next.push(dep);
        tx.depInstall.push(fromSpec(dep));
      }
    }
    if (next.length === 0) break;
    queue = next;
  }
  out.info('--> Finished Dependency Resolution');
  return runTransaction(ctx, o, out, tx);
}

function usageLine(o: YumOpts): string {
  return ` Mini usage:\n\n${o.cmd} PACKAGE...\n\n${o.cmd === 'install' ? 'Install a package or packages on your system' : 'Remove a package or packages from your system'}\n\naliases: ${o.cmd === 'install' ? '' : 'remove, erase'}`.replace(/aliases: \n?$/, '').trimEnd();
}

async function remove(ctx: ProgramContext, o: YumOpts, out: Out): Promise<number> {
  const el6 = ctx.host.profile.release === 'el6';
  const db = ctx.host.packages;
  out.info('Setting up Remove Process');
  if (o.args.length === 0) {
    out.err('Error: Need to pass a list of pkgs to remove');
    return 1;
  }
  const targets: Installed[] = [];
  for (const arg of o.args) {
    const hits = db.installed().filter((it) => pkgMatches(it.rec, arg));
    if (hits.length === 0) {
      out.info(`No Match for argument: ${arg}`);
      continue;
    }
    for (const h of hits) if (!targets.some((t) => t.rec.name === h.rec.name)) targets.push(h);
  }
  if (targets.length === 0) {
    out.info('No Packages marked for removal');
    return 0;
  }
  out.info('Resolving Dependencies');
  const tx: Tx = { install: [], depInstall: [], remove: targets.map(fromInstalled), depRemove: [] };
  const inTx = new Set(targets.map((t) => t.rec.name));
  let queue = targets;
  for (;;) {
    out.info('--> Running transaction check');
    for (const t of queue) out.info(`---> Package ${t.rec.name}.${t.rec.arch} ${t.rec.epoch}:${t.rec.version}-${t.rec.release} ${el6 ? 'will be erased' : 'set to be erased'}`);
    const next: Installed[] = [];
    for (const t of queue) {
      for (const user of db.requiredBy(t.rec.name)) {
        if (inTx.has(user.rec.name)) continue;
        out.info(`--> Processing Dependency: ${t.rec.name} for package: ${envra(user.rec)}`);
        inTx.add(user.rec.name);
        next.push(user);
        tx.depRemove.push(fromInstalled(user));
      }
    }
    if (next.length === 0) break;
    queue = next;
  }
  out.info('--> Finished Dependency Resolution');
  return runTransaction(ctx, o, out, tx);
}

type ListKind = 'all' | 'installed' | 'available' | 'updates' | 'extras' | 'obsoletes' | 'recent';

function gather(ctx: ProgramContext, kind: ListKind, patterns: string[]): { installed: Pkg[]; available: Pkg[] } {
  const db = ctx.host.packages;
  const match = (p: Pkg) => patterns.length === 0 || patterns.some((pat) => pkgMatches(p, pat));
  const installed = db.installed().map(fromInstalled).filter(match).sort(cmpPkg);
  const available = [...db.catalog().values()]
    .filter((s) => !db.isInstalled(s.name))
    .map(fromSpec)
    .filter(match)
    .sort(cmpPkg);
  return {
    installed: kind === 'all' || kind === 'installed' ? installed : [],
    available: kind === 'all' || kind === 'available' ? available : [],
  };
}

function list(ctx: ProgramContext, o: YumOpts, out: Out): number {
  let args = o.args;
  let kind: ListKind = 'all';
  if (args[0] && ['all', 'installed', 'available', 'updates', 'extras', 'obsoletes', 'recent'].includes(args[0])) {
    kind = args[0] as ListKind;
    args = args.slice(1);
  }
  const { installed, available } = gather(ctx, kind, args);
  if (installed.length === 0 && available.length === 0) {
    out.err('Error: No matching Packages to list');
    return 1;
  }
  const na = new Map<number, number>();
  const ver = new Map<number, number>();
  const rid = new Map<number, number>();
  for (const p of [...installed, ...available]) {
    addLen(na, `${p.name}.${p.arch}`.length);
    addLen(ver, printVer(p).length);
    addLen(rid, fromRepo(ctx, p).length);
  }
  const c = calcColumns([na, ver, rid], null, 1);
  const line = (p: Pkg) => fmtColumns([[`${p.name}.${p.arch}`, -c[0]!], [printVer(p), -c[1]!], [fromRepo(ctx, p), -c[2]!]]);
  if (installed.length) {
    ctx.stdout.write('Installed Packages\n');
    for (const p of installed) ctx.stdout.write(line(p) + '\n');
  }
  if (available.length) {
    ctx.stdout.write('Available Packages\n');
    for (const p of available) ctx.stdout.write(line(p) + '\n');
  }
  return 0;
}

function info(ctx: ProgramContext, o: YumOpts, out: Out): number {
  const el6 = ctx.host.profile.release === 'el6';
  let args = o.args;
  let kind: ListKind = 'all';
  if (args[0] && ['all', 'installed', 'available', 'updates', 'extras', 'obsoletes', 'recent'].includes(args[0])) {
    kind = args[0] as ListKind;
    args = args.slice(1);
  }
  const { installed, available } = gather(ctx, kind, args);
  if (installed.length === 0 && available.length === 0) {
    out.err('Error: No matching Packages to list');
    return 1;
  }
  const show = (p: Pkg) => {
    const s = p.spec;
    let t = `Name        : ${p.name}\nArch        : ${p.arch}\n`;
    if (p.epoch) t += `Epoch       : ${p.epoch}\n`;
    t += `Version     : ${p.version}\nRelease     : ${p.release}\n`;
    t += `Size        : ${formatNumber(p.installed ? (s?.size ?? 0) : (s?.packageSize ?? 0))}\n`;
    t += `Repo        : ${p.installed ? 'installed' : (s?.repo ?? 'rhel-dvd')}\n`;
    if (el6 && p.installed) t += `From repo   : ${p.installed.rec.repo.replace(/\/.*$/, '')}\n`;
    t += keyValFill('Summary     : ', s?.summary ?? '') + '\n';
    if (s?.url) t += `URL         : ${s.url}\n`;
    t += keyValFill('License     : ', s?.license ?? '') + '\n';
    t += keyValFill('Description : ', s?.description ?? '') + '\n\n';
    ctx.stdout.write(t);
  };
  if (installed.length) {
    ctx.stdout.write('Installed Packages\n');
    installed.forEach(show);
  }
  if (available.length) {
    ctx.stdout.write('Available Packages\n');
    available.forEach(show);
  }
  return 0;
}

function search(ctx: ProgramContext, o: YumOpts, out: Out): number {
  if (o.args.length === 0) {
    out.err('Error: Need an item to match');
    return 1;
  }
  const db = ctx.host.packages;
  const terms = o.args.map((t) => t.toLowerCase());
  const hits = [...db.catalog().values()].filter((s) => terms.some((t) => s.name.toLowerCase().includes(t) || s.summary.toLowerCase().includes(t)));
  if (hits.length === 0) {
    out.err(`Warning: No matches found for: ${o.args.join(', ')}`);
    out.info('No Matches found');
    return 0;
  }
  hits.sort((a, b) => (a.name < b.name ? -1 : 1));
  const title = `N/S Matched: ${o.args.join(', ')}`;
  const cols = TERM_COLUMNS - 2;
  const beg = '='.repeat(Math.floor((cols - title.length) / 2));
  const end = '='.repeat(cols - title.length - beg.length);
  if (ctx.host.profile.release === 'el6') ctx.stdout.write(`${beg} ${title} ${end}\n`);
  for (const s of hits) ctx.stdout.write(keyValFill(`${s.name}.${s.arch} : `, s.summary).replace(/\n\s+: /g, '\n      : ') + '\n');
  if (ctx.host.profile.release === 'el6') out.info('\n  Name and summary matches only, use "search all" for everything.');
  return 0;
}

function repolist(ctx: ProgramContext, out: Out): number {
  const rel = ctx.host.profile.release;
  const name = REPO_NAME[rel]!;
  const num = REPO_COUNT[rel]!;
  let idLen = 'repo id'.length;
  let nmLen = name.length;
  idLen = Math.max(idLen, 'rhel-dvd'.length);
  const stLen = num.length;
  let left = 'status'.length > stLen ? TERM_COLUMNS - (idLen + 'status'.length + 2) : TERM_COLUMNS - (idLen + stLen + 2);
  if (left < nmLen) nmLen = left;
  else {
    left -= nmLen;
    idLen += Math.floor(left / 2);
    nmLen += left - Math.floor(left / 2);
  }
  const fill = (s: string, w: number) => (s.length > w ? s.slice(0, w) : s.padEnd(w));
  ctx.stdout.write(`${fill('repo id', idLen)} ${fill('repo name', nmLen)} status\n`);
  ctx.stdout.write(`${fill('rhel-dvd', idLen)} ${fill(name, nmLen)} ${num.padStart(num.length)}\n`);
  out.info(`repolist: ${num}`);
  return 0;
}

export const yum: Program = async (ctx) => {
  try {
    return await yumMain(ctx);
  } catch (e) {
    if (e instanceof Interrupted) {
      if (e.signal !== SIGINT) throw e;
      ctx.stderr.write('\n\nExiting on user cancel\n');
      return 1;
    }
    ctx.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
};

async function yumMain(ctx: ProgramContext): Promise<number> {
  const parsed = parse(ctx.argv.slice(1));
  if (parsed === '__version') {
    ctx.stdout.write(ctx.host.profile.release === 'el6' ? '3.2.29\n' : '3.2.22\n');
    return 0;
  }
  const out = new Out(ctx, typeof parsed === 'object' && parsed.quiet);
  if (parsed === '__help') {
    header(ctx, out);
    ctx.stdout.write(usageText(ctx));
    return 0;
  }
  if (typeof parsed === 'string') {
    ctx.stderr.write(`${parsed}\n`);
    return 1;
  }
  const o = parsed;
  header(ctx, out);
  if (o.cmd === null) {
    out.err('You need to give some command');
    ctx.stderr.write(usageText(ctx));
    return 1;
  }
  const needsRoot = ['install', 'remove', 'erase', 'update', 'upgrade', 'clean', 'groupinstall', 'groupremove', 'localinstall', 'reinstall', 'downgrade', 'makecache'];
  const known = COMMANDS.map(([c]) => c!).concat(['remove', 'whatprovides', 'groupupdate', 'grouperase', 'localupdate']);
  if (!known.includes(o.cmd)) {
    out.err(`No such command: ${o.cmd}. Please use /usr/bin/yum --help`);
    return 1;
  }
  if (needsRoot.includes(o.cmd) && !isRoot(ctx)) {
    out.err('You need to be root to perform this command.');
    return 1;
  }
  certRepos(ctx, out);
  switch (o.cmd) {
    case 'install':
      return install(ctx, o, out);
    case 'remove':
    case 'erase':
      return remove(ctx, o, out);
    case 'list':
      return list(ctx, o, out);
    case 'info':
      return info(ctx, o, out);
    case 'search':
      return search(ctx, o, out);
    case 'update':
    case 'upgrade':
      out.info('Setting up Update Process');
      out.info('No Packages marked for Update');
      return 0;
    case 'check-update':
    case 'makecache':
      if (o.cmd === 'makecache') out.info('Metadata Cache Created');
      return 0;
    case 'clean': {
      const what = o.args[0];
      if (!what) {
        out.err('Error: clean requires an option: headers, packages, metadata, dbcache, plugins, expire-cache, rpmdb, all');
        return 1;
      }
      if (!['headers', 'packages', 'metadata', 'dbcache', 'plugins', 'expire-cache', 'rpmdb', 'all'].includes(what)) {
        out.err(`Error: invalid clean argument: '${what}'`);
        return 1;
      }
      out.info('Cleaning repos: rhel-dvd');
      const msg: Record<string, string> = { all: 'Cleaning up Everything', headers: '0 header files removed', packages: '0 package files removed', metadata: '0 metadata files removed', dbcache: '0 sqlite files removed', plugins: '0 plugin files removed', 'expire-cache': '0 metadata files removed', rpmdb: '0 cached rpmdb files removed' };
      out.info(msg[what]!);
      return 0;
    }
    case 'repolist':
      return repolist(ctx, out);
    case 'provides':
    case 'whatprovides': {
      const db = ctx.host.packages;
      let found = false;
      for (const s of db.catalog().values()) {
        const files = s.files.filter((f) => o.args.some((a) => f.path === a || f.path.endsWith('/' + a.replace(/^\*\//, ''))));
        if (!files.length) continue;
        found = true;
        ctx.stdout.write(keyValFill(`${envra(s)} : `, s.summary) + '\n');
        ctx.stdout.write(`Repo        : ${db.isInstalled(s.name) ? 'installed' : s.repo}\nMatched from:\nFilename    : ${files[0]!.path}\n\n\n\n`);
      }
      if (!found) {
        out.err(`Warning: 3.0.x versions of yum would erroneously match against filenames.\n You can use "*/${o.args[0] ?? ''}" and/or "*bin/${o.args[0] ?? ''}" to get that behaviour`);
        out.info('No Matches found');
      }
      return 0;
    }
    case 'help':
      ctx.stdout.write(usageText(ctx));
      return 0;
    default:
      out.info(`Setting up ${o.cmd} Process`);
      out.info('Nothing to do');
      return 0;
  }
}
