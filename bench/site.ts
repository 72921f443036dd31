// The archive site at scale: 1,000 generated postmortems (seeded variations of the samples),
// built by our site as a team installs it (`hindsight site build` of the packaged lib/site:
// own loader, one parse → lint + model + sanitized HTML, every page, Pagefind) and, in the same run, by a plain Astro project over the same files (the stock
// glob() loader and Astro's default Markdown rendering, one page per file plus an index), and
// for reference by that project with Astro's remark/rehype processor instead.
// Each build is a cold build in a child process under /usr/bin/time -v: wall time and
// peak resident memory (the largest process of the build); CPU time from perf when it works.
// Issue 19's targets: our cold build at most the plain build followed by `hindsight lint` of
// the same files (the linter's integration costs nothing extra), our rebuild with its cache
// kept at most the plain cold build, peak under 2 GiB. Rounds alternate plain / lint / ours /
// ours rebuilt / plain with remark.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/lint/config/load.ts';
import { loadRules } from '../src/lint/registry.ts';
import { createLinter } from '../src/lint/linter.ts';
import { prng as mulberry32 } from './generate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BuildMeasure {
  /** Wall-clock time. */
  ms: number;
  /**
   * CPU time of the build, its threads and every process it started (perf's task-clock when
   * perf works; else user + system from GNU time, which misses children never waited for):
   * steadier than wall time on a busy machine.
   */
  cpuMs: number;
  peakRssMiB: number;
  pages: number;
  /** Where the wall time went, from Astro's own log (see `phasesOf`). */
  phases: BuildPhases;
}

/**
 * The phases of an `astro build`, in milliseconds, read from the times Astro logs:
 * - startup: Node, Astro and the configuration, until Astro's build timer starts;
 * - sync: the content layer (every loader, so our lint and render) and type generation;
 * - bundle: Vite building the static entrypoints;
 * - pages: generating the static routes (rendering and writing every page);
 * - after: what follows the pages (the build hooks: waiting for our search index).
 */
export interface BuildPhases {
  startup: number;
  sync: number;
  bundle: number;
  pages: number;
  after: number;
}

/** A command that is not a build: wall time, CPU time and peak memory. */
export interface LintMeasure {
  ms: number;
  cpuMs: number;
  peakRssMiB: number;
}

export interface SiteBenchResult {
  files: number;
  bytes: number;
  rounds: number;
  /** Median over the rounds. */
  plain: BuildMeasure;
  /** `hindsight lint` of the same files (the installed bundle, cold, one process). */
  lint: LintMeasure;
  /**
   * Issue 19's baseline for a cold build: the plain build followed by `hindsight lint` (the
   * two run one after the other: times add up, the peak is the larger one).
   */
  plainThenLint: LintMeasure;
  ours: BuildMeasure;
  /** Ours again right after each cold build, its cache kept (digests unchanged: nothing re-parsed). */
  oursWarm: BuildMeasure;
  /** The plain project with Astro's remark/rehype Markdown processor (a reference, not the target's baseline); null when skipped (BENCH_SITE_REMARK=0). */
  plainRemark: BuildMeasure | null;
  ratio: {
    /** Ours cold ÷ plain build + lint (target ≤ 1.0). */
    time: number;
    cpu: number;
    /** Ours rebuilt with its cache ÷ the plain cold build (target ≤ 1.0). */
    warmTime: number;
    warmCpu: number;
    /** Ours cold ÷ the plain build alone. */
    timeToPlain: number;
    cpuToPlain: number;
    memory: number;
    timeToRemark: number;
  };
  work: SiteWork;
  generatedInvalidFallbacks: number;
}

/**
 * The site's own work on the archive, outside Astro (bench/site-work.ts, each run a fresh
 * process): all files in one thread; half of them alone; and both halves at once, as the
 * build's two worker threads share them. The last two show what a second core adds here.
 */
export interface SiteWork {
  oneThreadMs: number;
  oneThreadHalfMs: number;
  /** The slower of the two halves run side by side. */
  twoAtOnceMs: number;
}

function workRun(content: string, from?: number, to?: number): Promise<number> {
  const args = [path.join(root, 'bench', 'site-work.ts'), content, ...(from === undefined ? [] : [String(from), String(to)])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`bench/site-work.ts exited with ${code}`))));
  });
}

async function measureWork(content: string, count: number): Promise<SiteWork> {
  const half = Math.ceil(count / 2);
  const oneThreadMs = await workRun(content);
  const oneThreadHalfMs = await workRun(content, 0, half);
  const both = await Promise.all([workRun(content, 0, half), workRun(content, half, count)]);
  return { oneThreadMs, oneThreadHalfMs, twoAtOnceMs: Math.max(...both) };
}

// ---------------------------------------------------------------------------------------------
// Generation

const SERVICES = [
  'checkout-api',
  'payments-gateway',
  'search',
  'auth',
  'cart-service',
  'inventory-sync',
  'notifications',
  'courier-dispatch',
  'cdn-edge',
  'kafka',
  'postgres-primary',
  'redis-sessions',
  'catalog',
  'pricing',
  'recommendations',
  'warehouse-scanner',
  'loyalty',
  'support-desk',
];
const TAGS = [
  'database',
  'deploy',
  'dns',
  'tls',
  'cache',
  'capacity',
  'third-party',
  'config',
  'scheduling',
  'timezones',
  'monitoring',
  'retries',
  'kafka',
  'feature-flag',
  'networking',
  'storage',
  'security',
  'payments',
];
const FILLER = [
  'We reviewed the dashboards of the affected services during the incident review.',
  'The on-call engineers kept the incident channel updated every fifteen minutes.',
  'Customer support received a template answer within the first half hour.',
  'The runbook for this alert was updated after the review.',
  'Load on the neighbouring services stayed within their usual range throughout.',
];

function pick<T>(random: () => number, list: readonly T[], count: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

function variant(source: string, n: number, random: () => number, yearShift: number): string {
  let text = yearShift === 0 ? source : source.replace(/\b(20\d\d)\b/g, (year) => String(Number(year) - yearShift));
  text = text.replace(/^id: .*$/m, `id: GEN-${String(n).padStart(5, '0')}`);
  text = text.replace(/^title: "(.*)"$/m, (_all, title: string) => `title: "${title} (#${n})"`);
  text = text.replace(/^services: \[.*\]$/m, `services: [${pick(random, SERVICES, 1 + Math.floor(random() * 3)).join(', ')}]`);
  text = text.replace(/^tags: \[.*\]$/m, `tags: [${pick(random, TAGS, 1 + Math.floor(random() * 4)).join(', ')}]`);
  text = text.replace(/^related: \[.*\]\n/m, '');
  // Vary the length: a few sentences of filler after the first section's first paragraph.
  const extra = pick(random, FILLER, Math.floor(random() * FILLER.length)).join(' ');
  if (extra) text = text.replace(/(\n## [^\n]+\n\n[^\n]+\n)/, `$1\n${extra}\n`);
  return text;
}

/** Writes `count` postmortems into `dir`, every one lint-clean (checked with the linter itself). */
export async function generateArchive(dir: string, count: number, seed = 20240513): Promise<{ bytes: number; fallbacks: number }> {
  const random = mulberry32(seed);
  const samples = readdirSync(path.join(root, 'postmortems'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(root, 'postmortems', name), 'utf8') }));
  const rules = await loadRules();
  const linter = createLinter(loadConfig({ cwd: root }, rules), rules, new Date());
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let fallbacks = 0;
  for (let n = 1; n <= count; n++) {
    const sample = samples[Math.floor(random() * samples.length)]!;
    const name = `${String(n).padStart(4, '0')}-${sample.name}`;
    let text = variant(sample.text, n, random, Math.floor(random() * 4));
    if (linter.lint(name, text).some((f) => f.severity === 2)) {
      // A shifted year can contradict a weekday or a zone rule: keep the sample's own dates.
      fallbacks++;
      text = variant(sample.text, n, random, 0);
    }
    writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { bytes, fallbacks };
}

// ---------------------------------------------------------------------------------------------
// Projects

function linkNodeModules(dir: string): void {
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.cache' || name === '.vite') continue;
    symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name));
  }
}

/**
 * A team's project with the package installed as npm installs it: the files package.json ships
 * (bin/, lib/ as built by scripts/build-lib.ts, schema/, templates/) in
 * node_modules/hindsight-postmortems, its dependencies, Astro and Pagefind beside it, no
 * configuration of its own. Its site is the shipped one (lib/site), built by `hindsight site
 * build`, as docs/site.md tells a team to; not this repository's TypeScript sources, which
 * every worker thread would type-strip again on each cold build.
 */
function installedProject(base: string): { dir: string; cli: string } {
  const dir = path.join(base, 'ours');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'team-incidents', private: true, type: 'module' }));
  linkNodeModules(dir);
  const installed = path.join(dir, 'node_modules', 'hindsight-postmortems');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] };
  for (const name of [...manifest.files, 'package.json']) cpSync(path.join(root, name), path.join(installed, name), { recursive: true });
  return { dir, cli: path.join(installed, 'bin', 'hindsight.js') };
}

/** Builds lib/ (the command line and lib/site) as `npm install` does before the package is packed. */
function buildBundle(): void {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-lib.ts')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bench site: lib/ could not be built: ${built.stderr.trim().split('\n')[0]}`);
}

/**
 * A plain Astro project over `content`. `remark`: with Astro's unified (remark/rehype) Markdown
 * processor instead of its default, the native Sätteri: a reference that renders Markdown in
 * JavaScript, as this site must (its lint and model read the mdast tree).
 */
function plainProject(base: string, content: string, processor: 'default' | 'remark' = 'default'): string {
  const dir = path.join(base, processor === 'remark' ? 'plain-remark' : 'plain');
  mkdirSync(path.join(dir, 'src', 'pages', 'incidents'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'plain', private: true, type: 'module' }));
  const remark = processor === 'remark';
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n${remark ? `import { unified } from '@astrojs/markdown-remark';\n` : ''}` +
      `export default defineConfig({ site: 'https://example.internal'${remark ? ', markdown: { processor: unified() }' : ''} });\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { postmortems: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(content)} }) }) };\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'index.astro'),
    `---\nimport { getCollection } from 'astro:content';\nconst entries = await getCollection('postmortems');\n---\n<html lang="en"><head><meta charset="utf-8" /><title>Postmortems</title></head><body><main><h1>Postmortems</h1><ul>{entries.map((e) => <li><a href={\`/incidents/\${e.id}/\`}>{String(e.data.title ?? e.id)}</a></li>)}</ul></main></body></html>\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'incidents', '[...id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('postmortems')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title ?? entry.id)}</title></head><body><main><article><Content /></article></main></body></html>\n`,
  );
  linkNodeModules(dir);
  return dir;
}

/** Wall time, CPU time and peak memory of one command run to its end (its exit status must be 0). */
function timedRun(
  command: readonly string[],
  cwd: string,
  env: Record<string, string>,
  report: string,
): { ms: number; cpuMs: number; peakRssMiB: number; stdout: string } {
  const counted = `${report}.perf`;
  const timed = ['/usr/bin/time', '-v', '-o', report, ...command];
  const line = perfWorks() ? ['perf', 'stat', '-x', ',', '-e', 'task-clock', '-o', counted, '--', ...timed] : timed;
  const started = performance.now();
  const result = spawnSync(line[0]!, line.slice(1), {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  const text = readFileSync(report, 'utf8');
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN);
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? NaN);
  const system = Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? NaN);
  const taskClock = perfWorks() ? Number(/^([\d.]+),msec,task-clock/m.exec(readFileSync(counted, 'utf8'))?.[1] ?? NaN) : NaN;
  const cpuMs = Number.isFinite(taskClock) ? taskClock : (user + system) * 1000;
  return { ms, cpuMs, peakRssMiB: kib / 1024, stdout: result.stdout };
}

/** A cold (`fresh`: Astro's and Hindsight's caches removed) or repeated build of `dir`: `astro build`, or `command` when given. */
function timedBuild(dir: string, env: Record<string, string>, fresh: boolean, command?: readonly string[]): BuildMeasure {
  if (fresh) {
    rmSync(path.join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
    rmSync(path.join(dir, '.astro'), { recursive: true, force: true });
  }
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const run = timedRun(
    command ?? [path.join(dir, 'node_modules', '.bin', 'astro'), 'build'],
    dir,
    {
      PATH: `${path.join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    path.join(dir, 'time.txt'),
  );
  const pages = Number(/(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? NaN);
  return { ms: run.ms, cpuMs: run.cpuMs, peakRssMiB: run.peakRssMiB, pages, phases: phasesOf(run.stdout, run.ms) };
}

/**
 * `hindsight lint` of the archive as a user runs it from the installed package: the bundle
 * (lib/hindsight.js, which bin/hindsight.js starts inside node_modules), one whole process,
 * cold (no compile cache), in `dir` (so with the configuration our site's build reads).
 */
function timedLint(dir: string, cli: string, content: string): LintMeasure {
  const run = timedRun(
    [process.execPath, cli, 'lint', content],
    dir,
    { HINDSIGHT_FROM: 'lib', NODE_DISABLE_COMPILE_CACHE: '1' },
    path.join(dir, 'lint-time.txt'),
  );
  return { ms: run.ms, cpuMs: run.cpuMs, peakRssMiB: run.peakRssMiB };
}

let perfChecked: boolean | null = null;

/**
 * CPU time comes from `perf stat` (task-clock) when it works here: it counts every thread and
 * every descendant process. GNU time counts only the children the build waited for, and a
 * child killed as the build exits (Pagefind's service process when it is closed last) is never
 * waited for: its CPU time would be left out.
 */
function perfWorks(): boolean {
  if (perfChecked === null) {
    const probe = spawnSync('perf', ['stat', '-x', ',', '-e', 'task-clock', '--', 'true'], { encoding: 'utf8' });
    perfChecked = probe.status === 0 && /task-clock/.test(probe.stderr);
  }
  return perfChecked;
}

/** Astro logs "1.22s", "820ms" or, from a minute on, "1m 3s". */
function logged(text: string | undefined): number {
  if (text === undefined) return NaN;
  const m = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(text);
  return m ? Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 's' ? 1000 : 1) : NaN;
}

/** The phases of one build from its log (NaN where a line is missing). */
export function phasesOf(log: string, wallMs: number): BuildPhases {
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  const sync = logged(/\[build\] ✓ Completed in ((?:\d+m )?[\d.]+m?s)\.\n[\s\S]*?Building static entrypoints/.exec(text)?.[1]);
  const bundle = logged(/\[vite\] ✓ built in ((?:\d+m )?[\d.]+m?s)/.exec(text)?.[1]);
  const pages = logged(/generating static routes[\s\S]*?✓ Completed in ((?:\d+m )?[\d.]+m?s)\./.exec(text)?.[1]);
  const staticBuild = logged(
    /generating static routes[\s\S]*?✓ Completed in (?:\d+m )?[\d.]+m?s\.[\s\S]*?\[build\] ✓ Completed in ((?:\d+m )?[\d.]+m?s)\./.exec(text)?.[1],
  );
  const total = logged(/page\(s\) built in ((?:\d+m )?[\d.]+m?s)/.exec(text)?.[1]);
  return {
    startup: wallMs - total,
    sync,
    bundle,
    pages,
    after: total - sync - staticBuild,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianMeasure(list: BuildMeasure[]): BuildMeasure {
  const phase = (name: keyof BuildPhases): number => median(list.map((m) => m.phases[name]));
  return {
    ms: median(list.map((m) => m.ms)),
    cpuMs: median(list.map((m) => m.cpuMs)),
    peakRssMiB: median(list.map((m) => m.peakRssMiB)),
    pages: list[0]!.pages,
    phases: { startup: phase('startup'), sync: phase('sync'), bundle: phase('bundle'), pages: phase('pages'), after: phase('after') },
  };
}

export async function benchSite(
  options: { count?: number; rounds?: number; seed?: number; keep?: boolean; log?: (line: string) => void } = {},
): Promise<SiteBenchResult> {
  const log = options.log ?? (() => {});
  if (!existsSync('/usr/bin/time')) throw new Error('bench site needs GNU time at /usr/bin/time (apt-get install time) to measure peak memory.');
  const count = options.count ?? 1000;
  const rounds = options.rounds ?? (Number(process.env.BENCH_ROUNDS) || 2);
  const base = mkdtempSync(path.join(tmpdir(), 'hindsight-bench-site-'));
  try {
    const content = path.join(base, 'postmortems');
    const generated = await generateArchive(content, count, options.seed);
    buildBundle();
    const { dir: ours, cli } = installedProject(base);
    const plain = plainProject(base, content);
    // The slowest build and no target's baseline: BENCH_SITE_REMARK=0 leaves it out.
    const plainRemark = process.env.BENCH_SITE_REMARK === '0' ? null : plainProject(base, content, 'remark');
    // As the lint is measured: no compile cache, cold or rebuilt (the rebuild keeps Hindsight's and Astro's caches only).
    const oursEnv = { NODE_DISABLE_COMPILE_CACHE: '1' };
    const siteBuild = [process.execPath, cli, 'site', 'build', '--content', content];
    const plainRuns: BuildMeasure[] = [];
    const lintRuns: LintMeasure[] = [];
    const ourRuns: BuildMeasure[] = [];
    const warmRuns: BuildMeasure[] = [];
    const remarkRuns: BuildMeasure[] = [];
    const seconds = (m: LintMeasure): string => `${(m.ms / 1000).toFixed(1)} s (CPU ${(m.cpuMs / 1000).toFixed(1)} s)`;
    for (let round = 0; round < rounds; round++) {
      plainRuns.push(timedBuild(plain, {}, true));
      log(`  round ${round + 1}: plain ${seconds(plainRuns.at(-1)!)}`);
      lintRuns.push(timedLint(ours, cli, content));
      log(`  round ${round + 1}: hindsight lint ${seconds(lintRuns.at(-1)!)}`);
      ourRuns.push(timedBuild(ours, oursEnv, true, siteBuild));
      log(`  round ${round + 1}: ours ${seconds(ourRuns.at(-1)!)}`);
      warmRuns.push(timedBuild(ours, oursEnv, false, siteBuild));
      log(`  round ${round + 1}: ours, rebuilt ${seconds(warmRuns.at(-1)!)}`);
      if (plainRemark) {
        remarkRuns.push(timedBuild(plainRemark, {}, true));
        log(`  round ${round + 1}: plain, remark ${seconds(remarkRuns.at(-1)!)}`);
      }
    }
    const work = await measureWork(content, count);
    const p = medianMeasure(plainRuns);
    const l = { ms: median(lintRuns.map((m) => m.ms)), cpuMs: median(lintRuns.map((m) => m.cpuMs)), peakRssMiB: median(lintRuns.map((m) => m.peakRssMiB)) };
    const pl = { ms: p.ms + l.ms, cpuMs: p.cpuMs + l.cpuMs, peakRssMiB: Math.max(p.peakRssMiB, l.peakRssMiB) };
    const o = medianMeasure(ourRuns);
    const oursWarm = medianMeasure(warmRuns);
    const r = remarkRuns.length > 0 ? medianMeasure(remarkRuns) : null;
    const s = (ms: number): string => `${(ms / 1000).toFixed(1).padStart(5)} s`;
    log('  phases (wall)      start-up   content sync   bundle   pages   after pages');
    for (const [name, m] of [['plain', p], ...(r ? [['plain, remark', r] as const] : []), ['ours', o], ['ours, warm', oursWarm]] as const) {
      log(`  ${name.padEnd(16)} ${s(m.phases.startup)}   ${s(m.phases.sync)}      ${s(m.phases.bundle)}  ${s(m.phases.pages)}  ${s(m.phases.after)}`);
    }
    return {
      files: count,
      bytes: generated.bytes,
      rounds,
      plain: p,
      lint: l,
      plainThenLint: pl,
      ours: o,
      oursWarm,
      plainRemark: r,
      ratio: {
        time: o.ms / pl.ms,
        cpu: o.cpuMs / pl.cpuMs,
        warmTime: oursWarm.ms / p.ms,
        warmCpu: oursWarm.cpuMs / p.cpuMs,
        timeToPlain: o.ms / p.ms,
        cpuToPlain: o.cpuMs / p.cpuMs,
        memory: o.peakRssMiB / pl.peakRssMiB,
        timeToRemark: r ? o.ms / r.ms : NaN,
      },
      work,
      generatedInvalidFallbacks: generated.fallbacks,
    };
  } finally {
    if (!options.keep) rmSync(base, { recursive: true, force: true });
  }
}

export function printSite(r: SiteBenchResult): void {
  const row = (name: string, m: LintMeasure & { pages?: number }) =>
    console.log(
      `  ${name.padEnd(47)} ${(m.ms / 1000).toFixed(1).padStart(6)} s wall ${(m.cpuMs / 1000).toFixed(1).padStart(6)} s CPU ${m.peakRssMiB.toFixed(0).padStart(6)} MiB peak ${m.pages === undefined ? '' : `${String(m.pages).padStart(6)} pages`}`,
    );
  console.log(`site: ${r.files} generated postmortems (${(r.bytes / 1024 / 1024).toFixed(1)} MiB), cold astro build, median of ${r.rounds} alternating rounds`);
  row('plain Astro (glob() loader, default Markdown)', r.plain);
  row('hindsight lint of the same files (bundle, cold)', r.lint);
  row('plain Astro build, then hindsight lint', r.plainThenLint);
  if (r.plainRemark) row('plain Astro, remark/rehype Markdown (reference)', r.plainRemark);
  row('Hindsight site (own loader, every page, search)', r.ours);
  row('Hindsight site, rebuilt with its cache kept', r.oursWarm);
  const x = (n: number): string => `${n.toFixed(2)}×`;
  console.log(
    `  cold build ÷ (plain build + lint): time ${x(r.ratio.time)}, CPU ${x(r.ratio.cpu)} (target ≤ 1.0×); ÷ plain build alone: time ${x(r.ratio.timeToPlain)}, CPU ${x(r.ratio.cpuToPlain)}`,
  );
  console.log(`  rebuild with cache ÷ plain cold build: time ${x(r.ratio.warmTime)}, CPU ${x(r.ratio.warmCpu)} (target ≤ 1.0×)`);
  console.log(
    `  peak memory ${r.ours.peakRssMiB.toFixed(0)} MiB (target < 2048 MiB), ${x(r.ratio.memory)} the baseline's${r.plainRemark ? `; against the remark/rehype reference: time ${x(r.ratio.timeToRemark)}` : ''}`,
  );
  const w = r.work;
  console.log(
    `  the site's own work (lint + model + HTML of every file, one cold process): one thread ${(w.oneThreadMs / 1000).toFixed(1)} s; two at once ${(w.twoAtOnceMs / 1000).toFixed(1)} s each for half the files (${((2 * w.oneThreadHalfMs) / w.twoAtOnceMs).toFixed(2)}× the throughput of one)`,
  );
}
