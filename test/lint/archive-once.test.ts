// Cross-file rules (unique-id, related-links, recurrence) read the archive index once per
// run, never once per file: on the main thread and in the worker pool alike. Counted, not timed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateArchive } from '../../bench/generate.ts';
import { INDEX_FILE } from '../../src/lint/archive-index.ts';
import { lintRun, MIN_FILES_FOR_WORKERS } from '../../src/lint/run.ts';

const counts = vi.hoisted(() => ({ loads: 0, indexReads: 0 }));
vi.mock('../../src/lint/cache-file.ts', async (original) => {
  const actual = await original<typeof import('../../src/lint/cache-file.ts')>();
  return {
    ...actual,
    readCacheFile: (file: string) => {
      if (path.basename(file) === 'archive-index.json') counts.indexReads++;
      return actual.readCacheFile(file);
    },
  };
});
vi.mock('../../src/lint/archive-index.ts', async (original) => {
  const actual = await original<typeof import('../../src/lint/archive-index.ts')>();
  return {
    ...actual,
    loadArchive: (options: Parameters<typeof actual.loadArchive>[0]) => {
      counts.loads++;
      return actual.loadArchive(options);
    },
  };
});

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-archive-once-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  counts.loads = 0;
  counts.indexReads = 0;
});

/** An archive of `count` postmortems, one of them a copy (a unique-id finding that needs the whole archive). */
function archive(name: string, count: number): string {
  const root = path.join(work, name);
  const generated = generateArchive(path.join(root, 'postmortems'), count, 5);
  writeFileSync(path.join(root, 'postmortems', 'copy.md'), readFileSync(generated.files[0]!, 'utf8'));
  writeFileSync(path.join(root, 'hindsight.config.json'), '{}');
  // Written a minute ago: a file modified just before the index is saved is read again until it has settled.
  const past = new Date(Date.now() - 60_000);
  for (const name of readdirSync(path.join(root, 'postmortems'))) utimesSync(path.join(root, 'postmortems', name), past, past);
  return root;
}

async function lintTwice(root: string): Promise<void> {
  const now = new Date('2026-11-21T12:00:00Z');
  const first = await lintRun({ cwd: root, now, cache: true });
  const files = first.results.length;
  expect(files).toBeGreaterThan(20);
  // Every file is read for the index once, the index file once, and the finding that needs
  // the whole archive is there.
  expect(counts).toEqual({ loads: 1, indexReads: 1 });
  expect(first.archive).toMatchObject({ files, read: files });
  expect(first.results.filter((r) => r.messages.some((m) => m.ruleId === 'unique-id'))).toHaveLength(2);
  // Again, with the lint cache gone (every file linted): the index answers, no file is read for it.
  rmSync(path.join(root, 'node_modules/.cache/hindsight/lint-cache.json'));
  const again = await lintRun({ cwd: root, now, cache: true });
  expect(counts).toEqual({ loads: 2, indexReads: 2 });
  expect(again.archive).toMatchObject({ files, read: 0 });
  expect(again.results).toEqual(first.results);
}

describe('the archive index', () => {
  it('is read once per run on the main thread', async () => {
    const previous = process.env.HINDSIGHT_WORKERS;
    process.env.HINDSIGHT_WORKERS = '0';
    try {
      await lintTwice(archive('main', 30));
    } finally {
      if (previous === undefined) delete process.env.HINDSIGHT_WORKERS;
      else process.env.HINDSIGHT_WORKERS = previous;
    }
  });

  it.skipIf(availableParallelism() < 2)('is read once per run with worker threads, which get its entries and read nothing', async () => {
    const previous = process.env.HINDSIGHT_WORKERS;
    // In worker threads from MIN_FILES_FOR_WORKERS files, whatever the cores (two cores wait for more).
    process.env.HINDSIGHT_WORKERS = '1';
    try {
      await lintTwice(archive('pool', MIN_FILES_FOR_WORKERS + 10));
    } finally {
      if (previous === undefined) delete process.env.HINDSIGHT_WORKERS;
      else process.env.HINDSIGHT_WORKERS = previous;
    }
  });

  it('is not loaded by any module a worker thread runs', () => {
    // Worker threads get the entries from the main thread (pool.ts → worker.ts); were the
    // index module in their import graph, each thread could read it again.
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+\.(?:ts|js))'/g)) visit(path.resolve(path.dirname(file), m[1]!));
    };
    visit(path.join(root, 'src/lint/worker.ts'));
    // The registry imports every file of rules/ by reading the folder.
    for (const name of readdirSync(path.join(root, 'rules')).filter((n) => n.endsWith('.ts'))) visit(path.join(root, 'rules', name));
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((f) => f.endsWith(path.join('src', 'lint', 'linter.ts')))).toHaveLength(1);
    expect([...seen].filter((f) => f.endsWith(path.join('src', 'lint', 'archive-index.ts')))).toEqual([]);
    expect(INDEX_FILE).toBe('archive-index.json');
  });
});
