/**
 * strftime() and mktime() for awk, in the lab's time zone (America/Denver, see util/clock.ts),
 * with the conversions of glibc's strftime(3) in the C/POSIX locale.
 */
import { MONTHS, WEEKDAYS, denverOffsetMinutes, numericZone, pad2, toLocal, type LocalTime } from '../../../util/clock';

const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** gawk 3.1.7's default strftime() format. */
export const DEFAULT_STRFTIME = '%a %b %e %H:%M:%S %Z %Y';

function utcParts(ms: number): LocalTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    offsetMinutes: 0,
    zone: 'UTC',
  };
}

function dayOfYear(t: LocalTime): number {
  return Math.round((Date.UTC(t.year, t.month, t.day) - Date.UTC(t.year, 0, 1)) / 86400000);
}

/** ISO 8601 week number and week-based year. */
function isoWeek(t: LocalTime): { week: number; year: number } {
  const yday = dayOfYear(t);
  const wday = (t.weekday + 6) % 7; // Monday = 0
  let week = Math.floor((yday - wday + 10) / 7);
  let year = t.year;
  if (week < 1) {
    year--;
    const dec31 = new Date(Date.UTC(year, 11, 31));
    const pyday = dayOfYear({ ...t, year, month: 11, day: 31 });
    const pwday = (dec31.getUTCDay() + 6) % 7;
    week = Math.floor((pyday - pwday + 10) / 7);
  } else if (week === 53) {
    const daysInYear = (t.year % 4 === 0 && t.year % 100 !== 0) || t.year % 400 === 0 ? 366 : 365;
    if (yday - wday + 3 >= daysInYear) {
      week = 1;
      year++;
    }
  }
  return { week, year };
}

const pad = (n: number, w: number, c = '0'): string => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : c.repeat(w - s.length) + s);
};

/** Formats seconds since the epoch. */
export function strftime(format: string, seconds: number, utc = false): string {
  const ms = seconds * 1000;
  const t = utc ? utcParts(ms) : toLocal(ms);
  const conv = (ch: string): string | null => {
    switch (ch) {
      case 'a':
        return WEEKDAYS[t.weekday]!;
      case 'A':
        return LONG_DAYS[t.weekday]!;
      case 'b':
      case 'h':
        return MONTHS[t.month]!;
      case 'B':
        return LONG_MONTHS[t.month]!;
      case 'c':
        return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${pad(t.day, 2, ' ')} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.year}`;
      case 'C':
        return pad(Math.floor(t.year / 100), 2);
      case 'd':
        return pad2(t.day);
      case 'D':
        return `${pad2(t.month + 1)}/${pad2(t.day)}/${pad2(t.year % 100)}`;
      case 'e':
        return pad(t.day, 2, ' ');
      case 'F':
        return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)}`;
      case 'g':
        return pad2(isoWeek(t).year % 100);
      case 'G':
        return String(isoWeek(t).year);
      case 'H':
        return pad2(t.hour);
      case 'I':
        return pad2(t.hour % 12 === 0 ? 12 : t.hour % 12);
      case 'j':
        return pad(dayOfYear(t) + 1, 3);
      case 'k':
        return pad(t.hour, 2, ' ');
      case 'l':
        return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, 2, ' ');
      case 'm':
        return pad2(t.month + 1);
      case 'M':
        return pad2(t.minute);
      case 'n':
        return '\n';
      case 'p':
        return t.hour < 12 ? 'AM' : 'PM';
      case 'P':
        return t.hour < 12 ? 'am' : 'pm';
      case 'r':
        return `${pad2(t.hour % 12 === 0 ? 12 : t.hour % 12)}:${pad2(t.minute)}:${pad2(t.second)} ${t.hour < 12 ? 'AM' : 'PM'}`;
      case 'R':
        return `${pad2(t.hour)}:${pad2(t.minute)}`;
      case 's':
        return String(Math.floor(seconds));
      case 'S':
        return pad2(t.second);
      case 't':
        return '\t';
      case 'T':
        return `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
      case 'u':
        return String(t.weekday === 0 ? 7 : t.weekday);
      case 'U':
        return pad2(Math.floor((dayOfYear(t) + 7 - t.weekday) / 7));
      case 'V':
        return pad2(isoWeek(t).week);
      case 'w':
        return String(t.weekday);
      case 'W':
        return pad2(Math.floor((dayOfYear(t) + 7 - ((t.weekday + 6) % 7)) / 7));
      case 'x':
        return `${pad2(t.month + 1)}/${pad2(t.day)}/${pad2(t.year % 100)}`;
      case 'X':
        return `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
      case 'y':
        return pad2(t.year % 100);
      case 'Y':
        return String(t.year);
      case 'z':
        return numericZone(t.offsetMinutes);
      case 'Z':
        return t.zone;
      case '%':
        return '%';
      default:
        return null;
    }
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    let j = i + 1;
    // glibc flags and E/O modifiers are accepted and mostly ignored
    while ('_-0^#'.includes(format[j] ?? '') && j < format.length) j++;
    while (format[j] === 'E' || format[j] === 'O') j++;
    const r = conv(format[j] ?? '');
    if (r === null) {
      out += format.slice(i, j + 1);
    } else out += r;
    i = j;
  }
  return out;
}

/**
 * mktime("YYYY MM DD HH MM SS [DST]"): local time to seconds since the epoch, -1 when the
 * text is not six or seven numbers. Out-of-range fields are normalized like mktime(3).
 */
export function mktime(spec: string): number {
  const parts = spec.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) return -1;
  const nums: number[] = [];
  for (const p of parts) {
    const m = /^[+-]?\d+/.exec(p);
    if (!m) return -1;
    nums.push(parseInt(m[0], 10));
  }
  const [y, mo, d, h, mi, s] = nums as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(asUtc)) return -1;
  // local = utc + offset; find utc for the local wall time
  let utc = asUtc - denverOffsetMinutes(asUtc) * 60000;
  utc = asUtc - denverOffsetMinutes(utc) * 60000;
  return Math.floor(utc / 1000);
}
