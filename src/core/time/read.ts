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
import {
  quickDateAlone,
  quickDateWithoutTime,
  quickIsoDate,
  quickIsoDateTime,
  quickLeadingTime,
  quickNoLeadingTime,
  READING_WORDS,
  WEEKDAY_AFTER_PUNCTUATION,
} from './quick.ts';
import { joinRange, splitRange } from './range.ts';
import { readShapedTime } from './shapes.ts';
import { nextRegion, separatedBetween } from './window.ts';

export type { CalendarDate, TimeReading } from './reading.ts';

const DECORATION = /^(?:[\s>*_~•·|[(#+\-–—]+|(?:at|around|about|approximately|approx\.|circa|ca\.|roughly)(?=[\s\d])\s*)*/i;
const RANGE_GAP = /^[ \t]*(?:-|–|—|~|to|until|till|through|thru|and)[ \t]*$/i;
const DATE_THEN_TIME_GAP = /^[ \t,:;@\-–—]*(?:(?:at|around|about|approximately|approx\.|roughly|circa|from|between)[ \t]+)*$/i;
const TIME_THEN_DATE_GAP = /^[ \t,]*(?:on[ \t]+)?(?:the[ \t]+)?$/i;

type Item = ({ kind: 'date' } & DateReading) | { kind: 'time'; reading: TimeReading };

/**
 * The dates and times of `orig` (normalized as `norm`), in order, with dates glued to
 * adjacent times and ranges paired, handed to `visit` one cluster at a time until it
 * returns something. chrono reads each region of ./window.ts on its own; a cluster is a
 * run of regions whose readings may still be glued or paired (a reading can reach past
 * its region: "10:00 (Eastern Standard Time) - 11:00"), closed at the first separator
 * word past the furthest reading. The readings are those chrono gives for the whole text.
 * Regions that start after `horizon` are not read while the cluster is empty. Unless
 * `bareDates`, a region without a digit is not read when it would open a cluster: its
 * readings could only be dates without a year or time.
 */
function scan<T>(orig: string, norm: string, visit: (items: Item[]) => T | undefined, horizon: number, bareDates: boolean): T | undefined {
  let raw: Item[] = [];
  let reach = 0;
  let at = 0;
  for (;;) {
    const region = nextRegion(norm, at);
    // A cluster left open (a reading reached past its region) closes at a separator.
    if (raw.length > 0 && (region === null || separatedBetween(norm, reach, region.start))) {
      const found = visit(glue(raw, norm, orig));
      if (found !== undefined) return found;
      raw = [];
      reach = 0;
    }
    if (region === null || (raw.length === 0 && region.start > horizon)) return undefined;
    at = region.end;
    if (raw.length === 0 && !bareDates && !HAS_DIGIT.test(norm.slice(region.start, region.end))) continue;
    for (const r of parseChrono(norm, region.start, region.end)) {
      if (r.end != null && r.start.isCertain('hour')) {
        for (const reading of splitRange(r, norm, orig, region.start)) raw.push({ kind: 'time', reading });
        continue;
      }
      const reading = toReading(r, region.start, norm, orig);
      if (reading !== null) raw.push({ kind: 'time', reading });
      else {
        const d = toDateReading(r, region.start);
        if (d !== null) raw.push({ kind: 'date', ...d });
      }
    }
    for (const it of raw) {
      const end = it.kind === 'time' ? it.reading.index + it.reading.length : it.index + it.length;
      if (end > reach) reach = end;
    }
    // Readings within their region: the separator after it closes the cluster.
    if (raw.length > 0 && reach <= region.end) {
      const found = visit(glue(raw, norm, orig));
      if (found !== undefined) return found;
      raw = [];
      reach = 0;
    }
  }
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
    const from = a.reading.index + a.reading.length;
    // The written gap too: normalisation may have blanked its connector (see reading.ts).
    const joined = RANGE_GAP.test(norm.slice(from, b.reading.index)) || RANGE_GAP.test(orig.slice(from, b.reading.index));
    if (joined && !isRangeEndOfPrevious(out, i)) a.reading.end = b.reading;
  }
  for (const it of out) if (it.kind === 'time' && it.reading.end !== undefined) joinRange(it.reading, it.reading.end);
  return out;
}

function isRangeEndOfPrevious(items: Item[], i: number): boolean {
  const prev = items[i - 1];
  const cur = items[i];
  return prev?.kind === 'time' && cur?.kind === 'time' && prev.reading.end === cur.reading;
}

function firstTime(items: Item[]): TimeReading | undefined {
  for (const it of items) if (it.kind === 'time') return it.reading;
  return undefined;
}

function firstRange(items: Item[]): TimeReading | undefined {
  for (const it of items) if (it.kind === 'time' && it.reading.end !== undefined) return it.reading;
  return undefined;
}

const HAS_DIGIT = /\d/;
// Exact pre-checks on the text as written (normalization only blanks words and maps odd
// spaces and dashes, so what these need is there before it too; see ./window.ts for what
// chrono needs to read each kind).
const DASH = '\\-\u2010-\u2013\u2212';
/** A certain year: ISO and year-month-day dates, a month name, a slash or dotted date. */
const FULL_DATE_POSSIBLE = new RegExp(String.raw`jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{4}|\d\/\d|\d[.${DASH}]\d\d?[.${DASH}]\d\d`, 'i');
/** A certain hour: minutes, a meridiem, "at"/"from", a range, or a bare hour given a zone, a date or a weekday. */
const TIME_POSSIBLE = new RegExp(
  [
    String.raw`\d[:：.]\d`,
    String.raw`\d\s*[ap]`,
    String.raw`\d\s*o\W*clock|\d\s*at\s*night|\d\s*in\s*the`,
    String.raw`(?:at|from)\s*\d`,
    String.raw`\d\s*(?:[${DASH}–~〜?]|to|until|through|till)\s*\d`,
    String.raw`\d\d\s*,?\s*\(?[A-Za-z]{2,4}\)?(?![A-Za-z0-9_])`,
    String.raw`\d\d\s*(?:\(?(?:gmt|utc)\s?)?[+${DASH}]\d`,
  ].join('|'),
  'i',
);
const DATE_OR_WEEKDAY = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|week|\d[/.\-\u2010-\u2013\u2212]\d|\d{4}/i;
const TWO_DIGITS = /\d\d/;

function timePossible(text: string): boolean {
  return TIME_POSSIBLE.test(text) || (TWO_DIGITS.test(text) && DATE_OR_WEEKDAY.test(text));
}

/**
 * Where a reading can start: chrono's results start at a digit, a month, weekday or
 * ordinal name, a weekday's "this"/"last"/"past"/"next", "on"/"at"/"from" (which the
 * reading drops when a space follows), or a comma or bracket before a weekday.
 */
const READING_START = new RegExp(String.raw`\d|(?:on|at|from)(?!\s)|${READING_WORDS}|${WEEKDAY_AFTER_PUNCTUATION}`, 'i');
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
  const limit = lead + maxLead + 80;
  const orig = limit < text.length ? text.slice(0, limit) : text;
  // "12:27 PM: The user…": the commonest shapes, whose reading by chrono is certain.
  const quick = quickLeadingTime(orig, lead);
  if (quick !== undefined) return quick === null || shapesAddNothing(orig, quick) ? quick : readShapedTime(orig, lead, quick);
  // "1. Issue Summary": a numbered heading, with no time after its number; "2023-07-19": a date
  // alone; "2021-06-27; the cache filled": a date and no digit after it.
  if (quickNoLeadingTime(text, lead, maxLead) || quickDateAlone(text, lead) || quickDateWithoutTime(orig, lead)) return readShapedTime(orig, lead, null);
  return readShapedTime(orig, lead, leadingTimeByChrono(text, orig, lead, maxLead));
}

/**
 * "Zone words" right after a quick time: what readShapedTime (./shapes.ts) could add to it, a
 * zone in capitals ("10:05 UTC+3", "10:05 CEST", "10:05 Z"), bracketed, or a US zone's name ("Eastern").
 */
const ZONE_AFTER_QUICK = /^[ \t]+(?:[A-Z]{2}|Z\b|\(|Eastern|Pacific|Central|Mountain)/;

/**
 * True when readShapedTime would hand `quick` back as it is: the quick reading has its zone,
 * or no zone word follows it. (No shape's date can start where a quick time starts, and a
 * quick time that starts with its date has it.) The shapes then cost a regex match an entry
 * for nothing; test/core/time/quick.test.ts holds the two paths to each other.
 */
function shapesAddNothing(text: string, quick: TimeReading): boolean {
  if (quick.zone !== null) return true;
  const end = quick.index + quick.length;
  return end === text.length || !ZONE_AFTER_QUICK.test(text.slice(end, end + 12));
}

/** readLeadingTime without the quick path: what chrono reads (tests compare the two). */
export function readLeadingTimeByChrono(text: string, maxLead = 12): TimeReading | null {
  const lead = DECORATION.exec(text)?.[0].length ?? 0;
  const limit = lead + maxLead + 80;
  const orig = limit < text.length ? text.slice(0, limit) : text;
  return readShapedTime(orig, lead, leadingTimeByChrono(text, orig, lead, maxLead));
}

function leadingTimeByChrono(text: string, orig: string, lead: number, maxLead: number): TimeReading | null {
  // Every time expression has a digit near its start, or opens with a month or weekday.
  if (!LEADS_LIKE_TIME.test(text.slice(lead, lead + maxLead + 12))) return null;
  // Nothing can start a reading early enough.
  const start = READING_START.exec(text);
  if (start === null || start.index > lead + maxLead) return null;
  // The first reading decides: a time close enough to the start, or nothing.
  const first = scan(orig, normalize(orig), (items) => items[0], lead + maxLead, true);
  if (first === undefined || first.kind !== 'time') return null;
  return first.reading.index - lead <= maxLead ? first.reading : null;
}

/** The first full date (year, month and day written) in a heading or line. */
export function readDateOnly(text: string): CalendarDate | null {
  // "2024-05-28": a due date or frontmatter date, certain without chrono.
  return quickIsoDate(text) ?? readDateOnlyByChrono(text);
}

/** readDateOnly without the quick path: what chrono reads (tests compare the two). */
export function readDateOnlyByChrono(text: string): CalendarDate | null {
  if (!HAS_DIGIT.test(text) || !FULL_DATE_POSSIBLE.test(text)) return null;
  const found = scan(
    text,
    normalize(text),
    (items) => {
      for (const it of items) {
        const d = it.kind === 'date' ? it : it.reading;
        if (d.year !== null && d.month !== null && d.day !== null) return { year: d.year, month: d.month, day: d.day };
      }
      return undefined;
    },
    text.length,
    false,
  );
  return found ?? null;
}

/**
 * The first time in a short statement ("Start: 2023-05-10 09:00 UTC", "Started at 9:00 AM
 * EAT on May 10, 2023"), with the date when one is written with it (or with its range).
 */
export function readDateTime(text: string): TimeReading | null {
  // "2025-03-09T07:00:00-04:00", as frontmatter gives the incident's times.
  return quickIsoDateTime(text) ?? quickWholeTime(text) ?? readDateTimeByChrono(text);
}

/**
 * A text that is one leading time of the quick path and nothing else ("19:18 UTC", "2018-11-24
 * 19:39:00", a table's cell): chrono reads that one time, so its first time is this one, and
 * readDateTimeByChrono hands it to the shapes as readLeadingTime does.
 */
function quickWholeTime(text: string): TimeReading | undefined {
  const first = text.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return undefined;
  const quick = quickLeadingTime(text, 0);
  if (quick === undefined || quick === null || quick.length !== text.length) return undefined;
  return readShapedTime(text, 0, quick) ?? undefined;
}

/** readDateTime without the quick path: what chrono reads (tests compare the two). */
export function readDateTimeByChrono(text: string): TimeReading | null {
  if (!HAS_DIGIT.test(text)) return null;
  const lead = DECORATION.exec(text)?.[0].length ?? 0;
  const read = timePossible(text) ? (scan(text, normalize(text), firstTime, text.length, false) ?? null) : null;
  return read === null || read.index <= lead + 1 ? readShapedTime(text, lead, read) : read;
}

/** "from X to Y", "X – Y", "between X and Y": a date or zone written once applies to both. */
export function readTimeRange(text: string): { start: TimeReading; end: TimeReading } | null {
  if (!twoTimes(text)) return null;
  // A range stands around its first time: chrono reads that window, not a long line.
  TIME_TOKEN.lastIndex = 0;
  const at = TIME_TOKEN.exec(text)?.index ?? 0;
  const from = Math.max(0, at - RANGE_BEFORE);
  const window = text.slice(from, at + RANGE_AFTER);
  const t = scan(window, normalize(window), firstRange, window.length, false);
  if (t === undefined) return null;
  const { end, ...start } = t;
  if (end === undefined) return null;
  start.index += from;
  end.index += from;
  return { start, end };
}
