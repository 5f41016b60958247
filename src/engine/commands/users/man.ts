import { ROOT } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import { getopt, progName } from './common';
import { MANPAGES, type ManPage } from './manpages';

/** man-1.6's search order of sections when none is given. */
const SECTION_ORDER = ['1', '1p', '8', '2', '3', '3p', '4', '5', '6', '7', '9', '0p', 'n', 'l', 'p', 'o'];

function isSection(s: string): boolean {
  return /^([0-9][a-z]*|n|l|p|o)$/.test(s);
}

/** Where a page's file would be, in /usr/share/man. */
function manPath(name: string, section: string): string {
  return `/usr/share/man/man${section[0]}/${name}.${section}.gz`;
}

function fileExists(ctx: ProgramContext, path: string): boolean {
  return ctx.host.vfs.tryLookup(path, ROOT) !== null;
}

/**
 * Whether a page is installed on this host: its file is in /usr/share/man, or (for the pages of
 * the lab's own text) the program it documents is there; pages of core tools always are.
 */
function installed(ctx: ProgramContext, page: ManPage): boolean {
  if (!page.needs) return true;
  return fileExists(ctx, manPath(page.name, page.section)) || page.needs.some((path) => fileExists(ctx, path));
}

/** A page whose file a package installed but whose text the lab does not carry. */
function stubPage(name: string, section: string): ManPage {
  const titles: Record<string, string> = { '1': 'User Commands', '5': 'File Formats', '8': 'System Administration' };
  return {
    name,
    section,
    title: titles[section[0]!] ?? '',
    source: '',
    date: '',
    text: `\nNAME\n${name}\n\nDESCRIPTION\nThe text of this page is not part of Mail Lab.\n`,
  };
}

export function findPage(ctx: ProgramContext, name: string, section: string | null): ManPage | null {
  const cands = MANPAGES.filter((p) => (p.name === name || (p.aliases ?? []).includes(name)) && installed(ctx, p));
  const order = section !== null ? [section] : SECTION_ORDER;
  for (const s of order) {
    const hit = cands.find((p) => p.section === s || (section !== null && p.section.startsWith(s)));
    if (hit) return hit;
    if (fileExists(ctx, manPath(name, s))) return stubPage(name, s);
  }
  return section === null ? (cands[0] ?? null) : null;
}

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const w of words) {
    if (cur.length === 0) {
      cur = [w];
      len = w.length;
    } else if (len + 1 + w.length <= width) {
      cur.push(w);
      len += 1 + w.length;
    } else {
      lines.push(cur);
      cur = [w];
      len = w.length;
    }
  }
  if (cur.length) lines.push(cur);
  // nroff adjusts both margins: every line but a paragraph's last is padded out to the full
  // width, the extra spaces going alternately to the right and to the left end of the line.
  return lines.map((ws, i) => {
    if (i === lines.length - 1 || ws.length < 2) return ws.join(' ');
    const gaps = ws.length - 1;
    let extra = width - ws.reduce((a, w) => a + w.length, 0) - gaps;
    const add = new Array<number>(gaps).fill(0);
    const fromRight = i % 2 === 0;
    for (let k = 0; extra > 0; k = (k + 1) % gaps, extra--) add[fromRight ? gaps - 1 - k : k]!++;
    return ws.map((w, j) => (j < gaps ? w + ' '.repeat(1 + add[j]!) : w)).join('');
  });
}

/**
 * Lays a page out as nroff -man does on a terminal: the title line, headings at the margin,
 * text filled and indented by 7, tagged paragraphs (`.TP tag`) with their text at 14, lines
 * starting with two spaces kept as they are, and the footer line.
 */
export function formatPage(page: ManPage, columns = 80): string {
  const ll = Math.max(40, columns - 2);
  const id = `${page.name.toUpperCase()}(${page.section})`;
  const three = (left: string, center: string, right: string): string => {
    const start = Math.max(left.length + 1, Math.ceil((ll - center.length) / 2));
    let line = left + ' '.repeat(start - left.length) + center;
    line += ' '.repeat(Math.max(1, ll - line.length - right.length)) + right;
    return line;
  };
  const out: string[] = [three(id, page.title, id), '', '', ''];
  const src = page.text.replace(/^\n+|\n+$/g, '').split('\n');
  let para: string[] = [];
  let tag: string | null = null;
  let first = true;
  const flush = (): void => {
    if (para.length === 0 && tag === null) return;
    const text = para.join(' ');
    if (tag !== null) {
      const body = wrap(text, ll - 14);
      if (tag.length < 7 && body.length > 0) {
        out.push(' '.repeat(7) + tag.padEnd(7) + body[0]);
        for (const l of body.slice(1)) out.push(' '.repeat(14) + l);
      } else {
        out.push(' '.repeat(7) + tag);
        for (const l of body) out.push(' '.repeat(14) + l);
      }
    } else for (const l of wrap(text, ll - 7)) out.push(' '.repeat(7) + l);
    para = [];
    tag = null;
  };
  for (const line of src) {
    if (line.trim() === '') {
      flush();
      if (out[out.length - 1] !== '') out.push('');
      continue;
    }
    if (/^[A-Z][A-Z .-]*$/.test(line)) {
      flush();
      if (!first && out[out.length - 1] !== '') out.push('');
      out.push(line);
      first = false;
      continue;
    }
    if (line.startsWith('.TP ')) {
      flush();
      // tagged paragraphs are set apart by a blank line, as nroff's .TP does
      const prev = out[out.length - 1] ?? '';
      if (prev !== '' && !/^[A-Z][A-Z .-]*$/.test(prev)) out.push('');
      tag = line.slice(4);
      continue;
    }
    if (line.startsWith('  ')) {
      flush();
      out.push(' '.repeat(tag !== null ? 14 : 7) + line.slice(2));
      continue;
    }
    para.push(line.trim());
  }
  flush();
  while (out[out.length - 1] === '') out.pop();
  out.push('', '', '');
  out.push(three(page.source, page.date, id));
  return out.join('\n') + '\n';
}

function whatisLine(p: ManPage): string {
  const desc = /^NAME\n(.*?)\n/m.exec(p.text.replace(/^\n+/, ''))?.[1] ?? p.name;
  const dash = desc.indexOf(' - ');
  const text = dash >= 0 ? desc.slice(dash + 3) : desc;
  return `${p.name.padEnd(20)} (${p.section})  - ${text}`;
}

/** man(1), man-1.6f: shows a manual page, through less when the output is a terminal. */
export const man: Program = async (ctx) => {
  const prog = progName(ctx, 'man');
  const p = getopt(ctx, prog, ctx.argv.slice(1), { short: 'acdfFhkKm:M:p:P:S:twW' });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    ctx.stderr.write(usage(prog));
    return 1;
  }
  const f = new Set(p.opts.map((o) => o.key));
  let pager: string[] = ['less'];
  const pagerOpt = p.opts.find((o) => o.key === 'P');
  if (pagerOpt?.value) pager = pagerOpt.value.split(/\s+/).filter((s) => s !== '');
  else if (ctx.env.MANPAGER) pager = ctx.env.MANPAGER.split(/\s+/).filter((s) => s !== '');
  else if (ctx.env.PAGER) pager = ctx.env.PAGER.split(/\s+/).filter((s) => s !== '');
  if (f.has('h')) {
    ctx.stdout.write(usage(prog));
    return 0;
  }
  const all = MANPAGES.filter((pg) => installed(ctx, pg));
  if (f.has('k') || f.has('f')) {
    if (p.operands.length === 0) {
      ctx.stderr.write(f.has('k') ? 'apropos what?\n' : 'whatis what?\n');
      return 1;
    }
    let status = 1;
    for (const word of p.operands) {
      const w = word.toLowerCase();
      const hits = f.has('k')
        ? all.filter((pg) => whatisLine(pg).toLowerCase().includes(w))
        : all.filter((pg) => pg.name.toLowerCase() === w || (pg.aliases ?? []).some((a) => a.toLowerCase() === w));
      if (hits.length === 0) ctx.stdout.write(`${word}: nothing appropriate\n`);
      else {
        status = 0;
        ctx.stdout.write(hits.map(whatisLine).join('\n') + '\n');
      }
    }
    return status;
  }
  let section: string | null = null;
  const names = [...p.operands];
  const sOpt = p.opts.find((o) => o.key === 'S');
  if (names.length === 0) {
    ctx.stderr.write('What manual page do you want?\n');
    return 1;
  }
  if (names.length === 1 && isSection(names[0]!) && !sOpt) {
    ctx.stderr.write(`What manual page do you want from section ${names[0]}?\n`);
    return 1;
  }
  let status = 0;
  let found = false;
  let text = '';
  const paths: string[] = [];
  const columns = ctx.stdout.isTTY && ctx.tty ? ctx.tty.cols : 80;
  for (const arg of names) {
    if (isSection(arg)) {
      section = arg;
      continue;
    }
    const pages = f.has('a') ? all.filter((pg) => (pg.name === arg || (pg.aliases ?? []).includes(arg)) && (section === null || pg.section.startsWith(section))) : [];
    const one = f.has('a') ? null : findPage(ctx, arg, section);
    const list = f.has('a') ? pages : one ? [one] : [];
    if (list.length === 0) {
      ctx.stderr.write(section !== null ? `No entry for ${arg} in section ${section} of the manual\n` : `No manual entry for ${arg}\n`);
      status = 1;
      continue;
    }
    found = true;
    for (const pg of list) {
      paths.push(manPath(pg.name, pg.section));
      text += formatPage(pg, columns);
    }
  }
  if (f.has('w') || f.has('W')) {
    if (paths.length) ctx.stdout.write(paths.join('\n') + '\n');
    return status;
  }
  if (!found) return status;
  if (ctx.stdout.isTTY) {
    const where = ctx.host.findProgram(pager[0] ?? 'less', ctx.env.PATH ?? '/bin:/usr/bin', ctx.fs.cred, ctx.fs.cwd);
    if (where.ok && pager.length > 0) {
      await ctx.spawn(pager, { stdin: ctx.host.stringSource(text) });
      return status;
    }
  }
  ctx.stdout.write(text);
  return status;
};

function usage(prog: string): string {
  return (
    'man, version 1.6f\n\n' +
    `usage: ${prog} [-adfhktwW] [section] [-M path] [-P pager] [-S list]\n` +
    '\t[-m system] [-p string] name ...\n\n' +
    '  a : find all matching entries\n' +
    '  c : do not use cat file\n' +
    '  d : print gobs of debugging information\n' +
    '  D : as for -d, but also display the pages\n' +
    '  f : same as whatis(1)\n' +
    '  h : print this help message\n' +
    '  k : same as apropos(1)\n' +
    '  K : search for a string in all pages\n' +
    '  t : use troff to format pages for printing\n' +
    '  w : print location of man page(s) that would be displayed\n' +
    '      (if no name given: print directories that would be searched)\n' +
    '  W : as for -w, but display filenames only\n\n' +
    '  C file   : use `file\' as configuration file\n' +
    '  M path   : set search path for manual pages to `path\'\n' +
    '  P pager  : use program `pager\' to display pages\n' +
    '  S list   : colon separated section list\n' +
    '  m system : search for alternate system\'s man pages\n' +
    '  p string : string tells which preprocessors to run\n' +
    '               e - [n]eqn(1)   p - pic(1)    t - tbl(1)\n' +
    '               g - grap(1)     r - refer(1)  v - vgrind(1)\n'
  );
}

/** whatis(1): the one-line descriptions of the named pages (man -f). */
export const whatis: Program = (ctx) => man({ ...ctx, argv: [ctx.argv[0] ?? 'whatis', '-f', ...ctx.argv.slice(1)] });

/** apropos(1): the pages whose name or description holds a word (man -k). */
export const apropos: Program = (ctx) => man({ ...ctx, argv: [ctx.argv[0] ?? 'apropos', '-k', ...ctx.argv.slice(1)] });
