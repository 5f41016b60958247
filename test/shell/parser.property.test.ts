import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, Incomplete, ShellSyntaxError } from '../../src/engine/shell/parser';

const pieces = ['echo', 'a', 'b c', "'", '"', '`', '$', '$(', ')', '(', '{', '}', '${', '$((', '))', '|', '||', '&&', ';', '&', '<', '>', '>>', '2>&1', '<<', 'EOF', '\n', ' ', '\\', '#', '*', '?', '[', ']', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', ';;', 'while', '!', '~', 'x=1', '[[', ']]', 'function', 'f()'];

function onlyExpectedErrors(src: string, final: boolean): void {
  try {
    parse(src, { final });
  } catch (e) {
    if (!(e instanceof Incomplete) && !(e instanceof ShellSyntaxError)) throw e;
    if (final) expect(e).toBeInstanceOf(ShellSyntaxError);
  }
}

describe('shell parser on generated input', () => {
  it('never throws anything but a syntax error or a request for more input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.boolean(), (toks, final) => {
        onlyExpectedErrors(toks.join(''), final);
        onlyExpectedErrors(toks.join(' '), final);
      }),
      { numRuns: 3000 },
    );
  });

  it('survives random text, long lines and deep nesting', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (s, final) => onlyExpectedErrors(s, final)),
      { numRuns: 2000 },
    );
    onlyExpectedErrors('echo ' + 'x'.repeat(10_000), true);
    onlyExpectedErrors('$('.repeat(500) + ')'.repeat(500), true);
    onlyExpectedErrors('('.repeat(1000), true);
    onlyExpectedErrors('{ '.repeat(1000), true);
    onlyExpectedErrors('if true; then '.repeat(400) + 'fi; '.repeat(400), true);
    onlyExpectedErrors('"'.repeat(10_001), true);
  });
});
