// timezone: one finding for a document whose times have no zone and that names none; and the
// many ways a document (or its configuration) does give its zone.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';
import type { LintSettings } from '../../src/lint/rule.ts';
import { describeGrowth } from '../helpers/growth.ts';
import { clock, LARGE, lines, ruleGrowth, SMALL } from './time-rule-harness.ts';

const lint = async (md: string, settings?: Partial<LintSettings>) =>
  (await lintText(md, { only: { timezone: {} }, settings })).map((f) => ({ line: f.line, column: f.column, message: f.message }));

const HOW = 'declare one (e.g. "## Timeline (all times UTC)", `timezone: UTC` in the frontmatter, or "timezone" in the configuration).';

describe('timezone', () => {
  describe('reports', () => {
    it('once per document, at the first time without a zone', async () => {
      const md = lines(
        '# DB outage',
        '',
        '## Summary',
        '',
        'The database was down.',
        '',
        '## Timeline',
        '',
        '- 10:00 Alert fired',
        '- 10:20 Rollback started',
        '- 10:40 Recovered',
      );
      const findings = await lintText(md, { only: { timezone: {} } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'timezone', severity: 1, line: 9, column: 3, endLine: 9, endColumn: 20 });
      expect(findings[0]!.message).toBe(`Times here have no time zone (3 times, the first on line 9): ${HOW}`);
    });

    it('the start and end count, and stand first when they come first', async () => {
      const md = lines('## Summary', '', 'Start: 2024-05-10 10:00', 'End: 2024-05-10 11:00', '', '## Timeline', '', '- 10:00 Alert fired');
      expect(await lint(md)).toEqual([{ line: 3, column: 1, message: `Times here have no time zone (3 times, the first on line 3): ${HOW}` }]);
    });

    it('a lower-case word after a time is not a zone ("10:00 cat videos")', async () => {
      expect(await lint(lines('## Timeline', '', '- 10:00 cat videos stopped loading', '- 10:30 fixed'))).toHaveLength(1);
    });
  });

  describe('does not report', () => {
    it("the configuration's default zone", async () => {
      expect(await lint(lines('## Timeline', '', '- 10:00 Alert fired'), { timezone: 'Europe/Berlin' })).toEqual([]);
      expect(await lint(lines('## Timeline', '', '- 10:00 Alert fired'), { timezone: 'UTC' })).toEqual([]);
    });

    it('a zone from the frontmatter, a timeline heading, a table header, a label line', async () => {
      expect(await lint(lines('---', 'timezone: UTC', '---', '', '## Timeline', '', '- 10:00 Alert fired'))).toEqual([]);
      expect(await lint(lines('## Timeline (all times EAT)', '', '- 10:00 Alert fired'))).toEqual([]);
      expect(await lint(lines('## Timeline', '', '| Time (UTC) | Event |', '| --- | --- |', '| 10:00 | Alert |'))).toEqual([]);
      expect(await lint(lines('## Summary', '', 'All times are in PDT.', '', '## Timeline', '', '- 10:00 Alert fired'))).toEqual([]);
    });

    it('a zone written with the start and end', async () => {
      expect(await lint(lines('## Summary', '', 'From 10:00 to 11:00 UTC the API was down.', '', '## Timeline', '', '- 10:00 Alert fired'))).toEqual([]);
    });

    it('a zone declared after the first times', async () => {
      expect(await lint(lines('## Summary', '', 'Start: 2024-05-10 10:00', '', '## Timeline (all times UTC)', '', '- 10:00 Alert fired'))).toEqual([]);
    });

    it('a zone written next to a time in prose, or named on its own', async () => {
      expect(
        await lint(
          lines(
            '## Summary',
            '',
            'The outage started at 11:45 AM and was resolved by 12:45 PM West African Time.',
            '',
            '## Timeline',
            '',
            '11:45 AM: Detected',
          ),
        ),
      ).toEqual([]);
      expect(
        await lint(lines('## Summary', '', 'At approximately 7:30 pm (CST), the server went down.', '', '## Timeline', '', '- 7:37 PM: Checked processes')),
      ).toEqual([]);
      expect(await lint(lines('## Summary', '', 'Duration: 45 minutes (PST).', '', '## Timeline', '', '- 10:15 Alert fired'))).toEqual([]);
      expect(await lint(lines('## Summary', '', 'The feature was down for 2 hours in Pacific time.', '', '## Timeline', '', '- 9:35 Alert fired'))).toEqual([]);
    });

    it('a document without times', async () => {
      expect(await lint(lines('## Summary', '', 'The database was down.'))).toEqual([]);
    });
  });

  it('stays linear on 40,000 entries', async () => {
    const doc = (n: number) => lines('# T', '', '## Timeline', '', ...Array.from({ length: n }, (_, i) => `- ${clock(i)} event ${i}`));
    const { growth, large } = await ruleGrowth('timezone', doc);
    expect(large).toHaveLength(1);
    const measured = `timezone: ${describeGrowth(growth, `${SMALL}`, `${LARGE} entries`)}`;
    console.log(measured);
    expect(growth.ratio, measured).toBeLessThan(growth.limit);
  });
});
