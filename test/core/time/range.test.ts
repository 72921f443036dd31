import { describe, expect, it } from 'vitest';
import { joinRange, splitRange } from '../../../src/core/time/range.ts';
import type { TimeReading } from '../../../src/core/time/reading.ts';
import { normalize, parseChrono } from '../../../src/core/time/reading.ts';
import { parseZone } from '../../../src/core/time/zones.ts';

function reading(over: Partial<TimeReading>): TimeReading {
  return {
    index: 0,
    length: 0,
    text: '',
    year: null,
    month: null,
    day: null,
    hour: 0,
    minute: 0,
    second: 0,
    meridiem: null,
    zone: null,
    twentyFourHour: false,
    ...over,
  };
}

function split(text: string): string[] {
  const norm = normalize(text);
  const [r] = parseChrono(norm, 0, norm.length);
  if (r === undefined) throw new Error(`chrono read nothing in ${text}`);
  return splitRange(r, norm, text).map((t) => t.text);
}

describe('splitRange', () => {
  it.each([
    ['10:05 - 10:30', ['10:05', '10:30']],
    ['10:05–10:30', ['10:05', '10:30']],
    ['9am-10am', ['9am', '10am']],
    ['from 10:45 AM to 11:30 AM (UTC) on March 11, 2024', ['10:45 AM', '11:30 AM (UTC) on March 11, 2024']],
    ['May 15, 2023, 09:00 AM - May 15, 2023, 12:00 PM (UTC)', ['May 15, 2023, 09:00 AM', 'May 15, 2023, 12:00 PM (UTC)']],
    ['10 to 11 PM', ['10', '11 PM']],
  ])('splits %j at its connector', (text, parts) => {
    expect(split(text)).toEqual(parts);
  });

  it('links the start to its end', () => {
    const norm = normalize('10:05 - 10:30');
    const [r] = parseChrono(norm, 0, norm.length);
    const [start, end] = splitRange(r!, norm, '10:05 - 10:30');
    expect(start?.end).toBe(end);
  });
});

describe('joinRange', () => {
  it('copies a zone written on one end to the other', () => {
    const utc = parseZone('UTC');
    const start = reading({ hour: 10 });
    const end = reading({ hour: 11, zone: utc });
    joinRange(start, end);
    expect(start.zone).toBe(utc);
  });

  it('copies the start date to the end, rolling over midnight', () => {
    const start = reading({ year: 2024, month: 2, day: 29, hour: 23, twentyFourHour: true });
    const end = reading({ hour: 1, twentyFourHour: true });
    joinRange(start, end);
    expect([end.year, end.month, end.day]).toEqual([2024, 3, 1]);
  });

  it('copies a date written before the end time back to the start, a day earlier when needed', () => {
    const start = reading({ hour: 22, meridiem: 'pm' });
    const end = reading({ text: 'May 11, 2024, 02:00 AM', year: 2024, month: 5, day: 11, hour: 2, meridiem: 'am' });
    joinRange(start, end);
    expect([start.year, start.month, start.day]).toEqual([2024, 5, 10]);
  });

  it('applies a trailing date to the start and rolls the end over', () => {
    const start = reading({ hour: 23, twentyFourHour: true });
    const end = reading({ text: '01:00 UTC on May 10, 2024', year: 2024, month: 5, day: 10, hour: 1, twentyFourHour: true });
    joinRange(start, end);
    expect([start.day, end.day]).toEqual([10, 11]);
  });

  it('chooses the meridiem that keeps the range in order and short', () => {
    const a = reading({ hour: 11 });
    joinRange(a, reading({ hour: 13, meridiem: 'pm' }));
    expect([a.hour, a.meridiem]).toEqual([11, 'am']);
    const b = reading({ hour: 10 });
    joinRange(b, reading({ hour: 23, meridiem: 'pm' }));
    expect([b.hour, b.meridiem]).toEqual([22, 'pm']);
    const c = reading({ hour: 10 });
    joinRange(reading({ hour: 21, meridiem: 'pm' }), c);
    expect([c.hour, c.meridiem]).toEqual([22, 'pm']);
  });

  it('leaves 24-hour times alone', () => {
    const start = reading({ hour: 9, twentyFourHour: true });
    joinRange(start, reading({ hour: 13, meridiem: 'pm' }));
    expect([start.hour, start.meridiem]).toEqual([9, null]);
  });
});
