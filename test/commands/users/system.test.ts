import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { clearLogs, read, run, writeFiles } from './helpers';

const HOSTS =
  '127.0.0.1   localhost localhost.localdomain\n192.168.2.2 rhel1.local.com rhel1\n192.168.2.3 rhel2.local.com rhel2\n';

async function lab(): Promise<Lab> {
  const l = Lab.create();
  await l.settle();
  clearLogs(l);
  writeFiles(l.host('rhel1'), { '/etc/hosts': HOSTS });
  writeFiles(l.host('rhel2'), { '/etc/hosts': HOSTS });
  return l;
}

describe('uname', () => {
  it('-a on both hosts', async () => {
    const l = await lab();
    expect(await run('uname', ['uname', '-a'], { lab: l })).toMatchObject({
      stdout: 'Linux rhel1.local.com 2.6.32-131.0.15.el6.i686 #1 SMP Tue May 10 15:42:28 EDT 2011 i686 i686 i386 GNU/Linux\n',
      stderr: '',
      status: 0,
    });
    expect((await run('uname', ['uname', '-a'], { lab: l, host: 'rhel2' })).stdout).toBe(
      'Linux rhel2.local.com 2.6.18-164.el5 #1 SMP Tue Aug 18 15:51:54 EDT 2009 i686 i686 i386 GNU/Linux\n',
    );
  });

  it('single fields in the fixed order', async () => {
    const l = await lab();
    expect((await run('uname', ['uname'], { lab: l })).stdout).toBe('Linux\n');
    expect((await run('uname', ['uname', '-r'], { lab: l })).stdout).toBe('2.6.32-131.0.15.el6.i686\n');
    expect((await run('uname', ['uname', '-m', '-n'], { lab: l })).stdout).toBe('rhel1.local.com i686\n');
    expect((await run('uname', ['uname', '-o', '-s', '-p', '-i'], { lab: l })).stdout).toBe('Linux i686 i386 GNU/Linux\n');
    expect(await run('uname', ['uname', 'x'], { lab: l })).toMatchObject({ stderr: "uname: extra operand `x'\nTry `uname --help' for more information.\n", status: 1 });
  });
});

describe('hostname', () => {
  it('shows the names', async () => {
    const l = await lab();
    expect((await run('hostname', ['hostname'], { lab: l })).stdout).toBe('rhel1.local.com\n');
    expect((await run('hostname', ['hostname', '-s'], { lab: l })).stdout).toBe('rhel1\n');
    expect((await run('hostname', ['hostname', '-f'], { lab: l })).stdout).toBe('rhel1.local.com\n');
    expect((await run('hostname', ['hostname', '-d'], { lab: l })).stdout).toBe('local.com\n');
    expect((await run('hostname', ['hostname', '-i'], { lab: l })).stdout).toBe('192.168.2.2 \n');
    expect((await run('hostname', ['hostname', '-a'], { lab: l })).stdout).toBe('rhel1 \n');
  });

  it('root sets it; others may not', async () => {
    const l = await lab();
    expect(await run('hostname', ['hostname', 'mail.local.com'], { lab: l, user: 'user1' })).toMatchObject({
      stderr: 'hostname: you must be root to change the host name\n',
      status: 1,
    });
    expect(await run('hostname', ['hostname', 'mail.local.com'], { lab: l })).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(l.host('rhel1').hostname).toBe('mail.local.com');
    expect((await run('uname', ['uname', '-n'], { lab: l })).stdout).toBe('mail.local.com\n');
    expect(await run('hostname', ['hostname', '-f'], { lab: l })).toMatchObject({ stdout: '', stderr: 'hostname: Unknown host\n', status: 1 });
  });

  it('bad options print the usage', async () => {
    const l = await lab();
    const r = await run('hostname', ['hostname', '-q'], { lab: l });
    expect(r.status).toBe(255);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(["hostname: invalid option -- 'q'", 'Usage: hostname [-v] {hostname|-F file}      set hostname (from file)']);
  });
});

describe('date', () => {
  it('prints the lab clock in America/Denver', async () => {
    const l = await lab();
    expect(await run('date', ['date'], { lab: l })).toMatchObject({ stdout: 'Sat Apr 26 11:25:00 MDT 2014\n', stderr: '', status: 0 });
    expect((await run('date', ['date', '-u'], { lab: l })).stdout).toBe('Sat Apr 26 17:25:00 UTC 2014\n');
    expect((await run('date', ['date', '-R'], { lab: l })).stdout).toBe('Sat, 26 Apr 2014 11:25:00 -0600\n');
    expect((await run('date', ['date', '--rfc-3339=seconds'], { lab: l })).stdout).toBe('2014-04-26 11:25:00-06:00\n');
    expect((await run('date', ['date', '-I'], { lab: l })).stdout).toBe('2014-04-26\n');
    expect((await run('date', ['date'], { lab: l, env: { TZ: 'UTC' } })).stdout).toBe('Sat Apr 26 17:25:00 UTC 2014\n');
  });

  it('formats with strftime directives', async () => {
    const l = await lab();
    const f = async (fmt: string, env: Record<string, string> = {}): Promise<string> => (await run('date', ['date', fmt], { lab: l, env })).stdout;
    expect(await f('+%Y-%m-%d %H:%M:%S')).toBe('2014-04-26 11:25:00\n');
    expect(await f('+%a %A %b %B %e %j %u %w %U %W %V %G %g')).toBe('Sat Saturday Apr April 26 116 6 6 16 16 17 2014 14\n');
    expect(await f('+%s %z %:z %::z %Z %p %P %I %l %k')).toBe('1398533100 -0600 -06:00 -06:00:00 MDT AM am 11 11 11\n');
    expect(await f('+%D %F %T %R %r %C %y %h %N')).toBe('04/26/14 2014-04-26 11:25:00 11:25 11:25:00 AM 20 14 Apr 000000000\n');
    expect(await f('+%c|%x|%X')).toBe('Sat 26 Apr 2014 11:25:00 AM MDT|04/26/2014|11:25:00 AM\n');
    expect(await f('+%c|%x|%X', { LANG: 'C' })).toBe('Sat Apr 26 11:25:00 2014|04/26/14|11:25:00\n');
    expect(await f('+%-d|%_m|%05Y|%^a|%#Z|%10B|%%|%Q')).toBe('26| 4|02014|SAT|mdt|     April|%|%Q\n');
  });

  it('-d understands common phrases', async () => {
    const l = await lab();
    const d = async (s: string, fmt = '+%F %T %Z'): Promise<string> => (await run('date', ['date', '-d', s, fmt], { lab: l })).stdout.trim();
    expect(await d('now')).toBe('2014-04-26 11:25:00 MDT');
    expect(await d('yesterday')).toBe('2014-04-25 11:25:00 MDT');
    expect(await d('tomorrow')).toBe('2014-04-27 11:25:00 MDT');
    expect(await d('2 days ago')).toBe('2014-04-24 11:25:00 MDT');
    expect(await d('+3 hours')).toBe('2014-04-26 14:25:00 MDT');
    expect(await d('next week')).toBe('2014-05-03 11:25:00 MDT');
    expect(await d('2014-01-15')).toBe('2014-01-15 00:00:00 MST');
    expect(await d('2014-01-15 08:30')).toBe('2014-01-15 08:30:00 MST');
    expect(await d('Jan 15 2015 2:00pm')).toBe('2015-01-15 14:00:00 MST');
    expect(await d('15 Jan 2015')).toBe('2015-01-15 00:00:00 MST');
    expect(await d('12/25/2014')).toBe('2014-12-25 00:00:00 MST');
    expect(await d('@0', '+%F %T')).toBe('1969-12-31 17:00:00');
    expect(await d('monday')).toBe('2014-04-28 00:00:00 MDT');
    expect(await d('last saturday')).toBe('2014-04-19 00:00:00 MDT');
    expect(await d('noon')).toBe('2014-04-26 12:00:00 MDT');
    expect(await d('2014-04-26 12:11:46 UTC')).toBe('2014-04-26 06:11:46 MDT');
    expect(await d('1 month ago')).toBe('2014-03-26 11:25:00 MDT');
  });

  it('errors', async () => {
    const l = await lab();
    expect(await run('date', ['date', '-d', 'blah'], { lab: l })).toMatchObject({ stdout: '', stderr: "date: invalid date `blah'\n", status: 1 });
    expect(await run('date', ['date', '+%Y', '+%m'], { lab: l })).toMatchObject({ stderr: "date: extra operand `+%m'\nTry `date --help' for more information.\n", status: 1 });
    expect(await run('date', ['date', '-x'], { lab: l })).toMatchObject({ stderr: "date: invalid option -- 'x'\nTry `date --help' for more information.\n", status: 1 });
    expect(await run('date', ['date', '-s', '2014-04-27 10:00'], { lab: l, user: 'user1' })).toMatchObject({
      stdout: 'Sun Apr 27 10:00:00 MDT 2014\n',
      stderr: 'date: cannot set date: Operation not permitted\n',
      status: 1,
    });
    expect(await run('date', ['date', '--rfc-3339=foo'], { lab: l })).toMatchObject({
      stderr: "date: invalid argument `foo' for `--rfc-3339'\nValid arguments are:\n  - `date'\n  - `seconds'\n  - `ns'\nTry `date --help' for more information.\n",
      status: 1,
    });
  });

  it('root moves the lab clock forward with -s', async () => {
    const l = await lab();
    expect(await run('date', ['date', '-s', '2014-04-26 13:00'], { lab: l })).toMatchObject({ stdout: 'Sat Apr 26 13:00:00 MDT 2014\n', status: 0 });
    expect((await run('date', ['date'], { lab: l })).stdout).toBe('Sat Apr 26 13:00:00 MDT 2014\n');
  });
});

describe('sleep', () => {
  it('waits in lab time', async () => {
    const l = await lab();
    const r = await run('sleep', ['sleep', '1.5', '1m'], { lab: l });
    expect(r).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(r.elapsed).toBeGreaterThanOrEqual(61_500);
    expect(r.elapsed).toBeLessThan(62_500);
    const t = await run('sleep', ['sleep', '2'], { lab: l, keys: [] });
    expect(t.elapsed).toBe(2000);
  });

  it('errors', async () => {
    const l = await lab();
    expect(await run('sleep', ['sleep'], { lab: l })).toMatchObject({ stderr: "sleep: missing operand\nTry `sleep --help' for more information.\n", status: 1 });
    expect(await run('sleep', ['sleep', 'x', '2y'], { lab: l })).toMatchObject({
      stderr: "sleep: invalid time interval `x'\nsleep: invalid time interval `2y'\nTry `sleep --help' for more information.\n",
      status: 1,
    });
    expect(await run('sleep', ['sleep', '-1'], { lab: l })).toMatchObject({ stderr: "sleep: invalid option -- '1'\nTry `sleep --help' for more information.\n", status: 1 });
  });
});

describe('logger', () => {
  it('writes to the right log', async () => {
    const l = await lab();
    const h = l.host('rhel1');
    expect(await run('logger', ['logger', 'hello', 'world'], { lab: l, user: 'user1' })).toMatchObject({ stdout: '', stderr: '', status: 0 });
    await run('logger', ['logger', '-t', 'test', '-p', 'mail.info', 'to maillog'], { lab: l });
    await run('logger', ['logger', '-i', '-p', 'authpriv.notice', '-t', 'me', 'secret'], { lab: l });
    await run('logger', ['logger', '-p', 'user.debug', 'dropped'], { lab: l });
    expect(read(h, '/var/log/messages')).toBe('Apr 26 11:25:00 rhel1 user1: hello world\n');
    expect(read(h, '/var/log/maillog')).toBe('Apr 26 11:25:00 rhel1 test: to maillog\n');
    expect(read(h, '/var/log/secure')).toMatch(/^Apr 26 11:25:00 rhel1 me\[\d+\]: secret\n$/);
    expect(await run('logger', ['logger', '-p', 'foo.info', 'x'], { lab: l })).toMatchObject({ stderr: 'logger: unknown facility name: foo.\n', status: 1 });
    expect(await run('logger', ['logger', '-s', 'both'], { lab: l })).toMatchObject({ stderr: 'root: both\n', status: 0 });
  });
});
