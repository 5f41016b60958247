/**
 * chkconfig's state, kept where the real chkconfig keeps it: symlinks
 * /etc/rc.d/rcN.d/S<start>NAME or K<stop>NAME -> ../init.d/NAME, one per runlevel 0-6. Because
 * the state is files, it survives reboots and snapshots, and `ls -l /etc/rc3.d` shows it.
 *
 * Also here: reading a service's chkconfig information (runlevels, priorities, description)
 * from its init script, as chkconfig's leveldb.c does. Our own scripts are "ELF" markers with
 * no header, so their values come from the catalog; a script the learner writes is parsed.
 */
import { ROOT, type Cred, type Vfs } from '../fs/vfs';
import { programIdOf } from '../proc/binary';
import { SERVICE_CATALOG } from './catalog';

export const RC_BASE = '/etc/rc.d';
export const INIT_D = '/etc/rc.d/init.d';
export const XINETD_D = '/etc/xinetd.d';

export interface ChkconfigInfo {
  name: string;
  /** Bit i set: on by default in runlevel i. */
  levels: number;
  start: number;
  stop: number;
  description: string;
  /** Has an LSB header (### BEGIN INIT INFO). */
  lsb: boolean;
}

/** Runlevel digits ("2345") to a bit mask; -1 when not all are 0-6; '' gives -1 unless emptyOk. */
export function parseLevels(text: string, emptyOk = false): number {
  if (text === '') return emptyOk ? 0 : -1;
  let mask = 0;
  for (const ch of text) {
    if (ch < '0' || ch > '6') return -1;
    mask |= 1 << (ch.charCodeAt(0) - 48);
  }
  return mask;
}

/** Where the links of runlevel `level` live. */
export function rcDir(level: number): string {
  return `${RC_BASE}/rc${level}.d`;
}

const two = (n: number): string => (n < 10 ? '0' : '') + n;

/** The entries [SK][0-9][0-9]NAME of one runlevel directory, in directory order. */
export function serviceEntries(vfs: Vfs, cred: Cred, name: string, level: number): string[] {
  const dir = vfs.tryLookup(rcDir(level), cred);
  if (!dir || dir.type !== 'dir' || !dir.entries) return [];
  const out: string[] = [];
  for (const entry of dir.entries.keys()) {
    if (entry.length === name.length + 3 && /^[SK][0-9][0-9]/.test(entry) && entry.slice(3) === name) out.push(entry);
  }
  return out;
}

/** chkconfig's isOn: the first entry of the level is an S link. */
export function isOn(vfs: Vfs, cred: Cred, name: string, level: number): boolean {
  const entries = serviceEntries(vfs, cred, name, level);
  return entries.length > 0 && entries[0]!.startsWith('S');
}

export function isConfigured(vfs: Vfs, cred: Cred, name: string, level: number): boolean {
  return serviceEntries(vfs, cred, name, level).length > 0;
}

/**
 * Sets one runlevel's link as chkconfig's doSetService does. Throws the FsError of the failed
 * symlink call (the caller prints `failed to make symlink ...`).
 */
export function setLink(vfs: Vfs, cred: Cred, name: string, level: number, on: boolean, start: number, stop: number): void {
  for (const entry of serviceEntries(vfs, cred, name, level)) {
    try {
      vfs.unlink(`${rcDir(level)}/${entry}`, cred);
    } catch {
      // chkconfig ignores a failed unlink
    }
  }
  const link = `${rcDir(level)}/${on ? 'S' : 'K'}${two(on ? start : stop)}${name}`;
  try {
    vfs.unlink(link, cred);
  } catch {
    // "just in case"
  }
  vfs.symlink(`../init.d/${name}`, link, cred);
}

/** Removes every link of a service in the given levels (chkconfig --del). */
export function removeLinks(vfs: Vfs, cred: Cred, name: string, levels = [0, 1, 2, 3, 4, 5, 6]): void {
  for (const level of levels) {
    for (const entry of serviceEntries(vfs, cred, name, level)) {
      try {
        vfs.unlink(`${rcDir(level)}/${entry}`, cred);
      } catch {
        // ignore, as chkconfig does
      }
    }
  }
}

/**
 * For the image builder: makes /etc/rc.d/rc0.d..rc6.d links for NAME, S in the runlevels of
 * `onLevels` ("2345", "35"; "" or "-" for off everywhere), K elsewhere, with the start/stop
 * priorities of the catalog (or `priorities` for a service that is not in it).
 */
export function applyChkconfigLinks(vfs: Vfs, name: string, onLevels: string, priorities?: { start: number; stop: number }): void {
  const info = SERVICE_CATALOG[name];
  const start = priorities?.start ?? info?.start ?? 50;
  const stop = priorities?.stop ?? info?.stop ?? 50;
  const mask = onLevels === '-' ? 0 : parseLevels(onLevels, true);
  if (mask < 0) throw new Error(`applyChkconfigLinks: bad runlevels "${onLevels}"`);
  for (let level = 0; level <= 6; level++) {
    ensureRcDir(vfs, level);
    setLink(vfs, ROOT, name, level, (mask & (1 << level)) !== 0, start, stop);
  }
}

function ensureRcDir(vfs: Vfs, level: number): void {
  for (const dir of ['/etc', RC_BASE, rcDir(level)]) {
    if (!vfs.tryLookup(dir, ROOT)) vfs.mkdir(dir, ROOT, 0o755, 0);
  }
}

/** Names chkconfig skips in init.d and xinetd.d. */
export function ignoredServiceFile(name: string): boolean {
  if (name.startsWith('.')) return true;
  if (name.endsWith('~') || name.endsWith(',')) return true;
  return /\.(rpmsave|rpmnew|rpmorig|swp)$/.test(name);
}

/**
 * readServiceInfo for an init.d script: the info, or 1 (does not support chkconfig), or
 * 'ENOENT'/'EACCES' when the script cannot be read.
 */
export function readInitScriptInfo(vfs: Vfs, cred: Cred, name: string): ChkconfigInfo | 1 | 'ENOENT' | 'EACCES' {
  let data: string;
  try {
    data = vfs.readFile(`${INIT_D}/${name}`, cred);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'EACCES' ? 'EACCES' : 'ENOENT';
  }
  if (programIdOf(data) !== null) {
    const c = SERVICE_CATALOG[name];
    if (!c) return 1;
    const levels = c.levels === '-' ? 0 : parseLevels(c.levels, true);
    return { name, levels: Math.max(0, levels), start: c.start, stop: c.stop, description: c.description, lsb: false };
  }
  return parseScriptHeader(name, data);
}

/** Parses `# chkconfig: 2345 80 30`, `# description:` and the LSB Default-Start/Stop lines. */
export function parseScriptHeader(name: string, data: string): ChkconfigInfo | 1 {
  let levels = -1;
  let start = -1;
  let stop = -1;
  let description: string | null = null;
  let lsb = false;
  const lines = data.split('\n');
  for (let i = 0; i < lines.length && (levels === -1 || description === null); i++) {
    const raw = lines[i]!.trimStart();
    if (!raw.startsWith('#')) continue;
    if (raw.startsWith('### BEGIN INIT INFO')) lsb = true;
    const line = raw.slice(1).trimStart();
    if (line === '') continue;
    if (line.startsWith('chkconfig:')) {
      const m = /^chkconfig:\s*(\S{1,15})\s+(-?\d+)\s+(-?\d+)\s/.exec(line + '\n');
      if (!m) return 1;
      const s = Number(m[2]);
      const k = Number(m[3]);
      if (s > 99 || k > 99 || s < 0 || k < 0) return 1;
      if (start === -1) start = s;
      if (stop === -1) stop = k;
      if (levels === -1) levels = m[1] === '-' ? 0 : parseLevels(m[1]!);
      if (levels === -1) return 1;
    } else if (line.startsWith('description:') || line.startsWith('Description:')) {
      let text = line.slice(12).trim();
      while (text.endsWith('\\') && i + 1 < lines.length) {
        const next = lines[i + 1]!.trimStart();
        if (!next.startsWith('#')) break;
        i++;
        text = text.slice(0, -1) + next.slice(1).trim();
      }
      description ??= text;
    } else if (line.startsWith('Default-Start:')) {
      for (const m of line.slice(14).matchAll(/\d+/g)) {
        if (levels === -1) levels = 0;
        levels |= 1 << Number(m[0]);
      }
    } else if (line.startsWith('Default-Stop:')) {
      for (const m of line.slice(13).matchAll(/\d+/g)) {
        if (levels === -1) levels = 0;
        levels &= ~(1 << Number(m[0]));
      }
    }
  }
  if (levels === -1 || (!lsb && (start === -1 || stop === -1))) return 1;
  return { name, levels, start: start < 0 ? 50 : start, stop: stop < 0 ? 50 : stop, description: description ?? name, lsb };
}

export interface XinetdInfo {
  name: string;
  /** disable = yes → off. */
  on: boolean;
}

/** readXinetdServiceInfo: null when the file cannot be read or is not a regular file. */
export function readXinetdInfo(vfs: Vfs, cred: Cred, name: string): XinetdInfo | null {
  const node = vfs.tryLookup(`${XINETD_D}/${name}`, cred);
  if (!node || node.type !== 'file') return null;
  let data: string;
  try {
    data = vfs.readFile(`${XINETD_D}/${name}`, cred);
  } catch {
    return null;
  }
  let on = true;
  for (const line of data.split('\n')) {
    const t = line.trim();
    if (t.startsWith('#')) continue;
    const m = /^disable\s*=\s*(\S*)/.exec(t);
    if (m) on = !m[1]!.startsWith('yes');
  }
  return { name, on };
}

/** setXinetdService: rewrites the `disable` line of /etc/xinetd.d/NAME. */
export function setXinetd(vfs: Vfs, cred: Cred, name: string, on: boolean): boolean {
  const path = `${XINETD_D}/${name}`;
  let data: string;
  try {
    data = vfs.readFile(path, cred);
  } catch {
    return false;
  }
  const out: string[] = [];
  for (const line of data.split('\n')) {
    const t = line.trimStart();
    if (t.startsWith('disable') || t === '') continue;
    out.push(line);
    if (t.startsWith('{')) out.push(`\tdisable\t= ${on ? 'no' : 'yes'}`);
  }
  try {
    vfs.writeFile(path, cred, out.join('\n') + '\n', { umask: 0o022 });
    return true;
  } catch {
    return false;
  }
}
