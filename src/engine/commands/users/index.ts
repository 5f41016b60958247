import type { Program } from '../../proc/program';
import { clear } from './clear';
import { date } from './date';
import { env } from './env';
import { falseProgram } from './false';
import { groupadd } from './groupadd';
import { groupdel } from './groupdel';
import { groups } from './groups';
import { hostname } from './hostname';
import { id } from './id';
import { last } from './last';
import { logger } from './logger';
import { apropos, man, whatis } from './man';
import { nologin } from './nologin';
import { printenv } from './printenv';
import { passwd } from './passwd';
import { sleep } from './sleep';
import { su } from './su';
import { trueProgram } from './true';
import { uname } from './uname';
import { logname, uptime, users } from './users';
import { useradd } from './useradd';
import { userdel } from './userdel';
import { usermod } from './usermod';
import { w } from './w';
import { which } from './which';
import { who } from './who';
import { whoami } from './whoami';

/**
 * The users commands, by program id (the command's name). hostname also answers as
 * dnsdomainname and (nis|yp)domainname through symlinks; adduser is useradd.
 */
export const userPrograms: Record<string, Program> = {
  adduser: useradd,
  apropos,
  clear,
  date,
  env,
  false: falseProgram,
  groupadd,
  groupdel,
  groups,
  hostname,
  id,
  last,
  logger,
  logname,
  man,
  nologin,
  passwd,
  printenv,
  sleep,
  su,
  true: trueProgram,
  uname,
  uptime,
  useradd,
  userdel,
  usermod,
  users,
  w,
  whatis,
  which,
  who,
  whoami,
};
