// A rule may report where a finding is by line and column, by source offsets or by a node of
// the tree: all three give the same finding.
import type { Link } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { lintParsed, type Finding } from '../../src/lint/engine.ts';
import { defineRule, type LintSettings, type Report, type RuleContext } from '../../src/lint/rule.ts';

const SETTINGS: LintSettings = { timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: new Date('2026-01-01T00:00:00Z') };
const docs = { rationale: 'Test.', invalid: [], valid: [] };

/** The findings of a rule whose check reports what `reports` makes of the document. */
function findings(source: string, reports: (context: RuleContext<Record<string, never>>) => Report[]): Finding[] {
  const rule = defineRule({ id: 'probe', description: 'Reports what the test says', severity: 'warn', docs, check: (context) => reports(context).forEach(context.report) });
  return lintParsed(buildModel('/tmp/probe.md', source), [{ rule, severity: 'warn', options: {} }], SETTINGS, new Set(['probe']));
}

const at = (f: Finding) => [f.line, f.column, f.endLine, f.endColumn];

describe('report', () => {
  const source = '# Title\n\nSee [the runbook](./runbook.md) first,\nthen page someone.\n';

  it('places an offset range where its line and column would', () => {
    const start = source.indexOf('runbook');
    const [found] = findings(source, () => [{ message: 'x', start, end: start + 'runbook'.length }]);
    expect(at(found!)).toEqual([3, 10, 3, 17]);
  });

  it('places a range across lines from its start to its end', () => {
    const start = source.indexOf('first');
    const end = source.indexOf('someone') + 'someone'.length;
    const [found] = findings(source, () => [{ message: 'x', start, end }]);
    expect(at(found!)).toEqual([3, 33, 4, 18]);
  });

  it('places a node from its start to its end, as its own position says', () => {
    const [found] = findings(source, ({ tree }) => {
      const paragraph = tree.children[1]!;
      const link = (paragraph.type === 'paragraph' ? paragraph.children : []).find((n): n is Link => n.type === 'link')!;
      return [{ message: 'x', node: link }];
    });
    expect(at(found!)).toEqual([3, 5, 3, 32]);
  });

  it('keeps the message and the fix of a range report', () => {
    const start = source.indexOf('Title');
    const fix = { start, end: start + 5, text: 'Heading' };
    const [found] = findings(source, () => [{ message: 'Rename it.', start, end: start + 5, fix }]);
    expect(found).toMatchObject({ ruleId: 'probe', message: 'Rename it.', line: 1, column: 3, endLine: 1, endColumn: 8, fix });
  });

  it('still takes a line and column', () => {
    const [found] = findings(source, () => [{ message: 'x', line: 4, column: 6 }]);
    expect(at(found!)).toEqual([4, 6, 4, 6]);
  });
});
