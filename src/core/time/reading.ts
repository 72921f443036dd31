// One chrono result as a TimeReading: what was written (date parts, meridiem, zone)
// versus what chrono implied, and exactly where the expression starts and ends.
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node/en';
import type { Zone } from './zones.ts';
import { ZONE_ABBREVIATIONS, normalizeMinus, parseZone } from './zones.ts';

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
// chrono's date-time and range mergers build their gap pattern anew for every pair of
// results they compare; ours hand back the same pattern built once (no g or y flag, so
// matching with it keeps no state). Copies, so chrono's shared instances stay untouched.
reader.refiners = reader.refiners.map((r) => {
  const name = r.constructor.name;
  if (name !== 'ENMergeDateTimeRefiner' && name !== 'ENMergeDateRangeRefiner') return r;
  const pattern = (r as unknown as { patternBetween(): RegExp }).patternBetween();
  if (pattern.global || pattern.sticky) return r;
  return Object.assign(Object.create(r) as typeof r, { patternBetween: () => pattern });
});

// A fixed reference keeps implied values (which we ignore) deterministic.
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
// Our fixed offsets override chrono's DST-switching ones (CET stays +01:00 in July).
const TIMEZONES: Record<string, number> = Object.fromEntries(Object.entries(ZONE_ABBREVIATIONS).filter(([name]) => name.length >= 2));

const PREFIX_WORDS = /^(?:(?:at|from|between|on|around|about|approx\.?|approximately)\s+)+/i;
const MERIDIEM_WRITTEN = /\d[ \t]*([ap])\.?[ \t]*(?:m\b\.?)?(?![a-z])/i;
const MERIDIEM_AFTER = /^[ \t]*[ap]\.?[ \t]*m\b\.?/i;
const REDUNDANT_MERIDIEM = /\b(1[3-9]|2[0-3]):([0-5]\d)([ \t]*)([ap]\.?[ \t]*m\b\.?)/gi;
const ZONE_TOKEN = /(?:\b(?:UTC|GMT|UT)(?:[ \t]*[+-][ \t]*\d{1,2}(?::?\d{2})?)?(?!\w)|(?<![\w:+-])[+-]\d{2}(?::?\d{2})?(?!\w)|\b[A-Za-z]{2,5}\b)/gi;
const ZONE_TAIL = /[ \t]*,?[ \t]*\(?(?:[A-Za-z]{2,5}|(?:(?:GMT|UTC)[ \t]?)?[+-]\d{1,2}(?::?\d{2})?)\)?$/i;
const ZONE_AFTER_BRACKETED = /^[ \t]*[([]([^()[\]\n]{1,40})[)\]]/;
const ZONE_AFTER_BARE = /^[ \t]+([A-Za-z][A-Za-z_]*\/[A-Za-z0-9_+/-]+|[A-Z]{5})(?![\w/])/;
const OFFSET_AFTER = /^[+-]\d{1,2}(?::?\d{2})?(?![\d:])/;
const ISO_ZONE = /(Z|[+-]\d{2}(?::?\d{2})?)$/;
const SLASH_DATE = /(\d{1,2})\/(\d{1,2})\/\d{2,4}/;
const WEEKDAY_BEFORE_TIME =
  /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?[ \t]+(?:at[ \t]+)?(?=\d{1,2}(?:[:.]\d\d|[ \t]*[ap]\.?m\b))/gi;
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
    .replace(LONG_SPACE, (m) => m.slice(0, SPACE_KEPT) + '\u200b'.repeat(m.length - SPACE_KEPT))
    .replace(ARTICLE_AFTER_TIME, (_m, time: string) => `${time} `)
    .replace(REDUNDANT_MERIDIEM, (_m, h: string, min: string, sp: string, mer: string) => `${h}:${min}${sp}${' '.repeat(mer.length)}`)
    .replace(WEEKDAY_BEFORE_TIME, (m) => ' '.repeat(m.length))
    .replace(CONNECTOR_BEFORE_ISO_DATE, (m) => ' '.repeat(m.length));
}

/**
 * A long run of whitespace is cut short: the rest of it becomes a zero-width space, which
 * no pattern reads as a space. chrono's zone and merge patterns (`^\s*,?\s*\(?([A-Z]{2,4})`,
 * `^\s*(T|at|…)?\s*$`) try every way to split a run of spaces between their two `\s*`
 * when they fail to match: quadratic in the run's length ("2024-03-02" and 16,000 spaces:
 * 0.2 s; the same text with a 64,000 space run: 3 s). Nobody separates a time from its zone
 * by more than a few spaces, so the cut changes no reading a person would make.
 */
const SPACE_KEPT = 16;
const LONG_SPACE = /[ \t\n\r\f\v\u2028\u2029\ufeff]{17,}/g;

/**
 * "09:00 to 2024-03-02 09:45": chrono would read "09:00 to 2024" as a range ending at
 * 20:24. Blanked, the two date-times are read apart and paired as a range by the gap's
 * original text.
 */
const CONNECTOR_BEFORE_ISO_DATE = /(?<=\d)[ \t]+(?:to|until|till|through|thru|-|–|—)[ \t]+(?=\d{4}-\d{2}-\d{2})/gi;

// Each parser only where its pattern can match at all: a parser that finds nothing adds
// nothing, so leaving it out changes no result, and saves its scan of the text. What each
// pattern needs (chrono-node 2.10, strict English), as a bit of the text's FEATURES:
const DIGIT = 1;
const MONTH = 2;
const WEEKDAY = 4;
const YEAR_FIRST = 8; // "2024-03-02", "2024 Mar 2": four digits and a separator
const ISO = 16; // "2024-03-…"
const SLASH = 32; // "5/25", "10.05.2023", "10-05-2023"
const SLASH_MONTH = 64; // "5/2024"
const NEEDS: Readonly<Record<string, number>> = {
  ENYearMonthDayParser: YEAR_FIRST,
  ISOFormatParser: ISO,
  SlashDateFormatParser: SLASH,
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENWeekdayParser: WEEKDAY,
  ENSlashMonthFormatParser: SLASH_MONTH,
  ENTimeExpressionParser: DIGIT,
  ENYearMonthNameParser: MONTH,
};
const NEED_BY_PARSER = reader.parsers.map((p) => {
  const need = NEEDS[p.constructor.name];
  if (need === undefined) throw new Error(`chrono-node: unexpected parser ${p.constructor.name}; review NEEDS in reading.ts`);
  return need;
});
const HAS_DIGIT = /\d/;
const HAS_MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const HAS_WEEKDAY = /sun|mon|tue|wed|thu|fri|sat|week/i;
const HAS_FOUR_DIGITS = /\d{4}/;
const HAS_YEAR_FIRST = /\d{4}[-./\s]/;
const HAS_ISO = /\d{4}-\d/;
const HAS_SLASH = /\d[/.-]\d/;
const HAS_SLASH_MONTH = /\d\/\d/;

function features(text: string): number {
  let f = 0;
  if (HAS_DIGIT.test(text)) {
    f |= DIGIT;
    if (HAS_FOUR_DIGITS.test(text)) {
      if (HAS_YEAR_FIRST.test(text)) f |= YEAR_FIRST;
      if (HAS_ISO.test(text)) f |= ISO;
    }
    if (HAS_SLASH.test(text)) {
      f |= SLASH;
      if (HAS_SLASH_MONTH.test(text)) f |= SLASH_MONTH;
    }
  }
  if (HAS_MONTH.test(text)) f |= MONTH;
  if (HAS_WEEKDAY.test(text)) f |= WEEKDAY;
  return f;
}

/** Readers with the parsers a set of features calls for, by that set (at most 2^7). */
const subsets = new Map<number, chrono.Chrono | null>();

function readerFor(text: string): chrono.Chrono | null {
  const f = features(text);
  let sub = subsets.get(f);
  if (sub === undefined) {
    const parsers = reader.parsers.filter((_, i) => (NEED_BY_PARSER[i]! & f) !== 0);
    if (parsers.length === 0) sub = null;
    else {
      sub = reader.clone();
      sub.parsers = parsers;
    }
    subsets.set(f, sub);
  }
  return sub;
}

// chrono's zone refiner copies the whole `timezones` option for every result followed by
// a short word, then looks up only that word (upper-cased): giving it just the entries for
// the words in the text (maximal runs of two to four letters) reads the same, for less.
// One scan for the words that are zones (every name of the table has two to four letters),
// rather than a match object for every short word of the text.
if (Object.keys(TIMEZONES).some((name) => !/^[A-Z]{2,4}$/.test(name))) throw new Error('zone abbreviations: review ZONE_WORD in reading.ts');
const ZONE_WORD = new RegExp(String.raw`(?<![A-Za-z])(?:${Object.keys(TIMEZONES).join('|')})(?![A-Za-z])`, 'gi');
const NO_ZONES: Record<string, number> = {};
const zoneSets = new Map<string, Record<string, number>>();

function zonesFor(text: string): Record<string, number> {
  let key = '';
  const seen: string[] = [];
  ZONE_WORD.lastIndex = 0;
  for (let m = ZONE_WORD.exec(text); m !== null; m = ZONE_WORD.exec(text)) {
    const word = m[0].toUpperCase();
    if (!seen.includes(word)) {
      seen.push(word);
      key = key === '' ? word : `${key} ${word}`;
    }
  }
  if (key === '') return NO_ZONES;
  let zones = zoneSets.get(key);
  if (zones === undefined) {
    zones = Object.fromEntries(key.split(' ').map((word) => [word, TIMEZONES[word]!]));
    // Bounded: a handful of zones per text, and few distinct sets in practice.
    if (zoneSets.size >= 256) zoneSets.clear();
    zoneSets.set(key, zones);
  }
  return zones;
}

function isRelative(r: ParsedResult): boolean {
  for (const t of r.tags()) if (t.includes('TimeUnit') || t.includes('Relative')) return true;
  return false;
}

export function parseChrono(norm: string, from: number, to: number): ParsedResult[] {
  const text = norm.slice(from, to);
  // No parser can match: chrono would return nothing (its refiners only refine results).
  const sub = readerFor(text);
  if (sub === null) return [];
  return sub.parse(text, REFERENCE, { timezones: zonesFor(text) }).filter((r) => !isRelative(r));
}

function certainDate(
  r: ParsedResult,
  text: string,
  tags: ReadonlySet<string> | null = null,
): { year: number | null; month: number | null; day: number | null } {
  const s = r.start;
  const month = s.isCertain('month') ? s.get('month') : null;
  const day = month !== null && s.isCertain('day') ? s.get('day') : null;
  const year = day !== null && s.isCertain('year') ? s.get('year') : null;
  const slash = SLASH_DATE.exec(text);
  if (slash && (tags ?? r.tags()).has('parser/SlashDateFormatParser')) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    if (a <= 12 && b <= 12 && a !== b) return { year: null, month: null, day: null };
  }
  return { year, month, day };
}

function acceptZoneToken(token: string): Zone | null {
  // Cheap refusals first: abbreviations count in capitals only (UTC/GMT in any case), and
  // a meridiem is not a zone.
  if (/^[A-Za-z]+$/.test(token) && token !== token.toUpperCase() && !/^(?:utc|gmt)$/i.test(token)) return null;
  if (/^[ap]\.?m\.?$/i.test(token)) return null;
  return parseZone(token);
}

/** The last zone written in a time expression, with where it stands. */
function findZone(text: string, iso: boolean): Zone | null {
  if (iso) {
    const m = ISO_ZONE.exec(text);
    return m?.[1] === undefined ? null : parseZone(m[1]);
  }
  let found: Zone | null = null;
  ZONE_TOKEN.lastIndex = 0;
  for (let m = ZONE_TOKEN.exec(text); m !== null; m = ZONE_TOKEN.exec(text)) {
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

  const tags = r.tags();
  const iso = tags.has('parser/ISOFormatParser');
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
    ...certainDate(r, text, tags),
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
