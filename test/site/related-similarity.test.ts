// The site's root-cause similarity (RootCauseVectors, numbered terms) against the `recurrence`
// rule's own (the lint Archive's vectors and `cosine`): the same root causes compared, the
// same similarity, so "related incidents" agree with what the rule reports.
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate.ts';
import { Archive, cosine, words, type ArchiveEntry } from '../../src/lint/archive/index.ts';
import { MIN_ROOT_CAUSE_WORDS, RootCauseVectors } from '../../src/site/shared/related.ts';

const VOCABULARY = (
  'the a of because queue worker workers backed up retries retrying retried timeout timeouts certificate expired ' +
  'renewal cron job dns resolver cache caches cached stale config flag deploy deployed rollout database primary ' +
  'replica lag failover disk full logs rotation memory leak pool connections exhausted'
).split(' ');

/** Random root causes, some of them an earlier one with a few words changed (alike). */
function texts(count: number, seed: number): string[] {
  const random = prng(seed);
  const word = (): string => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    if (out.length > 0 && random() < 0.4) {
      const earlier = out[Math.floor(random() * out.length)]!.split(' ');
      for (let k = 0; k < 3; k++) earlier[Math.floor(random() * earlier.length)] = word();
      out.push(earlier.join(' '));
    } else out.push(Array.from({ length: Math.floor(random() * 40) }, word).join(random() < 0.2 ? ', ' : ' '));
  }
  return out;
}

describe('root-cause similarity', () => {
  it('equals the recurrence rule’s cosine for every pair, and compares the same root causes', () => {
    const list = texts(120, 7);
    const entries: ArchiveEntry[] = list.map((text, i) => ({
      filePath: `/${i}.md`,
      id: null,
      title: null,
      date: null,
      services: [],
      related: [],
      rootCause: words(text).length >= MIN_ROOT_CAUSE_WORDS ? { line: 1, text } : null,
    }));
    const archive = new Archive('/', entries);
    const fast = new RootCauseVectors(list.map((text, i) => [i, text] as const));
    const compared = entries.flatMap((entry, i) => (entry.rootCause ? [i] : []));
    expect(compared.length).toBeGreaterThan(60);
    expect(compared.length).toBeLessThan(list.length);
    expect(list.map((_, i) => fast.has(i))).toEqual(entries.map((entry) => entry.rootCause !== null));
    let similarPairs = 0;
    for (const i of compared) {
      const got = fast.similarities(i, compared);
      compared.forEach((j, k) => {
        const expected = cosine(archive.vector(entries[i]!), archive.vector(entries[j]!));
        expect(got[k]).toBeCloseTo(expected, 12);
        if (i !== j && expected >= 0.5) similarPairs++;
      });
    }
    // The texts are alike enough for some pairs to pass the threshold: the comparison covers both sides of it.
    expect(similarPairs).toBeGreaterThan(0);
  });

  it('gives 0 for a root cause too short to compare', () => {
    const fast = new RootCauseVectors([
      ['long', 'the queue worker backed up because retries piled on the database primary'],
      ['short', 'disk full'],
    ]);
    expect(fast.has('short')).toBe(false);
    expect(fast.similarities('long', ['short', 'long'])).toEqual([0, expect.closeTo(1, 12)]);
  });
});
