// The archive site. Its sources live in src/site; its content comes from the postmortems
// folder through Hindsight's own parser (src/site/content.config.ts).
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './src/site',
  outDir: './dist',
  site: 'https://postmortems.example.internal',
  trailingSlash: 'ignore',
});
