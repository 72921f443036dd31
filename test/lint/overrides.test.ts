// Overrides: settings chosen by frontmatter values and file globs, resolved per file.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig, validateConfig, type RawConfig } from '../../src/lint/config/load.ts';
import { everyActiveRule, overrideResolver } from '../../src/lint/overrides.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter } from '../../src/lint/linter.ts';
import { archiveNeed, lintRun } from '../../src/lint/run.ts';
import { CLEAN } from '../cli/helpers.ts';

const rules = await loadRules();
const NOW = new Date('2026-11-21T12:00:00Z');
const ROOT = '/archive';

const SEV = {
  when: { severity: ['SEV1', 'SEV2'] },
  rules: { 'action-items': ['error', { requireOwner: true, requireTicket: true }] },
  requiredSections: ['summary', 'impact', 'timeline', 'detection', 'root-cause', 'corrective-measures', 'lessons-learned'],
} as const;

function config(raw: RawConfig) {
  return resolveConfig(validateConfig(JSON.parse(JSON.stringify(raw)), 'hindsight.config.json', rules), path.join(ROOT, 'hindsight.config.json'), ROOT, rules);
}

function setting(active: ReturnType<ReturnType<typeof overrideResolver>['rulesFor']>, id: string) {
  const found = active.find((a) => a.rule.id === id);
  return found ? { severity: found.severity, options: found.options } : 'off';
}

describe('overrides', () => {
  it('selects by frontmatter value (any of a list, case aside); later overrides win and their options merge over the base', () => {
    const resolved = config({
      rules: { 'action-items': ['warn', { requireDue: true }] },
      overrides: [SEV as never, { files: ['postmortems/2025/**'], rules: { 'action-items': ['warn', { requireTicket: false }] } }],
    });
    const resolver = overrideResolver(resolved, rules);
    const file = path.join(ROOT, 'postmortems/2024/a.md');
    expect(setting(resolver.rulesFor(file, { severity: 'SEV4' }), 'action-items')).toEqual({
      severity: 'warn',
      options: { requireOwner: false, requireTicket: false, requireDue: true },
    });
    expect(setting(resolver.rulesFor(file, { severity: 'sev1' }), 'action-items')).toEqual({
      severity: 'error',
      options: { requireOwner: true, requireTicket: true, requireDue: true },
    });
    expect(setting(resolver.rulesFor(file, { severity: 'SEV2' }), 'required-sections')).toEqual({
      severity: 'error',
      options: { sections: SEV.requiredSections },
    });
    const in2025 = path.join(ROOT, 'postmortems/2025/b.md');
    expect(resolver.matching(in2025, { severity: 'SEV1' })).toEqual([0, 1]);
    expect(setting(resolver.rulesFor(in2025, { severity: 'SEV1' }), 'action-items')).toEqual({
      severity: 'warn',
      options: { requireOwner: true, requireTicket: false, requireDue: true },
    });
    expect(setting(resolver.rulesFor(in2025, null), 'action-items')).toEqual({
      severity: 'warn',
      options: { requireOwner: false, requireTicket: false, requireDue: true },
    });
    // No frontmatter, no severity, another value: the base.
    for (const fm of [null, {}, { severity: 'SEV3' }, { severity: ['SEV3'] }]) expect(resolver.rulesFor(file, fm)).toBe(resolved.rules);
  });

  it('resolves each set of matching overrides once', () => {
    const resolver = overrideResolver(config({ overrides: [SEV as never] }), rules);
    const a = resolver.rulesFor(path.join(ROOT, 'postmortems/a.md'), { severity: 'SEV1' });
    expect(resolver.rulesFor(path.join(ROOT, 'postmortems/b.md'), { severity: 'SEV2' })).toBe(a);
  });

  it('every "when" key must match; a frontmatter list matches when any item does; files outside the root never match a glob', () => {
    const resolver = overrideResolver(
      config({
        overrides: [
          { when: { services: 'checkout-api', severity: 'SEV1' }, rules: { 'word-count': 'warn' } },
          { files: ['**/*.md'], rules: { timezone: 'off' } },
        ],
      }),
      rules,
    );
    const file = path.join(ROOT, 'postmortems/a.md');
    expect(resolver.matching(file, { services: ['search', 'Checkout-API'], severity: 'SEV1' })).toEqual([0, 1]);
    expect(resolver.matching(file, { services: ['search'], severity: 'SEV1' })).toEqual([1]);
    expect(resolver.matching(file, { services: 'checkout-api', severity: 'SEV2' })).toEqual([1]);
    expect(resolver.matching('/elsewhere/a.md', { services: 'checkout-api', severity: 'SEV1' })).toEqual([0]);
  });

  it('requiredSections turns required-sections on when the base has it off', () => {
    const resolver = overrideResolver(
      config({ rules: { 'required-sections': 'off' }, overrides: [{ when: { severity: 'SEV1' }, requiredSections: ['summary', 'impact'] }] }),
      rules,
    );
    expect(setting(resolver.rulesFor(path.join(ROOT, 'a.md'), { severity: 'SEV4' }), 'required-sections')).toBe('off');
    expect(setting(resolver.rulesFor(path.join(ROOT, 'a.md'), { severity: 'SEV1' }), 'required-sections')).toEqual({
      severity: 'error',
      options: { sections: ['summary', 'impact'] },
    });
  });

  it("requiredSections applies after the override's own rules: their severity stands, and a later override's off wins", () => {
    const file = path.join(ROOT, 'a.md');
    const warned = overrideResolver(
      config({ overrides: [{ rules: { 'required-sections': ['warn', { sections: ['impact'] }] }, requiredSections: ['summary'] }] }),
      rules,
    );
    expect(setting(warned.rulesFor(file, null), 'required-sections')).toEqual({ severity: 'warn', options: { sections: ['summary'] } });
    const later = overrideResolver(config({ overrides: [{ requiredSections: ['summary'] }, { rules: { 'required-sections': 'off' } }] }), rules);
    expect(setting(later.rulesFor(file, null), 'required-sections')).toBe('off');
  });

  it('the linter applies them per document', () => {
    const linter = createLinter(config({ overrides: [SEV as never] }), rules, NOW);
    const ids = (text: string) => linter.lint(path.join(ROOT, 'postmortems/x.md'), text).map((f) => `${f.ruleId}:${f.severity}`);
    expect(ids(CLEAN)).toEqual(expect.arrayContaining(['required-sections:2']));
    expect(ids(CLEAN).filter((id) => id.startsWith('required-sections'))).toHaveLength(3); // impact, detection, lessons learned
    expect(ids(CLEAN.replace('severity: SEV2', 'severity: SEV4'))).toEqual([]);
  });

  it('a cross-file rule turned on only by an override loads the archive', () => {
    expect(archiveNeed(config({ rules: { 'unique-id': 'off', 'related-links': 'off' } }), rules)).toBeNull();
    const raw: RawConfig = {
      rules: { 'unique-id': 'off', 'related-links': 'off' },
      overrides: [{ when: { severity: 'SEV1' }, rules: { recurrence: 'warn' } }],
    };
    expect(archiveNeed(config(raw), rules)).toBe('root-cause');
    expect(everyActiveRule(config(raw), rules).map((a) => a.rule.id)).toContain('recurrence');
    expect(archiveNeed(config({}), rules)).toBe('index');
  });

  it('is validated by the configuration schema, with JSON paths into the override', () => {
    const invalid = (raw: unknown): string => {
      try {
        validateConfig(raw, 'h.json', rules);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    const message = invalid({
      overrides: [
        { when: { severity: { a: 1 } }, rules: { nope: 'warn', 'action-items': ['error', { requireOwner: 'yes' }] }, requiredSections: ['other'], extra: 1 },
      ],
    });
    expect(message).toContain('at /overrides/0/extra: unknown key "extra"');
    expect(message).toContain('at /overrides/0/rules/nope: unknown rule "nope" (known: action-item-overdue,');
    expect(message).toContain('at /overrides/0/rules/action-items/1/requireOwner: must be boolean');
    expect(message).toContain('at /overrides/0/requiredSections/0: must be one of "summary"');
    expect(message).toContain('at /overrides/0/when/severity');
    expect(invalid({ overrides: [{ rules: { 'timeline-order': 'loud' } }] })).toContain(
      'at /overrides/0/rules/timeline-order: must be "off", "warn", "error" or [severity, options], not "loud"',
    );
    expect(invalid({ overrides: {} })).toContain('at /overrides: must be array');
    expect(validateConfig({ overrides: [SEV] }, 'h.json', rules)).toBeTruthy();
  });
});

describe('overrides in a lint run', () => {
  const temporary: string[] = [];
  afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("a SEV1 needs more than a SEV4, and only postmortems under the glob get the glob's settings", async () => {
    const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-overrides-')));
    temporary.push(root);
    const write = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    };
    write(
      'hindsight.config.yaml',
      'overrides:\n  - when: {severity: [SEV1, SEV2]}\n    requiredSections: [summary, timeline, root-cause, corrective-measures, impact]\n  - files: ["postmortems/2025/**"]\n    rules: {word-count: [error, {min: 1000}]}\n',
    );
    write('postmortems/2024/sev2.md', CLEAN);
    write('postmortems/2024/sev4.md', CLEAN.replace('SEV2', 'SEV4'));
    write('postmortems/2025/sev4.md', CLEAN.replace('SEV2', 'SEV4'));
    const run = await lintRun({ cwd: root, now: NOW });
    const byFile = Object.fromEntries(
      run.results.map((r) => [path.relative(root, r.filePath), r.messages.map((m) => `${m.ruleId}: ${m.message.split('.')[0]}`)]),
    );
    expect(byFile).toEqual({
      'postmortems/2024/sev2.md': ['required-sections: Missing section: Impact'],
      'postmortems/2024/sev4.md': [],
      'postmortems/2025/sev4.md': [expect.stringMatching(/^word-count: /)],
    });
    expect(run.results.find((r) => r.filePath.endsWith('2025/sev4.md'))!.errorCount).toBe(1);
  });
});

describe('the review life cycle every preset ships (status: draft → in-review → final)', () => {
  const file = path.join(ROOT, 'postmortems/a.md');
  const severities = (raw: RawConfig, frontmatter: Record<string, unknown> | null) => {
    const active = overrideResolver(config(raw), rules).rulesFor(file, frontmatter);
    return (id: string) => setting(active, id);
  };
  const severityOf = (s: ReturnType<typeof setting>) => (s === 'off' ? 'off' : s.severity);

  it('a draft (any common spelling, case aside) warns where a finished postmortem errs, and keeps errors on what is written wrong', () => {
    for (const status of ['draft', 'Draft', 'WIP']) {
      const of = severities({}, { status });
      for (const id of ['frontmatter-schema', 'required-sections', 'no-placeholder']) expect(severityOf(of(id)), `${status}: ${id}`).toBe('warn');
      for (const id of ['timeline-order', 'no-secrets', 'date-consistency']) expect(severityOf(of(id)), `${status}: ${id}`).toBe('error');
    }
    const strict = severities({ extends: 'strict' }, { status: 'draft' });
    expect(severityOf(strict('empty-section'))).toBe('warn');
    expect(severityOf(strict('blameless-language'))).toBe('error');
  });

  it('in review, only what the review settles stays a warning; final, published or no status is the preset as it is', () => {
    const review = severities({ extends: 'strict' }, { status: 'in review' });
    expect(severityOf(review('action-items'))).toBe('warn');
    expect(severityOf(review('empty-section'))).toBe('error');
    expect(severityOf(review('no-placeholder'))).toBe('error');
    const strict = config({ extends: 'strict' });
    const resolver = overrideResolver(strict, rules);
    for (const frontmatter of [{ status: 'final' }, { status: 'published' }, { status: 'complete' }, { severity: 'SEV2' }, null]) {
      expect(resolver.rulesFor(file, frontmatter), JSON.stringify(frontmatter)).toBe(strict.rules);
    }
  });

  it("only lowers: a rule the configuration turned off stays off in a draft, and the configuration's own overrides win", () => {
    const alx = severities({ extends: 'alx' }, { status: 'draft' });
    expect(alx('frontmatter-schema')).toBe('off');
    expect(severityOf(alx('word-count'))).toBe('warn');
    const off = severities({ rules: { 'no-placeholder': 'off' } }, { status: 'draft' });
    expect(off('no-placeholder')).toBe('off');
    const own = severities({ overrides: [{ when: { status: 'draft' }, rules: { 'no-placeholder': 'error' } }] }, { status: 'draft' });
    expect(severityOf(own('no-placeholder'))).toBe('error');
    expect(severityOf(own('empty-section'))).toBe('warn');
  });

  it('the linter applies it per document, without any override in the configuration', () => {
    const linter = createLinter(config({}), rules, NOW);
    const missing = CLEAN.replace(/## Timeline[\s\S]*?(?=\n## )/, '');
    const required = (text: string) =>
      linter
        .lint(file, text)
        .filter((f) => f.ruleId === 'required-sections')
        .map((f) => f.severity);
    expect(required(missing)).toEqual([2]);
    expect(required(missing.replace('severity: SEV2', 'severity: SEV2\nstatus: draft'))).toEqual([1]);
  });
});
