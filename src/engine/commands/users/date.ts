import type { Program, ProgramContext } from '../../proc/program';
import { MONTHS, WEEKDAYS, pad2 } from '../../util/clock';
import { coreutilsHelpTail, coreutilsVersion, getopt, progName, q, tryHelp } from './common';

// ---- time zones ---------------------------------------------------------------------------

/** A time zone as the TZ variable names it: an offset and an abbreviation at each instant. */
export interface Zone {
  offset(utcMs: number): number;
  abbr(utcMs: number): string;
}

function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return Date.UTC(year, month, 1 + ((7 - first) % 7) + (n - 1) * 7);
}

/** A zone with the US daylight-saving rules in force since 2007. */
function usZone(stdMinutes: number, std: string, dst: string | null): Zone {
  const isDst = (ms: number): boolean => {
    if (dst === null) return false;
    const year = new Date(ms + stdMinutes * 60_000).getUTCFullYear();
    const start = nthSunday(year, 2, 2) + 2 * 3600_000 - stdMinutes * 60_000;
    const end = nthSunday(year, 10, 1) + 2 * 3600_000 - (stdMinutes + 60) * 60_000;
    return ms >= start && ms < end;
  };
  return {
    offset: (ms) => (isDst(ms) ? stdMinutes + 60 : stdMinutes),
    abbr: (ms) => (isDst(ms) ? dst! : std),
  };
}

function fixedZone(minutes: number, name: string): Zone {
  return { offset: () => minutes, abbr: () => name };
}

export const DENVER = usZone(-420, 'MST', 'MDT');
export const UTC = fixedZone(0, 'UTC');

const NAMED: Record<string, Zone> = {
  'America/Denver': DENVER,
  'US/Mountain': DENVER,
  MST7MDT: DENVER,
  Navajo: DENVER,
  'America/New_York': usZone(-300, 'EST', 'EDT'),
  'US/Eastern': usZone(-300, 'EST', 'EDT'),
  EST5EDT: usZone(-300, 'EST', 'EDT'),
  'America/Chicago': usZone(-360, 'CST', 'CDT'),
  'US/Central': usZone(-360, 'CST', 'CDT'),
  CST6CDT: usZone(-360, 'CST', 'CDT'),
  'America/Los_Angeles': usZone(-480, 'PST', 'PDT'),
  'US/Pacific': usZone(-480, 'PST', 'PDT'),
  PST8PDT: usZone(-480, 'PST', 'PDT'),
  'America/Phoenix': fixedZone(-420, 'MST'),
  UTC,
  'Etc/UTC': UTC,
  UCT: fixedZone(0, 'UCT'),
  Universal: UTC,
  Zulu: UTC,
  GMT: fixedZone(0, 'GMT'),
  'Etc/GMT': fixedZone(0, 'GMT'),
  'Europe/London': fixedZone(0, 'GMT'),
};

/** The zone the TZ variable selects; unset means the host's /etc/localtime (America/Denver). */
export function zoneFromTz(tz: string | undefined): Zone {
  if (tz === undefined) return DENVER;
  let t = tz.startsWith(':') ? tz.slice(1) : tz;
  if (t === '') return UTC;
  const named = NAMED[t];
  if (named) return named;
  // A POSIX TZ string: NAME[+-]HH[:MM][DSTNAME] (the daylight part follows US rules here).
  const m = /^([A-Za-z]{3,})([+-]?\d{1,2})(?::(\d{2}))?([A-Za-z]{3,})?/.exec(t);
  if (m) {
    const hours = Number(m[2]);
    const mins = m[3] ? Number(m[3]) : 0;
    const west = hours >= 0 && !m[2]!.startsWith('-');
    const off = -(Math.abs(hours) * 60 + mins) * (west ? 1 : -1);
    return m[4] ? usZone(off, m[1]!, m[4]) : fixedZone(off, m[1]!);
  }
  t = /^[A-Za-z]{3,}$/.test(t) ? t : 'UTC';
  return fixedZone(0, t);
}

// ---- broken-down time and strftime --------------------------------------------------------

export interface Tm {
  year: number;
  month: number; // 0-11
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  yday: number; // 0-365
  offset: number; // minutes east of UTC
  zone: string;
  ms: number; // the instant, ms since the epoch
}

export function breakDown(ms: number, zone: Zone): Tm {
  const offset = zone.offset(ms);
  const d = new Date(ms + offset * 60_000);
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yday: Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86400_000),
    offset,
    zone: zone.abbr(ms),
    ms,
  };
}

/** Local wall-clock fields back to an instant (mktime). */
export function makeTime(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: Zone): number {
  const wall = Date.UTC(year, month, day, hour, minute, second);
  const o1 = zone.offset(wall);
  const guess = wall - o1 * 60_000;
  const o2 = zone.offset(guess);
  return wall - o2 * 60_000;
}

const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whether the C/POSIX locale is in force for dates (else en_US, the lab's LANG). */
export function cLocale(env: Record<string, string>): boolean {
  const l = env.LC_ALL || env.LC_TIME || env.LANG || '';
  return l === '' || l === 'C' || l === 'POSIX' || l.startsWith('C.');
}

function isoWeek(tm: Tm): { year: number; week: number } {
  const wdayMon = (tm.weekday + 6) % 7; // Monday = 0
  const thursdayYday = tm.yday - wdayMon + 3;
  let year = tm.year;
  let yday = thursdayYday;
  const daysIn = (y: number): number => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);
  if (yday < 0) {
    year--;
    yday += daysIn(year);
  } else if (yday >= daysIn(year)) {
    yday -= daysIn(year);
    year++;
  }
  return { year, week: Math.floor(yday / 7) + 1 };
}

function numericZone(off: number, colons: number): string {
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const h = pad2(Math.floor(a / 60));
  const m = pad2(a % 60);
  if (colons === 1) return `${sign}${h}:${m}`;
  if (colons === 2) return `${sign}${h}:${m}:00`;
  if (colons === 3) return a % 60 === 0 ? `${sign}${h}` : `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

/** strftime(3) as glibc does it, with GNU date's flags (- _ 0 ^ #), widths and %N. */
export function strftime(fmt: string, tm: Tm, cloc: boolean): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const start = i;
    let flag = '';
    let j = i + 1;
    while (j < fmt.length && '-_0^#'.includes(fmt[j]!)) flag += fmt[j++]!;
    let widthText = '';
    while (j < fmt.length && /\d/.test(fmt[j]!)) widthText += fmt[j++]!;
    let colons = 0;
    while (j < fmt.length && fmt[j] === ':') {
      colons++;
      j++;
    }
    if (j < fmt.length && (fmt[j] === 'E' || fmt[j] === 'O')) j++;
    const conv = fmt[j];
    if (conv === undefined) {
      out += fmt.slice(start);
      break;
    }
    i = j;
    if (colons > 0 && conv !== 'z') {
      out += fmt.slice(start, j + 1);
      continue;
    }
    const r = convert(conv, tm, cloc, colons);
    if (r === null) {
      out += fmt.slice(start, j + 1);
      continue;
    }
    let text = r.text;
    if (flag.includes('^')) text = text.toUpperCase();
    else if (flag.includes('#')) text = conv === 'p' || conv === 'Z' ? text.toLowerCase() : text.toUpperCase();
    const width = widthText !== '' ? Number(widthText) : r.width;
    let pad = r.pad;
    if (flag.includes('-')) pad = '';
    else if (flag.includes('_')) pad = ' ';
    else if (flag.includes('0')) pad = '0';
    if (r.numeric) text = String(Number(text));
    if (pad !== '' && text.length < width) {
      if (text.startsWith('-') && pad === '0') text = '-' + text.slice(1).padStart(width - 1, '0');
      else text = text.padStart(width, pad);
    }
    out += text;
  }
  return out;
}

interface Converted {
  text: string;
  numeric: boolean;
  width: number;
  pad: string;
}

function convert(c: string, tm: Tm, cloc: boolean, colons: number): Converted | null {
  const num = (n: number, width: number, pad = '0'): Converted => ({ text: String(n).padStart(width, pad), numeric: true, width, pad });
  const str = (text: string): Converted => ({ text, numeric: false, width: 0, pad: ' ' });
  const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  const sub = (f: string): Converted => str(strftime(f, tm, cloc));
  switch (c) {
    case 'a': return str(WEEKDAYS[tm.weekday]!);
    case 'A': return str(FULL_DAYS[tm.weekday]!);
    case 'b':
    case 'h': return str(MONTHS[tm.month]!);
    case 'B': return str(FULL_MONTHS[tm.month]!);
    case 'c': return sub(cloc ? '%a %b %e %H:%M:%S %Y' : '%a %d %b %Y %r %Z');
    case 'C': return num(Math.floor(tm.year / 100), 2);
    case 'd': return num(tm.day, 2);
    case 'D': return sub('%m/%d/%y');
    case 'e': return num(tm.day, 2, ' ');
    case 'F': return sub('%Y-%m-%d');
    case 'g': return num(isoWeek(tm).year % 100, 2);
    case 'G': return num(isoWeek(tm).year, 1);
    case 'H': return num(tm.hour, 2);
    case 'I': return num(hour12, 2);
    case 'j': return num(tm.yday + 1, 3);
    case 'k': return num(tm.hour, 2, ' ');
    case 'l': return num(hour12, 2, ' ');
    case 'm': return num(tm.month + 1, 2);
    case 'M': return num(tm.minute, 2);
    case 'n': return str('\n');
    case 'N': return num((((tm.ms % 1000) + 1000) % 1000) * 1_000_000, 9);
    case 'p': return str(tm.hour < 12 ? 'AM' : 'PM');
    case 'P': return str(tm.hour < 12 ? 'am' : 'pm');
    case 'r': return sub('%I:%M:%S %p');
    case 'R': return sub('%H:%M');
    case 's': return { text: String(Math.floor(tm.ms / 1000)), numeric: true, width: 1, pad: '0' };
    case 'S': return num(tm.second, 2);
    case 't': return str('\t');
    case 'T': return sub('%H:%M:%S');
    case 'u': return num(tm.weekday === 0 ? 7 : tm.weekday, 1);
    case 'U': return num(Math.floor((tm.yday + 7 - tm.weekday) / 7), 2);
    case 'V': return num(isoWeek(tm).week, 2);
    case 'w': return num(tm.weekday, 1);
    case 'W': return num(Math.floor((tm.yday + 7 - ((tm.weekday + 6) % 7)) / 7), 2);
    case 'x': return sub(cloc ? '%m/%d/%y' : '%m/%d/%Y');
    case 'X': return sub(cloc ? '%H:%M:%S' : '%r');
    case 'y': return num(tm.year % 100, 2);
    case 'Y': return num(tm.year, 1);
    case 'z': return str(numericZone(tm.offset, colons));
    case 'Z': return str(tm.zone);
    case '%': return str('%');
    case '+': return sub('%a %b %e %H:%M:%S %Z %Y');
    default: return null;
  }
}

// ---- parsing dates (date -d) --------------------------------------------------------------

const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_WORDS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const UNIT_SECONDS: Record<string, number> = { second: 1, sec: 1, minute: 60, min: 60, hour: 3600 };
const ZONE_WORDS: Record<string, number> = {
  utc: 0, ut: 0, gmt: 0, z: 0, wet: 0, edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480,
};

function monthIndex(word: string): number {
  if (word.length < 3) return -1;
  const full = FULL_MONTHS.map((m) => m.toLowerCase());
  for (let i = 0; i < 12; i++) if (full[i] === word || MONTH_WORDS[i] === word || (word === 'sept' && i === 8)) return i;
  return -1;
}

function dayIndex(word: string): number {
  const full = FULL_DAYS.map((d) => d.toLowerCase());
  for (let i = 0; i < 7; i++) if (full[i] === word || DAY_WORDS[i] === word || (word.length >= 3 && full[i]!.startsWith(word) && word.length <= full[i]!.length && ['tues', 'wednes', 'thur', 'thurs'].includes(word))) return i;
  return -1;
}

/**
 * A subset of GNU date's free-form date parser: ISO and US dates, month names, times with
 * am/pm and zones, `now/today/yesterday/tomorrow/noon/midnight`, weekdays, `@SECONDS`, and
 * relative items (`3 days ago`, `+2 hours`, `next week`). Returns the instant or null.
 */
export function parseDate(input: string, nowMs: number, zone: Zone): number | null {
  const text = input.trim().toLowerCase();
  // An empty string is the start of today.
  if (text === '') {
    const t = breakDown(nowMs, zone);
    return makeTime(t.year, t.month, t.day, 0, 0, 0, zone);
  }
  const epoch = /^@\s*([+-]?\d+)(?:\.(\d+))?$/.exec(text);
  if (epoch) return Number(epoch[1]) * 1000 + (epoch[2] ? Math.floor(Number('0.' + epoch[2]) * 1000) : 0);
  let date: { y: number | null; m: number; d: number } | null = null;
  let time: { h: number; mi: number; s: number } | null = null;
  let zoneOff: number | null = null;
  let weekday: { day: number; ordinal: number } | null = null;
  const rel = { y: 0, mo: 0, d: 0, s: 0 };
  let pendingOrdinal: number | null = null;
  let s = text;
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(s);
    if (m) s = s.slice(m[0].length);
    return m;
  };
  const addRel = (unit: string, n: number): boolean => {
    const u = unit.replace(/s$/, '');
    switch (u) {
      case 'year': rel.y += n; return true;
      case 'month': rel.mo += n; return true;
      case 'fortnight': rel.d += 14 * n; return true;
      case 'week': rel.d += 7 * n; return true;
      case 'day': rel.d += n; return true;
      default:
        if (UNIT_SECONDS[u] !== undefined) {
          rel.s += UNIT_SECONDS[u]! * n;
          return true;
        }
        return false;
    }
  };
  const UNIT = '(years?|months?|fortnights?|weeks?|days?|hours?|minutes?|mins?|seconds?|secs?)';
  const setTime = (h: number, mi: number, sec: number, ampm: string | undefined): boolean => {
    if (time) return false;
    if (ampm) {
      if (h < 1 || h > 12) return false;
      const pm = ampm.startsWith('p');
      h = (h % 12) + (pm ? 12 : 0);
    }
    if (h > 23 || mi > 59 || sec > 60) return false;
    time = { h, mi, s: sec };
    return true;
  };
  let guard = 0;
  while (s.length > 0 && guard++ < 100) {
    if (eat(/^[\s,]+/)) continue;
    let m: RegExpExecArray | null;
    if ((m = eat(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:t(?=\d))?/))) {
      if (date) return null;
      date = { y: Number(m[1]), m: Number(m[2]) - 1, d: Number(m[3]) };
      continue;
    }
    if ((m = eat(/^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?![\d/])/))) {
      if (date) return null;
      let y: number | null = m[3] ? Number(m[3]) : null;
      if (y !== null && m[3]!.length === 2) y += y < 69 ? 2000 : 1900;
      date = { y, m: Number(m[1]) - 1, d: Number(m[2]) };
      continue;
    }
    if ((m = eat(/^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d:])/))) {
      if (!setTime(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 0, m[4])) return null;
      const z = eat(/^\s*([+-])(\d{2}):?(\d{2})(?!\d)/);
      if (z) zoneOff = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
      continue;
    }
    if ((m = eat(/^(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])/))) {
      if (!setTime(Number(m[1]), 0, 0, m[2])) return null;
      continue;
    }
    if ((m = eat(new RegExp('^([+-]?)\\s*(\\d+)\\s*' + UNIT + '(?![a-z])')))) {
      addRel(m[3]!, (m[1] === '-' ? -1 : 1) * Number(m[2]));
      continue;
    }
    if ((m = eat(/^([+-])(\d{2}):?(\d{2})(?!\d)/))) {
      zoneOff = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
      continue;
    }
    if ((m = eat(/^(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?(?![a-z\d])/)) && monthIndex(m[2]!) >= 0) {
      if (date) return null;
      date = { y: m[3] ? Number(m[3]) : null, m: monthIndex(m[2]!), d: Number(m[1]) };
      continue;
    } else if (m) {
      s = m[0] + s;
    }
    if ((m = eat(/^(\d+)(?![\d:/-])/))) {
      const digits = m[1]!;
      const n = Number(digits);
      if (date && date.y === null && !rel.y && !rel.mo && !rel.d && !rel.s && (time || digits.length > 2)) date.y = n;
      else if (digits.length > 4) {
        if (date) return null;
        date = { y: Math.floor(n / 10000), m: (Math.floor(n / 100) % 100) - 1, d: n % 100 };
      } else if (digits.length <= 2) {
        if (!setTime(n, 0, 0, undefined)) return null;
      } else if (!setTime(Math.floor(n / 100), n % 100, 0, undefined)) return null;
      continue;
    }
    if ((m = eat(/^([a-z]+)\.?/))) {
      const w = m[1]!;
      const mi = monthIndex(w);
      if (mi >= 0) {
        if (date) return null;
        const dm = eat(/^\s*(\d{1,2})(?!\d)(?:(?:\s*,\s*|\s+)(\d{4})(?!\d))?/);
        date = { y: dm && dm[2] ? Number(dm[2]) : null, m: mi, d: dm ? Number(dm[1]) : 1 };
        continue;
      }
      const di = dayIndex(w);
      if (di >= 0) {
        weekday = { day: di, ordinal: pendingOrdinal ?? 0 };
        pendingOrdinal = null;
        continue;
      }
      if (new RegExp('^' + UNIT + '$').test(w)) {
        addRel(w, pendingOrdinal ?? 1);
        pendingOrdinal = null;
        continue;
      }
      if (w in ZONE_WORDS) {
        zoneOff = ZONE_WORDS[w]!;
        continue;
      }
      switch (w) {
        case 'now':
        case 'today':
        case 'this':
          if (w === 'this') pendingOrdinal = 0;
          continue;
        case 'tomorrow': rel.d += 1; continue;
        case 'yesterday': rel.d -= 1; continue;
        case 'noon': if (!setTime(12, 0, 0, undefined)) return null; continue;
        case 'midnight': if (!setTime(0, 0, 0, undefined)) return null; continue;
        case 'next': pendingOrdinal = 1; continue;
        case 'last': pendingOrdinal = -1; continue;
        case 'ago':
          rel.y = -rel.y; rel.mo = -rel.mo; rel.d = -rel.d; rel.s = -rel.s;
          continue;
        case 'at':
        case 'on':
        case 'and':
          continue;
      }
      return null;
    }
    return null;
  }
  if (s.length > 0 || pendingOrdinal !== null) return null;
  const useZone: Zone = zoneOff === null ? zone : { offset: () => zoneOff!, abbr: () => '' };
  const now = breakDown(nowMs, useZone);
  const d = date as { y: number | null; m: number; d: number } | null;
  const t = time as { h: number; mi: number; s: number } | null;
  let y = d ? (d.y ?? now.year) : now.year;
  let mo = d ? d.m : now.month;
  let day = d ? d.d : now.day;
  if (d && (d.m < 0 || d.m > 11 || d.d < 1 || d.d > new Date(Date.UTC(y, d.m + 1, 0)).getUTCDate())) return null;
  const explicitTime = t !== null || d !== null || weekday !== null;
  const h = t ? t.h : explicitTime ? 0 : now.hour;
  const mi = t ? t.mi : explicitTime ? 0 : now.minute;
  const sec = t ? t.s : explicitTime ? 0 : now.second;
  if (weekday && !d) {
    const w = weekday as { day: number; ordinal: number };
    day += ((w.day - now.weekday + 7) % 7) + 7 * (w.ordinal - (w.ordinal > 0 && now.weekday !== w.day ? 1 : 0));
  }
  y += rel.y;
  mo += rel.mo;
  day += rel.d;
  const ms = makeTime(y, mo, day, h, mi, sec, useZone);
  return ms + rel.s * 1000 + (explicitTime ? 0 : nowMs % 1000);
}

/** The POSIX `date MMDDhhmm[[CC]YY][.ss]` operand. */
function parsePosixSet(text: string, nowMs: number, zone: Zone): number | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2}|\d{4})?(?:\.(\d{2}))?$/.exec(text);
  if (!m) return null;
  const now = breakDown(nowMs, zone);
  let y = now.year;
  if (m[5]) {
    y = Number(m[5]);
    if (m[5].length === 2) y += y < 69 ? 2000 : 1900;
  }
  const mo = Number(m[1]) - 1;
  const d = Number(m[2]);
  const h = Number(m[3]);
  const mi = Number(m[4]);
  const s = m[6] ? Number(m[6]) : 0;
  if (mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return makeTime(y, mo, d, h, mi, s, zone);
}

// ---- date(1) ------------------------------------------------------------------------------

function helpText(prog: string): string {
  return (
    `Usage: ${prog} [OPTION]... [+FORMAT]\n` +
    `  or:  ${prog} [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]\n` +
    'Display the current time in the given FORMAT, or set the system date.\n\n' +
    "  -d, --date=STRING         display time described by STRING, not `now'\n" +
    '  -f, --file=DATEFILE       like --date once for each line of DATEFILE\n' +
    "  -r, --reference=FILE      display the last modification time of FILE\n" +
    '  -R, --rfc-2822            output date and time in RFC 2822 format.\n' +
    '                            Example: Mon, 07 Aug 2006 12:34:56 -0600\n' +
    "      --rfc-3339=TIMESPEC   output date and time in RFC 3339 format.\n" +
    "                            TIMESPEC=`date', `seconds', or `ns' for\n" +
    '                            date and time to the indicated precision.\n' +
    '                            Date and time components are separated by\n' +
    "                            a single space: 2006-08-07 12:34:56-06:00\n" +
    '  -s, --set=STRING          set time described by STRING\n' +
    '  -u, --utc, --universal    print or set Coordinated Universal Time\n' +
    '      --help     display this help and exit\n' +
    '      --version  output version information and exit\n\n' +
    'FORMAT controls the output.  Interpreted sequences are:\n\n' +
    '  %%   a literal %\n  %a   locale\'s abbreviated weekday name (e.g., Sun)\n' +
    "  %A   locale's full weekday name (e.g., Sunday)\n  %b   locale's abbreviated month name (e.g., Jan)\n" +
    "  %B   locale's full month name (e.g., January)\n  %c   locale's date and time (e.g., Thu Mar  3 23:05:25 2005)\n" +
    '  %C   century; like %Y, except omit last two digits (e.g., 20)\n  %d   day of month (e.g, 01)\n' +
    '  %D   date; same as %m/%d/%y\n  %e   day of month, space padded; same as %_d\n' +
    '  %F   full date; same as %Y-%m-%d\n  %g   last two digits of year of ISO week number (see %G)\n' +
    '  %G   year of ISO week number (see %V); normally useful only with %V\n  %h   same as %b\n' +
    '  %H   hour (00..23)\n  %I   hour (01..12)\n  %j   day of year (001..366)\n' +
    '  %k   hour ( 0..23)\n  %l   hour ( 1..12)\n  %m   month (01..12)\n  %M   minute (00..59)\n' +
    '  %n   a newline\n  %N   nanoseconds (000000000..999999999)\n' +
    "  %p   locale's equivalent of either AM or PM; blank if not known\n  %P   like %p, but lower case\n" +
    "  %r   locale's 12-hour clock time (e.g., 11:11:04 PM)\n  %R   24-hour hour and minute; same as %H:%M\n" +
    '  %s   seconds since 1970-01-01 00:00:00 UTC\n  %S   second (00..60)\n  %t   a tab\n' +
    '  %T   time; same as %H:%M:%S\n  %u   day of week (1..7); 1 is Monday\n' +
    '  %U   week number of year, with Sunday as first day of week (00..53)\n' +
    '  %V   ISO week number, with Monday as first day of week (01..53)\n' +
    '  %w   day of week (0..6); 0 is Sunday\n' +
    '  %W   week number of year, with Monday as first day of week (00..53)\n' +
    "  %x   locale's date representation (e.g., 12/31/99)\n  %X   locale's time representation (e.g., 23:13:48)\n" +
    '  %y   last two digits of year (00..99)\n  %Y   year\n  %z   +hhmm numeric time zone (e.g., -0400)\n' +
    '  %:z  +hh:mm numeric time zone (e.g., -04:00)\n  %::z  +hh:mm:ss numeric time zone (e.g., -04:00:00)\n' +
    '  %:::z  numeric time zone with : to necessary precision (e.g., -04, +05:30)\n' +
    '  %Z   alphabetic time zone abbreviation (e.g., EDT)\n\n' +
    "By default, date pads numeric fields with zeroes.\nThe following optional flags may follow `%':\n\n" +
    '  -  (hyphen) do not pad the field\n  _  (underscore) pad with spaces\n  0  (zero) pad with zeros\n' +
    '  ^  use upper case if possible\n  #  use opposite case if possible\n\n' +
    'After any flags comes an optional field width, as a decimal number;\n' +
    'then an optional modifier, which is either\n' +
    "E to use the locale's alternate representations if available, or\n" +
    "O to use the locale's alternate numeric symbols if available.\n"
  );
}

/** date(1), coreutils: prints (or, as root, sets) the lab clock in the host's time zone. */
export const date: Program = async (ctx) => {
  const prog = progName(ctx, 'date');
  const p = getopt(ctx, prog, ctx.argv.slice(1), {
    short: 'd:f:I::r:Rs:u',
    long: [
      { name: 'date', arg: 'required', key: 'd' },
      { name: 'file', arg: 'required', key: 'f' },
      { name: 'iso-8601', arg: 'optional', key: 'I' },
      { name: 'reference', arg: 'required', key: 'r' },
      { name: 'rfc-2822', arg: 'none', key: 'R' },
      { name: 'rfc-822', arg: 'none', key: 'R' },
      { name: 'rfc-3339', arg: 'required', key: 'rfc3339' },
      { name: 'set', arg: 'required', key: 's' },
      { name: 'uct', arg: 'none', key: 'u' },
      { name: 'utc', arg: 'none', key: 'u' },
      { name: 'universal', arg: 'none', key: 'u' },
      { name: 'help', arg: 'none', key: 'help' },
      { name: 'version', arg: 'none', key: 'version' },
    ],
  });
  if (p.errors.length) {
    ctx.stderr.write(p.errors[0] + '\n');
    tryHelp(ctx, prog);
    return 1;
  }
  let dateStr: string | null = null;
  let setStr: string | null = null;
  let fileArg: string | null = null;
  let refFile: string | null = null;
  let fmt: string | null = null;
  let utc = false;
  let formats = 0;
  for (const o of p.opts) {
    switch (o.key) {
      case 'd': dateStr = o.value; break;
      case 'f': fileArg = o.value; break;
      case 'r': refFile = o.value; break;
      case 's': setStr = o.value; break;
      case 'u': utc = true; break;
      case 'R': fmt = '%a, %d %b %Y %H:%M:%S %z'; formats++; break;
      case 'I': {
        const v = o.value ?? 'date';
        const table: Record<string, string> = {
          date: '%Y-%m-%d',
          hours: '%Y-%m-%dT%H%z',
          minutes: '%Y-%m-%dT%H:%M%z',
          seconds: '%Y-%m-%dT%H:%M:%S%z',
          ns: '%Y-%m-%dT%H:%M:%S,%N%z',
        };
        const key = Object.keys(table).find((k) => k.startsWith(v) && v !== '');
        if (!key) return badArg(ctx, prog, v, '--iso-8601', ['hours', 'minutes', 'date', 'seconds', 'ns']);
        fmt = table[key]!;
        formats++;
        break;
      }
      case 'rfc3339': {
        const v = o.value ?? '';
        const table: Record<string, string> = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' };
        const key = Object.keys(table).find((k) => k.startsWith(v) && v !== '');
        if (!key) return badArg(ctx, prog, v, '--rfc-3339', ['date', 'seconds', 'ns']);
        fmt = table[key]!;
        formats++;
        break;
      }
      case 'help':
        ctx.stdout.write(helpText(prog) + coreutilsHelpTail(ctx, 'date'));
        return 0;
      case 'version':
        ctx.stdout.write(coreutilsVersion(ctx, 'date', 'David MacKenzie'));
        return 0;
    }
  }
  const givers = [dateStr, fileArg, refFile].filter((x) => x !== null).length;
  if (givers > 1) {
    ctx.stderr.write(`${prog}: the options to specify dates for printing are mutually exclusive\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  if (setStr !== null && givers > 0) {
    ctx.stderr.write(`${prog}: the options to print and set the time may not be used together\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  let operands = [...p.operands];
  let posixSet: string | null = null;
  if (operands.length > 0 && !operands[0]!.startsWith('+')) {
    if (setStr !== null || givers > 0) {
      ctx.stderr.write(`${prog}: the argument ${q(operands[0]!)} lacks a leading \`+';\n` +
        'When using an option to specify date(s), any non-option\nargument must be a format string beginning with `+\'.\n');
      tryHelp(ctx, prog);
      return 1;
    }
    posixSet = operands[0]!;
    operands = operands.slice(1);
  }
  if (operands.length > 1 || (posixSet !== null && operands.length > 0)) {
    ctx.stderr.write(`${prog}: extra operand ${q(operands[posixSet !== null ? 0 : 1]!)}\n`);
    tryHelp(ctx, prog);
    return 1;
  }
  if (operands.length === 1) {
    if (formats > 0) {
      ctx.stderr.write(`${prog}: multiple output formats specified\n`);
      return 1;
    }
    fmt = operands[0]!.slice(1);
  }
  if (formats > 1) {
    ctx.stderr.write(`${prog}: multiple output formats specified\n`);
    return 1;
  }
  const zone = utc ? zoneFromTz('UTC0') : zoneFromTz(ctx.env.TZ);
  const cloc = cLocale(ctx.env);
  const format = fmt ?? '%a %b %e %H:%M:%S %Z %Y';
  const show = (ms: number): void => {
    ctx.stdout.write(strftime(format, breakDown(ms, zone), cloc) + '\n');
  };
  const now = ctx.host.now();
  if (fileArg !== null) {
    let text: string;
    try {
      text = fileArg === '-' ? await ctx.stdin.readAll() : ctx.fs.readFile(fileArg);
    } catch (e) {
      ctx.stderr.write(`${prog}: ${fileArg}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    let status = 0;
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      const ms = parseDate(line, now, zone);
      if (ms === null) {
        ctx.stderr.write(`${prog}: invalid date ${q(line)}\n`);
        status = 1;
      } else show(ms);
    }
    return status;
  }
  if (refFile !== null) {
    const st = ctx.fs.tryStat(refFile);
    if (!st) {
      let msg = 'No such file or directory';
      try {
        ctx.fs.stat(refFile);
      } catch (e) {
        msg = e instanceof Error ? e.message : msg;
      }
      ctx.stderr.write(`${prog}: ${refFile}: ${msg}\n`);
      return 1;
    }
    show(st.mtime);
    return 0;
  }
  if (dateStr !== null) {
    const ms = parseDate(dateStr, now, zone);
    if (ms === null) {
      ctx.stderr.write(`${prog}: invalid date ${q(dateStr)}\n`);
      return 1;
    }
    show(ms);
    return 0;
  }
  if (setStr !== null || posixSet !== null) {
    const text = (setStr ?? posixSet)!;
    const ms = setStr !== null ? parseDate(text, now, zone) : parsePosixSet(text, now, zone);
    if (ms === null) {
      ctx.stderr.write(`${prog}: invalid date ${q(text)}\n`);
      return 1;
    }
    let status = 0;
    if (ctx.fs.cred.uid !== 0) {
      ctx.stderr.write(`${prog}: cannot set date: Operation not permitted\n`);
      status = 1;
    } else {
      // The lab has one clock for both hosts and it only runs forward: a date in the past is
      // accepted and printed but the clock stays where it is.
      ctx.host.lab.clock.set(ms);
    }
    show(ms);
    return status;
  }
  show(now);
  return 0;
};

function badArg(ctx: ProgramContext, prog: string, value: string, option: string, valid: string[]): number {
  ctx.stderr.write(`${prog}: invalid argument ${q(value)} for ${q(option)}\nValid arguments are:\n` + valid.map((v) => `  - ${q(v)}\n`).join(''));
  tryHelp(ctx, prog);
  return 1;
}
