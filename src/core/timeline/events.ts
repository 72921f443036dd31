// What the collector hands the resolver: entries and, between them, the dated headings,
// day counters and zone declarations that govern the times after them.
import type { Origin, ResolvedTime, TimelineEntry } from '../model.ts';
import type { CalendarDate, TimeReading, Zone } from '../time/index.ts';

export type Event =
  | { type: 'entry'; entry: TimelineEntry; reading: TimeReading | null }
  | { type: 'date'; date: CalendarDate; origin: Origin }
  | { type: 'default-date'; date: CalendarDate; origin: Origin }
  | { type: 'day'; day: number }
  | { type: 'zone'; zone: Zone; origin: Origin };

export interface TimelineContext {
  source: string;
  lineStarts: readonly number[];
  /** The zone in force where the timeline begins. */
  zone: Zone | null;
  /** The date time-only entries take when nothing nearer gives one (the incident start), or a function that finds it. */
  anchor: CalendarDate | null | (() => { date: CalendarDate; origin: Origin | null } | null);
  /** The incident's start, which stands before the first entry for midnight rollover. */
  start?: ResolvedTime | null;
  /** Where `zone` and `anchor` were stated. */
  zoneOrigin?: Origin | null;
  anchorOrigin?: Origin | null;
  /** The document's numeric date order (see context.ts). */
  dayFirst?: boolean | null;
}
