// Inputs that once made Hindsight slow or wrong, found by the fuzz and linear-time suites,
// kept so that they stay fixed. Each is linted with every rule on: findings or one fatal
// finding, never an internal error, within the fuzz suite's time bound per megabyte (the
// times in the comments are those of the code before the fix, on this 2-core machine).
// A failure of the fuzz suite prints its seed: replay it with HINDSIGHT_FUZZ_SEED=<seed>,
// and add the input it prints here.
import { describe, expect, it } from 'vitest';
import { brokenInvariant, boundMs, everyRuleLinter, timedLint } from './helpers.ts';

const N = 20_000;

interface Case {
  name: string;
  source: string;
  /** What the findings must (or must not) hold, beyond the invariants. */
  expect?: (findings: { ruleId: string; message: string }[]) => void;
}

const CASES: Case[] = [
  {
    // no-placeholder's list-item pattern took "**" or "*" for each pair of stars, ways that
    // grow 1.6 times a star (40 stars: 2.1 s; 44: about 14 s).
    name: 'a list item of 44 stars before TODO (exponential)',
    source: `## Timeline\n\n- ${'*'.repeat(44)}x TODO\n`,
  },
  {
    // no-placeholder's label pattern: two runs of blanks side by side (11.8 s).
    name: 'a label with 20,000 spaces before its colon',
    source: `## Summary\n\n- **Owner${' '.repeat(N)}x:** TBD\n`,
  },
  {
    // Action items: trailing metadata tried from every colon (4.9 s).
    name: 'an action item with a run of 20,000 colons',
    source: `## Corrective and Preventative Measures\n\n- Fix ${':'.repeat(N)}x @ana OPS-1\n`,
  },
  {
    // The same with slashes (1.9 s).
    name: 'an action item with a run of 20,000 slashes',
    source: `## Corrective and Preventative Measures\n\n- Fix ${'/'.repeat(N)}x\n`,
  },
  {
    // The heading classifier's trailing decoration (2.0 s).
    name: 'a heading with 10,000 " -" before its last word',
    source: `## Timeline ${'- '.repeat(N / 2)}x\n\n- 10:00 a\n`,
  },
  {
    // The archive index's heading pattern: a lazy text before an optional closing "#" (3.9 s).
    name: 'a heading with 20,000 spaces inside it',
    source: `## Root Cause${' '.repeat(N)}x and more\n\ntext\n`,
  },
  {
    // impact-quantified's money pattern, tried from every digit of a run (0.4 s).
    name: 'a run of 20,000 digits',
    source: `## Impact\n\n${'1'.repeat(N)} x\n`,
  },
  {
    // no-pii took the end of a URL's password ("ss@cache…" of "redis://:p!ss@cache…") for an
    // e-mail address, and showed it.
    name: 'a password in a URL is a secret, not an e-mail address',
    source: '## Root Cause\n\nThe job connected with `redis://:Tr0ub4dor!horse@cache.acme-corp.com:6379`.\n',
    expect: (findings) => {
      expect(findings.map((f) => f.ruleId)).toContain('no-secrets');
      expect(findings.map((f) => f.ruleId)).not.toContain('no-pii');
    },
  },
];

describe('kept regressions', async () => {
  const linter = await everyRuleLinter();
  for (const c of CASES) {
    it(c.name, () => {
      const { findings, ms } = timedLint(linter, c.source);
      expect(brokenInvariant(findings, c.source)).toBeNull();
      const bytes = Buffer.byteLength(c.source);
      expect(ms, `${ms.toFixed(0)} ms for ${bytes} bytes`).toBeLessThanOrEqual(boundMs(bytes));
      c.expect?.(findings);
    });
  }
});
