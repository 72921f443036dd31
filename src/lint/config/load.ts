// Finds, reads and validates the configuration, then resolves it over its preset into
// the rules and settings one lint run uses. Every problem is a ConfigError naming the
// file, the JSON path and what was expected (exit code 2).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import type { SectionKind } from '../../core/model.ts';
import type { ActiveRule } from '../engine.ts';
import type { Rule, SeveritySetting } from '../rule.ts';
import { PRESET_RULES, type RuleSetting } from './presets.ts';
import { configSchema, type PresetName } from './schema.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

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
  rules: ActiveRule[];
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
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return typeof pkg === 'object' && pkg !== null && 'hindsight' in pkg;
  } catch {
    return false;
  }
}

export function readConfigFile(file: string): RawConfig {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ConfigError(`Cannot read configuration ${file}: it is a directory.`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`Cannot read configuration ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  const base = path.basename(file);
  if (/\.ya?ml$/.test(base)) {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    const problem = doc.errors[0];
    if (problem) {
      const pos = problem.linePos?.[0];
      throw new ConfigError(`Invalid YAML in ${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${problem.message.split('\n')[0]}.`);
    }
    return (doc.toJS({ maxAliasCount: 100 }) ?? {}) as RawConfig;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Invalid JSON in ${file}: ${(error as Error).message}.`);
  }
  if (base === 'package.json') return ((value as Record<string, unknown>)['hindsight'] ?? {}) as RawConfig;
  return value as RawConfig;
}

export function validateConfig(raw: unknown, file: string, rules: ReadonlyMap<string, Rule>): RawConfig {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(configSchema(rules));
  if (validate(raw)) return raw as RawConfig;
  throw new ConfigError(`Invalid configuration in ${file}: ${describeErrors(validate.errors ?? [], rules)}`);
}

/** ajv's errors as one readable paragraph: the most specific problem per JSON path. */
export function describeErrors(errors: readonly ErrorObject[], rules?: ReadonlyMap<string, Rule>): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const at = error.instancePath || '/';
    let message: string;
    if (error.keyword === 'additionalProperties') {
      const key = String(error.params['additionalProperty']);
      message = error.instancePath === '/rules' ? `unknown rule "${key}"${rules ? ` (known: ${[...rules.keys()].join(', ')})` : ''}` : `unknown key "${key}"`;
      const where = `${at}/${key}`;
      if (seen.has(where)) continue;
      seen.add(where);
      lines.push(`at ${where}: ${message}`);
      continue;
    }
    if (error.keyword === 'enum') message = `must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
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
  const settings = new Map<string, { severity: SeveritySetting; options: Record<string, unknown> }>();
  for (const [id, rule] of rules) settings.set(id, { severity: rule.severity, options: { ...rule.defaults } });
  const apply = (layer: Record<string, RuleSetting>, where: string): void => {
    const everything = layer['*'];
    if (everything !== undefined) {
      for (const current of settings.values()) if (current.severity !== 'off') current.severity = severityOf(everything);
    }
    for (const [id, setting] of Object.entries(layer)) {
      if (id === '*') continue;
      const current = settings.get(id);
      if (!current) throw new ConfigError(`Unknown rule "${id}" in ${where}.`);
      current.severity = severityOf(setting);
      if (Array.isArray(setting) && setting[1]) current.options = { ...current.options, ...setting[1] };
    }
  };
  apply(PRESET_RULES[preset] ?? {}, `preset "${preset}"`);
  apply(raw.rules ?? {}, file ?? 'the configuration');

  const active: ActiveRule[] = [];
  for (const [id, setting] of settings) {
    if (setting.severity === 'off') continue;
    active.push({ rule: rules.get(id)!, severity: setting.severity, options: setting.options });
  }
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
    cacheFile: path.resolve(root, raw.cache ?? 'node_modules/.cache/hindsight/lint-cache.json'),
    rules: active,
    raw,
  };
}

function severityOf(setting: RuleSetting): SeveritySetting {
  return Array.isArray(setting) ? setting[0] : setting;
}
