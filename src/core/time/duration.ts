// Stated durations ("Duration: 2 hours 30 minutes") in minutes, and their display.
// chrono reads points in time, not lengths of time, so durations are read here.

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

const UNIT_MINUTES: Readonly<Record<string, number>> = { d: 1440, h: 60, m: 1, s: 1 / 60 };

const NUMBER = String.raw`\d+(?:\.\d+)?|forty-five|${Object.keys(WORD_NUMBERS)
  .filter((w) => w !== 'forty-five')
  .join('|')}`;
const LONG_UNIT = String.raw`days?|hours?|hrs?|minutes?|mins?|seconds?|secs?`;
// One part: "2 hours", "2h", "30m", "1:30 hours", "half an hour", "an hour and a half".
const PART = new RegExp(
  String.raw`(?:half[ -](?:an?[ -])?(hour|day|minute)\b|(\d{1,2}):([0-5]\d)[ \t]*(?:hours?|hrs?)\b|(${NUMBER})[ \t]*(${LONG_UNIT})\b\.?|(\d+(?:\.\d+)?)[ \t]?([dhms])(?![a-z]))(?:[ \t]+and[ \t]+a[ \t]+half\b)?`,
  'giy',
);
const JOINER = /[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|[ \t]*)/y;

export interface DurationReading {
  minutes: number;
  /** The duration as written ("2 hours 30 minutes"). */
  text: string;
  index: number;
}

function unitOf(word: string): string {
  return word.toLowerCase().charAt(0);
}

/** Reads one part at `at` (sticky); returns its minutes, unit and end, or null. */
function partAt(text: string, at: number, standalone: boolean): { minutes: number; unit: string; end: number } | null {
  PART.lastIndex = at;
  const m = PART.exec(text);
  if (m === null) return null;
  let minutes: number;
  let unit: string;
  if (m[1] !== undefined) {
    unit = unitOf(m[1]);
    minutes = (UNIT_MINUTES[unit] ?? 0) / 2;
  } else if (m[2] !== undefined && m[3] !== undefined) {
    unit = 'h';
    minutes = Number(m[2]) * 60 + Number(m[3]);
  } else if (m[4] !== undefined && m[5] !== undefined) {
    unit = unitOf(m[5]);
    const n = WORD_NUMBERS[m[4].toLowerCase()] ?? Number(m[4]);
    minutes = n * (UNIT_MINUTES[unit] ?? 0);
  } else if (m[6] !== undefined && m[7] !== undefined) {
    unit = m[7].toLowerCase();
    // A lone "5m" is as often millions as minutes: a leading "m" must not run into words.
    if (standalone && unit === 'm' && /^[ \t]*[a-z]/i.test(text.slice(at + m[0].length))) return null;
    minutes = Number(m[6]) * (UNIT_MINUTES[unit] ?? 0);
  } else return null;
  if (/and\s+a\s+half$/i.test(m[0])) minutes += (UNIT_MINUTES[unit] ?? 0) / 2;
  return { minutes, unit, end: at + m[0].length };
}

const ORDER = ['d', 'h', 'm', 's'];

/** The first duration stated in text: "2 hours 30 minutes", "2h30m", "1.5 hours", "90 min". */
export function parseDuration(text: string): DurationReading | null {
  const starts = /\b(?:half|\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)/gi;
  for (const s of text.matchAll(starts)) {
    const first = partAt(text, s.index, true);
    if (first === null) continue;
    let minutes = first.minutes;
    let end = first.end;
    let unitRank = ORDER.indexOf(first.unit);
    for (;;) {
      JOINER.lastIndex = end;
      const joiner = JOINER.exec(text);
      const next = partAt(text, end + (joiner?.[0].length ?? 0), false);
      if (next === null || ORDER.indexOf(next.unit) <= unitRank) break;
      minutes += next.minutes;
      end = next.end;
      unitRank = ORDER.indexOf(next.unit);
    }
    return { minutes, text: text.slice(s.index, end), index: s.index };
  }
  return null;
}

/** "2 h 30 min", "45 min", "1 d 2 h", "30 s" under a minute, "0 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 0) return `-${formatDuration(-minutes)}`;
  if (minutes > 0 && minutes < 1) return `${Math.round(minutes * 60)} s`;
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (mins > 0) parts.push(`${mins} min`);
  return parts.length === 0 ? '0 min' : parts.join(' ');
}
