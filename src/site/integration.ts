// The site's Astro integration: hands the site options to the loader and the pages
// (`virtual:hindsight/site`), starts linting the archive in worker threads as a build begins
// (shared/work.ts), and after the build puts the search index that Pagefind wrote meanwhile
// (or the last build's, when no document changed) into the site, failing the build on any
// indexing error (shared/search.ts).
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveSiteOptions, setSiteRuntime, type SiteOptions } from './shared/options.ts';
import { finishSearchIndex } from './shared/search.ts';
import { startArchiveWork } from './shared/work.ts';

const VIRTUAL = 'virtual:hindsight/site';

export function hindsightSite(given: Partial<SiteOptions> = {}): AstroIntegration {
  const options = resolveSiteOptions(given);
  return {
    name: 'hindsight-site',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const runtime = { ...options, command };
        setSiteRuntime(runtime);
        // Lint and render the postmortems in worker threads while Astro starts up; the
        // content loader takes the results (shared/work.ts).
        if (command === 'build') startArchiveWork(fileURLToPath(config.root), options.content, fileURLToPath(config.cacheDir));
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
