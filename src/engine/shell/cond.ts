import type { Word } from './ast';
import { expandPattern, expandString, type ExpandEnv } from './expand';
import { matchPattern } from './glob';
import { evalTest } from '../util/testexpr';
import type { FsView } from '../fs/fsview';
import { compileRegex, RegexError } from '../commands/text/regex';

/**
 * The [[ ... ]] compound command: &&, ||, !, ( ), the test(1) primaries, == and != against a
 * glob pattern, =~ against an extended regex (quoted parts literal), arithmetic comparisons.
 * No word splitting or globbing happens inside. Returns 0, 1, or 2 with a message.
 */
export interface CondContext {
  env: ExpandEnv;
  fs: FsView;
  arith(expr: string): number;
}

export class CondError extends Error {}

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o']);
const ARITH = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const FILE_BIN = new Set(['-nt', '-ot', '-ef']);

export async function evalCond(words: Word[], cx: CondContext): Promise<number> {
  let i = 0;
  const peek = (): string | undefined => words[i]?.text;
  const str = async (w: Word): Promise<string> => expandString(w, cx.env);

  async function or(): Promise<boolean> {
    let v = await and();
    while (peek() === '||') {
      i++;
      const r = await and();
      v = v || r;
    }
    return v;
  }
  async function and(): Promise<boolean> {
    let v = await not();
    while (peek() === '&&') {
      i++;
      const r = await not();
      v = v && r;
    }
    return v;
  }
  async function not(): Promise<boolean> {
    if (peek() === '!') {
      i++;
      return !(await not());
    }
    return primary();
  }
  async function primary(): Promise<boolean> {
    const w = words[i];
    if (!w) throw new CondError('unexpected argument to conditional unary operator');
    if (w.text === '(') {
      i++;
      const v = await or();
      if (peek() !== ')') throw new CondError("syntax error in conditional expression: unexpected token `)'");
      i++;
      return v;
    }
    const next = words[i + 1];
    const op = next?.text;
    if (next && op !== undefined && (['==', '=', '!=', '=~', '<', '>'].includes(op) || ARITH.has(op) || FILE_BIN.has(op)) && words[i + 2]) {
      const lhs = await str(w);
      const rhsWord = words[i + 2]!;
      i += 3;
      if (op === '==' || op === '=' || op === '!=') {
        const m = matchPattern(await expandPattern(rhsWord.parts, cx.env), lhs);
        return op === '!=' ? !m : m;
      }
      if (op === '=~') return regexMatch(lhs, rhsWord);
      if (op === '<' || op === '>') {
        const rhs = await str(rhsWord);
        return op === '<' ? lhs < rhs : lhs > rhs;
      }
      if (ARITH.has(op)) {
        const a = cx.arith(lhs);
        const b = cx.arith(await str(rhsWord));
        return op === '-eq' ? a === b : op === '-ne' ? a !== b : op === '-lt' ? a < b : op === '-le' ? a <= b : op === '-gt' ? a > b : a >= b;
      }
      return test([lhs, op, await str(rhsWord)]);
    }
    if (UNARY.has(w.text) && next && next.text !== '&&' && next.text !== '||' && next.text !== ')') {
      i += 2;
      return test([w.text, await str(next)]);
    }
    i++;
    return (await str(w)) !== '';
  }
  function test(args: string[]): boolean {
    const r = evalTest(args, { fs: cx.fs }, 'bash');
    if (r.status === 2) throw new CondError(r.error ?? 'conditional binary operator expected');
    return r.status === 0;
  }
  async function regexMatch(lhs: string, w: Word): Promise<boolean> {
    let re = '';
    for (const p of w.parts) {
      if (p.k === 'lit') re += p.s;
      else if (p.k === 'sq') re += escapeEre(p.s);
      else if (p.k === 'dq') re += escapeEre(await expandString(p.parts, cx.env));
      else re += await expandString([p], cx.env);
    }
    try {
      return compileRegex(re, 'grep-ere').test(lhs);
    } catch (e) {
      if (e instanceof RegexError) throw new RegexStatus();
      throw e;
    }
  }

  try {
    const v = await or();
    if (i < words.length) throw new CondError(`syntax error in conditional expression: unexpected token \`${words[i]!.text}'`);
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof RegexStatus) return 2;
    throw e;
  }
}

/** An invalid regex in =~ makes [[ ]] return 2 without a message. */
class RegexStatus extends Error {}

function escapeEre(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
