// The window completed from the timeline where nothing else states it: start and end
// markers ("<START OF OUTAGE>"), the first and last timed entries, detection and resolution.
import type { IncidentWindow, TimelineEntry } from '../model.ts';

const DETECTED = /\b(detect|alert|paged?\b|notic|report|fired|triggered|spotted|observ)/i;
const RESOLVED = /\b(resolv|restor|recover|mitigat|back to normal|fully operational)/i;
/** Timeline entries that mark the incident's start or end ("<START OF OUTAGE>", "Incident closed."). */
const START_MARKER =
  /<\s*start\s+of\s+(?:the\s+)?(?:outage|incident|impact)\s*>|\b(?:start|beginning)\s+of\s+(?:the\s+)?(?:outage|incident|impact)\b|\b(?:outage|incident|impact|downtime)\s+(?:officially\s+)?(?:begins|began|starts|started|opened|onset)\b|\b(?:outage|impact)\s+onset\b|\bbecame\s+unavailable\b/i;
const END_MARKER =
  /<\s*end\s+of\s+(?:the\s+)?(?:outage|incident|impact)\s*>|\bend\s+of\s+(?:the\s+)?(?:outage|incident|impact)\b|\b(?:outage|incident|impact|downtime)\s+(?:(?:has\s+been|was|is)\s+)?(?:officially\s+)?(?:ends|ended|over|closed|resolved)\b|\bservices?\s+(?:(?:is|are|was|were)\s+)?fully\s+restored\b|\bbecame\s+available\s+again\b/i;

/** Fill detection and resolution from the timeline where frontmatter did not give them. */
export function completeFromTimeline(window: IncidentWindow, written: readonly TimelineEntry[], order: 'oldest-first' | 'newest-first' = 'oldest-first'): void {
  // Read a newest-first timeline (a status page) in the order things happened.
  const timeline = order === 'newest-first' ? [...written].reverse() : written;
  // Explicit markers in the timeline state the window when nothing else does.
  if (!window.start) {
    const marker = timeline.find((e) => e.time && START_MARKER.test(e.text));
    if (marker) {
      window.start = marker.time;
      window.startLine = marker.line;
    }
  }
  if (!window.end) {
    const marker = timeline.findLast((e) => e.time && END_MARKER.test(e.text));
    if (marker && (!window.start || marker.time!.epochMs >= window.start.epochMs)) {
      window.end = marker.time;
      window.endLine = marker.line;
    }
  }
  if (!window.start && !window.end) {
    const timed = timeline.filter((e) => e.time !== null);
    const first = timed[0]?.time;
    const last = timed[timed.length - 1]?.time;
    if (first && last && timed.length >= 2) {
      const [start, end] = first.epochMs <= last.epochMs ? [first, last] : [last, first];
      window.inferred = { start, end };
    }
  }
  if (!window.detected) window.detected = timeline.find((e) => e.time && DETECTED.test(e.text))?.time ?? null;
  // A status page's first update is when the incident was detected.
  if (!window.detected && order === 'newest-first') window.detected = timeline.find((e) => e.time)?.time ?? null;
  if (!window.resolved) {
    if (window.end) window.resolved = window.end;
    else {
      for (let i = timeline.length - 1; i >= 0; i--) {
        const entry = timeline[i]!;
        if (entry.time && RESOLVED.test(entry.text)) {
          window.resolved = entry.time;
          break;
        }
      }
    }
  }
}
