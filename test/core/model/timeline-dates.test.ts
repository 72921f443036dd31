// Which calendar day a time-only entry lands on: the day before it, rolled over at
// midnight, a dated heading, or the incident start; and what is shown when no date is known.
import { describe, expect, it } from 'vitest';
import { doc, entries, inspect, model } from './inspect-helpers.ts';

const times = (markdown: string): (string | null)[] => inspect(markdown).timeline.map((e) => e.time);

describe('dates and rollover', () => {
  it('rolls over to the next day at midnight', () => {
    const md = doc('# T', '', '## Timeline', '', '- 2024-03-02 23:50 UTC — alert', '- 00:10 — paged', '- 01:30 — fixed');
    expect(times(md)).toEqual(['2024-03-02T23:50:00Z', '2024-03-03T00:10:00Z', '2024-03-03T01:30:00Z']);
  });

  it('rolls over at midnight in a 12-hour document', () => {
    const md = doc('# T', '', '## Timeline', '', '- Mar 2, 2024, 11:40 PM UTC — alert', '- 12:10 AM — paged', '- 1:15 AM — fixed');
    expect(times(md)).toEqual(['2024-03-02T23:40:00Z', '2024-03-03T00:10:00Z', '2024-03-03T01:15:00Z']);
  });

  it('passes noon without rolling over: 11:50 AM → 12:10 PM, and 11:55 AM → 1:05 is 13:05', () => {
    const md = doc('# T', '', '## Timeline', '', '- 2024-03-02 11:50 AM UTC — a', '- 12:10 PM — b', '- 11:55 AM — c', '- 1:05 — d');
    expect(times(md)).toEqual(['2024-03-02T11:50:00Z', '2024-03-02T12:10:00Z', '2024-03-02T11:55:00Z', '2024-03-02T13:05:00Z']);
  });

  it('reads 12:00 AM as midnight and 12:00 PM as noon', () => {
    const md = doc('# T', '', '## Timeline', '', '- May 1, 2024, 11:50 PM UTC — a', '- 12:00 AM — b', '- 12:30 AM — c', '- 11:55 AM — d', '- 12:00 PM — e');
    expect(times(md)).toEqual(['2024-05-01T23:50:00Z', '2024-05-02T00:00:00Z', '2024-05-02T00:30:00Z', '2024-05-02T11:55:00Z', '2024-05-02T12:00:00Z']);
  });

  it('keeps an out-of-order entry on the same day (10:05 then 09:50)', () => {
    const md = doc('# T', '', '## Timeline', '', '- 2024-03-02 10:05 UTC — a', '- 09:50 — b');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z', '2024-03-02T09:50:00Z']);
  });

  it('dates entries from dated headings, and an earlier time under the next heading is that day', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline', // 3
      '', // 4
      '### 2024-03-02 (all times UTC)', // 5
      '', // 6
      '- 22:15 — alert', // 7
      '- 23:40 — paged', // 8
      '', // 9
      '### 2024-03-03', // 10
      '', // 11
      '- 09:00 — postmortem review', // 12
      '- 08:50 — late note', // 13
    );
    expect(entries(md)).toEqual([
      '7 2024-03-02T22:15:00Z alert',
      '8 2024-03-02T23:40:00Z paged',
      '12 2024-03-03T09:00:00Z postmortem review',
      '13 2024-03-03T08:50:00Z late note',
    ]);
  });

  it('reads a dated heading written in words', () => {
    const md = doc('# T', '', '## Timeline (all times UTC)', '', '### Saturday, March 2, 2024', '', '- 10:05 — alert');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z']);
  });

  it('takes the date of time-only entries from the frontmatter incident start', () => {
    const md = doc('---', 'incident_start: 2024-03-02T10:00:00Z', '---', '# T', '', '## Timeline', '', '- 10:05 — alert', '- 10:20 — fixed');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z', '2024-03-02T10:20:00Z']);
  });

  it('takes the date from the frontmatter `date` when no start is given', () => {
    const md = doc('---', 'date: 2024-03-02', '---', '# T', '', '## Timeline (all times UTC)', '', '- 10:05 — alert');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z']);
  });

  it('takes the date from the start stated in the summary', () => {
    const md = doc('# T', '', '## Summary', '', 'Start: March 2, 2024, 10:00 UTC', '', '## Timeline', '', '- 10:05 — alert');
    expect(times(md)).toEqual(['2024-03-02T10:05:00Z']);
  });

  it('shows the time of day alone when no date is known anywhere', () => {
    const md = doc('# T', '', '## Timeline', '', '- 10:05 — alert', '- 23:59 — later', '- 00:01 — after midnight');
    expect(times(md)).toEqual(['10:05:00', '23:59:00', '00:01:00']);
  });

  it('still orders time-only entries across midnight (the instant rolls over though the ISO cannot show it)', () => {
    const md = doc('# T', '', '## Timeline', '', '- 23:59 — later', '- 00:01 — after midnight');
    const [a, b] = model(md).timeline.map((e) => e.time!.epochMs);
    expect(b! - a!).toBe(2 * 60_000);
  });

  it('gives a date written on the entry precedence over the heading date', () => {
    const md = doc('# T', '', '## Timeline (all times UTC)', '', '### 2024-03-02', '', '- 2024-03-05 10:05 — follow-up', '- 10:20 — next');
    expect(times(md)).toEqual(['2024-03-05T10:05:00Z', '2024-03-05T10:20:00Z']);
  });
});
