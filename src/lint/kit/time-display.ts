// How the time rules write a time in a message: "10:30 UTC", "2024-05-10 10:30:15 PST",
// in the document's declared zone when the time's offset is that zone's.
import type { ResolvedTime } from '../../core/model.ts';
import { formatOffset, hasDate, parseZone } from '../../core/time/index.ts';
import { offsetAtInstant } from '../../core/time/zones.ts';

const MINUTE = 60_000;

/** "10:30", or "10:30:15" with seconds (and "2024-05-10 10:30" with the date): the wall clock of an instant at an offset. */
export function clockAt(epochMs: number, offsetMinutes: number, withDate: boolean): string {
  const iso = new Date(epochMs + offsetMinutes * MINUTE).toISOString();
  const clock = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  return withDate ? `${iso.slice(0, 10)} ${clock}` : clock;
}

/**
 * " PST" (the declared zone's name, when its offset at `epochMs` is this one), " UTC" or
 * " UTC+05:30"; nothing for a time without an offset.
 */
export function zoneLabel(offsetMinutes: number | null, epochMs: number, zoneName: string | null): string {
  if (offsetMinutes === null) return '';
  const zone = zoneName === null ? null : parseZone(zoneName);
  if (zone !== null && (zone.fixedOffset ?? offsetAtInstant(zone, epochMs)) === offsetMinutes) return ` ${zone.name}`;
  return offsetMinutes === 0 ? ' UTC' : ` UTC${formatOffset(offsetMinutes)}`;
}

/**
 * "10:30 UTC", or "2024-05-10 10:30 UTC" when `withDate` and the time has a date. `epochMs`
 * moves the clock shown (an overnight end read on the next morning); the zone is labelled at
 * the time's own instant.
 */
export function showTime(time: ResolvedTime, zoneName: string | null, withDate = true, epochMs = time.epochMs): string {
  return clockAt(epochMs, time.offsetMinutes ?? 0, withDate && hasDate(time)) + zoneLabel(time.offsetMinutes, time.epochMs, zoneName);
}
