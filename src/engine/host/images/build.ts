import { ROOT, Vfs, type Inode, type VfsSnapshot } from '../../fs/vfs';
import type { HostProfile } from '../profile';
import { hashPassword } from '../../users/accounts';
import { SeededRandom, hashString } from '../../util/rng';
import { catalog, DEFAULT_INSTALL } from '../../packages/catalog/index';
import { addSystemGroup, addSystemUser, installPackage, type InstallEnv } from '../../packages/install';
import { writeRpmDb, RPMDB_INDEXES, type InstalledRecord } from '../../packages/rpmdb';
import { applyChkconfigLinks } from '../../services/links';
import * as T from '../../packages/catalog/text-system';
import * as B from '../../packages/catalog/text-bind';
import type { SysGroup, SysUser } from '../../packages/types';

/** When each host was installed (local time America/Denver, MDT = UTC-6). */
const INSTALL_START: Record<string, number> = {
  rhel1: Date.UTC(2014, 3, 19, 16, 2, 11),
  rhel2: Date.UTC(2014, 3, 19, 16, 47, 30),
};

/** Accounts of packages the lab does not model, created during the install as on a real host. */
const OTHER_ACCOUNTS_EL6: { g: SysGroup; u?: SysUser }[] = [
  { g: { name: 'dbus', gid: 81 }, u: { name: 'dbus', uid: 81, group: 'dbus', gecos: 'System message bus', home: '/', shell: '/sbin/nologin' } },
  { g: { name: 'vcsa', gid: 69 }, u: { name: 'vcsa', uid: 69, group: 'vcsa', gecos: 'virtual console memory owner', home: '/dev', shell: '/sbin/nologin' } },
  { g: { name: 'rpc', gid: 32 }, u: { name: 'rpc', uid: 32, group: 'rpc', gecos: 'Rpcbind Daemon', home: '/var/cache/rpcbind', shell: '/sbin/nologin' } },
  { g: { name: 'abrt', gid: 173 }, u: { name: 'abrt', uid: 173, group: 'abrt', gecos: '', home: '/etc/abrt', shell: '/sbin/nologin' } },
  { g: { name: 'haldaemon', gid: 68 }, u: { name: 'haldaemon', uid: 68, group: 'haldaemon', gecos: 'HAL daemon', home: '/', shell: '/sbin/nologin' } },
  { g: { name: 'ntp', gid: 38 }, u: { name: 'ntp', uid: 38, group: 'ntp', gecos: '', home: '/etc/ntp', shell: '/sbin/nologin' } },
  { g: { name: 'saslauth', gid: 499 }, u: { name: 'saslauth', uid: 499, group: 'saslauth', gecos: '"Saslauthd user"', home: '/var/empty/saslauth', shell: '/sbin/nologin' } },
  { g: { name: 'rpcuser', gid: 29 }, u: { name: 'rpcuser', uid: 29, group: 'rpcuser', gecos: 'RPC Service User', home: '/var/lib/nfs', shell: '/sbin/nologin' } },
  { g: { name: 'nfsnobody', gid: 65534 }, u: { name: 'nfsnobody', uid: 65534, group: 'nfsnobody', gecos: 'Anonymous NFS User', home: '/var/lib/nfs', shell: '/sbin/nologin' } },
  { g: { name: 'tcpdump', gid: 72 }, u: { name: 'tcpdump', uid: 72, group: 'tcpdump', gecos: '', home: '/', shell: '/sbin/nologin' } },
];

const OTHER_ACCOUNTS_EL5: { g: SysGroup; u?: SysUser }[] = [
  { g: { name: 'rpm', gid: 37 }, u: { name: 'rpm', uid: 37, group: 'rpm', gecos: '', home: '/var/lib/rpm', shell: '/sbin/nologin' } },
  { g: { name: 'dbus', gid: 81 }, u: { name: 'dbus', uid: 81, group: 'dbus', gecos: 'System message bus', home: '/', shell: '/sbin/nologin' } },
  { g: { name: 'avahi', gid: 70 }, u: { name: 'avahi', uid: 70, group: 'avahi', gecos: 'Avahi daemon', home: '/', shell: '/sbin/nologin' } },
  { g: { name: 'nscd', gid: 28 }, u: { name: 'nscd', uid: 28, group: 'nscd', gecos: 'NSCD Daemon', home: '/', shell: '/sbin/nologin' } },
  { g: { name: 'vcsa', gid: 69 }, u: { name: 'vcsa', uid: 69, group: 'vcsa', gecos: 'virtual console memory owner', home: '/dev', shell: '/sbin/nologin' } },
  { g: { name: 'rpc', gid: 32 }, u: { name: 'rpc', uid: 32, group: 'rpc', gecos: 'Portmapper RPC user', home: '/', shell: '/sbin/nologin' } },
  { g: { name: 'rpcuser', gid: 29 }, u: { name: 'rpcuser', uid: 29, group: 'rpcuser', gecos: 'RPC Service User', home: '/var/lib/nfs', shell: '/sbin/nologin' } },
  { g: { name: 'nfsnobody', gid: 65534 }, u: { name: 'nfsnobody', uid: 65534, group: 'nfsnobody', gecos: 'Anonymous NFS User', home: '/var/lib/nfs', shell: '/sbin/nologin' } },
  { g: { name: 'pcap', gid: 77 }, u: { name: 'pcap', uid: 77, group: 'pcap', gecos: '', home: '/var/arpwatch', shell: '/sbin/nologin' } },
  { g: { name: 'haldaemon', gid: 68 }, u: { name: 'haldaemon', uid: 68, group: 'haldaemon', gecos: 'HAL daemon', home: '/', shell: '/sbin/nologin' } },
  { g: { name: 'xfs', gid: 43 }, u: { name: 'xfs', uid: 43, group: 'xfs', gecos: 'X Font Server', home: '/etc/X11/fonts', shell: '/sbin/nologin' } },
];

const ANACONDA_REPO: Record<string, string> = {
  el6: 'anaconda-RedHatEnterpriseLinux-201105101844.i386/6.1',
  el5: 'installed',
};

/** The filesystem of a freshly installed host, built by installing its packages. */
export function buildImage(profile: HostProfile): VfsSnapshot {
  const rel = profile.release;
  let clock = INSTALL_START[profile.name] ?? Date.UTC(2014, 3, 19, 16, 0, 0);
  const vfs = new Vfs(() => clock);
  const rng = new SeededRandom(hashString('image:' + profile.name));
  const env: InstallEnv = {
    vfs,
    release: rel,
    hostname: profile.fqdn,
    nowSeconds: () => Math.floor(clock / 1000),
    random: () => rng.nextU32(),
  };
  const pkgs = catalog(rel);
  const records: InstalledRecord[] = [];
  const tick = (ms: number) => {
    clock += ms;
  };

  for (const name of DEFAULT_INSTALL[profile.name] ?? []) {
    const spec = pkgs.get(name);
    if (!spec) continue;
    tick(400 + (hashString(name) % 2600));
    installPackage(env, spec);
    records.push({ name: spec.name, epoch: spec.epoch, version: spec.version, release: spec.release, arch: spec.arch, installTime: Math.floor(clock / 1000), repo: ANACONDA_REPO[rel] ?? 'installed' });
    if (name === 'setup') {
      for (const { g, u } of rel === 'el6' ? OTHER_ACCOUNTS_EL6 : OTHER_ACCOUNTS_EL5) {
        addSystemGroup(env, g);
        if (u) addSystemUser(env, u);
      }
    }
  }
  writeRpmDb(vfs, records);
  const file = fileWriter(vfs);
  for (const idx of RPMDB_INDEXES) file(`/var/lib/rpm/${idx}`, '', 0o644);

  // ---- what the installer and first boot write ----------------------------------------------
  tick(60_000);
  file('/etc/hosts', T.etcHosts(), 0o644);
  file('/etc/resolv.conf', T.RESOLV_CONF, 0o644);
  file('/etc/sysconfig/network', T.sysconfigNetwork(profile.fqdn, rel), 0o644);
  const mac = rel === 'el6' ? '00:0C:29:3A:5E:11' : '00:0C:29:7B:21:C4';
  file('/etc/sysconfig/network-scripts/ifcfg-eth0', T.ifcfgEth0(profile.address, profile.netmask, rel, mac), 0o644);
  file('/etc/sysconfig/clock', T.SYSCONFIG_CLOCK, 0o644);
  file('/etc/sysconfig/i18n', T.sysconfigI18n(rel), 0o644);
  file('/etc/sysconfig/keyboard', T.SYSCONFIG_KEYBOARD, 0o644);
  file('/etc/fstab', T.fstab(rel), 0o644);
  file('/etc/sysconfig/iptables', rel === 'el6' ? T.SYSCONFIG_IPTABLES_EL6 : T.SYSCONFIG_IPTABLES_EL5, 0o600);
  file('/etc/sysconfig/ip6tables', '# IPv6 firewall rules (iptables-save format).\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT\n-A INPUT -p ipv6-icmp -j ACCEPT\n-A INPUT -i lo -j ACCEPT\n-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp6-adm-prohibited\n-A FORWARD -j REJECT --reject-with icmp6-adm-prohibited\nCOMMIT\n', 0o600);
  file('/etc/adjtime', '0.0 0 0.0\n0\nLOCAL\n', 0o644);
  file('/etc/mtab', '', 0o644);
  mkdirs(vfs, ['/var/lock/subsys', '/var/run/console', '/dev/pts', '/dev/shm', '/etc/sysconfig/network-scripts']);
  for (const [dev, mode] of [['null', 0o666], ['zero', 0o666], ['tty', 0o666], ['random', 0o666], ['urandom', 0o666], ['console', 0o600], ['tty1', 0o620]] as const) {
    file(`/dev/${dev}`, '', mode);
  }
  for (const log of ['messages', 'secure', 'maillog', 'cron', 'spooler', 'boot.log']) file(`/var/log/${log}`, '', 0o600);
  file('/var/log/wtmp', '', 0o664, 0, groupId(vfs, 'utmp'));
  file('/var/log/lastlog', '', 0o644);
  file('/var/log/dmesg', `Linux version ${profile.kernel} (mockbuild@${rel === 'el6' ? 'x86-003.build.bos.redhat.com' : 'hs20-bc1-5.build.redhat.com'})\n`, 0o644);
  file('/var/log/yum.log', '', 0o600);
  file('/var/run/utmp', '', 0o664, 0, groupId(vfs, 'utmp'));

  // root's password and the lab's two users (useradd with the defaults of login.defs).
  setShadowHash(vfs, 'root', hashPassword('root', 'password'), 16179);
  file('/root/anaconda-ks.cfg', anacondaKs(profile), 0o600);
  file('/root/install.log', records.map((r) => `Installing ${r.name}-${r.epoch ? r.epoch + ':' : ''}${r.version}-${r.release}.${r.arch}`).join('\n') + '\n', 0o644);
  file('/root/install.log.syslog', '', 0o644);

  tick(35 * 60_000);
  for (const [name, uid] of [['user1', 500], ['user2', 501]] as const) {
    tick(20_000);
    addUser(vfs, rel, name, uid);
  }

  // ---- the lab's own configuration -----------------------------------------------------------
  tick(20 * 60_000);
  if (profile.name === 'rhel1') {
    const named = groupId(vfs, 'named');
    file('/etc/named.conf', B.NAMED_CONF_LAB, 0o640, 0, named);
    file('/var/named/local.com.zone', B.LOCAL_COM_ZONE, 0o640, 0, named);
    file('/var/named/192.168.2.zone', B.REVERSE_ZONE, 0o640, 0, named);
    applyChkconfigLinks(vfs, 'named', '2345');
  }
  tick(5 * 60_000);

  return vfs.snapshot();
}

function fileWriter(vfs: Vfs) {
  return (path: string, data: string, mode: number, uid = 0, gid = 0): Inode => {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    mkdirs(vfs, [parent]);
    const node = vfs.writeFile(path, ROOT, data, { umask: 0 });
    vfs.chown(path, ROOT, uid, gid);
    vfs.chmod(path, ROOT, mode);
    return node;
  };
}

function mkdirs(vfs: Vfs, paths: string[]): void {
  for (const p of paths) {
    let cur = '';
    for (const part of p.split('/').filter(Boolean)) {
      cur += '/' + part;
      if (!vfs.tryLookup(cur, ROOT)) vfs.mkdir(cur, ROOT, 0o755, 0);
    }
  }
}

function readText(vfs: Vfs, path: string): string {
  const n = vfs.tryLookup(path, ROOT);
  return n && n.type === 'file' ? n.data : '';
}

function groupId(vfs: Vfs, name: string): number {
  for (const line of readText(vfs, '/etc/group').split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f[2]) return Number(f[2]);
  }
  return 0;
}

function setShadowHash(vfs: Vfs, user: string, hash: string, day: number): void {
  const lines = readText(vfs, '/etc/shadow').split('\n');
  const out = lines.map((l) => {
    const f = l.split(':');
    if (f[0] !== user) return l;
    return `${user}:${hash}:${day}:0:99999:7:::`;
  });
  vfs.writeFile('/etc/shadow', ROOT, out.join('\n'));
}

function append(vfs: Vfs, path: string, line: string): void {
  const old = readText(vfs, path);
  vfs.writeFile(path, ROOT, old + (old === '' || old.endsWith('\n') ? '' : '\n') + line + '\n');
}

/** useradd NAME as RHEL does it: private group, home from /etc/skel, mail spool. */
function addUser(vfs: Vfs, rel: string, name: string, uid: number): void {
  append(vfs, '/etc/group', `${name}:x:${uid}:`);
  append(vfs, '/etc/gshadow', `${name}:!::`);
  append(vfs, '/etc/passwd', `${name}:x:${uid}:${uid}::/home/${name}:/bin/bash`);
  append(vfs, '/etc/shadow', `${name}:${hashPassword(name, 'password')}:16179:0:99999:7:::`);
  const home = `/home/${name}`;
  vfs.mkdir(home, ROOT, 0o700, 0);
  vfs.chown(home, ROOT, uid, uid);
  vfs.chmod(home, ROOT, 0o700);
  const skel = vfs.lookup('/etc/skel', ROOT);
  for (const [entry, node] of skel.entries ?? []) {
    if (node.type !== 'file') continue;
    const p = `${home}/${entry}`;
    vfs.writeFile(p, ROOT, node.data, { umask: 0 });
    vfs.chown(p, ROOT, uid, uid);
    vfs.chmod(p, ROOT, node.mode);
  }
  if (rel === 'el6') {
    const mozilla = `${home}/.mozilla`;
    for (const d of [mozilla, `${mozilla}/extensions`, `${mozilla}/plugins`]) {
      vfs.mkdir(d, ROOT, 0o755, 0);
      vfs.chown(d, ROOT, uid, uid);
    }
  }
  const spool = `/var/spool/mail/${name}`;
  vfs.writeFile(spool, ROOT, '', { umask: 0 });
  vfs.chown(spool, ROOT, uid, groupId(vfs, 'mail'));
  vfs.chmod(spool, ROOT, 0o660);
}

function anacondaKs(profile: HostProfile): string {
  const el6 = profile.release === 'el6';
  return `# Kickstart file automatically generated by anaconda.

#version=${el6 ? 'RHEL6' : 'RHEL5'}
install
cdrom
lang en_US.UTF-8
keyboard us
network --onboot yes --device eth0 --bootproto static --ip ${profile.address} --netmask ${profile.netmask} --nameserver 192.168.2.2 --hostname ${profile.fqdn}
rootpw  --iscrypted ${hashPassword('root', 'password')}
firewall --service=ssh
authconfig --enableshadow --passalgo=${el6 ? 'sha512' : 'md5'}
selinux --disabled
timezone America/Denver
bootloader --location=mbr --driveorder=sda --append="rhgb quiet"

%packages
@base
@core
${el6 ? '%end\n' : ''}`;
}
