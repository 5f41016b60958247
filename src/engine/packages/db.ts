import type { Host } from '../host/host';
import { ROOT } from '../fs/vfs';
import { catalog } from './catalog/index';
import { installPackage, removeFiles, runPreun, type InstallEnv } from './install';
import { readRpmDb, writeRpmDb, type InstalledRecord } from './rpmdb';
import type { PkgSpec, Release } from './types';

export type { InstalledRecord } from './rpmdb';

/** An installed package: its database record and the catalogue entry of that build. */
export interface Installed {
  rec: InstalledRecord;
  spec: PkgSpec | undefined;
}

/**
 * The host's RPM database and the operations yum and rpm perform on it. The installed list
 * lives in /var/lib/rpm/Packages; payloads and metadata come from the catalogue.
 */
export class PackageDb {
  private cache: { key: string; recs: InstalledRecord[] } | null = null;
  private owners: { key: string; map: Map<string, string[]> } | null = null;

  constructor(readonly host: Host) {}

  get release(): Release {
    return this.host.profile.release;
  }

  /** Every package the repositories offer for this release. */
  catalog(): Map<string, PkgSpec> {
    return catalog(this.release);
  }

  private key(): string {
    const n = this.host.vfs.tryLookup('/var/lib/rpm/Packages', ROOT);
    return n ? `${n.ino}:${n.version}` : 'none';
  }

  /** Installed packages in database order (rpm -qa order). */
  records(): InstalledRecord[] {
    const key = this.key();
    if (!this.cache || this.cache.key !== key) this.cache = { key, recs: readRpmDb(this.host.vfs) };
    return this.cache.recs;
  }

  installed(): Installed[] {
    return this.records().map((rec) => ({ rec, spec: this.specFor(rec) }));
  }

  find(name: string): Installed | undefined {
    const rec = this.records().find((r) => r.name === name);
    return rec ? { rec, spec: this.specFor(rec) } : undefined;
  }

  isInstalled(name: string): boolean {
    return this.records().some((r) => r.name === name);
  }

  /** The catalogue entry describing an installed record. */
  specFor(rec: InstalledRecord): PkgSpec | undefined {
    return this.catalog().get(rec.name);
  }

  /** The packages owning a path (rpm -qf), in database order. */
  ownersOf(path: string): Installed[] {
    const key = this.key();
    if (!this.owners || this.owners.key !== key) {
      const map = new Map<string, string[]>();
      for (const { rec, spec } of this.installed()) {
        if (!spec) continue;
        for (const f of spec.files) {
          const list = map.get(f.path);
          if (list) {
            if (!list.includes(rec.name)) list.push(rec.name);
          } else map.set(f.path, [rec.name]);
        }
      }
      this.owners = { key, map };
    }
    const names = this.owners.map.get(path) ?? [];
    return names.map((n) => this.find(n)).filter((x): x is Installed => x !== undefined);
  }

  /** Installed packages that require `name`. */
  requiredBy(name: string): Installed[] {
    return this.installed().filter((i) => i.spec?.requires.includes(name));
  }

  installEnv(): InstallEnv {
    const host = this.host;
    return {
      vfs: host.vfs,
      release: this.release,
      hostname: host.hostname,
      nowSeconds: () => Math.floor(host.now() / 1000),
      random: () => host.rng.nextU32(),
    };
  }

  /** Installs one package: payload, scriptlets, database record. */
  install(spec: PkgSpec, repo: string): void {
    const env = this.installEnv();
    installPackage(env, spec);
    const recs = this.records().filter((r) => r.name !== spec.name);
    recs.push({ name: spec.name, epoch: spec.epoch, version: spec.version, release: spec.release, arch: spec.arch, installTime: env.nowSeconds(), repo });
    writeRpmDb(this.host.vfs, recs);
  }

  /** Removes one package (the caller stops its services first). Returns rpm's warnings. */
  erase(name: string): string[] {
    const found = this.find(name);
    if (!found) return [];
    const env = this.installEnv();
    const notes: string[] = [];
    if (found.spec) {
      runPreun(env, found.spec);
      const shared = new Set<string>();
      for (const other of this.installed()) {
        if (other.rec.name === name || !other.spec) continue;
        for (const f of other.spec.files) shared.add(f.path);
      }
      notes.push(...removeFiles(env, found.spec, shared));
    }
    writeRpmDb(
      this.host.vfs,
      this.records().filter((r) => r.name !== name),
    );
    return notes;
  }
}
