// What the pages show of one postmortem, derived from the stored model: its date, labels and
// metrics. Pure functions of the model (no re-parsing), shared by every page.
import { createHash } from 'node:crypto';
import type { ResolvedTime } from '../../core/model.ts';
import type { EntryData, StoredModel } from './types.ts';

export interface Metrics {
  /** The impact start as the document states it; never guessed from the timeline. */
  start: ResolvedTime | null;
  detected: ResolvedTime | null;
  /** Where the detection time was read: frontmatter `detected`, or a timeline entry the model took for it. */
  detectedFrom: 'stated' | 'timeline' | null;
  /** The first timeline entry that says the impact was mitigated, if any. */
  mitigated: ResolvedTime | null;
  resolved: ResolvedTime | null;
  end: ResolvedTime | null;
  /** The earliest timed timeline entry (shown when no start is stated; never measured from). */
  firstEntry: ResolvedTime | null;
  /** detected − start, in minutes. */
  ttdMinutes: number | null;
  /** resolved − start, in minutes. */
  ttrMinutes: number | null;
  /** end − start, in minutes. */
  durationMinutes: number | null;
  /** Which fallbacks were used, for the side panel. */
  notes: string[];
}

export interface Incident {
  slug: string;
  data: EntryData;
  title: string;
  /** YYYY-MM-DD, or '' when no date is known at all. */
  date: string;
  year: string;
  /** YYYY-MM */
  month: string;
  severity: string;
  status: string;
  services: string[];
  tags: string[];
  /** Frontmatter `contributing_factors` (or a common spelling of it): learning-from-incidents labels. */
  factors: string[];
  /** Frontmatter `trigger` / `triggers`. */
  triggers: string[];
  authors: string[];
  id: string | null;
  related: string[];
  metrics: Metrics;
  lintStatus: 'error' | 'warning' | 'clean';
}

const MITIGATED = /\bmitigat/i;

/**
 * Time to detect and time to resolve are measured from the incident's start.
 * - start: the model's `incident.start` (frontmatter `incident_start`, or the summary's
 *   "Start:" / window statement). No fallback: the earliest timeline entry is often the
 *   alert itself, and measuring from it made time to detect "0 min" and pulled the medians
 *   down. Without a stated start, every measure is unknown.
 * - detected: the model's `incident.detected` (frontmatter `detected`, else a timeline
 *   entry that reads as the detection, an alert or a page); which one is noted.
 * - resolved: the model's `incident.resolved` (frontmatter `resolved`); failing that the
 *   incident's end.
 * - end: `incident.end`; failing that `resolved`.
 * A difference is only taken between two times that both have a zone or both have none
 * (zone-less times are comparable only with each other), and never when negative; otherwise
 * the metric is unknown (shown as "unknown" and left out of the statistics).
 */
export function metricsOf(model: StoredModel): Metrics {
  const notes: string[] = [];
  const start = model.incident.start;
  const firstEntry = earliestEntry(model);
  if (!start) notes.push('No impact start stated (frontmatter `incident_start` or a "Start:" line): time to detect and to resolve unknown.');
  const detected = model.incident.detected;
  const stated = model.frontmatter.data?.detected;
  const detectedFrom = !detected ? null : stated !== undefined && stated !== null && stated !== '' ? 'stated' : 'timeline';
  if (detectedFrom === 'timeline') notes.push('Detection time read from the timeline entry that reports the alert.');
  let resolved = model.incident.resolved;
  if (!resolved && model.incident.end) {
    resolved = model.incident.end;
    notes.push('Resolved taken from the incident end.');
  }
  const end = model.incident.end ?? model.incident.resolved;
  const mitigated = model.timeline.find((e) => e.time && MITIGATED.test(e.text))?.time ?? null;
  if (!detected) notes.push('No detection time stated (frontmatter `detected`): time to detect unknown.');
  return {
    start,
    detected,
    detectedFrom,
    mitigated,
    resolved,
    end,
    firstEntry,
    ttdMinutes: minutesBetween(start, detected),
    ttrMinutes: minutesBetween(start, resolved),
    durationMinutes: minutesBetween(start, end),
    notes,
  };
}

function earliestEntry(model: StoredModel): ResolvedTime | null {
  let best: ResolvedTime | null = null;
  for (const entry of model.timeline) if (entry.time && (!best || entry.time.epochMs < best.epochMs)) best = entry.time;
  return best;
}

export function minutesBetween(from: ResolvedTime | null, to: ResolvedTime | null): number | null {
  if (!from || !to) return null;
  if ((from.offsetMinutes === null) !== (to.offsetMinutes === null)) return null;
  const minutes = (to.epochMs - from.epochMs) / 60_000;
  return minutes < 0 ? null : Math.round(minutes * 100) / 100;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined && v !== '').map(String);
  if (typeof value === 'string' && value.trim() !== '')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

/** The frontmatter keys read as contributing factors and as triggers, in order of preference. */
export const FACTOR_KEYS = ['contributing_factors', 'contributing-factors', 'contributingFactors', 'factors'] as const;
export const TRIGGER_KEYS = ['trigger', 'triggers'] as const;

/** The first of these keys the frontmatter has, as a list. */
function firstList(fm: Record<string, unknown>, keys: readonly string[]): string[] {
  for (const key of keys) if (fm[key] !== undefined && fm[key] !== null) return stringList(fm[key]);
  return [];
}

function dateString(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}

/**
 * The incident's date: frontmatter `date`, else the date part of its start (as written, in
 * its own zone), else of its detection, else of the first timed timeline entry, else a
 * `YYYY-MM-DD` prefix of the file name, else the last-updated date.
 */
export function incidentDate(data: EntryData): string {
  const { model } = data;
  const fm = model.frontmatter.data ?? {};
  const first = model.timeline.find((e) => e.time)?.time ?? null;
  return (
    dateString(fm.date) ??
    dateString(model.incident.start?.iso) ??
    dateString(model.incident.detected?.iso) ??
    dateString(first?.iso) ??
    dateString(data.slug.split('/').pop()) ??
    data.lastUpdated.iso.slice(0, 10)
  );
}

export function toIncident(data: EntryData): Incident {
  const { model } = data;
  const fm = model.frontmatter.data ?? {};
  const date = incidentDate(data);
  const title = model.title ?? (typeof fm.title === 'string' ? fm.title : null) ?? data.slug;
  return {
    slug: data.slug,
    data,
    title,
    date,
    year: date.slice(0, 4),
    month: date.slice(0, 7),
    // The frontmatter first; else what the body states ("Severity: SEV-2", a "Severity" section).
    severity: typeof fm.severity === 'string' || typeof fm.severity === 'number' ? String(fm.severity) : (model.stated.severity?.value ?? 'unknown'),
    status: typeof fm.status === 'string' ? fm.status : 'unknown',
    services: fm.services !== undefined || fm.service !== undefined ? stringList(fm.services ?? fm.service) : (model.stated.services?.value ?? []),
    tags: stringList(fm.tags),
    factors: firstList(fm, FACTOR_KEYS),
    triggers: firstList(fm, TRIGGER_KEYS),
    authors: stringList(fm.authors ?? fm.author),
    id: typeof fm.id === 'string' ? fm.id : null,
    related: stringList(fm.related),
    metrics: metricsOf(model),
    lintStatus: data.errorCount > 0 ? 'error' : data.warningCount > 0 ? 'warning' : 'clean',
  };
}

/** Newest first; equal dates by title. */
export function byNewest(a: Incident, b: Incident): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
}

/** Characters of a label kept in its page's name: a folder name has at most 255 bytes (4 per character at worst). */
const SLUG_KEPT = 48;

/**
 * A URL-safe name for a service, tag or severity page. A long label is cut, with a hash of
 * the whole so that two long labels keep two pages (a label of hundreds of characters made a
 * folder name the file system refuses, and the build failed).
 */
export function labelSlug(label: string): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const characters = Array.from(slug);
  if (characters.length <= SLUG_KEPT + 9) return slug || 'unnamed';
  return `${characters.slice(0, SLUG_KEPT).join('').replace(/-+$/, '')}-${createHash('sha256').update(slug).digest('hex').slice(0, 8)}`;
}

/** Severity labels in a sensible order: SEV0, SEV1 … then the rest by name. */
export function compareSeverity(a: string, b: string): number {
  const rank = (s: string): number => {
    const m = /(\d+)/.exec(s);
    return m ? Number(m[1]) : 1000;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (the
 * "R-7" / spreadsheet definition); null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low]!;
  return lowValue + (sorted[high]! - lowValue) * (rank - low);
}

/** Groups incidents by one or more keys each (an incident with two services counts in both). */
export function groupBy(incidents: readonly Incident[], keys: (incident: Incident) => string[]): Map<string, Incident[]> {
  const groups = new Map<string, Incident[]>();
  for (const incident of incidents) {
    for (const key of keys(incident)) {
      const list = groups.get(key);
      if (list) list.push(incident);
      else groups.set(key, [incident]);
    }
  }
  return groups;
}

/** Every month from the first to the last (YYYY-MM), so quiet months show as zero. */
export function monthRange(months: readonly string[]): string[] {
  const valid = months.filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (valid.length === 0) return [];
  const out: string[] = [];
  let [year, month] = valid[0]!.split('-').map(Number) as [number, number];
  const last = valid[valid.length - 1]!;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

/** Open action items, and which of them are overdue on `today` (YYYY-MM-DD). */
export function openActionItems(
  incident: Incident,
  today: string,
): { text: string; owner: string | null; ticket: string | null; due: string | null; line: number; overdue: boolean }[] {
  return incident.data.model.actionItems
    .filter((item) => !item.done)
    .map((item) => ({
      text: item.text,
      owner: item.owner,
      ticket: item.ticket,
      due: item.due,
      line: item.line,
      overdue: item.due !== null && item.due < today,
    }));
}

export interface LabelGroup {
  slug: string;
  /** The label as first written ("payments-gateway", "SEV1"). */
  label: string;
  incidents: Incident[];
}

/** Groups by label, labels that differ only in case or punctuation (one page URL) together. */
export function groupByLabel(incidents: readonly Incident[], labels: (incident: Incident) => string[]): LabelGroup[] {
  const groups = new Map<string, LabelGroup>();
  for (const incident of incidents) {
    const seen = new Set<string>();
    for (const label of labels(incident)) {
      const slug = labelSlug(label);
      if (seen.has(slug)) continue;
      seen.add(slug);
      const group = groups.get(slug);
      if (group) group.incidents.push(incident);
      else groups.set(slug, { slug, label, incidents: [incident] });
    }
  }
  return [...groups.values()];
}
