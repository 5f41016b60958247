import { ROOT } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { getopt, progName } from './common';

export interface HostEntry {
  name: string;
  aliases: string[];
  addrs: string[];
}

/** gethostbyname() through /etc/hosts (the lab's resolver order is files first). */
export function lookupHost(ctx: ProgramContext, name: string): HostEntry | null {
  const node = ctx.host.vfs.tryLookup('/etc/hosts', ROOT);
  const want = name.toLowerCase();
  let found: HostEntry | null = null;
  if (node && node.type === 'file') {
    for (const raw of node.data.split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      if (line === '') continue;
      const [addr, canon, ...aliases] = line.split(/\s+/);
      if (!addr || !canon || addr.includes(':')) continue;
      if (canon.toLowerCase() !== want && !aliases.some((a) => a.toLowerCase() === want)) continue;
      if (!found) found = { name: canon, aliases, addrs: [addr] };
      else if (!found.addrs.includes(addr)) found.addrs.push(addr);
    }
  }
  if (found) return found;
  // The host's own names are known to its DNS server (named on rhel1 serves local.com).
  const prof = ctx.host.profile;
  if (want === prof.fqdn || want === prof.name) return { name: prof.fqdn, aliases: [prof.name], addrs: [prof.address] };
  return null;
}

const USAGE =
  'Usage: hostname [-v] {hostname|-F file}      set hostname (from file)\n' +
  '       domainname [-v] {nisdomain|-F file}   set NIS domainname (from file)\n' +
  '       hostname [-v] [-d|-f|-s|-a|-i|-y|-n]  display formatted name\n' +
  '       hostname [-v]                         display hostname\n\n' +
  '       hostname -V|--version|-h|--help       print info and exit\n\n' +
  '    dnsdomainname=hostname -d, {yp,nis,}domainname=hostname -y\n\n' +
  '    -s, --short           short host name\n' +
  '    -a, --alias           alias names\n' +
  '    -i, --ip-address      addresses for the hostname\n' +
  '    -f, --fqdn, --long    long host name (FQDN)\n' +
  '    -d, --domain          DNS domain name\n' +
  '    -y, --yp, --nis       NIS/YP domainname\n' +
  '    -F, --file            read hostname or NIS domainname from given file\n\n' +
  '   This command can read or set the hostname or the NIS domainname. You can\n' +
  '   also read the DNS domain or the FQDN using the resolver. Unless you are using\n' +
  '   bind or NIS for host lookups you can change the FQDN (Fully Qualified\n' +
  '   Domain Name) and the DNS domain name (which is part of the FQDN) in the\n' +
  '   /etc/hosts file.\n';

/** hostname(1), net-tools 1.60: shows or (as root) sets the kernel's host name. */
export const hostname: Program = async (ctx) => {
  const prog = progName(ctx, 'hostname');
  const base = prog.split('/').pop() ?? 'hostname';
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'aidfF:h?nsVvy',
    long: [
      { name: 'domain', arg: 'none', key: 'd' },
      { name: 'file', arg: 'required', key: 'F' },
      { name: 'fqdn', arg: 'none', key: 'f' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'long', arg: 'none', key: 'f' },
      { name: 'short', arg: 'none', key: 's' },
      { name: 'version', arg: 'none', key: 'V' },
      { name: 'verbose', arg: 'none', key: 'v' },
      { name: 'alias', arg: 'none', key: 'a' },
      { name: 'ip-address', arg: 'none', key: 'i' },
      { name: 'nis', arg: 'none', key: 'y' },
      { name: 'yp', arg: 'none', key: 'y' },
      { name: 'node', arg: 'none', key: 'n' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n' + USAGE);
    return 255;
  }
  let what: string | null = base === 'dnsdomainname' ? 'd' : /^(nis|yp)?domainname$/.test(base) ? 'y' : null;
  let file: string | null = null;
  for (const o of p.opts) {
    switch (o.key) {
      case 'h':
      case '?':
        ctx.stderr.write(USAGE);
        return 255;
      case 'V':
        ctx.stderr.write('net-tools 1.60\nhostname 1.100 (2001-04-14)\n');
        return 0;
      case 'v':
        break;
      case 'F':
        file = o.value;
        break;
      case 'n':
        ctx.stderr.write(`${prog}: you must be root to change the node name\n`);
        return 1;
      default:
        what = o.key;
    }
  }
  let newName: string | null = p.operands[0] ?? null;
  if (file !== null) {
    let text: string;
    try {
      text = ctx.fs.readFile(file);
    } catch (e) {
      ctx.stderr.write(`${prog}: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    newName = text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#')) ?? '';
  }
  if (newName !== null && what !== 'y') {
    if (ctx.fs.cred.uid !== 0) {
      ctx.stderr.write(`${prog}: you must be root to change the host name\n`);
      return 1;
    }
    if (newName.length > 64) {
      ctx.stderr.write(`${prog}: name too long\n`);
      return 1;
    }
    ctx.host.hostname = newName;
    return 0;
  }
  if (what === 'y') {
    if (newName !== null) {
      if (ctx.fs.cred.uid !== 0) {
        ctx.stderr.write(`${prog}: you must be root to change the domain name\n`);
        return 1;
      }
      return 0;
    }
    ctx.stdout.write('(none)\n');
    return 0;
  }
  const hn = ctx.host.hostname;
  if (what === null) {
    ctx.stdout.write(hn + '\n');
    return 0;
  }
  const he = lookupHost(ctx, hn);
  if (!he) {
    ctx.stderr.write(`${prog}: Unknown host\n`);
    return 1;
  }
  switch (what) {
    case 's':
      ctx.stdout.write(he.name.split('.')[0] + '\n');
      break;
    case 'f':
      ctx.stdout.write(he.name + '\n');
      break;
    case 'd': {
      const dot = he.name.indexOf('.');
      ctx.stdout.write((dot >= 0 ? he.name.slice(dot + 1) : '') + '\n');
      break;
    }
    case 'a':
      ctx.stdout.write(he.aliases.map((a) => a + ' ').join('') + '\n');
      break;
    case 'i':
      ctx.stdout.write(he.addrs.map((a) => a + ' ').join('') + '\n');
      break;
  }
  return 0;
};
