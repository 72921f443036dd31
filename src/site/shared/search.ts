// The search index (Pagefind's Node API). What is searchable of an incident is its title, its
// rendered postmortem and its frontmatter id, with its date as metadata and sort key, and its
// severity, services and year as filters: `searchDocument` writes exactly that as the small
// HTML document Pagefind indexes for the incident's page URL. The rest of the incident page
// (side panel, timeline, action items, findings) is not searched, so the built pages are not
// read again.
//
// In a build the content loader starts the index as soon as the archive has passed lint
// (`startSearchIndex`): Pagefind runs in its own process while Astro bundles and renders the
// pages, and writes its files into the build's cache folder. After the build the integration
// links them into the site (`finishSearchIndex`); an indexing error fails the build there,
// since Pagefind returns its errors instead of throwing them. The index is kept in the cache
// folder with a key of what it was made from (Pagefind's version and what every document was
// made from): a build whose documents are all the same reuses it instead of indexing again, and
// the loader makes the documents only when the key differs (`searchEntriesKey`).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeXml } from './format.ts';
import type { Incident } from './incident.ts';
import { visibleLine } from '../../report/terminal.ts';
import { xmlText } from './text.ts';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export interface SearchDocument {
  /** The incident page's URL. */
  url: string;
  /** An HTML document for Pagefind. */
  html: string;
}

/**
 * The searchable part of an incident page: its title and body, its filters, meta and sort.
 *
 * Pagefind's default UI renders filter values as HTML (Svelte's `{@html}`), and Pagefind
 * decodes character references in a filter value more than once (1.6: twice), so no amount
 * of escaping is safe across versions. A filter value is therefore text that means the same
 * however often it is decoded: the label with `&`, `<` and `>` written as their full-width
 * forms (＆ ＜ ＞), on one line (`searchLabel`). Filter names are ours, every value is given as
 * an element's text (never in an attribute, where `:` and `,` have meaning), and the date
 * reaches meta and sort only as digits. Titles, sub-result headings and excerpts are rendered
 * as text by the UI (excerpts with `<` and `>` escaped by Pagefind itself).
 */
export function searchDocument(incident: Incident, bodyHtml: string): SearchDocument {
  const filter = (name: 'year' | 'severity' | 'service', label: string): string =>
    `<span data-pagefind-filter="${name}">${escapeXml(searchLabel(label))}</span>`;
  const filters = [
    /^\d{4}$/.test(incident.year) ? filter('year', incident.year) : '',
    filter('severity', incident.severity),
    ...incident.services.map((service) => filter('service', service)),
  ].join('');
  // The frontmatter id is rarely in the body: it is searchable text of its own, weighted so
  // that searching "INC-2024-017" puts that incident first.
  const idText = incident.id ? `<p data-pagefind-weight="10">${escapeXml(searchLabel(incident.id))}</p>` : '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(incident.date) ? ` data-pagefind-meta="date:${incident.date}" data-pagefind-sort="date:${incident.date}"` : '';
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(incident.title)}</title></head><body>` +
    `<article data-pagefind-body${date}>${idText}` +
    `<h1>${escapeXml(incident.title)}</h1><div>${bodyHtml}</div></article>${filters}</body></html>`;
  // Pagefind's service takes the document as JSON and stops on a lone surrogate (a title's
  // "\ud800" in YAML): what XML forbids is no text to search either.
  return { url: `/incidents/${incident.slug}/`, html: xmlText(html) };
}

/** A filter label as Pagefind gets it: one line of printable text with no `&`, `<` or `>` to decode or render. */
export function searchLabel(label: string): string {
  const text = xmlText(label.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')).trim();
  return (text || 'unnamed').replace(/[&<>]/g, (char) => FULL_WIDTH[char]!);
}

const FULL_WIDTH: Record<string, string> = { '&': '\uff06', '<': '\uff1c', '>': '\uff1e' };

/** Indexes the documents and writes Pagefind's files into `outputPath`; the number of pages indexed. */
export async function writeSearchIndex(documents: readonly SearchDocument[], outputPath: string): Promise<number> {
  if (documents.length === 0) throw new SearchIndexError('Pagefind has no page to index: the archive has no postmortem.');
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index || errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${visibleLine(errors.join('; ')) || 'no index'}`);
    const added = await Promise.all(documents.map((doc) => index.addHTMLFile({ url: doc.url, content: doc.html })));
    const failed = added.flatMap((result, i) => result.errors.map((error) => visibleLine(`${documents[i]!.url}: ${error}`)));
    if (failed.length > 0) throw new SearchIndexError(`Pagefind could not index ${failed.length} pages: ${failed.slice(0, 5).join('; ')}`);
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${visibleLine(written.errors.join('; '))}`);
    return added.length;
  } finally {
    await pagefind.close();
  }
}

const INDEX_OPTIONS = { forceLanguage: 'en' };

/** What an index is made from: Pagefind's version, its options and every document (in URL order). */
export function searchIndexKey(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha1').update(`documents\0${pagefindVersion()}\0${JSON.stringify(INDEX_OPTIONS)}\0`);
  for (const doc of [...documents].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`${doc.url}\0${doc.html}\0`);
  return hash.digest('hex');
}

/**
 * The same for an index whose documents are still to be made from content entries: Pagefind's
 * version and options, the site's base and every entry's id and digest (in id order), which
 * covers all a document is made from (the entry's text, the code and configuration).
 */
export function searchEntriesKey(entries: Iterable<{ id: string; digest: string }>, base: string): string {
  const hash = createHash('sha1').update(`entries\0${pagefindVersion()}\0${JSON.stringify(INDEX_OPTIONS)}\0${base}\0`);
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of sorted) hash.update(`${entry.id}\0${entry.digest}\0`);
  return hash.digest('hex');
}

/** An index to start: its key, and its documents, made only if the kept index has another key. */
export interface SearchIndexWork {
  key: string;
  documents: () => readonly SearchDocument[];
}

/** The work of indexing documents already made, keyed by their text. */
export function indexOfDocuments(documents: readonly SearchDocument[]): SearchIndexWork {
  return { key: searchIndexKey(documents), documents: () => documents };
}

let version: string | undefined;

/** The installed Pagefind's version, found where Node would look for the package ('unknown' if not). */
export function pagefindVersion(): string {
  if (version !== undefined) return version;
  version = 'unknown';
  let folders: string[] = [];
  try {
    folders = createRequire(import.meta.url).resolve.paths('pagefind') ?? [];
  } catch {
    // not a file module: the key holds the documents alone
  }
  for (const dir of folders) {
    try {
      version = String((JSON.parse(readFileSync(path.join(dir, 'pagefind', 'package.json'), 'utf8')) as { version?: unknown }).version);
      break;
    } catch {
      // not in this folder
    }
  }
  return version;
}

interface PendingIndex {
  /** Where the finished index is (and stays, for the next build). */
  folder: string;
  pages: Promise<number>;
  reused: boolean;
}

const PENDING = Symbol.for('hindsight.site.search-index');
type Holder = Record<symbol, PendingIndex | undefined>;

/**
 * Starts indexing in the background, in `workDir` (kept between builds); when the index kept
 * there was made with the same key, it is reused instead (and no document is made).
 * `finishSearchIndex` puts the index into the site.
 */
export function startSearchIndex(work: SearchIndexWork, workDir: string): void {
  const folder = path.join(workDir, 'index');
  const keyFile = path.join(workDir, 'index.key');
  const { key } = work;
  let kept: string | null = null;
  try {
    kept = readFileSync(keyFile, 'utf8');
  } catch {
    // no index kept
  }
  if (kept?.startsWith(`${key}\n`) && existsSync(path.join(folder, 'pagefind-entry.json'))) {
    (globalThis as Holder)[PENDING] = { folder, pages: Promise.resolve(Number(kept.slice(key.length + 1))), reused: true };
    return;
  }
  const documents = work.documents();
  const pages = (async () => {
    // The key goes first and comes back last: an interrupted build leaves no key to a partial index.
    rmSync(keyFile, { force: true });
    const staging = path.join(workDir, 'staging');
    const count = await writeSearchIndex(documents, staging);
    rmSync(folder, { recursive: true, force: true });
    renameSync(staging, folder);
    // With the number of pages indexed, which a build that reuses the index reports.
    writeFileSync(keyFile, `${key}\n${count}`);
    return count;
  })();
  pages.catch(() => {}); // reported by finishSearchIndex
  (globalThis as Holder)[PENDING] = { folder, pages, reused: false };
}

/**
 * Waits for the index started in this build and puts it into `<outDir>/pagefind`: the number
 * of pages indexed, and whether the last build's index was reused.
 */
export async function finishSearchIndex(outDir: string): Promise<{ pages: number; reused: boolean }> {
  const holder = globalThis as Holder;
  const pending = holder[PENDING];
  holder[PENDING] = undefined;
  if (!pending) throw new SearchIndexError('No search index was started: the content loader did not run in this build.');
  const pages = await pending.pages;
  const target = path.join(outDir, 'pagefind');
  rmSync(target, { recursive: true, force: true });
  linkTree(pending.folder, target);
  if (!existsSync(path.join(target, 'pagefind-entry.json'))) throw new SearchIndexError(`Pagefind wrote no index into ${target}.`);
  return { pages, reused: pending.reused };
}

/**
 * `from`'s files under `to`, as hard links: Pagefind's thousand-odd small files are never
 * changed in place (each index is written anew), and a link costs no copy. Copied where
 * links cannot be made (another file system).
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const item of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, item.name);
    const target = path.join(to, item.name);
    if (item.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}
