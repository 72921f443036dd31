// Random Markdown (see fuzz-markdown.test.ts) linted with a configured default zone, which
// takes the time readers down other paths.
import { describe, it } from 'vitest';
import { fuzzMarkdown, MARKDOWN_RUNS } from './fuzz.ts';
import { FUZZ } from './helpers.ts';

describe("random Markdown, the configuration's zone Europe/Berlin", () => {
  it(`gives findings or one fatal finding, never an error, within the time bound (${MARKDOWN_RUNS * FUZZ} cases)`, { timeout: 600_000 * FUZZ }, async () => {
    await fuzzMarkdown('Europe/Berlin', 'zone Europe/Berlin');
  });
});
