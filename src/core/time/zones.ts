// Time zones as postmortems write them: UTC/GMT/Z, abbreviations, numeric offsets,
// a few spelled-out names, and IANA names (validated and resolved by luxon).
import { DateTime, IANAZone } from 'luxon';

export interface Zone {
  /** Canonical as written: "EAT", "UTC+3", "+03:00", "Europe/Berlin", "Eastern Time". */
  name: string;
  /** Offset from UTC in minutes, for abbreviations and numeric offsets. */
  fixedOffset: number | null;
  /** IANA name, for DST-aware zones. */
  iana: string | null;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Abbreviations are fixed offsets: "CET" is +01:00 all year and "CEST" +02:00, whatever
 * the date (chrono would switch CET to +02:00 in summer; we keep what the author wrote).
 * Ambiguous ones take the reading most common in English-language postmortems:
 * CST = US Central, IST = India, BST = British Summer, AST = Atlantic, GST = Gulf.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  UT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  MEZ: 60,
  WAT: 60,
  CEST: 120,
  MESZ: 120,
  EET: 120,
  CAT: 120,
  SAST: 120,
  IDT: 180,
  EEST: 180,
  EAT: 180,
  MSK: 180,
  TRT: 180,
  AST: -240,
  ADT: -180,
  GST: 240,
  PKT: 300,
  IST: 330,
  NPT: 345,
  ICT: 420,
  WIB: 420,
  WITA: 480,
  SGT: 480,
  HKT: 480,
  PHT: 480,
  MYT: 480,
  AWST: 480,
  WIT: 540,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  NST: -210,
  NDT: -150,
  ART: -180,
  BRT: -180,
};

/** Spelled-out names of fixed zones, mapped to their abbreviation. */
const LONG_NAMES: Readonly<Record<string, string>> = {
  'coordinated universal time': 'UTC',
  'greenwich mean time': 'GMT',
  'eastern standard time': 'EST',
  'eastern daylight time': 'EDT',
  'central standard time': 'CST',
  'central daylight time': 'CDT',
  'mountain standard time': 'MST',
  'mountain daylight time': 'MDT',
  'pacific standard time': 'PST',
  'pacific daylight time': 'PDT',
  'central european time': 'CET',
  'central european summer time': 'CEST',
  'british summer time': 'BST',
  'east africa time': 'EAT',
  'east african time': 'EAT',
  'central africa time': 'CAT',
  'central african time': 'CAT',
  'west african time': 'WAT',
  'west africa time': 'WAT',
  'india standard time': 'IST',
  'indian standard time': 'IST',
  'japan standard time': 'JST',
  'singapore time': 'SGT',
  'moscow time': 'MSK',
};

/** US zone names without a season ("Eastern Time", "ET") follow DST: IANA zones. */
const GENERIC_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  et: ['ET', 'America/New_York'],
  eastern: ['Eastern', 'America/New_York'],
  'eastern time': ['Eastern Time', 'America/New_York'],
  ct: ['CT', 'America/Chicago'],
  central: ['Central', 'America/Chicago'],
  'central time': ['Central Time', 'America/Chicago'],
  mt: ['MT', 'America/Denver'],
  mountain: ['Mountain', 'America/Denver'],
  'mountain time': ['Mountain Time', 'America/Denver'],
  pt: ['PT', 'America/Los_Angeles'],
  pacific: ['Pacific', 'America/Los_Angeles'],
  'pacific time': ['Pacific Time', 'America/Los_Angeles'],
};

/**
 * A standard/daylight pair ("PST/PDT", "EST/EDT", "CET/CEST") means the zone that switches
 * between them: the author used whichever applied on the day.
 */
const SEASON_PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  'PST/PDT': ['PST/PDT', 'America/Los_Angeles'],
  'MST/MDT': ['MST/MDT', 'America/Denver'],
  'CST/CDT': ['CST/CDT', 'America/Chicago'],
  'EST/EDT': ['EST/EDT', 'America/New_York'],
  'AKST/AKDT': ['AKST/AKDT', 'America/Anchorage'],
  'CET/CEST': ['CET/CEST', 'Europe/Paris'],
  'EET/EEST': ['EET/EEST', 'Europe/Athens'],
  'WET/WEST': ['WET/WEST', 'Europe/Lisbon'],
  'GMT/BST': ['GMT/BST', 'Europe/London'],
  'AEST/AEDT': ['AEST/AEDT', 'Australia/Sydney'],
  'NZST/NZDT': ['NZST/NZDT', 'Pacific/Auckland'],
};

const OFFSET_RE = /^(?:(UTC|GMT|UT)\s*)?([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;
const IANA_RE = /^[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+)+$/;

/** Unicode minus and dashes, as authors paste them ("UTC−05:00"), read as "-". */
export function normalizeMinus(text: string): string {
  return text.replace(/[\u2212\u2010\u2011\u2012\u2013]/g, '-');
}

/**
 * Zones by the text they were read from. An archive names a handful of zones over and over,
 * and an IANA name costs an Intl.DateTimeFormat to check and canonicalise: a tenth of a
 * millisecond, more than the rest of a file's zone reading. Frozen: callers share them.
 */
const parsedZones = new Map<string, Zone | null>();
const PARSED_ZONES_LIMIT = 1024;

export function parseZone(text: string): Zone | null {
  let zone = parsedZones.get(text);
  if (zone === undefined) {
    zone = readZone(text);
    if (zone !== null) Object.freeze(zone);
    if (parsedZones.size >= PARSED_ZONES_LIMIT) parsedZones.clear();
    parsedZones.set(text, zone);
  }
  return zone;
}

function readZone(text: string): Zone | null {
  const raw = normalizeMinus(text.trim()).replace(/\s+/g, ' ');
  if (raw === '') return null;
  const upper = raw.toUpperCase();
  const lower = raw.toLowerCase();

  if (upper === 'Z') return { name: 'UTC', fixedOffset: 0, iana: null };
  const abbr = ZONE_ABBREVIATIONS[upper];
  if (abbr !== undefined) return { name: upper, fixedOffset: abbr, iana: null };

  const long = LONG_NAMES[lower];
  if (long !== undefined) return { name: long, fixedOffset: ZONE_ABBREVIATIONS[long] ?? 0, iana: null };

  const pair =
    SEASON_PAIRS[upper.replace(/\s*\/\s*/, '/')] ??
    SEASON_PAIRS[
      upper
        .replace(/\s*\/\s*/, '/')
        .split('/')
        .reverse()
        .join('/')
    ];
  if (pair !== undefined) return { name: pair[0], fixedOffset: null, iana: pair[1] };

  const generic = GENERIC_NAMES[lower];
  if (generic !== undefined) return { name: generic[0], fixedOffset: null, iana: generic[1] };

  const offset = OFFSET_RE.exec(raw);
  if (offset) return parseOffset(offset);

  if (IANA_RE.test(raw) && IANAZone.isValidZone(raw)) {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
    return { name: canonical, fixedOffset: null, iana: canonical };
  }
  return null;
}

function parseOffset(m: RegExpExecArray): Zone | null {
  const prefix = m[1];
  const sign = m[2] === '-' ? -1 : 1;
  const hoursText = m[3] ?? '';
  const minutesText = m[4];
  // Without a UTC/GMT prefix only ISO-like offsets count: "+03:00", "+0300", "+03".
  if (prefix === undefined && hoursText.length !== 2) return null;
  const hours = Number(hoursText);
  const minutes = minutesText === undefined ? 0 : Number(minutesText);
  if (hours > 14 || minutes >= 60) return null;
  const name =
    prefix === undefined
      ? `${m[2]}${hoursText}${minutesText === undefined ? '' : `:${minutesText}`}`
      : `${prefix.toUpperCase()}${m[2]}${hoursText}${minutesText === undefined ? '' : `:${minutesText}`}`;
  return { name, fixedOffset: sign * (hours * 60 + minutes), iana: null };
}

/** The offset in minutes at an instant in the zone (DST-correct for IANA zones). */
export function offsetAtInstant(zone: Zone, epochMs: number): number {
  if (zone.fixedOffset !== null) return zone.fixedOffset;
  if (zone.iana === null) return 0;
  return DateTime.fromMillis(epochMs, { zone: zone.iana }).offset;
}

/** The offset in minutes at a local wall time in the zone (DST-correct for IANA zones). */
export function offsetAt(zone: Zone, wall: WallTime): number {
  if (zone.fixedOffset !== null) return zone.fixedOffset;
  if (zone.iana === null) return 0;
  return DateTime.fromObject(wall, { zone: zone.iana }).offset;
}

/** True for zones whose ISO offset is written "Z". */
export function isUtcZone(zone: Zone): boolean {
  return zone.fixedOffset === 0 && (zone.name === 'UTC' || zone.name === 'GMT' || zone.name === 'Z' || zone.name === 'UT');
}

// What may stand after a declaration's lead words: up to four words; we then try the
// longest prefix that parses ("Eastern Time (EDT)" → "Eastern Time").
const ZONE_WORDS = String.raw`([^\s()\[\],;:]+(?:[ \t]+[^\s()\[\],;:]+){0,3})(?:[ \t]*\(([^()\n]{1,20})\))?`;
const DECLARATIONS: readonly RegExp[] = [
  // "(all times UTC)", "All times are in EAT", "all times listed in PDT", "All timestamps are UTC",
  // "All times in this report are in PDT"
  new RegExp(
    String.raw`\ball[ \t]+(?:times?|timestamps?)[ \t]+(?:(?:in|of|for|throughout)[ \t]+(?:this|the)[ \t]+(?:document|report|post-?mortem|timeline|write-?up|page|doc)[ \t]+)?(?:(?:are|is|listed|given|shown|stated|expressed|reported|referenced|displayed|quoted|below|above)[ \t]+)*(?:in[ \t]+)?(?:the[ \t]+)?` +
      ZONE_WORDS,
    'im',
  ),
  // "Times are Eastern Time (EDT)", "Times in UTC", "Timestamps are in UTC"
  new RegExp(
    String.raw`(?:^|[(\[.;]\s*)(?:times|timestamps)[ \t]+(?:(?:are|listed|given|shown|stated|expressed|reported|referenced|displayed|quoted)[ \t]+)*(?:in[ \t]+)?(?:the[ \t]+)?` +
      ZONE_WORDS,
    'im',
  ),
  // "All events are documented in UTC time", "all events happened … and all times are in UTC",
  // "All times are approximated to UTC", "Times shown in UTC"
  new RegExp(
    String.raw`\ball[ \t]+(?:events|entries|times|timestamps)[ \t]+(?:(?:are|is|were|listed|given|shown|stated|documented|recorded|written|expressed|reported|approximated|rounded|converted|normali[sz]ed)[ \t]+)+(?:in|to)[ \t]+(?:the[ \t]+)?` +
      ZONE_WORDS,
    'im',
  ),
  // "Timezone: Europe/Berlin", "Time zone - CET", "TZ = UTC"
  new RegExp(String.raw`\b(?:time[ \t-]?zone|tz)[ \t]*[:=\-–—][ \t]*` + ZONE_WORDS, 'im'),
  // Headings: "Timeline (UTC)", "Timeline (in EAT)", "Timeline — UTC"
  /\btimeline[ \t]*[([][ \t]*(?:in[ \t]+)?([^()[\]\n]{1,30})/im,
  new RegExp(String.raw`\btimeline[ \t]*[-–—,:][ \t]*(?:in[ \t]+)?` + ZONE_WORDS, 'im'),
  // Table headers and labels, at the start of a line or cell: "Time (UTC)", "| Timestamp (EDT) |",
  // "Start time (EAT)"; not prose such as "00:07 Pacific Standard Time (PST)".
  /(?:^|\|)[ \t#>*_]*(?:[A-Za-z]+[ \t]+)?(?:time|times|timestamps?|date[ \t]*\/[ \t]*time|datetime|date and time|clock)[ \t]*[([][ \t]*(?:in[ \t]+)?([^()[\]\n]{1,30})/im,
];

const DECLARES = /time|tz|clock|events|entries/i;

/**
 * The zone a heading, line or table header declares ("(all times UTC)", "Time (EAT)",
 * "Timezone: Europe/Berlin"), as written, or null. Only declaration shapes count:
 * "UTC" mid-sentence ("began at 14:05 UTC") is not a declaration.
 */
export function findZoneDeclaration(text: string): string | null {
  const clean = normalizeMinus(text.replace(/[*`]/g, ''));
  // Every declaration shape names times, a time zone, "TZ" or a clock.
  if (!DECLARES.test(clean)) return null;
  for (const re of DECLARATIONS) {
    const m = re.exec(clean);
    if (!m) continue;
    const words = m[1] ?? m[2];
    if (words === undefined) continue;
    const found = longestZonePrefix(words);
    if (found === null) continue;
    const inner = m[2];
    // "Eastern Time (EDT)": the explicit abbreviation is more precise than the DST-aware name.
    if (inner !== undefined && m[1] !== undefined && found.zone.iana !== null && found.rest === '') {
      const innerZone = longestZonePrefix(inner);
      if (innerZone !== null && innerZone.zone.fixedOffset !== null) return innerZone.text;
    }
    return found.text;
  }
  return null;
}

function longestZonePrefix(words: string): { text: string; zone: Zone; rest: string } | null {
  const parts = words.trim().split(/[ \t]+/);
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts
      .slice(0, n)
      .join(' ')
      .replace(/[.,:;!?]+$/, '');
    const zone = parseZone(candidate);
    // Abbreviations count in capitals only: "West African Time" is not WEST.
    const lowercaseAbbreviation = /^[A-Za-z]{2,5}$/.test(candidate) && candidate !== candidate.toUpperCase() && !/^(?:utc|gmt)$/i.test(candidate);
    if (zone !== null && !(lowercaseAbbreviation && zone.fixedOffset !== null)) return { text: candidate, zone, rest: parts.slice(n).join(' ') };
  }
  return null;
}
