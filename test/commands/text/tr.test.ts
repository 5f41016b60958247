import { describe, expect, it } from 'vitest';
import { run } from './text-harness';

describe('tr', () => {
  it('translates ranges and classes', async () => {
    expect(await run('tr', ['a-z', 'A-Z'], { stdin: 'hello, world\n' })).toMatchObject({ stdout: 'HELLO, WORLD\n', stderr: '', status: 0 });
    expect((await run('tr', ['[:lower:]', '[:upper:]'], { stdin: 'abc\n' })).stdout).toBe('ABC\n');
    expect((await run('tr', ['[:upper:]', '[:lower:]'], { stdin: 'ABC\n' })).stdout).toBe('abc\n');
    expect((await run('tr', ['abc', 'x'], { stdin: 'aabbcc\n' })).stdout).toBe('xxxxxx\n');
    expect((await run('tr', ['-t', 'abc', 'x'], { stdin: 'abc\n' })).stdout).toBe('xbc\n');
    expect((await run('tr', ['a-c', '[x*]'], { stdin: 'abcd\n' })).stdout).toBe('xxxd\n');
  });

  it('leaves bytes of accented letters alone', async () => {
    expect((await run('tr', ['a-z', 'A-Z'], { stdin: 'été\n' })).stdout).toBe('éTé\n');
  });

  it('deletes with -d, squeezes with -s, complements with -c', async () => {
    expect((await run('tr', ['-d', '\\r'], { stdin: 'dos\r\nline\r\n' })).stdout).toBe('dos\nline\n');
    expect((await run('tr', ['-s', ' '], { stdin: 'a   b  c\n' })).stdout).toBe('a b c\n');
    expect((await run('tr', ['-cd', '[:alnum:]\\n'], { stdin: 'a-b_c!\n' })).stdout).toBe('abc\n');
    expect((await run('tr', ['-cs', '[:alpha:]', '\\n'], { stdin: 'one, two  three\n' })).stdout).toBe('one\ntwo\nthree\n');
    expect((await run('tr', ['-ds', 'a', 'b'], { stdin: 'abbbac\n' })).stdout).toBe('bc\n');
    expect((await run('tr', ['-s', 'a-z', 'A-Z'], { stdin: 'aabbcc\n' })).stdout).toBe('ABC\n');
  });

  it('understands escapes and octal', async () => {
    expect((await run('tr', [':', '\\n'], { stdin: 'a:b\n' })).stdout).toBe('a\nb\n');
    expect((await run('tr', ['\\101', 'b'], { stdin: 'A\n' })).stdout).toBe('b\n');
    expect((await run('tr', ['\\t', '\\\\'], { stdin: 'a\tb\n' })).stdout).toBe('a\\b\n');
  });

  it('gives the operand errors with the Try line', async () => {
    const tryLine = "Try `tr --help' for more information.\n";
    expect(await run('tr', [])).toMatchObject({ stderr: 'tr: missing operand\n' + tryLine, status: 1 });
    expect((await run('tr', ['a'])).stderr).toBe("tr: missing operand after `a'\nTwo strings must be given when translating.\n" + tryLine);
    expect((await run('tr', ['-ds', 'a'])).stderr).toBe("tr: missing operand after `a'\nTwo strings must be given when both deleting and squeezing repeats.\n" + tryLine);
    expect((await run('tr', ['-d', 'a', 'b'])).stderr).toBe("tr: extra operand `b'\nOnly one string may be given when deleting without squeezing repeats.\n" + tryLine);
    expect((await run('tr', ['a', 'b', 'c'])).stderr).toBe("tr: extra operand `c'\n" + tryLine);
  });

  it('rejects bad sets', async () => {
    expect(await run('tr', ['z-a', 'x'])).toMatchObject({ stderr: "tr: range-endpoints of `z-a' are in reverse collating sequence order\n", status: 1 });
    expect((await run('tr', ['[:foo:]', 'x'])).stderr).toBe("tr: invalid character class `foo'\n");
    expect((await run('tr', ['abc', ''])).stderr).toBe('tr: when not truncating set1, string2 must be non-empty\n');
    expect((await run('tr', ['a-z', '[:digit:]'])).stderr).toBe("tr: when translating, the only character classes that may appear in\nstring2 are `upper' and `lower'\n");
    expect((await run('tr', ['[a*]', 'x'])).stderr).toBe('tr: the [c*] repeat construct may not appear in string1\n');
    expect((await run('tr', ['a', '[b*x]'])).stderr).toBe("tr: invalid repeat count `x' in [c*n] construct\n");
    expect((await run('tr', ['a-z', '[:upper:]'])).stderr).toBe('tr: misaligned [:upper:] and/or [:lower:] construct\n');
    expect((await run('tr', ['-x'])).stderr).toBe("tr: invalid option -- 'x'\n" + "Try `tr --help' for more information.\n");
  });

  it('warns about a backslash at the end', async () => {
    const r = await run('tr', ['-d', 'a\\'], { stdin: 'a\\b\n' });
    expect(r).toMatchObject({ stdout: 'b\n', stderr: 'tr: warning: an unescaped backslash at end of string is not portable\n', status: 0 });
  });

  it('stops at the first operand: a later -d is a set', async () => {
    expect((await run('tr', ['a', '-d'], { stdin: 'abc\n' })).stdout).toBe('-bc\n');
  });
});
