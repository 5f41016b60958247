import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Lab } from '../src/engine/lab';
import { playReplay } from '../src/engine/replay/play';
import { parseIsoInstant } from '../src/engine/util/clock';

const REPLAY = ['@@ rhel1', 'ps -ef | tail -3', 'date', 'useradd user9', 'id user9', 'sleep 61', 'date', '@@ rhel2', 'ps aux | head -3', 'date'].join('\n');

describe('the lab front door', () => {
  it('gives the same screen for the same keystrokes, byte for byte', async () => {
    const a = await playReplay(Lab.create(), REPLAY);
    const b = await playReplay(Lab.create(), REPLAY);
    expect(a).toBe(b);
    expect(a).toContain('Sat Apr 26 11:26:01 MDT 2014');
  });

  it('starts the clock where it is told', async () => {
    const lab = Lab.create({ clock: parseIsoInstant('2015-01-10T08:00:00-07:00')! });
    const out = await playReplay(lab, '@@ rhel1\ndate\n');
    expect(out).toContain('Sat Jan 10 08:00:00 MST 2015');
  });

  it('restores files from a snapshot, with runtime state gone', async () => {
    const lab = Lab.create();
    await playReplay(lab, '@@ rhel1\necho saved > /root/file\nexport GONE=1\n');
    const again = Lab.fromSnapshot(lab.snapshot());
    const out = await playReplay(again, '@@ rhel1\ncat /root/file\necho "[$GONE]"\n');
    expect(out).toContain('saved');
    expect(out).toContain('[]');
  });
});

describe('npm run lab -- --replay', () => {
  it('plays a replay file from the command line and prints the screens', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-lab-'));
    const file = join(dir, 'x.replay');
    writeFileSync(file, '@@ rhel2\ncat /etc/redhat-release\n');
    const root = resolve(__dirname, '..');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--replay', file], { cwd: root, encoding: 'utf8' });
    expect(out).toBe('@@ rhel2\n[root@rhel2 ~]# cat /etc/redhat-release\nRed Hat Enterprise Linux Server release 5.4 (Tikanga)\n[root@rhel2 ~]#\n');
  });

  it('refuses a bad clock with a message and status 2', () => {
    const root = resolve(__dirname, '..');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--clock', 'yesterday'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = (e as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toBe('lab: --clock: not an ISO 8601 instant: yesterday\n');
  });
});
