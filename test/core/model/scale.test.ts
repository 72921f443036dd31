// Large timelines stay linear: 20,000 entries as list items, soft-broken lines, one run-on
// paragraph and table rows. Ten times the entries must take far less than a hundred times
// as long (what a scan of all previous entries per entry would cost).
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/core/build.ts';

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

function timed(shape: string, n: number): { ms: number; entries: number; last: string | null } {
  const source = ['# T', '', '## Timeline (all times UTC)', '', ...SHAPES[shape]!(n), ''].join('\n');
  const started = performance.now();
  const { model } = buildModel('/tmp/large.md', source);
  return { ms: performance.now() - started, entries: model.timeline.length, last: model.timeline.at(-1)?.time?.iso ?? null };
}

describe('scale', () => {
  it.each(Object.keys(SHAPES))('reads 20,000 entries as %s in linear time', (shape) => {
    timed(shape, 500); // warm-up
    const small = Math.min(timed(shape, 2000).ms, timed(shape, 2000).ms);
    const large = timed(shape, 20000);
    expect(large.entries).toBe(20000);
    // 20,000 minutes after 00:00 on day 1 (no date known: the time of day alone).
    expect(large.last).toBe(`${clock(19999)}:00Z`);
    // 10× the entries; quadratic work would cost about 100×. The best of two runs on each
    // side, since the machine may be busy with other work.
    const best = Math.min(large.ms, timed(shape, 20000).ms);
    expect(best).toBeLessThan(30 * small + 1000);
  }, 60_000);
});
