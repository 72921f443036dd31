// The archive index keeps the content folder's listing as selectFiles chose it (ignore globs,
// .gitignore files), and chooses again only when something it depended on changed: a hook
// linting one file then neither walks the folder (while no folder under it has changed) nor
// tests each file against the ignore rules. Counted, not timed.
import { readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadArchive, type ArchiveLoadOptions } from '../../src/lint/archive-index.ts';
import { copyArchive, removeArchives } from '../fixtures/archive.ts';

const counts = vi.hoisted(() => ({ selections: 0, walks: 0 }));
vi.mock('../../src/lint/files.ts', async (original) => {
  const actual = await original<typeof import('../../src/lint/files.ts')>();
  return {
    ...actual,
    selectFiles: (selection: Parameters<typeof actual.selectFiles>[0]) => {
      counts.selections++;
      return actual.selectFiles(selection);
    },
    markdownUnder: (folder: string) => {
      counts.walks++;
      return actual.markdownUnder(folder);
    },
  };
});

afterAll(removeArchives);
beforeEach(() => {
  counts.selections = 0;
  counts.walks = 0;
});

function options(root: string, more: Partial<ArchiveLoadOptions> = {}): ArchiveLoadOptions {
  return {
    root,
    content: path.join(root, 'postmortems'),
    ignore: [],
    files: [],
    need: 'index',
    sectionAliases: new Map(),
    indexFile: path.join(root, '.cache/archive-index.json'),
    version: 'test',
    ...more,
  };
}

const names = async (root: string, more: Partial<ArchiveLoadOptions> = {}): Promise<string[]> =>
  (await loadArchive(options(root, more))).archive.entries.map((e) => path.relative(root, e.filePath).split(path.sep).join('/'));

/** Writes a file as if an hour ago: the index trusts only what settled before it was written. */
function writeSettled(file: string, text: string): void {
  writeFileSync(file, text);
  settle(file);
}

/** Dates a file or folder back, to a time of its own (a folder changed since it was recorded is another time than before). */
function settle(file: string, minutesAgo = 60): void {
  const then = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(file, then, then);
}

describe('the content listing kept in the archive index', () => {
  it('is chosen once, then reused while nothing it depends on changes', async () => {
    const root = copyArchive();
    const first = await names(root);
    expect(first.length).toBe(8);
    expect(counts.selections).toBe(1);
    expect(await names(root)).toEqual(first);
    expect(await names(root)).toEqual(first);
    expect(counts.selections).toBe(1);
  });

  it('is chosen again for a new postmortem, a changed .gitignore (at the root or inside the folder) and other ignore globs', async () => {
    const root = copyArchive();
    const first = await names(root);
    writeSettled(path.join(root, 'postmortems/2025-06-01-new.md'), '---\nid: INC-NEW\n---\n\n# New\n');
    expect(await names(root)).toEqual([...first, 'postmortems/2025-06-01-new.md'].sort());
    expect(counts.selections).toBe(2);

    writeSettled(path.join(root, '.gitignore'), 'postmortems/2025-06-01-new.md\n');
    expect(await names(root)).toEqual(first);
    expect(counts.selections).toBe(3);
    expect(await names(root)).toEqual(first);
    expect(counts.selections).toBe(3);

    writeSettled(path.join(root, 'postmortems/.gitignore'), '2024-*.md\n');
    const nested = await names(root);
    expect(nested.some((n) => n.startsWith('postmortems/2024-'))).toBe(false);
    expect(nested.length).toBeGreaterThan(0);
    expect(counts.selections).toBe(4);

    const globbed = await names(root, { ignore: ['postmortems/2025-*.md'] });
    expect(globbed).toEqual(nested.filter((n) => !/^postmortems\/2025-[^/]*\.md$/.test(n)));
    expect(globbed.length).toBeLessThan(nested.length);
    expect(counts.selections).toBe(5);
  });

  it('does not trust a .gitignore modified just before the index was written', async () => {
    const root = copyArchive();
    await names(root);
    writeFileSync(path.join(root, '.gitignore'), 'postmortems/2024-*.md\n'); // modified now: within the clock's resolution
    const once = await names(root);
    expect(once.some((n) => n.startsWith('postmortems/2024-'))).toBe(false);
    expect(await names(root)).toEqual(once);
    expect(counts.selections).toBe(3); // chosen again each time while it may still change unseen
  });

  it('is not walked again while no folder under it has changed, and is walked for a file added, removed or renamed in any of them', async () => {
    const root = copyArchive();
    const first = await names(root);
    expect(counts.walks).toBe(1);
    expect(await names(root)).toEqual(first);
    expect(await names(root)).toEqual(first);
    expect(counts.walks).toBe(1);
    expect(counts.selections).toBe(1);

    // A new postmortem in the nested folder: that folder's modification time changed.
    writeSettled(path.join(root, 'postmortems/2025/2025-07-01-new.md'), '---\nid: INC-NEW\n---\n\n# New\n');
    settle(path.join(root, 'postmortems/2025'), 30);
    const added = await names(root);
    expect(added).toEqual([...first, 'postmortems/2025/2025-07-01-new.md'].sort());
    expect(counts.walks).toBe(2);
    expect(await names(root)).toEqual(added);
    expect(counts.walks).toBe(2);

    rmSync(path.join(root, 'postmortems/2023-01-05-dns-copy.md'));
    settle(path.join(root, 'postmortems'), 20);
    expect(await names(root)).toEqual(added.filter((n) => n !== 'postmortems/2023-01-05-dns-copy.md'));
    expect(counts.walks).toBe(3);
  });

  it("is walked each time while a folder changed within the clock's resolution, or holds a symbolic link", async () => {
    const root = copyArchive();
    const first = await names(root);
    writeFileSync(path.join(root, 'postmortems/2025/2025-07-01-new.md'), '# New\n'); // the folder modified now
    expect(await names(root)).toEqual([...first, 'postmortems/2025/2025-07-01-new.md'].sort());
    rmSync(path.join(root, 'postmortems/2025/2025-07-01-new.md'));
    expect(await names(root)).toEqual(first);
    expect(counts.walks).toBe(3);

    // A link's target can change without any folder's modification time changing.
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'postmortems/linked'));
    settle(path.join(root, 'postmortems'));
    settle(path.join(root, 'postmortems/2025'));
    await names(root);
    await names(root);
    expect(counts.walks).toBe(5);
  });

  it('walks the folder again, without an error, when the recorded folders are not what Hindsight writes', async () => {
    const root = copyArchive();
    const first = await names(root);
    const indexFile = path.join(root, '.cache/archive-index.json');
    // The header is the index file's first line; the rows follow.
    const [header, ...rows] = readFileSync(indexFile, 'utf8').split('\n');
    const stored = JSON.parse(header!) as { listing: Record<string, unknown> };
    for (const [folders, gitignores] of [
      [{}, stored.listing.gitignores],
      [stored.listing.folders, null],
      ['text', {}],
    ]) {
      writeFileSync(indexFile, [JSON.stringify({ ...stored, listing: { ...stored.listing, folders, gitignores } }), ...rows].join('\n'));
      expect(await names(root)).toEqual(first);
    }
    expect(counts.walks).toBe(4);
  });
});
