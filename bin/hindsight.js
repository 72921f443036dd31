#!/usr/bin/env node
// Hindsight's sources are TypeScript run by Node's own type stripping (Node ≥ 22.18).
// Started by an older Node (a hook calling node_modules/.bin/hindsight directly), hand
// over to the Node 24 the project pins as a devDependency.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

if (process.features.typescript) {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} else {
  let pinned = null;
  try {
    const require = createRequire(import.meta.url);
    pinned = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
  } catch {}
  if (!pinned) {
    process.stderr.write(`hindsight: needs Node 22.18 or newer (this is ${process.version}). Run it through npm (npx hindsight …) after npm install, which brings Node 24.\n`);
    process.exit(2);
  }
  const result = spawnSync(pinned, [process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 2);
}
