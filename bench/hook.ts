// The pre-commit hook's hot path: `hindsight lint <one file>` as a whole process, against a
// bare `node` process that imports mdast-util-from-markdown with the micromark extensions
// src/core/parse.ts uses and parses the same file. Every variant runs once per round, the
// rounds interleaved so that drift of the machine's speed hits all alike; the ratio of a
// variant is the median over rounds of (its time / the bare time of the same round).
//
//   bare          node + mdast-util-from-markdown (+ frontmatter, GFM table, task list, strikethrough)
//   src           node bin/hindsight.js lint FILE in this checkout: TypeScript from src/ (compile cache on)
//   src-cold      the same with NODE_DISABLE_COMPILE_CACHE=1: what the first run after a change costs
//   installed     node_modules/hindsight/bin/hindsight.js lint FILE: the bundled lib/ of an
//                 installed copy (bench/out/installed, built here by scripts/build-lib.ts)
//   bare@20, installed@20   the same under an older system Node (20, where lint must run), when one is on PATH
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface HookBenchResult {
  file: string;
  rounds: number;
  nodes: Record<string, string>;
  medianMs: Record<string, number>;
  /** Median over rounds of variant / bare (bare@20 for the @20 variants). */
  ratio: Record<string, number>;
}

interface Variant {
  name: string;
  node: string;
  args: string[];
  env?: Record<string, string>;
  baseline: string;
}

const BARE_SCRIPT = `import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
const tree = fromMarkdown(readFileSync(process.argv[2], 'utf8'), {
  extensions: [frontmatter(['yaml']), gfmTable(), gfmTaskListItem(), gfmStrikethrough()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown()],
});
if (tree.children.length < 0) console.log(tree);
`;

export function benchHook(root: string, options: { file?: string; rounds?: number } = {}): HookBenchResult {
  const file = options.file ?? path.join(root, 'postmortems', '2024-05-21-checkout-connection-pool-exhaustion.md');
  const rounds = options.rounds ?? 15;
  const out = path.join(root, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  // The bare script stands beside node_modules' parent so that it resolves the same packages.
  const bare = path.join(out, 'bare-parse.mjs');
  writeFileSync(bare, BARE_SCRIPT);
  const installedBin = installCopy(root, path.join(out, 'installed'));

  const node24 = process.execPath;
  const variants: Variant[] = [
    { name: 'bare', node: node24, args: [bare, file], baseline: 'bare' },
    { name: 'src', node: node24, args: [path.join(root, 'bin', 'hindsight.js'), 'lint', file], baseline: 'bare' },
    {
      name: 'src-cold',
      node: node24,
      args: [path.join(root, 'bin', 'hindsight.js'), 'lint', file],
      env: { NODE_DISABLE_COMPILE_CACHE: '1' },
      baseline: 'bare',
    },
    { name: 'installed', node: node24, args: [installedBin, 'lint', file], baseline: 'bare' },
  ];
  const nodes: Record<string, string> = { [node24]: version(node24) };
  const older = olderNode();
  if (older) {
    nodes[older] = version(older);
    variants.push({ name: 'bare@20', node: older, args: [bare, file], baseline: 'bare@20' });
    variants.push({ name: 'installed@20', node: older, args: [installedBin, 'lint', file], baseline: 'bare@20' });
  }

  const times: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  const run = (v: Variant): number => {
    const start = performance.now();
    const r = spawnSync(v.node, v.args, { cwd: root, env: { ...process.env, ...v.env }, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`${v.name} exited ${r.status}: ${r.stderr || r.stdout}`);
    return ms;
  };
  for (const v of variants) run(v); // warm-up: file-system cache and Node's compile cache
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) times[v.name]!.push(run(v));
  }
  const medianMs: Record<string, number> = {};
  const ratio: Record<string, number> = {};
  for (const v of variants) {
    medianMs[v.name] = median(times[v.name]!);
    ratio[v.name] = median(times[v.name]!.map((t, i) => t / times[v.baseline]![i]!));
  }
  return { file: path.relative(root, file), rounds, nodes, medianMs, ratio };
}

export function printHook(r: HookBenchResult): void {
  console.log(`hook: one-file lint as a whole process, ${r.file}, ${r.rounds} interleaved rounds (median)`);
  for (const [node, v] of Object.entries(r.nodes)) console.log(`  node ${v}: ${node}`);
  const labels: Record<string, string> = {
    bare: 'bare parse (node + mdast-util-from-markdown)',
    src: 'hindsight lint, src/ (development, type stripping)',
    'src-cold': 'hindsight lint, src/, no compile cache',
    installed: 'hindsight lint, installed lib/',
    'bare@20': 'bare parse, Node 20',
    'installed@20': 'hindsight lint, installed lib/, Node 20',
  };
  for (const [name, ms] of Object.entries(r.medianMs)) {
    // The target is for what a hook runs: the installed package (src/ is this repository's development path).
    const target = name === 'installed' || name === 'installed@20' ? '   (target ≤ 1.4×)' : '';
    console.log(`  ${(labels[name] ?? name).padEnd(54)} ${ms.toFixed(0).padStart(5)} ms   ${r.ratio[name]!.toFixed(2)}×${target}`);
  }
}

/** A copy as `npm install` lays it out: bin/, lib/ (bundled here), package.json, templates/, schema/ under node_modules/hindsight. */
function installCopy(root: string, prefix: string): string {
  const pkg = path.join(prefix, 'node_modules', 'hindsight');
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  for (const item of ['bin', 'package.json', 'templates', 'schema']) {
    if (existsSync(path.join(root, item))) cpSync(path.join(root, item), path.join(pkg, item), { recursive: true });
  }
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-lib.ts'), '--outdir', path.join(pkg, 'lib')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build-lib.ts failed: ${built.stdout}${built.stderr}`);
  // Its dependencies resolve from the checkout's node_modules, two levels up from bench/out/installed.
  return path.join(pkg, 'bin', 'hindsight.js');
}

/** A Node older than 22.18 on PATH (outside node_modules), where the compiled build must run. */
function olderNode(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes('node_modules')) continue;
    const candidate = path.join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const v = version(candidate);
    const [major = 0, minor = 0] = v.replace(/^v/, '').split('.').map(Number);
    if (major >= 20 && (major < 22 || (major === 22 && minor < 18))) return candidate;
    return null;
  }
  return null;
}

function version(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
