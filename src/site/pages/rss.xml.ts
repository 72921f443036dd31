// The feed: every incident, newest first, with its rendered (sanitized) postmortem.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import site from 'virtual:hindsight/site';
import { allIncidents } from '../data.ts';

/** Feed readers may read a title as HTML: leave markup-like text out of titles and summaries. */
const plain = (text: string): string => text.replace(/<[^>]*>?/g, '').replace(/\s+/g, ' ').trim();

export const GET: APIRoute = async (context) => {
  const incidents = await allIncidents();
  const items = await Promise.all(
    incidents.map(async (incident) => {
      const entry = await getEntry('postmortems', incident.slug);
      return {
        title: plain(incident.title),
        link: `/incidents/${incident.slug}/`,
        pubDate: incident.date ? new Date(`${incident.date}T00:00:00Z`) : new Date(incident.data.lastUpdated.iso),
        description: plain(incident.data.excerpt),
        content: entry?.rendered?.html,
        categories: [incident.severity, ...incident.services, ...incident.tags].map(plain).filter(Boolean),
      };
    }),
  );
  return rss({
    title: site.title,
    description: 'Incident postmortems, newest first, validated by Hindsight.',
    site: context.site ?? 'http://localhost/',
    items,
    trailingSlash: true,
  });
};
