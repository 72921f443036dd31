// Timelines written as lines rather than list items: one entry per line that starts with a
// time, continuation lines appended, and run-on paragraphs split at each new time.
import { describe, expect, it } from 'vitest';
import { doc, inspect } from './inspect-helpers.ts';

describe('timeline lines', () => {
  it('makes each soft-broken line that starts with a time its own entry, with its own line', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline (all times UTC)', // 3
      '', // 4
      '10:05 Alert fired', // 5
      '10:07 - On-call acknowledged', // 6
      '10:12: Rollback started', // 7
    );
    expect(inspect(md).timeline).toMatchObject([
      { line: 5, column: 1, time: '10:05:00Z', text: 'Alert fired' },
      { line: 6, column: 1, time: '10:07:00Z', text: 'On-call acknowledged' },
      { line: 7, column: 1, time: '10:12:00Z', text: 'Rollback started' },
    ]);
  });

  it('reads lines joined by hard breaks (two trailing spaces, backslash, <br>)', () => {
    const md = doc('# T', '', '## Timeline', '', '10:05 AM: a  ', '10:07 AM: b\\', '10:09 AM: c<br>10:11 AM: d');
    expect(inspect(md).timeline.map((e) => [e.line, e.time, e.text])).toEqual([
      [5, '10:05:00', 'a'],
      [6, '10:07:00', 'b'],
      [7, '10:09:00', 'c'],
      [7, '10:11:00', 'd'],
    ]);
  });

  it('appends a line that does not start with a time to the entry before it', () => {
    const md = doc('# T', '', '## Timeline', '', '10:05 Alert fired for the', 'checkout service', '10:07 Acknowledged');
    expect(inspect(md).timeline.map((e) => [e.line, e.text])).toEqual([
      [5, 'Alert fired for the checkout service'],
      [7, 'Acknowledged'],
    ]);
  });

  it('splits a run-on paragraph at each sentence that starts with a time', () => {
    const md = doc(
      '# T',
      '',
      '## Timeline',
      '',
      '12:00pm EAT: Issue detected. 12:06pm EAT: Curl showed a 502 from the gateway. 12:10pm: Rolled back at 3.5 percent load. Done.',
    );
    const out = inspect(md);
    expect(out.timeline.map((e) => [e.line, e.time, e.text])).toEqual([
      [5, '12:00:00+03:00', 'Issue detected.'],
      [5, '12:06:00+03:00', 'Curl showed a 502 from the gateway.'],
      [5, '12:10:00+03:00', 'Rolled back at 3.5 percent load. Done.'],
    ]);
    expect(out.timeline.map((e) => e.column)).toEqual([1, 30, 79]);
  });

  it('points each run-on entry at its own time even when the same time repeats', () => {
    const md = doc('# T', '', '## Timeline', '', '10:05 Alert fired. 10:05 Paged the on-call. 10:05 Incident declared.');
    expect(inspect(md).timeline.map((e) => e.column)).toEqual([1, 20, 45]);
  });

  it('does not split at a time inside a sentence', () => {
    const md = doc('# T', '', '## Timeline', '', '10:05 Found that the 09:50 deploy changed the pool size.');
    expect(inspect(md).timeline.map((e) => e.text)).toEqual(['Found that the 09:50 deploy changed the pool size.']);
  });

  it('takes the next paragraph as the text of a time standing alone', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline', // 3
      '', // 4
      '10:00 AM:', // 5
      '', // 6
      'Detection: monitoring alert on failed logins.', // 7
      '10:15 AM:', // 8
      '', // 9
      'Investigation: assumed server overload.', // 10
    );
    expect(inspect(md).timeline.map((e) => [e.line, e.time, e.text])).toEqual([
      [5, '10:00:00', 'Detection: monitoring alert on failed logins.'],
      [8, '10:15:00', 'Investigation: assumed server overload.'],
    ]);
  });

  it('ignores prose before the first timed line', () => {
    const md = doc('# T', '', '## Timeline', '', 'Reconstructed from chat logs.', '', '10:05 Alert fired');
    expect(inspect(md).timeline.map((e) => [e.line, e.text])).toEqual([[7, 'Alert fired']]);
  });
});
