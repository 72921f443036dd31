// The archive's figures as the metrics page shows them, following the incident-analysis
// literature (the VOID report; Davidovič, "Incident Metrics in SRE"): durations are skewed and
// few, so no mean is given; each measure says for how many incidents it is known, gives the
// median and the 90th percentile, warns when there are too few incidents for them to mean
// anything, and keeps every incident as a point of its distribution. An unknown time stays
// unknown: it is counted as unknown, never as zero.
import { plural } from './format.ts';
import { percentile, type Incident } from './incident.ts';

/** Fewer known values than this and a median or p90 says more about chance than about the archive. */
export const TOO_FEW = 10;

export type MeasureKey = 'ttd' | 'ttr' | 'duration';

export interface Measure {
  key: MeasureKey;
  /** "Time to detect". */
  name: string;
  /** What it is measured between, for the page. */
  definition: string;
  value(incident: Incident): number | null;
}

export const MEASURES: readonly Measure[] = [
  { key: 'ttd', name: 'Time to detect', definition: 'from the start of the impact to its detection', value: (i) => i.metrics.ttdMinutes },
  { key: 'ttr', name: 'Time to resolve', definition: 'from the start of the impact to its resolution', value: (i) => i.metrics.ttrMinutes },
  { key: 'duration', name: 'Duration', definition: 'from the start of the impact to its end', value: (i) => i.metrics.durationMinutes },
];

export interface MeasurePoint {
  slug: string;
  title: string;
  minutes: number;
}

export interface MeasureSummary {
  /** Incidents the measure is known for. */
  known: number;
  /** Incidents it is not known for (a missing or inconsistent time). */
  unknown: number;
  median: number | null;
  p90: number | null;
  /** Fewer than TOO_FEW known values: the median and p90 are shown with a warning. */
  tooFew: boolean;
  /** Every incident the measure is known for, shortest first (equal values by title). */
  points: MeasurePoint[];
}

export function summarize(incidents: readonly Incident[], measure: Pick<Measure, 'value'>): MeasureSummary {
  const points: MeasurePoint[] = [];
  for (const incident of incidents) {
    const minutes = measure.value(incident);
    if (minutes !== null && Number.isFinite(minutes)) points.push({ slug: incident.slug, title: incident.title, minutes });
  }
  points.sort((a, b) => a.minutes - b.minutes || a.title.localeCompare(b.title));
  const values = points.map((p) => p.minutes);
  return {
    known: points.length,
    unknown: incidents.length - points.length,
    median: percentile(values, 50),
    p90: percentile(values, 90),
    tooFew: points.length < TOO_FEW,
    points,
  };
}

/**
 * What a median stands on, for the pages that show one beside other figures (the home page, a
 * service's page): how many incidents it is known for, and a warning when that is too few.
 */
export function medianBasis(summary: MeasureSummary, total: number): string {
  if (summary.known === 0) return `unknown for all ${plural(total, 'incident')}`;
  const basis = summary.known === total ? `of ${plural(total, 'incident')}` : `known for ${summary.known} of ${plural(total, 'incident')}`;
  return summary.tooFew ? `${basis}: too few to mean much` : basis;
}

/** Incidents per month, for the months that have any (YYYY-MM, oldest first); undated incidents are left out. */
export function incidentsPerMonth(incidents: readonly Incident[]): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const incident of incidents) if (/^\d{4}-\d{2}$/.test(incident.month)) counts.set(incident.month, (counts.get(incident.month) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, count]) => ({ month, count }));
}

/**
 * Whole-number axis ticks from 0 to at least `max`, at most about `most` of them, each a
 * distinct integer (a count axis of 0..2 reads 0, 1, 2, never 0, 0.5, 1 rounded to 0, 0, 1).
 */
export function integerTicks(max: number, most = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = smallestStep(top, most);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/** The smallest of 1, 2, 5, 10, 20, 50 … that covers `top` in at most `most - 1` steps. */
function smallestStep(top: number, most: number): number {
  for (let power = 1; ; power *= 10) {
    for (const m of [1, 2, 5]) if (Math.ceil(top / (m * power)) <= Math.max(1, most - 1)) return m * power;
  }
}
