// The window said in prose: a time after "started at" or "was resolved by", and the
// incident's length in a sentence about the outage ("the outage lasted 45 minutes").
import { parseDuration, readLeadingTime, type TimeReading } from '../time/index.ts';

/** Prose statements: "started at 08:30 AM", "was resolved by 12:45 PM West African Time". */
export const PROSE_START = /\b(?:start(?:ed|ing|s)?|began|begin(?:ning)?|occurred|kicked\s+off)\s+(?:at|around|from|on|by)\s+/i;
export const PROSE_END = /\b(?:end(?:ed|ing|s)?|resolved|restored|recovered|fixed|mitigated|concluded)\s+(?:at|by|around|on)\s+/i;
const PROSE_WINDOW = 80;

/** The time written right after a phrase such as "started at". */
const GLOBAL = new Map<RegExp, RegExp>();

export function after(phrase: RegExp, text: string): TimeReading | null {
  if (!phrase.test(text)) return null;
  // Each occurrence in turn: "occurred on Thursday …, starting at 10.42am".
  let global = GLOBAL.get(phrase);
  if (global === undefined) GLOBAL.set(phrase, (global = new RegExp(phrase.source, 'gi')));
  global.lastIndex = 0;
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    const from = match.index + match[0].length;
    const slice = text.slice(from, from + PROSE_WINDOW);
    // "fixed by AWS at approximately 11.35": a few words may stand before the time.
    const reading = readLeadingTime(slice, 0) ?? nearTime(slice);
    if (reading) return { ...reading, index: reading.index + from, end: undefined };
  }
  return null;
}

const ABOUT = String.raw`(?:(?:about|around|approximately|approx\.?|roughly|nearly|almost|just\s+(?:over|under)|over|~)\s*)?`;
const LENGTH = String.raw`((?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:-five)?|fifty|sixty|ninety|half)[\s-]*(?:and\s+a\s+half\s+)?(?:days?|hours?|hrs?|minutes?|mins?)\b(?:[\s,]+(?:and\s+)?\d+\s*(?:hours?|hrs?|minutes?|mins?)\b)?)`;
const OUTAGE_NOUN = String.raw`(?:outage|downtime|disruption|interruption|degradation|incident|unavailability|failure|partial\s+availability|service\s+disruption|halt)`;
/**
 * The incident's length said in a sentence, only where it is the incident's: "the outage
 * lasted 45 minutes", "(total downtime: 1 hour 10 minutes)", "a three-hour outage", "was
 * unavailable for 14 minutes", "79 minutes of partial availability". Not "patched within
 * 24 minutes" or "a 5-minute timeout".
 */
const PROSE_DURATIONS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:${OUTAGE_NOUN}|it|service|site|website|system|platform|this)\s+lasted\s+(?:overall\s+|in\s+total\s+)?(?:for\s+)?${ABOUT}${LENGTH}`,
    'i',
  ),
  new RegExp(String.raw`\(\s*(?:total\s+)?(?:downtime|outage(?:\s+duration)?|duration)\s*[:=\-–—]\s*${ABOUT}${LENGTH}`, 'i'),
  new RegExp(String.raw`\b(?:an?|the)\s+${ABOUT}${LENGTH}(?:-long)?(?:\s+[a-z-]+){0,2}?\s+${OUTAGE_NOUN}\b`, 'i'),
  new RegExp(
    String.raw`\b(?:was|were|went|been|remained|stayed)\s+(?:down|unavailable|offline|unreachable|degraded|halted|inaccessible)\s+for\s+${ABOUT}${LENGTH}`,
    'i',
  ),
  new RegExp(String.raw`\b${ABOUT}${LENGTH}\s+of\s+(?:total\s+|partial\s+|complete\s+)?${OUTAGE_NOUN}`, 'i'),
];

/** Every prose duration names the outage or its state. */
const DURATION_GATE =
  /lasted|downtime|outage|disruption|interruption|degradation|unavailab|availability|offline|down\b|unreachable|inaccessible|halt|failure|incident/i;

export function proseDuration(text: string): ReturnType<typeof parseDuration> {
  if (!DURATION_GATE.test(text)) return null;
  for (const re of PROSE_DURATIONS) {
    const m = re.exec(text);
    if (!m) continue;
    // "a three-hour outage", "7 and a half hours": as parseDuration reads them.
    const length = m[1]!.replace(/(\w)-(?=(?:days?|hours?|hrs?|minutes?|mins?)\b)/gi, '$1 ').replace(/^(\S+)\s+and\s+a\s+half\s+(\S+)/i, '$1 $2 and a half');
    const parsed = parseDuration(length);
    if (parsed) return parsed;
  }
  return null;
}

/** A time after at most three short words and "at" ("by AWS at 11.35"). */
function nearTime(text: string): TimeReading | null {
  const m = /^(?:[\w.'’-]+\s+){1,3}?(?:at|around|by)\s+/i.exec(text);
  if (!m) return null;
  const reading = readLeadingTime(text.slice(m[0].length), 0);
  return reading ? { ...reading, index: reading.index + m[0].length } : null;
}
