import type { Builtin } from './index';
import { SIGNALS, signalName } from '../../proc/signals';
import { killSyscall } from '../../commands/system/kill';
import { isStopped } from '../interp';

/** jobs: the job table; finished jobs are reported once, here, and then forgotten. */
export const jobs: Builtin = async (sh, _argv, io) => {
  const list = sh.jobs;
  list.forEach((j, i) => {
    const mark = i === list.length - 1 ? '+' : i === list.length - 2 ? '-' : ' ';
    const running = j.procs.some((p) => p.alive);
    const status = j.procs[j.procs.length - 1]!.exitStatus ?? 0;
    const stopped = isStopped(j, sh.host);
    const state = stopped ? 'Stopped' : running ? 'Running' : status === 0 ? 'Done' : `Exit ${status}`;
    io.out.write(`[${j.id}]${mark}  ${state.padEnd(24)}${j.text}${running && !stopped ? ' &' : ''}\n`);
  });
  sh.jobs = list.filter((j) => j.procs.some((p) => p.alive));
  return 0;
};

export const wait: Builtin = async (sh, argv) => {
  const pids = argv.slice(1).map(Number);
  let status = 0;
  for (const j of [...sh.jobs]) {
    for (const p of j.procs) {
      if (pids.length && !pids.includes(p.pid)) continue;
      while (p.alive) await sh.proc.waitOn(p.exited);
      status = p.exitStatus ?? 0;
    }
  }
  return status;
};

/** kill: bash's builtin, which also knows job specs (%1). */
export const kill: Builtin = async (sh, argv, io) => {
  let args = argv.slice(1);
  let sig = 15;
  if (args.length === 0) {
    io.err.write('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  if (args[0] === '-l' || args[0] === '-L') {
    if (args[1] !== undefined) {
      const n = Number(args[1]);
      const name = Number.isInteger(n) ? signalName(n > 128 ? n - 128 : n) : SIGNALS[args[1].replace(/^SIG/, '')] !== undefined ? String(SIGNALS[args[1].replace(/^SIG/, '')]) : undefined;
      if (name === undefined) {
        sh.error(`kill: ${args[1]}: invalid signal specification`, io);
        return 1;
      }
      io.out.write(name + '\n');
      return 0;
    }
    const entries = Object.entries(SIGNALS).sort((a, b) => a[1] - b[1]);
    let line = '';
    entries.forEach(([name, n], i) => {
      line += `${String(n).padStart(2)}) SIG${name}`.padEnd(16) + (i % 5 === 4 ? '' : '\t');
      if (i % 5 === 4) {
        io.out.write(line.trimEnd() + '\n');
        line = '';
      }
    });
    if (line) io.out.write(line.trimEnd() + '\n');
    return 0;
  }
  const spec = (s: string): number | null => {
    if (/^\d+$/.test(s)) return Number(s) <= 64 ? Number(s) : null;
    const n = SIGNALS[s.toUpperCase().replace(/^SIG/, '')];
    return n === undefined ? null : n;
  };
  if (args[0] === '-s' || args[0] === '-n') {
    const s = spec(args[1] ?? '');
    if (s === null) {
      sh.error(`kill: ${args[1] ?? ''}: invalid signal specification`, io);
      return 1;
    }
    sig = s;
    args = args.slice(2);
  } else if (args[0]!.startsWith('-') && args[0] !== '--') {
    const s = spec(args[0]!.slice(1));
    if (s === null) {
      sh.error(`kill: ${args[0]!.slice(1)}: invalid signal specification`, io);
      return 1;
    }
    sig = s;
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  let status = 0;
  for (const a of args) {
    if (a.startsWith('%')) {
      const id = a === '%' || a === '%%' || a === '%+' ? sh.jobs[sh.jobs.length - 1]?.id : Number(a.slice(1));
      const job = sh.jobs.find((j) => j.id === id);
      if (!job) {
        sh.error(`kill: ${a}: no such job`, io);
        status = 1;
        continue;
      }
      killSyscall({ host: sh.host, fs: sh.fs, proc: sh.proc }, -job.pgid, sig);
      continue;
    }
    if (!/^-?\d+$/.test(a)) {
      sh.error(`kill: ${a}: arguments must be process or job IDs`, io);
      status = 1;
      continue;
    }
    const pid = Number(a);
    const r = killSyscall({ host: sh.host, fs: sh.fs, proc: sh.proc }, pid, sig);
    if (r === 'ESRCH') {
      sh.error(`kill: (${pid}) - No such process`, io);
      status = 1;
    } else if (r === 'EPERM') {
      sh.error(`kill: (${pid}) - Operation not permitted`, io);
      status = 1;
    }
  }
  return status;
};

export const fg: Builtin = async (sh, argv, io) => {
  const job = sh.jobs[sh.jobs.length - 1];
  if (!job) {
    sh.error(`${argv[0]}: current: no such job`, io);
    return 1;
  }
  if (argv[0] === 'bg') {
    sh.error(`bg: job ${job.id} already in background`, io);
    return 0;
  }
  io.out.write(job.text + '\n');
  sh.jobs = sh.jobs.filter((j) => j !== job);
  return sh.waitJob(job.procs, job.pgid);
};

export const bg = fg;
