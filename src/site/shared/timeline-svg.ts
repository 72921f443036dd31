// The incident's timeline as a picture, drawn at build time as inline SVG: every timeline
// entry with a time placed on a time axis (numbered like the text table beside it), the
// incident window shaded, start / detection / resolution marked, and long silences between
// entries drawn as hatched gaps with their length.
import type { ResolvedTime, TimelineEntry } from '../../core/model.ts';
import { escapeXml, formatMinutes, wallClock, zoneLabel } from './format.ts';
import type { Metrics } from './incident.ts';

export interface TimelinePoint {
  /** 1-based number shown on the axis and in the table. */
  n: number;
  entry: Pick<TimelineEntry, 'line' | 'text' | 'timeText'> & { time: ResolvedTime };
}

export interface Gap {
  fromMs: number;
  toMs: number;
  minutes: number;
}

export interface TimelineFigure {
  svg: string;
  /** Timed entries in document order with their numbers; untimed entries are not drawn. */
  points: TimelinePoint[];
  gaps: Gap[];
  /** Zone of the axis labels ("UTC", "UTC−04:00", '' for zone-less times). */
  zone: string;
}

const WIDTH = 800;
const LEFT = 24;
const RIGHT = 24;
const AXIS_Y = 150;
const HEIGHT = 196;
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 43200];

/**
 * Gaps worth marking: consecutive (in time) entries further apart than a fifth of the drawn
 * span and than three times the median spacing, at least 15 minutes; the three longest.
 */
export function findGaps(times: readonly number[], spanMs: number): Gap[] {
  const sorted = [...times].sort((a, b) => a - b);
  const deltas: Gap[] = [];
  for (let i = 1; i < sorted.length; i++) deltas.push({ fromMs: sorted[i - 1]!, toMs: sorted[i]!, minutes: (sorted[i]! - sorted[i - 1]!) / 60_000 });
  if (deltas.length < 2) return [];
  const median = [...deltas].sort((a, b) => a.minutes - b.minutes)[Math.floor(deltas.length / 2)]!.minutes;
  return deltas
    .filter((d) => d.minutes >= 15 && d.minutes * 60_000 >= spanMs / 5 && d.minutes >= 3 * median)
    .sort((a, b) => b.minutes - a.minutes)
    .slice(0, 3)
    .sort((a, b) => a.fromMs - b.fromMs);
}

export function timelineFigure(timeline: readonly Pick<TimelineEntry, 'line' | 'text' | 'timeText' | 'time'>[], metrics: Metrics, title: string): TimelineFigure | null {
  const points: TimelinePoint[] = [];
  for (const entry of timeline) {
    if (entry.time) points.push({ n: points.length + 1, entry: { line: entry.line, text: entry.text, timeText: entry.timeText, time: entry.time } });
  }
  // Markers are drawn only when comparable with the entries (both zoned, or both zone-less).
  const zoned = points.length > 0 ? points[0]!.entry.time.offsetMinutes !== null : (metrics.start?.offsetMinutes ?? null) !== null;
  const comparable = (t: ResolvedTime | null): t is ResolvedTime => t !== null && (t.offsetMinutes !== null) === zoned;
  const plotted = points.filter((p) => (p.entry.time.offsetMinutes !== null) === zoned);
  const markers = [
    { key: 'start', label: 'Start', time: metrics.start },
    { key: 'detected', label: 'Detected', time: metrics.detected },
    { key: 'resolved', label: 'Resolved', time: metrics.resolved },
  ].filter((m): m is { key: string; label: string; time: ResolvedTime } => comparable(m.time));
  const end = comparable(metrics.end) ? metrics.end : null;

  const all = [...plotted.map((p) => p.entry.time.epochMs), ...markers.map((m) => m.time.epochMs), ...(end ? [end.epochMs] : [])];
  if (plotted.length === 0 && markers.length === 0) return null;
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (max - min < 10 * 60_000) {
    const mid = (min + max) / 2;
    min = mid - 5 * 60_000;
    max = mid + 5 * 60_000;
  }
  const pad = (max - min) * 0.04;
  min -= pad;
  max += pad;
  const span = max - min;
  const x = (ms: number): number => LEFT + ((ms - min) / span) * (WIDTH - LEFT - RIGHT);
  const fmt = (n: number): string => n.toFixed(1);

  const offset = zoned ? (plotted[0]?.entry.time.offsetMinutes ?? markers[0]?.time.offsetMinutes ?? 0) : null;
  const zone = offset === null ? '' : zoneLabel({ offsetMinutes: offset });
  const parts: string[] = [];
  const titleId = `tl-title`;
  const descId = `tl-desc`;
  const detected = markers.find((m) => m.key === 'detected');
  const resolved = markers.find((m) => m.key === 'resolved');
  const description = [
    `${plotted.length} timeline entries on a time axis${zone ? ` (${zone})` : ''}.`,
    detected ? `Detected at ${wallClock(detected.time.epochMs, offset).time}.` : 'No detection time.',
    resolved ? `Resolved at ${wallClock(resolved.time.epochMs, offset).time}.` : 'No resolution time.',
    'The same entries are listed in the table that follows.',
  ].join(' ');
  parts.push(
    `<svg class="timeline-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">`,
    `<title id="${titleId}">Timeline of ${escapeXml(title)}</title>`,
    `<desc id="${descId}">${escapeXml(description)}</desc>`,
    `<defs><pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="tl-hatch-line"/></pattern></defs>`,
  );

  // The incident window, shaded.
  const startMarker = markers.find((m) => m.key === 'start');
  const windowEnd = end ?? resolved?.time ?? null;
  if (startMarker && windowEnd && windowEnd.epochMs > startMarker.time.epochMs) {
    parts.push(`<rect class="tl-window" x="${fmt(x(startMarker.time.epochMs))}" y="36" width="${fmt(x(windowEnd.epochMs) - x(startMarker.time.epochMs))}" height="${AXIS_Y - 36}"><title>Incident window</title></rect>`);
  }

  // Gaps.
  const gaps = findGaps(plotted.map((p) => p.entry.time.epochMs), span);
  for (const gap of gaps) {
    const x1 = x(gap.fromMs) + 6;
    const x2 = x(gap.toMs) - 6;
    if (x2 - x1 < 8) continue;
    parts.push(
      `<rect class="tl-gap" x="${fmt(x1)}" y="${AXIS_Y - 9}" width="${fmt(x2 - x1)}" height="18" fill="url(#tl-hatch)"><title>Gap of ${formatMinutes(gap.minutes)} with no entry</title></rect>`,
      `<text class="tl-gap-label" x="${fmt((x1 + x2) / 2)}" y="${AXIS_Y + 24}" text-anchor="middle">gap ${escapeXml(formatMinutes(gap.minutes))}</text>`,
    );
  }

  // Axis and ticks (labels in the entries' zone).
  parts.push(`<line class="tl-axis" x1="${LEFT}" y1="${AXIS_Y}" x2="${WIDTH - RIGHT}" y2="${AXIS_Y}"/>`);
  const stepMin = STEPS_MIN.find((s) => span / (s * 60_000) <= 8) ?? STEPS_MIN[STEPS_MIN.length - 1]!;
  const stepMs = stepMin * 60_000;
  const shift = (offset ?? 0) * 60_000;
  let previousDate = '';
  for (let t = Math.ceil((min + shift) / stepMs) * stepMs - shift; t <= max; t += stepMs) {
    const { date, time } = wallClock(t, offset);
    const label = stepMin >= 1440 ? date.slice(5) : date !== previousDate && previousDate !== '' ? `${date.slice(5)} ${time}` : time;
    previousDate = date;
    parts.push(
      `<line class="tl-tick" x1="${fmt(x(t))}" y1="${AXIS_Y}" x2="${fmt(x(t))}" y2="${AXIS_Y + 5}"/>`,
      `<text class="tl-tick-label" x="${fmt(x(t))}" y="${AXIS_Y + 40}" text-anchor="middle">${escapeXml(label)}</text>`,
    );
  }

  // Markers: start, detection, resolution (a vertical line and a label above).
  const labelRows = [14, 28];
  markers.forEach((marker, index) => {
    const mx = x(marker.time.epochMs);
    const anchor = mx < 80 ? 'start' : mx > WIDTH - 80 ? 'end' : 'middle';
    parts.push(
      `<line class="tl-marker tl-marker-${marker.key}" x1="${fmt(mx)}" y1="${labelRows[index % 2]! + 4}" x2="${fmt(mx)}" y2="${AXIS_Y}"/>`,
      `<text class="tl-marker-label tl-marker-label-${marker.key}" x="${fmt(mx)}" y="${labelRows[index % 2]}" text-anchor="${anchor}">${marker.label} ${escapeXml(wallClock(marker.time.epochMs, offset).time)}</text>`,
    );
  });

  // Entries: a dot on the axis and its number above, staggered on three rows.
  const rows = [AXIS_Y - 16, AXIS_Y - 34, AXIS_Y - 52];
  let lastX = -Infinity;
  let row = 0;
  for (const point of plotted) {
    const px = x(point.entry.time.epochMs);
    row = px - lastX < 22 ? (row + 1) % rows.length : 0;
    lastX = px;
    const when = wallClock(point.entry.time.epochMs, offset).time;
    parts.push(
      `<g class="tl-entry"><title>${point.n}. ${escapeXml(when)} ${escapeXml(point.entry.text.slice(0, 200))}</title>`,
      `<circle class="tl-dot" cx="${fmt(px)}" cy="${AXIS_Y}" r="5"/>`,
      `<line class="tl-stem" x1="${fmt(px)}" y1="${AXIS_Y - 5}" x2="${fmt(px)}" y2="${rows[row]! + 4}"/>`,
      `<text class="tl-num" x="${fmt(px)}" y="${rows[row]}" text-anchor="middle">${point.n}</text></g>`,
    );
  }
  parts.push('</svg>');
  return { svg: parts.join(''), points, gaps, zone };
}
