import type { Program, ProgramContext } from '../../proc/program';
import { Interrupted } from '../../proc/signals';
import { resolvePath } from '../../fs/path';
import type { Installed } from '../../packages/db';
import type { PkgSpec } from '../../packages/types';
import { envra, isRoot, nvra, rpmDate, safeMatch, sortedFiles } from './pkgcommon';
import { stopServices } from './scriptlets';

type Mode = 'query' | 'erase' | 'install' | 'verify' | null;

interface Opts {
  mode: Mode;
  all: boolean;
  file: boolean;
  pkgFile: boolean;
  info: boolean;
  list: boolean;
  config: boolean;
  docs: boolean;
  requires: boolean;
  provides: boolean;
  state: boolean;
  last: boolean;
  qf: string | null;
  nodeps: boolean;
  test: boolean;
  verbose: number;
  hash: boolean;
  args: string[];
}

class Usage extends Error {}

const SHORT_QUERY: Record<string, keyof Opts> = { a: 'all', f: 'file', p: 'pkgFile', i: 'info', l: 'list', c: 'config', d: 'docs', R: 'requires', s: 'state' };

function parse(argv: string[]): Opts | string {
  const o: Opts = { mode: null, all: false, file: false, pkgFile: false, info: false, list: false, config: false, docs: false, requires: false, provides: false, state: false, last: false, qf: null, nodeps: false, test: false, verbose: 0, hash: false, args: [] };
  const setMode = (m: Mode): string | null => {
    if (o.mode && o.mode !== m) return 'rpm: only one major mode may be specified';
    o.mode = m;
    return null;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      o.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      switch (name) {
        case '--query': { const e = setMode('query'); if (e) return e; break; }
        case '--erase': { const e = setMode('erase'); if (e) return e; break; }
        case '--install': case '--upgrade': case '--freshen': { const e = setMode('install'); if (e) return e; break; }
        case '--verify': { const e = setMode('verify'); if (e) return e; break; }
        case '--all': o.all = true; break;
        case '--file': o.file = true; break;
        case '--package': o.pkgFile = true; break;
        case '--info': o.info = true; break;
        case '--list': o.list = true; break;
        case '--configfiles': o.config = true; break;
        case '--docfiles': o.docs = true; break;
        case '--requires': o.requires = true; break;
        case '--provides': o.provides = true; break;
        case '--state': o.state = true; break;
        case '--last': o.last = true; break;
        case '--nodeps': o.nodeps = true; break;
        case '--test': o.test = true; break;
        case '--hash': o.hash = true; break;
        case '--verbose': o.verbose++; break;
        case '--queryformat': case '--qf': {
          const v = inline ?? argv[++i];
          if (v === undefined) return `rpm: option requires an argument -- '${name.slice(2)}'`;
          o.qf = v;
          break;
        }
        case '--version': return '__version';
        case '--help': case '--usage': return '__usage';
        default: return `rpm: ${a}: unknown option`;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (c === 'q') { const e = setMode('query'); if (e) return e; }
        else if (c === 'e') { const e = setMode('erase'); if (e) return e; }
        else if (c === 'i' && o.mode !== 'query') { const e = setMode('install'); if (e) return e; }
        else if (c === 'U' || c === 'F') { const e = setMode('install'); if (e) return e; }
        else if (c === 'V' || c === 'y') { const e = setMode('verify'); if (e) return e; }
        else if (c === 'v') o.verbose++;
        else if (c === 'h') o.hash = true;
        else if (SHORT_QUERY[c]) (o as unknown as Record<string, boolean>)[SHORT_QUERY[c]] = true;
        else return `rpm: -${c}: unknown option`;
      }
      continue;
    }
    o.args.push(a);
  }
  return o;
}

function usage(ctx: ProgramContext): void {
  ctx.stdout.write(`Usage: rpm [OPTION...]

Query options (with -q or --query):
  -c, --configfiles                list all configuration files
  -d, --docfiles                   list all documentation files
  -l, --list                       list files in package
      --queryformat=QUERYFORMAT    use the following query format
  -s, --state                      display the states of the listed files

Common options for all rpm modes and executables:
  -v, --verbose                    provide more detailed output
      --version                    print the version of rpm being used

Install/Upgrade/Erase options:
  -e, --erase=<package>+           erase (uninstall) package
  -i, --install                    install package(s)
  -U, --upgrade=<packagefile>+     upgrade package(s)
      --nodeps                     do not verify package dependencies

Help options:
  -?, --help                       Show this help message
      --usage                      Display brief usage message
`);
}

// ---- query formats ---------------------------------------------------------------------------

function tagValue(ctx: ProgramContext, it: Installed, tag: string, fmt: string | undefined): string {
  const spec = it.spec;
  const r = it.rec;
  const el6 = ctx.host.profile.release === 'el6';
  switch (tag.toUpperCase()) {
    case 'NAME': return r.name;
    case 'VERSION': return r.version;
    case 'RELEASE': return r.release;
    case 'ARCH': return r.arch;
    case 'EPOCH': return r.epoch ? String(r.epoch) : '(none)';
    case 'NVR': return `${r.name}-${r.version}-${r.release}`;
    case 'NVRA': return nvra(r);
    case 'NEVRA': return envra(r);
    case 'INSTALLTIME': return fmt === 'date' ? rpmDate(r.installTime) : String(r.installTime);
    case 'BUILDTIME': return spec ? (fmt === 'date' ? rpmDate(spec.buildTime) : String(spec.buildTime)) : '(none)';
    case 'SUMMARY': return spec?.summary ?? '(none)';
    case 'DESCRIPTION': return spec?.description ?? '(none)';
    case 'SIZE': case 'LONGSIZE': return String(spec?.size ?? 0);
    case 'LICENSE': return spec?.license ?? '(none)';
    case 'GROUP': return spec?.group ?? '(none)';
    case 'VENDOR': return spec?.vendor ?? '(none)';
    case 'PACKAGER': return spec?.packager ?? '(none)';
    case 'URL': return spec?.url ?? '(none)';
    case 'BUILDHOST': return spec?.buildHost ?? '(none)';
    case 'SOURCERPM': return spec ? `${spec.name === 'bind-libs' || spec.name === 'bind-utils' ? 'bind' : srcName(spec)}-${spec.version}-${spec.release}.src.rpm` : '(none)';
    case 'OS': return 'linux';
    case 'PLATFORM': return `${r.arch}-redhat-linux-gnu`;
    default: return el6 ? '(none)' : '(none)';
  }
}

function srcName(spec: PkgSpec): string {
  const map: Record<string, string> = { 'glibc-common': 'glibc', 'openssh-server': 'openssh', 'openssh-clients': 'openssh', 'vim-minimal': 'vim', 'vim-common': 'vim', 'vim-enhanced': 'vim', 'iptables-ipv6': 'iptables', 'sendmail-cf': 'sendmail', 'PackageKit-yum-plugin': 'PackageKit', 'yum-security': 'yum-utils', 'redhat-release-workstation': 'redhat-release' };
  return map[spec.name] ?? spec.name;
}

function unescape(s: string): string {
  return s.replace(/\\(n|t|\\)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

/** A subset of rpm's query format language: %{TAG}, %{TAG:date}, %-20{TAG}, \n \t. */
export function queryFormat(ctx: ProgramContext, it: Installed, fmt: string): string {
  return unescape(fmt).replace(/%(-?\d*)\{([A-Za-z]+)(?::([a-z]+))?\}|%%/g, (m, width: string | undefined, tag: string | undefined, kind: string | undefined) => {
    if (m === '%%') return '%';
    const v = tagValue(ctx, it, tag!, kind);
    if (!width) return v;
    const w = Number(width);
    return w < 0 ? v.padEnd(-w) : v.padStart(w);
  });
}

function infoText(ctx: ProgramContext, it: Installed): string {
  const s = it.spec;
  const r = it.rec;
  const el6 = ctx.host.profile.release === 'el6';
  const pad = (v: string) => v.padEnd(27);
  const sig = s ? `${el6 ? 'RSA/8' : 'DSA/SHA1'}, ${rpmDate(s.buildTime + 172_800 + (s.buildTime % 7200))}, Key ID ${el6 ? '199e2f91fd431d51' : '5326810137017186'}` : '(none)';
  let out = '';
  out += `Name        : ${pad(r.name)}  Relocations: (not relocatable)\n`;
  out += `Version     : ${pad(r.version)}       Vendor: ${s?.vendor ?? '(none)'}\n`;
  out += `Release     : ${pad(r.release)}   Build Date: ${s ? rpmDate(s.buildTime) : '(none)'}\n`;
  out += `Install Date: ${pad(rpmDate(r.installTime))}      Build Host: ${s?.buildHost ?? '(none)'}\n`;
  out += `Group       : ${pad(s?.group ?? '(none)')}   Source RPM: ${tagValue(ctx, it, 'SOURCERPM', undefined)}\n`;
  out += `Size        : ${pad(String(s?.size ?? 0))}      License: ${s?.license ?? '(none)'}\n`;
  out += `Signature   : ${sig}\n`;
  if (s) out += `Packager    : ${s.packager}\n`;
  if (s?.url) out += `URL         : ${s.url}\n`;
  out += `Summary     : ${s?.summary ?? '(none)'}\n`;
  out += `Description :\n${s?.description ?? ''}\n`;
  return out;
}

function listFiles(it: Installed, which: 'all' | 'config' | 'doc', state: boolean): string {
  const s = it.spec;
  if (!s) return '';
  let files = sortedFiles(s);
  if (which === 'config') files = files.filter((f) => f.config);
  if (which === 'doc') files = files.filter((f) => f.doc);
  if (which === 'all' && files.length === 0) return '(contains no files)\n';
  return files.map((f) => (state ? 'normal        ' : '') + f.path + '\n').join('');
}

function queryOne(ctx: ProgramContext, o: Opts, it: Installed): string {
  if (o.qf !== null) return queryFormat(ctx, it, o.qf);
  let out = '';
  if (o.info) out += infoText(ctx, it);
  if (o.list || o.state) out += listFiles(it, 'all', o.state);
  else if (o.config) out += listFiles(it, 'config', false);
  else if (o.docs) out += listFiles(it, 'doc', false);
  if (o.requires) out += (it.spec?.rpmRequires ?? []).map((x) => x + '  \n').join('');
  if (o.provides) out += (it.spec?.provides ?? []).map((x) => x + '\n').join('');
  if (!o.info && !o.list && !o.state && !o.config && !o.docs && !o.requires && !o.provides) {
    out += (ctx.host.profile.release === 'el6' ? nvra(it.rec) : `${it.rec.name}-${it.rec.version}-${it.rec.release}`) + '\n';
  }
  return out;
}

function query(ctx: ProgramContext, o: Opts): number {
  const db = ctx.host.packages;
  const el6 = ctx.host.profile.release === 'el6';
  if (o.pkgFile) {
    let rc = 0;
    for (const a of o.args) {
      const st = ctx.fs.tryStat(a);
      if (!st) {
        ctx.stderr.write(`error: open of ${a} failed: No such file or directory\n`);
      } else {
        ctx.stderr.write(`error: ${a}: not an rpm package (or package manifest)\n`);
      }
      rc = 1;
    }
    if (o.args.length === 0) {
      ctx.stderr.write('rpm: no arguments given for query\n');
      return 1;
    }
    return rc;
  }
  if (o.all) {
    let list = db.installed();
    if (o.args.length) list = list.filter((it) => o.args.some((p) => safeMatch(p, it.rec.name) || safeMatch(p, nvra(it.rec)) || safeMatch(p, `${it.rec.name}-${it.rec.version}-${it.rec.release}`)));
    if (o.last) {
      list = [...list].sort((a, b) => b.rec.installTime - a.rec.installTime);
      for (const it of list) ctx.stdout.write(`${(el6 ? nvra(it.rec) : `${it.rec.name}-${it.rec.version}-${it.rec.release}`).padEnd(45)} ${rpmDate(it.rec.installTime)}\n`);
      return 0;
    }
    for (const it of list) ctx.stdout.write(queryOne(ctx, o, it));
    return 0;
  }
  if (o.args.length === 0) {
    ctx.stderr.write('rpm: no arguments given for query\n');
    return 1;
  }
  let rc = 0;
  for (const a of o.args) {
    if (o.file) {
      const path = resolvePath(ctx.fs.cwd, a);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      let real = path;
      try {
        const dir = ctx.fs.realpath(parent);
        real = (dir === '/' ? '' : dir) + path.slice(path.lastIndexOf('/'));
      } catch {
        // keep the path as given
      }
      const owners = db.ownersOf(real);
      if (owners.length === 0) {
        if (!ctx.fs.tryLstat(path)) ctx.stderr.write(`error: file ${path}: No such file or directory\n`);
        else ctx.stdout.write(`file ${real} is not owned by any package\n`);
        rc = 1;
        continue;
      }
      for (const it of owners) ctx.stdout.write(queryOne(ctx, o, it));
      continue;
    }
    const matches = db.installed().filter((it) => a === it.rec.name || a === nvra(it.rec) || a === `${it.rec.name}-${it.rec.version}` || a === `${it.rec.name}-${it.rec.version}-${it.rec.release}`);
    if (matches.length === 0) {
      ctx.stdout.write(`package ${a} is not installed\n`);
      rc = 1;
      continue;
    }
    for (const it of matches) ctx.stdout.write(queryOne(ctx, o, it));
  }
  return rc;
}

function lockError(ctx: ProgramContext): number {
  ctx.stderr.write(ctx.host.profile.release === 'el6' ? "error: can't create transaction lock on /var/lib/rpm/.rpm.lock (Permission denied)\n" : 'error: cannot get exclusive lock on /var/lib/rpm/Packages\nerror: cannot open Packages index using db3 - Operation not permitted (1)\nerror: cannot open Packages database in /var/lib/rpm\n');
  return 1;
}

async function erase(ctx: ProgramContext, o: Opts): Promise<number> {
  if (o.args.length === 0) {
    ctx.stderr.write('rpm: no packages given for erase\n');
    return 1;
  }
  if (!isRoot(ctx)) return lockError(ctx);
  const db = ctx.host.packages;
  const targets: Installed[] = [];
  let rc = 0;
  for (const a of o.args) {
    const hit = db.installed().filter((it) => a === it.rec.name || a === nvra(it.rec) || a === `${it.rec.name}-${it.rec.version}-${it.rec.release}`);
    if (hit.length === 0) {
      ctx.stderr.write(`error: package ${a} is not installed\n`);
      rc = 1;
    } else targets.push(...hit);
  }
  if (rc) return rc;
  if (!o.nodeps) {
    const names = new Set(targets.map((t) => t.rec.name));
    const problems: string[] = [];
    for (const t of targets) {
      for (const user of db.requiredBy(t.rec.name)) {
        if (names.has(user.rec.name)) continue;
        problems.push(`\t${t.rec.name} is needed by (installed) ${nvra(user.rec)}`);
      }
    }
    if (problems.length) {
      ctx.stderr.write('error: Failed dependencies:\n' + problems.join('\n') + '\n');
      return 1;
    }
  }
  if (o.test) return 0;
  for (const t of targets) {
    if (t.spec) await stopServices(ctx, t.spec);
    for (const note of db.erase(t.rec.name)) ctx.stderr.write(note + '\n');
  }
  return 0;
}

function install(ctx: ProgramContext, o: Opts): number {
  if (o.args.length === 0) {
    ctx.stderr.write('rpm: no packages given for install\n');
    return 1;
  }
  let rc = 0;
  for (const a of o.args) {
    const st = ctx.fs.tryStat(a);
    if (!st) ctx.stderr.write(`error: open of ${a} failed: No such file or directory\n`);
    else if (st.type === 'dir') ctx.stderr.write(`error: ${a}: not an rpm package (or package manifest): Is a directory\n`);
    else ctx.stderr.write(`error: ${a}: not an rpm package (or package manifest)\n`);
    rc = 1;
  }
  return rc;
}

function verify(ctx: ProgramContext, o: Opts): number {
  const db = ctx.host.packages;
  const el6 = ctx.host.profile.release === 'el6';
  let list: Installed[];
  if (o.all) list = db.installed();
  else {
    if (o.args.length === 0) {
      ctx.stderr.write('rpm: no arguments given for verify\n');
      return 1;
    }
    list = [];
    for (const a of o.args) {
      const hit = db.find(a);
      if (!hit) {
        ctx.stdout.write(`package ${a} is not installed\n`);
        continue;
      }
      list.push(hit);
    }
  }
  let rc = 0;
  for (const it of list) {
    if (!it.spec) continue;
    for (const f of sortedFiles(it.spec)) {
      if (f.ghost) continue;
      const attr = f.config ? 'c' : f.doc ? 'd' : ' ';
      const st = ctx.fs.tryLstat(f.path);
      if (!st) {
        ctx.stdout.write(`missing   ${attr} ${f.path}\n`);
        rc = 1;
        continue;
      }
      let flags = el6 ? '.........' : '........';
      const set = (i: number, ch: string) => {
        flags = flags.slice(0, i) + ch + flags.slice(i + 1);
      };
      if (f.kind === 'file' && st.type === 'file') {
        let data = '';
        try {
          data = ctx.fs.readFile(f.path);
        } catch {
          data = f.data ?? '';
        }
        if (data.length !== (f.data ?? '').length) set(0, 'S');
        if (data !== (f.data ?? '')) {
          set(2, '5');
          set(7, 'T');
        }
      }
      if (f.kind !== 'link' && (st.mode & 0o7777) !== (f.mode ?? (f.kind === 'dir' ? 0o755 : 0o644))) set(1, 'M');
      if (flags.trim().replace(/\./g, '') !== '') {
        ctx.stdout.write(`${flags}  ${attr} ${f.path}\n`);
        rc = 1;
      }
    }
  }
  return rc;
}

export const rpm: Program = async (ctx) => {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    if (o === '__version') {
      ctx.stdout.write(`RPM version ${ctx.host.profile.release === 'el6' ? '4.8.0' : '4.4.2.3'}\n`);
      return 0;
    }
    if (o === '__usage') {
      usage(ctx);
      return 0;
    }
    ctx.stderr.write(o + '\n');
    return 1;
  }
  try {
    switch (o.mode) {
      case 'query':
        return query(ctx, o);
      case 'erase':
        return await erase(ctx, o);
      case 'install':
        return install(ctx, o);
      case 'verify':
        return verify(ctx, o);
      default:
        if (o.all || o.info || o.list || o.file) {
          ctx.stderr.write('rpm: unexpected query flags\n');
          return 1;
        }
        usage(ctx);
        return 1;
    }
  } catch (e) {
    if (e instanceof Interrupted) throw e;
    if (e instanceof Usage) return 1;
    ctx.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
};
