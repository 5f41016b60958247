import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Lab } from '../src/engine/lab';
import { playReplay } from '../src/engine/replay/play';
import { matchScreen } from '../src/engine/replay/match';

/**
 * Golden transcripts: the shared ones (../shared/transcripts) whose features have landed, and the
 * project's own (test/replays). Each replay is played on a fresh default lab and its screen judged
 * by the matcher of the transcripts README.
 */
const SHARED_DIR = resolve(__dirname, '../../shared/transcripts');
const OWN_DIR = resolve(__dirname, 'replays');

/** Shared transcripts not yet expected to pass, with the capability they wait for. */
const PENDING: Record<string, string> = {
  '01-local-delivery': 'postfix local delivery and Heirloom mailx (issue: mail transport and delivery)',
  '02-dns-mx': 'named and dig (issue: the network)',
  '03-postfix-remote': 'postfix, sendmail, iptables (issues: the network, mail transport)',
  '04-smtp-telnet': 'smtpd and telnet (issues: the network, mail transport)',
  '05-mail-queue': 'the postfix queue (issue: mail transport)',
  '06-dovecot-imap': 'dovecot IMAP (later issue)',
  '07-mbox-permissions': 'dovecot IMAP (later issue)',
  '08-dovecot-imaps': 'dovecot IMAPS and openssl s_client (later issue)',
  '09-pop3': 'dovecot POP3 (later issue)',
};

function replays(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.replay'))
    .map((f) => f.slice(0, -'.replay'.length))
    .sort();
}

async function judge(dir: string, name: string): Promise<void> {
  const replay = readFileSync(join(dir, `${name}.replay`), 'utf8');
  const expected = readFileSync(join(dir, `${name}.expected`), 'utf8');
  const lab = Lab.create();
  const screen = await playReplay(lab, replay);
  const result = matchScreen(expected, screen);
  if (!result.ok) {
    const f = result.failedLine!;
    expect.fail(`${name}: expected line ${f.n} not found (searching from screen line ${result.screenFrom}):\n  ${f.text}\n--- screen ---\n${screen}`);
  }
  expect(lab.faults).toEqual([]);
}

describe('shared golden transcripts', () => {
  const names = replays(SHARED_DIR);
  it('finds the shared transcripts', () => {
    expect(names.length).toBeGreaterThan(0);
  });
  for (const name of names) {
    const pending = PENDING[name];
    if (pending) it.skip(`${name} (waits for ${pending})`, () => {});
    else it(name, () => judge(SHARED_DIR, name));
  }
});

describe('project replays', () => {
  for (const name of replays(OWN_DIR)) it(name, () => judge(OWN_DIR, name));
});
