// Requirements that depend on the incident: the configuration's `overrides`, each selected
// by frontmatter values (`when`) and file globs (`files`), change rule settings for the
// postmortems they apply to. Later overrides win; an override's rule options merge over the
// base's. The preset's own overrides (the review life cycle, presets.ts) apply first, and only
// lower severities. The rule set of a file is resolved once per distinct set of matching
// overrides.
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ActiveRule } from './engine.ts';
import { activeRules, applyRuleLayer, type OverrideConfig, type ResolvedConfig, type RuleState } from './config/load.ts';
import { PRESET_OVERRIDES, type PresetOverride } from './config/presets.ts';
import type { Rule, SeveritySetting } from './rule.ts';

interface Matcher {
  when: [key: string, values: Set<string>][];
  files: Ignore | null;
}

/** Which overrides apply to a file, and the rule set of each combination of them. */
export interface OverrideResolver {
  /** The active rules for a file with this frontmatter (null: none, or invalid). */
  rulesFor(filePath: string, frontmatter: Record<string, unknown> | null): ActiveRule[];
  /** Indexes of the overrides that apply. */
  matching(filePath: string, frontmatter: Record<string, unknown> | null): number[];
  /** Indexes of the preset's overrides that apply (the life cycle's stage, by `status`). */
  presetMatching(frontmatter: Record<string, unknown> | null): number[];
}

export function overrideResolver(config: ResolvedConfig, rules: ReadonlyMap<string, Rule>): OverrideResolver {
  const matchers = config.overrides.map(matcherOf);
  const presetMatchers = presetOverrides(config).map(matcherOf);
  const presetMatching = (frontmatter: Record<string, unknown> | null): number[] => {
    const out: number[] = [];
    presetMatchers.forEach((m, index) => {
      if (m.when.every(([key, values]) => matchesValue(frontmatter?.[key], values))) out.push(index);
    });
    return out;
  };
  const memo = new Map<string, ActiveRule[]>();
  const matching = (filePath: string, frontmatter: Record<string, unknown> | null): number[] => {
    const out: number[] = [];
    const relative = path.relative(config.root, path.resolve(filePath));
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    matchers.forEach((m, index) => {
      if (m.files && !(inside && m.files.ignores(relative.split(path.sep).join('/')))) return;
      for (const [key, values] of m.when) if (!matchesValue(frontmatter?.[key], values)) return;
      out.push(index);
    });
    return out;
  };
  return {
    matching,
    presetMatching,
    rulesFor(filePath, frontmatter) {
      const fromPreset = presetMatching(frontmatter);
      const indexes = config.overrides.length > 0 ? matching(filePath, frontmatter) : [];
      if (indexes.length === 0 && fromPreset.length === 0) return config.rules;
      const key = `${fromPreset.join(',')}|${indexes.join(',')}`;
      let active = memo.get(key);
      if (!active) {
        // The preset's overrides alone: lower the base's active rules, whatever set them.
        active =
          indexes.length === 0
            ? lowered(
                config.rules,
                fromPreset.map((i) => presetOverrides(config)[i]!.rules),
              )
            : activeRules(settingsWith(config, indexes, fromPreset), rules);
        memo.set(key, active);
      }
      return active;
    },
  };
}

/** The preset's own overrides (presets.ts). */
export function presetOverrides(config: ResolvedConfig): readonly PresetOverride[] {
  return PRESET_OVERRIDES[config.preset] ?? [];
}

/** The rule settings with the preset's overrides (`fromPreset`), then these overrides, applied over the base. */
export function settingsWith(config: ResolvedConfig, indexes: readonly number[], fromPreset: readonly number[] = []): Map<string, RuleState> {
  const settings = new Map(config.ruleSettings);
  for (const index of fromPreset) lowerSeverities(settings, presetOverrides(config)[index]!.rules);
  for (const index of indexes) {
    for (const layer of config.overrideLayers[index]!) applyRuleLayer(settings, layer, `overrides[${index}] of ${config.file ?? 'the configuration'}`);
  }
  return settings;
}

const RANK: Record<SeveritySetting, number> = { off: 0, warn: 1, error: 2 };

/** The severity a preset's override leaves: the lower of the two. */
function lower(current: SeveritySetting, setting: PresetOverride['rules'][string] | undefined): SeveritySetting {
  if (setting === undefined) return current;
  const wanted = Array.isArray(setting) ? setting[0] : setting;
  return RANK[wanted] < RANK[current] ? wanted : current;
}

/** Active rules with these preset overrides' severities applied (lowering only). */
function lowered(active: readonly ActiveRule[], layers: readonly PresetOverride['rules'][]): ActiveRule[] {
  const out: ActiveRule[] = [];
  for (const a of active) {
    const severity = layers.reduce((current, layer) => lower(current, layer[a.rule.id]), a.severity as SeveritySetting);
    if (severity !== 'off') out.push({ ...a, severity });
  }
  return out;
}

/**
 * Applies a preset's override: a rule's severity becomes the one given only where that is
 * lower, and a rule that is off stays off, so that the preset's life cycle never turns
 * on or raises what the configuration set.
 */
function lowerSeverities(settings: Map<string, RuleState>, layer: PresetOverride['rules']): void {
  for (const [id, setting] of Object.entries(layer)) {
    const current = settings.get(id);
    if (current) settings.set(id, { ...current, severity: lower(current.severity, setting) });
  }
}

/**
 * Every rule that is on for some postmortem: in the base, or under some override. (A
 * combination of overrides turns on only what one of them does.)
 */
export function everyActiveRule(config: ResolvedConfig, rules: ReadonlyMap<string, Rule>): ActiveRule[] {
  const all = new Map<string, ActiveRule>();
  for (const active of config.rules) all.set(active.rule.id, active);
  config.overrides.forEach((_, index) => {
    for (const active of activeRules(settingsWith(config, [index]), rules)) if (!all.has(active.rule.id)) all.set(active.rule.id, active);
  });
  return [...all.values()];
}

function matcherOf(override: OverrideConfig | PresetOverride): Matcher {
  const when: Matcher['when'] = Object.entries(override.when ?? {}).map(([key, value]) => [
    key,
    new Set((Array.isArray(value) ? value : [value]).map(comparable)),
  ]);
  return { when, files: 'files' in override && override.files ? ignore().add(override.files) : null };
}

function comparable(value: unknown): string {
  return String(value).trim().toLowerCase();
}

function matchesValue(value: unknown, wanted: ReadonlySet<string>): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item !== 'object' && wanted.has(comparable(item)));
  if (typeof value === 'object') return false;
  return wanted.has(comparable(value));
}
