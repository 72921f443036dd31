// Large timelines stay linear: 20,000 entries as list items, soft-broken lines, one run-on
// paragraph and table rows. Sixteen times the entries (1,250 and 20,000) must cost far less
// than 256 times the CPU time (what a scan of all previous entries per entry would cost):
// under 64 times (test/helpers/growth.ts). Measured: 15 to 22 times.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/core/build.ts';
import { cpuOf, describeGrowth, growth, settle } from '../../helpers/growth.ts';

const clock = (i: number): string => {
  const minutes = i % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

const SHAPES: Record<string, (n: number) => string[]> = {
  list: (n) => Array.from({ length: n }, (_, i) => `- ${clock(i)} — event ${i} happened`),
  lines: (n) => Array.from({ length: n }, (_, i) => `${clock(i)} event ${i} happened`),
  'run-on': (n) => [Array.from({ length: n }, (_, i) => `${clock(i)} event ${i} happened.`).join(' ')],
  table: (n) => ['| Time | Event |', '|---|---|', ...Array.from({ length: n }, (_, i) => `| ${clock(i)} | event ${i} |`)],
};

const SMALL = 1_250;
const LARGE = 20_000;

describe('scale', () => {
  it.each(Object.keys(SHAPES))('reads 20,000 entries as %s in linear time', (shape) => {
    let last: { entries: number; last: string | null } | null = null;
    // The guard, the parse and the model, of a fresh document each time (the variant, a
    // comment after the timeline, makes each differ from the others).
    const g = growth(
      (n, variant) => {
        const source = ['# T', '', '## Timeline (all times UTC)', '', ...SHAPES[shape]!(n), '', `<!-- ${variant} -->`, ''].join('\n');
        let model: ReturnType<typeof buildModel>['model'] | null = null;
        settle();
        const ms = cpuOf(() => (model = buildModel('/tmp/large.md', source).model));
        if (n === LARGE && !last) last = { entries: model!.timeline.length, last: model!.timeline.at(-1)?.time?.iso ?? null };
        return ms;
      },
      SMALL,
      LARGE,
    );
    expect(last!.entries).toBe(LARGE);
    // 20,000 minutes after 00:00 on day 1 (no date known: the time of day alone).
    expect(last!.last).toBe(`${clock(LARGE - 1)}:00Z`);
    const measured = `${shape}: ${describeGrowth(g, `${SMALL}`, `${LARGE} entries`)}`;
    console.log(measured);
    expect(g.ratio, measured).toBeLessThan(g.limit);
  });
});
