import { programFile } from '../proc/binary';

export type Release = 'el6' | 'el5';

/** One entry of a package's payload, as `rpm -qlv` would list it. */
export interface PkgFile {
  path: string;
  kind: 'dir' | 'file' | 'link';
  /** Permission bits; default 0755 for directories, 0644 for files. */
  mode?: number;
  user?: string;
  group?: string;
  /** File content. */
  data?: string;
  /** Symlink target. */
  target?: string;
  /** %config: listed by rpm -qc; with noreplace an edited copy is kept on reinstall. */
  config?: boolean;
  /** %doc: listed by rpm -qd (man pages count as documentation too). */
  doc?: boolean;
  /** %ghost: owned by the package but not laid down by it. */
  ghost?: boolean;
}

export interface SysGroup {
  name: string;
  /** Fixed gid; otherwise the next free system gid counting down from 499. */
  gid?: number;
}

export interface SysUser {
  name: string;
  uid?: number;
  /** Primary group name. */
  group: string;
  gecos: string;
  home: string;
  shell: string;
  /** Supplementary groups (useradd -G). */
  groups?: string[];
}

/** An `alternatives --install` run by a package scriptlet. */
export interface AltInstall {
  link: string;
  name: string;
  path: string;
  priority: number;
  slaves: { link: string; name: string; path: string }[];
  initscript?: string;
}

/** Everything the lab knows about one package build. */
export interface PkgSpec {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  summary: string;
  description: string;
  group: string;
  license: string;
  url?: string;
  vendor: string;
  packager: string;
  buildHost: string;
  /** Seconds since the epoch. */
  buildTime: number;
  /** Installed size in bytes (rpm's SIZE tag). */
  size: number;
  /** Size of the .rpm file in bytes (what yum downloads). */
  packageSize: number;
  /** The repository yum finds it in. */
  repo: string;
  /** Package names (or capabilities resolved to package names) this one needs. */
  requires: string[];
  /** The REQUIRENAME list `rpm -qR` prints. */
  rpmRequires: string[];
  provides: string[];
  files: PkgFile[];
  /** groupadd / useradd of %pre. */
  sysGroups?: SysGroup[];
  sysUsers?: SysUser[];
  /** Init scripts registered with `chkconfig --add` in %post. */
  services?: string[];
  alternatives?: AltInstall[];
  /** Extra %post work (certificates, alias databases). */
  post?: string[];
}

// ---- helpers to write the catalogue compactly ------------------------------------------------

export const d = (path: string, mode = 0o755, user?: string, group?: string): PkgFile => ({ path, kind: 'dir', mode, user, group });

export const f = (path: string, data: string, mode = 0o644, extra: Partial<PkgFile> = {}): PkgFile => ({ path, kind: 'file', mode, data, ...extra });

/** A %config(noreplace) file. */
export const conf = (path: string, data: string, mode = 0o644, extra: Partial<PkgFile> = {}): PkgFile => ({
  path,
  kind: 'file',
  mode,
  data,
  config: true,
  ...extra,
});

export const doc = (path: string, data: string): PkgFile => ({ path, kind: 'file', mode: 0o644, data, doc: true });

export const ln = (path: string, target: string): PkgFile => ({ path, kind: 'link', mode: 0o777, target });

/** An executable implemented by the lab program `id` (default: the file's own name). */
export const exe = (path: string, id?: string, mode = 0o755, extra: Partial<PkgFile> = {}): PkgFile => ({
  path,
  kind: 'file',
  mode,
  data: programFile(id ?? path.slice(path.lastIndexOf('/') + 1)),
  ...extra,
});

/** Several executables in one directory, each named after its program id. */
export const exes = (dir: string, ids: string[], mode = 0o755): PkgFile[] => ids.map((id) => exe(`${dir}/${id}`, id, mode));

/** Man pages (documentation) with a short stand-in body. */
export const mans = (section: number, names: string[]): PkgFile[] =>
  names.map((n) => ({
    path: `/usr/share/man/man${section}/${n}.${section}.gz`,
    kind: 'file' as const,
    mode: 0o644,
    data: `\x1f\x8b\x08\x00${n}(${section})\n`,
    doc: true,
  }));

/** The init script of a SysV service. */
export const initScript = (name: string): PkgFile => exe(`/etc/rc.d/init.d/${name}`, 'initscript');

/** name-version-release.arch */
export function nvra(p: { name: string; version: string; release: string; arch: string }): string {
  return `${p.name}-${p.version}-${p.release}.${p.arch}`;
}

/** version-release, with epoch: when not 0 (yum's printVer). */
export function evr(p: { epoch: number; version: string; release: string }): string {
  return `${p.epoch ? p.epoch + ':' : ''}${p.version}-${p.release}`;
}
