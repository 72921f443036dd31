// related-links on the fixture archive: ids in related:, relative links in the body; the
// whole archive and one file linted alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleArchive } from '../../src/lint/archive/index.ts';
import { copyArchive, findingsOf, lintArchive, removeArchives } from '../fixtures/archive.ts';
import { lintText } from '../helpers/lint-text.ts';

afterAll(removeArchives);

const EXPECTED = {
  '2025-03-01-search-outage.md': [
    '"INC-2024-99" in related: is not the id, file name or path of any postmortem in the archive: correct it, or remove it.',
    'The link "../docs/search-runbook.md" points at docs/search-runbook.md, which does not exist: correct it, or remove the link.',
  ],
};

describe('related-links', () => {
  it('on the whole archive: an unknown related id and a link to a missing file; ids, paths and links that resolve pass', async () => {
    const run = await lintArchive(copyArchive());
    expect(findingsOf(run, 'related-links')).toEqual(EXPECTED);
    const messages = run.results.find((r) => r.filePath.endsWith('2025-03-01-search-outage.md'))!.messages.filter((m) => m.ruleId === 'related-links');
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [8, 1, 23],
      [29, 71, 107],
    ]);
  });

  it('a hook linting one file alone checks its related ids against the others', async () => {
    const root = copyArchive();
    expect(findingsOf(await lintArchive(root, ['postmortems/2025-03-01-search-outage.md']), 'related-links')).toEqual(EXPECTED);
    expect(
      findingsOf(await lintArchive(root, ['postmortems/2025-09-09-checkout-pool-linked.md', 'postmortems/2025/2025-06-10-cache-herd.md']), 'related-links'),
    ).toEqual({});
    // The runbook is written: the link resolves (a file outside the content folder counts).
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs/search-runbook.md'), '# Runbook\n');
    expect(findingsOf(await lintArchive(root, ['postmortems/2025-03-01-search-outage.md']), 'related-links')['2025-03-01-search-outage.md']).toHaveLength(1);
  });

  it('a related value may be an id (any case), a file name or a relative path; suggestions for near misses', async () => {
    const archive = exampleArchive({ 'postmortems/2024/2024-05-21-pool.md': '---\nid: INC-2024-017\n---\n# Pool\n' });
    const lint = (markdown: string) => lintText(markdown, { only: { 'related-links': {} }, fileName: 'postmortems/2025/x.md', settings: { archive } });
    expect(await lint('---\nrelated: [inc-2024-017, 2024-05-21-pool, ../2024/2024-05-21-pool.md]\n---\n# X\n')).toEqual([]);
    expect(await lint('---\nrelated: INC-2024-017\n---\n# X\n')).toEqual([]);
    const near = await lint(
      '---\nrelated:\n  - INC-2024-071\n  - ../2024/pool.md\n---\n# X\n\nSee [it](../2023/2024-05-21-pool.md), [web](https://x.example/a.md), [anchor](#root-cause), [image](diagram.png).\n',
    );
    expect(near.map((f) => [f.line, f.message])).toEqual([
      [3, expect.stringContaining('(did you mean "INC-2024-017"?)')],
      [4, expect.stringContaining('"../2024/pool.md" in related: is not the id')],
      [
        8,
        expect.stringContaining(
          'The link "../2023/2024-05-21-pool.md" points at postmortems/2023/2024-05-21-pool.md, which does not exist: correct it (did you mean "../2024/2024-05-21-pool.md"?)',
        ),
      ],
    ]);
  });

  it('reference-style links are checked too', async () => {
    const findings = await lintText('# X\n\nSee [the first one][first].\n\n[first]: ./nope.md\n', {
      only: { 'related-links': {} },
      fileName: 'postmortems/x.md',
      settings: { archive: exampleArchive({}) },
    });
    expect(findings.map((f) => [f.line, f.message])).toEqual([[5, expect.stringContaining('The link "./nope.md" points at postmortems/nope.md')]]);
  });
});

describe('related-links without an archive', () => {
  it('a caller that lints single documents (no archive given) gets no related-id findings, only missing link targets', async () => {
    const findings = await lintText('---\nrelated: [INC-1]\n---\n# X\n\nSee [it](./nope.md).\n', {
      only: { 'related-links': {} },
      fileName: 'postmortems/x.md',
    });
    expect(findings.map((f) => f.line)).toEqual([6]);
  });
});
