// The site's pure helpers: metrics and their fallbacks, statistics, the timeline picture,
// charts, labels and links.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import type { ResolvedTime } from '../../src/core/model.ts';
import { barChart } from '../../src/site/shared/charts.ts';
import { escapeXml, fillUrl, formatMinutes, formatTime } from '../../src/site/shared/format.ts';
import { groupByLabel, incidentDate, labelSlug, metricsOf, minutesBetween, monthRange, percentile, toIncident } from '../../src/site/shared/incident.ts';
import { MEASURES, summarize } from '../../src/site/shared/metrics.ts';
import { findGaps, timelineFigure } from '../../src/site/shared/timeline-svg.ts';
import type { EntryData, StoredModel } from '../../src/site/shared/types.ts';
import { samplesDir } from './project.ts';

function model(name: string): StoredModel {
  const file = path.join(samplesDir, name);
  const { source: _source, ...rest } = buildModel(file, readFileSync(file, 'utf8')).model;
  return rest;
}

function entry(m: StoredModel, slug = 'x'): EntryData {
  return {
    slug,
    sourcePath: `postmortems/${slug}.md`,
    model: m,
    findings: [],
    errorCount: 0,
    warningCount: 0,
    lastUpdated: { iso: '2026-01-02T03:04:05Z', from: 'mtime' },
    excerpt: '',
  };
}

const at = (iso: string, offsetMinutes: number | null = 0): ResolvedTime => ({
  iso,
  epochMs: Date.parse(offsetMinutes === null ? `${iso}Z` : iso),
  offsetMinutes,
  dateGiven: true,
  zoneGiven: offsetMinutes !== null,
});

describe('metrics', () => {
  it('time to detect and to resolve are measured from the start', () => {
    const m = metricsOf(model('2026-02-24-payments-retry-storm.md'));
    expect(m.ttdMinutes).toBe(4);
    expect(m.ttrMinutes).toBe(77);
    expect(m.durationMinutes).toBe(77);
    expect(m.notes).toEqual([]);
  });

  it('fall back: resolved to the end; no start guessed from the earliest entry, so nothing is measured without one', () => {
    const base = model('2026-02-24-payments-retry-storm.md');
    const noResolved = { ...base, incident: { ...base.incident, resolved: null } };
    expect(metricsOf(noResolved).ttrMinutes).toBe(77);
    expect(metricsOf(noResolved).notes.join(' ')).toContain('Resolved taken from the incident end');
    const noStart = { ...base, incident: { ...base.incident, start: null } };
    expect(metricsOf(noStart).start).toBeNull();
    expect(metricsOf(noStart).firstEntry?.iso).toBe('2026-02-24T14:02:00Z');
    expect(metricsOf(noStart)).toMatchObject({ ttdMinutes: null, ttrMinutes: null, durationMinutes: null });
    expect(metricsOf(noStart).notes.join(' ')).toContain('No impact start stated');
    const noDetected = { ...base, incident: { ...base.incident, detected: null } };
    expect(metricsOf(noDetected).ttdMinutes).toBeNull();
  });

  it('only subtracts comparable times, and never returns a negative duration', () => {
    expect(minutesBetween(at('2024-01-01T10:00:00Z'), at('2024-01-01T12:30:00+02:00', 120))).toBe(30);
    expect(minutesBetween(at('2024-01-01T10:00:00', null), at('2024-01-01T10:45:00', null))).toBe(45);
    expect(minutesBetween(at('2024-01-01T10:00:00Z'), at('2024-01-01T10:45:00', null))).toBeNull();
    expect(minutesBetween(at('2024-01-01T10:00:00Z'), at('2024-01-01T09:00:00Z'))).toBeNull();
    expect(minutesBetween(null, at('2024-01-01T09:00:00Z'))).toBeNull();
  });

  it('percentiles interpolate between ranks', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 1, 5, 3, 2, 8, 4, 9, 6, 7], 90)).toBeCloseTo(9.1);
  });

  it('statistics leave out incidents whose metric is unknown', () => {
    const a = toIncident(entry(model('2026-02-24-payments-retry-storm.md'), 'a'));
    const b = toIncident(entry(model('2025-08-14-notifications-log-volume-full.md'), 'b'));
    const unknown = { ...b, metrics: { ...b.metrics, ttdMinutes: null } };
    expect(summarize([a, unknown], MEASURES[0]!)).toMatchObject({ known: 1, unknown: 1, median: 4 });
    expect(summarize([a, unknown], MEASURES[1]!)).toMatchObject({ known: 2, unknown: 0, median: (77 + 47) / 2 });
  });
});

describe('incident labels and dates', () => {
  it('reads the date from the frontmatter, else the start, else the file name', () => {
    const m = model('2026-02-24-payments-retry-storm.md');
    expect(incidentDate(entry(m))).toBe('2026-02-24');
    const bare = { ...m, frontmatter: { ...m.frontmatter, data: {} } };
    expect(incidentDate(entry(bare))).toBe('2026-02-24');
    const nothing = { ...bare, incident: { ...bare.incident, start: null, detected: null }, timeline: [] };
    expect(incidentDate(entry(nothing, 'archive/2019-07-01-old'))).toBe('2019-07-01');
    expect(incidentDate(entry(nothing, 'untitled'))).toBe('2026-01-02');
  });

  it('groups labels that differ only in case into one page', () => {
    const a = { ...toIncident(entry(model('2026-02-24-payments-retry-storm.md'), 'a')), services: ['Auth', 'payments'] };
    const b = { ...toIncident(entry(model('2026-02-24-payments-retry-storm.md'), 'b')), services: ['auth'] };
    const groups = groupByLabel([a, b], (i) => i.services);
    expect(groups.map((g) => [g.slug, g.label, g.incidents.length])).toEqual([
      ['auth', 'Auth', 2],
      ['payments', 'payments', 1],
    ]);
  });

  it('names a label page within what a file system allows, two long labels two pages', () => {
    const long = (end: string) => `${'<img src=x onerror=alert(1)> '.repeat(12)}${end}`;
    const astral = '𠀋'.repeat(300);
    for (const label of [long('one'), long('two'), astral]) {
      const slug = labelSlug(label);
      expect(Buffer.byteLength(slug), label).toBeLessThanOrEqual(255);
      expect(slug).toMatch(/^[\p{L}\p{N}-]+$/u);
    }
    expect(labelSlug(long('one'))).not.toBe(labelSlug(long('two')));
    expect(labelSlug(long('one').toUpperCase())).toBe(labelSlug(long('one')));
    expect(labelSlug('payments-gateway')).toBe('payments-gateway');
    expect(labelSlug('<script>')).toBe('script');
    expect(labelSlug('\u001b[2J')).toBe('2j');
  });

  it('fills the months between the first and the last', () => {
    expect(monthRange(['2024-11', '2025-02', '2024-11'])).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange([])).toEqual([]);
  });
});

describe('timeline picture', () => {
  it('places every timed entry and marks start, detection and resolution', () => {
    const m = model('2026-02-24-payments-retry-storm.md');
    const figure = timelineFigure(m.timeline, metricsOf(m), 'Retry storm')!;
    expect(figure.points).toHaveLength(m.timeline.filter((e) => e.time).length);
    expect(figure.svg.match(/<circle class="tl-dot"/g)).toHaveLength(figure.points.length);
    for (const marker of ['start', 'detected', 'resolved']) expect(figure.svg).toContain(`tl-marker-${marker}`);
    expect(figure.svg).toMatch(/<a class="tl-event[^"]*" href="#entry-L\d+"/);
    expect(figure.svg).toContain('<title id="tl-title">Timeline of Retry storm</title>');
    expect(figure.zone).toBe('UTC');
  });

  it('shows long silences as gaps', () => {
    const m = model('2025-01-21-api-origin-cutover-dns-ttl.md');
    const figure = timelineFigure(m.timeline, metricsOf(m), 'DNS')!;
    expect(figure.gaps.length).toBeGreaterThan(0);
    expect(figure.gaps[0]!.minutes).toBeGreaterThan(120);
    expect(figure.svg).toContain('class="tl-gap"');
    expect(findGaps([0, 60_000, 120_000, 180_000], 180_000)).toEqual([]);
    expect(findGaps([0, 60_000, 120_000, 120_000 + 3_600_000], 3_720_000)).toEqual([{ fromMs: 120_000, toMs: 3_720_000, minutes: 60 }]);
  });

  it('escapes entry text and draws nothing without any time', () => {
    const m = model('2026-02-24-payments-retry-storm.md');
    const hostile = m.timeline.map((e) => ({ ...e, text: '<script>alert(1)</script>' }));
    expect(timelineFigure(hostile, metricsOf(m), '<b>')!.svg).not.toMatch(/<script|<b>/);
    const none = { ...metricsOf(m), start: null, detected: null, resolved: null, end: null };
    expect(
      timelineFigure(
        m.timeline.map((e) => ({ ...e, time: null })),
        none,
        't',
      ),
    ).toBeNull();
  });
});

describe('charts and formatting', () => {
  it('draws one bar per value, with a title and the data described', () => {
    const svg = barChart({ id: 'c', title: 'Per <month>', labels: ['2024-01', '2024-02'], series: [{ name: 'n', className: 'bar-count', values: [3, null] }] });
    expect(svg.match(/<rect class="bar-count"/g)).toHaveLength(1);
    expect(svg).toContain('<title id="c-title">Per &lt;month&gt;</title>');
  });

  it('formats durations, times and links', () => {
    expect([formatMinutes(null), formatMinutes(45), formatMinutes(60), formatMinutes(125), formatMinutes(60 * 27)]).toEqual([
      '—',
      '45 min',
      '1 h',
      '2 h 05 min',
      '1 d 3 h',
    ]);
    expect(formatTime(at('2024-03-09T07:22:00-04:00', -240))).toBe('2024-03-09 07:22 UTC−04:00');
    expect(fillUrl('https://git.example/edit/main/{path}', 'postmortems/a b.md')).toBe('https://git.example/edit/main/postmortems/a%20b.md');
    expect(fillUrl('https://git.example/blob/main/{path}#L{line}', 'p/x.md', 14)).toBe('https://git.example/blob/main/p/x.md#L14');
    expect(fillUrl('https://git.example/x/{path}', 'p/x.md', 3)).toBe('https://git.example/x/p/x.md#L3');
  });

  it('escapes markup characters as the chained replaces it stands in for did, leaving other text as it is', () => {
    const chained = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const texts = ['plain words', '', `a<b>&c"d'e`, '&amp; already', '<<>>', "it's 5 > 3 & 2 < 4", 'ünïcode — “quotes” & <tag attr="v">'];
    for (let code = 0; code < 256; code++) texts.push(`x${String.fromCharCode(code)}y${String.fromCharCode(code)}`);
    for (const text of texts) expect(escapeXml(text)).toBe(chained(text));
    expect(escapeXml(`<a href="x">Tom's & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

describe('page names', () => {
  it('are the path under the content folder, and hold no control character a build log would print', async () => {
    const { slugOf } = await import('../../src/site/shared/archive.ts');
    expect(slugOf(path.join('2024', '2024-03-02-db-outage.md'))).toBe('2024/2024-03-02-db-outage');
    const hostile = slugOf('a\u001b[31m\n::error::forged.md');
    expect(hostile).toMatch(/^a-\[31m-::error::forged-[0-9a-f]{8}$/);
    expect(slugOf('a\u001b[31m\r::error::forged.md')).not.toBe(hostile);
  });
});
