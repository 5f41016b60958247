/**
 * Programs live in the virtual filesystem as small "ELF" files naming the lab program that
 * implements them, so `which`, `ls -l /bin`, `rpm -ql` and `rm /usr/bin/mail` all work on them.
 */
const MAGIC = '\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00';
const TAG = 'mail-lab-program:';

export function programFile(id: string): string {
  return `${MAGIC}${TAG}${id}\x00`;
}

/** The program id in an executable's content, or null when it is not one of ours. */
export function programIdOf(content: string): string | null {
  if (!content.startsWith('\x7fELF')) return null;
  const i = content.indexOf(TAG);
  if (i < 0) return null;
  const end = content.indexOf('\x00', i);
  return content.slice(i + TAG.length, end < 0 ? undefined : end);
}

/**
 * The size a program file shows (ls -l, stat, du): a real i686 binary is tens or hundreds of
 * kilobytes, not the few bytes of the marker. Derived from the program id, so it is stable.
 */
export function programApparentSize(content: string): number | null {
  const id = programIdOf(content);
  if (id === null) return null;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return 9_000 + (h % 180_000);
}
