// The second half of the corpus: see fuzz-corpus.test.ts.
import { describe, it } from 'vitest';
import { fuzzCorpus, MUTATIONS_PER_FILE } from './fuzz.ts';
import { corpus, FUZZ, SKIP_CORPUS } from './helpers.ts';

const files = corpus().filter((_, i) => i % 2 === 1);

describe.skipIf(SKIP_CORPUS)('mutations of the corpus (second half)', () => {
  it(`give findings or one fatal finding, never an error, within the time bound (${files.length * MUTATIONS_PER_FILE * FUZZ} cases)`, {
    timeout: 600_000 * FUZZ,
  }, async () => {
    await fuzzCorpus(files, 'second half');
  });
});
