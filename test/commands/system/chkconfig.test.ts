import { beforeEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { cleanLab, installService, run, writeFile } from '../../services/helpers';

const line = (name: string, on: string): string =>
  name.padEnd(15) + [0, 1, 2, 3, 4, 5, 6].map((i) => `\t${i}:${on.includes(String(i)) ? 'on' : 'off'}`).join('') + '\n';

const USAGE6 =
  'chkconfig version 1.3.49.3 - Copyright (C) 1997-2000 Red Hat, Inc.\n' +
  'This may be freely redistributed under the terms of the GNU Public License.\n' +
  '\n' +
  'usage:   chkconfig [--list] [--type <type>] [name]\n' +
  '         chkconfig --add <name>\n' +
  '         chkconfig --del <name>\n' +
  '         chkconfig --override <name>\n' +
  '         chkconfig [--level <levels>] [--type <type>] <name> <on|off|reset|resetpriorities>\n';

function links(lab: Lab, level: number): string[] {
  return lab
    .host('rhel1')
    .vfs.readdir(`/etc/rc.d/rc${level}.d`, ROOT)
    .sort();
}

describe('chkconfig (RHEL 6)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await cleanLab();
    const h = lab.host('rhel1');
    installService(h, 'postfix', '2345');
    installService(h, 'named', '-');
    installService(h, 'dovecot', '-');
  });

  it('lists every service in name order', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', '--list'])).toEqual({
      stdout: line('dovecot', '') + line('named', '') + line('postfix', '2345'),
      stderr: '',
      status: 0,
    });
    // no arguments at all lists too
    expect((await run(lab, 'rhel1', ['chkconfig'])).stdout).toBe(line('dovecot', '') + line('named', '') + line('postfix', '2345'));
  });

  it('lists one service, for any user', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', '--list', 'postfix'], { user: 'user1' })).toEqual({ stdout: line('postfix', '2345'), stderr: '', status: 0 });
  });

  it('turns a service on for 2345 and writes the links', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', 'dovecot', 'on'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await run(lab, 'rhel1', ['chkconfig', '--list', 'dovecot'])).stdout).toBe(line('dovecot', '2345'));
    expect(links(lab, 3)).toContain('S65dovecot');
    expect(links(lab, 0)).toContain('K35dovecot');
    expect(lab.host('rhel1').vfs.readlink('/etc/rc.d/rc3.d/S65dovecot', ROOT)).toBe('../init.d/dovecot');
  });

  it('honours --level, before or after the name', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', '--level', '35', 'named', 'on'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['chkconfig', 'postfix', 'off', '--level=4'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await run(lab, 'rhel1', ['chkconfig', '--list'])).stdout).toBe(line('dovecot', '') + line('named', '35') + line('postfix', '235'));
  });

  it('resets a service to its defaults', async () => {
    await run(lab, 'rhel1', ['chkconfig', 'postfix', 'off']);
    expect((await run(lab, 'rhel1', ['chkconfig', '--list', 'postfix'])).stdout).toBe(line('postfix', ''));
    expect(await run(lab, 'rhel1', ['chkconfig', 'postfix', 'reset'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await run(lab, 'rhel1', ['chkconfig', '--list', 'postfix'])).stdout).toBe(line('postfix', '2345'));
  });

  it('answers a query with its exit status only', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', 'postfix'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['chkconfig', 'named'])).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(await run(lab, 'rhel1', ['chkconfig', '--level', '1', 'postfix'])).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(await run(lab, 'rhel1', ['chkconfig', 'nosuch'])).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(await run(lab, 'rhel1', ['chkconfig', '--level', '23', 'postfix'])).toEqual({
      stdout: '',
      stderr: 'only one runlevel may be specified for a chkconfig query\n',
      status: 1,
    });
  });

  it('reports a missing service', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', 'nosuch', 'on'])).toEqual({
      stdout: '',
      stderr: 'error reading information on service nosuch: No such file or directory\n',
      status: 1,
    });
    expect(await run(lab, 'rhel1', ['chkconfig', '--list', 'nosuch'])).toEqual({
      stdout: '',
      stderr: 'error reading information on service nosuch: No such file or directory\n',
      status: 1,
    });
  });

  it('reads a learner script header, and complains without one', async () => {
    const vfs = lab.host('rhel1').vfs;
    writeFile(vfs, '/etc/rc.d/init.d/myapp', '#!/bin/bash\n#\n# chkconfig: 345 99 01\n# description: my app\n', 0o755);
    writeFile(vfs, '/etc/rc.d/init.d/plain', '#!/bin/bash\necho hi\n', 0o755);
    expect(await run(lab, 'rhel1', ['chkconfig', '--list', 'myapp'])).toEqual({
      stdout: '',
      stderr: "service myapp supports chkconfig, but is not referenced in any runlevel (run 'chkconfig --add myapp')\n",
      status: 1,
    });
    expect(await run(lab, 'rhel1', ['chkconfig', '--add', 'myapp'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await run(lab, 'rhel1', ['chkconfig', '--list', 'myapp'])).stdout).toBe(line('myapp', '345'));
    expect(links(lab, 3)).toContain('S99myapp');
    expect(links(lab, 6)).toContain('K01myapp');
    expect(await run(lab, 'rhel1', ['chkconfig', 'plain', 'on'])).toEqual({ stdout: '', stderr: 'service plain does not support chkconfig\n', status: 1 });
    // unconfigured scripts and scripts without a header stay out of the list
    expect((await run(lab, 'rhel1', ['chkconfig', '--del', 'myapp'])).status).toBe(0);
    expect((await run(lab, 'rhel1', ['chkconfig', '--list'])).stdout).toBe(line('dovecot', '') + line('named', '') + line('postfix', '2345'));
  });

  it('needs root to change anything', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', 'postfix', 'off'], { user: 'user1' })).toEqual({
      stdout: '',
      stderr: 'You do not have enough privileges to perform this operation.\n',
      status: 1,
    });
    expect((await run(lab, 'rhel1', ['chkconfig', '--list', 'postfix'])).stdout).toBe(line('postfix', '2345'));
  });

  it('prints its usage on bad words', async () => {
    for (const argv of [
      ['chkconfig', 'postfix', 'maybe'],
      ['chkconfig', '--level', '7', 'postfix', 'on'],
      ['chkconfig', '--level', '', 'postfix', 'on'],
      ['chkconfig', '--add'],
      ['chkconfig', '--help'],
      ['chkconfig', '--list', 'a', 'b'],
    ]) {
      expect(await run(lab, 'rhel1', argv)).toEqual({ stdout: '', stderr: USAGE6, status: 1 });
    }
  });

  it('reports popt errors', async () => {
    expect(await run(lab, 'rhel1', ['chkconfig', '--foo'])).toEqual({ stdout: '', stderr: '--foo: unknown option\n', status: 1 });
    expect(await run(lab, 'rhel1', ['chkconfig', '-x'])).toEqual({ stdout: '', stderr: '-x: unknown option\n', status: 1 });
    expect(await run(lab, 'rhel1', ['chkconfig', 'postfix', '--level'])).toEqual({ stdout: '', stderr: '--level: missing argument\n', status: 1 });
    expect(await run(lab, 'rhel1', ['chkconfig', '--add', '--del', 'postfix'])).toEqual({
      stdout: '',
      stderr: 'only one of --list, --add, --del, or --override may be specified\n',
      status: 1,
    });
    expect(await run(lab, 'rhel1', ['chkconfig', '--type', 'foo', 'postfix'])).toEqual({ stdout: '', stderr: "--type must be 'sysv' or 'xinetd'\n", status: 1 });
    expect(await run(lab, 'rhel1', ['chkconfig', '--version'])).toEqual({ stdout: 'chkconfig version 1.3.49.3\n', stderr: '', status: 0 });
  });

  it('adds the xinetd section when xinetd is on', async () => {
    const h = lab.host('rhel1');
    installService(h, 'xinetd', '345');
    writeFile(h.vfs, '/etc/xinetd.d/tftp', 'service tftp\n{\n\tdisable\t= yes\n\tserver\t= /usr/sbin/in.tftpd\n}\n');
    writeFile(h.vfs, '/etc/xinetd.d/rsync', 'service rsync\n{\n\tdisable\t= no\n}\n');
    const list = await run(lab, 'rhel1', ['chkconfig', '--list']);
    expect(list.stdout).toBe(
      line('dovecot', '') + line('named', '') + line('postfix', '2345') + line('xinetd', '345') + '\nxinetd based services:\n\trsync:         \ton\n\ttftp:          \toff\n',
    );
    expect(await run(lab, 'rhel1', ['chkconfig', 'tftp', 'on'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(h.vfs.readFile('/etc/xinetd.d/tftp', ROOT)).toBe('service tftp\n{\n\tdisable\t= no\n\tserver\t= /usr/sbin/in.tftpd\n}\n');
    expect(await run(lab, 'rhel1', ['chkconfig', '--list', 'tftp'])).toEqual({ stdout: 'tftp           \ton\n', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['chkconfig', 'tftp'])).toEqual({ stdout: '', stderr: '', status: 0 });
  });
});

describe('chkconfig (RHEL 5)', () => {
  it('prints usage without arguments and has the old usage text', async () => {
    const lab = await cleanLab();
    installService(lab.host('rhel2'), 'sendmail', '2345');
    expect(await run(lab, 'rhel2', ['chkconfig'])).toEqual({
      stdout: '',
      stderr:
        'chkconfig version 1.3.30.1 - Copyright (C) 1997-2000 Red Hat, Inc.\n' +
        'This may be freely redistributed under the terms of the GNU Public License.\n' +
        '\n' +
        'usage:   chkconfig --list [name]\n' +
        '         chkconfig --add <name>\n' +
        '         chkconfig --del <name>\n' +
        '         chkconfig [--level <levels>] <name> <on|off|reset|resetpriorities>\n',
      status: 1,
    });
    expect((await run(lab, 'rhel2', ['chkconfig', '--list'])).stdout).toBe(line('sendmail', '2345'));
    // no privilege check: the symlink calls fail one by one
    const r = await run(lab, 'rhel2', ['chkconfig', '--level', '3', 'sendmail', 'off'], { user: 'user1' });
    expect(r).toEqual({ stdout: '', stderr: 'failed to make symlink /etc/rc3.d/K30sendmail: Permission denied\n', status: 1 });
  });
});
