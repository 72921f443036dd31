// FROZEN REFERENCE — do not edit. This is the pre-optimisation time reader (src/core/time/reading.ts as it
// stood before the speed work), kept verbatim except for import paths, so that
// test/core/time/differential.test.ts and bench/time-readers.ts can prove the optimised
// readers return exactly the same results.
// One behavioural change made to src/core/time/reading.ts by someone else while the speed
// work was under way is mirrored here so that both sides read alike: ARTICLE_AFTER_TIME
// ("10:05 a new deploy" is not 10:05 a.m.) in normalize().

// One chrono result as a TimeReading: what was written (date parts, meridiem, zone)
// versus what chrono implied, and exactly where the expression starts and ends.
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node/en';
import type { Zone } from '../../../../src/core/time/zones.ts';
import { ZONE_ABBREVIATIONS, normalizeMinus, parseZone } from '../../../../src/core/time/zones.ts';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface TimeReading {
  /** Where the time expression stands in the text given, and its text as written. */
  index: number;
  length: number;
  text: string;
  /** Date parts, only when written (a range end may take them from its start). */
  year: number | null;
  month: number | null;
  day: number | null;
  /** 0–23, already adjusted by a written meridiem ("5:30 PM" → 17). */
  hour: number;
  minute: number;
  second: number;
  meridiem: 'am' | 'pm' | null;
  zone: Zone | null;
  /** Written as a 24-hour time: hour > 12, "00:xx", a leading zero without meridiem, ISO. */
  twentyFourHour: boolean;
  /** The other end, when this time opens a range ("10:05 – 10:30"). */
  end?: TimeReading;
}

/** A date written without a time ("March 2, 2024"); year null when not written. */
export interface DateReading {
  index: number;
  length: number;
  year: number | null;
  month: number;
  day: number;
}

const RELATIVE_PARSERS = new Set(['ENTimeUnitWithinFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser']);
const reader = chrono.strict.clone();
reader.parsers = reader.parsers.filter((p) => !RELATIVE_PARSERS.has(p.constructor.name));

// A fixed reference keeps implied values (which we ignore) deterministic.
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
// Our fixed offsets override chrono's DST-switching ones (CET stays +01:00 in July).
const TIMEZONES: Record<string, number> = Object.fromEntries(
  Object.entries(ZONE_ABBREVIATIONS).filter(([name]) => name.length >= 2),
);

const PREFIX_WORDS = /^(?:(?:at|from|between|on|around|about|approx\.?|approximately)\s+)+/i;
const MERIDIEM_WRITTEN = /\d[ \t]*([ap])\.?[ \t]*(?:m\b\.?)?(?![a-z])/i;
const MERIDIEM_AFTER = /^[ \t]*[ap]\.?[ \t]*m\b\.?/i;
const REDUNDANT_MERIDIEM = /\b(1[3-9]|2[0-3]):([0-5]\d)([ \t]*)([ap]\.?[ \t]*m\b\.?)/gi;
const ZONE_TOKEN = /(?:\b(?:UTC|GMT|UT)(?:[ \t]*[+-][ \t]*\d{1,2}(?::?\d{2})?)?(?!\w)|(?<![\w:+-])[+-]\d{2}(?::?\d{2})?(?!\w)|\b[A-Za-z]{2,5}\b)/gi;
const ZONE_TAIL = /[ \t]*,?[ \t]*\(?(?:[A-Za-z]{2,5}|(?:(?:GMT|UTC)[ \t]?)?[+-]\d{1,2}(?::?\d{2})?)\)?$/i;
const ZONE_AFTER_BRACKETED = /^[ \t]*[(\[]([^()\[\]\n]{1,40})[)\]]/;
const ZONE_AFTER_BARE = /^[ \t]+([A-Za-z][A-Za-z_]*\/[A-Za-z0-9_+\/-]+|[A-Z]{5})(?![\w/])/;
const OFFSET_AFTER = /^[+-]\d{1,2}(?::?\d{2})?(?![\d:])/;
const ISO_ZONE = /(Z|[+-]\d{2}(?::?\d{2})?)$/;
const SLASH_DATE = /(\d{1,2})\/(\d{1,2})\/\d{2,4}/;
const WEEKDAY_BEFORE_TIME = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?[ \t]+(?:at[ \t]+)?(?=\d{1,2}(?:[:.]\d\d|[ \t]*[ap]\.?m\b))/gi;
const HOUR_WRITTEN = /(?<![\d:+-])(\d{1,2}):\d\d/;
/** The article after a time ("10:05 a new deploy"): chrono would read it as "a.m." */
const ARTICLE_AFTER_TIME = /(\d[:.]\d\d(?::\d\d)?[ \t]+)[aA](?=[ \t]+[A-Za-z])/g;

/**
 * Same-length normalization, so indexes stay valid: odd spaces and minus signs become
 * plain; a meridiem after 13–23 h is blanked ("13:40PM"), and so is a weekday right
 * before a time ("Monday 10:00"): strict chrono drops such results altogether. An
 * article after a time is blanked too: "10:05 a new deploy" is not 10:05 a.m.
 */
export function normalize(text: string): string {
  return normalizeMinus(text.replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' '))
    .replace(ARTICLE_AFTER_TIME, (_m, time: string) => `${time} `)
    .replace(REDUNDANT_MERIDIEM, (_m, h: string, min: string, sp: string, mer: string) => `${h}:${min}${sp}${' '.repeat(mer.length)}`)
    .replace(WEEKDAY_BEFORE_TIME, (m) => ' '.repeat(m.length));
}

export function parseChrono(norm: string, from: number, to: number): ParsedResult[] {
  return reader
    .parse(norm.slice(from, to), REFERENCE, { timezones: TIMEZONES })
    .filter((r) => ![...r.tags()].some((t) => t.includes('TimeUnit') || t.includes('Relative')));
}

function certainDate(r: ParsedResult, text: string): { year: number | null; month: number | null; day: number | null } {
  const s = r.start;
  const month = s.isCertain('month') ? s.get('month') : null;
  const day = month !== null && s.isCertain('day') ? s.get('day') : null;
  const year = day !== null && s.isCertain('year') ? s.get('year') : null;
  const slash = SLASH_DATE.exec(text);
  if (slash && r.tags().has('parser/SlashDateFormatParser')) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    if (a <= 12 && b <= 12 && a !== b) return { year: null, month: null, day: null };
  }
  return { year, month, day };
}

function acceptZoneToken(token: string): Zone | null {
  const zone = parseZone(token);
  if (zone === null || /^[ap]\.?m\.?$/i.test(token)) return null;
  const alphabetic = /^[A-Za-z]+$/.test(token);
  const utcLike = /^(?:utc|gmt)$/i.test(token);
  if (alphabetic && !utcLike && token !== token.toUpperCase()) return null;
  return zone;
}

/** The last zone written in a time expression, with where it stands. */
function findZone(text: string, iso: boolean): Zone | null {
  if (iso) {
    const m = ISO_ZONE.exec(text);
    return m?.[1] === undefined ? null : parseZone(m[1]);
  }
  let found: Zone | null = null;
  for (const m of text.matchAll(ZONE_TOKEN)) {
    const zone = acceptZoneToken(m[0]);
    if (zone !== null) found = zone;
  }
  return found;
}

/** Converts one chrono result (start component only) to a reading over norm/orig. */
export function toReading(r: ParsedResult, base: number, norm: string, orig: string): TimeReading | null {
  if (!r.start.isCertain('hour')) return null;
  let start = base + r.index;
  let end = start + r.text.length;
  const prefix = PREFIX_WORDS.exec(norm.slice(start, end));
  if (prefix) start += prefix[0].length;

  const iso = r.tags().has('parser/ISOFormatParser');
  let zone = findZone(norm.slice(start, end), iso);
  if (zone === null && r.start.isCertain('timezoneOffset') && !iso) {
    // chrono took a word we do not accept as a zone ("10:00 eat lunch"): give it back.
    const tail = ZONE_TAIL.exec(norm.slice(start, end));
    if (tail) end -= tail[0].length;
  }
  const after = zone === null ? zoneAfter(norm, end) : offsetAfter(zone, norm, start, end);
  if (after !== null) {
    zone = after.zone;
    end += after.length;
  }
  end = balanceParentheses(norm, start, end);

  const text = norm.slice(start, end);
  const meridiemValue = r.start.get('meridiem');
  const meridiem = MERIDIEM_WRITTEN.test(text) && meridiemValue !== null ? (meridiemValue === 0 ? 'am' : 'pm') : null;
  const hour = r.start.get('hour') ?? 0;
  if (meridiem === null && hour > 12) {
    const stray = MERIDIEM_AFTER.exec(orig.slice(end));
    if (stray && norm.slice(end, end + stray[0].length).trim() === '') end += stray[0].length;
  }
  if (meridiem !== null && /[ap]\.?$/i.test(text)) {
    const rest = /^\.?[ \t]?m\b\.?/i.exec(norm.slice(end));
    if (rest) end += rest[0].length;
  }
  const leadingZero = HOUR_WRITTEN.exec(text)?.[1]?.startsWith('0') === true;
  return {
    index: start,
    length: end - start,
    text: orig.slice(start, end),
    ...certainDate(r, text),
    hour,
    minute: r.start.get('minute') ?? 0,
    second: r.start.isCertain('second') ? (r.start.get('second') ?? 0) : 0,
    meridiem,
    zone,
    twentyFourHour: meridiem === null && (hour > 12 || hour === 0 || iso || leadingZero),
  };
}

/** A zone chrono left after the time: "[UTC]", "(East Africa Time — EAT)", "Europe/Berlin". */
function zoneAfter(norm: string, end: number): { zone: Zone; length: number } | null {
  const after = norm.slice(end, end + 48);
  const bracketed = ZONE_AFTER_BRACKETED.exec(after);
  if (bracketed?.[1] !== undefined) {
    const content = bracketed[1].trim();
    const firstPart = content.split(/[ \t]*[—,;:][ \t]*|[ \t]+-[ \t]+/)[0] ?? '';
    for (const candidate of [content, firstPart]) {
      const zone = acceptZoneToken(candidate);
      if (zone !== null) return { zone, length: bracketed[0].length };
    }
  }
  const bare = ZONE_AFTER_BARE.exec(after);
  const zone = bare?.[1] === undefined ? null : acceptZoneToken(bare[1]);
  return bare !== null && zone !== null ? { zone, length: bare[0].length } : null;
}

/** "9:00 pm, GMT+1": chrono stops after "GMT"; the offset right after it belongs to it. */
function offsetAfter(zone: Zone, norm: string, start: number, end: number): { zone: Zone; length: number } | null {
  if (zone.name !== 'UTC' && zone.name !== 'GMT') return null;
  if (!norm.slice(start, end).toUpperCase().endsWith(zone.name)) return null;
  const m = OFFSET_AFTER.exec(norm.slice(end));
  const withOffset = m === null ? null : parseZone(zone.name + m[0]);
  return m !== null && withOffset !== null ? { zone: withOffset, length: m[0].length } : null;
}

/** "05:30 PM (EAT (UTC+3))": chrono stops inside the parentheses; take them whole. */
function balanceParentheses(norm: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (norm[i] === '(') depth++;
    else if (norm[i] === ')') depth = Math.max(0, depth - 1);
  }
  if (depth === 0) return end;
  for (let i = end; i < Math.min(norm.length, end + 24); i++) {
    const ch = norm[i];
    if (ch === '\n') break;
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return end;
}

export function toDateReading(r: ParsedResult, base: number): DateReading | null {
  const d = certainDate(r, r.text);
  if (d.month === null || d.day === null) return null;
  const prefix = PREFIX_WORDS.exec(r.text);
  const skip = prefix ? prefix[0].length : 0;
  return { index: base + r.index + skip, length: r.text.length - skip, year: d.year, month: d.month, day: d.day };
}

export function readFirstTime(norm: string, orig: string, from: number, to: number): TimeReading | null {
  for (const r of parseChrono(norm, from, to)) {
    const reading = toReading(r, from, norm, orig);
    if (reading !== null) return reading;
  }
  return null;
}
