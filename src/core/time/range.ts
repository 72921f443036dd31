// Ranges ("10:05 – 10:30", "from 10 to 11 PM"): where chrono reads one range, split it
// and read each end on its own; then a date, zone or meridiem written once applies to both.
import type { ParsedResult } from 'chrono-node/en';
import { DateTime } from 'luxon';
import type { CalendarDate, TimeReading } from './reading.ts';
import { readFirstTime, toReading } from './reading.ts';

const RANGE_CONNECTOR = /[ \t]+(?:-|–|—|~|to|until|till|through|thru|and)[ \t]+|(?<=:\d\d|[ap]\.?m\.?|\d)[ \t]*[-–~][ \t]*(?=\d{1,2}(?::\d|[ \t]*[ap]\.?m))/gi;
const TIME_FIRST = /^\d{1,2}(?::\d\d|[ \t]*[ap]\.?m)/i;

/** A chrono range (read from `base` on): split its text at the connector and read each side on its own. */
export function splitRange(r: ParsedResult, norm: string, orig: string, base = 0): TimeReading[] {
  const from = base + r.index;
  const to = from + r.text.length;
  const text = norm.slice(from, to);
  for (const c of text.matchAll(RANGE_CONNECTOR)) {
    const cut = from + c.index;
    const resume = cut + c[0].length;
    const first = readFirstTime(norm, orig, from, cut) ?? bareHour(norm, orig, from, cut);
    const second = readFirstTime(norm, orig, resume, to);
    if (first !== null && second !== null) {
      first.end = second;
      return [first, second];
    }
  }
  const whole = toReading(r, base, norm, orig);
  return whole === null ? [] : [whole];
}

/** "10 to 11 PM": the bare "10" that only the range makes a time. */
function bareHour(norm: string, orig: string, from: number, to: number): TimeReading | null {
  const m = /^([ \t]*(?:from[ \t]+|between[ \t]+)?)(\d{1,2})[ \t]*$/i.exec(norm.slice(from, to));
  if (m === null || m[2] === undefined) return null;
  const hour = Number(m[2]);
  if (hour > 23) return null;
  const index = from + (m[1]?.length ?? 0);
  return {
    index,
    length: m[2].length,
    text: orig.slice(index, index + m[2].length),
    year: null,
    month: null,
    day: null,
    hour,
    minute: 0,
    second: 0,
    meridiem: null,
    zone: null,
    twentyFourHour: hour > 12 || hour === 0,
  };
}

/** A date, zone or meridiem written on one end of a range applies to the other. */
export function joinRange(start: TimeReading, end: TimeReading): void {
  start.zone ??= end.zone;
  end.zone ??= start.zone;
  if (start.meridiem === null && end.meridiem !== null && !start.twentyFourHour && start.hour <= 12) {
    start.hour = pickHour(start, end, -1);
    start.meridiem = start.hour < 12 ? 'am' : 'pm';
  } else if (end.meridiem === null && start.meridiem !== null && !end.twentyFourHour && end.hour <= 12) {
    end.hour = pickHour(end, start, 1);
    end.meridiem = end.hour < 12 ? 'am' : 'pm';
  }
  const startMinutes = start.hour * 60 + start.minute;
  const endMinutes = end.hour * 60 + end.minute;
  if (end.year === null && start.year !== null && start.month !== null && start.day !== null) {
    const d = shiftDate(start.year, start.month, start.day, endMinutes < startMinutes ? 1 : 0);
    Object.assign(end, d);
  } else if (start.year === null && end.year !== null && end.month !== null && end.day !== null) {
    if (TIME_FIRST.test(end.text)) {
      // "23:00 to 01:00 UTC on May 10": the trailing date is the range's, the end may roll over.
      Object.assign(start, { year: end.year, month: end.month, day: end.day });
      if (endMinutes < startMinutes) Object.assign(end, shiftDate(end.year, end.month, end.day, 1));
    } else {
      Object.assign(start, shiftDate(end.year, end.month, end.day, endMinutes < startMinutes ? -1 : 0));
    }
  }
}

/** Of h and h±12, the hour that keeps the range in order and shortest. */
function pickHour(t: TimeReading, other: TimeReading, direction: 1 | -1): number {
  const base = t.hour % 12;
  const candidates = [base, base + 12];
  const otherMinutes = other.hour * 60 + other.minute;
  let best = t.hour;
  let bestGap = Infinity;
  for (const h of candidates) {
    const gap = direction * (h * 60 + t.minute - otherMinutes);
    if (gap >= 0 && gap < bestGap) {
      best = h;
      bestGap = gap;
    }
  }
  return best;
}

function shiftDate(year: number, month: number, day: number, days: number): CalendarDate {
  // Calendar arithmetic on a UTC Date, as luxon does it for a valid date; anything else
  // (a date that does not exist, a year Date.UTC maps to 19xx) goes to luxon as before.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year >= 100 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
    d.setUTCDate(day + days);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const l = DateTime.fromObject({ year, month, day }, { zone: 'utc' }).plus({ days });
  return { year: l.year, month: l.month, day: l.day };
}
