import type { PkgSpec, Release } from '../types';
import { basePackages } from './base';
import { mailPackages } from './mail';
import { netPackages } from './net';

const cache = new Map<Release, Map<string, PkgSpec>>();

/** Every package yum can find for a release (installed or not), by name. */
export function catalog(rel: Release): Map<string, PkgSpec> {
  let m = cache.get(rel);
  if (!m) {
    m = new Map();
    for (const p of [...basePackages(rel), ...netPackages(rel), ...mailPackages(rel)]) m.set(p.name, p);
    cache.set(rel, m);
  }
  return m;
}

/** The packages of each host's fresh install, in installation order. */
export const DEFAULT_INSTALL: Record<string, string[]> = {
  rhel1: [
    'setup', 'filesystem', 'basesystem', 'tzdata', 'glibc-common', 'glibc', 'bash', 'rootfiles', 'coreutils', 'chkconfig',
    'grep', 'sed', 'gawk', 'findutils', 'diffutils', 'less', 'util-linux-ng', 'procps', 'psmisc', 'sysvinit-tools',
    'upstart', 'initscripts', 'shadow-utils', 'pam', 'passwd', 'hostname', 'net-tools', 'iproute', 'iputils', 'which',
    'man', 'ncurses', 'file', 'tar', 'gzip', 'bzip2', 'vim-minimal', 'vim-common', 'vim-enhanced', 'nano', 'kernel',
    'python', 'rpm', 'yum', 'subscription-manager', 'PackageKit-yum-plugin', 'redhat-release-workstation', 'openssh',
    'openssh-clients', 'openssh-server', 'rsyslog', 'crontabs', 'cronie', 'logrotate', 'openssl', 'iptables',
    'iptables-ipv6', 'telnet', 'bind-libs', 'bind-utils', 'bind', 'postfix', 'gedit',
  ],
  rhel2: [
    'setup', 'filesystem', 'basesystem', 'tzdata', 'glibc-common', 'glibc', 'bash', 'rootfiles', 'coreutils', 'chkconfig',
    'grep', 'sed', 'gawk', 'findutils', 'diffutils', 'less', 'util-linux', 'procps', 'psmisc', 'SysVinit', 'initscripts',
    'shadow-utils', 'pam', 'passwd', 'net-tools', 'iproute', 'iputils', 'which', 'man', 'ncurses', 'file', 'tar', 'gzip',
    'bzip2', 'vim-minimal', 'vim-common', 'vim-enhanced', 'nano', 'kernel', 'python', 'rpm', 'yum', 'yum-rhn-plugin',
    'yum-security', 'redhat-release', 'openssh', 'openssh-clients', 'openssh-server', 'sysklogd', 'crontabs', 'vixie-cron',
    'logrotate', 'openssl', 'iptables', 'iptables-ipv6', 'telnet', 'procmail', 'm4', 'make', 'sendmail', 'sendmail-cf',
    'mailx', 'mutt', 'bind-libs', 'bind-utils',
  ],
};
