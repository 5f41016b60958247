import type { Host } from '../host/host';
import type { Passwd } from '../users/accounts';

/** PATH as login and /etc/profile leave it (~/.bash_profile then appends $HOME/bin). */
export function loginPath(host: Host, user: Passwd): string {
  if (host.profile.release === 'el6') {
    return user.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin' : '/usr/local/bin:/bin:/usr/bin:/usr/local/sbin:/usr/sbin:/sbin';
  }
  return user.uid === 0
    ? '/usr/kerberos/sbin:/usr/kerberos/bin:/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin'
    : '/usr/kerberos/bin:/usr/local/bin:/bin:/usr/bin';
}

/** The environment a login shell starts with (login(1) plus /etc/profile). */
export function loginEnvironment(host: Host, user: Passwd): Record<string, string> {
  return {
    HOSTNAME: host.hostname,
    TERM: 'xterm',
    SHELL: user.shell || '/bin/bash',
    HISTSIZE: '1000',
    USER: user.name,
    MAIL: `/var/spool/mail/${user.name}`,
    PATH: loginPath(host, user),
    PWD: user.home,
    LANG: 'en_US.UTF-8',
    HOME: user.home,
    LOGNAME: user.name,
    G_BROKEN_FILENAMES: '1',
  };
}
