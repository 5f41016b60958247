import { conf, d, doc, exe, exes, f, initScript, ln, mans, type PkgFile, type PkgSpec, type Release } from '../types';
import { mk } from './mk';
import * as T from './text-system';

/** The packages of a minimal RHEL install: filesystem, libraries, shell, core tools. */
export function basePackages(rel: Release): PkgSpec[] {
  const el6 = rel === 'el6';
  const out: PkgSpec[] = [];
  const add = (p: Parameters<typeof mk>[1]) => out.push(mk(rel, p));

  add({
    name: 'setup',
    ...(el6 ? { version: '2.8.14', release: '13.el6' } : { version: '2.5.58', release: '7.el5' }),
    arch: 'noarch',
    summary: 'A set of system configuration and setup files',
    description: 'The setup package contains a set of important system configuration and\nsetup files, such as passwd, group, and profile.',
    license: 'Public Domain',
    size: el6 ? 666_404 : 455_001,
    files: [
      conf('/etc/passwd', T.setupPasswd(rel)),
      conf('/etc/group', T.setupGroup(rel)),
      conf('/etc/shadow', T.setupShadow(rel), el6 ? 0o000 : 0o400),
      conf('/etc/gshadow', T.setupGshadow(rel), el6 ? 0o000 : 0o400),
      conf('/etc/aliases', T.ETC_ALIASES),
      conf('/etc/bashrc', T.ETC_BASHRC),
      conf('/etc/profile', T.etcProfile(rel)),
      d('/etc/profile.d'),
      conf('/etc/hosts', '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n'),
      conf('/etc/host.conf', T.HOST_CONF),
      conf('/etc/hosts.allow', T.HOSTS_ALLOW),
      conf('/etc/hosts.deny', T.HOSTS_DENY),
      conf('/etc/inputrc', T.INPUTRC),
      conf('/etc/motd', ''),
      conf('/etc/services', T.SERVICES),
      conf('/etc/protocols', T.PROTOCOLS),
      conf('/etc/shells', T.ETC_SHELLS(rel)),
      conf('/etc/securetty', T.SECURETTY, 0o600),
      conf('/etc/fstab', ''),
      conf('/etc/exports', ''),
      conf('/etc/environment', ''),
      conf('/etc/printcap', '# printcap: written by the print system; do not edit.\n'),
      conf('/etc/filesystems', 'ext4\next3\next2\nnodev proc\nnodev devpts\niso9660\nvfat\nhfs\nhfsplus\n*\n'),
      conf('/etc/csh.cshrc', '# /etc/csh.cshrc: settings of every csh/tcsh shell.\nif ($uid > 199 && "`id -gn`" == "`id -un`") then\n    umask 002\nelse\n    umask 022\nendif\n'),
      conf('/etc/csh.login', '# /etc/csh.login: environment of csh/tcsh login shells.\nsetenv MAIL "/var/spool/mail/$USER"\n'),
      doc(`/usr/share/doc/setup-${el6 ? '2.8.14' : '2.5.58'}/uidgid`, 'NAME\tUID\tGID\tHOME\tSHELL\tPACKAGES\nroot\t0\t0\t/root\t/bin/bash\tsetup\nmail\t8\t12\t/var/spool/mail\t/sbin/nologin\tsetup\nnamed\t25\t25\t/var/named\t/bin/false\tbind\npostfix\t89\t89\t/var/spool/postfix\t/bin/true\tpostfix\npostdrop\t-\t90\t-\t-\tpostfix\ndovecot\t97\t97\t/usr/libexec/dovecot\t/sbin/nologin\tdovecot\n'),
    ],
  });

  // The FHS tree. /root, /tmp and the mail spool keep RHEL's modes.
  const fsDirs: PkgFile[] = [
    ...['/bin', '/boot', '/dev', '/etc', '/etc/X11', '/etc/opt', '/etc/pki', '/etc/skel', '/etc/sysconfig', '/etc/xinetd.d', '/home', '/lib', '/media', '/mnt', '/opt', '/sbin', '/srv', '/usr', '/usr/bin', '/usr/etc', '/usr/games', '/usr/include', '/usr/lib', '/usr/libexec', '/usr/local', '/usr/local/bin', '/usr/local/etc', '/usr/local/games', '/usr/local/include', '/usr/local/lib', '/usr/local/libexec', '/usr/local/sbin', '/usr/local/share', '/usr/local/src', '/usr/sbin', '/usr/share', '/usr/share/doc', '/usr/share/info', '/usr/share/man', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `/usr/share/man/man${n}`), '/usr/share/misc', '/usr/src', '/var', '/var/cache', '/var/db', '/var/empty', '/var/games', '/var/lib', '/var/lib/misc', '/var/local', '/var/lock', '/var/log', '/var/nis', '/var/opt', '/var/preserve', '/var/run', '/var/spool', '/var/spool/lpd', '/var/yp'].map((p) => d(p)),
    d('/proc', 0o555),
    d('/sys', 0o755),
    ...(el6 ? [d('/selinux'), d('/cgroup')] : [d('/selinux')]),
    d('/root', el6 ? 0o550 : 0o750),
    d('/tmp', 0o1777),
    d('/var/tmp', 0o1777),
    d('/var/spool/mail', 0o775, 'root', 'mail'),
    ln('/var/mail', 'spool/mail'),
    ...(el6 ? [] : [d('/usr/kerberos'), d('/usr/kerberos/bin'), d('/usr/kerberos/sbin')]),
  ];
  add({
    name: 'filesystem',
    ...(el6 ? { version: '2.4.30', release: '2.1.el6' } : { version: '2.4.0', release: '3.el5' }),
    summary: 'The basic directory layout for a Linux system',
    description: 'The filesystem package is one of the basic packages that is installed\non a Red Hat Enterprise Linux system. Filesystem contains the basic\ndirectory layout for a Linux operating system, including the correct\npermissions for the directories.',
    license: 'Public Domain',
    size: 0,
    requires: ['setup'],
    files: fsDirs,
  });

  add({
    name: 'basesystem',
    ...(el6 ? { version: '10.0', release: '4.el6' } : { version: '8.0', release: '5.1.1' }),
    arch: 'noarch',
    summary: 'The skeleton package which defines a simple Red Hat Enterprise Linux system',
    description: 'Basesystem defines the components of a basic Red Hat Enterprise Linux\nsystem (for example, the package installation order to use during\nbootstrapping). Basesystem should be in every installation of a system,\nand it should never be removed.',
    license: 'Public Domain',
    size: 0,
    requires: ['setup', 'filesystem'],
    files: [],
  });

  add({
    name: 'tzdata',
    ...(el6 ? { version: '2011b', release: '1.el6' } : { version: '2009k', release: '1.el5' }),
    arch: 'noarch',
    summary: 'Timezone data',
    license: 'Public Domain',
    files: [d('/usr/share/zoneinfo'), d('/usr/share/zoneinfo/America'), f('/usr/share/zoneinfo/America/Denver', 'TZif2\x00MST7MDT,M3.2.0,M11.1.0\n'), f('/usr/share/zoneinfo/UTC', 'TZif2\x00UTC0\n')],
  });

  const glibcVer = el6 ? { version: '2.12', release: '1.25.el6' } : { version: '2.5', release: '42' };
  add({
    name: 'glibc',
    ...glibcVer,
    arch: 'i686',
    summary: 'The GNU libc libraries',
    description: 'The glibc package contains standard libraries which are used by\nmultiple programs on the system. In order to save disk space and\nmemory, as well as to make upgrading easier, common system code is\nkept in one place and shared between programs.',
    group: 'System Environment/Libraries',
    license: 'LGPLv2+ and LGPLv2+ with exceptions and GPLv2+',
    size: el6 ? 13_914_740 : 12_361_208,
    requires: ['glibc-common'],
    files: [
      f(`/lib/libc-${glibcVer.version}.so`, '\x7fELF shared library\n', 0o755),
      ln('/lib/libc.so.6', `libc-${glibcVer.version}.so`),
      f(`/lib/ld-${glibcVer.version}.so`, '\x7fELF dynamic linker\n', 0o755),
      ln('/lib/ld-linux.so.2', `ld-${glibcVer.version}.so`),
      conf('/etc/ld.so.conf', 'include ld.so.conf.d/*.conf\n'),
      d('/etc/ld.so.conf.d'),
      conf('/etc/nsswitch.conf', T.NSSWITCH_CONF),
      conf('/etc/localtime', 'TZif2\x00MST7MDT,M3.2.0,M11.1.0\n'),
      exe('/sbin/ldconfig'),
    ],
  });
  add({
    name: 'glibc-common',
    ...glibcVer,
    summary: 'Common binaries and locale data for glibc',
    group: 'System Environment/Base',
    license: 'LGPLv2+ and LGPLv2+ with exceptions and GPLv2+',
    size: el6 ? 109_224_264 : 64_493_862,
    files: [...exes('/usr/bin', ['getent', 'locale', 'iconv', 'ldd', 'localedef']), d('/usr/lib/locale')],
  });

  add({
    name: 'bash',
    ...(el6 ? { version: '4.1.2', release: '8.el6' } : { version: '3.2', release: '24.el5' }),
    summary: 'The GNU Bourne Again shell',
    description: 'The GNU Bourne Again shell (Bash) is a shell or command language\ninterpreter that is compatible with the Bourne shell (sh). Bash\nincorporates useful features from the Korn shell (ksh) and the C shell\n(csh). Most sh scripts can be run by bash without modification.',
    group: 'System Environment/Shells',
    license: 'GPLv3+',
    url: 'http://www.gnu.org/software/bash',
    size: el6 ? 5_828_816 : 5_298_847,
    files: [
      exe('/bin/bash'),
      ln('/bin/sh', 'bash'),
      conf('/etc/skel/.bashrc', T.SKEL_BASHRC),
      conf('/etc/skel/.bash_profile', T.SKEL_BASH_PROFILE),
      conf('/etc/skel/.bash_logout', T.SKEL_BASH_LOGOUT),
      ...mans(1, ['bash', 'sh']),
    ],
  });

  add({
    name: 'rootfiles',
    ...(el6 ? { version: '8.1', release: '6.1.el6' } : { version: '8.1', release: '1.1.1' }),
    arch: 'noarch',
    summary: "The basic required files for the root user's directory",
    description: "The rootfiles package contains basic required files that are placed\nin the root user's account. These files are basically the same\nas those in /etc/skel, which are placed in regular\nusers' home directories.",
    license: 'Public Domain',
    size: 599,
    files: [
      conf('/root/.bashrc', T.ROOT_BASHRC),
      conf('/root/.bash_profile', T.SKEL_BASH_PROFILE),
      conf('/root/.bash_logout', T.SKEL_BASH_LOGOUT),
      conf('/root/.cshrc', T.ROOT_CSHRC),
      conf('/root/.tcshrc', T.ROOT_TCSHRC),
    ],
  });

  const cuBin = ['arch', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'echo', 'env', 'false', 'link', 'ln', 'ls', 'mkdir', 'mknod', 'mktemp', 'mv', 'nice', 'pwd', 'readlink', 'rm', 'rmdir', 'sleep', 'sort', 'stty', 'sync', 'touch', 'true', 'uname', 'unlink'];
  const cuUsrBin = ['[', 'base64', 'chcon', 'cksum', 'comm', 'csplit', 'dir', 'dircolors', 'dirname', 'du', 'expand', 'expr', 'factor', 'fmt', 'fold', 'groups', 'head', 'hostid', 'id', 'install', 'join', 'logname', 'md5sum', 'mkfifo', 'nl', 'nohup', 'od', 'paste', 'pathchk', 'pinky', 'pr', 'printenv', 'printf', 'ptx', 'runcon', 'seq', 'sha1sum', 'sha256sum', 'shred', 'shuf', 'split', 'stat', 'sum', 'tac', 'tail', 'tee', 'test', 'tr', 'tsort', 'tty', 'unexpand', 'uniq', 'users', 'vdir', 'wc', 'who', 'whoami', 'yes', ...(el6 ? ['timeout', 'truncate', 'stdbuf', 'nproc'] : [])];
  add({
    name: 'coreutils',
    ...(el6 ? { version: '8.4', release: '13.el6' } : { version: '5.97', release: '23.el5' }),
    summary: 'A set of basic GNU tools commonly used in shell scripts',
    description: 'These are the GNU core utilities.  This package is the combination of\nthe old GNU fileutils, sh-utils, and textutils packages.',
    license: 'GPLv3+',
    url: 'http://www.gnu.org/software/coreutils/',
    size: el6 ? 12_000_000 : 8_926_440,
    files: [
      ...exes('/bin', cuBin),
      exe('/bin/su', 'su', 0o4755),
      ...exes('/usr/bin', cuUsrBin),
      exe('/usr/sbin/chroot'),
      conf('/etc/DIR_COLORS', '# Colours of ls output for colour terminals (dircolors).\nCOLOR tty\nTERM linux\nTERM xterm\nNORMAL 00\nFILE 00\nDIR 01;34\nLINK 01;36\nEXEC 01;32\n'),
      // The ls aliases every RHEL login shell has (coreutils' colorls.sh; RHEL 5 names it colorls.sh too).
      f(
        '/etc/profile.d/colorls.sh',
        "# Colour listings for interactive shells: ls, ll and l. use --color=auto, with the\n" +
          "# colours of the default DIR_COLORS database (what dircolors would export).\n" +
          "LS_COLORS='rs=0:di=01;34:ln=01;36:mh=00:pi=40;33:so=01;35:do=01;35:bd=40;33;01:cd=40;33;01:or=40;31;01:mi=01;05;37;41:su=37;41:sg=30;43:ca=30;41:tw=30;42:ow=34;42:st=37;44:ex=01;32:*.tar=01;31:*.tgz=01;31:*.zip=01;31:*.gz=01;31:*.bz2=01;31:*.rpm=01;31:*.jpg=01;35:*.gif=01;35:*.png=01;35'\n" +
          "export LS_COLORS\n" +
          "alias ll='ls -l --color=auto' 2>/dev/null\n" +
          "alias l.='ls -d .* --color=auto' 2>/dev/null\n" +
          "alias ls='ls --color=auto' 2>/dev/null\n",
      ),
      conf('/etc/pam.d/su', '#%PAM-1.0\nauth\t\tsufficient\tpam_rootok.so\nauth\t\tinclude\t\tsystem-auth\naccount\t\tsufficient\tpam_succeed_if.so uid = 0 use_uid quiet\naccount\t\tinclude\t\tsystem-auth\npassword\tinclude\t\tsystem-auth\nsession\t\tinclude\t\tsystem-auth\n'),
      ...mans(1, ['ls', 'cat', 'cp', 'mv', 'rm', 'chmod', 'chown', 'su']),
    ],
  });

  add({
    name: 'grep',
    ...(el6 ? { version: '2.6.3', release: '2.el6' } : { version: '2.5.1', release: '55.el5' }),
    summary: 'Pattern matching utilities',
    description: 'The GNU versions of commonly used grep utilities. Grep searches through\ntextual input for lines which contain a match to a specified pattern and then\nprints the matching lines.',
    group: 'Applications/Text',
    license: el6 ? 'GPLv3+' : 'GPL',
    size: el6 ? 799_468 : 469_021,
    files: [...exes('/bin', ['grep', 'egrep', 'fgrep']), ...mans(1, ['grep', 'egrep', 'fgrep'])],
  });
  add({
    name: 'sed',
    ...(el6 ? { version: '4.2.1', release: '7.el6' } : { version: '4.1.5', release: '5.fc6' }),
    summary: 'A GNU stream text editor',
    group: 'Applications/Text',
    size: el6 ? 542_324 : 399_912,
    files: [exe('/bin/sed'), ...mans(1, ['sed'])],
  });
  add({
    name: 'gawk',
    ...(el6 ? { version: '3.1.7', release: '6.el6' } : { version: '3.1.5', release: '14.el5' }),
    summary: 'The GNU version of the awk text processing utility',
    group: 'Applications/Text',
    license: 'GPLv3+',
    size: el6 ? 2_036_952 : 3_516_437,
    files: [exe('/bin/gawk'), ln('/bin/awk', 'gawk'), exe('/bin/pgawk', 'gawk'), ln('/usr/bin/awk', '../../bin/gawk'), ln('/usr/bin/gawk', '../../bin/gawk'), ...mans(1, ['gawk', 'awk'])],
  });
  add({
    name: 'findutils',
    epoch: 1,
    ...(el6 ? { version: '4.4.2', release: '6.el6' } : { version: '4.2.27', release: '6.el5' }),
    summary: 'The GNU versions of find utilities (find and xargs)',
    group: 'Applications/File',
    license: 'GPLv3+',
    size: el6 ? 1_462_540 : 611_236,
    files: [exe(el6 ? '/bin/find' : '/usr/bin/find', 'find'), exe('/usr/bin/xargs'), ...mans(1, ['find', 'xargs'])],
  });
  add({
    name: 'diffutils',
    ...(el6 ? { version: '2.8.1', release: '28.el6' } : { version: '2.8.1', release: '15.2.3.el5' }),
    summary: 'A GNU collection of diff utilities',
    group: 'Applications/Text',
    size: el6 ? 588_813 : 546_941,
    files: [...exes('/usr/bin', ['diff', 'cmp', 'diff3', 'sdiff']), ...mans(1, ['diff', 'cmp'])],
  });
  add({
    name: 'less',
    ...(el6 ? { version: '436', release: '7.el6' } : { version: '436', release: '2.el5' }),
    summary: 'A text file browser similar to more, but better',
    group: 'Applications/Text',
    license: 'GPLv3+',
    size: el6 ? 186_468 : 180_106,
    files: [...exes('/usr/bin', ['less', 'lessecho', 'lesskey']), f('/usr/bin/lesspipe.sh', '#!/bin/sh -\n# Input filter for less: shows the contents of compressed files and\n# archives.\nexit 1\n', 0o755), ...mans(1, ['less'])],
  });

  const ul = el6 ? 'util-linux-ng' : 'util-linux';
  add({
    name: ul,
    ...(el6 ? { version: '2.17.2', release: '12.el6' } : { version: '2.13', release: '0.52.el5' }),
    summary: 'A collection of basic system utilities',
    group: 'System Environment/Base',
    license: 'GPLv1+ and GPLv2 and GPLv2+ and LGPLv2+ and MIT and BSD with advertising and Public Domain',
    size: el6 ? 5_963_520 : 4_919_616,
    files: [
      ...exes('/bin', ['more', 'kill', 'dmesg', 'mount', 'umount', 'login']),
      ...exes('/usr/bin', ['logger', 'cal', 'chsh', 'chfn', 'col', 'colrm', 'column', 'hexdump', 'look', 'mesg', 'rename', 'renice', 'rev', 'script', 'setsid', 'wall', 'whereis', 'write', 'flock', 'ipcs', 'ipcrm', 'namei']),
      exe('/sbin/nologin'),
      ...exes('/sbin', ['fdisk', 'mkfs', 'mkswap', 'swapon', 'swapoff', 'hwclock', 'blkid', 'findfs', 'agetty']),
      ...mans(1, ['more', 'kill', 'logger']),
    ],
  });
  add({
    name: 'procps',
    ...(el6 ? { version: '3.2.8', release: '17.el6' } : { version: '3.2.7', release: '11.1.el5' }),
    summary: 'System and process monitoring utilities',
    license: 'GPLv2+ and LGPLv2+',
    size: el6 ? 468_336 : 393_208,
    files: [exe('/bin/ps'), ...exes('/usr/bin', ['free', 'top', 'uptime', 'w', 'vmstat', 'pgrep', 'pkill', 'watch', 'pmap', 'slabtop', 'tload', 'skill', 'snice', 'pwdx']), exe('/sbin/sysctl'), ...mans(1, ['ps', 'top', 'free'])],
  });
  add({
    name: 'psmisc',
    ...(el6 ? { version: '22.6', release: '15.el6' } : { version: '22.2', release: '7' }),
    summary: 'Utilities for managing processes on your system',
    license: 'GPLv2+',
    size: 211_416,
    files: [...exes('/usr/bin', ['killall', 'pstree', 'peekfd']), exe('/sbin/fuser'), ...mans(1, ['killall', 'pstree', 'fuser'])],
  });

  if (el6) {
    add({
      name: 'sysvinit-tools',
      version: '2.87',
      release: '4.dsf.el6',
      summary: 'Tools used for process and utmp management.',
      size: 112_868,
      files: [...exes('/sbin', ['pidof', 'killall5', 'sulogin']), ...exes('/usr/bin', ['last', 'lastb', 'utmpdump']), ...mans(8, ['pidof'])],
    });
    add({
      name: 'upstart',
      version: '0.6.5',
      release: '10.el6',
      summary: 'An event-driven init system',
      license: 'GPLv2',
      size: 520_000,
      files: [...exes('/sbin', ['init', 'initctl', 'reboot', 'halt', 'poweroff', 'shutdown', 'runlevel', 'telinit', 'start', 'stop', 'restart', 'status']), d('/etc/init'), conf('/etc/init/rcS.conf', '# rcS - runlevel compatibility\nstart on startup\ntask\nexec /etc/rc.d/rc.sysinit\n'), conf('/etc/init/tty.conf', '# tty - getty on the virtual consoles\nstop on runlevel [S016]\nrespawn\ninstance $TTY\nexec /sbin/mingetty $TTY\n')],
    });
  } else {
    add({
      name: 'SysVinit',
      version: '2.86',
      release: '15.el5',
      summary: 'Programs which control basic system processes.',
      license: 'GPL',
      size: 1_061_000,
      files: [...exes('/sbin', ['init', 'telinit', 'reboot', 'halt', 'poweroff', 'shutdown', 'runlevel', 'pidof', 'killall5', 'sulogin']), ...exes('/usr/bin', ['last', 'lastb', 'utmpdump', 'wall']), ...mans(8, ['init', 'shutdown', 'pidof'])],
    });
  }

  const network = initScript('network');
  add({
    name: 'initscripts',
    ...(el6 ? { version: '9.03.23', release: '1.el6' } : { version: '8.45.30', release: '2.el5' }),
    summary: 'The inittab file and the /etc/init.d scripts',
    description: 'The initscripts package contains the basic system scripts used to boot\nyour Red Hat or Fedora system, change runlevels, and shut the system down\ncleanly.  Initscripts also contains the scripts that activate and\ndeactivate most network interfaces.',
    license: 'GPLv2 and GPLv2+',
    size: el6 ? 5_525_000 : 4_933_000,
    requires: ['chkconfig', 'bash', rel === 'el6' ? 'upstart' : 'SysVinit'],
    services: ['network'],
    files: [
      exe('/sbin/service'),
      ...exes('/sbin', ['ifup', 'ifdown', 'consoletype', 'ppp-watch']),
      conf('/etc/inittab', T.inittab(rel)),
      f('/etc/rc.d/init.d/functions', '# -*-Shell-script-*-\n#\n# functions\tHelpers sourced by the init scripts: daemon, killproc,\n#\t\tstatus, success, failure, action.\n#\n', 0o644),
      network,
      conf('/etc/rc.d/rc.local', T.RC_LOCAL, 0o755),
      ln('/etc/rc.local', 'rc.d/rc.local'),
      f('/etc/rc.d/rc', '#! /bin/bash\n#\n# rc\t\tStarts and stops the services of a runlevel.\n#\n', 0o755),
      f('/etc/rc.d/rc.sysinit', '#!/bin/bash\n#\n# /etc/rc.d/rc.sysinit - run once at boot time\n#\n', 0o755),
      conf('/etc/sysconfig/init', T.SYSCONFIG_INIT),
      d('/etc/sysconfig/network-scripts'),
      conf('/etc/sysconfig/network-scripts/ifcfg-lo', T.IFCFG_LO),
      ...exes('/etc/sysconfig/network-scripts', ['ifup-eth', 'ifdown-eth', 'ifup-post', 'ifdown-post'].map((x) => x)).map((x) => ({ ...x, data: '#!/bin/bash\n# network interface helper\n', mode: 0o755 })),
      d('/etc/sysconfig/networking'),
      d('/var/log/news'),
      d('/var/run/netreport', 0o775, 'root', 'root'),
      d('/etc/ppp'),
      doc(`/usr/share/doc/initscripts-${el6 ? '9.03.23' : '8.45.30'}/sysconfig.txt`, 'The files in /etc/sysconfig and what their variables mean.\n'),
    ],
  });

  add({
    name: 'chkconfig',
    ...(el6 ? { version: '1.3.47', release: '1.el6' } : { version: '1.3.30.1', release: '2' }),
    summary: 'A system tool for maintaining the /etc/rc*.d hierarchy',
    description: 'Chkconfig is a basic system utility.  It updates and queries runlevel\ninformation for system services.  Chkconfig manipulates the numerous\nsymbolic links in /etc/rc.d, to relieve system administrators of some\nof the drudgery of manually editing the symbolic links.',
    license: el6 ? 'GPLv2' : 'GPL',
    size: el6 ? 669_736 : 541_048,
    files: [
      exe('/sbin/chkconfig'),
      exe('/usr/sbin/alternatives'),
      ln('/usr/sbin/update-alternatives', 'alternatives'),
      d('/etc/alternatives'),
      d('/var/lib/alternatives'),
      d('/etc/rc.d'),
      d('/etc/rc.d/init.d'),
      ln('/etc/init.d', 'rc.d/init.d'),
      ...[0, 1, 2, 3, 4, 5, 6].flatMap((n) => [d(`/etc/rc.d/rc${n}.d`), ln(`/etc/rc${n}.d`, `rc.d/rc${n}.d`)]),
      ...(el6 ? [d('/etc/chkconfig.d')] : []),
      ...mans(8, ['chkconfig', 'alternatives']),
    ],
  });

  add({
    name: 'shadow-utils',
    epoch: 2,
    ...(el6 ? { version: '4.1.4.2', release: '8.el6' } : { version: '4.0.17', release: '14.el5' }),
    summary: 'Utilities for managing accounts and shadow password files',
    license: 'BSD and GPLv2+',
    size: el6 ? 2_807_000 : 2_390_000,
    files: [
      ...exes('/usr/sbin', ['useradd', 'userdel', 'usermod', 'groupadd', 'groupdel', 'groupmod', 'newusers', 'chpasswd', 'pwck', 'grpck', 'vipw', 'pwconv', 'pwunconv', 'grpconv', 'grpunconv', 'lastlog', 'adduser']),
      exe('/usr/sbin/vigr', 'vipw'),
      ...exes('/usr/bin', ['chage', 'gpasswd', 'newgrp', 'sg']),
      conf('/etc/login.defs', T.loginDefs(rel)),
      d('/etc/default', 0o755),
      conf('/etc/default/useradd', T.defaultUseradd(rel), 0o600),
      ...mans(8, ['useradd', 'userdel', 'usermod', 'groupadd']),
    ],
  });
  add({
    name: 'passwd',
    ...(el6 ? { version: '0.77', release: '4.el6' } : { version: '0.73', release: '1' }),
    summary: 'An utility for setting or changing passwords using PAM',
    license: 'BSD or GPL+',
    size: 357_699,
    files: [exe('/usr/bin/passwd', 'passwd', 0o4755), conf('/etc/pam.d/passwd', '#%PAM-1.0\nauth       include\tsystem-auth\naccount    include\tsystem-auth\npassword   substack\tsystem-auth\n'), ...mans(1, ['passwd'])],
  });
  add({
    name: 'pam',
    ...(el6 ? { version: '1.1.1', release: '8.el6' } : { version: '0.99.6.2', release: '6.el5' }),
    summary: 'An extensible library which provides authentication for applications',
    license: 'BSD and GPLv2+',
    size: el6 ? 2_416_000 : 2_781_000,
    files: [
      d('/etc/pam.d'),
      conf('/etc/pam.d/system-auth', '#%PAM-1.0\n# Written by authconfig; it is rewritten each time authconfig runs.\nauth        required      pam_env.so\nauth        sufficient    pam_unix.so nullok try_first_pass\nauth        required      pam_deny.so\n\naccount     required      pam_unix.so\n\npassword    sufficient    pam_unix.so sha512 shadow nullok try_first_pass use_authtok\npassword    required      pam_deny.so\n\nsession     required      pam_limits.so\nsession     required      pam_unix.so\n'),
      ...(el6 ? [conf('/etc/pam.d/password-auth', '#%PAM-1.0\n# Written by authconfig; it is rewritten each time authconfig runs.\nauth        required      pam_env.so\nauth        sufficient    pam_unix.so nullok try_first_pass\nauth        required      pam_deny.so\n\naccount     required      pam_unix.so\n\npassword    sufficient    pam_unix.so sha512 shadow nullok try_first_pass use_authtok\npassword    required      pam_deny.so\n\nsession     required      pam_limits.so\nsession     required      pam_unix.so\n')] : []),
      conf('/etc/pam.d/other', '#%PAM-1.0\nauth     required       pam_deny.so\naccount  required       pam_deny.so\npassword required       pam_deny.so\nsession  required       pam_deny.so\n'),
      conf('/etc/pam.d/login', '#%PAM-1.0\nauth       include      system-auth\naccount    required     pam_nologin.so\naccount    include      system-auth\npassword   include      system-auth\nsession    include      system-auth\n'),
      d('/etc/security'),
      conf('/etc/security/limits.conf', '# Resource limits of the users logged in through PAM (pam_limits).\n#<domain>      <type>  <item>         <value>\n\n# End of file\n'),
    ],
  });

  if (el6) {
    add({
      name: 'hostname',
      version: '3.02',
      release: '1.el6',
      summary: "Utility to set/show the host name or domain name",
      license: 'GPLv2+',
      size: 40_056,
      files: [exe('/bin/hostname'), ln('/bin/dnsdomainname', 'hostname'), ln('/bin/domainname', 'hostname'), ln('/bin/nisdomainname', 'hostname'), ln('/bin/ypdomainname', 'hostname'), ...mans(1, ['hostname'])],
    });
  }
  add({
    name: 'net-tools',
    ...(el6 ? { version: '1.60', release: '102.el6' } : { version: '1.60', release: '78.el5' }),
    summary: 'Basic networking tools',
    license: 'GPL+',
    size: el6 ? 773_000 : 938_000,
    files: [
      exe('/bin/netstat'),
      ...exes('/sbin', ['ifconfig', 'route', 'arp', 'mii-tool', 'nameif', 'plipconfig', 'slattach']),
      ...(el6 ? [] : [exe('/bin/hostname'), ln('/bin/dnsdomainname', 'hostname'), ln('/bin/domainname', 'hostname'), ln('/bin/nisdomainname', 'hostname'), ln('/bin/ypdomainname', 'hostname')]),
      ...mans(8, ['netstat', 'ifconfig', 'route']),
    ],
  });
  add({
    name: 'iproute',
    ...(el6 ? { version: '2.6.32', release: '12.el6' } : { version: '2.6.18', release: '10.el5' }),
    summary: 'Advanced IP routing and network device configuration tools',
    license: 'GPLv2+ and Public Domain',
    size: el6 ? 1_024_000 : 1_352_000,
    files: [...exes('/sbin', ['ip', 'tc', 'bridge']), exe('/usr/sbin/ss'), d('/etc/iproute2')],
  });
  add({
    name: 'iputils',
    ...(el6 ? { version: '20071127', release: '16.el6' } : { version: '20020927', release: '46.el5' }),
    summary: 'Network monitoring tools including ping',
    license: 'BSD',
    size: 289_000,
    files: [exe('/bin/ping', 'ping', 0o4755), exe('/bin/ping6', 'ping6', 0o4755), exe('/sbin/arping'), exe('/bin/traceroute6', 'traceroute6', 0o4755), exe('/usr/bin/tracepath'), ...mans(8, ['ping'])],
  });
  add({
    name: 'which',
    ...(el6 ? { version: '2.19', release: '6.el6' } : { version: '2.16', release: '7' }),
    summary: 'Displays where a particular program in your path is located',
    group: 'Applications/System',
    license: 'GPLv3',
    size: 73_004,
    files: [exe('/usr/bin/which'), ...(el6 ? [f('/etc/profile.d/which2.sh', '# Lets which(1) also report the shell\'s aliases.\nalias which=\'alias | /usr/bin/which --tty-only --read-alias --show-dot --show-tilde\'\n')] : [f('/etc/profile.d/which-2.sh', '# Lets which(1) also report the shell\'s aliases.\nalias which=\'alias | /usr/bin/which --tty-only --read-alias --show-dot --show-tilde\'\n')]), ...mans(1, ['which'])],
  });
  add({
    name: 'man',
    ...(el6 ? { version: '1.6f', release: '29.el6' } : { version: '1.6d', release: '1.1' }),
    summary: 'A set of documentation tools: man, apropos and whatis',
    group: 'System Environment/Base',
    size: 398_000,
    files: [...exes('/usr/bin', ['man', 'apropos', 'whatis', 'manpath']), exe('/usr/sbin/makewhatis'), conf('/etc/man.config', T.MAN_CONFIG), d('/var/cache/man')],
  });
  add({
    name: 'ncurses',
    ...(el6 ? { version: '5.7', release: '3.20090208.el6' } : { version: '5.5', release: '24.20060715' }),
    summary: 'Ncurses support utilities',
    license: 'MIT',
    size: 208_000,
    files: [...exes('/usr/bin', ['clear', 'tput', 'tset', 'reset', 'infocmp', 'tic', 'toe', 'captoinfo', 'infotocap']), ...mans(1, ['clear', 'tput'])],
  });
  add({
    name: 'file',
    ...(el6 ? { version: '5.04', release: '11.el6' } : { version: '4.17', release: '15.el5_3.1' }),
    summary: 'A utility for determining file types',
    group: 'Applications/File',
    license: 'BSD',
    size: 47_000,
    files: [exe('/usr/bin/file'), ...mans(1, ['file'])],
  });
  add({
    name: 'tar',
    epoch: 2,
    ...(el6 ? { version: '1.23', release: '3.el6' } : { version: '1.15.1', release: '23.0.1.el5' }),
    summary: 'A GNU file archiving program',
    group: 'Applications/Archiving',
    license: 'GPLv3+',
    size: 2_401_000,
    files: [exe('/bin/tar'), ln('/bin/gtar', 'tar'), ...mans(1, ['tar'])],
  });
  add({
    name: 'gzip',
    ...(el6 ? { version: '1.3.12', release: '18.el6' } : { version: '1.3.5', release: '10.el5' }),
    summary: 'The GNU data compression program',
    group: 'Applications/File',
    license: 'GPLv2 and GFDL',
    size: 221_000,
    files: [...exes('/bin', ['gzip', 'gunzip', 'zcat']), ...exes('/usr/bin', ['zless', 'zgrep', 'zdiff', 'zmore'])],
  });
  add({
    name: 'bzip2',
    ...(el6 ? { version: '1.0.5', release: '7.el6_0' } : { version: '1.0.3', release: '4.el5_2' }),
    summary: 'A file compression utility',
    group: 'Applications/File',
    license: 'BSD',
    size: 79_000,
    files: [...exes('/usr/bin', ['bzip2', 'bunzip2', 'bzcat'])],
  });

  const vimVer = el6 ? { version: '7.2.411', release: '1.6.el6' } : { version: '7.0.109', release: '6.el5' };
  add({
    name: 'vim-minimal',
    epoch: 2,
    ...vimVer,
    summary: 'A minimal version of the VIM editor',
    group: 'Applications/Editors',
    license: 'Vim',
    size: el6 ? 734_000 : 648_000,
    files: [exe('/bin/vi'), ln('/bin/view', 'vi'), ln('/bin/ex', 'vi'), ln('/bin/rvi', 'vi'), ln('/bin/rview', 'vi')],
  });
  add({
    name: 'vim-common',
    epoch: 2,
    ...vimVer,
    summary: 'The common files needed by any version of the VIM editor',
    group: 'Applications/Editors',
    license: 'Vim',
    size: el6 ? 16_200_000 : 14_600_000,
    files: [d('/usr/share/vim'), conf('/etc/vimrc', '" Settings of vim for every user.\nset nocompatible\nset bs=indent,eol,start\nset viminfo=\'20,"50\nset history=50\nset ruler\n'), exe('/usr/bin/xxd')],
  });
  add({
    name: 'vim-enhanced',
    epoch: 2,
    ...vimVer,
    summary: 'A version of the VIM editor which includes recent enhancements',
    group: 'Applications/Editors',
    license: 'Vim',
    requires: ['vim-common'],
    size: el6 ? 1_795_000 : 1_621_000,
    files: [exe('/usr/bin/vim'), ln('/usr/bin/vimdiff', 'vim'), ln('/usr/bin/rvim', 'vim'), ln('/usr/bin/ex', 'vim'), ln('/usr/bin/view', 'vim'), f('/etc/profile.d/vim.sh', '# vi is vim for interactive shells of ordinary users.\nif [ -n "$BASH_VERSION" -o -n "$KSH_VERSION" -o -n "$ZSH_VERSION" ]; then\n  [ -x /usr/bin/id ] || return\n  [ `/usr/bin/id -u` -le 200 ] && return\n  alias vi >/dev/null 2>&1 || alias vi=vim\nfi\n')],
  });
  add({
    name: 'nano',
    ...(el6 ? { version: '2.0.9', release: '7.el6' } : { version: '1.3.12', release: '1.1' }),
    summary: 'A small text editor',
    group: 'Applications/Editors',
    license: 'GPLv3+',
    size: el6 ? 1_649_000 : 1_126_000,
    files: [exe(el6 ? '/usr/bin/nano' : '/usr/bin/nano', 'nano'), ...mans(1, ['nano'])],
  });
  if (el6) {
    add({
      name: 'gedit',
      epoch: 1,
      version: '2.28.4',
      release: '3.el6',
      summary: 'Text editor for the GNOME desktop',
      group: 'Applications/Editors',
      size: 16_400_000,
      files: [exe('/usr/bin/gedit')],
    });
  }

  add({
    name: 'kernel',
    ...(el6 ? { version: '2.6.32', release: '131.0.15.el6' } : { version: '2.6.18', release: '164.el5' }),
    arch: 'i686',
    summary: 'The Linux kernel',
    description: 'The kernel package contains the Linux kernel (vmlinuz), the core of any\nLinux operating system.  The kernel handles the basic functions\nof the operating system: memory allocation, process allocation, device\ninput and output, etc.',
    license: 'GPLv2',
    size: el6 ? 96_838_000 : 73_500_000,
    packageSize: el6 ? 23_000_000 : 18_600_000,
    files: el6
      ? [f('/boot/vmlinuz-2.6.32-131.0.15.el6.i686', '\x7fELF kernel image\n', 0o755), f('/boot/System.map-2.6.32-131.0.15.el6.i686', ''), f('/boot/config-2.6.32-131.0.15.el6.i686', '# Linux kernel configuration\n'), d('/lib/modules/2.6.32-131.0.15.el6.i686')]
      : [f('/boot/vmlinuz-2.6.18-164.el5', '\x7fELF kernel image\n', 0o644), f('/boot/System.map-2.6.18-164.el5', ''), f('/boot/config-2.6.18-164.el5', '# Linux kernel configuration\n'), d('/lib/modules/2.6.18-164.el5')],
  });

  add({
    name: 'python',
    ...(el6 ? { version: '2.6.6', release: '20.el6' } : { version: '2.4.3', release: '27.el5' }),
    summary: 'An interpreted, interactive, object-oriented programming language',
    group: 'Development/Languages',
    license: 'Python',
    size: el6 ? 79_000 : 73_000,
    files: [exe(`/usr/bin/python${el6 ? '2.6' : '2.4'}`, 'python'), ln('/usr/bin/python', `python${el6 ? '2.6' : '2.4'}`)],
  });
  add({
    name: 'rpm',
    ...(el6 ? { version: '4.8.0', release: '16.el6' } : { version: '4.4.2.3', release: '18.el5' }),
    summary: 'The RPM package management system',
    description: 'The RPM Package Manager (RPM) is a powerful command line driven\npackage management system capable of installing, uninstalling,\nverifying, querying, and updating software packages. Each software\npackage consists of an archive of files along with information about\nthe package like its version, a description, etc.',
    license: 'GPLv2+',
    url: 'http://www.rpm.org/',
    size: el6 ? 2_023_000 : 1_917_000,
    files: [exe('/bin/rpm'), ...['rpmquery', 'rpmverify'].map((x) => ln(`/usr/bin/${x}`, '../../bin/rpm')), exe('/usr/bin/rpm2cpio'), exe('/usr/bin/rpmdb', 'rpm'), d('/var/lib/rpm'), d('/etc/rpm'), ...mans(8, ['rpm'])],
  });
  add({
    name: 'yum',
    ...(el6 ? { version: '3.2.29', release: '17.el6' } : { version: '3.2.22', release: '20.el5' }),
    arch: 'noarch',
    summary: 'RPM installer/updater',
    description: 'Yum is a utility that can check for and automatically download and\ninstall updated RPM packages. Dependencies are obtained and downloaded\nautomatically, prompting the user for permission as necessary.',
    group: 'System Environment/Base',
    license: 'GPLv2+',
    url: 'http://yum.baseurl.org/',
    size: el6 ? 3_964_000 : 2_938_000,
    requires: ['python', 'rpm'],
    files: [exe('/usr/bin/yum'), conf('/etc/yum.conf', T.yumConf(rel)), d('/etc/yum'), d('/etc/yum/pluginconf.d'), d('/etc/yum.repos.d'), d('/var/cache/yum'), d('/var/lib/yum'), ...mans(8, ['yum']), ...mans(5, ['yum.conf'])],
  });
  if (el6) {
    add({
      name: 'subscription-manager',
      version: '0.95.5.14',
      release: '1.el6',
      summary: 'Tools and libraries for subscription and repository management',
      license: 'GPLv2',
      size: 1_214_000,
      requires: ['yum'],
      files: [exe('/usr/sbin/subscription-manager'), conf('/etc/yum/pluginconf.d/product-id.conf', '[main]\nenabled=1\n'), conf('/etc/yum/pluginconf.d/subscription-manager.conf', '[main]\nenabled=1\n'), d('/etc/pki/product'), d('/etc/pki/entitlement'), conf('/etc/yum.repos.d/redhat.repo', '#\n# Repositories of the Red Hat entitlement server, filled in when the\n# system is registered. Do not edit: subscription-manager rewrites it.\n#\n')],
    });
    add({
      name: 'PackageKit-yum-plugin',
      version: '0.5.8',
      release: '19.el6',
      summary: 'Tell PackageKit to check for updates when yum exits',
      group: 'System Environment/Base',
      size: 9_000,
      requires: ['yum'],
      files: [conf('/etc/yum/pluginconf.d/refresh-packagekit.conf', '[main]\nenabled=1\n')],
    });
  } else {
    add({
      name: 'yum-rhn-plugin',
      version: '0.5.4',
      release: '13.el5',
      arch: 'noarch',
      summary: 'RHN support for yum',
      size: 90_000,
      requires: ['yum'],
      files: [conf('/etc/yum/pluginconf.d/rhnplugin.conf', '[main]\nenabled = 1\ngpgcheck = 1\n')],
    });
    add({
      name: 'yum-security',
      version: '1.1.16',
      release: '13.el5',
      arch: 'noarch',
      summary: 'Yum plugin to enable security filters',
      size: 40_000,
      requires: ['yum'],
      files: [conf('/etc/yum/pluginconf.d/security.conf', '[main]\nenabled=1\n')],
    });
  }
  add({
    name: el6 ? 'redhat-release-workstation' : 'redhat-release',
    ...(el6 ? { version: '6Workstation', release: '6.1.0.1.el6' } : { version: '5Server', release: '5.4.0.3' }),
    summary: 'Red Hat Enterprise Linux release file',
    license: 'GPLv2',
    size: el6 ? 41_000 : 53_000,
    files: [
      f('/etc/redhat-release', (el6 ? 'Red Hat Enterprise Linux Workstation release 6.1 (Santiago)' : 'Red Hat Enterprise Linux Server release 5.4 (Tikanga)') + '\n'),
      ln('/etc/system-release', 'redhat-release'),
      conf('/etc/issue', T.issue(el6 ? 'Red Hat Enterprise Linux Workstation release 6.1 (Santiago)' : 'Red Hat Enterprise Linux Server release 5.4 (Tikanga)', rel)),
      conf('/etc/issue.net', (el6 ? 'Red Hat Enterprise Linux Workstation release 6.1 (Santiago)' : 'Red Hat Enterprise Linux Server release 5.4 (Tikanga)') + '\nKernel \\r on an \\m\n'),
      d('/etc/pki/rpm-gpg'),
      f('/etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release', '-----BEGIN PGP PUBLIC KEY BLOCK-----\nVersion: GnuPG v1.2.6 (GNU/Linux)\n\nmQINBErgSTsBEACh2A4b0O9t+vzC9VrVtL1AKvUWi9OPCjkvR7Xd8DtJxeeMZ5eF\n-----END PGP PUBLIC KEY BLOCK-----\n'),
      conf('/etc/yum.repos.d/rhel-dvd.repo', T.dvdRepo(rel)),
    ],
  });

  // Services of a minimal install.
  add({
    name: 'openssh',
    ...(el6 ? { version: '5.3p1', release: '52.el6' } : { version: '4.3p2', release: '36.el5' }),
    summary: 'An open source implementation of SSH protocol versions 1 and 2',
    group: 'Applications/Internet',
    license: 'BSD',
    url: 'http://www.openssh.com/portable.html',
    size: el6 ? 679_000 : 549_000,
    files: [d('/etc/ssh'), exe('/usr/bin/ssh-keygen'), d('/usr/libexec/openssh')],
  });
  add({
    name: 'openssh-clients',
    ...(el6 ? { version: '5.3p1', release: '52.el6' } : { version: '4.3p2', release: '36.el5' }),
    summary: 'An open source SSH client applications',
    group: 'Applications/Internet',
    license: 'BSD',
    requires: ['openssh'],
    size: el6 ? 983_000 : 849_000,
    files: [...exes('/usr/bin', ['ssh', 'scp', 'sftp', 'ssh-add', 'ssh-agent', 'ssh-copy-id', 'ssh-keyscan']), conf('/etc/ssh/ssh_config', '# Settings of the ssh client for every user. See ssh_config(5).\nHost *\n\tGSSAPIAuthentication yes\n\tForwardX11Trusted yes\n\tSendEnv LANG LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES\n')],
  });
  add({
    name: 'openssh-server',
    ...(el6 ? { version: '5.3p1', release: '52.el6' } : { version: '4.3p2', release: '36.el5' }),
    summary: 'An open source SSH server daemon',
    group: 'System Environment/Daemons',
    license: 'BSD',
    requires: ['openssh', 'chkconfig', 'initscripts'],
    services: ['sshd'],
    size: el6 ? 543_000 : 468_000,
    files: [exe('/usr/sbin/sshd'), conf('/etc/ssh/sshd_config', T.SSHD_CONFIG, 0o600), initScript('sshd'), conf('/etc/pam.d/sshd', '#%PAM-1.0\nauth\t   include\tpassword-auth\naccount    required     pam_nologin.so\naccount    include      password-auth\npassword   include      password-auth\nsession    include      password-auth\n'), d('/var/empty/sshd', 0o711)],
    sysGroups: [{ name: 'sshd', gid: 74 }],
    sysUsers: [{ name: 'sshd', uid: 74, group: 'sshd', gecos: 'Privilege-separated SSH', home: '/var/empty/sshd', shell: '/sbin/nologin' }],
  });

  if (el6) {
    add({
      name: 'rsyslog',
      version: '4.6.2',
      release: '12.el6',
      summary: 'Enhanced system logging and kernel message trapping daemons',
      group: 'System Environment/Daemons',
      license: '(GPLv3+ and ASL 2.0)',
      url: 'http://www.rsyslog.com/',
      size: 1_336_000,
      requires: ['chkconfig', 'initscripts'],
      services: ['rsyslog'],
      files: [exe('/sbin/rsyslogd'), conf('/etc/rsyslog.conf', T.rsyslogConf()), d('/etc/rsyslog.d'), conf('/etc/sysconfig/rsyslog', '# Options of rsyslogd (see rsyslogd(8)).\nSYSLOGD_OPTIONS="-c 4"\n'), initScript('rsyslog'), conf('/etc/logrotate.d/syslog', '/var/log/cron\n/var/log/maillog\n/var/log/messages\n/var/log/secure\n/var/log/spooler\n{\n    sharedscripts\n    postrotate\n\t/bin/kill -HUP `cat /var/run/syslogd.pid 2> /dev/null` 2> /dev/null || true\n    endscript\n}\n')],
    });
    add({
      name: 'cronie',
      version: '1.4.4',
      release: '7.el6',
      summary: 'Cron daemon for executing programs at set times',
      group: 'System Environment/Base',
      license: 'MIT and BSD and ISC and GPLv2',
      size: 183_000,
      requires: ['crontabs', 'chkconfig', 'initscripts'],
      services: ['crond'],
      files: [exe('/usr/sbin/crond'), exe('/usr/bin/crontab', 'crontab', 0o4755), initScript('crond'), d('/var/spool/cron', 0o700), d('/etc/cron.d'), conf('/etc/sysconfig/crond', '# Extra options of crond.\nCRONDARGS=\n')],
    });
  } else {
    add({
      name: 'sysklogd',
      version: '1.4.1',
      release: '44.el5',
      summary: 'System logging and kernel message trapping daemons',
      group: 'System Environment/Daemons',
      license: 'GPL',
      size: 135_000,
      requires: ['chkconfig', 'initscripts'],
      services: ['syslog'],
      files: [exe('/sbin/syslogd'), exe('/sbin/klogd'), conf('/etc/syslog.conf', T.syslogConf()), conf('/etc/sysconfig/syslog', '# Options of syslogd and klogd.\nSYSLOGD_OPTIONS="-m 0"\nKLOGD_OPTIONS="-x"\n'), initScript('syslog')],
    });
    add({
      name: 'vixie-cron',
      epoch: 4,
      version: '4.1',
      release: '76.el5',
      summary: 'The Vixie cron daemon for executing specified programs at set times',
      group: 'System Environment/Base',
      license: 'BSD',
      size: 190_000,
      requires: ['crontabs', 'chkconfig', 'initscripts'],
      services: ['crond'],
      files: [exe('/usr/sbin/crond'), exe('/usr/bin/crontab', 'crontab', 0o4755), initScript('crond'), d('/var/spool/cron', 0o700), d('/etc/cron.d')],
    });
  }
  add({
    name: 'crontabs',
    ...(el6 ? { version: '1.10', release: '33.el6' } : { version: '1.10', release: '8' }),
    arch: 'noarch',
    summary: 'Root crontab files used to schedule the execution of programs',
    license: 'Public Domain and GPLv2',
    size: 2_500,
    files: [conf('/etc/crontab', T.CRONTAB), d('/etc/cron.hourly'), d('/etc/cron.daily'), d('/etc/cron.weekly'), d('/etc/cron.monthly'), exe('/usr/bin/run-parts')],
  });
  add({
    name: 'logrotate',
    ...(el6 ? { version: '3.7.8', release: '12.el6' } : { version: '3.7.4', release: '9' }),
    summary: 'Rotates, compresses, removes and mails system log files',
    license: 'GPL+',
    size: 84_000,
    files: [exe('/usr/sbin/logrotate'), conf('/etc/logrotate.conf', '# Rotate the log files weekly and keep four weeks of them.\nweekly\nrotate 4\ncreate\ninclude /etc/logrotate.d\n'), d('/etc/logrotate.d')],
  });

  return out;
}
