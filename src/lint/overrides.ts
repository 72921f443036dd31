// Requirements that depend on the incident: the configuration's `overrides`, each selected
// by frontmatter values (`when`) and file globs (`files`), change rule settings for the
// postmortems they apply to. Later overrides win; an override's rule options merge over the
// base's. The rule set of a file is resolved once per distinct set of matching overrides.
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ActiveRule } from './engine.ts';
import { activeRules, applyRuleLayer, type OverrideConfig, type ResolvedConfig, type RuleState } from './config/load.ts';
import type { Rule } from './rule.ts';

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
}

export function overrideResolver(config: ResolvedConfig, rules: ReadonlyMap<string, Rule>): OverrideResolver {
  const matchers = config.overrides.map(matcherOf);
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
    rulesFor(filePath, frontmatter) {
      const indexes = matching(filePath, frontmatter);
      if (indexes.length === 0) return config.rules;
      const key = indexes.join(',');
      let active = memo.get(key);
      if (!active) {
        active = activeRules(settingsWith(config, indexes), rules);
        memo.set(key, active);
      }
      return active;
    },
  };
}

/** The rule settings with these overrides applied over the base, in order. */
export function settingsWith(config: ResolvedConfig, indexes: readonly number[]): Map<string, RuleState> {
  const settings = new Map(config.ruleSettings);
  for (const index of indexes) {
    for (const layer of config.overrideLayers[index]!) applyRuleLayer(settings, layer, `overrides[${index}] of ${config.file ?? 'the configuration'}`);
  }
  return settings;
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

function matcherOf(override: OverrideConfig): Matcher {
  const when: Matcher['when'] = Object.entries(override.when ?? {}).map(([key, value]) => [
    key,
    new Set((Array.isArray(value) ? value : [value]).map(comparable)),
  ]);
  return { when, files: override.files ? ignore().add(override.files) : null };
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
