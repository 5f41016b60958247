/** POSIX path helpers over plain strings (no Node `path` in the engine). */

/** Joins and normalises: resolves `.` and `..`, collapses slashes. Result is absolute. */
export function resolvePath(cwd: string, p: string): string {
  const start = p.startsWith('/') ? p : cwd + '/' + p;
  const out: string[] = [];
  for (const part of start.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p.startsWith('/') ? '/' : '';
  const i = trimmed.lastIndexOf('/');
  return trimmed.slice(i + 1);
}

export function dirname(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return trimmed.slice(0, i).replace(/\/+$/, '') || '/';
}

export function splitPath(abs: string): string[] {
  return abs.split('/').filter((s) => s !== '');
}
