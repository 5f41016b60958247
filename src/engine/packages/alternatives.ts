/**
 * The alternatives system (chkconfig's alternatives.c): state files in /var/lib/alternatives,
 * links in /etc/alternatives. The algorithms follow the C code so that the state file and the
 * links come out exactly as on RHEL.
 */
import type { FsView } from '../fs/fsview';
import { FsError } from '../fs/errors';
import type { AltInstall } from './types';

export const ALT_DIR = '/etc/alternatives';
export const ADMIN_DIR = '/var/lib/alternatives';

export interface LinkSet {
  facility: string;
  title: string;
  target: string | null;
}

export interface Alternative {
  priority: number;
  master: LinkSet;
  slaves: LinkSet[];
  initscript: string | null;
}

export interface AltSet {
  mode: 'auto' | 'manual';
  alts: Alternative[];
  best: number;
  current: number;
  currentLink: string;
}

export type ReadResult = { ok: true; set: AltSet } | { ok: false; code: 1 | 2 | 3; errors: string[] };

/** readConfig(): 0 ok, 1 bad file, 2 link unreadable, 3 no such alternative. */
export function readConfig(fs: FsView, title: string, altDir = ALT_DIR, stateDir = ADMIN_DIR): ReadResult {
  const path = `${stateDir}/${title}`;
  let text: string;
  try {
    text = fs.readFile(path);
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return { ok: false, code: 3, errors: [] };
    return { ok: false, code: 1, errors: [`failed to open ${path}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const fail = (msg: string): ReadResult => ({ ok: false, code: 1, errors: [msg] });
  let pos = 0;
  const next = (): string | null => {
    if (pos >= text.length) return null;
    const nl = text.indexOf('\n', pos);
    const raw = nl < 0 ? text.slice(pos) : text.slice(pos, nl);
    pos = nl < 0 ? text.length : nl + 1;
    return raw.replace(/^\s+/, '');
  };
  let line = next();
  if (line === null) return fail(`${path} empty!`);
  let mode: 'auto' | 'manual';
  if (line === 'auto') mode = 'auto';
  else if (line === 'manual') mode = 'manual';
  else return fail(`bad mode on line 1 of ${path}`);
  line = next();
  if (line === null || !line.startsWith('/')) return fail(`bad primary link in ${path}`);
  const groups: { title: string; facility: string }[] = [{ title, facility: line }];
  line = next();
  while (line !== null && line !== '') {
    if (line.startsWith('/')) return fail(`path ${line} unexpected in ${path}`);
    const gTitle = line;
    line = next();
    if (line === null || line === '') return fail(`missing path for slave ${line ?? '(null)'} in ${path}`);
    groups.push({ title: gTitle, facility: line });
    line = next();
  }
  if (line === null) return fail(`unexpected end of file in ${path}`);
  const alts: Alternative[] = [];
  let best = 0;
  line = next();
  while (line !== null && line !== '') {
    if (!line.startsWith('/')) return { ok: false, code: 1, errors: [`path to alternate expected in ${path}`, `unexpected line in ${path}: ${line}`] };
    const target = line;
    const prLine = next() ?? '';
    const m = /^([+-]?(?:0[xX][0-9a-fA-F]+|\d+))(.*)$/.exec(prLine);
    if (!m) return { ok: false, code: 1, errors: [`numeric priority expected in ${path}`, `unexpected line in ${path}: ${prLine}`] };
    const priority = Number.parseInt(m[1]!, m[1]!.toLowerCase().includes('0x') ? 16 : 10);
    const rest = m[2]!.trim();
    let initscript: string | null = null;
    if (rest !== '' && fs.exists(`/etc/init.d/${rest}`)) initscript = rest;
    const slaves: LinkSet[] = [];
    for (let i = 1; i < groups.length; i++) {
      const s = next();
      if (s !== null && s !== '' && !s.startsWith('/')) return { ok: false, code: 1, errors: [`slave path expected in ${path}`, `unexpected line in ${path}: ${s}`] };
      slaves.push({ title: groups[i]!.title, facility: groups[i]!.facility, target: s !== null && s !== '' ? s : null });
    }
    alts.push({ priority, master: { facility: groups[0]!.facility, title, target }, slaves, initscript });
    if (priority > alts[best]!.priority) best = alts.length - 1;
    line = next();
  }
  while (line !== null) {
    line = next();
    if (line !== null && line !== '') return fail(`unexpected line in ${path}: ${line}`);
  }
  if (alts.length === 0) return fail(`${path} empty!`);
  let link: string;
  try {
    link = fs.readlink(`${altDir}/${title}`);
  } catch (e) {
    return { ok: false, code: 2, errors: [`failed to read link ${groups[0]!.facility}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let current = alts.findIndex((a) => a.master.target === link);
  if (current < 0) mode = 'manual';
  else if (current !== best && mode === 'auto') mode = 'manual';
  if (current < 0) current = -1;
  return { ok: true, set: { mode, alts, best, current, currentLink: link } };
}

function isLinkOrMissing(fs: FsView, path: string): boolean {
  const st = fs.tryLstat(path);
  return st === null || st.type === 'symlink';
}

function removeLinks(fs: FsView, l: LinkSet, altDir: string, errors: string[]): boolean {
  const sl = `${altDir}/${l.title}`;
  for (const p of [sl, l.facility]) {
    const st = fs.tryLstat(p);
    if (st && st.type === 'symlink') {
      try {
        fs.unlink(p);
      } catch (e) {
        errors.push(`failed to remove link ${p}: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
    }
  }
  return true;
}

function makeLinks(fs: FsView, l: LinkSet, altDir: string, errors: string[]): boolean {
  const sl = `${altDir}/${l.title}`;
  if (isLinkOrMissing(fs, l.facility)) {
    try {
      if (fs.tryLstat(l.facility)) fs.unlink(l.facility);
      fs.symlink(sl, l.facility);
    } catch (e) {
      errors.push(`failed to link ${l.facility} -> ${sl}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }
  try {
    if (fs.tryLstat(sl)) fs.unlink(sl);
  } catch (e) {
    errors.push(`failed to remove link ${sl}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  try {
    fs.symlink(l.target ?? '', sl);
  } catch (e) {
    errors.push(`failed to link ${sl} -> ${l.target}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  return true;
}

/** The state file text writeState() produces. */
export function stateText(set: AltSet): string {
  const a0 = set.alts[0]!;
  let out = `${set.mode}\n${a0.master.facility}\n`;
  for (const s of a0.slaves) out += `${s.title}\n${s.facility}\n`;
  out += '\n';
  for (const a of set.alts) {
    out += `${a.master.target}\n`;
    out += a.initscript ? `${a.priority} ${a.initscript}\n` : `${a.priority}\n`;
    for (const s of a.slaves) out += `${s.target ?? ''}\n`;
  }
  return out;
}

/** writeState(): the state file, then the links when forced or in auto mode. */
export function writeState(fs: FsView, set: AltSet, forceLinks: boolean, altDir = ALT_DIR, stateDir = ADMIN_DIR): { ok: boolean; errors: string[] } {
  const errors: string[] = [];
  const title = set.alts[0]!.master.title;
  const path = `${stateDir}/${title}.new`;
  const path2 = `${stateDir}/${title}`;
  try {
    fs.writeFile(path, stateText(set), { exclusive: true, mode: 0o644 });
  } catch (e) {
    if (e instanceof FsError && e.code === 'EEXIST') errors.push(`${path} already exists`);
    else errors.push(`failed to create ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, errors };
  }
  try {
    fs.rename(path, path2);
  } catch (e) {
    errors.push(`failed to replace ${path2} with ${path}: ${e instanceof Error ? e.message : String(e)}`);
    try {
      fs.unlink(path);
    } catch {
      // ignore
    }
    return { ok: false, errors };
  }
  if (set.mode === 'auto') set.current = set.best;
  const alt = set.alts[set.current > 0 ? set.current : 0]!;
  let ok = true;
  if (forceLinks || set.mode === 'auto') {
    ok = makeLinks(fs, alt.master, altDir, errors) && ok;
    for (const s of alt.slaves) ok = (s.target ? makeLinks(fs, s, altDir, errors) : removeLinks(fs, s, altDir, errors)) && ok;
  }
  return { ok, errors };
}

/** alternatives --install (addService). */
export function altInstall(fs: FsView, inst: AltInstall, altDir = ALT_DIR, stateDir = ADMIN_DIR): { code: number; errors: string[] } {
  const newAlt: Alternative = {
    priority: inst.priority,
    master: { facility: inst.link, title: inst.name, target: inst.path },
    slaves: inst.slaves.map((s) => ({ facility: s.link, title: s.name, target: s.path })),
    initscript: inst.initscript ?? null,
  };
  const r = readConfig(fs, inst.name, altDir, stateDir);
  if (!r.ok && r.code !== 3 && r.code !== 2) return { code: 2, errors: r.errors };
  let set: AltSet;
  if (r.ok) {
    set = r.set;
    if (newAlt.master.facility !== set.alts[0]!.master.facility) {
      return { code: 2, errors: [`the primary link for ${set.alts[0]!.master.title} must be ${set.alts[0]!.master.facility}`] };
    }
    const base: LinkSet[] = set.alts[0]!.slaves.map((s) => ({ ...s }));
    for (const s of newAlt.slaves) {
      if (!base.some((b) => b.facility === s.facility)) base.push({ facility: s.facility, title: s.title, target: null });
    }
    const idx = set.alts.findIndex((a) => a.master.target === newAlt.master.target);
    if (idx >= 0) {
      set.alts[idx] = newAlt;
      // Drop slaves no alternative provides any more.
      for (let i = 0; i < base.length; ) {
        const provided = set.alts.some((a) => a.slaves.some((s) => s.title === base[i]!.title && s.target));
        if (provided) i++;
        else {
          removeLinks(fs, base[i]!, altDir, []);
          base.splice(i, 1);
        }
      }
    } else {
      set.alts.push(newAlt);
      if (set.alts[set.best]!.priority < newAlt.priority) set.best = set.alts.length - 1;
    }
    base.sort((a, b) => (a.facility < b.facility ? -1 : a.facility > b.facility ? 1 : 0));
    for (const a of set.alts) {
      const links: LinkSet[] = [];
      for (const b of base) {
        const hit = a.slaves.find((s) => s.title === b.title);
        if (hit) {
          if (hit.facility !== b.facility) {
            return { code: 2, errors: [`link ${hit.facility} incorrect for slave ${hit.title} (${b.facility} ${b.title})`] };
          }
          links.push(hit);
        } else links.push({ title: b.title, facility: b.facility, target: null });
      }
      a.slaves = links;
    }
  } else {
    set = { mode: 'auto', alts: [newAlt], best: 0, current: -1, currentLink: '' };
  }
  const w = writeState(fs, set, false, altDir, stateDir);
  return { code: w.ok ? 0 : 2, errors: w.errors };
}

/** alternatives --remove (removeService). */
export function altRemove(fs: FsView, title: string, target: string, altDir = ALT_DIR, stateDir = ADMIN_DIR): { code: number; errors: string[] } {
  const r = readConfig(fs, title, altDir, stateDir);
  if (!r.ok) return { code: 2, errors: r.errors };
  const set = r.set;
  const i = set.alts.findIndex((a) => a.master.target === target);
  if (i < 0) return { code: 2, errors: [`${target} has not been configured as an alternative for ${title}`] };
  if (set.alts.length === 1) {
    const errors: string[] = [];
    let ok = removeLinks(fs, set.alts[0]!.master, altDir, errors);
    for (const s of set.alts[0]!.slaves) ok = removeLinks(fs, s, altDir, errors) && ok;
    try {
      fs.unlink(`${stateDir}/${title}`);
    } catch (e) {
      errors.push(`failed to remove ${stateDir}/${title}: ${e instanceof Error ? e.message : String(e)}`);
      ok = false;
    }
    return { code: ok ? 0 : 2, errors };
  }
  if (set.current === i) set.current = -1;
  set.alts[i] = set.alts[set.alts.length - 1]!;
  if (set.current === set.alts.length - 1) set.current = i;
  set.alts.pop();
  set.best = 0;
  for (let k = 0; k < set.alts.length; k++) if (set.alts[k]!.priority > set.alts[set.best]!.priority) set.best = k;
  if (set.current === -1) {
    set.mode = 'auto';
    set.current = set.best;
  }
  const w = writeState(fs, set, false, altDir, stateDir);
  return { code: w.ok ? 0 : 2, errors: w.errors };
}
