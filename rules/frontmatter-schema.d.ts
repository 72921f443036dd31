import type { ValidateFunction } from 'ajv/dist/2020.js';
import { type LintSettings } from '../src/lint/rule.ts';
type Schema = Record<string, unknown>;
/** The options every frontmatter validator is compiled with (the bundled build's precompiled one too). */
export declare const FRONTMATTER_AJV_OPTIONS: {
    readonly allErrors: true;
    readonly strict: false;
    readonly validateSchema: false;
};
export declare function mergeSchema(extension: Schema | null, required: readonly string[]): Schema;
export declare function validatorFor(settings: LintSettings): {
    validate: ValidateFunction;
    schema: Schema;
} | {
    error: string;
};
/** What a property schema allows, in words ("one of SEV1, SEV2…", "a list of strings"). */
export declare function describeSchema(schema: unknown): string | null;
declare const _default: import("../src/lint/rule.ts").Rule<Record<string, never>>;
export default _default;
