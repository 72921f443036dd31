// The fuzz properties, shared by the fuzz test files (each file runs in a worker of its own).
import fc from 'fast-check';
import { expect } from 'vitest';
import { describeMutation, markdown, mutate, mutation } from './arbitraries.ts';
import { boundMs, brokenInvariant, corpus, decode, everyRuleLinter, FUZZ, SEED, Slowest, timedLint } from './helpers.ts';

/**
 * Random Markdown cases per fuzz-markdown file: 4,000 in `npm test` (about 15 s of CPU time
 * each), 9,500 × HINDSIGHT_FUZZ in `npm run test:fuzz` (237,500 per file at 25).
 */
export const MARKDOWN_RUNS = FUZZ > 1 ? 9_500 : 4_000;
/** Mutations of each corpus file in the default run; HINDSIGHT_FUZZ multiplies them. */
export const MUTATIONS_PER_FILE = 6;

/** Lints one case and throws (for fast-check to report with its seed) when it breaks a rule of the suite. */
function check(linter: Awaited<ReturnType<typeof everyRuleLinter>>, source: string, label: string, slowest: Slowest): void {
  const { findings, ms } = timedLint(linter, source);
  const bytes = Buffer.byteLength(source);
  slowest.add(label, bytes, ms);
  const broken = brokenInvariant(findings, source);
  if (broken) throw new Error(`${broken} (${label}) in ${JSON.stringify(source.slice(0, 1500))}`);
  if (ms > boundMs(bytes))
    throw new Error(
      `${ms.toFixed(0)} ms for ${bytes} bytes, over the bound of ${boundMs(bytes).toFixed(0)} ms (${label}): ${JSON.stringify(source.slice(0, 1500))}`,
    );
}

export async function fuzzMarkdown(zone: string | null, name: string): Promise<void> {
  const linter = await everyRuleLinter(zone);
  const slowest = new Slowest();
  fc.assert(
    fc.property(markdown, (source) => check(linter, source, 'random Markdown', slowest)),
    { numRuns: MARKDOWN_RUNS * FUZZ, seed: SEED },
  );
  console.log(slowest.summary(`fuzz, random Markdown (${name})`));
  expect(slowest.count).toBeGreaterThanOrEqual(MARKDOWN_RUNS * FUZZ);
}

/** Mutations of every corpus file, on its bytes, decoded as the CLI decodes them. */
export async function fuzzCorpus(files: ReturnType<typeof corpus>, name: string): Promise<void> {
  const linter = await everyRuleLinter();
  const others = corpus().map((f) => f.bytes);
  const slowest = new Slowest();
  for (const file of files) {
    fc.assert(
      fc.property(mutation, (m) => {
        const source = decode(mutate(file.bytes, m, others));
        check(linter, source, `${file.name}, ${describeMutation(m)}`, slowest);
      }),
      { numRuns: MUTATIONS_PER_FILE * FUZZ, seed: SEED },
    );
  }
  console.log(slowest.summary(`fuzz, corpus mutations (${name})`));
  expect(slowest.count).toBeGreaterThanOrEqual(files.length * MUTATIONS_PER_FILE * FUZZ);
}
