import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/core/time/duration.ts';

describe('parseDuration', () => {
  it.each([
    ['2 hours 30 minutes', 150, '2 hours 30 minutes'],
    ['2h 30m', 150, '2h 30m'],
    ['2h30m', 150, '2h30m'],
    ['2 h 30 min', 150, '2 h 30 min'],
    ['150 minutes', 150, '150 minutes'],
    ['1.5 hours', 90, '1.5 hours'],
    ['an hour and a half', 90, 'an hour and a half'],
    ['half an hour', 30, 'half an hour'],
    ['approximately 45 mins', 45, '45 mins'],
    ['3 hrs', 180, '3 hrs'],
    ['1 hour, 15 minutes', 75, '1 hour, 15 minutes'],
    ['1 hour and 45 minutes', 105, '1 hour and 45 minutes'],
    ['2 hours, and 5 minutes', 125, '2 hours, and 5 minutes'],
    ['90 min', 90, '90 min'],
    ['2 days', 2880, '2 days'],
    ['1 day 2 hours', 1560, '1 day 2 hours'],
    ['30 seconds', 0.5, '30 seconds'],
    ['1:30 hours', 90, '1:30 hours'],
    ['ten minutes', 10, 'ten minutes'],
    ['two hours', 120, 'two hours'],
    ['45m', 45, '45m'],
  ])('reads %j as %d minutes', (text, minutes, written) => {
    expect(parseDuration(text)).toEqual({ minutes, text: written, index: text.indexOf(written) });
  });

  it('finds the first duration statement in a sentence', () => {
    const line = 'Duration: 2024-08-15, 14:00 UTC to 17:30 UTC (3 hours, 30 minutes)';
    expect(parseDuration(line)).toEqual({ minutes: 210, text: '3 hours, 30 minutes', index: line.indexOf('3 hours') });
    expect(parseDuration('The outage lasted for 1 hour and 45 minutes, starting at 08:30 AM')).toMatchObject({ minutes: 105, index: 22 });
    expect(parseDuration('Outage from 2024-06-20 14:00 UTC to 2024-06-20 16:30 UTC (2 hours 30 minutes).')?.minutes).toBe(150);
  });

  it('stops a compound at a unit that does not get smaller', () => {
    expect(parseDuration('30 minutes, 2 hours later')).toMatchObject({ minutes: 30, text: '30 minutes' });
  });

  it.each(['at 10:05 AM the alert fired', '2024-05-10', 'affected 5m users', 'response time 300ms', '3 servers', 'no duration here', ''])(
    'reads no duration in %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [150, '2 h 30 min'],
    [45, '45 min'],
    [1560, '1 d 2 h'],
    [1441, '1 d 1 min'],
    [120, '2 h'],
    [0, '0 min'],
    [0.5, '30 s'],
    [89.6, '1 h 30 min'],
    [-15, '-15 min'],
  ])('formats %d minutes as %j', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const m of [45, 150, 1560, 2880]) expect(parseDuration(formatDuration(m))?.minutes).toBe(m);
  });
});
