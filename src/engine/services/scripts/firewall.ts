/**
 * A small stand-in for netfilter, enough for the iptables init script: tables loaded from an
 * iptables-restore file, listed as `iptables -L -n --line-numbers` lists them and written back
 * as iptables-save writes them. It keeps rules as the words they were written with; the real
 * packet filter (a later issue) replaces this through FirewallControl.
 */
import { dateDefault } from '../../util/clock';

export interface FwRule {
  words: string[];
}

export interface FwChain {
  name: string;
  /** Built-in chains have a policy; user chains have none. */
  policy: string | null;
  rules: FwRule[];
}

export interface FwTable {
  name: string;
  chains: FwChain[];
}

const BUILTIN: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'POSTROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

export function emptyTable(name: string): FwTable {
  return { name, chains: (BUILTIN[name] ?? []).map((c) => ({ name: c, policy: 'ACCEPT', rules: [] })) };
}

/** Splits a rule line into words, honouring double quotes. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] ?? m[2]!);
  return out;
}

/** Parses an iptables-restore file. Returns the tables, or the number of the bad line. */
export function parseRestore(text: string): FwTable[] | { badLine: number } {
  const tables: FwTable[] = [];
  let current: FwTable | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const n = i + 1;
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      const name = line.slice(1);
      if (!BUILTIN[name] || current) return { badLine: n };
      current = emptyTable(name);
      continue;
    }
    if (!current) return { badLine: n };
    if (line === 'COMMIT') {
      const old = tables.findIndex((t) => t.name === current!.name);
      if (old >= 0) tables.splice(old, 1);
      tables.push(current);
      current = null;
      continue;
    }
    if (line.startsWith(':')) {
      const [name, policy] = line.slice(1).split(/\s+/);
      if (!name) return { badLine: n };
      const builtin = current.chains.find((c) => c.name === name && c.policy !== null);
      if (builtin) {
        if (policy && policy !== '-') builtin.policy = policy;
      } else if (!current.chains.some((c) => c.name === name)) current.chains.push({ name, policy: null, rules: [] });
      continue;
    }
    const w = words(line);
    if ((w[0] === '-A' || w[0] === '--append' || w[0] === '-I' || w[0] === '--insert') && w[1]) {
      const chain = current.chains.find((c) => c.name === w[1]);
      if (!chain) return { badLine: n };
      const rule = { words: w.slice(2) };
      if (w[0] === '-A' || w[0] === '--append') chain.rules.push(rule);
      else chain.rules.unshift(rule);
      continue;
    }
    return { badLine: n };
  }
  if (current) return { badLine: lines.length };
  return tables;
}

interface Parsed {
  proto: string;
  protoNeg: boolean;
  src: string;
  srcNeg: boolean;
  dst: string;
  dstNeg: boolean;
  inIf: string;
  outIf: string;
  matches: { name: string; opts: string[][] }[];
  target: string;
  targetOpts: string[][];
  goto: boolean;
}

const PROTO_MATCHES = new Set(['tcp', 'udp', 'icmp', 'icmpv6', 'ipv6-icmp', 'sctp']);

function parseRule(w: string[]): Parsed {
  const r: Parsed = { proto: '', protoNeg: false, src: '', srcNeg: false, dst: '', dstNeg: false, inIf: '', outIf: '', matches: [], target: '', targetOpts: [], goto: false };
  let neg = false;
  let inTarget = false;
  let match: { name: string; opts: string[][] } | null = null;
  for (let i = 0; i < w.length; i++) {
    const t = w[i]!;
    const next = (): string => w[++i] ?? '';
    if (t === '!') {
      neg = true;
      continue;
    }
    switch (t) {
      case '-p':
      case '--protocol':
        r.proto = next().toLowerCase();
        r.protoNeg = neg;
        break;
      case '-s':
      case '--source':
      case '--src':
        r.src = next();
        r.srcNeg = neg;
        break;
      case '-d':
      case '--destination':
      case '--dst':
        r.dst = next();
        r.dstNeg = neg;
        break;
      case '-i':
      case '--in-interface':
        r.inIf = (neg ? '!' : '') + next();
        break;
      case '-o':
      case '--out-interface':
        r.outIf = (neg ? '!' : '') + next();
        break;
      case '-m':
      case '--match':
        match = { name: next(), opts: [] };
        r.matches.push(match);
        inTarget = false;
        break;
      case '-j':
      case '--jump':
      case '-g':
      case '--goto':
        r.target = next();
        r.goto = t === '-g' || t === '--goto';
        inTarget = true;
        break;
      default: {
        const opt = [neg ? '!' : '', t];
        while (i + 1 < w.length && !w[i + 1]!.startsWith('-') && w[i + 1] !== '!') opt.push(w[++i]!);
        if (inTarget) r.targetOpts.push(opt);
        else {
          if (!match || (PROTO_MATCHES.has(r.proto) && !r.matches.some((m) => m.name === r.proto) && /port|icmp-type|tcp-flags|syn/.test(t))) {
            match = r.matches.find((m) => m.name === r.proto) ?? null;
            if (!match) {
              match = { name: r.proto || 'unknown', opts: [] };
              r.matches.push(match);
            }
          }
          match.opts.push(opt);
        }
      }
    }
    neg = false;
  }
  return r;
}

const STATE_ORDER = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED'];

function stateList(v: string): string {
  const set = new Set(v.toUpperCase().split(','));
  return STATE_ORDER.filter((s) => set.has(s)).join(',');
}

function optValue(opts: string[][], ...names: string[]): { value: string; neg: boolean } | null {
  for (const o of opts) if (names.includes(o[1]!)) return { value: o.slice(2).join(' '), neg: o[0] === '!' };
  return null;
}

function matchText(m: { name: string; opts: string[][] }, forSave: boolean): string {
  if (forSave) {
    const parts = [`-m ${m.name}`];
    for (const o of m.opts) {
      const [neg, name, ...rest] = o;
      let value = rest.join(' ');
      if (name === '--state') value = stateList(value);
      const canonical = name === '--destination-port' ? '--dport' : name === '--source-port' ? '--sport' : name!;
      parts.push(`${neg ? '! ' : ''}${canonical}${value ? ' ' + value : ''}`);
    }
    return parts.join(' ') + ' ';
  }
  switch (m.name) {
    case 'state': {
      const v = optValue(m.opts, '--state');
      return `state ${v?.neg ? '!' : ''}${stateList(v?.value ?? '')} `;
    }
    case 'tcp':
    case 'udp': {
      let s = `${m.name} `;
      const sp = optValue(m.opts, '--sport', '--source-port');
      const dp = optValue(m.opts, '--dport', '--destination-port');
      const ports = (label: string, v: { value: string; neg: boolean }): string => {
        const [a, b] = v.value.split(':');
        return b !== undefined && b !== a ? `${label}s:${v.neg ? '!' : ''}${a}:${b} ` : `${label}:${v.neg ? '!' : ''}${a} `;
      };
      if (sp) s += ports('spt', sp);
      if (dp) s += ports('dpt', dp);
      return s;
    }
    case 'icmp': {
      const t = optValue(m.opts, '--icmp-type');
      if (!t) return 'icmp ';
      return t.value === 'any' ? `icmp ${t.neg ? '!' : ''}type 255 ` : `icmp ${t.neg ? '!' : ''}type ${t.value} `;
    }
    default:
      return `${m.name} `;
  }
}

function targetText(r: Parsed, forSave: boolean): string {
  if (forSave) {
    if (!r.target) return '';
    const opts = r.targetOpts.map((o) => `${o[0] ? '! ' : ''}${o.slice(1).join(' ')} `).join('');
    return `${r.goto ? '-g' : '-j'} ${r.target} ${opts}`;
  }
  if (r.target === 'REJECT') {
    const w = optValue(r.targetOpts, '--reject-with');
    return `reject-with ${w?.value ?? 'icmp-port-unreachable'} `;
  }
  if (r.target === 'LOG') {
    const p = optValue(r.targetOpts, '--log-prefix');
    return `LOG flags 0 level 4 ${p ? `prefix \`${p.value}' ` : ''}`;
  }
  return '';
}

function addr(a: string, v6: boolean): string {
  if (a === '') return v6 ? '::/0' : '0.0.0.0/0';
  if (!a.includes('/')) return a;
  const [ip, mask] = a.split('/');
  if ((mask === '32' && !v6) || (mask === '128' && v6)) return ip!;
  return a;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** `Chain NAME (policy X)` ... as iptables --list -n --line-numbers prints one table. */
export function listTable(table: FwTable, v6 = false): string {
  let out = '';
  const ordered = orderedChains(table);
  ordered.forEach((chain, idx) => {
    if (idx > 0) out += '\n';
    if (chain.policy !== null) out += `Chain ${chain.name} (policy ${chain.policy})\n`;
    else {
      const refs = table.chains.reduce((n, c) => n + c.rules.filter((r) => parseRule(r.words).target === chain.name).length, 0);
      out += `Chain ${chain.name} (${refs} references)\n`;
    }
    out += `${pad('num', 4)} ${pad('target', 9)}  prot opt ${pad('source', 19)}  ${pad('destination', 19)} \n`;
    chain.rules.forEach((rule, i) => {
      const r = parseRule(rule.words);
      let line = `${pad(String(i + 1), 4)} ${pad(r.target, 9)} `;
      line += (r.protoNeg ? '!' : ' ') + pad(r.proto || 'all', 5);
      // ip6tables has no fragment flags: its "opt" column stays blank
      line += v6 ? '   ' : '-- ';
      line += (r.srcNeg ? '!' : ' ') + pad(addr(r.src, v6), 19) + ' ';
      line += (r.dstNeg ? '!' : ' ') + pad(addr(r.dst, v6), 19) + ' ';
      if (r.goto) line += '[goto] ';
      for (const m of r.matches) line += matchText(m, false);
      line += targetText(r, false);
      out += line + '\n';
    });
  });
  return out;
}

function orderedChains(table: FwTable): FwChain[] {
  const builtins = table.chains.filter((c) => c.policy !== null);
  const users = table.chains.filter((c) => c.policy === null).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...users];
}

/** ctime(3) without the newline: `Sat Apr 26 11:30:00 2014`. */
function ctime(ms: number): string {
  return dateDefault(ms).replace(/ [A-Z]{3} (\d+)$/, ' $1');
}

/** iptables-save output for the given tables. */
export function saveTables(tables: FwTable[], now: number, version: string, v6 = false): string {
  const stamp = ctime(now);
  let out = '';
  for (const table of tables) {
    out += `# Generated by ${v6 ? 'ip6tables' : 'iptables'}-save v${version} on ${stamp}\n`;
    out += `*${table.name}\n`;
    for (const c of orderedChains(table)) out += `:${c.name} ${c.policy ?? '-'} [0:0]\n`;
    for (const c of orderedChains(table)) {
      for (const rule of c.rules) {
        const r = parseRule(rule.words);
        let line = `-A ${c.name} `;
        if (r.src) line += `${r.srcNeg ? '! ' : ''}-s ${r.src.includes('/') ? r.src : r.src + (v6 ? '/128' : '/32')} `;
        if (r.dst) line += `${r.dstNeg ? '! ' : ''}-d ${r.dst.includes('/') ? r.dst : r.dst + (v6 ? '/128' : '/32')} `;
        if (r.inIf) line += r.inIf.startsWith('!') ? `! -i ${r.inIf.slice(1)} ` : `-i ${r.inIf} `;
        if (r.outIf) line += r.outIf.startsWith('!') ? `! -o ${r.outIf.slice(1)} ` : `-o ${r.outIf} `;
        if (r.proto) line += `${r.protoNeg ? '! ' : ''}-p ${r.proto} `;
        for (const m of r.matches) line += matchText(m, true);
        line += targetText(r, true);
        out += line + '\n';
      }
    }
    out += 'COMMIT\n';
    out += `# Completed on ${stamp}\n`;
  }
  return out;
}
