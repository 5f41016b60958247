import { MONTHS, WEEKDAYS, pad2, toLocal } from '../util/clock';

/** `Sat Apr 26 11:25:00`, as login's "Last login:" line shows it. */
export function timeOfDay(utcMs: number): string {
  const t = toLocal(utcMs);
  const day = t.day < 10 ? ' ' + t.day : String(t.day);
  return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${day} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
}
