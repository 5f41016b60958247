import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runProgram } from '../../harness/run';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { scriptPrograms } from '../../../src/engine/commands/script/index';
import { limits } from '../../../src/engine/commands/script/awk/interp';
import { shellPrintf } from '../../../src/engine/util/printf';
import { evalTest } from '../../../src/engine/util/testexpr';

// Whatever the program text, awk must answer with a status and never throw or hang:
// runProgram fails the test when a program throws (an engine fault) or is still running.

const TOKENS = [
  'BEGIN', 'END', '{', '}', '(', ')', '[', ']', ';', '\n', ',', 'print', 'printf', 'getline', 'if', 'else',
  'while', 'do', 'for', 'in', 'delete', 'next', 'nextfile', 'exit', 'return', 'function', 'f', 'x', 'a', 'NF',
  'NR', '$0', '$1', '$NF', '$', '=', '+=', '==', '!=', '<', '>', '>>', '|', '&&', '||', '!', '~', '!~', '?', ':',
  '+', '-', '*', '/', '%', '^', '++', '--', '1', '0', '2.5', '1e3', '"a"', '"%d %s %c %5.2f\\n"', '"x\\ty"', '/a+/',
  '/[0-9]/', '//', 'length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper',
  'int', 'sqrt', 'log', 'rand', 'srand', 'close', 'system', 'gensub', 'strftime', '"/tmp/prop-out"', '"/dev/null"',
  '"cat"', 'FS', 'OFS', 'RS', 'SUBSEP', '"\\\\"', '#', '\\', '@', '"', '/',
];

const programText = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(' ')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join('')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

let lab: Lab;
let savedLimit = 0;

beforeAll(async () => {
  savedLimit = limits.statements;
  limits.statements = 20_000;
  lab = Lab.create();
  await lab.settle();
  const vfs = lab.host('rhel1').vfs;
  if (!vfs.exists('/tmp', ROOT)) vfs.mkdir('/tmp', ROOT, 0o1777, 0);
});

afterAll(() => {
  limits.statements = savedLimit;
});

// Programs that parse: expressions and statements built from awk's grammar.
const { stmt } = fc.letrec<{ expr: string; stmt: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('0', '1', '-1', '2.5', '1e300', '"a"', '"10"', '" 5 "', '""', 'x', 'y', '$0', '$1', '$NF', 'NF', 'NR', 'arr[x]', 'length', 'substr(x, y)', 'rand()'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '^', '<', '==', '!=', '&&', '||', ' ', '~', '!~', 'in'), tie('expr')).map(([a, op, b]) =>
      op === 'in' ? `((${a}) in arr)` : `(${a} ${op} ${b})`,
    ),
    fc.tuple(fc.constantFrom('x', 'y', '$2', 'arr[1]', 'NF', '$0', 'FS', 'OFS', 'CONVFMT', 'RS'), fc.constantFrom('=', '+=', '-=', '/=', '%=', '^='), tie('expr')).map(([v, op, e]) => `(${v} ${op} ${e})`),
    fc.tuple(fc.constantFrom('length', 'toupper', 'int', 'sqrt', 'log', 'exp', 'sin', 'index', 'substr', 'split', 'sub', 'gsub', 'match', 'sprintf', 'gensub', 'strftime'), tie('expr'), tie('expr')).map(([f, a, b]) => {
      switch (f) {
        case 'index':
        case 'substr':
          return `${f}(${a}, ${b})`;
        case 'split':
          return `split(${a}, parts, ${b})`;
        case 'sub':
        case 'gsub':
          return `${f}(${b}, ${a}, x)`;
        case 'match':
          return `match(${a}, ${b})`;
        case 'sprintf':
          return `sprintf(${b}, ${a}, ${a})`;
        case 'gensub':
          return `gensub(${b}, ${a}, "g", x)`;
        default:
          return `${f}(${a})`;
      }
    }),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `(${a} ? ${b} : ${c})`),
    tie('expr').map((e) => `$(${e})`),
    fc.constantFrom('x++', '--y', '(getline)', '(getline z < "/etc/passwd")', '("echo hi" | getline w)'),
  ),
  stmt: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('expr').map((e) => `print ${e}`),
    fc.tuple(tie('expr'), tie('expr')).map(([f, e]) => `printf ${f}, ${e}`),
    fc.tuple(tie('expr'), tie('stmt'), tie('stmt')).map(([c, a, b]) => `if (${c}) { ${a} } else { ${b} }`),
    fc.tuple(tie('expr'), tie('stmt')).map(([c, a]) => `while (${c}) { ${a} }`),
    fc.tuple(tie('expr'), tie('stmt')).map(([c, a]) => `for (i = 0; ${c}; i++) { ${a} }`),
    tie('stmt').map((a) => `for (k in arr) { ${a} }`),
    fc.constantFrom('next', 'break', 'continue', 'exit', 'delete arr', 'delete arr[x]', 'NF = 2', '$5 = "v"', 'close("/etc/passwd")', 'print > "/tmp/prop-out"', 'print | "cat"'),
  ),
}));

const validProgram = fc.tuple(fc.array(stmt, { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'BEGIN', 'END', 'NR == 1', '/a/', 'NR==1, NR==2')).map(
  ([body, pattern]) => `function f(a) { return a } ${pattern} { ${body.join('; ')} }`,
);

describe('awk never throws and never hangs', () => {
  it('on random valid programs', async () => {
    await fc.assert(
      fc.asyncProperty(validProgram, fc.constantFrom('', 'a b c\n1 2 3\n', 'x\n\ny\n'), async (prog, input) => {
        const r = await runProgram(scriptPrograms.awk!, ['awk', prog], { lab, cwd: '/tmp', stdin: input });
        expect(r.status >= 0 && r.status < 256).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 180_000);

  it('on random program text', async () => {
    await fc.assert(
      fc.asyncProperty(programText, fc.string({ maxLength: 30 }), async (prog, input) => {
        const r = await runProgram(scriptPrograms.awk!, ['awk', prog], { lab, cwd: '/tmp', stdin: input });
        expect([0, 1, 2, 139].includes(r.status) || (r.status >= 0 && r.status < 256)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('on random printf formats and arguments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.double().map(String)), { maxLength: 4 }), async (fmt, args) => {
        const r = await runProgram(scriptPrograms.awk!, ['awk', '-v', `f=${fmt}`, 'BEGIN { printf f, ARGV[1], ARGV[2], ARGV[3], ARGV[4] }', ...args], {
          lab,
          cwd: '/tmp',
        });
        expect(r.status === 0 || r.status === 2).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

const fmtChars = fc.string({ unit: fc.constantFrom('%', 'd', 's', 'b', 'q', 'c', 'x', 'f', 'g', 'e', 'a', '*', '.', '-', '+', '#', '0', '5', '9', '\\', 'n', 'x', 'u', 'U', 'c', 'l', 'z', "'", ' ', 'A'), maxLength: 24 });

describe('printf never throws', () => {
  it('shellPrintf in both dialects', () => {
    fc.assert(
      fc.property(fmtChars, fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer().map(String), fc.constantFrom("'a", '0x1F', '1e999', 'nan', '-inf', '')), { maxLength: 5 }), (fmt, args) => {
        for (const d of ['coreutils', 'bash'] as const) {
          const r = shellPrintf(fmt, args, d);
          expect(typeof r.out).toBe('string');
          expect(r.status === 0 || r.status === 1).toBe(true);
          expect(r.errorAt.length).toBe(r.errors.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the printf program', async () => {
    await fc.assert(
      fc.asyncProperty(fmtChars, fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), async (fmt, args) => {
        const r = await runProgram(scriptPrograms.printf!, ['printf', fmt, ...args], { lab });
        expect(r.status === 0 || r.status === 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('test, expr and seq never throw', () => {
  const word = fc.oneof(
    fc.constantFrom('!', '(', ')', '-a', '-o', '-n', '-z', '-f', '-d', '-e', '-eq', '-lt', '-nt', '-ef', '=', '!=', '==', '<', '>', '-l', '-t', ']', '/etc', '/tmp', '', '1', '-1', 'x'),
    fc.string({ maxLength: 5 }),
  );

  it('evalTest', () => {
    const fs = lab.host('rhel1').rootFs('/');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 9 }), fc.boolean(), (args, bracket) => {
        for (const d of ['coreutils', 'bash'] as const) {
          const r = evalTest(args, { fs }, d, bracket);
          expect([0, 1, 2]).toContain(r.status);
          expect(r.status === 2).toBe(r.error !== undefined);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('expr', async () => {
    const tok = fc.oneof(fc.constantFrom('+', '-', '*', '/', '%', ':', '|', '&', '<', '=', '!=', '(', ')', 'length', 'substr', 'index', 'match', '1', '0', '-5', 'abc', '\\(a\\)', '.*'), fc.string({ maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(fc.array(tok, { maxLength: 8 }), async (args) => {
        const r = await runProgram(scriptPrograms.expr!, ['expr', ...args], { lab });
        expect([0, 1, 2, 3]).toContain(r.status);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('seq', async () => {
    const tok = fc.oneof(fc.constantFrom('-w', '-s', '-f', ',', '%g', '%.3f', '1', '10', '-3', '0.5', '1e2', 'x', '--', '%%'), fc.integer({ min: -50, max: 50 }).map(String));
    await fc.assert(
      fc.asyncProperty(fc.array(tok, { maxLength: 5 }), async (args) => {
        const r = await runProgram(scriptPrograms.seq!, ['seq', ...args], { lab });
        expect([0, 1]).toContain(r.status);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
