// What the bundled build (`npm run build:lib`, scripts/build-lib.ts) settles at build time.
// From the sources this is null: ajv compiles the schemas when they are first needed. In the
// bundle, this module is replaced by one holding the validators ajv's standalone code
// generation wrote for the built-in schemas. (The rules need no such swap: both read the
// generated rules/index.ts.)
import type { ValidateFunction } from 'ajv/dist/2020.js';

/**
 * ajv's standalone code of schema/frontmatter.schema.json (no configured extension, no
 * required keys) and of the configuration schema with every rule's options, compiled with
 * the options frontmatter-schema.ts and load.ts compile them with.
 */
export const bundledValidators: { frontmatter: ValidateFunction; config: ValidateFunction } | null = null;
