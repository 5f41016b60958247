/**
 * The SysV services the lab knows, with the values of their init scripts' `# chkconfig:` lines
 * (default runlevels, start and stop priority). The image builder and chkconfig both use this
 * table, so /etc/rc.d/rcN.d links are always made the same way.
 */
export interface ServiceInfo {
  name: string;
  /** Runlevels on by default ('-' = off everywhere), as in `# chkconfig: 2345 80 30`. */
  levels: string;
  start: number;
  stop: number;
  description: string;
}

export const SERVICE_CATALOG: Record<string, ServiceInfo> = {
  network: { name: 'network', levels: '2345', start: 10, stop: 90, description: 'Activates/Deactivates all network interfaces.' },
  iptables: { name: 'iptables', levels: '2345', start: 8, stop: 92, description: 'Starts, stops and saves iptables firewall' },
  ip6tables: { name: 'ip6tables', levels: '2345', start: 8, stop: 92, description: 'Starts, stops and saves ip6tables firewall' },
  rsyslog: { name: 'rsyslog', levels: '2345', start: 12, stop: 88, description: 'Enhanced system logging and kernel message trapping daemons' },
  syslog: { name: 'syslog', levels: '2345', start: 12, stop: 88, description: 'System logging and kernel message trapping daemons' },
  sshd: { name: 'sshd', levels: '2345', start: 55, stop: 25, description: 'OpenSSH server daemon' },
  crond: { name: 'crond', levels: '2345', start: 90, stop: 60, description: 'cron daemon' },
  postfix: { name: 'postfix', levels: '2345', start: 80, stop: 30, description: 'Postfix Mail Transport Agent' },
  sendmail: { name: 'sendmail', levels: '2345', start: 80, stop: 30, description: 'Sendmail Mail Transport Agent' },
  named: { name: 'named', levels: '-', start: 13, stop: 87, description: 'named (BIND) is a Domain Name Server (DNS)' },
  dovecot: { name: 'dovecot', levels: '-', start: 65, stop: 35, description: 'Dovecot Imap Server' },
  saslauthd: { name: 'saslauthd', levels: '-', start: 65, stop: 10, description: 'Cyrus SASL authentication daemon' },
  xinetd: { name: 'xinetd', levels: '345', start: 56, stop: 50, description: 'xinetd internet services daemon' },
};
