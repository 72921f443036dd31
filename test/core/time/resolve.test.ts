import { describe, expect, it } from 'vitest';
import type { ResolvedTime } from '../../../src/core/model.ts';
import { readLeadingTime } from '../../../src/core/time/read.ts';
import type { CalendarDate, TimeReading } from '../../../src/core/time/read.ts';
import { TimeResolver, comparable, compareTimes, formatOffset, hasDate, isTwelveHourDocument } from '../../../src/core/time/resolve.ts';
import { parseZone } from '../../../src/core/time/zones.ts';
import type { Zone } from '../../../src/core/time/zones.ts';

function read(text: string): TimeReading {
  const r = readLeadingTime(text);
  if (r === null) throw new Error(`no time in ${text}`);
  return r;
}

function zone(text: string): Zone {
  const z = parseZone(text);
  if (z === null) throw new Error(`no zone ${text}`);
  return z;
}

function resolver(options: { zone?: string; anchor?: CalendarDate; twelveHour?: boolean } = {}): TimeResolver {
  return new TimeResolver({
    zone: options.zone === undefined ? null : zone(options.zone),
    anchor: options.anchor ?? null,
    twelveHourDocument: options.twelveHour ?? false,
  });
}

/** Resolves each line in turn and returns the iso strings. */
function isos(r: TimeResolver, ...lines: string[]): string[] {
  return lines.map((line) => r.resolve(read(line))?.iso ?? 'null');
}

const MAY_10: CalendarDate = { year: 2023, month: 5, day: 10 };

describe('TimeResolver: zones and offsets', () => {
  it('writes Z for UTC and a numeric offset otherwise', () => {
    const r = resolver({ anchor: MAY_10 });
    expect(r.resolve(read('10:05 UTC'))).toEqual({
      iso: '2023-05-10T10:05:00Z',
      epochMs: Date.UTC(2023, 4, 10, 10, 5),
      offsetMinutes: 0,
      dateGiven: false,
      zoneGiven: true,
      dateFrom: null,
      zoneFrom: { from: 'text', line: null },
    });
    expect(r.resolve(read('14:05 EAT'))).toEqual({
      iso: '2023-05-10T14:05:00+03:00',
      epochMs: Date.UTC(2023, 4, 10, 11, 5),
      offsetMinutes: 180,
      dateGiven: false,
      zoneGiven: true,
      dateFrom: { from: 'previous-entry', line: null },
      zoneFrom: { from: 'text', line: null },
    });
    expect(r.resolve(read('2024-03-02T14:54:00-04:00 x'))?.iso).toBe('2024-03-02T14:54:00-04:00');
  });

  it('resolves IANA zones with DST', () => {
    const r = resolver({ zone: 'America/New_York' });
    expect(r.resolve(read('2024-07-15 10:00 x'))).toMatchObject({ iso: '2024-07-15T10:00:00-04:00', offsetMinutes: -240, zoneGiven: false, dateGiven: true });
    r.reset();
    expect(r.resolve(read('2024-01-15 10:00 x'))).toMatchObject({ iso: '2024-01-15T10:00:00-05:00', offsetMinutes: -300 });
  });

  it('keeps CET at +01:00 in summer', () => {
    expect(resolver().resolve(read('2023-07-10 10:00 CET'))).toMatchObject({ iso: '2023-07-10T10:00:00+01:00', epochMs: Date.UTC(2023, 6, 10, 9) });
  });

  it('leaves the offset out when no zone is known, and reads the wall time as UTC', () => {
    expect(resolver({ anchor: MAY_10 }).resolve(read('10:05 x'))).toEqual({
      iso: '2023-05-10T10:05:00',
      epochMs: Date.UTC(2023, 4, 10, 10, 5),
      offsetMinutes: null,
      dateGiven: false,
      zoneGiven: false,
      dateFrom: null,
      zoneFrom: null,
    });
  });

  it('applies the declared zone to zone-less entries without marking it given', () => {
    expect(resolver({ zone: 'EAT', anchor: MAY_10 }).resolve(read('10:05 x'))).toMatchObject({
      iso: '2023-05-10T10:05:00+03:00',
      zoneGiven: false,
      offsetMinutes: 180,
    });
  });

  it('lets a zone written on an entry win without changing the declared zone', () => {
    const r = resolver({ zone: 'UTC', anchor: MAY_10 });
    expect(isos(r, '10:00 x', '13:05 EAT x', '10:10 x')).toEqual(['2023-05-10T10:00:00Z', '2023-05-10T13:05:00+03:00', '2023-05-10T10:10:00Z']);
  });

  it('inherits the first written zone when the document declares none', () => {
    const r = resolver({ anchor: MAY_10 });
    const [a, b, c] = ['10:00 EAT x', '10:30 x', '11:00 CAT x', '11:15 x'].map((l) => r.resolve(read(l)));
    expect(a).toMatchObject({ iso: '2023-05-10T10:00:00+03:00', zoneGiven: true });
    expect(b).toMatchObject({ iso: '2023-05-10T10:30:00+03:00', zoneGiven: false });
    expect(c).toMatchObject({ iso: '2023-05-10T11:00:00+02:00', zoneGiven: true });
    expect(r.resolve(read('11:30 x'))?.iso).toBe('2023-05-10T11:30:00+03:00');
  });

  it('setZone changes the zone of later entries', () => {
    const r = resolver({ anchor: MAY_10 });
    r.setZone(zone('PDT'));
    expect(r.resolve(read('10:00 x'))?.iso).toBe('2023-05-10T10:00:00-07:00');
  });
});

describe('TimeResolver: dates', () => {
  it('uses a date written on the entry', () => {
    expect(resolver().resolve(read('May 10, 2023, 09:15 AM: x'))).toMatchObject({ iso: '2023-05-10T09:15:00', dateGiven: true });
  });

  it('takes the year from context for a month and day without year', () => {
    const r = resolver({ anchor: { year: 2021, month: 10, day: 30 } });
    expect(r.resolve(read('10:00 AM PST Monday Nov 1st: planning'))).toMatchObject({ iso: '2021-11-01T10:00:00-08:00', dateGiven: true });
  });

  it('follows the previous entry date, then the anchor', () => {
    const r = resolver({ anchor: MAY_10 });
    expect(isos(r, '2023-06-01 09:00 x', '10:00 x')).toEqual(['2023-06-01T09:00:00', '2023-06-01T10:00:00']);
    expect(resolver({ anchor: MAY_10 }).resolve(read('10:00 x'))?.dateGiven).toBe(false);
  });

  it('gives the next time-only entry exactly the date of a dated heading', () => {
    const r = resolver({ anchor: MAY_10 });
    expect(isos(r, '23:00 x')).toEqual(['2023-05-10T23:00:00']);
    r.setAnchorDate({ year: 2023, month: 5, day: 12 });
    expect(isos(r, '09:00 x', '10:00 x')).toEqual(['2023-05-12T09:00:00', '2023-05-12T10:00:00']);
    // Exactly that date, even when it puts the entry earlier than the previous one.
    r.setAnchorDate({ year: 2023, month: 5, day: 11 });
    expect(isos(r, '08:00 x')).toEqual(['2023-05-11T08:00:00']);
  });

  describe('midnight rollover', () => {
    it('23:50 then 00:10 is the next day', () => {
      expect(isos(resolver({ anchor: MAY_10 }), '23:50 x', '00:10 x')).toEqual(['2023-05-10T23:50:00', '2023-05-11T00:10:00']);
    });

    it('10:05 then 09:50 stays on the same day (out of order)', () => {
      expect(isos(resolver({ anchor: MAY_10 }), '10:05 x', '09:50 x')).toEqual(['2023-05-10T10:05:00', '2023-05-10T09:50:00']);
    });

    it('18:00 then 09:00 stays on the same day (earlier)', () => {
      expect(isos(resolver({ anchor: MAY_10 }), '18:00 x', '09:00 x')).toEqual(['2023-05-10T18:00:00', '2023-05-10T09:00:00']);
    });

    it('ties go forward: 12 hours either way is the next day', () => {
      expect(isos(resolver({ anchor: MAY_10 }), '12:00 x', '00:00 x')).toEqual(['2023-05-10T12:00:00', '2023-05-11T00:00:00']);
    });

    it('rolls over across a month end', () => {
      expect(isos(resolver({ anchor: { year: 2023, month: 12, day: 31 } }), '23:55 UTC', '00:05 UTC')).toEqual([
        '2023-12-31T23:55:00Z',
        '2024-01-01T00:05:00Z',
      ]);
    });

    it('measures the previous entry in the new entry’s zone', () => {
      // 23:30 UTC is 02:30 EAT on the next day; 02:45 EAT follows it by 15 minutes.
      expect(isos(resolver({ anchor: MAY_10 }), '23:30 UTC', '02:45 EAT')).toEqual(['2023-05-10T23:30:00Z', '2023-05-11T02:45:00+03:00']);
    });
  });

  describe('no date known anywhere', () => {
    it('writes the time of day alone and counts from 1970-01-01', () => {
      expect(resolver().resolve(read('10:05 x'))).toEqual({
        iso: '10:05:00',
        epochMs: Date.UTC(1970, 0, 1, 10, 5),
        offsetMinutes: null,
        dateGiven: false,
        zoneGiven: false,
        dateFrom: null,
        zoneFrom: null,
      });
      expect(resolver().resolve(read('10:05 EAT x'))).toMatchObject({ iso: '10:05:00+03:00', epochMs: Date.UTC(1970, 0, 1, 7, 5) });
      expect(resolver().resolve(read('10:05 UTC x'))?.iso).toBe('10:05:00Z');
    });

    it('adds a day to epochMs on rollover', () => {
      const r = resolver();
      const a = r.resolve(read('23:50 x'))!;
      const b = r.resolve(read('00:10 x'))!;
      expect(b.iso).toBe('00:10:00');
      expect(b.epochMs - a.epochMs).toBe(20 * 60_000);
      expect(hasDate(b)).toBe(false);
    });
  });
});

describe('TimeResolver: 12-hour documents', () => {
  it('reads "1:05" after "11:55 AM" as 13:05', () => {
    expect(isos(resolver({ anchor: MAY_10, twelveHour: true }), '11:55 AM x', '1:05 x')).toEqual(['2023-05-10T11:55:00', '2023-05-10T13:05:00']);
  });

  it('reads "9:50" after "10:05 AM" as 09:50 (out of order)', () => {
    expect(isos(resolver({ anchor: MAY_10, twelveHour: true }), '10:05 AM x', '9:50 x')).toEqual(['2023-05-10T10:05:00', '2023-05-10T09:50:00']);
  });

  it('handles noon: "11:50 AM" then "12:10 PM" is 20 minutes later', () => {
    const r = resolver({ anchor: MAY_10, twelveHour: true });
    const a = r.resolve(read('11:50 AM x'))!;
    const b = r.resolve(read('12:10 PM x'))!;
    expect(b.iso).toBe('2023-05-10T12:10:00');
    expect(b.epochMs - a.epochMs).toBe(20 * 60_000);
  });

  it('reads 12:00 AM as midnight and 12:00 PM as noon', () => {
    expect(resolver({ anchor: MAY_10 }).resolve(read('12:00 AM x'))?.iso).toBe('2023-05-10T00:00:00');
    expect(resolver({ anchor: MAY_10 }).resolve(read('12:00 PM x'))?.iso).toBe('2023-05-10T12:00:00');
  });

  it('reads a bare "12:15" after "11:50 PM" as 00:15 the next day', () => {
    expect(isos(resolver({ anchor: MAY_10, twelveHour: true }), '11:50 PM x', '12:15 x')).toEqual(['2023-05-10T23:50:00', '2023-05-11T00:15:00']);
  });

  it('reads a bare "12:15" after "11:50 AM" as 12:15 noon', () => {
    expect(isos(resolver({ anchor: MAY_10, twelveHour: true }), '11:50 AM x', '12:15 x')).toEqual(['2023-05-10T11:50:00', '2023-05-10T12:15:00']);
  });

  it('keeps times as written outside 12-hour documents', () => {
    expect(isos(resolver({ anchor: MAY_10 }), '11:55 AM x', '1:05 x')).toEqual(['2023-05-10T11:55:00', '2023-05-10T01:05:00']);
  });

  it('never reinterprets a 24-hour time', () => {
    expect(isos(resolver({ anchor: MAY_10, twelveHour: true }), '11:55 PM x', '09:05 x')).toEqual(['2023-05-10T23:55:00', '2023-05-11T09:05:00']);
  });
});

describe('isTwelveHourDocument', () => {
  it('is true when some reading has AM/PM and none is a 24-hour time', () => {
    expect(isTwelveHourDocument(['10:05 AM', '10:30', '1:05'].map(read))).toBe(true);
    expect(isTwelveHourDocument(['10:05 AM', '13:30'].map(read))).toBe(false);
    expect(isTwelveHourDocument(['10:05 AM', '09:30'].map(read))).toBe(false);
    expect(isTwelveHourDocument(['10:05', '10:30'].map(read))).toBe(false);
    expect(isTwelveHourDocument([])).toBe(false);
  });
});

describe('comparing resolved times', () => {
  const t = (iso: string, epochMs: number, offsetMinutes: number | null): ResolvedTime => ({ iso, epochMs, offsetMinutes, dateGiven: true, zoneGiven: true });

  it('orders by instant', () => {
    const a = t('2023-05-10T10:00:00Z', Date.UTC(2023, 4, 10, 10), 0);
    const b = t('2023-05-10T12:00:00+03:00', Date.UTC(2023, 4, 10, 9), 180);
    expect(compareTimes(b, a)).toBeLessThan(0);
    expect(comparable(a, b)).toBe(true);
  });

  it('compares only like with like', () => {
    const zoned = t('2023-05-10T10:00:00Z', 0, 0);
    const bare = t('2023-05-10T10:00:00', 0, null);
    const timeOnly = t('10:00:00Z', 0, 0);
    expect(comparable(zoned, bare)).toBe(false);
    expect(comparable(bare, bare)).toBe(true);
    expect(comparable(zoned, timeOnly)).toBe(false);
  });

  it('formats offsets', () => {
    expect(formatOffset(180)).toBe('+03:00');
    expect(formatOffset(-330)).toBe('-05:30');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(0, true)).toBe('Z');
  });
});
