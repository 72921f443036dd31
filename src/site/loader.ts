// The content-layer loaders. `postmortemLoader`: every postmortem the linter would lint
// (the configured content folder, its ignore globs and .gitignore) becomes an entry holding
// its model, its findings and its rendered HTML, all from ONE parse (`lintWithModel`); in a
// build the HTML is a file beside the store (shared/entry-html.ts).
// Unchanged files are skipped by digest on rebuilds; files that are gone are deleted.
// Then the archive is validated: when any postmortem has an error the load throws with every
// error of every file (the `lint` command's stylish report), which fails `astro build`; under
// `astro dev` the errors are logged and shown on the site instead.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Finding } from '../lint/engine.ts';
import type { LintResult } from '../lint/result.ts';
import type { Scan, ScannedFile } from './shared/archive.ts';
import { jobOf, PARALLEL_FROM, processInWorkers, takeArchiveWork, takeEarlyRules, writeEntryKeys } from './shared/work.ts';
import { toIncident } from './shared/incident.ts';
import { siteRuntime } from './shared/options.ts';
import { entryHtml, htmlPresent, keepHtmlOutside, pruneHtmlFolder } from './shared/entry-html.ts';
import { indexOfDocuments, searchDocument, searchEntriesKey, startSearchIndex } from './shared/search.ts';
import { visible, visibleLine } from '../report/terminal.ts';
import { stopCommands, underGithubActions } from '../report/runner.ts';
import type { Processed } from './shared/process.ts';
import type { EntryData, LintedFinding, RuleData, StoredFinding } from './shared/types.ts';

// The lint stack is loaded here only when the work started with the build (shared/work.ts)
// does not cover it: under `astro dev`, or for a few files. Vite transforms what the loader
// imports, on the main thread, before Astro can go on; in a build the worker threads have
// loaded and run all of it meanwhile. The scan and the rule reference need the configuration
// and rules (archive.ts); processing files needs the linter and the renderer too; the report
// of an archive with errors, the stylish formatter. Nothing here imports them statically.
const archiveStack = () => import('./shared/archive.ts');
const baselineStack = () => import('./shared/baseline.ts');
const processStack = () => Promise.all([archiveStack(), import('../lint/linter.ts'), import('./shared/process.ts')]);
const reportStack = () => Promise.all([import('../lint/result.ts'), import('../report/stylish.ts')]);
const ruleStack = () => Promise.all([archiveStack(), import('./shared/rule-data.ts')]);

/** The archive has lint errors. Its message is the whole report; no stack (it is not a crash). */
export class ArchiveLintError extends Error {
  override name = 'ArchiveLintError';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

export interface PostmortemLoaderOptions {
  /** The folder of postmortems (relative to the project root); default: the site options, then the linter configuration's. */
  content?: string | null;
  /** Fail on lint errors (default: in every command but `astro dev`). */
  failOnError?: boolean;
  /** Parse in worker threads (default: when many files changed and there is more than one core). */
  parallel?: boolean;
  /** A baseline file (relative to the project root) whose findings are known, not failures; default: the site options'. */
  baseline?: string | null;
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
          loadPostmortems(context, { ...options, failOnError: false }).catch((error: unknown) => context.logger.error(visible(String(error))));
        };
        context.watcher.on('change', again);
        context.watcher.on('add', again);
        context.watcher.on('unlink', again);
      }
    },
  };
}

export async function loadPostmortems(
  context: Pick<LoaderContext, 'store' | 'config' | 'logger' | 'generateDigest'>,
  options: PostmortemLoaderOptions = {},
): Promise<{ content: string; parsed: number; kept: number; errors: number; warnings: number }> {
  const { store, logger, generateDigest } = context;
  const root = fileURLToPath(context.config.root);
  const folder = options.content !== undefined ? options.content : siteRuntime().content;
  // The work the integration started when the build began (worker threads already linting),
  // unless the options ask for something else.
  const early = options.parallel === undefined ? takeArchiveWork(root, folder) : null;
  // Should the early work have failed, the loader does it again here and reports its error.
  const scan: Scan = (early && (await early.scan.catch(() => null))) || (await scanHere(root, folder));
  const { content, now, fingerprint, files, archive } = scan;
  const runtime = siteRuntime();
  const baselineFile = options.baseline !== undefined ? options.baseline : runtime.baseline;
  const known = baselineFile ? await readSiteBaseline(root, baselineFile, scan.configRoot) : null;
  const cacheDir = runtime.command === 'build' && context.config.cacheDir ? fileURLToPath(context.config.cacheDir) : null;
  // In a build the rendered postmortems are files beside the store, where the pages read them
  // (shared/entry-html.ts; the integration names the folder).
  const htmlDir = runtime.htmlDir;
  const untouched = new Set(store.keys());
  const jobs: { file: ScannedFile; digest: string }[] = [];
  for (const file of files) {
    untouched.delete(file.slug);
    // The key holds everything else the entry depends on (archive.ts ScannedFile): the text,
    // the code and configuration, the dates, the path, and the index of the other files, which
    // the cross-file rules' findings change with.
    const digest = generateDigest({ key: file.key, baseline: known ? known.module.recordedFor(known.site, file.file) : null });
    const stored = store.get(file.slug);
    if (stored?.digest !== digest || !htmlPresent(stored, htmlDir)) jobs.push({ file, digest });
  }

  // Entries the early work processed for exactly these inputs; the rest here.
  const ahead = (early && (await early.processed.catch(() => null))) || new Map<string, Processed>();
  const rest = jobs.filter((job) => !ahead.has(job.file.key));
  const parallel = options.parallel ?? (rest.length >= PARALLEL_FROM && availableParallelism() > 1);
  let done: Processed[];
  if (parallel)
    done = await processInWorkers(
      rest.map((job) => jobOf(job.file, root)),
      root,
      now,
      archive,
    );
  else if (rest.length === 0) done = [];
  else {
    const [{ archiveOf, setupArchive }, { createLinter }, { processFile }] = await processStack();
    const { config, rules } = await setupArchive(root, folder);
    const linter = createLinter(config, rules, new Date(now), archive ? { archive: archiveOf(archive, config) } : undefined);
    done = rest.map((job) => processFile(linter, jobOf(job.file, root)));
  }
  const results = new Map(rest.map((job, index) => [job.file.key, done[index]!]));
  for (const { file, digest } of jobs) {
    const result = ahead.get(file.key) ?? results.get(file.key)!;
    // A file the scan did not read was read where it was processed.
    const source = file.source ?? result.source ?? '';
    const data = storedData(known ? known.module.markKnown(result.data, file.file, source, known.site) : result.data);
    const relativeToRoot = path.relative(root, file.file).split(path.sep).join('/');
    store.set({
      id: result.slug,
      data: data as unknown as Record<string, unknown>,
      digest,
      rendered: htmlDir ? keepHtmlOutside(htmlDir, digest, result.html, result.headings) : { html: result.html, metadata: { headings: result.headings } },
      ...(relativeToRoot.startsWith('../') ? {} : { filePath: relativeToRoot }),
    });
  }
  for (const id of untouched) store.delete(id);
  if (htmlDir) pruneHtmlFolder(htmlDir, store.values());

  // Validate the whole archive: kept entries carry their findings from the run that parsed them.
  let warnings = 0;
  const failing: EntryData[] = [];
  for (const entry of store.values()) {
    const data = entry.data as unknown as EntryData;
    warnings += data.warningCount;
    if (data.errorCount > 0) failing.push(data);
  }
  const report = failing.length > 0 ? await reportStack() : null;
  const fileOfSlug = new Map(files.map((f) => [f.slug, f.file]));
  const lintResults: LintResult[] = failing.map((data) =>
    report![0].summarise(
      visibleLine(fileOfSlug.get(data.slug) ?? path.resolve(content, `${data.slug}.md`)),
      data.findings.filter((f) => !f.known).map(asLoggedFinding),
    ),
  );
  lintResults.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const errors = lintResults.reduce((n, r) => n + r.errorCount, 0);
  const threads = ahead.size > 0 || parallel ? ' in worker threads' : '';
  logger.info(`${files.length} postmortems (${jobs.length} parsed${threads}, ${files.length - jobs.length} unchanged), ${errors} errors, ${warnings} warnings`);
  if (report && errors > 0) {
    const stylish = report[1].formatStylish(lintResults, { color: false, cwd: root, quiet: true }).trimEnd();
    // Under GitHub Actions the runner reads the build log for workflow commands: none from documents.
    const logged = underGithubActions() ? stopCommands(stylish).trimEnd() : stylish;
    const message = `${lintResults.length} ${lintResults.length === 1 ? 'postmortem has' : 'postmortems have'} lint errors; the site build fails until they are fixed (npx hindsight lint${baselineFile ? ` --baseline ${baselineFile}` : ''} shows them too).\n\n${logged}\n`;
    const fail = options.failOnError ?? runtime.command !== 'dev';
    if (fail) throw new ArchiveLintError(message);
    logger.error(message);
  }
  // The archive passed: the next build's early work skips what the store now holds, and
  // Pagefind indexes the archive in its own process while Astro renders the pages.
  if (cacheDir) {
    writeEntryKeys(
      cacheDir,
      files.map((f) => f.key),
      fingerprint,
    );
    // Hosted in a subfolder (Astro's `base`), the index links to the pages there. The entries'
    // digests key the index: the documents are made only when it is to be made again.
    const base = (context.config.base ?? '/').replace(/\/+$/, '');
    const entries = store.values();
    const documents = () =>
      entries.map((entry) => {
        const document = searchDocument(toIncident(entry.data as unknown as EntryData), entryHtml(entry, htmlDir));
        return { ...document, url: `${base}${document.url}` };
      });
    const keyed = entries.every((entry) => entry.digest !== undefined);
    const work = keyed
      ? {
          key: searchEntriesKey(
            entries.map((entry) => ({ id: entry.id, digest: String(entry.digest) })),
            base,
          ),
          documents,
        }
      : indexOfDocuments(documents());
    startSearchIndex(work, path.join(cacheDir, 'hindsight-search'));
  }
  return { content, parsed: jobs.length, kept: files.length - jobs.length, errors, warnings };
}

/** The entry as stored: its findings as the pages show them (their ends were for the baseline). */
function storedData(data: EntryData<LintedFinding>): EntryData {
  return { ...data, findings: data.findings.map(({ endLine: _endLine, endColumn: _endColumn, ...finding }) => finding) };
}

/**
 * A stored finding for the build log: its message (which may quote the document) on one line,
 * no control character. The report prints where a finding starts; its end is not stored.
 */
function asLoggedFinding(stored: StoredFinding): Finding {
  const { fixable: _fixable, known: _known, ...finding } = stored;
  return { ...finding, endLine: finding.line, endColumn: finding.column, message: visibleLine(finding.message) };
}

/** The rule reference, from the rule declarations and the configuration in effect. */
export function ruleLoader(): Loader {
  return {
    name: 'hindsight-rules',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const early = takeEarlyRules(root);
      const scanned = early && (await early.catch(() => null));
      if (scanned && scanned.rules === null) {
        // The last build's rule reference, made for the same code and configuration: kept
        // if the store holds it whole (a store Astro cleared does not).
        const digest = context.generateDigest(scanned.fingerprint);
        const ids = context.store.keys();
        if (ids.length > 0 && ids.every((id) => context.store.get(id)?.digest === digest)) return;
      }
      const made = scanned?.rules ? { rules: scanned.rules, fingerprint: scanned.fingerprint } : await rulesHere(root);
      const digest = context.generateDigest(made.fingerprint);
      const untouched = new Set(context.store.keys());
      for (const data of made.rules) {
        untouched.delete(data.id);
        context.store.set({ id: data.id, data: data as unknown as Record<string, unknown>, digest });
      }
      for (const id of untouched) context.store.delete(id);
    },
  };
}

/** The site's baseline with the code that applies it; a baseline that cannot be read stops the build with its message. */
async function readSiteBaseline(root: string, file: string, configRoot: string) {
  const module = await baselineStack();
  try {
    return { module, site: module.loadSiteBaseline(root, file, configRoot) };
  } catch (error) {
    throw new ArchiveLintError(error instanceof Error ? error.message : String(error));
  }
}

/** The archive scanned on this thread (no early scan to take). */
async function scanHere(root: string, folder: string | null): Promise<Scan> {
  const { scanArchive, setupArchive } = await archiveStack();
  return scanArchive(await setupArchive(root, folder), new Date());
}

/** The rule reference made on this thread (no early scan to take it from). */
async function rulesHere(root: string): Promise<{ rules: RuleData[]; fingerprint: string }> {
  const [{ codeFingerprint, setupArchive }, { ruleEntries }] = await ruleStack();
  const { rules, config } = await setupArchive(root, null);
  return { rules: ruleEntries(rules, config), fingerprint: codeFingerprint(config, new Date()) };
}
