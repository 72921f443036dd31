// Where a zone is declared, how far it reaches, and what `inspect` shows: the offset on
// every time and the `incident.timezone` name.
import { describe, expect, it } from 'vitest';
import { doc, inspect } from './inspect-helpers.ts';

const times = (markdown: string, defaultZone?: string): (string | null)[] =>
  inspect(markdown, { defaultZone: defaultZone ?? null }).timeline.map((e) => e.time);

describe('zones', () => {
  it('applies the frontmatter timezone with the offset in force on each date (DST)', () => {
    const md = doc(
      '---',
      'timezone: Europe/Berlin',
      '---',
      '# T',
      '',
      '## Timeline',
      '',
      '- 2024-01-10 10:05 — winter',
      '- 2024-07-10 10:05 — summer',
      '- 2024-03-31 01:30 — before the switch',
      '- 03:30 — after the switch',
    );
    const out = inspect(md);
    expect(out.incident.timezone).toBe('Europe/Berlin');
    expect(out.timeline.map((e) => e.time)).toEqual([
      '2024-01-10T10:05:00+01:00',
      '2024-07-10T10:05:00+02:00',
      '2024-03-31T01:30:00+01:00',
      '2024-03-31T03:30:00+02:00',
    ]);
  });

  it('reads a declaration in the timeline heading: "(all times UTC)"', () => {
    const md = doc('# T', '', '## Timeline (all times UTC)', '', '- 2024-03-02 10:05 — a', '- 10:07 — b');
    const out = inspect(md);
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-03-02T10:05:00Z', '2024-03-02T10:07:00Z']);
    expect(out.incident.timezone).toBe('UTC');
  });

  it('reads a declaration in a dated sub-heading and names the zone as written', () => {
    const md = doc(
      '---',
      'incident_start: 2025-01-21T20:10:00+01:00',
      '---',
      '# T',
      '',
      '## Timeline',
      '',
      '### 2025-01-21 (all times CET)',
      '',
      '- 20:10 — a',
    );
    const out = inspect(md);
    expect(out.timeline.map((e) => e.time)).toEqual(['2025-01-21T20:10:00+01:00']);
    expect(out.incident.timezone).toBe('CET');
  });

  it('reads a declaration in a timeline table header "Time (UTC)"', () => {
    const md = doc('# T', '', '## Timeline', '', '| Time (UTC) | Event |', '|---|---|', '| 2024-03-02 10:05 | a |', '| 10:07 | b |');
    const out = inspect(md);
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-03-02T10:05:00Z', '2024-03-02T10:07:00Z']);
    expect(out.incident.timezone).toBe('UTC');
  });

  it('reads a declaration line in the timeline: "All times are EAT."', () => {
    const md = doc('# T', '', '## Timeline', '', 'All times are EAT.', '', '- 10:05 — a');
    const out = inspect(md);
    expect(out.timeline.map((e) => e.time)).toEqual(['10:05:00+03:00']);
    expect(out.incident.timezone).toBe('EAT');
  });

  it('reads a declaration in the summary prose', () => {
    const md = doc('# T', '', '## Summary', '', 'All times in this document are in PDT.', '', '## Timeline', '', '- 10:05 — a');
    const out = inspect(md);
    expect(out.timeline.map((e) => e.time)).toEqual(['10:05:00-07:00']);
    expect(out.incident.timezone).toBe('PDT');
  });

  it('takes the zone written with the incident start', () => {
    const md = doc('# T', '', '## Summary', '', '**Start:** 2024-03-02 10:00 EAT', '', '## Timeline', '', '- 10:05 — a');
    const out = inspect(md);
    expect(out.incident.start).toBe('2024-03-02T10:00:00+03:00');
    expect(out.incident.timezone).toBe('EAT');
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-03-02T10:05:00+03:00']);
  });

  it('takes the offset written with a frontmatter incident start', () => {
    const md = doc('---', 'incident_start: 2024-03-02T10:00:00-05:00', '---', '# T', '', '## Timeline', '', '- 10:05 — a');
    const out = inspect(md);
    expect(out.incident.timezone).toBe('-05:00');
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-03-02T10:05:00-05:00']);
  });

  it('uses the configured default zone when the document declares none', () => {
    const md = doc('---', 'date: 2024-07-02', '---', '# T', '', '## Timeline', '', '- 10:05 — a');
    const out = inspect(md, { defaultZone: 'America/New_York' });
    expect(out.incident.timezone).toBe('America/New_York');
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-07-02T10:05:00-04:00']);
  });

  it('prefers the zone written with the incident start over the configured default', () => {
    const md = doc('# T', '', '## Summary', '', 'Start: 2024-03-02 10:00 EAT', 'End: 11:30', '', '## Timeline', '', '- 10:05 — a');
    const out = inspect(md, { defaultZone: 'UTC' });
    expect(out.incident).toMatchObject({ start: '2024-03-02T10:00:00+03:00', end: '2024-03-02T11:30:00+03:00', timezone: 'EAT' });
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-03-02T10:05:00+03:00']);
  });

  it('names the zone the timeline declares rather than the configured default', () => {
    const md = doc('# T', '', '## Timeline', '', '| Time (EAT) | Event |', '|---|---|', '| 10:05 | a |');
    const out = inspect(md, { defaultZone: 'UTC' });
    expect(out.incident.timezone).toBe('EAT');
    expect(out.timeline.map((e) => e.time)).toEqual(['10:05:00+03:00']);
  });

  it('prefers the document declaration over the configured default', () => {
    const md = doc('# T', '', '## Timeline (all times UTC)', '', '- 2024-07-02 10:05 — a');
    expect(times(md, 'America/New_York')).toEqual(['2024-07-02T10:05:00Z']);
  });

  it('applies a zone declared once to every later entry, across dated headings', () => {
    const md = doc(
      '# T',
      '',
      '## Timeline',
      '',
      '### 2024-03-02 (all times IST)',
      '- 23:50 — a',
      '### 2024-03-03',
      '- 00:20 — b',
      '',
      '| Time | Event |',
      '|---|---|',
      '| 00:40 | c |',
    );
    expect(times(md)).toEqual(['2024-03-02T23:50:00+05:30', '2024-03-03T00:20:00+05:30', '2024-03-03T00:40:00+05:30']);
  });

  it('lets an entry with its own zone override the declared one, for that entry only', () => {
    const md = doc('# T', '', '## Timeline (all times UTC)', '', '- 2024-03-02 10:05 — a', '- 13:10 EAT — partner notified', '- 10:15 — c');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z', '2024-03-02T13:10:00+03:00', '2024-03-02T10:15:00Z']);
  });

  it('applies the first zone an entry gives to later entries when none is declared', () => {
    const md = doc('# T', '', '## Timeline', '', '- 2024-03-02 10:05 PST — a', '- 10:07 — b');
    expect(times(md)).toEqual(['2024-03-02T10:05:00-08:00', '2024-03-02T10:07:00-08:00']);
  });

  it('writes no offset when no zone is given anywhere', () => {
    const md = doc('# T', '', '## Summary', 'Start: 2024-03-02 10:00', '', '## Timeline', '', '- 10:05 — a');
    const out = inspect(md);
    expect(out.incident.start).toBe('2024-03-02T10:00:00');
    expect(out.incident.timezone).toBeNull();
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-03-02T10:05:00']);
  });

  it('takes the one zone the prose writes its times in for the document, and cites it', () => {
    const md = doc('# T', '', 'The deploy ran at 14:05 UTC yesterday.', '', '## Timeline', '', '- 2024-03-02 10:05 — a');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z']);
    expect(inspect(md).timeline[0]).toMatchObject({ zoneFrom: { from: 'written-zone', line: 3 }, dateFrom: { from: 'text', line: 7 } });
  });

  it('takes no zone from prose that writes times in two zones', () => {
    const md = doc('# T', '', 'Paged at 09:00 EDT (13:00 UTC).', '', '## Timeline', '', '- 2024-03-02 10:05 — a');
    expect(times(md)).toEqual(['2024-03-02T10:05:00']);
  });

  it('takes no zone from times in code blocks', () => {
    const md = doc('# T', '', '```', '2024-03-02 14:05:00 UTC kernel: oops', '```', '', '## Timeline', '', '- 2024-03-02 10:05 — a');
    expect(times(md)).toEqual(['2024-03-02T10:05:00']);
  });
});
