// `--cache`: an unchanged file under an unchanged configuration and version is answered from
// the cache file without running any rule; anything else is linted again.
import { chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LintCache, cacheKey, contentHash } from '../../src/lint/cache.ts';
import type { Finding } from '../../src/lint/engine.ts';
import { lintRun, type LintRunOptions } from '../../src/lint/run.ts';
import { CLEAN, ERROR, FIXABLE, WARN } from '../cli/helpers.ts';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-cache-')));
  temporary.push(root);
  write(root, files);
  return root;
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

const NOW = new Date('2026-01-01T00:00:00Z');

async function run(cwd: string, more: Partial<LintRunOptions> = {}) {
  const result = await lintRun({ cwd, cache: true, timing: true, now: NOW, version: '1.0.0', ...more });
  return {
    ...result,
    /** Rules that ran, i.e. files that were linted rather than read from the cache. */
    ran: Object.keys(result.timings ?? {}).length > 0,
    byName: new Map(result.results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.message)])),
  };
}

const DEFAULT_CACHE = 'node_modules/.cache/hindsight/lint-cache.json';

interface StoredCache {
  key: string;
  files: Record<string, { hash: string; messages: Finding[] }>;
}

/** Replaces one file's cached messages with a marker that only the cache can produce. */
function plantMarker(cacheFile: string, file: string): void {
  const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as StoredCache;
  stored.files[file]!.messages = [{ ruleId: 'marker', severity: 1, message: 'from the cache', line: 1, column: 1, endLine: 1, endColumn: 1 }];
  writeFileSync(cacheFile, JSON.stringify(stored));
}

describe('lint cache', () => {
  it("a second run reads no file's rules and gives the same results; the file is under node_modules/.cache of the config root", async () => {
    const root = tree({ 'hindsight.config.json': '{}', 'postmortems/a.md': WARN, 'postmortems/b.md': ERROR, 'postmortems/nested/c.md': CLEAN });
    const cwd = path.join(root, 'postmortems', 'nested');
    const first = await run(cwd);
    expect(first.ran).toBe(true);
    expect(existsSync(path.join(root, DEFAULT_CACHE))).toBe(true);
    const second = await run(cwd);
    expect(second.ran).toBe(false);
    expect(second.timings).toEqual({});
    expect(second.results).toEqual(first.results);
  });

  it('a changed file is linted again, and only it', async () => {
    const root = tree({ 'postmortems/a.md': WARN, 'postmortems/b.md': ERROR });
    await run(root);
    plantMarker(path.join(root, DEFAULT_CACHE), path.join(root, 'postmortems/a.md'));
    write(root, { 'postmortems/b.md': CLEAN });
    const next = await run(root);
    expect(next.ran).toBe(true);
    expect(next.byName.get('a.md')).toEqual(['from the cache']);
    expect(next.byName.get('b.md')).toEqual([]);
  });

  it('a changed configuration or version invalidates every entry', async () => {
    const root = tree({ 'hindsight.config.json': '{}', 'postmortems/a.md': WARN });
    const cacheFile = path.join(root, DEFAULT_CACHE);
    await run(root);
    plantMarker(cacheFile, path.join(root, 'postmortems/a.md'));
    expect((await run(root)).byName.get('a.md')).toEqual(['from the cache']);

    const newVersion = await run(root, { version: '1.0.1' });
    expect(newVersion.ran).toBe(true);
    expect(newVersion.byName.get('a.md')).toEqual([expect.stringContaining('should have')]);

    plantMarker(cacheFile, path.join(root, 'postmortems/a.md'));
    write(root, { 'hindsight.config.json': '{"rules": {"blameless-language": "error"}}' });
    const newConfig = await run(root, { version: '1.0.1' });
    expect(newConfig.ran).toBe(true);
    expect(newConfig.results[0]!.errorCount).toBe(1);
  });

  it('the cache key of the configuration puts the cache file where it says', async () => {
    const root = tree({ 'hindsight.config.yaml': 'cache: .cache/hindsight.json\n', 'postmortems/a.md': CLEAN });
    await run(root);
    expect(existsSync(path.join(root, '.cache/hindsight.json'))).toBe(true);
    expect(existsSync(path.join(root, DEFAULT_CACHE))).toBe(false);
  });

  it('an unreadable or foreign cache file is started afresh', async () => {
    const root = tree({ 'postmortems/a.md': WARN });
    write(root, { [DEFAULT_CACHE]: '{ not json' });
    const first = await run(root);
    expect(first.byName.get('a.md')).toHaveLength(1);
    expect((JSON.parse(readFileSync(path.join(root, DEFAULT_CACHE), 'utf8')) as StoredCache).files).toHaveProperty([path.join(root, 'postmortems/a.md')]);
    expect((await run(root)).ran).toBe(false);
  });

  it('a malformed entry is a cache miss: the file is linted again, never a stack trace', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const root = tree(Object.fromEntries(names.map((n) => [`postmortems/${n}.md`, WARN])));
    const cacheFile = path.join(root, DEFAULT_CACHE);
    const first = await run(root);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; files: Record<string, unknown> };
    const hash = contentHash(WARN);
    const finding = { ruleId: 'x', severity: 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const broken: unknown[] = [
      null,
      'text',
      { hash, messages: 'not a list' },
      { hash, messages: [null] },
      { hash, messages: [{ ...finding, severity: 3 }] },
      { hash, messages: [{ ...finding, line: '1' }] },
      { hash, messages: [{ ...finding, fix: { start: 0, end: 1 } }] },
    ];
    names.forEach((n, i) => (stored.files[path.join(root, `postmortems/${n}.md`)] = broken[i]));
    writeFileSync(cacheFile, JSON.stringify(stored));
    const again = await run(root);
    expect(again.ran).toBe(true);
    expect(again.results).toEqual(first.results);
    // A `files` that is not a mapping: the whole cache is a miss.
    writeFileSync(cacheFile, JSON.stringify({ key: stored.key, files: null }));
    expect((await run(root)).results).toEqual(first.results);
    writeFileSync(cacheFile, JSON.stringify({ key: stored.key, files: [] }));
    expect((await run(root)).results).toEqual(first.results);
  });

  it('a cache file that is a link (to a device, to a file elsewhere) is not read, and is replaced, not written through', async () => {
    const root = tree({ 'postmortems/a.md': WARN, 'elsewhere.txt': 'precious\n' });
    const cacheFile = path.join(root, DEFAULT_CACHE);
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    symlinkSync('/dev/zero', cacheFile);
    expect((await run(root)).ran).toBe(true);
    expect(lstatSync(cacheFile).isFile()).toBe(true);
    rmSync(cacheFile);
    symlinkSync(path.join(root, 'elsewhere.txt'), cacheFile);
    expect((await run(root)).ran).toBe(true);
    expect(readFileSync(path.join(root, 'elsewhere.txt'), 'utf8')).toBe('precious\n');
    expect(lstatSync(cacheFile).isFile()).toBe(true);
  });

  // As root, a cache file can be given to another user: one it did not write is not trusted.
  it.skipIf(process.getuid?.() !== 0)("a cache file of another user's is not trusted", async () => {
    const root = tree({ 'postmortems/a.md': WARN });
    await run(root);
    chownSync(path.join(root, DEFAULT_CACHE), 65534, 65534);
    expect((await run(root)).ran).toBe(true);
    expect((await run(root)).ran).toBe(false);
  });

  it('--fix does not trust a cached fixable finding: it fixes, and the fixed text is what is cached', async () => {
    const root = tree({ 'postmortems/a.md': FIXABLE });
    const first = await run(root);
    expect(first.results[0]!.fixableErrorCount).toBe(1);
    const fixed = await run(root, { fix: true });
    expect(fixed.ran).toBe(true);
    expect(readFileSync(path.join(root, 'postmortems/a.md'), 'utf8')).toBe(CLEAN);
    expect(fixed.results[0]!.messages).toEqual([]);
    const after = await run(root);
    expect(after.ran).toBe(false);
    expect(after.results[0]!.messages).toEqual([]);
  });
});

describe('LintCache', () => {
  it('keeps entries by path and content hash, under one key', () => {
    const root = tree({});
    const file = path.join(root, 'cache.json');
    const key = cacheKey(['1.0.0', { rules: {} }, 'recommended']);
    const cache = new LintCache(file, key);
    expect(cache.get('/a.md', contentHash('x'))).toBeNull();
    cache.set('/a.md', contentHash('x'), []);
    cache.save();
    const reopened = new LintCache(file, key);
    expect(reopened.get('/a.md', contentHash('x'))).toEqual([]);
    expect(reopened.get('/a.md', contentHash('y'))).toBeNull();
    expect(new LintCache(file, cacheKey(['1.0.1', { rules: {} }, 'recommended'])).get('/a.md', contentHash('x'))).toBeNull();
  });
});
