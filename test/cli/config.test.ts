// Configuration and file selection through the process: discovery from the working
// directory up, --config, the content folder and what replaces it, ignores.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, WARN, expectNoStackTrace, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

describe.concurrent('configuration discovery through the process', () => {
  it.each([
    // All four kinds are found the same way (test/lint/config.test.ts runs each in process).
    ['hindsight.config.yaml', 'extends: strict\ncontent: docs/incidents\n'],
    ['package.json', '{"name": "ops", "private": true, "hindsight": {"extends": "strict", "content": "docs/incidents"}}'],
  ])('%s is found from a nested working directory', async (name, text) => {
    const root = project({
      [name]: text,
      'docs/incidents/2024/a.md': WARN,
      // Not in the content folder: never linted without being named.
      'postmortems/b.md': ERROR,
      // A package.json without a hindsight key, between the working directory and the configuration.
      'docs/package.json': '{"name": "docs"}',
    });
    const run = await hindsight(['lint', '--format', 'json'], path.join(root, 'docs', 'incidents', '2024'));
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(1);
    const results = parseJson(run.stdout);
    expect(results.map((r) => r.filePath)).toEqual([path.join(root, 'docs/incidents/2024/a.md')]);
    // strict: the blameless-language warning is an error, and all eight sections are required.
    const messages = results[0]!.messages;
    expect(messages.find((m) => m.ruleId === 'blameless-language')?.severity).toBe(2);
    expect(messages.filter((m) => m.ruleId === 'required-sections').length).toBeGreaterThan(0);
  });

  it('--config overrides the discovered file', async () => {
    const root = project({
      'hindsight.config.json': '{"extends": "strict"}',
      'relaxed.yaml': 'rules:\n  blameless-language: "off"\n',
      'postmortems/a.md': WARN,
    });
    // Discovered, strict would make the blameless-language warning an error (exit 1).
    const overridden = await hindsight(['lint', '--format', 'json', '--config', 'relaxed.yaml'], root);
    expect(overridden.code).toBe(0);
    expect(parseJson(overridden.stdout)[0]!.messages).toEqual([]);
  });

  it('files named on the command line replace the content folder', async () => {
    const root = project({
      'postmortems/clean.md': CLEAN,
      'postmortems/error.md': ERROR,
      'postmortems/warn.md': WARN,
      'drafts/new.md': CLEAN,
    });
    const [one, glob] = await Promise.all([
      hindsight(['lint', '--format', 'json', 'postmortems/clean.md'], root),
      hindsight(['lint', '--format', 'json', 'postmortems/*n.md', 'drafts'], root),
    ]);
    expect(one.code).toBe(0);
    expect(parseJson(one.stdout).map((r) => r.filePath)).toEqual([path.join(root, 'postmortems/clean.md')]);
    expect(glob.code).toBe(0);
    expect(parseJson(glob.stdout).map((r) => path.relative(root, r.filePath))).toEqual(['drafts/new.md', 'postmortems/clean.md', 'postmortems/warn.md']);
  });

  it('.gitignore and the ignore globs are honoured', async () => {
    const root = project({
      'hindsight.config.yaml': 'ignore:\n  - postmortems/archive/**\n',
      '.gitignore': 'node_modules/\npostmortems/*.draft.md\n',
      'postmortems/a.md': CLEAN,
      'postmortems/b.draft.md': ERROR,
      'postmortems/archive/old.md': ERROR,
    });
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code).toBe(0);
    expect(parseJson(run.stdout).map((r) => path.relative(root, r.filePath))).toEqual(['postmortems/a.md']);
  });
});
