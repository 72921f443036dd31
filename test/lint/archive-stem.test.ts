// `related-links` finds a postmortem by its file name (withStem). The stem is taken of every
// file of the archive in a hook's lint, so archive.ts cuts it by hand: it must be what the
// obvious path.basename and pattern give, on any name.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stemOf } from '../../src/lint/archive/archive.ts';

const obvious = (filePath: string): string => path.basename(filePath).replace(/\.md$/i, '').toLowerCase();

describe('stemOf', () => {
  it('is the file name without .md, lower-cased, as path.basename and a pattern give it', () => {
    const names = [
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
    for (const name of names)
      for (const folder of ['/archive/postmortems', '/archive/a.md', path.resolve('relative')]) {
        const file = path.join(folder, name);
        expect(stemOf(file), file).toBe(obvious(file));
      }
  });
});
