/** What differs between the lab's two machines: OS release, versions, names and addresses. */
export interface HostProfile {
  /** Short host name: rhel1, rhel2. */
  name: string;
  fqdn: string;
  /** eth0's address. */
  address: string;
  netmask: string;
  /** 'el6' for RHEL 6.1, 'el5' for RHEL 5.4: picks messages that changed between the two. */
  release: 'el6' | 'el5';
  redhatRelease: string;
  kernel: string;
  arch: 'i686';
  /** Where PIDs start after boot, so the two hosts do not look alike. */
  firstPid: number;
  /** The pid the console's login shell gets at boot. */
  consolePid: number;
}

export const RHEL1: HostProfile = {
  name: 'rhel1',
  fqdn: 'rhel1.local.com',
  address: '192.168.2.2',
  netmask: '255.255.255.0',
  release: 'el6',
  redhatRelease: 'Red Hat Enterprise Linux Workstation release 6.1 (Santiago)',
  kernel: '2.6.32-131.0.15.el6.i686',
  arch: 'i686',
  firstPid: 1010,
  consolePid: 2380,
};

export const RHEL2: HostProfile = {
  name: 'rhel2',
  fqdn: 'rhel2.local.com',
  address: '192.168.2.3',
  netmask: '255.255.255.0',
  release: 'el5',
  redhatRelease: 'Red Hat Enterprise Linux Server release 5.4 (Tikanga)',
  kernel: '2.6.18-164.el5',
  arch: 'i686',
  firstPid: 1890,
  consolePid: 3105,
};
