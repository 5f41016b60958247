import { ROOT, type Vfs } from '../fs/vfs';
import { syslogStamp } from '../util/clock';

export type Facility = 'mail' | 'daemon' | 'auth' | 'authpriv' | 'kern' | 'user' | 'cron' | 'local7' | 'syslog' | 'news' | 'uucp' | 'lpr' | `local${0 | 1 | 2 | 3 | 4 | 5 | 6}`;

/** Where RHEL's rsyslog.conf sends each facility; the rest goes to /var/log/messages. */
const LOG_FILES: Partial<Record<Facility, string>> = {
  mail: '/var/log/maillog',
  authpriv: '/var/log/secure',
  cron: '/var/log/cron',
  local7: '/var/log/boot.log',
};

/**
 * rsyslog as RHEL configures it: mail.* to /var/log/maillog, authpriv to /var/log/secure,
 * everything else of info and above to /var/log/messages. Lines look like
 * `Apr 26 12:11:46 rhel1 postfix/smtpd[15538]: connect from ...`.
 */
export class Syslog {
  constructor(
    private readonly vfs: Vfs,
    private readonly now: () => number,
    private readonly hostname: () => string,
  ) {}

  log(facility: Facility, tag: string, pid: number | null, message: string): void {
    const who = pid === null ? tag : `${tag}[${pid}]`;
    const line = `${syslogStamp(this.now())} ${this.hostname()} ${who}: ${message}\n`;
    const file = LOG_FILES[facility] ?? '/var/log/messages';
    this.append(file, line);
  }

  /** A kernel-style line straight to /var/log/messages (boot, shutdown). */
  kernel(message: string): void {
    this.log('kern', 'kernel', null, message);
  }

  private append(file: string, line: string): void {
    try {
      this.vfs.writeFile(file, ROOT, line, { append: true, mode: 0o600, umask: 0 });
    } catch {
      // /var/log removed by the learner: rsyslog would drop the line too.
    }
  }
}
