// Shapes met in the public corpus that the first model misread (found by reading rule
// findings there); each fixture is our own text in the same shape.
import { describe, expect, it } from 'vitest';
import { doc, inspect, model } from './inspect-helpers.ts';

describe('shapes from real postmortems', () => {
  it('dates a first entry after midnight from a start just before it', () => {
    const out = inspect(
      doc(
        '---',
        'incident_start: 2024-06-02T23:30:00Z',
        'incident_end: 2024-06-03T01:00:00Z',
        '---',
        '# T',
        '',
        '## Timeline',
        '',
        '- 00:10 alert',
        '- 00:40 fixed',
      ),
    );
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-06-03T00:10:00Z', '2024-06-03T00:40:00Z']);
  });

  it('dates a trigger the evening before a start just after midnight', () => {
    const out = inspect(doc('---', 'incident_start: 2024-06-03T01:00:00Z', '---', '# T', '', '## Timeline', '', '- 23:50 deploy', '- 01:00 alert'));
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-06-02T23:50:00Z', '2024-06-03T01:00:00Z']);
  });

  it('reads a time after a short label', () => {
    const out = inspect(doc('# T', '', '## Timeline', '', '- Issue Detected: May 10, 2023, 08:00 AM UTC', '- Root cause found: 09:10 AM UTC'));
    expect(out.timeline.map((e) => [e.time, e.text])).toEqual([
      ['2023-05-10T08:00:00Z', 'Issue Detected'],
      ['2023-05-10T09:10:00Z', 'Root cause found'],
    ]);
  });

  it('takes a zone-only bullet as a declaration, not an entry', () => {
    const out = inspect(doc('# T', '', '## Timeline', '', '- **Timezone:** PST', '- 10:05 alert'));
    expect(out.timeline).toHaveLength(1);
    expect(out.timeline[0]!.time).toBe('10:05:00-08:00');
  });

  it('makes a timed sub-heading the entry and the bullets below it its text', () => {
    const out = inspect(doc('# T', '', '## Timeline (all times UTC)', '', '#### 00:20', '', '- restart began', '- logs checked'));
    expect(out.timeline.map((e) => [e.line, e.text])).toEqual([[5, 'restart began logs checked']]);
  });

  it('takes the description of a bare time from the bullet below it', () => {
    const out = inspect(doc('# T', '', '## Timeline (all times UTC)', '', '- 10:05', '- Alerts fired', '- 10:07 paged'));
    expect(out.timeline.map((e) => e.text)).toEqual(['Alerts fired', 'paged']);
  });

  it('prefers a Date column to a Day column of weekday names', () => {
    const out = inspect(
      doc(
        '# T',
        '',
        '## Timeline',
        '',
        '| Day | Date | Time (UTC) | What |',
        '|---|---|---|---|',
        '| Sun | Oct 31, 2021 | 23:00 | a |',
        '| Mon | Nov 1, 2021 | 01:00 | b |',
      ),
    );
    expect(out.timeline.map((e) => e.time)).toEqual(['2021-10-31T23:00:00Z', '2021-11-01T01:00:00Z']);
  });

  it('reads the window from prose: "started at … and was resolved by …"', () => {
    const m = model(doc('# T', '', '## Issue Summary', '', 'On May 3, 2024 the outage started at 08:30 AM and was resolved by 10:15 AM UTC.'));
    expect(m.incident.start?.iso).toBe('2024-05-03T08:30:00Z');
    expect(m.incident.end?.iso).toBe('2024-05-03T10:15:00Z');
  });

  it('reads start and end from bullets nested under "Duration:"', () => {
    const m = model(doc('# T', '', '## Issue Summary', '', '- Duration:', '  - Start Time: May 3, 2024, 08:30 UTC', '  - End Time: May 3, 2024, 10:15 UTC'));
    expect([m.incident.start?.iso, m.incident.end?.iso]).toEqual(['2024-05-03T08:30:00Z', '2024-05-03T10:15:00Z']);
    expect([m.incident.startLine, m.incident.endLine]).toEqual([6, 7]);
  });

  it('takes an unrecognised first heading at level 2 for the title', () => {
    const m = model(doc('## 0x19 Web stack postmortem', '', '## Issue Summary', '', 'x'));
    expect(m.title).toBe('0x19 Web stack postmortem');
    expect(m.sections.map((s) => s.kind)).toEqual(['summary']);
  });

  it('keeps a bold field inside a timeline in the timeline', () => {
    const m = model(
      doc('# T', '', '## Timeline', '', '- 10:05 restart', '', '**Description:** Attempted to restart the service.', '', '## Root Cause', '', 'x'),
    );
    expect(m.sections.map((s) => s.kind)).toEqual(['timeline', 'root-cause']);
  });

  it('counts an image as section content', () => {
    const m = model(doc('# T', '', '## Impact', '', '![](graph.png)', '', '## Timeline', '', '- 10:00 a'));
    expect(m.sections[0]!.empty).toBe(false);
  });
});

describe('ranges of ISO date-times', () => {
  it('reads "from 2024-03-02 09:00 to 2024-03-02 09:45" as the window (not "to 2024" as 20:24)', () => {
    const m = model(doc('# T', '', '## Summary', '', 'The site was down for 45 minutes, from 2024-03-02 09:00 to 2024-03-02 09:45.'), { defaultZone: 'UTC' });
    expect([m.incident.start?.iso, m.incident.end?.iso]).toEqual(['2024-03-02T09:00:00Z', '2024-03-02T09:45:00Z']);
  });
});
