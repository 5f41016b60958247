import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/engine/lab';
import { ROOT } from '../../../src/engine/fs/vfs';
import { SeededRandom } from '../../../src/engine/util/rng';
import { filePrograms } from '../../../src/engine/commands/files/index';
import { dir, installPrograms, put, run, vfsOf } from './helpers';

const WORDS = [
  '', '-', '--', '-a', '-l', '-R', '-r', '-f', '-i', '-p', '-v', '-x', '-Z', '--foo', '--help=x', '--color', '--format=x',
  '/', '.', '..', '/tmp', '/tmp/t', '/tmp/t/', '/tmp/t/f', '/tmp/t/l', '/tmp/t/loop', '/nope', '/nope/x', 'a//b/', '/etc/passwd',
  '755', 'u+x', 'g=u', 'a+X,o-', 'root', 'user1:mail', ':', '.x', '%', '%Z%', '\\', '{}', ';', '+', '(', ')', '!', '-o', '-a',
  '-name', '-exec', '-newer', '-perm', '-size', '-type', '-mtime', '-maxdepth', '-printf', '-delete', '-ok', '-c', '-t', '-d',
  '-m', '-h', '-s', '-n', 'x'.repeat(300), '/tmp/' + 'd/'.repeat(20), '\n', 'bad\tname',
];

describe('bad input never escapes as an exception', () => {
  it('survives random argument lists for every files program', async () => {
    let lab = Lab.create();
    await lab.settle();
    installPrograms(lab, ['ls', 'rm']);
    const rng = new SeededRandom(Number(process.env.SEED ?? 1234));
    const ids = Object.keys(filePrograms);
    const keep = ['/etc/passwd', '/etc/group'].map((f) => [f, vfsOf(lab).readFile(f, ROOT)] as const);
    const restore = () => {
      for (const [f, text] of keep) {
        const node = vfsOf(lab).tryLookup(f, ROOT, false);
        if (node && node.type !== 'file') return false;
        put(lab, f, text);
      }
      return true;
    };
    for (let round = 0; round < 80; round++) {
      // Start each round from a fresh lab: the commands may well have wrecked the last one.
      if (round % 10 === 0) {
        lab = Lab.create();
        await lab.settle();
        installPrograms(lab, ['ls', 'rm']);
      }
      try {
        dir(lab, '/tmp/t', 0o777);
        put(lab, '/tmp/t/f', 'data');
        if (!vfsOf(lab).tryLookup('/tmp/t/l', ROOT, false)) vfsOf(lab).symlink('f', '/tmp/t/l', ROOT);
        if (!vfsOf(lab).tryLookup('/tmp/t/loop', ROOT, false)) vfsOf(lab).symlink('loop', '/tmp/t/loop', ROOT);
      } catch {
        round = Math.ceil(round / 10) * 10 - 1;
        continue;
      }
      for (const id of ids) {
        const n = rng.int(1, 5);
        const argv = [id];
        for (let i = 0; i < n; i++) argv.push(WORDS[rng.int(0, WORDS.length - 1)]!);
        if (argv.includes('/') && ['rm', 'chmod', 'chown', 'chgrp', 'find', 'mv', 'cp', 'touch'].includes(id)) continue;
        let ok = false;
        try {
          ok = restore();
        } catch {
          ok = false;
        }
        if (!ok) break;
        const r = await run(id, argv, { lab, stdin: 'n\nn\nn\n', user: round % 2 ? 'user1' : 'root' });
        expect(typeof r.status).toBe('number');
      }
    }
  });

  it('copes with a symlink loop and deep trees', async () => {
    const lab = Lab.create();
    await lab.settle();
    dir(lab, '/tmp/deep');
    let p = '/tmp/deep';
    for (let i = 0; i < 60; i++) {
      p += '/d';
      dir(lab, p);
    }
    vfsOf(lab).symlink('/tmp/deep', p + '/back', ROOT);
    vfsOf(lab).symlink('self', '/tmp/self', ROOT);
    for (const argv of [
      ['ls', '-RL', '/tmp/deep'],
      ['find', '-L', '/tmp/deep', '-name', 'x'],
      ['du', '-sL', '/tmp/deep'],
      ['cp', '-rL', '/tmp/deep', '/tmp/copy'],
      ['chmod', '-RL', '700', '/tmp/deep'],
      ['stat', '-L', '/tmp/self'],
      ['readlink', '-f', '/tmp/self'],
      ['ls', '-l', '/tmp/self/x'],
      ['rm', '-r', '/tmp/deep'],
    ]) {
      const r = await run(argv[0]!, argv, { lab });
      expect(typeof r.status).toBe('number');
    }
  });
});
