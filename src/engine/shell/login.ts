import type { Host } from '../host/host';
import type { Passwd } from '../users/accounts';

/** PATH as RHEL's /etc/profile and ~/.bash_profile leave it, for root and for other users. */
export function loginPath(host: Host, user: Passwd): string {
  if (host.profile.release === 'el6') {
    return user.uid === 0
      ? `/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:${user.home}/bin`
      : `/usr/local/bin:/bin:/usr/bin:/usr/local/sbin:/usr/sbin:/sbin:${user.home}/bin`;
  }
  return user.uid === 0
    ? `/usr/kerberos/sbin:/usr/kerberos/bin:/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:${user.home}/bin`
    : `/usr/kerberos/bin:/usr/local/bin:/bin:/usr/bin:${user.home}/bin`;
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
