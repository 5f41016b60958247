/**
 * expr from coreutils 8.4 (built with GMP, so integers have no size limit): the recursive
 * descent of expr.c over the arguments — `|`, `&`, comparisons, `+ -`, `* / %`, `:`, the
 * keywords match/substr/index/length and `+ TOKEN`, parentheses. `:` is an anchored POSIX
 * basic regular expression match. Exit status: 0 for a non-null, non-zero result, 1 for null
 * or 0, 2 for invalid expressions, 3 for other errors.
 */
import type { Program, ProgramContext } from '../../proc/program';
import { compileRegex, RegexError } from '../text/regex';
import { decodeBytes } from '../../util/printf';
import { HELP_OPTION, VERSION_OPTION, ancillary, complain, coreutilsVersion, prog, tryHelp } from './common';

type Value = { t: 'int'; i: bigint } | { t: 'str'; s: string };

class ExprExit {
  constructor(
    readonly status: number,
    readonly msg: string | null,
  ) {}
}

const intV = (i: bigint): Value => ({ t: 'int', i });
const strV = (s: string): Value => ({ t: 'str', s });

function toStr(v: Value): string {
  return v.t === 'int' ? v.i.toString() : v.s;
}

function looksLikeInteger(s: string): boolean {
  return /^-?[0-9]+$/.test(s);
}

function isNull(v: Value): boolean {
  if (v.t === 'int') return v.i === 0n;
  const s = v.s;
  if (s === '') return true;
  const rest = s.startsWith('-') ? s.slice(1) : s;
  return /^0+$/.test(rest);
}

function toArith(v: Value): bigint | null {
  if (v.t === 'int') return v.i;
  return looksLikeInteger(v.s) ? BigInt(v.s) : null;
}

/** UTF-8 bytes, one JS char per byte, so lengths and positions count bytes as expr does. */
function bytesOf(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromBytes(b: string): string {
  const arr: number[] = [];
  for (let i = 0; i < b.length; i++) arr.push(b.charCodeAt(i));
  return decodeBytes(arr);
}

class Expr {
  private pos = 0;

  constructor(
    private readonly args: string[],
    private readonly cLocale: boolean,
  ) {}

  private syntax(): never {
    throw new ExprExit(2, 'syntax error');
  }

  private nomore(): boolean {
    return this.pos >= this.args.length;
  }

  private nextarg(s: string): boolean {
    if (this.pos < this.args.length && this.args[this.pos] === s) {
      this.pos++;
      return true;
    }
    return false;
  }

  run(): Value {
    const v = this.eval(true);
    if (!this.nomore()) this.syntax();
    return v;
  }

  private docolon(sv: Value, pv: Value): Value {
    const s = toStr(sv);
    const p = toStr(pv);
    let re;
    try {
      re = compileRegex('^\\(' + p + '\\)', 'sed-bre', { dotNewline: true });
    } catch (e) {
      if (e instanceof RegexError) throw new ExprExit(2, e.message);
      throw e;
    }
    const nsub = re.ngroups - 1;
    const m = re.exec(s, 0);
    if (m) {
      if (nsub > 0) {
        const a = m.slots[4] ?? -1;
        const b = m.slots[5] ?? -1;
        return strV(a >= 0 ? s.slice(a, b) : '');
      }
      return intV(BigInt(bytesOf(s.slice(m.start, m.end)).length));
    }
    return nsub > 0 ? strV('') : intV(0n);
  }

  private eval7(evaluate: boolean): Value {
    if (this.nomore()) this.syntax();
    if (this.nextarg('(')) {
      const v = this.eval(evaluate);
      if (!this.nextarg(')')) this.syntax();
      return v;
    }
    if (this.nextarg(')')) this.syntax();
    return strV(this.args[this.pos++]!);
  }

  private eval6(evaluate: boolean): Value {
    if (this.nextarg('+')) {
      if (this.nomore()) this.syntax();
      return strV(this.args[this.pos++]!);
    }
    if (this.nextarg('length')) {
      const r = this.eval6(evaluate);
      return intV(BigInt(bytesOf(toStr(r)).length));
    }
    if (this.nextarg('match')) {
      const l = this.eval6(evaluate);
      const r = this.eval6(evaluate);
      return evaluate ? this.docolon(l, r) : l;
    }
    if (this.nextarg('index')) {
      const l = bytesOf(toStr(this.eval6(evaluate)));
      const r = bytesOf(toStr(this.eval6(evaluate)));
      let i = 0;
      while (i < l.length && !r.includes(l[i]!)) i++;
      return intV(i < l.length ? BigInt(i + 1) : 0n);
    }
    if (this.nextarg('substr')) {
      const l = bytesOf(toStr(this.eval6(evaluate)));
      const i1 = toArith(this.eval6(evaluate));
      const i2 = toArith(this.eval6(evaluate));
      if (i1 === null || i2 === null) return strV('');
      const size = (x: bigint): bigint => (x < 0n ? -1n : x);
      const pos = size(i1);
      const len = size(i2);
      const llen = BigInt(l.length);
      if (pos < 0n || llen < pos || pos === 0n || len <= 0n) return strV('');
      const vlen = len < llen - pos + 1n ? len : llen - pos + 1n;
      return strV(fromBytes(l.slice(Number(pos) - 1, Number(pos - 1n + vlen))));
    }
    return this.eval7(evaluate);
  }

  private eval5(evaluate: boolean): Value {
    let l = this.eval6(evaluate);
    while (this.nextarg(':')) {
      const r = this.eval6(evaluate);
      if (evaluate) l = this.docolon(l, r);
    }
    return l;
  }

  private eval4(evaluate: boolean): Value {
    let l = this.eval5(evaluate);
    for (;;) {
      let op: string;
      if (this.nextarg('*')) op = '*';
      else if (this.nextarg('/')) op = '/';
      else if (this.nextarg('%')) op = '%';
      else return l;
      const r = this.eval5(evaluate);
      if (evaluate) {
        const a = toArith(l);
        const b = toArith(r);
        if (a === null || b === null) throw new ExprExit(2, 'non-numeric argument');
        if (op !== '*' && b === 0n) throw new ExprExit(2, 'division by zero');
        l = intV(op === '*' ? a * b : op === '/' ? a / b : a % b);
      }
    }
  }

  private eval3(evaluate: boolean): Value {
    let l = this.eval4(evaluate);
    for (;;) {
      let op: string;
      if (this.nextarg('+')) op = '+';
      else if (this.nextarg('-')) op = '-';
      else return l;
      const r = this.eval4(evaluate);
      if (evaluate) {
        const a = toArith(l);
        const b = toArith(r);
        if (a === null || b === null) throw new ExprExit(2, 'non-numeric argument');
        l = intV(op === '+' ? a + b : a - b);
      }
    }
  }

  private eval2(evaluate: boolean): Value {
    let l = this.eval3(evaluate);
    for (;;) {
      let op: string;
      if (this.nextarg('<')) op = '<';
      else if (this.nextarg('<=')) op = '<=';
      else if (this.nextarg('=') || this.nextarg('==')) op = '=';
      else if (this.nextarg('!=')) op = '!=';
      else if (this.nextarg('>=')) op = '>=';
      else if (this.nextarg('>')) op = '>';
      else return l;
      const r = this.eval3(evaluate);
      let val = false;
      if (evaluate) {
        const ls = toStr(l);
        const rs = toStr(r);
        let cmp: number;
        if (looksLikeInteger(ls) && looksLikeInteger(rs)) {
          const a = BigInt(ls);
          const b = BigInt(rs);
          cmp = a < b ? -1 : a > b ? 1 : 0;
        } else if (this.cLocale) cmp = ls < rs ? -1 : ls > rs ? 1 : 0;
        else {
          const c = ls.localeCompare(rs, 'en');
          cmp = c !== 0 ? c : ls < rs ? -1 : ls > rs ? 1 : 0;
        }
        switch (op) {
          case '<':
            val = cmp < 0;
            break;
          case '<=':
            val = cmp <= 0;
            break;
          case '=':
            val = cmp === 0;
            break;
          case '!=':
            val = cmp !== 0;
            break;
          case '>=':
            val = cmp >= 0;
            break;
          default:
            val = cmp > 0;
        }
      }
      l = intV(val ? 1n : 0n);
    }
  }

  private eval1(evaluate: boolean): Value {
    let l = this.eval2(evaluate);
    while (this.nextarg('&')) {
      const r = this.eval2(evaluate && !isNull(l));
      if (isNull(l) || isNull(r)) l = intV(0n);
    }
    return l;
  }

  private eval(evaluate: boolean): Value {
    let l = this.eval1(evaluate);
    while (this.nextarg('|')) {
      const r = this.eval1(evaluate && isNull(l));
      if (isNull(l)) {
        l = r;
        if (isNull(l)) l = intV(0n);
      }
    }
    return l;
  }
}

function help(ctx: ProgramContext): string {
  const n = prog(ctx);
  return (
    `Usage: ${n} EXPRESSION\n  or:  ${n} OPTION\n\n` +
    HELP_OPTION +
    VERSION_OPTION +
    '\nPrint the value of EXPRESSION to standard output.  A blank line below\n' +
    'separates increasing precedence groups.  EXPRESSION may be:\n\n' +
    '  ARG1 | ARG2       ARG1 if it is neither null nor 0, otherwise ARG2\n\n' +
    '  ARG1 & ARG2       ARG1 if neither argument is null or 0, otherwise 0\n\n' +
    '  ARG1 < ARG2       ARG1 is less than ARG2\n' +
    '  ARG1 <= ARG2      ARG1 is less than or equal to ARG2\n' +
    '  ARG1 = ARG2       ARG1 is equal to ARG2\n' +
    '  ARG1 != ARG2      ARG1 is unequal to ARG2\n' +
    '  ARG1 >= ARG2      ARG1 is greater than or equal to ARG2\n' +
    '  ARG1 > ARG2       ARG1 is greater than ARG2\n\n' +
    '  ARG1 + ARG2       arithmetic sum of ARG1 and ARG2\n' +
    '  ARG1 - ARG2       arithmetic difference of ARG1 and ARG2\n\n' +
    '  ARG1 * ARG2       arithmetic product of ARG1 and ARG2\n' +
    '  ARG1 / ARG2       arithmetic quotient of ARG1 divided by ARG2\n' +
    '  ARG1 % ARG2       arithmetic remainder of ARG1 divided by ARG2\n\n' +
    '  STRING : REGEXP   anchored pattern match of REGEXP in STRING\n\n' +
    '  match STRING REGEXP        same as STRING : REGEXP\n' +
    '  substr STRING POS LENGTH   substring of STRING, POS counted from 1\n' +
    '  index STRING CHARS         index in STRING where any CHARS is found, or 0\n' +
    '  length STRING              length of STRING\n' +
    '  + TOKEN                    interpret TOKEN as a string, even if it is a\n' +
    "                               keyword like `match' or an operator like `/'\n\n" +
    '  ( EXPRESSION )             value of EXPRESSION\n\n' +
    'Beware that many operators need to be escaped or quoted for shells.\n' +
    'Comparisons are arithmetic if both ARGs are numbers, else lexicographical.\n' +
    'Pattern matches return the string matched between \\( and \\) or null; if\n' +
    '\\( and \\) are not used, they return the number of characters matched or 0.\n\n' +
    'Exit status is 0 if EXPRESSION is neither null nor 0, 1 if EXPRESSION is null\n' +
    'or 0, 2 if EXPRESSION is syntactically invalid, and 3 if an error occurred.\n'
  );
}

export const expr: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args.length === 1 && args[0]!.startsWith('--') && args[0]!.length > 2) {
    const o = args[0]!;
    if ('--help'.startsWith(o)) {
      ctx.stdout.write(help(ctx) + ancillary(ctx));
      return 0;
    }
    if ('--version'.startsWith(o)) {
      ctx.stdout.write(coreutilsVersion(ctx, 'expr', ['Mike Parker', 'James Youngman', 'Paul Eggert']));
      return 0;
    }
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    complain(ctx, 'missing operand');
    tryHelp(ctx);
    return 2;
  }
  const locale = ctx.env.LC_ALL || ctx.env.LC_COLLATE || ctx.env.LANG || 'C';
  const cLocale = locale === 'C' || locale === 'POSIX';
  try {
    const v = new Expr(args, cLocale).run();
    ctx.stdout.write(toStr(v) + '\n');
    return isNull(v) ? 1 : 0;
  } catch (e) {
    if (e instanceof ExprExit) {
      if (e.msg !== null) complain(ctx, e.msg);
      return e.status;
    }
    if (e instanceof RangeError) {
      complain(ctx, 'memory exhausted');
      return 3;
    }
    throw e;
  }
};
