// The position indexes (src/lint/kit/text/positions.ts) answer exactly what the string searches
// they replace answer, on random texts of the characters they index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharIndex, Lines } from '../../src/lint/kit/text/positions.ts';

const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '(', ')', '>'), maxLength: 80 });

describe('Lines', () => {
  it('gives the start and end of the line holding an offset, lines ended by "\\n" only', () => {
    fc.assert(
      fc.property(text, fc.nat(), (source, n) => {
        const offset = source.length === 0 ? 0 : 1 + (n % source.length);
        const lines = new Lines(source);
        if (offset < source.length) expect(lines.startOf(offset)).toBe(source.lastIndexOf('\n', offset - 1) + 1);
        const end = source.indexOf('\n', offset);
        expect(lines.endOf(offset)).toBe(end === -1 ? source.length : end);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('CharIndex', () => {
  it('finds the next and previous character within bounds', () => {
    fc.assert(
      fc.property(text, fc.nat(90), fc.nat(90), fc.constantFrom('(', ')', '>'), (source, a, b, c) => {
        const index = new CharIndex(source);
        const next = source.indexOf(c, a);
        expect(index.next(c, a)).toBe(next);
        expect(index.next(c, a, b)).toBe(next !== -1 && next < b ? next : -1);
        const prev = source.lastIndexOf(c, a);
        expect(index.prev(c, a)).toBe(prev);
        expect(index.prev(c, a, b)).toBe(prev >= b ? prev : -1);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
