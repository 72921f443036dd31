// Finds, reads and validates the configuration (config-file.ts, validate.ts), then resolves
// it over its preset into the rules and settings one lint run uses. Every problem is a
// ConfigError naming the file, the JSON path and what was expected (exit code 2).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SectionKind } from '../../core/model.ts';
import type { ActiveRule } from '../engine.ts';
import type { Rule, SeveritySetting } from '../rule.ts';
import { ConfigError } from '../../errors.ts';
import { discoverConfig, readConfigFile } from './config-file.ts';
import { isOptionsOnly, optionsOf, overrideLayers, type RuleLayer } from './layers.ts';
import { PRESET_RULES, type RuleSetting } from './presets.ts';
import type { OverrideConfig, RawConfig } from './raw-config.ts';
import type { PresetName } from './schema.ts';
import { validateConfig } from './validate.ts';

export { ConfigError } from '../../errors.ts';
export {
  CONFIG_FILE_NAMES,
  configFileIn,
  discoverConfig,
  MAX_CONFIG_BYTES,
  MAX_CONFIG_DEPTH,
  packageHasHindsightKey,
  parseConfigText,
  readConfigFile,
} from './config-file.ts';
export type { OverrideConfig, RawConfig } from './raw-config.ts';
export { PRESETS, type PresetName } from './schema.ts';
export { CONFIG_AJV_OPTIONS, describeErrors, validateConfig } from './validate.ts';

/** One rule's severity and options, as resolved. */
export interface RuleState {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** The file the configuration came from, or null for the defaults. */
  file: string | null;
  /** The folder paths in the configuration are relative to. */
  root: string;
  preset: PresetName;
  content: string;
  ignore: string[];
  timezone: string | null;
  sectionAliases: Map<string, SectionKind>;
  requiredFrontmatter: string[];
  frontmatterSchema: Record<string, unknown> | null;
  cacheFile: string;
  /** The active rules of a postmortem no override applies to. */
  rules: ActiveRule[];
  /** Every rule's resolved setting (off ones too): what overrides start from. */
  ruleSettings: ReadonlyMap<string, RuleState>;
  /** The configuration's overrides, in order (later ones win). */
  overrides: OverrideConfig[];
  /** Each override's rule settings, as layers applied in order (layers.ts). */
  overrideLayers: RuleLayer[][];
  /** The configuration as written, for the cache key. */
  raw: RawConfig;
}

export interface LoadOptions {
  cwd: string;
  /** `--config FILE`: use it instead of discovering one. */
  configFile?: string | null;
}

export function loadConfig(options: LoadOptions, rules: ReadonlyMap<string, Rule>): ResolvedConfig {
  const file = options.configFile ? path.resolve(options.cwd, options.configFile) : discoverConfig(options.cwd);
  const raw = file ? validateConfig(readConfigFile(file), file, rules) : {};
  const root = file ? path.dirname(file) : path.resolve(options.cwd);
  return resolveConfig(raw, file, root, rules);
}

/**
 * The configuration `hindsight lint` uses for one file (what config/lookup.ts finds for each
 * file of a run): `--config FILE` when given, else the nearest configuration file up from the
 * file's folder, else the defaults (relative to `cwd`).
 */
export function configForFile(file: string, options: LoadOptions, rules: ReadonlyMap<string, Rule>): ResolvedConfig {
  if (options.configFile) return loadConfig(options, rules);
  const found = discoverConfig(path.dirname(path.resolve(options.cwd, file)));
  return found ? loadConfig({ cwd: options.cwd, configFile: found }, rules) : resolveConfig({}, null, path.resolve(options.cwd), rules);
}

export function resolveConfig(raw: RawConfig, file: string | null, root: string, rules: ReadonlyMap<string, Rule>): ResolvedConfig {
  const preset = raw.extends ?? 'recommended';
  const settings = new Map<string, RuleState>();
  for (const [id, rule] of rules) settings.set(id, { severity: rule.severity, options: { ...rule.defaults } });
  applyRuleLayer(settings, PRESET_RULES[preset] ?? {}, `preset "${preset}"`);
  applyRuleLayer(settings, raw.rules ?? {}, file ?? 'the configuration');

  const aliases = new Map<string, SectionKind>();
  for (const [heading, kind] of Object.entries(raw.sectionAliases ?? {})) aliases.set(heading, kind);
  return {
    file,
    root,
    preset,
    content: path.resolve(root, raw.content ?? 'postmortems'),
    ignore: raw.ignore ?? [],
    timezone: raw.timezone ?? null,
    sectionAliases: aliases,
    requiredFrontmatter: raw.requiredFrontmatter ?? [],
    frontmatterSchema: raw.frontmatterSchema ?? null,
    cacheFile: cacheFile(root, raw.cache),
    rules: activeRules(settings, rules),
    ruleSettings: settings,
    overrides: raw.overrides ?? [],
    overrideLayers: (raw.overrides ?? []).map(overrideLayers),
    raw,
  };
}

/**
 * Applies one layer of rule settings (a preset, the configuration's `rules`, an override's)
 * in place: `"*"` sets every rule that is on; a rule's options merge over the ones it has.
 */
export function applyRuleLayer(settings: Map<string, RuleState>, layer: RuleLayer, where: string): void {
  const everything = layer['*'];
  if (everything !== undefined && !isOptionsOnly(everything)) {
    for (const [id, current] of settings) if (current.severity !== 'off') settings.set(id, { ...current, severity: severityOf(everything) });
  }
  for (const [id, setting] of Object.entries(layer)) {
    if (id === '*') continue;
    const current = settings.get(id);
    if (!current) throw new ConfigError(`Unknown rule "${id}" in ${where}.`);
    const added = optionsOf(setting);
    const options = added ? { ...current.options, ...added } : current.options;
    const severity = isOptionsOnly(setting) ? (current.severity === 'off' ? 'error' : current.severity) : severityOf(setting);
    settings.set(id, { severity, options });
  }
}

/** The rules that are on, in catalogue order. */
export function activeRules(settings: ReadonlyMap<string, RuleState>, rules: ReadonlyMap<string, Rule>): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const [id, setting] of settings) {
    if (setting.severity === 'off') continue;
    active.push({ rule: rules.get(id)!, severity: setting.severity, options: setting.options });
  }
  return active;
}

const CACHE_FILE = 'lint-cache.json';

/** The cache file: `cache` names a file, or a folder (an existing one, or ending in "/") to keep it in. */
function cacheFile(root: string, cache: string | undefined): string {
  if (cache === undefined) return path.resolve(root, 'node_modules/.cache/hindsight', CACHE_FILE);
  const resolved = path.resolve(root, cache);
  const folder = /[\\/]$/.test(cache) || (existsSync(resolved) && statSync(resolved).isDirectory());
  return folder ? path.join(resolved, CACHE_FILE) : resolved;
}

function severityOf(setting: RuleSetting): SeveritySetting {
  return Array.isArray(setting) ? setting[0] : setting;
}
