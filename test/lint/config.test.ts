// Configuration: discovery from a folder upward, --config, validation messages, presets and
// the settings that change what the rules find. In process (the CLI tests cover the process).
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, discoverConfig, loadConfig, readConfigFile, resolveConfig, validateConfig, type RawConfig } from '../../src/lint/config/load.ts';
import { PRESETS } from '../../src/lint/config/schema.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { lintRun } from '../../src/lint/run.ts';
import { lintText } from '../helpers/lint-text.ts';
import { CLEAN, FIXABLE, WARN } from '../cli/helpers.ts';

const rules = await loadRules();
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-config-')));
  temporary.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('discoverConfig', () => {
  it.each([
    ['hindsight.config.json', '{"extends": "strict"}'],
    ['hindsight.config.yaml', 'extends: strict\n'],
    ['.hindsightrc.json', '{"extends": "strict"}'],
    ['package.json', '{"name": "team-postmortems", "hindsight": {"extends": "strict"}}'],
  ])('finds %s from a nested folder upward, and it applies', async (name, text) => {
    const root = tree({ [name]: text, 'postmortems/2024/03/a.md': WARN });
    const nested = path.join(root, 'postmortems', '2024', '03');
    expect(discoverConfig(nested)).toBe(path.join(root, name));
    const run = await lintRun({ cwd: nested, now: new Date('2026-01-01T00:00:00Z') });
    expect(run.config.file).toBe(path.join(root, name));
    expect(run.config.preset).toBe('strict');
    // Content is relative to the configuration file, not the working directory.
    expect(run.results.map((r) => r.filePath)).toEqual([path.join(root, 'postmortems/2024/03/a.md')]);
    expect(run.results[0]!.messages.find((m) => m.ruleId === 'blameless-language')?.severity).toBe(2);
  });

  it('takes the nearest folder first, and in one folder json, yaml, rc, package.json in that order', () => {
    const root = tree({
      'hindsight.config.yaml': 'extends: alx\n',
      'team/.hindsightrc.json': '{}',
      'team/package.json': '{"hindsight": {}}',
      'team/hindsight.config.yaml': '{}',
      'team/sub/package.json': '{"hindsight": {}}',
      'team/sub/.hindsightrc.json': '{}',
    });
    expect(discoverConfig(path.join(root, 'team'))).toBe(path.join(root, 'team/hindsight.config.yaml'));
    expect(discoverConfig(path.join(root, 'team/sub'))).toBe(path.join(root, 'team/sub/.hindsightrc.json'));
    writeFileSync(path.join(root, 'team/hindsight.config.json'), '{}');
    expect(discoverConfig(path.join(root, 'team'))).toBe(path.join(root, 'team/hindsight.config.json'));
    expect(discoverConfig(root)).toBe(path.join(root, 'hindsight.config.yaml'));
  });

  it('skips a package.json without a hindsight key (and an unreadable one) and keeps looking up', () => {
    const root = tree({
      '.hindsightrc.json': '{"extends": "google-sre"}',
      'app/package.json': '{"name": "app", "version": "1.0.0"}',
      'app/web/package.json': '{ not json',
    });
    expect(discoverConfig(path.join(root, 'app/web'))).toBe(path.join(root, '.hindsightrc.json'));
    expect(loadConfig({ cwd: path.join(root, 'app') }, rules).preset).toBe('google-sre');
  });

  it('gives the defaults, rooted at the working directory, when there is no configuration', () => {
    const root = tree({ 'postmortems/a.md': CLEAN });
    const config = resolveConfig({}, null, root, rules);
    expect(config.preset).toBe('recommended');
    expect(config.content).toBe(path.join(root, 'postmortems'));
    expect(config.cacheFile).toBe(path.join(root, 'node_modules/.cache/hindsight/lint-cache.json'));
  });
});

describe('loadConfig', () => {
  it('--config overrides the discovered file, relative to the working directory', () => {
    const root = tree({
      'hindsight.config.json': '{"extends": "strict"}',
      'configs/alx.yaml': 'extends: alx\ncontent: ../essays\ncache: .cache/lint.json\n',
    });
    expect(loadConfig({ cwd: root }, rules).preset).toBe('strict');
    const config = loadConfig({ cwd: root, configFile: 'configs/alx.yaml' }, rules);
    expect(config.file).toBe(path.join(root, 'configs/alx.yaml'));
    expect(config.preset).toBe('alx');
    expect(config.root).toBe(path.join(root, 'configs'));
    expect(config.content).toBe(path.join(root, 'essays'));
    expect(config.cacheFile).toBe(path.join(root, 'configs/.cache/lint.json'));
  });

  it('reads an empty YAML file as the defaults', () => {
    const root = tree({ 'hindsight.config.yaml': '' });
    expect(loadConfig({ cwd: root }, rules).preset).toBe('recommended');
  });

  it('names the file, the JSON path and what was expected', () => {
    const file = '/repo/hindsight.config.json';
    expect(configError(() => validateConfig({ rules: { 'no-pii': ['warn', { allowDomains: 'x' }] } }, file, rules))).toBe(
      'Invalid configuration in /repo/hindsight.config.json: at /rules/no-pii/1/allowDomains: must be array.',
    );
    expect(configError(() => validateConfig({ rules: { 'no-pii': 'on' } }, file, rules))).toBe(
      'Invalid configuration in /repo/hindsight.config.json: at /rules/no-pii: must be "off", "warn", "error" or [severity, options], not "on".',
    );
    expect(configError(() => validateConfig({ extends: 'alx', ignore: 'archive/**' }, file, rules))).toBe(
      'Invalid configuration in /repo/hindsight.config.json: at /ignore: must be array.',
    );
    expect(configError(() => validateConfig({ requiredFrontmatter: ['id', 'id'] }, file, rules))).toMatch(
      /at \/requiredFrontmatter: must NOT have duplicate items/,
    );
    expect(configError(() => validateConfig({ extends: 'eslint:recommended' }, '/repo/package.json', rules))).toMatch(
      /^Invalid configuration in \/repo\/package\.json: at \/hindsight\/extends: must be one of "recommended", "strict", "google-sre", "alx"\.$/,
    );
    expect(configError(() => validateConfig({ timezone: 'Europe/Atlantis' }, file, rules))).toMatch(/at \/timezone: "Europe\/Atlantis" is not a time zone/);
    expect(configError(() => validateConfig({ frontmatterSchema: { properties: { id: { type: 'identifier' } } } }, file, rules))).toMatch(
      /at \/frontmatterSchema\/properties\/id\/type: must be one of "array", "boolean"/,
    );
  });

  it.each([
    ['an unknown key', { rulez: {} }, 'at /rulez: unknown key "rulez".'],
    ['a configuration that is not an object', ['strict'], 'at /: must be object.'],
    [
      'a value that is neither a severity nor [severity, options]',
      { rules: { 'no-pii': 5 } },
      'at /rules/no-pii: must be "off", "warn", "error" or [severity, options], not 5.',
    ],
    ['a wrong severity inside the array', { rules: { 'no-pii': ['loud'] } }, 'at /rules/no-pii/0: must be one of "off", "warn", "error".'],
    ['too many items', { rules: { 'no-pii': ['warn', {}, {}] } }, 'at /rules/no-pii: must NOT have more than 2 items.'],
    ['an unknown rule option', { rules: { 'word-count': ['error', { minimum: 10 }] } }, 'at /rules/word-count/1/minimum: unknown key "minimum".'],
    ['a rule option of the wrong type', { rules: { 'word-count': ['error', { min: -1 }] } }, 'at /rules/word-count/1/min: must be >= 0.'],
    [
      'an unknown section kind',
      { sectionAliases: { 'What broke': 'cause' } },
      'at /sectionAliases/What broke: must be one of "summary", "impact", "timeline", "detection", "root-cause", "resolution", "corrective-measures", "lessons-learned", "other".',
    ],
    ['an empty content folder', { content: '' }, 'at /content: must NOT have fewer than 1 characters.'],
  ])('%s', (_name, raw, expected) => {
    expect(configError(() => validateConfig(raw, '/repo/.hindsightrc.json', rules))).toBe(`Invalid configuration in /repo/.hindsightrc.json: ${expected}`);
  });

  it('a frontmatterSchema must be a JSON Schema ajv compiles, with known formats', () => {
    const at = (frontmatterSchema: Record<string, unknown>): string =>
      configError(() => validateConfig({ frontmatterSchema }, '/repo/hindsight.config.json', rules));
    expect(at({ type: 'text' })).toMatch(
      /^Invalid configuration in \/repo\/hindsight\.config\.json: expected a JSON Schema \(draft 2020-12\): at \/frontmatterSchema\/type: must be one of "array", /,
    );
    expect(at({ $ref: '#/$defs/missing' })).toMatch(
      /at \/frontmatterSchema: expected a JSON Schema ajv can compile: can't resolve reference #\/\$defs\/missing/,
    );
    expect(at({ properties: { opened: { format: 'when' } } })).toMatch(/at \/frontmatterSchema\/properties\/opened\/format: unknown format "when"/);
    expect(() =>
      validateConfig({ frontmatterSchema: { properties: { opened: { format: 'date' }, at: { format: 'hindsight-date-time' } } } }, '/x.json', rules),
    ).not.toThrow();
  });

  it('YAML and JSON syntax errors give the file, line and column', () => {
    const root = tree({
      'dup.yaml': 'extends: strict\nextends: alx\n',
      'tab.yaml': 'rules:\n\tno-pii: off\n',
      'bad.json': '{\n  "extends": "strict",\n}\n',
      'dir.json/x': '',
    });
    expect(configError(() => readConfigFile(path.join(root, 'dup.yaml')))).toBe(`Invalid YAML in ${root}/dup.yaml:2:1: Map keys must be unique.`);
    expect(configError(() => readConfigFile(path.join(root, 'tab.yaml')))).toMatch(new RegExp(`^Invalid YAML in ${root}/tab\\.yaml:2:1: `));
    expect(configError(() => readConfigFile(path.join(root, 'bad.json')))).toMatch(new RegExp(`^Invalid JSON in ${root}/bad\\.json: .*line 3 column 1`));
    expect(configError(() => readConfigFile(path.join(root, 'dir.json')))).toBe(`Cannot read configuration ${root}/dir.json: it is a folder.`);
    expect(configError(() => readConfigFile(path.join(root, 'none.json')))).toBe(`Cannot read configuration ${root}/none.json: no such file.`);
  });

  it('accepts every documented key', () => {
    const raw: RawConfig = {
      extends: 'google-sre',
      content: 'docs/postmortems',
      ignore: ['docs/postmortems/archive/**'],
      timezone: 'Europe/Berlin',
      sectionAliases: { 'What broke': 'root-cause' },
      requiredFrontmatter: ['id', 'severity'],
      frontmatterSchema: { properties: { team: { type: 'string' } }, required: ['team'] },
      cache: '.cache/hindsight.json',
      rules: { 'impact-quantified': 'off', 'action-items': ['error', { requireOwner: true, requireTicket: true }] },
    };
    expect(validateConfig({ $schema: './schema/config.schema.json', ...raw }, '/repo/hindsight.config.json', rules)).toBeTruthy();
    for (const timezone of ['UTC', 'EAT', '+03:00', 'UTC-5', 'America/New_York']) {
      expect(() => validateConfig({ timezone }, '/repo/hindsight.config.json', rules)).not.toThrow();
    }
  });
});

describe('presets and rule settings', () => {
  const severities = (config: RawConfig): Map<string, string> => new Map(resolveConfig(config, null, '/repo', rules).rules.map((r) => [r.rule.id, r.severity]));

  it('recommended is every rule at its default severity', () => {
    const active = severities({});
    for (const [id, rule] of rules) expect(active.get(id) ?? 'off').toBe(rule.severity);
  });

  it('strict makes every rule that is on an error', () => {
    const active = severities({ extends: 'strict' });
    expect(active.size).toBeGreaterThan(10);
    for (const severity of active.values()) expect(severity).toBe('error');
  });

  it('every preset resolves, and an override changes one rule', () => {
    for (const preset of PRESETS) expect(severities({ extends: preset }).size).toBeGreaterThan(0);
    const active = severities({ extends: 'strict', rules: { 'no-pii': 'warn', 'impact-quantified': 'off', 'canonical-headings': 'error' } });
    expect(active.get('no-pii')).toBe('warn');
    expect(active.has('impact-quantified')).toBe(false);
    expect(active.get('canonical-headings')).toBe('error');
  });

  it('alx requires 400–600 words and leaves the frontmatter alone', async () => {
    const recommended = await lintText(FIXABLE);
    expect(recommended.map((f) => f.ruleId)).toEqual(['frontmatter-schema']);
    const alx = await lintText(FIXABLE, { config: { extends: 'alx' } });
    expect(alx.map((f) => [f.ruleId, f.severity])).toEqual([['word-count', 2]]);
    expect(alx[0]!.message).toMatch(/400/);
    const long = FIXABLE.replace(
      '1,200 users saw errors.',
      `1,200 users saw errors. ${'The replica kept serving reads while the primary was down. '.repeat(40)}`,
    );
    expect((await lintText(long, { config: { extends: 'alx' } })).map((f) => f.ruleId)).toEqual([]);
  });

  it('strict turns warnings into errors and asks for more', async () => {
    const recommended = await lintText(WARN);
    expect(recommended.map((f) => [f.ruleId, f.severity])).toEqual([['blameless-language', 1]]);
    const strict = await lintText(WARN, { config: { extends: 'strict' } });
    expect(strict.every((f) => f.severity === 2)).toBe(true);
    expect(strict.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['blameless-language', 'required-sections', 'action-items']));
  });

  it("a rule's severity and options are overridden", async () => {
    const off = await lintText(WARN, { config: { rules: { 'blameless-language': 'off' } } });
    expect(off).toEqual([]);
    const error = await lintText(WARN, { config: { rules: { 'blameless-language': 'error' } } });
    expect(error.map((f) => f.severity)).toEqual([2]);
    const owners = await lintText(CLEAN, { config: { rules: { 'action-items': ['error', { requireOwner: true }] } } });
    expect(owners.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['action-items', 2, 25],
      ['action-items', 2, 26],
    ]);
    const extra = await lintText(CLEAN, { config: { rules: { 'blameless-language': ['warn', { extraWords: ['primary'] }] } } });
    expect(extra.map((f) => f.ruleId)).toEqual(['blameless-language', 'blameless-language']);
  });
});

describe('settings', () => {
  const noZone = CLEAN.replace(', from 2024-03-02 09:00 UTC to 2024-03-02 09:45 UTC', ', from 09:00 to 09:45 on March 2, 2024').replace(
    'All times UTC.\n\n',
    '',
  );

  it('timezone: the zone of times a document does not give', async () => {
    expect((await lintText(noZone)).map((f) => f.ruleId)).toContain('timezone');
    expect(await lintText(noZone, { config: { timezone: 'UTC' } })).toEqual([]);
  });

  it('sectionAliases: extra heading spellings', async () => {
    const own = CLEAN.replace('## Root Cause', '## What broke');
    expect((await lintText(own)).map((f) => f.message).join('\n')).toMatch(/Missing section: Root Cause/);
    expect(await lintText(own, { config: { sectionAliases: { 'What broke': 'root-cause' } } })).toEqual([]);
  });

  it('requiredFrontmatter: keys every postmortem must have', async () => {
    const findings = await lintText(CLEAN, { config: { requiredFrontmatter: ['id', 'severity'] } });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['frontmatter-schema', 2]]);
    expect(findings[0]!.message).toMatch(/"id"|\bid\b/);
  });

  it('frontmatterSchema: merged over the built-in one', async () => {
    const findings = await lintText(CLEAN, { config: { frontmatterSchema: { properties: { severity: { enum: ['P1', 'P2'] } } } } });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['frontmatter-schema', 2]]);
  });
});
