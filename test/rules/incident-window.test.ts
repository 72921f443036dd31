// incident-window: a window that is not stated, half stated, or ends before it starts; and
// the windows that are fine (frontmatter, summary ranges, overnight, start plus duration).
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';
import { lines } from './time-rule-harness.ts';

const lint = async (md: string) =>
  (await lintText(md, { only: { 'incident-window': {} } })).map((f) => ({ line: f.line, column: f.column, message: f.message }));

describe('incident-window', () => {
  describe('reports', () => {
    it('neither start nor end, at the summary heading, with how to state them', async () => {
      const md = lines('# DB outage', '', '## Summary', '', 'The database was down for a while.', '', '## Timeline', '', '- 10:00 UTC Alert fired');
      const findings = await lintText(md, { only: { 'incident-window': {} } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'incident-window', severity: 1, line: 3, column: 1 });
      expect(findings[0]!.message).toBe(
        'The summary (line 3) states neither when the incident started nor when it ended: write them as lines such as "Start: 2023-05-10 09:00 UTC" and "End: 2023-05-10 11:30 UTC", or add `incident_start:` and `incident_end:` to the frontmatter.',
      );
    });

    it('a summary that mentions times none of which reads as the start or the end', async () => {
      const md = lines('## Summary', '', 'At approximately 7:30 pm (CST) the web server went down.', '', '## Timeline', '', '- 7:37 PM alert');
      expect(await lint(md)).toEqual([
        {
          line: 1,
          column: 1,
          message: expect.stringContaining(
            'No start or end of the incident could be read from the summary (line 1), though it mentions "7:30 pm" (line 3): write them as lines',
          ),
        },
      ]);
    });

    it('no summary, but a timeline: the document, at line 1', async () => {
      const md = lines('# Outage', '', '## Timeline', '', '- 10:00 UTC Alert fired');
      expect(await lint(md)).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/^The document states neither when the incident started/) }]);
    });

    it('a start with no end, and an end with no start, at the line that states the one given', async () => {
      expect(await lint(lines('# DB outage', '', '## Summary', '', 'Start: 2024-05-10 09:00 UTC'))).toEqual([
        {
          line: 5,
          column: 1,
          message:
            'The incident\'s start is stated (line 5) but not its end: add `incident_end:` to the frontmatter or a line "End: 2023-05-10 11:30 UTC" to the summary.',
        },
      ]);
      expect(await lint(lines('---', 'incident_end: 2024-05-10T11:00:00Z', '---', '', '# DB outage', '', '## Summary', '', 'Down.'))).toEqual([
        {
          line: 2,
          column: 1,
          message:
            'The incident\'s end is stated (line 2) but not its start: add `incident_start:` to the frontmatter or a line "Start: 2023-05-10 09:00 UTC" to the summary.',
        },
      ]);
    });

    it('an end before the start, with both times and lines', async () => {
      const md = lines(
        '---',
        'incident_start: 2024-05-10T11:00:00Z',
        'incident_end: 2024-05-10T10:00:00Z',
        '---',
        '',
        '# DB outage',
        '',
        '## Summary',
        '',
        'Down.',
      );
      expect(await lint(md)).toEqual([
        { line: 3, column: 1, message: 'The incident ends (10:00 UTC, line 3) before it starts (11:00 UTC, line 2): correct the start or the end.' },
      ]);
    });

    it('an end dated the day before the start shows the dates', async () => {
      const md = lines('## Summary', '', 'Start: 2024-05-10 09:00 UTC', 'End: 2024-05-09 11:30 UTC');
      expect((await lint(md))[0]!.message).toBe(
        'The incident ends (2024-05-09 11:30 UTC, line 4) before it starts (2024-05-10 09:00 UTC, line 3): correct the start or the end.',
      );
    });

    it('an afternoon end before an afternoon start, without dates (not an overnight window)', async () => {
      expect((await lint(lines('## Summary', '', 'Start: 14:00 UTC', 'End: 13:00 UTC'))).map((f) => f.message)).toEqual([
        'The incident ends (13:00 UTC, line 4) before it starts (14:00 UTC, line 3): correct the start or the end.',
      ]);
    });
  });

  describe('does not report', () => {
    it('start and end in the frontmatter', async () => {
      expect(
        await lint(lines('---', 'incident_start: 2024-05-10T09:00:00Z', 'incident_end: 2024-05-10T11:30:00Z', '---', '', '# T', '', '## Summary', '', 'Down.')),
      ).toEqual([]);
    });

    it('a range in the summary', async () => {
      expect(await lint(lines('# T', '', '## Issue Summary', '', 'From 10:45 AM to 11:30 AM (UTC) on March 11, 2024, the API was down.'))).toEqual([]);
    });

    it('an overnight window written without dates', async () => {
      expect(await lint(lines('# T', '', '## Summary', '', 'On 24/05/2020 from 9:35 PM PST until 10:42 AM PST the app was down.'))).toEqual([]);
    });

    it('a start with a stated duration (the end follows from them)', async () => {
      expect(await lint(lines('# T', '', '## Summary', '', 'Start: 2024-05-10 10:00 UTC', 'Duration: 2 hours'))).toEqual([]);
    });

    it('a document shaped like neither a postmortem summary nor a timeline', async () => {
      expect(await lint(lines('# 0x19. Postmortem', '', '### Resources', '', 'Read about postmortems.'))).toEqual([]);
    });

    it('an end equal to the start', async () => {
      expect(await lint(lines('## Summary', '', 'Start: 2024-05-10 10:00 UTC', 'End: 2024-05-10 10:00 UTC'))).toEqual([]);
    });
  });
});

describe('incident-window: what it quotes', () => {
  it('never cites a time from an action item', async () => {
    const md = '# Outage\n\n## Action Items\n\n- Rotate the key by 10:00 tomorrow @ana\n\n## Timeline\n\n- 09:00 UTC alert\n';
    const found = await lintText(md, { only: { 'incident-window': {} } });
    expect(found.map((f) => `${f.line}:${f.column} ${f.messageId}`)).toEqual(['1:1 noWindow']);
  });
});
