// `npm run build:lib` (the `prepare` script runs it on `npm install` and `npm pack`): bundles
// the command line into lib/ with esbuild, for installed copies and Node 20.
//
//   lib/hindsight.js   the entry bin/hindsight.js imports (main), with the code every command
//                      needs; each command's own code, the other output formats, the cache,
//                      fixes, baselines and the archive index are chunks beside it, loaded
//                      when used (splitting: the `import()`s of the sources stay lazy)
//   lib/worker.js      the worker thread of a large run (src/lint/pool.ts starts ./worker.js)
//   lib/sources.json   what it was built from (bin/sources.js), to tell when it is stale
//   lib/site/          the archive site (scripts/build-site.ts)
//   lib/api/           the library (`import … from 'hindsight-postmortems'`, src/index.ts),
//                      the remark plugin (`hindsight-postmortems/remark`, src/remark.ts) and
//                      their types (see buildLibrary, emitDeclarations)
//
// An installed copy then loads a few files instead of some 460 modules, whose resolution
// was most of a one-file lint's start-up. The rules are the ones rules/index.ts lists, as in
// the sources (the build stops when that index is out of step with rules/). One thing the
// sources do at run time is settled here (src/lint/config/bundled.ts): the built-in JSON
// Schemas (frontmatter, configuration) are compiled by ajv's standalone code generation, so
// the bundle neither loads nor runs ajv unless a configuration brings its own
// frontmatterSchema. Its functions are rewritten to be compiled with their chunk
// (scripts/eager-functions.ts), which Node's compile cache then keeps.
//
//   node scripts/build-lib.ts [--outdir DIR] [--lazy]     (default: lib/)
//
// --lazy leaves the functions as esbuild wrote them, compiled at their first call: for a
// bundle that runs without a compile cache (the Action's, on the runner's Node 20).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Ajv2020 as AjvType } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { FRONTMATTER_AJV_OPTIONS, mergeSchema } from '../rules/frontmatter-schema.ts';
import { CONFIG_AJV_OPTIONS } from '../src/lint/config/load.ts';
import { HINDSIGHT_FORMATS } from '../src/lint/config/formats.ts';
import { configSchema } from '../src/lint/config/schema.ts';
import { loadRules } from '../src/lint/registry.ts';
import { buildSite } from './build-site.ts';
import { eagerFunctions } from './eager-functions.ts';
import { ruleFiles, ruleIndexSource } from './rule-index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string' }, lazy: { type: 'boolean' } } });
const outdir = path.resolve(values.outdir ?? path.join(root, 'lib'));

if (readFileSync(path.join(root, 'rules', 'index.ts'), 'utf8') !== ruleIndexSource(ruleFiles(path.join(root, 'rules')))) {
  process.stderr.write('build-lib: rules/index.ts is out of step with the files of rules/: run `npm run rules:index`.\n');
  process.exit(1);
}

const BUNDLED = path.join(root, 'src', 'lint', 'config', 'bundled.ts');
const YAML_LOADER = path.join(root, 'src', 'core', 'yaml.ts');
const TOML_LOADER = path.join(root, 'src', 'core', 'toml.ts');
const FORMATS_MODULE = path.join(root, 'src', 'lint', 'config', 'formats.ts');
const VALIDATOR_NAMESPACE = 'hindsight-validator';

/** ajv's standalone ES module of one schema; its formats come from `hindsightFormats` (see validatorModule). */
function standalone(ajv: AjvType, schema: Record<string, unknown>): string {
  return standaloneCode.default(ajv, ajv.compile(schema));
}

const formatsCode = _`hindsightFormats`;
const configAjv = new Ajv2020({ ...CONFIG_AJV_OPTIONS, code: { source: true, esm: false } });
const frontmatterAjv = addFormats.default(new Ajv2020({ ...FRONTMATTER_AJV_OPTIONS, code: { source: true, esm: true, formats: formatsCode } }));
for (const [name, format] of Object.entries(HINDSIGHT_FORMATS)) frontmatterAjv.addFormat(name, format);

// The configuration's validator is the largest piece of code a run could load (300 KB), and a
// plain configuration needs none of it (src/lint/config/plain-config.ts). The command line's
// bundle keeps it in a file of its own, config-validator.cjs beside the chunks, required only
// when a configuration needs it: its source is then not even read. The library, the site and
// the Action's one-file bundle have it inline, in a function that eagerFunctions leaves alone
// (compiled only if it is called).
const configValidatorCode = standalone(configAjv, configSchema(await loadRules()));
const CONFIG_VALIDATOR_FILE = 'config-validator.cjs';
const inlineConfigValidator = [
  'export function __lazyConfigValidator() {',
  'const module = { exports: {} };',
  configValidatorCode,
  'return module.exports;',
  '}',
].join('\n');

const validators: Record<string, string> = {
  frontmatter: [
    `import { fullFormats } from 'ajv-formats/dist/formats.js';`,
    `import { HINDSIGHT_FORMATS } from ${JSON.stringify(FORMATS_MODULE)};`,
    `const hindsightFormats = { ...fullFormats, ...HINDSIGHT_FORMATS };`,
    standalone(frontmatterAjv, mergeSchema(null, [])),
  ].join('\n'),
  config: inlineConfigValidator,
};

/** Writes the configuration's validator, with the parts of ajv it requires, as a CommonJS file in `dir`. */
async function writeConfigValidator(dir: string): Promise<void> {
  await build({
    stdin: { contents: configValidatorCode, resolveDir: root, loader: 'js', sourcefile: CONFIG_VALIDATOR_FILE },
    outfile: path.join(dir, CONFIG_VALIDATOR_FILE),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
}

/**
 * Replaces config/bundled.ts with the precompiled validators: the configuration's from its own
 * file beside the chunks (`separate`, writeConfigValidator), or inline.
 */
const bundledPlugin = (separate: boolean): Plugin => ({
  name: 'hindsight-bundled',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]lint[\\/]config[\\/]bundled\.ts$/ }, (args) => {
      if (path.resolve(args.path) !== BUNDLED) return undefined;
      const lines = [
        `import { validate as frontmatter } from '${VALIDATOR_NAMESPACE}:frontmatter';`,
        ...(separate ? [] : [`import { __lazyConfigValidator } from '${VALIDATOR_NAMESPACE}:config';`]),
        'let config = null;',
        // `require` is the chunk's own (the banner's createRequire): it resolves beside the chunk.
        `export const bundledValidators = { frontmatter, get config() { return (config ??= ${separate ? `require('./${CONFIG_VALIDATOR_FILE}')` : '__lazyConfigValidator()'}); } };`,
      ];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: path.dirname(BUNDLED) };
    });
    b.onResolve({ filter: new RegExp(`^\\./${CONFIG_VALIDATOR_FILE.replace('.', '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
    // The sources load yaml from node_modules when first needed; the bundle requires its own
    // copy then (esbuild wraps it, so it is evaluated on that call, not at start-up).
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]yaml\.ts$/ }, (args) => {
      if (path.resolve(args.path) !== YAML_LOADER) return undefined;
      return {
        contents: `let yaml = null;\nexport function loadYaml() { return (yaml ??= require('yaml')); }\n`,
        loader: 'js',
        resolveDir: path.dirname(YAML_LOADER),
      };
    });
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]toml\.ts$/ }, (args) => {
      if (path.resolve(args.path) !== TOML_LOADER) return undefined;
      return {
        contents: `let toml = null;\nexport function loadToml() { return (toml ??= require('smol-toml')); }\n`,
        loader: 'js',
        resolveDir: path.dirname(TOML_LOADER),
      };
    });
    b.onResolve({ filter: new RegExp(`^${VALIDATOR_NAMESPACE}:`) }, (args) => ({
      path: args.path.slice(VALIDATOR_NAMESPACE.length + 1),
      namespace: VALIDATOR_NAMESPACE,
    }));
    b.onLoad({ filter: /.*/, namespace: VALIDATOR_NAMESPACE }, (args) => ({ contents: validators[args.path]!, loader: 'js', resolveDir: root }));
  },
});

// The library's entry points: package.json's `exports` name lib/api/index.js and lib/api/remark.js.
const LIBRARY_ENTRIES = { index: path.join(root, 'src', 'index.ts'), remark: path.join(root, 'src', 'remark.ts') };
const LIBRARY_DIR = path.join(outdir, 'api');

/**
 * The library, built as the command line is but apart from it, into lib/api/ with a worker
 * of its own (a large lintFiles starts ./worker.js beside its code): entry points sharing
 * the command line's chunks would split them further, and a hook's one-file lint would load
 * more files (test/hooks/startup.test.ts counts them).
 */
async function buildLibrary(): Promise<void> {
  await build({ ...cliBuild, plugins: [bundledPlugin(false)], entryPoints: { ...LIBRARY_ENTRIES, worker: WORKER_ENTRY }, outdir: LIBRARY_DIR });
}

/**
 * The library's declaration files, lib/api/index.d.ts and lib/api/remark.d.ts, emitted by the
 * project's own TypeScript (`tsc --emitDeclarationOnly`: no other tool, and the types are
 * exactly those the type check checks). The entry points declare their public types themselves, so only the
 * declarations they reach are kept (the error classes' too); relative `.ts` specifiers become
 * `.js` ones, which a consumer's TypeScript resolves to the `.d.ts` beside them.
 */
function emitDeclarations(): void {
  // Resolved as Node resolves packages, up from this script: a copy of the project (the
  // new-rule test) has no node_modules of its own.
  const resolvePackage = createRequire(import.meta.url).resolve;
  const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-dts-'));
  try {
    const tsconfig = path.join(temp, 'tsconfig.json');
    const compilerOptions = {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      outDir: path.join(temp, 'out'),
      rootDir: root,
      typeRoots: [path.dirname(path.dirname(resolvePackage('@types/node/package.json')))],
    };
    writeFileSync(tsconfig, JSON.stringify({ extends: path.join(root, 'tsconfig.json'), compilerOptions, files: Object.values(LIBRARY_ENTRIES), include: [] }));
    const tsc = spawnSync(process.execPath, [path.join(path.dirname(resolvePackage('typescript/package.json')), 'bin', 'tsc'), '-p', tsconfig], {
      cwd: root,
      encoding: 'utf8',
    });
    if (tsc.status !== 0) throw new Error(`tsc --emitDeclarationOnly failed:\n${tsc.stdout}${tsc.stderr}`);
    const pending = Object.keys(LIBRARY_ENTRIES).map((name) => `${name}.d.ts`);
    const kept = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (kept.has(file)) continue;
      kept.add(file);
      const text = readFileSync(path.join(temp, 'out', 'src', file), 'utf8').replace(/(from '\.\/[^']+)\.ts'/g, "$1.js'");
      for (const [, target] of text.matchAll(/from '\.\/([^']+)\.js'/g)) {
        if (target!.includes('/'))
          throw new Error(`${file}: the library's types reach into src/${target}; declare the public types in the entry point instead.`);
        pending.push(`${target}.d.ts`);
      }
      writeFileSync(path.join(LIBRARY_DIR, file), text);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

rmSync(outdir, { recursive: true, force: true });
const WORKER_ENTRY = path.join(root, 'src', 'lint', 'worker.ts');
const cliBuild: BuildOptions = {
  entryPoints: { hindsight: path.join(root, 'src', 'cli', 'main.ts'), worker: WORKER_ENTRY },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // piscina starts its own worker file, found beside its code in node_modules.
  external: ['piscina'],
  plugins: [bundledPlugin(!values.lazy)],
  // The CommonJS packages inside (yaml, luxon…) may `require` Node's builtins.
  banner: { js: "import { createRequire as __hindsightCreateRequire } from 'node:module';\nconst require = __hindsightCreateRequire(import.meta.url);" },
  legalComments: 'none',
  // Without a compile cache (Node 20), Node parses every chunk it loads on every run: without
  // whitespace and with shorter syntax, a one-file lint there went from 1.48× to 1.27× a bare
  // parse (no change on Node 24). Names stay: src/core/time/reading.ts tells chrono's
  // parsers apart by their class names, and error names decide exit codes.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
await build(cliBuild);
if (!values.lazy) await writeConfigValidator(outdir);
// The command line's files only: their functions are compiled with the chunk, so that Node's
// compile cache keeps them (scripts/eager-functions.ts). The library's are not (a program that
// imports it seldom turns the compile cache on, and would compile every function each run).
if (!values.lazy) {
  for (const name of readdirSync(outdir).filter((file) => file.endsWith('.js'))) {
    const file = path.join(outdir, name);
    writeFileSync(file, eagerFunctions(readFileSync(file, 'utf8')).code);
  }
}
await buildLibrary();
// The archive site for the user's Astro (`hindsight-postmortems/astro`, `hindsight site`).
await buildSite(root, path.join(outdir, 'site'), { ...cliBuild, plugins: [bundledPlugin(false)], entryPoints: [], outdir: path.join(outdir, 'site') });
// bin/sources.js is plain JavaScript (bin/ runs on Node 20 without a build): typed here.
const { listSources } = (await import(new URL('../bin/sources.js', import.meta.url).href)) as { listSources(root: string): string[] };
writeFileSync(path.join(outdir, 'sources.json'), `${JSON.stringify(listSources(root))}\n`);
emitDeclarations();
