import type { Release } from '../types';

// Base system files (setup, bash, rootfiles, shadow-utils, initscripts ...), written for the
// lab in plain sh and with the values RHEL ships.

export function etcProfile(rel: Release): string {
  return `# /etc/profile

# Environment for every login shell, read once at login. Aliases and
# functions go in /etc/bashrc. For local additions, drop a file into
# /etc/profile.d/ instead of editing this one: an update may replace it.

if [ -x /usr/bin/id ]; then
    if [ -z "$EUID" ]; then
        EUID=\`id -u\`
        UID=\`id -ru\`
    fi
    USER="\`id -un\`"
    LOGNAME=$USER
    MAIL="/var/spool/mail/$USER"
fi

# root gets the sbin directories first, everybody else last.
if [ "$EUID" = "0" ]; then
    for dir in /sbin /usr/sbin /usr/local/sbin; do
        case ":$PATH:" in
            *:$dir:*) ;;
            *) PATH=$dir:$PATH ;;
        esac
    done
else
    for dir in /usr/local/sbin /usr/sbin /sbin; do
        case ":$PATH:" in
            *:$dir:*) ;;
            *) PATH=$PATH:$dir ;;
        esac
    done
fi

HOSTNAME=\`/bin/hostname 2>/dev/null\`
HISTSIZE=1000
if [ "$HISTCONTROL" = "ignorespace" ]; then
    export HISTCONTROL=ignoreboth
else
    export HISTCONTROL=ignoredups
fi

export PATH USER LOGNAME MAIL HOSTNAME HISTSIZE HISTCONTROL
${rel === 'el5' ? '\n# The file-creation mask depends on the user private group scheme.\n' : '\n# Users in their own private group get a group-writable umask.\n'}if [ $UID -gt 499 ] && [ "\`id -gn\`" = "\`id -un\`" ]; then
    umask 002
else
    umask 022
fi

for i in /etc/profile.d/*.sh; do
    if [ -r "$i" ]; then
        . "$i" >/dev/null 2>&1
    fi
done

unset i
`;
}

export const ETC_BASHRC = `# /etc/bashrc

# Settings for every interactive bash: aliases, functions and the
# prompt. Environment variables belong in /etc/profile.

# Only for interactive shells.
if [ "$PS1" ]; then
  if [ -z "$PROMPT_COMMAND" ]; then
    case $TERM in
    xterm*)
        PROMPT_COMMAND='printf "\\033]0;%s@%s:%s\\007" "\${USER}" "\${HOSTNAME%%.*}" "\${PWD/#$HOME/~}"'
        ;;
    screen)
        PROMPT_COMMAND='printf "\\033]0;%s@%s:%s\\033\\\\" "\${USER}" "\${HOSTNAME%%.*}" "\${PWD/#$HOME/~}"'
        ;;
    esac
  fi
  # The prompt: [user@host dir]$
  [ "$PS1" = "\\\\s-\\\\v\\\\\\$ " ] && PS1="[\\u@\\h \\W]\\\\$ "
  # Keep the history of every shell instead of the last one closed.
  shopt -s histappend
fi

# Non-login shells (su without -) have not read /etc/profile: set the
# umask and read /etc/profile.d here.
if ! shopt -q login_shell ; then
    if [ $UID -gt 499 ] && [ "\`id -gn\`" = "\`id -un\`" ]; then
       umask 002
    else
       umask 022
    fi
    for i in /etc/profile.d/*.sh; do
        if [ -r "$i" ]; then
            if [ "$PS1" ]; then
                . "$i"
            else
                . "$i" >/dev/null 2>&1
            fi
        fi
    done
    unset i
fi
`;

export const SKEL_BASHRC = `# .bashrc

# Read the system-wide settings first.
if [ -f /etc/bashrc ]; then
	. /etc/bashrc
fi

# Your own aliases and functions go below.
`;

export const SKEL_BASH_PROFILE = `# .bash_profile

# Aliases and functions come from ~/.bashrc.
if [ -f ~/.bashrc ]; then
	. ~/.bashrc
fi

# Your own environment and programs.

PATH=$PATH:$HOME/bin

export PATH
`;

export const SKEL_BASH_LOGOUT = `# ~/.bash_logout

`;

export const ROOT_BASHRC = `# .bashrc

# root's aliases: ask before overwriting or removing files.
alias rm='rm -i'
alias cp='cp -i'
alias mv='mv -i'

# Read the system-wide settings.
if [ -f /etc/bashrc ]; then
	. /etc/bashrc
fi
`;

export const ROOT_CSHRC = `# .cshrc

alias rm 'rm -i'
alias cp 'cp -i'
alias mv 'mv -i'

setenv PATH "/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:/root/bin"
`;

export const ROOT_TCSHRC = `# .tcshrc

alias rm 'rm -i'
alias cp 'cp -i'
alias mv 'mv -i'

set prompt='[%n@%m %c]# '
`;

export function loginDefs(rel: Release): string {
  return `#
# Settings of the shadow password suite (useradd, passwd, chage ...).
# Options not listed here keep their compiled-in default.
#

# Where mail is delivered: a spool directory or a file in the home.
MAIL_DIR	/var/spool/mail
#MAIL_FILE	.mail

# Password aging defaults for new accounts:
#	PASS_MAX_DAYS	Most days a password may be used.
#	PASS_MIN_DAYS	Fewest days between password changes.
#	PASS_MIN_LEN	Shortest password accepted.
#	PASS_WARN_AGE	Days of warning before a password expires.
#
PASS_MAX_DAYS	99999
PASS_MIN_DAYS	0
PASS_MIN_LEN	5
PASS_WARN_AGE	7

#
# User ids chosen automatically by useradd
#
UID_MIN			  500
UID_MAX			60000
${rel === 'el6' ? '# System accounts (useradd -r)\nSYS_UID_MIN		  201\nSYS_UID_MAX		  499\n\n' : '\n'}#
# Group ids chosen automatically by groupadd
#
GID_MIN			  500
GID_MAX			60000
${rel === 'el6' ? '# System groups (groupadd -r)\nSYS_GID_MIN		  201\nSYS_GID_MAX		  499\n\n' : '\n'}#
# A command run when userdel removes a user (jobs, print queue ...).
#
#USERDEL_CMD	/usr/sbin/userdel_local

#
# Create a home directory for new users unless told otherwise.
#
CREATE_HOME	yes

# The permission mask of new home directories: 077 keeps them private.
UMASK           077

# With user private groups, userdel also removes the user's group when
# nobody else is in it, and useradd makes one by default.
USERGROUPS_ENAB yes

# How passwords are hashed.
${rel === 'el6' ? 'ENCRYPT_METHOD SHA512' : 'MD5_CRYPT_ENAB yes'}
`;
}

export function defaultUseradd(rel: Release): string {
  return `# useradd defaults file
GROUP=100
HOME=/home
INACTIVE=-1
EXPIRE=
SHELL=/bin/bash
SKEL=/etc/skel
${rel === 'el6' ? 'CREATE_MAIL_SPOOL=yes\n' : ''}`;
}

export const NSSWITCH_CONF = `#
# /etc/nsswitch.conf
#
# Where the C library looks up each kind of name. Sources are tried in
# the order given:
#
#	files		the local /etc files
#	dns		the DNS servers of /etc/resolv.conf (hosts only)
#	nis		NIS (YP)
#	db		the indexed files in /var/db
#	[NOTFOUND=return]	stop if the previous source answered "no"
#

passwd:     files
shadow:     files
group:      files

#hosts:     db files nisplus nis dns
hosts:      files dns

bootparams: nisplus [NOTFOUND=return] files

ethers:     files
netmasks:   files
networks:   files
protocols:  files
rpc:        files
services:   files

netgroup:   nisplus

publickey:  nisplus

automount:  files nisplus
aliases:    files nisplus

`;

export function etcHosts(): string {
  return `127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4
::1         localhost localhost.localdomain localhost6 localhost6.localdomain6
192.168.2.2 rhel1.local.com rhel1
192.168.2.3 rhel2.local.com rhel2
`;
}

export const RESOLV_CONF = `search local.com
nameserver 192.168.2.2
`;

export const ETC_ALIASES = `#
#  /etc/aliases: where mail for a local name really goes.
#
#  Each line is "name: destination[, destination ...]". Aliases apply to
#  the envelope only: the To: header of the message keeps the name.
#
#  After editing this file run "newaliases" so that the mail system
#  rebuilds /etc/aliases.db, the indexed copy it actually reads.
#

# Required by the mail standards.
mailer-daemon:	postmaster
postmaster:	root

# System and service accounts: their mail goes to root.
bin:		root
daemon:		root
adm:		root
lp:		root
sync:		root
shutdown:	root
halt:		root
mail:		root
news:		root
uucp:		root
operator:	root
games:		root
gopher:		root
ftp:		root
nobody:		root
radiusd:	root
nut:		root
dbus:		root
vcsa:		root
canna:		root
wnn:		root
rpm:		root
nscd:		root
pcap:		root
apache:		root
webalizer:	root
dovecot:	root
fax:		root
quagga:		root
radvd:		root
pvm:		root
amandabackup:		root
privoxy:	root
ident:		root
named:		root
xfs:		root
gdm:		root
mailnull:	root
postgres:	root
sshd:		root
smmsp:		root
postfix:	root
netdump:	root
ldap:		root
squid:		root
ntp:		root
mysql:		root
desktop:	root
rpcuser:	root
rpc:		root
nfsnobody:	root

ingres:		root
system:		root
toor:		root
manager:	root
dumper:		root
abuse:		root

newsadm:	news
newsadmin:	news
usenet:		news
ftpadm:		ftp
ftpadmin:	ftp
ftp-adm:	ftp
ftp-admin:	ftp
www:		webmaster
webmaster:	root
noc:		root
security:	root
hostmaster:	root
info:		postmaster
marketing:	postmaster
sales:		postmaster
support:	postmaster


# An old attack target: keep it harmless.
decode:		root

# Who reads root's mail (uncomment and set a real user):
#root:		marc
`;

export const ETC_SHELLS = (rel: Release): string =>
  rel === 'el6' ? '/bin/sh\n/bin/bash\n/sbin/nologin\n/bin/dash\n' : '/bin/sh\n/bin/bash\n/sbin/nologin\n/bin/tcsh\n/bin/csh\n/bin/ksh\n';

export const SECURETTY = ['console', 'vc/1', 'vc/2', 'vc/3', 'vc/4', 'vc/5', 'vc/6', 'vc/7', 'vc/8', 'vc/9', 'vc/10', 'vc/11', 'tty1', 'tty2', 'tty3', 'tty4', 'tty5', 'tty6', 'tty7', 'tty8', 'tty9', 'tty10', 'tty11'].join('\n') + '\n';

export const HOST_CONF = 'multi on\n';

export const HOSTS_ALLOW = `#
# hosts.allow	Hosts allowed to use the services started through
#		tcp_wrappers. See hosts_access(5).
#
`;

export const HOSTS_DENY = `#
# hosts.deny	Hosts refused the services started through tcp_wrappers,
#		unless hosts.allow lets them in. See hosts_access(5).
#
# portmap, for example, is worth listing here.
#
`;

export const INPUTRC = `# /etc/inputrc - line editing of readline programs (bash and others)

set bell-style none

set meta-flag on
set input-meta on
set convert-meta off
set output-meta on

"\\e[1~": beginning-of-line
"\\e[4~": end-of-line
"\\e[5~": beginning-of-history
"\\e[6~": end-of-history
"\\e[3~": delete-char
"\\e[2~": quoted-insert
"\\e[5C": forward-word
"\\e[5D": backward-word
"\\e[1;5C": forward-word
"\\e[1;5D": backward-word
`;

export const SERVICES = `# /etc/services: the well-known port numbers.
#
# name        port/protocol  [aliases ...]   [# comment]

tcpmux          1/tcp                           # TCP port service multiplexer
echo            7/tcp
echo            7/udp
discard         9/tcp           sink null
discard         9/udp           sink null
ftp-data        20/tcp
ftp             21/tcp
ssh             22/tcp                          # The Secure Shell (SSH) Protocol
ssh             22/udp
telnet          23/tcp
telnet          23/udp
smtp            25/tcp          mail
smtp            25/udp          mail
time            37/tcp          timserver
time            37/udp          timserver
domain          53/tcp                          # name-domain server
domain          53/udp
bootps          67/tcp                          # BOOTP server
bootps          67/udp
bootpc          68/tcp          dhcpc           # BOOTP client
bootpc          68/udp          dhcpc
tftp            69/udp
finger          79/tcp
http            80/tcp          www www-http    # WorldWideWeb HTTP
http            80/udp          www www-http
pop3            110/tcp         pop-3           # POP version 3
pop3            110/udp         pop-3
sunrpc          111/tcp         portmapper rpcbind
sunrpc          111/udp         portmapper rpcbind
auth            113/tcp         authentication tap ident
ntp             123/tcp
ntp             123/udp                         # Network Time Protocol
imap            143/tcp         imap2           # Interim Mail Access Proto v2
imap            143/udp         imap2
snmp            161/tcp                         # Simple Net Mgmt Proto
snmp            161/udp
ldap            389/tcp
ldap            389/udp
https           443/tcp                         # http protocol over TLS/SSL
https           443/udp
submission      587/tcp         msa             # mail message submission
submission      587/udp         msa
ldaps           636/tcp
ldaps           636/udp
imaps           993/tcp                         # IMAP over SSL
imaps           993/udp
pop3s           995/tcp                         # POP-3 over SSL
pop3s           995/udp
rndc            953/tcp                         # rndc control sockets (BIND 9)
rndc            953/udp
`;

export const PROTOCOLS = `# /etc/protocols: the Internet protocol numbers.
ip	0	IP		# internet protocol, pseudo protocol number
icmp	1	ICMP		# internet control message protocol
igmp	2	IGMP		# internet group management protocol
tcp	6	TCP		# transmission control protocol
udp	17	UDP		# user datagram protocol
ipv6	41	IPv6		# Internet Protocol, version 6
esp	50	ESP		# Encap Security Payload
ah	51	AH		# Authentication Header
ipv6-icmp 58	IPv6-ICMP	# ICMP for IPv6
`;

export function fstab(rel: Release): string {
  const root = rel === 'el6' ? '/dev/mapper/vg_rhel1-lv_root' : '/dev/VolGroup00/LogVol00';
  const swap = rel === 'el6' ? '/dev/mapper/vg_rhel1-lv_swap' : '/dev/VolGroup00/LogVol01';
  const fs = rel === 'el6' ? 'ext4' : 'ext3';
  return `
#
# /etc/fstab
# Written by the installer. See fstab(5), findfs(8), mount(8) and blkid(8).
#
${root.padEnd(40)} /                       ${fs}    defaults        1 1
${(rel === 'el6' ? 'UUID=1d0b4a36-7d2c-4f61-9a0b-3b1f5c8e9a21' : 'LABEL=/boot').padEnd(40)} /boot                   ${fs}    defaults        1 2
${swap.padEnd(40)} swap                    swap    defaults        0 0
tmpfs                                    /dev/shm                tmpfs   defaults        0 0
devpts                                   /dev/pts                devpts  gid=5,mode=620  0 0
sysfs                                    /sys                    sysfs   defaults        0 0
proc                                     /proc                   proc    defaults        0 0
`;
}

export function inittab(rel: Release): string {
  if (rel === 'el6') {
    return `# With upstart, this file only sets the default runlevel; anything
# else written here is ignored. The jobs themselves are in /etc/init.
#
# Runlevels: 0 halt (never the default), 1 single user, 2 multiuser
# without NFS, 3 full multiuser, 4 unused, 5 graphical, 6 reboot (never
# the default).
#
id:3:initdefault:
`;
  }
  return `#
# inittab       Tells init what to start in each runlevel.
#
# Runlevels: 0 halt, 1 single user, 2 multiuser without NFS, 3 full
# multiuser, 4 unused, 5 X11, 6 reboot.
#
id:3:initdefault:

# System initialization.
si::sysinit:/etc/rc.d/rc.sysinit

l0:0:wait:/etc/rc.d/rc 0
l1:1:wait:/etc/rc.d/rc 1
l2:2:wait:/etc/rc.d/rc 2
l3:3:wait:/etc/rc.d/rc 3
l4:4:wait:/etc/rc.d/rc 4
l5:5:wait:/etc/rc.d/rc 5
l6:6:wait:/etc/rc.d/rc 6

# What to do on CTRL-ALT-DELETE.
ca::ctrlaltdel:/sbin/shutdown -t3 -r now

# Power failure handling (with a UPS daemon).
pf::powerfail:/sbin/shutdown -f -h +2 "Power Failure; System Shutting Down"
pr:12345:powerokwait:/sbin/shutdown -c "Power Restored; Shutdown Cancelled"

# Gettys on the virtual consoles.
1:2345:respawn:/sbin/mingetty tty1
2:2345:respawn:/sbin/mingetty tty2
3:2345:respawn:/sbin/mingetty tty3
4:2345:respawn:/sbin/mingetty tty4
5:2345:respawn:/sbin/mingetty tty5
6:2345:respawn:/sbin/mingetty tty6

# The display manager in runlevel 5.
x:5:respawn:/etc/X11/prefdm -nodaemon
`;
}

export const RC_LOCAL = `#!/bin/sh
#
# Run last of all the init scripts. Put your own start-up commands
# here.

touch /var/lock/subsys/local
`;

export function yumConf(rel: Release): string {
  return `[main]
cachedir=/var/cache/yum${rel === 'el6' ? '/$basearch/$releasever' : ''}
keepcache=0
debuglevel=2
logfile=/var/log/yum.log
${rel === 'el6' ? 'exactarch=1\nobsoletes=1\ngpgcheck=1\nplugins=1\ninstallonly_limit=3\n' : 'distroverpkg=redhat-release\ntolerant=1\nexactarch=1\nobsoletes=1\ngpgcheck=1\nplugins=1\n'}
# Metadata of the repositories is refreshed when it is older than
# metadata_expire. Repositories are defined in /etc/yum.repos.d/*.repo
# (or in [repository] sections here).
`;
}

export function dvdRepo(rel: Release): string {
  return rel === 'el6'
    ? `[rhel-dvd]
name=Red Hat Enterprise Linux 6.1 Workstation - DVD
baseurl=file:///media/cdrom/Workstation
enabled=1
gpgcheck=1
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release
`
    : `[rhel-dvd]
name=Red Hat Enterprise Linux 5.4 Server - DVD
baseurl=file:///media/cdrom/Server
enabled=1
gpgcheck=1
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release
`;
}

export const SYSCONFIG_IPTABLES_EL6 = `# Firewall rules, in iptables-save format, loaded at boot by the
# iptables service. "service iptables save" rewrites this file.
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
-A INPUT -p icmp -j ACCEPT
-A INPUT -i lo -j ACCEPT
-A INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT
-A INPUT -m state --state NEW -m udp -p udp --dport 53 -j ACCEPT
-A INPUT -m state --state NEW -m tcp -p tcp --dport 53 -j ACCEPT
-A INPUT -j REJECT --reject-with icmp-host-prohibited
-A FORWARD -j REJECT --reject-with icmp-host-prohibited
COMMIT
`;

export const SYSCONFIG_IPTABLES_EL5 = `# Firewall rules, in iptables-save format, loaded at boot by the
# iptables service. "service iptables save" rewrites this file.
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:RH-Firewall-1-INPUT - [0:0]
-A INPUT -j RH-Firewall-1-INPUT
-A FORWARD -j RH-Firewall-1-INPUT
-A RH-Firewall-1-INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
-A RH-Firewall-1-INPUT -p icmp --icmp-type any -j ACCEPT
-A RH-Firewall-1-INPUT -i lo -j ACCEPT
-A RH-Firewall-1-INPUT -m state --state NEW -m tcp -p tcp --dport 22 -j ACCEPT
-A RH-Firewall-1-INPUT -j REJECT --reject-with icmp-host-prohibited
COMMIT
`;

export const IPTABLES_CONFIG = `# Settings of the iptables init script.

# Extra netfilter modules to load with the firewall (space separated).
IPTABLES_MODULES=""

# Unload the modules when the firewall is stopped or restarted.
IPTABLES_MODULES_UNLOAD="yes"

# Save the running rules to /etc/sysconfig/iptables on stop.
IPTABLES_SAVE_ON_STOP="no"

# Save the running rules on restart.
IPTABLES_SAVE_ON_RESTART="no"

# Keep packet and byte counters when saving.
IPTABLES_SAVE_COUNTER="no"

# Show numeric addresses and ports in "service iptables status".
IPTABLES_STATUS_NUMERIC="yes"

# Show more detail in the status output.
IPTABLES_STATUS_VERBOSE="no"

# Number the rules in the status output.
IPTABLES_STATUS_LINENUMBERS="yes"
`;

export const MAIL_RC_EL6 = `# Settings for the Heirloom mailx programs (mail, mailx, nail).
# Each user may override them in ~/.mailrc.

# Do not move read messages to ~/mbox on exit.
set hold
# Append to mailboxes instead of rewriting them.
set append
# Ask for a subject when none is given.
set ask
# Do not complain about an empty message body.
set crt
set dot
set keep
set emptybox
set indentprefix="> "
set quote
set sendcharsets=utf-8,iso-8859-1
set showname
set showto
set newmail=nopoll
set autocollapse

# Hide some header fields when printing messages.
ignore received in-reply-to message-id references
ignore mime-version content-transfer-encoding

# Only these header fields are kept when forwarding.
fwdretain subject date from to

# Let the desktop help choose programs for attachments.
set mimetypes-load-control
`;

export const MAIL_RC_EL5 = `# Defaults for the mail and Mail programs.
set ask askcc append dot save crt
ignore Received Message-Id Resent-Message-Id Status Mail-From Return-Path Via Delivered-To
`;

export const MUTTRC = `# System-wide settings of mutt. See the mutt manual (muttrc(5)) for all
# the variables; users add their own in ~/.muttrc.

# Pipe messages to the external viewer for URLs.
macro index \\cb |urlview\\n
macro pager \\cb |urlview\\n

# Where the mailbox, spool and folders are.
set spoolfile="/var/spool/mail/$USER"
set mbox_type=mbox

# Leave the read messages in the spool file.
set move=no

# Hide the noisier header fields.
ignore *
unignore from: date subject to cc
unignore organization organisation x-mailer: x-newsreader: x-mailing-list:
unignore posted-to:
`;

export function sysconfigNetwork(fqdn: string, rel: Release): string {
  return rel === 'el6' ? `NETWORKING=yes\nHOSTNAME=${fqdn}\n` : `NETWORKING=yes\nNETWORKING_IPV6=no\nHOSTNAME=${fqdn}\n`;
}

export function ifcfgEth0(address: string, netmask: string, rel: Release, hwaddr: string): string {
  return rel === 'el6'
    ? `DEVICE=eth0
HWADDR=${hwaddr}
NM_CONTROLLED=no
ONBOOT=yes
BOOTPROTO=none
IPADDR=${address}
NETMASK=${netmask}
DNS1=192.168.2.2
DOMAIN=local.com
IPV6INIT=no
USERCTL=no
`
    : `# Advanced Micro Devices [AMD] 79c970 [PCnet32 LANCE]
DEVICE=eth0
BOOTPROTO=static
HWADDR=${hwaddr}
IPADDR=${address}
NETMASK=${netmask}
ONBOOT=yes
`;
}

export const IFCFG_LO = `DEVICE=lo
IPADDR=127.0.0.1
NETMASK=255.0.0.0
NETWORK=127.0.0.0
BROADCAST=127.255.255.255
ONBOOT=yes
NAME=loopback
`;

export const SYSCONFIG_CLOCK = 'ZONE="America/Denver"\n';

export function sysconfigI18n(rel: Release): string {
  return rel === 'el6' ? 'LANG="en_US.UTF-8"\nSYSFONT="latarcyrheb-sun16"\n' : 'LANG="en_US.UTF-8"\nSYSFONT="latarcyrheb-sun16"\n';
}

export const SYSCONFIG_KEYBOARD = 'KEYTABLE="us"\nMODEL="pc105+inet"\nLAYOUT="us"\nKEYBOARDTYPE="pc"\n';

export const SYSCONFIG_INIT = `# The colours and layout of the boot messages.
BOOTUP=color
RES_COL=60
MOVE_TO_COL="echo -en \\\\033[\${RES_COL}G"
SETCOLOR_SUCCESS="echo -en \\\\033[0;32m"
SETCOLOR_FAILURE="echo -en \\\\033[0;31m"
SETCOLOR_WARNING="echo -en \\\\033[0;33m"
SETCOLOR_NORMAL="echo -en \\\\033[0;39m"
PROMPT=yes
AUTOSWAP=no
ACTIVE_CONSOLES=/dev/tty[1-6]
SINGLE=/sbin/sushell
`;

export const CRONTAB = `SHELL=/bin/bash
PATH=/sbin:/bin:/usr/sbin:/usr/bin
MAILTO=root
HOME=/

# For details see man 4 crontabs

# Example of job definition:
# .---------------- minute (0 - 59)
# |  .------------- hour (0 - 23)
# |  |  .---------- day of month (1 - 31)
# |  |  |  .------- month (1 - 12) OR jan,feb,mar,apr ...
# |  |  |  |  .---- day of week (0 - 6) (Sunday=0 or 7) OR sun,mon,tue,wed,thu,fri,sat
# |  |  |  |  |
# *  *  *  *  * user-name command to be executed

`;

export function rsyslogConf(): string {
  return `# rsyslog v4 configuration file

#### MODULES ####

$ModLoad imuxsock.so	# local system logging (logger, syslog())
$ModLoad imklog.so	# kernel messages

#### GLOBAL DIRECTIVES ####

# Traditional time stamps in the log files.
$ActionFileDefaultTemplate RSYSLOG_TraditionalFileFormat

#### RULES ####

# Kernel messages to the console.
#kern.*                                                 /dev/console

# Everything of level info or higher, except mail, authpriv and cron.
*.info;mail.none;authpriv.none;cron.none                /var/log/messages

# Private authentication messages.
authpriv.*                                              /var/log/secure

# All mail messages.
mail.*                                                  -/var/log/maillog

# Cron.
cron.*                                                  /var/log/cron

# Emergencies go to everybody logged in.
*.emerg                                                 *

# News errors of level crit and higher.
uucp,news.crit                                          /var/log/spooler

# Boot messages.
local7.*                                                /var/log/boot.log
`;
}

export function syslogConf(): string {
  return `# Log all kernel messages to the console.
#kern.*							/dev/console

# Everything of level info or higher, except mail and private
# authentication messages.
*.info;mail.none;authpriv.none;cron.none		/var/log/messages

# Private authentication messages.
authpriv.*						/var/log/secure

# All mail messages.
mail.*							-/var/log/maillog

# Cron.
cron.*							/var/log/cron

# Emergencies go to everybody logged in.
*.emerg							*

# News errors of level crit and higher.
uucp,news.crit						/var/log/spooler

# Boot messages.
local7.*						/var/log/boot.log
`;
}

export function issue(release: string, rel: Release): string {
  return rel === 'el6' ? `${release}\nKernel \\r on an \\m\n\n` : `${release}\nKernel \\r on an \\m\n\n`;
}

export const SSHD_CONFIG = `# Settings of the OpenSSH server. See sshd_config(5). A commented
# option shows its default value.

#Port 22
#AddressFamily any
#ListenAddress 0.0.0.0
#ListenAddress ::

# Protocol 2 only.
Protocol 2

# Log through syslog's authpriv facility.
SyslogFacility AUTHPRIV
#LogLevel INFO

#LoginGraceTime 2m
#PermitRootLogin yes
#StrictModes yes
#MaxAuthTries 6

#PubkeyAuthentication yes
#AuthorizedKeysFile	.ssh/authorized_keys

# Password logins are allowed.
#PermitEmptyPasswords no
PasswordAuthentication yes

ChallengeResponseAuthentication no

GSSAPIAuthentication yes
GSSAPICleanupCredentials yes

UsePAM yes

# Pass the locale of the client through.
AcceptEnv LANG LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES
AcceptEnv LC_PAPER LC_NAME LC_ADDRESS LC_TELEPHONE LC_MEASUREMENT
AcceptEnv LC_IDENTIFICATION LC_ALL LANGUAGE
AcceptEnv XMODIFIERS

X11Forwarding yes

# override default of no subsystems
Subsystem	sftp	/usr/libexec/openssh/sftp-server
`;

export const MAN_CONFIG = `# Settings of man(1): where the manual pages are and how they are shown.
MANPATH	/usr/man
MANPATH	/usr/share/man
MANPATH	/usr/local/man
MANPATH	/usr/local/share/man
MANPATH	/usr/X11R6/man
MANPATH_MAP	/bin			/usr/share/man
MANPATH_MAP	/sbin			/usr/share/man
MANPATH_MAP	/usr/bin		/usr/share/man
MANPATH_MAP	/usr/sbin		/usr/share/man
MANPATH_MAP	/usr/local/bin		/usr/local/share/man
MANPATH_MAP	/usr/local/sbin		/usr/local/share/man
PAGER		/usr/bin/less -isr
`;

export const OPENSSL_CNF = `#
# Settings of the openssl req, ca and x509 commands.
#

HOME			= .
RANDFILE		= $ENV::HOME/.rnd

[ ca ]
default_ca	= CA_default

[ CA_default ]
dir		= /etc/pki/CA
certs		= $dir/certs
crl_dir		= $dir/crl
database	= $dir/index.txt
new_certs_dir	= $dir/newcerts
certificate	= $dir/cacert.pem
serial		= $dir/serial
crlnumber	= $dir/crlnumber
crl		= $dir/crl.pem
private_key	= $dir/private/cakey.pem
RANDFILE	= $dir/private/.rand
x509_extensions	= usr_cert
name_opt 	= ca_default
cert_opt 	= ca_default
default_days	= 365
default_crl_days= 30
default_md	= default
preserve	= no
policy		= policy_match

[ policy_match ]
countryName		= match
stateOrProvinceName	= match
organizationName	= match
organizationalUnitName	= optional
commonName		= supplied
emailAddress		= optional

[ req ]
default_bits		= 2048
default_md		= sha1
default_keyfile 	= privkey.pem
distinguished_name	= req_distinguished_name
attributes		= req_attributes
x509_extensions	= v3_ca
string_mask = utf8only

[ req_distinguished_name ]
countryName			= Country Name (2 letter code)
countryName_default		= XX
countryName_min			= 2
countryName_max			= 2
stateOrProvinceName		= State or Province Name (full name)
localityName			= Locality Name (eg, city)
localityName_default	= Default City
0.organizationName		= Organization Name (eg, company)
0.organizationName_default	= Default Company Ltd
organizationalUnitName		= Organizational Unit Name (eg, section)
commonName			= Common Name (eg, your name or your server\\'s hostname)
commonName_max			= 64
emailAddress			= Email Address
emailAddress_max		= 64

[ req_attributes ]
challengePassword		= A challenge password
challengePassword_min		= 4
challengePassword_max		= 20
unstructuredName		= An optional company name

[ usr_cert ]
basicConstraints=CA:FALSE
nsComment			= "OpenSSL Generated Certificate"
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid,issuer

[ v3_ca ]
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always,issuer
basicConstraints = CA:true
`;

// ---- the account files of the setup package ---------------------------------------------------

const BASE_USERS_EL6 = [
  'root:x:0:0:root:/root:/bin/bash',
  'bin:x:1:1:bin:/bin:/sbin/nologin',
  'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
  'adm:x:3:4:adm:/var/adm:/sbin/nologin',
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:x:5:0:sync:/sbin:/bin/sync',
  'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:x:7:0:halt:/sbin:/sbin/halt',
  'mail:x:8:12:mail:/var/spool/mail:/sbin/nologin',
  'uucp:x:10:14:uucp:/var/spool/uucp:/sbin/nologin',
  'operator:x:11:0:operator:/root:/sbin/nologin',
  'games:x:12:100:games:/usr/games:/sbin/nologin',
  'gopher:x:13:30:gopher:/var/gopher:/sbin/nologin',
  'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin',
  'nobody:x:99:99:Nobody:/:/sbin/nologin',
];

const BASE_USERS_EL5 = [
  'root:x:0:0:root:/root:/bin/bash',
  'bin:x:1:1:bin:/bin:/sbin/nologin',
  'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
  'adm:x:3:4:adm:/var/adm:/sbin/nologin',
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:x:5:0:sync:/sbin:/bin/sync',
  'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:x:7:0:halt:/sbin:/sbin/halt',
  'mail:x:8:12:mail:/var/spool/mail:/sbin/nologin',
  'news:x:9:13:news:/etc/news:',
  'uucp:x:10:14:uucp:/var/spool/uucp:/sbin/nologin',
  'operator:x:11:0:operator:/root:/sbin/nologin',
  'games:x:12:100:games:/usr/games:/sbin/nologin',
  'gopher:x:13:30:gopher:/var/gopher:/sbin/nologin',
  'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin',
  'nobody:x:99:99:Nobody:/:/sbin/nologin',
];

const BASE_GROUPS_EL6 = [
  'root:x:0:', 'bin:x:1:bin,daemon', 'daemon:x:2:bin,daemon', 'sys:x:3:bin,adm', 'adm:x:4:adm,daemon', 'tty:x:5:', 'disk:x:6:',
  'lp:x:7:daemon', 'mem:x:8:', 'kmem:x:9:', 'wheel:x:10:', 'mail:x:12:mail', 'uucp:x:14:', 'man:x:15:', 'games:x:20:',
  'gopher:x:30:', 'video:x:39:', 'dip:x:40:', 'ftp:x:50:', 'lock:x:54:', 'audio:x:63:', 'nobody:x:99:', 'users:x:100:',
  'floppy:x:19:', 'utmp:x:22:', 'utempter:x:35:', 'cdrom:x:11:', 'tape:x:33:', 'dialout:x:18:',
];

const BASE_GROUPS_EL5 = [
  'root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin,adm', 'adm:x:4:root,adm,daemon',
  'tty:x:5:', 'disk:x:6:root', 'lp:x:7:daemon,lp', 'mem:x:8:', 'kmem:x:9:', 'wheel:x:10:root', 'mail:x:12:mail', 'news:x:13:news',
  'uucp:x:14:uucp', 'man:x:15:', 'games:x:20:', 'gopher:x:30:', 'dip:x:40:', 'ftp:x:50:', 'lock:x:54:', 'nobody:x:99:',
  'users:x:100:', 'floppy:x:19:', 'vcsa:x:69:', 'utmp:x:22:', 'cdrom:x:11:', 'tape:x:33:', 'dialout:x:18:',
];

/** setup's day stamp in /etc/shadow (the install day, as pwconv leaves it). */
export const SETUP_SHADOW_DAY = 16179;

export function setupPasswd(rel: Release): string {
  return (rel === 'el6' ? BASE_USERS_EL6 : BASE_USERS_EL5).join('\n') + '\n';
}

export function setupGroup(rel: Release): string {
  return (rel === 'el6' ? BASE_GROUPS_EL6 : BASE_GROUPS_EL5).join('\n') + '\n';
}

export function setupShadow(rel: Release): string {
  return (rel === 'el6' ? BASE_USERS_EL6 : BASE_USERS_EL5).map((l) => `${l.split(':')[0]}:*:${SETUP_SHADOW_DAY}:0:99999:7:::`).join('\n') + '\n';
}

export function setupGshadow(rel: Release): string {
  return (rel === 'el6' ? BASE_GROUPS_EL6 : BASE_GROUPS_EL5).map((l) => {
    const f = l.split(':');
    return `${f[0]}:::${f[3] ?? ''}`;
  }).join('\n') + '\n';
}
