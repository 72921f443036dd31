// Hosting in a subfolder: every root-relative link of a page gets the base, Astro's own
// assets (which carry it already) are left alone, and the feed's absolute links get it too.
import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/site/base-links.ts';
import { siteRoutes } from '../../src/site/integration.ts';

describe('withBase', () => {
  it('puts the base in front of root-relative links, sources and form actions', () => {
    const page =
      '<link href="/incidents/_astro/site.css" rel="stylesheet"><a href="/">Home</a> <a href="/incidents/x/">X</a> ' +
      '<script src="/pagefind/pagefind-ui.js"></script><form action="/search/"></form><a href="//cdn.example/a">cdn</a> <a href="#top">top</a> <a href="https://acme.dev/">out</a>';
    expect(withBase(page, 'html', '/incidents', null)).toBe(
      '<link href="/incidents/_astro/site.css" rel="stylesheet"><a href="/incidents/">Home</a> <a href="/incidents/incidents/x/">X</a> ' +
        '<script src="/incidents/pagefind/pagefind-ui.js"></script><form action="/incidents/search/"></form><a href="//cdn.example/a">cdn</a> <a href="#top">top</a> <a href="https://acme.dev/">out</a>',
    );
  });

  it("puts it into the site's absolute links of the feed, and changes nothing without a base", () => {
    const feed = '<link>https://acme.github.io/</link><link>https://acme.github.io/incidents/a/</link><link>https://other.example/x</link>';
    expect(withBase(feed, 'other', '/incidents', 'https://acme.github.io')).toBe(
      '<link>https://acme.github.io/incidents/</link><link>https://acme.github.io/incidents/incidents/a/</link><link>https://other.example/x</link>',
    );
    expect(withBase('<a href="/x/">x</a>', 'html', '', 'https://acme.github.io')).toBe('<a href="/x/">x</a>');
  });
});

describe('siteRoutes', () => {
  it("names every page of the site as Astro's file routing would", () => {
    const patterns = siteRoutes().map((r) => r.pattern);
    for (const pattern of ['/', '/404', '/incidents/[...slug]', '/rss.xml', '/index.json', '/search', '/services/[service]'])
      expect(patterns).toContain(pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});
