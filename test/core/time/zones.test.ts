import { describe, expect, it } from 'vitest';
import { findZoneDeclaration, offsetAt, parseZone } from '../../../src/core/time/zones.ts';

const wall = (year: number, month: number, day: number, hour = 12) => ({ year, month, day, hour, minute: 0, second: 0 });

describe('parseZone', () => {
  it('reads UTC, GMT and Z as offset 0', () => {
    expect(parseZone('UTC')).toEqual({ name: 'UTC', fixedOffset: 0, iana: null });
    expect(parseZone('gmt')).toEqual({ name: 'GMT', fixedOffset: 0, iana: null });
    expect(parseZone('Z')).toEqual({ name: 'UTC', fixedOffset: 0, iana: null });
  });

  it.each([
    ['EAT', 180],
    ['CAT', 120],
    ['WAT', 60],
    ['EDT', -240],
    ['EST', -300],
    ['CDT', -300],
    ['CST', -360],
    ['MDT', -360],
    ['MST', -420],
    ['PDT', -420],
    ['PST', -480],
    ['CET', 60],
    ['CEST', 120],
    ['BST', 60],
    ['IST', 330],
    ['JST', 540],
    ['AEST', 600],
    ['AEDT', 660],
    ['SGT', 480],
    ['HKT', 480],
    ['MSK', 180],
    ['WIB', 420],
    ['SAST', 120],
  ])('reads the abbreviation %s as a fixed offset of %i minutes', (abbr, offset) => {
    expect(parseZone(abbr)).toEqual({ name: abbr, fixedOffset: offset, iana: null });
    expect(parseZone(abbr.toLowerCase())?.fixedOffset).toBe(offset);
  });

  it.each([
    ['+03:00', '+03:00', 180],
    ['+0300', '+03:00', 180],
    ['-05:30', '-05:30', -330],
    ['+03', '+03', 180],
    ['UTC+3', 'UTC+3', 180],
    ['UTC-5', 'UTC-5', -300],
    ['utc+05:30', 'UTC+05:30', 330],
    ['GMT-04:00', 'GMT-04:00', -240],
    ['GMT +1', 'GMT+1', 60],
    ['UTC−05:00', 'UTC-05:00', -300],
  ])('reads the numeric offset %s', (text, name, offset) => {
    expect(parseZone(text)).toEqual({ name, fixedOffset: offset, iana: null });
  });

  it('reads IANA names through luxon and canonicalizes their case', () => {
    expect(parseZone('Europe/Berlin')).toEqual({ name: 'Europe/Berlin', fixedOffset: null, iana: 'Europe/Berlin' });
    expect(parseZone('america/new_york')).toEqual({ name: 'America/New_York', fixedOffset: null, iana: 'America/New_York' });
  });

  it('reads spelled-out names', () => {
    expect(parseZone('Eastern Time')).toEqual({ name: 'Eastern Time', fixedOffset: null, iana: 'America/New_York' });
    expect(parseZone('pacific time')?.iana).toBe('America/Los_Angeles');
    expect(parseZone('ET')?.iana).toBe('America/New_York');
    expect(parseZone('East Africa Time')).toEqual({ name: 'EAT', fixedOffset: 180, iana: null });
    expect(parseZone('Coordinated Universal Time')?.fixedOffset).toBe(0);
  });

  it.each(['', 'Foo/Bar', 'XYZ', 'server', '+3', '3', 'UTC+15', '+03:75', 'Europe'])('rejects %j', (text) => {
    expect(parseZone(text)).toBeNull();
  });
});

describe('offsetAt', () => {
  it('follows DST for IANA zones', () => {
    const ny = parseZone('America/New_York')!;
    expect(offsetAt(ny, wall(2024, 7, 15))).toBe(-240);
    expect(offsetAt(ny, wall(2024, 1, 15))).toBe(-300);
    const berlin = parseZone('Europe/Berlin')!;
    expect(offsetAt(berlin, wall(2024, 7, 1))).toBe(120);
    expect(offsetAt(berlin, wall(2024, 12, 1))).toBe(60);
  });

  it('switches exactly at the DST change', () => {
    const ny = parseZone('America/New_York')!;
    expect(offsetAt(ny, wall(2024, 3, 10, 1))).toBe(-300);
    expect(offsetAt(ny, wall(2024, 3, 10, 3))).toBe(-240);
  });

  it('keeps abbreviations fixed whatever the season (CET is +60 in July)', () => {
    expect(offsetAt(parseZone('CET')!, wall(2024, 7, 1))).toBe(60);
    expect(offsetAt(parseZone('EDT')!, wall(2024, 1, 1))).toBe(-240);
    expect(offsetAt(parseZone('UTC+3')!, wall(2024, 1, 1))).toBe(180);
  });
});

describe('findZoneDeclaration', () => {
  it.each([
    ['(all times UTC)', 'UTC'],
    ['## Timeline (all times PST)', 'PST'],
    ['Timeline (all times in GMT)', 'GMT'],
    ['All times are in EAT.', 'EAT'],
    ['All times in UTC+3', 'UTC+3'],
    ['All times are UTC unless noted otherwise', 'UTC'],
    ['Tweets (all times listed in PDT)', 'PDT'],
    ['( All times EDT )', 'EDT'],
    ['2019-10-21 (*all times UTC*)', 'UTC'],
    ['| Time (UTC) | Event |', 'UTC'],
    ['| Day | Date (2022) | Time (PST) | Event |', 'PST'],
    ['Timestamp (EDT)', 'EDT'],
    ['Start time (EAT)', 'EAT'],
    ['Times are Eastern Time (EDT)', 'EDT'],
    ['Times are in UTC.', 'UTC'],
    ['Timezone: Europe/Berlin', 'Europe/Berlin'],
    ['Time zone: CET', 'CET'],
    ['- **Timezone:** PST', 'PST'],
    ['## Timeline (UTC)', 'UTC'],
    ['## Timeline (UTC−05:00)', 'UTC-05:00'],
    ['Timeline — UTC', 'UTC'],
    ['Timeline(all times pacific Time):', 'pacific Time'],
    ['Timeline (East African Time: GMT+3)', 'East African Time'],
    ['Time (EAT (UTC+3))', 'EAT'],
  ])('finds the zone in %j', (text, zone) => {
    expect(findZoneDeclaration(text)).toBe(zone);
  });

  it.each([
    'The issue was first detected at 15:30 UTC when our monitoring system reported errors.',
    'deviating from baseline at 14:07 UTC, but the threshold alert did not fire until',
    'approximately 06:05 Central African Time (CAT) here in Rwanda, an outage occurred',
    'Upon the release of the project at approximately 00:07 Pacific Standard Time (PST), the site',
    'We restarted it at the same time (UTC) as the deploy.',
    'Response times are high in UTC regions',
    'All times are approximate',
    'Timeline (West wing outage)',
    'Timeline',
    '',
  ])('finds nothing in %j', (text) => {
    expect(findZoneDeclaration(text)).toBeNull();
  });

  it('reads abbreviations in declarations only in capitals ("West" is not WEST)', () => {
    expect(findZoneDeclaration('Timeline (West African Time)')).toBe('West African Time');
    expect(findZoneDeclaration('Timeline (WEST)')).toBe('WEST');
  });

  it('returns only zone text that parseZone accepts', () => {
    for (const text of ['(all times UTC)', 'Timezone: Europe/Berlin', 'Times are Eastern Time (EDT)']) {
      expect(parseZone(findZoneDeclaration(text)!)).not.toBeNull();
    }
  });
});
