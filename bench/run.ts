// `npm run bench`: every benchmark, each reported as ratios against a baseline measured in
// the same run. `npm run bench -- model` runs one; `npm run bench -- scale --full` runs the
// scale benchmark at 2,000 postmortems per corpus (docs/performance.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchModel } from './model.ts';
import { benchSite, printSite } from './site.ts';
import { benchScale, printScale } from './scale.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const which = new Set(args.filter((a) => !a.startsWith('--')));
const wanted = (name: string): boolean => which.size === 0 || which.has(name);
const results: Record<string, unknown> = {};

if (wanted('model')) {
  const dirs = [`${root}postmortems`, `${root}../shared/corpus/public`];
  const r = benchModel(dirs);
  results.model = r;
  console.log(`model: ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KiB, ${r.rounds} interleaved rounds (median per round)`);
  console.log(`  bare mdast-util-from-markdown   ${r.medianMs.bare.toFixed(1)} ms   1.00×`);
  console.log(`  unified + remark-parse          ${r.medianMs.unified.toFixed(1)} ms   ${r.ratio.unified.toFixed(3)}×`);
  console.log(
    `  Hindsight parse (parseMarkdown) ${r.medianMs.parse.toFixed(1)} ms   ${r.ratio.parse.toFixed(3)}×   (same tree, only the extensions a text can use)`,
  );
  console.log(
    `  Hindsight model (buildModel)    ${r.medianMs.model.toFixed(1)} ms   ${r.ratio.model.toFixed(3)}×   (target ≤ 1.25×; ${r.ratio.modelOverParse.toFixed(3)}× its own parse)`,
  );
}

if (wanted('scale')) {
  // A size a shared 2-core machine runs in minutes; --full is issue 15's 2,000 per corpus.
  const files = Number(process.env.BENCH_FILES ?? (flags.has('--full') ? 2_000 : 500));
  const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
  const only = (process.env.BENCH_CORPORA ?? '').split(',').filter(Boolean);
  const r = benchScale({ files, rounds, only, huge: !flags.has('--no-huge') });
  results.scale = r;
  printScale(r);
}

if (wanted('hook')) {
  const { benchHook, printHook } = await import('./hook.ts');
  const r = benchHook(root, { rounds: Number(process.env.BENCH_ROUNDS ?? 15) });
  results.hook = r;
  printHook(r);
}

if (wanted('site')) {
  const r = await benchSite({ count: 1000, log: (line) => console.log(line) });
  results.site = r;
  printSite(r);
}

mkdirSync(`${root}bench/out`, { recursive: true });
writeFileSync(`${root}bench/out/results.json`, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
console.log('results written to bench/out/results.json');
