/**
 * df: coreutils 8.4 / 5.97 output for the lab's small VMs: the LVM root volume, /boot on sda1
 * and the tmpfs on /dev/shm. The figures are made up but fixed, and the root volume's "Used"
 * grows with the files actually in the lab, so creating a big file shows.
 */
import type { Inode } from '../../fs/vfs';
import type { Program, ProgramContext } from '../../proc/program';
import {
  getopt, helpText, humanSize, isErr, progName, quote, tryFs, usageError, versionText, type LongOpt,
  safeCtx,
} from './common';

export interface FsInfo {
  device: string;
  type: string;
  mount: string;
  blocksK: number;
  usedK: number;
  availK: number;
  inodes: number;
  inodesUsed: number;
  fsid: number;
}

interface FsBase {
  device: string;
  type: string;
  mount: string;
  blocksK: number;
  usedK: number;
  /** Blocks held back for root (ext's 5 %). */
  reservedK: number;
  inodes: number;
  inodesUsed: number;
  fsid: number;
}

const EL6: FsBase[] = [
  { device: '/dev/mapper/VolGroup-lv_root', type: 'ext4', mount: '/', blocksK: 18069936, usedK: 2402312, reservedK: 917920, inodes: 1148304, inodesUsed: 86115, fsid: 0x5c1e7a3f },
  { device: 'tmpfs', type: 'tmpfs', mount: '/dev/shm', blocksK: 510268, usedK: 0, reservedK: 0, inodes: 127567, inodesUsed: 1, fsid: 0 },
  { device: '/dev/sda1', type: 'ext4', mount: '/boot', blocksK: 495844, usedK: 32431, reservedK: 25600, inodes: 128016, inodesUsed: 38, fsid: 0x2b9d41c6 },
];

const EL5: FsBase[] = [
  { device: '/dev/mapper/VolGroup00-LogVol00', type: 'ext3', mount: '/', blocksK: 17981340, usedK: 2659228, reservedK: 928140, inodes: 4642816, inodesUsed: 124637, fsid: 0x4f72c81d },
  { device: '/dev/sda1', type: 'ext3', mount: '/boot', blocksK: 101086, usedK: 12016, reservedK: 5219, inodes: 26104, inodesUsed: 34, fsid: 0x1a6e0b58 },
  { device: 'tmpfs', type: 'tmpfs', mount: '/dev/shm', blocksK: 257720, usedK: 0, reservedK: 0, inodes: 64430, inodesUsed: 1, fsid: 0 },
];

/** Blocks (1 KiB) and inodes the lab's own files take, counted once per inode. */
function labUsage(root: Inode): { k: number; inodes: number } {
  const seen = new Set<number>();
  let blocks512 = 0;
  const stack: Inode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n.ino)) continue;
    seen.add(n.ino);
    if (n.type === 'dir') {
      blocks512 += 8;
      for (const c of n.entries!.values()) stack.push(c);
    } else if (n.type === 'file') blocks512 += Math.ceil(n.data.length / 4096) * 8;
  }
  return { k: blocks512 / 2, inodes: seen.size };
}

export function filesystems(ctx: ProgramContext): FsInfo[] {
  const base = ctx.host.profile.release === 'el5' ? EL5 : EL6;
  const usage = labUsage(ctx.host.vfs.root);
  return base.map((b) => {
    const usedK = b.mount === '/' ? Math.min(b.blocksK - b.reservedK, b.usedK + usage.k) : b.usedK;
    const inodesUsed = b.mount === '/' ? b.inodesUsed + usage.inodes : b.inodesUsed;
    return {
      device: b.device,
      type: b.type,
      mount: b.mount,
      blocksK: b.blocksK,
      usedK,
      availK: Math.max(0, b.blocksK - usedK - b.reservedK),
      inodes: b.inodes,
      inodesUsed,
      fsid: b.fsid,
    };
  });
}

/** The mounted file system holding an absolute path. */
export function filesystemFor(ctx: ProgramContext, abs: string): FsInfo {
  const all = filesystems(ctx);
  let best = all.find((f) => f.mount === '/')!;
  for (const f of all) {
    if (f.mount !== '/' && (abs === f.mount || abs.startsWith(f.mount + '/')) && f.mount.length > best.mount.length) best = f;
  }
  return best;
}

const LONG: LongOpt[] = [
  { name: 'all', arg: 'none', key: 'a' },
  { name: 'block-size', arg: 'required', key: 'B' },
  { name: 'inodes', arg: 'none', key: 'i' },
  { name: 'human-readable', arg: 'none', key: 'h' },
  { name: 'si', arg: 'none', key: 'H' },
  { name: 'local', arg: 'none', key: 'l' },
  { name: 'megabytes', arg: 'none', key: 'm' },
  { name: 'portability', arg: 'none', key: 'P' },
  { name: 'print-type', arg: 'none', key: 'T' },
  { name: 'sync', arg: 'none', key: '--sync' },
  { name: 'no-sync', arg: 'none', key: '--no-sync' },
  { name: 'total', arg: 'none', key: '--total' },
  { name: 'type', arg: 'required', key: 't' },
  { name: 'exclude-type', arg: 'required', key: 'x' },
];

/** Autoscaled size with powers of 1000 (df -H): lower-case k as coreutils prints it. */
function siSize(bytes: number): string {
  if (bytes < 1000) return String(Math.ceil(bytes));
  const suf = 'kMGTPE';
  let exp = 0;
  let v = bytes;
  while (v >= 1000 && exp < suf.length) {
    v /= 1000;
    exp++;
  }
  if (v < 10) {
    const t = Math.ceil(v * 10 - 1e-9);
    return t < 100 ? `${Math.floor(t / 10)}.${t % 10}${suf[exp - 1]}` : `10${suf[exp - 1]}`;
  }
  const w = Math.ceil(v - 1e-9);
  return w >= 1000 ? `1.0${suf[exp]}` : `${w}${suf[exp - 1]}`;
}

export const df: Program = async (rawCtx) => {
  const ctx = safeCtx(rawCtx);
  const prog = progName(ctx, 'df');
  let human: 'none' | '1024' | '1000' = 'none';
  let blockSize = 1024;
  let inodes = false;
  let posix = false;
  let printType = false;
  let total = false;
  const onlyTypes: string[] = [];
  const excludeTypes: string[] = [];
  const parsed = getopt(ctx, ctx.argv.slice(1), { short: 'aB:iF:hHklmPTt:vx:', long: LONG });
  if (!parsed.ok) return usageError(ctx, prog, parsed.message);
  for (const { key, arg } of parsed.opts) {
    switch (key) {
      case '--help':
        return helpText(ctx, prog, '[OPTION]... [FILE]...', 'Show information about the file system on which each FILE resides,\nor all file systems by default.');
      case '--version':
        return versionText(ctx, 'df');
      case 'h': human = '1024'; break;
      case 'H': human = '1000'; break;
      case 'k': human = 'none'; blockSize = 1024; break;
      case 'm': human = 'none'; blockSize = 1024 * 1024; break;
      case 'B': {
        const m = /^(\d*)([KMGT]?)(i?B?)$/i.exec(arg ?? '');
        if (!m || (m[1] === '' && m[2] === '')) {
          ctx.stderr.write(`${prog}: invalid --block-size argument ${quote(arg ?? '')}\n`);
          return 1;
        }
        const p = { '': 0, K: 1, M: 2, G: 3, T: 4 }[m[2]!.toUpperCase()] ?? 0;
        const base = m[3]!.toUpperCase() === 'B' ? 1000 : 1024;
        human = 'none';
        blockSize = (m[1] === '' ? 1 : Number(m[1])) * base ** p;
        break;
      }
      case 'i': inodes = true; break;
      case 'P': posix = true; break;
      case 'T': printType = true; break;
      case 't': onlyTypes.push(arg ?? ''); break;
      case 'x': excludeTypes.push(arg ?? ''); break;
      case '--total': total = true; break;
      default: break;
    }
  }
  let list = filesystems(ctx);
  let ok = true;
  if (parsed.operands.length > 0) {
    const chosen: FsInfo[] = [];
    for (const f of parsed.operands) {
      const st = tryFs(() => ctx.fs.stat(f));
      if (isErr(st)) {
        ctx.stderr.write(`${prog}: ${quote(f)}: ${st.message}\n`);
        ok = false;
        continue;
      }
      chosen.push(filesystemFor(ctx, ctx.fs.realpath(f)));
    }
    list = chosen;
  }
  list = list.filter((f) => (onlyTypes.length === 0 || onlyTypes.includes(f.type)) && !excludeTypes.includes(f.type));
  if (list.length === 0 && parsed.operands.length === 0) {
    ctx.stderr.write(`${prog}: no file systems processed\n`);
    return 1;
  }
  if (list.length === 0) return ok ? 0 : 1;

  let header = printType ? 'Filesystem    Type' : 'Filesystem        ';
  if (inodes) header += '    Inodes   IUsed   IFree IUse%';
  else if (human === '1024') header += '    Size  Used Avail Use%';
  else if (human === '1000') header += '     Size   Used  Avail Use%';
  else if (posix) header += ` ${blockSize === 1024 ? '1024' : String(blockSize)}-blocks      Used Available Capacity`;
  else {
    const label = blockSize % (1024 * 1024) === 0 && blockSize >= 1024 * 1024 ? `${blockSize / (1024 * 1024)}M` : blockSize % 1024 === 0 ? `${blockSize / 1024}K` : String(blockSize);
    header += ` ${label.padStart(4)}-blocks      Used Available Use%`;
  }
  let text = header + ' Mounted on\n';
  const rows = [...list];
  if (total) {
    rows.push({
      device: 'total', type: '-', mount: '', fsid: 0,
      blocksK: list.reduce((a, f) => a + f.blocksK, 0),
      usedK: list.reduce((a, f) => a + f.usedK, 0),
      availK: list.reduce((a, f) => a + f.availK, 0),
      inodes: list.reduce((a, f) => a + f.inodes, 0),
      inodesUsed: list.reduce((a, f) => a + f.inodesUsed, 0),
    });
  }
  for (const f of rows) {
    let line: string;
    if (printType) {
      if (f.device.length + f.type.length < 18) line = f.device + f.type.padStart(18 - f.device.length) + '  ';
      else if (!posix) line = `${f.device}\n${f.type.padStart(18)}  `;
      else line = `${f.device} ${f.type}`;
    } else if (f.device.length > 20 && !posix) line = `${f.device}\n${''.padStart(20)}`;
    else line = f.device.padEnd(20);
    let width: number;
    let useWidth: number;
    let totalS: string;
    let usedS: string;
    let availS: string;
    let used: number;
    let avail: number;
    if (inodes) {
      width = 7;
      useWidth = 5;
      used = f.inodesUsed;
      avail = f.inodes - f.inodesUsed;
      totalS = String(f.inodes);
      usedS = String(used);
      availS = String(avail);
    } else {
      width = human !== 'none' ? (human === '1024' ? 5 : 6) : 9;
      useWidth = posix && human === 'none' ? 8 : 4;
      used = f.usedK;
      avail = f.availK;
      const show = (k: number) => (human === '1024' ? humanSize(k, 1024, 0) : human === '1000' ? siSize(k * 1024) : String(Math.ceil((k * 1024) / blockSize)));
      totalS = show(f.blocksK);
      usedS = show(used);
      availS = show(avail);
    }
    let col1 = width;
    if (posix && human === 'none' && !inodes) {
      col1 = width - 3;
      for (let b = blockSize; b > 9; b = Math.floor(b / 10)) col1++;
    }
    line += ` ${totalS.padStart(col1)} ${usedS.padStart(width)} ${availS.padStart(width)} `;
    const denom = used + avail;
    if (denom === 0) line += '- '.padStart(useWidth);
    else {
      const pct = Math.floor((used * 100) / denom) + ((used * 100) % denom !== 0 ? 1 : 0);
      line += `${String(pct).padStart(useWidth - 1)}%`;
    }
    if (f.mount !== '') line += ` ${f.mount}`;
    text += line + '\n';
  }
  ctx.stdout.write(text);
  return ok ? 0 : 1;
};
