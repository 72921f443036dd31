// The byte a "not UTF-8" message names (src/cli/stdin.ts): the first byte of the first
// sequence that is not UTF-8, wherever it breaks.
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/cli/stdin.ts';

function named(bytes: number[]): string {
  try {
    decodeUtf8(Buffer.from(bytes));
  } catch (error) {
    return /byte (\d+) of/.exec((error as Error).message)![1]!;
  }
  return 'valid';
}

describe('decodeUtf8', () => {
  it('decodes UTF-8, keeping a byte order mark as a file read keeps it', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFCafé ✓ 🚀', 'utf8'))).toBe('\uFEFFCafé ✓ 🚀');
  });

  it.each([
    ['a Latin-1 é before a space', [0x43, 0x61, 0x66, 0xe9, 0x20], '4'],
    ['a lone continuation byte first', [0x80, 0x41], '1'],
    ['a 3-byte sequence cut by ASCII', [0x41, 0xe2, 0x9c, 0x41], '2'],
    ['a 4-byte sequence cut at the end', [0x41, 0x42, 0xf0, 0x9f, 0x9a], '3'],
    ['an invalid byte after a complete 2-byte sequence', [0xc3, 0xa9, 0xff], '3'],
  ])('names the first bad byte: %s', (_name, bytes, at) => {
    expect(named(bytes)).toBe(at);
  });
});
