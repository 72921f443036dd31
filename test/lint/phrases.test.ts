// The rule kit's text search (src/lint/kit/text/): the phrase search, the shared pre-scan of
// anchors and the search near anchors find exactly what a plain RegExp scan finds, on random
// texts made of the words and characters they look for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnchorScan, defineAnchors, proseAnchors, sourceAnchors } from '../../src/lint/kit/text/anchors.ts';
import { clauseStart, CoveredRanges, isQuoted, proseText } from '../../src/lint/kit/text/context.ts';
import { matchesNear, nearSearch } from '../../src/lint/kit/text/near.ts';
import { JoinedPieces } from '../../src/lint/kit/text/joined.ts';
import { describeLabel } from '../../src/lint/kit/text/lines.ts';
import { escapeRegExp, opensWithPhrase, PARAGRAPH_SPACE, phraseAlternation, phraseSearch } from '../../src/lint/kit/text/phrases.ts';
import type { TextPiece } from '../../src/lint/kit/prose.ts';

const WORDS = ['human', 'error', 'Human', 'ERROR', 'errors', 'root', 'cause', 'cowboy', 'deploy', 'Ana', 'ana', 'should', 'have', 'tested', 'x', 'a.b'];
const SEPARATORS = [' ', '  ', '\n', '\n\n', '-', '_', '.', ', ', '\t', '"', '@', '’'];
/** Random text of the words and separators the phrases are made of. */
const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 40 }).map((parts) => parts.flat().join(''));
const phrases = fc.uniqueArray(fc.constantFrom('human error', 'error', 'root cause', 'cowboy deploy', 'Ana', 'a.b', 'should have', 'errors'), {
  minLength: 1,
  maxLength: 4,
});

/** The plain reference: one RegExp of the escaped phrases, whole words, any case, as the rules wrote it. */
function reference(list: readonly string[], source: string): { start: number; end: number }[] {
  const re = new RegExp(String.raw`(?<![\w-])(?:${list.map((p) => escapeRegExp(p).replace(/\s+/g, PARAGRAPH_SPACE)).join('|')})(?![\w-])`, 'gi');
  return [...source.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

describe('phraseSearch', () => {
  it('finds whole words and phrases in any case, across one line break, not across paragraphs', () => {
    const find = phraseSearch(['human error', 'cowboy deploy']);
    expect(find('It was Human\nerror; a cowboy-deploy, a cowboy deploy.').map((h) => h.text)).toEqual(['Human\nerror', 'cowboy deploy']);
    expect(find('human\n\nerror, inhuman error, human errors')).toEqual([]);
  });

  it('keeps case and regular-expression tokens when asked', () => {
    expect(phraseSearch(['TODO'], { caseSensitive: true })('todo TODO').map((h) => h.start)).toEqual([5]);
    expect(phraseSearch(['careless(?:ly|ness)?'], { regex: true })('carelessly, careless-ness').map((h) => h.text)).toEqual(['carelessly']);
    expect(phraseAlternation(['team members?', 'a.b'], { regex: false, space: ' ' })).toBe(String.raw`(?:team members\?|a\.b)`);
  });

  it('finds what a plain RegExp scan of the phrases finds', () => {
    fc.assert(
      fc.property(phrases, text, (list, source) => {
        expect(phraseSearch(list)(source).map(({ start, end }) => ({ start, end }))).toEqual(reference(list, source));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });
});

describe('the shared pre-scan of anchors', () => {
  const word = defineAnchors('test words', 'source', /\berror|\bhuman/i);
  const cased = defineAnchors('test upper case', 'source', /ERROR|rr/);
  // Sets that open with a word start share one \b in the combined pattern; one with a "|" outside its groups does not.
  const start = defineAnchors('test word start', 'source', /\b(?:rror|uman)|an\b/);
  const shared = defineAnchors('test word start, shared', 'source', /\b(?:ro|An)/);
  const presence = defineAnchors('test presence', 'source', /r/, { presence: true });

  it("finds every place of every set, also where one set's anchor starts inside another's", () => {
    fc.assert(
      fc.property(text, (source) => {
        const scan = new AnchorScan(source, [word, cased, start, presence, shared]);
        // A set asked only whether it occurs keeps its first place.
        expect(scan.of(presence)).toEqual(source.includes('r') ? [source.indexOf('r')] : []);
        const sets = [
          [word, /\berror|\bhuman/gi],
          [cased, /ERROR|rr/g],
          [start, /\b(?:rror|uman)|an\b/g],
          [shared, /\b(?:ro|An)/g],
        ] as const;
        for (const [anchors, re] of sets) {
          // Every place where the set's own pattern matches, as an empty look-ahead finds them.
          const expected = [...source.matchAll(new RegExp(`(?=(?:${re.source}))`, re.flags))].map((m) => m.index);
          expect(scan.of(anchors)).toEqual(expected);
        }
      }),
      { numRuns: 2000, seed: 16 },
    );
  });

  it('scans a document once for every rule, and again only when more anchors are declared', () => {
    const source = 'An error.\n';
    const context = { source, lineStarts: [0] };
    const first = sourceAnchors(context);
    expect(sourceAnchors(context)).toBe(first);
    expect(first.of(word)).toEqual([3]);
    const later = defineAnchors('test declared later', 'source', /\./);
    expect(first.has(later)).toBe(false);
    expect(sourceAnchors(context).of(later)).toEqual([8]);
  });

  it('reads only the prose for prose anchors, at offsets in the source', () => {
    const prose = defineAnchors('test prose', 'prose', /\bblame/);
    const source = '`blame` and blame\n';
    const pieces: TextPiece[] = [
      { value: 'blame', offset: 1, kind: 'code' },
      { value: ' and blame', offset: 7, kind: 'prose' },
    ];
    expect(proseText(source, pieces)).toBe('        and blame\n');
    expect(proseAnchors({ source, pieces: () => pieces }).of(prose)).toEqual([12]);
  });
});

describe('matchesNear', () => {
  const pattern = /(?:\bAna|@ana)[ \t\n]+should[ \t\n]+have\b|\bhuman[ \t]+error\b/g;
  const anchor = String.raw`\b(?:should|human)`;

  it('finds what matchAll finds, trying the pattern only near the anchors', () => {
    fc.assert(
      fc.property(text, (source) => {
        const search = nearSearch(pattern, { anchor, before: 2, words: new Set(['Ana', 'human']) });
        const places = [...source.matchAll(new RegExp(anchor, 'g'))].map((m) => m.index);
        const found = [...matchesNear(source, search, places)].map((m) => [m.index, m[0]]);
        expect(found).toEqual([...source.matchAll(pattern)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });
});

describe('line context', () => {
  it('finds the clause before a hit within its reach, quotes around it and overlaps with earlier hits', () => {
    const source = 'One. Two three\n\nfour five';
    expect(clauseStart(source, source.indexOf('three'), 80, '.')).toBe(4);
    expect(clauseStart(source, source.indexOf('five'), 80, '.')).toBe(14);
    expect(clauseStart(source, source.indexOf('five'), 3, '.')).toBe(source.indexOf('five') - 3);
    expect(isQuoted('why “careless”?', 5, 13)).toBe(true);
    expect(isQuoted('why "careless”?', 5, 13)).toBe(false);
    const covered = new CoveredRanges(20);
    covered.add(2, 5);
    expect([covered.overlaps(4, 8), covered.overlaps(5, 8), covered.overlaps(3, 3), covered.overlaps(5, 5)]).toEqual([true, false, true, false]);
  });
});

describe('pieces searched as one text', () => {
  it('gives each match its offset in the source and its piece, and no match spans two pieces', () => {
    const source = 'TODO x `code` TODO\nTO\nDO';
    const joined = new JoinedPieces([
      { value: 'TODO x ', offset: 0 },
      { value: ' TODO', offset: 13 },
      { value: 'TO', offset: 19 },
      { value: 'DO', offset: 22 },
    ]);
    const found = [...joined.matches(/TODO/g)].map((m) => [m.start, source.slice(m.start, m.start + 4), joined.text.slice(m.pieceFrom, m.pieceTo)]);
    expect(found).toEqual([
      [0, 'TODO', 'TODO x '],
      [14, 'TODO', ' TODO'],
    ]);
  });
});

describe('labels and brackets', () => {
  it('names what a label asks for', () => {
    expect(['ETA', 'Due', 'assigned_to', 'Root-Cause'].map(describeLabel)).toEqual(['due date', 'due date', 'owner', 'root cause']);
  });

  it('tells whether a bracket opens with the first word of a phrase', () => {
    const opens = opensWithPhrase(/\[([A-Za-z]+)/g, ['fill in', 'name of'], ['owner']);
    expect(['[Fill the gap]', '[NAME x]', '[x] [owner]', '[link]'].map(opens)).toEqual([true, true, true, false]);
  });
});
