// The site's settings: given to the integration in astro.config.mjs (or by environment
// variables), shared with the content loader and the pages.
import { repositoryLinks } from './git.ts';

export interface SiteOptions {
  /** Site name in headers and the feed. */
  title: string;
  /** The folder of postmortems; null: the linter configuration's `content` (default postmortems/). */
  content: string | null;
  /** Pattern of a file's edit link: `{path}` is the file's path in the repository; '' for no edit links. */
  editUrl: string;
  /** Pattern of a link to one line of a file: `{path}` and `{line}`; '' for none. */
  lineUrl: string;
  /** A baseline file written by `hindsight lint --baseline-write` (relative to the project root): its findings are known, not build failures. */
  baseline: string | null;
}

export interface SiteRuntime extends SiteOptions {
  /** The Astro command running: 'dev', 'build', 'preview' or 'sync'. */
  command: string;
  /** Astro's `base`: the subfolder the site is hosted in ('/' at the root). */
  base: string;
  /** The route patterns of the site's pages when they are injected beside a project's own pages; null when the project is the site. */
  routes: string[] | null;
  /** Where a build keeps the rendered postmortems (entry-html.ts); null outside a build. */
  htmlDir: string | null;
  /** Where a build keeps the related incidents for the next one (related-cache.ts); null outside a build. */
  relatedCache: string | null;
}

/** What the integration accepts: each setting may be left out (then: environment, git remote, defaults). */
export type SiteOptionsInput = Partial<Omit<SiteOptions, 'editUrl' | 'lineUrl' | 'baseline'>> & {
  /** false: no edit links even when the repository has a remote. */
  editUrl?: string | false;
  lineUrl?: string | false;
  baseline?: string | null;
};

const KEY = Symbol.for('hindsight.site');

/**
 * The settings in effect for the project at `root`: given, else from the environment, else
 * (links) from the repository's `origin` remote. A project with no remote gets no edit links,
 * never someone else's repository.
 */
export function resolveSiteOptions(given: SiteOptionsInput = {}, env: NodeJS.ProcessEnv = process.env, root: string | null = null): SiteOptions {
  const fromEnv = (name: string): string | undefined => env[name]?.trim() || undefined;
  const pick = (value: string | false | undefined, name: string): string | undefined => (value === false ? '' : (value ?? fromEnv(name)));
  let editUrl = pick(given.editUrl, 'HINDSIGHT_EDIT_URL');
  let lineUrl = pick(given.lineUrl, 'HINDSIGHT_LINE_URL');
  if (editUrl === undefined) {
    const links = root ? repositoryLinks(root) : null;
    editUrl = links?.editUrl ?? '';
    lineUrl ??= links?.lineUrl ?? '';
  }
  lineUrl ??= editUrl === '' ? '' : editUrl.includes('/edit/') ? `${editUrl.replace('/edit/', '/blob/')}#L{line}` : `${editUrl}#L{line}`;
  return {
    title: given.title ?? fromEnv('HINDSIGHT_SITE_TITLE') ?? 'Hindsight — postmortem archive',
    content: given.content ?? fromEnv('HINDSIGHT_CONTENT') ?? null,
    editUrl,
    lineUrl,
    baseline: given.baseline ?? fromEnv('HINDSIGHT_BASELINE') ?? null,
  };
}

export function setSiteRuntime(runtime: SiteRuntime): void {
  (globalThis as Record<symbol, unknown>)[KEY] = runtime;
}

/** The settings of the running Astro command; defaults when no integration set them (tests). */
export function siteRuntime(): SiteRuntime {
  const value = (globalThis as Record<symbol, unknown>)[KEY] as SiteRuntime | undefined;
  return value ?? { ...resolveSiteOptions(), command: 'build', base: '/', routes: null, htmlDir: null, relatedCache: null };
}
