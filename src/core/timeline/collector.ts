// The first pass over a timeline's blocks: list items, table rows with a time column, lines
// that start with a time, status-page updates, and the declarations between them, collected
// as events in document order (index.ts resolves them).
import type { List, ListItem, Paragraph, RootContent, Table, TableRow } from 'mdast';
import type { Origin, TimelineEntry } from '../model.ts';
import { columnOf, inlineLines, plainText, type TextLine } from '../text.ts';
import { findZoneDeclaration, parseZone, readDateOnly, readDateTime, readLeadingTime, type TimeReading } from '../time/index.ts';
import type { Event, TimelineContext } from './events.ts';
import { entryText, lineEnd, paragraphText, readLabelledTime, splitRunOn, timeEnd, trimMarks, withLabel } from './line-text.ts';

/** A label line ends with a colon: "Detection time:", "Events of May 24, 2020:". */
const LABEL_END = /[:：]\s*$/;
/** Labels of statements about the incident as a whole ("Start:", "Duration:", "Date:"), not updates. */
const STATEMENT_LINE =
  /^[\W_]*(?:(?:incident|outage|impact|downtime|total)\s+)?(?:start(?:ed|s)?|began|begin(?:ning)?|end(?:ed|s)?|duration|date|date\s*\/\s*time|time|window|when|detected|mitigated|recovered|restored|resolved\s+at)(?:\s+(?:time|at|on|date))?[\W_]*[:\-–—]/i;
const NOTE_WORDS = /\b(?:all|times?|timestamps?|zone|tz|clock|events|entries|unless|happened|occurred|took\s+place)\b/i;
/** Statuspage's stamp under each update: "Posted Aug 08, 2023 - 10:20 EDT". */
const POSTED = /^[\W_]*posted\b/i;
/** Hugo's status-page stamp: `{{< track "2018-11-24 22:34:00" >}}`. */
const TRACK_SHORTCODE = /\{\{[<%]\s*track\s+"([^"]{6,40})"\s*[>%]\}\}/;
/** A note that dates every entry: "Unless otherwise noted, all events happened on 2024-03-02". */
const DATE_NOTE = /\b(?:all\s+(?:events|entries|times)|unless\s+(?:otherwise\s+)?(?:noted|stated|specified)|(?:happened|occurred|took\s+place)\s+on)\b/i;
/** A day counter label or heading: "Day 2", "Day 2:", "Day 2 — recovery". */
const DAY_LABEL = /^\W*day\s+(\d{1,3})\b/i;
const TIME_HEADER = /\b(time|timestamp|when|clock|hour|utc|gmt)\b/i;
const DATE_HEADER = /\bdate\b/i;
const DAY_HEADER = /\bday\b/i;

export class Collector {
  private readonly context: TimelineContext;
  private readonly events: Event[];
  /** Where the last entry stood: a later entry on the same line is searched after it. */
  private cursor = { line: 0, offset: 0 };
  /** A time standing alone ("10:00 AM:"): the next paragraph is its text. */
  private dangling: TimelineEntry | null = null;
  /** A sub-heading that is a time ("#### 00:20"): untimed bullets below are its text. */
  private headingEntry: TimelineEntry | null = null;
  /** The previous list item was a time alone ("- 10:05"): its sibling below is its text. */
  private bareTime: TimelineEntry | null = null;

  /** Text since the last entry (a status page's update before its "Posted …" line). */
  private update: { line: TextLine; text: string[] } | null = null;

  /** A block's source text, to test before its inline text is built. */
  private raw(node: Paragraph): string | null {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    return from === undefined || to === undefined ? null : this.context.source.slice(from, to);
  }

  /** A section heading outside a timeline: the first line of an update, if one follows. */
  heading(line: TextLine): void {
    this.update = null;
    this.untimed(line, line.text);
  }

  private untimed(line: TextLine, text: string): void {
    if (this.update === null) this.update = { line, text: [] };
    this.update.text.push(trimMarks(text.replace(/^[\s*_#]+/, ''), ' \t*_'));
  }

  /** Reading a document with no timeline section for its timestamped updates. */
  readonly updatesOnly: boolean;

  constructor(context: TimelineContext, events: Event[], updatesOnly = false) {
    this.context = context;
    this.events = events;
    this.updatesOnly = updatesOnly;
  }

  block(node: RootContent, skipLines: number): void {
    if (node.type !== 'paragraph') this.dangling = null;
    switch (node.type) {
      case 'heading': {
        const text = plainText(node).trim();
        const reading = readLeadingTime(text);
        const line: TextLine = { text, line: node.position?.start.line ?? 1 };
        this.headingEntry = reading ? this.entry(line, text, reading, 'line') : null;
        if (!reading) {
          this.declarations(text, line.line, 'heading');
          this.untimed(line, text);
        }
        break;
      }
      case 'paragraph': {
        if (this.stamped(node)) {
          this.dangling = null;
          break;
        }
        this.note(node);
        const last = this.lines(inlineLines(node.children, node.position?.start.line ?? 1).slice(skipLines), 'line', undefined, this.dangling);
        this.dangling = last !== null && last.text === '' ? last : null;
        break;
      }
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

  /**
   * A status page's update stamped with a Hugo shortcode, `{{< track "2023-06-29 19:59:10" >}}`
   * (cState): the whole paragraph is one entry at the stamp's time, starting at its first line.
   */
  private stamped(paragraph: Paragraph): boolean {
    const raw = this.raw(paragraph);
    if (raw !== null && !raw.includes('{{')) return false;
    const lines = inlineLines(paragraph.children, paragraph.position?.start.line ?? 1);
    const text = lines
      .map((l) => l.text)
      .filter(Boolean)
      .join(' ');
    const stamp = TRACK_SHORTCODE.exec(text);
    if (stamp === null) return false;
    const reading = readDateTime(stamp[1]!);
    if (reading === null) return false;
    const first = lines.find((l) => l.text !== '') ?? lines[0]!;
    const entry = this.entry(first, first.text, null, 'line');
    entry.text = trimMarks(
      text
        .replace(TRACK_SHORTCODE, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^[\s*_]+/, ''),
      ' *_:',
    ).trim();
    entry.timeText = stamp[1]!;
    const event = this.events[this.events.length - 1];
    if (event?.type === 'entry' && event.entry === entry) event.reading = reading;
    return true;
  }

  /**
   * A paragraph of prose in the timeline that states a zone or the date of every entry
   * ("Unless otherwise noted all events happened on 2024-03-02, and all times are in
   * UTC."), read whole: such notes wrap over lines.
   */
  private note(paragraph: Paragraph): void {
    if (this.dangling) return;
    const raw = this.raw(paragraph);
    // A note names times, a zone or the events: skip other paragraphs before reading their text.
    if (raw !== null && (!raw.includes('\n') || !NOTE_WORDS.test(raw))) return;
    const lines = inlineLines(paragraph.children, paragraph.position?.start.line ?? 1);
    if (lines.length < 2 || readLeadingTime(lines[0]!.text)) return;
    const text = lines.map((l) => l.text).join(' ');
    const line = lines[0]!.line;
    const zoneText = findZoneDeclaration(text);
    const zone = zoneText ? parseZone(zoneText) : null;
    if (zone) this.events.push({ type: 'zone', zone, origin: { from: 'note', line } });
    if (DATE_NOTE.test(text)) {
      const date = readDateOnly(text);
      if (date) this.events.push({ type: 'default-date', date, origin: { from: 'note', line } });
    }
  }

  /** A heading or label line: a zone declaration and/or a date for the entries below. */
  private declarations(text: string, line: number, from: Origin['from'] = 'note'): boolean {
    const zoneText = findZoneDeclaration(text);
    const zone = zoneText ? parseZone(zoneText) : null;
    const origin: Origin = { from, line };
    if (zone) this.events.push({ type: 'zone', zone, origin });
    const date = readDateOnly(text);
    if (date) this.events.push({ type: DATE_NOTE.test(text) ? 'default-date' : 'date', date, origin });
    const day = DAY_LABEL.exec(text);
    if (day) this.events.push({ type: 'day', day: Number(day[1]) });
    return zone !== null || date !== null || day !== null;
  }

  /**
   * Lines of one paragraph: each line that starts with a time opens an entry. The first
   * entry takes `firstSource` (a list item's own line), later ones are plain lines.
   */
  private lines(
    lines: readonly TextLine[],
    firstSource: TimelineEntry['source'],
    firstReading?: TimeReading,
    opened: TimelineEntry | null = null,
  ): TimelineEntry | null {
    let open = opened;
    let source = firstSource;
    let known = firstReading;
    for (const line of lines) {
      if (line.text === '') continue;
      const pieces = splitRunOn(line.text);
      for (const piece of pieces) {
        // The caller may already have read the first line (a list item's head).
        // Outside a timeline, "Start: 10:00" and "Date: …" state the window, not an update.
        const statement = this.updatesOnly && STATEMENT_LINE.test(piece);
        const reading = statement ? null : known && piece === line.text ? known : readLeadingTime(piece);
        known = undefined;
        const labelled = reading || statement ? null : readLabelledTime(piece);
        if (reading && POSTED.test(piece) && this.update !== null) {
          // "Posted Aug 08, 2023 - 10:20 EDT" closes a status page's update: the entry is
          // the update, from its first line ("Resolved"), at the time it was posted.
          const [first = '', ...rest] = this.update.text;
          // "Resolved" + "This incident has been resolved." reads "Resolved: This incident …".
          const label = rest.length > 0 && first.split(/\s+/).length <= 3 && !/[.:!?]$/.test(first);
          open = this.entry(this.update.line, label ? `${first}: ${rest.join(' ')}` : this.update.text.join(' '), null, 'line');
          open.timeText = piece.slice(reading.index, timeEnd(reading));
          const event = this.events[this.events.length - 1];
          if (event?.type === 'entry' && event.entry === open) event.reading = reading;
          source = 'line';
        } else if (reading || labelled) {
          open = labelled ? this.entry(line, piece, labelled.reading, source, labelled.label) : this.entry(line, piece, reading!, source);
          source = 'line';
        } else if (open) {
          open.text = `${open.text} ${piece}`.trim();
        } else {
          this.declarations(piece, line.line);
          this.untimed(line, piece);
        }
      }
    }
    return open;
  }

  private list(list: List): void {
    this.bareTime = null;
    for (const item of list.children) {
      const before = this.events.length;
      this.item(item);
      const last = this.events[this.events.length - 1];
      this.bareTime = this.events.length > before && last?.type === 'entry' && last.reading && last.entry.text === '' ? last.entry : null;
    }
  }

  private item(item: ListItem): void {
    const first = item.children[0];
    const nested = item.children.filter((child): child is List => child.type === 'list');
    if (first?.type !== 'paragraph') {
      for (const list of nested) this.list(list);
      return;
    }
    const lines = inlineLines(first.children, first.position?.start.line ?? 1);
    const head = lines[0]!;
    const reading = readLeadingTime(head.text);
    const labelled = reading || nested.length > 0 ? null : readLabelledTime(head.text);
    if (labelled) {
      this.entry(head, head.text, labelled.reading, 'list-item', labelled.label);
      return;
    }
    if (reading) {
      const from = this.events.length;
      const last = this.lines(lines, 'list-item', reading);
      // "- **04:15 PM:**" with the description in its sub-items: they are its text.
      const own = this.events[from];
      if (own?.type === 'entry' && own.entry === last && last.text === '' && nested.length > 0) {
        last.text = nested.map((list) => plainText(list).replace(/\s+/g, ' ').trim()).join(' ');
      }
      return;
    }
    if (nested.length > 0) {
      // A label ("Day 2", "2024-03-03", "Detection:") grouping timed sub-items; a label
      // that declares nothing ("Detection time:") is the text of sub-items with none.
      const declares = this.declarations(head.text, head.line);
      const from = this.events.length;
      for (const list of nested) this.list(list);
      if (!declares) {
        const label = head.text.replace(LABEL_END, '').trim();
        for (let i = from; i < this.events.length; i++) {
          const event = this.events[i]!;
          if (event.type === 'entry' && event.entry.text === '') event.entry.text = label;
        }
      }
      return;
    }
    // "- Events of May 24, 2020:" or "- **Timezone:** PST" declare; they are not entries.
    if (lines.length === 1 && LABEL_END.test(head.text) && this.declarations(head.text, head.line)) return;
    if (lines.length === 1 && head.text.length <= 40 && findZoneDeclaration(head.text) !== null) {
      this.declarations(head.text, head.line);
      return;
    }
    // The text of a timed sub-heading above, or of a bare time in the bullet just above.
    const owner = this.bareTime ?? this.headingEntry;
    if (owner) {
      owner.text = owner.text ? `${owner.text} ${paragraphText(first, lines)}` : paragraphText(first, lines);
      this.bareTime = null;
      return;
    }
    const entry = this.entry(head, paragraphText(first, lines), null, 'list-item');
    const start = first.position?.start;
    if (start && start.line === entry.line) {
      entry.column = start.column;
      entry.span.start = { line: start.line, column: start.column, offset: start.offset ?? entry.span.start.offset };
    }
  }

  private table(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const headers = header.children.map((cell) => plainText(cell).trim());
    let timeColumn = headers.findIndex((text) => TIME_HEADER.test(text));
    if (timeColumn === -1) timeColumn = columnOfTimes(rows);
    if (timeColumn === -1) return;
    const dateColumn = this.dateColumn(headers, rows, timeColumn);
    const headerLine = header.position?.start.line ?? 1;
    for (const text of headers) this.declarations(text, headerLine, 'table-header');
    for (const row of rows) this.row(row, timeColumn, dateColumn);
  }

  /** A "Date" column, or else a "Day" column whose cells hold dates (not "Mon", "Tue"). */
  private dateColumn(headers: readonly string[], rows: readonly TableRow[], timeColumn: number): number {
    const date = headers.findIndex((text, index) => index !== timeColumn && DATE_HEADER.test(text) && !TIME_HEADER.test(text));
    if (date !== -1) return date;
    const day = headers.findIndex((text, index) => index !== timeColumn && DAY_HEADER.test(text) && !TIME_HEADER.test(text));
    if (day === -1) return -1;
    const cell = rows[0]?.children[day];
    return cell && /\d/.test(plainText(cell)) ? day : -1;
  }

  private row(row: TableRow, timeColumn: number, dateColumn: number): void {
    const cells = row.children.map((cell) => plainText(cell).replace(/\s+/g, ' ').trim());
    if (cells.every((cell) => cell === '')) return; // a template's blank row
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

  private entry(line: TextLine, text: string, reading: TimeReading | null, source: TimelineEntry['source'], label?: string): TimelineEntry {
    const { source: file, lineStarts } = this.context;
    const from = this.cursor.line === line.line ? this.cursor.offset : undefined;
    const column = columnOf(file, lineStarts, line.line, reading ? reading.text : text, from);
    const offset = (lineStarts[line.line - 1] ?? 0) + column - 1;
    this.cursor = { line: line.line, offset: offset + 1 };
    const endOffset = Math.min(file.length, lineEnd(file, lineStarts, line.line));
    const entry: TimelineEntry = {
      line: line.line,
      column,
      span: {
        start: { line: line.line, column, offset },
        end: { line: line.line, column: endOffset - (lineStarts[line.line - 1] ?? 0) + 1, offset: endOffset },
      },
      text: reading ? withLabel(label, entryText(text, reading)) : text.trim(),
      timeText: reading ? text.slice(reading.index, timeEnd(reading)) : null,
      time: null,
      source,
    };
    this.events.push({ type: 'entry', entry, reading });
    this.update = null;
    return entry;
  }
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
