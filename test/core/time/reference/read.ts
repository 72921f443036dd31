// FROZEN REFERENCE — do not edit. This is the pre-optimisation time reader (src/core/time/read.ts as it
// stood before the speed work), kept verbatim except for import paths, so that
// test/core/time/differential.test.ts and bench/time-readers.ts can prove the optimised
// readers return exactly the same results.

// Finding times and dates in a line or statement: the leading time of a timeline entry,
// a heading's date, a statement's date-time or range. chrono (strict) does the reading
// (./reading.ts); here dates are glued to neighbouring times and ranges are paired.
//
// Formats read (a leading time may follow decoration: "- ", "* ", "**", "[", "(", "~",
// "•", "At ", "At around ", "Around ", "approx."):
//   10:05 · 10:05:30 · 9:05 · 14:54 · 00:12
//   10:05 AM · 10:05AM · 10:05 a.m. · 5:30pm · 5 PM · 12:00 AM (midnight) · 12:00 PM (noon)
//   13:40PM (a redundant meridiem after a 24-hour time is read and ignored)
//   with a zone: 10:05 UTC · 12:00pm EAT · 09:15 AM (UTC) · 14:20 GMT · 10:00 UTC+3 ·
//     10:00 (UTC-05:00) · 10:00 +0300 · 10:00 [UTC] · 10:00 Europe/Berlin · 05:30 PM (EAT (UTC+3))
//   with a date: May 10, 2023, 09:15 AM · 11 August 2023, 08:00 AM · Aug 08, 2023 - 10:27 EDT ·
//     2023-05-10 09:15 UTC · 2024-03-02T14:54Z · 2024-03-02T14:54:00+03:00 ·
//     February 15, 2024: 8:35pm UTC · 13:30 PST 29 april 2022 · June 7th, 2024, 13:00 (UTC) ·
//     10:00 AM PST Monday Nov 1st (month and day known, year not)
//   ranges: 10:05 - 10:30 · 10:05 – 10:30 · 9am-10am · from X to Y · between X and Y · X — Y
//     (a date, zone or meridiem written once applies to both ends)
// Not read as times: a date alone ("May 10, 2023: we began…"), bare numbers ("3 servers"),
// relative phrases ("2 hours later", "T+0"), military "1454Z" / "10:00Z" (chrono does not
// read them). "Day 1, 10:00" reads as 10:00 with no date: a day counter is not a date.
// Slash dates are read only when unambiguous: "25/05/2023" and "05/25/2023" are 25 May,
// "10/05/2023" (either day could be the month) keeps its time but drops the date.
// Abbreviations must be written in capitals ("10:00 eat lunch" has no zone); UTC/GMT in any case.
import type { CalendarDate, DateReading, TimeReading } from './reading.ts';
import { normalize, parseChrono, toDateReading, toReading } from './reading.ts';
import { joinRange, splitRange } from './range.ts';

export type { CalendarDate, TimeReading } from './reading.ts';

const DECORATION = /^(?:[\s>*_~•·|[(#+\-–—]+|(?:at|around|about|approximately|approx\.|circa|ca\.|roughly)(?=[\s\d])\s*)*/i;
const RANGE_GAP = /^[ \t]*(?:-|–|—|~|to|until|till|through|thru|and)[ \t]*$/i;
const DATE_THEN_TIME_GAP = /^[ \t,:;@\-–—]*(?:(?:at|around|about|approximately|approx\.|from|between)[ \t]+)*$/i;
const TIME_THEN_DATE_GAP = /^[ \t,]*(?:on[ \t]+)?(?:the[ \t]+)?$/i;

type Item = ({ kind: 'date' } & DateReading) | { kind: 'time'; reading: TimeReading };

/** Every date and time in text, in order, with dates glued to adjacent times and ranges paired. */
function collect(text: string, limit = text.length): Item[] {
  const orig = limit < text.length ? text.slice(0, limit) : text;
  const norm = normalize(orig);
  const raw: Item[] = [];
  for (const r of parseChrono(norm, 0, norm.length)) {
    if (r.end != null && r.start.isCertain('hour')) {
      for (const reading of splitRange(r, norm, orig)) raw.push({ kind: 'time', reading });
      continue;
    }
    const reading = toReading(r, 0, norm, orig);
    if (reading !== null) raw.push({ kind: 'time', reading });
    else {
      const d = toDateReading(r, 0);
      if (d !== null) raw.push({ kind: 'date', ...d });
    }
  }
  return glue(raw, norm, orig);
}

function glue(items: Item[], norm: string, orig: string): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const b = items[i + 1];
    if (a === undefined) continue;
    if (b !== undefined && a.kind === 'date' && b.kind === 'time' && b.reading.month === null) {
      const gap = norm.slice(a.index + a.length, b.reading.index);
      if (gap.length <= 24 && DATE_THEN_TIME_GAP.test(gap)) {
        const r = b.reading;
        const endAt = r.index + r.length;
        Object.assign(r, { year: a.year, month: a.month, day: a.day, index: a.index, length: endAt - a.index, text: orig.slice(a.index, endAt) });
        out.push(b);
        i++;
        continue;
      }
    }
    if (b !== undefined && a.kind === 'time' && b.kind === 'date' && a.reading.month === null) {
      const gap = norm.slice(a.reading.index + a.reading.length, b.index);
      if (gap.length <= 12 && TIME_THEN_DATE_GAP.test(gap)) {
        const r = a.reading;
        const endAt = b.index + b.length;
        Object.assign(r, { year: b.year, month: b.month, day: b.day, length: endAt - r.index, text: orig.slice(r.index, endAt) });
        out.push(a);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  // "between 03:45 AM (UTC) and 11:30 AM (UTC)", "10:00 — 11:00": chrono reads two times.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (a?.kind !== 'time' || b?.kind !== 'time' || a.reading.end !== undefined || b.reading.end !== undefined) continue;
    const gap = norm.slice(a.reading.index + a.reading.length, b.reading.index);
    if (RANGE_GAP.test(gap) && !isRangeEndOfPrevious(out, i)) a.reading.end = b.reading;
  }
  for (const it of out) if (it.kind === 'time' && it.reading.end !== undefined) joinRange(it.reading, it.reading.end);
  return out;
}

function isRangeEndOfPrevious(items: Item[], i: number): boolean {
  const prev = items[i - 1];
  const cur = items[i];
  return prev?.kind === 'time' && cur?.kind === 'time' && prev.reading.end === cur.reading;
}

function timeItems(items: Item[]): TimeReading[] {
  return items.flatMap((it) => (it.kind === 'time' ? [it.reading] : []));
}

const HAS_DIGIT = /\d/;
const LEADS_LIKE_TIME = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;
const TIME_TOKEN = /\d{1,2}(?:[:.h]\d{2}|[ \t]?[ap]\.?m\b)/gi;

const DIGIT_GROUP = /\d+/g;
const RANGE_BEFORE = 60;
const RANGE_AFTER = 100;

const RANGE_WORD = /\b(?:from|between)\s+\d/i;

/**
 * Cheap gate before chrono: a range needs two time-like tokens ("10:05 – 10:30",
 * "9am to 10am"), or one with "from"/"between" before a number ("from 10 to 11 PM").
 */
function twoTimes(text: string): boolean {
  TIME_TOKEN.lastIndex = 0;
  if (!TIME_TOKEN.test(text)) return false;
  if (TIME_TOKEN.test(text)) return true;
  if (!RANGE_WORD.test(text)) return false;
  DIGIT_GROUP.lastIndex = 0;
  return DIGIT_GROUP.test(text) && DIGIT_GROUP.test(text);
}

/**
 * The time expression that starts at most `maxLead` characters after the leading
 * decoration of `text`, or null. A date alone there is not a time.
 */
export function readLeadingTime(text: string, maxLead = 12): TimeReading | null {
  const lead = DECORATION.exec(text)?.[0].length ?? 0;
  // Every time expression has a digit near its start, or opens with a month or weekday.
  if (!LEADS_LIKE_TIME.test(text.slice(lead, lead + maxLead + 12))) return null;
  const items = collect(text, lead + maxLead + 80);
  const first = items[0];
  if (first === undefined || first.kind !== 'time') return null;
  return first.reading.index - lead <= maxLead ? first.reading : null;
}

/** The first full date (year, month and day written) in a heading or line. */
export function readDateOnly(text: string): CalendarDate | null {
  if (!HAS_DIGIT.test(text)) return null;
  for (const it of collect(text)) {
    const d = it.kind === 'date' ? it : it.reading;
    if (d.year !== null && d.month !== null && d.day !== null) return { year: d.year, month: d.month, day: d.day };
  }
  return null;
}

/**
 * The first time in a short statement ("Start: 2023-05-10 09:00 UTC", "Started at 9:00 AM
 * EAT on May 10, 2023"), with the date when one is written with it (or with its range).
 */
export function readDateTime(text: string): TimeReading | null {
  if (!HAS_DIGIT.test(text)) return null;
  return timeItems(collect(text))[0] ?? null;
}

/** "from X to Y", "X – Y", "between X and Y": a date or zone written once applies to both. */
export function readTimeRange(text: string): { start: TimeReading; end: TimeReading } | null {
  if (!twoTimes(text)) return null;
  // A range stands around its first time: chrono reads that window, not a long line.
  TIME_TOKEN.lastIndex = 0;
  const at = TIME_TOKEN.exec(text)?.index ?? 0;
  const from = Math.max(0, at - RANGE_BEFORE);
  for (const t of timeItems(collect(text.slice(from, at + RANGE_AFTER)))) {
    if (t.end !== undefined) {
      const { end, ...start } = t;
      start.index += from;
      end.index += from;
      return { start, end };
    }
  }
  return null;
}
