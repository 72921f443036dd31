// Every rule's documented examples run as tests (like remark-lint's docs and ESLint's
// RuleTester): invalid examples must raise the documented messages, valid ones nothing.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/lint/registry.ts';
import { fixText, lintText } from './helpers/lint-text.ts';

const rules = await loadRules();

describe.each([...rules.values()])('rule $id', (rule) => {
  it('declares what the catalogue needs', () => {
    expect(rule.description).toMatch(/\S/);
    expect(['error', 'warn', 'off']).toContain(rule.severity);
    expect(rule.schema).toMatchObject({ type: 'object' });
    expect(rule.docs.invalid.length).toBeGreaterThan(0);
    expect(rule.docs.valid.length).toBeGreaterThan(0);
  });

  for (const example of rule.docs.invalid) {
    it(`flags: ${example.title}`, async () => {
      const findings = (await lintText(example.markdown, { only: { [rule.id]: example.options ?? {} }, settings: example.settings, fileName: example.fileName }))
        .filter((f) => f.ruleId === rule.id);
      expect(findings.length, 'expected at least one finding').toBeGreaterThan(0);
      if (example.messages) {
        expect(findings).toHaveLength(example.messages.length);
        example.messages.forEach((message, i) => expect(findings[i]!.message).toContain(message));
      }
      if (example.output !== undefined) {
        expect(await fixText(example.markdown, { only: { [rule.id]: example.options ?? {} }, settings: example.settings })).toBe(example.output);
      }
    });
  }

  for (const example of rule.docs.valid) {
    it(`passes: ${example.title}`, async () => {
      const findings = (await lintText(example.markdown, { only: { [rule.id]: example.options ?? {} }, settings: example.settings, fileName: example.fileName }))
        .filter((f) => f.ruleId === rule.id);
      expect(findings).toEqual([]);
    });
  }
});
