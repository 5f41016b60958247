import { describe, expect, it } from 'vitest';
import { runProgram } from '../harness/run';

describe('rpm (4.8.0 on rhel1)', () => {
  it('-qa lists every installed package, grep-able as in the transcript', async () => {
    const r = await runProgram('rpm', ['rpm', '-qa']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('postf'))).toEqual(['postfix-2.6.6-2.1.el6_0.i686']);
    expect(lines).toContain('bind-9.7.3-2.el6.i686');
    expect(lines).toContain('setup-2.8.14-13.el6.noarch');
    expect(lines.length).toBeGreaterThan(50);
    const pat = await runProgram('rpm', ['rpm', '-qa', 'bind*']);
    expect(pat.stdout).toBe('bind-libs-9.7.3-2.el6.i686\nbind-utils-9.7.3-2.el6.i686\nbind-9.7.3-2.el6.i686\n');
  });

  it('-q of a missing package says so, status 1', async () => {
    const r = await runProgram('rpm', ['rpm', '-q', 'dovecot', 'postfix']);
    expect(r.stdout).toBe('package dovecot is not installed\npostfix-2.6.6-2.1.el6_0.i686\n');
    expect(r.status).toBe(1);
  });

  it('-qi prints the rpm 4.8 header layout', async () => {
    const r = await runProgram('rpm', ['rpm', '-qi', 'postfix']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Name        : postfix                      Relocations: (not relocatable)');
    expect(lines[1]).toBe('Version     : 2.6.6                             Vendor: Red Hat, Inc.');
    expect(lines[2]).toMatch(/^Release {5}: 2\.1\.el6_0 {21}Build Date: \w{3} \d\d \w{3} 2011 \d\d:\d\d:\d\d [AP]M MST$/);
    expect(lines[3]).toMatch(/^Install Date: Sat 19 Apr 2014 \d\d:\d\d:\d\d AM MDT {6}Build Host: x86-003\.build\.bos\.redhat\.com$/);
    expect(lines[4]).toBe('Group       : System Environment/Daemons    Source RPM: postfix-2.6.6-2.1.el6_0.src.rpm');
    expect(lines[5]).toBe('Size        : 9908394                          License: IBM');
    expect(lines[6]).toMatch(/^Signature {3}: RSA\/8, .*, Key ID 199e2f91fd431d51$/);
    expect(lines.slice(7, 12)).toEqual(['Packager    : Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>', 'URL         : http://www.postfix.org', 'Summary     : Postfix Mail Transport Agent', 'Description :', 'Postfix is a Mail Transport Agent (MTA), supporting LDAP, SMTP AUTH (SASL),']);
  });

  it('-ql, -qc, -qd, -qR and --queryformat', async () => {
    const l = await runProgram('rpm', ['rpm', '-ql', 'postfix']);
    const files = l.stdout.trim().split('\n');
    expect(files).toContain('/etc/postfix/main.cf');
    expect(files).toContain('/usr/sbin/sendmail.postfix');
    expect([...files].sort()).toEqual(files);
    const c = await runProgram('rpm', ['rpm', '-qc', 'postfix']);
    expect(c.stdout).toContain('/etc/postfix/main.cf\n/etc/postfix/master.cf\n');
    expect(c.stdout).not.toContain('/usr/sbin/postfix\n');
    const d = await runProgram('rpm', ['rpm', '-qd', 'postfix']);
    expect(d.stdout).toContain('/usr/share/man/man1/postconf.1.gz\n');
    const none = await runProgram('rpm', ['rpm', '-ql', 'basesystem']);
    expect(none.stdout).toBe('(contains no files)\n');
    const req = await runProgram('rpm', ['rpm', '-qR', 'postfix']);
    expect(req.stdout).toContain('/usr/sbin/alternatives  \n');
    expect(req.stdout).toContain('rpmlib(PayloadIsXz) <= 5.2-1  \n');
    const qf = await runProgram('rpm', ['rpm', '-q', '--qf', '%{NAME} %{EPOCH} %-8{VERSION}|\\n', 'postfix', 'bash']);
    expect(qf.stdout).toBe('postfix 2 2.6.6   |\nbash (none) 4.1.2   |\n');
  });

  it('-qf finds the owner of a file, or says it has none', async () => {
    const r = await runProgram('rpm', ['rpm', '-qf', '/etc/postfix/main.cf', '/bin/ls']);
    expect(r.stdout).toBe('postfix-2.6.6-2.1.el6_0.i686\ncoreutils-8.4-13.el6.i686\n');
    const rel = await runProgram('rpm', ['rpm', '-qf', 'main.cf'], { cwd: '/etc/postfix' });
    expect(rel.stdout).toBe('postfix-2.6.6-2.1.el6_0.i686\n');
    const alt = await runProgram('rpm', ['rpm', '-qf', '/usr/sbin/sendmail']);
    expect(alt.stdout).toBe('file /usr/sbin/sendmail is not owned by any package\n');
    expect(alt.status).toBe(1);
    const none = await runProgram('rpm', ['rpm', '-qf', '/nonexistent']);
    expect(none.stderr).toBe('error: file /nonexistent: No such file or directory\n');
    expect(none.status).toBe(1);
    const shared = await runProgram('rpm', ['rpm', '-qf', '/etc/rc.d/init.d/network']);
    expect(shared.stdout).toBe('initscripts-9.03.23-1.el6.i686\n');
  });

  it('-e removes a package; refuses missing ones and broken dependencies', async () => {
    const miss = await runProgram('rpm', ['rpm', '-e', 'dovecot']);
    expect(miss.stderr).toBe('error: package dovecot is not installed\n');
    expect(miss.status).toBe(1);
    const dep = await runProgram('rpm', ['rpm', '-e', 'bind-libs']);
    expect(dep.stderr).toBe('error: Failed dependencies:\n\tbind-libs is needed by (installed) bind-utils-9.7.3-2.el6.i686\n\tbind-libs is needed by (installed) bind-9.7.3-2.el6.i686\n');
    expect(dep.status).toBe(1);
    const user = await runProgram('rpm', ['rpm', '-e', 'telnet'], { user: 'user1' });
    expect(user.stderr).toBe("error: can't create transaction lock on /var/lib/rpm/.rpm.lock (Permission denied)\n");
    const ok = await runProgram('rpm', ['rpm', '-e', 'telnet']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('');
    const after = await runProgram('rpm', ['rpm', '-q', 'telnet'], { lab: ok.lab });
    expect(after.stdout).toBe('package telnet is not installed\n');
    expect(ok.host.vfs.tryLookup('/usr/bin/telnet', { uid: 0, gid: 0, groups: [0] })).toBeNull();
  });

  it('-e of an edited config file keeps it as .rpmsave', async () => {
    const first = await runProgram('rpm', ['rpm', '-e', 'postfix']);
    expect(first.stderr).toBe('');
    const lab = first.lab;
    const host = lab.host('rhel1');
    expect(host.vfs.tryLookup('/etc/postfix', { uid: 0, gid: 0, groups: [0] })).toBeNull();
    expect(host.vfs.tryLookup('/etc/alternatives/mta', { uid: 0, gid: 0, groups: [0] }, false)).toBeNull();
    const r = await runProgram('yum', ['yum', 'install', '-y', 'postfix'], { lab });
    expect(r.status).toBe(0);
    host.vfs.writeFile('/etc/postfix/main.cf', { uid: 0, gid: 0, groups: [0] }, 'myhostname = x\n');
    const e = await runProgram('rpm', ['rpm', '-e', 'postfix'], { lab });
    expect(e.stderr).toBe('warning: /etc/postfix/main.cf saved as /etc/postfix/main.cf.rpmsave\n');
  });

  it('-i of a missing file, bad options, no arguments', async () => {
    const r = await runProgram('rpm', ['rpm', '-ivh', 'foo.rpm']);
    expect(r.stderr).toBe('error: open of foo.rpm failed: No such file or directory\n');
    expect(r.status).toBe(1);
    const bad = await runProgram('rpm', ['rpm', '-Z']);
    expect(bad.stderr).toBe('rpm: -Z: unknown option\n');
    expect(bad.status).toBe(1);
    const q = await runProgram('rpm', ['rpm', '-q']);
    expect(q.stderr).toBe('rpm: no arguments given for query\n');
    const v = await runProgram('rpm', ['rpm', '--version']);
    expect(v.stdout).toBe('RPM version 4.8.0\n');
  });

  it('-V reports an edited config file', async () => {
    const lab = (await runProgram('rpm', ['rpm', '-V', 'postfix'])).lab;
    lab.host('rhel1').vfs.writeFile('/etc/postfix/main.cf', { uid: 0, gid: 0, groups: [0] }, 'changed\n', { append: true });
    const r = await runProgram('rpm', ['rpm', '-V', 'postfix'], { lab });
    expect(r.stdout).toBe('S.5....T.  c /etc/postfix/main.cf\n');
    expect(r.status).toBe(1);
  });
});

describe('rpm (4.4.2.3 on rhel2)', () => {
  it('prints name-version-release without the arch', async () => {
    const r = await runProgram('rpm', ['rpm', '-q', 'sendmail', 'bind-utils'], { host: 'rhel2' });
    expect(r.stdout).toBe('sendmail-8.13.8-2.el5\nbind-utils-9.3.6-4.P1.el5_4.2\n');
    const v = await runProgram('rpm', ['rpm', '--version'], { host: 'rhel2' });
    expect(v.stdout).toBe('RPM version 4.4.2.3\n');
  });
});
