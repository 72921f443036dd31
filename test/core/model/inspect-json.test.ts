// `inspectJson(model)`: the shape of interfaces.md (extra keys allowed, null where absent),
// and what it gives for every sample postmortem in the repository.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/core/build.ts';
import { inspectJson } from '../../../src/report/inspect.ts';
import { doc, type Inspected } from './inspect-helpers.ts';

const REQUIRED_KEYS = ['filePath', 'title', 'frontmatter', 'sections', 'incident', 'timeline', 'actionItems'];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$/;

function json(filePath: string, source: string): Inspected {
  // Round-trip through JSON, as the CLI prints it.
  return JSON.parse(JSON.stringify(inspectJson(buildModel(filePath, source).model))) as Inspected;
}

function hasKeys(value: unknown, keys: readonly string[]): void {
  expect(value).toBeTypeOf('object');
  expect(Object.keys(value as object)).toEqual(expect.arrayContaining([...keys]));
}

describe('inspect JSON', () => {
  it('has every key of the contract, with its shape', () => {
    const md = doc(
      '---',
      'title: Web Stack Outage',
      'severity: SEV2',
      'incident_start: 2023-05-10T09:00:00Z',
      'incident_end: 2023-05-10T10:00:00Z',
      '---',
      '',
      '## Issue Summary',
      'Nginx fell over.',
      '',
      '## Timeline',
      '- 09:15 — Monitoring alerts fired',
      '',
      '## Corrective Measures',
      '- Patch Nginx — @ana, OPS-123, due 2023-06-01',
    );
    const out = json('/abs/path.md', md);
    hasKeys(out, REQUIRED_KEYS);
    hasKeys(out.incident, ['start', 'end', 'timezone']);
    for (const s of out.sections) hasKeys(s, ['kind', 'heading', 'line']);
    for (const e of out.timeline) hasKeys(e, ['line', 'time', 'text']);
    for (const a of out.actionItems) hasKeys(a, ['line', 'text', 'owner', 'ticket', 'due', 'done']);
    expect(out).toMatchObject({
      filePath: '/abs/path.md',
      title: 'Web Stack Outage',
      frontmatter: { severity: 'SEV2' },
      sections: [
        { kind: 'summary', heading: 'Issue Summary', line: 8 },
        { kind: 'timeline', heading: 'Timeline', line: 11 },
        { kind: 'corrective-measures', heading: 'Corrective Measures', line: 14 },
      ],
      incident: { start: '2023-05-10T09:00:00Z', end: '2023-05-10T10:00:00Z', timezone: 'UTC' },
      timeline: [{ line: 12, time: '2023-05-10T09:15:00Z', text: 'Monitoring alerts fired' }],
      actionItems: [{ line: 15, text: 'Patch Nginx', owner: '@ana', ticket: 'OPS-123', due: '2023-06-01', done: false }],
    });
  });

  it('gives null (never undefined or a missing key) where a value is absent', () => {
    const out = json('/abs/empty.md', doc('## Timeline', '- something happened', '', '## Action Items', '- write docs'));
    expect(out.title).toBeNull();
    expect(out.frontmatter).toBeNull();
    expect(out.incident).toMatchObject({ start: null, end: null, timezone: null });
    expect(out.timeline).toEqual([expect.objectContaining({ line: 2, time: null, text: 'something happened' })]);
    expect(out.actionItems).toEqual([expect.objectContaining({ owner: null, ticket: null, due: null, done: false })]);
  });

  it('gives empty lists for a document with no sections', () => {
    const out = json('/abs/blank.md', '');
    expect(out).toMatchObject({ title: null, frontmatter: null, sections: [], timeline: [], actionItems: [] });
  });
});

const here = path.dirname(fileURLToPath(import.meta.url));
const samplesDir = path.resolve(here, '../../../postmortems');
const samples = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.md'))
  .sort();

describe('inspect JSON of the sample postmortems', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  describe.each(samples)('%s', (name) => {
    const filePath = path.join(samplesDir, name);
    const out = json(filePath, readFileSync(filePath, 'utf8'));

    it('has the contract keys and a title', () => {
      hasKeys(out, REQUIRED_KEYS);
      expect(out.filePath).toBe(filePath);
      expect(out.title).toBeTypeOf('string');
      expect(out.frontmatterErrors).toEqual([]);
    });

    it('has the four required sections', () => {
      const kinds = new Set(out.sections.map((s) => s.kind));
      for (const kind of ['summary', 'timeline', 'root-cause', 'corrective-measures']) expect(kinds, kind).toContain(kind);
    });

    it('has at least 8 timeline entries, each with a time carrying an offset', () => {
      expect(out.timeline.length).toBeGreaterThanOrEqual(8);
      for (const entry of out.timeline) {
        expect(entry.time, `line ${entry.line}`).toMatch(ISO_WITH_OFFSET);
        expect(entry.text, `line ${entry.line}`).not.toBe('');
      }
    });

    it('has its timeline entries in non-decreasing time order', () => {
      const instants = out.timeline.map((e) => Date.parse(e.time!));
      for (let i = 1; i < instants.length; i++) {
        expect(instants[i], `line ${out.timeline[i]!.line}`).toBeGreaterThanOrEqual(instants[i - 1]!);
      }
    });

    it('has an incident window with a zone, containing the timeline', () => {
      expect(out.incident.start).toMatch(ISO_WITH_OFFSET);
      expect(out.incident.end).toMatch(ISO_WITH_OFFSET);
      expect(out.incident.timezone).toBeTypeOf('string');
      const start = Date.parse(out.incident.start!);
      const end = Date.parse(out.incident.end!);
      expect(end).toBeGreaterThan(start);
      for (const entry of out.timeline) expect(Date.parse(entry.time!), `line ${entry.line}`).toBeGreaterThanOrEqual(start);
    });

    it('has at least 3 action items, each with an owner and a ticket, and clean text', () => {
      expect(out.actionItems.length).toBeGreaterThanOrEqual(3);
      for (const item of out.actionItems) {
        expect(item.owner, `line ${item.line}`).toBeTypeOf('string');
        expect(item.ticket, `line ${item.line}`).toBeTypeOf('string');
        expect(item.text, `line ${item.line}`).not.toMatch(/\bOwner\b|\bdue\b/i);
        expect(item.text, `line ${item.line}`).not.toMatch(/(?:@[\w.-]+|[A-Z]+-\d+|#\d+|\d{4}-\d\d-\d\d|\b(?:done|open))\W*$/);
      }
    });
  });
});
