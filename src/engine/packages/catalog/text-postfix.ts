// Default files of the RHEL 6 postfix-2.6.6 package. The directives and their order are the
// stock ones; the comments are the lab's own words.

export const POSTFIX_MAIN_CF = `# Main Postfix configuration file (postfix-2.6.6, Red Hat packaging).
#
# Only the settings you want to change need to be here: every parameter
# has a built-in default. "postconf -d" shows the defaults and
# "postconf -n" shows what this file sets. After an edit, run
# "postfix reload" (or "service postfix reload") so the running mail
# system reads it again.
#
# A value may refer to another parameter as $name. A line that starts
# with white space continues the previous line.

# COMPATIBILITY
#
# With soft_bounce enabled, permanent delivery errors become temporary
# ones and mail waits in the queue instead of bouncing. Handy while
# testing a new configuration.
#
#soft_bounce = no

# LOCATIONS
#
# Where the queue lives. The master daemon runs the other programs with
# this directory as their root.
#
queue_directory = /var/spool/postfix

# The administrative commands (postfix, postconf, postqueue ...).
#
command_directory = /usr/sbin

# The daemon programs the master process starts. Owned by root.
#
daemon_directory = /usr/libexec/postfix

# Writable state kept by the daemons (caches, random seed). It must be
# owned by the mail_owner account.
#
data_directory = /var/lib/postfix

# OWNERSHIP
#
# The unprivileged account the daemons run as and that owns the queue.
# Give it a user id and group of its own, shared with nothing else.
#
mail_owner = postfix

# The rights delivery to commands and files gets when no recipient
# account applies. Never use a privileged account here.
#
#default_privs = nobody

# HOST AND DOMAIN NAMES
#
# The fully qualified name of this system. Left unset, the machine's
# own host name is used.
#
#myhostname = host.domain.tld
#myhostname = virtual.domain.tld

# The local domain. Left unset, it is $myhostname without its first
# label.
#
#mydomain = domain.tld

# SENDING MAIL
#
# The domain appended to mail posted without one: by default the host
# name. Using the domain instead gives addresses like user@domain.
#
#myorigin = $myhostname
#myorigin = $mydomain

# RECEIVING MAIL

# The network addresses the SMTP server listens on. The default here
# accepts connections from this machine only; "all" listens everywhere.
# A change needs "postfix stop" and "postfix start", a reload is not
# enough.
#
#inet_interfaces = all
#inet_interfaces = $myhostname
#inet_interfaces = $myhostname, localhost
inet_interfaces = localhost

# The IP protocol versions to use: all, ipv4, ipv6.
inet_protocols = all

# Addresses that reach this host through a proxy or NAT box and must
# also count as local.
#
#proxy_interfaces =
#proxy_interfaces = 1.2.3.4

# The domains this machine delivers to itself instead of forwarding.
# A virtual or relay domain must not be listed here.
#
# Listing $mydomain makes this host the mail server for the whole
# domain.
#
#mydestination = $myhostname, localhost.$mydomain
mydestination = $myhostname, localhost.$mydomain, localhost
#mydestination = $myhostname, localhost.$mydomain, localhost, $mydomain
#mydestination = $myhostname, localhost.$mydomain, localhost, $mydomain,
#	mail.$mydomain, www.$mydomain, ftp.$mydomain

# REJECTING MAIL FOR UNKNOWN LOCAL USERS
#
# The lookup tables of all valid local recipients. Mail for anyone else
# is refused during the SMTP dialogue instead of bouncing later. Empty
# turns the check off.
#
#local_recipient_maps = unix:passwd.byname $alias_maps
#local_recipient_maps = proxy:unix:passwd.byname $alias_maps
#local_recipient_maps =

# The SMTP reply code for an unknown local recipient. Test with 450
# (try again later) and switch to 550 once the maps are right.
#
unknown_local_recipient_reject_code = 550

# TRUST AND RELAY CONTROL

# Which SMTP clients may relay through this host. Either name the
# networks in mynetworks, or let mynetworks_style derive them: "host"
# trusts this machine only, "subnet" its IP subnets, "class" whole
# address classes.
#
#mynetworks_style = class
#mynetworks_style = subnet
#mynetworks_style = host

# An explicit list of trusted networks (overrides mynetworks_style).
# Entries may also come from a file or a lookup table.
#
#mynetworks = 168.100.189.0/28, 127.0.0.0/8
#mynetworks = $config_directory/mynetworks
#mynetworks = hash:/etc/postfix/network_table

# The remote destinations this host forwards mail to, for any client.
#
#relay_domains = $mydestination

# INTERNET OR INTRANET

# Send everything that is not local to another host instead of looking
# up the MX records. Square brackets skip the MX lookup.
#
#relayhost = $mydomain
#relayhost = [gateway.my.domain]
#relayhost = [mailserver.isp.tld]
#relayhost = uucphost
#relayhost = [an.ip.add.ress]

# REJECTING UNKNOWN RELAY USERS
#
# The valid recipients in the relay domains; leave unset to accept any.
#
#relay_recipient_maps = hash:/etc/postfix/relay_recipients

# INPUT RATE CONTROL
#
# Slows down clients that post mail faster than it can be delivered.
#
#in_flow_delay = 1s

# ADDRESS REWRITING
#
# ADDRESS_REWRITING_README explains the details.

# ADDRESS REDIRECTION (VIRTUAL DOMAIN)
#
# VIRTUAL_README explains the details.

# "USER HAS MOVED" BOUNCE MESSAGES
#
# See the relocated(5) manual page.

# TRANSPORT MAP
#
# See the transport(5) manual page.

# ALIAS DATABASE
#
# The alias tables the local delivery agent consults. After editing
# /etc/aliases run "newaliases" to rebuild the database.
#
#alias_maps = dbm:/etc/aliases
alias_maps = hash:/etc/aliases
#alias_maps = hash:/etc/aliases, nis:mail.aliases
#alias_maps = netinfo:/aliases

# The alias databases that "newaliases" (or "sendmail -bi") builds.
#
#alias_database = dbm:/etc/aliases
#alias_database = dbm:/etc/mail/aliases
alias_database = hash:/etc/aliases
#alias_database = hash:/etc/aliases, hash:/opt/majordomo/aliases

# ADDRESS EXTENSIONS (e.g., user+foo)
#
# The character that separates a user name from an address extension.
#
#recipient_delimiter = +

# DELIVERY TO MAILBOX
#
# A mailbox file relative to the user's home directory. A trailing
# slash selects maildir format.
#
#home_mailbox = Mailbox
#home_mailbox = Maildir/

# The spool directory of mbox-style mailboxes.
#
#mail_spool_directory = /var/mail
#mail_spool_directory = /var/spool/mail

# A program that delivers to the mailbox instead of the local agent.
#
#mailbox_command = /some/where/procmail
#mailbox_command = /some/where/procmail -a "$EXTENSION"

# Hand mailbox delivery for local users to another transport, such as
# an LMTP server.
#
#mailbox_transport = lmtp:unix:/var/lib/imap/socket/lmtp
#mailbox_transport = cyrus

# The transport for recipients that have no local account.
#
#fallback_transport = lmtp:unix:/var/lib/imap/socket/lmtp
#fallback_transport =

# Where mail for unknown local recipients goes instead of bouncing.
#
#luser_relay = $user@other.host
#luser_relay = $local@other.host
#luser_relay = admin+$local

# JUNK MAIL CONTROLS
#
# See the header_checks(5) manual page.
#
#header_checks = regexp:/etc/postfix/header_checks

# FAST ETRN SERVICE
#
# The destinations that keep a per-site queue log for fast "sendmail
# -qR" and ETRN delivery.
#
#fast_flush_domains = $relay_domains

# SHOW SOFTWARE VERSION OR NOT
#
# The greeting the SMTP server sends. It must begin with $myhostname.
#
#smtpd_banner = $myhostname ESMTP $mail_name
#smtpd_banner = $myhostname ESMTP $mail_name ($mail_version)

# PARALLEL DELIVERY TO THE SAME DESTINATION
#
# How many deliveries to one destination may run at once.
#
#local_destination_concurrency_limit = 2
#default_destination_concurrency_limit = 20

# DEBUGGING CONTROL
#
# The extra verbosity for hosts listed in debug_peer_list.
#
debug_peer_level = 2

# Hosts and domains whose connections are logged in more detail.
#
#debug_peer_list = 127.0.0.1
#debug_peer_list = some.domain

# The command run when a daemon is started with -D. The default below
# attaches a graphical debugger; the commented lines show a text one.
#
debugger_command =
	 PATH=/bin:/usr/bin:/usr/local/bin:/usr/X11R6/bin
	 ddd $daemon_directory/$process_name $process_id & sleep 5

#	 -dmS $process_name gdb $daemon_directory/$process_name
#	 $process_id & sleep 1

# INSTALL-TIME CONFIGURATION INFORMATION
#
# The values below were set when the package was installed.
#
# The full path of the Postfix sendmail command.
#
sendmail_path = /usr/sbin/sendmail.postfix

# The full path of the newaliases command.
#
newaliases_path = /usr/bin/newaliases.postfix

# The full path of the mailq command.
#
mailq_path = /usr/bin/mailq.postfix

# The group that owns the mail submission programs (postdrop,
# postqueue). It must not be shared with any user or other program.
#
setgid_group = postdrop

# Where the HTML documentation is installed ("no" for none).
#
html_directory = no

# Where the manual pages are installed.
#
manpage_directory = /usr/share/man

# Where the sample configuration files are installed.
#
sample_directory = /usr/share/doc/postfix-2.6.6/samples

# Where the README documents are installed.
#
readme_directory = /usr/share/doc/postfix-2.6.6/README_FILES
`;

export const POSTFIX_MASTER_CF = `#
# Postfix master process configuration file. Each line describes one
# service the master daemon runs: its name and socket type, then who may
# use it and how it runs. See master(5). After an edit run
# "postfix reload".
#
# ==========================================================================
# service type  private unpriv  chroot  wakeup  maxproc command + args
#               (yes)   (yes)   (yes)   (never) (100)
# ==========================================================================
smtp      inet  n       -       n       -       -       smtpd
#submission inet n       -       n       -       -       smtpd
#  -o smtpd_tls_security_level=encrypt
#  -o smtpd_sasl_auth_enable=yes
#  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
#  -o milter_macro_daemon_name=ORIGINATING
#smtps     inet  n       -       n       -       -       smtpd
#  -o smtpd_tls_wrappermode=yes
#  -o smtpd_sasl_auth_enable=yes
#  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
#  -o milter_macro_daemon_name=ORIGINATING
#628       inet  n       -       n       -       -       qmqpd
pickup    fifo  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      fifo  n       -       n       300     1       qmgr
#qmgr     fifo  n       -       n       300     1       oqmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
# A relay copy of smtp without the fallback relay, so a backup MX does
# not loop mail back to itself.
relay     unix  -       -       n       -       -       smtp
	-o smtp_fallback_relay=
#       -o smtp_helo_timeout=5 -o smtp_connect_timeout=5
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
#
# ====================================================================
# Delivery through programs that are not part of Postfix. Uncomment
# the ones you use; the pipe(8) manual page explains the fields. Give
# such programs an account of their own, never the postfix one.
# ====================================================================
#
#maildrop  unix  -       n       n       -       -       pipe
#  flags=DRhu user=vmail argv=/usr/local/bin/maildrop -d \${recipient}
#
#cyrus     unix  -       n       n       -       -       pipe
#  user=cyrus argv=/usr/lib/cyrus-imapd/deliver -e -r \${sender} -m \${extension} \${user}
#
#uucp      unix  -       n       n       -       -       pipe
#  flags=Fqhu user=uucp argv=uux -r -n -z -a$sender - $nexthop!rmail ($recipient)
#
#ifmail    unix  -       n       n       -       -       pipe
#  flags=F user=ftn argv=/usr/lib/ifmail/ifmail -r $nexthop ($recipient)
#bsmtp     unix  -       n       n       -       -       pipe
#  flags=Fq. user=bsmtp argv=/usr/lib/bsmtp/bsmtp -t$nexthop -f$sender $recipient
#
#scalemail-backend unix	-	n	n	-	2	pipe
#  flags=R user=scalemail argv=/usr/lib/scalemail/bin/scalemail-store \${nexthop} \${user} \${extension}
#
#mailman   unix  -       n       n       -       -       pipe
#  flags=FR user=list argv=/usr/lib/mailman/bin/postfix-to-mailman.py
#  \${nexthop} \${user}
`;

const tableHeader = (name: string, what: string, example: string): string => `# ${name}(5) lookup table: ${what}
#
# Edit this file, then run "postmap /etc/postfix/${name}" to build the
# indexed ${name}.db that Postfix actually reads. The matching rules are
# described in the ${name}(5) manual page.
#
# Example:
#
${example}
#
`;

export const POSTFIX_ACCESS = tableHeader(
  'access',
  'accept or refuse mail by sender, recipient, client host name or address',
  '#   1.2.3.4             REJECT\n#   spammer.example     REJECT\n#   friend@example.com  OK',
);
export const POSTFIX_CANONICAL = tableHeader(
  'canonical',
  'rewrite sender and recipient addresses in the envelope and headers',
  '#   user@localdomain    First.Last@example.com',
);
export const POSTFIX_GENERIC = tableHeader(
  'generic',
  'rewrite addresses of mail leaving the machine (smtp_generic_maps)',
  '#   his@localdomain.local   hisaccount@isp.example',
);
export const POSTFIX_RELOCATED = tableHeader(
  'relocated',
  'tell senders that a user has moved to a new address',
  '#   olduser@example.com  newuser@elsewhere.example',
);
export const POSTFIX_TRANSPORT = tableHeader(
  'transport',
  'choose the delivery method and next hop per destination',
  '#   example.com         smtp:[mail.example.com]\n#   .example.com        smtp:[mail.example.com]',
);
export const POSTFIX_VIRTUAL = tableHeader(
  'virtual',
  'redirect mail for virtual addresses and domains to other addresses',
  '#   postmaster@virtual.example  postmaster\n#   @virtual.example            catchall',
);
export const POSTFIX_HEADER_CHECKS = `# header_checks(5): patterns matched against each message header line.
#
# Point main.cf's header_checks at this file (regexp: or pcre:) to use
# it. Each line is /pattern/ ACTION, for example:
#
#   /^Subject: make money fast/     REJECT
#
`;

export const POSTFIX_PAM = `#%PAM-1.0
auth       include	password-auth
account    include	password-auth
`;

export const POSTFIX_README_REDHAT = `Postfix on Red Hat Enterprise Linux
===================================

The package installs postfix as an alternative for the system's mail
transport agent: /usr/sbin/sendmail, mailq and newaliases are links
managed with "alternatives --config mta".

The configuration lives in /etc/postfix. The stock main.cf only accepts
mail from this machine (inet_interfaces = localhost); see the comments in
the file to open it to the network.
`;
