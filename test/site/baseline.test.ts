// The site build honours the baseline `hindsight lint --baseline-write` writes: the findings
// it records are shown as known and do not fail the build; a new error does.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveLintError, loadPostmortems } from '../../src/site/loader.ts';
import type { EntryData } from '../../src/site/shared/types.ts';
import { repoRoot } from './project.ts';

type Entry = { id: string; data: Record<string, unknown>; digest?: string };

function storeContext(root: string) {
  const entries = new Map<string, Entry>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => entries.set(entry.id, entry) && true,
    delete: (id: string) => entries.delete(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
  };
  const logger = { info: () => {}, warn: () => {}, debug: () => {}, error: () => {} };
  const context = {
    store,
    logger,
    config: { root: pathToFileURL(`${root}/`) },
    generateDigest: (data: unknown) => createHash('sha1').update(JSON.stringify(data)).digest('hex'),
  } as unknown as Pick<LoaderContext, 'store' | 'config' | 'logger' | 'generateDigest'>;
  return { context, data: (id: string) => entries.get(id)?.data as unknown as EntryData };
}

/** A postmortem with no timeline, root cause or action items: `required-sections` errors. */
const THIN = '# Queue backlog on the billing worker\n\n## Summary\n\nThe billing worker fell 40 minutes behind on 3 May.\n';

describe('the site with a baseline', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hindsight-site-baseline-'));
    mkdirSync(path.join(root, 'postmortems'));
    writeFileSync(path.join(root, 'postmortems', 'billing.md'), THIN);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('shows recorded findings as known, fails on none of them, and fails on a new error only', async () => {
    const written = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'hindsight.js'), 'lint', '--baseline-write', 'baseline.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(written.stderr).toContain('recorded');

    const { context, data } = storeContext(root);
    await expect(loadPostmortems(context, { baseline: null, parallel: false })).rejects.toThrow(ArchiveLintError);
    const loaded = await loadPostmortems(context, { baseline: 'baseline.json', parallel: false });
    expect(loaded.errors).toBe(0);
    const billing = data('billing');
    expect(billing.errorCount).toBe(0);
    expect(billing.findings.length).toBeGreaterThan(0);
    expect(billing.findings.every((f) => f.known === true)).toBe(true);

    writeFileSync(path.join(root, 'postmortems', 'payments.md'), THIN.replace('billing worker', 'payments API'));
    const failure = await loadPostmortems(context, { baseline: 'baseline.json', parallel: false }).catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(ArchiveLintError);
    expect((failure as Error).message).toContain('payments.md');
    expect((failure as Error).message).not.toContain('billing.md');
    expect((failure as Error).message).toContain('--baseline baseline.json');
  });

  it('stops with a message naming a baseline it cannot read', async () => {
    const { context } = storeContext(root);
    const failure = await loadPostmortems(context, { baseline: 'missing.json', parallel: false }).catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(ArchiveLintError);
    expect((failure as Error).message).toMatch(/Cannot read the baseline .*missing\.json: no such file/);
  });
});
