// Files of RHEL 5's sendmail-8.13.8: the m4 source with the stock directives (comments are the
// lab's own) and a sendmail.cf carrying the options that source produces.

export const SENDMAIL_MC = `divert(-1)dnl
dnl #
dnl # The m4 source of /etc/mail/sendmail.cf. Edit this file, then run
dnl # "make -C /etc/mail" (or "service sendmail restart") to rebuild the
dnl # .cf file, which is what sendmail reads. Lines starting with "dnl"
dnl # are comments.
dnl #
include(\`/usr/share/sendmail-cf/m4/cf.m4')dnl
VERSIONID(\`setup for linux')dnl
OSTYPE(\`linux')dnl
dnl #
dnl # Hide the sendmail version in the SMTP greeting:
dnl #
dnl define(\`confSMTP_LOGIN_MSG', \`$j Sendmail; $b')dnl
dnl #
dnl # The log level (9 by default); raise it to debug.
dnl #
dnl define(\`confLOG_LEVEL', \`9')dnl
dnl #
dnl # Send all outgoing mail through another server:
dnl #
dnl define(\`SMART_HOST', \`smtp.your.provider')dnl
dnl #
define(\`confDEF_USER_ID', \`\`8:12'')dnl
dnl define(\`confAUTO_REBUILD')dnl
define(\`confTO_CONNECT', \`1m')dnl
define(\`confTRY_NULL_MX_LIST', \`True')dnl
define(\`confDONT_PROBE_INTERFACES', \`True')dnl
define(\`PROCMAIL_MAILER_PATH', \`/usr/bin/procmail')dnl
define(\`ALIAS_FILE', \`/etc/aliases')dnl
define(\`STATUS_FILE', \`/var/log/mail/statistics')dnl
define(\`UUCP_MAILER_MAX', \`2000000')dnl
define(\`confUSERDB_SPEC', \`/etc/mail/userdb.db')dnl
define(\`confPRIVACY_FLAGS', \`authwarnings,novrfy,noexpn,restrictqrun')dnl
define(\`confAUTH_OPTIONS', \`A')dnl
dnl #
dnl # Let authenticated users relay, and refuse clear-text passwords
dnl # without TLS:
dnl #
dnl define(\`confAUTH_OPTIONS', \`A p')dnl
dnl #
dnl # The SMTP AUTH mechanisms that are trusted and offered:
dnl #
dnl TRUST_AUTH_MECH(\`EXTERNAL DIGEST-MD5 CRAM-MD5 LOGIN PLAIN')dnl
dnl define(\`confAUTH_MECHANISMS', \`EXTERNAL GSSAPI DIGEST-MD5 CRAM-MD5 LOGIN PLAIN')dnl
dnl #
dnl # TLS certificates (make one with: make -C /etc/pki/tls/certs sendmail.pem):
dnl #
dnl define(\`confCACERT_PATH', \`/etc/pki/tls/certs')dnl
dnl define(\`confCACERT', \`/etc/pki/tls/certs/ca-bundle.crt')dnl
dnl define(\`confSERVER_CERT', \`/etc/pki/tls/certs/sendmail.pem')dnl
dnl define(\`confSERVER_KEY', \`/etc/pki/tls/certs/sendmail.pem')dnl
dnl #
dnl # Accept a key file that the ldap group may read too:
dnl #
dnl define(\`confDONT_BLAME_SENDMAIL', \`groupreadablekeyfile')dnl
dnl #
dnl define(\`confTO_QUEUEWARN', \`4h')dnl
dnl define(\`confTO_QUEUERETURN', \`5d')dnl
dnl define(\`confQUEUE_LA', \`12')dnl
dnl define(\`confREFUSE_LA', \`18')dnl
define(\`confTO_IDENT', \`0')dnl
dnl FEATURE(delay_checks)dnl
FEATURE(\`no_default_msa', \`dnl')dnl
FEATURE(\`smrsh', \`/usr/sbin/smrsh')dnl
FEATURE(\`mailertable', \`hash -o /etc/mail/mailertable.db')dnl
FEATURE(\`virtusertable', \`hash -o /etc/mail/virtusertable.db')dnl
FEATURE(redirect)dnl
FEATURE(always_add_domain)dnl
FEATURE(use_cw_file)dnl
FEATURE(use_ct_file)dnl
dnl #
dnl # Limit the number of sendmail children and new connections per
dnl # second:
dnl #
dnl define(\`confMAX_DAEMON_CHILDREN', \`20')dnl
dnl define(\`confCONNECTION_RATE_THROTTLE', \`3')dnl
dnl #
dnl # procmail delivers local mail; -t retries when a user is over quota.
dnl #
FEATURE(local_procmail, \`', \`procmail -t -Y -a $h -d $u')dnl
FEATURE(\`access_db', \`hash -T<TMPF> -o /etc/mail/access.db')dnl
FEATURE(\`blacklist_recipients')dnl
EXPOSED_USER(\`root')dnl
dnl #
dnl # Deliver to Cyrus IMAP through LMTP:
dnl #
dnl define(\`confLOCAL_MAILER', \`cyrusv2')dnl
dnl define(\`CYRUSV2_MAILER_ARGS', \`FILE /var/lib/imap/socket/lmtp')dnl
dnl #
dnl # Listen on the IPv4 loopback address only. Remove "Addr=127.0.0.1,"
dnl # to accept mail from the network.
dnl #
DAEMON_OPTIONS(\`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl
dnl #
dnl # Also listen on the submission port for authenticated clients:
dnl #
dnl DAEMON_OPTIONS(\`Port=submission, Name=MSA, M=Ea')dnl
dnl #
dnl # And on the SSL-wrapped smtps port:
dnl #
dnl DAEMON_OPTIONS(\`Port=smtps, Name=TLSMTA, M=s')dnl
dnl #
dnl # And on the IPv6 loopback address:
dnl #
dnl DAEMON_OPTIONS(\`port=smtp,Addr=::1, Name=MTA-v6, Family=inet6')dnl
dnl #
dnl # Both IPv4 and IPv6:
dnl #
dnl DAEMON_OPTIONS(\`Name=MTA-v4, Family=inet, Name=MTA-v6, Family=inet6')
dnl #
dnl # Accept senders whose domain does not resolve (laptops, hosts
dnl # without full DNS). Refusing them cuts spam.
dnl #
FEATURE(\`accept_unresolvable_domains')dnl
dnl #
dnl FEATURE(\`relay_based_on_MX')dnl
dnl #
dnl # Mail to localhost.localdomain is local too.
dnl #
LOCAL_DOMAIN(\`localhost.localdomain')dnl
dnl #
dnl # Make mail from this host look as if it came from mydomain.com:
dnl #
dnl MASQUERADE_AS(\`mydomain.com')dnl
dnl FEATURE(masquerade_envelope)dnl
dnl FEATURE(masquerade_entire_domain)dnl
dnl MASQUERADE_DOMAIN(localhost)dnl
dnl MASQUERADE_DOMAIN(localhost.localdomain)dnl
dnl MASQUERADE_DOMAIN(mydomainalias.com)dnl
dnl MASQUERADE_DOMAIN(mydomain.lan)dnl
MAILER(smtp)dnl
MAILER(procmail)dnl
dnl MAILER(cyrusv2)dnl
`;

export const SENDMAIL_CF = `#
# sendmail.cf: generated from /etc/mail/sendmail.mc by m4. Do not edit
# it by hand: change sendmail.mc and run "make -C /etc/mail".
#
#####  built by root@rhel2.local.com on Sat Apr 19 10:31:12 MDT 2014
#####  in /etc/mail
#####  using /usr/share/sendmail-cf/ as configuration include directory
#
######################################################################

# level 10 config file format
V10/Berkeley

# my LDAP cluster
D{sendmailMTACluster}$m

##################
#   local info   #
##################

# my official domain name
Cwlocalhost
# file containing names of hosts for which we receive email
Fw/etc/mail/local-host-names

# my official domain name
# ... define this only if sendmail cannot automatically determine your domain
#Dj$w.Foo.COM

# host/domain names ending with a token in class P are canonical
CP.

# "Smart" relay host (may be null)
DS

# operators that cannot be in local usernames
CO @ % !

# a class with just dot (for identifying canonical names)
C..

# a class with just a left bracket (for identifying domain literals)
C[[

# access_db acceptance class
C{Accept}OK RELAY

# Resolve map (to check if a host exists in check_mail)
Kresolve host -a<OKR> -T<TEMP>
C{ResOk}OKR

# Hosts for which relaying is permitted ($=R)
FR-o /etc/mail/relay-domains

# arithmetic map
Karith arith
# macro storage map
Kmacro macro
# possible values for TLS_connection in access map
C{Tls}VERIFY ENCR

# who I send unqualified names to if FEATURE(stickyhost) is used
DL

# who gets all local email traffic
DR

# dequoting map
Kdequote dequote

# class E: names that should be exposed as from this host, even if we masquerade
CEroot

# who I masquerade as (null for no masquerading) (see also $=M)
DM

# my name for error messages
DnMAILER-DAEMON

# Access list database (for spam stomping)
Kaccess hash -T<TMPF> -o /etc/mail/access.db

# Configuration version number
DZ8.13.8

###############
#   Options   #
###############

# strip message body to 7 bits on input?
O SevenBitInput=False

# substitution for space (blank) characters
O BlankSub=.

# default delivery mode
O DeliveryMode=background

# alias database (and optional database type)
O AliasFile=/etc/aliases

# minimum time in alias file
O AliasWait=10

# the uid and gid of mail delivery when no other is known
O DefaultUser=8:12

# SMTP daemon options
O DaemonPortOptions=Port=smtp,Addr=127.0.0.1, Name=MTA

# privacy flags
O PrivacyOptions=authwarnings,novrfy,noexpn,restrictqrun

# queue directory
O QueueDirectory=/var/spool/mqueue

# timeouts
O Timeout.connect=1m
O Timeout.ident=0

# try an MX lookup that returns only null MX hosts
O TryNullMXList=True

# do not probe the network interfaces for host names
O DontProbeInterfaces=True

# status file
O StatusFile=/var/log/mail/statistics

# the user database
O UserDatabaseSpec=/etc/mail/userdb.db

# SMTP AUTH options
O AuthOptions=A

# the file of trusted users
Ft/etc/mail/trusted-users

# the helpfile
O HelpFile=/etc/mail/helpfile

# the initial greeting
O SmtpGreetingMessage=$j Sendmail $v/$Z; $b

# the unix "From " line
O UnixFromLine=From $g $d

# the PID file
O PidFile=/var/run/sendmail.pid

###################
#   Mailers       #
###################

Mlocal,		P=/usr/bin/procmail, F=SPfhn9, S=EnvFromSMTP/HdrFromL, R=EnvToL/HdrToL,
		T=DNS/RFC822/X-Unix,
		A=procmail -t -Y -a $h -d $u
Mprog,		P=/usr/sbin/smrsh, F=lsDFMoqeu9, S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, D=$z:/,
		T=X-Unix/X-Unix/X-Unix,
		A=smrsh -c $u
Msmtp,		P=[IPC], F=mDFMuX, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,
		T=DNS/RFC822/SMTP,
		A=TCP $h
Mesmtp,		P=[IPC], F=mDFMuXa, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,
		T=DNS/RFC822/SMTP,
		A=TCP $h
Msmtp8,		P=[IPC], F=mDFMuX8, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,
		T=DNS/RFC822/SMTP,
		A=TCP $h
Mdsmtp,		P=[IPC], F=mDFMuXa%, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,
		T=DNS/RFC822/SMTP,
		A=TCP $h
Mrelay,		P=[IPC], F=mDFMuXa8, S=EnvFromSMTP/HdrFromSMTP, R=MasqSMTP, E=\\r\\n, L=2040,
		T=DNS/RFC822/SMTP,
		A=TCP $h
`;

export const SUBMIT_CF = `#
# submit.cf: the configuration of sendmail as a mail submission
# program (what "mail" and other clients run). Generated from submit.mc.
#
V10/Berkeley
DZ8.13.8
O QueueDirectory=/var/spool/clientmqueue
O RunAsUser=smmsp
O UseMSP=True
O DeliveryMode=background
O PidFile=/var/spool/clientmqueue/sm-client.pid
D{MTAHost}[127.0.0.1]
`;

export const SUBMIT_MC = `divert(-1)
#
# The m4 source of submit.cf, the configuration sendmail uses when it is
# run by a mail client to submit a message.
#
divert(0)dnl
include(\`/usr/share/sendmail-cf/m4/cf.m4')dnl
VERSIONID(\`linux setup for Red Hat Linux')dnl
define(\`confCF_VERSION', \`Submit')dnl
define(\`__OSTYPE__',\`')dnl dirty hack to keep proto.m4 from complaining
define(\`_USE_DECNET_SYNTAX_', \`1')dnl support DECnet
define(\`confTIME_ZONE', \`USE_TZ')dnl
define(\`confDONT_INIT_GROUPS', \`True')dnl
define(\`confPID_FILE', \`/var/run/sm-client.pid')dnl
dnl define(\`confDIRECT_SUBMISSION_MODIFIERS',\`C')dnl
FEATURE(\`use_ct_file')dnl
FEATURE(\`msp', \`[127.0.0.1]')dnl
`;

export const LOCAL_HOST_NAMES = '# local-host-names - include all aliases for your machine here.\n';

export const MAIL_ACCESS = `# access: which hosts and addresses sendmail accepts mail from or
# relays for. Run "make -C /etc/mail" after an edit to rebuild
# access.db. The format is described in README.cf (sendmail-doc).
#
# This host may relay through itself:
Connect:localhost.localdomain		RELAY
Connect:localhost			RELAY
Connect:127.0.0.1			RELAY
`;

export const MAIL_MAKEFILE = `# Rebuilds the sendmail configuration and databases in /etc/mail:
# "make -C /etc/mail" after editing sendmail.mc or a map.
all: sendmail.cf submit.cf virtusertable.db access.db domaintable.db mailertable.db

%.db : %
	@makemap hash $@ < $<

%.cf : %.mc
	@if test -f /usr/share/sendmail-cf/m4/cf.m4; then \\
		mv -f $@ $@.bak; \\
		m4 $< > $@; \\
	fi

clean:
	rm -f *.db *~

start: all
	/sbin/service sendmail start

stop:
	/sbin/service sendmail stop

restart: all
	/sbin/service sendmail restart
`;

export const TRUSTED_USERS = `# trusted-users: users who may set the sender address of their mail
# without a warning (for example mailing list software). One per line.
`;

export const VIRTUSERTABLE = '';
export const MAILERTABLE = '';
export const DOMAINTABLE = '';

export const SENDMAIL_SYSCONFIG = 'DAEMON=yes\nQUEUE=1h\n';

export const SENDMAIL_HELPFILE = `cpyr	Sendmail 8.13.8
smtp	Commands:
smtp		HELO	EHLO	MAIL	RCPT	DATA
smtp		RSET	NOOP	QUIT	HELP	VRFY
smtp		EXPN	VERB	ETRN	DSN	AUTH
smtp		STARTTLS
`;
