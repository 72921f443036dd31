// The frontmatter must be valid YAML and match schema/frontmatter.schema.json, merged
// with the configuration's frontmatterSchema and requiredFrontmatter. Each finding
// stands at the line of its key; a severity in the wrong case is fixed.
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import baseSchema from '../schema/frontmatter.schema.json' with { type: 'json' };
import type { Postmortem } from '../src/core/model.ts';
import { bundledValidators } from '../src/lint/config/bundled.ts';
import { HINDSIGHT_FORMATS } from '../src/lint/config/formats.ts';
import { ajvLinearRegExp } from '../src/lint/config/regexp.ts';
import { defineRule, md, type Fix, type LintSettings } from '../src/lint/rule.ts';

type Schema = Record<string, unknown>;

/** The options every frontmatter validator is compiled with (the bundled build's precompiled one too). */
export const FRONTMATTER_AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false } as const; // our schema and a configured extension are checked when the configuration loads

let ajv: Ajv2020 | null = null;

/** ajv with ajv-formats' formats and ours, loaded when a schema is first compiled (never, in the bundle, without a configured extension). */
function compiler(): Ajv2020 {
  if (ajv) return ajv;
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (instance: Ajv2020) => Ajv2020;
  // A configured schema's patterns run on a linear-time engine (see regexp.ts).
  ajv = addFormats(new Ajv({ ...FRONTMATTER_AJV_OPTIONS, code: { regExp: ajvLinearRegExp } }));
  for (const [name, format] of Object.entries(HINDSIGHT_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

const BASE = baseSchema as Schema;

/** Compiled validators by the configuration's extension: compiled once, not per file. */
const compiled = new Map<string, { validate: ValidateFunction; schema: Schema } | { error: string }>();

export function mergeSchema(extension: Schema | null, required: readonly string[]): Schema {
  const ext = extension ?? {};
  const { properties: extProperties, required: extRequired, $id: _id, $schema: _schema, ...rest } = ext;
  const merged: Schema = { ...BASE, ...rest };
  merged.properties = { ...(BASE.properties as Schema), ...((extProperties as Schema | undefined) ?? {}) };
  const all = [...((BASE.required as string[] | undefined) ?? []), ...((extRequired as string[] | undefined) ?? []), ...required];
  if (all.length > 0) merged.required = [...new Set(all)];
  return merged;
}

export function validatorFor(settings: LintSettings): { validate: ValidateFunction; schema: Schema } | { error: string } {
  const key = JSON.stringify([settings.frontmatterSchema ?? null, settings.requiredFrontmatter]);
  let entry = compiled.get(key);
  if (!entry) {
    const schema = mergeSchema(settings.frontmatterSchema, settings.requiredFrontmatter);
    const precompiled = !settings.frontmatterSchema && settings.requiredFrontmatter.length === 0 ? bundledValidators?.frontmatter : undefined;
    try {
      entry = { validate: precompiled ?? compiler().compile(schema), schema };
    } catch (error) {
      entry = { error: (error as Error).message };
    }
    compiled.set(key, entry);
  }
  return entry;
}

/** What a property schema allows, in words ("one of SEV1, SEV2…", "a list of strings"). */
export function describeSchema(schema: unknown): string | null {
  if (typeof schema !== 'object' || schema === null) return null;
  const s = schema as Schema;
  if (Array.isArray(s.enum)) return `one of ${(s.enum as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`;
  if ('const' in s) return JSON.stringify(s.const);
  const alternatives = Array.isArray(s.anyOf) ? (s.anyOf as Schema[]) : null;
  if (
    alternatives &&
    alternatives.length === 2 &&
    alternatives.some((a) => a.format === 'date') &&
    alternatives.some((a) => a.format === 'hindsight-date-time')
  ) {
    return 'a date written YYYY-MM-DD, with or without a time (2024-05-10T09:00:00Z, 2024-05-10 09:00 UTC)';
  }
  for (const key of ['anyOf', 'oneOf']) {
    const parts = Array.isArray(s[key]) ? (s[key] as unknown[]).map(describeSchema) : null;
    if (parts?.every((p): p is string => p !== null)) return parts.join(' or ');
  }
  switch (s.format) {
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'hindsight-date-time':
      return 'a date and time such as 2024-05-10T09:00:00Z, 2024-05-10T09:00+03:00 or 2024-05-10 09:00 UTC';
    case 'hindsight-zone':
      return 'a time zone such as UTC, EAT, +03:00 or Europe/Berlin';
    default:
      break;
  }
  if (typeof s.pattern === 'string') return `a string matching ${s.pattern}`;
  const type = s.type;
  const types = Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
  if (types.length === 0) return null;
  const words = types.map((t) => {
    if (t === 'array') {
      const items = describeSchema(s.items);
      return items === 'a string' || items === 'a non-empty string' ? 'a list of strings' : items ? `a list of (${items})` : 'a list';
    }
    if (t === 'string') return s.minLength === 1 ? 'a non-empty string' : 'a string';
    if (t === 'integer') return 'a whole number';
    if (t === 'object') return 'a mapping';
    return `a ${t}`;
  });
  return words.join(' or ');
}

function show(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function topKey(error: ErrorObject): string | null {
  if (error.instancePath === '') {
    if (error.keyword === 'required') return String(error.params.missingProperty);
    if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty);
    if (error.keyword === 'propertyNames') return String(error.params.propertyName);
    return null;
  }
  const first = error.instancePath.split('/')[1] ?? '';
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

interface KeyLocation {
  line: number;
  /** Offset of the line in the source, and the line's text. */
  offset: number;
  text: string;
}

/** Where a top-level key stands: the YAML begins on the line after the opening fence. */
function keyLocation(model: Postmortem, lineStarts: readonly number[], key: string): KeyLocation | null {
  const { raw, span } = model.frontmatter;
  if (raw === null || span === null) return null;
  const lines = raw.split(/\r\n|\r|\n/);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')\\s*:`);
  for (let i = 0; i < lines.length; i++) {
    if (!re.test(lines[i]!)) continue;
    const line = span.start.line + 1 + i;
    const offset = lineStarts[line - 1];
    if (offset === undefined) return null;
    return { line, offset, text: lines[i]!.replace(/\r$/, '') };
  }
  return null;
}

/** The fix for a severity written in another case or spacing ("sev2", "Sev-2" → "SEV2"). */
function severityFix(source: string, at: KeyLocation | null, value: unknown, allowed: unknown): { text: string; fix: Fix } | null {
  if (!at || typeof value !== 'string' || !Array.isArray(allowed)) return null;
  const fixed = value
    .trim()
    .toUpperCase()
    .replace(/^([A-Z]+)[\s_-]?(\d)$/, '$1$2');
  if (fixed === value || !allowed.includes(fixed)) return null;
  const colon = at.text.indexOf(':');
  const index = at.text.indexOf(value, colon + 1);
  if (colon === -1 || index === -1) return null;
  const start = at.offset + index;
  if (source.slice(start, start + value.length) !== value) return null;
  return { text: fixed, fix: { start, end: start + value.length, text: fixed } };
}

const messages = {
  invalidYaml: 'Frontmatter is not valid YAML: {{problem}}. Fix the YAML so its keys can be read.',
  keyNotText: '{{problem}}.',
  pastLimit: '{{problem}}.',
  invalidSchema: "The configuration's frontmatterSchema is not a valid JSON Schema ({{problem}}): fix it in the configuration file.",
  noFrontmatter: 'No frontmatter: the configuration requires {{keys}}. Add a "---" block at the top of the file with {{theseKeys}}.',
  schemaMismatch: 'Frontmatter {{problem}}.',
  missingKey: 'Missing frontmatter key "{{key}}": the configuration requires it.',
  missingKeyOf: 'Missing frontmatter key "{{key}}": the configuration requires it ({{expected}}).',
  unknownKey: 'Unknown frontmatter key "{{key}}": the configuration\'s schema allows no other keys; remove it or add it to frontmatterSchema.',
  wrongValue: '{{key}} must be {{expected}}; found {{value}}.',
  emptyValue: '{{key}} is empty: fill in {{expected}}.',
  wrongCase: '{{key}} must be {{expected}}; found {{value}}: write "{{fixed}}".',
  invalidValue: '{{path}} {{problem}}; found {{value}}.',
} as const;

export default defineRule({
  id: 'frontmatter-schema',
  description: "Frontmatter that is not valid YAML or fails the JSON Schema (schema/frontmatter.schema.json plus the configuration's additions)",
  severity: 'error',
  fixable: true,
  messages,
  docs: {
    rationale:
      'The archive\'s index, filters and the other rules read the frontmatter, so a value they cannot read ("sev2", "yesterday", a date written 10/05/2024) silently drops the postmortem from a list or a check. Values are checked against schema/frontmatter.schema.json: `date` as YYYY-MM-DD, a time may follow (status pages write one); `severity` one of SEV1–SEV5 (upper case); `status` one of draft, in-review, published, final (and their common spellings: wip, in review, review, complete, completed), or a status page\'s investigating, identified, monitoring, resolved; `authors` and `tags` a string or a list; `services`, `related` lists of strings; `incident_start`, `incident_end`, `detected`, `resolved` ISO 8601 with or without seconds and offset, or "2024-05-10 09:00 UTC" (`resolved` may also be true or false, as cState writes it); `timezone` a zone Hindsight reads. Other keys are allowed. The configuration adds properties and required keys with `frontmatterSchema` and `requiredFrontmatter`. Each finding stands at its key\'s line; `--fix` corrects a severity written in the wrong case.',
    invalid: [
      {
        title: 'wrong-case severity, unknown status, a date in another format, a start left empty',
        markdown: md`
          ---
          title: Checkout outage
          date: 10/05/2024
          severity: sev2
          status: done
          incident_start:
          incident_end: yesterday
          ---
          # Checkout outage
        `,
        expected: `
          3:1-3:17 wrongValue
          4:1-4:15 wrongCase
          5:1-5:13 wrongValue
          6:1-6:16 emptyValue
          7:1-7:24 wrongValue
        `,
        output: md`
          ---
          title: Checkout outage
          date: 10/05/2024
          severity: SEV2
          status: done
          incident_start:
          incident_end: yesterday
          ---
          # Checkout outage
        `,
      },
      {
        title: 'invalid YAML',
        markdown: md`
          ---
          title: "Checkout outage
          severity: SEV2
          ---
          # Checkout outage
        `,
        expected: `
          3:15-3:15 invalidYaml
        `,
      },
      {
        title: 'a key the configuration requires',
        settings: { requiredFrontmatter: ['owner'] },
        markdown: md`
          ---
          title: Checkout outage
          severity: SEV2
          ---
          # Checkout outage
        `,
        expected: `
          1:1-1:1 missingKey
        `,
      },
      {
        title: 'a closed schema: an unknown key, and a required key with its form',
        settings: {
          requiredFrontmatter: ['owner'],
          frontmatterSchema: { additionalProperties: false, properties: { owner: { type: 'string', minLength: 1 } } },
        },
        markdown: md`
          ---
          title: Checkout outage
          cost_center: payments
          ---
          # Checkout outage
        `,
        expected: `
          1:1-1:1 missingKeyOf
          3:1-3:22 unknownKey
        `,
      },
      {
        title: 'no frontmatter, where the configuration requires keys',
        settings: { requiredFrontmatter: ['severity', 'status'] },
        markdown: md`
          # Checkout outage

          ## Summary

          Checkout failed.
        `,
        expected: `
          1:1-1:1 noFrontmatter
        `,
      },
    ],
    valid: [
      {
        title: "every known key, in each accepted form, and a team's own key",
        markdown: md`
          ---
          id: INC-2024-017
          title: "Checkout outage"
          date: 2024-05-10
          severity: SEV2
          status: in-review
          authors: ana.lopez
          services: [checkout-api]
          tags: [database]
          incident_start: 2024-05-10T09:00:00Z
          incident_end: 2024-05-10T10:30+02:00
          detected: 2024-05-10 09:05 UTC
          resolved: 2024-05-10T10:30
          timezone: Europe/Berlin
          duration: 1 hour 30 minutes
          related: [INC-2024-002]
          cost_center: payments
          ---
          # Checkout outage
        `,
      },
      {
        title: 'no frontmatter and nothing required',
        markdown: md`
          # Checkout outage

          ## Summary

          Checkout failed.
        `,
      },
    ],
  },
  check({ model, source, settings, report, lineStarts }) {
    const { frontmatter } = model;
    for (const error of frontmatter.errors) {
      const messageId = error.kind === 'key' ? 'keyNotText' : error.kind === 'limit' ? 'pastLimit' : 'invalidYaml';
      report({ messageId, data: { problem: error.message }, line: error.line, column: error.column });
    }
    if (frontmatter.errors.length > 0) return;

    const entry = validatorFor(settings);
    if ('error' in entry) {
      report({ messageId: 'invalidSchema', data: { problem: entry.error }, line: 1, column: 1 });
      return;
    }
    const data = frontmatter.data;
    if (data === null) {
      const required = (entry.schema.required as string[] | undefined) ?? [];
      if (required.length > 0) {
        const keys = { keys: required.join(', '), theseKeys: required.length > 1 ? 'these keys' : 'this key' };
        report({ messageId: 'noFrontmatter', data: keys, line: 1, column: 1 });
      }
      return;
    }
    if (entry.validate(data)) return;

    const properties = (entry.schema.properties as Schema | undefined) ?? {};
    const fenceLine = frontmatter.span?.start.line ?? 1;
    const done = new Set<string>();
    for (const error of (entry.validate.errors ?? []) as ErrorObject[]) {
      const key = topKey(error);
      const id = key ?? `${error.instancePath} ${error.message ?? ''}`;
      if (done.has(id)) continue;
      done.add(id);
      if (key === null) {
        report({ messageId: 'schemaMismatch', data: { problem: error.message ?? 'does not match the schema' }, line: fenceLine, column: 1 });
        continue;
      }
      if (error.instancePath === '' && error.keyword === 'required') {
        const expected = describeSchema(properties[key]);
        const place = { line: fenceLine, column: 1 };
        report(expected ? { messageId: 'missingKeyOf', data: { key, expected }, ...place } : { messageId: 'missingKey', data: { key }, ...place });
        continue;
      }
      const at = keyLocation(model, lineStarts, key);
      const line = at?.line ?? fenceLine;
      const endColumn = at ? at.text.length + 1 : 1;
      if (error.instancePath === '' && error.keyword === 'additionalProperties') {
        report({ messageId: 'unknownKey', data: { key }, line, column: 1, endLine: line, endColumn });
        continue;
      }
      const value = data[key];
      const expected = describeSchema(properties[key]);
      const place = { line, column: 1, endLine: line, endColumn };
      if (expected === null) {
        const path = `${key}${error.instancePath.slice(key.length + 1).replace(/\//g, '.')}`;
        report({ messageId: 'invalidValue', data: { path, problem: error.message ?? 'is not valid', value: show(value) }, ...place });
        continue;
      }
      // Only a severity of a known list (so one with an `expected`) has a fix.
      const fix = key === 'severity' ? severityFix(source, at, value, (properties[key] as Schema | undefined)?.enum) : null;
      const found = { key, expected, value: show(value) };
      if (value === null || value === '') {
        report({ messageId: 'emptyValue', data: { key, expected }, ...place });
        continue;
      }
      report(
        fix ? { messageId: 'wrongCase', data: { ...found, fixed: fix.text }, ...place, fix: fix.fix } : { messageId: 'wrongValue', data: found, ...place },
      );
    }
  },
});
