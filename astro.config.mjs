// The archive site of THIS repository (its sample postmortems): `npm run build|dev|preview`.
// Its sources live in src/site; its content comes from the postmortems folder through
// Hindsight's own parser and linter (src/site/content.config.ts). Another team's repository
// uses the packaged site instead: `npx hindsight site build`, or the integration
// `hindsight-postmortems/astro` in its own astro.config (docs/site.md).
//
// Settings (each also from the environment):
//   site     HINDSIGHT_SITE_URL   the site's public URL (RSS links)
//   editUrl  HINDSIGHT_EDIT_URL   edit link pattern, {path} = the file's path in the repository
//                                 (default: from the repository's `origin` remote; none without one)
//   lineUrl  HINDSIGHT_LINE_URL   link to one line, {path} and {line} (default: derived from editUrl)
//   content  HINDSIGHT_CONTENT    the postmortems folder (default: the linter configuration's)
//   baseline HINDSIGHT_BASELINE   a baseline file: the findings it records do not fail the build
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
      // This repository's own links: a copy of it (the tests' temporary projects) has no remote to read them from.
      editUrl: process.env.HINDSIGHT_EDIT_URL || 'https://github.com/hindsight-postmortems/hindsight/edit/main/{path}',
    }),
  ],
});
