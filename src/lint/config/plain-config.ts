// The configurations most teams write (a preset, a content folder, a few rules turned on or off
// by severity) are accepted here without the schema's validator, which is the largest piece of
// code a run would otherwise load (the bundle's is 300 KB): a hook's one-file lint starts
// faster. This says yes only where the schema (schema.ts) would: anything else, valid or not,
// is left to the validator (validate.ts), which also says what is wrong.
// test/lint/plain-config.test.ts holds every yes to ajv's answer.
import { PRESETS } from './schema.ts';

const SEVERITIES: ReadonlySet<unknown> = new Set(['off', 'warn', 'error']);
const PRESET_NAMES: ReadonlySet<unknown> = new Set(PRESETS);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFilled = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const filledList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isFilled);

/** The rule ids there are (a Map of rules will do). */
export interface RuleIds {
  has(id: string): boolean;
}

/** One check per key a plain configuration may hold; a key not listed sends it to the validator. */
const PLAIN_KEYS: Readonly<Record<string, (value: unknown, ruleIds: RuleIds) => boolean>> = {
  $schema: (value) => typeof value === 'string',
  extends: (value) => PRESET_NAMES.has(value),
  content: isFilled,
  timezone: isFilled,
  cache: isFilled,
  ignore: filledList,
  requiredFrontmatter: (value) => filledList(value) && new Set(value).size === value.length,
  rules: (value, ruleIds) => isRecord(value) && Object.keys(value).every((id) => ruleIds.has(id) && SEVERITIES.has(value[id])),
};

/**
 * True when `raw` is a configuration of only the keys above, each as the schema wants it,
 * and its rules set by severity alone (no options): the schema accepts it. False means
 * "ask the validator", not "invalid".
 */
export function isPlainValidConfig(raw: unknown, ruleIds: RuleIds): boolean {
  if (!isRecord(raw)) return false;
  for (const key of Object.keys(raw)) {
    const check = Object.hasOwn(PLAIN_KEYS, key) ? PLAIN_KEYS[key] : undefined;
    if (check === undefined || !check(raw[key], ruleIds)) return false;
  }
  return true;
}
