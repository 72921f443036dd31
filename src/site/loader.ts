// The content-layer loaders. `postmortemLoader`: every postmortem the linter would lint
// (the configured content folder, its ignore globs and .gitignore) becomes an entry holding
// its model, its findings and its rendered HTML, all from ONE parse (`lintWithModel`).
// Unchanged files are skipped by digest on rebuilds; files that are gone are deleted.
// Then the archive is validated: when any postmortem has an error the load throws with every
// error of every file (the `lint` command's stylish report), which fails `astro build`; under
// `astro dev` the errors are logged and shown on the site instead.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { Piscina } from 'piscina';
import { loadConfig, type ResolvedConfig } from '../lint/config/load.ts';
import type { Finding } from '../lint/engine.ts';
import { selectFiles } from '../lint/files.ts';
import { loadRules } from '../lint/registry.ts';
import { summarise, type LintResult } from '../lint/result.ts';
import type { Rule } from '../lint/rule.ts';
import { createLinter, type Linter } from '../lint/run.ts';
import { formatStylish } from '../report/stylish.ts';
import { lastUpdated, readGitInfo, repositoryPath } from './shared/git.ts';
import { siteRuntime } from './shared/options.ts';
import { processFile, type FileJob, type Processed } from './shared/process.ts';
import { RENDERER_VERSION } from './shared/render.ts';
import type { EntryData, RuleData, StoredFinding } from './shared/types.ts';
import type { WorkerBatch } from './worker.ts';

/** Bump when what the loader stores changes shape. */
const LOADER_VERSION = 2;

/** The archive has lint errors. Its message is the whole report; no stack (it is not a crash). */
export class ArchiveLintError extends Error {
  override name = 'ArchiveLintError';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

interface Setup {
  root: string;
  rules: ReadonlyMap<string, Rule>;
  config: ResolvedConfig;
  content: string;
}

async function setup(context: Pick<LoaderContext, 'config'>, content: string | null | undefined): Promise<Setup> {
  const root = fileURLToPath(context.config.root);
  const rules = await loadRules();
  const config = loadConfig({ cwd: root }, rules);
  const folder = content ?? siteRuntime().content;
  return { root, rules, config, content: folder ? path.resolve(root, folder) : config.content };
}

/**
 * A fingerprint of everything besides the file's text that its entry depends on: the code
 * of the model, linter, rules and renderer, the configuration, and the day (rules about
 * dates in the future). Part of every entry's digest.
 */
function codeFingerprint(config: ResolvedConfig, now: Date): string {
  const hash = createHash('sha1');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const folders = [path.join(here, '..', 'core'), path.join(here, '..', 'lint'), path.join(here, '..', '..', 'rules'), path.join(here, 'shared')];
  const files = [path.join(here, 'loader.ts'), path.join(here, 'worker.ts'), path.join(here, '..', 'report', 'stylish.ts')];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(?:ts|js|json)$/.test(name)) files.push(full);
    }
  };
  folders.forEach(walk);
  for (const file of files) {
    try {
      hash.update(file).update(readFileSync(file));
    } catch {
      // a file that vanished: the fingerprint changes anyway
    }
  }
  hash.update(JSON.stringify({ raw: config.raw, preset: config.preset, day: now.toISOString().slice(0, 10) }));
  return hash.digest('hex');
}

export interface PostmortemLoaderOptions {
  /** The folder of postmortems (relative to the project root); default: the site options, then the linter configuration's. */
  content?: string | null;
  /** Fail on lint errors (default: in every command but `astro dev`). */
  failOnError?: boolean;
  /** Parse in worker threads (default: when many files changed and there is more than one core). */
  parallel?: boolean;
}

export function postmortemLoader(options: PostmortemLoaderOptions = {}): Loader {
  return {
    name: 'hindsight-postmortems',
    async load(context) {
      const loaded = await loadPostmortems(context, options);
      context.watcher?.add(loaded.content);
      if (context.watcher) {
        const folder = loaded.content;
        const again = (file: string): void => {
          if (!file.startsWith(folder) || !file.endsWith('.md')) return;
          loadPostmortems(context, { ...options, failOnError: false }).catch((error: unknown) => context.logger.error(String(error)));
        };
        context.watcher.on('change', again);
        context.watcher.on('add', again);
        context.watcher.on('unlink', again);
      }
    },
  };
}

/** Below this many changed files the loader works in-process: threads cost more than they save. */
const PARALLEL_FROM = 64;
const BATCH = 16;

export async function loadPostmortems(
  context: Pick<LoaderContext, 'store' | 'config' | 'logger' | 'generateDigest'>,
  options: PostmortemLoaderOptions = {},
): Promise<{ content: string; parsed: number; kept: number; errors: number; warnings: number }> {
  const { store, logger, generateDigest } = context;
  const { root, rules, config, content } = await setup(context, options.content);
  const now = new Date();
  const files = await selectFiles({ cwd: root, root: config.root, paths: [], contentFolder: content, ignoreGlobs: config.ignore });
  const git = readGitInfo(content);
  const fingerprint = `${RENDERER_VERSION}:${LOADER_VERSION}:${codeFingerprint(config, now)}`;
  const untouched = new Set(store.keys());
  const jobs: FileJob[] = [];
  const sources = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  files.forEach((file, index) => {
    const source = sources[index]!;
    const slug = path.relative(content, file).replace(/\.md$/i, '').split(path.sep).join('/');
    untouched.delete(slug);
    const updated = lastUpdated(git, file);
    const sourcePath = repositoryPath(git, file, root, content);
    const digest = generateDigest({ source, fingerprint, updated, sourcePath });
    if (store.get(slug)?.digest !== digest) jobs.push({ file, source, slug, sourcePath, lastUpdated: updated, digest });
  });

  const parallel = options.parallel ?? (jobs.length >= PARALLEL_FROM && availableParallelism() > 1);
  const processed = parallel ? await processInWorkers(jobs, root, now) : processHere(jobs, createLinter(config, rules, now));
  for (const [index, result] of processed.entries()) {
    const job = jobs[index]!;
    const relativeToRoot = path.relative(root, job.file).split(path.sep).join('/');
    store.set({
      id: result.slug,
      data: result.data as unknown as Record<string, unknown>,
      digest: result.digest,
      rendered: { html: result.html, metadata: { headings: result.headings } },
      ...(relativeToRoot.startsWith('../') ? {} : { filePath: relativeToRoot }),
    });
  }
  for (const id of untouched) store.delete(id);

  // Validate the whole archive: kept entries carry their findings from the run that parsed them.
  const results: LintResult[] = [];
  let warnings = 0;
  for (const entry of store.values()) {
    const data = entry.data as unknown as EntryData;
    warnings += data.warningCount;
    if (data.errorCount > 0) results.push(summarise(path.resolve(content, `${data.slug}.md`), data.findings.map(asFinding)));
  }
  results.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  logger.info(`${files.length} postmortems (${jobs.length} parsed${parallel ? ' in worker threads' : ''}, ${files.length - jobs.length} unchanged), ${errors} errors, ${warnings} warnings`);
  if (errors > 0) {
    const report = formatStylish(results, { color: false, cwd: root, quiet: true });
    const message = `${results.length} ${results.length === 1 ? 'postmortem has' : 'postmortems have'} lint errors; npm run build fails until they are fixed (npx hindsight lint shows them too).\n\n${report}`;
    const fail = options.failOnError ?? siteRuntime().command !== 'dev';
    if (fail) throw new ArchiveLintError(message);
    logger.error(message);
  }
  return { content, parsed: jobs.length, kept: files.length - jobs.length, errors, warnings };
}

function processHere(jobs: readonly FileJob[], linter: Linter): Processed[] {
  return jobs.map((job) => processFile(linter, job));
}

/** The same work on every core: piscina worker threads, each with its own linter, in batches. */
async function processInWorkers(jobs: readonly FileJob[], root: string, now: Date): Promise<Processed[]> {
  const here = new URL(import.meta.url);
  const filename = new URL(here.pathname.endsWith('.ts') ? './worker.ts' : './worker.js', here).href;
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs.length / BATCH)));
  const pool = new Piscina<WorkerBatch, Processed[]>({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 500 });
  try {
    const batches: Promise<Processed[]>[] = [];
    for (let start = 0; start < jobs.length; start += BATCH) {
      batches.push(pool.run({ root, now: now.toISOString(), jobs: jobs.slice(start, start + BATCH) }));
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}

function asFinding(stored: StoredFinding): Finding {
  const { fixable: _fixable, ...finding } = stored;
  return finding;
}

/** The rule reference, from the rule declarations and the configuration in effect. */
export function ruleLoader(): Loader {
  return {
    name: 'hindsight-rules',
    async load(context) {
      const { rules, config } = await setup(context, null);
      const configured = new Map(config.rules.map((active) => [active.rule.id, active.severity]));
      const digest = context.generateDigest(codeFingerprint(config, new Date()));
      const untouched = new Set(context.store.keys());
      for (const rule of rules.values()) {
        untouched.delete(rule.id);
        const properties = (rule.schema['properties'] ?? {}) as Record<string, { description?: string }>;
        const data: RuleData = {
          id: rule.id,
          description: rule.description,
          defaultSeverity: rule.severity,
          severity: configured.get(rule.id) ?? 'off',
          fixable: rule.fixable,
          rationale: rule.docs.rationale,
          options: Object.keys(properties).map((name) => {
            const value = (rule.defaults as Record<string, unknown>)[name];
            return { name, default: value === undefined ? '—' : JSON.stringify(value), description: properties[name]?.description ?? '' };
          }),
          invalid: rule.docs.invalid.slice(0, 1).map((e) => ({ title: e.title, markdown: e.markdown, messages: e.messages ?? [] })),
          valid: rule.docs.valid.slice(0, 1).map((e) => ({ title: e.title, markdown: e.markdown, messages: [] })),
        };
        context.store.set({ id: rule.id, data: data as unknown as Record<string, unknown>, digest });
      }
      for (const id of untouched) context.store.delete(id);
    },
  };
}
