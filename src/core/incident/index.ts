// The incident's window: from frontmatter (incident_start / incident_end / detected /
// resolved) or from what the summary states ("Start: …", "End: …", "Duration: …",
// "from 10:45 AM to 11:30 AM (UTC) on March 11, 2024").
// Parts: lines.ts (which lines may state it), prose.ts (times and lengths said in a
// sentence), from-timeline.ts (what the timeline adds once it is read).
import type { RootContent } from 'mdast';
import { inDayOrder, type DateStatement } from '../context.ts';
import type { IncidentWindow, Origin, ResolvedTime } from '../model.ts';
import type { SectionBlock } from '../sections/detect.ts';
import { TimeResolver, parseDuration, readDateOnly, readDateTime, readTimeRange, type CalendarDate, type TimeReading, type Zone } from '../time/index.ts';
import { statementLines } from './lines.ts';
import { after, PROSE_END, PROSE_START, proseDuration } from './prose.ts';

export { completeFromTimeline } from './from-timeline.ts';

const START = /^\W*(?:incident\s+|outage\s+|impact\s+|downtime\s+)?(?:start(?:ed|s)?|began|begin(?:ning)?)(?:\s+(?:time|at|on|date))?\s*[:\-–—]\s*(.+)$/i;
const END =
  /^\W*(?:incident\s+|outage\s+|impact\s+|downtime\s+)?(?:end(?:ed|s)?|resolved|recovered|restored|mitigated)(?:\s+(?:time|at|on|date))?\s*[:\-–—]\s*(.+)$/i;
const DURATION = /^\W*(?:total\s+|outage\s+|incident\s+|downtime\s+)?(?:duration|downtime|time\s+to\s+resolve)\b\W*(.*)$/i;
/** Between two statements of one line: "Start: 10:00. End: 11:00", "Start: 10:00 · Duration: 1h". */
const STATEMENT_BREAK =
  /(?<=[.;,|·])\s+(?=(?:incident\s+|outage\s+|impact\s+|downtime\s+|total\s+)?(?:start(?:ed|s)?|began|begin(?:ning)?|end(?:ed|s)?|resolved|recovered|restored|mitigated|duration|downtime)(?:\s+(?:time|at|on|date))?\s*[:\-–—])/gi;
/**
 * The opening sentence of a report that starts with when it happened: "At 18:52 UTC the
 * site went down", "On Tuesday, 13 December 2022 at roughly 18:52 UTC we saw…", "On March
 * 12, 2024, at 15:16:25 UTC, a wrong block was generated".
 */
const OPENING = /^[\W_]*(?:on\s+[^.:;]{3,48}?,?\s+)?(?:at|around|approximately|about|roughly|shortly\s+(?:after|before)|just\s+(?:after|before))\s+/i;
const OPENING_REACH = 80;
/** A line outside the summary that may still state the window as a range. */
const WINDOW_CONTEXT = /\b(?:duration|outage|downtime|lasted|occurred|incident)\b/i;

const MAY_STATE_WINDOW = /\d|\b(?:hours?|minutes?|mins?|days?|seconds?|an?\s+hour|half)\b/i;
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
  window.start = take(frontmatterTime(fm.incident_start), keyLine('incident_start'));
  if (window.start) window.startLine = fmLine;
  window.end = take(frontmatterTime(fm.incident_end), keyLine('incident_end'));
  if (window.end) window.endLine = fmLine;
  // A status page (cState): the issue opens at `date` and is resolved at `resolvedWhen`.
  if (!window.start && !window.end && fm.resolvedWhen !== undefined) {
    window.start = take(frontmatterTime(fm.date), keyLine('date'));
    if (window.start) window.startLine = keyLine('date');
    window.end = take(frontmatterTime(fm.resolvedWhen), keyLine('resolvedWhen'));
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
  if (typeof fm.duration === 'string' && window.statedDurationMinutes === null) {
    const parsed = parseDuration(fm.duration);
    if (parsed) {
      window.statedDurationMinutes = parsed.minutes;
      window.statedDurationText = parsed.text;
      window.statedDurationLine = fmLine;
    }
  }
  window.detected = take(frontmatterTime(fm.detected), keyLine('detected'));
  window.resolved = take(frontmatterTime(fm.resolved), keyLine('resolved'));
  const start = window.start ? dateOf(window.start) : null;
  const anchor = start
    ? (): { date: CalendarDate; origin: Origin | null } => ({ date: start, origin: { from: 'incident-start', line: window.startLine } })
    : contextDate;
  return { window, zone, zoneOrigin, anchor, zoneIsDefault };
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

function frontmatterTime(value: unknown): TimeReading | null {
  if (value instanceof Date) return readDateTime(value.toISOString());
  if (typeof value !== 'string' || value.trim() === '') return null;
  return readDateTime(value);
}

function dateOf(time: ResolvedTime): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(time.iso);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
