// The archive site. Its sources live in src/site; its content comes from the postmortems
// folder through Hindsight's own parser and linter (src/site/content.config.ts).
//
// Settings (each also from the environment):
//   site     HINDSIGHT_SITE_URL   the site's public URL (RSS links)
//   editUrl  HINDSIGHT_EDIT_URL   edit link pattern, {path} = the file's path in the repository
//   lineUrl  HINDSIGHT_LINE_URL   link to one line, {path} and {line} (default: derived from editUrl)
//   content  HINDSIGHT_CONTENT    the postmortems folder (default: the linter configuration's)
//   outDir   HINDSIGHT_OUT_DIR    where the site is written (default dist/)
import { defineConfig } from 'astro/config';
import { hindsightSite } from './src/site/integration.ts';

export default defineConfig({
  srcDir: './src/site',
  outDir: process.env.HINDSIGHT_OUT_DIR || './dist',
  site: process.env.HINDSIGHT_SITE_URL || 'https://postmortems.example.internal',
  trailingSlash: 'ignore',
  // Pages are written while the next ones render: one page at a time (Astro's default) left
  // the main thread waiting on each page's folder and file for about half the pages phase.
  build: { concurrency: 4 },
  integrations: [
    hindsightSite({
      // editUrl: 'https://github.com/your-org/postmortems/edit/main/{path}',
      // lineUrl: 'https://github.com/your-org/postmortems/blob/main/{path}#L{line}',
    }),
  ],
});
