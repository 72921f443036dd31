// `hindsight lint --print-config FILE`: the configuration that applies to one file, resolved,
// as JSON, with where it came from; exit code 0, nothing linted.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR, expectNoStackTrace, expectOneParagraph, hindsight, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

interface Printed {
  filePath: string;
  configFile: string | null;
  from: string;
  ignoredBy: string | null;
  overridesApplied: number[];
  extends: string;
  content: string;
  rules: Record<string, [string, Record<string, unknown>]>;
}

async function printConfig(args: string[], cwd: string): Promise<Printed> {
  const run = await hindsight(['lint', '--print-config', ...args], cwd);
  expectNoStackTrace(run.stderr);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Printed;
}

describe.concurrent('lint --print-config', () => {
  it("prints the nearest configuration of the file's own folder, over its preset, with overrides matched by path and frontmatter", async () => {
    const root = project({
      'hindsight.config.json': '{"extends": "google-sre"}',
      'team/.hindsightrc.jsonc': `{
        "extends": "strict", // the team's
        "content": "incidents",
        "rules": { "action-items": ["warn", { "requireOwner": false }] },
        "overrides": [
          { "when": { "severity": "SEV1" }, "rules": { "blameless-language": "off" } },
          { "files": ["incidents/2019/**"], "rules": { "publish-lag": "off" } },
        ],
      }`,
      // An ERROR postmortem is a SEV2: the first override does not apply.
      'team/incidents/2025/a.md': ERROR,
      'team/incidents/2025/sev1.md': ERROR.replace('severity: SEV2', 'severity: SEV1'),
    });
    const [plain, sev1] = await Promise.all([
      printConfig(['team/incidents/2025/a.md'], root),
      printConfig(['incidents/2025/sev1.md'], path.join(root, 'team')),
    ]);
    expect(plain.filePath).toBe(path.join(root, 'team/incidents/2025/a.md'));
    expect(plain.configFile).toBe(path.join(root, 'team/.hindsightrc.jsonc'));
    expect(plain.from).toBe('nearest configuration file up from the file');
    expect(plain.extends).toBe('strict');
    expect(plain.content).toBe(path.join(root, 'team/incidents'));
    expect(plain.overridesApplied).toEqual([]);
    // strict makes blame an error and asks action items for an owner, a ticket and a due date; the team's rule setting merges over it.
    expect(plain.rules['action-items']).toEqual(['warn', { requireOwner: false, requireTicket: true, requireDue: true }]);
    expect(plain.rules['blameless-language']![0]).toBe('error');
    expect(sev1.overridesApplied).toEqual([0]);
    expect(sev1.rules['blameless-language']![0]).toBe('off');
  });

  it('says when no configuration file applies (the defaults), and --config replaces the lookup', async () => {
    const root = project({ 'other.yaml': 'extends: alx\n', 'notes/x.md': ERROR });
    const [defaults, given] = await Promise.all([printConfig(['notes/x.md'], root), printConfig(['notes/x.md', '--config', 'other.yaml'], root)]);
    expect(defaults.configFile).toBeNull();
    expect(defaults.from).toBe('defaults (no configuration file found)');
    expect(defaults.extends).toBe('recommended');
    expect(defaults.content).toBe(path.join(root, 'postmortems'));
    expect(given.configFile).toBe(path.join(root, 'other.yaml'));
    expect(given.from).toBe('--config');
    expect(given.extends).toBe('alx');
  });

  it('shows --rule as the run applies it: over the configuration and its overrides', async () => {
    const root = project({
      '.hindsightrc.json': '{"overrides": [{"files": ["postmortems/**"], "rules": {"blameless-language": "error"}}]}',
      'postmortems/a.md': ERROR,
    });
    const [plain, flagged] = await Promise.all([
      printConfig(['postmortems/a.md'], root),
      printConfig(['postmortems/a.md', '--rule', 'blameless-language: off', '--rule', 'word-count: [warn, {"min": 50}]'], root),
    ]);
    expect(plain.rules['blameless-language']![0]).toBe('error');
    expect(flagged.overridesApplied).toEqual([0]);
    expect(flagged.rules['blameless-language']![0]).toBe('off');
    expect(flagged.rules['word-count']).toEqual(['warn', expect.objectContaining({ min: 50 })]);
  });

  it('works for a file that does not exist yet, and tells when an ignore pattern leaves the file out', async () => {
    const root = project({ '.hindsightrc.json': '{}', '.hindsightignore': 'postmortems/old/\n', 'postmortems/old/a.md': ERROR });
    const [future, ignored] = await Promise.all([printConfig(['postmortems/new.md'], root), printConfig(['postmortems/old/a.md'], root)]);
    expect(future.configFile).toBe(path.join(root, '.hindsightrc.json'));
    expect(future.ignoredBy).toBeNull();
    expect(ignored.ignoredBy).toBe(path.join(root, '.hindsightignore'));
  });

  it('an invalid configuration is exit code 2, as when linting; other paths beside it are a usage error', async () => {
    const root = project({ '.hindsightrc.json': '{"extends": "loose"}', 'postmortems/a.md': ERROR });
    const [invalid, extra] = await Promise.all([
      hindsight(['lint', '--print-config', 'postmortems/a.md'], root),
      hindsight(['lint', '--print-config', 'postmortems/a.md', 'postmortems'], root),
    ]);
    expect(invalid.code).toBe(2);
    expectOneParagraph(invalid.stderr);
    expect(invalid.stderr).toContain('at /extends');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('--print-config prints the configuration of the one file it names');
    expect(extra.stdout).toBe('');
  });
});
