// The document's reading context: the date and the zone a reader carries into every time
// written without them, each with where it was stated. Nearer statements (a dated heading,
// "(all times UTC)" above a timeline, a table header, the entry before) are applied by the
// timeline reader on top of these, in document order.
//
// The date, in order of trust: the incident's stated start (applied by the caller), the
// title ("May 4th 2023 outage"), a `Date:` field, the first sentence that dates the
// incident ("On Thursday, 12 October 2023 …"), the frontmatter's `date` (often the day the
// post was published, so last).
// The zone: the frontmatter's `timezone`, a declaration anywhere ("All times are in UTC"),
// the one zone every zoned time of the prose is written in, the configuration's default.
import type { Code, RootContent } from 'mdast';
import type { Origin } from './model.ts';
import type { SectionBlock } from './sections/detect.ts';
import { inlineLines, type TextLine } from './text.ts';
import { findZoneDeclaration, parseZone, readDateOnly as readAnyDate, type CalendarDate, type TimeReading, type Zone } from './time/index.ts';

export interface ZoneStatement {
  zone: Zone;
  name: string;
  origin: Origin;
}

export interface DateStatement {
  date: CalendarDate;
  origin: Origin;
}

export interface ReadingContext {
  /** The zone stated for the whole document, or null. */
  zone: ZoneStatement | null;
  /** The configuration's default zone, used when the document states none. */
  defaultZone: ZoneStatement | null;
  /** The incident's date as the document states it outside its times, or null; read when first asked for. */
  date: () => DateStatement | null;
  /**
   * How the document writes numeric dates: true for day-first ("27-02-2026"), false for
   * month-first ("02/27/2026"), null when no date of the document tells.
   */
  dayFirst: boolean | null;
}

export interface ContextInput {
  source: string;
  /** Offsets where each line starts (text.ts lineStarts). */
  lineStarts: readonly number[];
  frontmatter: Record<string, unknown> | null;
  /** The line of a frontmatter key, or null. */
  frontmatterLine: (key: string) => number | null;
  title: string | null;
  titleLine: number | null;
  preamble: readonly RootContent[];
  blocks: readonly SectionBlock[];
  defaultZone: string | null;
}

/** A line that dates the document's publication or revision, not the incident. */
const NOT_INCIDENT_DATE = /^\W*(?:last\s+)?(?:updated|modified|revised|published|posted|written|edited|authored?|created|reviewed)\b/i;
const DATE_FIELD = /^\W*(?:incident\s+|outage\s+|event\s+)?date(?:\s*\/\s*time)?(?:\s+of\s+(?:the\s+)?(?:incident|outage|event))?\s*[:\-–—]\s*(.+)$/i;
const FIRST_SENTENCE_LIMIT = 400;
/** A full date has a year: lines without one are not read for a date. */
const HAS_YEAR = /\d{4}/;

export function readContext(input: ContextInput): ReadingContext {
  const fm = input.frontmatter ?? {};
  const zone = frontmatterZone(fm, input.frontmatterLine) ?? declaredZone(input) ?? writtenZone(input) ?? stampZone(fm, input.frontmatterLine);
  const fallback = input.defaultZone ? parseZone(input.defaultZone) : null;
  const dayFirst = dayOrder(input.source);
  return {
    zone,
    defaultZone: fallback ? { zone: fallback, name: fallback.name, origin: { from: 'configuration', line: null } } : null,
    date: once(() => documentDate(input, dayFirst)),
    dayFirst,
  };
}

function frontmatterZone(fm: Record<string, unknown>, lineOf: (key: string) => number | null): ZoneStatement | null {
  const value = fm.timezone ?? fm.time_zone ?? fm.tz;
  if (typeof value !== 'string') return null;
  const zone = parseZone(value);
  if (!zone) return null;
  const key = fm.timezone !== undefined ? 'timezone' : fm.time_zone !== undefined ? 'time_zone' : 'tz';
  return { zone, name: zone.name, origin: { from: 'frontmatter', line: lineOf(key) } };
}

const OFFSET_STAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A status page's `date: 2019-05-29T12:15:00+00:00`: the zone the page's own stamps are
 * written in, when nothing else states one.
 */
function stampZone(fm: Record<string, unknown>, lineOf: (key: string) => number | null): ZoneStatement | null {
  const value = fm.date;
  const text = value instanceof Date ? null : typeof value === 'string' ? value.trim() : null;
  const m = text === null ? null : OFFSET_STAMP.exec(text);
  const zone = m ? parseZone(m[1] === 'Z' ? 'UTC' : m[1]!) : null;
  return zone ? { zone, name: zone.name, origin: { from: 'frontmatter', line: lineOf('date') } } : null;
}

/** Every block of the document in order, the preamble first; code is not prose. */
function* allNodes(input: ContextInput): Generator<{ node: RootContent; block: SectionBlock | null }> {
  for (const node of input.preamble) yield { node, block: null };
  for (const block of input.blocks) for (const node of block.nodes) yield { node, block };
}

/** Paragraph text with its lines joined: a declaration may wrap ("all times are in\nUTC"). */
function paragraphs(nodes: readonly RootContent[]): Generator<{ text: string; line: number; lines: TextLine[] }> {
  return (function* walk(list: readonly RootContent[]): Generator<{ text: string; line: number; lines: TextLine[] }> {
    for (const node of list) {
      if (node.type === 'paragraph') {
        const lines = inlineLines(node.children, node.position?.start.line ?? 1);
        yield { text: lines.map((l) => l.text).join(' '), line: node.position?.start.line ?? 1, lines };
      } else if (node.type === 'blockquote') yield* walk(node.children);
    }
  })(nodes);
}

const MENTIONS_ZONE = /\btime|\btz\b|\bzone\b|\bclock|\bevents\b|\bentries\b/i;

/** "All times are in UTC", "(all times in PST/PDT)", "Timezone: Europe/Berlin" anywhere. */
function declaredZone(input: ContextInput): ZoneStatement | null {
  const found = (text: string, line: number, from: Origin['from']): ZoneStatement | null => {
    if (!MENTIONS_ZONE.test(text)) return null;
    const name = findZoneDeclaration(text);
    const zone = name ? parseZone(name) : null;
    return zone ? { zone, name: zone.name, origin: { from, line } } : null;
  };
  for (const block of input.blocks) {
    const statement = found(block.headingText, block.section.line, 'heading');
    if (statement) return statement;
  }
  for (const { node } of allNodes(input)) {
    // Most blocks name no time or zone: test their source before reading their text.
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from !== undefined && to !== undefined && !MENTIONS_ZONE.test(input.source.slice(from, to))) continue;
    for (const p of paragraphs([node])) {
      const statement = found(p.text, p.line, 'note');
      if (statement) return statement;
    }
    if (node.type === 'table') {
      const header = node.children[0];
      for (const cell of header?.children ?? []) {
        const text = inlineLines(cell.children, cell.position?.start.line ?? 1)
          .map((l) => l.text)
          .join(' ');
        const statement = found(text, cell.position?.start.line ?? 1, 'table-header');
        if (statement) return statement;
      }
    }
  }
  return null;
}

// A time written with a zone in prose: "at 18:52 UTC", "10:45 - 16:11 UTC", "(UTC 05:13)",
// "1506 UTC", "09:15 AM (EDT)". Abbreviations in capitals only.
// (One run of blanks between the time and its zone, bracketed or not: two optional runs side
// by side would try every split of a long run of blanks.)
const ZONED_TIME =
  /(?:\d{1,2}[:.h]\d{2}|\b\d{4})(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]*\([ \t]*|[ \t]*)(UTC|GMT|[A-Z]{2,5}(?![a-z]))(?![\w+-])|\b(UTC|GMT)[ \t]+\d{1,2}:\d{2}/g;

/**
 * The zone of the prose's zoned times, when they all agree: a reader of "At 18:52 UTC the
 * site went down" reads the timeline's "18:53" as UTC too. Two zones in the prose ("EDT
 * (UTC-4)") leave it open.
 */
function writtenZone(input: ContextInput): ZoneStatement | null {
  const code = codeRanges(input);
  let found: ZoneStatement | null = null;
  ZONED_TIME.lastIndex = 0;
  for (let m = ZONED_TIME.exec(input.source); m !== null; m = ZONED_TIME.exec(input.source)) {
    if (code.some(([from, to]) => m!.index >= from && m!.index < to)) continue;
    const name = m[1] ?? m[2]!;
    const zone = parseZone(name);
    if (!zone) continue;
    if (found === null) found = { zone, name: zone.name, origin: { from: 'written-zone', line: lineOf(input.lineStarts, m.index) } };
    else if (found.zone.name !== zone.name && found.zone.fixedOffset !== zone.fixedOffset) return null;
  }
  return found;
}

function codeRanges(input: ContextInput): [number, number][] {
  const ranges: [number, number][] = [];
  const fm = /^(?:---|\+\+\+)\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/.exec(input.source);
  if (fm) ranges.push([0, fm[0].length]);
  for (const { node } of allNodes(input)) {
    if (node.type === 'code' || node.type === 'html') {
      const c = node as Code;
      ranges.push([c.position?.start.offset ?? 0, c.position?.end.offset ?? 0]);
    }
  }
  return ranges;
}

function lineOf(starts: readonly number[], offset: number): number {
  return starts.findLastIndex((start) => start <= offset) + 1;
}

function documentDate(input: ContextInput, dayFirst: boolean | null): DateStatement | null {
  const readDateOnly = (text: string): CalendarDate | null => readDateIn(text, dayFirst);
  if (input.title) {
    const date = readDateOnly(input.title);
    if (date) return { date, origin: { from: 'title', line: input.titleLine } };
  }
  // A `Date:` field, then the first sentence that dates something, in the opening prose.
  const opening: RootContent[] = [...input.preamble];
  for (const block of input.blocks.slice(0, 3)) if (block.section.kind !== 'timeline') opening.push(...block.nodes);
  let sentence: DateStatement | null = null;
  for (const { lines } of paragraphs(opening)) {
    for (const line of lines) {
      if (!HAS_YEAR.test(line.text)) continue;
      const field = DATE_FIELD.exec(line.text);
      const date = field ? readDateOnly(field[1]!) : null;
      if (date) return { date, origin: { from: 'date-field', line: line.line } };
      if (sentence === null && HAS_YEAR.test(line.text) && !NOT_INCIDENT_DATE.test(line.text)) {
        const found = readDateOnly(line.text.slice(0, FIRST_SENTENCE_LIMIT));
        if (found) sentence = { date: found, origin: { from: 'sentence', line: line.line } };
      }
    }
  }
  if (sentence) return sentence;
  const fm = input.frontmatter ?? {};
  for (const key of ['date', 'incident_date']) {
    const value = fm[key];
    const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null;
    const date = text ? readAnyDate(text) : null;
    if (date) return { date, origin: { from: 'frontmatter', line: input.frontmatterLine(key) } };
  }
  return null;
}

const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d./-]|-\d)/g;

/** Day-first or month-first, from the numeric dates that can only be read one way. */
function dayOrder(source: string): boolean | null {
  let dayFirst = false;
  let monthFirst = false;
  NUMERIC_DATE.lastIndex = 0;
  for (let m = NUMERIC_DATE.exec(source); m !== null; m = NUMERIC_DATE.exec(source)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst = true;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst;
}

/** The numeric date at the start of `text` ("06-05-2026 00:58"), read in the document's day order. */
const LEADING_NUMERIC_DATE = /^\W{0,4}(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d./-])/;

/**
 * The first full date of a line, a numeric one read in the document's day order: chrono
 * reads "06-05-2026" as June 5; a document that also writes "27-02-2026" means 6 May.
 */
export function readDateIn(text: string, dayFirst: boolean | null): CalendarDate | null {
  const numeric = dayFirst === null ? null : firstNumericDate(text, dayFirst);
  return numeric ?? readAnyDate(text);
}

function firstNumericDate(text: string, dayFirst: boolean): CalendarDate | null {
  NUMERIC_DATE.lastIndex = 0;
  const m = NUMERIC_DATE.exec(text);
  if (!m) return null;
  // Only when no other date comes before it.
  const before = readAnyDate(text.slice(0, m.index));
  if (before) return null;
  return numericDate(Number(m[1]), Number(m[3]), Number(m[4]), dayFirst);
}

function numericDate(a: number, b: number, year: number, dayFirst: boolean): CalendarDate | null {
  const [day, month] = dayFirst ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** A reading whose date is written numerically at its start takes the document's day order. */
export function inDayOrder(reading: TimeReading, dayFirst: boolean | null): TimeReading {
  if (dayFirst === null) return reading;
  const m = LEADING_NUMERIC_DATE.exec(reading.text);
  if (!m) return reading;
  const date = numericDate(Number(m[1]), Number(m[3]), Number(m[4]), dayFirst);
  if (!date || (date.month === reading.month && date.day === reading.day && date.year === reading.year)) return reading;
  return { ...reading, ...date };
}

function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}
