// Configuration looked up from each file's folder upward (as ESLint and markdownlint-cli2 do),
// not from the working folder: files of two folders with their own configurations are each
// linted with their own, on the main thread and in the worker pool; `--config` still applies
// to every file.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.ts';
import { MIN_FILES_FOR_WORKERS } from '../../src/lint/run.ts';
import { ERROR, WARN, expectNoStackTrace, expectOneParagraph, hindsight, parseJson, project, removeProjects, type JsonResult } from './helpers.ts';

afterAll(removeProjects);

/** Each file's (relative path →) rule ids with their severities, e.g. "blameless-language:2". */
function findings(root: string, results: readonly JsonResult[]): Record<string, string[]> {
  return Object.fromEntries(results.map((r) => [path.relative(root, r.filePath), r.messages.map((m) => `${m.ruleId}:${m.severity}`)]));
}

describe.concurrent('configuration looked up from each file', () => {
  it("files in two folders are each linted with their folder's configuration", async () => {
    const root = project({
      // The working folder's: what files with no configuration of their own get.
      'hindsight.config.json': '{"rules": {"blameless-language": "off"}}',
      'payments/postmortems/p.md': WARN,
      'payments/.hindsightrc.jsonc': '// payments: strict\n{"extends": "strict"}',
      'search/postmortems/s.md': WARN,
      'search/hindsight.config.yaml': 'rules:\n  blameless-language: warn\n',
      'postmortems/r.md': WARN,
    });
    const run = await hindsight(['lint', '--format', 'json', 'payments/postmortems/p.md', 'search/postmortems', 'postmortems/r.md'], root);
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(1);
    const byFile = findings(root, parseJson(run.stdout));
    // strict: the blame is an error, and all eight sections are required.
    expect(byFile['payments/postmortems/p.md']).toContain('blameless-language:2');
    expect(byFile['payments/postmortems/p.md']!.some((f) => f.startsWith('required-sections:'))).toBe(true);
    expect(byFile['search/postmortems/s.md']).toEqual(['blameless-language:1']);
    expect(byFile['postmortems/r.md']).toEqual([]);
  });

  it('the same holds from any working folder, and for the content folder with no paths', async () => {
    const root = project({
      'hindsight.config.json': '{"rules": {"blameless-language": "off"}}',
      'postmortems/top.md': WARN,
      'postmortems/legacy/.hindsightrc.json': '{"rules": {"blameless-language": "error"}}',
      'postmortems/legacy/old.md': WARN,
    });
    const [fromRoot, fromInside] = await Promise.all([
      hindsight(['lint', '--format', 'json'], root),
      hindsight(['lint', '--format', 'json', 'old.md', '../top.md'], path.join(root, 'postmortems', 'legacy')),
    ]);
    for (const run of [fromRoot, fromInside]) {
      expectNoStackTrace(run.stderr);
      expect(run.code).toBe(1);
      expect(findings(root, parseJson(run.stdout))).toEqual({ 'postmortems/legacy/old.md': ['blameless-language:2'], 'postmortems/top.md': [] });
    }
  });

  it('--config applies one file to every file, whatever lies beside them', async () => {
    const root = project({
      'one.json': '{"rules": {"blameless-language": "off"}}',
      'a/.hindsightrc.json': '{"extends": "strict"}',
      'a/p.md': WARN,
      'b/q.md': WARN,
    });
    const run = await hindsight(['lint', '--format', 'json', '--config', 'one.json', 'a', 'b'], root);
    expect(run.code).toBe(0);
    expect(findings(root, parseJson(run.stdout))).toEqual({ 'a/p.md': [], 'b/q.md': [] });
  });

  it("a nested configuration's content folder, ignore and overrides are relative to its own folder", async () => {
    const root = project({
      'team/hindsight.config.json': JSON.stringify({
        ignore: ['postmortems/skip.md'],
        overrides: [{ files: ['postmortems/sev1/**'], rules: { 'blameless-language': 'error' } }],
      }),
      'team/postmortems/skip.md': ERROR,
      'team/postmortems/sev1/a.md': WARN,
      'team/postmortems/b.md': WARN,
    });
    const run = await hindsight(['lint', '--format', 'json', 'team/postmortems'], root);
    expectNoStackTrace(run.stderr);
    expect(findings(root, parseJson(run.stdout))).toEqual({
      'team/postmortems/b.md': ['blameless-language:1'],
      'team/postmortems/sev1/a.md': ['blameless-language:2'],
    });
  });

  it("inspect reads a file with its folder's configuration too", async () => {
    const root = project({
      'team/.hindsightrc.json': '{"sectionAliases": {"What broke": "root-cause"}}',
      'team/p.md': '# Outage\n\n## What broke\n\nA full disk.\n',
    });
    const run = await hindsight(['inspect', '--format', 'json', 'team/p.md'], root);
    expect(run.code).toBe(0);
    const sections = (JSON.parse(run.stdout) as { sections: { kind: string; heading: string }[] }).sections;
    expect(sections.find((s) => s.heading === 'What broke')?.kind).toBe('root-cause');
  });

  it('an invalid configuration beside one of the files stops the run with exit code 2, naming it', async () => {
    const root = project({ 'a/p.md': WARN, 'b/.hindsightrc.json': '{"extends": "loose"}', 'b/q.md': WARN });
    const run = await hindsight(['lint', 'a', 'b'], root);
    expect(run.code).toBe(2);
    expectOneParagraph(run.stderr);
    expect(run.stderr).toContain(`Invalid configuration in ${path.join(root, 'b', '.hindsightrc.json')}: at /extends`);
  });
});

describe.skipIf(availableParallelism() < 2)('configuration looked up from each file, in the worker pool', () => {
  it('each folder of a run large enough for worker threads gets its own configuration, as on the main thread', async () => {
    const root = project({
      // Blame an error in the working folder's configuration…
      'hindsight.config.json': '{"rules": {"blameless-language": "error"}}',
      // …and a warning in the large folder's: a thread that looked from the working folder would make it an error.
      'large/.hindsightrc.json': '{"rules": {"blameless-language": "warn"}}',
      'small/p.md': WARN,
    });
    generateArchive(path.join(root, 'large', 'postmortems'), MIN_FILES_FOR_WORKERS + 10, 7);
    writeFileSync(path.join(root, 'large', 'postmortems', 'blame.md'), WARN);
    const [pooled, mainThread] = await Promise.all([
      // In worker threads from MIN_FILES_FOR_WORKERS files, whatever the cores (two cores wait for more).
      hindsight(['lint', '--format', 'json', 'large', 'small'], root, { HINDSIGHT_WORKERS: '1' }),
      hindsight(['lint', '--format', 'json', 'large', 'small'], root, { HINDSIGHT_WORKERS: '0' }),
    ]);
    expectNoStackTrace(pooled.stderr);
    expect(pooled.stdout).toBe(mainThread.stdout);
    const results = parseJson(pooled.stdout);
    expect(results).toHaveLength(MIN_FILES_FOR_WORKERS + 12);
    expect(
      findings(
        root,
        results.filter((r) => r.filePath.endsWith('blame.md')),
      ),
    ).toEqual({ 'large/postmortems/blame.md': ['blameless-language:1'] });
    expect(
      findings(
        root,
        results.filter((r) => r.filePath.endsWith('p.md')),
      ),
    ).toEqual({ 'small/p.md': ['blameless-language:2'] });
  });
});
