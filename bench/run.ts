// `npm run bench`: every benchmark, each reported as ratios against a baseline measured in
// the same run. `npm run bench -- model` runs one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchModel } from './model.ts';
import { benchScale, printScale } from './scale.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const which = new Set(process.argv.slice(2));
const wanted = (name: string): boolean => which.size === 0 || which.has(name);
const results: Record<string, unknown> = {};

if (wanted('model')) {
  const dirs = [`${root}postmortems`, `${root}../shared/corpus/public`];
  const r = benchModel(dirs);
  results['model'] = r;
  console.log(`model: ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KiB, ${r.rounds} interleaved rounds (median per round)`);
  console.log(`  bare mdast-util-from-markdown   ${r.medianMs.bare.toFixed(1)} ms   1.00×`);
  console.log(`  unified + remark-parse          ${r.medianMs.unified.toFixed(1)} ms   ${r.ratio.unified.toFixed(3)}×`);
  console.log(`  Hindsight model (buildModel)    ${r.medianMs.model.toFixed(1)} ms   ${r.ratio.model.toFixed(3)}×   (target ≤ 1.15×)`);
}

if (wanted('scale')) {
  const files = Number(process.env['BENCH_FILES'] ?? 10_000);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 1);
  const r = benchScale(files, rounds);
  results['scale'] = r;
  printScale(r);
}

mkdirSync(`${root}bench/out`, { recursive: true });
writeFileSync(`${root}bench/out/results.json`, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
console.log('results written to bench/out/results.json');
