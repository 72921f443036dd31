// The example runner behind test/rules.test.ts and the rule pages: an example's output is
// each finding's place and message id, compared with what the example states exactly.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/engine.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { md, type RuleExample } from '../../src/lint/rule.ts';
import { lintExample, normalizeExpected, outputOf } from '../../src/report/rule-examples.ts';
import { rulePages } from '../../src/report/rule-docs.ts';

const rules = await loadRules();
const timelineOrder = rules.get('timeline-order')!;
const example: RuleExample = {
  title: 'two entries out of order',
  markdown: md`
    ## Timeline (all times UTC)

    - 10:00 Alert fired
    - 10:20 Rollback started
    - 10:05 Paged
    - 03:00 Review
  `,
};

describe('rule examples', () => {
  it('gives one line per finding: its place, then its message id (or, without one, its message)', () => {
    const byId: Finding = { ruleId: 'r', severity: 2, message: 'Text.', messageId: 'kind', line: 5, column: 3, endLine: 5, endColumn: 31 };
    const own: Finding = { ruleId: 'r', severity: 1, message: 'Own text.', line: 1, column: 1, endLine: 2, endColumn: 4 };
    expect(outputOf([byId, own])).toBe('5:3-5:31 kind\n1:1-2:4 Own text.');
    expect(outputOf([])).toBe('');
  });

  it("reads a stated output without its template literal's indentation and blank lines", () => {
    expect(normalizeExpected('\n          5:3-5:31 earlier\n\n          6:3-6:17 earlier\n        ')).toBe('5:3-5:31 earlier\n6:3-6:17 earlier');
  });

  it("tells a right statement of an example's output from a wrong one", () => {
    const output = outputOf(lintExample(timelineOrder, example, rules));
    expect(output).toBe(
      normalizeExpected(`
      5:3-5:14 earlier
      6:3-6:15 earlierOrLaterDay
    `),
    );
    for (const wrong of ['5:3-5:14 earlier', '5:3-5:14 earlier\n6:3-6:15 earlier', '5:3-5:14 earlier\n6:4-6:15 earlierOrLaterDay']) {
      expect(output).not.toBe(normalizeExpected(wrong));
    }
  });

  it('shows each flagged example on its rule page with the output as the linter prints it', () => {
    const page = rulePages(rules).get('timeline-order.md')!;
    expect(page).toContain('| `earlierNewestFirst` |');
    expect(page).toContain(
      '```text\n5:3-5:31 earlier: 10:05 (line 5) is earlier than 10:20 on line 4: move this entry above line 4, or correct its time.\n```',
    );
  });
});
