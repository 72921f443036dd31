// The archive as the content loader reads it, without Astro: the configuration and rules,
// and the files the linter would lint with their text, dates and paths (see work.ts for who
// turns them into entries, and when).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive, indexEntry, type ArchiveEntry } from '../../lint/archive/index.ts';
import { modelOptionsOf } from '../../core/build.ts';
import { archiveDigest } from '../../lint/archive-index.ts';
import { contentHash } from '../../lint/cache.ts';
import { loadConfig, type ResolvedConfig } from '../../lint/config/load.ts';
import { PathError, linkBoundary, readPostmortemText, selectFiles } from '../../lint/files.ts';
import { loadRules } from '../../lint/registry.ts';
import type { Rule } from '../../lint/rule.ts';
import { archiveNeed } from '../../lint/run.ts';
import { lastUpdated, readGitInfo, repositoryPath } from './git.ts';
import { RENDERER_VERSION } from './render.ts';
import { ruleEntries } from './rule-data.ts';
import { readScanMemo, unchanged, writeScanMemo, type MemoFile } from './scan-memo.ts';
import type { EntryData, RuleData } from './types.ts';

/** Bump when what the loader stores changes shape (4: only what the pages read). */
export const LOADER_VERSION = 4;

export interface Setup {
  root: string;
  rules: ReadonlyMap<string, Rule>;
  config: ResolvedConfig;
  content: string;
}

export async function setupArchive(root: string, content: string | null | undefined): Promise<Setup> {
  const rules = await loadRules();
  const config = loadConfig({ cwd: root }, rules);
  return { root, rules, config, content: content ? path.resolve(root, content) : config.content };
}

/**
 * A fingerprint of everything besides the file's text that its entry depends on: the code
 * of the model, linter, rules and renderer, the configuration, and the day (rules about
 * dates in the future). Part of every entry's digest.
 */
export function codeFingerprint(config: ResolvedConfig, now: Date): string {
  const hash = createHash('sha1');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const site = path.dirname(here);
  const folders = [path.join(site, '..', 'core'), path.join(site, '..', 'lint'), path.join(site, '..', '..', 'rules'), here];
  const files = [path.join(site, 'loader.ts'), path.join(site, 'worker.ts'), path.join(site, '..', 'report', 'stylish.ts')];
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
  return `${RENDERER_VERSION}:${LOADER_VERSION}:${hash.digest('hex')}`;
}

/** One postmortem as found on disk. */
export interface ScannedFile {
  file: string;
  /** The entry id: the path under the content folder, without `.md`, with `/` separators. */
  slug: string;
  /** The text; null when the scan memo records the file unchanged, so that it was not read. */
  source: string | null;
  /** The folder it may not leave through a symbolic link (lint/files.ts linkBoundary). */
  boundary: string | undefined;
  sourcePath: string;
  lastUpdated: EntryData['lastUpdated'];
  /** Everything the file's entry depends on, hashed (the fingerprint included). */
  key: string;
}

export interface Scan {
  /** The content folder, absolute. */
  content: string;
  /** The configuration's folder: baseline entries are relative to it, as `hindsight lint` writes them. */
  configRoot: string;
  /** The day the entries are linted for (ISO time). */
  now: string;
  fingerprint: string;
  files: ScannedFile[];
  /** The index the cross-file rules read (as `hindsight lint` builds it), when one is active. */
  archive: SiteArchive | null;
  /**
   * The rule reference (made here, where the rules are loaded anyway); null when the last
   * build's was made for the same fingerprint (`rulesMadeFor`): the content store holds it;
   * null too when it was not asked for (`makeRules`: the build's threads make it as a task
   * of its own, shared/work.ts).
   */
  rules: RuleData[] | null;
}

/** The archive index of the cross-file rules (unique-id, related-links, recurrence), as plain data. */
export interface SiteArchive {
  /** The configuration's folder: paths in their messages are relative to it. */
  root: string;
  entries: ArchiveEntry[];
  /** A hash of everything those rules read: every file's entry depends on it. */
  digest: string;
}

/**
 * A postmortem's text, read as `hindsight lint` reads it (a regular file, up to the size limit,
 * no link out of `boundary`): a file it would not read stops the build, named, before it
 * fills the memory.
 */
export function readSource(root: string, file: string, boundary: string | undefined): string {
  const read = readPostmortemText(file, boundary);
  if ('text' in read) return read.text;
  throw new PathError(`${path.relative(root, file)}: ${read.problem}`);
}

function withoutPath(entry: ArchiveEntry): Omit<ArchiveEntry, 'filePath'> {
  const { filePath: _filePath, ...rest } = entry;
  return rest;
}

/** The Archive a linter reads, from its plain data. */
export function archiveOf(site: SiteArchive, config: ResolvedConfig): Archive {
  return new Archive(site.root, site.entries, modelOptionsOf(config).sectionAliases);
}

/**
 * Every postmortem the linter would read, with its text (unless `memoFile` records it
 * unchanged since the last scan: scan-memo.ts), last-updated date and repository path.
 */
export async function scanArchive(
  setup: Setup,
  now: Date,
  rulesMadeFor: string | null = null,
  memoFile: string | null = null,
  makeRules = true,
): Promise<Scan> {
  const { root, config, content } = setup;
  const scannedAt = Date.now();
  const paths = await selectFiles({ cwd: root, root: config.root, paths: [], contentFolder: content, ignoreGlobs: config.ignore });
  const git = readGitInfo(content);
  const fingerprint = codeFingerprint(config, now);
  const memo = readScanMemo(memoFile, fingerprint);
  // The cross-file rules read every other postmortem: the site's lint of a file must say
  // what `hindsight lint` says (a duplicate id fails both), and a file's entry is stale when
  // what those rules read of the others changes.
  const need = archiveNeed(config, setup.rules);
  const aliases = modelOptionsOf(config).sectionAliases;
  const seen: Record<string, MemoFile> = {};
  const read = paths.map((file) => {
    const boundary = linkBoundary(file, content, config.root);
    const stat = statSync(file, { throwIfNoEntry: false });
    const known = stat ? unchanged(memo, file, stat) : null;
    if (known && (need === null || known.entry !== null)) {
      seen[file] = known;
      return { boundary, source: null, hash: known.hash, entry: known.entry && { ...known.entry, filePath: file } };
    }
    const source = readSource(root, file, boundary);
    const hash = contentHash(source);
    const entry = need ? indexEntry(file, source, need, aliases) : null;
    if (stat) seen[file] = { size: stat.size, mtimeMs: stat.mtimeMs, hash, entry: entry && withoutPath(entry) };
    return { boundary, source, hash, entry };
  });
  writeScanMemo(memoFile, fingerprint, scannedAt, seen);
  let archive: SiteArchive | null = null;
  if (need) {
    const entries = read.map((r) => r.entry!);
    archive = { root: config.root, entries, digest: archiveDigest(config.root, entries) };
  }
  const files = paths.map((file, index): ScannedFile => {
    const { source, hash, boundary } = read[index]!;
    const slug = slugOf(path.relative(content, file));
    const updated = lastUpdated(git, file);
    const sourcePath = repositoryPath(git, file, root, content);
    const key = createHash('sha1')
      .update(`${fingerprint}\0${archive?.digest ?? ''}\0${sourcePath}\0${updated.iso}\0${updated.from}\0${hash}`)
      .digest('hex');
    return { file, slug, source, boundary, sourcePath, lastUpdated: updated, key };
  });
  return {
    content,
    configRoot: config.root,
    now: now.toISOString(),
    fingerprint,
    files,
    archive,
    rules: !makeRules || fingerprint === rulesMadeFor ? null : ruleEntries(setup.rules, config),
  };
}

// A file name can hold control characters (a line break, ESC): Astro prints every page's path
// in the build log, where they would move the terminal's cursor or start a line a CI runner
// reads as a workflow command, and it decodes percent-encoding before it matches a page. Such
// a page's name has each run of them as "-", and a hash of the path to keep it unique.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

/** The page name of a postmortem, from its path under the content folder. */
export function slugOf(relative: string): string {
  const slug = relative.replace(/\.md$/i, '').split(path.sep).join('/');
  if (!/[\u0000-\u001f\u007f-\u009f]/.test(slug)) return slug;
  return `${slug.replace(CONTROLS, '-')}-${createHash('sha1').update(relative).digest('hex').slice(0, 8)}`;
}
