// Every rule's documented examples run as tests (like remark-lint's docs and ESLint's
// RuleTester): an invalid example's full output — each finding's place and message id — is
// exactly what it states, a valid one gives nothing. Each rule's messages table is checked
// against its source: every id it declares is reported somewhere, every placeholder well formed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/lint/registry.ts';
import { lintExample, normalizeExpected, outputOf } from '../src/report/rule-examples.ts';
import { fixText } from './helpers/lint-text.ts';

const rules = await loadRules();

describe.each([...rules.values()])('rule $id', (rule) => {
  it('declares what the catalogue needs', () => {
    expect(rule.description).toMatch(/\S/);
    expect(['error', 'warn', 'off']).toContain(rule.severity);
    expect(rule.schema).toMatchObject({ type: 'object' });
    expect(rule.docs.invalid.length).toBeGreaterThan(0);
    expect(rule.docs.valid.length).toBeGreaterThan(0);
  });

  it('states the full output of every invalid example', () => {
    const unstated = rule.docs.invalid.filter((e) => e.expected === undefined).map((e) => e.title);
    expect(unstated, 'examples with no `expected`').toEqual([]);
  });

  if (rule.messages) {
    const messages = rule.messages;
    it('reports every message it declares, each with well-formed placeholders', () => {
      // The directives step declares its catalogue entry where it runs, not in rules/.
      const file = rule.id === 'directives' ? '../src/lint/directives.ts' : `../rules/${rule.id}.ts`;
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      for (const [id, text] of Object.entries(messages)) {
        expect(id, 'a message id is camelCase').toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(text.replace(/\{\{\w+\}\}/g, ''), `message ${id}: a placeholder is {{name}}`).not.toMatch(/\{\{|\}\}/);
        const uses = source.split(`'${id}'`).length - 1;
        expect(uses, `message ${id} is reported somewhere ('${id}' in the rule's source)`).toBeGreaterThan(0);
      }
    });
  }

  for (const example of rule.docs.invalid) {
    it(`flags: ${example.title}`, async () => {
      const findings = lintExample(rule, example, rules);
      expect(findings.length, 'expected at least one finding').toBeGreaterThan(0);
      if (example.expected !== undefined) expect(outputOf(findings)).toBe(normalizeExpected(example.expected));
      if (example.output !== undefined) {
        expect(await fixText(example.markdown, { only: { [rule.id]: example.options ?? {} }, settings: example.settings })).toBe(example.output);
      }
    });
  }

  for (const example of rule.docs.valid) {
    it(`passes: ${example.title}`, () => {
      expect(lintExample(rule, example, rules)).toEqual([]);
    });
  }
});
