// Patterns a configuration brings run on a linear-time engine (src/lint/config/regexp.ts).
import { describe, expect, it } from 'vitest';
import { UnsupportedPattern, linearRegExp } from '../../src/lint/config/regexp.ts';
import { allowMatcher, allowPattern } from '../../src/lint/kit/text/mask.ts';

describe('linearRegExp', () => {
  it('reads JavaScript syntax and flags', () => {
    expect(linearRegExp('^SEV[1-5]$').test('SEV2')).toBe(true);
    expect(linearRegExp('^sev[1-5]$', 'i').test('SEV2')).toBe(true);
    expect(linearRegExp('^b$', 'm').test('a\nb')).toBe(true);
    expect(linearRegExp('^a.b$', 's').test('a\nb')).toBe(true);
    expect(linearRegExp('^(?<team>[a-z]+)-\\u00e9$').test('ops-é')).toBe(true);
    expect(linearRegExp('(?<=ops-)db').test('ops-db')).toBe(true);
  });

  it('answers on a pattern that backtracks exponentially in JavaScript', () => {
    expect(linearRegExp('^(a+)+$').test(`${'a'.repeat(10_000)}!`)).toBe(false);
    expect(linearRegExp('^(a|aa)+$').test(`${'a'.repeat(10_000)}`)).toBe(true);
  });

  it('refuses lookahead and backreferences with a reason', () => {
    expect(() => linearRegExp('^(?=a)a$')).toThrow(UnsupportedPattern);
    expect(() => linearRegExp('(a)\\1')).toThrow(/cannot be run by the linear-time engine.*backreferences are not supported/);
  });

  it('gives each pattern its own key, which ajv tells compiled patterns apart by', () => {
    expect(String(linearRegExp('a'))).not.toBe(String(linearRegExp('b')));
  });
});

describe('allowMatcher', () => {
  it('matches literals anywhere and "/pattern/flags" entries in linear time', () => {
    const allowed = allowMatcher(['EXAMPLEKEY', '/^ab+$/i', '/^(a+)+$/']);
    expect(allowed('xxEXAMPLEKEYxx')).toBe(true);
    expect(allowed('ABBB')).toBe(true);
    expect(allowed(`${'a'.repeat(5_000)}!`)).toBe(false);
  });

  it('takes an entry JavaScript cannot read as an expression literally', () => {
    expect(allowPattern('/[/')).toBeNull();
    expect(allowMatcher(['/[/'])('a/[/b')).toBe(true);
    expect(allowPattern('/x+/g')).toEqual({ source: 'x+', flags: 'g' });
  });
});
