// The search index (Pagefind's Node API). What is searchable of an incident is its title and
// its rendered postmortem, with its date as metadata and sort key, and its severity, services
// and year as filters: `searchDocument` writes exactly that as the small HTML document Pagefind
// indexes for the incident's page URL. The rest of the incident page (side panel, timeline,
// action items, findings) is not searched, so the built pages are not read again.
//
// In a build the content loader starts the index as soon as the archive has passed lint
// (`startSearchIndex`): Pagefind runs in its own process while Astro bundles and renders the
// pages, and writes its files to a staging folder. After the build the integration moves them
// into the site (`finishSearchIndex`); an indexing error fails the build there, since
// Pagefind returns its errors instead of throwing them.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { escapeXml } from './format.ts';
import type { Incident } from './incident.ts';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export interface SearchDocument {
  /** The incident page's URL. */
  url: string;
  /** An HTML document for Pagefind. */
  html: string;
}

/** The searchable part of an incident page: its title and body, its filters, meta and sort. */
export function searchDocument(incident: Incident, bodyHtml: string): SearchDocument {
  const attribute = (text: string): string => escapeXml(text);
  const filters = [
    incident.year ? `<span data-pagefind-filter="year:${attribute(incident.year)}"></span>` : '',
    `<span data-pagefind-filter="severity:${attribute(incident.severity)}"></span>`,
    ...incident.services.map((service) => `<span data-pagefind-filter="service">${escapeXml(service)}</span>`),
  ].join('');
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(incident.title)}</title></head><body>` +
    `<article data-pagefind-body data-pagefind-meta="date:${attribute(incident.date)}" data-pagefind-sort="date:${attribute(incident.date)}">` +
    `<h1>${escapeXml(incident.title)}</h1><div>${bodyHtml}</div></article>${filters}</body></html>`;
  return { url: `/incidents/${incident.slug}/`, html };
}

/** Indexes the documents and writes Pagefind's files into `outputPath`; the number of pages indexed. */
export async function writeSearchIndex(documents: readonly SearchDocument[], outputPath: string): Promise<number> {
  if (documents.length === 0) throw new SearchIndexError('Pagefind has no page to index: the archive has no postmortem.');
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ') || 'no index'}`);
    const added = await Promise.all(documents.map((doc) => index.addHTMLFile({ url: doc.url, content: doc.html })));
    const failed = added.flatMap((result, i) => result.errors.map((error) => `${documents[i]!.url}: ${error}`));
    if (failed.length > 0) throw new SearchIndexError(`Pagefind could not index ${failed.length} pages: ${failed.slice(0, 5).join('; ')}`);
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.length;
  } finally {
    await pagefind.close();
  }
}

interface PendingIndex {
  staging: string;
  pages: Promise<number>;
}

const PENDING = Symbol.for('hindsight.site.search-index');
type Holder = Record<symbol, PendingIndex | undefined>;

/** Starts indexing in the background; its files go to `staging` until `finishSearchIndex`. */
export function startSearchIndex(documents: readonly SearchDocument[], staging: string): void {
  const pages = writeSearchIndex(documents, staging);
  pages.catch(() => {}); // reported by finishSearchIndex
  (globalThis as Holder)[PENDING] = { staging, pages };
}

/** Waits for the index started in this build and moves it to `<outDir>/pagefind`; the number of pages indexed. */
export async function finishSearchIndex(outDir: string): Promise<number> {
  const holder = globalThis as Holder;
  const pending = holder[PENDING];
  holder[PENDING] = undefined;
  if (!pending) throw new SearchIndexError('No search index was started: the content loader did not run in this build.');
  const pages = await pending.pages;
  const target = path.join(outDir, 'pagefind');
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(pending.staging, target);
  } catch {
    // another file system: copy instead
    cpSync(pending.staging, target, { recursive: true });
    rmSync(pending.staging, { recursive: true, force: true });
  }
  if (!existsSync(path.join(target, 'pagefind-entry.json'))) throw new SearchIndexError(`Pagefind wrote no index into ${target}.`);
  return pages;
}
