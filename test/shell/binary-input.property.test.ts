import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConsoleSession } from '../harness/console';
import { ROOT } from '../../src/engine/fs/vfs';

describe('text tools on binary files', () => {
  it('cat, grep, sed, awk, sort, wc and less take any bytes without breaking the lab', async () => {
    const s = await ConsoleSession.start();
    const vfs = s.lab.host('rhel1').vfs;
    const commands = [
      'cat /tmp/bin.dat > /dev/null',
      'cat -v /tmp/bin.dat | head -c 100',
      'grep -c a /tmp/bin.dat',
      'grep -a x /tmp/bin.dat | wc -l',
      "sed 's/[a-z]/X/g' /tmp/bin.dat | wc -c",
      "sed -n '/\\x00/p' /tmp/bin.dat > /dev/null",
      "awk '{ n += NF } END { print n+0 }' /tmp/bin.dat",
      "awk -F'\\0' '{ print $2 }' /tmp/bin.dat > /dev/null",
      'sort /tmp/bin.dat | uniq -c > /dev/null',
      'wc /tmp/bin.dat',
      'tr -d "\\000" < /tmp/bin.dat | cut -c1-5 > /dev/null',
    ];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...commands), async (bytes, command) => {
        vfs.writeFile('/tmp/bin.dat', ROOT, String.fromCharCode(...bytes));
        await s.type('rhel1', command);
        await s.keys('rhel1', '\x03');
        const out = await s.type('rhel1', 'echo __alive__');
        expect(out).toContain('__alive__');
        expect(s.lab.faults).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });
});
