import type { Builtin } from './index';

/** history [n] | -c | -d N: the numbered list as bash prints it (`%5d  %s`). */
export const history: Builtin = async (sh, argv, io) => {
  const arg = argv[1];
  if (arg === '-c') {
    sh.history.clear();
    return 0;
  }
  if (arg === '-d') {
    const n = Number(argv[2]);
    if (!Number.isInteger(n) || !sh.history.deleteAt(n)) {
      sh.error(`history: ${argv[2] ?? ''}: history position out of range`, io);
      return 1;
    }
    return 0;
  }
  let entries = sh.history.list();
  if (arg !== undefined) {
    if (!/^\d+$/.test(arg)) {
      sh.error(`history: ${arg}: numeric argument required`, io);
      return 1;
    }
    entries = entries.slice(Math.max(0, entries.length - Number(arg)));
  }
  for (const e of entries) io.out.write(`${String(e.n).padStart(5)}  ${e.line}\n`);
  return 0;
};
