// duration-mismatch: a stated duration against end − start; and what people write that is not
// a mismatch (rounding, estimates, bounds, overnight windows, windows that cannot be measured).
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';
import { lines } from './time-rule-harness.ts';

const lint = async (md: string, options: Record<string, unknown> = {}) =>
  (await lintText(md, { only: { 'duration-mismatch': options } })).map((f) => ({ line: f.line, column: f.column, message: f.message }));

const window = (start: string, end: string, duration: string) =>
  lines('# DB outage', '', '## Summary', '', `Start: ${start}`, `End: ${end}`, `Duration: ${duration}`);

describe('duration-mismatch', () => {
  describe('reports', () => {
    it('a duration that disagrees, at the duration, as an error', async () => {
      const findings = await lintText(window('2024-05-10 10:00 UTC', '2024-05-10 12:30 UTC', '3 hours'), { only: { 'duration-mismatch': {} } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'duration-mismatch', severity: 2, line: 7, column: 11, endLine: 7, endColumn: 18 });
      expect(findings[0]!.message).toBe(
        'The summary says 3 hours, but start to end is 2 h 30 min (10:00 UTC on line 5 to 12:30 UTC on line 6): correct the duration or the start and end.',
      );
    });

    it('a duration in the frontmatter', async () => {
      const md = lines(
        '---',
        'incident_start: 2024-05-10T10:00:00Z',
        'incident_end: 2024-05-10T13:00:00Z',
        'duration: 2 hours',
        '---',
        '',
        '# T',
        '',
        '## Summary',
        '',
        'Down.',
      );
      expect(await lint(md)).toEqual([
        {
          line: 4,
          column: 11,
          message: expect.stringMatching(/^The frontmatter says 2 hours, but start to end is 3 h \(10:00 UTC on line 2 to 13:00 UTC on line 3\)/),
        },
      ]);
    });

    it('a duration stated in another section names it', async () => {
      const md = lines('# T', '', '## Summary', '', 'Start: 2024-05-10 10:00 UTC', 'End: 2024-05-10 13:00 UTC', '', '## Impact', '', 'Duration: 2 hours');
      expect((await lint(md))[0]!.message).toMatch(/^The "Impact" section says 2 hours, but start to end is 3 h/);
    });

    it('a window across days shows the dates', async () => {
      expect((await lint(window('2024-05-10 22:00 UTC', '2024-05-11 02:00 UTC', '2 hours')))[0]!.message).toContain(
        'start to end is 4 h (2024-05-10 22:00 UTC on line 5 to 2024-05-11 02:00 UTC on line 6)',
      );
    });

    it('a bound broken on its side', async () => {
      expect((await lint(window('2024-05-10 10:00 UTC', '2024-05-10 11:00 UTC', 'over 2 hours')))[0]!.message).toMatch(
        /^The summary says at least 2 hours, but start to end is 1 h/,
      );
      expect((await lint(window('2024-05-10 10:00 UTC', '2024-05-10 12:00 UTC', 'less than an hour')))[0]!.message).toMatch(
        /^The summary says at most an hour, but start to end is 2 h/,
      );
    });

    it('a small difference when asked for no tolerance', async () => {
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 11:55 UTC', '2 hours'), { toleranceMinutes: 0, tolerancePercent: 0 })).toHaveLength(1);
    });

    it('the corpus case: "30 mins (13:20pm ~ 13:30pm EAT)"', async () => {
      expect((await lint(lines('**Duration: 30 mins** (13:20pm ~ 13:30pm EAT).')))[0]!.message).toContain('says 30 mins, but start to end is 10 min');
    });
  });

  describe('does not report', () => {
    it('rounding: 5 minutes or 10 %, whichever is larger', async () => {
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 11:50 UTC', '2 hours'))).toEqual([]);
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 10:41 UTC', '45 minutes'))).toEqual([]);
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 17:10 UTC', '7.5 hours'))).toEqual([]);
      // 10 min off a 45 min figure is more than either.
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 10:35 UTC', '45 minutes'))).toHaveLength(1);
    });

    it('an estimate gets twice the tolerance', async () => {
      const md = lines('## Summary', '', 'Start: 2024-05-10 10:00 UTC', 'End: 2024-05-10 11:42 UTC', 'Duration: approximately 2 hours');
      expect(await lint(md)).toEqual([]);
    });

    it('a bound kept', async () => {
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 12:25 UTC', 'over 2 hours'))).toEqual([]);
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 10:20 UTC', 'less than an hour'))).toEqual([]);
    });

    it('an overnight window written without dates', async () => {
      expect(await lint(lines('## Summary', '', 'From 9:35 PM until 10:45 AM PST. Total downtime: 13 hours 10 minutes.'))).toEqual([]);
      expect(await lint(lines('## Summary', '', 'Duration: Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST (7.5 hours)'))).toEqual([]);
    });

    it('no start, no end, a zero duration, or an end before the start', async () => {
      expect(await lint(lines('## Summary', '', 'Duration: 2 hours'))).toEqual([]);
      expect(await lint(lines('## Summary', '', 'Start: 2024-05-10 10:00 UTC', 'Duration: 2 hours'))).toEqual([]);
      expect(await lint(window('2024-05-10 10:00 UTC', '2024-05-10 12:00 UTC', '0 minutes'))).toEqual([]);
      expect(await lint(window('2024-05-10 12:00 UTC', '2024-05-10 10:00 UTC', '2 hours'))).toEqual([]);
    });
  });
});
