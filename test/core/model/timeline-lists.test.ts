// Nested timeline lists: label items grouping timed sub-items, timed items with details
// beneath them, and items without a time.
import { describe, expect, it } from 'vitest';
import { doc, entries, inspect } from './inspect-helpers.ts';

describe('timeline list nesting', () => {
  it('reads timed sub-items under a day label as entries, rolling over between days', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline (all times UTC)', // 3
      '', // 4
      '- Day 1:', // 5
      '  - 23:40 — alert', // 6
      '  - 23:55 — paged', // 7
      '- Day 2:', // 8
      '  - 00:05 — rollback', // 9
    );
    expect(entries(md)).toEqual(['6 23:40:00Z alert', '7 23:55:00Z paged', '9 00:05:00Z rollback']);
  });

  it('moves to the next day at "Day 2" even when its first time is earlier in the day', () => {
    const md = doc(
      '---', // 1
      'date: 2024-03-02', // 2
      '---', // 3
      '# T', // 4
      '', // 5
      '## Timeline (all times UTC)', // 6
      '', // 7
      '- Day 1', // 8
      '  - 10:00 — alert', // 9
      '  - 14:00 — mitigated', // 10
      '- Day 2', // 11
      '  - 09:00 — relapse', // 12
      '  - 09:30 — fixed', // 13
    );
    expect(entries(md)).toEqual([
      '9 2024-03-02T10:00:00Z alert',
      '10 2024-03-02T14:00:00Z mitigated',
      '12 2024-03-03T09:00:00Z relapse',
      '13 2024-03-03T09:30:00Z fixed',
    ]);
  });

  it('reads "### Day 3" sub-headings as day counters too', () => {
    const md = doc('# T', '', '## Timeline (all times UTC)', '', '### Day 1', '- 2024-03-02 16:00 — a', '### Day 3 — follow-up', '- 08:00 — b');
    expect(inspect(md).timeline.map((e) => e.time)).toEqual(['2024-03-02T16:00:00Z', '2024-03-04T08:00:00Z']);
  });

  it('dates the sub-items of a date label', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline (all times UTC)', // 3
      '', // 4
      '- 2024-03-02', // 5
      '  - 23:40 — alert', // 6
      '- March 3, 2024', // 7
      '  - 00:05 — rollback', // 8
      '  - 09:00 — review', // 9
    );
    expect(entries(md)).toEqual(['6 2024-03-02T23:40:00Z alert', '8 2024-03-03T00:05:00Z rollback', '9 2024-03-03T09:00:00Z review']);
  });

  it('takes the nested items of a timed item as its details, not as entries', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline', // 3
      '', // 4
      '- 10:05 — Alert fired', // 5
      '  - 10:06 dashboard screenshot taken', // 6
      '  - error rate 40%', // 7
      '- 10:20 — Rolled back', // 8
    );
    expect(entries(md)).toEqual(['5 10:05:00 Alert fired', '8 10:20:00 Rolled back']);
  });

  it('takes the sub-items of a timed item with no text of its own as its text', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline', // 3
      '', // 4
      '- **04:15 PM (EAT):**', // 5
      '  - Issue detected: database errors rose.', // 6
      '- **04:20 PM (EAT):**', // 7
      '  - Actions taken: scaled the cluster.', // 8
    );
    expect(entries(md)).toEqual(['5 16:15:00+03:00 Issue detected: database errors rose.', '7 16:20:00+03:00 Actions taken: scaled the cluster.']);
  });

  it('gives a timed sub-item with no text the text of its label', () => {
    const md = doc('# T', '', '## Timeline', '', '- **Detection time:**', '  - March 11, 2024, 10:15 AM (UTC)', '- **Actions taken:**', '  - Checked the CDN.');
    expect(entries(md)).toEqual(['6 2024-03-11T10:15:00Z Detection time', '8 null Checked the CDN.']);
  });

  it('reads a date label ending with a colon, before a separate list, as the date of the entries', () => {
    const md = doc(
      '# T',
      '',
      '## Timeline',
      '',
      '- These events took place on Sunday, May 24, 2020:',
      '',
      '* 9:35 pm - Problem detected',
      '* 9:45 pm - Code verified',
    );
    expect(entries(md)).toEqual(['7 2020-05-24T21:35:00 Problem detected', '8 2020-05-24T21:45:00 Code verified']);
  });

  it('keeps an item without a time as an entry with time null, pointing at its text', () => {
    const md = doc(
      '# T',
      '',
      '## Timeline',
      '',
      '- 10:05 — Alert fired',
      '- On-call joined',
      '  the bridge call',
      '- Ran `strace` on the worker',
      '10. 10:20 — Rolled back',
    );
    const out = inspect(md);
    expect(out.timeline.map((e) => [e.line, e.column, e.time, e.text])).toEqual([
      [5, 3, '10:05:00', 'Alert fired'],
      [6, 3, null, 'On-call joined the bridge call'],
      [8, 3, null, 'Ran strace on the worker'],
      [9, 5, '10:20:00', 'Rolled back'],
    ]);
  });

  it('reads ordered lists and continuation lines of an item', () => {
    const md = doc('# T', '', '## Timeline', '', '1. 10:05 AM — Alert fired for', '   the checkout service', '2. 10:20 AM — Rolled back');
    expect(entries(md)).toEqual(['5 10:05:00 Alert fired for the checkout service', '7 10:20:00 Rolled back']);
  });

  it('reads a soft-broken list item with several timed lines as several entries', () => {
    const md = doc('# T', '', '## Timeline', '', '- 10:05 Alert fired', '  10:07 Acknowledged');
    expect(entries(md)).toEqual(['5 10:05:00 Alert fired', '6 10:07:00 Acknowledged']);
  });

  it('reads entries inside a blockquote', () => {
    const md = doc('# T', '', '## Timeline', '', '> - 10:05 — Alert fired', '> - 10:20 — Rolled back');
    expect(entries(md)).toEqual(['5 10:05:00 Alert fired', '6 10:20:00 Rolled back']);
  });
});
