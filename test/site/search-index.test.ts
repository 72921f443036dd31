// The search integration: Pagefind's Node API over the built pages, failing loudly (Pagefind
// itself only returns its errors).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchIndexError, buildSearchIndex } from '../../src/site/integration.ts';

describe('buildSearchIndex', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hindsight-search-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes the incident pages with their filters and writes the index', async () => {
    mkdirSync(path.join(dir, 'incidents', 'a'), { recursive: true });
    writeFileSync(
      path.join(dir, 'incidents', 'a', 'index.html'),
      '<html lang="en"><body><article data-pagefind-body><h1>Disk full</h1><p>The log volume filled up.</p></article><span data-pagefind-filter="severity:SEV2"></span></body></html>',
    );
    expect(await buildSearchIndex(dir)).toBe(1);
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind-ui.js'))).toBe(true);
  });

  it('fails when there is nothing to index', async () => {
    await expect(buildSearchIndex(dir)).rejects.toBeInstanceOf(SearchIndexError);
  });
});
