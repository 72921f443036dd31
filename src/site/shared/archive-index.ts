// What /index.json holds (pages/index.json.ts); a pure function of the incidents and the
// related incidents the pages show, so that its shape can be tested without a build. Action
// states, follow-through and related incidents come from the functions the /actions/,
// service and incident pages use, so the index and the pages never disagree.
import type { ResolvedTime } from '../../core/model.ts';
import { archiveActions, followThrough, type ActionState, type FollowThrough } from './actions.ts';
import { groupByLabel, type Incident } from './incident.ts';
import { relatedToGroup, type RelatedView } from './related.ts';

/** Bumped when a field changes meaning or is removed; new fields do not bump it. */
export const ARCHIVE_INDEX_VERSION = 1;

export interface ArchiveIndex {
  version: number;
  title: string;
  /** The day the site was built (YYYY-MM-DD): action states are as of this day. */
  builtOn: string;
  /** Every action item of the archive, as on the /actions/ page. */
  followThrough: FollowThrough;
  /** Every service, by name (A to Z), as on its page. */
  services: IndexedService[];
  incidents: IndexedIncident[];
}

export interface IndexedService {
  /** The service as first written. */
  service: string;
  incidents: number;
  /** The action items of its incidents. */
  followThrough: FollowThrough;
  /** Incidents on other services related to its own (named or with a similar root cause). */
  relatedElsewhere: number;
  url: string;
}

/** Why an incident is listed as related: `named` (this postmortem names it), `named-by` (it names this one), a similar root cause, a shared service. */
export type RelatedReason =
  | { kind: 'named' }
  | { kind: 'named-by' }
  | { kind: 'similar-root-cause'; similarityPercent: number }
  | { kind: 'same-service'; services: string[] };

export interface IndexedRelated {
  /** The id as named in `related:`, or the incident's id (else its slug). */
  id: string;
  /** Null for a `related:` value that names no incident of this archive. */
  slug: string | null;
  url: string | null;
  reasons: RelatedReason[];
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
  factors: string[];
  triggers: string[];
  /** ISO 8601, with the offset when the postmortem gives a zone; null when unknown. */
  times: { start: string | null; detected: string | null; resolved: string | null; end: string | null };
  /** Minutes; null when a time is unknown (never 0 for unknown). */
  durations: { timeToDetectMinutes: number | null; timeToResolveMinutes: number | null; durationMinutes: number | null };
  actionItems: {
    text: string;
    owner: string | null;
    ticket: string | null;
    due: string | null;
    state: 'done' | 'open';
    overdue: boolean;
    /** `state` with overdue told apart, as the /actions/ page shows it. */
    followThrough: ActionState;
    daysOverdue: number | null;
  }[];
  /** `errors` and `warnings` are the new findings (those the baseline does not record), as `new` repeats. */
  lint: { status: 'error' | 'warning' | 'clean'; errors: number; warnings: number; new: LintCounts; known: LintCounts };
  related: IndexedRelated[];
  /** The incident's page, absolute. */
  url: string;
}

interface LintCounts {
  errors: number;
  warnings: number;
}

export interface ArchiveIndexOptions {
  title: string;
  siteUrl: string;
  /** YYYY-MM-DD */
  today: string;
  /** The related incidents by slug, as the pages list them (data.ts `relatedBySlug`). */
  related: ReadonlyMap<string, readonly RelatedView[]>;
}

const iso = (time: ResolvedTime | null): string | null => time?.iso ?? null;

export function archiveIndex(incidents: readonly Incident[], options: ArchiveIndexOptions): ArchiveIndex {
  // `new URL` percent-encodes what a file name or a label may hold.
  const page = (path: string): string => new URL(path, options.siteUrl).href;
  const actions = archiveActions(incidents, options.today);
  const actionsOf = new Map<Incident, typeof actions>();
  for (const action of actions) {
    const list = actionsOf.get(action.incident);
    if (list) list.push(action);
    else actionsOf.set(action.incident, [action]);
  }
  const services = groupByLabel(incidents, (i) => i.services)
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((group) => ({
      service: group.label,
      incidents: group.incidents.length,
      followThrough: followThrough(group.incidents.flatMap((i) => actionsOf.get(i) ?? [])),
      relatedElsewhere: relatedToGroup(group.incidents, options.related).length,
      url: page(`/services/${group.slug}/`),
    }));
  return {
    version: ARCHIVE_INDEX_VERSION,
    title: options.title,
    builtOn: options.today,
    followThrough: followThrough(actions),
    services,
    incidents: incidents.map((incident) => {
      const { metrics, data } = incident;
      const known = data.findings.filter((f) => f.known);
      return {
        id: incident.id,
        slug: incident.slug,
        title: incident.title,
        date: /^\d{4}-\d{2}-\d{2}$/.test(incident.date) ? incident.date : null,
        severity: incident.severity,
        status: incident.status,
        services: incident.services,
        tags: incident.tags,
        factors: incident.factors,
        triggers: incident.triggers,
        times: { start: iso(metrics.start), detected: iso(metrics.detected), resolved: iso(metrics.resolved), end: iso(metrics.end) },
        durations: { timeToDetectMinutes: metrics.ttdMinutes, timeToResolveMinutes: metrics.ttrMinutes, durationMinutes: metrics.durationMinutes },
        actionItems: (actionsOf.get(incident) ?? []).map((action) => ({
          text: action.text,
          owner: action.owner,
          ticket: action.ticket,
          due: action.due,
          state: action.state === 'done' ? 'done' : 'open',
          overdue: action.state === 'overdue',
          followThrough: action.state,
          daysOverdue: action.daysOverdue,
        })),
        lint: {
          status: incident.lintStatus,
          errors: data.errorCount,
          warnings: data.warningCount,
          new: { errors: data.errorCount, warnings: data.warningCount },
          known: { errors: known.filter((f) => f.severity === 2).length, warnings: known.filter((f) => f.severity === 1).length },
        },
        related: (options.related.get(incident.slug) ?? []).map((view) => ({
          id: view.id,
          slug: view.incident?.slug ?? null,
          url: view.incident ? page(`/incidents/${view.incident.slug}/`) : null,
          reasons: reasonsOf(view, incident),
        })),
        url: page(`/incidents/${incident.slug}/`),
      };
    }),
  };
}

const SIMILAR = /^similar root cause \((\d+)% alike\)$/;

/**
 * The reasons of a related incident, read back from the sentence its page shows (related.ts
 * joins them with "; "). "Same service" is only ever given alone, and its services are taken
 * from the two incidents, not from the text, which a service name with "; " would split.
 */
function reasonsOf(view: RelatedView, incident: Incident): RelatedReason[] {
  if (view.why.startsWith('same service:')) {
    const own = new Set(incident.services.map((s) => s.toLowerCase()));
    return [{ kind: 'same-service', services: (view.incident?.services ?? []).filter((s) => own.has(s.toLowerCase())) }];
  }
  return view.why.split('; ').map((why): RelatedReason => {
    if (why === 'named in this postmortem') return { kind: 'named' };
    if (why === 'names this incident') return { kind: 'named-by' };
    const similar = SIMILAR.exec(why);
    if (similar) return { kind: 'similar-root-cause', similarityPercent: Number(similar[1]) };
    throw new Error(`archive-index: a related incident's reason it does not know: ${JSON.stringify(why)}`);
  });
}
