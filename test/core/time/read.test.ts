import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDateOnly, readDateTime, readLeadingTime, readTimeRange } from '../../../src/core/time/read.ts';
import type { TimeReading } from '../../../src/core/time/read.ts';

/** The parts of a reading a test cares about, in one comparable object. */
function summary(r: TimeReading | null) {
  if (r === null) return null;
  return {
    text: r.text,
    date: r.year === null && r.month === null ? null : [r.year, r.month, r.day],
    time: [r.hour, r.minute, r.second],
    meridiem: r.meridiem,
    zone: r.zone?.name ?? null,
    h24: r.twentyFourHour,
  };
}

describe('readLeadingTime: shapes real timelines use', () => {
  it.each([
    ['10:05 AM', '10:05 AM', null, [10, 5, 0], 'am', null, false],
    ['10:05AM: Alert fired', '10:05AM', null, [10, 5, 0], 'am', null, false],
    ['10:05 a.m. the pager went off', '10:05 a.m.', null, [10, 5, 0], 'am', null, false],
    ['10:05 p.m: rollback', '10:05 p.m', null, [22, 5, 0], 'pm', null, false],
    ['12:00pm EAT: escalation', '12:00pm EAT', null, [12, 0, 0], 'pm', 'EAT', false],
    ['09:15 AM (UTC) Alert', '09:15 AM (UTC)', null, [9, 15, 0], 'am', 'UTC', false],
    ['08:30 AM UTC - Detected', '08:30 AM UTC', null, [8, 30, 0], 'am', 'UTC', false],
    ['May 10, 2023, 09:15 AM: paged', 'May 10, 2023, 09:15 AM', [2023, 5, 10], [9, 15, 0], 'am', null, false],
    ['2023-05-10 09:15 UTC deploy', '2023-05-10 09:15 UTC', [2023, 5, 10], [9, 15, 0], null, 'UTC', true],
    ['14:54 deploy', '14:54', null, [14, 54, 0], null, null, true],
    ['14:54:07 deploy', '14:54:07', null, [14, 54, 7], null, null, true],
    ['09:15 deploy', '09:15', null, [9, 15, 0], null, null, true],
    ['9:15 deploy', '9:15', null, [9, 15, 0], null, null, false],
    ['00:12 PST - restart', '00:12 PST', null, [0, 12, 0], null, 'PST', true],
    ['11 August 2023, 08:00 AM: start', '11 August 2023, 08:00 AM', [2023, 8, 11], [8, 0, 0], 'am', null, false],
    ['2024-03-02T14:54Z deploy', '2024-03-02T14:54Z', [2024, 3, 2], [14, 54, 0], null, 'UTC', true],
    ['2024-03-02T14:54:00+03:00 x', '2024-03-02T14:54:00+03:00', [2024, 3, 2], [14, 54, 0], null, '+03:00', true],
    ['Aug 08, 2023 - 10:27 EDT: x', 'Aug 08, 2023 - 10:27 EDT', [2023, 8, 8], [10, 27, 0], null, 'EDT', false],
    ['12:00 CAT — Engineers', '12:00 CAT', null, [12, 0, 0], null, 'CAT', false],
    ['5:30pm – servers back', '5:30pm', null, [17, 30, 0], 'pm', null, false],
    ['[10:05] alert', '10:05', null, [10, 5, 0], null, null, false],
    ['February 15, 2024: 8:35pm UTC The team', 'February 15, 2024: 8:35pm UTC', [2024, 2, 15], [20, 35, 0], 'pm', 'UTC', false],
    ['13:30 PST 29 april 2022 - file found', '13:30 PST 29 april 2022', [2022, 4, 29], [13, 30, 0], null, 'PST', true],
    ['June 7th, 2024, 13:00 (UTC): Issue', 'June 7th, 2024, 13:00 (UTC)', [2024, 6, 7], [13, 0, 0], null, 'UTC', true],
    ['05:30 PM (EAT (UTC+3)): x', '05:30 PM (EAT (UTC+3))', null, [17, 30, 0], 'pm', 'EAT', false],
    ['10:00 UTC−05:00 x', '10:00 UTC−05:00', null, [10, 0, 0], null, 'UTC-05:00', false],
    ['10:00 (UTC-5) x', '10:00 (UTC-5)', null, [10, 0, 0], null, 'UTC-5', false],
    ['10:00 [UTC] x', '10:00 [UTC]', null, [10, 0, 0], null, 'UTC', false],
    ['10:00 Europe/Berlin x', '10:00 Europe/Berlin', null, [10, 0, 0], null, 'Europe/Berlin', false],
    ['13:40PM :- The server', '13:40PM', null, [13, 40, 0], null, null, true],
    ['10.46 pm - dependency', '10.46 pm', null, [22, 46, 0], 'pm', null, false],
    ['12:00 AM midnight', '12:00 AM', null, [0, 0, 0], 'am', null, false],
    ['12:00 PM noon', '12:00 PM', null, [12, 0, 0], 'pm', null, false],
    ['10 PM: x', '10 PM', null, [22, 0, 0], 'pm', null, false],
    ['11:01 PM (East Africa Time — EAT) x', '11:01 PM (East Africa Time — EAT)', null, [23, 1, 0], 'pm', 'EAT', false],
    ['9:00 pm, GMT+1.', '9:00 pm, GMT+1', null, [21, 0, 0], 'pm', 'GMT+1', false],
    ['2024-03-02T14:54:00-04:00 x', '2024-03-02T14:54:00-04:00', [2024, 3, 2], [14, 54, 0], null, '-04:00', true],
    ['10:05\u202fAM hair-spaced', '10:05\u202fAM', null, [10, 5, 0], 'am', null, false],
    ['10:00 AM PST Monday Nov 1st: planning', '10:00 AM PST Monday Nov 1st', [null, 11, 1], [10, 0, 0], 'am', 'PST', false],
  ] as const)('%j', (input, text, date, time, meridiem, zone, h24) => {
    expect(summary(readLeadingTime(input))).toEqual({ text, date, time, meridiem, zone, h24 });
  });

  it('reports where the time stands in the text', () => {
    const r = readLeadingTime('- **10:05 AM:** Alert')!;
    expect(r.index).toBe(4);
    expect(r.length).toBe(8);
    expect('- **10:05 AM:** Alert'.slice(r.index, r.index + r.length)).toBe('10:05 AM');
  });

  it.each([
    ['- 10:05 x', '10:05'],
    ['* **11:00 AM PST:** x', '11:00 AM PST'],
    ['**14:20 GMT**: x', '14:20 GMT'],
    ['~10:05 x', '10:05'],
    ['• 10:05 x', '10:05'],
    ['(10:05) x', '10:05'],
    ['At 10:05 we', '10:05'],
    ['At around 10:05 we', '10:05'],
    ['Around 10:05 we', '10:05'],
    ['approx. 10:05 we', '10:05'],
    ['- **At around 10:05** the', '10:05'],
    ['At 3pm we', '3pm'],
  ])('skips leading decoration in %j', (input, text) => {
    expect(readLeadingTime(input)?.text).toBe(text);
  });

  it('reads "Day 1, 10:00" as the time alone: a day counter is not a date', () => {
    expect(summary(readLeadingTime('Day 1, 10:00 kickoff'))).toMatchObject({ text: '10:00', date: null, time: [10, 0, 0] });
  });

  it('drops an ambiguous slash date but keeps the time', () => {
    expect(summary(readLeadingTime('10/05/2023 14:00 deploy'))).toMatchObject({ date: null, time: [14, 0, 0] });
    expect(summary(readLeadingTime('25/05/2023 14:00 deploy'))).toMatchObject({ date: [2023, 5, 25] });
    expect(summary(readLeadingTime('05/25/2023 14:00 deploy'))).toMatchObject({ date: [2023, 5, 25] });
  });

  it('keeps abbreviations only in capitals', () => {
    expect(summary(readLeadingTime('10:00 eat lunch'))).toMatchObject({ text: '10:00', zone: null });
    expect(summary(readLeadingTime('10:00 cat videos'))).toMatchObject({ text: '10:00', zone: null });
    expect(summary(readLeadingTime('10:00 utc deploy'))).toMatchObject({ zone: 'UTC' });
  });

  it('attaches the end of a leading range', () => {
    const r = readLeadingTime('10:05 - 10:30: database failover')!;
    expect(r.text).toBe('10:05');
    expect(summary(r.end ?? null)).toMatchObject({ text: '10:30', time: [10, 30, 0] });
    const m = readLeadingTime('9am-10am maintenance')!;
    expect([m.text, m.end?.text]).toEqual(['9am', '10am']);
  });

  it.each([
    'T+0 alert fired',
    'T+5 min: paged',
    'May 10, 2023: we began the migration',
    'March 2, 2024',
    '3 servers went down',
    '2023 was a hard year',
    '404 errors spiked',
    '24/7 support',
    '2 hours later the fix landed',
    'in 2 hours',
    '2024 budget approved',
    'May 2024 1200 users',
    '1.10 shipped to production',
    '10.42 percent of requests failed',
    'The database at 10:05 failed',
    'We noticed around lunchtime that 10:05 was',
    '',
    '   ',
    'v1.2.3 released',
    '192.168.1.1 unreachable',
  ])('finds no leading time in %j', (input) => {
    expect(readLeadingTime(input)).toBeNull();
  });

  // Shapes chrono does not read (or reads without their date or zone): src/core/time/shapes.ts.
  it.each([
    ['2024-03-12 0616: wrong block built', '2024-03-12 0616', [2024, 3, 12], [6, 16, 0], null, null, true],
    ['1506 UTC - paged the on-call', '1506 UTC', null, [15, 6, 0], null, 'UTC', true],
    ['1454Z deploy', '1454Z', null, [14, 54, 0], null, 'UTC', true],
    ['Feb 7 1506 UTC: rollback', 'Feb 7 1506 UTC', [null, 2, 7], [15, 6, 0], null, 'UTC', true],
    ['15h50 UTC reboot', '15h50 UTC', null, [15, 50, 0], null, 'UTC', true],
    ['10.42: the app became unavailable', '10.42', null, [10, 42, 0], null, null, false],
    ['10.42am the app became unavailable', '10.42am', null, [10, 42, 0], 'am', null, false],
    ['[03-20 10:04] api: restarted', '10:04', [null, 3, 20], [10, 4, 0], null, null, false],
    ['19. April, 11:00 the queue drained', '11:00', [null, 4, 19], [11, 0, 0], null, null, false],
    ['2023-01-04/11:34: provider blocked the address', '2023-01-04/11:34', [2023, 1, 4], [11, 34, 0], null, null, false],
    ['27-02-2026 ~08:50 noticed by the team', '27-02-2026 ~08:50', [2026, 2, 27], [8, 50, 0], null, null, true],
    ['2024-06-28 7:09 AM Eastern: report received', '2024-06-28 7:09 AM Eastern', [2024, 6, 28], [7, 9, 0], 'am', 'Eastern', false],
    ['7:09 AM (Pacific) report received', '7:09 AM (Pacific)', null, [7, 9, 0], 'am', 'Pacific', false],
    ['Jan 14, 10:18 AM paged', 'Jan 14, 10:18 AM', [null, 1, 14], [10, 18, 0], 'am', null, false],
    ['10:00 US/Pacific deploy', '10:00 US/Pacific', null, [10, 0, 0], null, 'America/Los_Angeles', false],
    ['10:00 UTC+1 deploy', '10:00 UTC+1', null, [10, 0, 0], null, 'UTC+1', false],
    ['2024-03-02T10:04:05Z deploy', '2024-03-02T10:04:05Z', [2024, 3, 2], [10, 4, 5], null, 'UTC', true],
  ])('reads %j', (input, text, date, time, meridiem, zone, h24) => {
    expect(summary(readLeadingTime(input))).toEqual({ text, date, time, meridiem, zone, h24 });
  });

  it('takes a capital word after a time for a zone only when it is one ("10:42 DNS …" is not)', () => {
    expect(summary(readLeadingTime('2024-03-12 1042 DNS records changed'))).toMatchObject({ time: [10, 42, 0], zone: null });
    expect(summary(readLeadingTime('10:05 Central services failed'))).toMatchObject({ zone: null });
  });

  it('rejects impossible dates in the shapes', () => {
    expect(readLeadingTime('2024-02-30 0900 UTC x')?.month ?? null).toBeNull();
  });

  it('honours maxLead', () => {
    expect(readLeadingTime('Pager: 10:05 fired')?.text).toBe('10:05');
    expect(readLeadingTime('Pager: 10:05 fired', 0)).toBeNull();
    expect(readLeadingTime('10:05 fired', 0)?.text).toBe('10:05');
    expect(readLeadingTime('Something long happened: 10:05')).toBeNull();
  });
});

describe('readDateOnly', () => {
  it.each([
    ['2024-03-02 (all times UTC)', { year: 2024, month: 3, day: 2 }],
    ['March 2, 2024', { year: 2024, month: 3, day: 2 }],
    ['Saturday, 2 March 2024', { year: 2024, month: 3, day: 2 }],
    ['Day 2 — 2024-03-03', { year: 2024, month: 3, day: 3 }],
    ['### June 8th, 2024', { year: 2024, month: 6, day: 8 }],
    ['2024-03-02T10:00Z', { year: 2024, month: 3, day: 2 }],
    ['25/12/2023', { year: 2023, month: 12, day: 25 }],
  ])('reads %j', (text, date) => {
    expect(readDateOnly(text)).toEqual(date);
  });

  it.each(['May 10', '24/7 support', '10/05/2023', 'Timeline', 'Day 2', '10:05 AM'])('reads no full date in %j', (text) => {
    expect(readDateOnly(text)).toBeNull();
  });
});

describe('readDateTime', () => {
  it.each([
    ['Start: 2023-05-10 09:00 UTC', [2023, 5, 10], [9, 0, 0], 'UTC'],
    ['Started at 9:00 AM EAT on May 10, 2023', [2023, 5, 10], [9, 0, 0], 'EAT'],
    ['from 10:45 AM to 11:30 AM (UTC) on March 11, 2024', [2024, 3, 11], [10, 45, 0], 'UTC'],
    ['On Nov 1, 2021 at approximately 09:45 am UTC the entity stopped', [2021, 11, 1], [9, 45, 0], 'UTC'],
    ['2023-05-10T09:00:00.000Z', [2023, 5, 10], [9, 0, 0], 'UTC'],
    ['Issue Detected: October 9, 2023, 14:00 UTC', [2023, 10, 9], [14, 0, 0], 'UTC'],
    ['End Time: January 31 2023, 18:05 GMT+1', [2023, 1, 31], [18, 5, 0], 'GMT+1'],
    ['Detected at 14:05 UTC', null, [14, 5, 0], 'UTC'],
  ] as const)('%j', (text, date, time, zone) => {
    expect(summary(readDateTime(text))).toMatchObject({ date, time, zone });
  });

  it('returns null when the statement has no time', () => {
    expect(readDateTime('Start: May 10, 2023')).toBeNull();
    expect(readDateTime('no time here')).toBeNull();
  });
});

describe('readTimeRange', () => {
  const range = (text: string) => {
    const r = readTimeRange(text);
    return r === null ? null : { start: summary(r.start), end: summary(r.end) };
  };

  it('applies a date and zone written once to both ends', () => {
    expect(range('from 10:45 AM to 11:30 AM (UTC) on March 11, 2024')).toMatchObject({
      start: { text: '10:45 AM', date: [2024, 3, 11], time: [10, 45, 0], zone: 'UTC' },
      end: { date: [2024, 3, 11], time: [11, 30, 0], zone: 'UTC' },
    });
    expect(range('On June 5, 2024, from 14:30 to 17:00 UTC, our app')).toMatchObject({
      start: { date: [2024, 6, 5], time: [14, 30, 0], zone: 'UTC' },
      end: { text: '17:00 UTC', date: [2024, 6, 5], time: [17, 0, 0], zone: 'UTC' },
    });
    expect(range('Duration: 2024-08-15, 14:00 UTC to 17:30 UTC (3 hours, 30 minutes)')).toMatchObject({
      start: { date: [2024, 8, 15], time: [14, 0, 0] },
      end: { date: [2024, 8, 15], time: [17, 30, 0] },
    });
  });

  it('reads "between X and Y"', () => {
    expect(range('between 03:45 AM (UTC) and 11:30 AM (UTC), users')).toMatchObject({
      start: { text: '03:45 AM (UTC)', time: [3, 45, 0], zone: 'UTC' },
      end: { text: '11:30 AM (UTC)', time: [11, 30, 0], zone: 'UTC' },
    });
  });

  it('reads "X – Y" with any dash', () => {
    for (const text of ['10:00 - 11:00', '10:00 – 11:00', '10:00 — 11:00', '10:00–11:00']) {
      expect(range(text)).toMatchObject({ start: { time: [10, 0, 0] }, end: { time: [11, 0, 0] } });
    }
  });

  it('reads full date-times on both ends', () => {
    expect(range('May 10, 2024, 10:00 AM to May 11, 2024, 02:00 AM (UTC)')).toMatchObject({
      start: { date: [2024, 5, 10], time: [10, 0, 0], zone: 'UTC' },
      end: { date: [2024, 5, 11], time: [2, 0, 0], zone: 'UTC' },
    });
  });

  it('rolls the end over midnight when the date is written once', () => {
    expect(range('23:00 to 01:00 UTC on May 10, 2024')).toMatchObject({
      start: { date: [2024, 5, 10], time: [23, 0, 0] },
      end: { date: [2024, 5, 11], time: [1, 0, 0] },
    });
    expect(range('2024-05-10 23:00 - 01:00')).toMatchObject({
      start: { date: [2024, 5, 10] },
      end: { date: [2024, 5, 11], time: [1, 0, 0] },
    });
  });

  it('applies a meridiem written once to the other end, keeping the range in order', () => {
    expect(range('from 10 to 11 PM')).toMatchObject({ start: { time: [22, 0, 0] }, end: { time: [23, 0, 0] } });
    expect(range('11:00 to 1:00 PM')).toMatchObject({ start: { time: [11, 0, 0] }, end: { time: [13, 0, 0] } });
    expect(range('From 3:31 to 6:02 pm EET')).toMatchObject({ start: { time: [15, 31, 0], zone: 'EET' }, end: { time: [18, 2, 0] } });
    expect(range('10:05 AM - 10:10')).toMatchObject({ end: { time: [10, 10, 0] } });
  });

  it('returns null without a range', () => {
    expect(readTimeRange('At 10:05 we restarted')).toBeNull();
    expect(readTimeRange('started at 08:30 AM and ending at 10:15 AM UTC')).toBeNull();
  });
});

describe('readLeadingTime over the public corpus', () => {
  const corpus = fileURLToPath(new URL('../../../../shared/corpus/public/', import.meta.url));
  const present = existsSync(corpus);

  const title = present
    ? 'reads every line of every postmortem without throwing'
    : `reads every line of every postmortem (skipped: corpus folder absent at ${corpus})`;
  it.skipIf(!present)(title, () => {
    let lines = 0;
    let times = 0;
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.md'))) {
      for (const line of readFileSync(corpus + file, 'utf8').split('\n')) {
        lines++;
        const r = readLeadingTime(line.trim());
        if (r !== null) {
          times++;
          expect(r.hour).toBeGreaterThanOrEqual(0);
          expect(r.hour).toBeLessThan(24);
          expect(line.trim().slice(r.index, r.index + r.length)).toBe(r.text);
        }
      }
    }
    console.log(`corpus: ${times} of ${lines} lines start with a time`);
    expect(lines).toBeGreaterThan(0);
  });
});
