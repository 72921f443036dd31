// Inline directives in process: where each kind reaches, and what the directives rule says.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/lint/config/schema.ts';
import { applyDirectives, directivesRule, readDirectives } from '../../src/lint/directives.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { parseMarkdown } from '../../src/core/parse.ts';
import { CLEAN } from '../cli/helpers.ts';
import { lintText } from '../helpers/lint-text.ts';

const only = { only: { 'no-pii': {}, directives: {} } };
const rows = async (markdown: string): Promise<[number, string][]> => (await lintText(markdown, only)).map((f) => [f.line, f.ruleId]);

describe('directives', () => {
  it('a block disable reaches from its own position on, not back along its line', async () => {
    expect(await rows('# X\n\nMail ana.lopez@acme-mail.io <!-- hindsight-disable no-pii -->\n\nMail bob.smith@acme-mail.io.\n')).toEqual([[3, 'no-pii']]);
    expect(await rows('# X\n\n<!-- hindsight-disable no-pii --> Mail ana.lopez@acme-mail.io\n')).toEqual([]);
  });

  it('disable-next-line reaches the line after a comment spanning lines, and keeps its reason out of the ids', async () => {
    const text =
      '# X\n\n<!-- hindsight-disable-next-line no-pii\n     -- the customer asked to be named -->\nMail ana.lopez@acme-mail.io.\n\nMail bob.smith@acme-mail.io.\n';
    expect(await rows(text)).toEqual([[7, 'no-pii']]);
  });

  it('a directive in a code block is text, not a directive', async () => {
    expect(await rows('# X\n\n```\n<!-- hindsight-disable no-pii -->\n```\n\nMail ana.lopez@acme-mail.io.\n')).toEqual([[7, 'no-pii']]);
  });

  it('a bare disable that disables nothing, and an unknown id among known ones, are reported', async () => {
    const findings = await lintText('# X\n\n<!-- hindsight-disable -->\n\n<!-- hindsight-disable-line no-pii, nope -->\n', only);
    expect(findings.map((f) => [f.line, f.ruleId, f.message])).toEqual([
      [3, 'directives', 'This hindsight-disable directive disabled nothing (no finding of any rule after it): remove it.'],
      [5, 'directives', 'Unknown rule "nope" in a hindsight-disable-line directive: `hindsight rules` lists the rule ids.'],
    ]);
  });

  it('the directives rule takes a severity like any rule, and turns off', async () => {
    const text = '# X\n\n<!-- hindsight-disable-next-line no-pii -->\nNothing here.\n';
    expect((await lintText(text)).filter((f) => f.ruleId === 'directives').map((f) => f.severity)).toEqual([1]);
    expect((await lintText(text, { config: { rules: { directives: 'error' } } })).filter((f) => f.ruleId === 'directives').map((f) => f.severity)).toEqual([2]);
    expect((await lintText(text, { config: { rules: { directives: 'off' } } })).filter((f) => f.ruleId === 'directives')).toEqual([]);
  });

  it('a bare disable turns every rule off to the end, or to a bare enable', async () => {
    const text = CLEAN.replace('## Timeline\n', '## Timeline\n\n<!-- hindsight-disable -->\n').replace(
      '- 09:10 On-call engineer acknowledged\n',
      '- 09:10 On-call engineer acknowledged\n- 09:05 Ana should have failed over\n',
    );
    expect(await lintText(text)).toEqual([]);
    expect((await lintText(`${text}\n<!-- hindsight-enable -->\n\nTODO\n`)).map((f) => f.ruleId)).toEqual(['no-placeholder']);
  });

  it('is a step of the linter that users configure as a rule: in the catalogue and the schema, with no file in rules/', async () => {
    expect(existsSync(new URL('../../rules/directives.ts', import.meta.url))).toBe(false);
    const rules = await loadRules();
    expect(rules.get('directives')).toBe(directivesRule);
    expect([...rules.keys()]).toEqual([...rules.keys()].sort());
    const schema = configSchema(rules) as { properties: { rules: { properties: Record<string, { description?: string }> } } };
    expect(schema.properties.rules.properties.directives?.description).toBe(directivesRule.description);
  });

  it('applies directives to any findings, and reports only while it is active', () => {
    const tree = parseMarkdown('# X\n\n<!-- hindsight-disable-next-line a -->\nline four\n<!-- hindsight-disable-line b -->\n');
    const directives = readDirectives(tree);
    const findings = [
      { ruleId: 'a', line: 4, column: 1 },
      { ruleId: 'a', line: 5, column: 1 },
    ];
    const known = new Set(['a', 'b']);
    expect(applyDirectives(findings, directives, known, [])).toEqual([{ ruleId: 'a', line: 5, column: 1 }]);
    const active = applyDirectives(findings, directives, known, [{ rule: { id: 'directives' }, severity: 'error' }]);
    expect(active.map((f) => [f.ruleId, f.line, 'severity' in f ? f.severity : null])).toEqual([
      ['a', 5, null],
      ['directives', 5, 2],
    ]);
  });
});
