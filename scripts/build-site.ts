// The archive site as the package ships it, lib/site/ (scripts/build-lib.ts calls this): what
// `hindsight-postmortems/astro` and `hindsight site` hand to the user's Astro.
//
//   lib/site/*.js, shared/*.js, pages/*.js   every TypeScript module of src/site, bundled by
//                          esbuild with the lint stack and the site's libraries (no sources or
//                          devDependencies are needed from node_modules); Astro, Pagefind and
//                          piscina stay imports, found in the user's project
//   lib/site/chunks/       the code those modules share (one copy of the options, the work)
//   lib/site/worker.js     the site's worker thread, run by Node itself (no type stripping
//                          in node_modules: why the site is not shipped as TypeScript)
//   lib/site/**/*.astro, styles/   the pages, components, layouts and styles, copied, with
//                          their imports of `.ts` modules pointing at the built `.js` ones;
//                          the user's Astro compiles them, as it does Starlight's
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** Where work.ts's worker is; replaced in each output by the path from there to lib/site/worker.js. */
const WORKER_PLACEHOLDER = '__HINDSIGHT_SITE_WORKER__';

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, keep));
    else if (keep(entry.name)) out.push(full);
  }
  return out.sort();
}

/** The types of `hindsight-postmortems/astro` (src/site/shared/options.ts, SiteOptionsInput). */
const INTEGRATION_TYPES = `import type { AstroIntegration } from 'astro';
export interface HindsightSiteOptions {
  /** Site name in headers and the feed. */
  title?: string;
  /** The folder of postmortems (default: the linter configuration's content folder). */
  content?: string | null;
  /** Edit link pattern, {path} = the file's path in the repository (default: from the git remote); false for none. */
  editUrl?: string | false;
  /** Link to one line, {path} and {line} (default: from the git remote); false for none. */
  lineUrl?: string | false;
  /** A baseline written by \`hindsight lint --baseline-write\`: its findings are known, not build failures. */
  baseline?: string | null;
}
export declare function hindsightSite(options?: HindsightSiteOptions): AstroIntegration;
export default hindsightSite;
`;

/** `.astro` frontmatter imports of the site's TypeScript modules, as imports of the built ones. */
export function builtImports(astro: string): string {
  return astro.replace(/(from\s+['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2');
}

export async function buildSite(root: string, outdir: string, base: BuildOptions): Promise<void> {
  const siteSrc = path.join(root, 'src', 'site');
  const workFile = path.join(siteSrc, 'shared', 'work.ts');
  const workerAt: Plugin = {
    name: 'hindsight-site-worker',
    setup(b) {
      b.onLoad({ filter: /[\\/]site[\\/]shared[\\/]work\.ts$/ }, (args) => {
        if (path.resolve(args.path) !== workFile) return undefined;
        const source = readFileSync(workFile, 'utf8');
        const call = "workerBeside(import.meta.url, '../worker')";
        if (!source.includes(call)) throw new Error(`build-site: ${workFile} no longer starts its worker with ${call}; update scripts/build-site.ts.`);
        return { contents: source.replace(call, `new URL('${WORKER_PLACEHOLDER}', import.meta.url).href`), loader: 'ts', resolveDir: path.dirname(workFile) };
      });
    },
  };
  const entryPoints = filesUnder(siteSrc, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  const result = await build({
    ...base,
    entryPoints,
    outbase: siteSrc,
    outdir,
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['astro', 'astro/*', 'astro:*', 'virtual:*', 'piscina', 'pagefind'],
    plugins: [...(base.plugins ?? []), workerAt],
    metafile: true,
  });
  const worker = path.join(outdir, 'worker.js');
  for (const file of Object.keys(result.metafile.outputs)) {
    const full = path.resolve(root, file);
    if (!full.endsWith('.js')) continue;
    const text = readFileSync(full, 'utf8');
    if (!text.includes(WORKER_PLACEHOLDER)) continue;
    const relative = path.relative(path.dirname(full), worker).split(path.sep).join('/');
    writeFileSync(full, text.replaceAll(WORKER_PLACEHOLDER, relative.startsWith('.') ? relative : `./${relative}`));
  }
  writeFileSync(path.join(outdir, 'integration.d.ts'), INTEGRATION_TYPES);
  for (const file of filesUnder(siteSrc, (name) => !name.endsWith('.ts'))) {
    const target = path.join(outdir, path.relative(siteSrc, file));
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.astro')) writeFileSync(target, builtImports(readFileSync(file, 'utf8')));
    else cpSync(file, target);
  }
}
