// The JSON Schemas Hindsight ships are valid JSON Schema (ajv skips that check at run
// time, for start-up speed).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

describe('shipped schemas', () => {
  for (const name of ['frontmatter.schema.json', 'config.schema.json', 'archive-index.schema.json']) {
    it(`schema/${name} is valid JSON Schema 2020-12`, () => {
      const schema = JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
      const ajv = new Ajv2020({ strict: false });
      addFormats(ajv);
      ajv.addFormat('hindsight-date-time', true).addFormat('hindsight-zone', true);
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    });
  }
});
