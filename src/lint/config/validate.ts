// Validates a configuration against its schema (ajv), and what ajv cannot check: the time
// zone, the frontmatterSchema and allow patterns for the linear-time engine. Problems are
// ConfigErrors with the JSON path and what was expected.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020, ErrorObject, Options as AjvOptions } from 'ajv/dist/2020.js';
import { parseZone } from '../../core/time/zones.ts';
import type { Rule } from '../rule.ts';
import { ConfigError } from '../../errors.ts';
import { bundledValidators } from './bundled.ts';
import { isPlainValidConfig } from './plain-config.ts';
import type { RuleSetting } from './presets.ts';
import type { RawConfig } from './raw-config.ts';
import { allowPattern } from '../kit/text/mask.ts';
import { UnsupportedPattern, ajvLinearRegExp, linearRegExp } from './regexp.ts';
import { configSchema } from './schema.ts';

/** The options the configuration schema is compiled with (the bundled build's precompiled validator too). */
export const CONFIG_AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false } as const;

/** ajv, loaded when a configuration file is validated: a run without one never needs it (start-up). */
function newAjv(options: AjvOptions): Ajv2020 {
  const ajv = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new ajv.Ajv2020(options);
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
  // A plain configuration (plain-config.ts) needs neither: most hooks' start-up.
  const prefix = pathPrefix(file);
  if (!isPlainValidConfig(raw, rules)) {
    const validate = bundledValidators?.config ?? newAjv(CONFIG_AJV_OPTIONS).compile(configSchema(namedRules(raw, rules)));
    if (!validate(raw)) throw new ConfigError(`Invalid configuration in ${file}: ${describeErrors(validate.errors ?? [], rules, raw, prefix)}`);
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
      const allow = Array.isArray(setting) ? (setting[1] as Record<string, unknown> | undefined)?.allow : undefined;
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
  const layers: unknown[] = [record.rules];
  if (Array.isArray(record.overrides)) {
    for (const override of record.overrides) if (typeof override === 'object' && override !== null) layers.push((override as Record<string, unknown>).rules);
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
      const key = String(error.params.additionalProperty);
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
    } else if (error.keyword === 'enum') message = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    else message = error.message ?? 'is not valid';
    const key = `${at} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`at ${at}: ${message}`);
  }
  return `${lines.slice(0, 8).join('; ')}${lines.length > 8 ? `; and ${lines.length - 8} more` : ''}.`;
}
