import { MONTHS, WEEKDAYS, pad2, toLocal } from '../../util/clock';
import { matchPattern } from '../../shell/glob';
import type { PkgSpec } from '../../packages/types';
import type { ProgramContext } from '../../proc/program';

/** strftime("%c") in en_US.UTF-8: `Sat 19 Apr 2014 10:02:13 AM MDT`. */
export function rpmDate(seconds: number): string {
  const t = toLocal(seconds * 1000);
  const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${WEEKDAYS[t.weekday]} ${pad2(t.day)} ${MONTHS[t.month]} ${t.year} ${pad2(h12)}:${pad2(t.minute)}:${pad2(t.second)} ${t.hour < 12 ? 'AM' : 'PM'} ${t.zone}`;
}

/** `2:postfix-2.6.6-2.1.el6_0.i686` (yum's str(po)), or without epoch when it is 0. */
export function envra(p: { name: string; epoch: number; version: string; release: string; arch: string }): string {
  return `${p.epoch ? p.epoch + ':' : ''}${p.name}-${p.version}-${p.release}.${p.arch}`;
}

export function nvra(p: { name: string; version: string; release: string; arch: string }): string {
  return `${p.name}-${p.version}-${p.release}.${p.arch}`;
}

/** yum's package matching: name, name.arch, name-version, name-version-release, nvra, globs. */
export function pkgMatches(p: { name: string; epoch: number; version: string; release: string; arch: string }, pattern: string): boolean {
  const forms = [
    p.name,
    `${p.name}.${p.arch}`,
    `${p.name}-${p.version}`,
    `${p.name}-${p.version}-${p.release}`,
    `${p.name}-${p.version}-${p.release}.${p.arch}`,
    `${p.name}-${p.epoch}:${p.version}-${p.release}.${p.arch}`,
    `${p.epoch}:${p.name}-${p.version}-${p.release}.${p.arch}`,
  ];
  const glob = /[*?[]/.test(pattern);
  return forms.some((f) => (glob ? safeMatch(pattern, f) : f === pattern));
}

export function safeMatch(pattern: string, text: string): boolean {
  try {
    return matchPattern(pattern, text);
  } catch {
    return false;
  }
}

/** The user running the command is root (effective uid 0). */
export function isRoot(ctx: ProgramContext): boolean {
  return ctx.fs.cred.uid === 0;
}

/** rpm's file list order: sorted by path. */
export function sortedFiles(spec: PkgSpec) {
  return [...spec.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Version comparison as rpmvercmp does it (enough for the lab's catalogue). */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  const sa = a.match(/[0-9]+|[A-Za-z]+/g) ?? [];
  const sb = b.match(/[0-9]+|[A-Za-z]+/g) ?? [];
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    const xn = /^\d/.test(x);
    const yn = /^\d/.test(y);
    if (xn && !yn) return 1;
    if (!xn && yn) return -1;
    if (xn) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d > 0 ? 1 : -1;
    } else if (x !== y) return x > y ? 1 : -1;
  }
  return sa.length === sb.length ? 0 : sa.length > sb.length ? 1 : -1;
}
