// `--rule 'id: severity'`, as ESLint's --rule: rule settings given on the command line, layered
// over the configuration (its `rules` and every override's), so that the flag always wins.
// Forms: `timeline-order: off`, `timeline-order: [warn, {"max": 3}]` (options as JSON), or a
// JSON object of several rules `{"timeline-order": "off", "no-pii": "warn"}`.
import { UsageError } from '../errors.ts';
import { editDistance } from '../lint/archive/near-ids.ts';
import { activeRules, applyRuleLayer, validateConfig, type ResolvedConfig, type RuleState } from '../lint/config/load.ts';
import type { RuleSetting } from '../lint/config/presets.ts';
import type { Rule, SeveritySetting } from '../lint/rule.ts';

export type RuleFlags = Record<string, RuleSetting>;

const SEVERITIES: Readonly<Record<string, SeveritySetting>> = { off: 'off', warn: 'warn', error: 'error', '0': 'off', '1': 'warn', '2': 'error' };
const EXAMPLE = `--rule 'timeline-order: off' or --rule 'timeline-order: [warn, {"option": "value"}]'`;

/** The settings of every `--rule` value, later ones winning; a usage error (exit code 2) names what is wrong. */
export function parseRuleFlags(values: readonly string[], rules: ReadonlyMap<string, Rule>): RuleFlags {
  const flags: RuleFlags = {};
  for (const value of values) {
    for (const [id, setting] of Object.entries(parseOne(value))) {
      if (!rules.has(id))
        throw new UsageError(`--rule '${value}': there is no rule "${id}"${didYouMean(id, [...rules.keys()])}. \`hindsight rules\` lists them.`);
      flags[id] = normalised(setting, id, value);
    }
  }
  // The options are checked against each rule's schema, as in a configuration file.
  try {
    validateConfig({ rules: flags }, '--rule', rules);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^Invalid configuration in --rule: at \/rules\//, '--rule: the setting of '));
  }
  return flags;
}

function parseOne(value: string): Record<string, unknown> {
  const text = value.trim();
  if (text.startsWith('{')) {
    const parsed = parseJson(text, value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad(value, 'expected an object of rule ids');
    return parsed as Record<string, unknown>;
  }
  const colon = text.indexOf(':');
  if (colon < 0) throw bad(value, 'expected a rule id, a colon and a severity');
  const id = text.slice(0, colon).trim();
  const setting = text.slice(colon + 1).trim();
  if (!setting.startsWith('[')) return { [id]: setting };
  // ESLint's form leaves the severity unquoted: `[warn, {…}]`.
  return { [id]: parseJson(setting.replace(/^\[\s*([a-z]+|\d)\s*(?=[,\]])/, '["$1"'), value) };
}

function normalised(setting: unknown, id: string, value: string): RuleSetting {
  const [severity, options, ...more] = Array.isArray(setting) ? setting : [setting];
  const known = SEVERITIES[String(severity)];
  if (known === undefined || (typeof severity !== 'string' && typeof severity !== 'number')) {
    const shown = typeof severity === 'string' ? `"${severity}"` : JSON.stringify(severity);
    throw new UsageError(
      `--rule '${value}': ${shown} is not a severity${typeof severity === 'string' ? didYouMean(severity, ['off', 'warn', 'error']) : ''}; use off, warn or error (for ${id}).`,
    );
  }
  if (more.length > 0 || (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))) {
    throw bad(value, `expected [severity, {options}] for ${id}`);
  }
  return options === undefined ? known : [known, options as Record<string, unknown>];
}

function parseJson(text: string, value: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad(value, 'the options are not valid JSON');
  }
}

function bad(value: string, problem: string): UsageError {
  return new UsageError(`--rule '${value}': ${problem}. Write it as ${EXAMPLE}.`);
}

/** " (did you mean "a" or "b"?)": the known names closest to `name`, at most three edits away. */
function didYouMean(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  // Within three edits (a typo), or holding the name (`timeline`: the timeline rules); the nearest first.
  const scored = known
    .map((k) => ({ k, d: lower.length >= 3 && k.includes(lower) ? 0.5 : editDistance(lower, k, 3) }))
    .filter((s) => s.d <= 3)
    .sort((a, b) => a.d - b.d);
  const closest = scored.slice(0, 4).map((s) => `"${s.k}"`);
  return closest.length ? ` (did you mean ${closest.join(' or ')}?)` : '';
}

/** The configuration with the flags over its rules and over each of its overrides. */
export function withRuleFlags(config: ResolvedConfig, flags: RuleFlags, rules: ReadonlyMap<string, Rule>): ResolvedConfig {
  if (Object.keys(flags).length === 0) return config;
  const settings = new Map<string, RuleState>(config.ruleSettings);
  applyRuleLayer(settings, flags, '--rule');
  return {
    ...config,
    rules: activeRules(settings, rules),
    ruleSettings: settings,
    overrideLayers: config.overrideLayers.map((layers) => [...layers, flags]),
    // The cache key: the configuration as if the flags had been written into it.
    raw: {
      ...config.raw,
      rules: { ...config.raw.rules, ...flags },
      ...(config.raw.overrides && { overrides: config.raw.overrides.map((o) => ({ ...o, rules: { ...o.rules, ...flags } })) }),
    },
  };
}
