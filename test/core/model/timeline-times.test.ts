// Each way a timeline entry writes its time, as `inspect` shows it: the ISO time and the
// entry text without the time or the separators around it.
import { describe, expect, it } from 'vitest';
import { doc, inspect } from './inspect-helpers.ts';

/** The one entry of a timeline holding `item`. */
function only(item: string, options: { defaultZone?: string } = {}): { time: string | null; text: string; timeText: string | null } {
  const out = inspect(doc('# T', '', '## Timeline', '', item), options);
  expect(out.timeline).toHaveLength(1);
  const [entry] = out.timeline;
  return { time: entry!.time, text: entry!.text, timeText: entry!.timeText };
}

describe('times in timelines', () => {
  it.each([
    ['- 10:05 AM — Alert fired', '10:05:00', 'Alert fired'],
    ['- 10:05 PM — Alert fired', '22:05:00', 'Alert fired'],
    ['- 09:15 AM (UTC) - Alert fired', '09:15:00Z', 'Alert fired'],
    ['- May 10, 2023, 09:15 AM: Alert fired', '2023-05-10T09:15:00', 'Alert fired'],
    ['- 2023-05-10 09:15 UTC | Alert fired', '2023-05-10T09:15:00Z', 'Alert fired'],
    ['- 14:54 Alert fired', '14:54:00', 'Alert fired'],
    ['- 11 August 2023, 08:00 AM — Alert fired', '2023-08-11T08:00:00', 'Alert fired'],
    ['- 2024-03-02T14:54Z — Alert fired', '2024-03-02T14:54:00Z', 'Alert fired'],
    ['- 2024-03-02T14:54:00+03:00 — Alert fired', '2024-03-02T14:54:00+03:00', 'Alert fired'],
    ['- Aug 08, 2023 - 10:27 EDT — Alert fired', '2023-08-08T10:27:00-04:00', 'Alert fired'],
    ['- 12:00pm EAT: Alert fired', '12:00:00+03:00', 'Alert fired'],
    ['- 10:00 PST: Alert fired', '10:00:00-08:00', 'Alert fired'],
    ['- 10:00 CET: Alert fired', '10:00:00+01:00', 'Alert fired'],
    ['- 10:00 GMT: Alert fired', '10:00:00Z', 'Alert fired'],
    ['- **10:05 AM** — Alert fired', '10:05:00', 'Alert fired'],
    ['- **10:05 AM:** Alert fired', '10:05:00', 'Alert fired'],
    ['- **10:05 AM** - Alert fired', '10:05:00', 'Alert fired'],
    ['- [10:05] Alert fired', '10:05:00', 'Alert fired'],
    ['- At 10:05, Alert fired', '10:05:00', 'Alert fired'],
    ['* 10:05: Alert fired', '10:05:00', 'Alert fired'],
    ['1. 10:05 – Alert fired', '10:05:00', 'Alert fired'],
  ])('%s', (item, time, text) => {
    expect(only(item)).toMatchObject({ time, text });
  });

  it('does not read the article after a time as "a.m."', () => {
    expect(only('- 10:05 a new deploy started')).toMatchObject({ time: '10:05:00', text: 'a new deploy started', timeText: '10:05' });
    expect(only('- 14:05 a rollback began')).toMatchObject({ time: '14:05:00', text: 'a rollback began' });
    expect(only('- 9:05 PM A customer called')).toMatchObject({ time: '21:05:00', text: 'A customer called' });
    expect(only('- 9:05 a')).toMatchObject({ time: '09:05:00', text: '' });
  });

  it('reads a range at the start as the entry time, the whole range being its time text', () => {
    expect(only('- 10:05–10:30 — Maintenance window')).toMatchObject({ time: '10:05:00', text: 'Maintenance window', timeText: '10:05–10:30' });
    expect(only('- 9am-10am: Reduced capacity')).toMatchObject({ time: '09:00:00', text: 'Reduced capacity' });
  });

  it('drops an "(approx.)" after the time from the text', () => {
    expect(only('- 10:40 (approx.) — Customer reports begin')).toMatchObject({ time: '10:40:00', text: 'Customer reports begin' });
  });

  it('keeps the time as written in timeText', () => {
    expect(only('- **09:15 AM (UTC)** — Paged').timeText).toBe('09:15 AM (UTC)');
    expect(only('- Aug 08, 2023 - 10:27 EDT — Paged').timeText).toBe('Aug 08, 2023 - 10:27 EDT');
  });

  it('keeps text that merely starts with punctuation of its own', () => {
    expect(only('- 10:05 — "cannot connect" reports').text).toBe('"cannot connect" reports');
    expect(only('- 10:05 — `df -h` shows the disk full').text).toBe('df -h shows the disk full');
  });

  it('keeps later times inside the text', () => {
    expect(only('- 10:05 — Rolled back the 09:50 deploy').text).toBe('Rolled back the 09:50 deploy');
  });

  it('reads an entry whose time comes late in the line as having no time', () => {
    expect(only('- The on-call engineer was paged at 10:05')).toMatchObject({ time: null, timeText: null, text: 'The on-call engineer was paged at 10:05' });
  });

  it('does not take a bare number or a date alone for a time', () => {
    expect(only('- 3 servers were restarted').time).toBeNull();
    expect(only('- May 10, 2023: rollout began').time).toBeNull();
  });

  it('gives the entry line and the column of its time', () => {
    const out = inspect(doc('# T', '', '## Timeline', '', '- **10:05** — a', '- 10:07 — b'));
    expect(out.timeline.map((e) => [e.line, e.column])).toEqual([
      [5, 5],
      [6, 3],
    ]);
  });
});
