// date-consistency: dates that contradict each other or lie in the future, each finding naming
// both dates and their lines; and what is consistent (midnight, zones, the new year, a cause
// months earlier, tomorrow, dates taken from context).
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';
import type { LintSettings } from '../../src/lint/rule.ts';
import { describeGrowth } from '../helpers/growth.ts';
import { LARGE, lines, ruleGrowth, SMALL } from './time-rule-harness.ts';

const lint = async (md: string, options: Record<string, unknown> = {}, settings?: Partial<LintSettings>) =>
  (await lintText(md, { only: { 'date-consistency': options }, settings })).map((f) => ({ line: f.line, message: f.message }));

const fm = (...keys: string[]) => ['---', ...keys, '---', '', '# DB outage', '', '## Summary', '', 'Down.', ''];

describe('date-consistency', () => {
  describe('reports', () => {
    it('a frontmatter date far from the start, at the date, as an error', async () => {
      const md = lines(...fm('date: 2024-05-03', 'incident_start: 2024-05-10T10:00:00Z', 'incident_end: 2024-05-10T11:00:00Z'));
      const findings = await lintText(md, { only: { 'date-consistency': {} } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'date-consistency', severity: 2, line: 2, column: 1 });
      expect(findings[0]!.message).toBe(
        "The frontmatter's date 2024-05-03 (line 2) is 7 days before the incident start, 2024-05-10 (line 3): correct one of them.",
      );
    });

    it('a frontmatter date against a start stated in the summary', async () => {
      const md = lines('---', 'date: 2023-06-10', '---', '', '## Summary', '', 'Start: 2023-05-10 10:00 UTC');
      expect(await lint(md)).toEqual([
        { line: 2, message: "The frontmatter's date 2023-06-10 (line 2) is 31 days after the incident start, 2023-05-10 (line 7): correct one of them." },
      ]);
    });

    it('last year in the timeline, grouped by year, against the start or the frontmatter date', async () => {
      const md = lines(
        '## Summary',
        '',
        'Start: 2023-05-10 10:00 UTC',
        '',
        '## Timeline',
        '',
        '- 2022-05-10 10:05 Alert fired',
        '- 10:10 Paged',
        '- 2022-05-10 10:20 Rollback started',
        '- 2022-05-10 10:30 Recovered',
      );
      expect(await lint(md)).toEqual([
        {
          line: 7,
          message: 'Line 7 is dated 2022-05-10, but the incident started on 2023-05-10 (line 3): correct the year (2 more entries dated 2022, up to line 10).',
        },
      ]);
      const withDate = lines(
        '---',
        'date: 2023-05-10',
        '---',
        '',
        '## Summary',
        '',
        'Start: 10:00 UTC',
        '',
        '## Timeline',
        '',
        '- 10:05 x',
        '- 2022-05-10 10:10 y',
      );
      expect(await lint(withDate)).toEqual([
        { line: 12, message: "Line 12 is dated 2022-05-10, but the frontmatter's date is 2023-05-10 (line 2): correct the year." },
      ]);
    });

    it('detected or resolved before the start, resolved before detected', async () => {
      const md = lines(...fm('incident_start: 2024-05-10T10:00:00Z', 'detected: 2024-05-10T09:40:00Z', 'resolved: 2024-05-10T09:50:00Z'));
      expect(await lint(md)).toEqual([
        { line: 3, message: 'Detected at 2024-05-10 09:40 UTC (line 3) is before the incident started (2024-05-10 10:00 UTC, line 2): correct one of them.' },
        { line: 4, message: 'Resolved at 2024-05-10 09:50 UTC (line 4) is before the incident started (2024-05-10 10:00 UTC, line 2): correct one of them.' },
      ]);
      const md2 = lines(...fm('incident_start: 2024-05-10T10:00:00Z', 'detected: 2024-05-10T10:40:00Z', 'resolved: 2024-05-10T10:20:00Z'));
      expect(await lint(md2)).toEqual([
        { line: 4, message: 'Resolved at 2024-05-10 10:20 UTC (line 4) is before it was detected (2024-05-10 10:40 UTC, line 3): correct one of them.' },
      ]);
    });

    it('dates in the future: the frontmatter date, the start, timeline entries (grouped)', async () => {
      expect(await lint(lines(...fm('date: 2027-01-02')))).toEqual([
        { line: 2, message: "2027-01-02 (line 2, the frontmatter's date) is in the future (today is 2026-11-21): correct the date." },
      ]);
      expect(await lint(lines('## Summary', '', 'Start: 2027-01-02 10:00 UTC', 'End: 2027-01-02 11:00 UTC'))).toEqual([
        { line: 3, message: '2027-01-02 (line 3, the incident start) is in the future (today is 2026-11-21): correct the date.' },
      ]);
      const md = lines('## Timeline (all times UTC)', '', '- 2026-11-20 10:00 Alert', '- 2026-12-24 10:00 Review', '- 2026-12-25 10:00 Follow-up');
      expect(await lint(md)).toEqual([
        { line: 4, message: '2026-12-24 (line 4) is in the future (today is 2026-11-21): correct the date (1 more entry in the future, up to line 5).' },
      ]);
    });

    it('"now" comes from the settings', async () => {
      const md = lines(...fm('date: 2024-05-10'));
      expect(await lint(md, {}, { now: new Date('2024-05-01T00:00:00Z') })).toHaveLength(1);
      expect(await lint(md, {}, { now: new Date('2024-05-09T12:00:00Z') })).toEqual([]);
    });

    it('options widen the allowed difference and the future margin', async () => {
      const md = lines(...fm('date: 2024-05-03', 'incident_start: 2024-05-10T10:00:00Z'));
      expect(await lint(md, { maxDaysApart: 7 })).toEqual([]);
      expect(await lint(lines(...fm('date: 2026-11-25')), { futureDays: 7 })).toEqual([]);
    });
  });

  describe('does not report', () => {
    it('dates one day apart across zones and midnight, and the new year', async () => {
      const md = lines(
        '---',
        'date: 2024-01-01',
        'incident_start: 2023-12-31T23:30:00-05:00',
        'incident_end: 2024-01-01T01:00:00-05:00',
        'detected: 2023-12-31T23:40:00-05:00',
        'resolved: 2024-01-01T01:00:00-05:00',
        '---',
        '',
        '# DB outage',
        '',
        '## Timeline',
        '',
        '- 2023-12-20 10:00 EST Config change merged',
        '- 2023-12-31 23:40 EST Alert fired',
        '- 2024-01-01 01:00 EST Recovered',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('a cause months or a year-and-a-bit earlier is not a wrong year', async () => {
      const md = lines(
        '## Summary',
        '',
        'Start: 2024-02-13 09:12 UTC',
        '',
        '## Timeline',
        '',
        '- 2022-11-02 10:00 UTC Certificate issued with a 15-month validity',
        '- 2024-02-13 09:12 UTC Handshakes failing',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('tomorrow, in some zone, is not the future yet', async () => {
      expect(await lint(lines(...fm('date: 2026-11-22')))).toEqual([]);
    });

    it('dates taken from context are reported once, at their source', async () => {
      const md = lines('---', 'date: 2027-03-01', '---', '', '## Summary', '', 'Start: 10:00 UTC', '', '## Timeline', '', '- 10:05 Alert', '- 10:20 Fixed');
      expect((await lint(md)).map((f) => f.line)).toEqual([2]);
    });

    it('detection read from the timeline (not the frontmatter), and an end before the start (incident-window)', async () => {
      const md = lines(
        '## Summary',
        '',
        'Start: 2024-05-10 10:00 UTC',
        'End: 2024-05-10 09:00 UTC',
        '',
        '## Timeline',
        '',
        '- 09:50 Deploy triggered alerts',
        '- 10:30 Fixed',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('a document without dates', async () => {
      expect(await lint(lines('## Timeline (all times UTC)', '', '- 10:00 Alert', '- 10:20 Fixed'))).toEqual([]);
    });
  });

  it('stays linear on 40,000 dated entries', async () => {
    const entry = (i: number) => {
      const d = new Date(Date.UTC(2023, 4, 10) + i * 60_000).toISOString();
      return `- ${i % 3 === 0 ? d.replace('2023', '2022').slice(0, 10) : d.slice(0, 10)} ${d.slice(11, 16)} UTC event ${i}`;
    };
    const doc = (n: number) => lines('## Summary', '', 'Start: 2023-05-10 00:00 UTC', '', '## Timeline', '', ...Array.from({ length: n }, (_, i) => entry(i)));
    const { growth, large } = await ruleGrowth('date-consistency', doc);
    expect(large).toHaveLength(1);
    const measured = `date-consistency: ${describeGrowth(growth, `${SMALL}`, `${LARGE} entries`)}`;
    console.log(measured);
    expect(growth.ratio, measured).toBeLessThan(growth.limit);
  });
});
