// `related-links` finds a postmortem by its file name (withStem). The stem is taken of every
// file of the archive in a hook's lint, so archive.ts cuts it by hand: it must be what the
// obvious path.basename and pattern give, on any name.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive, stemOf } from '../../src/lint/archive/archive.ts';
import type { ArchiveEntry } from '../../src/lint/archive/entry.ts';

const obvious = (filePath: string): string => path.basename(filePath).replace(/\.md$/i, '').toLowerCase();

const NAMES = [
  '2024-05-21-checkout-pool.md',
  'INC-7.MD',
  'notes.Md',
  '.md',
  'a.md.md',
  'readme',
  'draft.markdown',
  'İstanbul-outage.md',
  'ÅRSRAPPORT.MD',
  'space in name .md',
  'x.mdx',
];

describe('stemOf', () => {
  it('is the file name without .md, lower-cased, as path.basename and a pattern give it', () => {
    for (const name of NAMES)
      for (const folder of ['/archive/postmortems', '/archive/a.md', path.resolve('relative')]) {
        const file = path.join(folder, name);
        expect(stemOf(file), file).toBe(obvious(file));
      }
  });
});

describe('lookups by file name and path', () => {
  // The first lookups scan the rows (a hook makes a few); later ones use a map built once.
  // Both must answer alike, whatever the name's case or alphabet.
  it('answer the same from a scan of the rows and from the map built after it', () => {
    const entries: ArchiveEntry[] = NAMES.flatMap((name) =>
      ['/archive/postmortems', '/archive/postmortems/2024'].map((folder) => ({
        filePath: path.join(folder, name),
        id: null,
        title: null,
        date: null,
        services: [],
        related: [],
      })),
    );
    const asked = [...NAMES.map(obvious), ...NAMES, 'i̇stanbul-outage', 'İSTANBUL-OUTAGE', 'inc-7', 'missing', ' notes.md '];
    const byStem = (archive: Archive): string[][] => asked.map((stem) => archive.withStem(stem).map((e) => e.filePath));
    const byPath = (archive: Archive): (string | undefined)[] =>
      [...entries.map((e) => e.filePath), '/archive/postmortems/missing.md'].map((f) => archive.at(f)?.filePath);
    const expected = asked.map((stem) => entries.filter((e) => obvious(e.filePath) === obvious(stem.trim())).map((e) => e.filePath));
    const scanned = new Archive('/archive', entries);
    expect(byStem(scanned)).toEqual(expected);
    // Every path is found; the second pass of each lookup is answered from the map.
    const again = new Archive('/archive', entries);
    const first = byPath(again);
    expect(first).toEqual([...entries.map((e) => e.filePath), undefined]);
    expect(byPath(again)).toEqual(first);
    expect(byStem(again)).toEqual(expected);
    expect(byStem(again)).toEqual(expected);
  });
});
