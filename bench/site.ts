// The archive site at scale: 1,000 generated postmortems (seeded variations of the samples),
// built by our site (own loader: one parse → lint + model + sanitized HTML, every page,
// Pagefind) and, in the same run, by a plain Astro project over the same files (the stock
// glob() loader and Astro's default Markdown rendering, one page per file plus an index), and
// for reference by that project with Astro's remark/rehype processor instead.
// Each build is a cold `astro build` in a child process under /usr/bin/time -v: wall time and
// peak resident memory (the largest process of the build). Rounds alternate plain / ours /
// plain with remark.
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

export interface SiteBenchResult {
  files: number;
  bytes: number;
  rounds: number;
  /** Median over the rounds. */
  plain: BuildMeasure;
  ours: BuildMeasure;
  /** Ours again with the content cache of the previous build (digests unchanged: nothing re-parsed). */
  oursWarm: BuildMeasure;
  /** The plain project with Astro's remark/rehype Markdown processor (a reference, not the target's baseline). */
  plainRemark: BuildMeasure;
  ratio: { time: number; cpu: number; memory: number; timeToRemark: number };
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

function ourProject(base: string): string {
  const dir = path.join(base, 'ours');
  mkdirSync(dir);
  for (const name of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'rules', 'bin', 'schema'])
    cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  linkNodeModules(dir);
  return dir;
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

function timedBuild(dir: string, env: Record<string, string>, fresh: boolean): BuildMeasure {
  if (fresh) {
    rmSync(path.join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
    rmSync(path.join(dir, '.astro'), { recursive: true, force: true });
  }
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const report = path.join(dir, 'time.txt');
  const counted = path.join(dir, 'perf.txt');
  const timed = ['/usr/bin/time', '-v', '-o', report, path.join(dir, 'node_modules', '.bin', 'astro'), 'build'];
  const command = perfWorks() ? ['perf', 'stat', '-x', ',', '-e', 'task-clock', '-o', counted, '--', ...timed] : timed;
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: dir,
    env: {
      ...process.env,
      PATH: `${path.join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`astro build failed in ${dir} (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  const text = readFileSync(report, 'utf8');
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN);
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? NaN);
  const system = Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? NaN);
  const pages = Number(/(\d+) page\(s\) built/.exec(result.stdout)?.[1] ?? NaN);
  const taskClock = perfWorks() ? Number(/^([\d.]+),msec,task-clock/m.exec(readFileSync(counted, 'utf8'))?.[1] ?? NaN) : NaN;
  const cpuMs = Number.isFinite(taskClock) ? taskClock : (user + system) * 1000;
  return { ms, cpuMs, peakRssMiB: kib / 1024, pages, phases: phasesOf(result.stdout, ms) };
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

/** Astro logs "1.22s" or "820ms". */
function logged(text: string | undefined): number {
  if (text === undefined) return NaN;
  const m = /^([\d.]+)(ms|s)$/.exec(text);
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN;
}

/** The phases of one build from its log (NaN where a line is missing). */
export function phasesOf(log: string, wallMs: number): BuildPhases {
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  const sync = logged(/\[build\] ✓ Completed in ([\d.]+m?s)\.\n[\s\S]*?Building static entrypoints/.exec(text)?.[1]);
  const bundle = logged(/\[vite\] ✓ built in ([\d.]+m?s)/.exec(text)?.[1]);
  const pages = logged(/generating static routes[\s\S]*?✓ Completed in ([\d.]+m?s)\./.exec(text)?.[1]);
  const staticBuild = logged(/generating static routes[\s\S]*?✓ Completed in [\d.]+m?s\.[\s\S]*?\[build\] ✓ Completed in ([\d.]+m?s)\./.exec(text)?.[1]);
  const total = logged(/page\(s\) built in ([\d.]+m?s)/.exec(text)?.[1]);
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
    const ours = ourProject(base);
    const plain = plainProject(base, content);
    const plainRemark = plainProject(base, content, 'remark');
    const oursEnv = { HINDSIGHT_CONTENT: content };
    const plainRuns: BuildMeasure[] = [];
    const ourRuns: BuildMeasure[] = [];
    const remarkRuns: BuildMeasure[] = [];
    for (let round = 0; round < rounds; round++) {
      plainRuns.push(timedBuild(plain, {}, true));
      log(`  round ${round + 1}: plain ${(plainRuns.at(-1)!.ms / 1000).toFixed(1)} s`);
      ourRuns.push(timedBuild(ours, oursEnv, true));
      log(`  round ${round + 1}: ours  ${(ourRuns.at(-1)!.ms / 1000).toFixed(1)} s`);
      remarkRuns.push(timedBuild(plainRemark, {}, true));
      log(`  round ${round + 1}: plain, remark ${(remarkRuns.at(-1)!.ms / 1000).toFixed(1)} s`);
    }
    const oursWarm = timedBuild(ours, oursEnv, false);
    const work = await measureWork(content, count);
    const p = medianMeasure(plainRuns);
    const o = medianMeasure(ourRuns);
    const r = medianMeasure(remarkRuns);
    const s = (ms: number): string => `${(ms / 1000).toFixed(1).padStart(5)} s`;
    log('  phases (wall)      start-up   content sync   bundle   pages   after pages');
    for (const [name, m] of [
      ['plain', p],
      ['plain, remark', r],
      ['ours', o],
      ['ours, warm', oursWarm],
    ] as const) {
      log(`  ${name.padEnd(16)} ${s(m.phases.startup)}   ${s(m.phases.sync)}      ${s(m.phases.bundle)}  ${s(m.phases.pages)}  ${s(m.phases.after)}`);
    }
    return {
      files: count,
      bytes: generated.bytes,
      rounds,
      plain: p,
      ours: o,
      oursWarm,
      plainRemark: r,
      ratio: { time: o.ms / p.ms, cpu: o.cpuMs / p.cpuMs, memory: o.peakRssMiB / p.peakRssMiB, timeToRemark: o.ms / r.ms },
      work,
      generatedInvalidFallbacks: generated.fallbacks,
    };
  } finally {
    if (!options.keep) rmSync(base, { recursive: true, force: true });
  }
}
