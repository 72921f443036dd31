// Timeline entries: list items, table rows with a time column, and lines that start with
// a time. Collected in document order with the dated headings and zone declarations
// between them, then resolved to instants in a second pass (whether the document writes
// a 12-hour clock is only known once every time has been read).
// Parts: collector.ts (the first pass), line-text.ts (one line's time and text), events.ts
// (what passes between them), order.ts (oldest or newest first).
import type { RootContent } from 'mdast';
import { inDayOrder } from '../context.ts';
import type { Origin, TimelineEntry } from '../model.ts';
import type { SectionBlock } from '../sections/detect.ts';
import { TimeResolver, findZoneDeclaration, isTwelveHourDocument, parseZone, readDateOnly, type TimeReading } from '../time/index.ts';
import { Collector } from './collector.ts';
import type { Event, TimelineContext } from './events.ts';

export type { TimelineContext } from './events.ts';
export { timelineOrder } from './order.ts';

export interface TimelineReading {
  entries: TimelineEntry[];
  /** The first zone the timeline declares (heading, label line, table header), by name. */
  declaredZone: string | null;
}

export function extractTimeline(blocks: readonly SectionBlock[], context: TimelineContext): TimelineEntry[] {
  return readTimeline(blocks, context).entries;
}

export function readTimeline(blocks: readonly SectionBlock[], context: TimelineContext, preamble: readonly RootContent[] = []): TimelineReading {
  const events: Event[] = [];
  if (!blocks.some((block) => block.section.kind === 'timeline')) {
    const collector = new Collector(context, events, true);
    // No timeline section: a status page's updates, or timestamped lines and headings
    // anywhere ("**Update: 13:30** …", "#### 11:28 UTC", "- 10.42: …") are the timeline.
    // Only timed entries count: an untimed bullet outside a timeline is no entry.
    for (const node of preamble) collector.block(node, 0);
    for (const block of blocks) {
      // A heading opens an update that a "Posted …" line may close ("## Resolved").
      if (block.headingLines === 0) collector.heading({ text: block.section.heading, line: block.section.line });
      block.nodes.forEach((node, index) => collector.block(node, index === 0 ? block.headingLines : 0));
    }
    const timed = events.filter((event) => event.type !== 'entry' || event.reading !== null);
    return { entries: resolve(timed, context), declaredZone: null };
  }
  const collector = new Collector(context, events);
  for (const block of blocks) {
    if (block.section.kind !== 'timeline') continue;
    const zone = findZoneDeclaration(block.headingText);
    const parsed = zone ? parseZone(zone) : null;
    const origin: Origin = { from: 'heading', line: block.section.line };
    if (parsed) events.push({ type: 'zone', zone: parsed, origin });
    const date = readDateOnly(block.headingText);
    if (date) events.push({ type: 'date', date, origin });
    block.nodes.forEach((node, index) => collector.block(node, index === 0 ? block.headingLines : 0));
  }
  let declaredZone: string | null = null;
  for (const event of events) {
    if (event.type === 'zone') {
      declaredZone = event.zone.name;
      break;
    }
  }
  return { entries: resolve(events, context), declaredZone };
}

function resolve(events: readonly Event[], context: TimelineContext): TimelineEntry[] {
  const readings: TimeReading[] = [];
  for (const event of events) if (event.type === 'entry' && event.reading) readings.push(event.reading);
  const resolver = new TimeResolver({
    zone: context.zone,
    anchor: context.anchor,
    twelveHourDocument: isTwelveHourDocument(readings),
    zoneOrigin: context.zoneOrigin ?? null,
    anchorOrigin: context.anchorOrigin ?? null,
  });
  if (context.start) resolver.seed(context.start);
  const entries: TimelineEntry[] = [];
  let day: number | null = null;
  const dayFirst = context.dayFirst ?? null;
  for (const event of events) {
    if (event.type === 'zone') resolver.setZone(event.zone, event.origin);
    else if (event.type === 'date') resolver.setAnchorDate(event.date, event.origin);
    else if (event.type === 'default-date') resolver.setDefaultDate(event.date, event.origin);
    else if (event.type === 'day') {
      if (day !== null && event.day > day) resolver.advanceDays(event.day - day);
      day = event.day;
    } else {
      if (event.reading) event.entry.time = resolver.resolve(inDayOrder(event.reading, dayFirst), event.entry.line);
      entries.push(event.entry);
    }
  }
  return entries;
}
