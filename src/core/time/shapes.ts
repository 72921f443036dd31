// Time shapes real postmortems write that chrono does not read, or reads without their
// date or zone: military "2024-03-12 0616" / "1506 UTC", "15h50 UTC", dotted "10.42",
// "[03-20 10:04]" (month-day), "19. April, 11:00", "2023-01-04/11:34", "06-05-2026 ~08:50",
// and a spelled-out zone after a time ("7:09 AM Eastern"). Each is read by one anchored
// pattern at the entry's start, so the cost is one regex test per entry.
import type { TimeReading } from './reading.ts';
import { parseZone, type Zone } from './zones.ts';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/** A pattern's letters in either case, for a regex whose zone abbreviations must stay capitals. */
function anyCase(pattern: string): string {
  return pattern.replace(/(?<!\\)[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

const MONTH = anyCase(
  String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`,
);
const WEEKDAY = String.raw`(?:` + anyCase('(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?') + String.raw`\.?,?[ \t]+)?`;

// The date before the time, one of:
//   2024-03-12 · 06-05-2026 · 06/05/2026 · [03-20 (month-day) · Feb 7 · Feb 7th, 2024 · 19. April · 7 Feb 2024
const DATE =
  String.raw`(?:` +
  String.raw`(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})` +
  String.raw`|(?<na>\d{1,2})(?<ns>[-\/.])(?<nb>\d{1,2})\k<ns>(?<ny>\d{4})` +
  String.raw`|(?<=\[)(?<bm>\d{2})-(?<bd>\d{2})` +
  String.raw`|(?<mm>${MONTH})[ \t]+(?<md>\d{1,2})(?:${anyCase('st|nd|rd|th')})?(?:,?[ \t]+(?<my>\d{4}))?` +
  String.raw`|(?<dd>\d{1,2})(?:st|nd|rd|th|\.)?[ \t]+(?<dm>${MONTH})(?:,?[ \t]+(?<dy>\d{4}))?` +
  String.raw`)`;
// The time: 10:42(:05) · 1506 (military: needs a date before or a zone after) · 15h50 · 10.42
const TIME = String.raw`(?<h>\d{1,2})(?:(?<sep>[:h.])(?<m>[0-5]\d)(?::(?<s>[0-5]\d))?|(?<mil>[0-5]\d)(?!\d|[:.]\d))`;
const MERIDIEM = String.raw`(?:[ \t]?(?<mer>[aApP])\.?[mM]\b\.?)?`;
// (One run of blanks before the zone, with or without a bracket: two optional runs side by
// side would try every split of a long run of blanks.)
const ZONE = String.raw`(?:(?:[ \t]*\([ \t]*|[ \t]*)(?<zone>UTC(?:[ \t]?[+-]\d{1,2}(?::?\d{2})?)?|GMT(?:[ \t]?[+-]\d{1,2}(?::?\d{2})?)?|Z\b|[A-Z]{2,5}(?![a-z])|(?:US|America|Europe|Asia|Africa|Australia|Pacific|Atlantic|Indian)\/[A-Za-z_]+)\)?)?`;
const SHAPE = new RegExp(
  String.raw`(?:${WEEKDAY}${DATE}(?<gap>[ \t]*[,/T@~][ \t]*~?|[ \t]+~?|[ \t]*[-–—][ \t]*)(?:[aA]t[ \t]+)?)?~?${TIME}${MERIDIEM}${ZONE}(?<after>[ \t]*(?:[:\]\-–—|)*,;]|\.(?!\d)|$)|[ \t]+\S)?`,
  'yd',
);

/** Only where it cannot be the entry's first word: "7:09 AM Eastern:", "10:00 (Pacific)", "10:00 Eastern Time". */
const OPENS = /[ \t]*(?:[\d~]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))/iy;

const GENERIC_ZONE_AFTER =
  /^[ \t]+(?:\((?:Eastern|Pacific|Central|Mountain)(?:[ \t]+Time)?\)|(?:Eastern|Pacific|Central|Mountain)(?:[ \t]+Time(?![A-Za-z])|(?=[ \t]*(?:[:\-–—,;]|$))))/;

/**
 * A time at `at` in one of the shapes above, or null. `reading` is what chrono read there
 * (or null): the shape is taken only where it reads more (a time where chrono read none,
 * or a date or zone chrono left out).
 */
export function readShapedTime(text: string, at: number, reading: TimeReading | null): TimeReading | null {
  const withZone = reading !== null && reading.zone === null ? genericZoneAfter(text, reading) : reading;
  // Every shape opens with a digit, "~", "[", a weekday or a month.
  OPENS.lastIndex = at;
  if (!OPENS.test(text)) return withZone;
  SHAPE.lastIndex = at;
  const m = SHAPE.exec(text);
  if (m === null || m.groups === undefined) return withZone;
  const g = m.groups;
  const hour = Number(g.h);
  const minute = Number(g.m ?? g.mil);
  const second = g.s === undefined ? 0 : Number(g.s);
  const meridiem = g.mer === undefined ? null : (g.mer.toLowerCase() as 'a' | 'p') === 'a' ? 'am' : 'pm';
  const date = dateOf(g);
  // A capital word that is no zone ("10:42 DNS fails") ends the time before it.
  const zone = g.zone === undefined ? null : acceptZone(g.zone);
  const zoneAt = m.indices?.groups?.zone;
  const cut = g.zone !== undefined && zone === null && zoneAt ? zoneAt[0] : null;
  const military = g.mil !== undefined;
  const dotted = g.sep === '.';
  // A bare four-digit number is a time only beside a date or a zone ("1506 UTC"), and a
  // dotted one only where a separator follows ("10.42: …", "10.42am"), not "v1.10 shipped".
  if (military && zone === null && (date === null || date.year === null)) return withZone;
  if (military && meridiem !== null) return withZone;
  if (dotted && date === null && meridiem === null && zone === null && (cut !== null || !/^[ \t]*(?:[:\-–—,;]|\.(?!\d)|$)/.test(g.after ?? '')))
    return withZone;
  if (g.gap !== undefined && date === null && !ambiguousNumeric(g)) return withZone;
  if (hour > 23 || (meridiem !== null && (hour < 1 || hour > 12))) return withZone;
  const certain = reading !== null && (reading.month !== null || date === null) && (reading.zone !== null || zone === null);
  if (certain) return withZone;
  // chrono's reading stands: the shape adds only what it lacks.
  if (reading !== null && reading.hour === to24(hour, meridiem) && reading.minute === minute) {
    return { ...reading, ...(reading.month === null && date ? date : {}), zone: reading.zone ?? zone };
  }
  if (reading !== null && reading.index < m.index) return withZone;
  const start = m.index;
  const end = cut ?? m.index + m[0].length - (g.after?.length ?? 0);
  return {
    index: start,
    length: end - start,
    text: text.slice(start, end),
    year: date?.year ?? null,
    month: date?.month ?? null,
    day: date?.day ?? null,
    hour: to24(hour, meridiem),
    minute,
    second,
    meridiem,
    zone,
    twentyFourHour: meridiem === null && (hour > 12 || hour === 0 || military || (g.h?.startsWith('0') ?? false)),
  };
}

function to24(hour: number, meridiem: 'am' | 'pm' | null): number {
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  if (meridiem === 'pm') return hour === 12 ? 12 : hour + 12;
  return hour;
}

function monthOf(text: string | undefined): number | null {
  return text === undefined ? null : (MONTHS[text.slice(0, 3).toLowerCase()] ?? null);
}

function dateOf(g: Record<string, string | undefined>): { year: number | null; month: number; day: number } | null {
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  if (g.iy !== undefined) [year, month, day] = [Number(g.iy), Number(g.im), Number(g.id)];
  else if (g.na !== undefined) {
    // Read when only one order is possible; otherwise the document's day order decides
    // later (context.ts), from the reading's text.
    if (ambiguousNumeric(g)) return null;
    const a = Number(g.na);
    const b = Number(g.nb);
    [year, month, day] = a > 12 ? [Number(g.ny), b, a] : [Number(g.ny), a, b];
  } else if (g.bm !== undefined) [month, day] = [Number(g.bm), Number(g.bd)];
  else if (g.mm !== undefined) [year, month, day] = [g.my === undefined ? null : Number(g.my), monthOf(g.mm), Number(g.md)];
  else if (g.dd !== undefined) [year, month, day] = [g.dy === undefined ? null : Number(g.dy), monthOf(g.dm), Number(g.dd)];
  if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return null;
  return { year, month, day };
}

function ambiguousNumeric(g: Record<string, string | undefined>): boolean {
  if (g.na === undefined) return false;
  const a = Number(g.na);
  const b = Number(g.nb);
  return a <= 12 && b <= 12 && a !== b;
}

function daysIn(month: number, year: number | null): number {
  // A year-less February 29 may still be a leap day.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

function acceptZone(text: string): Zone | null {
  return parseZone(text.replace(/[ \t]+/g, ''));
}

/** "7:09 AM Eastern": a US zone name after a time, which chrono leaves out. */
function genericZoneAfter(text: string, reading: TimeReading): TimeReading {
  const end = reading.index + reading.length;
  const m = GENERIC_ZONE_AFTER.exec(text.slice(end, end + 24));
  if (m === null) return reading;
  const zone = parseZone(
    m[0]
      .trim()
      .replace(/[()]/g, '')
      .replace(/[ \t]+/g, ' ')
      .toLowerCase(),
  );
  if (zone === null) return reading;
  return { ...reading, zone, length: reading.length + m[0].length, text: text.slice(reading.index, end + m[0].length) };
}
