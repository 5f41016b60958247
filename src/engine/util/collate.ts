/**
 * An approximation of glibc's en_US.UTF-8 collation, the order `ls`, `sort` and bash globs use on
 * RHEL with LANG=en_US.UTF-8: letters and digits compared first ignoring case and punctuation,
 * then punctuation, then lower case before upper case, then plain code points.
 */
export function collateCompare(a: string, b: string): number {
  const ka = alnumKey(a);
  const kb = alnumKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const pa = a.toLowerCase();
  const pb = b.toLowerCase();
  if (pa !== pb) return pa < pb ? -1 : 1;
  // Same letters: lower case sorts first in en_US.
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const ca = a[i]!;
    const cb = b[i]!;
    if (ca !== cb) {
      const la = ca === ca.toLowerCase();
      const lb = cb === cb.toLowerCase();
      if (la !== lb) return la ? -1 : 1;
      return ca < cb ? -1 : 1;
    }
  }
  return a.length - b.length;
}

function alnumKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Plain byte order, as with LC_ALL=C. */
export function codepointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
