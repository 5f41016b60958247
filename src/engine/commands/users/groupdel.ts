import type { Program } from '../../proc/program';
import { baseName, isEl5, lockDatabases, readAccountDbs, saveAccountDbs } from './common';

/** groupdel(8), shadow-utils 4.1.4.2 (4.0.17 on RHEL 5). */
export const groupdel: Program = async (ctx) => {
  const prog = baseName(ctx, 'groupdel');
  const el5 = isEl5(ctx);
  if (ctx.argv.length !== 2) {
    ctx.stderr.write('Usage: groupdel group\n');
    return 2;
  }
  const name = ctx.argv[1]!;
  const dbs = readAccountDbs(ctx);
  const g = dbs.group.get(name);
  if (!g) {
    ctx.stderr.write(el5 ? `${prog}: group ${name} does not exist\n` : `${prog}: group '${name}' does not exist\n`);
    return 6;
  }
  const primaryOf = dbs.passwd.entries().find((e) => e[3] === g[2]);
  if (primaryOf) {
    ctx.stderr.write(el5 ? `${prog}: cannot remove user's primary group.\n` : `${prog}: cannot remove the primary group of user '${primaryOf[0]}'\n`);
    return 8;
  }
  if (!lockDatabases(ctx, prog, '/etc/group')) return 10;
  dbs.group.remove(name);
  dbs.gshadow.remove(name);
  saveAccountDbs(dbs);
  ctx.host.syslog.log('authpriv', prog, ctx.proc.pid, `remove group '${name}'`);
  return 0;
};
