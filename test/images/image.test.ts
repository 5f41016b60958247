import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Lab } from '../../src/engine/lab';
import { ROOT, type Inode, type Vfs } from '../../src/engine/fs/vfs';
import { programIdOf } from '../../src/engine/proc/binary';
import { runProgram } from '../harness/run';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const TRANSCRIPTS = new URL('../../../shared/transcripts/', import.meta.url);

/** The screen lines a command printed in a transcript: after its prompt line, up to the next prompt. */
function expectedOutput(file: string, command: string): string[] {
  const lines = readFileSync(new URL(file, TRANSCRIPTS), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.endsWith('# ' + command));
  if (start < 0) throw new Error(`no ${command} in ${file}`);
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && !/^\[\S+@\S+ [^\]]+\][#$]/.test(lines[i]!) && !lines[i]!.startsWith('@@'); i++) {
    if (lines[i]!.trim() !== '') out.push(fold(lines[i]!));
  }
  return out;
}

function isSubsequence(needles: string[], hay: string[]): boolean {
  let j = 0;
  for (const h of hay) if (j < needles.length && h === needles[j]) j++;
  return j === needles.length;
}

function read(vfs: Vfs, path: string): string {
  return vfs.readFile(path, ROOT);
}

describe('rhel1 base image', () => {
  const lab = Lab.create();
  const vfs = lab.host('rhel1').vfs;

  it("main.cf's active lines are exactly the transcript's grep -Ev '^$|^#'", () => {
    const active = read(vfs, '/etc/postfix/main.cf')
      .split('\n')
      .filter((l) => !/^$|^#/.test(l))
      .map(fold);
    expect(active).toEqual(expectedOutput('01-local-delivery.expected', "grep -Ev '^$|^#' /etc/postfix/main.cf"));
  });

  it('main.cf keeps the commented examples the exercises uncomment, in stock order', () => {
    const lines = read(vfs, '/etc/postfix/main.cf').split('\n');
    const order = ['#myhostname = host.domain.tld', '#mydomain = domain.tld', '#myorigin = $mydomain', '#inet_interfaces = all', '#mydestination = $myhostname, localhost.$mydomain, localhost, $mydomain', '#mynetworks = 168.100.189.0/28, 127.0.0.0/8'];
    const idx = order.map((l) => lines.indexOf(l));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('the local.com zone has NS and A records and no MX', () => {
    const zone = read(vfs, '/var/named/local.com.zone');
    expect(zone).not.toMatch(/MX/);
    expect(zone).toMatch(/^\$TTL 86400$/m);
    expect(zone).toMatch(/^@\s+IN\s+NS\s+rhel1\.local\.com\.$/m);
    expect(zone).toMatch(/^@\s+IN\s+NS\s+rhel2\.local\.com\.$/m);
    expect(zone).toMatch(/^rhel2\s+IN\s+A\s+192\.168\.2\.3$/m);
    const conf = read(vfs, '/etc/named.conf');
    expect(conf).toContain('listen-on port 53 { any; };');
    expect(conf).toContain('allow-query     { any; };');
    expect(conf).toContain('zone "2.168.192.in-addr.arpa" IN {');
    const named = vfs.lookup('/var/named/named.ca', ROOT);
    expect([named.uid, named.gid]).toEqual([0, 25]);
  });

  it('has the firewall rules of LAB.md in iptables-save format', () => {
    const rules = read(vfs, '/etc/sysconfig/iptables').split('\n').filter((l) => l.startsWith('-A'));
    expect(rules).toEqual([
      '-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT',
      '-A INPUT -p icmp -j ACCEPT',
      '-A INPUT -i lo -j ACCEPT',
      '-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT',
      '-A INPUT -m state --state NEW -m udp -p udp --dport 53 -j ACCEPT',
      '-A INPUT -m state --state NEW -m tcp -p tcp --dport 53 -j ACCEPT',
      '-A INPUT -j REJECT --reject-with icmp-host-prohibited',
      '-A FORWARD -j REJECT --reject-with icmp-host-prohibited',
    ]);
  });

  it('has RHEL modes and owners on key paths', () => {
    const st = (p: string) => vfs.lstat(p, ROOT);
    expect(st('/tmp').mode).toBe(0o1777);
    expect(st('/root').mode).toBe(0o550);
    expect(st('/etc/shadow').mode).toBe(0o000);
    expect(st('/var/spool/mail')).toMatchObject({ mode: 0o775, uid: 0, gid: 12 });
    expect(st('/var/mail')).toMatchObject({ type: 'symlink', target: 'spool/mail' });
    expect(st('/var/log/maillog').mode).toBe(0o600);
    expect(st('/var/log/messages').mode).toBe(0o600);
    expect(st('/home/user1')).toMatchObject({ mode: 0o700, uid: 500, gid: 500 });
    expect(st('/var/spool/mail/user2')).toMatchObject({ mode: 0o660, uid: 501, gid: 12, size: 0 });
    expect(st('/usr/sbin/postqueue')).toMatchObject({ mode: 0o2755, gid: 90 });
    expect(st('/usr/sbin/sendmail')).toMatchObject({ type: 'symlink', target: '/etc/alternatives/mta' });
    expect(st('/etc/alternatives/mta')).toMatchObject({ type: 'symlink', target: '/usr/sbin/sendmail.postfix' });
    expect(st('/bin/sh')).toMatchObject({ type: 'symlink', target: 'bash' });
    expect(vfs.readdir('/home/user1', ROOT)).toEqual(expect.arrayContaining(['.bashrc', '.bash_profile', '.bash_logout']));
  });

  it('has the accounts of LAB.md with their real ids', () => {
    const host = lab.host('rhel1');
    expect(host.users.getpwnam('postfix')).toMatchObject({ uid: 89, gid: 89, home: '/var/spool/postfix' });
    expect(host.users.getpwnam('named')).toMatchObject({ uid: 25, gid: 25 });
    expect(host.users.getpwnam('mail')).toMatchObject({ uid: 8, gid: 12 });
    expect(host.users.getpwnam('user1')).toMatchObject({ uid: 500, gid: 500, home: '/home/user1', shell: '/bin/bash' });
    expect(host.users.getgrnam('mail')!.members).toContain('postfix');
    expect(host.users.checkPassword('user1', 'password')).toBe(true);
    expect(host.users.checkPassword('root', 'password')).toBe(true);
    expect(host.users.getpwnam('dovecot')).toBeUndefined();
  });

  it('host files name both hosts, canonical name first', () => {
    expect(read(vfs, '/etc/hosts')).toMatch(/^192\.168\.2\.2\s+rhel1\.local\.com rhel1$/m);
    expect(read(vfs, '/etc/resolv.conf')).toBe('search local.com\nnameserver 192.168.2.2\n');
    expect(read(vfs, '/etc/nsswitch.conf')).toMatch(/^hosts:\s+files dns$/m);
    expect(read(vfs, '/etc/sysconfig/network')).toContain('HOSTNAME=rhel1.local.com');
    expect(read(vfs, '/etc/redhat-release')).toBe('Red Hat Enterprise Linux Workstation release 6.1 (Santiago)\n');
    expect(read(vfs, '/root/.bashrc')).toContain("alias rm='rm -i'");
  });

  it('turns postfix, named and iptables on at boot', () => {
    const rc3 = vfs.readdir('/etc/rc.d/rc3.d', ROOT);
    for (const s of ['S80postfix', 'S13named', 'S08iptables']) expect(rc3).toContain(s);
    expect(vfs.readlink('/etc/rc.d/rc3.d/S80postfix', ROOT)).toBe('../init.d/postfix');
    expect(vfs.readdir('/etc/rc.d/rc0.d', ROOT)).toContain('K30postfix');
  });

  it('dates every file before the lab clock starts', () => {
    const start = lab.clock.now();
    let newest = 0;
    const walk = (n: Inode) => {
      newest = Math.max(newest, n.mtime);
      for (const c of n.entries?.values() ?? []) walk(c);
    };
    walk(vfs.lookup('/etc', ROOT));
    walk(vfs.lookup('/usr', ROOT));
    expect(newest).toBeLessThan(start);
    expect(vfs.stat('/etc/passwd', ROOT).mtime).toBeGreaterThan(Date.UTC(2014, 3, 19));
  });

  it('every executable names a program, and every program file belongs to a package', () => {
    const host = lab.host('rhel1');
    const empty: string[] = [];
    const orphans: string[] = [];
    const walk = (dir: string) => {
      const node = vfs.lookup(dir, ROOT, false);
      if (node.type !== 'dir') return;
      for (const [name, child] of node.entries!) {
        const p = `${dir === '/' ? '' : dir}/${name}`;
        if (child.type === 'dir') walk(p);
        else if (child.type === 'file' && child.data.startsWith('\x7fELF') && child.data.includes('mail-lab-program:')) {
          if (!programIdOf(child.data)) empty.push(p);
          if (host.packages.ownersOf(p).length === 0) orphans.push(p);
        }
      }
    };
    for (const d of ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/libexec', '/etc/rc.d/init.d']) walk(d);
    expect(empty).toEqual([]);
    expect(orphans).toEqual([]);
  });

  it('puts the commands of the lab at their RHEL 6 paths', () => {
    const id = (p: string) => programIdOf(vfs.readFile(p, ROOT));
    const expectations: [string, string][] = [
      ['/bin/ls', 'ls'], ['/bin/cat', 'cat'], ['/usr/bin/tail', 'tail'], ['/bin/grep', 'grep'], ['/bin/sed', 'sed'], ['/bin/gawk', 'gawk'],
      ['/bin/find', 'find'], ['/usr/bin/xargs', 'xargs'], ['/usr/bin/diff', 'diff'], ['/usr/bin/less', 'less'], ['/bin/more', 'more'],
      ['/bin/su', 'su'], ['/usr/bin/logger', 'logger'], ['/bin/kill', 'kill'], ['/bin/ps', 'ps'], ['/sbin/pidof', 'pidof'],
      ['/sbin/service', 'service'], ['/sbin/chkconfig', 'chkconfig'], ['/usr/sbin/alternatives', 'alternatives'],
      ['/usr/sbin/useradd', 'useradd'], ['/usr/bin/passwd', 'passwd'], ['/bin/hostname', 'hostname'], ['/usr/bin/which', 'which'],
      ['/usr/bin/man', 'man'], ['/usr/bin/clear', 'clear'], ['/usr/bin/yum', 'yum'], ['/bin/rpm', 'rpm'], ['/bin/bash', 'bash'],
      ['/usr/sbin/postfix', 'postfix'], ['/usr/sbin/postconf', 'postconf'], ['/usr/sbin/sendmail.postfix', 'sendmail.postfix'],
      ['/usr/bin/mailq.postfix', 'mailq.postfix'], ['/usr/bin/newaliases.postfix', 'newaliases.postfix'], ['/usr/bin/dig', 'dig'],
      ['/usr/sbin/named', 'named'], ['/usr/sbin/rndc', 'rndc'], ['/sbin/iptables', 'iptables'], ['/sbin/iptables-save', 'iptables-save'],
      ['/usr/bin/openssl', 'openssl'], ['/usr/bin/telnet', 'telnet'], ['/etc/rc.d/init.d/postfix', 'initscript'], ['/bin/netstat', 'netstat'],
    ];
    for (const [p, want] of expectations) expect([p, id(p)]).toEqual([p, want]);
    expect(vfs.tryLookup('/bin/mail', ROOT)).toBeNull();
  });
});

describe('rhel2 base image', () => {
  const lab = Lab.create();
  const vfs = lab.host('rhel2').vfs;
  it('is a RHEL 5.4 host with sendmail listening on loopback only', () => {
    expect(read(vfs, '/etc/redhat-release')).toBe('Red Hat Enterprise Linux Server release 5.4 (Tikanga)\n');
    expect(read(vfs, '/etc/mail/sendmail.mc')).toContain("DAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl");
    expect(vfs.readlink('/etc/alternatives/mta', ROOT)).toBe('/usr/sbin/sendmail.sendmail');
    expect(vfs.lstat('/etc/shadow', ROOT).mode).toBe(0o400);
    expect(vfs.lstat('/root', ROOT).mode).toBe(0o750);
    expect(vfs.readdir('/etc/rc.d/rc3.d', ROOT)).toEqual(expect.arrayContaining(['S80sendmail', 'S08iptables', 'S12syslog']));
    expect(programIdOf(read(vfs, '/bin/mail'))).toBe('mail');
    expect(programIdOf(read(vfs, '/usr/bin/dig'))).toBe('dig');
    expect(programIdOf(read(vfs, '/usr/bin/find'))).toBe('find');
    expect(read(vfs, '/etc/sysconfig/iptables')).toContain(':RH-Firewall-1-INPUT - [0:0]');
  });
  it('rpm -qa shows the RHEL 5 packages without arch', async () => {
    const r = await runProgram('rpm', ['rpm', '-qa'], { host: 'rhel2', lab });
    const lines = r.stdout.split('\n');
    expect(lines).toContain('sendmail-8.13.8-2.el5');
    expect(lines).toContain('mailx-8.1.1-44.2.2');
    expect(lines).toContain('bind-utils-9.3.6-4.P1.el5_4.2');
    expect(lines).not.toContain('postfix-2.3.3-2.1.el5_2');
  });
});

describe('dovecot files (transcripts 06 and 08)', () => {
  it('lays down configuration whose active lines give the chapter greps', async () => {
    const r = await runProgram('yum', ['yum', 'install', '-y', 'dovecot']);
    expect(r.status).toBe(0);
    const vfs = r.host.vfs;
    const main = read(vfs, '/etc/dovecot/dovecot.conf').split('\n').filter((l) => !/^$|^ #|^#/.test(l)).map(fold);
    expect(main).toEqual(expectedOutput('06-dovecot-imap.expected', "grep -vE '^$|^ #|^#' /etc/dovecot/dovecot.conf"));

    const confd = vfs.readdir('/etc/dovecot/conf.d', ROOT).filter((n) => n.endsWith('.conf')).sort();
    const listing: string[] = [];
    for (const n of confd) {
      for (const l of read(vfs, `/etc/dovecot/conf.d/${n}`).split('\n')) {
        if (!/^$|^#|^ {2}#/.test(l)) listing.push(fold(`/etc/dovecot/conf.d/${n}:${l}`));
      }
    }
    const want = expectedOutput('06-dovecot-imap.expected', "grep -vE '^$|^#|^  #' /etc/dovecot/conf.d/*.conf");
    expect(isSubsequence(want, listing)).toBe(true);
    // Every file the expected listing names shows only lines that are in the real files.
    expect(listing.filter((l) => l.includes('10-auth.conf') || l.includes('10-mail.conf') || l.includes('10-ssl.conf'))).toEqual(want.filter((l) => l.includes('10-auth.conf') || l.includes('10-mail.conf') || l.includes('10-ssl.conf')));

    const cnf = read(vfs, '/etc/pki/dovecot/dovecot-openssl.cnf').split('\n').filter((l) => /^(CN|OU|emailAddress)=/.test(l));
    expect(cnf).toEqual(expectedOutput('08-dovecot-imaps.expected', "grep -E '^(CN|OU|emailAddress)=' /etc/pki/dovecot/dovecot-openssl.cnf"));
    for (const l of ['#C=FI', '#ST=', '#L=Helsinki', '#O=Dovecot']) expect(read(vfs, '/etc/pki/dovecot/dovecot-openssl.cnf').split('\n')).toContain(l);

    expect(vfs.lstat('/usr/libexec/dovecot/mkcert.sh', ROOT).mode).toBe(0o755);
    expect(vfs.lstat('/etc/pki/dovecot/private/dovecot.pem', ROOT).mode).toBe(0o600);
    expect(read(vfs, '/etc/pki/dovecot/certs/dovecot.pem')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(r.host.users.getpwnam('dovecot')).toMatchObject({ uid: 97, gid: 97 });
    expect(r.host.users.getpwnam('dovenull')).toMatchObject({ uid: 498, shell: '/sbin/nologin' });
    expect(vfs.readdir('/etc/rc.d/rc3.d', ROOT)).toContain('K35dovecot');
  });
});
