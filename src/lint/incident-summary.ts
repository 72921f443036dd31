// An incident's key figures from its model (title, severity, start, minutes to detect and to
// resolve, duration), computed where the model is built: the lint run gives them with each
// result when asked (lintRun's `incidents`), so the GitHub Action's job summary does not read
// and parse every file a second time. Plain data: it crosses from a worker thread.
import type { Postmortem, ResolvedTime } from '../core/model.ts';
import { redactSecrets } from './secrets/redact.ts';

export interface IncidentMetrics {
  title: string | null;
  severity: string | null;
  /** ISO 8601, as `inspect` prints it. */
  start: string | null;
  /** Minutes from the start to detection, to resolution (or the end), and the whole incident. */
  detectMinutes: number | null;
  resolveMinutes: number | null;
  durationMinutes: number | null;
}

export function incidentMetrics(model: Postmortem): IncidentMetrics {
  const { start, end, detected, resolved } = model.incident;
  const minutes = (to: ResolvedTime | null): number | null => (start && to && comparable(start, to) ? Math.round((to.epochMs - start.epochMs) / 60_000) : null);
  const severity = model.frontmatter.data?.severity;
  return {
    // The summary is shown to everyone who can read the pull request: never a credential in clear.
    title: model.title === null ? null : redactSecrets(model.title),
    severity: typeof severity === 'string' || typeof severity === 'number' ? redactSecrets(String(severity)) : null,
    start: start?.iso ?? null,
    detectMinutes: minutes(detected),
    resolveMinutes: minutes(resolved ?? end),
    durationMinutes: minutes(end),
  };
}

/** Two times can be subtracted when both carry a zone, or neither does. */
function comparable(a: ResolvedTime, b: ResolvedTime): boolean {
  return (a.offsetMinutes === null) === (b.offsetMinutes === null);
}
