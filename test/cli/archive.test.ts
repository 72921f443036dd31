// The cross-file rules through the real CLI, as a pre-commit hook runs them: one file of the
// fixture archive linted alone is still checked against the others. And a one-file lint
// with every cross-file rule off loads nothing of the archive.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyArchive, removeArchives } from '../fixtures/archive.ts';
import { CLI, expectNoStackTrace, hindsight, parseJson } from './helpers.ts';

afterAll(removeArchives);

describe.concurrent('cross-file rules from the command line', () => {
  it('a hook linting one file sees the whole archive: unique-id, related-links, recurrence', async () => {
    const root = copyArchive();
    const search = await hindsight(['lint', '--format', 'json', 'postmortems/2025-03-01-search-outage.md'], root);
    expect(search.code).toBe(1);
    const [result] = parseJson(search.stdout);
    expect(result!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['2 unique-id', '8 related-links', '29 related-links']);
    expect(result!.messages[0]!.message).toContain('postmortems/2024-08-02-card-declines.md');

    const again = await hindsight(['lint', '--format', 'json', 'postmortems/2025-02-11-checkout-pool-again.md'], root);
    expect(again.code).toBe(0);
    expect(parseJson(again.stdout)[0]!.messages.map((m) => m.ruleId)).toEqual(['recurrence']);
    expectNoStackTrace(search.stderr + again.stderr);
  });

  it('with every cross-file rule off, a one-file lint loads nothing of the archive', () => {
    const root = copyArchive();
    writeFileSync(path.join(root, 'hindsight.config.json'), '{"rules": {"unique-id": "off", "related-links": "off"}}');
    const log = path.join(root, 'modules.txt');
    const hook = path.join(root, 'record.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\nregisterHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); } });\n`,
    );
    const run = spawnSync(process.execPath, ['--import', hook, CLI, 'lint', 'postmortems/2025-03-01-search-outage.md'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((url) => url.endsWith('/src/lint/run.ts'))).toBe(true);
    expect(loaded.filter((url) => /\/src\/lint\/(archive-index|baseline|pool)\.ts$/.test(url))).toEqual([]);
  });
});
