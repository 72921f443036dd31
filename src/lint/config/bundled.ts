// What the bundled build (`npm run build:lib`, scripts/build-lib.ts) settles at build time.
// From the sources both are null: registry.ts reads rules/ and ajv compiles the schemas
// when they are first needed. In the bundle, this module is replaced by one that imports
// every file rules/ holds at build time (registration still follows from adding a file)
// and the validators ajv's standalone code generation wrote for the built-in schemas.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Rule } from '../rule.ts';

/** Every rule, with its file name (`timeline-order.ts`), in file-name order. */
export const bundledRules: ReadonlyArray<readonly [file: string, rule: Rule]> | null = null;

/**
 * ajv's standalone code of schema/frontmatter.schema.json (no configured extension, no
 * required keys) and of the configuration schema with every rule's options, compiled with
 * the options frontmatter-schema.ts and load.ts compile them with.
 */
export const bundledValidators: { frontmatter: ValidateFunction; config: ValidateFunction } | null = null;
