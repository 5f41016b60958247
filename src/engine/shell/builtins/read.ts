import type { Builtin } from './index';
import { ProcInput } from '../../proc/process';

/** read [-r] [-p prompt] [-s] [-t n] [-n n] [name...]: one line into variables, split on IFS. */
export const read: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let raw = false;
  let prompt = '';
  let silent = false;
  let nchars: number | null = null;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    const a = args[0];
    args = args.slice(1);
    if (a === '--') break;
    for (let i = 1; i < a.length; i++) {
      const c = a[i]!;
      if (c === 'r') raw = true;
      else if (c === 's') silent = true;
      else if (c === 'p' || c === 't' || c === 'n' || c === 'd' || c === 'u' || c === 'a') {
        const val = a.slice(i + 1) || args.shift() || '';
        if (c === 'p') prompt = val;
        if (c === 'n') nchars = Number(val);
        break;
      } else {
        sh.error(`read: -${c}: invalid option`, io);
        io.err.write('read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n');
        return 2;
      }
    }
  }
  const names = args.length ? args : ['REPLY'];
  for (const n of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) {
      sh.error(`read: \`${n}': not a valid identifier`, io);
      return 1;
    }
  }
  const tty = io.in.isTTY ? sh.tty : null;
  if (prompt && tty) io.err.write(prompt);
  if (silent && tty) tty.echo = false;
  let line: string | null;
  try {
    line = await readLine(sh.proc, io.in, nchars);
  } finally {
    if (silent && tty) tty.echo = true;
  }
  if (line === null) {
    for (const n of names) sh.setVar(n, '');
    return 1;
  }
  let text = line;
  if (!raw) text = text.replace(/\\(.)/g, '$1').replace(/\\$/, '');
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const ws = ifs.replace(/[^ \t\n]/g, '');
  const trimmed = ws ? text.replace(new RegExp(`^[${escapeClass(ws)}]+|[${escapeClass(ws)}]+$`, 'g'), '') : text;
  if (names.length === 1) {
    sh.setVar(names[0]!, trimmed);
    return 0;
  }
  const fields = ifs === '' ? [trimmed] : trimmed.split(new RegExp(`[${escapeClass(ifs)}]+`));
  names.forEach((n, i) => {
    if (i === names.length - 1) sh.setVar(n, fields.slice(i).join(' '));
    else sh.setVar(n, fields[i] ?? '');
  });
  return 0;
};

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/** Reads one line from a source, giving back what follows it so the next read finds it. */
async function readLine(proc: Parameters<Builtin>[0]['proc'], source: Parameters<Builtin>[2]['in'], nchars: number | null): Promise<string | null> {
  const input = new ProcInput(source, proc);
  let buf = '';
  for (;;) {
    const nl = buf.indexOf('\n');
    if (nchars !== null && nchars > 0 && buf.length >= nchars && (nl < 0 || nl >= nchars)) {
      source.unread?.(buf.slice(nchars));
      return buf.slice(0, nchars);
    }
    if (nl >= 0) {
      source.unread?.(buf.slice(nl + 1));
      return buf.slice(0, nl);
    }
    const chunk = await input.read();
    if (chunk === null) return buf === '' ? null : buf;
    buf += chunk;
  }
}
