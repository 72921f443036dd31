// The site's Astro integration (`import hindsight from 'hindsight-postmortems/astro'`): hands
// the site options to the loader and the pages (`virtual:hindsight/site`), starts linting the
// archive in worker threads as a build begins (shared/work.ts), and after the build puts the
// search index that Pagefind wrote meanwhile (or the last build's, when no document changed)
// into the site, failing the build on any indexing error (shared/search.ts).
//
// Where the site's pages and content collections come from (docs/site.md, "Your own archive"):
//  - a project with no source folder of its own (only its postmortems): the site's folder
//    (this file's) becomes Astro's `srcDir`, pages and content configuration included;
//  - a project with its own pages: the site's pages are injected as routes (`injectRoute`,
//    entry points inside this package, as Starlight does) and its src/content.config.ts
//    defines the collections with the loaders of `hindsight-postmortems/astro/loaders`.
// With a `base` (hosting in a subfolder) a middleware puts it into every link (base-middleware.ts).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFolder } from './shared/entry-html.ts';
import { relatedCacheFile } from './shared/related-cache.ts';
import { resolveSiteOptions, setSiteRuntime, type SiteOptionsInput, type SiteRuntime } from './shared/options.ts';
import { finishSearchIndex } from './shared/search.ts';
import { startArchiveWork } from './shared/work.ts';

const VIRTUAL = 'virtual:hindsight/site';
/** The site's own folder: src/site in the sources, lib/site in the package. */
const SITE_DIR = path.dirname(fileURLToPath(import.meta.url));
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const CONTENT_CONFIGS = ['content.config.ts', 'content.config.mts', 'content.config.js', 'content.config.mjs'];

/** Thrown for a project the integration cannot serve as it is; the message says what to add. */
export class SiteSetupError extends Error {
  override name = 'SiteSetupError';
}

export function hindsightSite(given: SiteOptionsInput = {}): AstroIntegration {
  return {
    name: 'hindsight-site',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, injectRoute, addMiddleware }) => {
        const root = fileURLToPath(config.root);
        const options = resolveSiteOptions(given, process.env, root);
        const cacheDir = fileURLToPath(config.cacheDir);
        // A build keeps the rendered postmortems (shared/entry-html.ts) and the related
        // incidents (shared/related-cache.ts) there.
        const build = command === 'build';
        const runtime: SiteRuntime = {
          ...options,
          command,
          base: config.base,
          routes: null,
          htmlDir: build ? htmlFolder(cacheDir) : null,
          relatedCache: build ? relatedCacheFile(cacheDir) : null,
        };
        setSiteRuntime(runtime);
        const srcDir = path.resolve(fileURLToPath(config.srcDir));
        if (srcDir !== SITE_DIR) {
          if (!hasOwnSite(srcDir)) updateConfig({ srcDir: pathToFileURL(`${SITE_DIR}${path.sep}`) });
          else {
            if (!CONTENT_CONFIGS.some((name) => existsSync(path.join(srcDir, name))))
              throw new SiteSetupError(
                `${path.relative(root, srcDir) || '.'} has pages of its own but no content.config.ts: create ${path.join(path.relative(root, srcDir), 'content.config.ts')} that defines the collections postmortems and rules with the loaders of 'hindsight-postmortems/astro/loaders' (see Hindsight's docs/site.md, "With your own astro.config").`,
              );
            const routes = siteRoutes();
            for (const route of routes) injectRoute(route);
            // The project's own pages keep their links as they are (base-middleware.ts).
            runtime.routes = routes.map((route) => route.pattern);
          }
        }
        if (config.base.replace(/\/+$/, '') !== '') addMiddleware({ order: 'post', entrypoint: pathToFileURL(path.join(SITE_DIR, `base-middleware${EXT}`)) });
        // Lint and render the postmortems in worker threads while Astro starts up; the
        // content loader takes the results (shared/work.ts).
        if (build) startArchiveWork(root, options.content, cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'hindsight-site-options',
                resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(runtime)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, reused } = await finishSearchIndex(fileURLToPath(dir));
        logger.info(reused ? `pagefind: reused the index of ${pages} pages (no postmortem changed)` : `pagefind: indexed ${pages} pages`);
      },
    },
  };
}

export default hindsightSite;

/** A source folder with pages or content collections of its own. */
function hasOwnSite(srcDir: string): boolean {
  return existsSync(path.join(srcDir, 'pages')) || CONTENT_CONFIGS.some((name) => existsSync(path.join(srcDir, name)));
}

/** Every page of the site as an injected route: its pattern from its path under pages/, as Astro's file routing reads it. */
export function siteRoutes(pagesDir = path.join(SITE_DIR, 'pages')): { pattern: string; entrypoint: URL }[] {
  const routes: { pattern: string; entrypoint: URL }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(?:astro|ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const relative = path.relative(pagesDir, full).split(path.sep).join('/');
        const pattern = `/${relative.replace(/\.(?:astro|ts|js)$/, '').replace(/(^|\/)index$/, '')}`;
        routes.push({ pattern: pattern === '/' ? '/' : pattern.replace(/\/$/, ''), entrypoint: pathToFileURL(full) });
      }
    }
  };
  walk(pagesDir);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
