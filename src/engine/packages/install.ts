/**
 * Laying a package's payload on a filesystem and running the work of its scriptlets (users and
 * groups, chkconfig --add, alternatives, alias databases, certificates), as rpm would. Used by
 * the image builder (no host yet) and by PackageDb for yum/rpm on a running host.
 */
import { FsView } from '../fs/fsview';
import { dirname } from '../fs/path';
import { ROOT, type Inode, type Vfs } from '../fs/vfs';
import { applyChkconfigLinks, removeLinks } from '../services/links';
import { SERVICE_CATALOG } from '../services/catalog';
import { parseGroup, parsePasswd } from '../users/accounts';
import { altInstall, altRemove } from './alternatives';
import { selfSignedPair } from './certs';
import { makeHashDb } from './hashdb';
import type { PkgSpec, Release, SysGroup, SysUser } from './types';
import { rndcKey } from './catalog/text-bind';
import { SENDMAIL_DB_MAPS } from './catalog/mail';

export interface InstallEnv {
  vfs: Vfs;
  release: Release;
  /** The host's FQDN (certificates, keys). */
  hostname: string;
  /** Seconds since the epoch: becomes shadow's "last changed" day. */
  nowSeconds: () => number;
  /** A deterministic source of pseudo-random 32-bit numbers (keys, certificates). */
  random: () => number;
}

// ---- accounts --------------------------------------------------------------------------------

function readText(vfs: Vfs, path: string): string {
  const n = peek(vfs, path);
  return n && n.type === 'file' ? n.data : '';
}

function appendLine(vfs: Vfs, path: string, line: string): void {
  const old = readText(vfs, path);
  const sep = old === '' || old.endsWith('\n') ? '' : '\n';
  writeKeep(vfs, path, old + sep + line + '\n');
}

/** Rewrites a file's content keeping its inode (mode, owner). */
function writeKeep(vfs: Vfs, path: string, data: string): void {
  const node = vfs.tryLookup(path, ROOT);
  if (node && node.type === 'file') vfs.writeFile(path, ROOT, data);
  else vfs.writeFile(path, ROOT, data, { umask: 0o022 });
}

function days(env: InstallEnv): number {
  return Math.floor(env.nowSeconds() / 86400);
}

/** groupadd -r: a fixed gid, or the highest free system gid (RHEL 6 counts down from 499). */
export function addSystemGroup(env: InstallEnv, g: SysGroup): number {
  const groups = parseGroup(readText(env.vfs, '/etc/group'));
  const existing = groups.find((x) => x.name === g.name);
  if (existing) return existing.gid;
  let gid = g.gid;
  if (gid === undefined || groups.some((x) => x.gid === gid)) {
    const used = new Set(groups.map((x) => x.gid));
    if (env.release === 'el6') {
      gid = 499;
      while (used.has(gid) && gid > 201) gid--;
    } else {
      gid = 101;
      while (used.has(gid) && gid < 499) gid++;
    }
  }
  appendLine(env.vfs, '/etc/group', `${g.name}:x:${gid}:`);
  if (env.vfs.tryLookup('/etc/gshadow', ROOT)) appendLine(env.vfs, '/etc/gshadow', `${g.name}:!::`);
  return gid;
}

/** useradd -r -M: system account, locked password, optional supplementary groups. */
export function addSystemUser(env: InstallEnv, u: SysUser): void {
  const users = parsePasswd(readText(env.vfs, '/etc/passwd'));
  if (users.some((x) => x.name === u.name)) return;
  const groups = parseGroup(readText(env.vfs, '/etc/group'));
  const gid = groups.find((x) => x.name === u.group)?.gid ?? addSystemGroup(env, { name: u.group });
  let uid = u.uid;
  if (uid === undefined || users.some((x) => x.uid === uid)) {
    const used = new Set(users.map((x) => x.uid));
    if (env.release === 'el6') {
      uid = 499;
      while (used.has(uid) && uid > 201) uid--;
    } else {
      uid = 101;
      while (used.has(uid) && uid < 499) uid++;
    }
  }
  appendLine(env.vfs, '/etc/passwd', `${u.name}:x:${uid}:${gid}:${u.gecos}:${u.home}:${u.shell}`);
  appendLine(env.vfs, '/etc/shadow', `${u.name}:!!:${days(env)}::::::`);
  for (const extra of u.groups ?? []) addGroupMember(env.vfs, extra, u.name);
}

/** Adds a user to the member list of a group in /etc/group and /etc/gshadow. */
export function addGroupMember(vfs: Vfs, group: string, user: string): void {
  for (const path of ['/etc/group', '/etc/gshadow']) {
    const text = readText(vfs, path);
    if (text === '') continue;
    const lines = text.split('\n');
    let changed = false;
    for (let i = 0; i < lines.length; i++) {
      const f = lines[i]!.split(':');
      if (f[0] !== group || f.length < 4) continue;
      const members = f[3]! === '' ? [] : f[3]!.split(',');
      if (!members.includes(user)) {
        members.push(user);
        f[3] = members.join(',');
        lines[i] = f.join(':');
        changed = true;
      }
    }
    if (changed) writeKeep(vfs, path, lines.join('\n'));
  }
}

// ---- payload ---------------------------------------------------------------------------------

function idOf(vfs: Vfs, kind: 'user' | 'group', name: string | undefined): number {
  if (!name || name === 'root') return 0;
  const list = kind === 'user' ? parsePasswd(readText(vfs, '/etc/passwd')) : parseGroup(readText(vfs, '/etc/group'));
  const hit = list.find((x) => x.name === name);
  if (!hit) return 0;
  return kind === 'user' ? (hit as { uid: number }).uid : hit.gid;
}

/**
 * tryLookup without exceptions on the common path (a missing file costs an FsError, and the
 * image build looks up a thousand missing files). Falls back to the Vfs when a symlink is met.
 */
export function peek(vfs: Vfs, path: string, follow = true): Inode | null {
  let node = vfs.root;
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' || part === '.') continue;
    if (part === '..' || node.type !== 'dir' || !node.entries) return vfs.tryLookup(path, ROOT, follow);
    const child = node.entries.get(part);
    if (!child) return null;
    if (child.type === 'symlink' && (follow || i < parts.length - 1)) return vfs.tryLookup(path, ROOT, follow);
    node = child;
  }
  return node;
}

function mkdirp(vfs: Vfs, path: string): void {
  if (path === '/' || peek(vfs, path)) return;
  mkdirp(vfs, dirname(path));
  vfs.mkdir(path, ROOT, 0o755, 0);
}

export interface LayOptions {
  /** Keep the existing content of %config files (default true, as %config(noreplace)). */
  keepConfig?: boolean;
}

/** Adds a new entry under a directory inode directly (no lookups, no exceptions). */
function addEntry(vfs: Vfs, dir: Inode, name: string, node: Inode): void {
  dir.entries!.set(name, node);
  if (node.type === 'dir') dir.nlink++;
  dir.mtime = dir.ctime = node.mtime;
}

/** Writes the package's files, directories and symlinks (cpio extraction). */
export function layFiles(env: InstallEnv, spec: PkgSpec, opts: LayOptions = {}): void {
  const { vfs } = env;
  const ids = new Map<string, number>();
  const id = (kind: 'user' | 'group', name: string | undefined): number => {
    if (!name || name === 'root') return 0;
    const k = kind + ':' + name;
    let v = ids.get(k);
    if (v === undefined) ids.set(k, (v = idOf(vfs, kind, name)));
    return v;
  };
  for (const file of spec.files) {
    if (file.ghost) continue;
    const parentPath = dirname(file.path);
    mkdirp(vfs, parentPath);
    const uid = id('user', file.user);
    const gid = id('group', file.group);
    const mode = file.mode ?? (file.kind === 'dir' ? 0o755 : 0o644);
    const existing = peek(vfs, file.path, false);
    const parent = peek(vfs, parentPath);
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (!existing && parent && parent.type === 'dir' && parent.entries) {
      const node = vfs.newInode(file.kind === 'link' ? 'symlink' : file.kind, file.kind === 'link' ? 0o777 : mode, file.kind === 'link' ? 0 : uid, file.kind === 'link' ? 0 : gid);
      if (file.kind === 'link') node.target = node.data = file.target ?? '';
      else if (file.kind === 'file') node.data = file.data ?? '';
      addEntry(vfs, parent, name, node);
      continue;
    }
    if (file.kind === 'dir') {
      if (!existing) vfs.mkdir(file.path, ROOT, 0o755, 0);
      else if (existing.type !== 'dir') continue;
    } else if (file.kind === 'link') {
      if (existing) {
        if (existing.type === 'dir') continue;
        vfs.unlink(file.path, ROOT);
      }
      vfs.symlink(file.target ?? '', file.path, ROOT);
      continue;
    } else {
      if (existing && existing.type === 'dir') continue;
      if (existing && existing.type === 'symlink') vfs.unlink(file.path, ROOT);
      if (existing && existing.type === 'file' && file.config && opts.keepConfig !== false) {
        // An edited %config(noreplace) file stays; the package's copy would be .rpmnew.
        if (existing.data !== (file.data ?? '')) {
          vfs.writeFile(file.path + '.rpmnew', ROOT, file.data ?? '', { umask: 0 });
          vfs.chmod(file.path + '.rpmnew', ROOT, mode);
        }
        continue;
      }
      vfs.writeFile(file.path, ROOT, file.data ?? '', { umask: 0 });
    }
    vfs.chown(file.path, ROOT, uid, gid, false);
    vfs.chmod(file.path, ROOT, mode, false);
  }
}

/**
 * Removes the package's files (rpm -e): files and links first, then directories that are
 * empty and not shared with another installed package. An edited %config file is kept as
 * FILE.rpmsave, as rpm does.
 */
export function removeFiles(env: InstallEnv, spec: PkgSpec, sharedPaths: Set<string>): string[] {
  const { vfs } = env;
  const notes: string[] = [];
  const dirs: string[] = [];
  for (const file of spec.files) {
    if (sharedPaths.has(file.path)) continue;
    if (file.kind === 'dir') {
      dirs.push(file.path);
      continue;
    }
    const node = vfs.tryLookup(file.path, ROOT, false);
    if (!node || node.type === 'dir') continue;
    try {
      if (file.config && !file.ghost && node.type === 'file' && node.data !== (file.data ?? '')) {
        vfs.rename(file.path, file.path + '.rpmsave', ROOT);
        notes.push(`warning: ${file.path} saved as ${file.path}.rpmsave`);
      } else vfs.unlink(file.path, ROOT);
    } catch {
      // already gone
    }
  }
  dirs.sort((a, b) => b.length - a.length);
  for (const dir of dirs) {
    const node = vfs.tryLookup(dir, ROOT, false);
    if (node && node.type === 'dir' && node.entries && node.entries.size === 0) {
      try {
        vfs.rmdir(dir, ROOT);
      } catch {
        // keep it
      }
    }
  }
  return notes;
}

// ---- scriptlets ------------------------------------------------------------------------------

/** %pre: groups and users. */
export function runPre(env: InstallEnv, spec: PkgSpec): void {
  for (const g of spec.sysGroups ?? []) addSystemGroup(env, g);
  for (const u of spec.sysUsers ?? []) addSystemUser(env, u);
}

/** %post: chkconfig --add, alternatives --install, and the package's own extra steps. */
export function runPost(env: InstallEnv, spec: PkgSpec): void {
  const { vfs } = env;
  for (const name of spec.services ?? []) {
    const info = SERVICE_CATALOG[name];
    applyChkconfigLinks(vfs, name, info ? info.levels : '-');
  }
  const fs = new FsView(vfs, ROOT, '/', 0o022);
  for (const alt of spec.alternatives ?? []) altInstall(fs, alt);
  for (const step of spec.post ?? []) postStep(env, step);
}

function postStep(env: InstallEnv, step: string): void {
  const { vfs } = env;
  switch (step) {
    case 'newaliases': {
      const src = readText(vfs, '/etc/aliases');
      vfs.writeFile('/etc/aliases.db', ROOT, makeHashDb(src, ':'), { umask: 0o022 });
      return;
    }
    case 'sendmail-make': {
      for (const map of SENDMAIL_DB_MAPS) {
        const src = readText(vfs, `/etc/mail/${map}`);
        vfs.writeFile(`/etc/mail/${map}.db`, ROOT, makeHashDb(src, 'ws'), { umask: 0o022 });
        vfs.chmod(`/etc/mail/${map}.db`, ROOT, 0o644);
      }
      return;
    }
    case 'dovecot-cert': {
      const cert = '/etc/pki/dovecot/certs/dovecot.pem';
      const key = '/etc/pki/dovecot/private/dovecot.pem';
      if (vfs.tryLookup(cert, ROOT)) return;
      const pair = selfSignedPair(readText(vfs, '/etc/pki/dovecot/dovecot-openssl.cnf'), 1024, env.random, env.nowSeconds());
      vfs.writeFile(cert, ROOT, pair.cert, { umask: 0o077 });
      vfs.chmod(cert, ROOT, 0o600);
      vfs.writeFile(key, ROOT, pair.key, { umask: 0o077 });
      vfs.chmod(key, ROOT, 0o600);
      if (!vfs.tryLookup('/var/lib/dovecot/ssl-parameters.dat', ROOT)) {
        vfs.writeFile('/var/lib/dovecot/ssl-parameters.dat', ROOT, 'mail-lab ssl parameters\n', { umask: 0o022 });
      }
      return;
    }
    case 'rndc-key': {
      if (vfs.tryLookup('/etc/rndc.key', ROOT)) return;
      let secret = '';
      const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      for (let i = 0; i < 22; i++) secret += abc[env.random() % 64];
      vfs.writeFile('/etc/rndc.key', ROOT, rndcKey(secret + '=='), { umask: 0o027 });
      vfs.chown('/etc/rndc.key', ROOT, 0, idOf(vfs, 'group', 'named'));
      vfs.chmod('/etc/rndc.key', ROOT, 0o640);
      return;
    }
  }
}

/** %preun: chkconfig --del and alternatives --remove (the service stop is the caller's job). */
export function runPreun(env: InstallEnv, spec: PkgSpec): void {
  const fs = new FsView(env.vfs, ROOT, '/', 0o022);
  for (const name of spec.services ?? []) removeLinks(env.vfs, ROOT, name);
  for (const alt of spec.alternatives ?? []) altRemove(fs, alt.name, alt.path);
}

/** The whole rpm -i of one package. */
export function installPackage(env: InstallEnv, spec: PkgSpec, opts: LayOptions = {}): void {
  runPre(env, spec);
  layFiles(env, spec, opts);
  runPost(env, spec);
}
