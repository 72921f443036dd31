// timeline-timestamp: entries a reader cannot place in time, one by one or per section;
// and what is not an entry without a time (details, labels, time headings, times later in
// the text).
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';
import { describeGrowth } from '../helpers/growth.ts';
import { clock, LARGE, lines, ruleGrowth, SMALL } from './time-rule-harness.ts';

const lint = async (md: string, options: Record<string, unknown> = {}) =>
  (await lintText(md, { only: { 'timeline-timestamp': options } })).map((f) => ({ line: f.line, column: f.column, message: f.message }));
/** Each finding's place and message id: which kind of finding, where. */
const ids = async (md: string, options: Record<string, unknown> = {}) =>
  (await lintText(md, { only: { 'timeline-timestamp': options } })).map((f) => `${f.line}:${f.column} ${f.messageId}`);

describe('timeline-timestamp', () => {
  describe('reports', () => {
    it('an untimed entry among timed ones, at the entry, with what to do', async () => {
      const md = lines('## Timeline (all times UTC)', '', '- 10:00 Alert fired', '- Engineer paged', '- 10:20 Rollback started');
      const findings = await lintText(md, { only: { 'timeline-timestamp': {} } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'timeline-timestamp', severity: 1, line: 4, column: 3, endLine: 4, endColumn: 17 });
      expect(findings[0]!.message).toBe(
        'Timeline entry "Engineer paged" (line 4) has no time. Give this entry a time (e.g. "14:05 UTC") or move it out of the timeline.',
      );
    });

    it('table rows with an empty time cell', async () => {
      const md = lines('## Timeline', '', '| Time (UTC) | Event |', '| --- | --- |', '| 10:00 | Alert |', '|  | Paged the DBA |', '| 10:20 | Fixed |');
      expect(await ids(md)).toEqual(['6:1 noTime']);
    });

    it('long entries are quoted short', async () => {
      const md = lines(
        '## Timeline',
        '',
        '- 10:00 UTC Alert',
        '- The on-call engineer looked at the dashboards for the payments cluster and saw nothing',
        '- 10:20 UTC Fixed',
      );
      expect((await lint(md))[0]!.message).toContain('"The on-call engineer looked at the dashboards f…" (line 4)');
    });

    it('a timeline with no time at all: one finding at its heading', async () => {
      const md = lines('# Postmortem', '', '## Debugging Process', '', '1. Checked the processes', '2. Read the logs', '3. Ran strace', '4. Fixed the typo');
      expect(await lint(md)).toEqual([
        {
          line: 3,
          column: 1,
          message:
            'None of the 4 entries under "Debugging Process" (lines 5–8) has a time. Give each entry its time (e.g. "14:05 UTC") or move the steps out of the timeline.',
        },
      ]);
    });

    it('a timeline mostly without times ("Actions taken:" lists): one finding at its heading', async () => {
      const md = lines(
        '## Timeline',
        '',
        '- 10:00 UTC Alert fired',
        '- Actions Taken:',
        '  - Investigated the CDN',
        '  - Checked the logs',
        '- Escalation:',
        '  - Escalated to the DBA team',
        '- Resolution:',
        '  - Rolled back the release',
      );
      expect(await lint(md)).toEqual([
        { line: 1, column: 1, message: expect.stringContaining('4 of the 5 entries under "Timeline" (lines 5–10) have no time.') },
      ]);
    });

    it('caps the findings per file and counts the rest in one more', async () => {
      const md = lines('## Timeline', '', '- 10:00 UTC Alert', ...Array.from({ length: 3 }, (_, i) => `- step ${i}\n- 10:0${i + 1} UTC timed ${i}`), '- last');
      expect(await ids(md, { maxPerFile: 2 })).toEqual(['4:3 noTime', '6:3 noTime', '8:3 moreWithoutTime']);
      expect((await lint(md, { maxPerFile: 2 }))[2]!.message).toBe(
        '…and 2 more timeline entries without a time (lines 8–10). Give each a time (e.g. "14:05 UTC") or move them out of the timeline.',
      );
      expect(await lint(md, { maxPerFile: 0 })).toHaveLength(4);
      expect(await lint(md)).toHaveLength(4);
    });

    it('each timeline section is judged on its own', async () => {
      const md = lines('## Timeline', '', '- 10:00 UTC Alert', '- 10:05 UTC Paged', '', '## Debugging Process', '', '1. Read the logs', '2. Ran strace');
      expect((await lint(md)).map((f) => f.line)).toEqual([6]);
    });
  });

  describe('does not report', () => {
    it('nested detail bullets under a timed entry', async () => {
      const md = lines('## Timeline (all times UTC)', '', '- 10:00 Alert fired', '  - error rate at 40%', '  - p99 latency 9 s', '- 10:20 Rollback started');
      expect(await lint(md)).toEqual([]);
    });

    it('bullets under a time written as a heading', async () => {
      const md = lines(
        '### Timeline',
        '#### August 15, 2024',
        '#### 00:01:',
        '+ IDS alert fired',
        '+ The alert names a SQL injection',
        '#### 00:20:',
        '+ Security team investigating',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('the description under a bullet that holds only its time', async () => {
      const md = lines(
        '## Timeline',
        '',
        '- **Detection:**',
        '  - November 10, 2023, 15:30 UTC',
        '  - Detected through monitoring alerts.',
        '- 16:00 UTC Fixed',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('date labels, zone labels, labels ending in a colon', async () => {
      const md = lines(
        '## Timeline',
        '',
        '- This following events took place on sunday, May the 24th, 2020:',
        '',
        '* 9:35 pm - The problem was detected',
        '* 9:45 pm - Checked the code',
        '',
        '- **Timezone:** PST',
        '- May 25, 2020',
        '- 10:00 am Fixed',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('an entry whose time stands later in its text', async () => {
      const md = lines(
        '## Timeline',
        '',
        '- **Detection Time:** The issue was detected at 11:00am by an alert.',
        '- Severity communicated to leadership at 11:30 AM (UTC).',
        '- 12:00 UTC Fixed',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('a log snippet quoted under an entry that ends in a colon, and an image', async () => {
      const md = lines(
        '## Timeline',
        '',
        '12:00pm EAT: Issue detected. 12:12pm EAT: nginx was down with this error:',
        '',
        '* nginx: [emerg] invalid number of arguments',
        '* nginx: configuration file test failed',
        '',
        '![screenshot](error.png)',
        '',
        '12:16pm EAT: Service restored.',
      );
      expect(await lint(md)).toEqual([]);
    });

    it('a document without a timeline', async () => {
      expect(await lint(lines('# T', '', '## Summary', '', '- Something happened'))).toEqual([]);
    });
  });

  it('stays linear on 40,000 entries', async () => {
    const doc = (n: number) =>
      lines(
        '# T',
        '',
        '## Timeline (all times UTC)',
        '',
        ...Array.from({ length: n }, (_, i) => (i % 2 ? `- ${clock(i)} event ${i}` : `- step ${i} of the work`)),
      );
    const { growth, large } = await ruleGrowth('timeline-timestamp', doc);
    expect(large).toHaveLength(11);
    expect(large[10]).toMatchObject({ messageId: 'moreWithoutTime', data: { count: 19990 } });
    const measured = `timeline-timestamp: ${describeGrowth(growth, `${SMALL}`, `${LARGE} entries`)}`;
    console.log(measured);
    expect(growth.ratio, measured).toBeLessThan(growth.limit);
  });
});
