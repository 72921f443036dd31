// unique-id on the fixture archive: the whole archive, and one file linted alone as a hook
// does (it still sees the others, from the archive index).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyArchive, findingsOf, lintArchive, removeArchives } from '../fixtures/archive.ts';
import { lintText } from '../helpers/lint-text.ts';
import { exampleArchive } from '../../src/lint/archive/index.ts';

afterAll(removeArchives);

describe('unique-id', () => {
  it('on the whole archive: both files of a shared id, both of a shared title and date without ids', async () => {
    const run = await lintArchive(copyArchive());
    expect(findingsOf(run, 'unique-id')).toEqual({
      '2023-01-05-dns-copy.md': [expect.stringContaining('postmortems/2023-01-05-dns.md has the same title ("DNS resolution failures") and date (2023-01-05)')],
      '2023-01-05-dns.md': [expect.stringContaining('postmortems/2023-01-05-dns-copy.md has the same title')],
      '2024-08-02-card-declines.md': [expect.stringContaining('The id "INC-2024-030" is also the id of postmortems/2025-03-01-search-outage.md')],
      '2025-03-01-search-outage.md': [expect.stringContaining('The id "INC-2024-030" is also the id of postmortems/2024-08-02-card-declines.md')],
    });
    const finding = run.results.find((r) => r.filePath.endsWith('2025-03-01-search-outage.md'))!.messages.find((m) => m.ruleId === 'unique-id')!;
    expect(finding).toMatchObject({ severity: 2, line: 2, column: 1, endLine: 2, endColumn: 17 });
  });

  it('a hook linting one file alone still finds its twin among the others', async () => {
    const root = copyArchive();
    const run = await lintArchive(root, ['postmortems/2025-03-01-search-outage.md']);
    expect(run.results).toHaveLength(1);
    expect(run.archive?.files).toBe(8);
    expect(findingsOf(run, 'unique-id')).toEqual({
      '2025-03-01-search-outage.md': [expect.stringContaining('is also the id of postmortems/2024-08-02-card-declines.md')],
    });
    // Fixed in the file being committed: gone, though the other file is unchanged.
    const file = path.join(root, 'postmortems/2025-03-01-search-outage.md');
    const { readFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: INC-2024-030', 'id: INC-2025-009'));
    expect(findingsOf(await lintArchive(root, ['postmortems/2025-03-01-search-outage.md']), 'unique-id')).toEqual({});
  });

  it('a new file that takes an existing id is found against the archive, which is read from the index cache', async () => {
    const root = copyArchive();
    await lintArchive(root);
    writeFileSync(path.join(root, 'postmortems/2026-01-02-new.md'), '---\nid: inc-2024-017\ndate: 2026-01-02\n---\n\n# Checkout slow\n');
    const run = await lintArchive(root, ['postmortems/2026-01-02-new.md']);
    expect(run.archive).toMatchObject({ files: 9, read: 1 });
    expect(findingsOf(run, 'unique-id')).toEqual({
      '2026-01-02-new.md': [
        'The id "inc-2024-017" is also the id of postmortems/2024-05-21-checkout-pool.md: give each postmortem its own id (a copied template often keeps the old one), and link the other in "related:" if they are about the same incident.',
      ],
    });
  });

  it('compares ids given as numbers, and lists many others briefly', async () => {
    const others: Record<string, string> = {};
    for (const n of [1, 2, 3, 4, 5]) others[`postmortems/2024-0${n}-01-x.md`] = '---\nid: 42\n---\n# X\n';
    const findings = await lintText('---\nid: "42"\n---\n# Y\n', {
      only: { 'unique-id': {} },
      fileName: 'postmortems/y.md',
      settings: { archive: exampleArchive(others) },
    });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('also the id of postmortems/2024-01-01-x.md, postmortems/2024-02-01-x.md, postmortems/2024-03-01-x.md and 2 more:'),
    ]);
  });

  it('without ids: a missing date or another title is no finding, and an id on one side stops the comparison', async () => {
    const archive = exampleArchive({
      'postmortems/a.md': '# Outage\n',
      'postmortems/2024-01-01-b.md': '# Outage\n',
      'postmortems/2024-01-01-c.md': '---\nid: C\n---\n# Other\n',
    });
    const lint = (markdown: string, fileName: string) => lintText(markdown, { only: { 'unique-id': {} }, fileName, settings: { archive } });
    expect(await lint('# Outage\n', 'postmortems/z.md')).toEqual([]);
    expect(await lint('# Another outage\n', 'postmortems/2024-01-01-z.md')).toEqual([]);
    expect(await lint('---\nid: Z\n---\n# Outage\n', 'postmortems/2024-01-01-z.md')).toEqual([]);
    expect(await lint('# Outage\n', 'postmortems/2024-01-01-z.md')).toHaveLength(1);
  });
});
