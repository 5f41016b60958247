import { ROOT } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { baseName, chownTree, getopt, groupByNameOrId, isEl5, lockDatabases, loginDefs, readAccountDbs, saveAccountDbs, validName } from './common';

const E_PW_UPDATE = 1;
const E_USAGE = 2;
const E_BAD_ARG = 3;
const E_UID_IN_USE = 4;
const E_NOTFOUND = 6;
const E_NAME_IN_USE = 9;
const E_HOMEDIR = 12;

function usage(ctx: ProgramContext): number {
  if (isEl5(ctx)) {
    ctx.stderr.write(
      'Usage: usermod [options] LOGIN\n\nOptions:\n' +
        '  -a, --append GROUP\t\tappend the user to the supplemental GROUP\n' +
        '  -c, --comment COMMENT\t\tnew value of the GECOS field\n' +
        '  -d, --home HOME_DIR\t\tnew home directory for the user account\n' +
        '  -e, --expiredate EXPIRE_DATE\tset account expiration date to EXPIRE_DATE\n' +
        '  -f, --inactive INACTIVE\tset password inactive after expiration\n\t\t\t\tto INACTIVE\n' +
        '  -g, --gid GROUP\t\tforce use GROUP as new primary group\n' +
        '  -G, --groups GROUPS\t\tnew list of supplementary GROUPS\n' +
        '  -h, --help\t\t\tdisplay this help message and exit\n' +
        '  -l, --login NEW_LOGIN\t\tnew value of the login name\n' +
        '  -L, --lock\t\t\tlock the user account\n' +
        '  -m, --move-home\t\tmove contents of the home directory to the new\n\t\t\t\tlocation (use only with -d)\n' +
        '  -o, --non-unique\t\tallow using duplicate (non-unique) UID\n' +
        '  -p, --password PASSWORD\tuse encrypted password for the new password\n' +
        '  -s, --shell SHELL\t\tnew login shell for the user account\n' +
        '  -u, --uid UID\t\t\tnew UID for the user account\n' +
        '  -U, --unlock\t\t\tunlock the user account\n\n',
    );
    return E_USAGE;
  }
  ctx.stderr.write(
    'Usage: usermod [options] LOGIN\n\nOptions:\n' +
      '  -c, --comment COMMENT         new value of the GECOS field\n' +
      '  -d, --home HOME_DIR           new home directory for the user account\n' +
      '  -e, --expiredate EXPIRE_DATE  set account expiration date to EXPIRE_DATE\n' +
      '  -f, --inactive INACTIVE       set password inactive after expiration\n' +
      '                                to INACTIVE\n' +
      '  -g, --gid GROUP               force use GROUP as new primary group\n' +
      '  -G, --groups GROUPS           new list of supplementary GROUPS\n' +
      '  -a, --append                  append the user to the supplemental GROUPS\n' +
      '                                mentioned by the -G option without removing\n' +
      '                                him/her from other groups\n' +
      '  -h, --help                    display this help message and exit\n' +
      '  -l, --login NEW_LOGIN         new value of the login name\n' +
      '  -L, --lock                    lock the user account\n' +
      '  -m, --move-home               move contents of the home directory to the\n' +
      '                                new location (use only with -d)\n' +
      '  -o, --non-unique              allow using duplicate (non-unique) UID\n' +
      '  -p, --password PASSWORD       use encrypted password for the new password\n' +
      '  -s, --shell SHELL             new login shell for the user account\n' +
      '  -u, --uid UID                 new UID for the user account\n' +
      '  -U, --unlock                  unlock the user account\n' +
      '  -Z, --selinux-user            new SELinux user mapping for the user account\n\n',
  );
  return E_USAGE;
}

/** usermod(8), shadow-utils 4.1.4.2 (4.0.17 on RHEL 5). */
export const usermod: Program = async (ctx) => {
  const prog = baseName(ctx, 'usermod');
  const el5 = isEl5(ctx);
  const args = ctx.argv.slice(1);
  const last = args[args.length - 1];
  if (last === undefined || last.startsWith('-')) return usage(ctx);
  const dbs = readAccountDbs(ctx);
  const pw = dbs.passwd.get(last);
  if (!pw) {
    ctx.stderr.write(el5 ? `${prog}: user ${last} does not exist\n` : `${prog}: user '${last}' does not exist\n`);
    return E_NOTFOUND;
  }
  const name = last;
  const oldUid = Number(pw[2]);
  const oldGid = Number(pw[3]);
  const oldHome = pw[5] ?? '';
  const sp = dbs.shadow.get(name);
  const p = getopt(ctx, prog, args, {
    short: 'ac:d:e:f:g:G:hl:Lmop:s:u:UZ:',
    long: [
      { name: 'append', arg: 'none', key: 'a' },
      { name: 'comment', arg: 'required', key: 'c' },
      { name: 'home', arg: 'required', key: 'd' },
      { name: 'expiredate', arg: 'required', key: 'e' },
      { name: 'inactive', arg: 'required', key: 'f' },
      { name: 'gid', arg: 'required', key: 'g' },
      { name: 'groups', arg: 'required', key: 'G' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'login', arg: 'required', key: 'l' },
      { name: 'lock', arg: 'none', key: 'L' },
      { name: 'move-home', arg: 'none', key: 'm' },
      { name: 'non-unique', arg: 'none', key: 'o' },
      { name: 'password', arg: 'required', key: 'p' },
      { name: 'selinux-user', arg: 'required', key: 'Z' },
      { name: 'shell', arg: 'required', key: 's' },
      { name: 'uid', arg: 'required', key: 'u' },
      { name: 'unlock', arg: 'none', key: 'U' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    return usage(ctx);
  }
  const valid = (s: string): boolean => !/[:\n]/.test(s);
  const invalidField = (v: string): number => {
    ctx.stderr.write(`${prog}: invalid field '${v}'\n`);
    return E_BAD_ARG;
  };
  const f = new Set<string>();
  let newName = name;
  let newUid = oldUid;
  let newGid = oldGid;
  let newComment = pw[4] ?? '';
  let newHome = oldHome;
  let newShell = pw[6] ?? '';
  let newPass: string | null = null;
  let newExpire = sp?.[7] ?? '';
  let newInactive = sp?.[6] ?? '';
  let groupsList: string[] = [];
  for (const o of p.opts) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'c':
        if (!valid(v)) return invalidField(v);
        newComment = v;
        break;
      case 'd':
        if (!valid(v)) return invalidField(v);
        newHome = v;
        break;
      case 'e': {
        if (v === '' || v === '-1') newExpire = '';
        else {
          const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
          if (!m) {
            ctx.stderr.write(`${prog}: invalid date '${v}'\n`);
            return E_BAD_ARG;
          }
          newExpire = String(Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400_000));
        }
        break;
      }
      case 'f':
        if (!/^-?\d+$/.test(v) || Number(v) < -1) {
          ctx.stderr.write(`${prog}: invalid numeric argument '${v}'\n`);
          return usage(ctx);
        }
        newInactive = v === '-1' ? '' : String(Number(v));
        break;
      case 'g': {
        const g = groupByNameOrId(dbs.group, v);
        if (!g) {
          ctx.stderr.write(el5 ? `${prog}: unknown group ${v}\n` : `${prog}: group '${v}' does not exist\n`);
          return E_NOTFOUND;
        }
        newGid = Number(g[2]);
        break;
      }
      case 'G': {
        let bad = false;
        groupsList = [];
        for (const gname of v.split(',')) {
          if (gname === '') continue;
          const g = groupByNameOrId(dbs.group, gname);
          if (!g) {
            ctx.stderr.write(el5 ? `${prog}: unknown group ${gname}\n` : `${prog}: group '${gname}' does not exist\n`);
            bad = true;
          } else if (!groupsList.includes(g[0]!)) groupsList.push(g[0]!);
        }
        if (bad) return E_NOTFOUND;
        break;
      }
      case 'h':
        return usage(ctx);
      case 'l':
        if (!validName(v)) return invalidField(v);
        newName = v;
        break;
      case 'p':
        newPass = v;
        break;
      case 's':
        if (!valid(v)) return invalidField(v);
        newShell = v;
        break;
      case 'u':
        if (!/^\d+$/.test(v) || Number(v) > 4294967294) {
          ctx.stderr.write(el5 ? `${prog}: invalid numeric argument '${v}'\n` : `${prog}: invalid user ID '${v}'\n`);
          return E_BAD_ARG;
        }
        newUid = Number(v);
        break;
      case 'Z':
        ctx.stderr.write(`${prog}: -Z requires SELinux enabled kernel\n`);
        return E_BAD_ARG;
    }
    f.add(o.key);
  }
  if (f.size === 0) {
    ctx.stderr.write(`${prog}: no flags given\n`);
    return E_USAGE;
  }
  if (newUid === oldUid) {
    f.delete('u');
    f.delete('o');
  }
  if (newGid === oldGid) f.delete('g');
  if (newShell === (pw[6] ?? '')) f.delete('s');
  if (newName === name) f.delete('l');
  if (newInactive === (sp?.[6] ?? '')) f.delete('f');
  if (newExpire === (sp?.[7] ?? '')) f.delete('e');
  if (newHome === oldHome) {
    f.delete('d');
    f.delete('m');
  }
  if (newComment === (pw[4] ?? '')) f.delete('c');
  if (!['U', 'u', 's', 'p', 'o', 'm', 'L', 'l', 'G', 'g', 'f', 'e', 'd', 'c'].some((k) => f.has(k))) {
    ctx.stderr.write(`${prog}: no changes\n`);
    return 0;
  }
  if (p.operands.length !== 1) return usage(ctx);
  const optionOnly = (a: string, b: string): number => {
    ctx.stderr.write(`${prog}: ${a} flag is only allowed with the ${b} flag\n`);
    return usage(ctx);
  };
  if (f.has('a') && !f.has('G')) {
    if (el5) {
      ctx.stderr.write(`${prog}: -a flag is ONLY allowed with the -G flag\n`);
      return usage(ctx);
    }
    return optionOnly('-a', '-G');
  }
  if ((f.has('L') && (f.has('p') || f.has('U'))) || (f.has('p') && f.has('U'))) {
    ctx.stderr.write(`${prog}: the -L, -p, and -U flags are exclusive\n`);
    return usage(ctx);
  }
  if (f.has('o') && !f.has('u')) return optionOnly('-o', '-u');
  if (f.has('m') && !f.has('d')) return optionOnly('-m', '-d');
  if (f.has('l') && dbs.passwd.find(newName) >= 0) {
    ctx.stderr.write(el5 ? `${prog}: user ${newName} exists\n` : `${prog}: user '${newName}' already exists\n`);
    return E_NAME_IN_USE;
  }
  if (f.has('u') && !f.has('o') && dbs.passwd.entries().some((e) => Number(e[2]) === newUid)) {
    ctx.stderr.write(el5 ? `${prog}: uid ${newUid} is not unique\n` : `${prog}: UID '${newUid}' already exists\n`);
    return E_UID_IN_USE;
  }
  if (!lockDatabases(ctx, prog, '/etc/passwd')) return E_PW_UPDATE;

  const logs: string[] = [];
  const vfs = ctx.host.vfs;
  if (f.has('m') && vfs.tryLookup(oldHome, ROOT)?.type === 'dir' && vfs.exists(newHome, ROOT)) {
    ctx.stderr.write(`${prog}: directory ${newHome} exists\n`);
    return E_HOMEDIR;
  }
  // The password field: in shadow when there is one.
  const changePass = (hash: string): string => {
    if (f.has('L') && !hash.startsWith('!')) {
      logs.push(`lock user '${newName}' password`);
      return '!' + hash;
    }
    if (f.has('U') && hash.startsWith('!')) {
      if (hash.length === 1) {
        ctx.stderr.write(
          `${prog}: unlocking the user's password would result in a passwordless account.\n` +
            'You should set a password with usermod -p to unlock this user\'s password.\n',
        );
        return hash;
      }
      logs.push(`unlock user '${newName}' password`);
      return hash.slice(1);
    }
    if (f.has('p') && newPass !== null) {
      logs.push(`change user '${newName}' password`);
      return newPass;
    }
    return hash;
  };
  dbs.passwd.update(name, (fl) => {
    if (f.has('l')) logs.push(`change user name '${name}' to '${newName}'`);
    fl[0] = newName;
    if (!dbs.shadow.exists || !sp) fl[1] = changePass(fl[1] ?? '');
    if (f.has('u')) logs.push(`change user '${newName}' UID from '${oldUid}' to '${newUid}'`);
    fl[2] = String(newUid);
    if (f.has('g')) logs.push(`change user '${newName}' GID from '${oldGid}' to '${newGid}'`);
    fl[3] = String(newGid);
    if (f.has('c')) logs.push(`change user '${newName}' GECOS to '${newComment}'`);
    fl[4] = newComment;
    if (f.has('d')) logs.push(`change user '${newName}' home from '${oldHome}' to '${newHome}'`);
    fl[5] = newHome;
    if (f.has('s')) logs.push(`change user '${newName}' shell from '${pw[6] ?? ''}' to '${newShell}'`);
    fl[6] = newShell;
  });
  if (sp) {
    dbs.shadow.update(name, (fl) => {
      while (fl.length < 9) fl.push('');
      fl[0] = newName;
      fl[1] = changePass(fl[1] ?? '');
      fl[6] = newInactive;
      fl[7] = newExpire;
    });
  }
  if (f.has('G') || f.has('l')) {
    for (const db of [dbs.group, dbs.gshadow]) {
      if (!db.exists) continue;
      const shadowDb = db === dbs.gshadow;
      for (const g of db.entries()) {
        const gname = g[0]!;
        if (shadowDb && dbs.group.find(gname) < 0) continue;
        const mem = (g[3] ?? '').split(',').filter((m) => m !== '');
        const was = mem.includes(name);
        const is = f.has('G') && ((was && f.has('a')) || groupsList.includes(gname));
        let next: string[] | null = null;
        const label = shadowDb ? 'shadow group' : 'group';
        if (was && (!f.has('G') || is)) {
          if (f.has('l')) {
            next = mem.map((m) => (m === name ? newName : m));
            logs.push(`change '${name}' to '${newName}' in ${label} '${gname}'`);
          }
        } else if (was && !f.has('a') && f.has('G') && !is) {
          next = mem.filter((m) => m !== name);
          logs.push(`delete '${name}' from ${label} '${gname}'`);
        } else if (!was && f.has('G') && is) {
          next = [...mem, newName];
          logs.push(`add '${newName}' to ${label} '${gname}'`);
        }
        if (next) {
          const joined = next.join(',');
          db.update(gname, (fl) => {
            while (fl.length < 4) fl.push('');
            fl[3] = joined;
          });
        }
        if (shadowDb && f.has('l')) {
          const admins = (g[2] ?? '').split(',');
          if (admins.includes(name)) db.update(gname, (fl) => (fl[2] = admins.map((a) => (a === name ? newName : a)).join(',')));
        }
      }
    }
  }
  saveAccountDbs(dbs);
  for (const l of logs) ctx.host.syslog.log('authpriv', prog, ctx.proc.pid, l);

  if (f.has('m')) {
    const st = vfs.tryLookup(oldHome, ROOT);
    if (st && st.type === 'dir') {
      try {
        vfs.rename(oldHome, newHome, ROOT);
      } catch {
        ctx.stderr.write(`${prog}: cannot rename directory ${oldHome} to ${newHome}\n`);
        return E_HOMEDIR;
      }
      if (f.has('u') || f.has('g')) {
        const mode = st.mode;
        vfs.chown(newHome, ROOT, newUid, newGid);
        vfs.chmod(newHome, ROOT, mode);
      }
    }
  }
  if (f.has('l') || f.has('u')) {
    const spool = loginDefs(ctx).get('MAIL_DIR') ?? '/var/mail';
    const mailfile = `${spool}/${name}`;
    const box = vfs.tryLookup(mailfile, ROOT);
    if (box) {
      if (box.uid !== oldUid) ctx.stderr.write(`${prog}: warning: ${mailfile} not owned by ${name}\n`);
      else {
        if (f.has('u')) {
          const mode = box.mode;
          vfs.chown(mailfile, ROOT, newUid, null);
          vfs.chmod(mailfile, ROOT, mode);
        }
        if (f.has('l')) {
          try {
            vfs.link(mailfile, `${spool}/${newName}`, ROOT);
            vfs.unlink(mailfile, ROOT);
          } catch (e) {
            ctx.stderr.write(`failed to rename mailbox: ${e instanceof Error ? e.message : String(e)}\n`);
          }
        }
      }
    }
  }
  if (f.has('u')) chownTree(vfs, f.has('d') ? newHome : oldHome, oldUid, newUid, oldGid, f.has('g') ? newGid : oldGid);
  return 0;
};
