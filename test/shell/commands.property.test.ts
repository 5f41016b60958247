import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConsoleSession } from '../harness/console';
const cmds = ['ls -l /etc', 'ls -R /var/spool', 'find / -name "*.cf"', 'find /etc -type l -exec ls {} +', 'sort /etc/passwd', 'uniq -c', 'awk -F: \'{print $1}\' /etc/passwd', 'sed -n 2p /etc/hosts', 'grep -r root /etc/ 2>/dev/null', 'cp -r /etc/postfix /tmp/pf', 'rm -rf /tmp/pf', 'mkdir -p /tmp/a/b', 'chmod -R 700 /tmp/a', 'chown -R user1:user1 /tmp/a', 'su - user1', 'su user2', 'exit', 'yum list installed', 'rpm -qa', 'rpm -qf /bin/ls', 'service postfix restart', 'service named stop', 'service named start', 'chkconfig --list', 'ps aux', 'ps -ef', 'pidof master', 'useradd fuzz', 'userdel -r fuzz', 'passwd fuzz', 'history', 'man ls', 'less /etc/hosts', 'more /etc/services', 'q', 'tail -n 3 /var/log/messages', 'date', 'id', 'groups', 'uname -a', 'hostname', 'wc -l /etc/*', 'diff /etc/hosts /etc/hosts.allow', 'xargs echo', 'echo a b | xargs -n1', 'seq 5 | sort -rn | head -2', 'tr a-z A-Z < /etc/hosts', 'cut -d: -f1 /etc/group', 'stat /etc', 'touch /tmp/t', 'ln -s /tmp/t /tmp/l', 'readlink -f /tmp/l', 'du -sh /etc', 'df -h', 'alternatives --display mta', 'yum info postfix', 'env', 'which ls', 'type ll', 'cd /tmp', 'cd -', 'pwd', '|', ';', '&&', '>', '/tmp/out', '<', '2>&1', '&', '$(', ')', '"', "'", 'y', 'n', '\x03', '\x04', '\t', '\x1b[A', '\x12'];
// Real commands, operators and keys thrown together: whatever they do to the files, the lab must
// not fault and the console must come back to a prompt after ^C, q and ^D.
describe('the console under random sequences of real commands', () => {
it('never faults and always answers again', async () => {
  const s = await ConsoleSession.start();
  await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...cmds), { minLength: 1, maxLength: 6 }), async (parts) => {
    await s.keys('rhel1', parts.join(' ') + '\r');
    // One key at a time, as a person types them (a ^C flushes what is typed ahead of it).
    for (const key of ['\x03', 'q', '\x03', 'q', '\x03', 'q', '\x03', '\x04', '\x04']) await s.keys('rhel1', key);
    const out = await s.type('rhel1', 'echo __alive__');
    expect(out).toContain('__alive__');
    expect(s.lab.faults).toEqual([]);
  }), { numRuns: 600 });
}, 600_000);
});
