import { describe, expect, it } from 'vitest';
import { normalize, parseChrono, readFirstTime, toDateReading, toReading } from '../../../src/core/time/reading.ts';

function first(text: string) {
  const norm = normalize(text);
  return readFirstTime(norm, text, 0, norm.length);
}

describe('normalize', () => {
  it('keeps the length so indexes stay valid', () => {
    for (const text of ['10:05\u202fAM', 'UTC\u221205:00', '13:40PM x', '10:05\u200a–\u200a10:30']) {
      expect(normalize(text)).toHaveLength(text.length);
    }
  });

  it('turns odd spaces into spaces and unicode minus into "-"', () => {
    expect(normalize('10:05\u202fAM')).toBe('10:05 AM');
    expect(normalize('UTC\u221205:00')).toBe('UTC-05:00');
  });

  it('blanks a meridiem after a 24-hour time, which chrono would reject', () => {
    expect(normalize('13:40PM :- x')).toBe('13:40   :- x');
    expect(normalize('10:40PM')).toBe('10:40PM');
  });

  it('blanks a weekday right before a time, which strict chrono would drop with it', () => {
    expect(normalize('Monday 10:00 x')).toBe('       10:00 x');
    expect(normalize('Sat, at 9 am')).toBe(`${' '.repeat(8)}9 am`);
    expect(normalize('Saturday, 2 March 2024')).toBe('Saturday, 2 March 2024');
  });
});

describe('parseChrono', () => {
  it('leaves out relative phrases', () => {
    expect(parseChrono('2 hours later', 0, 13)).toEqual([]);
    expect(parseChrono('within 5 minutes', 0, 16)).toEqual([]);
  });

  it('reads only the slice asked for', () => {
    const text = 'x 10:05 y 11:00';
    expect(parseChrono(text, 9, text.length).map((r) => r.text)).toEqual(['11:00']);
  });
});

describe('toReading', () => {
  it('returns null for a result without a written hour', () => {
    const [r] = parseChrono('March 2, 2024', 0, 13);
    expect(r).toBeDefined();
    expect(toReading(r!, 0, 'March 2, 2024', 'March 2, 2024')).toBeNull();
    expect(toDateReading(r!, 0)).toEqual({ index: 0, length: 13, year: 2024, month: 3, day: 2 });
  });

  it('does not take chrono’s inferred meridiem as written ("14:54" is not "2:54 PM")', () => {
    expect(first('14:54')).toMatchObject({ hour: 14, meridiem: null, twentyFourHour: true });
  });

  it('only takes date parts chrono is certain of', () => {
    expect(first('Monday 10:00 x')).toMatchObject({ text: '10:00', year: null, month: null, day: null });
    expect(first('Nov 1st 10:00')).toMatchObject({ year: null, month: 11, day: 1 });
  });

  it('skips "at" / "from" that chrono includes in its text', () => {
    expect(first('we met at 10:05 UTC')).toMatchObject({ text: '10:05 UTC', index: 10 });
  });

  it('overrides chrono’s DST-aware CET with the fixed +01:00', () => {
    expect(first('2023-07-10 10:00 CET')?.zone).toEqual({ name: 'CET', fixedOffset: 60, iana: null });
  });

  it('reads zones chrono leaves after the time', () => {
    expect(first('11:01 PM (East Africa Time — EAT) x')).toMatchObject({ text: '11:01 PM (East Africa Time — EAT)', zone: { name: 'EAT' } });
    expect(first('9:00 pm, GMT+1.')).toMatchObject({ text: '9:00 pm, GMT+1', zone: { name: 'GMT+1', fixedOffset: 60 } });
    expect(first('10:00 America/New_York x')).toMatchObject({ zone: { iana: 'America/New_York' } });
  });

  it('gives back a word chrono took for a zone', () => {
    expect(first('10:00 get coffee')).toMatchObject({ text: '10:00', zone: null });
  });

  it('reads an ISO offset as the zone', () => {
    expect(first('2024-03-02T14:54:00-04:00 x')).toMatchObject({ text: '2024-03-02T14:54:00-04:00', zone: { fixedOffset: -240 } });
  });
});
