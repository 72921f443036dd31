#!/usr/bin/env node
// Starts Hindsight from the TypeScript sources or from the bundled build, whichever fits:
//
//   src/ (run by Node's type stripping)  in a checkout of the repository, when this Node strips
//                                        types (≥ 22.18): no build step, never stale;
//   lib/ (bundled by `npm run build:lib`, which `prepare` runs on `npm install` and `npm pack`)
//                                        in an installed copy (inside node_modules, where Node
//                                        does not strip types), and in a checkout started by an
//                                        older Node (≥ 20) while lib/ is as new as its sources;
//   src/ under the pinned Node 24        in a checkout started by an older Node when lib/ is
//                                        missing or older than its sources (re-exec; a little slower).
//
// HINDSIGHT_FROM=src|lib forces one (benchmarks and tests of the bundled path).
// Start-up is the hot path of a pre-commit hook: this file loads only node: builtins and turns
// on Node's compile cache, which keeps the type-stripped sources and V8's code cache on disk.
// Not in Node's default place, os.tmpdir()/node-compile-cache: another user of the machine
// could make that folder first and plant an entry that the next `hindsight` runs. It goes in
// this user's own checked cache folder (bin/private-folder.js), or nowhere. NODE_COMPILE_CACHE
// (Node turns it on before this file runs) and NODE_DISABLE_COMPILE_CACHE=1 are respected.
import { existsSync, readFileSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { userCacheFolder } from './private-folder.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcMain = path.join(root, 'src', 'cli', 'main.ts');
const libMain = path.join(root, 'lib', 'hindsight.js');
const installed = root.split(path.sep).includes('node_modules');
const strips = Boolean(process.features.typescript);
const forced = process.env.HINDSIGHT_FROM;

const entry = await chooseEntry();
if (entry === 'reexec') await reexecPinnedNode();
else if (entry === null)
  fail(`hindsight: the bundled build is missing (${path.relative(process.cwd(), libMain)}). Reinstall the package, or run \`npm run build:lib\` in ${root}.`);
else {
  enableCompileCache();
  // `hindsight … | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  // src/cli/main.ts (or its bundle): the one argument parser and the commands.
  const { main } = await import(pathToFileURL(entry).href);
  process.exitCode = await main(process.argv.slice(2));
}

/** The file to run in this process, 'reexec' to hand over to the pinned Node 24, or null when there is neither. */
async function chooseEntry() {
  const fromSrc = () => (strips ? srcMain : 'reexec');
  if (forced === 'src') return fromSrc();
  if (forced === 'lib') return libMain;
  const hasSrc = existsSync(srcMain);
  if (!installed && strips && hasSrc) return srcMain;
  if (existsSync(libMain) && (installed || !hasSrc || !(await staleBuild()))) return libMain;
  return hasSrc ? 'reexec' : null;
}

/**
 * True when the bundled build is older than its sources: one of them (bin/sources.js: src/
 * but the site, rules/, schema/) is newer than it, or one was added or removed since.
 */
async function staleBuild() {
  try {
    const { listSources } = await import('./sources.js');
    const built = statSync(libMain).mtimeMs;
    const recorded = JSON.parse(readFileSync(path.join(root, 'lib', 'sources.json'), 'utf8'));
    const sources = listSources(root);
    if (sources.length !== recorded.length || sources.some((file, i) => file !== recorded[i])) return true;
    return sources.some((file) => statSync(path.join(root, file)).mtimeMs > built);
  } catch {
    return true;
  }
}

function enableCompileCache() {
  if (!module.enableCompileCache || process.env.NODE_DISABLE_COMPILE_CACHE || process.env.NODE_COMPILE_CACHE) return;
  const folder = userCacheFolder();
  if (folder) module.enableCompileCache(path.join(folder, 'compile-cache'));
}

/** Hands over to the Node 24 the repository pins as a devDependency (a checkout after `npm install`). */
async function reexecPinnedNode() {
  let pinned = null;
  try {
    pinned = path.join(path.dirname(module.createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {}
  if (!pinned || !existsSync(pinned)) {
    fail(
      `hindsight: needs Node 22.18 or newer to run from src/ (this is ${process.version}). Run \`npm install\` (it brings Node 24 and builds lib/), or \`npm run build:lib\`.`,
    );
  }
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, HINDSIGHT_FROM: 'src' },
  });
  process.exit(result.status ?? 2);
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
