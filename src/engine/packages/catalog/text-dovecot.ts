// Default configuration of RHEL 6's dovecot-2.0.9. Settings, sections and the commented-out
// defaults follow the stock files (so the learner's grep listings and sed edits work as on a real
// host); the explanatory comments are written for the lab.

export const DOVECOT_CONF = `## Dovecot configuration file

# Quick start: this file holds the global settings; the rest is split
# into conf.d/*.conf, included at the end. Start by reading
# conf.d/10-auth.conf, 10-mail.conf, 10-master.conf and 10-ssl.conf.

# "doveconf -n" prints the settings that differ from the defaults, in a
# form you can paste when asking for help.

# Lines starting with # are comments. A commented-out setting shows its
# built-in default: you only need to uncomment it to change the value.
# Settings may appear in any order; a later one overrides an earlier one.

# The protocols to serve. Leaving this commented serves all installed
# protocols (imap, pop3, lmtp).
#protocols = imap pop3 lmtp

# The addresses to listen on, comma separated: "*" for every IPv4
# address, "::" for every IPv6 address. Leave empty to listen nowhere.
#listen = *, ::

# The directory for runtime data (sockets, pid file).
#base_dir = /var/run/dovecot/

# The greeting sent to clients before they log in.
#login_greeting = Dovecot ready.

# Networks that may send the client's real address when they proxy
# connections (for example a webmail front end).
#login_trusted_networks =

# Keep one process per user's mail per host name? The lock directory for
# that.
#login_access_sockets =

# Also check the user's mail ownership when logging in.
#verbose_proctitle = no

# Kill all IMAP and POP3 processes when the master process stops.
# Setting this to "no" lets existing sessions finish during an upgrade.
#shutdown_clients = yes

##
## Dictionary server settings
##

# Dictionaries that processes reach through the dict proxy, as
# name = uri pairs.
dict {
  #quota = mysql:/etc/dovecot/dovecot-dict-sql.conf.ext
  #expire = sqlite:/etc/dovecot/dovecot-dict-sql.conf.ext
}

# The rest of the configuration comes from conf.d. The files are read
# in the order of their names, which is why they carry number prefixes.
!include conf.d/*.conf
`;

export const DOVECOT_CONFD: Record<string, string> = {
  '10-auth.conf': `##
## Authentication processes
##

# Refuse the LOGIN command and other clear-text authentication unless
# the connection is protected by SSL/TLS (or comes from this host).
# Clear-text logins from the local host are always allowed.
#disable_plaintext_auth = yes

# How many authentication results to keep cached; 0 turns the cache off.
#auth_cache_size = 0
#auth_cache_ttl = 1 hour
#auth_cache_negative_ttl = 1 hour

# The realms offered to SASL mechanisms that use them.
#auth_realms =

# The domain appended to user names that have none.
#auth_default_realm =

# The characters a user name may contain.
#auth_username_chars = abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890.-_@

# Character translation applied to user names before lookup.
#auth_username_translation =

# How user names are formatted before the passdb/userdb lookups.
#auth_username_format =

# Master users log in as another user with "user*master" names.
#auth_master_user_separator =

# The user name for anonymous logins.
#auth_anonymous_username = anonymous

# Number of authentication worker processes.
#auth_worker_max_count = 30

# Kerberos/GSSAPI settings.
#auth_gssapi_hostname =
#auth_krb5_keytab =

# NTLM through Samba's winbind helper.
#auth_use_winbind = no
#auth_winbind_helper_path = /usr/bin/ntlm_auth

# Delay before answering a failed login.
#auth_failure_delay = 2 secs

# Require a valid client certificate (with ssl_ca set).
#auth_ssl_require_client_cert = no
#auth_ssl_username_from_cert = no

# Space separated list of the authentication mechanisms offered.
# plain, login, digest-md5, cram-md5, ntlm, rpa, apop, anonymous,
# gssapi, otp, skey and gss-spnego exist.
auth_mechanisms = plain

##
## Password and user databases
##

# Which password and user database definitions to load. The default is
# the system's own accounts (PAM and /etc/passwd).

#!include auth-deny.conf.ext
#!include auth-master.conf.ext

!include auth-system.conf.ext
#!include auth-sql.conf.ext
#!include auth-ldap.conf.ext
#!include auth-passwdfile.conf.ext
#!include auth-checkpassword.conf.ext
#!include auth-vpopmail.conf.ext
#!include auth-static.conf.ext
`,
  '10-director.conf': `##
## Director settings
##

# The director sends each user to the same backend server of a cluster.
# To turn it on, fill in the servers below, give the listeners their
# modes and a port.

# The director servers, as IP addresses or host names.
#director_servers =

# The backend mail servers the users are spread over.
#director_mail_servers =

# How long a user stays assigned to a backend after their last login.
#director_user_expire = 15 min

# To enable director service, uncomment the modes and assign a port.
service director {
  unix_listener login/director {
    #mode = 0666
  }
  fifo_listener login/proxy-notify {
    #mode = 0666
  }
  unix_listener director-userdb {
    #mode = 0600
  }
  inet_listener {
    #port =
  }
}

# Make the login services talk to the director socket instead of the
# normal login socket:
service imap-login {
  #executable = imap-login director
}
service pop3-login {
  #executable = pop3-login director
}

# And the same for proxied LMTP:
protocol lmtp {
  #auth_socket_path = director-userdb
}
`,
  '10-logging.conf': `##
## Log destination.
##

# Where errors go: "syslog" for syslog, /dev/stderr for standard error.
#log_path = syslog

# Where informational and debug messages go; by default the same place
# as log_path.
#info_log_path =
#debug_log_path =

# The syslog facility used when logging through syslog.
#syslog_facility = mail

##
## Logging verbosity and debugging.
##

# Log failed authentication attempts and why they failed.
#auth_verbose = no

# Also log the mismatching passwords: "no", "plain" or "sha1".
#auth_verbose_passwords = no

# Very detailed authentication logging.
#auth_debug = no
#auth_debug_passwords = no

# Explain why mail is not found where it is looked for.
#mail_debug = no

# Show protocol-level SSL errors.
#verbose_ssl = no

# The mail_log plugin writes a line for each mail event.
plugin {
  # Which events to log. flag_change and append also exist.
  #mail_log_events = delete undelete expunge copy mailbox_delete mailbox_rename
  # Which fields each line carries.
  #mail_log_fields = uid box msgid size
}

##
## Log formatting.
##

# Prefix of each line written to a log file (strftime format).
#log_timestamp = "%b %d %H:%M:%S "

# The fields of the login process's lines.
#login_log_format_elements = user=<%u> method=%m rip=%r lip=%l mpid=%e %c

# The layout of a login process's log line.
#login_log_format = %$: %s

# The prefix of mail process lines.
#mail_log_prefix = "%s(%u): "

# How the local delivery agent describes each delivery.
#deliver_log_format = msgid=%m: %$
`,
  '10-mail.conf': `##
## Mailbox locations and namespaces
##

# Where the users' mail is. Empty means autodetection: Dovecot looks in
# the usual places and uses the first one with mail in it.
#
# The value is "format:location", for example:
#
#   mail_location = maildir:~/Maildir
#   mail_location = mbox:~/mail:INBOX=/var/mail/%u
#   mail_location = mbox:/var/mail/%d/%1n/%n:INDEX=/var/indexes/%d/%1n/%n
#
# %u is the user name, %n its part before @, %d the domain and %h the
# home directory. See doc/wiki/Variables.txt.
#
#mail_location =

# Namespaces split mailboxes into several trees. Without any, one
# default namespace holds everything.
#namespace {
  # The type: private, shared or public.
  #type = private

  # The separator between mailbox levels.
  #separator =

  # A prefix that clients see in front of the namespace's mailboxes.
  #prefix =

  # Where the namespace's mail is; empty uses mail_location.
  #location =

  # Exactly one namespace holds the INBOX.
  #inbox = no

  # Hide the namespace from the LIST command.
  #hidden = no

  # Show mailboxes of this namespace in LIST: yes, no or children.
  #list = yes

  # Subscriptions are kept by this namespace itself.
  #subscriptions = yes
#}

# The system user and group that access mail, when not set by the
# userdb. Normally left empty.
#mail_uid =
#mail_gid =

# Extra groups the mail processes get, for example "mail" to write the
# mbox spool files in /var/mail.
#mail_access_groups =

# Let users read each other's mail through the shared namespace?
#mail_full_filesystem_access = no

##
## Mail processes
##

# Use mmap() to read the index files. Turn it off on NFS.
#mmap_disable = no

# Call fsync() after changes: optimized, always or never.
#mail_fsync = optimized

# Mail and indexes on NFS.
#mail_nfs_storage = no
#mail_nfs_index = no

# The locking method for index files: fcntl, flock or dotlock.
#lock_method = fcntl

# The lowest and highest user ids that may log in. System accounts stay
# out this way.
#first_valid_uid = 500
#last_valid_uid = 0

# The same for group ids.
#first_valid_gid = 1
#last_valid_gid = 0

# How many keywords a mailbox may define.
#mail_max_keyword_length = 50

# Directories a mail process may chroot to.
#valid_chroot_dirs =
#mail_chroot =

# The UNIX socket of the authentication master.
#auth_socket_path = /var/run/dovecot/auth-userdb

# Where the mail plugins are.
#mail_plugin_dir = /usr/lib/dovecot

# Plugins loaded for every protocol.
#mail_plugins =

##
## Mailbox handling optimizations
##

# How many mailboxes to keep open per process.
#mail_cache_min_mail_count = 0

# How often to check for changes while a client idles.
#mailbox_idle_check_interval = 30 secs

# Save mail with CRLF line endings.
#mail_save_crlf = no

##
## Maildir-specific settings
##

# Trust that nobody but Dovecot changes the maildir.
#maildir_stat_dirs = no
#maildir_copy_with_hardlinks = yes
#maildir_very_dirty_syncs = no

##
## mbox-specific settings
##

# How to lock mbox files when reading: dotlock, dotlock_try, fcntl,
# flock or lockf. The first one listed is taken first.
#mbox_read_locks = fcntl
#mbox_write_locks = dotlock fcntl

# Give up on a lock after this long.
#mbox_lock_timeout = 5 mins

# Replace a stale dotlock after this long.
#mbox_dotlock_change_timeout = 2 mins

# Let a changed mbox be rewritten during a read-only session.
#mbox_dirty_syncs = yes
#mbox_very_dirty_syncs = no

# Delay writing the mbox headers until the mailbox is closed.
#mbox_lazy_writes = yes

# Skip checking the mbox when it is smaller than this.
#mbox_min_index_size = 0

##
## mdbox-specific settings
##

#mdbox_rotate_size = 2M
#mdbox_rotate_interval = 0
#mdbox_preallocate_space = no

##
## Mail attachments
##

#mail_attachment_dir =
#mail_attachment_min_size = 128k
#mail_attachment_fs = sis posix
#mail_attachment_hash = %{sha1}

# Red Hat's choice for mbox spool files shared with other programs.
mbox_write_locks = fcntl
`,
  '10-master.conf': `# Settings of the services the master process runs: listeners, limits,
# and the users they run as.

#default_process_limit = 100
#default_client_limit = 1000

# The default virtual memory limit of a service process, to stop a
# leaking process before it eats the machine.
#default_vsz_limit = 256M

# The least trusted account: login processes run as it and should be
# able to read nothing at all.
#default_login_user = dovenull

# The account of unprivileged internal processes, kept apart from the
# login user.
#default_internal_user = dovecot

service imap-login {
  inet_listener imap {
    #port = 143
  }
  inet_listener imaps {
    #port = 993
    #ssl = yes
  }

  # How many connections a login process handles before a new one is
  # started: 1 is the safer choice, 0 (unlimited) the faster one.
  #service_count = 1

  # Login processes kept waiting for connections.
  #process_min_avail = 0

  # With service_count = 0 this probably has to grow.
  #vsz_limit = 64M
}

service pop3-login {
  inet_listener pop3 {
    #port = 110
  }
  inet_listener pop3s {
    #port = 995
    #ssl = yes
  }
}

service lmtp {
  unix_listener lmtp {
    #mode = 0666
  }

  # An inet listener, only when the UNIX socket above cannot be used.
  #inet_listener lmtp {
    # Keep it away from the Internet
    #address =
    #port =
  #}
}

service imap {
  # Mostly memory for mapping mail files; raise it for huge mailboxes.
  #vsz_limit = 256M

  # The most IMAP processes (connections) at once.
  #process_limit = 1024
}

service pop3 {
  # The most POP3 processes (connections) at once.
  #process_limit = 1024
}

service auth {
  # The userdb socket the LDA, doveadm and others use. Only root may
  # read it by default: whoever can use it can list every user and
  # look up their details.
  unix_listener auth-userdb {
    #mode = 0600
    #user =
    #group =
  }

  # For Postfix SMTP authentication:
  #unix_listener /var/spool/postfix/private/auth {
  #  mode = 0666
  #}

  # The account the auth process runs as.
  #user = $default_internal_user
}

service auth-worker {
  # Workers run as root so that they can read /etc/shadow. Without that
  # need, run them as $default_internal_user.
  #user = root
}

service dict {
  # Mail processes need access to this socket when the dict proxy is
  # used (for example mode=0660, group=vmail, mail_access_groups=vmail).
  unix_listener dict {
    #mode = 0600
    #user =
    #group =
  }
}
`,
  '10-ssl.conf': `##
## SSL settings
##

# SSL/TLS support: yes, no or required (see doc/wiki/SSL.txt).
#ssl = yes

# The certificate and private key in PEM format. The < reads the value
# from the file. The key file only has to be readable by root: the
# files are opened before the processes drop their privileges. The
# package creates a self-signed pair at installation.
ssl_cert = </etc/pki/dovecot/certs/dovecot.pem
ssl_key = </etc/pki/dovecot/private/dovecot.pem

# The password of an encrypted key file. Better set it on the command
# line: dovecot -p
#ssl_key_password =

# Certificate authorities (PEM) for checking client certificates, and
# their CRLs.
#ssl_ca =

# Ask clients for a certificate. To insist on one, see also
# auth_ssl_require_client_cert in 10-auth.conf.
#ssl_verify_client_cert = no

# The certificate field that becomes the user name.
#ssl_cert_username_field = commonName

# How often to regenerate the Diffie-Hellman/RSA parameters.
#ssl_parameters_regenerate = 1 week

# The cipher list (see the openssl ciphers manual).
#ssl_cipher_list = ALL:!LOW:!SSLv2:!EXP:!aNULL
`,
  '15-lda.conf': `##
## LDA specific settings (also used by LMTP)
##

# The address bounces and rejections come from.
#postmaster_address =

# The host name used in bounce messages and in Message-IDs.
#hostname =

# With quota full, keep the mail in the MTA's queue instead of bouncing.
#quota_full_tempfail = no

# The sendmail binary for forwarding and bounces.
#sendmail_path = /usr/sbin/sendmail

# Or relay through an SMTP server instead.
#submission_host =

# The subject and body of rejection mails.
#rejection_subject = Rejected: %s
#rejection_reason = Your message to <%t> was automatically rejected:%n%r

# The delimiter of address extensions.
#recipient_delimiter = +

# The header holding the original recipient address.
#lda_original_recipient_header =

# Create mailboxes that do not exist when saving into them.
#lda_mailbox_autocreate = no

# And subscribe to them too.
#lda_mailbox_autosubscribe = no

protocol lda {
  # Plugins loaded for the LDA (for example sieve).
  #mail_plugins = $mail_plugins
}
`,
  '20-imap.conf': `##
## IMAP specific settings
##

# The largest IMAP command line accepted.
#imap_max_line_length = 64k

# The IMAP logout summary line.
#imap_logout_format = bytes=%i/%o

# The capability list sent to clients; empty means the default one.
#imap_capability =

# How often to tell an idle client that the server is alive.
#imap_idle_notify_interval = 2 mins

# The response to the ID command.
#imap_id_send =
#imap_id_log =

# Work-arounds for broken clients.
#imap_client_workarounds =

protocol imap {
  # Plugins loaded for IMAP.
  #mail_plugins = $mail_plugins
}
`,
  '20-lmtp.conf': `##
## LMTP specific settings
##

# Proxy to other hosts when the passdb says so.
#lmtp_proxy = no

# Keep the +extension when saving into the mailbox.
#lmtp_save_to_detail_mailbox = no

protocol lmtp {
  # Plugins loaded for LMTP.
  #mail_plugins = $mail_plugins
}
`,
  '20-pop3.conf': `##
## POP3 specific settings
##

# Keep messages unseen after they were downloaded.
#pop3_no_flag_updates = no

# Let POP3 clients lock the mailbox for the whole session.
#pop3_lock_session = no

# Keep the UIDL values stable (needed when migrating between servers).
#pop3_uidl_format = %08Xu%08Xv

# Store the UIDLs in the mailbox.
#pop3_save_uidl = no

# Check for this many messages on each login.
#pop3_reuse_xuidl = no

# Enable client work-arounds.
#pop3_client_workarounds =

# The POP3 logout summary line.
#pop3_logout_format = top=%t/%p, retr=%r/%b, del=%d/%m, size=%s

protocol pop3 {
  # Plugins loaded for POP3.
  #mail_plugins = $mail_plugins
}
`,
  '90-acl.conf': `##
## Mailbox access control lists.
##

# The vfile backend reads the ACLs from dovecot-acl files in the mail
# directories; a global directory may also be given.
plugin {
  #acl = vfile:/etc/dovecot/global-acls:cache_secs=300
}

# Shared mailboxes need a dictionary telling which users share what.
plugin {
  #acl_shared_dict = file:/var/lib/dovecot/shared-mailboxes
}
`,
  '90-plugin.conf': `##
## Plugin settings
##

# Settings of all plugins go inside the plugin block. See the
# documentation of each plugin for what it reads.
plugin {
  #setting_name = value
}
`,
  '90-quota.conf': `##
## Quota configuration.
##

# The quota plugin must also be listed in mail_plugins to take effect.

# Quota limits live in the userdb or here, as quota rules. The rules
# can be per mailbox.
plugin {
  #quota_rule = *:storage=1G
  #quota_rule2 = Trash:storage=+100M
}

# Warnings run a command when usage crosses a limit.
plugin {
  #quota_warning = storage=95%% quota-warning 95 %u
  #quota_warning2 = storage=80%% quota-warning 80 %u
}

# An example of the service that runs for the warnings above.
#service quota-warning {
#  executable = script /usr/local/bin/quota-warning.sh
#  user = dovecot
#  unix_listener quota-warning {
#    user = vmail
#  }
#}

# The quota backend: dirsize, dict, maildir or fs.
plugin {
  #quota = dirsize:User quota
  #quota = maildir:User quota
  #quota = dict:User quota::proxy::quota
  #quota = fs:User quota
}

# Shared quota dictionaries across several backends.
plugin {
  #quota2 = fs:Group quota
}
`,
  'auth-checkpassword.conf.ext': `# Authentication through an external checkpassword program.

passdb {
  driver = checkpassword
  args = /usr/bin/checkpassword
}

# The program can also answer user lookups.
userdb {
  driver = prefetch
}
`,
  'auth-deny.conf.ext': `# Refuse the users listed in a file, before any other passdb is asked.

passdb {
  driver = passwd-file
  deny = yes

  # One user name per line.
  args = /etc/dovecot/deny-users
}
`,
  'auth-ldap.conf.ext': `# Authentication against an LDAP directory.

passdb {
  driver = ldap

  # Where the connection and query settings are.
  args = /etc/dovecot/dovecot-ldap.conf.ext
}

userdb {
  driver = ldap
  args = /etc/dovecot/dovecot-ldap.conf.ext
}
`,
  'auth-master.conf.ext': `# Master users may log in as any other user.

passdb {
  driver = passwd-file
  master = yes
  args = /etc/dovecot/master-users

  # Also require the target user to exist in a normal passdb.
  pass = yes
}
`,
  'auth-passwdfile.conf.ext': `# Users in a passwd-like file of Dovecot's own.

passdb {
  driver = passwd-file
  args = scheme=CRYPT username_format=%u /etc/dovecot/users
}

userdb {
  driver = passwd-file
  args = username_format=%u /etc/dovecot/users
}
`,
  'auth-sql.conf.ext': `# Users in an SQL database.

passdb {
  driver = sql

  # Where the connection and query settings are.
  args = /etc/dovecot/dovecot-sql.conf.ext
}

userdb {
  driver = sql
  args = /etc/dovecot/dovecot-sql.conf.ext
}
`,
  'auth-static.conf.ext': `# Every user gets the same fixed settings (and maybe one password).

#passdb {
#  driver = static
#  args = password=test
#}

#userdb {
#  driver = static
#  args = uid=vmail gid=vmail home=/home/%u
#}
`,
  'auth-system.conf.ext': `# The system's own users: passwords through PAM, accounts from
# /etc/passwd (via NSS).

passdb {
  driver = pam
  # The PAM service name defaults to "dovecot".
  #args = dovecot
}

userdb {
  # getpwnam() lookups.
  driver = passwd
}
`,
  'auth-vpopmail.conf.ext': `# Users of a vpopmail installation.

passdb {
  driver = vpopmail
}

userdb {
  driver = vpopmail
}
`,
};

export const DOVECOT_OPENSSL_CNF = `[ req ]
default_bits = 1024
encrypt_key = yes
distinguished_name = req_dn
x509_extensions = cert_type
prompt = no

[ req_dn ]
# country (2 letter code)
#C=FI

# State or Province Name (full name)
#ST=

# Locality Name (eg. city)
#L=Helsinki

# Organization (eg. company)
#O=Dovecot

# Organizational Unit Name (eg. section)
OU=IMAP server

# Common Name (*.example.com is also possible)
CN=imap.example.com

# E-mail contact
emailAddress=postmaster@example.com

[ cert_type ]
nsCertType = server
`;

/** The lab's mkcert.sh: the same steps as Dovecot's script, as plain sh. */
export const DOVECOT_MKCERT = `#!/bin/sh

# Makes a self-signed certificate and key for Dovecot.
# Adjust dovecot-openssl.cnf first: its fields become the subject.

OPENSSL=\${OPENSSL-openssl}
SSLDIR=\${SSLDIR-/etc/pki/dovecot}
OPENSSLCONFIG=\${OPENSSLCONFIG-/etc/pki/dovecot/dovecot-openssl.cnf}

CERTDIR=$SSLDIR/certs
KEYDIR=$SSLDIR/private

CERTFILE=$CERTDIR/dovecot.pem
KEYFILE=$KEYDIR/dovecot.pem

if [ ! -d $CERTDIR ]; then
  echo "$SSLDIR/certs directory doesn't exist"
  exit 1
fi

if [ ! -d $KEYDIR ]; then
  echo "$SSLDIR/private directory doesn't exist"
  exit 1
fi

if [ -f $CERTFILE ]; then
  echo "$CERTFILE already exists, won't overwrite"
  exit 1
fi

if [ -f $KEYFILE ]; then
  echo "$KEYFILE already exists, won't overwrite"
  exit 1
fi

$OPENSSL req -new -x509 -nodes -config $OPENSSLCONFIG -out $CERTFILE -keyout $KEYFILE -days 365 || exit 2
chmod 0600 $KEYFILE
echo
$OPENSSL x509 -subject -fingerprint -noout -in $CERTFILE || exit 2
`;

export const DOVECOT_PAM = `#%PAM-1.0
auth       required	pam_nologin.so
auth       include	password-auth
account    include	password-auth
session    include	password-auth
`;

export const DOVECOT_SYSCONFIG = `# Options for the dovecot init script.
#
# Extra arguments for the dovecot binary, e.g. -c to use another
# configuration file.
#OPTIONS=""
`;
