// The overnight window, as the rules about the incident's start and end read it: an end
// before the start, written as a morning after an evening ("from 9:35 PM until 10:42 AM"),
// is the next morning.
import type { ResolvedTime } from '../../core/model.ts';
import { comparable } from '../../core/time/index.ts';

const DAY = 86_400_000;
const WALL = /^(?:(\d{4}-\d\d-\d\d)T)?(\d\d):(\d\d):(\d\d)/;

/** The hour on the time's own wall clock. */
function wallHour(time: ResolvedTime): number {
  return Number(WALL.exec(time.iso)?.[2] ?? 0);
}

/**
 * Whether an end before the start is a reader's overnight window: a morning end after an
 * evening start, less than a day before it, written without a day of its own or in one
 * range with the start (`oneStatement`).
 */
export function isOvernight(start: ResolvedTime, end: ResolvedTime, oneStatement: boolean): boolean {
  return (!end.dateGiven || oneStatement) && start.epochMs - end.epochMs < DAY && wallHour(start) >= 12 && wallHour(end) < 12;
}

/**
 * The end's instant: the next morning's for an overnight window, else the end's own (also
 * when there is no start, or it cannot be compared with the end).
 */
export function endInstant(start: ResolvedTime | null, end: ResolvedTime, oneStatement: boolean): number {
  if (start === null || !comparable(start, end) || end.epochMs >= start.epochMs) return end.epochMs;
  return isOvernight(start, end, oneStatement) ? end.epochMs + DAY : end.epochMs;
}
