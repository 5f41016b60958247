import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { shellPrintf, formatFloat, formatInteger, conversion } from '../../../src/engine/util/printf';
import { evalTest } from '../../../src/engine/util/testexpr';

describe('shellPrintf, bash 4.1 dialect', () => {
  const p = (fmt: string, ...args: string[]) => {
    const r = shellPrintf(fmt, args, 'bash');
    return { out: r.out, errors: r.errors, status: r.status };
  };

  it('reports invalid numbers bash-style and keeps the partial value for %d', () => {
    expect(p('%d|%d\n', 'abc', '12abc')).toEqual({ out: '0|12\n', errors: ['abc: invalid number', '12abc: invalid number'], status: 1 });
  });

  it('zeroes a bad %u or %f argument', () => {
    expect(p('%u %.1f\n', '7x', '2.5y')).toEqual({ out: '0 0.0\n', errors: ['7x: invalid number', '2.5y: invalid number'], status: 1 });
  });

  it('quotes with %q', () => {
    expect(p('%q %q %q %q\n', 'a b', "it's", '', 'tab\there')).toEqual({ out: "a\\ b it\\'s '' $'tab\\there'\n", errors: [], status: 0 });
  });

  it('stops at \\c inside %b only', () => {
    expect(p('[%b]\\c[%s]\n', 'x\\cy', 'z')).toEqual({ out: '[x', errors: [], status: 0 });
    expect(p('a\\cb\n')).toEqual({ out: 'a\\cb\n', errors: [], status: 0 });
  });

  it('reuses the format and pads missing arguments', () => {
    expect(p('%s-%s\n', 'a', 'b', 'c')).toEqual({ out: 'a-b\nc-\n', errors: [], status: 0 });
  });

  it('rejects unknown conversions and a missing conversion character', () => {
    expect(p('%y\n', '1')).toEqual({ out: '', errors: ["`y': invalid format character"], status: 1 });
    expect(p('ab%5')).toEqual({ out: 'ab', errors: ["`%5': missing format character"], status: 1 });
  });

  it('passes the field width where a lone * precision belongs, as bash 4.1 does', () => {
    expect(p('%.*s|%*.*s|\n', '2', 'abcdef', '4', '2', 'abcdef')).toEqual({ out: '|  ab|\n', errors: [], status: 0 });
  });

  it('knows \\E and \\\' in the format', () => {
    expect(p("\\E[0m\\'\\?\n")).toEqual({ out: "\x1b[0m'?\n", errors: [], status: 0 });
  });
});

describe('number formatting', () => {
  it('rounds halves to even on the exact binary value, as glibc does', () => {
    expect(formatFloat(0.125, conversion('f', { precision: 2 }))).toBe('0.12');
    expect(formatFloat(2.5, conversion('f', { precision: 0 }))).toBe('2');
    expect(formatFloat(3.5, conversion('f', { precision: 0 }))).toBe('4');
    expect(formatFloat(0.05, conversion('f', { precision: 1 }))).toBe('0.1');
    expect(formatFloat(9.96, conversion('e', { precision: 1, width: 8 }))).toBe(' 1.0e+01');
  });

  it('formats %g, %a and big integers', () => {
    expect(formatFloat(100000, conversion('g'))).toBe('100000');
    expect(formatFloat(1000000, conversion('g'))).toBe('1e+06');
    expect(formatFloat(0.0001, conversion('G', { alt: true }))).toBe('0.000100000');
    expect(formatFloat(3.14159, conversion('a', { precision: 2 }))).toBe('0x1.92p+1');
    expect(formatInteger(-12345678901234567890n, conversion('d', { width: 25, zero: true }))).toBe('-000012345678901234567890');
    expect(formatInteger(-1n, conversion('x', { alt: true }))).toBe('0xffffffffffffffff');
  });
});

describe('evalTest, bash 4.1 dialect', () => {
  let lab: Lab;
  const env = () => {
    lab ??= Lab.create();
    return { fs: lab.host('rhel1').rootFs('/') };
  };
  const t = (args: string[], bracket = false) => evalTest(args, env(), 'bash', bracket);

  it('evaluates the POSIX argument-count cases', () => {
    expect(t([])).toEqual({ status: 1 });
    expect(t(['-z'])).toEqual({ status: 0 });
    expect(t(['!', ''])).toEqual({ status: 0 });
    expect(t(['!', 'a', '=', 'b'])).toEqual({ status: 0 });
    expect(t(['(', 'x', ')'])).toEqual({ status: 0 });
    expect(t(['a', '<', 'b'])).toEqual({ status: 0 });
    expect(t(['b', '>', 'a'])).toEqual({ status: 0 });
    expect(t(['a', '==', 'a'])).toEqual({ status: 0 });
  });

  it('gives bash wording for errors', () => {
    expect(t(['1', '-eq', 'x'])).toEqual({ status: 2, error: 'x: integer expression expected' });
    expect(t(['a', 'b', 'c'])).toEqual({ status: 2, error: 'b: binary operator expected' });
    expect(t(['a', 'b', 'c', 'd', 'e'])).toEqual({ status: 2, error: 'too many arguments' });
    expect(t(['-q', 'x'])).toEqual({ status: 2, error: '-q: unary operator expected' });
    expect(t(['(', 'a', '-a'])).toEqual({ status: 2, error: 'a: binary operator expected' });
    expect(t(['(', 'a', '-a', 'b', '-a'])).toEqual({ status: 2, error: 'argument expected' });
    expect(t(['x'], true)).toEqual({ status: 2, error: "missing `]'" });
    expect(t([']'], true)).toEqual({ status: 1 });
  });

  it('tests files', () => {
    expect(t(['-d', '/etc'])).toEqual({ status: 0 });
    expect(t(['-f', '/etc/passwd', '-a', '-r', '/etc/passwd'])).toEqual({ status: 0 });
    expect(t(['/etc/passwd', '-nt', '/nope'])).toEqual({ status: 0 });
    expect(t(['/nope', '-ot', '/etc/passwd'])).toEqual({ status: 0 });
  });
});
