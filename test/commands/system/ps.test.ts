import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { cleanLab, installService, run } from '../../services/helpers';

const HELP = `********* simple selection *********  ********* selection by list *********
-A all processes                      -C by command name
-N negate selection                   -G by real group ID (supports names)
-a all w/ tty except session leaders  -U by real user ID (supports names)
-d all except session leaders         -g by session OR by effective group name
-e all processes                      -p by process ID
T  all processes on this terminal     -s processes in the sessions given
a  all w/ tty, including other users  -t by tty
g  OBSOLETE -- DO NOT USE             -u by effective user ID (supports names)
r  only running processes             U  processes for specified users
x  processes w/o controlling ttys     t  by tty
*********** output format **********  *********** long options ***********
-o,o user-defined  -f full            --Group --User --pid --cols --ppid
-j,j job control   s  signal          --group --user --sid --rows --info
-O,O preloaded -o  v  virtual memory  --cumulative --format --deselect
-l,l long          u  user-oriented   --sort --tty --forest --version
-F   extra full    X  registers       --heading --no-heading --context
                    ********* misc options *********
-V,V  show version      L  list format codes  f  ASCII art forest
-m,m,-L,-T,H  threads   S  children in sum    -y change -l format
-M,Z  security data     c  true command name  -c scheduling class
-w,w  wide output       n  numeric WCHAN,UID  -H process hierarchy
`;

describe('ps', () => {
  let lab: Lab;
  let master: number;
  beforeAll(async () => {
    lab = await cleanLab();
    installService(lab.host('rhel1'), 'postfix', '2345');
    await run(lab, 'rhel1', ['service', 'postfix', 'start']);
    master = Number(lab.host('rhel1').vfs.readFile('/var/spool/postfix/pid/master.pid', ROOT).trim());
  });

  const p = (n: number): string => String(n).padStart(5);

  it('lists full format for selected commands (-f -C)', async () => {
    expect(await run(lab, 'rhel1', ['ps', '-f', '-C', 'master,pickup,qmgr'])).toEqual({
      stdout:
        'UID        PID  PPID  C STIME TTY          TIME CMD\n' +
        `root     ${p(master)}     1  0 11:25 ?        00:00:00 /usr/libexec/postfix/master\n` +
        `postfix  ${p(master + 5)} ${p(master)}  0 11:25 ?        00:00:00 pickup -l -t fifo -u\n` +
        `postfix  ${p(master + 6)} ${p(master)}  0 11:25 ?        00:00:00 qmgr -l -t fifo -u\n`,
      stderr: '',
      status: 0,
    });
  });

  it('has the BSD user format (u)', async () => {
    expect(await run(lab, 'rhel1', ['ps', 'u', '-C', 'master'])).toEqual({
      stdout:
        'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        `root      ${String(master).padStart(4)}  0.0  0.2  10192  2536 ?        Ss   11:25   0:00 /usr/libexec/postfix/master\n`,
      stderr: '',
      status: 0,
    });
  });

  it('has the long format (-l) with kernel threads', async () => {
    expect(await run(lab, 'rhel1', ['ps', '-l', '-p', '1,2'])).toEqual({
      stdout:
        'F S   UID   PID  PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD\n' +
        '4 S     0     1     0  0  80   0 -   725 poll_s ?        00:00:00 init\n' +
        '1 S     0     2     0  0  80   0 -     0 kthrea ?        00:00:00 kthreadd\n',
      stderr: '',
      status: 0,
    });
  });

  it('cuts lines at the terminal width, not in a pipe', async () => {
    const tty = await run(lab, 'rhel1', ['ps', 'aux'], { tty: true });
    const lines = tty.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines).toContain(`root      ${String(master).padStart(4)}  0.0  0.2  10192  2536 ?        Ss   11:25   0:00 /usr/libexec/po`);
    expect(lines).toContain('root         2  0.0  0.0      0     0 ?        S    11:25   0:00 [kthreadd]');
    const pipe = await run(lab, 'rhel1', ['ps', 'aux']);
    expect(pipe.stdout).toContain(`root      ${String(master).padStart(4)}  0.0  0.2  10192  2536 ?        Ss   11:25   0:00 /usr/libexec/postfix/master\n`);
    const wide = await run(lab, 'rhel1', ['ps', 'auxww'], { tty: true });
    expect(wide.stdout).toContain('/usr/libexec/postfix/master\n');
  });

  it('shows only the processes of its terminal by default', async () => {
    const r = await run(lab, 'rhel1', ['ps'], { tty: true });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('  PID TTY          TIME CMD');
    expect(lines.slice(1, -1).map((l) => l.replace(/^ *\d+/, ''))).toEqual([' tty1     00:00:00 ps', ' tty1     00:00:00 -bash']);
    expect(r.status).toBe(0);
  });

  it('draws the forest with init children unindented', async () => {
    const r = await run(lab, 'rhel1', ['ps', '-ef', '--forest']);
    expect(r.stdout).toContain(
      `root     ${p(master)}     1  0 11:25 ?        00:00:00 /usr/libexec/postfix/master\n` +
        `postfix  ${p(master + 5)} ${p(master)}  0 11:25 ?        00:00:00  \\_ pickup -l -t fifo -u\n` +
        `postfix  ${p(master + 6)} ${p(master)}  0 11:25 ?        00:00:00  \\_ qmgr -l -t fifo -u\n`,
    );
    expect(r.stdout.split('\n')[1]).toBe('root         2     0  0 11:25 ?        00:00:00 [kthreadd]');
    expect(r.stdout).toContain('root         3     2  0 11:25 ?        00:00:00  \\_ [migration/0]\n');
  });

  it('takes user-defined columns, headers and sorting', async () => {
    expect(await run(lab, 'rhel1', ['ps', '-U', 'postfix', '-o', 'pid=,comm='])).toEqual({
      stdout: `${p(master + 5)} pickup\n${p(master + 6)} qmgr\n`,
      stderr: '',
      status: 0,
    });
    expect(await run(lab, 'rhel1', ['ps', '-o', 'user:10,pid,args', '--sort', '-pid', '-u', 'postfix'])).toEqual({
      stdout: `USER         PID COMMAND\npostfix    ${p(master + 6)} qmgr -l -t fifo -u\npostfix    ${p(master + 5)} pickup -l -t fifo -u\n`,
      stderr: '',
      status: 0,
    });
  });

  it('prints the header and exits 1 when nothing matches', async () => {
    expect(await run(lab, 'rhel1', ['ps', '-p', '31999'])).toEqual({ stdout: '  PID TTY          TIME CMD\n', stderr: '', status: 1 });
    expect(await run(lab, 'rhel1', ['ps', '--no-headers', '-C', 'nothing'])).toEqual({ stdout: '', stderr: '', status: 1 });
  });

  it('accepts the bogus "-aux" with its warning', async () => {
    const r = await run(lab, 'rhel1', ['ps', '-aux']);
    expect(r.stderr).toBe("Warning: bad ps syntax, perhaps a bogus '-'? See http://procps.sf.net/faq.html\n");
    expect(r.stdout.split('\n')[0]).toBe('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(r.status).toBe(0);
  });

  it('explains bad options with the help text', async () => {
    expect(await run(lab, 'rhel1', ['ps', '-o', 'foo'])).toEqual({ stdout: '', stderr: `ERROR: Unknown user-defined format specifier "foo".\n${HELP}`, status: 1 });
    expect(await run(lab, 'rhel1', ['ps', '--foo'])).toEqual({ stdout: '', stderr: `ERROR: Unknown gnu long option.\n${HELP}`, status: 1 });
    expect(await run(lab, 'rhel1', ['ps', '-p'])).toEqual({ stdout: '', stderr: `ERROR: List of process IDs must follow -p.\n${HELP}`, status: 1 });
    expect(await run(lab, 'rhel1', ['ps', '-p', 'abc'])).toEqual({ stdout: '', stderr: `ERROR: Process ID list syntax error.\n${HELP}`, status: 1 });
    expect(await run(lab, 'rhel1', ['ps', '-u', 'nosuchuser'])).toEqual({ stdout: '', stderr: `ERROR: User name does not exist.\n${HELP}`, status: 1 });
  });

  it('prints its version and help', async () => {
    expect(await run(lab, 'rhel1', ['ps', '--version'])).toEqual({ stdout: 'procps version 3.2.8\n', stderr: '', status: 0 });
    expect(await run(lab, 'rhel1', ['ps', '--help'])).toEqual({ stdout: HELP, stderr: '', status: 0 });
    expect(await run(lab, 'rhel2', ['ps', 'V'])).toEqual({ stdout: 'procps version 3.2.7\n', stderr: '', status: 0 });
  });

  it('shows RHEL 5 init', async () => {
    expect(await run(lab, 'rhel2', ['ps', '-f', '-p', '1'])).toEqual({
      stdout: 'UID        PID  PPID  C STIME TTY          TIME CMD\nroot         1     0  0 11:25 ?        00:00:00 init [3]\n',
      stderr: '',
      status: 0,
    });
  });
});
