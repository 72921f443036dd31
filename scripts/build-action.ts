// `npm run build:action`: the GitHub Action's one self-contained file, action/dist/index.js,
// which action.yml runs on the runner's own Node 20 (`runs: using: node20`) and which is
// committed: an Action is used straight from its repository, and installing the project's
// packages to build it took most of every run.
//
// It is the command line's bundle (scripts/build-lib.ts, built afresh into a temporary folder:
// the same precompiled schemas, the same code) bundled once more, without splitting, behind an
// entry that runs `hindsight github-action`. Two differences from lib/:
//   - the packages lib/ loads from node_modules when first needed, with createRequire (ajv and
//     ajv-formats for a configuration's own frontmatterSchema, re2js for its patterns), are
//     bundled: node:module's createRequire is given a stand-in that returns them, so nothing
//     is loaded from node_modules (test/action/ runs a copy of the bundle alone);
//   - piscina: the Action lints in one thread (HINDSIGHT_WORKERS=0), so the pool's module is
//     bundled with a stand-in for piscina that says so, and no worker file is needed.
//
// The output is deterministic (test/action/bundle.test.ts rebuilds it and compares it byte
// for byte with the committed file): esbuild names modules by their path relative to
// absWorkingDir (the project, whose node_modules it bundles from), and build-lib's chunks,
// named by their content, are loaded under a namespace of their own rather than from the
// temporary folder, whose name changes.
//
//   node scripts/build-action.ts [--outfile FILE]     (default: action/dist/index.js)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outfile: { type: 'string' } } });
const outfile = path.resolve(values.outfile ?? path.join(root, 'action', 'dist', 'index.js'));

const ENTRY = `// The GitHub Action (action.yml): \`hindsight github-action\`, in one thread (no worker file ships).
import { main } from './hindsight.js';
process.env.HINDSIGHT_WORKERS = '0';
process.exitCode = await main(['github-action']);
`;

/** piscina, for a bundle that never starts a pool: constructing one says why it cannot. */
const noPool: Plugin = {
  name: 'hindsight-action-no-pool',
  setup(b) {
    b.onResolve({ filter: /^piscina$/ }, () => ({ path: 'piscina', namespace: 'hindsight-no-pool' }));
    b.onLoad({ filter: /.*/, namespace: 'hindsight-no-pool' }, () => ({
      contents: 'export class Piscina { constructor() { throw new Error("the GitHub Action lints in one thread: worker threads are not bundled"); } }',
      loader: 'js',
    }));
  },
};

/** The packages lib/ requires at run time (see the sources' createRequire calls), bundled instead. */
const RUN_TIME_PACKAGES = ['ajv/dist/2020.js', 'ajv-formats', 're2js'];

/** node:module, but its createRequire answers RUN_TIME_PACKAGES from the bundle. */
const bundledRequire: Plugin = {
  name: 'hindsight-action-bundled-require',
  setup(b) {
    b.onResolve({ filter: /^(?:node:)?module$/ }, (args) =>
      args.namespace === 'hindsight-module' ? undefined : { path: 'node:module', namespace: 'hindsight-module' },
    );
    b.onLoad({ filter: /.*/, namespace: 'hindsight-module' }, () => ({
      contents: [
        "import nodeModule, { createRequire as nodeCreateRequire } from 'node:module';",
        "export * from 'node:module';",
        'export default nodeModule;',
        `const bundled = { ${RUN_TIME_PACKAGES.map((id) => `${JSON.stringify(id)}: () => require(${JSON.stringify(id)})`).join(', ')} };`,
        'export function createRequire(url) {',
        '  const real = nodeCreateRequire(url);',
        '  return Object.assign((id) => (Object.hasOwn(bundled, id) ? bundled[id]() : real(id)), real);',
        '}',
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const LIB_NAMESPACE = 'hindsight-lib';

/** build-lib's files, by name (`./chunk-….js`), from the folder `lib`. */
function fromLib(lib: string): Plugin {
  return {
    name: 'hindsight-action-from-lib',
    setup(b) {
      b.onResolve({ filter: /^\.\/[\w.-]+\.js$/ }, (args) =>
        args.namespace === LIB_NAMESPACE || args.resolveDir === lib ? { path: args.path.slice(2), namespace: LIB_NAMESPACE } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: LIB_NAMESPACE }, (args) => ({
        contents: readFileSync(path.join(lib, args.path), 'utf8'),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-action-'));
try {
  const lib = path.join(temp, 'lib');
  // --lazy: the runner's Node 20 keeps no compile cache, so functions compiled with their chunk would only cost.
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-lib.ts'), '--outdir', lib, '--lazy'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    process.stderr.write(`build-action: scripts/build-lib.ts failed:\n${built.stdout}${built.stderr}`);
    process.exit(1);
  }
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    stdin: { contents: ENTRY, resolveDir: lib, sourcefile: 'action.js', loader: 'js' },
    absWorkingDir: root,
    // node_modules reached through a symbolic link (a copy of the project) keeps its own path.
    preserveSymlinks: true,
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [fromLib(lib), noPool, bundledRequire],
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
} finally {
  rmSync(temp, { recursive: true, force: true });
}
