// `hindsight lint --cache` through the process. `--timing` shows which rules ran: on a run
// answered from the cache, none did.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, WARN, expectNoStackTrace, expectOneParagraph, hindsight, project, removeProjects, writeFiles } from './helpers.ts';

afterAll(removeProjects);

/** Rule rows of the `--timing` table on stderr. */
function timedRules(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /^[a-z-]+ +\| +[\d.]+ \|/.test(line))
    .map((line) => line.split(' ')[0]!);
}

const CACHE = 'node_modules/.cache/hindsight/lint-cache.json';

describe.concurrent('lint --cache', () => {
  it('the second run lints nothing and prints the same; a changed file is linted again, alone', async () => {
    const root = project({ 'hindsight.config.json': '{}', 'postmortems/a.md': WARN, 'postmortems/b.md': ERROR });
    const args = ['lint', '--cache', '--timing', '--format', 'json'];
    const first = await hindsight(args, root);
    expect(first.code).toBe(1);
    expect(timedRules(first.stderr)).toEqual(expect.arrayContaining(['timeline-order', 'blameless-language', 'no-secrets']));
    expect(existsSync(path.join(root, CACHE))).toBe(true);

    const second = await hindsight(args, root);
    expect(second.code).toBe(1);
    expect(timedRules(second.stderr)).toEqual([]);
    expect(second.stdout).toBe(first.stdout);

    // Only the cache can say this about a.md: if a.md were linted again, it would be gone.
    const cacheFile = path.join(root, CACHE);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: Record<string, { messages: { message: string }[] }> };
    stored.files[path.join(root, 'postmortems/a.md')]!.messages[0]!.message = 'remembered by the cache';
    writeFileSync(cacheFile, JSON.stringify(stored));
    writeFiles(root, { 'postmortems/b.md': CLEAN });
    const third = await hindsight(['lint', '--cache'], root);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('remembered by the cache');
    expect(third.stdout).not.toContain('timeline-order');

    // A changed configuration invalidates the cache: a.md is linted again.
    writeFiles(root, { 'hindsight.config.json': '{"rules": {"timezone": "error"}}' });
    const fourth = await hindsight(['lint', '--cache', '--timing'], root);
    expect(fourth.stdout).not.toContain('remembered by the cache');
    expect(fourth.stdout).toContain('Ana should have');
    expect(timedRules(fourth.stderr).length).toBeGreaterThan(10);
    expectNoStackTrace(first.stderr + second.stderr + third.stderr + fourth.stderr);
  });

  it('keeps its file where the configuration\'s "cache" says (a file, or a folder)', async () => {
    const root = project({ 'hindsight.config.json': '{"cache": ".cache/"}', 'postmortems/a.md': CLEAN });
    const run = await hindsight(['lint', '--cache'], root);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, '.cache/lint-cache.json'))).toBe(true);
    expect(existsSync(path.join(root, CACHE))).toBe(false);
  });

  it('without --cache, no cache file is written', async () => {
    const root = project({ 'postmortems/a.md': CLEAN });
    expect((await hindsight(['lint'], root)).code).toBe(0);
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
  });

  it('a cache file it cannot write: exit 2, one paragraph, no stack trace', async () => {
    const root = project({ 'hindsight.config.json': '{"cache": "postmortems/a.md/cache.json"}', 'postmortems/a.md': CLEAN });
    const run = await hindsight(['lint', '--cache'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Cannot write the cache file ${root}/postmortems/a.md/cache.json`);
    expectOneParagraph(run.stderr);
  });
});
