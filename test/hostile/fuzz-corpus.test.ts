// Mutations of every file of the public corpus, on its bytes: truncated at any byte, NUL and
// invalid UTF-8 inserted, bytes flipped, lines duplicated, deleted and swapped, lists and
// block quotes nested thousands deep, thousands of headings, emphasis and HTML runs, long
// single lines, CR LF and lone CR, a BOM (UTF-8 or UTF-16), tabs, right-to-left marks, and
// pieces of other files spliced in. Decoded as the CLI decodes them. Each case: findings or
// one fatal finding, never an internal error, within the time bound per megabyte. The
// corpus is split in two files so that both halves run at once.
import { describe, it } from 'vitest';
import { fuzzCorpus, MUTATIONS_PER_FILE } from './fuzz.ts';
import { corpus, FUZZ, SKIP_CORPUS } from './helpers.ts';

const files = corpus().filter((_, i) => i % 2 === 0);

describe.skipIf(SKIP_CORPUS)('mutations of the corpus (first half)', () => {
  it(`give findings or one fatal finding, never an error, within the time bound (${files.length * MUTATIONS_PER_FILE * FUZZ} cases)`, {
    timeout: 600_000 * FUZZ,
  }, async () => {
    await fuzzCorpus(files, 'first half');
  });
});
