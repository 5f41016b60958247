/**
 * The lab's stand-in for a Berkeley DB "hash" file (aliases.db, access.db, postmap output):
 * a binary-looking magic, then one `key\tvalue` line per entry. Keys are what the lookup
 * uses (lower-cased for aliases), values as written in the source.
 */
export const HASHDB_MAGIC = '\x00\x06\x15\x61mail-lab-hash\n';

/**
 * Builds the database from a source table. `sep` is ':' for aliases(5) (name: value), 'ws' for
 * postmap/makemap tables (key whitespace value). Comments, blank lines and continuation lines
 * (leading white space) are handled as the real tools do.
 */
export function makeHashDb(source: string, sep: ':' | 'ws'): string {
  const entries: [string, string][] = [];
  const logical: string[] = [];
  for (const line of source.split('\n')) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    if (/^\s/.test(line) && logical.length > 0) logical[logical.length - 1] += ' ' + line.trim();
    else logical.push(line);
  }
  for (const line of logical) {
    if (sep === ':') {
      const i = line.indexOf(':');
      if (i <= 0) continue;
      entries.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
    } else {
      const m = /^(\S+)\s*(.*)$/.exec(line.trim());
      if (m) entries.push([m[1]!, m[2]!]);
    }
  }
  return HASHDB_MAGIC + entries.map(([k, v]) => `${k}\t${v}\n`).join('');
}

/** Reads a database written by makeHashDb; null when the file is not one. */
export function readHashDb(data: string): Map<string, string> | null {
  if (!data.startsWith(HASHDB_MAGIC)) return null;
  const map = new Map<string, string>();
  for (const line of data.slice(HASHDB_MAGIC.length).split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    map.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return map;
}
