// Run counts of the generated-input tests, which `npm run test:fuzz` raises.

/**
 * How many times more cases to run: `npm run test:fuzz` sets HINDSIGHT_FUZZ=25 (about
 * 510,000 hostile-input cases and 200,000 documents for the fast Markdown reader); the
 * default run takes 1×.
 */
export const FUZZ = Math.max(1, Number(process.env.HINDSIGHT_FUZZ ?? 1) || 1);

/** A seed to replay a run (fast-check prints the seed and path of any failure). */
export const SEED = process.env.HINDSIGHT_FUZZ_SEED ? Number(process.env.HINDSIGHT_FUZZ_SEED) : undefined;
