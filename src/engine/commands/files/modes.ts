/**
 * Symbolic and octal file modes as chmod(1), mkdir -m and find -perm read them, following the
 * rules of gnulib's modechange: `[ugoa]*([-+=]([rwxXst]*|[ugo]))+` separated by commas, or an
 * octal number up to 07777.
 */

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const ALL = 0o7777;
const R_ALL = 0o444;
const W_ALL = 0o222;
const X_ALL = 0o111;

type Flag = 'ordinary' | 'x-if-any-x' | 'copy';

export interface ModeChange {
  op: '=' | '+' | '-';
  flag: Flag;
  affected: number;
  value: number;
  mentioned: number;
}

/** Compiles a mode string; null when it is not a valid mode. */
export function compileMode(text: string): ModeChange[] | null {
  if (/^[0-7]+$/.test(text)) {
    let n = 0;
    for (const c of text) {
      n = n * 8 + Number(c);
      if (n > ALL) return null;
    }
    const mentioned = text.length < 5 ? (n & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : ALL;
    return [{ op: '=', flag: 'ordinary', affected: ALL, value: n, mentioned }];
  }
  const out: ModeChange[] = [];
  let p = 0;
  const at = () => text[p];
  for (;;) {
    let affected = 0;
    for (;;) {
      const c = at();
      if (c === 'u') affected |= S_ISUID | S_IRWXU;
      else if (c === 'g') affected |= S_ISGID | S_IRWXG;
      else if (c === 'o') affected |= S_ISVTX | S_IRWXO;
      else if (c === 'a') affected |= ALL;
      else if (c === '=' || c === '+' || c === '-') break;
      else return null;
      p++;
    }
    do {
      const op = at() as '=' | '+' | '-';
      p++;
      let value = 0;
      let mentioned = 0;
      let flag: Flag = 'copy';
      const c = at();
      if (c !== undefined && c >= '0' && c <= '7') {
        let n = 0;
        while (at() !== undefined && at()! >= '0' && at()! <= '7') {
          n = n * 8 + Number(at());
          p++;
          if (n > ALL) return null;
        }
        if (affected || (at() !== undefined && at() !== ',')) return null;
        affected = mentioned = ALL;
        value = n;
        flag = 'ordinary';
      } else if (c === 'u') {
        value = S_IRWXU;
        p++;
      } else if (c === 'g') {
        value = S_IRWXG;
        p++;
      } else if (c === 'o') {
        value = S_IRWXO;
        p++;
      } else {
        flag = 'ordinary';
        for (;;) {
          const v = at();
          if (v === 'r') value |= R_ALL;
          else if (v === 'w') value |= W_ALL;
          else if (v === 'x') value |= X_ALL;
          else if (v === 'X') flag = 'x-if-any-x';
          else if (v === 's') value |= S_ISUID | S_ISGID;
          else if (v === 't') value |= S_ISVTX;
          else break;
          p++;
        }
      }
      out.push({ op, flag, affected, value, mentioned: mentioned || (affected ? affected & value : value) });
    } while (at() === '=' || at() === '+' || at() === '-');
    if (at() !== ',') break;
    p++;
  }
  return p === text.length ? out : null;
}

/**
 * The new permission bits of a file whose mode is oldMode, and which bits the change touched.
 * For directories, set-user/group-ID bits not mentioned are kept (coreutils 6.0 and later;
 * RHEL 5's 5.97 cleared them with an octal mode, pass keepDirSpecial false for that).
 */
export function applyMode(oldMode: number, isDir: boolean, umask: number, changes: ModeChange[], keepDirSpecial = true): { mode: number; bits: number } {
  let mode = oldMode & ALL;
  let bits = 0;
  for (const ch of changes) {
    const omit = (isDir && keepDirSpecial ? S_ISUID | S_ISGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') {
      value &= mode;
      value |=
        (value & R_ALL ? R_ALL : 0) | (value & W_ALL ? W_ALL : 0) | (value & X_ALL ? X_ALL : 0);
    } else if (ch.flag === 'x-if-any-x') {
      if (mode & X_ALL || isDir) value |= X_ALL;
    }
    value &= (ch.affected ? ch.affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (ch.affected ? ~ch.affected : 0) | omit;
      bits |= ALL & ~preserved;
      mode = (mode & preserved) | value;
    } else if (ch.op === '+') {
      bits |= value;
      mode |= value;
    } else {
      bits |= value;
      mode &= ~value;
    }
  }
  return { mode: mode & ALL, bits };
}
