// directives: the engine reports, under this rule, unknown rule ids in directives and
// directives that disabled nothing. With another rule active, directives that suppress its
// findings are used and not reported.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const both = { directives: {}, 'timeline-order': {} };
const lint = async (md: string, only: Record<string, Record<string, unknown>> = both) =>
  (await lintText(md, { only })).map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.message}`);

// Line 5 is out of order (10:05 after 10:20).
const timeline = (directive: string) =>
  lines('## Timeline (all times UTC)', '', '- 10:00 Alert fired', '- 10:20 Rollback started', ...(directive ? [directive] : []), '- 10:05 Paged');

describe('directives', () => {
  it('a disable-next-line that suppresses a finding is used: nothing is reported', async () => {
    expect(await lint(timeline('<!-- hindsight-disable-next-line timeline-order -- the log was late -->'))).toEqual([]);
  });

  it('without the directive the finding stands', async () => {
    expect(await lint(timeline(''))).toEqual([expect.stringMatching(/^timeline-order@5:/)]);
  });

  it('a directive for another rule suppresses nothing and is reported, and the finding stands', async () => {
    expect(await lint(timeline('<!-- hindsight-disable-next-line no-pii -->'))).toEqual([
      'directives@5:1 This hindsight-disable-next-line directive disabled nothing (no finding of no-pii on line 6): remove it.',
      expect.stringMatching(/^timeline-order@6:/),
    ]);
  });

  it('an unknown rule id is reported once, not also as unused', async () => {
    expect(await lint(timeline('<!-- hindsight-disable-next-line timeline-ordre -->'))).toEqual([
      'directives@5:1 Unknown rule "timeline-ordre" in a hindsight-disable-next-line directive: `hindsight rules` lists the rule ids.',
      expect.stringMatching(/^timeline-order@6:/),
    ]);
  });

  it('block disable and enable: a used block is fine, enable is never reported', async () => {
    const md = lines(
      '<!-- hindsight-disable timeline-order -->',
      '## Timeline (all times UTC)',
      '',
      '- 10:20 Rollback',
      '- 10:05 Paged',
      '<!-- hindsight-enable timeline-order -->',
    );
    expect(await lint(md)).toEqual([]);
  });

  it('a disable with no rule ids that disabled nothing says "any rule"', async () => {
    expect(await lint(lines('<!-- hindsight-disable -->', '## Timeline (all times UTC)', '', '- 10:00 Alert'))).toEqual([
      'directives@1:1 This hindsight-disable directive disabled nothing (no finding of any rule after it): remove it.',
    ]);
  });

  it("disable-line on the finding's own line", async () => {
    const md = lines(
      '## Timeline (all times UTC)',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 10:20 | Rollback |',
      '| 10:05 | Paged <!-- hindsight-disable-line timeline-order --> |',
    );
    expect(await lint(md)).toEqual([]);
  });

  it("takes its severity from the rule's setting", async () => {
    const findings = await lintText(lines('<!-- hindsight-disable-next-line no-such-rule -->', 'Text.'), { config: { rules: { directives: 'error' } } });
    expect(findings.filter((f) => f.ruleId === 'directives').map((f) => f.severity)).toEqual([2]);
  });

  it('reports nothing when the directives rule is off, yet still applies directives', async () => {
    expect(await lint(timeline('<!-- hindsight-disable-next-line timeline-order -->'), { 'timeline-order': {} })).toEqual([]);
    expect(await lint(timeline('<!-- hindsight-disable-next-line no-such-rule -->'), { 'timeline-order': {} })).toEqual([
      expect.stringMatching(/^timeline-order@6:/),
    ]);
  });
});
