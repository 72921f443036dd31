// Rules import their helpers from the rule kit (src/lint/kit/index.ts), the model (src/core) and
// the contract (src/lint/rule.ts) only, so a helper can move without touching a rule.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RULES_DIR = new URL('../../rules/', import.meta.url);
const ALLOWED = [/^\.\.\/src\/core\//, /^\.\.\/src\/lint\/kit\/index\.ts$/, /^\.\.\/src\/lint\/rule\.ts$/, /^node:/, /^mdast$/];
/** frontmatter-schema validates with the same ajv set-up the configuration loader uses. */
const EXCEPTIONS: Record<string, string[]> = {
  'frontmatter-schema.ts': [
    'ajv/dist/2020.js',
    '../schema/frontmatter.schema.json',
    '../src/lint/config/bundled.ts',
    '../src/lint/config/formats.ts',
    '../src/lint/config/regexp.ts',
  ],
};

function importedPaths(source: string): string[] {
  return [...source.matchAll(/^import\b[^;]*?from '([^']+)'/gms)].map((match) => match[1]!);
}

describe('rule imports', () => {
  it('finds the imports it checks', () => {
    expect(importedPaths("import { a } from './x.ts';\nimport type {\n  b,\n} from 'y';")).toEqual(['./x.ts', 'y']);
  });

  // rules/index.ts, generated, imports the rule files themselves (test/lint/rule-index.test.ts).
  for (const file of readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts') && name !== 'index.ts')) {
    it(`rules/${file} imports from the kit, the model and the contract only`, () => {
      const outside = importedPaths(readFileSync(new URL(file, RULES_DIR), 'utf8')).filter(
        (target) => !ALLOWED.some((pattern) => pattern.test(target)) && !(EXCEPTIONS[file] ?? []).includes(target),
      );
      expect(outside).toEqual([]);
    });
  }
});
