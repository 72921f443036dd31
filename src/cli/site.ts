// `hindsight site [build|dev|preview]`: the archive site for the project in the current
// folder, by Astro's own programmatic API with Hindsight's integration. A project with an
// astro.config of its own is built with it (it adds the integration: docs/site.md); one
// without gets a built-in configuration, so installing Hindsight and Astro is all it needs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT_CODE, HindsightError, UsageError } from '../errors.ts';
import { printForeign } from '../report/output.ts';

export interface SiteCliOptions {
  outDir?: string;
  base?: string;
  site?: string;
  content?: string;
  baseline?: string;
  port?: string;
}

export type SiteAction = 'build' | 'dev' | 'preview';

const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];
/** The oldest Node Astro runs on. */
const ASTRO_NODE = [22, 12] as const;

/** The integration: beside this module in the sources, lib/site/ in the package (not bundled into the command line). */
const INTEGRATION = new URL(import.meta.url.endsWith('.ts') ? '../site/integration.ts' : './site/integration.js', import.meta.url);

type Astro = typeof import('astro');

export async function site(action: string | undefined, options: SiteCliOptions, cwd = process.cwd()): Promise<number> {
  const what = (action ?? 'build') as SiteAction;
  if (!['build', 'dev', 'preview'].includes(what)) throw new UsageError(`hindsight site takes build, dev or preview, not "${action}".`);
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < ASTRO_NODE[0] || (major === ASTRO_NODE[0] && minor < ASTRO_NODE[1]))
    throw new HindsightError(`hindsight site runs Astro, which needs Node ${ASTRO_NODE.join('.')} or newer (this is ${process.version}).`);
  const astro = await loadAstro(cwd);
  const userConfig = ASTRO_CONFIGS.find((name) => existsSync(path.join(cwd, name)));
  const inline: Record<string, unknown> = { root: cwd };
  if (options.outDir !== undefined) inline.outDir = path.resolve(cwd, options.outDir);
  if (options.base !== undefined) inline.base = options.base;
  if (options.site !== undefined) inline.site = options.site;
  if (options.port !== undefined) inline.server = { port: parsePort(options.port) };
  if (userConfig) {
    if (options.content !== undefined || options.baseline !== undefined)
      throw new UsageError(`--content and --baseline are options of the integration in ${userConfig}: give them there (hindsight({ content, baseline })).`);
  } else {
    const { hindsightSite } = (await import(INTEGRATION.href)) as typeof import('../site/integration.ts');
    Object.assign(inline, {
      configFile: false,
      trailingSlash: 'ignore',
      // Pages are written while the next ones render (see astro.config.mjs).
      build: { concurrency: 4 },
      integrations: [hindsightSite({ content: options.content ?? null, baseline: options.baseline ?? null })],
    });
  }
  try {
    if (what === 'build') {
      await astro.build(inline);
      return EXIT_CODE.clean;
    }
    const server = what === 'dev' ? await astro.dev(inline) : await astro.preview(inline);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.stop();
    return EXIT_CODE.clean;
  } catch (error) {
    return buildFailure(error);
  }
}

/** Lint errors in the archive: their report and exit code 1, as `hindsight lint`; anything else stops the run with its message (2). */
function buildFailure(error: unknown): number {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === 'ArchiveLintError' && e.message.includes('lint errors')) {
      // Astro's API throws it without printing it (its CLI would): the report, as the loader wrote it.
      printForeign('stderr', `${e.message.trimEnd()}\n`);
      return EXIT_CODE.findings;
    }
    if (e.name === 'ArchiveLintError' || e.name === 'SiteSetupError' || e.name === 'SearchIndexError') throw new HindsightError(e.message);
  }
  const message = error instanceof Error ? error.message : String(error);
  throw new HindsightError(`the site build stopped: ${message.trim()}`);
}

/** Astro as the project installed it (an optional peer dependency: a CLI-only install has none); Vite resolves its runtime from the project too. */
async function loadAstro(cwd: string): Promise<Astro> {
  const { createRequire } = await import('node:module');
  let entry: string;
  try {
    entry = createRequire(path.join(cwd, 'package.json')).resolve('astro');
  } catch {
    throw new HindsightError('hindsight site needs Astro installed in this project: npm install -D astro pagefind (Pagefind builds the search index).');
  }
  return (await import(pathToFileURL(entry).href)) as Astro;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port takes a port number, not "${value}".`);
  return port;
}
