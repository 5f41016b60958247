/**
 * seq from coreutils 8.4: FIRST, INCREMENT and LAST as floating point numbers, printed with
 * %.PRECf when all three are plain decimals (PREC being the most fraction digits among FIRST
 * and INCREMENT) or %g otherwise; -w pads with zeros to equal width, -s sets the separator,
 * -f supplies a printf format for one double.
 *
 * Unlike the real program, the number of lines is capped (an increment of 0 or a huge range
 * would otherwise never finish inside the lab); the cap is reported on standard error.
 */
import type { Program, ProgramContext } from '../../proc/program';
import { conversion, formatFloat, strtod, type Conversion } from '../../util/printf';
import { HELP_OPTION, VERSION_OPTION, ancillary, complain, coreutilsVersion, prog, tryHelp } from './common';

/** Most numbers one seq run prints in the lab, and most characters. */
export const SEQ_LIMIT = 1_000_000;
const SEQ_CHARS = 64 * 1024 * 1024;

class SeqExit {
  constructor(readonly status: number) {}
}

interface Operand {
  value: number;
  width: number;
  precision: number; // Infinity: not a fixed-point number
}

function help(ctx: ProgramContext): string {
  const n = prog(ctx);
  return (
    `Usage: ${n} [OPTION]... LAST\n  or:  ${n} [OPTION]... FIRST LAST\n  or:  ${n} [OPTION]... FIRST INCREMENT LAST\n` +
    'Print numbers from FIRST to LAST, in steps of INCREMENT.\n\n' +
    '  -f, --format=FORMAT      use printf style floating-point FORMAT\n' +
    '  -s, --separator=STRING   use STRING to separate numbers (default: \\n)\n' +
    '  -w, --equal-width        equalize width by padding with leading zeroes\n' +
    HELP_OPTION +
    VERSION_OPTION +
    '\nIf FIRST or INCREMENT is omitted, it defaults to 1.  That is, an\n' +
    'omitted INCREMENT defaults to 1 even when LAST is smaller than FIRST.\n' +
    'FIRST, INCREMENT, and LAST are interpreted as floating point values.\n' +
    'INCREMENT is usually positive if FIRST is smaller than LAST, and\n' +
    'INCREMENT is usually negative if FIRST is greater than LAST.\n' +
    "FORMAT must be suitable for printing one argument of type `double';\n" +
    'it defaults to %.PRECf if FIRST, INCREMENT, and LAST are all fixed point\n' +
    'decimal numbers with maximum precision PREC, and to %g otherwise.\n'
  );
}

const q = (s: string): string => '`' + s + "'";

/** A printf format for one double: prefix, the conversion, suffix. */
interface Layout {
  prefix: string;
  conv: Conversion;
  suffix: string;
}

function unescapePercent(s: string): string {
  return s.replace(/%%/g, '%');
}

function parseFormat(ctx: ProgramContext, fmt: string): Layout {
  let i = 0;
  let prefix = '';
  for (;;) {
    if (i >= fmt.length) {
      complain(ctx, `format ${q(fmt)} has no % directive`);
      throw new SeqExit(1);
    }
    if (fmt[i] === '%' && fmt[i + 1] !== '%') break;
    if (fmt[i] === '%') {
      prefix += '%';
      i += 2;
    } else prefix += fmt[i++];
  }
  i++;
  const c = conversion('');
  while (i < fmt.length && "-+#0 '".includes(fmt[i]!)) {
    const f = fmt[i]!;
    if (f === '-') c.minus = true;
    else if (f === '+') c.plus = true;
    else if (f === ' ') c.space = true;
    else if (f === '#') c.alt = true;
    else if (f === '0') c.zero = true;
    i++;
  }
  let w = '';
  while (i < fmt.length && /[0-9]/.test(fmt[i]!)) w += fmt[i++];
  if (w) c.width = Math.min(Number(w), 1 << 20);
  if (fmt[i] === '.') {
    i++;
    let p = '';
    while (i < fmt.length && /[0-9]/.test(fmt[i]!)) p += fmt[i++];
    c.precision = Math.min(Number(p || '0'), 1 << 20);
  }
  if (fmt[i] === 'L') i++;
  if (i >= fmt.length) {
    complain(ctx, `format ${q(fmt)} ends in %`);
    throw new SeqExit(1);
  }
  if (!'efgaEFGA'.includes(fmt[i]!)) {
    complain(ctx, `format ${q(fmt)} has unknown %${fmt[i]} directive`);
    throw new SeqExit(1);
  }
  c.conv = fmt[i]!;
  i++;
  let suffix = '';
  while (i < fmt.length) {
    if (fmt[i] === '%' && fmt[i + 1] !== '%') {
      complain(ctx, `format ${q(fmt)} has too many % directives`);
      throw new SeqExit(1);
    }
    if (fmt[i] === '%') {
      suffix += '%';
      i += 2;
    } else suffix += fmt[i++];
  }
  return { prefix: unescapePercent(prefix), conv: c, suffix };
}

function scanArg(ctx: ProgramContext, arg: string): Operand {
  const r = strtod(arg);
  if (arg === '' || r.end !== arg.length || r.end === 0 || (r.range && Number.isFinite(r.value) === false && !/inf/i.test(arg))) {
    complain(ctx, `invalid floating point argument: ${arg}`);
    tryHelp(ctx);
    throw new SeqExit(1);
  }
  let a = arg;
  while (a.length && (/\s/.test(a[0]!) || a[0] === '+')) a = a.slice(1);
  let width = a.length;
  let precision = Infinity;
  if (!/[xX]/.test(a) && Number.isFinite(r.value)) {
    const dp = a.indexOf('.');
    if (dp < 0) precision = 0;
    else {
      const frac = a.slice(dp + 1);
      const fracLen = frac.search(/[eE]/) < 0 ? frac.length : frac.search(/[eE]/);
      precision = fracLen;
      width += fracLen === 0 ? -1 : dp === 0 || !/[0-9]/.test(a[dp - 1]!) ? 1 : 0;
    }
    const em = /[eE]/.exec(a);
    if (em) {
      const exp = parseInt(a.slice(em.index + 1), 10) || 0;
      if (exp < 0) precision += -exp;
    }
  }
  return { value: r.value, width, precision };
}

export const seq: Program = async (ctx) => {
  const argv = ctx.argv.slice(1);
  let format: string | null = null;
  let separator = '\n';
  let equalWidth = false;
  const operands: string[] = [];
  try {
    let i = 0;
    while (i < argv.length) {
      const a = argv[i]!;
      if (a.length >= 2 && a[0] === '-' && (a[1] === '.' || /[0-9]/.test(a[1]!))) break; // a negative number
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      i++;
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        const name = a.slice(2, eq < 0 ? undefined : eq);
        const names = ['equal-width', 'format', 'separator', 'help', 'version'];
        const hits = names.filter((n) => n.startsWith(name));
        const exact = names.find((n) => n === name);
        const opt = exact ?? (hits.length === 1 ? hits[0] : undefined);
        if (!opt) {
          complain(ctx, hits.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
          tryHelp(ctx);
          return 1;
        }
        let value: string | null = eq < 0 ? null : a.slice(eq + 1);
        if (opt === 'format' || opt === 'separator') {
          if (value === null) {
            if (i >= argv.length) {
              complain(ctx, `option '--${opt}' requires an argument`);
              tryHelp(ctx);
              return 1;
            }
            value = argv[i++]!;
          }
          if (opt === 'format') format = value;
          else separator = value;
        } else if (value !== null) {
          complain(ctx, `option '--${opt}' doesn't allow an argument`);
          tryHelp(ctx);
          return 1;
        } else if (opt === 'equal-width') equalWidth = true;
        else if (opt === 'help') {
          ctx.stdout.write(help(ctx) + ancillary(ctx));
          return 0;
        } else {
          ctx.stdout.write(coreutilsVersion(ctx, 'seq', ['Ulrich Drepper']));
          return 0;
        }
        continue;
      }
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (c === 'w') {
          equalWidth = true;
          continue;
        }
        if (c === 'f' || c === 's') {
          let value = a.slice(k + 1);
          if (value === '') {
            if (i >= argv.length) {
              complain(ctx, `option requires an argument -- '${c}'`);
              tryHelp(ctx);
              return 1;
            }
            value = argv[i++]!;
          }
          if (c === 'f') format = value;
          else separator = value;
          break;
        }
        complain(ctx, `invalid option -- '${c}'`);
        tryHelp(ctx);
        return 1;
      }
    }
    operands.push(...argv.slice(i));
    if (operands.length < 1) {
      complain(ctx, 'missing operand');
      tryHelp(ctx);
      return 1;
    }
    if (operands.length > 3) {
      complain(ctx, `extra operand ${q(operands[3]!)}`);
      tryHelp(ctx);
      return 1;
    }
    let layout: Layout | null = format !== null ? parseFormat(ctx, format) : null;
    let first: Operand = { value: 1, width: 1, precision: 0 };
    let step: Operand = { value: 1, width: 1, precision: 0 };
    let last = scanArg(ctx, operands[0]!);
    if (operands.length > 1) {
      first = last;
      last = scanArg(ctx, operands[1]!);
      if (operands.length > 2) {
        step = last;
        last = scanArg(ctx, operands[2]!);
      }
    }
    if (layout && equalWidth) {
      complain(ctx, 'format string may not be specified when printing equal width strings');
      tryHelp(ctx);
      return 1;
    }
    if (!layout) {
      const prec = Math.max(first.precision, step.precision);
      if (Number.isFinite(prec) && Number.isFinite(last.precision)) {
        if (equalWidth) {
          const firstWidth = first.width + (prec - first.precision);
          let lastWidth = last.width + (prec - last.precision);
          if (last.precision && prec === 0) lastWidth--;
          if (last.precision === 0 && prec) lastWidth++;
          const width = Math.max(firstWidth, lastWidth);
          layout = { prefix: '', conv: conversion('f', { zero: true, width, precision: prec }), suffix: '' };
        } else layout = { prefix: '', conv: conversion('f', { precision: prec }), suffix: '' };
      } else layout = { prefix: '', conv: conversion('g'), suffix: '' };
    }
    const fmt = (x: number): string => layout!.prefix + formatFloat(x, layout!.conv) + layout!.suffix;
    const out: string[] = [];
    const f0 = first.value;
    const st = step.value;
    const l = last.value;
    let outOfRange = st < 0 ? f0 < l : l < f0;
    let count = 0;
    let chars = 0;
    if (!outOfRange) {
      let x = f0;
      for (let n = 1; ; n++) {
        const x0 = x;
        const line = fmt(x);
        out.push(line);
        chars += line.length + separator.length;
        if (++count >= SEQ_LIMIT || chars > SEQ_CHARS) {
          ctx.stdout.write(out.join(separator) + '\n');
          complain(ctx, `stopped after ${count} numbers (the lab's limit)`);
          return 1;
        }
        x = f0 + n * st;
        outOfRange = st < 0 ? x < l : l < x;
        if (outOfRange) {
          // print one more if it rounds to LAST and differs from the previous line
          const xs = formatFloat(x, layout.conv);
          const back = strtod(xs);
          if (back.end === xs.length && back.value === l && fmt(x0) !== fmt(x)) {
            out.push(fmt(x));
          }
          break;
        }
      }
      ctx.stdout.write(out.join(separator) + '\n');
    }
    return 0;
  } catch (e) {
    if (e instanceof SeqExit) return e.status;
    throw e;
  }
};
