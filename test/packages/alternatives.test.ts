import { describe, expect, it } from 'vitest';
import { runProgram } from '../harness/run';

const ROOTC = { uid: 0, gid: 0, groups: [0] };

describe('alternatives (chkconfig 1.3.47)', () => {
  it('--display mta shows postfix as the current, best, auto choice', async () => {
    const r = await runProgram('alternatives', ['alternatives', '--display', 'mta']);
    expect(r.stdout).toBe(`mta - status is auto.
 link currently points to /usr/sbin/sendmail.postfix
/usr/sbin/sendmail.postfix - priority 30
 slave mta-mailq: /usr/bin/mailq.postfix
 slave mta-newaliases: /usr/bin/newaliases.postfix
 slave mta-pam: /etc/pam.d/smtp.postfix
 slave mta-rmail: /usr/bin/rmail.postfix
 slave mta-sendmail: /usr/lib/sendmail.postfix
 slave mta-mailqman: /usr/share/man/man1/mailq.postfix.1.gz
 slave mta-newaliasesman: /usr/share/man/man1/newaliases.postfix.1.gz
 slave mta-sendmailman: /usr/share/man/man1/sendmail.postfix.1.gz
 slave mta-aliasesman: /usr/share/man/man5/aliases.postfix.5.gz
Current \`best' version is /usr/sbin/sendmail.postfix.
`);
    expect(r.stdout.split('\n').filter((l) => l.includes('current'))).toEqual([' link currently points to /usr/sbin/sendmail.postfix']);
  });

  it('an unknown name prints nothing and exits 2; no arguments or --list give the usage', async () => {
    const r = await runProgram('alternatives', ['alternatives', '--display', 'nosuch']);
    expect([r.stdout, r.stderr, r.status]).toEqual(['', '', 2]);
    const u = await runProgram('alternatives', ['alternatives', '--list']);
    expect(u.stdout).toMatch(/^alternatives version 1\.3\.47 - Copyright \(C\) 2001 Red Hat, Inc\.\n/);
    expect(u.status).toBe(2);
    const n = await runProgram('alternatives', ['alternatives']);
    expect(n.status).toBe(2);
  });

  it('installing sendmail adds a better alternative and switches the auto link', async () => {
    const y = await runProgram('yum', ['yum', 'install', '-y', 'sendmail']);
    expect(y.status).toBe(0);
    const r = await runProgram('alternatives', ['alternatives', '--display', 'mta'], { lab: y.lab });
    expect(r.stdout).toContain('mta - status is auto.\n link currently points to /usr/sbin/sendmail.sendmail\n');
    expect(r.stdout).toContain("Current `best' version is /usr/sbin/sendmail.sendmail.\n");
    expect(y.host.vfs.readlink('/etc/alternatives/mta-mailq', ROOTC)).toBe('/usr/bin/mailq.sendmail');
    // The menu of --config, choosing postfix again.
    const c = await runProgram('alternatives', ['alternatives', '--config', 'mta'], { lab: y.lab, stdin: 'x\n2\n' });
    expect(c.stdout).toBe(`
There are 2 programs which provide 'mta'.

  Selection    Command
-----------------------------------------------
   1           /usr/sbin/sendmail.postfix
*+ 2           /usr/sbin/sendmail.sendmail

Enter to keep the current selection[+], or type selection number: 
There are 2 programs which provide 'mta'.

  Selection    Command
-----------------------------------------------
   1           /usr/sbin/sendmail.postfix
*+ 2           /usr/sbin/sendmail.sendmail

Enter to keep the current selection[+], or type selection number: `);
    expect(c.status).toBe(0);
    const s = await runProgram('alternatives', ['alternatives', '--set', 'mta', '/usr/sbin/sendmail.postfix'], { lab: y.lab });
    expect(s.status).toBe(0);
    const d = await runProgram('alternatives', ['alternatives', '--display', 'mta'], { lab: y.lab });
    expect(d.stdout).toContain('mta - status is manual.\n link currently points to /usr/sbin/sendmail.postfix\n');
    expect(y.host.vfs.readlink('/etc/alternatives/mta-mailq', ROOTC)).toBe('/usr/bin/mailq.postfix');
    const bad = await runProgram('alternatives', ['alternatives', '--set', 'mta', '/usr/sbin/exim'], { lab: y.lab });
    expect(bad.stderr).toBe('/usr/sbin/exim has not been configured as an alternative for mta\n');
    expect(bad.status).toBe(2);
    const auto = await runProgram('alternatives', ['alternatives', '--auto', 'mta'], { lab: y.lab });
    expect(auto.status).toBe(0);
    expect(y.host.vfs.readlink('/etc/alternatives/mta', ROOTC)).toBe('/usr/sbin/sendmail.sendmail');
  });

  it('--config with one choice: Enter keeps it and switches to manual; EOF is an error', async () => {
    const c = await runProgram('alternatives', ['alternatives', '--config', 'mta'], { stdin: '\n' });
    expect(c.stdout).toContain("There is 1 program that provides 'mta'.\n");
    expect(c.stdout).toContain('*+ 1           /usr/sbin/sendmail.postfix\n');
    expect(c.status).toBe(0);
    const d = await runProgram('alternatives', ['alternatives', '--display', 'mta'], { lab: c.lab });
    expect(d.stdout).toMatch(/^mta - status is manual\./);
    const eof = await runProgram('alternatives', ['alternatives', '--config', 'mta'], { stdin: '' });
    expect(eof.stderr).toBe('\nerror reading choice\n');
    expect(eof.status).toBe(2);
  });

  it('a non-root user cannot change the links', async () => {
    const r = await runProgram('alternatives', ['alternatives', '--set', 'mta', '/usr/sbin/sendmail.postfix'], { user: 'user1' });
    expect(r.stderr).toBe('failed to create /var/lib/alternatives/mta.new: Permission denied\n');
    expect(r.status).toBe(2);
  });
});
