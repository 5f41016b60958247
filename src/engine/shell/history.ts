/**
 * The command history of an interactive shell, and bash's history expansion (!!, !n, !-n,
 * !string, !?string?, !$, !^, !*, ^old^new).
 */
export class History {
  private entries: string[] = [];
  /** Number of the first kept entry (entries dropped past HISTSIZE keep their numbers). */
  private base = 1;
  limit = 1000;

  add(line: string): void {
    if (line.trim() === '') return;
    this.entries.push(line);
    if (this.entries.length > this.limit) {
      const drop = this.entries.length - this.limit;
      this.entries.splice(0, drop);
      this.base += drop;
    }
  }

  count(): number {
    return this.base + this.entries.length - 1;
  }

  list(): Array<{ n: number; line: string }> {
    return this.entries.map((line, i) => ({ n: this.base + i, line }));
  }

  get(i: number): string | undefined {
    return this.entries[i];
  }

  get length(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
    this.base = 1;
  }

  deleteAt(n: number): boolean {
    const i = n - this.base;
    if (i < 0 || i >= this.entries.length) return false;
    this.entries.splice(i, 1);
    return true;
  }

  load(text: string): void {
    for (const line of text.split('\n')) if (line !== '') this.add(line);
  }

  save(): string {
    return this.entries.map((l) => l + '\n').join('');
  }

  /**
   * Expands history references in a line. Returns the new line and whether it changed, or an
   * error text like `!foo: event not found`.
   */
  expand(line: string): { line: string; changed: boolean } | { error: string } {
    if (!line.includes('!') && !line.startsWith('^')) return { line, changed: false };
    if (line.startsWith('^')) {
      const m = /^\^([^^]*)\^([^^]*)\^?(.*)$/.exec(line);
      const last = this.entries[this.entries.length - 1];
      if (!m || last === undefined) return { error: ':s' + line + ': substitution failed' };
      if (!last.includes(m[1]!)) return { error: ':s^' + m[1] + '^' + m[2] + ': substitution failed' };
      return { line: last.replace(m[1]!, m[2]!) + m[3], changed: true };
    }
    let out = '';
    let changed = false;
    let inSingle = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === "'" ) inSingle = !inSingle;
      if (c === '\\' && line[i + 1] === '!') {
        out += '\\!';
        i++;
        continue;
      }
      if (c !== '!' || inSingle) {
        out += c;
        continue;
      }
      const rest = line.slice(i + 1);
      if (rest === '' || /^[\s=(]/.test(rest)) {
        out += c;
        continue;
      }
      let event: string | undefined;
      let len = 0;
      let m: RegExpExecArray | null;
      if (rest.startsWith('!')) {
        event = this.entries[this.entries.length - 1];
        len = 1;
      } else if ((m = /^-?\d+/.exec(rest))) {
        const n = Number(m[0]);
        event = n < 0 ? this.entries[this.entries.length + n] : this.entries[n - this.base];
        len = m[0].length;
      } else if (rest.startsWith('$') || rest.startsWith('^') || rest.startsWith('*')) {
        const last = this.entries[this.entries.length - 1];
        if (last === undefined) return { error: `!${rest[0]}: event not found` };
        const words = last.trim().split(/\s+/);
        out += rest[0] === '$' ? words[words.length - 1] : rest[0] === '^' ? (words[1] ?? '') : words.slice(1).join(' ');
        i += 1;
        changed = true;
        continue;
      } else if ((m = /^\?([^?\n]*)\??/.exec(rest))) {
        const needle = m[1]!;
        for (let j = this.entries.length - 1; j >= 0; j--) {
          if (this.entries[j]!.includes(needle)) {
            event = this.entries[j];
            break;
          }
        }
        len = m[0].length;
        if (event === undefined) return { error: `!?${needle}: event not found` };
      } else if ((m = /^[^\s;&|()<>'"]+/.exec(rest))) {
        const prefix = m[0].replace(/:.*$/, '');
        for (let j = this.entries.length - 1; j >= 0; j--) {
          if (this.entries[j]!.startsWith(prefix)) {
            event = this.entries[j];
            break;
          }
        }
        len = prefix.length;
        if (event === undefined) return { error: `!${prefix}: event not found` };
      }
      if (event === undefined) return { error: `!${rest.split(/\s/)[0]}: event not found` };
      // word designators :$ :^ :* :N
      const after = rest.slice(len);
      const wd = /^:(\$|\^|\*|\d+)/.exec(after);
      if (wd) {
        const words = event.trim().split(/\s+/);
        const d = wd[1]!;
        event = d === '$' ? words[words.length - 1]! : d === '^' ? (words[1] ?? '') : d === '*' ? words.slice(1).join(' ') : (words[Number(d)] ?? '');
        len += wd[0].length;
      }
      out += event;
      i += len;
      changed = true;
    }
    return { line: out, changed };
  }
}
