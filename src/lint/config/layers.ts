// Rule settings come in layers, each applied over the ones before it (load.ts's
// applyRuleLayer): the preset, the configuration's `rules`, then each override that applies.
// An override's keys that are shorthand for one rule's option (`requiredSections`) become a
// layer of their own here, so what applies overrides (overrides.ts) handles layers only.
import type { RuleSetting } from './presets.ts';

/**
 * A layer entry that sets a rule's options only: the rule keeps its severity, or is turned on
 * ("error") when it is off.
 */
export interface OptionsOnly {
  options: Record<string, unknown>;
}

/** One layer of rule settings, by rule id (`*`: every rule that is on). */
export type RuleLayer = Record<string, RuleSetting | OptionsOnly>;

/** An override's keys that are shorthand for one option of one rule. */
const OPTION_KEYS = { requiredSections: { rule: 'required-sections', option: 'sections' } } as const;

/** An override's rule settings as layers, in the order they apply: its `rules`, then its shorthand keys. */
export function overrideLayers(override: { rules?: Record<string, RuleSetting> } & { [key in keyof typeof OPTION_KEYS]?: unknown }): RuleLayer[] {
  const shorthands: RuleLayer = {};
  for (const [key, { rule, option }] of Object.entries(OPTION_KEYS)) {
    const value = override[key as keyof typeof OPTION_KEYS];
    if (value !== undefined) shorthands[rule] = { options: { [option]: value } };
  }
  return [override.rules ?? {}, shorthands];
}

export function isOptionsOnly(setting: RuleSetting | OptionsOnly | undefined): setting is OptionsOnly {
  return typeof setting === 'object' && !Array.isArray(setting);
}

/** The options a layer entry sets, if any. */
export function optionsOf(setting: RuleSetting | OptionsOnly | undefined): Record<string, unknown> | undefined {
  return isOptionsOnly(setting) ? setting.options : Array.isArray(setting) ? setting[1] : undefined;
}
