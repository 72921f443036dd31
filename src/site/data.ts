// The archive as the pages see it: every entry of the postmortems collection turned into an
// Incident once per build (the list is memoised for a build; in dev, per changed entry).
import { getCollection } from 'astro:content';
import site from 'virtual:hindsight/site';
import { entryHtml, htmlFileOf, type RenderedEntry } from './shared/entry-html.ts';
import { byNewest, toIncident, type Incident } from './shared/incident.ts';
import type { RenderedHeading } from './shared/render.ts';
import { relatedArchive, rootCauseText, type RelatedView } from './shared/related.ts';
import { readRelated, relatedKey, writeRelated } from './shared/related-cache.ts';
import type { EntryData } from './shared/types.ts';

const perEntry = new WeakMap<object, Incident>();
let built: Incident[] | null = null;

export async function allIncidents(): Promise<Incident[]> {
  if (built) return built;
  const entries = await getCollection('postmortems');
  const list = entries.map((entry) => {
    const data = entry.data as unknown as EntryData;
    let incident = perEntry.get(data);
    if (!incident) {
      incident = toIncident(data);
      perEntry.set(data, incident);
    }
    return incident;
  });
  list.sort(byNewest);
  if (import.meta.env.PROD) built = list;
  return list;
}

let byId: { list: Incident[]; map: Map<string, Incident> } | null = null;

/** The incidents by their frontmatter id (of two with one id, the later in the list), for related links. */
export async function incidentsById(): Promise<Map<string, Incident>> {
  const list = await allIncidents();
  if (byId?.list !== list) {
    const map = new Map<string, Incident>();
    for (const incident of list) if (incident.id) map.set(incident.id, incident);
    byId = { list, map };
  }
  return byId.map;
}

let relatedMemo: { list: Incident[]; related: Map<string, RelatedView[]> } | null = null;

/** The related incidents of every incident, by slug: computed once per build for the whole archive (shared/related.ts). */
export async function relatedBySlug(): Promise<Map<string, RelatedView[]>> {
  const list = await allIncidents();
  if (relatedMemo?.list !== list) {
    const entries = await getCollection('postmortems');
    // Kept by the last build for the same entries (shared/related-cache.ts), else made here.
    const cache = site.relatedCache;
    const key = cache ? relatedKey(entries) : null;
    let related = cache && key ? readRelated(cache, key, list) : null;
    if (!related) {
      const rootCauses = new Map<string, string>();
      for (const entry of entries) {
        const data = entry.data as unknown as EntryData;
        const headings = (entry.rendered?.metadata?.['headings'] ?? []) as RenderedHeading[];
        const text = rootCauseText(data.model, headings, renderedHtml(entry));
        if (text) rootCauses.set(data.slug, text);
      }
      related = relatedArchive(list, rootCauses).related;
      if (cache && key) writeRelated(cache, key, related);
    }
    relatedMemo = { list, related };
  }
  return relatedMemo.related;
}

const htmlRead = new Map<string, string>();

/**
 * An entry's rendered postmortem. In a build it is a file beside the store (shared/entry-html.ts),
 * read once: the related incidents and the incident's page both read it.
 */
export function renderedHtml(entry: RenderedEntry): string {
  const file = htmlFileOf(entry);
  if (file === null) return entryHtml(entry, site.htmlDir);
  let html = htmlRead.get(file);
  if (html === undefined) {
    html = entryHtml(entry, site.htmlDir);
    htmlRead.set(file, html);
  }
  return html;
}

export async function relatedTo(incident: Incident): Promise<RelatedView[]> {
  return (await relatedBySlug()).get(incident.slug) ?? [];
}

/** The build's "today" (YYYY-MM-DD), for overdue action items. */
export const today = new Date().toISOString().slice(0, 10);
