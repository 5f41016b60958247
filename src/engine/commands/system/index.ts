import type { Program } from '../../proc/program';
import { chkconfig } from './chkconfig';
import { initscript } from './initscript';
import { kill } from './kill';
import { pidof } from './pidof';
import { pgrep, pkill } from './pgrep';
import { ps } from './ps';
import { halt, poweroff, reboot } from './reboot';
import { service } from './service';
import { shutdown } from './shutdown';
import { runlevel, telinit } from './init';

/**
 * The system commands, by program id (the id in the executable's file; see proc/binary.ts).
 * The image installs /sbin/service, /sbin/chkconfig, /bin/ps, /bin/kill, /sbin/pidof,
 * /usr/bin/pgrep, /usr/bin/pkill,
 * /sbin/reboot, /sbin/halt, /sbin/poweroff, /sbin/shutdown, /sbin/init, /sbin/telinit,
 * /sbin/runlevel, and every /etc/rc.d/init.d/NAME as the program `initscript`.
 */
export const systemPrograms: Record<string, Program> = {
  service,
  chkconfig,
  ps,
  kill,
  pidof,
  pgrep,
  pkill,
  reboot,
  halt,
  poweroff,
  shutdown,
  init: telinit,
  telinit,
  runlevel,
  initscript,
};
