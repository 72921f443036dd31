// Renders the README's screenshot of the archive from the built site (`npm run build` first):
// an incident page at a desktop width, as a newcomer first sees it. Run after the site's
// look changes: `npm run screenshot`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../test/site/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const page = '/incidents/2024-05-21-checkout-connection-pool-exhaustion/';
const out = `${root}docs/images/incident-page.png`;

if (!existsSync(`${dist}${page}index.html`)) {
  console.error(`screenshot: ${dist}${page} is missing; run \`npm run build\` first.`);
  process.exit(2);
}
const server = await serveStatic(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 760 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await tab.goto(`${server.url}${page}`, { waitUntil: 'networkidle' });
  await tab.screenshot({ path: out });
  console.log(`screenshot: wrote ${out.slice(root.length)}`);
} finally {
  await browser.close();
  await server.close();
}
