/**
 * Shell arithmetic ($((...)), ((...)), let): C integer expressions over shell variables, with
 * bash's error texts such as `1/0: division by 0 (error token is "0")`.
 */
export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithError';
  }
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number; s: string } | { t: 'id'; s: string } | { t: 'op'; s: string } | { t: 'end'; s: string };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', ',', '(', ')'];
const MAX_DEPTH = 100;

export function evalArith(expr: string, vars: ArithVars, depth = 0): number {
  if (depth > MAX_DEPTH) throw new ArithError(`${expr.trim()}: expression recursion level exceeded (error token is "${expr.trim()}")`);
  const src = expr;
  if (src.trim() === '') return 0;
  const toks = tokenize(src);
  let i = 0;
  let level = 0;
  const peek = (): Tok => toks[i]!;
  const fail = (msg: string, tok: Tok = peek()): never => {
    const rest = tokenText(toks, toks.indexOf(tok), src);
    throw new ArithError(`${src.trim()}: ${msg} (error token is "${rest}")`);
  };
  const num = (v: number): number => {
    // 64-bit wrap is not modelled; keep integers finite.
    if (!Number.isFinite(v)) return 0;
    return Math.trunc(v);
  };
  const varValue = (name: string): number => {
    const raw = vars.get(name);
    if (raw === undefined || raw.trim() === '') return 0;
    if (/^\s*-?\d+\s*$/.test(raw)) return num(Number(raw));
    return evalArith(raw, vars, depth + 1);
  };

  const assignOps = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

  function comma(): number {
    let v = assign();
    while (peek().t === 'op' && peek().s === ',') {
      i++;
      v = assign();
    }
    return v;
  }

  function assign(): number {
    const t = peek();
    const n = toks[i + 1];
    if (t.t === 'id' && n && n.t === 'op' && assignOps.has(n.s)) {
      i += 2;
      const rhs = assign();
      const cur = n.s === '=' ? 0 : varValue(t.s);
      const v = binary(n.s === '=' ? '=' : n.s.slice(0, -1), cur, rhs, n);
      vars.set(t.s, String(v));
      return v;
    }
    if (n && n.t === 'op' && assignOps.has(n.s) && t.t !== 'op') {
      i++;
      fail('attempted assignment to non-variable', t);
    }
    return ternary();
  }

  function ternary(): number {
    const c = binop(0);
    if (peek().t === 'op' && peek().s === '?') {
      i++;
      const a = assign();
      if (!(peek().t === 'op' && peek().s === ':')) fail("`:' expected for conditional expression");
      i++;
      const b = assign();
      return c ? a : b;
    }
    return c;
  }

  const PREC: Array<string[]> = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  function binop(p: number): number {
    if (p >= PREC.length) return power();
    let left = binop(p + 1);
    for (;;) {
      const t = peek();
      if (t.t === 'op' && PREC[p]!.includes(t.s)) {
        i++;
        const right = binop(p + 1);
        left = binary(t.s, left, right, t);
      } else return left;
    }
  }

  function power(): number {
    const base = unary();
    if (peek().t === 'op' && peek().s === '**') {
      const t = peek();
      i++;
      const exp = power();
      if (exp < 0) fail('exponent less than 0', t);
      return num(base ** exp);
    }
    return base;
  }

  function unary(): number {
    if (++level > MAX_DEPTH) fail('expression recursion level exceeded');
    try {
      const t = peek();
      if (t.t === 'op') {
        switch (t.s) {
          case '+': i++; return unary();
          case '-': i++; return num(-unary());
          case '!': i++; return unary() ? 0 : 1;
          case '~': i++; return ~unary();
          case '++':
          case '--': {
            i++;
            const id = peek();
            if (id.t !== 'id') fail('syntax error: operand expected', id);
            i++;
            const v = varValue(id.s) + (t.s === '++' ? 1 : -1);
            vars.set(id.s, String(v));
            return v;
          }
          case '(': {
            i++;
            const v = comma();
            if (!(peek().t === 'op' && peek().s === ')')) fail("missing `)'");
            i++;
            return v;
          }
        }
        return fail('syntax error: operand expected', t);
      }
      if (t.t === 'num') {
        i++;
        return t.v;
      }
      if (t.t === 'id') {
        i++;
        const n = peek();
        if (n.t === 'op' && (n.s === '++' || n.s === '--')) {
          i++;
          const v = varValue(t.s);
          vars.set(t.s, String(v + (n.s === '++' ? 1 : -1)));
          return v;
        }
        return varValue(t.s);
      }
      return fail('syntax error: operand expected', t);
    } finally {
      level--;
    }
  }

  function binary(op: string, a: number, b: number, tok: Tok): number {
    switch (op) {
      case '=': return b;
      case '+': return num(a + b);
      case '-': return num(a - b);
      case '*': return num(a * b);
      case '/':
      case '%':
        if (b === 0) {
          const idx = toks.indexOf(tok);
          const rest = tokenText(toks, idx + 1, src);
          throw new ArithError(`${src.trim()}: division by 0 (error token is "${rest}")`);
        }
        return op === '/' ? num(a / b) : num(a % b);
      case '<<': return num(a * 2 ** (b & 63));
      case '>>': return Math.floor(a / 2 ** (b & 63));
      case '<': return a < b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
      case '&&': return a && b ? 1 : 0;
      case '||': return a || b ? 1 : 0;
    }
    return 0;
  }

  const v = comma();
  if (peek().t !== 'end') fail('syntax error in expression');
  return v;
}

function tokenText(toks: Tok[], idx: number, src: string): string {
  if (idx < 0 || idx >= toks.length) return '';
  return toks.slice(idx).map((t) => t.s).join(' ').trim() || src.trim();
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(src.slice(i))!;
      let text = m[0];
      // A number running into letters (12abc) is bash's "value too great for base".
      const tail = /^[A-Za-z_0-9]+/.exec(src.slice(i + text.length));
      if (tail) text += tail[0];
      toks.push({ t: 'num', v: parseNumber(text, src), s: text });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ t: 'id', s: m[0] });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) {
      const rest = src.slice(i).trim();
      throw new ArithError(`${src.trim()}: syntax error: invalid arithmetic operator (error token is "${rest}")`);
    }
    toks.push({ t: 'op', s: op });
    i += op.length;
  }
  toks.push({ t: 'end', s: '' });
  return toks;
}

function parseNumber(text: string, src: string): number {
  const bad = (): never => {
    throw new ArithError(`${src.trim()}: value too great for base (error token is "${text}")`);
  };
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text, 16);
  const hash = /^([0-9]+)#(.+)$/.exec(text);
  if (hash) {
    const base = Number(hash[1]);
    if (base < 2 || base > 64) bad();
    let v = 0;
    for (const ch of hash[2]!) {
      const d = digitValue(ch, base);
      if (d < 0 || d >= base) bad();
      v = v * base + d;
    }
    return v;
  }
  if (/^0[0-7]+$/.test(text)) return parseInt(text, 8);
  if (/^0[0-9]+$/.test(text)) bad();
  if (!/^[0-9]+$/.test(text)) bad();
  return Number(text);
}

function digitValue(ch: string, base: number): number {
  if (/[0-9]/.test(ch)) return ch.charCodeAt(0) - 48;
  if (/[a-z]/.test(ch)) return ch.charCodeAt(0) - 97 + 10;
  if (/[A-Z]/.test(ch)) return base <= 36 ? ch.charCodeAt(0) - 65 + 10 : ch.charCodeAt(0) - 65 + 36;
  if (ch === '@') return 62;
  if (ch === '_') return 63;
  return -1;
}
