// The search index: Pagefind's Node API over each incident's searchable document, failing
// loudly (Pagefind itself only returns its errors), written into the build's cache folder
// during the build and linked into the site after it, and reused by a build whose documents
// are all the same.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { toIncident } from '../../src/site/shared/incident.ts';
import { storedModel } from '../../src/site/shared/process.ts';
import {
  SearchIndexError,
  finishSearchIndex,
  indexOfDocuments,
  pagefindVersion,
  searchDocument,
  searchEntriesKey,
  searchIndexKey,
  startSearchIndex,
  writeSearchIndex,
} from '../../src/site/shared/search.ts';
import type { EntryData } from '../../src/site/shared/types.ts';

/** One HTML decoding of the few entities escapeXml writes. */
function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function entry(slug: string, frontmatter: Record<string, unknown>, title: string): EntryData {
  return {
    slug,
    sourcePath: `postmortems/${slug}.md`,
    // The product's own empty model (no sections, timeline or window), with the title and
    // frontmatter the search document reads.
    model: { ...storedModel(buildModel(`postmortems/${slug}.md`, '').model), title, frontmatter: { data: frontmatter } },
    findings: [],
    errorCount: 0,
    warningCount: 0,
    lastUpdated: { iso: '2024-05-01T00:00:00Z', from: 'mtime' },
    excerpt: '',
  };
}

describe('search index', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hindsight-search-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the title, the body, the date and the filters of an incident, escaped', () => {
    const incident = toIncident(entry('2024-03-02-disk', { date: '2024-03-02', severity: 'SEV2', services: ['logs', 'a<b'] }, 'Disk <full>'));
    const doc = searchDocument(incident, '<p>The log volume filled up.</p>');
    expect(doc.url).toBe('/incidents/2024-03-02-disk/');
    expect(doc.html).toContain('<article data-pagefind-body data-pagefind-meta="date:2024-03-02" data-pagefind-sort="date:2024-03-02">');
    expect(doc.html).toContain('<h1>Disk &lt;full&gt;</h1><div><p>The log volume filled up.</p></div>');
    expect(doc.html).toContain('<span data-pagefind-filter="year">2024</span>');
    expect(doc.html).toContain('<span data-pagefind-filter="severity">SEV2</span>');
    expect(doc.html).toContain('<span data-pagefind-filter="service">logs</span><span data-pagefind-filter="service">a＜b</span>');
  });

  it('makes the frontmatter id searchable text, weighted, before the title; none without an id', async () => {
    const withId = searchDocument(toIncident(entry('2024-03-02-disk', { id: 'INC-2024-<17>' }, 'Disk full')), '<p>Body.</p>');
    expect(withId.html).toContain('"><p data-pagefind-weight="10">INC-2024-＜17＞</p><h1>Disk full</h1>');
    expect(searchDocument(toIncident(entry('2024-03-02-disk', {}, 'Disk full')), '').html).not.toContain('data-pagefind-weight');
  });

  // Pagefind's UI renders filter values as HTML, and Pagefind decodes them more than once.
  const HOSTILE_SERVICES = [
    '<img src=x onerror=alert(1)>',
    '&lt;svg onload=alert(2)&gt;',
    '&amp;lt;b&amp;gt;deep',
    'a, b:c',
    'R&D',
    'tab\there\u001b[2J\nnext',
  ];
  const hostile = (): EntryData => entry('x', { date: '2024-03-02', severity: `SEV2"><script>alert(3)</script>`, services: HOSTILE_SERVICES }, 'T');

  it('gives Pagefind filter values that read the same however often they are decoded', () => {
    const { html } = searchDocument(toIncident(hostile()), '');
    const values = [...html.matchAll(/<span data-pagefind-filter="(\w+)">([^<]*)<\/span>/g)].map(([, name, value]) => [name, decode(value!)]);
    expect(values).toEqual([
      ['year', '2024'],
      ['severity', 'SEV2"＞＜script＞alert(3)＜/script＞'],
      ['service', '＜img src=x onerror=alert(1)＞'],
      ['service', '＆lt;svg onload=alert(2)＆gt;'],
      ['service', '＆amp;lt;b＆amp;gt;deep'],
      ['service', 'a, b:c'],
      ['service', 'R＆D'],
      ['service', 'tab here [2J next'],
    ]);
    for (const [, value] of values) expect(decode(value!)).toBe(value);
    // No filter, meta or sort is given in an attribute that frontmatter text reaches.
    expect([...html.matchAll(/data-pagefind-(?:filter|meta|sort)="([^"]*)"/g)].map(([, v]) => v)).toEqual([
      'date:2024-03-02',
      'date:2024-03-02',
      'year',
      'severity',
      ...HOSTILE_SERVICES.map(() => 'service'),
    ]);
  });

  it('stores filter values in the index with no markup for its UI to render', async () => {
    const out = path.join(dir, 'pagefind');
    await writeSearchIndex([searchDocument(toIncident(hostile()), '<p>The payload volume.</p>')], out);
    const fragments = readdirSync(path.join(out, 'fragment')).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(path.join(out, 'fragment', name)))
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ) as { filters: Record<string, string[]> },
    );
    expect(fragments.length).toBe(1);
    const { filters } = fragments[0]!;
    expect(Object.keys(filters).sort()).toEqual(['service', 'severity', 'year']);
    expect(filters.service).toHaveLength(HOSTILE_SERVICES.length);
    for (const value of Object.values(filters).flat()) expect(value).not.toMatch(/[<>&]/);
    expect(filters.service).toContain('＜img src=x onerror=alert(1)＞');
  });

  it('leaves out a date that is not YYYY-MM-DD rather than pass it to Pagefind', () => {
    const incident = { ...toIncident(entry('x', { severity: 'SEV2' }, 'T')), date: '2024-03-02"x', year: '2024"' };
    const { html } = searchDocument(incident, '');
    expect(html).not.toContain('data-pagefind-meta');
    expect(html).not.toContain('data-pagefind-filter="year"');
  });

  it('indexes the documents with their filters and writes the index', async () => {
    const incident = toIncident(entry('a', { date: '2024-03-02', severity: 'SEV2' }, 'Disk full'));
    const out = path.join(dir, 'pagefind');
    expect(await writeSearchIndex([searchDocument(incident, '<p>The log volume filled up.</p>')], out)).toBe(1);
    expect(existsSync(path.join(out, 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(path.join(out, 'pagefind-ui.js'))).toBe(true);
    expect(readdirSync(path.join(out, 'filter')).length).toBeGreaterThan(0);
  });

  it('fails when there is nothing to index', async () => {
    await expect(writeSearchIndex([], path.join(dir, 'pagefind'))).rejects.toBeInstanceOf(SearchIndexError);
  });

  it('puts the index written during the build into the site, and fails when none was started', async () => {
    const incident = toIncident(entry('a', { date: '2024-03-02', severity: 'SEV2' }, 'Disk full'));
    const site = path.join(dir, 'dist');
    mkdirSync(site);
    startSearchIndex(indexOfDocuments([searchDocument(incident, '<p>The log volume filled up.</p>')]), path.join(dir, 'work'));
    expect(await finishSearchIndex(site)).toEqual({ pages: 1, reused: false });
    expect(existsSync(path.join(site, 'pagefind', 'pagefind-ui.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'work', 'staging'))).toBe(false);
    await expect(finishSearchIndex(site)).rejects.toBeInstanceOf(SearchIndexError);
  });

  it("reuses the last build's index when every document is the same, and only then", async () => {
    const work = path.join(dir, 'work');
    const docs = ['a', 'b'].map((slug) =>
      searchDocument(toIncident(entry(slug, { date: '2024-03-02', severity: 'SEV2' }, `Disk ${slug}`)), `<p>The ${slug} volume filled up.</p>`),
    );
    const build = async (documents: typeof docs, name: string) => {
      const site = path.join(dir, name);
      mkdirSync(site);
      startSearchIndex(indexOfDocuments(documents), work);
      const result = await finishSearchIndex(site);
      const files = readdirSync(path.join(site, 'pagefind'), { recursive: true }).map(String).sort();
      return { ...result, files, entry: readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8') };
    };
    const first = await build(docs, 'one');
    expect(first).toMatchObject({ pages: 2, reused: false });
    // The same documents in another order: the same index, not made again.
    const second = await build([...docs].reverse(), 'two');
    expect(second).toMatchObject({ pages: 2, reused: true });
    expect(second.files).toEqual(first.files);
    expect(second.entry).toBe(first.entry);
    // A changed body: indexed again.
    const changed = [docs[0]!, { ...docs[1]!, html: docs[1]!.html.replace('filled up', 'ran out') }];
    expect(await build(changed, 'three')).toMatchObject({ pages: 2, reused: false });
    // A build that fails leaves no key behind: the next one indexes again.
    startSearchIndex(indexOfDocuments([]), work);
    await expect(finishSearchIndex(path.join(dir, 'four'))).rejects.toBeInstanceOf(SearchIndexError);
    expect(await build(changed, 'five')).toMatchObject({ reused: false });
    expect(searchIndexKey(changed)).not.toBe(searchIndexKey(docs));
    // The installed Pagefind's version is part of the key (an upgrade indexes again).
    expect(pagefindVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('keyed by the entries it is made from, makes no document while the kept index has their key', async () => {
    const work = path.join(dir, 'work');
    const docs = ['a', 'b'].map((slug) =>
      searchDocument(toIncident(entry(slug, { date: '2024-03-02', severity: 'SEV2' }, `Disk ${slug}`)), `<p>The ${slug} volume filled up.</p>`),
    );
    const entries = [
      { id: 'a', digest: 'd1' },
      { id: 'b', digest: 'd2' },
    ];
    let made = 0;
    const build = async (key: string, name: string) => {
      const site = path.join(dir, name);
      mkdirSync(site);
      const documents = () => {
        made++;
        return docs;
      };
      startSearchIndex({ key, documents }, work);
      return finishSearchIndex(site);
    };
    expect(await build(searchEntriesKey(entries, ''), 'one')).toEqual({ pages: 2, reused: false });
    expect(made).toBe(1);
    // The same entries in another order: reused, with the number of pages it holds, no document made.
    expect(await build(searchEntriesKey([...entries].reverse(), ''), 'two')).toEqual({ pages: 2, reused: true });
    expect(made).toBe(1);
    expect(existsSync(path.join(dir, 'two', 'pagefind', 'pagefind-entry.json'))).toBe(true);
    // A changed digest, another id or another base: another key, so indexed again.
    const key = searchEntriesKey(entries, '');
    expect(searchEntriesKey([entries[0]!, { id: 'b', digest: 'd3' }], '')).not.toBe(key);
    expect(searchEntriesKey([entries[0]!, { id: 'c', digest: 'd2' }], '')).not.toBe(key);
    expect(searchEntriesKey(entries, '/archive')).not.toBe(key);
    expect(await build(searchEntriesKey([entries[0]!, { id: 'b', digest: 'd3' }], ''), 'three')).toEqual({ pages: 2, reused: false });
    expect(made).toBe(2);
  });

  it('fails the build when indexing failed', async () => {
    startSearchIndex(indexOfDocuments([]), path.join(dir, 'work'));
    await expect(finishSearchIndex(path.join(dir, 'dist'))).rejects.toBeInstanceOf(SearchIndexError);
  });
});
