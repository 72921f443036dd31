// The archive as JSON, for other tools (dashboards, Backstage): every incident with its key
// times, derived durations, labels, action items, lint status and related incidents, and the
// archive's follow-through and services, at /index.json. Its shape is
// schema/archive-index.schema.json; `version` changes only when a field changes meaning or goes.
// Every value comes from the stored model, which the loader builds from the postmortem with
// its credentials masked (shared/process.ts), so no secret reaches this file either.
import type { APIRoute } from 'astro';
import site from 'virtual:hindsight/site';
import { allIncidents, relatedBySlug, today } from '../data.ts';
import { archiveIndex } from '../shared/archive-index.ts';

export const GET: APIRoute = async (context) => {
  const index = archiveIndex(await allIncidents(), {
    title: site.title,
    siteUrl: String(context.site ?? 'http://localhost/'),
    today,
    related: await relatedBySlug(),
  });
  return new Response(`${JSON.stringify(index, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
