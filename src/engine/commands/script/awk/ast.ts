/**
 * The awk syntax tree. Expressions and statements are plain objects discriminated by `k`.
 * Every node the parser creates gets `async: false`; a pass after parsing sets it on nodes that
 * may have to wait (getline, pipes, system(), close(), user functions that do any of these),
 * so the interpreter can run everything else synchronously.
 */

/** A run-time location: which program source and which line (gawk's sourceline) in it. */
export function loc(src: number, line: number): number {
  return src * 1048576 + line;
}
export function locSrc(l: number): number {
  return Math.floor(l / 1048576);
}
export function locLine(l: number): number {
  return l % 1048576;
}

/** Where a variable lives: a global cell or slot `index` of the current function's frame. */
export type VarRef = { scope: 'global'; name: string; cell?: unknown } | { scope: 'local'; index: number; name: string };

interface Base {
  async: boolean;
}

export type Expr =
  | (Base & { k: 'num'; v: number })
  | (Base & { k: 'str'; v: string })
  | (Base & { k: 'regex'; src: string })
  | (Base & { k: 'var'; ref: VarRef })
  | (Base & { k: 'field'; e: Expr })
  | (Base & { k: 'index'; ref: VarRef; subs: Expr[] })
  | (Base & { k: 'assign'; op: string; target: LValue; e: Expr })
  | (Base & { k: 'cond'; c: Expr; a: Expr; b: Expr })
  | (Base & { k: 'and'; a: Expr; b: Expr })
  | (Base & { k: 'or'; a: Expr; b: Expr })
  | (Base & { k: 'in'; subs: Expr[]; ref: VarRef })
  | (Base & { k: 'match'; neg: boolean; a: Expr; re: Expr })
  | (Base & { k: 'cmp'; op: string; a: Expr; b: Expr })
  | (Base & { k: 'concat'; a: Expr; b: Expr })
  | (Base & { k: 'bin'; op: string; a: Expr; b: Expr })
  | (Base & { k: 'unary'; op: string; e: Expr })
  | (Base & { k: 'incdec'; prefix: boolean; op: '++' | '--'; target: LValue })
  | (Base & { k: 'call'; name: string; args: Expr[]; line: number })
  | (Base & { k: 'builtin'; name: string; args: Expr[]; line: number })
  | (Base & { k: 'getline'; from: 'main' | 'file' | 'cmd'; target: LValue | null; src: Expr | null })
  /** A parenthesized list `(a, b)`, only valid before `in` or as a print list. */
  | (Base & { k: 'group'; list: Expr[] });

export type LValue = Extract<Expr, { k: 'var' } | { k: 'field' } | { k: 'index' }>;

export interface Redirect {
  kind: '>' | '>>' | '|' | '|&';
  e: Expr;
}

export type Stmt =
  | (Base & { k: 'expr'; e: Expr; line: number })
  | (Base & { k: 'print'; args: Expr[]; redir: Redirect | null; line: number })
  | (Base & { k: 'printf'; args: Expr[]; redir: Redirect | null; line: number })
  | (Base & { k: 'if'; c: Expr; then: Stmt; else: Stmt | null; line: number })
  | (Base & { k: 'while'; c: Expr; body: Stmt; line: number })
  | (Base & { k: 'do'; body: Stmt; c: Expr; line: number })
  | (Base & { k: 'for'; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt; line: number })
  | (Base & { k: 'forin'; v: VarRef; arr: VarRef; body: Stmt; line: number })
  | (Base & { k: 'block'; body: Stmt[]; line: number })
  | (Base & { k: 'next'; line: number })
  | (Base & { k: 'nextfile'; line: number })
  | (Base & { k: 'exit'; e: Expr | null; line: number })
  | (Base & { k: 'return'; e: Expr | null; line: number })
  | (Base & { k: 'break'; line: number })
  | (Base & { k: 'continue'; line: number })
  | (Base & { k: 'delete'; ref: VarRef; subs: Expr[] | null; line: number })
  | (Base & { k: 'getline'; e: Expr; line: number });

export type Pattern =
  | { k: 'begin' }
  | { k: 'end' }
  | { k: 'all' }
  | { k: 'expr'; e: Expr }
  | { k: 'range'; from: Expr; to: Expr; id: number };

export interface Rule {
  pattern: Pattern;
  /** null: the default action `{ print }`. */
  action: Stmt | null;
  line: number;
}

export interface FuncDef {
  name: string;
  params: string[];
  body: Stmt;
  async: boolean;
  line: number;
}

export interface Program {
  begin: Rule[];
  main: Rule[];
  end: Rule[];
  funcs: Map<string, FuncDef>;
  /** Names of every global variable the program mentions. */
  globals: Set<string>;
  /** Globals the program uses as arrays (statically). */
  arrays: Set<string>;
  ranges: number;
  /** Whether any rule or function reads the main input with a plain getline. */
  usesGetline: boolean;
}
