// What is generated from the rule declarations stays in step with them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/lint/config/schema.ts';
import { loadRules } from '../src/lint/registry.ts';
import { betweenMarkers, RULES_END, RULES_START } from '../src/report/markers.ts';
import { ruleReference } from '../src/report/rule-docs.ts';

const rules = await loadRules();

describe('generated documentation', () => {
  it('the README rule reference matches the rules (run `npm run docs` to update it)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(betweenMarkers(readme, RULES_START, RULES_END)).toBe(ruleReference(rules).trim());
  });

  it('schema/config.schema.json matches the rules (run `npm run docs` to update it)', () => {
    const stored = JSON.parse(readFileSync(new URL('../schema/config.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(stored).toEqual(configSchema(rules));
  });

  it('every rule id of shared/interfaces.md is in the catalogue', () => {
    const ids = ['required-sections', 'empty-section', 'duplicate-section', 'section-order', 'frontmatter-schema', 'timeline-order',
      'timeline-timestamp', 'timeline-in-window', 'incident-window', 'duration-mismatch', 'timezone', 'date-consistency',
      'impact-quantified', 'action-items', 'no-placeholder', 'blameless-language', 'no-secrets', 'no-pii'];
    for (const id of ids) expect(rules.has(id), id).toBe(true);
  });
});
