// formatIso writes the wall time by arithmetic: it must be what toISOString writes, cut to
// the second, on every kind of day from 1970 to 9999 and at the edges where it hands over.
import { describe, expect, it } from 'vitest';
import { formatIso } from '../../../src/core/time/resolve.ts';

function viaDate(ms: number, withDate: boolean): string {
  const iso = new Date(ms).toISOString();
  return withDate ? iso.slice(0, 19) : iso.slice(11, 19);
}

describe('formatIso: the wall time as toISOString writes it', () => {
  it('on one day in three from 1970 to 9999, at a time of day that moves, and at the edges', () => {
    const mismatches: string[] = [];
    const check = (ms: number): void => {
      for (const withDate of [true, false]) {
        const got = formatIso(ms, 0, null, withDate);
        if (got !== viaDate(ms, withDate)) mismatches.push(`${ms}: ${got}`);
      }
    };
    for (let day = 0; day < 2_932_897; day += 3) check(day * 86_400_000 + ((day * 7919) % 86_400) * 1000 + (day % 1000));
    const edges = [
      0, 1, 999, 86_399_999, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001,
      -62_198_755_200_000,
    ];
    for (const ms of edges) check(ms);
    expect(mismatches).toEqual([]);
  });
});
