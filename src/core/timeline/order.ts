// Which way a timeline runs: oldest first, or newest first (a status page).
import type { ResolvedTime, TimelineEntry } from '../model.ts';

/**
 * Newest first when consecutive timed entries go back in time far more often than forward
 * (a status page's updates): at least two steps back, and three back for each forward.
 */
export function timelineOrder(entries: readonly TimelineEntry[]): 'oldest-first' | 'newest-first' {
  let back = 0;
  let forward = 0;
  let previous: ResolvedTime | null = null;
  for (const entry of entries) {
    const time = entry.time;
    if (time === null) continue;
    if (previous !== null && (previous.offsetMinutes === null) === (time.offsetMinutes === null)) {
      if (time.epochMs < previous.epochMs) back++;
      else if (time.epochMs > previous.epochMs) forward++;
    }
    previous = time;
  }
  return back >= 2 && back >= 3 * forward ? 'newest-first' : 'oldest-first';
}
