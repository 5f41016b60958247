import type { Vfs } from '../fs/vfs';
import { ROOT } from '../fs/vfs';

export interface Passwd {
  name: string;
  passwd: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface Group {
  name: string;
  passwd: string;
  gid: number;
  members: string[];
}

export interface Shadow {
  name: string;
  hash: string;
  /** The remaining fields, kept as written. */
  rest: string[];
}

function parseLines<T>(text: string, minFields: number, make: (f: string[]) => T | null): T[] {
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length < minFields) continue;
    const v = make(f);
    if (v) out.push(v);
  }
  return out;
}

const num = (s: string | undefined): number | null => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);

export function parsePasswd(text: string): Passwd[] {
  return parseLines(text, 7, (f) => {
    const uid = num(f[2]);
    const gid = num(f[3]);
    if (uid === null || gid === null || f[0] === '') return null;
    return { name: f[0]!, passwd: f[1]!, uid, gid, gecos: f[4]!, home: f[5]!, shell: f[6]! };
  });
}

export function parseGroup(text: string): Group[] {
  return parseLines(text, 4, (f) => {
    const gid = num(f[2]);
    if (gid === null || f[0] === '') return null;
    return { name: f[0]!, passwd: f[1]!, gid, members: f[3]! === '' ? [] : f[3]!.split(',').filter((m) => m !== '') };
  });
}

export function parseShadow(text: string): Shadow[] {
  return parseLines(text, 2, (f) => (f[0] ? { name: f[0], hash: f[1]!, rest: f.slice(2) } : null));
}

/**
 * The host's user and group database, read from /etc/passwd, /etc/group and /etc/shadow each
 * time they change: the files are the truth, so editing them by hand works as on a real host.
 */
export class Accounts {
  private cache: { key: string; users: Passwd[]; groups: Group[] } | null = null;

  constructor(private readonly vfs: Vfs) {}

  private load(): { users: Passwd[]; groups: Group[] } {
    const p = this.vfs.tryLookup('/etc/passwd', ROOT);
    const g = this.vfs.tryLookup('/etc/group', ROOT);
    const key = `${p?.ino}:${p?.version}:${g?.ino}:${g?.version}`;
    if (this.cache && this.cache.key === key) return this.cache;
    const users = p && p.type === 'file' ? parsePasswd(p.data) : [];
    const groups = g && g.type === 'file' ? parseGroup(g.data) : [];
    this.cache = { key, users, groups };
    return this.cache;
  }

  users(): Passwd[] {
    return this.load().users;
  }

  groups(): Group[] {
    return this.load().groups;
  }

  getpwnam(name: string): Passwd | undefined {
    return this.load().users.find((u) => u.name === name);
  }

  getpwuid(uid: number): Passwd | undefined {
    return this.load().users.find((u) => u.uid === uid);
  }

  getgrnam(name: string): Group | undefined {
    return this.load().groups.find((g) => g.name === name);
  }

  getgrgid(gid: number): Group | undefined {
    return this.load().groups.find((g) => g.gid === gid);
  }

  /** A user's name for display: the name, or the number when there is none (ls, ps). */
  userName(uid: number): string {
    return this.getpwuid(uid)?.name ?? String(uid);
  }

  groupName(gid: number): string {
    return this.getgrgid(gid)?.name ?? String(gid);
  }

  /** Supplementary group ids of a user (initgroups): the primary group first. */
  groupIds(user: Passwd): number[] {
    const ids = [user.gid];
    for (const g of this.load().groups) if (g.members.includes(user.name) && !ids.includes(g.gid)) ids.push(g.gid);
    return ids;
  }

  shadow(): Shadow[] {
    const s = this.vfs.tryLookup('/etc/shadow', ROOT);
    return s && s.type === 'file' ? parseShadow(s.data) : [];
  }

  /** Checks a password against /etc/shadow (the lab stores a marker of the clear text). */
  checkPassword(name: string, password: string): boolean {
    const entry = this.shadow().find((e) => e.name === name);
    if (!entry) return false;
    return entry.hash === hashPassword(name, password);
  }
}

/**
 * The lab's stand-in for crypt(3) SHA-512: a deterministic "$6$salt$digest" string. It is not
 * secure (it does not need to be) but looks and behaves like a shadow hash.
 */
export function hashPassword(name: string, password: string): string {
  const salt = fnv(name + ':salt').toString(36).padStart(8, '0').slice(0, 8);
  let digest = '';
  let h = fnv(salt + password);
  for (let i = 0; i < 11; i++) {
    h = fnv(h.toString(16) + password + i);
    digest += h.toString(36).padStart(7, '0').slice(0, 7);
  }
  return `$6$${salt}$${digest.slice(0, 86)}`;
}

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
