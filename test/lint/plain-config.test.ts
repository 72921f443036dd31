import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isPlainValidConfig } from '../../src/lint/config/plain-config.ts';
import { configSchema, PRESETS } from '../../src/lint/config/schema.ts';
import { CONFIG_AJV_OPTIONS } from '../../src/lint/config/validate.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { FUZZ, SEED } from '../helpers/fuzz.ts';

const rules = await loadRules();
const schemaValid = new Ajv2020(CONFIG_AJV_OPTIONS).compile(configSchema(rules));
const ids = [...rules.keys()];

// A configuration the quick check accepts is one the schema accepts: a wrong yes would let a
// broken configuration through unvalidated.
describe('isPlainValidConfig', () => {
  it('accepts the configurations most teams write, as the schema does', () => {
    for (const config of [
      {},
      { extends: 'strict' },
      { $schema: './node_modules/hindsight-postmortems/schema/config.schema.json', extends: 'recommended', content: 'docs/incidents' },
      { rules: { 'no-pii': 'off', [ids[0]!]: 'error' }, ignore: ['drafts/**'], timezone: 'Europe/Berlin', cache: '.cache/lint.json' },
      { requiredFrontmatter: ['id', 'owner'] },
    ]) {
      expect(isPlainValidConfig(config, rules), JSON.stringify(config)).toBe(true);
      expect(schemaValid(config), JSON.stringify(config)).toBe(true);
    }
  });

  it('leaves to the validator what it does not check: options, overrides, mistakes', () => {
    for (const config of [
      { rules: { [ids[0]!]: ['warn', {}] } },
      { overrides: [] },
      { rules: { 'no-such-rule': 'warn' } },
      { rules: { [ids[0]!]: 'warning' } },
      { extends: 'relaxed' },
      { content: '' },
      { requiredFrontmatter: ['id', 'id'] },
      { ignore: 'drafts/**' },
      { unknown: true },
      [],
      null,
      'strict',
    ]) {
      expect(isPlainValidConfig(config, rules), JSON.stringify(config)).toBe(false);
    }
  });

  it('never accepts a generated configuration the schema rejects', () => {
    const text = fc.constantFrom('', 'x', 'docs', 'off', 'warn', 'error', 'strict', 'recommended', ...PRESETS, ...ids.slice(0, 4), 'no-such-rule');
    const value = fc.oneof(
      { arbitrary: text, weight: 4 },
      { arbitrary: fc.constantFrom(1, null, true), weight: 1 },
      { arbitrary: fc.array(text, { maxLength: 3 }), weight: 2 },
      { arbitrary: fc.dictionary(text, text, { maxKeys: 3 }), weight: 2 },
    );
    const key = fc.constantFrom(...'$schema extends content timezone cache ignore requiredFrontmatter rules overrides sectionAliases other'.split(' '));
    const config = fc.oneof({ arbitrary: fc.dictionary(key, value, { maxKeys: 3 }), weight: 5 }, { arbitrary: value, weight: 1 });
    let accepted = 0;
    fc.assert(
      fc.property(config, (candidate) => {
        if (!isPlainValidConfig(candidate, rules)) return;
        accepted++;
        expect(schemaValid(candidate)).toBe(true);
      }),
      { numRuns: 10000 * FUZZ, seed: SEED },
    );
    // The generator reaches the yes side too.
    expect(accepted).toBeGreaterThan(50);
  });
});
