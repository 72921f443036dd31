// The incident's window: from frontmatter (incident_start / incident_end / detected /
// resolved) or from what the summary states ("Start: …", "End: …", "Duration: …",
// "from 10:45 AM to 11:30 AM (UTC) on March 11, 2024").
import type { RootContent } from 'mdast';
import type { IncidentWindow, ResolvedTime, TimelineEntry } from './model.ts';
import type { SectionBlock } from './sections/detect.ts';
import { inlineLines, plainText, type TextLine } from './text.ts';
import {
  TimeResolver,
  parseDuration,
  readDateOnly,
  readDateTime,
  readTimeRange,
  type CalendarDate,
  type TimeReading,
  type Zone,
} from './time/index.ts';

const START = /^\W*(?:incident\s+|outage\s+|impact\s+|downtime\s+)?(?:start(?:ed|s)?|began|begin(?:ning)?)(?:\s+(?:time|at|on|date))?\s*[:\-–—]\s*(.+)$/i;
const END = /^\W*(?:incident\s+|outage\s+|impact\s+|downtime\s+)?(?:end(?:ed|s)?|resolved|recovered|restored|mitigated)(?:\s+(?:time|at|on|date))?\s*[:\-–—]\s*(.+)$/i;
const DURATION = /^\W*(?:total\s+|outage\s+|incident\s+|downtime\s+)?(?:duration|downtime|time\s+to\s+resolve)\b\W*(.*)$/i;
const DETECTED = /\b(detect|alert|paged?\b|notic|report|fired|triggered|spotted|observ)/i;
const RESOLVED = /\b(resolv|restor|recover|mitigat|back to normal|fully operational)/i;

/** Sections whose statements may give the window. */
const STATING = new Set(['summary', 'impact', 'other']);

export interface IncidentInput {
  frontmatter: Record<string, unknown> | null;
  preamble: readonly RootContent[];
  blocks: readonly SectionBlock[];
  /** The zone declared before the summary (frontmatter or configuration). */
  zone: Zone | null;
  zoneName: string | null;
}

export interface IncidentReading {
  window: IncidentWindow;
  /** The zone that times after the summary inherit (the one given with start/end, if any). */
  zone: Zone | null;
  /** The calendar date time-only timeline entries start from. */
  anchor: CalendarDate | null;
}

export function readIncident(input: IncidentInput): IncidentReading {
  const fm = input.frontmatter ?? {};
  const fmDate = typeof fm['date'] === 'string' ? readDateOnly(fm['date']) : null;
  const resolver = new TimeResolver({ zone: input.zone, anchor: fmDate, twelveHourDocument: false });
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
  const take = (reading: TimeReading | null): ResolvedTime | null => {
    if (!reading) return null;
    if (reading.zone && !zone) {
      zone = reading.zone;
      window.timezone = reading.zone.name;
    }
    return resolver.resolve(reading);
  };

  const fmLine = 1;
  window.start = take(frontmatterTime(fm['incident_start']));
  if (window.start) window.startLine = fmLine;
  window.end = take(frontmatterTime(fm['incident_end']));
  if (window.end) window.endLine = fmLine;

  for (const line of statementLines(input)) {
    const text = line.text;
    if (!window.start) {
      const match = START.exec(text);
      const time = match ? take(readDateTime(match[1]!)) : null;
      if (time) {
        window.start = time;
        window.startLine = line.line;
        continue;
      }
    }
    if (!window.end) {
      const match = END.exec(text);
      const time = match ? take(readDateTime(match[1]!)) : null;
      if (time) {
        window.end = time;
        window.endLine = line.line;
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
    if (!window.start && !window.end) {
      const range = readTimeRange(text);
      if (range) {
        window.start = take(range.start);
        window.end = take(range.end);
        window.startLine = window.endLine = line.line;
      }
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
  window.detected = take(frontmatterTime(fm['detected']));
  window.resolved = take(frontmatterTime(fm['resolved']));
  const anchor = window.start ? dateOf(window.start) : fmDate;
  return { window, zone, anchor };
}

/** Fill detection and resolution from the timeline where frontmatter did not give them. */
export function completeFromTimeline(window: IncidentWindow, timeline: readonly TimelineEntry[]): void {
  if (!window.detected) window.detected = timeline.find((e) => e.time && DETECTED.test(e.text))?.time ?? null;
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

function* statementLines(input: IncidentInput): Generator<TextLine> {
  yield* blockLines(input.preamble);
  for (const block of input.blocks) {
    if (!STATING.has(block.section.kind)) continue;
    yield* blockLines(block.nodes, block.headingLines);
  }
}

function* blockLines(nodes: readonly RootContent[], skipFirst = 0): Generator<TextLine> {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type === 'paragraph') {
      yield* inlineLines(node.children, node.position?.start.line ?? 1).slice(index === 0 ? skipFirst : 0);
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const first = item.children[0];
        if (first?.type === 'paragraph') yield* inlineLines(first.children, first.position?.start.line ?? 1);
      }
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
