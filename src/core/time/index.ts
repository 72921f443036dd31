// The time module: zones, reading times and dates, resolving them to instants, durations.
export type { Zone, WallTime } from './zones.ts';
export { ZONE_ABBREVIATIONS, findZoneDeclaration, isUtcZone, normalizeMinus, offsetAt, parseZone } from './zones.ts';
export type { CalendarDate, TimeReading } from './read.ts';
export { readDateOnly, readDateTime, readLeadingTime, readTimeRange } from './read.ts';
export type { ResolverOptions } from './resolve.ts';
export { TimeResolver, comparable, compareTimes, formatIso, formatOffset, hasDate, isTwelveHourDocument } from './resolve.ts';
export type { DurationReading } from './duration.ts';
export { formatDuration, parseDuration } from './duration.ts';
