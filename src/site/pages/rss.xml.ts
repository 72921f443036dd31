// The feed: every incident, newest first, with its rendered (sanitized) postmortem. Every
// field goes through `xmlText`: a character XML 1.0 forbids (a pasted coloured log's ESC)
// would make the whole feed unreadable, escaped or not.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import site from 'virtual:hindsight/site';
import { allIncidents } from '../data.ts';
import { xmlText } from '../shared/text.ts';

/** Feed readers may read a title as HTML: leave markup-like text out of titles and summaries. */
const plain = (text: string): string =>
  xmlText(text)
    .replace(/<[^>]*>?/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export const GET: APIRoute = async (context) => {
  const incidents = await allIncidents();
  const items = await Promise.all(
    incidents.map(async (incident) => {
      const entry = await getEntry('postmortems', incident.slug);
      const html = entry?.rendered?.html;
      return {
        title: plain(incident.title),
        // Made absolute with `new URL`, which percent-encodes what a file name may hold.
        link: `/incidents/${incident.slug}/`,
        pubDate: incident.date ? new Date(`${incident.date}T00:00:00Z`) : new Date(incident.data.lastUpdated.iso),
        description: plain(incident.data.excerpt),
        content: html === undefined ? undefined : xmlText(html),
        categories: [incident.severity, ...incident.services, ...incident.tags].map(plain).filter(Boolean),
      };
    }),
  );
  return rss({
    title: xmlText(site.title),
    description: 'Incident postmortems, newest first, validated by Hindsight.',
    site: context.site ?? 'http://localhost/',
    items,
    trailingSlash: true,
  });
};
