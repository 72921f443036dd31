// A postmortem's rendered HTML, kept beside Astro's content store in a build instead of in it.
//
// Astro writes its whole store again in every build (devalue), then bundles it into the pages
// as one string, then parses it back. The rendered postmortems were four fifths of its bytes,
// read only by the incident page, the feed and the related incidents. In a build each is a
// file of the cache folder named by its entry's digest (which covers the text, the code and
// the configuration, so a name is never reused for other HTML), and the entry records that
// name (`rendered.metadata.htmlFile`) with an empty `rendered.html`. Under `astro dev` the
// HTML stays in the store, as Astro's own loaders keep it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of the rendered postmortems in a build's cache folder. */
export function htmlFolder(cacheDir: string): string {
  return path.join(cacheDir, 'hindsight-html');
}

/** An entry as stored: what tells where its HTML is. */
export interface RenderedEntry {
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

/** The file of an entry's HTML, when it is kept outside the store. */
export function htmlFileOf(entry: RenderedEntry): string | null {
  const file = entry.rendered?.metadata?.['htmlFile'];
  return typeof file === 'string' && /^[\w-]+\.html$/.test(file) ? file : null;
}

/**
 * Writes `html` for the entry with `digest` into `folder` (whole or not at all: an interrupted
 * build leaves no half file under a name the next build trusts); the `rendered` to store.
 */
export function keepHtmlOutside(folder: string, digest: string, html: string, headings: unknown): { html: string; metadata: Record<string, unknown> } {
  const file = `${digest.replace(/[^\w-]/g, '_')}.html`;
  const target = path.join(folder, file);
  mkdirSync(folder, { recursive: true });
  const staging = `${target}.${process.pid}.tmp`;
  writeFileSync(staging, html);
  renameSync(staging, target);
  return { html: '', metadata: { headings, htmlFile: file } };
}

/** Whether the HTML a stored entry points to is still there (or the entry holds its own). */
export function htmlPresent(entry: RenderedEntry, folder: string | null): boolean {
  const file = htmlFileOf(entry);
  if (file === null) return true;
  return folder !== null && existsSync(path.join(folder, file));
}

/**
 * An entry's HTML: from its file when it is kept outside the store. The loader made sure the
 * file was there; one removed during the build stops it rather than publish an empty page.
 */
export function entryHtml(entry: RenderedEntry, folder: string | null): string {
  const file = htmlFileOf(entry);
  if (file === null) return entry.rendered?.html ?? '';
  try {
    if (folder === null) throw new Error('no cache folder');
    return readFileSync(path.join(folder, file), 'utf8');
  } catch {
    throw new Error(`The rendered postmortem ${file} is gone from the build's cache folder (${folder ?? 'none'}): build again.`);
  }
}

/** Removes the files no stored entry points to (postmortems edited or removed since). */
export function pruneHtmlFolder(folder: string, entries: Iterable<RenderedEntry>): void {
  const kept = new Set<string>();
  for (const entry of entries) {
    const file = htmlFileOf(entry);
    if (file) kept.add(file);
  }
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (!kept.has(name)) rmSync(path.join(folder, name), { force: true });
}
