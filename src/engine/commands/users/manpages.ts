/**
 * The manual pages of the lab, written for Mail Lab (short pages in the project's own words,
 * not copies of the upstream pages). Markup, read by man.ts:
 *   a line in capitals          a section heading (NAME, SYNOPSIS ...)
 *   `.TP tag`                   a tagged paragraph: the tag, then the following text indented
 *   a line starting with 2 spaces  kept as it is (examples, synopsis lines)
 *   other lines                 filled into paragraphs; a blank line ends a paragraph
 */
export interface ManPage {
  name: string;
  section: string;
  /** Centre of the title line. */
  title: string;
  /** Left and centre of the footer line. */
  source: string;
  date: string;
  /** The page is installed only when one of these files exists (its package is installed). */
  needs?: string[];
  /** Other names the same page answers to (gawk for awk). */
  aliases?: string[];
  text: string;
}

const CORE = { source: 'GNU coreutils 8.4', date: 'April 2010', title: 'User Commands' };
const SHADOW = { source: 'System Management Commands', date: '07/24/2009', title: 'System Management Commands' };
const POSTFIX1 = { source: '', date: '', title: 'General Commands Manual', needs: ['/usr/sbin/postfix'] };
/** Pages both MTAs provide (through the mta alternatives). */
const MTA = ['/usr/sbin/postfix', '/usr/sbin/sendmail.sendmail'];
const POSTFIX5 = { source: '', date: '', title: 'File Formats Manual', needs: ['/usr/sbin/postfix'] };

export const MANPAGES: ManPage[] = [
  {
    name: 'ls',
    section: '1',
    ...CORE,
    text: `
NAME
ls - list directory contents

SYNOPSIS
  ls [OPTION]... [FILE]...

DESCRIPTION
Shows what the named FILEs are; for a directory, the entries it holds. Without a FILE the current directory is listed. Entries are sorted by name unless an option asks for another order.

.TP -a, --all
also show entries whose names begin with a dot
.TP -d, --directory
show a directory itself rather than what is inside it
.TP -h, --human-readable
with -l, print sizes with a unit suffix (K, M, G)
.TP -i, --inode
print the inode number of each file
.TP -l
use the long format: type and permission bits, link count, owner, group, size, modification time and name
.TP -n, --numeric-uid-gid
like -l, but show owner and group as numbers
.TP -r, --reverse
reverse the sort order
.TP -R, --recursive
descend into subdirectories
.TP -S
sort by size, largest first
.TP -t
sort by modification time, newest first
.TP -Z, --context
show the SELinux security context of each file
.TP -1
one entry per line

EXIT STATUS
0 when all went well, 1 for minor trouble (a subdirectory that cannot be read), 2 for serious trouble (a FILE that does not exist).

SEE ALSO
stat(1), chmod(1), chown(1)
`,
  },
  {
    name: 'grep',
    section: '1',
    aliases: ['egrep', 'fgrep'],
    title: 'General Commands Manual',
    source: 'GNU grep 2.6.3',
    date: '2010-03-23',
    text: `
NAME
grep, egrep, fgrep - print lines matching a pattern

SYNOPSIS
  grep [OPTIONS] PATTERN [FILE...]
  grep [OPTIONS] [-e PATTERN | -f FILE] [FILE...]

DESCRIPTION
grep reads each FILE (or standard input when there is none, or for -) and prints the lines in which PATTERN matches. With more than one FILE, each line is preceded by the name of its file. egrep is grep -E and fgrep is grep -F.

.TP -E, --extended-regexp
read PATTERN as an extended regular expression (alternation with |, grouping, + and ?)
.TP -F, --fixed-strings
read PATTERN as a list of plain strings, one per line
.TP -e PATTERN
use PATTERN; useful to give several patterns or one starting with -
.TP -i, --ignore-case
ignore the difference between upper and lower case
.TP -v, --invert-match
print the lines that do not match
.TP -c, --count
print only how many lines matched in each file
.TP -l, --files-with-matches
print only the names of files with a match
.TP -n, --line-number
put the line number in front of each output line
.TP -r, --recursive
read every file under each directory
.TP -w, --word-regexp
match only whole words
.TP -q, --quiet
print nothing; the exit status says whether something matched

EXAMPLES
Show the active lines of a configuration file, without comments and blank lines:
  grep -Ev '^$|^#' /etc/postfix/main.cf

EXIT STATUS
0 when a line was selected, 1 when none was, 2 on an error.

SEE ALSO
sed(1), awk(1)
`,
  },
  {
    name: 'sed',
    section: '1',
    title: 'User Commands',
    source: 'sed version 4.2.1',
    date: 'June 2009',
    text: `
NAME
sed - stream editor for filtering and transforming text

SYNOPSIS
  sed [OPTION]... {script-only-if-no-other-script} [input-file]...

DESCRIPTION
sed reads its input line by line, applies the editing commands of its script to each line and writes the result. It is the usual tool to change a configuration file from a script.

.TP -n, --quiet
print only what the p command asks for
.TP -e script
add the commands of script
.TP -f file
add the commands found in file
.TP -i[SUFFIX], --in-place[=SUFFIX]
edit the files in place, keeping a backup with SUFFIX when one is given
.TP -r, --regexp-extended
use extended regular expressions

COMMANDS
.TP s/regexp/replacement/flags
replace what regexp matches; the g flag replaces every match on the line
.TP d
delete the line
.TP p
print the line
.TP a text, i text, c text
append, insert or change lines of text
.TP /regexp/, N, N,M
restrict a command to matching lines or a range of lines

EXAMPLES
Uncomment a setting of main.cf:
  sed -i 's/^#myorigin = \\$mydomain/myorigin = $mydomain/' /etc/postfix/main.cf

SEE ALSO
grep(1), awk(1)
`,
  },
  {
    name: 'awk',
    section: '1',
    aliases: ['gawk'],
    title: 'Utility Commands',
    source: 'Free Software Foundation',
    date: 'Jul 10 2009',
    text: `
NAME
gawk - pattern scanning and processing language

SYNOPSIS
  gawk [ POSIX or GNU style options ] -f program-file [ -- ] file ...
  gawk [ POSIX or GNU style options ] [ -- ] program-text file ...

DESCRIPTION
awk reads its input as records (lines) split into fields ($1, $2 ... and $0 for the whole record). A program is a list of pattern { action } pairs; the action runs for every record the pattern matches. BEGIN and END actions run before the first and after the last record.

.TP -F fs
use fs as the field separator instead of blanks
.TP -v var=value
set a variable before the program starts
.TP -f program-file
read the program from a file

EXAMPLES
Print the user names and shells of /etc/passwd:
  awk -F: '{ print $1, $7 }' /etc/passwd
Sum the sizes of the files ls lists:
  ls -l | awk '{ s += $5 } END { print s }'

SEE ALSO
grep(1), sed(1)
`,
  },
  {
    name: 'cat',
    section: '1',
    ...CORE,
    text: `
NAME
cat - concatenate files and print on the standard output

SYNOPSIS
  cat [OPTION]... [FILE]...

DESCRIPTION
Writes each FILE in turn to standard output. With no FILE, or when FILE is -, standard input is read.

.TP -A, --show-all
same as -vET
.TP -n, --number
number all output lines
.TP -E, --show-ends
show $ at the end of each line
.TP -T, --show-tabs
show tabs as ^I

SEE ALSO
less(1), tail(1)
`,
  },
  {
    name: 'tail',
    section: '1',
    ...CORE,
    text: `
NAME
tail - output the last part of files

SYNOPSIS
  tail [OPTION]... [FILE]...

DESCRIPTION
Prints the last 10 lines of each FILE.

.TP -n, --lines=K
print the last K lines; with +K, start at line K
.TP -f, --follow
keep the file open and print what is added to it, until interrupted with Ctrl-C; the usual way to watch /var/log/maillog while testing mail delivery

SEE ALSO
cat(1), less(1)
`,
  },
  {
    name: 'less',
    section: '1',
    title: 'General Commands Manual',
    source: 'Version 436',
    date: '02 Jan 2009',
    text: `
NAME
less - opposite of more

SYNOPSIS
  less [options] [file...]

DESCRIPTION
less shows a file one screen at a time and lets you move backward as well as forward. man uses it to show manual pages.

COMMANDS
.TP SPACE
forward one screen
.TP b
backward one screen
.TP RETURN, j
forward one line
.TP k
backward one line
.TP /pattern
search forward for pattern; n repeats the search
.TP g, G
go to the first or the last line
.TP q
quit

SEE ALSO
more(1), man(1)
`,
  },
  {
    name: 'man',
    section: '1',
    title: 'Manual pager utils',
    source: '',
    date: 'September 2, 1995',
    text: `
NAME
man - format and display the on-line manual pages

SYNOPSIS
  man [-adfhktwW] [section] [-M path] [-P pager] [-S list] name ...

DESCRIPTION
man finds the manual page of name and shows it through a pager (less). When a section is given only that section is searched; otherwise sections are searched in the order 1, 8, 2, 3, 4, 5, 6, 7, 9. Section 1 holds user commands, 5 file formats, 8 administration commands.

.TP -a
show every matching page, not only the first
.TP -f
same as whatis: the one-line description of name
.TP -k
same as apropos: pages whose name or description contains the word
.TP -P pager
use pager instead of less
.TP -w
print where the page is instead of showing it

EXAMPLES
  man 5 aliases
The file format aliases(5) rather than a command of the same name.

SEE ALSO
less(1), whatis(1), apropos(1)
`,
  },
  {
    name: 'id',
    section: '1',
    ...CORE,
    text: `
NAME
id - print real and effective user and group IDs

SYNOPSIS
  id [OPTION]... [USERNAME]

DESCRIPTION
Prints the user and group identity of USERNAME, or of the running process when no USERNAME is given (then the SELinux context is shown too).

.TP -g, --group
print only the group ID
.TP -G, --groups
print all group IDs
.TP -n, --name
print names instead of numbers, with -u, -g or -G
.TP -u, --user
print only the user ID
.TP -Z, --context
print only the security context

SEE ALSO
groups(1), whoami(1)
`,
  },
  {
    name: 'date',
    section: '1',
    ...CORE,
    text: `
NAME
date - print or set the system date and time

SYNOPSIS
  date [OPTION]... [+FORMAT]
  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]

DESCRIPTION
Shows the current time in the given FORMAT, or sets the system clock (root only).

.TP -d, --date=STRING
show the time STRING describes, such as "yesterday", "2 hours ago" or "2014-04-26 12:00"
.TP -R, --rfc-2822
use the format of mail headers: Sat, 26 Apr 2014 11:25:00 -0600
.TP -s, --set=STRING
set the clock to the time STRING describes
.TP -u, --utc
use Coordinated Universal Time

FORMAT
A format starts with + and may hold %-sequences: %Y year, %m month, %d day, %H hour, %M minute, %S second, %a and %b weekday and month names, %s seconds since 1970, %z the numeric time zone, %Z its abbreviation, %F the same as %Y-%m-%d, %T the same as %H:%M:%S.

SEE ALSO
hwclock(8)
`,
  },
  {
    name: 'hostname',
    section: '1',
    title: "Linux Programmer's Manual",
    source: 'net-tools',
    date: '2009-09-16',
    text: `
NAME
hostname - show or set the system's host name

SYNOPSIS
  hostname [-v] [-a|--alias] [-d|--domain] [-f|--fqdn|--long] [-i|--ip-address] [-s|--short]
  hostname [-v] [-F filename] | hostname [-v] hostname

DESCRIPTION
Without arguments hostname prints the name of the system. root may give a new name, which lasts until the next boot; the name used at boot is HOSTNAME in /etc/sysconfig/network.

.TP -s, --short
the name up to the first dot
.TP -f, --fqdn, --long
the fully qualified domain name, as the resolver (/etc/hosts, then DNS) gives it
.TP -d, --domain
the DNS domain: the fully qualified name without its first part
.TP -i, --ip-address
the addresses of the host name
.TP -F, --file filename
read the new host name from a file

FILES
/etc/hosts, /etc/sysconfig/network

SEE ALSO
uname(1)
`,
  },
  {
    name: 'which',
    section: '1',
    title: 'General Commands Manual',
    source: '',
    date: '',
    text: `
NAME
which - shows the full path of (shell) commands.

SYNOPSIS
  which [options] [--] programname [...]

DESCRIPTION
which looks for each programname in the directories of PATH and prints the first executable it finds. On RHEL it is normally called through an alias that passes the shell's aliases on standard input, so an alias is shown along with the program it runs.

.TP -a, --all
print every match, not only the first
.TP -i, --read-alias
read alias definitions from standard input and report matching ones
.TP --tty-only
ignore the options that follow unless standard output is a terminal
.TP --show-dot, --show-tilde
print ./ and ~/ forms for matches found through such PATH entries

EXIT STATUS
The number of programnames that were not found.

SEE ALSO
bash(1)
`,
  },
  {
    name: 'su',
    section: '1',
    ...CORE,
    text: `
NAME
su - run a shell with substitute user and group IDs

SYNOPSIS
  su [OPTION]... [-] [USER [ARG]...]

DESCRIPTION
Starts a shell as USER (root when no USER is given). root needs no password; anyone else must give the password of USER. A plain su keeps the environment and the working directory; su - (or -l) starts a login shell in USER's home directory with a fresh environment, as if USER had logged in.

.TP -, -l, --login
make the shell a login shell
.TP -c, --command=COMMAND
run COMMAND with the shell's -c option instead of an interactive shell
.TP -m, -p, --preserve-environment
keep the whole environment
.TP -s, --shell=SHELL
run SHELL if /etc/shells allows it

EXAMPLES
  su - user1
  su - user2 -c 'mail -s test user1 < /etc/hosts'

FILES
/var/log/secure records each session.

SEE ALSO
passwd(1), login(1)
`,
  },
  {
    name: 'passwd',
    section: '1',
    title: 'User utilities',
    source: 'Red Hat, Inc.',
    date: 'Feb 2009',
    text: `
NAME
passwd - update user's authentication tokens

SYNOPSIS
  passwd [-k] [-l] [-u [-f]] [-d] [-n mindays] [-x maxdays] [-w warndays] [-i inactivedays] [-S] [--stdin] [username]

DESCRIPTION
Changes the password of a user account. A user changes their own password after giving the current one; root may set anyone's password without the old one. New passwords are checked by pam_cracklib, which rejects short, simple or dictionary-based passwords for ordinary users and only warns root.

.TP --stdin
read the new password from standard input, for use in scripts (root only)
.TP -l
lock the account's password by putting !! in front of it (root only)
.TP -u
unlock the password (root only)
.TP -d
remove the password, so the account needs none (root only)
.TP -S
show the password status of the account (root only)
.TP -n, -x, -w, -i
set the password aging values (root only)

EXAMPLES
  echo password | passwd --stdin user3

FILES
/etc/shadow

SEE ALSO
pam(8), useradd(8), chage(1)
`,
  },
  {
    name: 'passwd',
    section: '5',
    title: 'Linux Programmer\'s Manual',
    source: 'Linux',
    date: '1998-01-05',
    text: `
NAME
passwd - password file

DESCRIPTION
/etc/passwd holds one line per account, with seven fields separated by colons:
  name:password:UID:GID:GECOS:directory:shell
The password field is x when the password is kept in /etc/shadow. GECOS is a comment, usually the full name. The shell is run at login; /sbin/nologin refuses the login.

FILES
/etc/passwd, /etc/shadow

SEE ALSO
passwd(1), useradd(8), group(5)
`,
  },
  {
    name: 'useradd',
    section: '8',
    ...SHADOW,
    text: `
NAME
useradd - create a new user or update default new user information

SYNOPSIS
  useradd [options] LOGIN
  useradd -D [options]

DESCRIPTION
Adds an account: a line in /etc/passwd and /etc/shadow (with a locked password, !!, until passwd sets one), on RHEL a private group of the same name, a home directory filled from /etc/skel and an empty mail spool /var/spool/mail/LOGIN owned by the user and group mail. Defaults come from /etc/default/useradd and /etc/login.defs; ordinary users get the next UID from 500.

.TP -c, --comment COMMENT
the GECOS field, usually the full name
.TP -d, --home-dir HOME_DIR
home directory instead of /home/LOGIN
.TP -g, --gid GROUP
primary group, by name or number
.TP -G, --groups GROUP1[,GROUP2...]
supplementary groups
.TP -m, --create-home
create the home directory (the default on RHEL)
.TP -M
do not create the home directory
.TP -r, --system
create a system account: UID below 500, no home directory, no mail spool
.TP -s, --shell SHELL
login shell, for example /sbin/nologin for a mail-only account
.TP -u, --uid UID
numeric user ID

EXIT VALUES
0 success, 2 bad syntax, 3 bad argument, 4 UID already in use, 6 group does not exist, 9 user name already in use, 12 cannot create the home directory.

FILES
/etc/passwd, /etc/shadow, /etc/group, /etc/gshadow, /etc/default/useradd, /etc/login.defs, /etc/skel/

SEE ALSO
passwd(1), userdel(8), usermod(8), groupadd(8)
`,
  },
  {
    name: 'userdel',
    section: '8',
    ...SHADOW,
    text: `
NAME
userdel - delete a user account and related files

SYNOPSIS
  userdel [options] LOGIN

DESCRIPTION
Removes the account from the system files. The user's private group goes too, unless another user has it as primary group.

.TP -f, --force
remove files even when they do not belong to the user
.TP -r, --remove
also remove the home directory and the mail spool

EXIT VALUES
0 success, 2 bad syntax, 6 the user does not exist, 12 the home directory could not be removed.

SEE ALSO
useradd(8), usermod(8)
`,
  },
  {
    name: 'usermod',
    section: '8',
    ...SHADOW,
    text: `
NAME
usermod - modify a user account

SYNOPSIS
  usermod [options] LOGIN

DESCRIPTION
Changes the account of LOGIN in the system files.

.TP -a, --append
with -G, add the groups without leaving the others
.TP -c, --comment COMMENT
new GECOS field
.TP -d, --home HOME_DIR
new home directory; with -m the contents are moved there
.TP -g, --gid GROUP
new primary group
.TP -G, --groups GROUP1[,GROUP2...]
the supplementary groups; without -a the user leaves every group not listed
.TP -l, --login NEW_LOGIN
new login name
.TP -L, --lock
lock the password (a ! in front of it)
.TP -U, --unlock
unlock the password
.TP -s, --shell SHELL
new login shell
.TP -u, --uid UID
new user ID; files in the home directory follow

EXAMPLES
Let user1 write the mail spool directory's lock files by joining group mail:
  usermod -aG mail user1

SEE ALSO
useradd(8), userdel(8), groups(1)
`,
  },
  {
    name: 'groupadd',
    section: '8',
    ...SHADOW,
    text: `
NAME
groupadd - create a new group

SYNOPSIS
  groupadd [options] GROUP

DESCRIPTION
Adds GROUP to /etc/group and /etc/gshadow, with the next free GID from 500 unless one is given.

.TP -f, --force
succeed even when the group exists
.TP -g, --gid GID
use GID
.TP -r, --system
create a system group (GID below 500)

SEE ALSO
groupdel(8), useradd(8)
`,
  },
  {
    name: 'postfix',
    section: '1',
    ...POSTFIX1,
    text: `
NAME
postfix - Postfix control program

SYNOPSIS
  postfix [-Dv] [-c config_dir] command

DESCRIPTION
Starts, stops and checks the Postfix mail system. On RHEL the service script (service postfix start|stop|restart|reload) calls it.

.TP check
look for problems in the configuration and the queue directories
.TP start
start the master daemon
.TP stop
stop the mail system in an orderly way
.TP reload
make running daemons read main.cf and master.cf again
.TP flush
try to deliver the mail waiting in the deferred queue

SEE ALSO
postconf(1), postqueue(1), postsuper(1), master(8)
`,
  },
  {
    name: 'postconf',
    section: '1',
    ...POSTFIX1,
    text: `
NAME
postconf - Postfix configuration utility

SYNOPSIS
  postconf [-dhnv] [-c config_dir] [parameter ...]
  postconf -e [-c config_dir] "parameter=value" ...

DESCRIPTION
Shows the value of main.cf parameters, or changes them.

.TP -n
show only the parameters set in main.cf
.TP -d
show the built-in default values
.TP -h
show values without the "name = " part
.TP -e
edit main.cf: set each parameter=value given

EXAMPLES
  postconf -n
  postconf mydestination
  postconf -e 'inet_interfaces = all'

SEE ALSO
postconf(5), postfix(1)
`,
  },
  {
    name: 'postconf',
    section: '5',
    ...POSTFIX5,
    text: `
NAME
postconf - Postfix configuration parameters

DESCRIPTION
The main Postfix configuration file, /etc/postfix/main.cf, sets parameters as name = value lines. A line starting with white space continues the previous one; # starts a comment. $name in a value refers to another parameter. After a change, run postfix reload (inet_interfaces needs a stop and start).

PARAMETERS
.TP myhostname
the host's fully qualified name; defaults to the system host name
.TP mydomain
the domain part of myhostname
.TP myorigin
the domain that locally posted mail appears to come from ($myhostname by default)
.TP inet_interfaces
the addresses the SMTP server listens on: localhost (the RHEL default) or all
.TP mydestination
the domains this machine delivers locally
.TP mynetworks
the clients trusted to relay mail through this server
.TP relayhost
a host to send all outgoing mail through
.TP home_mailbox
deliver to this file or Maildir/ under each home instead of /var/spool/mail
.TP alias_maps, alias_database
where the aliases table is

SEE ALSO
postconf(1), aliases(5), master(5)
`,
  },
  {
    name: 'main.cf',
    section: '5',
    ...POSTFIX5,
    text: `
NAME
main.cf - Postfix main configuration file

DESCRIPTION
/etc/postfix/main.cf holds the parameters of the Postfix mail system, one name = value per line. Lines starting with # are comments; the file RHEL installs carries commented examples for the parameters most often changed (myhostname, mydomain, myorigin, inet_interfaces, mydestination, mynetworks). See postconf(5) for the parameters.

SEE ALSO
postconf(5), postconf(1)
`,
  },
  {
    name: 'aliases',
    section: '5',
    ...POSTFIX5,
    needs: MTA,
    text: `
NAME
aliases - Postfix local alias database format

SYNOPSIS
  newaliases

DESCRIPTION
/etc/aliases says where mail for local names really goes. Each line is
  name: value1, value2, ...
where a value is a user name, another alias, a file (/path), a command (|command) or :include:/file. Lines starting with white space continue the previous one. After editing the file run newaliases to rebuild /etc/aliases.db, which is what Postfix reads.

EXAMPLES
  postmaster: root
  root: user1

SEE ALSO
newaliases(1), local(8), postconf(5)
`,
  },
  {
    name: 'newaliases',
    section: '1',
    ...POSTFIX1,
    needs: MTA,
    text: `
NAME
newaliases - rebuild the alias database

SYNOPSIS
  newaliases

DESCRIPTION
Rebuilds /etc/aliases.db from /etc/aliases. It is the Postfix sendmail(1) command run as newaliases (sendmail -bi).

SEE ALSO
aliases(5), sendmail(1)
`,
  },
  {
    name: 'mailq',
    section: '1',
    ...POSTFIX1,
    needs: MTA,
    text: `
NAME
mailq - list the mail queue

SYNOPSIS
  mailq

DESCRIPTION
Lists the messages waiting in the Postfix queue: queue ID, size, arrival time, sender and recipients, with the reason a delivery was deferred. A * after the queue ID marks a message in the active queue, ! a held one. The same as postqueue -p.

SEE ALSO
postqueue(1), postsuper(1)
`,
  },
  {
    name: 'postqueue',
    section: '1',
    ...POSTFIX1,
    text: `
NAME
postqueue - Postfix queue control

SYNOPSIS
  postqueue -f
  postqueue -p
  postqueue -s site

DESCRIPTION
.TP -p
list the queue, as mailq does
.TP -f
flush: try to deliver every queued message now
.TP -s site
try to deliver the mail queued for site

SEE ALSO
mailq(1), postsuper(1)
`,
  },
  {
    name: 'postsuper',
    section: '1',
    ...POSTFIX1,
    text: `
NAME
postsuper - Postfix superintendent

SYNOPSIS
  postsuper [-d queue_id] [-h queue_id] [-H queue_id] [-r queue_id]

DESCRIPTION
Maintenance of the Postfix queue, for root.

.TP -d queue_id
delete a message; ALL deletes every message, and ALL deferred the deferred ones
.TP -h queue_id
put a message on hold
.TP -H queue_id
release a held message
.TP -r queue_id
requeue a message, so it is processed again with the current configuration

SEE ALSO
postqueue(1), mailq(1)
`,
  },
  {
    name: 'mail',
    section: '1',
    aliases: ['mailx', 'Mail', 'nail'],
    title: 'User Commands',
    source: 'Heirloom mailx 12.4',
    date: '10/1/07',
    needs: ['/bin/mail', '/bin/mailx', '/usr/bin/mail'],
    text: `
NAME
mailx - send and receive Internet mail

SYNOPSIS
  mail [-s subject] [-c cc-addr] [-b bcc-addr] to-addr ...
  mail [-f [file]]

DESCRIPTION
To send, give the recipients and type the message; end it with a line holding only a dot (or Ctrl-D). Without recipients mail opens your mailbox (/var/spool/mail/USER) and shows the headers of the messages.

COMMANDS
.TP p [n]
print a message
.TP d [n]
delete a message
.TP h
show the message headers again
.TP r [n]
reply to a message
.TP q
quit, keeping read messages in ~/mbox
.TP x
quit without changing the mailbox

SEE ALSO
mutt(1), sendmail(1)
`,
  },
  {
    name: 'dovecot',
    section: '1',
    title: 'Dovecot',
    source: 'Dovecot v2.0',
    date: '2010-07-02',
    needs: ['/usr/sbin/dovecot'],
    text: `
NAME
dovecot - a secure and highly configurable IMAP and POP3 server

SYNOPSIS
  dovecot [-Fp] [-c config-file]
  dovecot -n | -a
  dovecot reload | stop

DESCRIPTION
Dovecot lets mail clients read mailboxes over IMAP and POP3, with or without SSL. On RHEL it is started with service dovecot start. The configuration is /etc/dovecot/dovecot.conf with the files of /etc/dovecot/conf.d/; protocols, listen, ssl, disable_plaintext_auth and mail_location are the settings a new server usually needs.

.TP -n
show the settings that differ from the defaults
.TP -a
show all settings
.TP reload
read the configuration again
.TP stop
stop the server

FILES
/etc/dovecot/dovecot.conf, /etc/dovecot/conf.d/, /var/log/maillog

SEE ALSO
doveconf(1), doveadm(1)
`,
  },
  {
    name: 'doveconf',
    section: '1',
    title: 'Dovecot',
    source: 'Dovecot v2.0',
    date: '2010-06-22',
    needs: ['/usr/bin/doveconf'],
    text: `
NAME
doveconf - Dovecot's configuration dumping utility

SYNOPSIS
  doveconf [-anNx] [-c config-file] [-f filter]
  doveconf [-n] [-c config-file] section_name ...

DESCRIPTION
Reads Dovecot's configuration and prints the result, which shows exactly what the server will use, and reports errors in the files.

.TP -n
only the settings changed from their defaults
.TP -a
all settings
.TP section_name
only that section, for example doveconf -n protocol

SEE ALSO
dovecot(1)
`,
  },
  {
    name: 'named',
    section: '8',
    title: 'BIND9',
    source: 'BIND9',
    date: 'June 30, 2000',
    needs: ['/usr/sbin/named'],
    text: `
NAME
named - Internet domain name server

SYNOPSIS
  named [-4] [-6] [-c config-file] [-f] [-g] [-p port] [-t directory] [-u user]

DESCRIPTION
named is the DNS server of BIND. It reads /etc/named.conf, loads the zones it is master or slave for, answers queries and, when recursion is allowed, looks other names up for its clients. On RHEL it runs as user named and is controlled with service named start|stop|restart and rndc reload.

.TP -c config-file
read config-file instead of /etc/named.conf
.TP -f
stay in the foreground
.TP -g
stay in the foreground and log to standard error
.TP -u user
run as user after starting

FILES
/etc/named.conf, /var/named/

SEE ALSO
named.conf(5), rndc(8), dig(1)
`,
  },
  {
    name: 'named.conf',
    section: '5',
    title: 'BIND9',
    source: 'BIND9',
    date: 'Aug 13, 2004',
    needs: ['/usr/sbin/named'],
    text: `
NAME
named.conf - configuration file for named

SYNOPSIS
  named.conf

DESCRIPTION
The file is a list of statements ending in semicolons; blocks are in braces. Comments use //, # or /* */.

.TP options { ... };
server-wide settings: listen-on port 53 { any; }; directory "/var/named"; allow-query { any; }; recursion yes;
.TP zone "name" IN { ... };
a zone the server serves: type master; file "local.com.zone"; for a master zone, or type slave with masters { address; }
.TP logging { ... };
where messages go

A zone file holds the records of the zone: $TTL, the SOA, NS records, A records, and MX records that name the mail servers of the domain with a preference:
  @   IN  MX  10  rhel1.local.com.
Raise the serial number of the SOA after each change, then run rndc reload.

FILES
/etc/named.conf, /var/named/

SEE ALSO
named(8), rndc(8), dig(1)
`,
  },
  {
    name: 'dig',
    section: '1',
    title: 'BIND9',
    source: 'BIND9',
    date: 'Jun 30, 2000',
    needs: ['/usr/bin/dig'],
    text: `
NAME
dig - DNS lookup utility

SYNOPSIS
  dig [@server] [-x addr] [name] [type] [+queryopt...]

DESCRIPTION
dig asks a DNS server (those of /etc/resolv.conf unless @server is given) and prints the whole answer: the header, the question, the answer, authority and additional sections, and how long it took.

.TP name type
what to look up: dig local.com MX, dig rhel1.local.com A
.TP -x addr
a reverse lookup of an address
.TP +short
print only the answer data

EXAMPLES
  dig local.com MX
  dig @192.168.2.2 rhel1.local.com

SEE ALSO
host(1), named(8)
`,
  },
  {
    name: 'telnet',
    section: '1',
    title: 'BSD General Commands Manual',
    source: 'Linux NetKit (0.17)',
    date: 'August 15, 1999',
    needs: ['/usr/bin/telnet'],
    text: `
NAME
telnet - user interface to the TELNET protocol

SYNOPSIS
  telnet [host [port]]

DESCRIPTION
telnet opens a TCP connection to host on port (23 by default) and passes what you type to it. Connecting to port 25 lets you talk SMTP to a mail server by hand (HELO, MAIL FROM:, RCPT TO:, DATA, a line with a single dot, QUIT); port 110 gives POP3 and port 143 IMAP.

The escape character, Ctrl-], returns to the telnet> prompt, where quit closes the connection.

EXAMPLES
  telnet rhel1 25

SEE ALSO
nc(1)
`,
  },
  {
    name: 'iptables',
    section: '8',
    title: '',
    source: 'iptables 1.4.7',
    date: '',
    needs: ['/sbin/iptables'],
    text: `
NAME
iptables - administration tool for IPv4 packet filtering and NAT

SYNOPSIS
  iptables [-t table] -[AD] chain rule-specification
  iptables [-t table] -I chain [rulenum] rule-specification
  iptables [-t table] -D chain rulenum
  iptables [-t table] -[LFZ] [chain]

DESCRIPTION
The kernel passes each packet through chains of rules (INPUT, FORWARD, OUTPUT). The first rule that matches decides with its target: ACCEPT, DROP, or REJECT (which answers, so the client sees "No route to host" or "Connection refused" at once).

.TP -A chain
append a rule to the end of chain
.TP -I chain [rulenum]
insert a rule at position rulenum (1 by default)
.TP -D chain rulenum
delete a rule
.TP -L [chain]
list the rules; add -n for numbers and --line-numbers for positions
.TP -F [chain]
remove all rules
.TP -p, -s, -d, -i
match protocol, source, destination, input interface
.TP --dport port
with -p tcp or -p udp, match the destination port
.TP -m state --state NEW
match connections by state
.TP -j target
what to do with a matching packet

EXAMPLES
Let SMTP in, just above the final REJECT rule of RHEL's default INPUT chain:
  iptables -I INPUT 5 -m state --state NEW -m tcp -p tcp --dport 25 -j ACCEPT
  service iptables save

FILES
/etc/sysconfig/iptables, loaded at boot

SEE ALSO
service(8)
`,
  },
  {
    name: 'service',
    section: '8',
    title: 'System Manager\'s Manual',
    source: 'RedHat Linux',
    date: 'Jan 2006',
    needs: ['/sbin/service'],
    text: `
NAME
service - run a System V init script

SYNOPSIS
  service SCRIPT COMMAND [OPTIONS]
  service --status-all

DESCRIPTION
Runs /etc/init.d/SCRIPT with COMMAND in a clean environment. The usual commands are start, stop, restart, reload and status. Whether a service starts at boot is set with chkconfig.

EXAMPLES
  service postfix restart
  service named status

SEE ALSO
chkconfig(8)
`,
  },
  {
    name: 'chkconfig',
    section: '8',
    title: '',
    source: '',
    date: 'Wed Oct 8 1997',
    needs: ['/sbin/chkconfig'],
    text: `
NAME
chkconfig - updates and queries runlevel information for system services

SYNOPSIS
  chkconfig [--list] [name]
  chkconfig [--level levels] name on|off|reset

DESCRIPTION
Decides in which runlevels a service is started at boot. It changes nothing while the system runs: use service to start or stop a service now.

.TP --list [name]
show the on/off setting of each runlevel
.TP name on
start the service at boot in runlevels 2 to 5
.TP name off
do not start it at boot
.TP --level levels
act on the given runlevels only, for example --level 35

EXAMPLES
  chkconfig dovecot on
  chkconfig --list postfix

SEE ALSO
service(8)
`,
  },
  {
    name: 'yum',
    section: '8',
    title: '',
    source: 'Seth Vidal',
    date: '',
    needs: ['/usr/bin/yum'],
    text: `
NAME
yum - Yellowdog Updater Modified

SYNOPSIS
  yum [options] [command] [package ...]

DESCRIPTION
Installs, updates and removes RPM packages from the configured repositories, with the packages they depend on. It lists what it will do and asks "Is this ok [y/N]:" before doing it.

.TP install package
install packages and their dependencies
.TP remove package
remove packages and the packages that need them
.TP list [installed|available]
list packages
.TP info package
describe a package
.TP search word
find packages by name and summary
.TP -y
answer yes to the question

EXAMPLES
  yum install dovecot

SEE ALSO
rpm(8)
`,
  },
  {
    name: 'rpm',
    section: '8',
    title: '',
    source: 'Red Hat, Inc',
    date: '09 June 2002',
    needs: ['/bin/rpm'],
    text: `
NAME
rpm - RPM Package Manager

SYNOPSIS
  rpm -q [query-options] [package ...]
  rpm {-i|-U} package-file ...
  rpm -e package ...

DESCRIPTION
rpm keeps the database of installed packages and installs, upgrades and erases package files.

.TP -qa
list every installed package
.TP -qi package
information about a package
.TP -ql package
the files of a package
.TP -qf file
the package a file belongs to
.TP -qc package
the configuration files of a package
.TP -e package
erase a package

EXAMPLES
  rpm -qa | grep postfix
  rpm -qc dovecot

SEE ALSO
yum(8)
`,
  },
];
