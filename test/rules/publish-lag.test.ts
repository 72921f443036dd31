import { afterAll, describe, expect, it } from 'vitest';
import { copyArchive, findingsOf, lintArchive, removeArchives } from '../fixtures/archive.ts';
import { lintText } from '../helpers/lint-text.ts';

afterAll(removeArchives);

const lint = (markdown: string, now: string, options: Record<string, unknown> = {}) =>
  lintText(markdown, { only: { 'publish-lag': options }, settings: { now: new Date(now) } });

describe('publish-lag', () => {
  it("counts from the incident end: frontmatter, or the summary's stated end", async () => {
    const fm = '---\nstatus: draft\nincident_start: 2026-01-10T08:00:00Z\nincident_end: 2026-01-10T10:00:00Z\n---\n# T\n';
    expect(await lint(fm, '2026-01-24T09:00:00Z')).toEqual([]);
    expect((await lint(fm, '2026-01-25T10:00:00Z')).map((f) => [f.line, f.message])).toEqual([
      [
        2,
        'This postmortem is still a draft 15 days after the incident ended (2026-01-10), more than the 14 days allowed: finish it and set "status: published" (or "status: in-review" while it is being reviewed).',
      ],
    ]);
    const stated = '---\nstatus: Draft\n---\n# T\n\n## Summary\n\nFrom 2026-01-10 09:00 UTC to 2026-01-12 09:00 UTC the API failed for 8% of users.\n';
    expect(await lint(stated, '2026-01-20T10:00:00Z')).toEqual([]);
    expect(await lint(stated, '2026-01-20T10:00:00Z', { days: 7 })).toHaveLength(1);
  });

  it('without an end, counts from the end of the frontmatter date; without either, says nothing', async () => {
    expect(await lint('---\nstatus: draft\ndate: 2026-01-10\n---\n# T\n', '2026-01-25T12:00:00Z')).toEqual([]);
    expect(await lint('---\nstatus: draft\ndate: 2026-01-10\n---\n# T\n', '2026-01-26T12:00:00Z')).toHaveLength(1);
    expect(await lint('---\nstatus: draft\n---\n# T\n', '2030-01-01T00:00:00Z')).toEqual([]);
  });

  it('published, in review, or no status: nothing', async () => {
    for (const status of ['published', 'in-review', 'final']) {
      expect(await lint(`---\nstatus: ${status}\ndate: 2020-01-01\n---\n# T\n`, '2026-01-01T00:00:00Z')).toEqual([]);
    }
    expect(await lint('---\ndate: 2020-01-01\n---\n# T\n', '2026-01-01T00:00:00Z')).toEqual([]);
  });

  it('in the fixture archive: the one draft', async () => {
    expect(Object.keys(findingsOf(await lintArchive(copyArchive()), 'publish-lag'))).toEqual(['2025/2025-06-10-cache-herd.md']);
  });
});
