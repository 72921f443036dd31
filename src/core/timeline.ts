// Timeline entries: list items, table rows with a time column, and lines that start with
// a time. Collected in document order with the dated headings and zone declarations
// between them, then resolved to instants in a second pass (whether the document writes
// a 12-hour clock is only known once every time has been read).
import type { List, ListItem, Paragraph, RootContent, Table, TableRow } from 'mdast';
import type { TimelineEntry } from './model.ts';
import type { SectionBlock } from './sections/detect.ts';
import { columnOf, inlineLines, plainText, type TextLine } from './text.ts';
import {
  TimeResolver,
  findZoneDeclaration,
  isTwelveHourDocument,
  parseZone,
  readDateOnly,
  readLeadingTime,
  type CalendarDate,
  type TimeReading,
  type Zone,
} from './time/index.ts';

type Event =
  | { type: 'entry'; entry: TimelineEntry; reading: TimeReading | null }
  | { type: 'date'; date: CalendarDate }
  | { type: 'zone'; zone: Zone };

export interface TimelineContext {
  source: string;
  lineStarts: readonly number[];
  /** The zone in force where the timeline begins. */
  zone: Zone | null;
  /** The date time-only entries take when nothing nearer gives one (the incident start). */
  anchor: CalendarDate | null;
}

const SEPARATOR = /^[\s:\-–—|)\]*.,>~]+/;
/** Where a second entry starts inside a line: after a sentence ends, a time follows. */
const RUN_ON = /[.!?;]\s+(?=\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2})/g;
const TIME_HEADER = /\b(time|timestamp|when|clock|hour|utc|gmt)\b/i;
const DATE_HEADER = /\b(date|day)\b/i;

export function extractTimeline(blocks: readonly SectionBlock[], context: TimelineContext): TimelineEntry[] {
  const events: Event[] = [];
  const collector = new Collector(context, events);
  for (const block of blocks) {
    if (block.section.kind !== 'timeline') continue;
    const zone = findZoneDeclaration(block.section.heading);
    const parsed = zone ? parseZone(zone) : null;
    if (parsed) events.push({ type: 'zone', zone: parsed });
    const date = readDateOnly(block.section.heading);
    if (date) events.push({ type: 'date', date });
    block.nodes.forEach((node, index) => collector.block(node, index === 0 ? block.headingLines : 0));
  }
  return resolve(events, context);
}

function resolve(events: readonly Event[], context: TimelineContext): TimelineEntry[] {
  const readings: TimeReading[] = [];
  for (const event of events) if (event.type === 'entry' && event.reading) readings.push(event.reading);
  const resolver = new TimeResolver({
    zone: context.zone,
    anchor: context.anchor,
    twelveHourDocument: isTwelveHourDocument(readings),
  });
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    if (event.type === 'zone') resolver.setZone(event.zone);
    else if (event.type === 'date') resolver.setAnchorDate(event.date);
    else {
      if (event.reading) event.entry.time = resolver.resolve(event.reading);
      entries.push(event.entry);
    }
  }
  return entries;
}

class Collector {
  private readonly context: TimelineContext;
  private readonly events: Event[];

  constructor(context: TimelineContext, events: Event[]) {
    this.context = context;
    this.events = events;
  }

  block(node: RootContent, skipLines: number): void {
    switch (node.type) {
      case 'heading': {
        this.declarations(plainText(node));
        break;
      }
      case 'paragraph':
        this.lines(inlineLines(node.children, node.position?.start.line ?? 1).slice(skipLines), 'line');
        break;
      case 'list':
        this.list(node);
        break;
      case 'table':
        this.table(node);
        break;
      case 'blockquote':
        for (const child of node.children) this.block(child, 0);
        break;
      default:
        break;
    }
  }

  /** A heading or label line: a zone declaration and/or a date for the entries below. */
  private declarations(text: string): boolean {
    const zoneText = findZoneDeclaration(text);
    const zone = zoneText ? parseZone(zoneText) : null;
    if (zone) this.events.push({ type: 'zone', zone });
    const date = readDateOnly(text);
    if (date) this.events.push({ type: 'date', date });
    return zone !== null || date !== null;
  }

  /**
   * Lines of one paragraph: each line that starts with a time opens an entry. The first
   * entry takes `firstSource` (a list item's own line), later ones are plain lines.
   */
  private lines(lines: readonly TextLine[], firstSource: TimelineEntry['source']): void {
    let open: TimelineEntry | null = null;
    let source = firstSource;
    for (const line of lines) {
      if (line.text === '') continue;
      const pieces = splitRunOn(line.text);
      for (const piece of pieces) {
        const reading = readLeadingTime(piece);
        if (reading) {
          open = this.entry(line, piece, reading, source);
          source = 'line';
        } else if (open) {
          open.text = `${open.text} ${piece}`.trim();
        } else {
          this.declarations(piece);
        }
      }
    }
  }

  private list(list: List): void {
    for (const item of list.children) this.item(item);
  }

  private item(item: ListItem): void {
    const first = item.children[0];
    const nested = item.children.filter((child): child is List => child.type === 'list');
    if (!first || first.type !== 'paragraph') {
      for (const list of nested) this.list(list);
      return;
    }
    const lines = inlineLines(first.children, first.position?.start.line ?? 1);
    const head = lines[0]!;
    const reading = readLeadingTime(head.text);
    if (reading) {
      this.lines(lines, 'list-item');
      return;
    }
    if (nested.length > 0) {
      // A label ("Day 2", "2024-03-03", "Detection:") grouping timed sub-items.
      this.declarations(head.text);
      for (const list of nested) this.list(list);
      return;
    }
    this.entry(head, paragraphText(first, lines), null, 'list-item');
  }

  private table(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const headers = header.children.map((cell) => plainText(cell).trim());
    let timeColumn = headers.findIndex((text) => TIME_HEADER.test(text));
    if (timeColumn === -1) timeColumn = columnOfTimes(rows);
    if (timeColumn === -1) return;
    const dateColumn = headers.findIndex((text, index) => index !== timeColumn && DATE_HEADER.test(text) && !TIME_HEADER.test(text));
    for (const text of headers) this.declarations(text);
    for (const row of rows) this.row(row, timeColumn, dateColumn);
  }

  private row(row: TableRow, timeColumn: number, dateColumn: number): void {
    const cells = row.children.map((cell) => plainText(cell).replace(/\s+/g, ' ').trim());
    const timeCell = cells[timeColumn] ?? '';
    const dateCell = dateColumn === -1 ? '' : (cells[dateColumn] ?? '');
    const timeText = dateCell ? `${dateCell} ${timeCell}` : timeCell;
    const reading = timeText ? readLeadingTime(timeText) : null;
    const rest = cells.filter((_, index) => index !== timeColumn && index !== dateColumn && cells[index] !== '');
    const line: TextLine = { text: timeText, line: row.position?.start.line ?? 1 };
    const entry = this.entry(line, timeText, reading, 'table-row');
    entry.text = rest.join(' — ');
    entry.column = row.position?.start.column ?? 1;
  }

  private entry(line: TextLine, text: string, reading: TimeReading | null, source: TimelineEntry['source']): TimelineEntry {
    const { source: file, lineStarts } = this.context;
    const column = columnOf(file, lineStarts, line.line, reading ? reading.text : text);
    const offset = (lineStarts[line.line - 1] ?? 0) + column - 1;
    const endOffset = Math.min(file.length, lineEnd(file, lineStarts, line.line));
    const entry: TimelineEntry = {
      line: line.line,
      column,
      span: {
        start: { line: line.line, column, offset },
        end: { line: line.line, column: endOffset - (lineStarts[line.line - 1] ?? 0) + 1, offset: endOffset },
      },
      text: reading ? text.slice(reading.index + reading.length).replace(SEPARATOR, '').trim() : text.trim(),
      timeText: reading ? reading.text : null,
      time: null,
      source,
    };
    this.events.push({ type: 'entry', entry, reading });
    return entry;
  }
}

function splitRunOn(text: string): string[] {
  RUN_ON.lastIndex = 0;
  if (!RUN_ON.test(text)) return [text];
  const pieces: string[] = [];
  let start = 0;
  RUN_ON.lastIndex = 0;
  for (let match = RUN_ON.exec(text); match; match = RUN_ON.exec(text)) {
    const cut = match.index + match[0].length;
    if (!readLeadingTime(text.slice(cut), 0)) continue;
    pieces.push(text.slice(start, match.index + 1));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function columnOfTimes(rows: readonly TableRow[]): number {
  const width = rows[0]?.children.length ?? 0;
  for (let column = 0; column < width; column++) {
    let hits = 0;
    for (const row of rows) {
      const cell = row.children[column];
      if (cell && readLeadingTime(plainText(cell).trim(), 0)) hits++;
    }
    if (rows.length > 0 && hits * 2 >= rows.length) return column;
  }
  return -1;
}

function paragraphText(paragraph: Paragraph, lines: readonly TextLine[]): string {
  return lines.map((line) => line.text).filter(Boolean).join(' ') || plainText(paragraph).trim();
}

function lineEnd(source: string, starts: readonly number[], line: number): number {
  const next = starts[line];
  if (next === undefined) return source.length;
  return source[next - 2] === '\r' ? next - 2 : next - 1;
}
