import { ROOT } from '../fs/vfs';
import type { Host } from './host';
import { loginEnvironment } from '../shell/login';

/**
 * The console of a host: a root login shell on tty1. When it exits (the learner typed `exit` in
 * the outermost shell) a new login takes its place, as mingetty and an auto-login would.
 */
export function startConsole(host: Host): void {
  const generation = host.generation;
  const tty = host.console;
  const user = host.users.getpwuid(0);
  const home = user?.home ?? '/root';
  const env = loginEnvironment(host, user ?? { name: 'root', passwd: 'x', uid: 0, gid: 0, gecos: 'root', home, shell: '/bin/bash' });
  const proc = host.exec({
    argv: ['-bash'],
    program: host.lab.programs('bash'),
    path: '/bin/bash',
    stdin: tty,
    stdout: ttyOut(host),
    stderr: ttyOut(host),
    env,
    cwd: host.vfs.tryLookup(home, ROOT) ? home : '/',
    cred: user ? { uid: 0, gid: user.gid, groups: host.users.groupIds(user) } : ROOT,
    ppid: 1,
    tty,
    comm: '-bash',
    pid: generation === 1 ? host.profile.consolePid : undefined,
  });
  tty.foregroundPgid = proc.pgid;
  proc.exited.add(() => {
    if (host.generation === generation && !host.rebooting) startConsole(host);
  });
}

function ttyOut(host: Host) {
  return { isTTY: true, write: (t: string) => host.console.write(t) };
}

