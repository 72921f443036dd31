// The commonest leading time of a timeline entry, read without chrono: "12:27 PM: The user
// reported…", "18:30 UTC: Service restored", "00:40 PST - Server back", "10:45 — Done", or
// a time alone, each also after an ISO date ("2025-03-13 03:25 UTC", as logs and table
// timelines write it). Three in four timed entries of the corpus are written so, and chrono's
// result for them is certain from the text, so readLeadingTime (read.ts) gives exactly
// what chrono and toReading (reading.ts) would give, for far less (chrono builds a result
// with dates and runs its refiners for each). Anything else goes to chrono.
//
// Why the reading is certain (chrono-node 2.10, strict English; see reading.ts):
// - The time is `H:MM`, `HH:MM` or `HH:MM:SS` (hour 0–23; with a meridiem 1–12, where
//   chrono's 12 AM is 0 and 12 PM is 12), an optional meridiem "AM"/"PM" in either case
//   right after it or after one space, and an optional zone: one space and an abbreviation
//   in capitals that our zone table (the table chrono is given) knows. chrono's time pattern
//   takes the time and meridiem; its zone refiner appends " ZONE" (it is in our overrides).
// - Then the text ends, or a word of letters follows after a terminator: a colon, a
//   closing square bracket ("[10:05 UTC] Paged") or a spaced dash ("-", "--", "–", "—")
//   and blanks, or blanks alone. A colon, a bracket or a dash stops chrono's range phase
//   (a dash must be followed by a digit), its zone and offset refiners (no comma, opening
//   bracket or capital word right after the time, a sign not before a digit) and
//   our zoneAfter/offsetAfter and stray-meridiem readings (read from the next character).
//   After blanks alone, the word is no zone chrono's refiner takes (a word of one to four
//   letters is asked of chrono once; five or more letters are never one) and no
//   "o'clock", "in the morning", "at night", bare zone of five capitals or "Area/City".
// - A date before the time is "YYYY-MM-DD" (a valid day of a four-digit year) and one
//   space: chrono's date parser reads it and its merger joins the time after that space
//   into one reading; the time then ends as it would alone.
// - chrono's patterns start at a word boundary, so a later reading adjacent to the time
//   would start at that word: the word starts no reading (READS below: no month, weekday or
//   ordinal name as chrono's patterns read them, "this"/"last"/"past"/"next", "on", "at",
//   "from") and is no connector a merger or our gluing reads ("T", "of", "to", …; after
//   blanks alone "the" too). Any later reading is then separated from the time by letters
//   no gap pattern accepts: nothing is merged with, glued to, or paired with it.
// test/core/time/quick.test.ts checks it against chrono on every leading-time input of the
// corpus and the samples, and on generated variants of each shape.
import type { CalendarDate, TimeReading } from './reading.ts';
import { parseChrono } from './reading.ts';
import { ZONE_ABBREVIATIONS, parseZone, type Zone } from './zones.ts';

const QUICK = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?:( ?)([AaPp][Mm]))?(?: ([A-Z]{2,4}))?(?:$|(:|\]|[ \t]{1,8}(?:--?|–|—))?[ \t]{1,8}([A-Za-z]+)(?![\w/]))/;
/**
 * What can start a chrono reading besides a digit and "on"/"at"/"from": month, weekday and
 * ordinal names, "this"/"last"/"past"/"next", "week", as prefixes in any case (read.ts's
 * pre-checks use them too).
 */
export const READING_WORDS = String.raw`jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|week|this|last|past|next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt`;
/** A weekday a comma or bracket opens ("…, Monday", "(this week)"): a reading that starts at the punctuation. */
export const WEEKDAY_AFTER_PUNCTUATION = String.raw`[,(（]\s*(?:on\s*)?(?:(?:this|last|past|next)\s*)?(?:sun|mon|tue|wed|thu|fri|sat|week)`;

// chrono's names (chrono-node 2.10, English: WEEKDAY_DICTIONARY, MONTH_DICTIONARY and
// ORDINAL_WORD_DICTIONARY; quick.test.ts holds these lists to them).
export const CHRONO_WEEKDAYS = 'sunday|sun|monday|mon|tuesday|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat';
export const CHRONO_MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
/** The one-word ordinals, and "twenty"/"thirty" that open "twenty-first", "thirty first". */
export const CHRONO_ORDINALS =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty';
const RELATIVE = 'this|last|past|next';
/**
 * A whole word (a run of letters, then no word character) at which a chrono reading can start.
 * chrono's patterns start at a word boundary and those that open with letters end in
 * `(?=\W|$)` after their name, so the name must be the whole word or be continued by what
 * the pattern reads next within the word: the weekday parser (`on`, `this`…, a weekday or
 * "weekend"/"weekday", then `of`, `this`… `week`), the day-month parser (`on`, an ordinal
 * word, then anything: kept whole), the month-day parser (a month, then an ordinal word), and
 * the time parser's `at`/`from` before a number. Any other word ("declared", "Monitoring",
 * "Online", "Attempted") starts no reading.
 */
const READS = new RegExp(
  `^(?:at|from|(?:on)?(?:${RELATIVE})?|(?:on)?(?:${RELATIVE})?(?:${CHRONO_WEEKDAYS}|weekend|weekday)(?:of)?(?:${RELATIVE})?(?:week)?|(?:on)?(?:${CHRONO_ORDINALS})[a-z]*|(?:${CHRONO_MONTHS})(?:(?:${CHRONO_ORDINALS})[a-z]*)?)$`,
  'i',
);
/**
 * A word chrono's time pattern may take, whole or as the start of what it takes, right after
 * a time: its meridiem and its suffix `\s*(?:o\W*clock|at\s*night|in\s*the\s*(?:morning|afternoon))`
 * ("10 o'clock", "10:00 in the morning", "10 pmoclock"). The word is a whole run of letters
 * and the pattern must end before a non-word character, so any other word ("opened",
 * "alert", "Pager") is not taken.
 */
const ON_TIME = /^(?:[ap]m?)?(?:o|oclock|at|atnight|in|inthe|inthemorning|intheafternoon)$/i;
/** Connectors that chrono's mergers or our gluing read between two readings. */
const CONNECTOR = /^(?:t|a|p|am|pm|of|to|and|after|before|until|through|thru|till|by)$/i;
/** After blanks alone (no colon or dash between), read.ts glues a time to a date after "the" ("10:05 the 5th of May"). */
const ARTICLE = /^the$/i;

/**
 * Whether chrono's zone refiner takes `word` (one to four letters) after a time as its zone:
 * it does for any word whose capitals are in its own table or ours, in any case ("Est",
 * "utc"). Asked of chrono once per word (the reading of "10:00 " and the word), so the
 * answer is chrono's by construction; a folder's timelines use a few hundred such words.
 */
function zoneToChrono(word: string): boolean {
  const upper = word.toUpperCase();
  let zone = chronoZoneWords.get(upper);
  if (zone === undefined) {
    const probe = `10:00 ${upper}`;
    zone = parseChrono(probe, 0, probe.length).some((r) => r.text.length > 5);
    if (chronoZoneWords.size >= 4096) chronoZoneWords.clear();
    chronoZoneWords.set(upper, zone);
  }
  return zone;
}
const chronoZoneWords = new Map<string, boolean>();

const zones = new Map<string, Zone | null>();

function zoneOf(word: string): Zone | null {
  let zone = zones.get(word);
  if (zone === undefined) {
    zone = Object.hasOwn(ZONE_ABBREVIATIONS, word) ? parseZone(word) : null;
    zones.set(word, zone);
  }
  return zone;
}

/**
 * The reading of a time standing at `at` in `text`, when its shape makes chrono's answer
 * certain; undefined when chrono must be asked.
 */
export function quickLeadingTime(text: string, at: number): TimeReading | undefined {
  // "2025-03-13 03:25 UTC": a date of the calendar before the time, as logs and tables write
  // it. chrono's date parser reads the date and its merger joins the time a space away; the
  // time then reads as it would alone.
  const dated = DATE_BEFORE.exec(at === 0 ? text : text.slice(at));
  if (dated !== null) {
    const year = Number(dated[1]);
    const month = Number(dated[2]);
    const day = Number(dated[3]);
    if (!validDate(year, month, day)) return undefined;
    const time = timeAt(text, at + dated[0].length);
    if (time === undefined) return undefined;
    const length = dated[0].length + time.length;
    return { ...time, index: at, length, text: text.slice(at, at + length), year, month, day };
  }
  return timeAt(text, at);
}

/** An ISO 8601 calendar date and one space, before a leading time. */
const DATE_BEFORE = /^(\d{4})-(\d{2})-(\d{2}) (?=\d)/;

function timeAt(text: string, at: number): TimeReading | undefined {
  const m = QUICK.exec(at === 0 ? text : text.slice(at));
  if (m === null) return undefined;
  const next = m[8];
  if (next !== undefined) {
    if (READS.test(next) || CONNECTOR.test(next)) return undefined;
    // After blanks alone, a word of one to four letters may be taken for a zone ("Est": chrono
    // decides), and no word may go on the time: "o'clock", "in the morning", a zone of five capitals.
    if (
      m[7] === undefined &&
      ((next.length < 5 && (ARTICLE.test(next) || zoneToChrono(next))) || (next.length === 5 && next === next.toUpperCase()) || ON_TIME.test(next))
    )
      return undefined;
  }
  const hourText = m[1]!;
  let hour = Number(hourText);
  const minute = Number(m[2]);
  const meridiemText = m[5];
  let meridiem: 'am' | 'pm' | null = null;
  if (meridiemText !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    meridiem = meridiemText[0] === 'a' || meridiemText[0] === 'A' ? 'am' : 'pm';
    if (meridiem === 'am' && hour === 12) hour = 0;
    else if (meridiem === 'pm' && hour < 12) hour += 12;
  } else if (hour > 23) return undefined;
  let zone: Zone | null = null;
  const zoneText = m[6];
  if (zoneText !== undefined) {
    zone = zoneOf(zoneText);
    if (zone === null) return undefined;
  }
  const secondText = m[3];
  const length =
    hourText.length +
    3 +
    (secondText === undefined ? 0 : 3) +
    (meridiemText === undefined ? 0 : m[4]!.length + 2) +
    (zoneText === undefined ? 0 : zoneText.length + 1);
  return {
    index: at,
    length,
    text: text.slice(at, at + length),
    year: null,
    month: null,
    day: null,
    hour,
    minute,
    second: secondText === undefined ? 0 : Number(secondText),
    meridiem,
    zone,
    twentyFourHour: meridiem === null && (hour > 12 || hour === 0 || hourText.startsWith('0')),
  };
}

// A frontmatter time as `new` writes it and as every sample has it: "2025-03-09T07:00:00-04:00",
// "2026-02-24T15:19:00Z", or with milliseconds as JavaScript's toISOString writes it (a YAML
// date a generator wrote, a TOML date read back: "2023-04-24T05:36:00.000Z"). chrono's ISO
// parser reads it whole (every other parser's reading lies inside it and is dropped as an
// overlap; its fraction is milliseconds, which a reading does not keep); toReading keeps the
// written zone and counts it a 24-hour time. Only valid dates and times, and offsets our zone
// table reads (to ±14:00), take this path.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(Z|[+-](\d{2}):(\d{2}))$/;

/** The reading of a whole text that is an ISO 8601 date-time with seconds and zone, or undefined. */
export function quickIsoDateTime(text: string): TimeReading | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return undefined;
  const zone = parseZone(m[7]!);
  if (zone === null) return undefined;
  return {
    index: 0,
    length: text.length,
    text,
    year,
    month,
    day,
    hour,
    minute,
    second,
    meridiem: null,
    zone,
    twentyFourHour: true,
  };
}

// A date written as `new` writes a due date and most samples a frontmatter date: "2024-05-28",
// alone or followed by what no reading can change ("2024-05-28 · Status: done"). chrono's
// ISO and year-first parsers read it when a non-word character or the end follows; the
// first full date of the text is then this one, whatever comes after it (a time glued to it
// keeps its date). Only valid dates of years 1000–9999 take this path.
const ISO_DATE = /^[ \t]*(\d{4})-(\d{2})-(\d{2})(?!\w)/;

/** A day of the calendar, in a year of four digits (what the quick paths read). */
function validDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1;
}

/** The date a text opens with when it is an ISO 8601 calendar date, or undefined. */
export function quickIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return validDate(year, month, day) ? { year, month, day } : undefined;
}

// A date alone ("2023-07-19", a table's date column): chrono reads a date and no time, so
// readLeadingTime's answer is what the shapes read with no reading of chrono's.
const DATE_ALONE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A date that opens an entry with no digit after it ("2021-06-27; the cache filled",
// "2025-07-26 Saturday", "2024-06-21:"): every reading of a time holds a digit (chrono's time,
// ISO and numeric patterns read digits; a month or weekday name alone is a date), so the
// readings in the text are dates and the first of them opens at the date: no leading time,
// whatever chrono reads there. Only a valid day of a four-digit year that no digit or word
// character continues ("2024-06-21T" is left to chrono) takes this path.
const DATE_OPENS = /^(\d{4})-(\d{2})-(\d{2})(?![\w])/;
const DIGIT = /\d/;

/** True when `text` opens at `at` with a valid ISO 8601 calendar date and holds no digit after it. */
export function quickDateWithoutTime(text: string, at: number): boolean {
  const m = DATE_OPENS.exec(at === 0 ? text : text.slice(at));
  return m !== null && !DIGIT.test(text.slice(at + 10)) && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when `text` holds, from `at` on, a valid ISO 8601 calendar date and nothing else. */
export function quickDateAlone(text: string, at: number): boolean {
  const m = DATE_ALONE.exec(at === 0 ? text : text.slice(at));
  return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

// A numbered heading or item: "1. Issue Summary", "7. Corrective and Preventative Measures".
// The number alone starts no reading: a time needs minutes or a meridiem right after its
// hour (here a dot and a blank follow), and a day ("10. May") needs a month name within a
// few characters. Every other reading of chrono starts at a digit or at the start of a word
// (its patterns begin at a word boundary). So when no digit and no word that can start a
// reading follows within 40 characters (nor within `maxLead`), chrono's answer is certain:
// no leading time.
const ENUMERATOR = /^\d{1,2}\.[ \t]+(?=[A-Za-z])/;
const WORD_READING_START = new RegExp(String.raw`\d|\b(?:on|at|from)(?!\s)|\b(?:${READING_WORDS})|${WEEKDAY_AFTER_PUNCTUATION}`, 'i');

/** True when `text` opens (at `lead`) with a list number after which no reading can start within `maxLead`. */
export function quickNoLeadingTime(text: string, lead: number, maxLead: number): boolean {
  const m = ENUMERATOR.exec(lead === 0 ? text : text.slice(lead));
  if (m === null) return false;
  const after = lead + m[0].length;
  return !WORD_READING_START.test(text.slice(after, Math.max(after + 40, lead + maxLead + 1)));
}
