// The commonest leading time of a timeline entry, read without chrono: "12:27 PM: The user
// reported…", "18:30 UTC: Service restored", "00:40 PST - Server back", "10:45 — Done", or
// a time alone. Three in four timed entries of the corpus are written so, and chrono's
// result for them is certain from the text, so readLeadingTime (read.ts) gives exactly
// what chrono and toReading (reading.ts) would give, for far less (chrono builds a result
// with dates and runs its refiners for each). Anything else goes to chrono.
//
// Why the reading is certain (chrono-node 2.10, strict English; see reading.ts):
// - The time is `H:MM` or `HH:MM` (hour 0–23; with a meridiem 1–12, where chrono's 12 AM
//   is 0 and 12 PM is 12), an optional meridiem "AM"/"PM" in either case right after it or
//   after one space, and an optional zone: one space and an abbreviation in capitals that
//   our zone table (the table chrono is given) knows. chrono's time pattern takes the time
//   and meridiem; its zone refiner appends " ZONE" (it is in the overrides we pass).
// - Then the text ends, or a terminator follows: a colon, or a spaced dash ("-", "--",
//   "–", "—"), then blanks and a word of letters. The terminator stops chrono's range
//   phase (a dash must be followed by a digit), its zone and offset refiners (no comma,
//   bracket, sign or capital word right after the time) and our zoneAfter/offsetAfter
//   and stray-meridiem readings (read from the very next character).
// - The word after the terminator can start no reading (no month, weekday, ordinal,
//   "this"/"last"/…, "on"/"at"/"from", digit) and is no connector any merger or gluing rule
//   reads ("T", "at", "on", "of", "to", "and", …): so nothing later can be merged with,
//   glued to, or paired with the time — the gap to any later reading holds this word.
// test/core/time/quick.test.ts checks it against chrono on every leading-time input of the
// corpus and the samples, and on generated variants of each shape.
import type { TimeReading } from './reading.ts';
import { ZONE_ABBREVIATIONS, parseZone, type Zone } from './zones.ts';

const QUICK = /^(\d{1,2}):([0-5]\d)(?:( ?)([AaPp][Mm]))?(?: ([A-Z]{2,4}))?(?:$|(?::|[ \t]{1,8}(?:--?|–|—))[ \t]{1,8}([A-Za-z]+))/;
/** What can start a chrono reading or be read as a connector, anywhere in the next word. */
const READS = /\d|on|at|from|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|week|this|last|past|next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twent|thirt|noon|midnight|today|tonight|tomorrow|yesterday|now/i;
const CONNECTOR = /^(?:t|a|p|am|pm|o|of|to|and|after|before|until|through|thru|till|in|the|by|ago|later|within)$/i;

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
  const m = QUICK.exec(at === 0 ? text : text.slice(at));
  if (m === null) return undefined;
  const next = m[6];
  if (next !== undefined && (READS.test(next) || CONNECTOR.test(next))) return undefined;
  const hourText = m[1]!;
  let hour = Number(hourText);
  const minute = Number(m[2]);
  const meridiemText = m[4];
  let meridiem: 'am' | 'pm' | null = null;
  if (meridiemText !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    meridiem = meridiemText[0] === 'a' || meridiemText[0] === 'A' ? 'am' : 'pm';
    if (meridiem === 'am' && hour === 12) hour = 0;
    else if (meridiem === 'pm' && hour < 12) hour += 12;
  } else if (hour > 23) return undefined;
  let zone: Zone | null = null;
  if (m[5] !== undefined) {
    zone = zoneOf(m[5]);
    if (zone === null) return undefined;
  }
  const length = hourText.length + 3 + (meridiemText === undefined ? 0 : m[3]!.length + 2) + (m[5] === undefined ? 0 : m[5].length + 1);
  return {
    index: at,
    length,
    text: text.slice(at, at + length),
    year: null,
    month: null,
    day: null,
    hour,
    minute,
    second: 0,
    meridiem,
    zone,
    twentyFourHour: meridiem === null && (hour > 12 || hour === 0 || hourText.startsWith('0')),
  };
}
