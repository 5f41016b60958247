import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanLab, installService, run } from '../../services/helpers';

/** Odd words a learner (or a cat on the keyboard) might type. */
const WORDS = ['', '-', '--', '-x', '--x', '--level', '--level=', '--list', '--add', '-p', '-o', '-s', '-C', '-l', '-9', '-HUP', '%', 'ax', '-ax', 'aux', 'start', 'stop', 'status', 'restart', 'reload', 'save', 'on', 'off', 'postfix', 'named', 'dovecot', 'iptables', 'nosuch', '../x', '/etc/passwd', '0', '-1', '99999999999', 'pid,comm', 'pid=', ':', '=', ',', 'now', '+1', '24:00', 'q', 'S', '\u00e9', ' ', '*'];

describe('system commands survive any arguments', () => {
  it('never throws, always gives a status', async () => {
    const lab = await cleanLab();
    for (const s of ['postfix', 'named', 'dovecot', 'iptables']) installService(lab.host('rhel1'), s, '35');
    const safe = ['service', 'chkconfig', 'ps', 'kill', 'pidof', 'pgrep', 'runlevel', '/etc/init.d/postfix', '/etc/init.d/named', '/etc/init.d/iptables'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...safe), fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), fc.constantFrom('root', 'user1'), async (cmd, args, user) => {
        // kill of -1 would take the lab's processes down with it; keep the lab alive for the next run
        if (cmd === 'kill' && args.some((a) => a === '-1' || a === '0' || a === '')) return;
        const r = await run(lab, 'rhel1', [cmd, ...args], { user });
        expect(Number.isInteger(r.status)).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('handles bad words on the power commands without going down', async () => {
    const lab = await cleanLab();
    const h = lab.host('rhel1');
    const gen = h.generation;
    for (const argv of [
      ['shutdown', '-z'],
      ['shutdown', '-r', 'later'],
      ['shutdown', '-r', '12:99'],
      ['reboot', '--frob'],
      ['halt', 'x'],
      ['init'],
      ['init', 'x'],
      ['telinit', '3', '4'],
    ]) {
      const r = await run(lab, 'rhel1', argv);
      expect(r.status).toBe(1);
    }
    expect(h.generation).toBe(gen);
  });
});
