/**
 * Test helpers for services: a lab whose hosts have the init scripts, rc links and programs the
 * services need (the base image is still a placeholder), and a runner that lets simulated time
 * pass while a program sleeps (named's stop polls every 2 seconds).
 */
import { Lab } from '../../src/engine/lab';
import type { Host } from '../../src/engine/host/host';
import { CollectOutput } from '../../src/engine/io/streams';
import { getProgram } from '../../src/engine/commands/registry';
import { loginEnvironment } from '../../src/engine/shell/login';
import { programFile } from '../../src/engine/proc/binary';
import { ROOT, type Vfs } from '../../src/engine/fs/vfs';
import { applyChkconfigLinks } from '../../src/engine/services/links';

function mkdirp(vfs: Vfs, path: string, mode = 0o755): void {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += '/' + part;
    if (!vfs.tryLookup(cur, ROOT, false)) vfs.mkdir(cur, ROOT, mode, 0);
  }
}

export function writeFile(vfs: Vfs, path: string, data: string, mode = 0o644): void {
  mkdirp(vfs, path.slice(0, path.lastIndexOf('/')) || '/');
  vfs.writeFile(path, ROOT, data, { umask: 0 });
  vfs.chmod(path, ROOT, mode);
}

function program(vfs: Vfs, path: string, id: string): void {
  writeFile(vfs, path, programFile(id), 0o755);
}

const SYSTEM_PROGRAMS: Record<string, string> = {
  '/sbin/service': 'service',
  '/sbin/chkconfig': 'chkconfig',
  '/bin/ps': 'ps',
  '/bin/kill': 'kill',
  '/sbin/pidof': 'pidof',
  '/sbin/reboot': 'reboot',
  '/sbin/halt': 'halt',
  '/sbin/poweroff': 'poweroff',
  '/sbin/shutdown': 'shutdown',
  '/sbin/init': 'init',
  '/sbin/telinit': 'telinit',
  '/sbin/runlevel': 'runlevel',
};

/** What each service's script checks for before it starts anything. */
const NEEDS: Record<string, { programs?: string[]; dirs?: string[]; files?: Record<string, string> }> = {
  postfix: { programs: ['/usr/sbin/postfix'], dirs: ['/etc/postfix', '/var/spool/postfix/pid'], files: { '/etc/postfix/main.cf': '' } },
  named: { programs: ['/usr/sbin/named', '/usr/sbin/rndc'], dirs: ['/var/run/named'], files: { '/etc/named.conf': 'options {\n};\nzone "." IN {\n\ttype hint;\n};\ninclude "/etc/named.rfc1912.zones";\n', '/etc/named.rfc1912.zones': 'zone "localhost" IN {\n};\n' } },
  iptables: {
    programs: ['/sbin/iptables'],
    files: {
      '/etc/sysconfig/iptables':
        '# Firewall configuration written by system-config-firewall\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT\n-A INPUT -p icmp -j ACCEPT\n-A INPUT -i lo -j ACCEPT\n-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n-A FORWARD -j REJECT --reject-with icmp-host-prohibited\nCOMMIT\n',
    },
  },
  dovecot: { programs: ['/usr/sbin/dovecot'], dirs: ['/var/run/dovecot'], files: { '/etc/dovecot/dovecot.conf': '' } },
  sendmail: { programs: ['/usr/sbin/sendmail'], files: { '/etc/sysconfig/sendmail': 'DAEMON=yes\nQUEUE=1h\n' } },
  sshd: { programs: ['/usr/sbin/sshd'] },
  crond: { programs: ['/usr/sbin/crond'] },
  rsyslog: { programs: ['/sbin/rsyslogd'] },
  syslog: { programs: ['/sbin/syslogd', '/sbin/klogd'] },
  xinetd: { programs: ['/usr/sbin/xinetd'] },
  saslauthd: { programs: ['/usr/sbin/saslauthd'], dirs: ['/var/run/saslauthd'] },
  network: { files: { '/etc/sysconfig/network-scripts/ifcfg-lo': 'DEVICE=lo\n', '/etc/sysconfig/network-scripts/ifcfg-eth0': 'DEVICE=eth0\n' } },
};

/** The SysV layout: /etc/rc.d/{init.d,rc0.d..rc6.d}, the /etc symlinks, lock and run dirs. */
export function installRcLayout(vfs: Vfs): void {
  mkdirp(vfs, '/etc/rc.d/init.d');
  for (let i = 0; i <= 6; i++) {
    mkdirp(vfs, `/etc/rc.d/rc${i}.d`);
    if (!vfs.tryLookup(`/etc/rc${i}.d`, ROOT, false)) vfs.symlink(`rc.d/rc${i}.d`, `/etc/rc${i}.d`, ROOT);
  }
  if (!vfs.tryLookup('/etc/init.d', ROOT, false)) vfs.symlink('rc.d/init.d', '/etc/init.d', ROOT);
  mkdirp(vfs, '/var/lock/subsys');
  mkdirp(vfs, '/var/run');
  mkdirp(vfs, '/etc/sysconfig');
  for (const [path, id] of Object.entries(SYSTEM_PROGRAMS)) program(vfs, path, id);
}

/** An init script with what it needs; `levels` ("2345", "-") sets the rc links. */
export function installService(host: Host, name: string, levels = '-'): void {
  const vfs = host.vfs;
  installRcLayout(vfs);
  writeFile(vfs, `/etc/rc.d/init.d/${name}`, programFile('initscript'), 0o755);
  const need = NEEDS[name] ?? {};
  for (const p of need.programs ?? []) program(vfs, p, p.slice(p.lastIndexOf('/') + 1));
  for (const d of need.dirs ?? []) mkdirp(vfs, d);
  for (const [path, data] of Object.entries(need.files ?? {})) if (!vfs.tryLookup(path, ROOT)) writeFile(vfs, path, data);
  applyChkconfigLinks(vfs, name, levels);
}

export interface Result {
  stdout: string;
  stderr: string;
  status: number;
}

/**
 * Runs a program (no shell) on a host of the lab, letting simulated time pass while it waits
 * on timers. `user` defaults to root, the working directory to the user's home.
 */
export async function run(
  lab: Lab,
  hostName: 'rhel1' | 'rhel2',
  argv: string[],
  opts: { user?: string; stdin?: string; maxMs?: number; tty?: boolean; env?: Record<string, string> } = {},
): Promise<Result> {
  await lab.settle();
  const host = lab.host(hostName);
  const user = host.users.getpwnam(opts.user ?? 'root')!;
  const prog = getProgram(programId(argv[0]!))!;
  const stdout = new CollectOutput();
  const stderr = new CollectOutput();
  if (opts.tty) stdout.isTTY = true;
  const proc = host.exec({
    argv,
    program: prog,
    // a terminal as standard input (nothing is read from it): consoletype says "vt"
    stdin: opts.tty ? host.console : host.stringSource(opts.stdin ?? ''),
    stdout,
    stderr,
    env: { ...loginEnvironment(host, user), ...opts.env },
    cwd: user.home,
    cred: { uid: user.uid, gid: user.gid, groups: host.users.groupIds(user) },
    ppid: 1,
    tty: opts.tty ? host.console : null,
  });
  const limit = host.now() + (opts.maxMs ?? 120_000);
  await lab.settle({ fastForward: true });
  while (proc.alive && host.now() < limit) await lab.advance(250);
  if (proc.alive) throw new Error(`${argv.join(' ')} still running`);
  if (lab.faults.length) throw new Error('engine fault: ' + lab.faults.map((f) => f.error).join('\n'));
  return { stdout: stdout.text(), stderr: stderr.text(), status: proc.exitStatus ?? -1 };
}

function programId(cmd: string): string {
  if (cmd.startsWith('/etc/')) return 'initscript';
  return cmd.slice(cmd.lastIndexOf('/') + 1);
}

/**
 * A lab whose hosts have no services at all (whatever the image installs is stopped and its
 * scripts and links removed), so a test installs exactly what it needs.
 */
export async function cleanLab(): Promise<Lab> {
  const lab = Lab.create();
  await lab.settle();
  for (const host of lab.hosts.values()) {
    host.services.shutdown();
    const vfs = host.vfs;
    installRcLayout(vfs);
    for (const dir of ['/etc/rc.d/init.d', ...[0, 1, 2, 3, 4, 5, 6].map((i) => `/etc/rc.d/rc${i}.d`), '/var/lock/subsys']) {
      for (const name of vfs.readdir(dir, ROOT)) vfs.unlink(`${dir}/${name}`, ROOT);
    }
  }
  await lab.settle();
  return lab;
}

/** A lab whose rhel1 has postfix, named and iptables on, rhel2 sendmail, rebooted so they run. */
export async function bootedLab(): Promise<Lab> {
  const lab = await cleanLab();
  const r1 = lab.host('rhel1');
  for (const s of ['network', 'iptables', 'rsyslog', 'named', 'sshd', 'postfix', 'crond']) installService(r1, s, s === 'named' ? '2345' : '2345');
  installService(r1, 'dovecot', '-');
  const r2 = lab.host('rhel2');
  for (const s of ['network', 'iptables', 'syslog', 'sshd', 'sendmail', 'crond']) installService(r2, s, '2345');
  r1.reboot(1000);
  r2.reboot(1000);
  await lab.settle({ fastForward: true });
  await lab.advance(2000);
  return lab;
}

/** Strips the colour and column escapes of the init functions. */
export function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}
