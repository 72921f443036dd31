// The incident page's parts, without a browser: a loosely written postmortem (a timeline of
// "14:02 UTC - …" lines, no list markers, no stated start) rendered as entries with ids the
// picture links to, action items left to the page's table, and no measure guessed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { formatTime } from '../../src/site/shared/format.ts';
import { metricsOf, statsOf, toIncident } from '../../src/site/shared/incident.ts';
import { SLOT, entryId, renderPostmortem } from '../../src/site/shared/render.ts';
import type { StoredModel } from '../../src/site/shared/types.ts';
import { repoRoot } from './project.ts';

const file = path.join(repoRoot, 'test', 'site', 'fixtures', 'loose-timeline.md');
const { model, tree } = buildModel(file, readFileSync(file, 'utf8'));
const { source: _source, ...stored } = model;
const rendered = renderPostmortem(tree, {
  titleLine: model.titleLine,
  title: model.title,
  timelineLines: new Set(model.timeline.map((e) => e.line)),
  timelineHeadingLine: model.sections.find((s) => s.kind === 'timeline')?.line ?? null,
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

  it('puts the picture right after the timeline heading, and the action table where the items stood', () => {
    const timelineHeading = rendered.indexOf('<h2 id="timeline"');
    expect(timelineHeading).toBeGreaterThan(-1);
    expect(rendered.indexOf(SLOT.timeline)).toBeGreaterThan(timelineHeading);
    expect(rendered.indexOf(SLOT.timeline)).toBeLessThan(rendered.indexOf(entryId(model.timeline[0]!.line)));
    expect(rendered.split(SLOT.actions)).toHaveLength(2);
    expect(rendered).not.toContain('Set a memory limit on the cache nodes');
  });

  it('leaves a list that holds no action item alone, and an author cannot write a slot', () => {
    const markdown = '## Timeline\n\n- 10:00 UTC a thing\n\n<div class="hindsight-slot-actions"></div>\n';
    const html = renderPostmortem(buildModel('x.md', markdown).tree, { actionLines: new Set([99]) }).html;
    expect(html).toContain('a thing');
    expect(html).not.toContain(SLOT.actions);
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
    const data = { slug: 'loose', sourcePath: 'postmortems/loose.md', model: stored as StoredModel, findings: [], errorCount: 0, warningCount: 0, lastUpdated: { iso: '2026-01-02T03:04:05Z', from: 'mtime' as const }, excerpt: '' };
    expect(statsOf([toIncident(data)])).toMatchObject({ ttdCount: 0, ttdMedian: null, ttrCount: 0 });
  });

  it('measures from a stated start', () => {
    const withStart = { ...stored, incident: { ...stored.incident, start: { ...stored.timeline[0]!.time!, iso: '13:50:00Z', epochMs: stored.timeline[0]!.time!.epochMs - 12 * 60_000 } } };
    expect(metricsOf(withStart as StoredModel).ttdMinutes).toBe(12);
  });

  it('formats a time-only entry with its zone and without a made-up date', () => {
    expect(formatTime(metrics.detected)).toBe('14:02 UTC');
    expect(formatTime(null, true, 'unknown')).toBe('unknown');
    expect(formatTime(metrics.resolved)).not.toMatch(/1970|Z$/);
  });
});
