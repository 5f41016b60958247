import { resolvePath } from './path';
import type { Cred, Inode, StatInfo, Vfs, WriteOptions } from './vfs';
import { FsError } from './errors';

/**
 * The filesystem as one process sees it: its credentials, working directory and umask.
 * Commands use this; paths may be relative.
 */
export class FsView {
  constructor(
    readonly vfs: Vfs,
    public cred: Cred,
    public cwd: string,
    public umask = 0o022,
  ) {}

  /** The absolute path with `.` and `..` folded by text (for display and comparisons). */
  abs(path: string): string {
    if (path === '') throw new FsError('ENOENT', path);
    return resolvePath(this.cwd, path);
  }

  /**
   * The path handed to the filesystem: relative paths joined to the working directory, nothing
   * folded, so `..` and a trailing slash mean what the kernel makes of them.
   */
  raw(path: string): string {
    if (path === '') throw new FsError('ENOENT', path);
    if (path.startsWith('/')) return path;
    return (this.cwd === '/' ? '' : this.cwd) + '/' + path;
  }

  stat(path: string): StatInfo {
    return this.vfs.stat(this.raw(path), this.cred);
  }
  lstat(path: string): StatInfo {
    return this.vfs.lstat(this.raw(path), this.cred);
  }
  tryStat(path: string): StatInfo | null {
    try {
      return this.stat(path);
    } catch {
      return null;
    }
  }
  tryLstat(path: string): StatInfo | null {
    try {
      return this.lstat(path);
    } catch {
      return null;
    }
  }
  exists(path: string): boolean {
    return this.vfs.exists(this.raw(path), this.cred);
  }
  lookup(path: string, follow = true): Inode {
    return this.vfs.lookup(this.raw(path), this.cred, follow);
  }
  realpath(path: string): string {
    return this.vfs.realpath(this.raw(path), this.cred);
  }
  readFile(path: string): string {
    return this.vfs.readFile(this.raw(path), this.cred);
  }
  readdir(path: string): string[] {
    return this.vfs.readdir(this.raw(path), this.cred);
  }
  readlink(path: string): string {
    return this.vfs.readlink(this.raw(path), this.cred);
  }
  access(path: string, want: number): boolean {
    return this.vfs.access(this.raw(path), this.cred, want);
  }
  writeFile(path: string, data: string, opts: WriteOptions = {}): Inode {
    return this.vfs.writeFile(this.raw(path), this.cred, data, { umask: this.umask, ...opts });
  }
  appendFile(path: string, data: string): Inode {
    return this.writeFile(path, data, { append: true });
  }
  openForWrite(path: string, opts: WriteOptions = {}): Inode {
    return this.vfs.openForWrite(this.raw(path), this.cred, { umask: this.umask, ...opts });
  }
  mkdir(path: string, mode = 0o777): Inode {
    return this.vfs.mkdir(this.raw(path), this.cred, mode, this.umask);
  }
  rmdir(path: string): void {
    this.vfs.rmdir(this.raw(path), this.cred);
  }
  unlink(path: string): void {
    this.vfs.unlink(this.raw(path), this.cred);
  }
  rename(from: string, to: string): void {
    this.vfs.rename(this.raw(from), this.raw(to), this.cred);
  }
  symlink(target: string, path: string): Inode {
    return this.vfs.symlink(target, this.raw(path), this.cred);
  }
  link(existing: string, path: string): void {
    this.vfs.link(this.raw(existing), this.raw(path), this.cred);
  }
  chmod(path: string, mode: number, follow = true): void {
    this.vfs.chmod(this.raw(path), this.cred, mode, follow);
  }
  chown(path: string, uid: number | null, gid: number | null, follow = true): void {
    this.vfs.chown(this.raw(path), this.cred, uid, gid, follow);
  }
  utimes(path: string, atime: number, mtime: number, explicit = false): void {
    this.vfs.utimes(this.raw(path), this.cred, atime, mtime, explicit);
  }
}
