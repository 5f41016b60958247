import { ROOT } from '../../fs/vfs';
import { SIGINT, SIGKILL, SIGQUIT, SIGTERM } from '../../proc/signals';
import { sleepFor } from '../../proc/sleep';
import type { Program, ProgramContext } from '../../proc/program';
import { loginEnvironment } from '../../shell/login';
import { coreutilsVersion, credOf, execAndWait, getopt, isEl5, loginName, progName, readSecret, tryHelp } from './common';

/** Whether shell is listed in /etc/shells (a missing file allows the standard shells only). */
function allowedShell(ctx: ProgramContext, shell: string): boolean {
  const node = ctx.host.vfs.tryLookup('/etc/shells', ROOT);
  if (!node || node.type !== 'file') return shell === '/bin/sh' || shell === '/bin/bash' || shell === '/bin/csh';
  return node.data.split('\n').some((l) => l.trim() === shell);
}

function help(prog: string): string {
  return (
    `Usage: ${prog} [OPTION]... [-] [USER [ARG]...]\n` +
    'Change the effective user id and group id to that of USER.\n\n' +
    '  -, -l, --login               make the shell a login shell\n' +
    '  -c, --command=COMMAND        pass a single COMMAND to the shell with -c\n' +
    '  --session-command=COMMAND    pass a single COMMAND to the shell with -c\n' +
    '                               and do not create a new session\n' +
    '  -f, --fast                   pass -f to the shell (for csh or tcsh)\n' +
    '  -m, --preserve-environment   do not reset environment variables\n' +
    '  -p                           same as -m\n' +
    '  -s, --shell=SHELL            run SHELL if /etc/shells allows it\n' +
    '      --help     display this help and exit\n' +
    '      --version  output version information and exit\n\n' +
    'A mere - implies -l.   If USER not given, assume root.\n'
  );
}

/**
 * su(1) as RHEL ships it (coreutils with Red Hat's PAM patch): root switches without a
 * password, anyone else is asked for the target's password; `-` makes a login shell with a
 * fresh environment. The session is logged to /var/log/secure by pam_unix.
 */
export const su: Program = async (ctx) => {
  const prog = progName(ctx, 'su');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'c:flmps:',
    long: [
      { name: 'command', arg: 'required', key: 'c' },
      { name: 'session-command', arg: 'required', key: 'C' },
      { name: 'fast', arg: 'none', key: 'f' },
      { name: 'login', arg: 'none', key: 'l' },
      { name: 'preserve-environment', arg: 'none', key: 'm' },
      { name: 'shell', arg: 'required', key: 's' },
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return 1;
  }
  let command: string | null = null;
  let fast = false;
  let login = false;
  let keepEnv = false;
  let shellOpt: string | null = null;
  for (const o of p.opts) {
    switch (o.key) {
      case 'c':
      case 'C':
        command = o.value;
        break;
      case 'f':
        fast = true;
        break;
      case 'l':
        login = true;
        break;
      case 'm':
      case 'p':
        keepEnv = true;
        break;
      case 's':
        shellOpt = o.value;
        break;
      case 'help':
        ctx.stdout.write(help(prog) + (isEl5(ctx) ? '\nReport bugs to <bug-coreutils@gnu.org>.\n' : '\nReport su bugs to bug-coreutils@gnu.org\nGNU coreutils home page: <http://www.gnu.org/software/coreutils/>\nGeneral help using GNU software: <http://www.gnu.org/gethelp/>\nFor complete documentation, run: info coreutils \'su invocation\'\n'));
        return 0;
      case 'version':
        ctx.stdout.write(coreutilsVersion(ctx, 'su', 'David MacKenzie'));
        return 0;
    }
  }
  const rest = [...p.operands];
  if (rest[0] === '-') {
    login = true;
    rest.shift();
  }
  const target = rest.shift() ?? 'root';
  const users = ctx.host.users;
  const pw = users.getpwnam(target);
  if (!pw) {
    ctx.stderr.write(`${prog}: user ${target} does not exist\n`);
    return 1;
  }
  const caller = ctx.fs.cred;
  const callerName = users.getpwuid(caller.uid)?.name ?? '';
  const service = login ? 'su-l' : 'su';
  const logname = loginName(ctx);
  const ttyName = ctx.tty ? ctx.tty.name : '';

  // pam_rootok lets root through; everyone else gives the target's password to pam_unix.
  if (caller.uid !== 0) {
    const answer = await readSecret(ctx, 'Password: ');
    if (answer === null || !users.checkPassword(pw.name, answer)) {
      ctx.host.syslog.log(
        'authpriv',
        prog.split('/').pop()!,
        null,
        `pam_unix(${service}:auth): authentication failure; logname=${logname ?? ''} uid=${caller.uid} euid=0 tty=${ttyName} ruser=${callerName} rhost=  user=${pw.name}`,
      );
      await sleepFor(ctx.proc, ctx.host.lab.scheduler, 2000);
      ctx.stderr.write(`${prog}: incorrect password\n`);
      return 1;
    }
  }

  let shell = pw.shell || '/bin/sh';
  if (shellOpt === null && keepEnv && ctx.env.SHELL) shellOpt = ctx.env.SHELL;
  if (shellOpt !== null) {
    if (caller.uid !== 0 && !allowedShell(ctx, shell)) {
      ctx.stderr.write(`${prog}: using restricted shell ${shell}\n`);
    } else shell = shellOpt;
  }

  const cred = credOf(ctx, pw);
  let cwd = ctx.fs.cwd;
  let env: Record<string, string>;
  if (login) {
    env = loginEnvironment(ctx.host, pw);
    env.SHELL = shell;
    if (ctx.env.TERM !== undefined) env.TERM = ctx.env.TERM;
    if (ctx.env.DISPLAY !== undefined) env.DISPLAY = ctx.env.DISPLAY;
    const home = ctx.host.vfs.tryLookup(pw.home, cred);
    if (home && home.type === 'dir') cwd = pw.home;
    else {
      let why = 'No such file or directory';
      try {
        ctx.host.vfs.lookup(pw.home, cred);
        why = 'Not a directory';
      } catch (e) {
        why = e instanceof Error ? e.message : why;
      }
      ctx.stderr.write(`${prog}: warning: cannot change directory to ${pw.home}: ${why}\n`);
    }
    env.PWD = cwd;
  } else if (keepEnv) {
    env = { ...ctx.env };
  } else {
    env = { ...ctx.env, HOME: pw.home, SHELL: shell };
    if (pw.uid !== 0) {
      env.USER = pw.name;
      env.LOGNAME = pw.name;
    }
  }

  const base = shell.split('/').pop() || shell;
  const argv = [login ? '-' + base : base];
  if (fast) argv.push('-f');
  if (command !== null) argv.push('-c', command);
  argv.push(...rest);

  const tag = prog.split('/').pop()!;
  ctx.host.syslog.log('authpriv', tag, null, `pam_unix(${service}:session): session opened for user ${pw.name} by ${logname ?? ''}(uid=${caller.uid})`);
  // While the shell runs, su waits: keyboard signals are the shell's business; a TERM makes su
  // end the session ("Session terminated, killing shell...").
  ctx.proc.ignored.add(SIGINT);
  ctx.proc.ignored.add(SIGQUIT);
  let killChild: ((sig: number) => void) | null = null;
  let terminated = false;
  ctx.proc.onSignal = (sig) => {
    if (sig !== SIGTERM || !killChild) return false;
    if (!terminated) {
      terminated = true;
      ctx.stderr.write('\nSession terminated, killing shell...');
      killChild(SIGTERM);
      const k = killChild;
      ctx.host.lab.scheduler.at(2000, () => k(SIGKILL));
    }
    return true;
  };
  const r = await execAndWait(ctx, shell, argv, {
    cred,
    env,
    cwd,
    comm: argv[0]!.slice(0, 15),
    onChild: (kill) => (killChild = kill),
  });
  ctx.proc.onSignal = null;
  if (r.error) {
    const msg = r.error === 'ENOENT' ? 'No such file or directory' : r.error === 'EISDIR' ? 'Is a directory' : r.error === 'ENOEXEC' ? 'Exec format error' : 'Permission denied';
    ctx.stderr.write(`${prog}: ${shell}: ${msg}\n`);
  }
  ctx.host.syslog.log('authpriv', tag, null, `pam_unix(${service}:session): session closed for user ${pw.name}`);
  if (terminated) {
    ctx.stderr.write(' ...killed.\n');
    return 128 + SIGTERM;
  }
  return r.status;
};
