// The archive index of the cross-file rules: read cheaply, cached by size and modification
// time (then content hash), kept beside the lint cache with --cache and in the temporary
// folder without, and folded into the lint cache's key.
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userCacheFolder } from '../../bin/private-folder.js';
import { buildModel } from '../../src/core/build.ts';
import { Archive } from '../../src/lint/archive/index.ts';
import { indexFileFor, loadArchive, type ArchiveLoadOptions } from '../../src/lint/archive-index.ts';
import { copyArchive, findingsOf, lintArchive, removeArchives } from '../fixtures/archive.ts';

afterAll(removeArchives);

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

/** The postmortems an index file holds rows for (its second line). */
const storedNames = (file: string): string[] => JSON.parse(readFileSync(file, 'utf8').split('\n')[1]!) as string[];

const HOUR_AGO = () => new Date(Date.now() - 3_600_000);

describe('archive index', () => {
  it('keeps the texts it reads of the files being linted, within the room given, for the lint to take instead of reading them again', async () => {
    const root = copyArchive();
    const linted = ['postmortems/2024-08-02-card-declines.md', 'postmortems/2024-05-21-checkout-pool.md'].map((f) => path.join(root, f));
    const [first, second] = linted.map((file) => readFileSync(file, 'utf8')) as [string, string];
    const cold = await loadArchive(options(root, { files: linted, keepTexts: first.length + second.length }));
    expect(cold.stats.read).toBeGreaterThan(2);
    // Only the linted files, each with the text on disk.
    expect(new Map(cold.texts)).toEqual(
      new Map([
        [linted[0], first],
        [linted[1], second],
      ]),
    );
    // No room: none kept. With room for one only, the other is read by the lint.
    rmSync(path.join(root, '.cache'), { recursive: true, force: true });
    expect((await loadArchive(options(root, { files: linted }))).texts.size).toBe(0);
    rmSync(path.join(root, '.cache'), { recursive: true, force: true });
    expect((await loadArchive(options(root, { files: linted, keepTexts: Math.max(first.length, second.length) }))).texts.size).toBe(1);
    // An index that reads no file keeps nothing.
    expect((await loadArchive(options(root, { files: linted, keepTexts: 1e9 }))).texts.size).toBe(0);
  });

  it('gives the lint the entry it read of a kept text, as the entry the lint would read itself', async () => {
    const root = copyArchive();
    const file = path.join(root, 'postmortems/2024-08-02-card-declines.md');
    const text = readFileSync(file, 'utf8');
    const model = (source: string) => buildModel(file, source).model;
    const cold = await loadArchive(options(root, { files: [file], keepTexts: 1e6 }));
    const indexed = cold.archive.entries.find((entry) => entry.filePath === file)!;
    // The same text: the index's entry itself, equal to what the lint reads alone.
    const taken = cold.archive.self(model(text));
    expect(taken).toBe(indexed);
    expect(taken).toEqual(Archive.documentAlone(root).self(model(text)));
    // Another text (the file changed since): read from that text, not the index's entry.
    rmSync(path.join(root, '.cache'), { recursive: true, force: true });
    const again = await loadArchive(options(root, { files: [file], keepTexts: 1e6 }));
    const edited = again.archive.self(model(text.replace('id: INC-2024-030', 'id: INC-2024-031')));
    expect(edited).not.toBe(again.archive.entries.find((entry) => entry.filePath === file));
    expect(edited.id).toBe('INC-2024-031');
    // Once taken, or dropped for worker threads, nothing is kept.
    rmSync(path.join(root, '.cache'), { recursive: true, force: true });
    const dropped = await loadArchive(options(root, { files: [file], keepTexts: 1e6 }));
    dropped.archive.forgetReads();
    expect(dropped.archive.self(model(text))).not.toBe(dropped.archive.entries.find((entry) => entry.filePath === file));
  });

  it('tells the size of the files being linted, from the cache as from the disk (how the run chooses its threads)', async () => {
    const root = copyArchive();
    const linted = ['postmortems/2024-08-02-card-declines.md', 'postmortems/2024-05-21-checkout-pool.md'].map((f) => path.join(root, f));
    const size = linted.reduce((sum, file) => sum + lstatSync(file).size, 0);
    expect((await loadArchive(options(root, { files: linted }))).lintedBytes).toBe(size);
    expect((await loadArchive(options(root, { files: linted }))).stats.read).toBe(0);
    expect((await loadArchive(options(root, { files: linted }))).lintedBytes).toBe(size);
    expect((await loadArchive(options(root))).lintedBytes).toBe(0);
  });

  it('reads every file once, then answers from the cache by size and modification time', async () => {
    const root = copyArchive();
    const first = await loadArchive(options(root));
    expect(first.stats).toEqual({ files: 8, read: 8, indexed: 8 });
    expect(first.archive.withId('inc-2024-017').map((e) => path.basename(e.filePath))).toEqual(['2024-05-21-checkout-pool.md']);
    expect(first.archive.entries.every((e) => e.rootCause === undefined)).toBe(true);
    const second = await loadArchive(options(root));
    expect(second.stats).toEqual({ files: 8, read: 0, indexed: 0 });
    expect(second.archive.entries).toEqual(first.archive.entries);
    expect(second.digest).toBe(first.digest);

    // Touched, same content: read and hashed, not indexed again. Changed: indexed again.
    const file = path.join(root, 'postmortems/2024-08-02-card-declines.md');
    utimesSync(file, new Date(Date.now() - 1_800_000), new Date(Date.now() - 1_800_000));
    expect((await loadArchive(options(root))).stats).toEqual({ files: 8, read: 1, indexed: 0 });
    writeFileSync(file, readFileSync(file, 'utf8').replace('INC-2024-030', 'INC-2024-031'));
    utimesSync(file, HOUR_AGO(), HOUR_AGO());
    const changed = await loadArchive(options(root));
    expect(changed.stats).toEqual({ files: 8, read: 1, indexed: 1 });
    expect(changed.digest).not.toBe(first.digest);

    // Removed and added files.
    rmSync(file);
    writeFileSync(path.join(root, 'postmortems/new.md'), '---\nid: NEW-1\n---\n# New\n');
    const next = await loadArchive(options(root));
    expect(next.stats).toEqual({ files: 8, read: 1, indexed: 1 });
    const stored = storedNames(path.join(root, '.cache/archive-index.json'));
    expect(stored).toContain('postmortems/new.md');
    expect(stored).not.toContain('postmortems/2024-08-02-card-declines.md');
  });

  it("a file modified within the clock's resolution of the last write is read again until it has settled", async () => {
    const root = copyArchive();
    const file = path.join(root, 'postmortems/2024-05-21-checkout-pool.md');
    await loadArchive(options(root));
    writeFileSync(file, readFileSync(file, 'utf8'));
    expect((await loadArchive(options(root))).stats.read).toBe(1);
    expect((await loadArchive(options(root))).stats.read).toBe(1); // Still within 2 s of the index.
  });

  it('body edits keep the digest; the root cause is read only for recurrence, and then entries without it are read again', async () => {
    const root = copyArchive();
    const first = await loadArchive(options(root));
    const file = path.join(root, 'postmortems/2024-05-21-checkout-pool.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('18% of order placements failed', '19% of order placements failed'));
    utimesSync(file, HOUR_AGO(), HOUR_AGO());
    expect((await loadArchive(options(root))).digest).toBe(first.digest);
    const withRootCause = await loadArchive(options(root, { need: 'root-cause' }));
    expect(withRootCause.stats).toEqual({ files: 8, read: 8, indexed: 8 });
    expect(withRootCause.archive.withId('INC-2024-017')[0]!.rootCause?.text).toMatch(/^The database connection pool of checkout-api was exhausted/);
    expect(withRootCause.digest).not.toBe(first.digest);
    // Read back from the index's rows: the same entries, root causes included.
    const again = await loadArchive(options(root, { need: 'root-cause' }));
    expect(again.stats.read).toBe(0);
    expect(again.archive.entries).toEqual(withRootCause.archive.entries);
    expect(again.digest).toBe(withRootCause.digest);
    // The index still answers the cheaper question without reading.
    expect((await loadArchive(options(root))).stats.read).toBe(0);
  });

  it('a link target outside the archive appearing changes the digest', async () => {
    const root = copyArchive();
    // The digest is computed when first read (only --cache reads it): read before the file appears.
    const before = (await loadArchive(options(root))).digest;
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs/search-runbook.md'), '# Runbook\n');
    expect((await loadArchive(options(root))).digest).not.toBe(before);
  });

  it("an index file of any other shape, a link or another user's is read as no index: every file is read again, no error", async () => {
    const root = copyArchive();
    const indexFile = path.join(root, '.cache/archive-index.json');
    await loadArchive(options(root));
    const lines = readFileSync(indexFile, 'utf8').split('\n');
    const entries = (await loadArchive(options(root))).archive.entries;
    const reread = { files: 8, read: 8, indexed: 8 };
    // Each column broken in its own way: the columns every lint reads make the whole index
    // unusable; the others are parsed only when a lookup needs them (a hook's lint reads no
    // file for them), and then their rows are read from the files.
    const none = { files: 8, read: 0, indexed: 0 };
    const broken: [line: number, value: string, stats: typeof reread][] = [
      [0, '{"key": 1}', reread],
      [1, JSON.stringify(Array(8).fill(7)), reread],
      [2, '[1, 2]', reread],
      [3, JSON.stringify(Array(8).fill({ id: 1 })), reread],
      [4, '[[], []]', none],
      [5, 'not json', none],
      [6, JSON.stringify(Array(8).fill([[], [], 0, { line: 1 }])), none],
    ];
    for (const [line, value, stats] of broken) {
      writeFileSync(indexFile, lines.map((text, i) => (i === line ? value : text)).join('\n'));
      const loaded = await loadArchive(options(root));
      expect(loaded.stats).toEqual(stats);
      expect(loaded.archive.entries).toEqual(entries);
      expect(loaded.archive.withTitleAndDate('Checkout card declines', '2024-08-02').length).toBeLessThanOrEqual(1);
    }
    // A forged index pointing elsewhere (a path after the rows) is no index either.
    writeFileSync(indexFile, [...lines, '"/etc/passwd"'].join('\n'));
    expect((await loadArchive(options(root))).stats.read).toBe(8);
    expect((await loadArchive(options(root))).archive.entries.map((e) => e.filePath).filter((f) => !f.startsWith(root))).toEqual([]);

    // A link to a device in the index's place: not followed (nothing waits or fills the memory), and replaced.
    rmSync(indexFile);
    symlinkSync('/dev/zero', indexFile);
    expect((await loadArchive(options(root))).stats.read).toBe(8);
    expect(lstatSync(indexFile).isFile()).toBe(true);
  });

  it('starts afresh from an unreadable or foreign cache; an unwritable one only costs time', async () => {
    const root = copyArchive();
    mkdirSync(path.join(root, '.cache'));
    writeFileSync(path.join(root, '.cache/archive-index.json'), '{ not json');
    expect((await loadArchive(options(root))).stats.read).toBe(8);
    expect((await loadArchive(options(root, { sectionAliases: new Map([['What broke', 'root-cause']]) }))).stats.read).toBe(8);
    const blocked = options(root, { indexFile: path.join(root, 'postmortems/2024-05-21-checkout-pool.md/index.json') });
    expect((await loadArchive(blocked)).stats.files).toBe(8);
  });

  it('the files being linted belong to the archive even outside the content folder; no content folder, only they', async () => {
    const root = copyArchive();
    writeFileSync(path.join(root, 'draft.md'), '---\nid: INC-2024-017\n---\n# Draft\n');
    const loaded = await loadArchive(options(root, { files: [path.join(root, 'draft.md')] }));
    expect(loaded.stats.files).toBe(9);
    expect(loaded.archive.withId('INC-2024-017')).toHaveLength(2);
    expect((await loadArchive(options(root, { content: path.join(root, 'nowhere'), files: [path.join(root, 'draft.md')] }))).stats.files).toBe(1);
  });

  it("is kept beside the lint cache with --cache, else per folder in this user's own cache folder, else nowhere", async () => {
    expect(indexFileFor('/p/node_modules/.cache/hindsight/lint-cache.json', '/p', true)).toBe('/p/node_modules/.cache/hindsight/archive-index.json');
    const elsewhere = indexFileFor('/p/node_modules/.cache/hindsight/lint-cache.json', '/p', false)!;
    expect(path.dirname(elsewhere)).toBe(userCacheFolder());
    expect(elsewhere).not.toBe(indexFileFor('/p/node_modules/.cache/hindsight/lint-cache.json', '/q', false));
    expect(indexFileFor('/p/node_modules/.cache/hindsight/lint-cache.json', '/p', false, () => null)).toBeNull();

    const root = copyArchive();
    await lintArchive(root, ['postmortems/2025-03-01-search-outage.md'], { cache: false });
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
    // Without --cache, a lint keeps the index in the user's folder, for an archive of any size.
    const tmpIndex = indexFileFor(path.join(root, 'node_modules/.cache/hindsight/lint-cache.json'), root, false)!;
    expect(existsSync(tmpIndex)).toBe(true);
    rmSync(tmpIndex);
    await loadArchive(options(root, { indexFile: tmpIndex, cacheFrom: 8 }));
    expect(existsSync(tmpIndex)).toBe(true);
    rmSync(tmpIndex);
    await loadArchive(options(root, { indexFile: tmpIndex, cacheFrom: 9 }));
    expect(existsSync(tmpIndex)).toBe(false);
    await lintArchive(root, ['postmortems/2025-03-01-search-outage.md'], { cache: true });
    expect(existsSync(path.join(root, 'node_modules/.cache/hindsight/archive-index.json'))).toBe(true);
  });
});

describe('the lint cache with cross-file rules', () => {
  it('a change another file makes to what they read is seen, though this file is unchanged', async () => {
    const root = copyArchive();
    const search = 'postmortems/2025-03-01-search-outage.md';
    expect(Object.keys(findingsOf(await lintArchive(root, [search]), 'unique-id'))).toEqual(['2025-03-01-search-outage.md']);
    const other = path.join(root, 'postmortems/2024-08-02-card-declines.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace('INC-2024-030', 'INC-2024-031'));
    expect(findingsOf(await lintArchive(root, [search]), 'unique-id')).toEqual({});
    // The runbook the search postmortem links to is written: its finding goes too.
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs/search-runbook.md'), '# Runbook\n');
    expect(findingsOf(await lintArchive(root, [search]), 'related-links')['2025-03-01-search-outage.md']).toHaveLength(1);
  });
});
