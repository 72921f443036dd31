// Turning readings into instants the way a reader of a timeline would: a zone declared
// once applies to the rest, a time without a date follows the entry before it, and
// midnight or a missing AM/PM is settled by whichever reading lands nearest in time.
import type { Origin, ResolvedTime } from '../model.ts';
import type { CalendarDate, TimeReading } from './reading.ts';
import type { Zone, WallTime } from './zones.ts';
import { isUtcZone, offsetAt, offsetAtInstant } from './zones.ts';

export interface ResolverOptions {
  /** The zone declared for the document, or null. */
  zone: Zone | null;
  /**
   * The date to use when nothing else gives one (the incident start date), or a function
   * that finds it when first needed (reading the document's date costs chrono calls that
   * most documents, whose entries carry dates, never need).
   */
  anchor: CalendarDate | null | (() => { date: CalendarDate; origin: Origin | null } | null);
  /** AM/PM document: a time without meridiem may be either half of the day. */
  twelveHourDocument: boolean;
  /** Where `zone` and `anchor` were stated. */
  zoneOrigin?: Origin | null;
  anchorOrigin?: Origin | null;
}

interface Previous {
  date: CalendarDate;
  dateKnown: boolean;
  zone: Zone | null;
  epochMs: number;
  /** The wall time read as UTC, to compare with zone-less times. */
  wallMs: number;
  /** Where this entry stands, and where its own date came from. */
  line: number | null;
  dateFrom: Origin | null;
}

interface Candidate {
  /** The wall time read as UTC (what the clock on the wall showed). */
  wallMs: number;
  /** The instant: the wall time less the zone's offset. */
  epochMs: number;
  offset: number;
}

// With no date known anywhere, times are placed on this day; their iso is the time of
// day alone ("10:05:00", "10:05:00Z") and a midnight rollover still adds a day to epochMs.
const PLACEHOLDER: CalendarDate = { year: 1970, month: 1, day: 1 };
const MINUTE = 60_000;
/** The year of month-day dates when no year is known anywhere (a leap year). */
const YEARLESS = 2000;

export class TimeResolver {
  private readonly initialZone: Zone | null;
  private zone: Zone | null;
  private readonly initialZoneOrigin: Origin | null;
  private zoneOrigin: Origin | null;
  private anchorValue: CalendarDate | null = null;
  private anchorOriginValue: Origin | null = null;
  private anchorThunk: (() => { date: CalendarDate; origin: Origin | null } | null) | null = null;
  private readonly twelveHour: boolean;
  private headingDate: CalendarDate | null = null;
  private headingOrigin: Origin | null = null;
  /** "All events happened on 2019-10-21 unless noted": the date of every undated entry. */
  private defaultDate: CalendarDate | null = null;
  private defaultOrigin: Origin | null = null;
  private dayShift = 0;
  private previous: Previous | null = null;
  /** Whether `previous` is the incident start rather than an entry. */
  private seeded = false;

  constructor(options: ResolverOptions) {
    this.initialZone = options.zone;
    this.zone = options.zone;
    this.initialZoneOrigin = options.zone === null ? null : (options.zoneOrigin ?? null);
    this.zoneOrigin = this.initialZoneOrigin;
    if (typeof options.anchor === 'function') this.anchorThunk = options.anchor;
    else {
      this.anchorValue = options.anchor;
      this.anchorOriginValue = options.anchor === null ? null : (options.anchorOrigin ?? null);
    }
    this.twelveHour = options.twelveHourDocument;
  }

  private get anchor(): CalendarDate | null {
    if (this.anchorThunk !== null) {
      const found = this.anchorThunk();
      this.anchorThunk = null;
      this.anchorValue = found?.date ?? null;
      this.anchorOriginValue = found?.origin ?? null;
    }
    return this.anchorValue;
  }

  private get anchorOrigin(): Origin | null {
    return this.anchor === null ? null : this.anchorOriginValue;
  }

  /** A zone declared from here on (a timeline heading "(all times UTC)"). */
  setZone(zone: Zone | null, origin: Origin | null = null): void {
    this.zone = zone;
    this.zoneOrigin = zone === null ? null : origin;
  }

  /** A dated heading: the next entry without a date takes exactly this date. */
  setAnchorDate(date: CalendarDate, origin: Origin | null = null): void {
    this.headingDate = date;
    this.headingOrigin = origin;
    this.defaultDate = null;
  }

  /** A note that dates every entry without a date of its own, until a dated heading. */
  setDefaultDate(date: CalendarDate, origin: Origin | null = null): void {
    this.defaultDate = date;
    this.defaultOrigin = origin;
  }

  /**
   * A day counter ("Day 2" after "Day 1"): the next entry without a date lands this many
   * calendar days after the entry before it, whatever its time of day.
   */
  advanceDays(days: number): void {
    this.dayShift = days;
  }

  /**
   * The incident's start stands before the first entry: a first entry at 00:10 after a
   * start at 23:30 is the next day, one at 23:50 before a start at 01:00 the day before.
   */
  seed(start: ResolvedTime): void {
    // A start without a known date still stands on its (placeholder) day: entries after it
    // are placed next to it, as they would be after a dated one.
    if (this.previous !== null) return;
    const wallMs = start.epochMs + (start.offsetMinutes ?? 0) * MINUTE;
    const wall = new Date(wallMs);
    this.previous = {
      date: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
      dateKnown: hasDate(start),
      zone: start.offsetMinutes === null ? null : this.zone,
      epochMs: start.epochMs,
      wallMs,
      line: start.dateFrom?.line ?? null,
      dateFrom: hasDate(start) ? { from: 'incident-start', line: start.dateFrom?.line ?? null } : null,
    };
    this.seeded = true;
  }

  /** Forgets the previous entry, a pending heading date and any inherited zone. */
  reset(): void {
    this.seeded = false;
    this.previous = null;
    this.headingDate = null;
    this.defaultDate = null;
    this.zone = this.initialZone;
    this.zoneOrigin = this.initialZoneOrigin;
  }

  /** `line`: where the time stands, which later times cite when they take its date or zone. */
  resolve(reading: TimeReading, line: number | null = null): ResolvedTime | null {
    const zoneGiven = reading.zone !== null;
    const zone = reading.zone ?? this.zone;
    const zoneFrom: Origin | null = zone === null ? null : zoneGiven ? { from: 'text', line } : this.zoneOrigin;
    if (reading.zone !== null && this.zone === null) {
      this.zone = reading.zone;
      this.zoneOrigin = { from: 'previous-entry', line };
    }

    const { dates, dateGiven, dateKnown, dateFrom } = this.candidateDates(reading, zone, line);
    this.headingDate = null;
    this.dayShift = 0;
    const candidates: Candidate[] = [];
    for (const date of dates) {
      for (const hour of this.candidateHours(reading)) {
        const wall: WallTime = { year: date.year, month: date.month, day: date.day, hour, minute: reading.minute, second: reading.second };
        const wallMs = wallClock(wall);
        if (wallMs === null) continue;
        const offset = zone === null ? 0 : offsetAt(zone, wall);
        candidates.push({ wallMs, epochMs: wallMs - offset * MINUTE, offset });
      }
    }
    const chosen = this.nearest(candidates, zone);
    if (chosen === null) return null;

    const wall = new Date(chosen.wallMs);
    this.seeded = false;
    this.previous = {
      date: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
      dateKnown,
      zone,
      epochMs: chosen.epochMs,
      wallMs: chosen.wallMs,
      line,
      dateFrom,
    };
    return {
      iso: formatWall(chosen.wallMs, dateKnown) + (zone === null ? '' : formatOffset(chosen.offset, isUtcZone(zone))),
      epochMs: chosen.epochMs,
      offsetMinutes: zone === null ? null : chosen.offset,
      dateGiven,
      zoneGiven,
      dateFrom: dateKnown ? dateFrom : null,
      zoneFrom,
    };
  }

  private candidateDates(
    reading: TimeReading,
    zone: Zone | null,
    line: number | null,
  ): { dates: CalendarDate[]; dateGiven: boolean; dateKnown: boolean; dateFrom: Origin | null } {
    const { year, month, day } = reading;
    const prev = this.previous;
    if (month !== null && day !== null) {
      if (year !== null) return { dates: [{ year, month, day }], dateGiven: true, dateKnown: true, dateFrom: { from: 'text', line } };
      // A year-less date ("Feb 28th 01:52") takes its year from the nearest dated context.
      const context: [CalendarDate | null, Origin | null][] = [
        [this.headingDate, this.headingOrigin],
        [this.defaultDate, this.defaultOrigin],
        [prev?.dateKnown ? prev.date : null, prev ? { from: 'previous-entry', line: prev.line } : null],
        [this.anchor, this.anchorOrigin],
      ];
      for (const [date, origin] of context) {
        if (date === null) continue;
        // A year-less date just after the context's end of year belongs to the next year.
        const contextYear = month < date.month - 6 ? date.year + 1 : month > date.month + 6 ? date.year - 1 : date.year;
        return { dates: [{ year: contextYear, month, day }], dateGiven: true, dateKnown: true, dateFrom: origin };
      }
      // No year anywhere: the month and day still order the entries ("Feb 01" before "Feb 07"),
      // on a leap year so that Feb 29 exists; the time is shown without a date.
      return { dates: [{ year: YEARLESS, month, day }], dateGiven: true, dateKnown: false, dateFrom: null };
    }
    if (this.headingDate !== null) return { dates: [this.headingDate], dateGiven: false, dateKnown: true, dateFrom: this.headingOrigin };
    if (this.defaultDate !== null) return { dates: [this.defaultDate], dateGiven: false, dateKnown: true, dateFrom: this.defaultOrigin };
    if (prev !== null) {
      const base = previousDateIn(prev, zone);
      // The date travels from entry to entry: cite where it was first stated.
      const from: Origin | null = prev.dateFrom?.from === 'text' || prev.dateFrom === null ? { from: 'previous-entry', line: prev.line } : prev.dateFrom;
      if (this.dayShift > 0) return { dates: [addDays(base, this.dayShift)], dateGiven: false, dateKnown: prev.dateKnown, dateFrom: from };
      const dates = [base, addDays(base, 1)];
      if (this.seeded) dates.push(addDays(base, -1));
      return { dates, dateGiven: false, dateKnown: prev.dateKnown, dateFrom: from };
    }
    if (this.anchor !== null) return { dates: [this.anchor], dateGiven: false, dateKnown: true, dateFrom: this.anchorOrigin };
    return { dates: [PLACEHOLDER], dateGiven: false, dateKnown: false, dateFrom: null };
  }

  private candidateHours(reading: TimeReading): number[] {
    const { hour } = reading;
    if (!this.twelveHour || reading.meridiem !== null || reading.twentyFourHour || hour < 1 || hour > 12) return [hour];
    return hour === 12 ? [12, 0] : [hour, hour + 12];
  }

  /** The candidate nearest in time to the previous entry; ties go forward. */
  private nearest(candidates: Candidate[], zone: Zone | null): Candidate | null {
    const prev = this.previous;
    if (prev === null) return candidates[0] ?? null;
    const byInstant = zone !== null && prev.zone !== null;
    const ref = byInstant ? prev.epochMs : prev.wallMs;
    let best: Candidate | null = null;
    let bestDistance = Infinity;
    let bestAt = -Infinity;
    for (const c of candidates) {
      const at = byInstant ? c.epochMs : c.wallMs;
      const distance = Math.abs(at - ref);
      if (distance < bestDistance || (distance === bestDistance && at > bestAt)) {
        best = c;
        bestDistance = distance;
        bestAt = at;
      }
    }
    return best;
  }
}

/** Milliseconds of a wall time read as UTC, or null for an impossible date (Feb 30). */
function wallClock(wall: WallTime): number | null {
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const check = new Date(ms);
  if (check.getUTCDate() !== wall.day || check.getUTCMonth() !== wall.month - 1 || Number.isNaN(ms)) return null;
  return ms;
}

/** The previous entry's date as seen in the new entry's zone (when both zones are known). */
function previousDateIn(prev: Previous, zone: Zone | null): CalendarDate {
  if (zone === null || prev.zone === null) return prev.date;
  const local = new Date(prev.epochMs + offsetAtInstant(zone, prev.epochMs) * MINUTE);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there on, toISOString writes the year with six digits and a sign. */
const YEAR_10000_MS = 253_402_300_800_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * "2024-03-02T14:54:00", or "14:54:00" when no date is known: what toISOString writes, cut
 * to the second, written by arithmetic (a Date and its 24-character string per time were a
 * measurable part of the model's cost). Times before 1970 or after 9999 go to toISOString.
 */
function formatWall(wallMs: number, withDate: boolean): string {
  if (!(wallMs >= 0 && wallMs < YEAR_10000_MS)) {
    const iso = new Date(wallMs).toISOString(); // 2024-03-02T14:54:00.000Z
    return withDate ? iso.slice(0, 19) : iso.slice(11, 19);
  }
  const days = Math.floor(wallMs / DAY_MS);
  const seconds = Math.floor((wallMs - days * DAY_MS) / 1000);
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  if (!withDate) return time;
  // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}T${time}`;
}

/** ISO 8601: "2024-03-02T14:54:00Z", "…+03:00", no offset when no zone, no date when none is known. */
export function formatIso(wallMs: number, offset: number, zone: Zone | null, withDate: boolean): string {
  return formatWall(wallMs, withDate) + (zone === null ? '' : formatOffset(offset, isUtcZone(zone)));
}

/** "+03:00", "-04:00", or "Z" when utc is true and the offset is zero. */
export function formatOffset(minutes: number, utc = false): string {
  if (utc && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** True when some reading has AM/PM and none is written as a 24-hour time. */
export function isTwelveHourDocument(readings: readonly TimeReading[]): boolean {
  return readings.some((r) => r.meridiem !== null) && !readings.some((r) => r.twentyFourHour);
}

/** Whether a resolved time carries a calendar date (false: the time of day alone). */
export function hasDate(time: ResolvedTime): boolean {
  return /^[+-]?\d{4,6}-\d\d-\d\dT/.test(time.iso);
}

/** Two times can be ordered when both have a zone or neither has, and both or neither a date. */
export function comparable(a: ResolvedTime, b: ResolvedTime): boolean {
  return (a.offsetMinutes === null) === (b.offsetMinutes === null) && hasDate(a) === hasDate(b);
}

/** Negative when a is earlier than b (meaningful only when comparable(a, b)). */
export function compareTimes(a: ResolvedTime, b: ResolvedTime): number {
  return a.epochMs - b.epochMs;
}
