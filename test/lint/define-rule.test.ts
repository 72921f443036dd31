// defineRule fills in what most rules would otherwise repeat: not fixable, no options.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/lint/registry.ts';
import { defineRule } from '../../src/lint/rule.ts';

const docs = { rationale: 'Why.', invalid: [], valid: [] };

describe('defineRule', () => {
  it('makes a rule that declares nothing more not fixable, with no options', () => {
    const rule = defineRule({ id: 'bare', description: 'A bare rule', severity: 'warn', docs, check() {} });
    expect(rule.fixable).toBe(false);
    expect(rule.schema).toEqual({ type: 'object', properties: {}, additionalProperties: false });
    expect(rule.defaults).toEqual({});
  });

  it('keeps what a rule declares', () => {
    const schema = { type: 'object', properties: { limit: { type: 'integer' } }, additionalProperties: false };
    const rule = defineRule<{ limit: number }>({
      id: 'full',
      description: 'A full rule',
      severity: 'error',
      fixable: true,
      schema,
      defaults: { limit: 3 },
      docs,
      check() {},
    });
    expect(rule).toMatchObject({ id: 'full', fixable: true, schema, defaults: { limit: 3 } });
  });

  it('gives each rule its own default schema, so one cannot change another', () => {
    const first = defineRule({ id: 'a', description: 'A', severity: 'warn', docs, check() {} });
    const second = defineRule({ id: 'b', description: 'B', severity: 'warn', docs, check() {} });
    expect(first.schema).not.toBe(second.schema);
    expect(first.defaults).not.toBe(second.defaults);
  });

  it('gives every rule of the catalogue a fixability, a schema and defaults', async () => {
    for (const rule of (await loadRules()).values()) {
      expect(typeof rule.fixable, rule.id).toBe('boolean');
      expect(rule.schema, rule.id).toMatchObject({ type: 'object', additionalProperties: false });
      expect(rule.defaults, rule.id).toBeTypeOf('object');
    }
  });
});
