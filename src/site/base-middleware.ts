// The middleware that puts Astro's `base` into every link of the site (base-links.ts). The
// base comes from the integration (the site options' virtual module), not from
// import.meta.env, which a BASE_URL variable in the environment would override.
import type { MiddlewareHandler } from 'astro';
import site from 'virtual:hindsight/site';
import { withBase } from './base-links.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const base = site.base.replace(/\/+$/, '');
  const type = response.headers.get('content-type') ?? '';
  const path = context.url.pathname;
  const html = type.includes('text/html') || /\/$|\.html$/.test(path);
  const other = /xml|json/.test(type) || /\.(?:xml|json)$/.test(path);
  // Only the site's own pages: a project's pages beside them (injected routes) write their links themselves.
  if (base === '' || (!html && !other) || (site.routes && !site.routes.includes(context.routePattern))) return response;
  const text = withBase(await response.text(), html ? 'html' : 'other', base, context.site ? context.site.origin : null);
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
};
