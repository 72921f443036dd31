// Timeline tables: which column holds the time, how date and time columns combine, and
// what an entry shows (line = the row's line, text = the other cells).
import { describe, expect, it } from 'vitest';
import { doc, inspect } from './inspect-helpers.ts';

describe('timeline tables', () => {
  it('reads a table with a "Time (UTC)" column', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline', // 3
      '', // 4
      '| Time (UTC) | Event |', // 5
      '| --- | --- |', // 6
      '| 2024-03-02 09:58 | Deploy of v2.4 starts |', // 7
      '| 10:05 | Error rate alert fires |', // 8
      '| 10:31 | Rolled back |', // 9
    );
    expect(inspect(md).timeline).toMatchObject([
      { line: 7, column: 1, time: '2024-03-02T09:58:00Z', text: 'Deploy of v2.4 starts' },
      { line: 8, column: 1, time: '2024-03-02T10:05:00Z', text: 'Error rate alert fires' },
      { line: 9, column: 1, time: '2024-03-02T10:31:00Z', text: 'Rolled back' },
    ]);
  });

  it('joins separate Date and Time columns, and keeps other cells as text', () => {
    const md = doc(
      '# T', // 1
      '', // 2
      '## Timeline', // 3
      '', // 4
      '| Date | Time | Event | Who |', // 5
      '|------|------|-------|-----|', // 6
      '| 2024-03-02 | 23:55 UTC | Disk full | ops |', // 7
      '| 2024-03-03 | 00:07 | Volume grown | |', // 8
      '| | 00:20 | Recovered | sre |', // 9
    );
    expect(inspect(md).timeline).toMatchObject([
      { line: 7, time: '2024-03-02T23:55:00Z', text: 'Disk full — ops' },
      { line: 8, time: '2024-03-03T00:07:00Z', text: 'Volume grown' },
      { line: 9, time: '2024-03-03T00:20:00Z', text: 'Recovered — sre' },
    ]);
  });

  it('finds the time column by its content when no header names it', () => {
    const md = doc('# T', '', '## Timeline', '', '| What | At |', '|---|---|', '| Alert fired | 10:05 AM |', '| Fixed | 10:40 AM |');
    expect(inspect(md).timeline).toMatchObject([
      { line: 7, time: '10:05:00', text: 'Alert fired' },
      { line: 8, time: '10:40:00', text: 'Fixed' },
    ]);
  });

  it('keeps a row whose time cell cannot be read, with time null', () => {
    const md = doc('# T', '', '## Timeline', '', '| Time | Event |', '|---|---|', '| 10:05 | a |', '| later that day | b |');
    expect(inspect(md).timeline).toMatchObject([
      { line: 7, time: '10:05:00', text: 'a' },
      { line: 8, time: null, text: 'b' },
    ]);
  });

  it('skips the blank rows of a template table', () => {
    const md = doc('# T', '', '## Timeline', '', '| Date/Time | Who | Action |', '|---|---|---|', '| 10:05 | ops | paged |', '|  |  |  |', '|  |  |  |');
    expect(inspect(md).timeline).toMatchObject([{ line: 7, time: '10:05:00', text: 'ops — paged' }]);
  });

  it('ignores a table with no time column (a contact list in the timeline section)', () => {
    const md = doc('# T', '', '## Timeline', '', '| Role | Person |', '|---|---|', '| IC | Ana |', '| Comms | Ben |', '', '- 10:05 — alert');
    expect(inspect(md).timeline.map((e) => e.text)).toEqual(['alert']);
  });

  it('reads markup inside cells as plain text', () => {
    const md = doc('# T', '', '## Timeline', '', '| Time | Event |', '|---|---|', '| **10:05** | `api` pods **restarted** |');
    expect(inspect(md).timeline).toMatchObject([{ time: '10:05:00', text: 'api pods restarted' }]);
  });
});
