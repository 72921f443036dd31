// The incident's window: from frontmatter (incident_start / incident_end / detected /
// resolved) or from what the summary states ("Start: …", "End: …", "Duration: …",
// "from 10:45 AM to 11:30 AM (UTC) on March 11, 2024").
import type { RootContent } from 'mdast';
import { inDayOrder, type DateStatement } from './context.ts';
import type { IncidentWindow, Origin, ResolvedTime, TimelineEntry } from './model.ts';
import type { SectionBlock } from './sections/detect.ts';
import { inlineLines, plainText, type TextLine } from './text.ts';
import {
  TimeResolver,
  parseDuration,
  readDateOnly,
  readDateTime,
  readLeadingTime,
  readTimeRange,
  type CalendarDate,
  type TimeReading,
  type Zone,
} from './time/index.ts';

const START = /^\W*(?:incident\s+|outage\s+|impact\s+|downtime\s+)?(?:start(?:ed|s)?|began|begin(?:ning)?)(?:\s+(?:time|at|on|date))?\s*[:\-–—]\s*(.+)$/i;
const END = /^\W*(?:incident\s+|outage\s+|impact\s+|downtime\s+)?(?:end(?:ed|s)?|resolved|recovered|restored|mitigated)(?:\s+(?:time|at|on|date))?\s*[:\-–—]\s*(.+)$/i;
const DURATION = /^\W*(?:total\s+|outage\s+|incident\s+|downtime\s+)?(?:duration|downtime|time\s+to\s+resolve)\b\W*(.*)$/i;
/** Between two statements of one line: "Start: 10:00. End: 11:00", "Start: 10:00 · Duration: 1h". */
const STATEMENT_BREAK = /(?<=[.;,|·])\s+(?=(?:incident\s+|outage\s+|impact\s+|downtime\s+|total\s+)?(?:start(?:ed|s)?|began|begin(?:ning)?|end(?:ed|s)?|resolved|recovered|restored|mitigated|duration|downtime)(?:\s+(?:time|at|on|date))?\s*[:\-–—])/gi;
const DETECTED = /\b(detect|alert|paged?\b|notic|report|fired|triggered|spotted|observ)/i;
const RESOLVED = /\b(resolv|restor|recover|mitigat|back to normal|fully operational)/i;

/** Prose statements: "started at 08:30 AM", "was resolved by 12:45 PM West African Time". */
const PROSE_START = /\b(?:start(?:ed|ing|s)?|began|begin(?:ning)?|occurred|kicked\s+off)\s+(?:at|around|from|on|by)\s+/i;
const PROSE_END = /\b(?:end(?:ed|ing|s)?|resolved|restored|recovered|fixed|mitigated|concluded)\s+(?:at|by|around|on)\s+/i;
/**
 * The opening sentence of a report that starts with when it happened: "At 18:52 UTC the
 * site went down", "On Tuesday, 13 December 2022 at roughly 18:52 UTC we saw…", "On March
 * 12, 2024, at 15:16:25 UTC, a wrong block was generated".
 */
const OPENING = /^[\W_]*(?:on\s+[^.:;]{3,48}?,?\s+)?(?:at|around|approximately|about|roughly|shortly\s+(?:after|before)|just\s+(?:after|before))\s+/i;
const OPENING_REACH = 80;
/** Timeline entries that mark the incident's start or end ("<START OF OUTAGE>", "Incident closed."). */
const START_MARKER = /<\s*start\s+of\s+(?:the\s+)?(?:outage|incident|impact)\s*>|\b(?:start|beginning)\s+of\s+(?:the\s+)?(?:outage|incident|impact)\b|\b(?:outage|incident|impact|downtime)\s+(?:officially\s+)?(?:begins|began|starts|started|opened|onset)\b|\b(?:outage|impact)\s+onset\b|\bbecame\s+unavailable\b/i;
const END_MARKER = /<\s*end\s+of\s+(?:the\s+)?(?:outage|incident|impact)\s*>|\bend\s+of\s+(?:the\s+)?(?:outage|incident|impact)\b|\b(?:outage|incident|impact|downtime)\s+(?:(?:has\s+been|was|is)\s+)?(?:officially\s+)?(?:ends|ended|over|closed|resolved)\b|\bservices?\s+(?:(?:is|are|was|were)\s+)?fully\s+restored\b|\bbecame\s+available\s+again\b/i;
/** A line outside the summary that may still state the window as a range. */
const WINDOW_CONTEXT = /\b(?:duration|outage|downtime|lasted|occurred|incident)\b/i;
const WINDOW_HEADING = /\b(?:duration|when|date|time\s*frame|window)\b/i;
const PROSE_WINDOW = 80;

const MAY_STATE_WINDOW = /\d|\b(?:hours?|minutes?|mins?|days?|seconds?|an?\s+hour|half)\b/i;

/** Sections whose statements may give the window. */
const STATING = new Set(['summary', 'impact', 'other']);
/** Sections where a sentence about the outage may still give both ends ("… started at 10.16, and was fixed at 11.35"). */
const ASIDE = new Set(['lessons-learned', 'detection', 'resolution']);
const OUTAGE_SUBJECT = /\b(?:outage|failure|incident|downtime|disruption|degradation|unavailab\w*|interruption)\b/i;

export interface IncidentInput {
  frontmatter: Record<string, unknown> | null;
  preamble: readonly RootContent[];
  blocks: readonly SectionBlock[];
  /** The zone declared before the summary (frontmatter or configuration). */
  zone: Zone | null;
  zoneName: string | null;
  zoneOrigin?: Origin | null;
  /** The incident's date from the document's context (title, first sentence, `Date:`, frontmatter). */
  date?: (() => DateStatement | null) | null;
  dayFirst?: boolean | null;
  /** The line of a frontmatter key. */
  frontmatterLine?: (key: string) => number | null;
  /**
   * True when `zone` is only the configuration's default: a zone the document writes
   * with its start or end then takes its place.
   */
  zoneIsDefault?: boolean;
}

export interface IncidentReading {
  window: IncidentWindow;
  /** The zone that times after the summary inherit (the one given with start/end, if any). */
  zone: Zone | null;
  zoneOrigin: Origin | null;
  /** The calendar date time-only timeline entries start from, found when first needed. */
  anchor: () => { date: CalendarDate; origin: Origin | null } | null;
  /** Whether the zone in effect is still only the configuration's default. */
  zoneIsDefault: boolean;
}

export function readIncident(input: IncidentInput): IncidentReading {
  const fm = input.frontmatter ?? {};
  const lines = [...statementLines(input)];
  const contextDate = (): DateStatement | null => input.date?.() ?? null;
  const dayFirst = input.dayFirst ?? null;
  const resolver = new TimeResolver({
    zone: input.zone,
    anchor: contextDate,
    twelveHourDocument: false,
    zoneOrigin: input.zoneOrigin ?? null,
  });
  const window: IncidentWindow = {
    start: null,
    end: null,
    startLine: null,
    endLine: null,
    timezone: input.zoneName,
    statedDurationMinutes: null,
    statedDurationText: null,
    statedDurationLine: null,
    detected: null,
    resolved: null,
  };
  let zone = input.zone;
  let zoneOrigin = input.zoneOrigin ?? null;
  let zoneIsDefault = zone !== null && input.zoneIsDefault === true;
  const take = (reading: TimeReading | null, line: number | null = null): ResolvedTime | null => {
    if (!reading) return null;
    if (reading.zone && (!zone || zoneIsDefault)) {
      zone = reading.zone;
      zoneOrigin = { from: 'incident-start', line };
      zoneIsDefault = false;
      window.timezone = reading.zone.name;
      resolver.setZone(zone, zoneOrigin);
    }
    return resolver.resolve(inDayOrder(reading, dayFirst), line);
  };

  const fmLine = 1;
  const keyLine = (key: string): number => input.frontmatterLine?.(key) ?? fmLine;
  window.start = take(frontmatterTime(fm['incident_start']), keyLine('incident_start'));
  if (window.start) window.startLine = fmLine;
  window.end = take(frontmatterTime(fm['incident_end']), keyLine('incident_end'));
  if (window.end) window.endLine = fmLine;
  // A status page (cState): the issue opens at `date` and is resolved at `resolvedWhen`.
  if (!window.start && !window.end && fm['resolvedWhen'] !== undefined) {
    window.start = take(frontmatterTime(fm['date']), keyLine('date'));
    if (window.start) window.startLine = keyLine('date');
    window.end = take(frontmatterTime(fm['resolvedWhen']), keyLine('resolvedWhen'));
    if (window.end) window.endLine = keyLine('resolvedWhen');
  }

  for (const line of lines) {
    // Every statement of a window holds a number or a duration word; prose skips the rest.
    if (!MAY_STATE_WINDOW.test(line.text)) continue;
    // "Start: 10:00. End: 11:00.": each statement of a line on its own.
    for (const text of statements(line.text)) {
      if (!window.start) {
        const match = START.exec(text);
        const time = match ? take(dated(readDateTime(match[1]!), text), line.line) : null;
        if (time) {
          window.start = time;
          window.startLine = line.line;
          continue;
        }
        // "Start: Wednesday, 2024-03-06": the day only.
        const day = match ? readDateOnly(match[1]!) : null;
        if (day && !window.days?.start) {
          window.days = { start: isoDate(day), end: window.days?.end ?? null, startLine: line.line, endLine: window.days?.endLine ?? null };
          continue;
        }
      }
      if (!window.end) {
        const match = END.exec(text);
        const time = match ? take(dated(readDateTime(match[1]!), text), line.line) : null;
        if (time) {
          window.end = time;
          window.endLine = line.line;
          continue;
        }
        const day = match ? readDateOnly(match[1]!) : null;
        if (day && !window.days?.end) {
          window.days = { start: window.days?.start ?? null, end: isoDate(day), startLine: window.days?.startLine ?? null, endLine: line.line };
          continue;
        }
      }
      const duration = DURATION.exec(text);
      if (duration && window.statedDurationMinutes === null) {
        const parsed = parseDuration(duration[1]!);
        if (parsed) {
          window.statedDurationMinutes = parsed.minutes;
          window.statedDurationText = parsed.text;
          window.statedDurationLine = line.line;
        }
      }
      // Not in an aside about something else ("Microsoft had a 12 hour outage in 2012").
      if (window.statedDurationMinutes === null && (line.inSummary || line.aside || line.impact)) {
        const parsed = proseDuration(text);
        if (parsed) {
          window.statedDurationMinutes = parsed.minutes;
          window.statedDurationText = parsed.text;
          window.statedDurationLine = line.line;
        }
      }
      if (!window.start && !window.end && (line.inSummary || WINDOW_CONTEXT.test(text))) {
        const range = readTimeRange(text);
        if (range) {
          window.start = take(dated(range.start, text), line.line);
          window.end = take(range.end, line.line);
          window.startLine = window.endLine = line.line;
          continue;
        }
      }
      if ((line.inSummary || (line.aside && OUTAGE_SUBJECT.test(text))) && !window.end) {
        let start = window.start ? null : dated(after(PROSE_START, text), text);
        const end = dated(after(PROSE_END, text), text);
        // Outside the summary, only a sentence that gives both ends about the outage counts.
        if (line.aside && !(start && end)) continue;
        // A zone written once in the sentence ("… by 10:15 AM UTC") is the start's too.
        if (start && end?.zone && !start.zone) start = { ...start, zone: end.zone };
        if (start) {
          window.start = take(start, line.line);
          window.startLine = line.line;
        }
        if (end && window.start) {
          window.end = take(end, line.line);
          window.endLine = line.line;
        }
      }
    }
  }
  // Nothing stated as such: the report's opening sentence may say when it began.
  for (const line of lines) {
    if (window.start || window.end) break;
    if (!line.opening) continue;
    const m = OPENING.exec(line.text);
    const reading = m ? readDateTime(line.text.slice(0, m[0].length + OPENING_REACH)) : null;
    if (reading && reading.index <= m![0].length + 12) {
      window.start = take(dated(reading, line.text), line.line);
      window.startLine = line.line;
    }
  }
  if (typeof fm['duration'] === 'string' && window.statedDurationMinutes === null) {
    const parsed = parseDuration(fm['duration']);
    if (parsed) {
      window.statedDurationMinutes = parsed.minutes;
      window.statedDurationText = parsed.text;
      window.statedDurationLine = fmLine;
    }
  }
  window.detected = take(frontmatterTime(fm['detected']), keyLine('detected'));
  window.resolved = take(frontmatterTime(fm['resolved']), keyLine('resolved'));
  const start = window.start ? dateOf(window.start) : null;
  const anchor = start
    ? (): { date: CalendarDate; origin: Origin | null } => ({ date: start, origin: { from: 'incident-start', line: window.startLine } })
    : contextDate;
  return { window, zone, zoneOrigin, anchor, zoneIsDefault };
}

/** The time written right after a phrase such as "started at". */
const GLOBAL = new Map<RegExp, RegExp>();

function after(phrase: RegExp, text: string): TimeReading | null {
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
  new RegExp(String.raw`\b(?:${OUTAGE_NOUN}|it|service|site|website|system|platform|this)\s+lasted\s+(?:overall\s+|in\s+total\s+)?(?:for\s+)?${ABOUT}${LENGTH}`, 'i'),
  new RegExp(String.raw`\(\s*(?:total\s+)?(?:downtime|outage(?:\s+duration)?|duration)\s*[:=\-–—]\s*${ABOUT}${LENGTH}`, 'i'),
  new RegExp(String.raw`\b(?:an?|the)\s+${ABOUT}${LENGTH}(?:-long)?(?:\s+[a-z-]+){0,2}?\s+${OUTAGE_NOUN}\b`, 'i'),
  new RegExp(String.raw`\b(?:was|were|went|been|remained|stayed)\s+(?:down|unavailable|offline|unreachable|degraded|halted|inaccessible)\s+for\s+${ABOUT}${LENGTH}`, 'i'),
  new RegExp(String.raw`\b${ABOUT}${LENGTH}\s+of\s+(?:total\s+|partial\s+|complete\s+)?${OUTAGE_NOUN}`, 'i'),
];

/** Every prose duration names the outage or its state. */
const DURATION_GATE = /lasted|downtime|outage|disruption|interruption|degradation|unavailab|availability|offline|down\b|unreachable|inaccessible|halt|failure|incident/i;

function proseDuration(text: string): ReturnType<typeof parseDuration> {
  if (!DURATION_GATE.test(text)) return null;
  for (const re of PROSE_DURATIONS) {
    const m = re.exec(text);
    if (!m) continue;
    // "a three-hour outage", "7 and a half hours": as parseDuration reads them.
    const length = m[1]!
      .replace(/(\w)-(?=(?:days?|hours?|hrs?|minutes?|mins?)\b)/gi, '$1 ')
      .replace(/^(\S+)\s+and\s+a\s+half\s+(\S+)/i, '$1 $2 and a half');
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

/** A time without a date takes the date its statement gives elsewhere ("On May 2, 2024, … from 10:00 to 11:00"). */
function dated(reading: TimeReading | null, text: string): TimeReading | null {
  if (reading === null || reading.month !== null) return reading;
  const date = readDateOnly(text);
  return date ? { ...reading, ...date } : reading;
}

function statements(text: string): string[] {
  STATEMENT_BREAK.lastIndex = 0;
  return STATEMENT_BREAK.test(text) ? text.split(STATEMENT_BREAK) : [text];
}

/** Fill detection and resolution from the timeline where frontmatter did not give them. */
export function completeFromTimeline(window: IncidentWindow, written: readonly TimelineEntry[], order: 'oldest-first' | 'newest-first' = 'oldest-first'): void {
  // Read a newest-first timeline (a status page) in the order things happened.
  const timeline = order === 'newest-first' ? [...written].reverse() : written;
  // Explicit markers in the timeline state the window when nothing else does.
  if (!window.start) {
    const marker = timeline.find((e) => e.time && START_MARKER.test(e.text));
    if (marker) {
      window.start = marker.time;
      window.startLine = marker.line;
    }
  }
  if (!window.end) {
    const marker = timeline.findLast((e) => e.time && END_MARKER.test(e.text));
    if (marker && (!window.start || marker.time!.epochMs >= window.start.epochMs)) {
      window.end = marker.time;
      window.endLine = marker.line;
    }
  }
  if (!window.start && !window.end) {
    const timed = timeline.filter((e) => e.time !== null);
    const first = timed[0]?.time;
    const last = timed[timed.length - 1]?.time;
    if (first && last && timed.length >= 2) {
      const [start, end] = first.epochMs <= last.epochMs ? [first, last] : [last, first];
      window.inferred = { start, end };
    }
  }
  if (!window.detected) window.detected = timeline.find((e) => e.time && DETECTED.test(e.text))?.time ?? null;
  // A status page's first update is when the incident was detected.
  if (!window.detected && order === 'newest-first') window.detected = timeline.find((e) => e.time)?.time ?? null;
  if (!window.resolved) {
    if (window.end) window.resolved = window.end;
    else {
      for (let i = timeline.length - 1; i >= 0; i--) {
        const entry = timeline[i]!;
        if (entry.time && RESOLVED.test(entry.text)) {
          window.resolved = entry.time;
          break;
        }
      }
    }
  }
}

function frontmatterTime(value: unknown): TimeReading | null {
  if (value instanceof Date) return readDateTime(value.toISOString());
  if (typeof value !== 'string' || value.trim() === '') return null;
  return readDateTime(value);
}

/**
 * Lines that may state the window; a bare time range counts only in the summary. `opening`:
 * the first line of the document's or the summary's first paragraph.
 */
function* statementLines(input: IncidentInput): Generator<TextLine & { inSummary: boolean; opening: boolean; aside: boolean; impact: boolean }> {
  let first = true;
  for (const line of blockLines(input.preamble)) {
    yield { ...line, inSummary: true, opening: first && line.text !== '', aside: false, impact: false };
    if (line.text !== '') first = false;
  }
  for (const block of input.blocks) {
    if (ASIDE.has(block.section.kind)) {
      for (const line of blockLines(block.nodes, block.headingLines)) yield { ...line, inSummary: false, opening: false, aside: true, impact: false };
      continue;
    }
    if (!STATING.has(block.section.kind)) continue;
    const inSummary = block.section.kind === 'summary' || (block.section.kind === 'other' && WINDOW_HEADING.test(block.section.heading));
    let opening = block.section.kind === 'summary';
    for (const line of blockLines(block.nodes, block.headingLines)) {
      yield { ...line, inSummary, opening: opening && line.text !== '', aside: false, impact: block.section.kind === 'impact' };
      if (line.text !== '') opening = false;
    }
  }
}

/**
 * Lines of paragraphs, list items at any depth ("- Duration:" with "- Start Time: …" under
 * it), blockquotes and table rows. An explicit stack: nesting depth is the author's.
 */
function* blockLines(nodes: readonly RootContent[], skipFirst = 0): Generator<TextLine> {
  const stack: { node: RootContent; skip: number }[] = [];
  for (let index = nodes.length - 1; index >= 0; index--) stack.push({ node: nodes[index]!, skip: index === 0 ? skipFirst : 0 });
  while (stack.length > 0) {
    const { node, skip } = stack.pop()!;
    if (node.type === 'paragraph') {
      yield* inlineLines(node.children, node.position?.start.line ?? 1).slice(skip);
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      const children = node.children as RootContent[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, skip: 0 });
    } else if (node.type === 'table') {
      for (const row of node.children) {
        yield { text: row.children.map((cell) => plainText(cell).trim()).join(': '), line: row.position?.start.line ?? 1 };
      }
    }
  }
}

function dateOf(time: ResolvedTime): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(time.iso);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
