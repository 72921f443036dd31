// Random Markdown made of what postmortems are made of (headings in every spelling, lists,
// tables, code, HTML, frontmatter, times, emphasis, links) and of what gets pasted into
// them (control characters, lone surrogates, bidirectional marks, odd line endings). Every
// case must give findings, or one fatal finding, and never an internal error, within the
// time bound per megabyte. fast-check prints the seed and path of a failing case; replay it
// with HINDSIGHT_FUZZ_SEED=<seed>, and keep it in regressions.test.ts. (The same with a
// configured zone: fuzz-markdown-zone.test.ts, a file of its own to run beside this one.)
import { describe, it } from 'vitest';
import { fuzzMarkdown, MARKDOWN_RUNS } from './fuzz.ts';
import { FUZZ } from './helpers.ts';

describe('random Markdown, no configured zone', () => {
  it(`gives findings or one fatal finding, never an error, within the time bound (${MARKDOWN_RUNS * FUZZ} cases)`, { timeout: 600_000 * FUZZ }, async () => {
    await fuzzMarkdown(null, 'no configured zone');
  });
});
