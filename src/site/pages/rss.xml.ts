// The feed: the newest FEED_SIZE incidents, with their rendered (sanitized) postmortems. A
// feed reader polls for what is new; the archive itself is the site and /index.json, so the
// feed does not carry every postmortem ever written (1,000 of them made a 10 MB file fetched
// on every poll). Every field goes through `xmlText`: a character XML 1.0 forbids (a pasted
// coloured log's ESC) would make the whole feed unreadable, escaped or not.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import site from 'virtual:hindsight/site';
import { allIncidents, renderedHtml } from '../data.ts';
import { xmlText } from '../shared/text.ts';

/** Feed readers may read a title as HTML: leave markup-like text out of titles and summaries. */
const plain = (text: string): string =>
  xmlText(text)
    .replace(/<[^>]*>?/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** How many incidents the feed carries, newest first. */
const FEED_SIZE = 50;

export const GET: APIRoute = async (context) => {
  const incidents = (await allIncidents()).slice(0, FEED_SIZE);
  const items = await Promise.all(
    incidents.map(async (incident) => {
      const entry = await getEntry('postmortems', incident.slug);
      const html = entry ? renderedHtml(entry) : undefined;
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
    description: `The newest incident postmortems (up to ${FEED_SIZE}), validated by Hindsight.`,
    site: context.site ?? 'http://localhost/',
    items,
    trailingSlash: true,
  });
};
