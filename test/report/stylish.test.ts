import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/lint/result.ts';
import { formatStylish } from '../../src/report/stylish.ts';
import { cdnFile, cleanFile, cwd, dbFile, finding, fixtureResults, stripAnsi } from './fixtures.ts';

const db = join('postmortems', '2023-05-10-db.md');
const cdn = join('postmortems', '2024-01-02-cdn.md');

describe('formatStylish', () => {
  it('prints one aligned block per file with findings, then the summary', () => {
    expect(formatStylish(fixtureResults(), { color: false, cwd })).toBe(
      [
        db,
        '  1:1    error    Missing section: Timeline.  required-sections',
        '  14:3   error    Timeline out of order.      timeline-order',
        '  102:7  warning  Placeholder "TODO".         no-placeholder',
        '',
        cdn,
        '  3:12  warning  "should have" assigns blame.  blameless-language',
        '',
        '✖ 4 problems (2 errors, 2 warnings)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('shows paths relative to cwd, also outside it, and never the clean file', () => {
    const outside = join(cwd, '..', 'elsewhere', 'x.md');
    const out = formatStylish([summarise(outside, [finding('timezone', 1, 'No zone.', 2, 1)]), summarise(cleanFile, [])], { color: false, cwd });
    expect(out.split('\n')[0]).toBe(join('..', 'elsewhere', 'x.md'));
    expect(out).not.toContain(cwd);
    expect(out).not.toContain('clean.md');
  });

  it('uses the singular for one problem and leaves the fixable note out when nothing is fixable', () => {
    const out = formatStylish([summarise(dbFile, [finding('timeline-order', 2, 'Timeline out of order.', 14, 3)])], { color: false, cwd });
    expect(out.endsWith('\n✖ 1 problem (1 error, 0 warnings)\n')).toBe(true);
    expect(out).not.toContain('fixable');
  });

  it('counts one fixable error in the singular', () => {
    const out = formatStylish([summarise(dbFile, [finding('no-placeholder', 2, 'Placeholder.', 4, 1, undefined, { start: 0, end: 1, text: '' })])], {
      color: false,
      cwd,
    });
    expect(out).toContain('\n  1 error and 0 warnings potentially fixable with the `--fix` option.\n');
  });

  it('leaves warnings out in quiet mode, rows and counts alike', () => {
    expect(formatStylish(fixtureResults(), { color: false, cwd, quiet: true })).toBe(
      [
        db,
        '  1:1   error  Missing section: Timeline.  required-sections',
        '  14:3  error  Timeline out of order.      timeline-order',
        '',
        '✖ 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing at all for clean results, or for warnings only in quiet mode', () => {
    expect(formatStylish([], { color: false, cwd })).toBe('');
    expect(formatStylish([summarise(cleanFile, [])], { color: true, cwd })).toBe('');
    expect(formatStylish([summarise(cdnFile, [finding('timezone', 1, 'No zone.', 2, 1)])], { color: false, cwd, quiet: true })).toBe('');
  });

  it('prints clickable GCC-style lines with oneLine', () => {
    expect(formatStylish(fixtureResults(), { color: false, cwd, oneLine: true })).toBe(
      [
        `${db}:1:1: error Missing section: Timeline. (required-sections)`,
        `${db}:14:3: error Timeline out of order. (timeline-order)`,
        `${db}:102:7: warning Placeholder "TODO". (no-placeholder)`,
        `${cdn}:3:12: warning "should have" assigns blame. (blameless-language)`,
        '',
        '✖ 4 problems (2 errors, 2 warnings)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('keeps a multi-line message on its row', () => {
    const out = formatStylish([summarise(dbFile, [finding('action-items', 2, 'No action items.\n  Add at least one.', 40, 1)])], { color: false, cwd });
    expect(out.split('\n')[1]).toBe('  40:1  error  No action items. Add at least one.  action-items');
  });

  it('colours with ANSI codes when asked, and the text stays the same', () => {
    const plain = formatStylish(fixtureResults(), { color: false, cwd });
    const coloured = formatStylish(fixtureResults(), { color: true, cwd });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(coloured).toContain(`\u001b[4m${db}\u001b[24m`);
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(stripAnsi(coloured)).toBe(plain);
  });
});
