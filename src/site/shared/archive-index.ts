// What /index.json holds of each incident (pages/index.json.ts); a pure function of the
// incidents, so that its shape can be tested without a build.
import type { ResolvedTime } from '../../core/model.ts';
import type { Incident } from './incident.ts';

/** Bumped when a field changes meaning or is removed; new fields do not bump it. */
export const ARCHIVE_INDEX_VERSION = 1;

export interface ArchiveIndex {
  version: number;
  title: string;
  incidents: IndexedIncident[];
}

export interface IndexedIncident {
  /** The frontmatter `id`, or null. */
  id: string | null;
  /** The page name: the file's path under the postmortems folder, without `.md`. */
  slug: string;
  title: string;
  /** YYYY-MM-DD, or null when no date is known. */
  date: string | null;
  severity: string;
  status: string;
  services: string[];
  tags: string[];
  /** ISO 8601, with the offset when the postmortem gives a zone; null when unknown. */
  times: { start: string | null; detected: string | null; resolved: string | null; end: string | null };
  /** Minutes; null when a time is unknown (never 0 for unknown). */
  durations: { timeToDetectMinutes: number | null; timeToResolveMinutes: number | null; durationMinutes: number | null };
  actionItems: { text: string; owner: string | null; ticket: string | null; due: string | null; state: 'done' | 'open'; overdue: boolean }[];
  lint: { status: 'error' | 'warning' | 'clean'; errors: number; warnings: number };
  /** The incident's page, absolute. */
  url: string;
}

const iso = (time: ResolvedTime | null): string | null => time?.iso ?? null;

export function archiveIndex(incidents: readonly Incident[], options: { title: string; siteUrl: string; today: string }): ArchiveIndex {
  return {
    version: ARCHIVE_INDEX_VERSION,
    title: options.title,
    incidents: incidents.map((incident) => {
      const { metrics, data } = incident;
      return {
        id: incident.id,
        slug: incident.slug,
        title: incident.title,
        date: /^\d{4}-\d{2}-\d{2}$/.test(incident.date) ? incident.date : null,
        severity: incident.severity,
        status: incident.status,
        services: incident.services,
        tags: incident.tags,
        times: { start: iso(metrics.start), detected: iso(metrics.detected), resolved: iso(metrics.resolved), end: iso(metrics.end) },
        durations: { timeToDetectMinutes: metrics.ttdMinutes, timeToResolveMinutes: metrics.ttrMinutes, durationMinutes: metrics.durationMinutes },
        actionItems: data.model.actionItems.map((item) => ({
          text: item.text,
          owner: item.owner,
          ticket: item.ticket,
          due: item.due,
          state: item.done ? 'done' : 'open',
          overdue: !item.done && item.due !== null && item.due < options.today,
        })),
        lint: { status: incident.lintStatus, errors: data.errorCount, warnings: data.warningCount },
        // `new URL` percent-encodes what a file name may hold.
        url: new URL(`/incidents/${incident.slug}/`, options.siteUrl).href,
      };
    }),
  };
}
