// The schema in sarif-schema-2.1.0.json is the official OASIS SARIF 2.1.0 JSON Schema
// (draft-07), copied unchanged from the OASIS TC's repository oasis-tcs/sarif-spec, file
// Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json (commit 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab;
// its $id is the repository's Schemata/sarif-schema-2.1.0.json). No npm package ships a
// draft-07 copy: @microsoft/jest-sarif has only the draft-04 rtm.5 one, which ajv 8 cannot read.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { DOCS_BASE, helpUri, summarise } from '../../src/lint/result.ts';
import { FINGERPRINT_KEY, formatSarif, repositoryRoot } from '../../src/report/sarif.ts';
import { cdnFile, cleanFile, cwd, dbFile, finding, fixtureResults, fixtureRules } from './fixtures.ts';

const addFormats = addFormatsModule.default;
const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// strict: false: ajv's strict mode lints schema style (a `required` inside `anyOf`), which is not validation.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarif(results = fixtureResults()): Log {
  return JSON.parse(formatSarif(results, fixtureRules(), { cwd, version: '1.2.3' })) as Log;
}

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
  expect(valid).toBe(true);
}

function results(log: Log): Result[] {
  return log.runs[0]!.results!;
}

describe('formatSarif', () => {
  it('uses the official draft-07 SARIF 2.1.0 schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  });

  it('validates against the SARIF 2.1.0 JSON Schema with zero errors', () => {
    expectValid(sarif());
    expectValid(sarif([]));
  });

  it('is checked by a validator that does reject broken logs', () => {
    const log = sarif();
    results(log)[0]!.level = 'fatal' as Result.level;
    expect(validate(log)).toBe(false);
    const noRegionStart = sarif();
    results(noRegionStart)[0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    expect(validate(noRegionStart)).toBe(false);
    const unencoded = sarif();
    results(unencoded)[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'postmortems/db outage.md';
    expect(validate(unencoded)).toBe(false);
  });

  it('declares the schema, the version and one run of Hindsight', () => {
    const log = sarif();
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver).toMatchObject({ name: 'Hindsight', version: '1.2.3', informationUri: DOCS_BASE });
  });

  it('describes every rule with its description, help, default level and fixability', () => {
    const rules = sarif().runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(['required-sections', 'timeline-order', 'no-placeholder', 'blameless-language', 'no-pii', 'fatal']);
    expect(rules[0]).toStrictEqual({
      id: 'required-sections',
      name: 'RequiredSections',
      shortDescription: { text: 'A required section is missing.' },
      help: {
        text: `A required section is missing. ${helpUri('required-sections')}`,
        markdown: `A required section is missing.\n\n[The rule's page](${helpUri('required-sections')}): examples, options and how to fix.`,
      },
      helpUri: helpUri('required-sections'),
      defaultConfiguration: { level: 'error' },
      properties: { fixable: false },
    });
    expect(rules[2]!.defaultConfiguration).toEqual({ level: 'warning' });
    expect(rules[2]!.properties).toEqual({ fixable: true });
    expect(rules[4]!.defaultConfiguration).toEqual({ enabled: false, level: 'none' });
  });

  it('gives a rule with a rationale its full description and help, and describes fatal findings', () => {
    const withRationale = fixtureRules().map((rule) => (rule.id === 'timeline-order' ? { ...rule, rationale: 'A timeline is read top to bottom.' } : rule));
    const log = JSON.parse(formatSarif(fixtureResults(), withRationale, { cwd, version: '1.2.3' })) as Log;
    expectValid(log);
    const rules = log.runs[0]!.tool.driver.rules!;
    const order = rules.find((r) => r.id === 'timeline-order')!;
    expect(order.fullDescription).toEqual({ text: 'A timeline is read top to bottom.' });
    expect(order.help!.markdown).toContain('A timeline is read top to bottom.');
    expect(rules.find((r) => r.id === 'fatal')).toMatchObject({ name: 'Fatal', defaultConfiguration: { level: 'error' } });
    const broken = summarise(`${cwd}/postmortems/binary.md`, [finding('fatal', 2, 'Not a text file.', 1, 1)]);
    const fatal = results(sarif([broken]))[0]!;
    expect(fatal.ruleIndex).toBe(sarif([broken]).runs[0]!.tool.driver.rules!.findIndex((r) => r.id === 'fatal'));
  });

  it('says the run finished and files its alerts under a category of its own', () => {
    const run = sarif().runs[0]!;
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.automationDetails).toEqual({ id: 'hindsight/' });
  });

  it('reports each finding with its rule, rule index, level, message and region', () => {
    const log = sarif();
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(results(log)).toHaveLength(4);
    for (const r of results(log)) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const order = results(log)[1]!;
    expect(order).toMatchObject({ ruleId: 'timeline-order', ruleIndex: 1, level: 'error', message: { text: 'Timeline out of order.' } });
    expect(order.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'postmortems/2023-05-10-db.md', uriBaseId: '%SRCROOT%', index: 0 },
          region: { startLine: 14, startColumn: 3, endLine: 14, endColumn: 40 },
        },
      },
    ]);
    expect(results(log).map((r) => r.level)).toEqual(['error', 'error', 'warning', 'warning']);
    expect(results(log)[3]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'postmortems/2024-01-02-cdn.md',
      uriBaseId: '%SRCROOT%',
      index: 2,
    });
  });

  it('names %SRCROOT% as the file URI of cwd and lists every linted file as an artifact', () => {
    const run = sarif().runs[0]!;
    const root = pathToFileURL(cwd).href;
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${root}/` } });
    expect(run.artifacts!.map((a) => a.location)).toEqual([
      { uri: 'postmortems/2023-05-10-db.md', uriBaseId: '%SRCROOT%' },
      { uri: 'postmortems/clean.md', uriBaseId: '%SRCROOT%' },
      { uri: 'postmortems/2024-01-02-cdn.md', uriBaseId: '%SRCROOT%' },
    ]);
    expect(run.artifacts!.map((a) => new URL(a.location!.uri!, `${root}/`).href)).toEqual([dbFile, cleanFile, cdnFile].map((f) => pathToFileURL(f).href));
  });

  it('still reports a finding of a rule missing from the catalogue, without a rule index', () => {
    const log = sarif([summarise(dbFile, [finding('directives', 1, 'Unknown rule "x".', 2, 1)])]);
    expectValid(log);
    expect(results(log)).toHaveLength(1);
    expect(results(log)[0]).toMatchObject({ ruleId: 'directives', level: 'warning', message: { text: 'Unknown rule "x".' } });
    expect(results(log)[0]).not.toHaveProperty('ruleIndex');
  });

  it('keeps fingerprints when only the line moves, and changes them with the rule, file or message', () => {
    const print = (ruleId: string, file: string, message: string, line: number): string =>
      results(sarif([summarise(file, [finding(ruleId, 2, message, line, 3)])]))[0]!.partialFingerprints![FINGERPRINT_KEY]!;
    const base = print('timeline-order', dbFile, 'Timeline out of order.', 14);
    expect(base).toMatch(/^[0-9a-f]{32}:1$/);
    expect(print('timeline-order', dbFile, 'Timeline out of order.', 27)).toBe(base);
    expect(print('timeline-timestamp', dbFile, 'Timeline out of order.', 14)).not.toBe(base);
    expect(print('timeline-order', cdnFile, 'Timeline out of order.', 14)).not.toBe(base);
    expect(print('timeline-order', dbFile, 'Timeline still out of order.', 14)).not.toBe(base);
  });

  it('tells identical findings in one file apart by their order', () => {
    const log = sarif([summarise(dbFile, [finding('no-pii', 2, 'E-mail address.', 3, 1), finding('no-pii', 2, 'E-mail address.', 9, 1)])]);
    const [a, b] = results(log).map((r) => r.partialFingerprints![FINGERPRINT_KEY]!);
    expect(a!.replace(/:1$/, ':2')).toBe(b);
  });

  it('encodes awkward file names, and reaches a file outside the root with ".." rather than an absolute URI', () => {
    const odd = join(cwd, 'postmortems', 'db outage #1 100%.md');
    const unicode = join(cwd, 'postmortems', 'Überlast 支付.md');
    const outside = join(cwd, '..', 'elsewhere', 'x.md');
    const log = sarif([odd, unicode, outside].map((file) => summarise(file, [finding('timezone', 1, 'No zone.', 2, 1)])));
    expectValid(log);
    const locations = results(log).map((r) => r.locations![0]!.physicalLocation!.artifactLocation);
    expect(locations).toEqual([
      { uri: 'postmortems/db%20outage%20%231%20100%25.md', uriBaseId: '%SRCROOT%', index: 0 },
      { uri: 'postmortems/%C3%9Cberlast%20%E6%94%AF%E4%BB%98.md', uriBaseId: '%SRCROOT%', index: 1 },
      { uri: '../elsewhere/x.md', uriBaseId: '%SRCROOT%', index: 2 },
    ]);
    const base = `${pathToFileURL(cwd).href}/`;
    expect(locations.map((l) => new URL(l!.uri!, base).href)).toEqual([odd, unicode, outside].map((f) => pathToFileURL(f).href));
  });

  it('names files relative to the git top level, wherever in the repository it runs, and never by an absolute path', () => {
    const repo = mkdtempSync(join(realpathSync(tmpdir()), 'hindsight-sarif-'));
    try {
      mkdirSync(join(repo, '.git'));
      const subfolder = join(repo, 'docs', 'incidents');
      mkdirSync(subfolder, { recursive: true });
      const file = join(subfolder, '2024-01-02 cdn.md');
      const log = JSON.parse(
        formatSarif([summarise(file, [finding('timezone', 1, 'No zone.', 2, 1)])], fixtureRules(), { cwd: subfolder, version: '1.2.3' }),
      ) as Log;
      expectValid(log);
      const run = log.runs[0]!;
      expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(repo).href}/` } });
      expect(run.artifacts!.map((a) => a.location)).toEqual([{ uri: 'docs/incidents/2024-01-02%20cdn.md', uriBaseId: '%SRCROOT%' }]);
      expect(results(log)[0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({
        uri: 'docs/incidents/2024-01-02%20cdn.md',
        uriBaseId: '%SRCROOT%',
        index: 0,
      });
      expect(JSON.stringify(run.artifacts) + JSON.stringify(run.results)).not.toContain(repo);
      expect(JSON.stringify(run.artifacts) + JSON.stringify(run.results)).not.toContain('file:');
      // Outside git, the working folder is the root.
      expect(repositoryRoot(subfolder)).toBe(repo);
      rmSync(join(repo, '.git'), { recursive: true });
      expect(repositoryRoot(subfolder)).toBe(subfolder);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('keeps regions valid when a finding ends before it starts', () => {
    const log = sarif([summarise(dbFile, [finding('timezone', 1, 'No zone.', 4, 9, [3, 2]), finding('timezone', 1, 'No zone.', 5, 9, [5, 2])])]);
    expectValid(log);
    expect(results(log).map((r) => r.locations![0]!.physicalLocation!.region)).toEqual([
      { startLine: 4, startColumn: 9, endLine: 4, endColumn: 9 },
      { startLine: 5, startColumn: 9, endLine: 5, endColumn: 9 },
    ]);
  });
});
