import { resolvePath } from './path';
import type { Cred, Inode, StatInfo, Vfs, WriteOptions } from './vfs';

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

  abs(path: string): string {
    return resolvePath(this.cwd, path);
  }

  stat(path: string): StatInfo {
    return this.vfs.stat(this.abs(path), this.cred);
  }
  lstat(path: string): StatInfo {
    return this.vfs.lstat(this.abs(path), this.cred);
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
    return this.vfs.exists(this.abs(path), this.cred);
  }
  lookup(path: string, follow = true): Inode {
    return this.vfs.lookup(this.abs(path), this.cred, follow);
  }
  realpath(path: string): string {
    return this.vfs.realpath(this.abs(path), this.cred);
  }
  readFile(path: string): string {
    return this.vfs.readFile(this.abs(path), this.cred);
  }
  readdir(path: string): string[] {
    return this.vfs.readdir(this.abs(path), this.cred);
  }
  readlink(path: string): string {
    return this.vfs.readlink(this.abs(path), this.cred);
  }
  access(path: string, want: number): boolean {
    return this.vfs.access(this.abs(path), this.cred, want);
  }
  writeFile(path: string, data: string, opts: WriteOptions = {}): Inode {
    return this.vfs.writeFile(this.abs(path), this.cred, data, { umask: this.umask, ...opts });
  }
  appendFile(path: string, data: string): Inode {
    return this.writeFile(path, data, { append: true });
  }
  openForWrite(path: string, opts: WriteOptions = {}): Inode {
    return this.vfs.openForWrite(this.abs(path), this.cred, { umask: this.umask, ...opts });
  }
  mkdir(path: string, mode = 0o777): Inode {
    return this.vfs.mkdir(this.abs(path), this.cred, mode, this.umask);
  }
  rmdir(path: string): void {
    this.vfs.rmdir(this.abs(path), this.cred);
  }
  unlink(path: string): void {
    this.vfs.unlink(this.abs(path), this.cred);
  }
  rename(from: string, to: string): void {
    this.vfs.rename(this.abs(from), this.abs(to), this.cred);
  }
  symlink(target: string, path: string): Inode {
    return this.vfs.symlink(target, this.abs(path), this.cred);
  }
  link(existing: string, path: string): void {
    this.vfs.link(this.abs(existing), this.abs(path), this.cred);
  }
  chmod(path: string, mode: number, follow = true): void {
    this.vfs.chmod(this.abs(path), this.cred, mode, follow);
  }
  chown(path: string, uid: number | null, gid: number | null, follow = true): void {
    this.vfs.chown(this.abs(path), this.cred, uid, gid, follow);
  }
  utimes(path: string, atime: number, mtime: number): void {
    this.vfs.utimes(this.abs(path), this.cred, atime, mtime);
  }
}
