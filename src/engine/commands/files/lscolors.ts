/**
 * ls --color: the LS_COLORS table (its parser and the built-in defaults) and the painting of
 * file names, as coreutils 8.4 (RHEL 6) and 5.97 (RHEL 5) do it.
 *
 * 8.4 writes nothing for a file whose colour is undefined (plain files by default); the first
 * colour of a run is preceded by a reset (`\e[0m`), every coloured name is followed by one,
 * a name that runs across the line width also gets `\e[K`, and `\e[m` ends a run that
 * coloured anything. 5.97 brackets every name (plain files get `\e[0m`...`\e[0m`) and always
 * ends with `\e[m`.
 */
import type { NodeType } from '../../fs/vfs';

/** The two-letter indicator names LS_COLORS may set, per release. */
const NAMES_EL6 = [
  'lc', 'rc', 'ec', 'rs', 'no', 'fi', 'di', 'ln', 'pi', 'so', 'bd', 'cd', 'mi', 'or', 'ex', 'do', 'su', 'sg', 'st',
  'ow', 'tw', 'ca', 'mh', 'cl',
] as const;
const NAMES_EL5 = [
  'lc', 'rc', 'ec', 'no', 'fi', 'di', 'ln', 'pi', 'so', 'bd', 'cd', 'mi', 'or', 'ex', 'do', 'su', 'sg', 'st', 'ow', 'tw',
] as const;

type Indicator = (typeof NAMES_EL6)[number];

/** ls.c's color_indicator[] defaults; null is an undefined entry (no colour at all). */
function defaults(el5: boolean): Map<Indicator, string | null> {
  const common: [Indicator, string | null][] = [
    ['lc', '\x1b['], ['rc', 'm'], ['ec', null],
    ['di', '01;34'], ['ln', '01;36'], ['pi', '33'], ['so', '01;35'], ['bd', '01;33'], ['cd', '01;33'],
    ['mi', null], ['or', null], ['ex', '01;32'], ['do', '01;35'], ['su', '37;41'], ['sg', '30;43'],
    ['st', '37;44'], ['ow', '34;42'], ['tw', '30;42'],
  ];
  const extra: [Indicator, string | null][] = el5
    ? [['no', '0'], ['fi', '0']]
    : [['rs', '0'], ['no', null], ['fi', null], ['ca', '30;41'], ['mh', null], ['cl', '\x1b[K']];
  return new Map([...common, ...extra]);
}

/** What a file looks like to the painter: its mode (null: a zero st_mode) and link state. */
export interface ColorSubject {
  /** The name as ls holds it (suffixes are matched against it). */
  name: string;
  /** File type and permission bits, or null when ls has no mode for it (mode 0). */
  mode: { type: NodeType; perm: number } | null;
  /** 1 when a symlink's target was found, 0 when not, -1 for a missing link target. */
  linkok: number;
  /** false when the file was never stat'ed (or the stat failed); the type then comes from readdir. */
  statOk: boolean;
  fileType: NodeType;
  nlink: number;
}

export type ParseOutcome = { ok: true } | { ok: false; messages: string[] };

/** The colour table of one ls run. */
export class LsColors {
  private readonly ind: Map<Indicator, string | null>;
  /** Extensions, the latest definition first (it wins). */
  private readonly exts: { ext: string; seq: string }[] = [];
  private used = false;

  constructor(private readonly el5: boolean) {
    this.ind = defaults(el5);
  }

  /**
   * Reads LS_COLORS as parse_ls_color does. An unset or empty value keeps the defaults. On a
   * parse error the caller prints the messages and turns colour off.
   */
  parse(value: string | undefined, quoteLabel: (label: string) => string): ParseOutcome {
    if (value === undefined || value === '') return { ok: true };
    const names: readonly string[] = this.el5 ? NAMES_EL5 : NAMES_EL6;
    const messages: string[] = [];
    const at = (i: number): string => (i < value.length ? value[i]! : '\0');
    let p = 0;
    let state = 1;
    let label = '';
    let ext: { ext: string; seq: string } | null = null;
    while (state > 0) {
      switch (state) {
        case 1: {
          const c = at(p);
          if (c === ':') p++;
          else if (c === '*') {
            p++;
            const r = funkyString(value, p, true);
            p = r.pos;
            ext = { ext: r.value, seq: '' };
            this.exts.unshift(ext);
            state = r.ok ? 4 : -1;
          } else if (c === '\0') state = 0;
          else {
            label = c;
            p++;
            state = 2;
          }
          break;
        }
        case 2:
          if (at(p) !== '\0') {
            label += at(p++);
            state = 3;
          } else state = -1;
          break;
        case 3:
          state = -1;
          if (at(p++) === '=') {
            if (names.includes(label)) {
              const r = funkyString(value, p, false);
              p = r.pos;
              this.ind.set(label as Indicator, r.value);
              state = r.ok ? 1 : -1;
            } else messages.push(`unrecognized prefix: ${quoteLabel(label)}`);
          }
          break;
        case 4:
          if (at(p++) === '=' && ext) {
            const r = funkyString(value, p, false);
            p = r.pos;
            ext.seq = r.value;
            state = r.ok ? 1 : -1;
          } else state = -1;
          break;
      }
    }
    if (state < 0) {
      messages.push('unparsable value for LS_COLORS environment variable');
      return { ok: false, messages };
    }
    return { ok: true };
  }

  /** `ln=target`: colour a symlink as the file it points to. */
  get linkAsTarget(): boolean {
    return this.ind.get('ln') === 'target';
  }

  isColored(name: Indicator): boolean {
    const s = this.ind.get(name) ?? null;
    return !(s === null || s === '' || s === '0' || s === '00');
  }

  /** Whether ls must follow symlinks to tell orphans (and, with ln=target, executables) apart. */
  checkSymlinkColor(long: boolean): boolean {
    return (
      this.isColored('or') ||
      (this.isColored('ex') && (this.el5 || this.linkAsTarget)) ||
      (this.isColored('mi') && long)
    );
  }

  /** Whether gobbling a regular file from a directory needs a stat for its colour. */
  needsFileStat(): boolean {
    if (this.el5) return this.isColored('ex');
    return this.isColored('ex') || this.isColored('su') || this.isColored('sg') || this.isColored('ca');
  }

  /**
   * The name as it goes to the terminal: `text` (the quoted name) between the colour codes.
   * startCol and width (the visible width of text) decide 8.4's clear-to-end-of-line.
   */
  paint(f: ColorSubject, text: string, startCol: number, width: number, lineLength: number): string {
    const lc = this.get('lc');
    const rc = this.get('rc');
    if (this.el5) {
      const seq = this.classifyEl5(f);
      return lc + (seq ?? '') + rc + text + this.prep();
    }
    const seq = this.classifyEl6(f);
    if (seq === null) return text;
    let out = this.put(lc) + this.put(seq) + this.put(rc) + text + this.prep();
    if (Math.floor(startCol / lineLength) !== Math.floor((startCol + width - 1) / lineLength)) out += this.put(this.get('cl'));
    return out;
  }

  /** What ls writes when it is done: the default colour back (5.97 always, 8.4 if it coloured). */
  finish(): string {
    if (!this.el5 && !this.used) return '';
    return this.get('lc') + this.get('rc');
  }

  private get(name: Indicator): string {
    return this.ind.get(name) ?? '';
  }

  /** put_indicator: 8.4 resets the colours before the first sequence it writes. */
  private put(s: string): string {
    if (this.el5 || this.used) return s;
    this.used = true;
    return this.prep() + s;
  }

  /** prep_non_filename_text: the end code, or left + reset (8.4 `rs`, 5.97 `no`) + right. */
  private prep(): string {
    const ec = this.ind.get('ec') ?? null;
    if (ec !== null) return this.put(ec);
    return this.put(this.get('lc')) + this.put(this.get(this.el5 ? 'no' : 'rs')) + this.put(this.get('rc'));
  }

  private matchExt(name: string): string | null {
    for (const e of this.exts) if (e.ext.length <= name.length && name.endsWith(e.ext)) return e.seq;
    return null;
  }

  /** 8.4's print_color_indicator: the sequence for a file, or null for none. */
  private classifyEl6(f: ColorSubject): string | null {
    let type: Indicator;
    if (f.linkok === -1 && this.ind.get('mi') != null) type = 'mi';
    else if (!f.statOk) type = f.fileType === 'dir' ? 'di' : f.fileType === 'symlink' ? 'ln' : 'fi';
    else {
      const m = f.mode;
      if (m === null) type = 'or';
      else if (m.type === 'file') {
        type = 'fi';
        if (m.perm & 0o4000 && this.isColored('su')) type = 'su';
        else if (m.perm & 0o2000 && this.isColored('sg')) type = 'sg';
        else if (m.perm & 0o111 && this.isColored('ex')) type = 'ex';
        else if (f.nlink > 1 && this.isColored('mh')) type = 'mh';
      } else if (m.type === 'dir') {
        type = 'di';
        if (m.perm & 0o1000 && m.perm & 0o002 && this.isColored('tw')) type = 'tw';
        else if (m.perm & 0o002 && this.isColored('ow')) type = 'ow';
        else if (m.perm & 0o1000 && this.isColored('st')) type = 'st';
      } else {
        const orphan = !f.linkok && (this.get('ln').startsWith('target') || this.ind.get('or') != null);
        type = orphan ? 'or' : 'ln';
      }
    }
    if (type === 'fi') {
      const seq = this.matchExt(f.name);
      if (seq !== null) return seq;
    }
    return this.ind.get(type) ?? null;
  }

  /** 5.97's print_color_indicator: every name gets a sequence (null: an empty one). */
  private classifyEl5(f: ColorSubject): string | null {
    if (f.linkok === -1 && this.ind.get('mi') != null) return this.ind.get('mi') ?? null;
    const m = f.mode;
    let type: Indicator = 'fi';
    if (m?.type === 'dir') {
      if (m.perm & 0o1000 && m.perm & 0o002) type = 'tw';
      else if (m.perm & 0o002) type = 'ow';
      else if (m.perm & 0o1000) type = 'st';
      else type = 'di';
    } else if (m?.type === 'symlink') type = !f.linkok && this.ind.get('or') != null ? 'or' : 'ln';
    if (type === 'fi' && m) {
      if (m.perm & 0o4000) type = 'su';
      else if (m.perm & 0o2000) type = 'sg';
      else if (m.perm & 0o111) type = 'ex';
    }
    if (type === 'fi') {
      const seq = this.matchExt(f.name);
      if (seq !== null) return seq;
    }
    return this.ind.get(type) ?? null;
  }
}

/**
 * get_funky_string: one LS_COLORS value from `pos`, with its backslash (\e, \n, \033, \x1b,
 * \_ ...) and caret (^[) escapes. Stops at `:` or the end (and at `=` for an extension).
 */
function funkyString(src: string, pos: number, equalsEnd: boolean): { ok: boolean; value: string; pos: number } {
  const at = (i: number): string => (i < src.length ? src[i]! : '\0');
  const named: Record<string, number> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '?': 127, _: 32 };
  let p = pos;
  let out = '';
  let num = 0;
  let state: 'gnd' | 'backslash' | 'octal' | 'hex' | 'caret' | 'end' | 'error' = 'gnd';
  const emit = (n: number) => {
    out += String.fromCharCode(n & 0xff);
  };
  while (state !== 'end' && state !== 'error') {
    const c = at(p);
    switch (state) {
      case 'gnd':
        if (c === ':' || c === '\0' || (c === '=' && equalsEnd)) state = 'end';
        else if (c === '\\') {
          state = 'backslash';
          p++;
        } else if (c === '^') {
          state = 'caret';
          p++;
        } else {
          out += c;
          p++;
        }
        break;
      case 'backslash':
        if (c >= '0' && c <= '7') {
          state = 'octal';
          num = c.charCodeAt(0) - 48;
        } else if (c === 'x' || c === 'X') {
          state = 'hex';
          num = 0;
        } else if (c === '\0') state = 'error';
        else {
          const n = named[c];
          out += n === undefined ? c : String.fromCharCode(n);
          state = 'gnd';
        }
        p++;
        break;
      case 'octal':
        if (c < '0' || c > '7') {
          emit(num);
          state = 'gnd';
        } else {
          num = num * 8 + (c.charCodeAt(0) - 48);
          p++;
        }
        break;
      case 'hex':
        if (/^[0-9a-fA-F]$/.test(c)) {
          num = num * 16 + parseInt(c, 16);
          p++;
        } else {
          emit(num);
          state = 'gnd';
        }
        break;
      case 'caret':
        state = 'gnd';
        if (c >= '@' && c <= '~') {
          emit(c.charCodeAt(0) & 0o37);
          p++;
        } else if (c === '?') {
          emit(127);
          p++;
        } else state = 'error';
        break;
    }
  }
  return { ok: state !== 'error', value: out, pos: p };
}
