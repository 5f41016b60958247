import type { Host } from '../host/host';

/** The host's RPM database (placeholder until the packages work lands). */
export class PackageDb {
  constructor(readonly host: Host) {}
}
