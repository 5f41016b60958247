/**
 * The RPM database as the lab keeps it: /var/lib/rpm/Packages holds one JSON record per
 * installed package (in installation order, which is also `rpm -qa` order). Being a file, it
 * survives reboots and lab snapshots; the file lists come from the catalogue.
 */
import { ROOT, type Vfs } from '../fs/vfs';

export const RPMDB_DIR = '/var/lib/rpm';
export const RPMDB_PATH = '/var/lib/rpm/Packages';
const HEADER = 'mail-lab rpmdb 1';

export interface InstalledRecord {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  /** Seconds since the epoch. */
  installTime: number;
  /** yum's from_repo: the repository it came from ('anaconda' for the installer). */
  repo: string;
}

export function parseRpmDb(text: string): InstalledRecord[] {
  const out: InstalledRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const r = JSON.parse(line) as Partial<InstalledRecord>;
      if (typeof r.name !== 'string' || typeof r.version !== 'string' || typeof r.release !== 'string') continue;
      out.push({
        name: r.name,
        epoch: typeof r.epoch === 'number' ? r.epoch : 0,
        version: r.version,
        release: r.release,
        arch: typeof r.arch === 'string' ? r.arch : 'i686',
        installTime: typeof r.installTime === 'number' ? r.installTime : 0,
        repo: typeof r.repo === 'string' ? r.repo : 'installed',
      });
    } catch {
      // a damaged record is skipped, as rpm --rebuilddb would
    }
  }
  return out;
}

export function formatRpmDb(recs: InstalledRecord[]): string {
  return HEADER + '\n' + recs.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

export function readRpmDb(vfs: Vfs): InstalledRecord[] {
  const n = vfs.tryLookup(RPMDB_PATH, ROOT);
  return n && n.type === 'file' ? parseRpmDb(n.data) : [];
}

export function writeRpmDb(vfs: Vfs, recs: InstalledRecord[]): void {
  if (!vfs.tryLookup(RPMDB_DIR, ROOT)) vfs.mkdir(RPMDB_DIR, ROOT, 0o755, 0);
  vfs.writeFile(RPMDB_PATH, ROOT, formatRpmDb(recs), { umask: 0o022 });
}

/** The index files a real /var/lib/rpm has next to Packages (for ls; the lab reads Packages). */
export const RPMDB_INDEXES = ['Basenames', 'Conflictname', 'Dirnames', 'Filedigests', 'Group', 'Installtid', 'Name', 'Obsoletename', 'Providename', 'Requirename', 'Sha1header', 'Sigmd5', 'Triggername'];
