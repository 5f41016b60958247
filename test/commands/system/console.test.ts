import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../harness/console';
import { installService } from '../../services/helpers';

/**
 * The service lines as the console shows them (the headless screen drops colours and honours
 * the move to column 60), typed through the shell as in the chapter's transcripts.
 */
describe('services on the console', () => {
  it('shows the status column as the transcripts do', async () => {
    const s = await ConsoleSession.start();
    const h = s.lab.host('rhel1');
    for (const svc of ['postfix', 'named', 'iptables']) installService(h, svc, '2345');
    h.reboot(1000);
    await s.lab.settle({ fastForward: true });
    expect(await s.run('service named restart')).toBe(
      'Stopping named: .                                          [  OK  ]\nStarting named:                                            [  OK  ]',
    );
    expect(await s.run('service postfix restart')).toBe(
      'Shutting down postfix:                                     [  OK  ]\nStarting postfix:                                          [  OK  ]',
    );
    expect(await s.run('service iptables save')).toBe('iptables: Saving firewall rules to /etc/sysconfig/iptables:[  OK  ]');
    expect(await s.run('service postfix status')).toMatch(/^master \(pid {2}\d+\) is running\.\.\.$/);
  });
});
