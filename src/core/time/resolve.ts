// Turning readings into instants the way a reader of a timeline would: a zone declared
// once applies to the rest, a time without a date follows the entry before it, and
// midnight or a missing AM/PM is settled by whichever reading lands nearest in time.
import { DateTime, FixedOffsetZone } from 'luxon';
import type { ResolvedTime } from '../model.ts';
import type { CalendarDate, TimeReading } from './reading.ts';
import type { Zone, WallTime } from './zones.ts';
import { isUtcZone } from './zones.ts';

export interface ResolverOptions {
  /** The zone declared for the document, or null. */
  zone: Zone | null;
  /** The date to use when nothing else gives one (the incident start date). */
  anchor: CalendarDate | null;
  /** AM/PM document: a time without meridiem may be either half of the day. */
  twelveHourDocument: boolean;
}

interface Previous {
  date: CalendarDate;
  dateKnown: boolean;
  zone: Zone | null;
  epochMs: number;
  /** The wall time read as UTC, to compare with zone-less times. */
  wallMs: number;
}

interface Candidate {
  dt: DateTime;
  wallMs: number;
}

// With no date known anywhere, times are placed on this day; their iso is the time of
// day alone ("10:05:00", "10:05:00Z") and a midnight rollover still adds a day to epochMs.
const PLACEHOLDER: CalendarDate = { year: 1970, month: 1, day: 1 };

export class TimeResolver {
  private readonly initialZone: Zone | null;
  private zone: Zone | null;
  private readonly anchor: CalendarDate | null;
  private readonly twelveHour: boolean;
  private headingDate: CalendarDate | null = null;
  private previous: Previous | null = null;

  constructor(options: ResolverOptions) {
    this.initialZone = options.zone;
    this.zone = options.zone;
    this.anchor = options.anchor;
    this.twelveHour = options.twelveHourDocument;
  }

  /** A zone declared from here on (a timeline heading "(all times UTC)"). */
  setZone(zone: Zone | null): void {
    this.zone = zone;
  }

  /** A dated heading: the next entry without a date takes exactly this date. */
  setAnchorDate(date: CalendarDate): void {
    this.headingDate = date;
  }

  /** Forgets the previous entry, a pending heading date and any inherited zone. */
  reset(): void {
    this.previous = null;
    this.headingDate = null;
    this.zone = this.initialZone;
  }

  resolve(reading: TimeReading): ResolvedTime | null {
    const zoneGiven = reading.zone !== null;
    const zone = reading.zone ?? this.zone;
    if (reading.zone !== null && this.zone === null) this.zone = reading.zone;

    const { dates, dateGiven, dateKnown } = this.candidateDates(reading, zone);
    this.headingDate = null;
    const candidates: Candidate[] = [];
    for (const date of dates) {
      for (const hour of this.candidateHours(reading)) {
        const wall: WallTime = { ...date, hour, minute: reading.minute, second: reading.second };
        const dt = DateTime.fromObject(wall, { zone: luxonZone(zone) });
        if (!dt.isValid) continue;
        candidates.push({ dt, wallMs: DateTime.fromObject(wall, { zone: 'utc' }).toMillis() });
      }
    }
    const chosen = this.nearest(candidates, zone);
    if (chosen === null) return null;

    const { dt } = chosen;
    this.previous = {
      date: { year: dt.year, month: dt.month, day: dt.day },
      dateKnown,
      zone,
      epochMs: dt.toMillis(),
      wallMs: chosen.wallMs,
    };
    return {
      iso: formatIso(dt, zone, dateKnown),
      epochMs: dt.toMillis(),
      offsetMinutes: zone === null ? null : dt.offset,
      dateGiven,
      zoneGiven,
    };
  }

  private candidateDates(reading: TimeReading, zone: Zone | null): { dates: CalendarDate[]; dateGiven: boolean; dateKnown: boolean } {
    const { year, month, day } = reading;
    if (month !== null && day !== null) {
      const contextYear = year ?? (this.headingDate ?? (this.previous?.dateKnown ? this.previous.date : null) ?? this.anchor)?.year;
      if (contextYear !== undefined) return { dates: [{ year: contextYear, month, day }], dateGiven: true, dateKnown: true };
    }
    if (this.headingDate !== null) return { dates: [this.headingDate], dateGiven: false, dateKnown: true };
    const prev = this.previous;
    if (prev !== null) {
      const base = previousDateIn(prev, zone);
      return { dates: [base, addDays(base, 1)], dateGiven: false, dateKnown: prev.dateKnown };
    }
    if (this.anchor !== null) return { dates: [this.anchor], dateGiven: false, dateKnown: true };
    return { dates: [PLACEHOLDER], dateGiven: false, dateKnown: false };
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
      const at = byInstant ? c.dt.toMillis() : c.wallMs;
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

function luxonZone(zone: Zone | null): string | FixedOffsetZone {
  if (zone === null) return 'utc';
  if (zone.fixedOffset !== null) return FixedOffsetZone.instance(zone.fixedOffset);
  return zone.iana ?? 'utc';
}

/** The previous entry's date as seen in the new entry's zone (when both zones are known). */
function previousDateIn(prev: Previous, zone: Zone | null): CalendarDate {
  if (zone === null || prev.zone === null) return prev.date;
  const local = DateTime.fromMillis(prev.epochMs, { zone: luxonZone(zone) });
  return { year: local.year, month: local.month, day: local.day };
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = DateTime.fromObject(date, { zone: 'utc' }).plus({ days });
  return { year: d.year, month: d.month, day: d.day };
}

/** ISO 8601: "2024-03-02T14:54:00Z", "…+03:00", no offset when no zone, no date when none is known. */
export function formatIso(dt: DateTime, zone: Zone | null, withDate: boolean): string {
  const body = dt.toFormat(withDate ? "yyyy-MM-dd'T'HH:mm:ss" : 'HH:mm:ss');
  if (zone === null) return body;
  return body + formatOffset(dt.offset, isUtcZone(zone));
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
