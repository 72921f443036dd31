// related-links' "did you mean": the deletion index must answer exactly what comparing the
// value with every id answers (closest within two edits, first in archive order on a tie),
// with or without its index.
import { describe, expect, it } from 'vitest';
import { MAX_EDITS, NearIds, editDistance } from '../../src/lint/archive/near-ids.ts';

function scanEveryId(ids: readonly (string | null)[], value: string): string | null {
  const wanted = value.toLowerCase();
  let best: { id: string; d: number } | null = null;
  for (const id of ids) {
    if (id === null) continue;
    const d = editDistance(wanted, id.toLowerCase(), MAX_EDITS);
    if (d <= MAX_EDITS && (best === null || d < best.d)) best = { id, d };
  }
  return best?.id ?? null;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to three random edits (insert, delete, substitute) of an id, in a small alphabet so near misses are common. */
function mutate(id: string, next: () => number): string {
  const alphabet = 'INC-0123';
  let out = id;
  const edits = Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const char = alphabet[Math.floor(next() * alphabet.length)]!;
    const kind = Math.floor(next() * 3);
    out =
      kind === 0 ? out.slice(0, at) + char + out.slice(at) : kind === 1 ? out.slice(0, at) + out.slice(at + 1) : out.slice(0, at) + char + out.slice(at + 1);
  }
  return next() < 0.3 ? out.toUpperCase() : out.toLowerCase();
}

describe('NearIds', () => {
  it('answers as a scan of every id does, on ids and near misses', () => {
    const next = random(20261207);
    const ids = Array.from({ length: 400 }, (_, i) => (i % 17 === 0 ? null : `INC-${2020 + (i % 5)}-${String(Math.floor(next() * 1000)).padStart(3, '0')}`));
    const index = new NearIds(ids);
    const scanned = new NearIds(ids, 0); // a budget of 0: no index, every id compared
    let suggested = 0;
    for (let n = 0; n < 3000; n++) {
      const base = ids[Math.floor(next() * ids.length)] ?? 'INC-2022-500';
      const value = mutate(base, next);
      const expected = scanEveryId(ids, value);
      expect(index.closest(value), value).toBe(expected);
      expect(scanned.closest(value), value).toBe(expected);
      if (expected !== null) suggested++;
    }
    // Both outcomes are exercised: a test of only misses (or only hits) could not fail usefully.
    expect(suggested).toBeGreaterThan(300);
    expect(suggested).toBeLessThan(2900);
  });

  it('finds a transposition, a missing and an extra character; nothing three edits away', () => {
    const index = new NearIds(['INC-2024-017', 'INC-2024-071', 'OPS-12']);
    expect(index.closest('INC-2024-107')).toBe('INC-2024-017');
    expect(index.closest('inc-2024-17')).toBe('INC-2024-017');
    expect(index.closest('OPS-120')).toBe('OPS-12');
    expect(index.closest('XYZ-2024-017')).toBeNull();
  });

  it('compares a few values with every id, and builds the index only once that would cost more', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `PM-${2020 + (i % 5)}-${String(i).padStart(4, '0')}`);
    const near = new NearIds(ids);
    // A hook linting one file asks for a value or two: the index (158,000 keys) is not built.
    expect(near.closest('PM-2022-0O12')).toBe('PM-2022-0012');
    expect(near.closest('pm-2021-1')).toBeNull();
    expect(near.indexed).toBe(false);
    // A whole run asks for many: past some hundred values the index is built, and answers the same.
    for (let n = 0; n < 1000 && !near.indexed; n++) near.closest(`PM-2024-9${n}`);
    expect(near.indexed).toBe(true);
    expect(near.closest('PM-2023-0O13')).toBe(scanEveryId(ids, 'PM-2023-0O13'));
    expect(near.closest('PM-2023-0O13')).toBe('PM-2023-0013');
  });

  it('is built once: a value asked for again is not searched again', () => {
    const ids = ['INC-1', 'INC-2'];
    const index = new NearIds(ids);
    expect(index.closest('INC-3')).toBe('INC-1');
    ids[0] = 'changed'; // searched again, the answer would now be 'changed'
    expect(index.closest('INC-3')).toBe('INC-1');
  });
});

describe('editDistance', () => {
  /** The whole table, for reference. */
  function levenshtein(a: string, b: string): number {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return rows[a.length]![b.length]!;
  }

  it('is the Levenshtein distance up to the limit, and limit + 1 above it', () => {
    const next = random(7);
    const words = ['', 'a', 'INC-2024-017', 'OPS-12', 'checkout-pool', 'x'.repeat(80)];
    for (let n = 0; n < 1000; n++) {
      const a = mutate(words[Math.floor(next() * words.length)]!, next);
      const b = next() < 0.5 ? mutate(a, next) : mutate(words[Math.floor(next() * words.length)]!, next);
      for (const limit of [0, 1, 2, 3]) {
        const exact = levenshtein(a, b);
        expect(editDistance(a, b, limit), `${a} / ${b} within ${limit}`).toBe(exact <= limit ? exact : limit + 1);
      }
    }
  });
});
