// The incident page's parts, without a browser: a loosely written postmortem (a timeline of
// "14:02 UTC - …" lines, no list markers, no stated start) rendered as entries with ids the
// picture links to, action items left to the page's table, and no measure guessed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { formatTime } from '../../src/site/shared/format.ts';
import { metricsOf, toIncident } from '../../src/site/shared/incident.ts';
import { MEASURES, summarize } from '../../src/site/shared/metrics.ts';
import { actionTableHtml, impactLede } from '../../src/site/shared/incident-page.ts';
import { ACTIONS_SLOT, ACTIONS_SLOT_PATTERN, entryId, renderPostmortem } from '../../src/site/shared/render.ts';
import { timelineFigure } from '../../src/site/shared/timeline-svg.ts';
import type { StoredModel } from '../../src/site/shared/types.ts';
import { repoRoot } from './project.ts';

const file = path.join(repoRoot, 'test', 'site', 'fixtures', 'loose-timeline.md');
const { model, tree } = buildModel(file, readFileSync(file, 'utf8'));
const { source: _source, ...stored } = model;
const rendered = renderPostmortem(tree, {
  titleLine: model.titleLine,
  title: model.title,
  timelineLines: new Set(model.timeline.map((e) => e.line)),
  actionLines: new Set(model.actionItems.map((a) => a.line)),
}).html;

describe('a timeline written as "14:02 UTC - …" lines', () => {
  it('renders one list item per entry, each with the id the picture links to', () => {
    expect(model.timeline).toHaveLength(4);
    for (const entry of model.timeline) {
      const item = new RegExp(`<li id="${entryId(entry.line)}">[^<]*${entry.text.slice(0, 20)}`);
      expect(rendered).toMatch(item);
    }
    expect(rendered).not.toMatch(/<p>14:02 UTC[^<]*14:09 UTC/);
  });

  it('leaves one slot for the action table where the items stood, holding their text for search', () => {
    expect(rendered.split(ACTIONS_SLOT)).toHaveLength(2);
    const slot = ACTIONS_SLOT_PATTERN.exec(rendered)?.[0] ?? '';
    expect(slot).toContain('<li>Set a memory limit on the cache nodes (owner: @lina, due: 2026-01-15)</li>');
    expect(rendered.replace(ACTIONS_SLOT_PATTERN, '')).not.toContain('Set a memory limit');
    expect(rendered).toContain('<h2 id="action-items-1"');
    expect(rendered.indexOf(ACTIONS_SLOT)).toBeGreaterThan(rendered.indexOf('<h2 id="action-items-1"'));
  });

  it('leaves a list that holds no action item alone, and an author cannot write a slot', () => {
    const markdown = '## Timeline\n\n- 10:00 UTC a thing\n\n<div class="hindsight-slot-actions"></div>\n';
    const html = renderPostmortem(buildModel('x.md', markdown).tree, { actionLines: new Set([99]) }).html;
    expect(html).toContain('a thing');
    expect(html).not.toContain(ACTIONS_SLOT);
  });
});

describe('measures of a loosely written postmortem', () => {
  const metrics = metricsOf(stored as StoredModel);

  it('takes no start from the first entry, so time to detect is unknown, not "0 min"', () => {
    expect(metrics.start).toBeNull();
    expect(metrics.firstEntry?.iso).toBe('14:02:00Z');
    expect(metrics.detected?.iso).toBe('14:02:00Z');
    expect(metrics.detectedFrom).toBe('timeline');
    expect(metrics.ttdMinutes).toBeNull();
    expect(metrics.ttrMinutes).toBeNull();
    expect(metrics.notes.join(' ')).toContain('No impact start stated');
  });

  it('leaves it out of the medians', () => {
    const data = {
      slug: 'loose',
      sourcePath: 'postmortems/loose.md',
      model: stored as StoredModel,
      findings: [],
      errorCount: 0,
      warningCount: 0,
      lastUpdated: { iso: '2026-01-02T03:04:05Z', from: 'mtime' as const },
      excerpt: '',
    };
    const incidents = [toIncident(data)];
    expect(summarize(incidents, MEASURES[0]!)).toMatchObject({ known: 0, unknown: 1, median: null });
    expect(summarize(incidents, MEASURES[1]!)).toMatchObject({ known: 0, unknown: 1, median: null });
  });

  it('measures from a stated start', () => {
    const withStart = {
      ...stored,
      incident: { ...stored.incident, start: { ...stored.timeline[0]!.time!, iso: '13:50:00Z', epochMs: stored.timeline[0]!.time!.epochMs - 12 * 60_000 } },
    };
    expect(metricsOf(withStart as StoredModel).ttdMinutes).toBe(12);
  });

  it('formats a time-only entry with its zone and without a made-up date', () => {
    expect(formatTime(metrics.detected)).toBe('14:02 UTC');
    expect(formatTime(null, true, 'unknown')).toBe('unknown');
    expect(formatTime(metrics.resolved)).not.toMatch(/1970|Z$/);
  });
});

describe('the timeline picture of a loosely written postmortem', () => {
  const metrics = metricsOf(stored as StoredModel);
  const figure = timelineFigure(stored.timeline, metrics, 'Checkout')!;
  const ys = [...figure.svg.matchAll(/<circle class="tl-dot" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));

  it('draws one linked row per entry, in time order, far enough apart that labels cannot overlap', () => {
    expect(ys).toHaveLength(4);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(20);
    for (const entry of stored.timeline) expect(figure.svg).toContain(`href="#${entryId(entry.line)}"`);
  });

  it('shows times with no made-up date, and short labels that fit a phone', () => {
    expect(figure.svg).not.toContain('1970');
    expect(figure.svg).toContain('>14:02</text>');
    const short = [...figure.svg.matchAll(/class="tl-label tl-label-short"[^>]*>([^<]*)</g)].map((m) => m[1]!);
    expect(short).toHaveLength(4);
    for (const label of short) expect(label.length).toBeLessThanOrEqual(26);
  });

  it('shades the phase between the key times it knows, and gives a key time no entry states its own row', () => {
    expect(figure.phases.map((p) => [p.label, p.minutes])).toEqual([['Responding', 38]]);
    const start = { ...stored.timeline[0]!.time!, iso: '13:55:00Z', epochMs: stored.timeline[0]!.time!.epochMs - 7 * 60_000 };
    const withStart = timelineFigure(stored.timeline, { ...metrics, start }, 'Checkout')!;
    expect(withStart.svg).toMatch(/<a class="tl-event tl-marker-start" href="#key-times">/);
    expect(withStart.phases.map((p) => p.label)).toEqual(['Before detection', 'Responding']);
  });
});

describe('the page parts', () => {
  it('escapes action items and marks overdue ones', () => {
    const html = actionTableHtml(
      [{ text: '<img src=x onerror=alert(1)>', owner: null, ticket: 'javascript:alert(1)', due: '2020-01-01', done: false }],
      '2026-01-01',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('Overdue');
  });

  it('cuts a long impact at a sentence', () => {
    expect(impactLede(`${'Checkout was slow. '.repeat(20)}`)).toMatch(/^Checkout was slow\.( Checkout was slow\.)+$/);
    expect(impactLede('short')).toBe('short');
  });
});
