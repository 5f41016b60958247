import type { Host } from '../host/host';

/**
 * SysV services of a host (placeholder until the services work lands): the boot sequence and
 * the registry that daemons plug into.
 */
export class ServiceManager {
  constructor(readonly host: Host) {}

  /** Starts what chkconfig marks on for runlevel 3, as rc does at boot. */
  boot(): void {}

  /** Stops everything (shutdown, reboot). */
  shutdown(): void {}
}
