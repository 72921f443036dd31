// The JSON Schema of a configuration file. `configSchema(rules)` adds each rule's own
// options schema, so one validation checks everything and editors can complete it
// (`npm run schema` writes it to schema/config.schema.json).
import { SECTION_KINDS } from '../../core/model.ts';
import type { Rule } from '../rule.ts';

export const PRESETS = ['recommended', 'strict', 'google-sre', 'alx'] as const;
export type PresetName = (typeof PRESETS)[number];

export { SECTION_KINDS };

const severity = { enum: ['off', 'warn', 'error'] };

function ruleSetting(rule: Rule | null): Record<string, unknown> {
  const options = rule ? rule.schema : { type: 'object' };
  return {
    ...(rule ? { description: rule.description } : {}),
    oneOf: [severity, { type: 'array', prefixItems: [severity, options], minItems: 1, maxItems: 2, items: false }],
  };
}

export function configSchema(rules: ReadonlyMap<string, Rule>): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const [id, rule] of rules) ruleProperties[id] = ruleSetting(rule);
  const rulesObject = {
    type: 'object',
    description: 'Rule settings: "off" | "warn" | "error", or [severity, options].',
    properties: ruleProperties,
    additionalProperties: false,
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://hindsight.dev/schema/config.schema.json',
    title: 'Hindsight configuration',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: { enum: [...PRESETS], description: 'The preset to start from (default "recommended").' },
      rules: rulesObject,
      content: { type: 'string', minLength: 1, description: 'Folder of postmortems, relative to this file (default "postmortems").' },
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Globs of files not to lint, relative to this file (.gitignore and a .hindsightignore beside this file are read too).',
      },
      timezone: {
        type: 'string',
        minLength: 1,
        description: 'Zone of times when a document declares none: IANA name ("Europe/Berlin"), abbreviation ("UTC", "EAT") or offset ("+03:00").',
      },
      sectionAliases: {
        type: 'object',
        description: 'Extra heading spellings and the section kind each names, e.g. {"What broke": "root-cause"}.',
        additionalProperties: { enum: [...SECTION_KINDS] },
      },
      requiredFrontmatter: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        uniqueItems: true,
        description: 'Frontmatter keys every postmortem must have.',
      },
      frontmatterSchema: {
        type: 'object',
        description: 'A JSON Schema merged over the built-in frontmatter schema (its properties and required keys are added).',
      },
      cache: {
        type: 'string',
        minLength: 1,
        description:
          'Where `--cache` keeps its file (default node_modules/.cache/hindsight/lint-cache.json); the archive index of the cross-file rules is kept beside it.',
      },
      overrides: {
        type: 'array',
        description:
          'Settings for some postmortems only, chosen by frontmatter values ("when") and file globs ("files"). Later overrides win; their rule options merge over the base.',
        items: overrideSchema(),
      },
    },
    additionalProperties: false,
  };
}

const scalar = { type: ['string', 'number', 'boolean'] };

function overrideSchema(): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      when: {
        type: 'object',
        description:
          'Frontmatter values that select the postmortems, e.g. {"severity": ["SEV1", "SEV2"]}: every key must match; a list matches any of its values (case aside); a frontmatter list matches when any of its items does.',
        additionalProperties: { anyOf: [scalar, { type: 'array', items: scalar, minItems: 1 }] },
      },
      files: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
        description: 'Globs (as in .gitignore) of the files it applies to, relative to the configuration file, e.g. ["postmortems/2025/**"].',
      },
      // The same rule settings as the top level's (a reference keeps the schema small).
      rules: {
        $ref: '#/properties/rules',
        description: 'Rule settings for these postmortems, over the base: a severity, or [severity, options] whose options merge over the base options.',
      },
      requiredSections: {
        type: 'array',
        items: { enum: SECTION_KINDS.filter((kind) => kind !== 'other') },
        uniqueItems: true,
        description: 'The section kinds these postmortems must have: the options of `required-sections` (turned on when it is off).',
      },
    },
    additionalProperties: false,
  };
}
