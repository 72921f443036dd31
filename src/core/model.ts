// The typed model of one postmortem. `inspect --format json` prints exactly this
// (see ../shared/interfaces.md); rules read it instead of re-walking the Markdown.

/** Every kind of section, in the order a postmortem usually tells them; `other` last. */
export const SECTION_KINDS = [
  'summary',
  'impact',
  'timeline',
  'detection',
  'root-cause',
  'resolution',
  'corrective-measures',
  'lessons-learned',
  'other',
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];

/** 1-based line and column, as editors and the JSON/SARIF reports count. */
export interface Position {
  line: number;
  column: number;
  /** 0-based offset into the source text. */
  offset: number;
}

export interface Span {
  start: Position;
  end: Position;
}

/** `field`: a Google-SRE-style field bullet, "- Root Causes: …". */
export type HeadingStyle = 'atx' | 'setext' | 'bold' | 'plain-line' | 'html' | 'field';

export interface Section {
  kind: SectionKind;
  /** The heading text as written, without markup or numbering decorations. */
  heading: string;
  line: number;
  /** Where the heading stands, and where its content ends (the next section's heading). */
  span: Span;
  /** How the heading was written. */
  style: HeadingStyle;
  /** ATX/setext/HTML depth; bold and plain-line headings count as one below the title. */
  depth: number;
  /** Offsets of the section's body (after the heading, up to the next section). */
  bodyStart: number;
  bodyEnd: number;
  /** True when the body holds no text (only whitespace, comments or thematic breaks). */
  empty: boolean;
}

/**
 * Where a time's date or zone came from, as a reader would cite it: the time's own text
 * (`text`), the entry before it, a dated or zoned heading, a note such as "(all times
 * UTC)", a table header, the title, the first sentence, a `Date:` field, the frontmatter,
 * the incident's start, a zone written with other times of the document, a status page's
 * stamp, or the configuration. `line` is where that statement stands (null for the
 * configuration).
 */
export interface Origin {
  from:
    | 'text'
    | 'previous-entry'
    | 'heading'
    | 'note'
    | 'table-header'
    | 'title'
    | 'sentence'
    | 'date-field'
    | 'frontmatter'
    | 'incident-start'
    | 'written-zone'
    | 'configuration';
  line: number | null;
}

/** A time as read from the document, resolved to an instant where a date could be known. */
export interface ResolvedTime {
  /** ISO 8601: with offset (`Z`, `+03:00`) when the zone is known, without when not. */
  iso: string;
  /**
   * Milliseconds since the epoch; for a time with no known zone, the wall-clock
   * time read as if it were UTC (comparable only with other zone-less times).
   */
  epochMs: number;
  /** Offset from UTC in minutes, or null when no zone is known. */
  offsetMinutes: number | null;
  /** Whether the date came from the text itself (false: taken from context). */
  dateGiven: boolean;
  /** Whether the zone came from the text itself (false: declared elsewhere, or none). */
  zoneGiven: boolean;
  /** Where the date came from; null when no date is known. */
  dateFrom?: Origin | null;
  /** Where the zone came from; null when no zone is known. */
  zoneFrom?: Origin | null;
}

export interface TimelineEntry {
  line: number;
  column: number;
  /** Where the entry's text stands in the source. */
  span: Span;
  /** The entry's text (for a table row: the cells after the time, joined). */
  text: string;
  /** The time text as written ("10:05 AM EAT"), or null when none was read. */
  timeText: string | null;
  time: ResolvedTime | null;
  source: 'list-item' | 'table-row' | 'line';
}

export interface ActionItem {
  line: number;
  column: number;
  span: Span;
  text: string;
  owner: string | null;
  ticket: string | null;
  /** ISO date (YYYY-MM-DD). */
  due: string | null;
  done: boolean;
  source: 'list-item' | 'task-list-item' | 'table-row';
}

export interface IncidentWindow {
  start: ResolvedTime | null;
  end: ResolvedTime | null;
  /** Where start/end were read (line of the statement or frontmatter key). */
  startLine: number | null;
  endLine: number | null;
  /** The declared zone in effect for the incident ("UTC", "EAT", "Europe/Berlin"), or null. */
  timezone: string | null;
  /** A stated duration in minutes ("Duration: 2 hours 30 minutes"), with its line. */
  statedDurationMinutes: number | null;
  statedDurationText: string | null;
  statedDurationLine: number | null;
  detected: ResolvedTime | null;
  resolved: ResolvedTime | null;
  /**
   * When the document states neither start nor end: the first and last timed entries, as
   * a reader would guess the window. Shown by `inspect`; rules never compare against it.
   */
  inferred?: { start: ResolvedTime; end: ResolvedTime } | null;
  /** "Start: Wednesday, 2024-03-06" with no time: the days stated (ISO dates), with their lines. */
  days?: { start: string | null; end: string | null; startLine: number | null; endLine: number | null } | null;
}

export interface FrontmatterInfo {
  /** The parsed value (an object), or null when absent or invalid. */
  data: Record<string, unknown> | null;
  /** The raw YAML text and where it stands, when a frontmatter block exists. */
  raw: string | null;
  span: Span | null;
  /**
   * YAML problems with their position in the file. `kind`: "key", a key that is not text;
   * "limit", a block or a value too long to read (the message is then complete as it stands).
   */
  errors: { message: string; line: number; column: number; kind?: 'key' | 'limit' }[];
}

export interface Postmortem {
  filePath: string;
  source: string;
  title: string | null;
  titleLine: number | null;
  frontmatter: FrontmatterInfo;
  sections: Section[];
  incident: IncidentWindow;
  /** The zone declared for the document ("UTC", "Europe/Berlin"), if any. */
  declaredZone: string | null;
  timeline: TimelineEntry[];
  /**
   * How the timeline is written: oldest entry first (the usual), or newest first (a status
   * page's updates). Rules read a newest-first timeline from the bottom up.
   */
  timelineOrder: 'oldest-first' | 'newest-first';
  actionItems: ActionItem[];
  /** What the body states besides times, for documents whose frontmatter does not (stated.ts). */
  stated: Stated;
}

/** A value the document states, with the line it stands on. */
export interface StatedValue<T> {
  value: T;
  line: number;
}

export interface Stated {
  /** "SEV2", "P1", "Critical": from a field line, a table row or a "Severity" section. */
  severity: StatedValue<string> | null;
  /** The services a "Services affected:" line or row names. */
  services: StatedValue<string[]> | null;
}
