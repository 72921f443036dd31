// Lint results shared by the formatter tests: two files with findings, one clean file.
import { join, resolve } from 'node:path';
import type { Finding } from '../../src/lint/engine.ts';
import { helpUri, summarise, type LintResult, type RuleMeta } from '../../src/lint/result.ts';

export const cwd = resolve('/srv/postmortem-archive');
export const dbFile = join(cwd, 'postmortems', '2023-05-10-db.md');
export const cleanFile = join(cwd, 'postmortems', 'clean.md');
export const cdnFile = join(cwd, 'postmortems', '2024-01-02-cdn.md');

export function finding(ruleId: string, severity: 1 | 2, message: string, line: number, column: number, end?: [number, number], fix?: Finding['fix']): Finding {
  const f: Finding = { ruleId, severity, message, line, column, endLine: end?.[0] ?? line, endColumn: end?.[1] ?? column };
  if (fix) f.fix = fix;
  return f;
}

export function fixtureResults(): LintResult[] {
  return [
    summarise(dbFile, [
      finding('required-sections', 2, 'Missing section: Timeline.', 1, 1),
      finding('timeline-order', 2, 'Timeline out of order.', 14, 3, [14, 40]),
      finding('no-placeholder', 1, 'Placeholder "TODO".', 102, 7, [102, 11], { start: 2040, end: 2044, text: 'Done' }),
    ]),
    summarise(cleanFile, []),
    summarise(cdnFile, [finding('blameless-language', 1, '"should have" assigns blame.', 3, 12, [3, 23])]),
  ];
}

export function fixtureRules(): RuleMeta[] {
  return [
    { id: 'required-sections', description: 'A required section is missing.', severity: 'error', fixable: false, helpUri: helpUri('required-sections') },
    {
      id: 'timeline-order',
      description: 'A timeline entry is earlier than the one before it.',
      severity: 'error',
      fixable: false,
      helpUri: helpUri('timeline-order'),
    },
    { id: 'no-placeholder', description: 'Template leftovers such as TODO or TBD.', severity: 'warn', fixable: true, helpUri: helpUri('no-placeholder') },
    { id: 'blameless-language', description: 'Blame instead of systems thinking.', severity: 'warn', fixable: false, helpUri: helpUri('blameless-language') },
    { id: 'no-pii', description: 'Personal data such as e-mail addresses.', severity: 'off', fixable: false, helpUri: helpUri('no-pii') },
  ];
}

/** Text without its ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
