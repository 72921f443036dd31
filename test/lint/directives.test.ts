// Inline directives in process: where each kind reaches, and what the directives rule says.
import { describe, expect, it } from 'vitest';
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
    const text = '# X\n\n<!-- hindsight-disable-next-line no-pii\n     -- the customer asked to be named -->\nMail ana.lopez@acme-mail.io.\n\nMail bob.smith@acme-mail.io.\n';
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
    const text = CLEAN.replace('## Timeline\n', '## Timeline\n\n<!-- hindsight-disable -->\n').replace('- 09:10 On-call engineer acknowledged\n', '- 09:10 On-call engineer acknowledged\n- 09:05 Ana should have failed over\n');
    expect(await lintText(text)).toEqual([]);
    expect((await lintText(`${text}\n<!-- hindsight-enable -->\n\nTODO\n`)).map((f) => f.ruleId)).toEqual(['no-placeholder']);
  });
});
