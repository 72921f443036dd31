// The content loader, with a stand-in for Astro's store: one parse per changed file, digests
// that skip unchanged files and change with the renderer, stale entries deleted (never a
// clear()), and the archive's errors reported all at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveLintError, loadPostmortems, ruleLoader } from '../../src/site/loader.ts';
import { scanArchive, setupArchive } from '../../src/site/shared/archive.ts';
import { lastUpdated, readGitInfo } from '../../src/site/shared/git.ts';
import { entryHtml, htmlFileOf } from '../../src/site/shared/entry-html.ts';
import { setSiteRuntime, siteRuntime } from '../../src/site/shared/options.ts';
import { RENDERER_VERSION } from '../../src/site/shared/render.ts';
import type { EntryData, RuleData } from '../../src/site/shared/types.ts';
import { startArchiveWork, takeArchiveWork, takeEarlyRules, writeEntryKeys } from '../../src/site/shared/work.ts';
import { readAsRunner } from '../helpers/workflow-commands.ts';
import { repoRoot, samplesDir } from './project.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
  rendered?: { html: string; metadata?: Record<string, unknown> };
  filePath?: string;
}

function fakeContext(root: string) {
  const entries = new Map<string, Entry>();
  const log = { sets: 0, deletes: [] as string[], digests: [] as unknown[], errors: [] as string[] };
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => {
      if (entry.filePath?.startsWith('/')) throw new Error('filePath must be relative');
      log.sets++;
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => {
      log.deletes.push(id);
      entries.delete(id);
    },
    has: (id: string) => entries.has(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    clear: () => {
      throw new Error('the loader must not clear the store');
    },
    addModuleImport: () => {},
  };
  const logger = { info: () => {}, warn: () => {}, debug: () => {}, error: (m: string) => log.errors.push(m), label: 'test', fork: () => logger, options: {} };
  const context = {
    store,
    logger,
    config: { root: pathToFileURL(`${root}/`) },
    generateDigest: (data: Record<string, unknown> | string) => {
      log.digests.push(data);
      return createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex');
    },
  } as unknown as Pick<LoaderContext, 'store' | 'config' | 'logger' | 'generateDigest'>;
  return { context, entries, log };
}

describe('postmortem loader', () => {
  let root: string;
  let folder: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hindsight-loader-'));
    folder = path.join(root, 'postmortems');
    cpSync(samplesDir, folder, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores the model, the findings and the rendered HTML of every postmortem', async () => {
    const { context, entries } = fakeContext(root);
    const result = await loadPostmortems(context, { content: folder });
    const count = readdirSync(folder).length;
    expect(result).toMatchObject({ parsed: count, kept: 0, errors: 0 });
    expect(entries.size).toBe(count);
    const entry = entries.get('2026-02-24-payments-retry-storm')!;
    const data = entry.data as unknown as EntryData;
    expect(data.model.timeline.length).toBe(12);
    expect(data.model.actionItems.length).toBe(5);
    expect('source' in data.model).toBe(false);
    // No errors; as days pass, its open action items become overdue (a warning).
    expect(data.findings.filter((f) => f.severity === 2)).toEqual([]);
    expect(data.findings.every((f) => f.ruleId === 'action-item-overdue')).toBe(true);
    expect(data.sourcePath).toBe('postmortems/2026-02-24-payments-retry-storm.md');
    expect(data.lastUpdated.from).toBe('mtime');
    expect(data.excerpt).toMatch(/^Our card acquirer, Cardhaven/);
    expect(entry.filePath).toBe('postmortems/2026-02-24-payments-retry-storm.md');
    expect(entry.rendered?.html).toContain('<h2 id="root-cause">');
    expect((entry.rendered!.metadata!.headings as unknown[]).length).toBeGreaterThan(3);
  });

  it('skips unchanged files, re-parses changed ones and deletes the entries of removed files', async () => {
    const { context, entries, log } = fakeContext(root);
    await loadPostmortems(context, { content: folder });
    const setsAfterFirst = log.sets;
    const again = await loadPostmortems(context, { content: folder });
    expect(again.parsed).toBe(0);
    expect(log.sets).toBe(setsAfterFirst);

    // A change to the body alone: only that file is parsed again.
    const changed = path.join(folder, '2025-08-14-notifications-log-volume-full.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('47 minutes with no courier', '48 minutes with no courier'));
    const third = await loadPostmortems(context, { content: folder });
    expect(third.parsed).toBe(1);
    expect(entries.get('2025-08-14-notifications-log-volume-full')?.rendered?.html).toContain('48 minutes');
    expect(log.deletes).toEqual([]);

    // A file removed: its entry is deleted, and the others are linted again, since what the
    // cross-file rules read (the archive's ids, titles, links) changed with it.
    unlinkSync(path.join(folder, '2024-02-13-cardhaven-client-certificate-expiry.md'));
    const fourth = await loadPostmortems(context, { content: folder });
    expect(log.deletes).toEqual(['2024-02-13-cardhaven-client-certificate-expiry']);
    expect(entries.has('2024-02-13-cardhaven-client-certificate-expiry')).toBe(false);
    expect(fourth.parsed).toBe(readdirSync(folder).length);
  });

  it('in a build, keeps each rendered postmortem as a file beside the store, and renders again one whose file is gone', async () => {
    const htmlDir = path.join(root, 'cache', 'hindsight-html');
    const inline = fakeContext(root);
    await loadPostmortems(inline.context, { content: folder, parallel: false });
    setSiteRuntime({ ...siteRuntime(), command: 'build', htmlDir });
    try {
      const { context, entries } = fakeContext(root);
      await loadPostmortems(context, { content: folder, parallel: false });
      const id = '2025-08-14-notifications-log-volume-full';
      const entry = entries.get(id)!;
      // The store holds no HTML, only where it is; the file holds exactly what the store held.
      expect(entry.rendered?.html).toBe('');
      expect(entry.rendered?.metadata?.headings).toEqual(inline.entries.get(id)!.rendered?.metadata?.headings);
      const file = htmlFileOf(entry)!;
      expect(file).toBe(`${String(entry.digest)}.html`);
      expect(entryHtml(entry, htmlDir)).toBe(inline.entries.get(id)!.rendered!.html);
      expect(readdirSync(htmlDir).sort()).toEqual([...entries.values()].map((e) => htmlFileOf(e)).sort());

      // A rebuild finds every file: nothing is processed again.
      expect((await loadPostmortems(context, { content: folder, parallel: false })).parsed).toBe(0);
      // A file gone from the cache folder: that entry alone is rendered again.
      unlinkSync(path.join(htmlDir, file));
      expect((await loadPostmortems(context, { content: folder, parallel: false })).parsed).toBe(1);
      expect(entryHtml(entries.get(id)!, htmlDir)).toBe(inline.entries.get(id)!.rendered!.html);

      // A postmortem edited: its old file is removed with its old entry, no file is left over.
      const changed = path.join(folder, `${id}.md`);
      writeFileSync(changed, readFileSync(changed, 'utf8').replace('47 minutes with no courier', '48 minutes with no courier'));
      writeFileSync(path.join(htmlDir, 'left-over.html.123.tmp'), 'half');
      await loadPostmortems(context, { content: folder, parallel: false });
      expect(readdirSync(htmlDir).sort()).toEqual([...entries.values()].map((e) => htmlFileOf(e)).sort());
      expect(entryHtml(entries.get(id)!, htmlDir)).toContain('48 minutes');
      // A page asking for a file removed during the build stops it, with the reason.
      rmSync(htmlDir, { recursive: true });
      expect(() => entryHtml(entries.get(id)!, htmlDir)).toThrow(/gone from the build's cache folder/);
    } finally {
      setSiteRuntime({ ...siteRuntime(), command: 'build', htmlDir: null });
    }
  });

  it('lints with the whole archive, as `hindsight lint` does: a duplicate id fails the build until it is fixed', async () => {
    const sample = readFileSync(path.join(folder, '2025-08-14-notifications-log-volume-full.md'), 'utf8');
    const copy = path.join(folder, '2025-08-15-notifications-again.md');
    writeFileSync(copy, sample);
    const { context, entries } = fakeContext(root);
    const error = await loadPostmortems(context, { content: folder, failOnError: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveLintError);
    const message = (error as Error).message;
    expect(message).toContain('2 postmortems have lint errors');
    expect(message).toMatch(/postmortems\/2025-08-14-notifications-log-volume-full\.md\n.*LSP-2025-027.*unique-id/);
    expect(message).toMatch(/postmortems\/2025-08-15-notifications-again\.md\n.*LSP-2025-027.*unique-id/);

    // The copy gets its own id: the first file, unchanged, is linted again and passes.
    writeFileSync(copy, sample.replace('id: LSP-2025-027', 'id: LSP-2025-031'));
    const fixed = await loadPostmortems(context, { content: folder, failOnError: true });
    expect(fixed.errors).toBe(0);
    expect((entries.get('2025-08-14-notifications-log-volume-full')!.data as unknown as EntryData).errorCount).toBe(0);
  });

  it('stores the same entries when it works in worker threads', async () => {
    const here = fakeContext(root);
    const threads = fakeContext(root);
    await loadPostmortems(here.context, { content: folder, parallel: false });
    const result = await loadPostmortems(threads.context, { content: folder, parallel: true });
    expect(result.parsed).toBe(here.entries.size);
    expect([...threads.entries.keys()].sort()).toEqual([...here.entries.keys()].sort());
    for (const [id, entry] of here.entries) {
      const other = threads.entries.get(id)!;
      expect(other.data, id).toEqual(entry.data);
      expect(other.rendered, id).toEqual(entry.rendered);
      expect(other.digest).toBe(entry.digest);
    }
  });

  it('puts the renderer version and a fingerprint of the code into every digest', async () => {
    const { context, log } = fakeContext(root);
    await loadPostmortems(context, { content: folder });
    const setup = await setupArchive(root, folder);
    const today = await scanArchive(setup, new Date());
    expect(today.fingerprint.startsWith(`${RENDERER_VERSION}:`)).toBe(true);
    expect((log.digests as { key?: string }[]).map((input) => input.key).sort()).toEqual(today.files.map((f) => f.key).sort());
    // Another day (rules compare dates with it): another fingerprint, and every key changes.
    const tomorrow = await scanArchive(setup, new Date(Date.now() + 86_400_000));
    tomorrow.files.forEach((file, index) => expect(file.key).not.toBe(today.files[index]!.key));
  });

  it('reads again only the files whose size or modification time changed since the last scan', async () => {
    const memo = path.join(root, '.cache', 'hindsight-scan.json');
    const past = new Date(Date.now() - 60_000);
    for (const name of readdirSync(folder)) utimesSync(path.join(folder, name), past, past);
    const setup = await setupArchive(root, folder);
    const now = new Date();
    const first = await scanArchive(setup, now, null, memo);
    expect(first.files.filter((f) => f.source === null)).toEqual([]);
    const second = await scanArchive(setup, now, null, memo);
    expect(second.files.filter((f) => f.source !== null)).toEqual([]);
    expect(second.files.map((f) => f.key)).toEqual(first.files.map((f) => f.key));
    expect(second.archive).toEqual(first.archive);

    const changed = path.join(folder, '2025-08-14-notifications-log-volume-full.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('47 minutes with no courier', '48 minutes with no courier'));
    const third = await scanArchive(setup, now, null, memo);
    expect(third.files.filter((f) => f.source !== null).map((f) => f.slug)).toEqual(['2025-08-14-notifications-log-volume-full']);
    // The same keys and index as a scan that reads every file.
    const everything = await scanArchive(setup, now, null, null);
    expect(third.files.map((f) => f.key)).toEqual(everything.files.map((f) => f.key));
    expect(third.archive).toEqual(everything.archive);
    // Modified within the clock's resolution of the last scan: read again, whatever its size and time say.
    const fourth = await scanArchive(setup, now, null, memo);
    expect(fourth.files.filter((f) => f.source !== null).map((f) => f.slug)).toEqual(['2025-08-14-notifications-log-volume-full']);
  });

  // The early scan leaves unchanged files unread; the threads read those they must process.
  it.runIf(availableParallelism() > 1)('stores the same entries for files the scan did not read', async () => {
    const past = new Date(Date.now() - 60_000);
    for (const name of readdirSync(folder)) utimesSync(path.join(folder, name), past, past);
    const cache = path.join(root, '.cache');
    const read = fakeContext(root);
    startArchiveWork(`${root}/`, folder, cache);
    await loadPostmortems(read.context, { content: folder });
    takeEarlyRules(`${root}/`);
    // No record of a stored entry (the first run's store is not this one): every file processed, none read by the scan.
    const unread = fakeContext(root);
    startArchiveWork(`${root}/`, folder, cache);
    const result = await loadPostmortems(unread.context, { content: folder });
    takeEarlyRules(`${root}/`);
    expect(result.parsed).toBe(read.entries.size);
    for (const [id, entry] of read.entries) {
      expect(unread.entries.get(id)?.data, id).toEqual(entry.data);
      expect(unread.entries.get(id)?.rendered, id).toEqual(entry.rendered);
      expect(unread.entries.get(id)?.digest, id).toBe(entry.digest);
    }
  });

  it('fails listing every error of every file at once, and only warns when asked not to fail', async () => {
    // Copies of a sample, each with its own id (a shared one would be an error of its own).
    const sample = readFileSync(path.join(folder, '2025-08-14-notifications-log-volume-full.md'), 'utf8');
    writeFileSync(path.join(folder, 'a-broken.md'), sample.replace('id: LSP-2025-027', 'id: LSP-2025-901').replace('## Summary\n', '## Summary\n\nTBD\n'));
    writeFileSync(
      path.join(folder, 'b-broken.md'),
      sample
        .replace('id: LSP-2025-027', 'id: LSP-2025-902')
        .replace(/\n## Root Cause\n[\s\S]*?(?=\n## )/, '\n')
        .replace('## Summary\n', '## Summary\n\nTODO: add the figures.\n'),
    );
    const { context, entries, log } = fakeContext(root);
    const error = await loadPostmortems(context, { content: folder, failOnError: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveLintError);
    const message = (error as Error).message;
    expect(message).toContain('2 postmortems have lint errors');
    expect(message).toMatch(/postmortems\/a-broken\.md\n.*no-placeholder/);
    expect(message).toMatch(/postmortems\/b-broken\.md\n(.*\n)*.*required-sections/);
    expect(message).toMatch(/postmortems\/b-broken\.md\n(.*\n)*.*no-placeholder/);
    expect(message).toContain('✖ 3 problems (3 errors, 0 warnings)');

    // Kept entries still count: a second run that parses nothing fails the same way.
    const rerun = await loadPostmortems(context, { content: folder, failOnError: true }).catch((e: unknown) => e);
    expect((rerun as Error).message).toBe(message);

    const result = await loadPostmortems(context, { content: folder, failOnError: false });
    expect(result.errors).toBe(3);
    expect(log.errors.at(-1)).toContain('a-broken.md');
    expect((entries.get('a-broken')!.data as unknown as EntryData).errorCount).toBe(1);
  });

  it('writes document text and file names into the build log with no control character, and no workflow command a runner would obey', async () => {
    const sample = readFileSync(path.join(folder, '2025-08-14-notifications-log-volume-full.md'), 'utf8');
    // An id that clears the screen, opens a terminal link and starts lines a runner reads as
    // commands; the same id twice is a unique-id error, whose message quotes it.
    const id = 'LSP-9\u001b[2J\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u009b31m\n::error::forged by an id\r##[set-output name=pwned]yes';
    const text = sample.replace('id: LSP-2025-027', `id: ${JSON.stringify(id)}`);
    writeFileSync(path.join(folder, 'a\u001b[31m\n::warning::forged by a name.md'), text);
    writeFileSync(path.join(folder, 'b ##[error]forged by a name.md'), text);
    const saved = process.env.GITHUB_ACTIONS;
    try {
      for (const actions of [undefined, 'true']) {
        if (actions === undefined) delete process.env.GITHUB_ACTIONS;
        else process.env.GITHUB_ACTIONS = actions;
        const { context } = fakeContext(root);
        const error = await loadPostmortems(context, { content: folder, failOnError: true }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ArchiveLintError);
        const message = (error as Error).message;
        expect(message).toContain('2 postmortems have lint errors');
        expect(message).toMatch(/unique-id/);
        // Shown, as visible escapes.
        expect(message).toContain('LSP-9\\x1b[2J\\x1b]8;;https://evil.example\\x07link');
        expect(message).toContain('a\\x1b[31m\\n::warning::forged by a name.md');
        expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
        // Not one line starts with "::" (after blanks) outside what the runner is told to ignore.
        if (actions === undefined) expect(message.split('\n').filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
        else {
          // Parsed as the runner parses them, with the stopped region honoured and without it.
          expect(readAsRunner(message).commands).toEqual([]);
          expect(readAsRunner(message, { honourStop: false }).commands).toEqual([]);
        }
      }
    } finally {
      if (saved === undefined) delete process.env.GITHUB_ACTIONS;
      else process.env.GITHUB_ACTIONS = saved;
    }
  });

  // Astro runs the loaders on its main thread under Vite, which transforms every module they
  // import statically before the content sync can start: the lint stack must stay behind
  // dynamic imports (the worker threads run it in a build). esbuild's metafile tells static
  // imports from dynamic ones.
  it('imports no part of the linter, the model or the renderer statically', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: ['src/site/content.config.ts'],
      absWorkingDir: repoRoot,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      external: ['astro:content'],
      outdir: path.join(root, 'out'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    // Each dynamic import is an entry point of its own: the content configuration's is the one.
    const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === 'src/site/content.config.ts')!;
    const loaded = new Set<string>();
    const reach = (name: string): void => {
      if (loaded.has(name)) return;
      loaded.add(name);
      for (const next of outputs[name]!.imports) if (next.kind === 'import-statement' && outputs[next.path]) reach(next.path);
    };
    reach(entry);
    const inputs = [...loaded].flatMap((name) => Object.keys(outputs[name]!.inputs));
    expect(inputs).toContain('src/site/loader.ts');
    expect(inputs.filter((input) => /^(?:src\/(?:lint|core)\/|rules\/|src\/site\/shared\/(?:render|process|archive|rule-data)\.ts$)/.test(input))).toEqual([]);
  });

  // A build scans in a worker thread and hands the rule reference over, so that the main
  // thread never loads the rules (2 cores or more; with one, there is no early work).
  it.runIf(availableParallelism() > 1)('stores the same rule reference from the work started with the build as on its own', async () => {
    const own = fakeContext(root);
    await ruleLoader().load(own.context as never);
    const ruleFiles = readdirSync(path.join(repoRoot, 'rules')).filter((name) => /^[a-z0-9-]+\.ts$/.test(name));
    expect(own.entries.size).toBe(ruleFiles.length);
    const secrets = own.entries.get('no-secrets')?.data as unknown as RuleData;
    expect(secrets).toMatchObject({ id: 'no-secrets', severity: 'error' });
    expect(secrets.invalid.length).toBe(1);

    // The root as the loaders read it from Astro's configuration (a folder URL: a trailing slash).
    startArchiveWork(`${root}/`, folder, path.join(root, '.cache'));
    const early = fakeContext(root);
    await ruleLoader().load(early.context as never);
    // The loader took the early scan's rules (a second taker finds none).
    expect(takeEarlyRules(`${root}/`)).toBeNull();
    const work = takeArchiveWork(`${root}/`, folder);
    expect(work).not.toBeNull();
    await work!.processed;
    expect([...early.entries.keys()]).toEqual([...own.entries.keys()]);
    for (const [id, entry] of own.entries) {
      expect(early.entries.get(id)?.data, id).toEqual(entry.data);
      expect(early.entries.get(id)?.digest, id).toBe(entry.digest);
    }
  });

  // A rebuild does not make the rule reference again (it lints every documented example) when
  // the code and configuration are those of the last build, whose store holds it.
  it.runIf(availableParallelism() > 1)('makes the rule reference again only for new code or configuration, or a store without it', async () => {
    const cache = path.join(root, '.cache');
    const built = fakeContext(root);
    startArchiveWork(`${root}/`, folder, cache);
    await ruleLoader().load(built.context as never);
    const first = takeArchiveWork(`${root}/`, folder)!;
    const scanned = await first.scan;
    await first.processed;
    // The threads made it (as a task of its own, not in the scan), and the loader stored it.
    expect(scanned.rules).toBeNull();
    const made = [...built.entries.values()].map((entry) => entry.data);
    expect(made.map((rule) => rule.id)).toContain('recurrence');
    writeEntryKeys(
      cache,
      scanned.files.map((f) => f.key),
      scanned.fingerprint,
    );

    startArchiveWork(`${root}/`, folder, cache);
    const sets = built.log.sets;
    const stored = new Map(built.entries);
    await ruleLoader().load(built.context as never);
    await takeArchiveWork(`${root}/`, folder)!.processed;
    expect(built.log.sets).toBe(sets);
    expect(built.entries).toEqual(stored);
    // …and the threads did not make it again.
    startArchiveWork(`${root}/`, folder, cache);
    expect((await takeEarlyRules(`${root}/`)!).rules).toBeNull();
    await takeArchiveWork(`${root}/`, folder)!.processed;

    // Astro cleared its store (its configuration changed): the loader makes the reference itself.
    const cleared = fakeContext(root);
    startArchiveWork(`${root}/`, folder, cache);
    await ruleLoader().load(cleared.context as never);
    await takeArchiveWork(`${root}/`, folder)!.processed;
    expect(cleared.entries).toEqual(stored);

    // Another day (or other code, or another configuration): another fingerprint, made again.
    writeEntryKeys(cache, [], 'the fingerprint of another day');
    startArchiveWork(`${root}/`, folder, cache);
    expect((await takeEarlyRules(`${root}/`)!).rules).toEqual(made);
    await takeArchiveWork(`${root}/`, folder)!.processed;
  });
});

describe('last-updated dates from git', () => {
  it('match `git log -1 --format=%cI -- FILE` for committed files', () => {
    const info = readGitInfo(samplesDir);
    if (!info.toplevel) return; // not a git checkout (an exported tarball): nothing to compare
    for (const name of readdirSync(samplesDir).slice(0, 4)) {
      const file = path.join(samplesDir, name);
      const expected = spawnSync('git', ['-C', repoRoot, 'log', '-1', '--format=%cI', '--', file], { encoding: 'utf8' }).stdout.trim();
      const got = lastUpdated(info, file);
      if (info.dirty.has(file) || expected === '') expect(got.from).toBe('mtime');
      else expect(got).toEqual({ iso: expected, from: 'git' });
    }
  });

  it('fall back to the modification time outside a repository', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-nogit-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), '# A');
      const info = readGitInfo(dir);
      expect(info.toplevel).toBeNull();
      expect(lastUpdated(info, path.join(dir, 'a.md')).from).toBe('mtime');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
