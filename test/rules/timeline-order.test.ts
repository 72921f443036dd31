import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/lint-text.ts';

const order = async (markdown: string): Promise<string[]> =>
  (await lintText(markdown, { only: { 'timeline-order': {} } })).map((f) => `${f.line}: ${f.message}`);

describe('timeline-order', () => {
  it('names both times and where to move the entry', async () => {
    expect(await order('## Timeline (all times UTC)\n\n- 10:00 a\n- 10:20 b\n- 10:05 c\n')).toEqual([
      '5: 10:05 (line 5) is earlier than 10:20 on line 4: move this entry above line 4, or correct its time.',
    ]);
  });

  it('reads a newest-first timeline (a status page) from the bottom up', async () => {
    const updates = (...lines: string[]): string => ['## Updates (UTC)', '', ...lines, ''].join('\n');
    expect(await order(updates('- 2024-03-02 11:40 Resolved', '- 2024-03-02 11:05 Identified', '- 2024-03-02 10:30 Investigating'))).toEqual([]);
    expect(
      await order(
        updates(
          '- 2024-03-02 11:40 Resolved',
          '- 2024-03-02 10:20 Monitoring',
          '- 2024-03-02 11:05 Identified',
          '- 2024-03-02 10:30 Investigating',
          '- 2024-03-02 10:10 Reported',
        ),
      ),
    ).toEqual([
      '4: 2024-03-02 10:20 (line 4) is earlier than 2024-03-02 11:05 on line 5, yet stands above it in this newest-first timeline: move this entry below line 6, or correct its time.',
    ]);
  });

  it('suggests a date only when the entry is hours earlier', async () => {
    const findings = await lintText('## Timeline (all times UTC)\n\n- 18:00 Rollback finished\n- 09:00 Review with the team\n', {
      only: { 'timeline-order': {} },
    });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.messageId}`)).toEqual(['4:3 earlierOrLaterDay']);
  });

  it('points at the first entry the misplaced one belongs before', async () => {
    const [message] = await order('## Timeline (all times UTC)\n\n- 10:00 a\n- 10:20 b\n- 10:30 c\n- 10:10 d\n');
    expect(message).toContain('move this entry above line 4');
  });

  it('reports nothing across midnight, across noon, or for entries in the same minute', async () => {
    expect(await order('## Timeline (all times UTC)\n\n- 23:50 a\n- 23:58 b\n- 23:58 c\n- 00:10 d\n')).toEqual([]);
    expect(await order('## Timeline (all times PST)\n\n- 11:50 AM a\n- 12:10 PM b\n- 1:05 c\n')).toEqual([]);
  });
});

describe('timeline-order: dates without a year', () => {
  it('compares the month and day when no year is known anywhere, and says so consistently', async () => {
    expect(await order('## Timeline (UTC)\n\n- Feb 01 19:12 alert\n- Feb 07 18:52 fixed\n')).toEqual([]);
    expect(await order('## Timeline (UTC)\n\n- Feb 01 19:12 alert\n- Feb 07 18:52 fixed\n- Feb 03 10:00 review\n')).toEqual([
      '5: Feb 03 10:00 (line 5) is earlier than Feb 07 18:52 on line 4: move this entry above line 4, or correct its time.',
    ]);
  });
});
