/**
 * awk associative arrays with gawk 3.1.7's iteration order.
 *
 * `for (k in a)` visits elements in the order of gawk's hash table: buckets from first to
 * last, each chain from its most recent insertion. The table uses gawk's awk_hash() (the sdbm
 * hash, computed in a 32-bit `unsigned long` as on the lab's i686 hosts, over the UTF-8 bytes
 * with `char` signed), starts with 13 buckets and grows to the next size of gawk's prime list
 * when the elements exceed twice the buckets, re-linking chains the way grow_table() does.
 * Reproducing this makes `for (k in count) print k, count[k]` print in the real order.
 */
import type { Val } from './values';

const SIZES = [13, 127, 1021, 8191, 16381, 32749, 65497, 131101, 262147, 524309, 1048583, 2097169, 4194319, 8388617, 16777259, 33554467];

/** gawk's awk_hash() code for a subscript. */
export function awkHash(s: string): number {
  let h = 0;
  const add = (b: number): void => {
    const c = b >= 0x80 ? b - 256 : b; // x86 char is signed
    const t = (h << 6) >>> 0;
    h = (c + t + ((t << 10) >>> 0) - h) >>> 0;
  };
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp < 0x80) {
      add(cp);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x800) {
      add(0xc0 | (cp >> 6));
      add(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      add(0xe0 | (cp >> 12));
      add(0x80 | ((cp >> 6) & 63));
      add(0x80 | (cp & 63));
    } else {
      add(0xf0 | (cp >> 18));
      add(0x80 | ((cp >> 12) & 63));
      add(0x80 | ((cp >> 6) & 63));
      add(0x80 | (cp & 63));
    }
  }
  return h;
}

interface Entry {
  key: string;
  code: number;
  next: Entry | null;
}

export class AwkArray {
  private readonly vals = new Map<string, Val>();
  private readonly entries = new Map<string, Entry>();
  private buckets: (Entry | null)[] = [];
  private tableSize = 0;
  private maxed = false;

  get size(): number {
    return this.vals.size;
  }

  has(key: string): boolean {
    return this.vals.has(key);
  }

  get(key: string): Val {
    return this.vals.get(key);
  }

  set(key: string, v: Val): this {
    if (!this.vals.has(key)) this.insert(key);
    this.vals.set(key, v);
    return this;
  }

  private grow(): void {
    const old = this.buckets;
    const oldSize = old.length;
    let newSize = oldSize;
    for (const s of SIZES) {
      if (oldSize < s) {
        newSize = s;
        break;
      }
    }
    if (newSize === oldSize) {
      this.maxed = true;
      return;
    }
    const fresh: (Entry | null)[] = new Array<Entry | null>(newSize).fill(null);
    for (let k = 0; k < oldSize; k++) {
      let e = old[k] ?? null;
      while (e) {
        const next = e.next;
        const h = e.code % newSize;
        e.next = fresh[h] ?? null;
        fresh[h] = e;
        e = next;
      }
    }
    this.buckets = fresh;
  }

  private insert(key: string): void {
    if (this.buckets.length === 0) {
      this.tableSize = 0;
      this.grow();
    }
    const code = awkHash(key);
    this.tableSize++;
    if (!this.maxed && Math.floor(this.tableSize / this.buckets.length) > 2) this.grow();
    const h = code % this.buckets.length;
    const e: Entry = { key, code, next: this.buckets[h] ?? null };
    this.buckets[h] = e;
    this.entries.set(key, e);
  }

  delete(key: string): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    const h = e.code % this.buckets.length;
    let p = this.buckets[h] ?? null;
    let prev: Entry | null = null;
    while (p && p !== e) {
      prev = p;
      p = p.next;
    }
    if (p) {
      if (prev) prev.next = p.next;
      else this.buckets[h] = p.next;
    }
    this.entries.delete(key);
    this.vals.delete(key);
    this.tableSize--;
    if (this.tableSize === 0) {
      // gawk frees an emptied table; the next insertion starts over at 13 buckets
      this.buckets = [];
      this.maxed = false;
    }
    return true;
  }

  clear(): void {
    this.vals.clear();
    this.entries.clear();
    this.buckets = [];
    this.tableSize = 0;
    this.maxed = false;
  }

  /** Subscripts in gawk's `for (k in a)` order. */
  keys(): string[] {
    const out: string[] = [];
    for (const head of this.buckets) {
      for (let e = head; e; e = e.next) out.push(e.key);
    }
    return out;
  }

  values(): Val[] {
    return this.keys().map((k) => this.vals.get(k));
  }
}
