// The site's Astro integration: hands the site options to the loader and the pages
// (`virtual:hindsight/site`), and after the build indexes the pages with Pagefind's Node API,
// failing the build on any indexing error (Pagefind returns errors instead of throwing).
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { resolveSiteOptions, setSiteRuntime, type SiteOptions } from './shared/options.ts';

const VIRTUAL = 'virtual:hindsight/site';

export function hindsightSite(given: Partial<SiteOptions> = {}): AstroIntegration {
  const options = resolveSiteOptions(given);
  return {
    name: 'hindsight-site',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const runtime = { ...options, command };
        setSiteRuntime(runtime);
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
        await buildSearchIndex(fileURLToPath(dir), (message) => logger.info(message));
      },
    },
  };
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Pagefind over the built site: the incident pages (marked `data-pagefind-body`). */
export async function buildSearchIndex(outDir: string, log: (message: string) => void = () => {}): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ') || 'no index'}`);
    // Only incident pages carry data-pagefind-body: reading the others would find nothing.
    const added = await index.addDirectory({ path: outDir, glob: 'incidents/**/*.html' });
    if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new SearchIndexError(`Pagefind found no page to index in ${outDir}.`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    log(`pagefind: indexed ${added.page_count} pages`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
