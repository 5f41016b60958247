/**
 * The lab clock. Simulated time only moves when the lab says so (sleep, timers, an explicit
 * advance from the host page), which is what makes a replay print the same screen every time.
 */
export class LabClock {
  private ms: number;

  constructor(startMs: number) {
    this.ms = startMs;
  }

  /** Milliseconds since the Unix epoch, simulated. */
  now(): number {
    return this.ms;
  }

  /** Whole seconds since the epoch, as time(2) gives. */
  seconds(): number {
    return Math.floor(this.ms / 1000);
  }

  set(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }

  advance(ms: number): void {
    if (ms > 0) this.ms += ms;
  }
}

/** The lab's default start: Sat Apr 26 2014 11:25:00 -0600 (America/Denver, MDT). */
export const DEFAULT_START = Date.UTC(2014, 3, 26, 17, 25, 0);

/** Parses an ISO 8601 instant like 2014-04-26T11:25:00-06:00; null when it is not one. */
export function parseIsoInstant(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  let ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, s ? +s : 0);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offMin = +digits.slice(0, 2) * 60 + +digits.slice(2, 4);
    ms -= sign * offMin * 60_000;
  } else if (!zone) {
    // A local time without a zone is read in the lab's zone.
    ms -= denverOffsetMinutes(ms) * 60_000;
  }
  return Number.isNaN(ms) ? null : ms;
}

/** Offset of America/Denver from UTC in minutes at the given instant (US rules since 2007). */
export function denverOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  // DST starts the second Sunday of March at 02:00 local (09:00 UTC) and ends the first Sunday
  // of November at 02:00 local daylight time (08:00 UTC).
  const start = nthSundayUtc(year, 2, 2) + 9 * 3600_000;
  const end = nthSundayUtc(year, 10, 1) + 8 * 3600_000;
  return utcMs >= start && utcMs < end ? -360 : -420;
}

function nthSundayUtc(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (7 - first.getUTCDay()) % 7;
  return Date.UTC(year, month, 1 + offset + (n - 1) * 7);
}

export interface LocalTime {
  year: number;
  month: number; // 0-11
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
  zone: string; // MDT / MST
}

export function toLocal(utcMs: number): LocalTime {
  const off = denverOffsetMinutes(utcMs);
  const d = new Date(utcMs + off * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    offsetMinutes: off,
    zone: off === -360 ? 'MDT' : 'MST',
  };
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** `Apr 26 12:11:46`, the syslog stamp. */
export function syslogStamp(utcMs: number): string {
  const t = toLocal(utcMs);
  const day = t.day < 10 ? ' ' + t.day : String(t.day);
  return `${MONTHS[t.month]} ${day} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
}

/** `Sat Apr 26 11:25:00 MDT 2014`, as date(1) prints by default. */
export function dateDefault(utcMs: number): string {
  const t = toLocal(utcMs);
  const day = t.day < 10 ? ' ' + t.day : String(t.day);
  return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${day} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.zone} ${t.year}`;
}

/** `-0600` */
export function numericZone(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return sign + pad2(Math.floor(a / 60)) + pad2(a % 60);
}
