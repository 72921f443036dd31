// Hosting in a subfolder (Astro's `base`, e.g. a GitHub Pages project site at /incidents/):
// the pages link from the site's root ("/incidents/x/", "/rss.xml", "/pagefind/…"); the
// middleware (base-middleware.ts), added by the integration only when `base` is not "/",
// puts the base in front of every root-relative link of a page (and of the site's absolute
// links in the feed and the JSON index), so the pages need not know where the site is
// hosted. Astro's own asset URLs already carry the base and are left alone.

const ASSETS = '_astro';

/** `text` (HTML, XML or JSON) with the base put into its links. `base` has no trailing slash; `site` is the site's origin, or null. */
export function withBase(text: string, kind: 'html' | 'other', base: string, site: string | null): string {
  if (base === '' || base === '/') return text;
  let out = text;
  if (kind === 'html') {
    // href="/x", src="/x", action="/x" (not "//host/x", not Astro's base-carrying assets).
    out = out.replace(/(\s(?:href|src|action|poster)=)(["'])\/(?!\/)/gi, (match, attribute: string, quote: string, offset: number) =>
      text.startsWith(`${base}/${ASSETS}/`, offset + match.length - 1) ? match : `${attribute}${quote}${base}/`,
    );
  }
  if (site) {
    const origin = site.replace(/\/+$/, '');
    out = out.replaceAll(`${origin}/`, `${origin}${base}/`);
  }
  return out;
}
