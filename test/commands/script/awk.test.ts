import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../harness/run';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { scriptPrograms } from '../../../src/engine/commands/script/index';
import { limits } from '../../../src/engine/commands/script/awk/interp';
import recorded from './awk-cases.json';

interface Case {
  args: string[];
  stdin: string;
  stdout: string;
  stderr: string;
  status: number;
}

const FILES: Record<string, string> = {
  '/tmp/data': 'alice 10 red\nbob 20 blue\ncarol 5 red\n',
  '/tmp/pw': 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nalice:x:500:500::/home/alice:/bin/bash\n',
  '/tmp/prog.awk': 'BEGIN { FS = ":" }\n# comment\n$3 >= 500 { print $1 }\nEND {\n  print "done"\n}\n',
  '/tmp/bad.awk': 'BEGIN {\n  x = ;\n}\n',
  '/tmp/bad2.awk': 'BEGIN { print 1/0\n}\n',
  '/tmp/p1.awk': 'BEGIN { print "p1" }\n',
  '/tmp/p2.awk': 'END { print "p2", NR }\n',
};

let lab: Lab;

beforeAll(async () => {
  lab = Lab.create();
  await lab.settle();
  const vfs = lab.host('rhel1').vfs;
  if (!vfs.exists('/tmp', ROOT)) vfs.mkdir('/tmp', ROOT, 0o1777, 0);
  for (const [p, t] of Object.entries(FILES)) vfs.writeFile(p, ROOT, t);
});

async function awk(args: string[], stdin = '') {
  const prog = scriptPrograms[args[0]!]!;
  const r = await runProgram(prog, args, { stdin, lab, cwd: '/tmp' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('awk against recorded gawk 3.1.7 output', () => {
  const cases = (recorded as { cases: Case[] }).cases;
  it.each(cases.map((c, i) => [i, c.args.slice(1).join(' ').slice(0, 70), c] as const))('#%i %s', async (_i, _name, c) => {
    const r = await awk(c.args, c.stdin);
    expect(r).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
  });
});

describe('awk', () => {
  it('prints fields of standard input', async () => {
    expect(await awk(['awk', '{ print $2, $1 }'], 'a b\nc d\n')).toEqual({ stdout: 'b a\nd c\n', stderr: '', status: 0 });
  });

  it('reports a syntax error with the source line and a caret', async () => {
    expect(await awk(['awk', '{print $1'])).toEqual({
      stdout: '',
      stderr: 'awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n',
      status: 1,
    });
  });

  it('names itself gawk when run as gawk', async () => {
    const r = await awk(['gawk', 'BEGIN { x = ; }']);
    expect(r.stderr).toBe('gawk: BEGIN { x = ; }\ngawk:             ^ syntax error\n');
    expect(r.status).toBe(1);
  });

  it('reports a missing input file as fatal', async () => {
    expect(await awk(['awk', '{ print }', '/nope'])).toEqual({
      stdout: '',
      stderr: "awk: cmd. line:1: fatal: cannot open file `/nope' for reading (No such file or directory)\n",
      status: 2,
    });
  });

  it('writes files with > and >> and reads them back with getline', async () => {
    const r = await awk(['awk', 'BEGIN { print "one" > "/tmp/w1"; print "two" > "/tmp/w1"; close("/tmp/w1"); print "three" >> "/tmp/w1"; close("/tmp/w1"); while ((getline l < "/tmp/w1") > 0) print "got " l }']);
    expect(r).toEqual({ stdout: 'got one\ngot two\ngot three\n', stderr: '', status: 0 });
    expect(lab.host('rhel1').vfs.readFile('/tmp/w1', ROOT)).toBe('one\ntwo\nthree\n');
  });

  it('refuses to write where the user may not', async () => {
    const r = await runProgram(scriptPrograms.awk!, ['awk', 'BEGIN { print "x" > "/root/nope" }'], { lab, user: 'user1', cwd: '/tmp' });
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: '',
      stderr: "awk: fatal: can't redirect to `/root/nope' (Permission denied)\n",
      status: 2,
    });
  });

  it('discards output to /dev/null', async () => {
    expect(await awk(['awk', 'BEGIN { print "gone" > "/dev/null"; print "kept" }'])).toEqual({ stdout: 'kept\n', stderr: '', status: 0 });
  });

  it('stops an endless loop with a fatal error instead of hanging', async () => {
    const saved = limits.statements;
    limits.statements = 100_000;
    try {
      const r = await awk(['awk', 'BEGIN { while (1) x++ }']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('awk: fatal: program stopped after 100000 statements (an endless loop?)\n');
    } finally {
      limits.statements = saved;
    }
  });

  it('dies of SIGSEGV on runaway recursion, as RHEL gawk (built without libsigsegv) does', async () => {
    const r = await awk(['awk', 'function f(n) { return f(n + 1) } BEGIN { f(1) }']);
    expect(r).toEqual({ stdout: '', stderr: '', status: 139 });
  });

  it('stops an endless loop inside a function too', async () => {
    const saved = limits.statements;
    limits.statements = 50_000;
    try {
      const r = await awk(['awk', 'function f() { for (;;) ; } BEGIN { f() }']);
      expect(r.status).toBe(2);
    } finally {
      limits.statements = saved;
    }
  });

  it('uses the lab clock for systime() and strftime()', async () => {
    const r = await awk(['awk', 'BEGIN { t = systime(); print t; print strftime("%Y-%m-%d %H:%M:%S %Z", t) }']);
    expect(r).toEqual({ stdout: '1398533100\n2014-04-26 11:25:00 MDT\n', stderr: '', status: 0 });
  });

  it('gives the same rand() sequence as gawk', async () => {
    const r = await awk(['awk', 'BEGIN { printf "%.6f %.6f %.6f\\n", rand(), rand(), rand(); srand(1); printf "%.6f\\n", rand() }']);
    expect(r.stdout).toBe('0.237788 0.291066 0.845814\n0.237788\n');
  });

  it('reads paragraphs with RS=""', async () => {
    const r = await awk(['awk', 'BEGIN { RS = "" } { print NR ": " $1 "/" $NF }'], '\n\nfrom alice\nto bob\n\n\nfrom carol\nto dave\n\n');
    expect(r).toEqual({ stdout: '1: from/bob\n2: from/dave\n', stderr: '', status: 0 });
  });

  it('handles a mail log the way students use it', async () => {
    const log =
      'Apr 26 11:30:01 rhel1 postfix/smtpd[2001]: connect from rhel2.local.com[192.168.2.3]\n' +
      'Apr 26 11:30:02 rhel1 postfix/qmgr[1500]: 5A2B3C4D: from=<alice@rhel2.local.com>, size=512, nrcpt=1 (queue active)\n' +
      'Apr 26 11:30:02 rhel1 postfix/local[2002]: 5A2B3C4D: to=<bob@rhel1.local.com>, relay=local, delay=0.1, status=sent (delivered to mailbox)\n' +
      'Apr 26 11:31:10 rhel1 postfix/local[2003]: 6B3C4D5E: to=<carol@rhel1.local.com>, relay=local, delay=0.2, status=bounced (unknown user)\n';
    const r = await awk(['awk', '-F', 'status=', '/status=/ { split($2, s, " "); n[s[1]]++ } END { for (k in n) printf "%-8s %d\\n", k, n[k] }'], log);
    expect(r).toEqual({ stdout: 'bounced  1\nsent     1\n', stderr: '', status: 0 });
  });

  it('runs a program file given with -f', async () => {
    const r = await awk(['awk', '-f', '/tmp/prog.awk', '/tmp/pw']);
    expect(r).toEqual({ stdout: 'alice\ndone\n', stderr: '', status: 0 });
  });
});

describe('awk limits', () => {
  it('fails like a full disk when a program writes without end', async () => {
    const saved = limits.outputSize;
    limits.outputSize = 10_000;
    try {
      const r = await awk(['awk', 'BEGIN { while (1) printf "%100d", 1 }']);
      expect(r.stderr).toBe('awk: fatal: printf to "standard output" failed (No space left on device)\n');
      expect(r.status).toBe(2);
      expect(r.stdout.length).toBe(10_000);
    } finally {
      limits.outputSize = saved;
    }
  });
});
