import { ROOT } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { baseName, defBool, getopt, isEl5, lockDatabases, loginDefs, readAccountDbs, removeTree, saveAccountDbs } from './common';

const E_PW_UPDATE = 1;
const E_USAGE = 2;
const E_NOTFOUND = 6;
const E_HOMEDIR = 12;

function usage(ctx: ProgramContext): number {
  ctx.stderr.write(
    isEl5(ctx)
      ? 'Usage: userdel [options] LOGIN\n\nOptions:\n' +
          '  -f, --force\t\t\tforce removal of files, even if not owned by user\n' +
          '  -h, --help\t\t\tdisplay this help message and exit\n' +
          '  -r, --remove\t\t\tremove home directory and mail spool\n\n'
      : 'Usage: userdel [options] LOGIN\n\nOptions:\n' +
          '  -f, --force                   force removal of files,\n' +
          '                                even if not owned by user\n' +
          '  -h, --help                    display this help message and exit\n' +
          '  -r, --remove                  remove home directory and mail spool\n\n',
  );
  return E_USAGE;
}

/** userdel(8), shadow-utils 4.1.4.2 (4.0.17 on RHEL 5). */
export const userdel: Program = async (ctx) => {
  const prog = baseName(ctx, 'userdel');
  const el5 = isEl5(ctx);
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'fhr',
    long: [
      { name: 'force', arg: 'none', key: 'f' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'remove', arg: 'none', key: 'r' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    return usage(ctx);
  }
  const force = p.opts.some((o) => o.key === 'f');
  let remove = p.opts.some((o) => o.key === 'r');
  if (p.opts.some((o) => o.key === 'h') || p.operands.length !== 1) return usage(ctx);
  const name = p.operands[0]!;
  const dbs = readAccountDbs(ctx);
  const pwf = dbs.passwd.get(name);
  if (!pwf) {
    ctx.stderr.write(el5 ? `${prog}: user ${name} does not exist\n` : `${prog}: user '${name}' does not exist\n`);
    return E_NOTFOUND;
  }
  const uid = Number(pwf[2]);
  const home = pwf[5] ?? '';
  if (!lockDatabases(ctx, prog, '/etc/passwd')) return E_PW_UPDATE;
  const defs = loginDefs(ctx);
  const logs: string[] = [];

  dbs.passwd.remove(name);
  dbs.shadow.remove(name);
  logs.push(`delete user '${name}'`);
  for (const g of dbs.group.entries()) {
    const mem = (g[3] ?? '').split(',').filter((m) => m !== '');
    if (!mem.includes(name)) continue;
    dbs.group.update(g[0]!, (fl) => {
      fl[3] = mem.filter((m) => m !== name).join(',');
    });
    logs.push(`delete '${name}' from group '${g[0]}'`);
  }
  // The user's own group goes too, when nobody else uses it as primary group.
  const own = dbs.group.get(name);
  if (own && defBool(defs, 'USERGROUPS_ENAB') && (own[3] ?? '') === '') {
    const ownGid = own[2];
    const other = force ? undefined : dbs.passwd.entries().find((e) => e[3] === ownGid);
    if (other) {
      ctx.stderr.write(`${prog}: group ${name} is the primary group of another user and is not removed.\n`);
    } else {
      dbs.group.remove(name);
      logs.push(`removed group '${name}' owned by '${name}'`);
      if (dbs.gshadow.remove(name)) logs.push(`removed shadow group '${name}' owned by '${name}'`);
    }
  }
  for (const g of dbs.gshadow.entries()) {
    const admins = (g[2] ?? '').split(',').filter((m) => m !== '');
    const mem = (g[3] ?? '').split(',').filter((m) => m !== '');
    if (!admins.includes(name) && !mem.includes(name)) continue;
    dbs.gshadow.update(g[0]!, (fl) => {
      while (fl.length < 4) fl.push('');
      fl[2] = admins.filter((m) => m !== name).join(',');
      fl[3] = mem.filter((m) => m !== name).join(',');
    });
    if (mem.includes(name)) logs.push(`delete '${name}' from shadow group '${g[0]}'`);
  }

  let errors = 0;
  const vfs = ctx.host.vfs;
  if (remove) {
    const mailfile = `${defs.get('MAIL_DIR') ?? '/var/mail'}/${name}`;
    const node = vfs.tryLookup(mailfile, ROOT);
    if (node) {
      if (!force && node.uid !== uid) {
        ctx.stderr.write(`${prog}: ${mailfile} not owned by ${name}, not removing\n`);
        errors++;
      } else {
        try {
          vfs.unlink(mailfile, ROOT);
        } catch (e) {
          ctx.stderr.write(`${prog}: warning: can't remove ${mailfile}: ${e instanceof Error ? e.message : String(e)}\n`);
          errors++;
        }
      }
    }
    const h = vfs.tryLookup(home, ROOT);
    if (!h) {
      if (!el5) ctx.stderr.write(`${prog}: ${name} home directory (${home}) not found\n`);
      remove = false;
    } else if (h.uid !== uid && !force) {
      ctx.stderr.write(`${prog}: ${home} not owned by ${name}, not removing\n`);
      remove = false;
      errors++;
    }
  }
  if (remove && !removeTree(vfs, home)) {
    ctx.stderr.write(`${prog}: error removing directory ${home}\n`);
    errors++;
  }
  saveAccountDbs(dbs);
  for (const l of logs) ctx.host.syslog.log('authpriv', prog, ctx.proc.pid, l);
  return errors ? E_HOMEDIR : 0;
};
