/**
 * The plug-in contract of SysV services.
 *
 * A service is whatever `/etc/rc.d/init.d/NAME` does. The file on disk is an "ELF" marker naming
 * the program `initscript` (see proc/binary.ts); running it (directly, through `service`, or from
 * rc at boot) looks the name up in the host's ServiceManager and calls the definition's `script`.
 * A service exists on a host exactly when that file exists.
 *
 * How to plug in a daemon (later issues do this for postfix, named, iptables, dovecot, sendmail):
 *
 *   import { registerService } from '../services/registry';
 *   import { postfixService } from '../services/scripts/postfix';
 *   registerService(postfixService(myPostfixControl));
 *
 * Each script module (services/scripts/*.ts) reproduces the real init script of RHEL 5/6 (its
 * messages, guards and exit statuses) and takes a small "control" object that stands for the
 * programs the script runs (`/usr/sbin/postfix start`, `/usr/sbin/named -u named`, `rndc stop`,
 * `iptables-restore` ...). The stand-in controls in scripts/*.ts start placeholder processes; a
 * real daemon passes its own control (or a whole ServiceDefinition) and keeps the script.
 * Registered definitions always win over the stand-ins, whatever the import order.
 */
import type { Host } from '../host/host';
import type { InitScript } from './initscript';

export interface ServiceDefinition {
  /** The init script's name: /etc/rc.d/init.d/NAME. */
  readonly name: string;
  /**
   * Runs the init script with its arguments (`start`, `stop`, `status`, ...) as the real script
   * does: output through `sc`, exit status returned. Bad or missing actions print the script's
   * usage. Must not throw on any input.
   */
  script(sc: InitScript, args: readonly string[]): Promise<number>;
  /** Whether the service is up now (its daemon alive, its rules loaded): boot and shutdown ask. */
  running(host: Host): boolean;
  /**
   * Shutdown or reboot: stop now, synchronously and without output, as rc's K scripts would
   * (daemons get SIGTERM and log their exit; pid and lock files go away).
   */
  halt(host: Host): void;
}
