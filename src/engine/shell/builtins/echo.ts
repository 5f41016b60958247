import type { Builtin } from './index';

/** echo [-neE] args: bash's builtin (no -- handling; unknown options are printed as text). */
export const echo: Builtin = async (_sh, argv, io) => {
  io.out.write(echoText(argv.slice(1)));
  return 0;
};

export function echoText(args: string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    let stop = false;
    if (cut >= 0) {
      text = text.slice(0, cut);
      stop = true;
    }
    text = decodeEscapes(text);
    if (stop) return text;
  }
  return newline ? text + '\n' : text;
}

export function decodeEscapes(s: string): string {
  return s.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|[abefnrtv\\])/g, (_m, e: string) => {
    switch (e[0]) {
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'e': return '\x1b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return '\v';
      case '\\': return '\\';
      case 'x': return String.fromCharCode(parseInt(e.slice(1), 16));
      case '0': return String.fromCharCode(parseInt(e.slice(1) || '0', 8) & 0xff);
    }
    return e;
  });
}
