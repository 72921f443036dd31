// timeline-in-window: entries that show the incident under way outside its stated start and
// end; and the entries that rightly stand outside (triggers, follow-ups), overnight windows,
// dates read a day off, windows that cannot be measured.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';
import { describeGrowth } from '../helpers/growth.ts';
import { clock, LARGE, lines, ruleGrowth, SMALL } from './time-rule-harness.ts';

const lint = async (md: string, options: Record<string, unknown> = {}) =>
  (await lintText(md, { only: { 'timeline-in-window': options } })).map((f) => ({ line: f.line, message: f.message }));

const summary = (start: string, end: string) => ['# Outage', '', '## Summary', '', `Start: ${start}`, `End: ${end}`, '', '## Timeline', ''];

describe('timeline-in-window', () => {
  describe('reports', () => {
    it('recovery after the stated end, at the entry, naming both times and lines', async () => {
      const md = lines(...summary('2024-05-10 10:00 UTC', '2024-05-10 10:30 UTC'), '- 10:00 Alert fired', '- 10:45 Service restored');
      const findings = await lintText(md, { only: { 'timeline-in-window': {} } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'timeline-in-window', severity: 1, line: 11, column: 3, endLine: 11, endColumn: 25 });
      expect(findings[0]!.message).toBe(
        '10:45 (line 11) is after the incident ended (10:30 UTC, line 6), yet it describes the incident still under way: correct this time or the end stated on line 6.',
      );
    });

    it('detection before the stated start', async () => {
      const md = lines(...summary('2024-05-10 10:00 UTC', '2024-05-10 11:00 UTC'), '- 09:55 The issue was first detected by monitoring', '- 10:30 Rollback');
      expect(await lint(md)).toEqual([
        {
          line: 10,
          message: expect.stringContaining('09:55 (line 10) is before the incident started (10:00 UTC, line 5), yet it describes the incident under way'),
        },
      ]);
    });

    it("an entry in another zone, converted to the window's", async () => {
      const md = lines(
        '## Summary',
        '',
        'This outage occurred from 3:00 PM to 4:30 PM CAT on April 17th, 2024.',
        '',
        '## Timeline',
        '',
        '- 3:00 PM CAT - Outage detected',
        '- 4:00 PM EDT - Discovered the cause',
        '- 4:30 PM CAT - Outage resolved',
      );
      expect(await lint(md)).toEqual([
        { line: 8, message: expect.stringContaining('4:00 PM EDT (22:00 CAT) (line 8) is after the incident ended (16:30 CAT, line 3)') },
      ]);
    });

    it('a dated entry on another day shows the dates', async () => {
      const md = lines(...summary('2024-05-10 10:00 UTC', '2024-05-10 11:00 UTC'), '- 2024-05-10 10:05 Alert fired', '- 2024-05-11 10:10 Fix deployed');
      expect((await lint(md))[0]!.message).toContain('2024-05-11 10:10 (line 11) is after the incident ended (2024-05-10 11:00 UTC, line 6)');
    });

    it('every entry outside, when asked', async () => {
      const md = lines(...summary('2024-05-10 10:00 UTC', '2024-05-10 11:00 UTC'), '- 09:50 Deploy of v2.3', '- 10:00 Errors rose', '- 11:30 Review meeting');
      expect(await lint(md, { before: 'all', after: 'all' })).toEqual([
        { line: 10, message: '09:50 (line 10) is before the incident started (10:00 UTC, line 5): correct this time or the start stated on line 5.' },
        { line: 12, message: '11:30 (line 12) is after the incident ended (11:00 UTC, line 6): correct this time or the end stated on line 6.' },
      ]);
      expect(await lint(md, { before: 'all', after: 'none' })).toHaveLength(1);
    });

    it('a tolerance', async () => {
      const md = lines(...summary('2024-05-10 10:00 UTC', '2024-05-10 11:00 UTC'), '- 09:55 Alert fired', '- 11:20 Service restored');
      expect(await lint(md)).toHaveLength(2);
      expect((await lint(md, { toleranceMinutes: 5 })).map((f) => f.line)).toEqual([11]);
      expect(await lint(md, { toleranceMinutes: 20 })).toEqual([]);
    });

    it('no entry inside the window: one finding that the timeline and the window disagree', async () => {
      const md = lines(
        ...summary('2024-05-10 10:00 EST', '2024-05-10 10:30 EST'),
        '- 2024-05-10 10:00 UTC Alert fired',
        '- 2024-05-10 10:10 UTC Paged',
        '- 2024-05-10 10:30 UTC Fixed',
      );
      expect(await lint(md)).toEqual([
        {
          line: 10,
          message: expect.stringMatching(
            /^None of the 3 timed entries lies inside the incident window \(10:00 EST, line 5, to 10:30 EST, line 6\); the first, .* \(line 10\), is before the start: the timeline and the stated start and end disagree/,
          ),
        },
      ]);
    });
  });

  describe('does not report', () => {
    it('a trigger before the start and follow-ups after the end', async () => {
      const md = lines(
        ...summary('2024-05-10 10:00 UTC', '2024-05-10 11:00 UTC'),
        '- 09:50 Deploy of v2.3 started',
        '- 10:00 Errors rose',
        '- 11:00 Service restored',
        '- 11:20 Monitoring confirmed the error rate stayed at baseline',
        '- 11:32 Sent a message to the developer who made the change',
        '- 15:00 Post-incident review meeting',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('an overnight window written without dates', async () => {
      const md = lines(
        '## Summary',
        '',
        'On 24/05/2020 from 9:35 PM PST until 10:42 AM PST the app was down.',
        '',
        '## Timeline',
        '',
        '* 9:35 pm - The problem was detected',
        '* 10:46 pm - A dependency was fixed',
        '* 10:30 am - Service restored',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('an entry after midnight whose date was taken from the start', async () => {
      const md = lines(...summary('2024-05-10 23:30 UTC', '2024-05-11 01:00 UTC'), '- 00:10 Alert fired', '- 00:40 Fix deployed');
      expect(await lint(md)).toEqual([]);
    });

    it('times of day alone around midnight', async () => {
      const md = lines('## Summary', '', 'The outage lasted from 23:50 to 00:40 UTC.', '', '## Timeline', '', '- 00:05 Alert fired', '- 00:30 Fixed');
      expect(await lint(md)).toEqual([]);
    });

    it('no window, or only a start', async () => {
      expect(await lint(lines('## Timeline (all times UTC)', '', '- 10:00 Alert', '- 11:00 Fixed'))).toEqual([]);
      expect(await lint(lines('## Summary', '', 'Start: 2024-05-10 10:00 UTC', '', '## Timeline', '', '- 10:00 Alert', '- 18:00 Service restored'))).toEqual(
        [],
      );
    });

    it('an end before the start (incident-window reports it)', async () => {
      const md = lines(...summary('2024-05-10 11:00 UTC', '2024-05-10 10:00 UTC'), '- 09:00 Alert fired', '- 12:00 Service restored');
      expect(await lint(md)).toEqual([]);
    });

    it('entries that cannot be compared with the window (no zone against a zone)', async () => {
      const md = lines(
        '## Summary',
        '',
        'Start: 2024-05-10 10:00 UTC',
        'End: 2024-05-10 11:00 UTC',
        '',
        '## Timeline',
        '',
        '- 2024-05-09 alert',
        '- 2024-05-10 12:00 EST restored',
      );
      // 12:00 EST is 17:00 UTC: measurable, and after the end.
      expect((await lint(md)).map((f) => f.line)).toEqual([9]);
    });
  });

  it('stays linear on 40,000 entries', async () => {
    // The window ends ten minutes in: almost every entry of either timeline falls after it
    // and is reported, so that an entry costs alike at both sizes.
    const doc = (n: number) =>
      lines(
        '# T',
        '',
        '## Summary',
        '',
        'Start: 00:00 UTC',
        'End: 00:10 UTC',
        '',
        '## Timeline',
        '',
        ...Array.from({ length: n }, (_, i) => `- ${clock(i)} alert ${i} fired`),
      );
    const { growth, small, large } = await ruleGrowth('timeline-in-window', doc);
    expect(small.length).toBeGreaterThan(0);
    expect(large.length).toBeGreaterThan(0);
    const measured = `timeline-in-window: ${describeGrowth(growth, `${SMALL}`, `${LARGE} entries`)}`;
    console.log(measured);
    expect(growth.ratio, measured).toBeLessThan(growth.limit);
  });
});
