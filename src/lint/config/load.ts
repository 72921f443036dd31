// Finds, reads and validates the configuration, then resolves it over its preset into
// the rules and settings one lint run uses. Every problem is a ConfigError naming the
// file, the JSON path and what was expected (exit code 2).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020, ErrorObject, Options as AjvOptions } from 'ajv/dist/2020.js';
import type { SectionKind } from '../../core/model.ts';
import { parseZone } from '../../core/time/zones.ts';
import type { ActiveRule } from '../engine.ts';
import type { Rule, SeveritySetting } from '../rule.ts';
import { loadYaml } from '../../core/yaml.ts';
import { ConfigError } from '../../errors.ts';
import { bundledValidators } from './bundled.ts';
import { isOptionsOnly, optionsOf, overrideLayers, type RuleLayer } from './layers.ts';
import { PRESET_RULES, type RuleSetting } from './presets.ts';
import { ReadRefused, readTextCapped } from './read.ts';
import { allowPattern } from '../kit/text/mask.ts';
import { UnsupportedPattern, ajvLinearRegExp, linearRegExp } from './regexp.ts';
import { configSchema, type PresetName } from './schema.ts';

/** The options the configuration schema is compiled with (the bundled build's precompiled validator too). */
export const CONFIG_AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false } as const;

/** ajv, loaded when a configuration file is validated: a run without one never needs it (start-up). */
function newAjv(options: AjvOptions): Ajv2020 {
  const ajv = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new ajv.Ajv2020(options);
}

export { ConfigError } from '../../errors.ts';

export interface RawConfig {
  extends?: PresetName;
  rules?: Record<string, RuleSetting>;
  content?: string;
  ignore?: string[];
  timezone?: string;
  sectionAliases?: Record<string, SectionKind>;
  requiredFrontmatter?: string[];
  frontmatterSchema?: Record<string, unknown>;
  cache?: string;
  overrides?: OverrideConfig[];
}

/** Settings for some postmortems only (see overrides.ts). */
export interface OverrideConfig {
  /** Frontmatter key → the value, or any of the values, it must have. */
  when?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /** Globs as in .gitignore, relative to the configuration file. */
  files?: string[];
  rules?: Record<string, RuleSetting>;
  /** The `required-sections` rule's `sections` for these postmortems (layers.ts). */
  requiredSections?: string[];
}

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

const CANDIDATES = ['hindsight.config.json', 'hindsight.config.yaml', 'hindsight.config.yml', '.hindsightrc.json', 'package.json'];

/** The configuration file that applies in `cwd`: the nearest one up the folder tree. */
export function discoverConfig(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CANDIDATES) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      if (name !== 'package.json' || hasHindsightKey(file)) return file;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function hasHindsightKey(file: string): boolean {
  try {
    return packageHasHindsightKey(readTextCapped(file, MAX_CONFIG_BYTES));
  } catch {
    return false;
  }
}

/** Whether a package.json's text holds a `hindsight` key (the configuration). */
export function packageHasHindsightKey(text: string): boolean {
  try {
    const pkg = JSON.parse(text) as Record<string, unknown>;
    return typeof pkg === 'object' && pkg !== null && 'hindsight' in pkg;
  } catch {
    return false;
  }
}

/** The largest configuration file read (a package.json holding one too): far above any real one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** How deep a configuration may nest (a frontmatterSchema's subschemas count): far above any real one. */
export const MAX_CONFIG_DEPTH = 64;

export function readConfigFile(file: string): RawConfig {
  let text: string;
  try {
    text = readTextCapped(file, MAX_CONFIG_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = error instanceof ReadRefused ? error.message : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ConfigError(`Cannot read configuration ${file}: ${reason}.`);
  }
  return parseConfigText(text, file);
}

/**
 * A configuration file's text, parsed as its name says (YAML, JSON, a package.json's
 * `hindsight` key). `label` names it in messages (the file, or `commit:path` for one read
 * from git).
 */
export function parseConfigText(text: string, file: string, label = file): RawConfig {
  const base = path.basename(file);
  let value: unknown;
  try {
    if (/\.ya?ml$/.test(base)) {
      const { LineCounter, parseDocument } = loadYaml();
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
      const problem = doc.errors[0];
      if (problem) {
        const pos = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
        throw new ConfigError(`Invalid YAML in ${label}:${pos.line}:${pos.col}: ${problem.message.split('\n')[0]!.replace(/[.:]$/, '')}.`);
      }
      value = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } else {
      try {
        value = JSON.parse(text);
      } catch (error) {
        if (error instanceof RangeError) throw error;
        throw new ConfigError(`Invalid JSON in ${label}: ${(error as Error).message}.`);
      }
      if (base === 'package.json') value = (value as Record<string, unknown> | null)?.['hindsight'] ?? {};
    }
  } catch (error) {
    // A parser that recursed past the stack: nested far deeper than any configuration.
    if (error instanceof RangeError) throw new ConfigError(`Invalid configuration in ${label}: it nests too deeply to read; a configuration nests at most ${MAX_CONFIG_DEPTH} levels.`);
    throw error;
  }
  const deep = pathDeeperThan(value, MAX_CONFIG_DEPTH);
  if (deep !== null) {
    throw new ConfigError(`Invalid configuration in ${label}: at ${deep || '/'}: nested more than ${MAX_CONFIG_DEPTH} levels deep; no configuration needs that many (a frontmatterSchema's subschemas count).`);
  }
  return value as RawConfig;
}

/** The JSON Pointer of the first value nested deeper than `limit`, or null; without recursion. */
function pathDeeperThan(value: unknown, limit: number): string | null {
  const stack: { value: unknown; depth: number; at: string }[] = [{ value, depth: 0, at: '' }];
  while (stack.length > 0) {
    const { value: current, depth, at } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return at;
    for (const [key, child] of Object.entries(current)) {
      stack.push({ value: child, depth: depth + 1, at: `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  }
  return null;
}

/** Where the configuration stands inside its file: package.json keeps it under "hindsight". */
function pathPrefix(file: string): string {
  return path.basename(file) === 'package.json' ? '/hindsight' : '';
}

export function validateConfig(raw: unknown, file: string, rules: ReadonlyMap<string, Rule>): RawConfig {
  // Start-up: the bundled build validates with the whole schema, compiled when it was built
  // (ajv is not even loaded). From the sources, compile only the options schemas of the rules
  // this file names (a rule it does not name adds nothing to the validation; an unknown name
  // still fails additionalProperties and is described with the full list), and skip checking
  // our own schema against the JSON Schema meta-schema (test/hooks/startup.test.ts checks
  // it). Together ~150 ms → ~6 ms.
  const validate = bundledValidators?.config ?? newAjv(CONFIG_AJV_OPTIONS).compile(configSchema(namedRules(raw, rules)));
  const prefix = pathPrefix(file);
  if (!validate(raw)) {
    throw new ConfigError(`Invalid configuration in ${file}: ${describeErrors(validate.errors ?? [], rules, raw, prefix)}`);
  }
  const config = raw as RawConfig;
  if (config.timezone !== undefined && parseZone(config.timezone) === null) {
    throw new ConfigError(
      `Invalid configuration in ${file}: at ${prefix}/timezone: ${JSON.stringify(config.timezone)} is not a time zone Hindsight knows; expected an IANA name ("Europe/Berlin"), an abbreviation ("UTC", "EAT") or an offset ("+03:00").`,
    );
  }
  if (config.frontmatterSchema !== undefined) {
    const problem = frontmatterSchemaProblem(config.frontmatterSchema, `${prefix}/frontmatterSchema`);
    if (problem) throw new ConfigError(`Invalid configuration in ${file}: ${problem}`);
  }
  const pattern = allowPatternProblem(config, prefix);
  if (pattern) throw new ConfigError(`Invalid configuration in ${file}: ${pattern}`);
  return config;
}

/**
 * Why an allow list entry written "/pattern/flags" cannot be run by the linear-time engine
 * (see regexp.ts), or null. (An entry JavaScript cannot read as an expression at all is a
 * literal, as the rules document.)
 */
function allowPatternProblem(config: RawConfig, prefix: string): string | null {
  const layers: [string, Record<string, RuleSetting> | undefined][] = [[`${prefix}/rules`, config.rules]];
  config.overrides?.forEach((override, i) => layers.push([`${prefix}/overrides/${i}/rules`, override.rules]));
  for (const [at, layer] of layers) {
    for (const [id, setting] of Object.entries(layer ?? {})) {
      const allow = Array.isArray(setting) ? (setting[1] as Record<string, unknown> | undefined)?.['allow'] : undefined;
      if (!Array.isArray(allow)) continue;
      for (const [i, entry] of allow.entries()) {
        const pattern = typeof entry === 'string' ? allowPattern(entry) : null;
        if (!pattern) continue;
        try {
          linearRegExp(pattern.source, pattern.flags);
        } catch (error) {
          if (error instanceof UnsupportedPattern) return `at ${at}/${id}/1/allow/${i}: ${error.message}.`;
          throw error;
        }
      }
    }
  }
  return null;
}

/** The rules a configuration names under `rules` (all of them when `rules` is not an object). */
function namedRules(raw: unknown, rules: ReadonlyMap<string, Rule>): ReadonlyMap<string, Rule> {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  // The `rules` objects: the top level's and each override's.
  const layers: unknown[] = [record['rules']];
  if (Array.isArray(record['overrides'])) {
    for (const override of record['overrides']) if (typeof override === 'object' && override !== null) layers.push((override as Record<string, unknown>)['rules']);
  }
  const subset = new Map<string, Rule>();
  for (const named of layers) {
    if (named === undefined) continue;
    if (typeof named !== 'object' || named === null || Array.isArray(named)) return rules;
    for (const id of Object.keys(named)) {
      const rule = rules.get(id);
      if (rule) subset.set(id, rule);
    }
  }
  return subset;
}

/** Why the configuration's frontmatterSchema is not a JSON Schema (draft 2020-12) ajv can compile, or null. */
function frontmatterSchemaProblem(schema: Record<string, unknown>, at: string): string | null {
  // ajv only warns of an unknown format (and then ignores it): catch the warning.
  const warnings: string[] = [];
  const logger = { log: () => {}, warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')), error: () => {} };
  // Its patterns run on the linear-time engine, as the frontmatter-schema rule runs them.
  const ajv = newAjv({ allErrors: true, strict: false, logger, code: { regExp: ajvLinearRegExp } });
  // Loaded only for a configuration that has a frontmatterSchema (start-up stays light).
  const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  addFormats(ajv);
  // The formats the frontmatter rule adds: only their names matter for compiling.
  ajv.addFormat('hindsight-date-time', true);
  ajv.addFormat('hindsight-zone', true);
  try {
    if (!ajv.validateSchema(schema)) {
      return `expected a JSON Schema (draft 2020-12): ${describeErrors(ajv.errors ?? [], undefined, schema, at)}`;
    }
    ajv.compile(schema);
  } catch (error) {
    if (error instanceof UnsupportedPattern) return `at ${at}: ${error.message}.`;
    if (error instanceof RangeError) return `at ${at}: the schema nests too deeply to compile.`;
    return `at ${at}: expected a JSON Schema ajv can compile: ${(error as Error).message}.`;
  }
  const unknownFormat = warnings.map((w) => /^unknown format (".*") ignored in schema at path "#?(.*)"$/.exec(w)).find((m) => m !== null);
  if (unknownFormat) {
    return `at ${at}${unknownFormat[2]}/format: unknown format ${unknownFormat[1]}; expected one ajv-formats knows (date, date-time, email, uri…), hindsight-date-time or hindsight-zone.`;
  }
  return null;
}

/** The value at a JSON Pointer inside `data` (undefined when it is not there). */
function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

const RULE_SETTING_PATH = /^(?:\/overrides\/\d+)?\/rules\/[^/]+$/;
const RULES_PATH = /^(?:\/overrides\/\d+)?\/rules$/;
const RULE_SETTING_EXPECTED = 'must be "off", "warn", "error" or [severity, options]';

/**
 * ajv's errors as one readable paragraph: the most specific problem per JSON path. With the
 * validated `data`, a rule setting's two forms are told apart: a string gets the list of
 * severities, an array only the problems inside it. `prefix` is put before every path.
 */
export function describeErrors(errors: readonly ErrorObject[], rules?: ReadonlyMap<string, Rule>, data?: unknown, prefix = ''): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const at = `${prefix}${error.instancePath}` || '/';
    let message: string;
    if (error.keyword === 'additionalProperties') {
      const key = String(error.params['additionalProperty']);
      message = RULES_PATH.test(error.instancePath) && rules ? `unknown rule "${key}" (known: ${[...rules.keys()].join(', ')})` : `unknown key "${key}"`;
      const where = `${prefix}${error.instancePath}/${key}`;
      if (seen.has(where)) continue;
      seen.add(where);
      lines.push(`at ${where}: ${message}`);
      continue;
    }
    if (rules && data !== undefined && RULE_SETTING_PATH.test(error.instancePath) && (error.keyword === 'enum' || error.keyword === 'type')) {
      // The rule setting as a whole: a wrong severity, or neither a string nor an array.
      if (Array.isArray(valueAt(data, error.instancePath))) continue;
      message = `${RULE_SETTING_EXPECTED}, not ${JSON.stringify(valueAt(data, error.instancePath))}`;
    } else if (error.keyword === 'enum') message = `must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    else message = error.message ?? 'is not valid';
    const key = `${at} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`at ${at}: ${message}`);
  }
  return `${lines.slice(0, 8).join('; ')}${lines.length > 8 ? `; and ${lines.length - 8} more` : ''}.`;
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
