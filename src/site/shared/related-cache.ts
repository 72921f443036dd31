// The related incidents of a build, kept for the next one (`relatedArchive` compares the root
// causes of every pair of incidents that share a service: a third of a second for 1,000
// postmortems, in every build). They are kept with a key of the content entries they were
// made from, every entry's id and digest: a digest covers the postmortem's text, the code
// (this folder's included) and the configuration, so a rebuild in which no entry changed
// reads them back instead.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Incident } from './incident.ts';
import type { RelatedView } from './related.ts';

/** Bump when what is kept changes shape. */
const FORMAT = 1;

/** The file in a build's cache folder. */
export function relatedCacheFile(cacheDir: string): string {
  return path.join(cacheDir, 'hindsight-related.json');
}

/** The key of the related incidents of these entries; null when an entry has no digest to key them by. */
export function relatedKey(entries: Iterable<{ id: string; digest?: unknown }>): string | null {
  const list = [...entries];
  if (list.some((entry) => typeof entry.digest !== 'string' && typeof entry.digest !== 'number')) return null;
  const hash = createHash('sha1').update(`related\0${FORMAT}\0`);
  for (const entry of list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) hash.update(`${entry.id}\0${String(entry.digest)}\0`);
  return hash.digest('hex');
}

/** A related incident as kept: the incident by its page name. */
interface KeptView {
  id: string;
  slug: string | null;
  why: string;
}

/**
 * The related incidents kept under `key`, each pointing at the incident of this build with
 * its page name; null when none are kept for that key (or one names an incident not here).
 */
export function readRelated(file: string, key: string, incidents: readonly Incident[]): Map<string, RelatedView[]> | null {
  let kept: { key?: unknown; related?: Record<string, KeptView[]> };
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as typeof kept;
  } catch {
    return null;
  }
  if (kept?.key !== key || typeof kept.related !== 'object' || kept.related === null) return null;
  const bySlug = new Map(incidents.map((incident) => [incident.slug, incident]));
  const related = new Map<string, RelatedView[]>();
  for (const [slug, views] of Object.entries(kept.related)) {
    if (!bySlug.has(slug) || !Array.isArray(views)) return null;
    const out: RelatedView[] = [];
    for (const view of views) {
      const incident = view.slug === null ? null : bySlug.get(view.slug);
      if (incident === undefined) return null;
      out.push({ id: view.id, incident, why: view.why });
    }
    related.set(slug, out);
  }
  return related;
}

/** Keeps the related incidents under `key` (whole or not at all; a cache: a failure only costs the next build the work). */
export function writeRelated(file: string, key: string, related: ReadonlyMap<string, readonly RelatedView[]>): void {
  const kept: Record<string, KeptView[]> = {};
  for (const [slug, views] of related) kept[slug] = views.map((view) => ({ id: view.id, slug: view.incident?.slug ?? null, why: view.why }));
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const staging = `${file}.${process.pid}.tmp`;
    writeFileSync(staging, JSON.stringify({ key, related: kept }));
    renameSync(staging, file);
  } catch {
    // the next build computes them again
  }
}
