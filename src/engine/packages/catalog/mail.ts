import { conf, d, doc, exe, exes, f, initScript, ln, mans, type AltInstall, type PkgSpec, type Release } from '../types';
import { mk } from './mk';
import * as P from './text-postfix';
import * as D from './text-dovecot';
import * as S from './text-sendmail';
import { MAIL_RC_EL5, MAIL_RC_EL6, MUTTRC } from './text-system';

const POSTFIX_DAEMONS = ['anvil', 'bounce', 'cleanup', 'discard', 'error', 'flush', 'lmtp', 'local', 'master', 'oqmgr', 'pickup', 'pipe', 'proxymap', 'qmgr', 'qmqpd', 'scache', 'showq', 'smtp', 'smtpd', 'spawn', 'tlsmgr', 'trivial-rewrite', 'verify', 'virtual'];
const POSTFIX_SCRIPTS = ['post-install', 'postfix-script', 'postfix-wrapper', 'postmulti-script'];

function postfixAlternatives(): AltInstall {
  return {
    link: '/usr/sbin/sendmail',
    name: 'mta',
    path: '/usr/sbin/sendmail.postfix',
    priority: 30,
    slaves: [
      { link: '/usr/bin/mailq', name: 'mta-mailq', path: '/usr/bin/mailq.postfix' },
      { link: '/usr/bin/newaliases', name: 'mta-newaliases', path: '/usr/bin/newaliases.postfix' },
      { link: '/etc/pam.d/smtp', name: 'mta-pam', path: '/etc/pam.d/smtp.postfix' },
      { link: '/usr/bin/rmail', name: 'mta-rmail', path: '/usr/bin/rmail.postfix' },
      { link: '/usr/lib/sendmail', name: 'mta-sendmail', path: '/usr/lib/sendmail.postfix' },
      { link: '/usr/share/man/man1/mailq.1.gz', name: 'mta-mailqman', path: '/usr/share/man/man1/mailq.postfix.1.gz' },
      { link: '/usr/share/man/man1/newaliases.1.gz', name: 'mta-newaliasesman', path: '/usr/share/man/man1/newaliases.postfix.1.gz' },
      { link: '/usr/share/man/man8/sendmail.8.gz', name: 'mta-sendmailman', path: '/usr/share/man/man1/sendmail.postfix.1.gz' },
      { link: '/usr/share/man/man5/aliases.5.gz', name: 'mta-aliasesman', path: '/usr/share/man/man5/aliases.postfix.5.gz' },
    ],
    initscript: 'postfix',
  };
}

function sendmailAlternatives(): AltInstall {
  return {
    link: '/usr/sbin/sendmail',
    name: 'mta',
    path: '/usr/sbin/sendmail.sendmail',
    priority: 90,
    slaves: [
      { link: '/usr/bin/mailq', name: 'mta-mailq', path: '/usr/bin/mailq.sendmail' },
      { link: '/usr/bin/newaliases', name: 'mta-newaliases', path: '/usr/bin/newaliases.sendmail' },
      { link: '/usr/bin/rmail', name: 'mta-rmail', path: '/usr/bin/rmail.sendmail' },
      { link: '/usr/lib/sendmail', name: 'mta-sendmail', path: '/usr/lib/sendmail.sendmail' },
      { link: '/etc/pam.d/smtp', name: 'mta-pam', path: '/etc/pam.d/smtp.sendmail' },
      { link: '/usr/share/man/man8/sendmail.8.gz', name: 'mta-sendmailman', path: '/usr/share/man/man8/sendmail.sendmail.8.gz' },
      { link: '/usr/share/man/man1/mailq.1.gz', name: 'mta-mailqman', path: '/usr/share/man/man1/mailq.sendmail.1.gz' },
      { link: '/usr/share/man/man1/newaliases.1.gz', name: 'mta-newaliasesman', path: '/usr/share/man/man1/newaliases.sendmail.1.gz' },
      { link: '/usr/share/man/man5/aliases.5.gz', name: 'mta-aliasesman', path: '/usr/share/man/man5/aliases.sendmail.5.gz' },
    ],
    initscript: 'sendmail',
  };
}

const MTA_PROVIDES = ['MTA', 'server(smtp)', 'smtpd', 'smtpdaemon', '/usr/sbin/sendmail', '/usr/bin/mailq', '/usr/bin/newaliases', '/usr/bin/rmail', '/usr/lib/sendmail'];

export function mailPackages(rel: Release): PkgSpec[] {
  const el6 = rel === 'el6';
  const out: PkgSpec[] = [];
  const add = (p: Parameters<typeof mk>[1]) => out.push(mk(rel, p));

  // ---- postfix --------------------------------------------------------------------------------
  const pfVer = el6 ? { version: '2.6.6', release: '2.1.el6_0' } : { version: '2.3.3', release: '2.1.el5_2' };
  const pfDoc = `/usr/share/doc/postfix-${pfVer.version}`;
  const spool = '/var/spool/postfix';
  add({
    name: 'postfix',
    epoch: 2,
    ...pfVer,
    summary: 'Postfix Mail Transport Agent',
    description:
      'Postfix is a Mail Transport Agent (MTA), supporting LDAP, SMTP AUTH (SASL),\nTLS',
    group: 'System Environment/Daemons',
    license: 'IBM',
    url: 'http://www.postfix.org',
    size: el6 ? 9_908_394 : 8_240_133,
    packageSize: el6 ? 2_079_548 : 3_780_091,
    buildTime: el6 ? 1298557529 : 1219756800,
    buildHost: el6 ? 'x86-003.build.bos.redhat.com' : 'hs20-bc2-3.build.redhat.com',
    requires: ['initscripts', 'chkconfig', 'shadow-utils', 'openssl'],
    rpmRequires: ['/bin/sh', '/sbin/chkconfig', '/sbin/service', '/usr/sbin/alternatives', '/usr/sbin/groupadd', '/usr/sbin/useradd', 'libcrypto.so.10', 'libdb-4.7.so', 'libldap-2.4.so.2', 'libpcre.so.0', 'libsasl2.so.2', 'libssl.so.10', 'setup >= 2.5.36-1'],
    provides: MTA_PROVIDES,
    sysGroups: [{ name: 'postdrop', gid: 90 }, { name: 'postfix', gid: 89 }, { name: 'mail', gid: 12 }],
    sysUsers: [{ name: 'postfix', uid: 89, group: 'postfix', groups: ['mail'], gecos: '', home: spool, shell: '/sbin/nologin' }],
    services: ['postfix'],
    alternatives: [postfixAlternatives()],
    post: ['newaliases'],
    files: [
      d('/etc/postfix'),
      conf('/etc/postfix/access', P.POSTFIX_ACCESS),
      conf('/etc/postfix/canonical', P.POSTFIX_CANONICAL),
      conf('/etc/postfix/generic', P.POSTFIX_GENERIC),
      conf('/etc/postfix/header_checks', P.POSTFIX_HEADER_CHECKS),
      conf('/etc/postfix/main.cf', P.POSTFIX_MAIN_CF),
      conf('/etc/postfix/master.cf', P.POSTFIX_MASTER_CF),
      conf('/etc/postfix/relocated', P.POSTFIX_RELOCATED),
      conf('/etc/postfix/transport', P.POSTFIX_TRANSPORT),
      conf('/etc/postfix/virtual', P.POSTFIX_VIRTUAL),
      conf('/etc/pam.d/smtp.postfix', P.POSTFIX_PAM),
      initScript('postfix'),
      d('/usr/libexec/postfix'),
      ...POSTFIX_DAEMONS.map((x) => exe(`/usr/libexec/postfix/${x}`, `postfix/${x}`)),
      ...POSTFIX_SCRIPTS.map((x) => exe(`/usr/libexec/postfix/${x}`, `postfix/${x}`)),
      f('/usr/libexec/postfix/main.cf', '', 0o644, { ghost: true }),
      ...exes('/usr/sbin', ['postalias', 'postcat', 'postconf', 'postfix', 'postkick', 'postlock', 'postlog', 'postmap', 'postmulti', 'postsuper', 'smtp-sink', 'smtp-source']),
      exe('/usr/sbin/postdrop', 'postdrop', 0o2755, { group: 'postdrop' }),
      exe('/usr/sbin/postqueue', 'postqueue', 0o2755, { group: 'postdrop' }),
      exe('/usr/sbin/sendmail.postfix'),
      exe('/usr/bin/mailq.postfix'),
      exe('/usr/bin/newaliases.postfix'),
      exe('/usr/bin/rmail.postfix'),
      ln('/usr/lib/sendmail.postfix', '../sbin/sendmail.postfix'),
      d(spool),
      ...['active', 'bounce', 'corrupt', 'defer', 'deferred', 'flush', 'hold', 'incoming', 'private', 'saved', 'trace'].map((x) => d(`${spool}/${x}`, 0o700, 'postfix', 'root')),
      d(`${spool}/maildrop`, 0o730, 'postfix', 'postdrop'),
      d(`${spool}/public`, 0o710, 'postfix', 'postdrop'),
      d(`${spool}/pid`, 0o755, 'root', 'root'),
      d('/var/lib/postfix', 0o700, 'postfix', 'root'),
      f('/var/lib/misc/postfix.aliasesdb-stamp', '', 0o644, { ghost: true }),
      d(pfDoc),
      doc(`${pfDoc}/README-Postfix-SASL-RedHat.txt`, P.POSTFIX_README_REDHAT),
      doc(`${pfDoc}/COMPATIBILITY`, 'Notes on compatibility with sendmail and older Postfix versions.\n'),
      doc(`${pfDoc}/LICENSE`, 'IBM PUBLIC LICENSE VERSION 1.0 - SECURE MAILER\n'),
      doc(`${pfDoc}/main.cf.default`, '# The built-in defaults of every main.cf parameter ("postconf -d").\n'),
      d(`${pfDoc}/README_FILES`),
      ...['BASIC_CONFIGURATION_README', 'STANDARD_CONFIGURATION_README', 'VIRTUAL_README', 'ADDRESS_REWRITING_README', 'SASL_README', 'TLS_README'].map((x) =>
        doc(`${pfDoc}/README_FILES/${x}`, `${x.replace(/_/g, ' ')}\n\nSee http://www.postfix.org/${x}.html\n`),
      ),
      d(`${pfDoc}/samples`),
      ...mans(1, ['postalias', 'postcat', 'postconf', 'postdrop', 'postfix', 'postkick', 'postlock', 'postlog', 'postmap', 'postmulti', 'postqueue', 'postsuper', 'mailq.postfix', 'newaliases.postfix', 'sendmail.postfix']),
      ...mans(5, ['access', 'aliases.postfix', 'canonical', 'generic', 'header_checks', 'postconf', 'master', 'relocated', 'transport', 'virtual']),
      ...mans(8, ['bounce', 'cleanup', 'local', 'master', 'pickup', 'qmgr', 'smtp', 'smtpd', 'trivial-rewrite']),
    ],
  });

  // ---- mailx ----------------------------------------------------------------------------------
  if (el6) {
    add({
      name: 'mailx',
      version: '12.4',
      release: '6.el6',
      summary: 'Enhanced implementation of the mailx command',
      description:
        'Mailx is an enhanced mail command, which provides the functionality\nof the POSIX mailx command, as well as SysV mail and Berkeley Mail\n(from which it is derived).\n\nAdditionally to the POSIX features, mailx can work with Maildir/ e-mail\nstorage format (as well as mailboxes), supports IMAP, POP3 and SMTP\nprocotols (including over SSL) to operate with remote hosts, handles mime\ntypes and different charsets. There are a lot of other useful features,\nsee mailx(1).\n\nAnd as its headers, it is the successor of the Heirloom mailx package.',
      group: 'Applications/Internet',
      license: 'BSD with advertising and MPLv1.1',
      url: 'http://heirloom.sourceforge.net/mailx.html',
      size: 468_937,
      packageSize: 240_532,
      buildTime: 1265294467,
      buildHost: 'x86-012.build.bos.redhat.com',
      rpmRequires: ['libcrypto.so.10', 'libgssapi_krb5.so.2', 'libnspr4.so', 'libnss3.so', 'libssl.so.10'],
      provides: ['/bin/mail', '/bin/mailx'],
      files: [
        exe('/bin/mail'),
        ln('/bin/mailx', 'mail'),
        ln('/usr/bin/Mail', '../../bin/mail'),
        ln('/usr/bin/nail', '../../bin/mail'),
        conf('/etc/mail.rc', MAIL_RC_EL6),
        d('/usr/share/doc/mailx-12.4'),
        doc('/usr/share/doc/mailx-12.4/README', 'Heirloom mailx 12.4: see mailx(1) for the commands and variables.\n'),
        ...mans(1, ['mail', 'mailx', 'Mail', 'nail']),
      ],
    });
  } else {
    add({
      name: 'mailx',
      version: '8.1.1',
      release: '44.2.2',
      summary: 'The /bin/mail program for sending e-mail messages',
      description:
        'The mailx package installs the /bin/mail program, which is used to send\nquick e-mail messages (i.e., without opening up a full-featured mail\nuser agent). Mail is often used in shell scripts.',
      group: 'Applications/Internet',
      license: 'BSD',
      size: 85_941,
      packageSize: 53_262,
      files: [exe('/bin/mail'), ln('/usr/bin/Mail', '../../bin/mail'), conf('/etc/mail.rc', MAIL_RC_EL5), d('/usr/share/mailx'), ...mans(1, ['mail', 'Mail'])],
    });
  }

  // ---- dovecot --------------------------------------------------------------------------------
  if (el6) {
    const dvDoc = '/usr/share/doc/dovecot-2.0.9';
    add({
      name: 'dovecot',
      epoch: 1,
      version: '2.0.9',
      release: '2.el6',
      summary: 'Secure imap and pop3 server',
      description:
        'Dovecot is an IMAP server for Linux/UNIX-like systems, written with security\nprimarily in mind.  It also contains a small POP3 server.  It supports mail\nin either of maildir or mbox formats.\n\nThe SQL drivers and authentication plug-ins are in their subpackages.',
      group: 'System Environment/Daemons',
      license: 'MIT and LGPLv2',
      url: 'http://www.dovecot.org/',
      size: 5_614_321,
      packageSize: 1_968_412,
      buildTime: 1298035871,
      buildHost: 'x86-007.build.bos.redhat.com',
      requires: ['openssl', 'initscripts', 'chkconfig', 'shadow-utils'],
      rpmRequires: ['/bin/sh', 'chkconfig', 'initscripts', 'libbz2.so.1', 'libcap.so.2', 'libcrypto.so.10', 'libpam.so.0', 'libssl.so.10', 'libz.so.1', 'openssl >= 0.9.7f-4', 'shadow-utils'],
      sysGroups: [{ name: 'dovecot', gid: 97 }, { name: 'dovenull' }],
      sysUsers: [
        { name: 'dovecot', uid: 97, group: 'dovecot', gecos: 'Dovecot IMAP server', home: '/usr/libexec/dovecot', shell: '/sbin/nologin' },
        { name: 'dovenull', group: 'dovenull', gecos: "Dovecot's unauthorized user", home: '/usr/libexec/dovecot', shell: '/sbin/nologin' },
      ],
      services: ['dovecot'],
      post: ['dovecot-cert'],
      files: [
        exe('/usr/sbin/dovecot'),
        ...exes('/usr/bin', ['doveadm', 'doveconf', 'dsync']),
        d('/etc/dovecot'),
        d('/etc/dovecot/conf.d'),
        conf('/etc/dovecot/dovecot.conf', D.DOVECOT_CONF),
        ...Object.entries(D.DOVECOT_CONFD).map(([name, text]) => conf(`/etc/dovecot/conf.d/${name}`, text)),
        conf('/etc/sysconfig/dovecot', D.DOVECOT_SYSCONFIG, 0o600),
        conf('/etc/pam.d/dovecot', D.DOVECOT_PAM),
        initScript('dovecot'),
        d('/etc/pki/dovecot'),
        d('/etc/pki/dovecot/certs'),
        d('/etc/pki/dovecot/private'),
        conf('/etc/pki/dovecot/dovecot-openssl.cnf', D.DOVECOT_OPENSSL_CNF),
        { path: '/etc/pki/dovecot/certs/dovecot.pem', kind: 'file', mode: 0o600, data: '', config: true, ghost: true },
        { path: '/etc/pki/dovecot/private/dovecot.pem', kind: 'file', mode: 0o600, data: '', config: true, ghost: true },
        d('/usr/lib/dovecot'),
        d('/usr/lib/dovecot/auth'),
        d('/usr/lib/dovecot/dict'),
        d('/usr/libexec/dovecot'),
        ...['anvil', 'auth', 'checkpassword-reply', 'config', 'deliver', 'dict', 'director', 'doveadm-server', 'dovecot-lda', 'gdbhelper', 'imap', 'imap-login', 'lmtp', 'log', 'maildirlock', 'pop3', 'pop3-login', 'rawlog', 'ssl-params'].map((x) => exe(`/usr/libexec/dovecot/${x}`, `dovecot/${x}`)),
        f('/usr/libexec/dovecot/mkcert.sh', D.DOVECOT_MKCERT, 0o755),
        d('/var/run/dovecot', 0o755, 'root', 'dovecot'),
        d('/var/run/dovecot/empty'),
        d('/var/run/dovecot/login', 0o750, 'root', 'dovenull'),
        d('/var/lib/dovecot', 0o750, 'dovecot', 'dovecot'),
        d(dvDoc),
        doc(`${dvDoc}/README`, 'Dovecot 2.0: an IMAP and POP3 server. Start with doc/wiki/QuickConfiguration.txt.\n'),
        doc(`${dvDoc}/COPYING`, 'See COPYING.MIT and COPYING.LGPL.\n'),
        d(`${dvDoc}/wiki`),
        doc(`${dvDoc}/wiki/SSL.txt`, 'SSL/TLS in Dovecot: ssl, ssl_cert, ssl_key.\n'),
        doc(`${dvDoc}/wiki/MailLocation.txt`, 'Setting mail_location.\n'),
        ...mans(1, ['doveadm', 'doveconf', 'dovecot', 'dsync', 'deliver']),
        ...mans(5, ['dovecot.conf']),
      ],
    });
  } else {
    add({
      name: 'dovecot',
      version: '1.0.7',
      release: '7.el5',
      summary: 'Dovecot Secure imap server',
      group: 'System Environment/Daemons',
      license: 'LGPL',
      size: 4_871_000,
      packageSize: 1_612_000,
      requires: ['openssl', 'initscripts', 'chkconfig'],
      sysGroups: [{ name: 'dovecot', gid: 97 }],
      sysUsers: [{ name: 'dovecot', uid: 97, group: 'dovecot', gecos: 'dovecot', home: '/usr/libexec/dovecot', shell: '/sbin/nologin' }],
      services: ['dovecot'],
      files: [exe('/usr/sbin/dovecot'), conf('/etc/dovecot.conf', '## Dovecot configuration file\n\n#protocols = imap imaps\n#listen = *\n'), initScript('dovecot'), d('/usr/libexec/dovecot'), ...['imap', 'imap-login', 'pop3', 'pop3-login', 'dovecot-auth'].map((x) => exe(`/usr/libexec/dovecot/${x}`, `dovecot/${x}`))],
    });
  }

  // ---- mutt -----------------------------------------------------------------------------------
  add({
    name: 'mutt',
    epoch: 5,
    ...(el6 ? { version: '1.5.20', release: '2.20091214hg736b6a.el6' } : { version: '1.4.2.2', release: '3.0.2.el5' }),
    summary: 'A text mode mail user agent',
    description:
      'Mutt is a small but very powerful text-based MIME mail client.  Mutt\nis highly configurable, and is well suited to the mail power user with\nadvanced features like key bindings, keyboard macros, mail threading,\nregular expression searches and a powerful pattern matching language\nfor selecting groups of messages.',
    group: 'Applications/Internet',
    license: 'GPLv2+ and Public Domain',
    url: 'http://www.mutt.org/',
    size: el6 ? 5_343_411 : 3_402_000,
    packageSize: el6 ? 1_387_944 : 1_156_000,
    requires: el6 ? ['urlview'] : [],
    rpmRequires: ['/usr/bin/urlview', 'libcrypto.so.10', 'libgdbm.so.2', 'libidn.so.11', 'libncursesw.so.5', 'libsasl2.so.2', 'libssl.so.10'],
    files: [exe('/usr/bin/mutt'), exe('/usr/bin/flea', 'mutt'), exe('/usr/bin/muttbug', 'mutt'), conf('/etc/Muttrc', MUTTRC), conf('/etc/Muttrc.local', ''), ...mans(1, ['mutt']), ...mans(5, ['muttrc'])],
  });
  if (el6) {
    add({
      name: 'urlview',
      version: '0.9',
      release: '7.el6',
      summary: 'URL extractor/launcher',
      group: 'Applications/Text',
      license: 'GPLv2+',
      size: 41_132,
      packageSize: 21_780,
      files: [exe('/usr/bin/urlview'), f('/usr/bin/url_handler.sh', '#!/bin/bash\n# Opens the URL given in $1 with the first browser found.\nexit 0\n', 0o755), conf('/etc/urlview.conf', '# Settings of urlview.\nCOMMAND /usr/bin/url_handler.sh\n')],
    });
  }

  // ---- sendmail -------------------------------------------------------------------------------
  const smVer = el6 ? { version: '8.14.4', release: '8.el6' } : { version: '8.13.8', release: '2.el5' };
  add({
    name: 'sendmail',
    ...smVer,
    summary: 'A widely used Mail Transport Agent (MTA)',
    description:
      'The Sendmail program is a very widely used Mail Transport Agent (MTA).\nMTAs send mail from one machine to another. Sendmail is not a client\nprogram, which you use to read your email. Instead, Sendmail is a\nbehind-the-scenes program which actually moves your email over\nnetworks or the Internet to where you want it to go.\n\nIf you ever need to reconfigure Sendmail, you will also need to have\nthe sendmail.cf package installed. If you need documentation on\nSendmail, you can install the sendmail-doc package.',
    group: 'System Environment/Daemons',
    license: 'Sendmail',
    url: 'http://www.sendmail.org/',
    size: el6 ? 1_628_000 : 1_474_926,
    packageSize: el6 ? 725_000 : 658_044,
    buildTime: el6 ? 1286892000 : 1191327000,
    requires: ['procmail', 'chkconfig', 'initscripts', 'shadow-utils', 'setup'],
    rpmRequires: ['/bin/bash', '/bin/mktemp', '/bin/sh', '/usr/sbin/alternatives', 'chkconfig >= 1.3', 'initscripts', 'libdb-4.3.so', 'libldap-2.3.so.0', 'libsasl2.so.2', 'procmail', 'setup >= 2.5.31-1', 'shadow-utils'],
    provides: MTA_PROVIDES,
    sysGroups: [{ name: 'mailnull', gid: 47 }, { name: 'smmsp', gid: 51 }],
    sysUsers: [
      { name: 'mailnull', uid: 47, group: 'mailnull', gecos: '', home: '/var/spool/mqueue', shell: '/sbin/nologin' },
      { name: 'smmsp', uid: 51, group: 'smmsp', gecos: '', home: '/var/spool/mqueue', shell: '/sbin/nologin' },
    ],
    services: ['sendmail'],
    alternatives: [sendmailAlternatives()],
    post: ['sendmail-make', 'newaliases'],
    files: [
      exe('/usr/sbin/sendmail.sendmail', 'sendmail.sendmail', 0o2755, { group: 'smmsp' }),
      exe('/usr/bin/mailq.sendmail'),
      exe('/usr/bin/newaliases.sendmail'),
      exe('/usr/bin/rmail.sendmail'),
      ...exes('/usr/bin', ['hoststat', 'purgestat']),
      ...exes('/usr/sbin', ['makemap', 'mailstats', 'praliases', 'smrsh', 'editmap']),
      ln('/usr/lib/sendmail.sendmail', '../sbin/sendmail.sendmail'),
      d('/etc/mail'),
      conf('/etc/mail/sendmail.mc', S.SENDMAIL_MC),
      conf('/etc/mail/sendmail.cf', S.SENDMAIL_CF),
      conf('/etc/mail/submit.mc', S.SUBMIT_MC),
      conf('/etc/mail/submit.cf', S.SUBMIT_CF),
      conf('/etc/mail/access', S.MAIL_ACCESS),
      conf('/etc/mail/local-host-names', S.LOCAL_HOST_NAMES),
      conf('/etc/mail/mailertable', S.MAILERTABLE),
      conf('/etc/mail/virtusertable', S.VIRTUSERTABLE),
      conf('/etc/mail/domaintable', S.DOMAINTABLE),
      conf('/etc/mail/trusted-users', S.TRUSTED_USERS),
      conf('/etc/mail/helpfile', S.SENDMAIL_HELPFILE),
      f('/etc/mail/Makefile', S.MAIL_MAKEFILE),
      conf('/etc/sysconfig/sendmail', S.SENDMAIL_SYSCONFIG),
      conf('/etc/pam.d/smtp.sendmail', P.POSTFIX_PAM),
      initScript('sendmail'),
      d('/etc/smrsh'),
      d('/var/spool/mqueue', 0o700, 'root', 'mail'),
      d('/var/spool/clientmqueue', 0o770, 'smmsp', 'smmsp'),
      d('/var/log/mail'),
      f('/var/log/mail/statistics', '', 0o600, { config: true }),
      d(`/usr/share/doc/sendmail-${smVer.version}`),
      doc(`/usr/share/doc/sendmail-${smVer.version}/README`, 'Sendmail on Red Hat: edit /etc/mail/sendmail.mc, then run make -C /etc/mail.\n'),
      ...mans(1, ['mailq.sendmail', 'newaliases.sendmail']),
      ...mans(5, ['aliases.sendmail']),
      ...mans(8, ['sendmail.sendmail', 'makemap', 'smrsh', 'mailstats']),
    ],
  });
  add({
    name: 'sendmail-cf',
    ...smVer,
    summary: 'The files needed to reconfigure Sendmail',
    group: 'System Environment/Daemons',
    license: 'Sendmail',
    requires: ['sendmail', 'm4'],
    size: el6 ? 881_000 : 849_000,
    files: [d('/usr/share/sendmail-cf'), d('/usr/share/sendmail-cf/m4'), f('/usr/share/sendmail-cf/m4/cf.m4', 'divert(0)dnl\n# The m4 entry point of the sendmail configuration kit.\n'), d('/usr/share/sendmail-cf/cf'), d('/usr/share/sendmail-cf/feature'), d('/usr/share/sendmail-cf/mailer'), d('/usr/share/sendmail-cf/ostype')],
  });
  add({
    name: 'procmail',
    ...(el6 ? { version: '3.22', release: '25.1.el6' } : { version: '3.22', release: '17.1.el5' }),
    summary: 'Mail processing program',
    group: 'System Environment/Daemons',
    license: 'GPLv2+ or Artistic',
    size: 325_000,
    files: [exe('/usr/bin/procmail'), exe('/usr/bin/formail'), exe('/usr/bin/lockfile'), ...mans(1, ['procmail'])],
  });
  add({
    name: 'm4',
    ...(el6 ? { version: '1.4.13', release: '5.el6' } : { version: '1.4.5', release: '3.el5.1' }),
    summary: 'The GNU macro processor',
    group: 'Applications/Text',
    license: 'GPLv3+',
    size: 426_000,
    files: [exe('/usr/bin/m4'), ...mans(1, ['m4'])],
  });
  add({
    name: 'make',
    epoch: 1,
    ...(el6 ? { version: '3.81', release: '19.el6' } : { version: '3.81', release: '3.el5' }),
    summary: 'A GNU tool which simplifies the build process for users',
    group: 'Development/Tools',
    license: 'GPLv2+',
    size: 1_079_000,
    files: [exe('/usr/bin/make'), ln('/usr/bin/gmake', 'make'), ...mans(1, ['make'])],
  });

  return out;
}

/** Files sendmail's init script generates from the maps (make -C /etc/mail). */
export const SENDMAIL_DB_MAPS = ['access', 'mailertable', 'virtusertable', 'domaintable'];
