import { describe, expect, it } from 'vitest';
import { validatorFor } from '../../rules/frontmatter-schema.ts';
import type { LintSettings } from '../../src/lint/rule.ts';
import { fixText, lintText, TEST_NOW } from '../helpers/lint-text.ts';

type Settings = Partial<LintSettings>;
const run = async (markdown: string, settings?: Settings) =>
  (await lintText(markdown, { only: { 'frontmatter-schema': {} }, settings })).filter((f) => f.ruleId === 'frontmatter-schema');
const doc = (yaml: string) => `---\n${yaml}\n---\n# Outage\n`;
const settingsOf = (s: Settings): LintSettings => ({ timezone: null, requiredFrontmatter: [], frontmatterSchema: null, now: TEST_NOW, ...s });

describe('frontmatter-schema', () => {
  it('accepts the date-time forms the project reads, and rejects the rest', async () => {
    const good = [
      '2024-05-10T09:00:00Z',
      '2024-05-10T09:00Z',
      '2024-05-10T09:00',
      '2024-05-10T09:00:00.250+02:00',
      '2024-05-10T09:00:00-0800',
      '2024-05-10 09:00 UTC',
      '2024-05-10 09:00 EAT',
      '2024-05-10 09:00',
    ];
    for (const value of good) expect(await run(doc(`incident_start: "${value}"`)), value).toEqual([]);
    const bad = [
      'yesterday',
      '09:00',
      '2024-05-10',
      'May 10, 2024 9:00 AM',
      '2024-13-10T09:00Z',
      '2024-02-30T09:00Z',
      '2024-05-10T25:00Z',
      '2024-05-10 09:00 garbage',
    ];
    for (const value of bad) {
      const findings = await run(doc(`incident_start: "${value}"`));
      expect(findings, value).toHaveLength(1);
      expect(findings[0]!.message).toContain('incident_start must be a date and time such as 2024-05-10T09:00:00Z');
    }
  });

  it("checks the zone with the project's zone reader", async () => {
    for (const zone of ['UTC', 'EAT', 'Europe/Berlin', '+03:00', 'UTC+3', 'Eastern Time']) expect(await run(doc(`timezone: ${zone}`)), zone).toEqual([]);
    expect((await run(doc('timezone: Mars/Olympus')))[0]!.message).toBe(
      'timezone must be a time zone such as UTC, EAT, +03:00 or Europe/Berlin; found "Mars/Olympus".',
    );
  });

  it('stands at the line of the key, also for an error inside a list', async () => {
    const findings = await run(doc('title: Outage\nauthors:\n  - ana\n  - 42\ntags: database\nrelated: [INC-1, 7]\ndate: 2024-02-30\nid: 17'));
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [3, 1, 'authors must be a non-empty string or a list of strings; found ["ana",42].'],
      [7, 1, 'related must be a list of strings; found ["INC-1",7].'],
      [8, 1, 'date must be a date written YYYY-MM-DD, with or without a time (2024-05-10T09:00:00Z, 2024-05-10 09:00 UTC); found "2024-02-30".'],
    ]);
  });

  it('accepts what status pages write: a date with a time, resolved: true, a status, one tag', async () => {
    expect(
      await run(doc('title: API errors\ndate: 2024-03-02 19:40:00\nresolved: true\nresolvedWhen: 2024-03-02T20:45:00+00:00\nstatus: resolved\ntags: api')),
    ).toEqual([]);
  });

  it('reports YAML errors at their line and column', async () => {
    const findings = await run('---\ntitle: ok\nseverity: [SEV2\n---\n# Outage\n');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.messageId).toBe('invalidYaml');
    expect(findings[0]!.line).toBeGreaterThanOrEqual(3);
    const duplicate = await run('---\ntitle: a\ntitle: b\n---\n# Outage\n');
    expect(duplicate).toMatchObject([{ line: 3, column: 1, messageId: 'invalidYaml' }]);
  });

  it('fixes a severity written in another case or spacing, and nothing else', async () => {
    for (const [written, fixed] of [
      ['sev2', 'SEV2'],
      ['Sev2', 'SEV2'],
      ['"sev-3"', '"SEV3"'],
      ["'SEV 1'", "'SEV1'"],
    ] as const) {
      const source = doc(`title: Outage # sev2 stays\nseverity: ${written}   # keep this comment`);
      const findings = await run(source);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.message).toContain(`: write "${fixed.replace(/["']/g, '')}"`);
      expect(await fixText(source, { only: { 'frontmatter-schema': {} } })).toBe(doc(`title: Outage # sev2 stays\nseverity: ${fixed}   # keep this comment`));
    }
    const unfixable = doc('severity: 2');
    expect((await run(unfixable))[0]!.message).toBe('severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5; found 2.');
    expect(await fixText(unfixable, { only: { 'frontmatter-schema': {} } })).toBe(unfixable);
  });

  it('merges the configuration: properties replace or add, required keys add', async () => {
    const settings: Settings = {
      requiredFrontmatter: ['owner'],
      frontmatterSchema: { properties: { severity: { enum: ['P0', 'P1', 'P2', 'P3', 'P4'] }, team: { type: 'string' } }, required: ['team'] },
    };
    expect(await run(doc('severity: P1\nowner: ana\nteam: payments'), settings)).toEqual([]);
    const findings = await run(doc('severity: SEV1\nteam: 7'), settings);
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [1, 'Missing frontmatter key "owner": the configuration requires it.'],
      [2, 'severity must be one of P0, P1, P2, P3, P4; found "SEV1".'],
      [3, 'team must be a string; found 7.'],
    ]);
    // Fixing follows the configured values: "p1" → "P1".
    expect(await fixText(doc('severity: p1\nowner: a\nteam: b'), { only: { 'frontmatter-schema': {} }, settings })).toBe(
      doc('severity: P1\nowner: a\nteam: b'),
    );
  });

  it('asks for frontmatter only when something is required', async () => {
    expect(await run('# Outage\n')).toEqual([]);
    expect(await run('# Outage\n', { requiredFrontmatter: ['severity', 'status'] })).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        message: 'No frontmatter: the configuration requires severity, status. Add a "---" block at the top of the file with these keys.',
      }),
    ]);
  });

  it('reports unknown keys only when the configuration closes the schema', async () => {
    expect(await run(doc('cost_center: payments'))).toEqual([]);
    expect(await run(doc('title: a\ncost_center: payments'), { frontmatterSchema: { additionalProperties: false } })).toMatchObject([
      { line: 3, column: 1, endColumn: 22, messageId: 'unknownKey' },
    ]);
  });

  it('reports an invalid configured schema once per file instead of throwing', async () => {
    expect(await run(doc('title: a'), { frontmatterSchema: { properties: { severity: { type: 'no-such-type' } } } })).toMatchObject([
      { line: 1, column: 1, messageId: 'invalidSchema' },
    ]);
  });

  it('compiles each distinct schema once, keyed by the configuration, not per file', () => {
    const a = validatorFor(settingsOf({ frontmatterSchema: { properties: { team: { type: 'string' } } } }));
    const b = validatorFor(settingsOf({ frontmatterSchema: { properties: { team: { type: 'string' } } } }));
    const c = validatorFor(settingsOf({ frontmatterSchema: { properties: { team: { type: 'integer' } } } }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(validatorFor(settingsOf({}))).toBe(validatorFor(settingsOf({ now: new Date(0) })));
  });
});
