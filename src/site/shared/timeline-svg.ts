// The incident's timeline as a picture, drawn at build time as inline SVG. Time runs down a
// vertical axis, one row per timed entry (and per key time no entry states), so labels
// never overlap and the text stays at the page's size on a phone: the picture has no
// viewBox to shrink it. Rows are spaced by the time between them (compressed, so a quiet
// night does not push the rest off the screen; the longest silences are marked), the phases
// between impact start, detection, mitigation and resolution are shaded, and each row links
// to its entry's text in the postmortem.
import type { ResolvedTime, TimelineEntry } from '../../core/model.ts';
import { escapeXml, formatMinutes, hasDate, wallClock, zoneLabel } from './format.ts';
import type { Metrics } from './incident.ts';
import { entryId } from './render-body.ts';

export interface TimelinePoint {
  /** 1-based, in document order of the timed entries. */
  n: number;
  entry: Pick<TimelineEntry, 'line' | 'text' | 'timeText'> & { time: ResolvedTime };
}

export interface Gap {
  fromMs: number;
  toMs: number;
  minutes: number;
}

export type KeyTime = 'start' | 'detected' | 'mitigated' | 'resolved';

export interface Phase {
  from: KeyTime;
  to: KeyTime;
  label: string;
  minutes: number;
}

export interface TimelineFigure {
  svg: string;
  /** Timed entries in document order; untimed entries are not drawn. */
  points: TimelinePoint[];
  gaps: Gap[];
  phases: Phase[];
  /** Zone of the times shown ("UTC", "UTC−04:00", '' for zone-less times). */
  zone: string;
  /** Height of the picture in CSS pixels. */
  height: number;
}

export const KEY_LABELS: Record<KeyTime, string> = { start: 'Impact start', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };
const KEYS: KeyTime[] = ['start', 'detected', 'mitigated', 'resolved'];

/** Layout, in CSS pixels. */
const TOP = 14;
const ROW = 26;
const DATE_ROW = 24;
const AXIS_X = 64;
const LABEL_X = 80;
/** Label lengths: the short one fits a phone (390 px wide), the long one a wider column. */
const SHORT = 26;
const LONG = 72;

/**
 * Gaps worth marking: consecutive (in time) entries further apart than a fifth of the whole
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

/** Extra space before a row for the time since the one before: grows with the log of the wait. */
function spacing(minutes: number): number {
  return minutes <= 0 ? 0 : Math.min(48, Math.round(9 * Math.log2(1 + minutes / 5)));
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clipFlat(flat: string, length: number): string {
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

function clip(text: string, length: number): string {
  return clipFlat(flatten(text), length);
}

interface Row {
  ms: number;
  point: TimelinePoint | null;
  keys: KeyTime[];
  y: number;
  /** Its wall-clock time, "HH:MM". */
  time: string;
}

export function timelineFigure(
  timeline: readonly Pick<TimelineEntry, 'line' | 'text' | 'timeText' | 'time'>[],
  metrics: Metrics,
  title: string,
): TimelineFigure | null {
  const points: TimelinePoint[] = [];
  for (const entry of timeline) {
    if (entry.time) points.push({ n: points.length + 1, entry: { line: entry.line, text: entry.text, timeText: entry.timeText, time: entry.time } });
  }
  // Only times comparable with the entries are drawn (all zoned, or all zone-less).
  const zoned = points.length > 0 ? points[0]!.entry.time.offsetMinutes !== null : KEYS.some((k) => (metrics[k]?.offsetMinutes ?? null) !== null);
  const comparable = (t: ResolvedTime | null): t is ResolvedTime => t !== null && (t.offsetMinutes !== null) === zoned;
  const plotted = points.filter((p) => comparable(p.entry.time)).sort((a, b) => a.entry.time.epochMs - b.entry.time.epochMs || a.n - b.n);
  const keyTimes = KEYS.flatMap((key) => (comparable(metrics[key]) ? [{ key, time: metrics[key]! }] : []));
  if (plotted.length === 0 && keyTimes.length === 0) return null;

  // One row per entry; a key time joins the first entry at its minute, or gets its own row.
  const rows: Row[] = plotted.map((point) => ({ ms: point.entry.time.epochMs, point, keys: [], y: 0, time: '' }));
  for (const { key, time } of keyTimes) {
    const same = rows.find((r) => r.ms === time.epochMs);
    if (same) same.keys.push(key);
    else rows.push({ ms: time.epochMs, point: null, keys: [key], y: 0, time: '' });
  }
  rows.sort((a, b) => a.ms - b.ms || (a.point ? a.point.n : 0) - (b.point ? b.point.n : 0));

  const offset = zoned ? (plotted[0]?.entry.time.offsetMinutes ?? keyTimes[0]?.time.offsetMinutes ?? 0) : null;
  const zone = offset === null ? '' : zoneLabel({ offsetMinutes: offset });
  const dated = [...plotted.map((p) => p.entry.time), ...keyTimes.map((k) => k.time)].every(hasDate);
  const spanMs = rows[rows.length - 1]!.ms - rows[0]!.ms;
  const gaps = findGaps(
    rows.map((r) => r.ms),
    spanMs,
  );

  const parts: string[] = [];
  let y = TOP;
  let previous: Row | null = null;
  let previousDate = '';
  const dateLabels: string[] = [];
  const gapLabels: string[] = [];
  for (const row of rows) {
    const clock = wallClock(row.ms, offset);
    if (previous) {
      const minutes = (row.ms - previous.ms) / 60_000;
      const gap = gaps.find((g) => g.fromMs === previous!.ms && g.toMs === row.ms);
      y = previous.y + ROW + spacing(minutes);
      if (gap) {
        gapLabels.push(`<text class="tl-gap-label" x="${LABEL_X}" y="${previous.y + ROW + 4.5}">${escapeXml(formatMinutes(gap.minutes))} with no entry</text>`);
        y += ROW;
        gapLabels.push(`<line class="tl-gap" x1="${AXIS_X}" y1="${previous.y + 10}" x2="${AXIS_X}" y2="${y - 10}"/>`);
      }
    }
    if (dated && clock.date !== previousDate) {
      if (previous) y += 4;
      dateLabels.push(`<text class="tl-date" x="${LABEL_X}" y="${y + 4.5}">${clock.date}</text>`);
      y += DATE_ROW;
    }
    row.y = y;
    row.time = clock.time;
    previousDate = clock.date;
    previous = row;
  }
  const height = y + ROW / 2 + 4;

  // Phases, shaded across the picture between the rows of their key times.
  const keyRow = (key: KeyTime): Row | undefined => rows.find((r) => r.keys.includes(key));
  const phases: Phase[] = [];
  const present = KEYS.filter((k) => keyRow(k));
  for (let i = 0; i + 1 < present.length; i++) {
    const from = present[i]!;
    const to = present[i + 1]!;
    const a = keyRow(from)!;
    const b = keyRow(to)!;
    if (b.ms <= a.ms) continue;
    const label = from === 'start' ? (to === 'detected' ? 'Before detection' : 'Impact, detection unknown') : from === 'detected' ? 'Responding' : 'Recovering';
    phases.push({ from, to, label, minutes: (b.ms - a.ms) / 60_000 });
    parts.unshift(
      `<rect class="tl-phase tl-phase-${from}" x="${AXIS_X - 6}" y="${a.y}" width="12" height="${b.y - a.y}"><title>${escapeXml(label)}: ${escapeXml(formatMinutes((b.ms - a.ms) / 60_000))}</title></rect>`,
    );
    parts.unshift(`<rect class="tl-band tl-band-${from}" x="0" y="${a.y}" width="100%" height="${b.y - a.y}"/>`);
  }

  const axis = `<line class="tl-axis" x1="${AXIS_X}" y1="${TOP - 6}" x2="${AXIS_X}" y2="${height - 2}"/>`;
  const rowParts = rows.map((row) => {
    const time = row.time;
    const keys = row.keys.map((k) => KEY_LABELS[k]);
    const text = row.point?.entry.text ?? '';
    const flat = text ? flatten(text) : '';
    const prefix = keys.join(' · ');
    const label = (length: number): string => {
      if (!text) return prefix;
      return prefix ? `${prefix} · ${clipFlat(flat, Math.max(8, length - prefix.length - 3))}` : clipFlat(flat, length);
    };
    const href = row.point ? `#${entryId(row.point.entry.line)}` : '#key-times';
    const classes = ['tl-event', ...row.keys.map((k) => `tl-marker-${k}`)].join(' ');
    const full = `${time}${zone ? ` ${zone}` : ''}: ${keys.length ? `${keys.join(', ')}. ` : ''}${text}`;
    return (
      `<a class="${classes}" href="${href}"><title>${escapeXml(clip(full, 300))}</title>` +
      `<text class="tl-time" x="${AXIS_X - 12}" y="${row.y + 4.5}" text-anchor="end">${time}</text>` +
      (row.keys.length > 0 ? `<circle class="tl-key" cx="${AXIS_X}" cy="${row.y}" r="7"/>` : '') +
      `<circle class="tl-dot" cx="${AXIS_X}" cy="${row.y}" r="4.5"/>` +
      `<text class="tl-label tl-label-short" x="${LABEL_X}" y="${row.y + 4.5}">${escapeXml(label(SHORT))}</text>` +
      `<text class="tl-label tl-label-long" x="${LABEL_X}" y="${row.y + 4.5}">${escapeXml(label(LONG))}</text></a>`
    );
  });

  const detected = keyRow('detected');
  const resolved = keyRow('resolved');
  const description = [
    `${plotted.length} timeline ${plotted.length === 1 ? 'entry' : 'entries'} in time order${zone ? `, times in ${zone}` : ''}.`,
    detected ? `Detected at ${detected.time}.` : 'Detection time unknown.',
    resolved ? `Resolved at ${resolved.time}.` : 'Resolution time unknown.',
    'Each row links to its entry in the postmortem.',
  ].join(' ');
  const svg = [
    `<svg class="timeline-svg" width="100%" height="${height}" aria-labelledby="tl-title tl-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="tl-title">Timeline of ${escapeXml(title)}</title>`,
    `<desc id="tl-desc">${escapeXml(description)}</desc>`,
    ...parts,
    axis,
    ...dateLabels,
    ...gapLabels,
    ...rowParts,
    '</svg>',
  ].join('');
  return { svg, points, gaps, phases, zone, height };
}
