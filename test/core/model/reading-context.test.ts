// The reading context: where a time without its own date or zone takes them from, as a
// careful reader would, and `inspect`'s dateFrom / zoneFrom that cite it. Every example is
// written for this test.
import { describe, expect, it } from 'vitest';
import { doc, inspect } from './inspect-helpers.ts';

const times = (markdown: string): (string | null)[] => inspect(markdown).timeline.map((e) => e.time);

describe('the date of time-only entries', () => {
  it('comes from the title, and inspect cites it', () => {
    const md = doc('# 2024-03-02 - Cache stampede', '', '## Timeline', '', '- 10:05 UTC: alert', '- 10:20 UTC: fixed');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z', '2024-03-02T10:20:00Z']);
    expect(inspect(md).timeline[0]).toMatchObject({ dateFrom: { from: 'title', line: 1 }, zoneFrom: { from: 'text', line: 5 } });
    expect(inspect(md).timeline[1]).toMatchObject({ dateFrom: { from: 'title', line: 1 } });
  });

  it('comes from the first sentence that dates the incident, not from a "Last updated" line', () => {
    const md = doc('# Queue outage', '', 'Last updated: 2024-03-09', '', 'On Saturday, 2024-03-02 the queue stopped.', '', '## Timeline', '', '- 10:05: alert');
    expect(times(md)).toEqual(['2024-03-02T10:05:00']);
    expect(inspect(md).timeline[0]!.dateFrom).toEqual({ from: 'sentence', line: 5 });
  });

  it("comes from a Date: field before the frontmatter's publication date", () => {
    const md = doc('---', 'date: 2024-03-05', '---', '', '# Queue outage', '', 'Date: March 2, 2024', '', '## Timeline', '', '- 10:05: alert');
    expect(times(md)).toEqual(['2024-03-02T10:05:00']);
    expect(inspect(md).timeline[0]!.dateFrom).toEqual({ from: 'date-field', line: 7 });
  });

  it('comes from the frontmatter when nothing else dates the incident', () => {
    const md = doc('---', 'date: 2024-03-05', '---', '', '# Queue outage', '', '## Timeline', '', '- 10:05: alert');
    expect(inspect(md).timeline[0]).toMatchObject({ time: '2024-03-05T10:05:00', dateFrom: { from: 'frontmatter', line: 2 } });
  });

  it('is every undated entry\'s under "unless otherwise noted, all events happened on …", even over lines', () => {
    const md = doc(
      '# Disk full',
      '',
      '## Timeline',
      '',
      'Unless otherwise noted all events happened on 2024-03-02, and all times are in',
      'UTC.',
      '',
      '- 2024-03-01 23:50: disk at 95%',
      '- 00:40: site down',
      '- 01:10: disk cleaned',
    );
    expect(times(md)).toEqual(['2024-03-01T23:50:00Z', '2024-03-02T00:40:00Z', '2024-03-02T01:10:00Z']);
    expect(inspect(md).timeline[1]).toMatchObject({ dateFrom: { from: 'note', line: 5 }, zoneFrom: { from: 'note', line: 5 } });
  });

  it('gives a year-less date its year, and the next year after December', () => {
    const md = doc('# 2023-12-31 - New year outage', '', '## Timeline (UTC)', '', '- Dec 31 23:50: alert', '- Jan 1 00:20: fixed');
    expect(times(md)).toEqual(['2023-12-31T23:50:00Z', '2024-01-01T00:20:00Z']);
  });

  it("reads numeric dates in the order the document's unambiguous dates show", () => {
    const md = doc(
      '# 06-05-2026 - Gateway down',
      '',
      '## Timeline (all times in GMT)',
      '',
      '- **27-04-2026** - image switched',
      '- **06-05-2026 00:58** - outage onset',
      '- **06-05-2026 ~08:50** - noticed',
    );
    // The first entry is a date alone: an entry without a time.
    expect(times(md)).toEqual([null, '2026-05-06T00:58:00Z', '2026-05-06T08:50:00Z']);
  });
});

describe('the zone of zone-less times', () => {
  it('follows a standard/daylight pair across the DST change', () => {
    const md = doc(
      '# Build breakage',
      '',
      '## Timeline (all times in PST/PDT)',
      '',
      '### 2024-11-02',
      '',
      '**15:00** change merged',
      '',
      '### 2024-11-04',
      '',
      '**09:00** builds fail',
    );
    expect(times(md)).toEqual(['2024-11-02T15:00:00-07:00', '2024-11-04T09:00:00-08:00']);
    expect(inspect(md).timeline[1]).toMatchObject({ dateFrom: { from: 'heading', line: 9 }, zoneFrom: { from: 'heading', line: 3 } });
  });

  it('comes from "All events are documented in UTC" in the timeline', () => {
    const md = doc(
      '# 2024-03-02 outage',
      '',
      '# Timeline',
      '',
      'All events are documented in [UTC](https://example.com/utc) time.',
      '',
      '- **18:53** first report',
    );
    expect(times(md)).toEqual(['2024-03-02T18:53:00Z']);
  });

  it('comes from a note anywhere, for the window too', () => {
    const md = doc('# Outage', '', '## Summary', '', 'Start: 2024-03-02 10:00', '', '## Notes', '', '(All times are approximated to UTC.)');
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-02T10:00:00Z', startFrom: { zoneFrom: { from: 'note', line: 9 } } });
  });

  it("comes from a status page's stamped date", () => {
    const md = doc('---', 'title: Slow sites', 'date: 2024-03-02T12:15:00+00:00', '---', '', '**Update: 13:30** We found the cause.');
    expect(inspect(md).timeline[0]).toMatchObject({ time: '2024-03-02T13:30:00+00:00', zoneFrom: { from: 'frontmatter', line: 3 } });
  });
});

describe('status pages', () => {
  const cstate = (...body: string[]): string =>
    doc('---', 'title: Builds down', 'date: 2024-03-02 19:40:00', 'resolved: true', 'resolvedWhen: 2024-03-02 20:45:00', 'section: issue', '---', '', ...body);

  it("read a cState issue's window from date and resolvedWhen", () => {
    expect(inspect(cstate('We are looking into it.')).incident).toMatchObject({
      start: '2024-03-02T19:40:00',
      end: '2024-03-02T20:45:00',
      startLine: 3,
      endLine: 5,
    });
  });

  it('read updates stamped with the track shortcode as entries, newest first', () => {
    const md = cstate(
      '**Resolved**:',
      'All builds run again.',
      '{{< track "2024-03-02 20:45:00" >}}',
      '',
      '**Investigating**:',
      'Builds fail.',
      '{{< track "2024-03-02 19:41:00" >}}',
    );
    expect(inspect(md).timeline.map((e) => [e.line, e.time, e.text])).toEqual([
      [9, '2024-03-02T20:45:00', 'Resolved**: All builds run again.'.replace('**', '')],
      [13, '2024-03-02T19:41:00', 'Investigating: Builds fail.'],
    ]);
  });

  it('read "Updates:" lists with year-less stamps', () => {
    const md = doc(
      '---',
      'date: 2024-03-02T13:57:00+02:00',
      '---',
      '',
      'Tasks are stuck.',
      '',
      'Updates:',
      '',
      '- Sat Mar 2 12:24:02 UTC: queue draining',
      '- Sun Mar 3 05:27:46 UTC: normal again',
    );
    expect(times(md)).toEqual(['2024-03-02T12:24:02Z', '2024-03-03T05:27:46Z']);
  });

  it('read a Statuspage export: each update from its status line, at its "Posted" time, newest first', () => {
    const md = doc(
      '# Elevated API errors',
      '',
      '## Resolved',
      '',
      'This incident has been resolved.',
      '',
      'Posted Mar 02, 2024 - 11:40 EST',
      '',
      '## Monitoring',
      '',
      'A fix is out and we are watching it.',
      'Posted Mar 02, 2024 - 11:05 EST',
      '',
      '## Investigating',
      '',
      'We see elevated error rates.',
      'Posted Mar 02, 2024 - 10:30 EST',
    );
    const m = inspect(md);
    expect(m.timeline.map((e) => [e.line, e.time, e.text])).toEqual([
      [3, '2024-03-02T11:40:00-05:00', 'Resolved: This incident has been resolved.'],
      [9, '2024-03-02T11:05:00-05:00', 'Monitoring: A fix is out and we are watching it.'],
      [14, '2024-03-02T10:30:00-05:00', 'Investigating: We see elevated error rates.'],
    ]);
    expect(m).toMatchObject({ timelineOrder: 'newest-first', incident: { end: '2024-03-02T11:40:00-05:00', detected: '2024-03-02T10:30:00-05:00' } });
  });

  it('do not take "Start:" statements for updates', () => {
    const md = doc('# Outage', '', '## Summary', '', 'Start: 2024-03-02 10:00 UTC', 'End: 2024-03-02 11:00 UTC');
    expect(inspect(md).timeline).toEqual([]);
  });
});

describe('the window', () => {
  it('is read from <START OF OUTAGE> and <END OF OUTAGE> markers', () => {
    const md = doc(
      '# Outage',
      '',
      '## Timeline (all times UTC)',
      '',
      '### 2024-03-02',
      '',
      '21:14 - DNS change live. **\\<START OF OUTAGE>**<br> 23:00 - mail',
      '',
      '### 2024-03-03',
      '',
      '12:55 - DNS fixed. **&lt;END OF OUTAGE&gt;**',
    );
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-02T21:14:00Z', end: '2024-03-03T12:55:00Z', startLine: 7, endLine: 11 });
  });

  it('is read from "Incident opened" and the last "Incident closed"', () => {
    const md = doc(
      '# Storage',
      '',
      '#### TIMELINE:',
      '',
      '* [2024-03-02 21:50 UTC] Incident opened.',
      '* [2024-03-03 09:00 UTC] Services are fully operational again.',
      '* [2024-03-03 08:25 UTC] Incident closed.',
    );
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-02T21:50:00Z', end: '2024-03-03T08:25:00Z', endLine: 7 });
  });

  it('is read from an opening sentence that starts with when it happened', () => {
    const md = doc('# Outage', '', 'On Friday, March 1st, 2024 at roughly 18:52 UTC the site returned errors for 7 minutes.');
    expect(inspect(md).incident).toMatchObject({ start: '2024-03-01T18:52:00Z', startLine: 3, end: null });
    expect(inspect(doc('# 2024-03-01: outage', '', 'At **19:55 UTC, all services became unresponsive**.')).incident.start).toBe('2024-03-01T19:55:00Z');
  });

  it('is read from a sentence about the outage that gives both ends, outside the summary', () => {
    const md = doc(
      '# August 12, 2024 incident report',
      '',
      'On August 12, 2024 a third of visitors saw errors.',
      '',
      '### What we learnt',
      '',
      'We saw the network failure started at approximately 10.16, and was fixed by the provider at approximately 11.35.',
    );
    expect(inspect(md).incident).toMatchObject({ start: '2024-08-12T10:16:00', end: '2024-08-12T11:35:00' });
    const other = doc('# T', '', '### What we learnt', '', 'The deploy started at 10:16 and we fixed the docs at 11:35.');
    expect(inspect(other).incident.start).toBeNull();
  });

  it('is stated to the day by "Start: Wednesday, 2024-03-06" with no time', () => {
    const md = doc(
      '# Expired certificate',
      '',
      '## Date',
      'Start: Wednesday, 2024-03-06',
      'End: Thursday, 2024-03-07',
      '',
      '## Summary',
      '',
      'The certificate expired.',
    );
    expect(inspect(md).incident).toMatchObject({ start: null, end: null, days: { start: '2024-03-06', end: '2024-03-07' } });
  });

  it('is inferred from the first and last timed entries when none is stated, and marked so', () => {
    const md = doc('# 2024-03-02 outage', '', '## Timeline (UTC)', '', '- 10:05 alert', '- 10:40 fixed');
    expect(inspect(md).incident).toMatchObject({ start: null, end: null, inferred: { start: '2024-03-02T10:05:00Z', end: '2024-03-02T10:40:00Z' } });
  });
});

describe('a duration stated in prose', () => {
  const stated = (body: string): [string | null, number | null] => {
    const i = inspect(doc('# Outage', '', '## Summary', '', body)).incident;
    return [i.statedDuration, i.statedDurationMinutes];
  };

  it.each([
    ['The outage lasted 45 minutes.', 45],
    ['The incident lasted overall around 26 minutes, though the bot stayed up.', 26],
    ['Checkout failed (total downtime: 1 hour 10 minutes).', 70],
    ['We had a three-hour outage of the API.', 180],
    ['The site was unavailable for 14 minutes.', 14],
    ['There were approximately 79 minutes of partial availability.', 79],
    ['Block production was halted for about 7 and a half hours.', 450],
  ])('reads %j', (body, minutes) => {
    expect(stated(body)[1]).toBe(minutes);
  });

  it.each(['The fix was patched within 24 minutes.', 'Requests hit a 5-minute timeout.', 'We reviewed it for 2 hours the next day.'])(
    "does not take %j for the incident's length",
    (body) => {
      expect(stated(body)).toEqual([null, null]);
    },
  );

  it("does not take another incident's length from an aside", () => {
    const md = doc('# Outage', '', '## Summary', '', 'Start: 2024-03-02 10:00 UTC', '', '## Other outages', '', 'A vendor had a 12 hour outage in 2012.');
    expect(inspect(md).incident.statedDurationMinutes).toBeNull();
  });
});
