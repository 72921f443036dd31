#!/usr/bin/env node
// `npm run build|dev|preview`: Astro's own CLI, with Node's compile cache kept in this user's
// checked cache folder (bin/private-folder.js) instead of the shared temporary folder Astro's
// bin would use (os.tmpdir()/node-compile-cache), where another user of the machine could plant
// an entry that runs as the next build. With no trusted folder the cache is off.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { userCacheFolder } from '../bin/private-folder.js';

if (!process.env.NODE_COMPILE_CACHE && process.env.NODE_DISABLE_COMPILE_CACHE !== '1') {
  const folder = userCacheFolder();
  if (folder) process.env.NODE_COMPILE_CACHE = path.join(folder, 'compile-cache');
  else process.env.NODE_DISABLE_COMPILE_CACHE = '1';
}
// Astro's package exports do not include its bin: found through its package.json.
const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
await import(pathToFileURL(astro).href);
