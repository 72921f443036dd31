// A rule may report where a finding is by line and column, by source offsets or by a node of
// the tree: all three give the same finding.
import type { Link } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { lintParsed, type Finding } from '../../src/lint/engine.ts';
import { defineRule, fillMessage, md, type LintSettings, type Report, type RuleContext } from '../../src/lint/rule.ts';

const SETTINGS: LintSettings = { timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: new Date('2026-01-01T00:00:00Z') };
const docs = { rationale: 'Test.', invalid: [], valid: [] };

/** The findings of a rule whose check reports what `reports` makes of the document. */
function findings(source: string, reports: (context: RuleContext<Record<string, never>>) => Report<Record<never, string>>[]): Finding[] {
  const rule = defineRule({
    id: 'probe',
    description: 'Reports what the test says',
    severity: 'warn',
    docs,
    check: (context) => reports(context).forEach(context.report),
  });
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

describe('messages by id', () => {
  const messages = { late: '{{entry}} is later than {{bound}}: move it.', plain: 'No time here.' } as const;
  const rule = defineRule({
    id: 'probe',
    description: 'Reports by message id',
    severity: 'warn',
    messages,
    docs,
    check({ report, source }) {
      if (source.includes('late')) report({ messageId: 'late', data: { entry: '10:05', bound: 10 }, line: 2, column: 3 });
      if (source.includes('plain')) report({ messageId: 'plain', line: 1, column: 1 });
      // @ts-expect-error a message id the table does not declare does not compile
      if (source.includes('typo')) report({ messageId: 'lat', data: { entry: '', bound: '' }, line: 1, column: 1 });
      // @ts-expect-error nor does a report that leaves a placeholder without a value
      if (source.includes('gap')) report({ messageId: 'late', data: { entry: '10:05' }, line: 1, column: 1 });
    },
  });
  const lint = (source: string) => lintParsed(buildModel('/tmp/probe.md', source), [{ rule, severity: 'warn', options: {} }], SETTINGS, new Set(['probe']));

  it('fills the declared text with the data and keeps the id on the finding', () => {
    expect(lint('# late\n\nText.\n')).toEqual([
      { ruleId: 'probe', severity: 1, messageId: 'late', message: '10:05 is later than 10: move it.', line: 2, column: 3, endLine: 2, endColumn: 3 },
    ]);
    expect(lint('# plain\n')[0]).toMatchObject({ messageId: 'plain', message: 'No time here.' });
  });

  it('leaves the id out of a finding whose rule reports a message of its own', () => {
    const [found] = findings(source(), () => [{ message: 'x', line: 1, column: 1 }]);
    expect(found).not.toHaveProperty('messageId');
  });

  it('makes an undeclared id or a missing placeholder an internal error of this file, not a wrong message', () => {
    for (const text of ['# typo\n', '# gap\n']) {
      const [found, ...rest] = lint(text);
      expect(rest).toEqual([]);
      expect(found).toMatchObject({ ruleId: 'fatal', severity: 2, line: 1, column: 1 });
      expect(found!.message).toMatch(/probe/);
    }
  });

  it('fills every placeholder, repeated ones too, and throws on one without a value', () => {
    expect(fillMessage('{{a}} and {{a}}, {{b}}.', { a: 'x', b: 2 })).toBe('x and x, 2.');
    expect(fillMessage('No placeholder.', undefined)).toBe('No placeholder.');
    expect(() => fillMessage('{{a}} and {{b}}', { a: 'x' })).toThrow(/\{\{b\}\}/);
  });
});

describe('md', () => {
  it('drops the indentation every line shares and the breaks around the text, keeping the last line break', () => {
    const text = md`
      # Title

      - 10:00 Alert fired
        - nested
    `;
    expect(text).toBe('# Title\n\n- 10:00 Alert fired\n  - nested\n');
  });

  it('keeps backticks and a text with no final line break', () => {
    expect(md`
      Run \`df -h\`.`).toBe('Run `df -h`.');
  });
});

function source(): string {
  return '# Title\n';
}
