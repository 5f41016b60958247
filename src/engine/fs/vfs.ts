import { FsError } from './errors';
import { resolvePath } from './path';
import { programApparentSize } from '../proc/binary';

export type NodeType = 'file' | 'dir' | 'symlink';

/** Who is asking: the effective uid, gid and supplementary groups of a process. */
export interface Cred {
  uid: number;
  gid: number;
  groups: readonly number[];
}

export const ROOT: Cred = { uid: 0, gid: 0, groups: [0] };

export interface Inode {
  ino: number;
  type: NodeType;
  /** Permission bits including setuid/setgid/sticky (07777). */
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  atime: number;
  mtime: number;
  ctime: number;
  /** Regular files: the content (one JS char per character; sizes count UTF-8 bytes). */
  data: string;
  /** Directories: name -> inode, kept in insertion order. */
  entries: Map<string, Inode> | null;
  /** Symlinks: the target as written. */
  target: string;
  /** Bumped on every change, so watchers (tail -f) can tell. */
  version: number;
}

export interface StatInfo {
  ino: number;
  type: NodeType;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  size: number;
  atime: number;
  mtime: number;
  ctime: number;
  target: string;
}

export const R_OK = 4;
export const W_OK = 2;
export const X_OK = 1;

const MAX_SYMLINKS = 40;

/** Size in bytes of a JS string written as UTF-8. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether cred may access inode with the wanted bits (R_OK | W_OK | X_OK), as the kernel decides. */
export function permits(inode: Inode, cred: Cred, want: number): boolean {
  if (cred.uid === 0) {
    // root bypasses read/write; execute needs some x bit on non-directories.
    if (want & X_OK && inode.type !== 'dir') return (inode.mode & 0o111) !== 0;
    return true;
  }
  let bits: number;
  if (cred.uid === inode.uid) bits = (inode.mode >> 6) & 7;
  else if (cred.gid === inode.gid || cred.groups.includes(inode.gid)) bits = (inode.mode >> 3) & 7;
  else bits = inode.mode & 7;
  return (bits & want) === want;
}

export interface WriteOptions {
  append?: boolean;
  /** Mode for a newly created file, before the umask. Default 0666. */
  mode?: number;
  umask?: number;
  /** Fail with EEXIST when the file exists (O_EXCL). */
  exclusive?: boolean;
}

/**
 * The in-memory filesystem of one host: inodes in a tree, POSIX permission checks against a Cred,
 * timestamps from the lab clock. Paths given to it are absolute; FsView adds a working directory.
 */
export class Vfs {
  readonly root: Inode;
  private nextIno: number;
  private listeners = new Set<() => void>();

  constructor(
    private readonly now: () => number,
    root?: Inode,
    nextIno?: number,
  ) {
    this.nextIno = nextIno ?? 2;
    this.root = root ?? this.newInode('dir', 0o555, 0, 0);
  }

  // ---- snapshots --------------------------------------------------------------------------

  /** A deep copy, keeping hard links shared; strings are immutable so content is not copied. */
  snapshot(): VfsSnapshot {
    return { root: cloneTree(this.root), nextIno: this.nextIno };
  }

  static fromSnapshot(snap: VfsSnapshot, now: () => number): Vfs {
    return new Vfs(now, cloneTree(snap.root), snap.nextIno);
  }

  // ---- change notification ----------------------------------------------------------------

  /** Calls fn after any change to any file. Returns an unsubscribe function. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private touchChanged(inode: Inode): void {
    inode.version++;
    for (const fn of [...this.listeners]) fn();
  }

  // ---- lookup -----------------------------------------------------------------------------

  newInode(type: NodeType, mode: number, uid: number, gid: number): Inode {
    const t = this.now();
    return {
      ino: this.nextIno++,
      type,
      mode: mode & 0o7777,
      uid,
      gid,
      nlink: type === 'dir' ? 2 : 1,
      atime: t,
      mtime: t,
      ctime: t,
      data: '',
      entries: type === 'dir' ? new Map() : null,
      target: '',
      version: 0,
    };
  }

  /**
   * Walks to path. Follows symlinks in the middle always, and at the end when follow is true.
   * Throws FsError ENOENT / ENOTDIR / EACCES / ELOOP.
   */
  lookup(path: string, cred: Cred, follow = true): Inode {
    return this.walk(path, cred, follow, 0).node;
  }

  /** The resolved absolute path (symlinks followed), as realpath(3). */
  realpath(path: string, cred: Cred): string {
    return this.walk(path, cred, true, 0).path;
  }

  tryLookup(path: string, cred: Cred, follow = true): Inode | null {
    try {
      return this.lookup(path, cred, follow);
    } catch {
      return null;
    }
  }

  /**
   * Resolves a path component by component as the kernel does: `..` is the physical parent (also
   * after a symlink), symlinks met in the middle are always followed, a trailing slash demands a
   * directory (and follows a final symlink).
   */
  private walk(path: string, cred: Cred, follow: boolean, depth: number): { node: Inode; path: string } {
    if (path === '') throw new FsError('ENOENT', path);
    if (path.length > 4095) throw new FsError('ENAMETOOLONG', path);
    const mustBeDir = path.length > 1 && /\/\.?$/.test(path);
    const queue = path.split('/').filter((c) => c !== '');
    if (mustBeDir) follow = true;
    let node = this.root;
    const stack: Array<{ dir: Inode; name: string }> = [];
    let hops = depth;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part.length > 255) throw new FsError('ENAMETOOLONG', path);
      if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
      if (!permits(node, cred, X_OK)) throw new FsError('EACCES', path);
      if (part === '.') continue;
      if (part === '..') {
        node = stack.pop()?.dir ?? this.root;
        continue;
      }
      const child = node.entries!.get(part);
      if (!child) throw new FsError('ENOENT', path);
      if (child.type === 'symlink' && (queue.length > 0 || follow)) {
        if (++hops > MAX_SYMLINKS) throw new FsError('ELOOP', path);
        if (child.target === '') throw new FsError('ENOENT', path);
        if (child.target.startsWith('/')) {
          node = this.root;
          stack.length = 0;
        }
        queue.unshift(...child.target.split('/').filter((c) => c !== ''));
        continue;
      }
      stack.push({ dir: node, name: part });
      node = child;
    }
    if (mustBeDir && node.type !== 'dir') throw new FsError('ENOTDIR', path);
    return { node, path: '/' + stack.map((s) => s.name).join('/') };
  }

  /**
   * The directory that would hold path, and the final name. The directory must exist. A final
   * `.` or `..` is refused with `special` (EEXIST for mkdir, EINVAL for rmdir ...).
   */
  parentOf(path: string, cred: Cred, special: 'EEXIST' | 'EINVAL' | 'EISDIR' | 'EBUSY' | 'ENOTEMPTY' = 'EINVAL'): { dir: Inode; name: string; dirPath: string } {
    if (path === '') throw new FsError('ENOENT', path);
    const parts = path.split('/').filter((c) => c !== '');
    if (parts.length === 0) throw new FsError('EBUSY', path);
    const name = parts.pop()!;
    if (name.length > 255) throw new FsError('ENAMETOOLONG', path);
    const dirPath = (path.startsWith('/') ? '/' : '') + parts.join('/');
    const dir = this.lookup(dirPath === '' ? '/' : dirPath, cred, true);
    if (dir.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (name === '.' || name === '..') throw new FsError(special, path);
    return { dir, name, dirPath: dirPath === '' ? '/' : dirPath };
  }

  // ---- reading ----------------------------------------------------------------------------

  stat(path: string, cred: Cred): StatInfo {
    return statOf(this.lookup(path, cred, true));
  }

  lstat(path: string, cred: Cred): StatInfo {
    return statOf(this.lookup(path, cred, false));
  }

  exists(path: string, cred: Cred): boolean {
    return this.tryLookup(path, cred) !== null;
  }

  readFile(path: string, cred: Cred): string {
    const node = this.lookup(path, cred, true);
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    if (!permits(node, cred, R_OK)) throw new FsError('EACCES', path);
    return node.data;
  }

  readdir(path: string, cred: Cred): string[] {
    const node = this.lookup(path, cred, true);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (!permits(node, cred, R_OK)) throw new FsError('EACCES', path);
    return [...node.entries!.keys()];
  }

  readlink(path: string, cred: Cred): string {
    const node = this.lookup(path, cred, false);
    if (node.type !== 'symlink') throw new FsError('EINVAL', path);
    return node.target;
  }

  access(path: string, cred: Cred, want: number): boolean {
    const node = this.tryLookup(path, cred, true);
    return node !== null && permits(node, cred, want);
  }

  // ---- writing ----------------------------------------------------------------------------

  /** open(O_WRONLY|O_CREAT|O_TRUNC or O_APPEND) then write. Returns the inode written. */
  writeFile(path: string, cred: Cred, data: string, opts: WriteOptions = {}): Inode {
    const node = this.openForWrite(path, cred, opts);
    const t = this.now();
    node.data = opts.append ? node.data + data : data;
    node.mtime = node.ctime = t;
    this.touchChanged(node);
    return node;
  }

  /** Opens (creating when missing) a regular file for writing; truncates unless append. */
  openForWrite(path: string, cred: Cred, opts: WriteOptions = {}): Inode {
    let node = this.tryLookupForCreate(path, cred);
    if (node) {
      if (opts.exclusive) throw new FsError('EEXIST', path);
      if (node.type === 'dir') throw new FsError('EISDIR', path);
      if (!permits(node, cred, W_OK)) throw new FsError('EACCES', path);
      if (!opts.append && node.data !== '') {
        node.data = '';
        node.mtime = node.ctime = this.now();
        this.touchChanged(node);
      }
      return node;
    }
    const { dir, name } = this.parentForCreate(path, cred);
    if (!permits(dir, cred, W_OK | X_OK)) throw new FsError('EACCES', path);
    const mode = (opts.mode ?? 0o666) & ~(opts.umask ?? 0o022);
    node = this.newInode('file', mode, cred.uid, dir.mode & 0o2000 ? dir.gid : cred.gid);
    dir.entries!.set(name, node);
    dir.mtime = dir.ctime = this.now();
    this.touchChanged(dir);
    return node;
  }

  /** Appends to an already-open inode (a redirection that stays open while a command writes). */
  appendTo(node: Inode, data: string): void {
    node.data += data;
    node.mtime = node.ctime = this.now();
    this.touchChanged(node);
  }

  /** Lookup that follows a final symlink, and for a dangling one answers null (create target). */
  private tryLookupForCreate(path: string, cred: Cred): Inode | null {
    try {
      return this.lookup(path, cred, true);
    } catch (e) {
      if (e instanceof FsError && e.code === 'ENOENT') return null;
      throw e;
    }
  }

  private parentForCreate(path: string, cred: Cred): { dir: Inode; name: string } {
    // Creating through a dangling symlink creates its target.
    const link = this.tryLookup(path, cred, false);
    if (link && link.type === 'symlink') {
      const { dirPath } = this.parentOf(path, cred);
      return this.parentForCreate(resolvePath(dirPath, link.target), cred);
    }
    const { dir, name } = this.parentOf(path, cred);
    return { dir, name };
  }

  mkdir(path: string, cred: Cred, mode = 0o777, umask = 0o022): Inode {
    const { dir, name } = this.parentOf(path.replace(/\/+$/, '') || path, cred, 'EEXIST');
    if (dir.entries!.has(name)) throw new FsError('EEXIST', path);
    if (!permits(dir, cred, W_OK | X_OK)) throw new FsError('EACCES', path);
    const node = this.newInode('dir', mode & ~umask, cred.uid, dir.mode & 0o2000 ? dir.gid : cred.gid);
    if (dir.mode & 0o2000) node.mode |= 0o2000;
    dir.entries!.set(name, node);
    dir.nlink++;
    dir.mtime = dir.ctime = this.now();
    this.touchChanged(dir);
    return node;
  }

  symlink(target: string, path: string, cred: Cred): Inode {
    const { dir, name } = this.parentOf(path, cred);
    if (dir.entries!.has(name)) throw new FsError('EEXIST', path);
    if (!permits(dir, cred, W_OK | X_OK)) throw new FsError('EACCES', path);
    const node = this.newInode('symlink', 0o777, cred.uid, cred.gid);
    node.target = target;
    node.data = target;
    dir.entries!.set(name, node);
    dir.mtime = dir.ctime = this.now();
    this.touchChanged(dir);
    return node;
  }

  link(existing: string, path: string, cred: Cred): void {
    const node = this.lookup(existing, cred, false);
    if (node.type === 'dir') throw new FsError('EPERM', existing);
    const { dir, name } = this.parentOf(path, cred);
    if (dir.entries!.has(name)) throw new FsError('EEXIST', path);
    if (!permits(dir, cred, W_OK | X_OK)) throw new FsError('EACCES', path);
    dir.entries!.set(name, node);
    node.nlink++;
    node.ctime = this.now();
    this.touchChanged(dir);
  }

  unlink(path: string, cred: Cred): void {
    if (path.length > 1 && path.endsWith('/')) {
      const n = this.lookup(path, cred, true);
      throw new FsError(n.type === 'dir' ? 'EISDIR' : 'ENOTDIR', path);
    }
    const { dir, name } = this.parentOf(path, cred, 'EISDIR');
    const node = dir.entries!.get(name);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    this.checkRemove(dir, node, cred, path);
    dir.entries!.delete(name);
    node.nlink--;
    dir.mtime = dir.ctime = this.now();
    this.touchChanged(dir);
  }

  rmdir(path: string, cred: Cred): void {
    const trimmed = path.replace(/\/+$/, '') || path;
    const { dir, name } = this.parentOf(trimmed, cred, trimmed.endsWith('..') ? 'ENOTEMPTY' : 'EINVAL');
    const node = dir.entries!.get(name);
    if (!node) throw new FsError('ENOENT', path);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (node.entries!.size > 0) throw new FsError('ENOTEMPTY', path);
    this.checkRemove(dir, node, cred, path);
    dir.entries!.delete(name);
    dir.nlink--;
    dir.mtime = dir.ctime = this.now();
    this.touchChanged(dir);
  }

  private checkRemove(dir: Inode, node: Inode, cred: Cred, path: string): void {
    if (!permits(dir, cred, W_OK | X_OK)) throw new FsError('EACCES', path);
    if (dir.mode & 0o1000 && cred.uid !== 0 && cred.uid !== node.uid && cred.uid !== dir.uid) {
      throw new FsError('EPERM', path);
    }
  }

  rename(from: string, to: string, cred: Cred): void {
    const src = this.parentOf(from, cred);
    const node = src.dir.entries!.get(src.name);
    if (!node) throw new FsError('ENOENT', from);
    this.checkRemove(src.dir, node, cred, from);
    const dst = this.parentOf(to, cred);
    if (!permits(dst.dir, cred, W_OK | X_OK)) throw new FsError('EACCES', to);
    if (node.type === 'dir' && isAncestor(node, dst.dir)) throw new FsError('EINVAL', to);
    const existing = dst.dir.entries!.get(dst.name);
    if (existing === node) return;
    if (existing) {
      if (existing.type === 'dir' && node.type !== 'dir') throw new FsError('EISDIR', to);
      if (existing.type !== 'dir' && node.type === 'dir') throw new FsError('ENOTDIR', to);
      if (existing.type === 'dir' && existing.entries!.size > 0) throw new FsError('ENOTEMPTY', to);
      existing.nlink--;
      if (existing.type === 'dir') dst.dir.nlink--;
    }
    src.dir.entries!.delete(src.name);
    dst.dir.entries!.set(dst.name, node);
    if (node.type === 'dir' && src.dir !== dst.dir) {
      src.dir.nlink--;
      dst.dir.nlink++;
    }
    const t = this.now();
    src.dir.mtime = src.dir.ctime = dst.dir.mtime = dst.dir.ctime = node.ctime = t;
    this.touchChanged(node);
  }

  chmod(path: string, cred: Cred, mode: number, follow = true): void {
    const node = this.lookup(path, cred, follow);
    if (cred.uid !== 0 && cred.uid !== node.uid) throw new FsError('EPERM', path);
    node.mode = mode & 0o7777;
    node.ctime = this.now();
    this.touchChanged(node);
  }

  /** chown(2): only root changes the owner; an owner may change the group to one of theirs. */
  chown(path: string, cred: Cred, uid: number | null, gid: number | null, follow = true): void {
    const node = this.lookup(path, cred, follow);
    if (cred.uid !== 0) {
      const ownerChange = uid !== null && uid !== node.uid;
      const groupOk = gid === null || gid === cred.gid || cred.groups.includes(gid);
      if (ownerChange || cred.uid !== node.uid || !groupOk) throw new FsError('EPERM', path);
    }
    if (uid !== null) node.uid = uid;
    if (gid !== null) node.gid = gid;
    // chown clears setuid/setgid on regular files, as Linux does.
    if (node.type === 'file' && (uid !== null || gid !== null)) node.mode &= ~0o6000;
    node.ctime = this.now();
    this.touchChanged(node);
  }

  /**
   * utimensat(2): setting the current time needs ownership or write permission; setting an
   * explicit time needs ownership (EPERM otherwise).
   */
  utimes(path: string, cred: Cred, atime: number, mtime: number, explicit = false): void {
    const node = this.lookup(path, cred, true);
    if (cred.uid !== 0 && cred.uid !== node.uid) {
      if (explicit) throw new FsError('EPERM', path);
      if (!permits(node, cred, W_OK)) throw new FsError('EACCES', path);
    }
    node.atime = atime;
    node.mtime = mtime;
    node.ctime = this.now();
    this.touchChanged(node);
  }
}

export interface VfsSnapshot {
  root: Inode;
  nextIno: number;
}

export function statOf(node: Inode): StatInfo {
  return {
    ino: node.ino,
    type: node.type,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    nlink: node.nlink,
    size: node.type === 'dir' ? 4096 : node.type === 'symlink' ? byteLength(node.target) : (programApparentSize(node.data) ?? byteLength(node.data)),
    atime: node.atime,
    mtime: node.mtime,
    ctime: node.ctime,
    target: node.target,
  };
}

function isAncestor(a: Inode, b: Inode): boolean {
  if (a === b) return true;
  if (!a.entries) return false;
  for (const child of a.entries.values()) {
    if (child.type === 'dir' && isAncestor(child, b)) return true;
  }
  return false;
}

function cloneTree(root: Inode): Inode {
  const seen = new Map<Inode, Inode>();
  const clone = (n: Inode): Inode => {
    const done = seen.get(n);
    if (done) return done;
    const c: Inode = { ...n, entries: null };
    seen.set(n, c);
    if (n.entries) {
      c.entries = new Map();
      for (const [k, v] of n.entries) c.entries.set(k, clone(v));
    }
    return c;
  };
  return clone(root);
}
