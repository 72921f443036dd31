// The incident window: start, end, zone, stated duration, detection and resolution, from
// the frontmatter or from what the summary states, with the lines they were read from.
import { describe, expect, it } from 'vitest';
import { doc, inspect, model } from './inspect-helpers.ts';

describe('incident window', () => {
  it('reads incident_start and incident_end from the frontmatter, with their key lines', () => {
    const md = doc(
      '---', // 1
      'title: Queue outage', // 2
      'severity: SEV2', // 3
      'incident_start: 2024-03-02T10:00:00+03:00', // 4
      'incident_end: 2024-03-02T11:24:00+03:00', // 5
      'duration: 1 hour 24 minutes', // 6
      '---', // 7
      '# Queue outage', // 8
    );
    const { incident } = model(md);
    expect(incident.start?.iso).toBe('2024-03-02T10:00:00+03:00');
    expect(incident.end?.iso).toBe('2024-03-02T11:24:00+03:00');
    expect([incident.startLine, incident.endLine]).toEqual([4, 5]);
    expect([incident.statedDurationMinutes, incident.statedDurationLine]).toEqual([84, 6]);
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-02T10:00:00+03:00', end: '2024-03-02T11:24:00+03:00', timezone: '+03:00' });
  });

  it('reads frontmatter times written with a zone name', () => {
    const md = doc('---', 'incident_start: "2024-03-02 10:00 EAT"', 'incident_end: "2024-03-02 12:30 EAT"', '---', '# T');
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-02T10:00:00+03:00', end: '2024-03-02T12:30:00+03:00', timezone: 'EAT' });
  });

  it('reads frontmatter times in the frontmatter timezone (DST-correct)', () => {
    const md = doc('---', 'timezone: America/New_York', 'incident_start: 2024-07-02 10:00', 'incident_end: 2024-12-02 10:00', '---', '# T');
    expect(inspect(md).incident).toMatchObject({ start: '2024-07-02T10:00:00-04:00', end: '2024-12-02T10:00:00-05:00', timezone: 'America/New_York' });
  });

  it('reads "**Start:** / **End:** / **Duration:**" lines of the summary, with their lines', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Summary', // 3
      '', // 4
      '**Start:** March 11, 2024, 10:45 AM UTC', // 5
      '', // 6
      '**End:** March 11, 2024, 12:09 PM UTC', // 7
      '', // 8
      '**Duration:** 1 hour 24 minutes', // 9
    );
    const { incident } = model(md);
    expect([incident.start?.iso, incident.startLine, incident.end?.iso, incident.endLine]).toEqual(['2024-03-11T10:45:00Z', 5, '2024-03-11T12:09:00Z', 7]);
    expect([incident.statedDurationMinutes, incident.statedDurationText, incident.statedDurationLine]).toEqual([84, '1 hour 24 minutes', 9]);
    expect(inspect(md).incident).toMatchObject({ timezone: 'UTC', statedDuration: '1 hour 24 minutes', statedDurationMinutes: 84 });
  });

  it('reads the same statements as soft-broken lines of one paragraph', () => {
    const md = doc('# T', '', '## Summary', '', '**Start:** March 11, 2024, 10:45 AM UTC', '**End:** 12:09 PM UTC', '**Duration:** 1 hour 24 minutes');
    const { incident } = model(md);
    expect([incident.start?.iso, incident.startLine, incident.end?.iso, incident.endLine, incident.statedDurationLine]).toEqual([
      '2024-03-11T10:45:00Z',
      5,
      '2024-03-11T12:09:00Z',
      6,
      7,
    ]);
  });

  it('reads start, end and duration stated on one line', () => {
    const md = doc('# T', '', '## Summary', '', 'Start: 2024-05-10 10:00 UTC. End: 2024-05-10 11:15 UTC. Duration: 1 hour 15 minutes.');
    const { incident } = model(md);
    expect([incident.start?.iso, incident.end?.iso, incident.statedDurationMinutes]).toEqual(['2024-05-10T10:00:00Z', '2024-05-10T11:15:00Z', 75]);
    expect([incident.startLine, incident.endLine, incident.statedDurationLine]).toEqual([5, 5, 5]);
  });

  it('reads the statements as list items and table rows', () => {
    const list = doc('# T', '', '## Summary', '', '- **Incident start:** 2024-03-11 10:45 UTC', '- **Resolved at:** 2024-03-11 11:30 UTC');
    expect(inspect(list).incident).toMatchObject({ start: '2024-03-11T10:45:00Z', end: '2024-03-11T11:30:00Z' });
    const table = doc('# T', '', '## Summary', '', '| Field | Value |', '|---|---|', '| Start | 2024-03-11 10:45 UTC |', '| End | 2024-03-11 11:30 UTC |');
    expect(model(table).incident).toMatchObject({ startLine: 7, endLine: 8 });
    expect(inspect(table).incident).toMatchObject({ start: '2024-03-11T10:45:00Z', end: '2024-03-11T11:30:00Z' });
  });

  it('reads "Duration: 45 minutes (10:45 AM - 11:30 AM UTC)" as duration, start and end', () => {
    const md = doc('---', 'date: 2024-03-11', '---', '# T', '', '## Summary', '', 'Duration: 45 minutes (10:45 AM - 11:30 AM UTC)');
    const { incident } = model(md);
    expect([incident.start?.iso, incident.end?.iso, incident.statedDurationMinutes]).toEqual(['2024-03-11T10:45:00Z', '2024-03-11T11:30:00Z', 45]);
    expect([incident.startLine, incident.endLine, incident.statedDurationLine]).toEqual([8, 8, 8]);
  });

  it('reads "from 10:45 AM to 11:30 AM (UTC) on March 11, 2024" in a sentence', () => {
    const md = doc('# T', '', '## Summary', '', 'The API was unavailable from 10:45 AM to 11:30 AM (UTC) on March 11, 2024, for all users.');
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-11T10:45:00Z', end: '2024-03-11T11:30:00Z', timezone: 'UTC' });
  });

  it('dates time-only statements from a "Date:" line of the header', () => {
    const md = doc(
      '# T',
      '',
      '**Date:** March 2, 2024',
      '',
      '## Summary',
      '',
      'Started at: 10:00 UTC',
      'Ended at: 11:30 UTC',
      '',
      '## Timeline',
      '',
      '- 10:05 — alert',
    );
    const out = inspect(md);
    expect(out.incident).toMatchObject({ start: '2024-03-02T10:00:00Z', end: '2024-03-02T11:30:00Z' });
    expect(out.timeline.map((e) => e.time)).toEqual(['2024-03-02T10:05:00Z']);
  });

  it('dates a stated range from a date elsewhere in the same sentence', () => {
    const md = doc('# T', '', '## Summary', '', 'On September 11th, 2018, the site was down for 40 minutes, from 23:40 PST to 00:20 PST.');
    expect(inspect(md).incident).toMatchObject({ start: '2018-09-11T23:40:00-08:00', end: '2018-09-12T00:20:00-08:00', timezone: 'PST' });
  });

  it('rolls an end after midnight over to the next day', () => {
    const range = doc('# T', '', '## Summary', '', 'Checkout failed from 11:30 PM to 12:45 AM (UTC) on March 11, 2024.');
    expect(inspect(range).incident).toMatchObject({ start: '2024-03-11T23:30:00Z', end: '2024-03-12T00:45:00Z' });
    const lines = doc('# T', '', '## Summary', '', 'Start: 2024-03-11 23:30 UTC', 'End: 00:45 UTC');
    expect(inspect(lines).incident).toMatchObject({ start: '2024-03-11T23:30:00Z', end: '2024-03-12T00:45:00Z' });
  });

  it('keeps an end stated before the start as written (the window is then inverted)', () => {
    const md = doc('# T', '', '## Summary', '', 'Start: 2024-03-11 10:00 UTC', 'End: 2024-03-11 09:00 UTC');
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-11T10:00:00Z', end: '2024-03-11T09:00:00Z' });
  });

  it('prefers the frontmatter over statements, and reads detected/resolved from it', () => {
    const md = doc(
      '---',
      'incident_start: 2024-03-02T10:00:00Z',
      'incident_end: 2024-03-02T12:00:00Z',
      'detected: 2024-03-02T10:07:00Z',
      'resolved: 2024-03-02T11:50:00Z',
      '---',
      '# T',
      '',
      '## Summary',
      '',
      'Start: 2024-03-02 09:00 UTC',
      '',
      '## Timeline',
      '',
      '- 10:05 — Alert fired',
    );
    expect(inspect(md).incident).toMatchObject({
      start: '2024-03-02T10:00:00Z',
      end: '2024-03-02T12:00:00Z',
      detected: '2024-03-02T10:07:00Z',
      resolved: '2024-03-02T11:50:00Z',
    });
  });

  it('falls back to the timeline for detection and resolution', () => {
    const md = doc(
      '# T',
      '',
      '## Timeline (all times UTC)',
      '',
      '- 2024-03-02 09:58 — Deploy started',
      '- 10:05 — Error-rate alert fired',
      '- 10:20 — Rollback started',
      '- 10:31 — Service restored',
      '- 10:45 — Postmortem scheduled',
    );
    expect(inspect(md).incident).toMatchObject({
      start: null,
      end: null,
      detected: '2024-03-02T10:05:00Z',
      resolved: '2024-03-02T10:31:00Z',
    });
  });

  it('takes the end as the resolution when one is stated', () => {
    const md = doc(
      '# T',
      '',
      '## Summary',
      '',
      'Start: 2024-03-02 10:00 UTC',
      'End: 2024-03-02 11:00 UTC',
      '',
      '## Timeline',
      '',
      '- 10:40 — Service restored',
    );
    expect(inspect(md).incident.resolved).toBe('2024-03-02T11:00:00Z');
  });

  it('shows null for everything when nothing is stated', () => {
    const md = doc('# T', '', '## Summary', '', 'Something broke.');
    expect(inspect(md).incident).toEqual({
      start: null,
      end: null,
      timezone: null,
      detected: null,
      resolved: null,
      statedDuration: null,
      statedDurationMinutes: null,
      startLine: null,
      endLine: null,
      startFrom: { dateFrom: null, zoneFrom: null },
      endFrom: { dateFrom: null, zoneFrom: null },
      inferred: null,
      days: null,
    });
    expect(model(md).incident).toMatchObject({ startLine: null, endLine: null, statedDurationLine: null });
  });

  it('does not read the window from the timeline or the root cause', () => {
    const md = doc(
      '# T',
      '',
      '## Root Cause',
      '',
      'Started: 2024-03-02 10:00 UTC, when the cron job ran.',
      '',
      '## Timeline',
      '',
      '- Start: 2024-03-02 10:00 UTC',
    );
    expect(inspect(md).incident.start).toBeNull();
  });
});
