// The site's settings: given to the integration in astro.config.mjs (or by environment
// variables), shared with the content loader and the pages.
export interface SiteOptions {
  /** Site name in headers and the feed. */
  title: string;
  /** The folder of postmortems; null: the linter configuration's `content` (default postmortems/). */
  content: string | null;
  /** Pattern of a file's edit link: `{path}` is the file's path in the repository. */
  editUrl: string;
  /** Pattern of a link to one line of a file: `{path}` and `{line}`. */
  lineUrl: string;
}

export interface SiteRuntime extends SiteOptions {
  /** The Astro command running: 'dev', 'build', 'preview' or 'sync'. */
  command: string;
}

const KEY = Symbol.for('hindsight.site');
const REPOSITORY = 'https://github.com/hindsight-postmortems/hindsight';

export function resolveSiteOptions(given: Partial<SiteOptions> = {}, env: NodeJS.ProcessEnv = process.env): SiteOptions {
  const fromEnv = (name: string): string | undefined => env[name]?.trim() || undefined;
  const editUrl = given.editUrl ?? fromEnv('HINDSIGHT_EDIT_URL') ?? `${REPOSITORY}/edit/main/{path}`;
  const lineUrl =
    given.lineUrl ?? fromEnv('HINDSIGHT_LINE_URL') ?? (editUrl.includes('/edit/') ? `${editUrl.replace('/edit/', '/blob/')}#L{line}` : `${editUrl}#L{line}`);
  return {
    title: given.title ?? fromEnv('HINDSIGHT_SITE_TITLE') ?? 'Hindsight — postmortem archive',
    content: given.content ?? fromEnv('HINDSIGHT_CONTENT') ?? null,
    editUrl,
    lineUrl,
  };
}

export function setSiteRuntime(runtime: SiteRuntime): void {
  (globalThis as Record<symbol, unknown>)[KEY] = runtime;
}

/** The settings of the running Astro command; defaults when no integration set them (tests). */
export function siteRuntime(): SiteRuntime {
  const value = (globalThis as Record<symbol, unknown>)[KEY] as SiteRuntime | undefined;
  return value ?? { ...resolveSiteOptions(), command: 'build' };
}
