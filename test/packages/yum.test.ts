import { describe, expect, it } from 'vitest';
import { runProgram } from '../harness/run';

const strip = (s: string) => s.replace(/\r/g, '');

describe('yum on rhel1 (yum 3.2.29)', () => {
  it('installs mailx after the prompt, with the real transaction layout', async () => {
    const r = await runProgram('yum', ['yum', 'install', 'mailx'], { stdin: 'y\n' });
    const out = strip(r.stdout);
    expect(r.status).toBe(0);
    expect(out).toBe(`Loaded plugins: product-id, refresh-packagekit, subscription-manager
Updating certificate-based repositories.
Setting up Install Process
Resolving Dependencies
--> Running transaction check
---> Package mailx.i686 0:12.4-6.el6 will be installed
--> Finished Dependency Resolution

Dependencies Resolved

================================================================================
 Package         Arch           Version                Repository          Size
================================================================================
Installing:
 mailx           i686           12.4-6.el6             rhel-dvd           235 k

Transaction Summary
================================================================================
Install       1 Package(s)

Total download size: 235 k
Installed size: 458 k
Is this ok [y/N]: Downloading Packages:
Running rpm_check_debug
Running Transaction Test
Transaction Test Succeeded
Running Transaction
  Installing : mailx-12.4-6.el6.i686                                        1/1 

Installed:
  mailx.i686 0:12.4-6.el6                                                       

Complete!
`);
    expect(r.host.vfs.stat('/bin/mail', { uid: 0, gid: 0, groups: [0] }).mode).toBe(0o755);
    const q = await runProgram('rpm', ['rpm', '-q', 'mailx'], { lab: r.lab });
    expect(q.stdout).toBe('mailx-12.4-6.el6.i686\n');
    expect(r.host.vfs.readFile('/var/log/yum.log', { uid: 0, gid: 0, groups: [0] })).toMatch(/^Apr 26 11:25:00 Installed: mailx-12.4-6.el6.i686\n$/);
  });

  it('answering N (or nothing) exits on user command, status 1, nothing installed', async () => {
    for (const answer of ['n\n', '\n', '']) {
      const r = await runProgram('yum', ['yum', 'install', 'mailx'], { stdin: answer });
      expect(strip(r.stdout)).toMatch(/Is this ok \[y\/N\]: \n?Exiting on user Command\nComplete!\n$/);
      expect(r.status).toBe(1);
      expect(r.host.packages.isInstalled('mailx')).toBe(false);
    }
  });

  it('re-asks on an answer that is neither yes nor no', async () => {
    const r = await runProgram('yum', ['yum', 'install', 'mailx'], { stdin: 'maybe\nyes\n' });
    expect(r.stdout.split('Is this ok [y/N]: ').length).toBe(3);
    expect(r.status).toBe(0);
  });

  it('-y skips the prompt; an installed package is already installed', async () => {
    const r = await runProgram('yum', ['yum', '-y', 'install', 'postfix']);
    expect(strip(r.stdout)).toBe(`Loaded plugins: product-id, refresh-packagekit, subscription-manager
Updating certificate-based repositories.
Setting up Install Process
Package 2:postfix-2.6.6-2.1.el6_0.i686 already installed and latest version
Nothing to do
`);
    expect(r.status).toBe(0);
  });

  it('an unknown package: No package ... available. then Error: Nothing to do', async () => {
    const r = await runProgram('yum', ['yum', 'install', '-y', 'foo']);
    expect(r.stdout).toContain('No package foo available.\n');
    expect(r.stderr).toBe('Error: Nothing to do\n');
    expect(r.status).toBe(1);
  });

  it('refuses non-root users for install but lets them list', async () => {
    const r = await runProgram('yum', ['yum', 'install', 'mailx'], { user: 'user1' });
    expect(r.stdout).toBe('Loaded plugins: product-id, refresh-packagekit, subscription-manager\n');
    expect(r.stderr).toBe('You need to be root to perform this command.\n');
    expect(r.status).toBe(1);
    const l = await runProgram('yum', ['yum', 'list', 'installed', 'postfix'], { user: 'user1' });
    expect(l.status).toBe(0);
    expect(l.stdout).toMatch(/^postfix\.i686 +2:2\.6\.6-2\.1\.el6_0 +@anaconda-RedHatEnterpriseLinux-201105101844\.i386\/6\.1$/m);
  });

  it('installs dependencies (mutt pulls urlview) and both at once', async () => {
    const r = await runProgram('yum', ['yum', 'install', '-y', 'mutt', 'mailx']);
    const out = strip(r.stdout);
    expect(out).toContain('---> Package mutt.i686 5:1.5.20-2.20091214hg736b6a.el6 will be installed\n---> Package mailx.i686 0:12.4-6.el6 will be installed\n');
    expect(out).toContain('--> Processing Dependency: urlview for package: 5:mutt-1.5.20-2.20091214hg736b6a.el6.i686\n--> Running transaction check\n---> Package urlview.i686 0:0.9-7.el6 will be installed\n');
    expect(out).toContain('Installing for dependencies:\n urlview ');
    expect(out).toContain('Install       3 Package(s)\n');
    expect(out).toContain('\nDependency Installed:\n  urlview.i686 0:0.9-7.el6');
    expect(out).toMatch(/\n-{80}\nTotal +[\d.]+ [kM]B\/s \| +[\d.]+ [kM]B +00:00 {5}\n/);
    expect(r.host.packages.isInstalled('urlview')).toBe(true);
  });

  it('removes a package, stopping at the prompt or going through with -y', async () => {
    const first = await runProgram('yum', ['yum', 'install', '-y', 'mailx']);
    const r = await runProgram('yum', ['yum', 'remove', '-y', 'mailx'], { lab: first.lab });
    const out = strip(r.stdout);
    expect(out).toContain('Setting up Remove Process\n');
    expect(out).toContain('---> Package mailx.i686 0:12.4-6.el6 will be erased\n');
    expect(out).toContain('Removing:\n mailx ');
    expect(out).toMatch(/@rhel-dvd +458 k\n/);
    expect(out).toContain('Remove        1 Package(s)\n\nInstalled size: 458 k\n');
    expect(out).toContain('  Erasing    : mailx-12.4-6.el6.i686');
    expect(out).toContain('\nRemoved:\n  mailx.i686 0:12.4-6.el6');
    expect(r.host.vfs.tryLookup('/bin/mail', { uid: 0, gid: 0, groups: [0] })).toBeNull();
    const again = await runProgram('yum', ['yum', 'remove', 'mailx'], { lab: first.lab });
    expect(again.stdout).toContain('No Match for argument: mailx\nNo Packages marked for removal\n');
    expect(again.status).toBe(0);
  });

  it('removing bind-libs takes bind and bind-utils with it', async () => {
    const r = await runProgram('yum', ['yum', 'erase', 'bind-libs'], { stdin: 'n\n' });
    expect(r.stdout).toContain('Removing for dependencies:\n');
    expect(r.stdout).toContain('Remove        3 Package(s)\n');
    expect(r.status).toBe(1);
  });

  it('list, info, search, repolist, clean, update', async () => {
    const list = await runProgram('yum', ['yum', 'list', 'dovecot']);
    expect(list.stdout).toMatch(/\nAvailable Packages\ndovecot\.i686 +1:2\.0\.9-2\.el6 +rhel-dvd\n$/);
    const none = await runProgram('yum', ['yum', 'list', 'nosuch']);
    expect(none.stderr).toBe('Error: No matching Packages to list\n');
    expect(none.status).toBe(1);
    const info = await runProgram('yum', ['yum', 'info', 'postfix']);
    expect(info.stdout).toContain('Installed Packages\nName        : postfix\nArch        : i686\nEpoch       : 2\nVersion     : 2.6.6\nRelease     : 2.1.el6_0\nSize        : 9.4 M\nRepo        : installed\n');
    expect(info.stdout).toContain('Summary     : Postfix Mail Transport Agent\nURL         : http://www.postfix.org\nLicense     : IBM\nDescription : ');
    const search = await runProgram('yum', ['yum', 'search', 'imap']);
    expect(search.stdout).toContain('dovecot.i686 : Secure imap and pop3 server\n');
    const repo = await runProgram('yum', ['yum', 'repolist']);
    expect(repo.stdout).toMatch(/^repo id +repo name +status\nrhel-dvd +Red Hat Enterprise Linux 6\.1 Workstation - DVD +3,093\nrepolist: 3,093\n$/m);
    const clean = await runProgram('yum', ['yum', 'clean', 'all']);
    expect(clean.stdout).toContain('Cleaning repos: rhel-dvd\nCleaning up Everything\n');
    const up = await runProgram('yum', ['yum', 'update']);
    expect(up.stdout).toContain('No Packages marked for Update\n');
    const bad = await runProgram('yum', ['yum', 'frobnicate']);
    expect(bad.stderr).toBe('No such command: frobnicate. Please use /usr/bin/yum --help\n');
    expect(bad.status).toBe(1);
    const opt = await runProgram('yum', ['yum', '--bogus']);
    expect(opt.status).toBe(1);
  });
});

describe('yum on rhel2 (yum 3.2.22)', () => {
  it('prints the RHEL 5 transaction format', async () => {
    const r = await runProgram('yum', ['yum', 'install', 'dovecot'], { host: 'rhel2', stdin: 'y\n' });
    const out = strip(r.stdout);
    expect(out).toMatch(/^Loaded plugins: rhnplugin, security\nThis system is not registered with RHN\.\nRHN support will be disabled\.\nSetting up Install Process\n/);
    expect(out).toContain('---> Package dovecot.i386 0:1.0.7-7.el5 set to be updated\n');
    expect(out).toContain('Install      1 Package(s)         \nUpdate       0 Package(s)         \nRemove       0 Package(s)         \n');
    expect(out).not.toContain('Installed size');
    expect(out).toContain('  Installing     : dovecot');
    expect(r.status).toBe(0);
  });
});
