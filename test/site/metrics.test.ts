// The metrics page's figures (src/site/shared/metrics.ts) and its charts: median and p90 of
// the known values only, unknown times counted as unknown (never as zero), the too-few
// warning, whole-number count ticks, and a dot per incident that links to it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { barChart, stripPlot } from '../../src/site/shared/charts.ts';
import { toIncident, type Incident } from '../../src/site/shared/incident.ts';
import { MEASURES, TOO_FEW, incidentsPerMonth, integerTicks, medianBasis, summarize } from '../../src/site/shared/metrics.ts';
import { samplesDir } from './project.ts';

const file = path.join(samplesDir, '2026-02-24-payments-retry-storm.md');
const { source: _source, ...stored } = buildModel(file, readFileSync(file, 'utf8')).model;
const base = toIncident({
  slug: 'base',
  sourcePath: 'postmortems/base.md',
  model: stored,
  findings: [],
  errorCount: 0,
  warningCount: 0,
  lastUpdated: { iso: '2026-01-02T03:04:05Z', from: 'mtime' },
  excerpt: '',
});

/** An incident whose time to detect is `ttd` minutes (null: not stated). */
function withTtd(slug: string, ttd: number | null, month = '2025-01'): Incident {
  return { ...base, slug, title: `Incident ${slug}`, month, metrics: { ...base.metrics, ttdMinutes: ttd } };
}

const ttd = MEASURES.find((m) => m.key === 'ttd')!;

describe('a measure across the archive', () => {
  it('gives the median and p90 of the known values, shortest first', () => {
    const incidents = [30, 10, 20, 40, 50, 60, 70, 80, 90, 100].map((v, i) => withTtd(`i${i}`, v));
    const summary = summarize(incidents, ttd);
    expect(summary).toMatchObject({ known: 10, unknown: 0, median: 55, p90: 91, tooFew: false });
    expect(summary.points.map((p) => p.minutes)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(summary.points[0]).toEqual({ slug: 'i1', title: 'Incident i1', minutes: 10 });
  });

  it('counts an unknown time as unknown, never as zero', () => {
    const incidents = [withTtd('a', 10), withTtd('b', null), withTtd('c', 30), withTtd('d', null)];
    const summary = summarize(incidents, ttd);
    expect(summary.known).toBe(2);
    expect(summary.unknown).toBe(2);
    // With the unknowns as 0 the median would be 5.
    expect(summary.median).toBe(20);
    expect(summary.points.map((p) => p.slug)).toEqual(['a', 'c']);
  });

  it(`warns with fewer than ${TOO_FEW} known values, and not from ${TOO_FEW} on`, () => {
    const nine = Array.from({ length: TOO_FEW - 1 }, (_, i) => withTtd(`n${i}`, i + 1));
    expect(summarize([...nine, withTtd('unknown', null)], ttd).tooFew).toBe(true);
    expect(summarize([...nine, withTtd('tenth', 99)], ttd).tooFew).toBe(false);
    expect(summarize([], ttd)).toMatchObject({ known: 0, unknown: 0, median: null, p90: null, tooFew: true });
  });

  it('counts incidents per month only for the months that have any', () => {
    const incidents = [withTtd('a', 1, '2024-11'), withTtd('b', 1, '2025-02'), withTtd('c', 1, '2024-11'), withTtd('d', 1, '')];
    expect(incidentsPerMonth(incidents)).toEqual([
      { month: '2024-11', count: 2 },
      { month: '2025-02', count: 1 },
    ]);
  });
});

describe('charts', () => {
  it('a count axis has whole, distinct ticks from 0 past the largest count', () => {
    for (const max of [0, 1, 2, 3, 7, 12, 33, 480]) {
      const ticks = integerTicks(max);
      expect(ticks[0], `max ${max}`).toBe(0);
      expect(ticks.every(Number.isInteger), `max ${max}: ${ticks}`).toBe(true);
      expect(new Set(ticks).size, `max ${max}: ${ticks}`).toBe(ticks.length);
      expect(ticks.at(-1)!, `max ${max}`).toBeGreaterThanOrEqual(max);
      expect(ticks.length, `max ${max}: ${ticks}`).toBeLessThanOrEqual(6);
    }
    expect(integerTicks(2)).toEqual([0, 1, 2]);
  });

  it('the per-month chart writes its ticks as distinct whole numbers and keeps its labels inside the drawing', () => {
    const months = Array.from({ length: 33 }, (_, i) => `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const svg = barChart({
      id: 'm',
      title: 'Incidents per month',
      integer: true,
      labels: months,
      series: [{ name: 'incidents', className: 'bar-count', values: months.map((_, i) => (i % 5 === 0 ? 1 : 0)) }],
    });
    const ticks = [...svg.matchAll(/text-anchor="end">([^<]*)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '1']);
    expect(svg).toContain('<title id="m-title">Incidents per month</title>');
    for (const [, x] of svg.matchAll(/<text class="chart-label" x="([\d.-]+)"[^>]*text-anchor="middle">/g)) {
      expect(Number(x)).toBeGreaterThan(20);
      expect(Number(x)).toBeLessThan(400);
    }
  });

  it('a dot plot has a title and one link per incident, named by its title and time', () => {
    const svg = stripPlot({
      id: 'd',
      title: 'Time to <detect>',
      points: [
        { href: '/incidents/a/', label: 'A & B', minutes: 4 },
        { href: '/incidents/b/', label: 'C', minutes: 4 },
        { href: '/incidents/c/', label: 'D', minutes: 2000 },
      ],
      median: 4,
      p90: 1600,
    });
    expect(svg).toContain('<title id="d-title">Time to &lt;detect&gt;</title>');
    expect([...svg.matchAll(/<a class="dot-link" href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/incidents/a/', '/incidents/b/', '/incidents/c/']);
    expect(svg).toContain('aria-label="A &amp; B: 4 min"');
    // Two dots at the same time are stacked, not drawn over each other.
    const dots = [...svg.matchAll(/<circle class="dot" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(new Set(dots).size).toBe(3);
    expect(svg).toContain('chart-mark-median');
    expect(svg).toContain('chart-mark-p90');
  });
});

describe('what a median on the home and label pages stands on', () => {
  const summary = (known: number) => ({ known, unknown: 0, median: known ? 5 : null, p90: null, tooFew: known < TOO_FEW, points: [] });
  it('says how many incidents it is known for, and warns below the threshold', () => {
    expect(medianBasis(summary(12), 12)).toBe('of 12 incidents');
    expect(medianBasis(summary(11), 14)).toBe('known for 11 of 14 incidents');
    expect(medianBasis(summary(3), 5)).toBe('known for 3 of 5 incidents: too few to mean much');
    expect(medianBasis(summary(1), 1)).toBe('of 1 incident: too few to mean much');
    expect(medianBasis(summary(0), 2)).toBe('unknown for all 2 incidents');
  });
});
