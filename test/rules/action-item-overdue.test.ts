import { afterAll, describe, expect, it } from 'vitest';
import { copyArchive, findingsOf, lintArchive, removeArchives } from '../fixtures/archive.ts';
import { lintText } from '../helpers/lint-text.ts';

afterAll(removeArchives);

const lint = (markdown: string, now: string, options: Record<string, unknown> = {}) =>
  lintText(markdown, { only: { 'action-item-overdue': options }, settings: { now: new Date(now) } });

describe('action-item-overdue', () => {
  it('an open item past its due date, in lists and tables; done ones and undated ones pass', async () => {
    const markdown = [
      '# T',
      '',
      '## Action Items',
      '',
      '- [ ] Open, overdue @ana OPS-1 due 2026-03-01',
      '- [x] Done, overdue @ana OPS-2 due 2026-03-01',
      '- Open, no date @ana OPS-3',
      '- Rotate logs. Owner: @ben · Due: 2026-02-01 · Status: done.',
      '',
      '| Action | Owner | Due | Status |',
      '| --- | --- | --- | --- |',
      '| Add alert | @ana | 2026-02-15 | open |',
      '| Test restores | @ben | 2026-02-15 | done |',
      '',
    ].join('\n');
    const findings = await lint(markdown, '2026-03-02T08:00:00Z');
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [
        5,
        'This action item was due on 2026-03-01 and is still open, 1 day later: finish it and mark it done ("- [x]" or "Status: done"), or agree a new due date and write it here.',
      ],
      [12, expect.stringContaining('due on 2026-02-15 and is still open, 15 days later')],
    ]);
  });

  it('due today is not overdue; graceDays allows a few days', async () => {
    const markdown = '# T\n\n## Action Items\n\n- [ ] Item @ana OPS-1 due 2026-03-01\n';
    expect(await lint(markdown, '2026-03-01T23:59:00Z')).toEqual([]);
    expect(await lint(markdown, '2026-03-04T00:00:00Z', { graceDays: 3 })).toEqual([]);
    expect(await lint(markdown, '2026-03-05T00:00:00Z', { graceDays: 3 })).toHaveLength(1);
  });

  it('in the fixture archive: the one open item', async () => {
    expect(findingsOf(await lintArchive(copyArchive()), 'action-item-overdue')).toEqual({
      '2025/2025-06-10-cache-herd.md': [expect.stringContaining('due on 2025-07-31')],
    });
  });
});
