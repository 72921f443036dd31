// The site's own work on an archive, alone: lint + model + sanitized HTML of each file
// (processFile, as the site's worker threads run it), in a fresh process so that it starts
// as cold as a build's threads do. Prints the milliseconds spent on the files (the stack's
// loading excluded). `node bench/site-work.ts DIR [FROM] [TO]` processes files FROM..TO-1.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/lint/config/load.ts';
import { loadRules } from '../src/lint/registry.ts';
import { createLinter } from '../src/lint/linter.ts';
import { processFile } from '../src/site/shared/process.ts';

const [dir, from = '0', to] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/site-work.ts DIR [FROM] [TO]');
const names = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(Number(from), to === undefined ? undefined : Number(to));
const jobs = names.map((name) => ({
  file: path.join(dir, name),
  source: readFileSync(path.join(dir, name), 'utf8'),
  boundary: dir,
  root: process.cwd(),
  slug: name.slice(0, -3),
  sourcePath: name,
  lastUpdated: { iso: new Date(0).toISOString(), from: 'mtime' as const },
}));
const rules = await loadRules();
const linter = createLinter(loadConfig({ cwd: process.cwd() }, rules), rules, new Date());
const started = performance.now();
for (const job of jobs) processFile(linter, job);
console.log(Math.round(performance.now() - started));
