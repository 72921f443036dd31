import fc from 'fast-check';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { linkNodes, localMarkdownTarget, mayLinkMarkdown } from '../../src/lint/archive/links.ts';
import { FUZZ, SEED } from '../helpers/fuzz.ts';

/** The local Markdown targets of a document, read as the related-links rule reads them. */
function markdownTargets(source: string): string[] {
  const tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return linkNodes(tree).flatMap(({ url }) => localMarkdownTarget(url) ?? []);
}

// related-links skips its tree walk when mayLinkMarkdown says no link can name a local
// Markdown file: a "no" for a document with such a link would hide a broken link.
describe('mayLinkMarkdown', () => {
  it('says yes for each way of writing a link to a Markdown file', () => {
    for (const source of [
      '[a](notes.md)',
      '[a](NOTES.MD#impact)',
      '[a](<two words.md>)',
      '[a]\n\n[a]: ../2024/outage.md',
      '[a](notes%2Emd)',
      '[a](notes.m%64)',
      '[a](notes&#46;md)',
      '[a](notes&period;md)',
      '[a](notes.&#109;d)',
      '[a](notes\\.md)',
    ]) {
      expect(markdownTargets(source), source).not.toEqual([]);
      expect(mayLinkMarkdown(source), source).toBe(true);
    }
  });

  it('says no for a document whose links name no Markdown file', () => {
    const source = '# Outage\n\nSee [the dashboard](https://example.com/d) and [notes](notes.txt).\n';
    expect(markdownTargets(source)).toEqual([]);
    expect(mayLinkMarkdown(source)).toBe(false);
  });

  it('never says no for a generated link to a Markdown file', () => {
    const words = 'a notes . / ../ md MD m d %2E %2e %6D %64 &#46; &#x2E; &period; &#109; \\. \\ ?q #h < > )'.split(' ');
    const piece = fc.constantFrom(...words, ' ');
    const link = fc.tuple(fc.array(piece, { maxLength: 8 }), fc.constantFrom('inline', 'angle', 'definition')).map(([parts, form]) => {
      const url = parts.join('');
      if (form === 'angle') return `[a](<${url}>)`;
      if (form === 'definition') return `[a]\n\n[a]: ${url}`;
      return `[a](${url})`;
    });
    fc.assert(
      fc.property(link, (source) => {
        if (markdownTargets(source).length > 0) expect(mayLinkMarkdown(source)).toBe(true);
      }),
      { numRuns: 3000 * FUZZ, seed: SEED },
    );
  });
});
