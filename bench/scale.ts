// The scale benchmark (issues 6 and 15): Hindsight over archives of many postmortems, each
// measurement a whole process, as ratios to the floor measured in the same run (one process
// that reads and parses every file). Every corpus of bench/corpora.ts is measured and reported
// on its own: our generator, the styled generators, and the shared real-world corpora
// repeated. Rounds interleave the commands so drift hits all alike.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexFileFor } from '../src/lint/archive-index.ts';
import { corpora, type Corpus } from './corpora.ts';
import { generateHugePostmortem, type GeneratedArchive } from './generate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;

export interface Measure {
  name: string;
  seconds: number;
  /** CPU time of the whole process, every thread: what the 2 shared cores had to give it. */
  cpuSeconds: number;
  peakBytes: number;
  files: number;
  exitCode: number | null;
  /** Standard output and error, when asked for. */
  stdout?: string;
  stderr?: string;
}

/** One corpus: each measure a whole process, as ratios to the same round's floor. */
export interface CorpusResult {
  name: string;
  about: string;
  files: number;
  bytes: number;
  measures: (Measure & { ratio: number; cpuRatio: number; filesPerSecond: number })[];
  /** A one-file lint against a one-file bare parse (start-up included in both), median of the rounds. */
  oneFile: { ratio: number; cpuRatio: number };
  /** Each rule's share of the time `--timing` gave on the corpus, largest first (percent). */
  ruleShares: { rule: string; ms: number; percent: number }[];
}

export interface ScaleResult {
  /** Files asked for per corpus (the repeated ones round up to whole copies). */
  files: number;
  rounds: number;
  /** Which build the lint measures ran: the bundle (as installed) or the sources. */
  build: 'lib' | 'src';
  corpora: CorpusResult[];
  huge: HugeResult | null;
}

/**
 * Issue 6's linearity target: one postmortem of 5 MB (at least 5,000,000 bytes, under the
 * guard's 5 MiB) with a 20,000-entry timeline, and the same at a quarter of both.
 */
export interface HugeResult {
  bytes: number;
  lines: number;
  entries: number;
  /** Findings of the huge file's lint, by rule (a `fatal` one would mean it was not linted). */
  findings: Record<string, number>;
  floorSeconds: number;
  lintSeconds: number;
  lintCpuSeconds: number;
  peakBytes: number;
  ratio: number;
  quarterBytes: number;
  quarterLintSeconds: number;
  /** A one-file lint of an ordinary postmortem: start-up, taken off both before comparing them. */
  startSeconds: number;
  /** (huge − start-up) / (quarter − start-up): 4 when the cost is linear in the size. */
  growth: number;
  withinBudget: boolean;
}

/** The budget of the huge file: its lint within 2× its own parse floor, and 4× the size costing at most 5× (linear, with room for noise). */
export const HUGE_BUDGET = { ratio: 2, growth: 5 };

/** Runs a command as a whole process; its peak memory comes from bench/peak-memory.mjs. */
function run(name: string, args: string[], files: number, cwd = root, keepStdout = false, keepStderr = false): Measure {
  const peakFile = path.join(tmpdir(), `hindsight-peak-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const child = spawnSync(node, ['--import', path.join(root, 'bench/peak-memory.mjs'), ...args], {
    cwd,
    env: { ...process.env, HINDSIGHT_PEAK_FILE: peakFile, NO_COLOR: '1' },
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  const usage = existsSync(peakFile)
    ? (JSON.parse(readFileSync(peakFile, 'utf8')) as { peakBytes: number; cpuSeconds: number })
    : { peakBytes: NaN, cpuSeconds: NaN };
  rmSync(peakFile, { force: true });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${name} failed (exit ${child.status}): ${child.stderr.toString().slice(0, 2000)}`);
  const measure: Measure = { name, seconds, cpuSeconds: usage.cpuSeconds, peakBytes: usage.peakBytes, files, exitCode: child.status };
  if (keepStdout) measure.stdout = child.stdout.toString();
  if (keepStderr) measure.stderr = child.stderr.toString();
  return measure;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Names of the measures, shared by the rounds and the report. */
const FLOOR = 'floor: read + parse (mdast, frontmatter, GFM)';
const COLD = 'hindsight lint, cold';
const ONE_FLOOR = 'floor, one file: bare parse process';
const ONE_LINT = 'hindsight lint, one file';
/** One-file lint and bare parse, run by turns this many times a round; the ratio is the median of the pairs. */
const ONE_FILE_PAIRS = 5;

export interface ScaleOptions {
  /** Postmortems per corpus (the repeated corpora round up to whole copies). */
  files: number;
  rounds: number;
  /** Only these corpora (all when empty). */
  only?: readonly string[];
  /** The 5 MB one-file budget check (bench/generate.ts's generateHugePostmortem). */
  huge?: boolean;
}

export function benchScale(options: ScaleOptions): ScaleResult {
  const build = buildBundle();
  const selected = corpora().filter((c) => !options.only?.length || options.only.includes(c.name));
  const results: CorpusResult[] = [];
  let huge: HugeResult | null = null;
  for (const corpus of selected) {
    const work = mkdtempSync(path.join(tmpdir(), `hindsight-scale-${corpus.name}-`));
    try {
      const archiveDir = path.join(work, 'postmortems');
      const archive = corpus.make(archiveDir, options.files);
      results.push(benchCorpus(corpus, archive, work, options.rounds, corpus.name === 'house'));
      if (corpus.name === 'house' && options.huge !== false) {
        huge = benchHuge(work, path.join(root, 'bin/hindsight.js'), path.join(root, 'bench/floor.mjs'), archive.files[Math.floor(archive.files.length / 2)]!);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
      const index = indexFileFor('', work, false);
      if (index) rmSync(index, { force: true });
    }
  }
  return { files: options.files, rounds: options.rounds, build, corpora: results, huge };
}

/**
 * Builds lib/ as `npm install` does, so that the lint measures run the bundle a user runs
 * (bin/hindsight.js with HINDSIGHT_FROM=lib); the sources where it cannot be built.
 */
function buildBundle(): 'lib' | 'src' {
  const built = spawnSync(node, [path.join(root, 'scripts/build-lib.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (built.status === 0) {
    process.env.HINDSIGHT_FROM = 'lib';
    return 'lib';
  }
  console.warn(`scale: lib/ could not be built (${built.stderr.toString().trim().split('\n')[0]}); measuring the sources`);
  process.env.HINDSIGHT_FROM = 'src';
  return 'src';
}

function benchCorpus(corpus: Corpus, archive: GeneratedArchive, work: string, rounds: number, extras: boolean): CorpusResult {
  const archiveDir = archive.dir;
  const count = archive.files.length;
  const cli = path.join(root, 'bin/hindsight.js');
  const floor = path.join(root, 'bench/floor.mjs');
  writeFileSync(path.join(work, 'hindsight.config.json'), JSON.stringify({ cache: path.join(work, 'cache.json') }));
  const oneFile = archive.files[Math.floor(archive.files.length / 2)]!;
  const changed = archive.files.filter((_, i) => i % 100 === 0);
  const lint = (...extra: string[]): string[] => [cli, 'lint', archiveDir, '--format', 'json', ...extra];
  const markdownlint = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const remark = path.join(root, 'node_modules/remark-cli/cli.js');

  const temporaryIndex = indexFileFor('', work, false);
  const samples = new Map<string, Measure[]>();
  const add = (m: Measure): void => {
    samples.set(m.name, [...(samples.get(m.name) ?? []), m]);
  };
  let timing = '';
  for (let round = 0; round < rounds; round++) {
    add(run(FLOOR, [floor, archiveDir], count));
    // Cold: without --cache the archive index of the cross-file rules is kept in the user's
    // cache folder (src/lint/archive-index.ts); from the second round on it would be warm.
    if (temporaryIndex) rmSync(temporaryIndex, { force: true });
    add(run(COLD, lint(), count, work));
    add(run('hindsight lint, again (archive index kept)', lint(), count, work));
    // A process of a quarter of a second: one sample a round would be noise.
    for (let pair = 0; pair < ONE_FILE_PAIRS; pair++) {
      add(run(ONE_FLOOR, [floor, oneFile], 1));
      add(run(ONE_LINT, [cli, 'lint', oneFile, '--format', 'json'], 1, work));
    }
    // The rules' shares come from a run of their own, so that the timing's cost stays out of the others.
    if (round === 0) timing = run('hindsight lint --timing', lint('--timing'), count, work, false, true).stderr ?? '';
    if (!extras) continue;
    rmSync(path.join(work, 'cache.json'), { force: true });
    run('populate cache', lint('--cache'), count, work);
    add(run('hindsight lint --cache, nothing changed', lint('--cache'), count, work));
    for (const file of changed) appendFileSync(file, `\n<!-- edited in round ${round} -->\n`);
    add(run('hindsight lint --cache, 1% changed', lint('--cache'), count, work));
    if (existsSync(markdownlint)) add(run('markdownlint-cli2 (reference)', [markdownlint, `${archiveDir}/**/*.md`], count, work));
    // remark-cli resolves its preset from the working directory: run it from the repository.
    if (existsSync(remark))
      add(
        run(
          'remark-cli + preset-lint-recommended (reference)',
          [remark, archiveDir, '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout'],
          count,
          root,
        ),
      );
  }
  const floors = samples.get(FLOOR)!;
  const measures = [...samples.values()].map((list) => {
    const first = list[0]!;
    // A one-file measure against the whole floor says little: its own ratio is below.
    const seconds = median(list.map((m) => m.seconds));
    // Each round's measure against the same round's floor, then the median of ratios.
    const ratio = first.files === 1 ? Number.NaN : median(list.map((m, i) => m.seconds / floors[i]!.seconds));
    const cpuRatio = first.files === 1 ? Number.NaN : median(list.map((m, i) => m.cpuSeconds / floors[i]!.cpuSeconds));
    const cpuSeconds = median(list.map((m) => m.cpuSeconds));
    return { ...first, seconds, cpuSeconds, peakBytes: Math.max(...list.map((m) => m.peakBytes)), ratio, cpuRatio, filesPerSecond: first.files / seconds };
  });
  const oneFloor = samples.get(ONE_FLOOR)!;
  const oneLint = samples.get(ONE_LINT)!;
  const oneFileRatio = {
    ratio: median(oneLint.map((m, i) => m.seconds / oneFloor[i]!.seconds)),
    cpuRatio: median(oneLint.map((m, i) => m.cpuSeconds / oneFloor[i]!.cpuSeconds)),
  };
  return { name: corpus.name, about: corpus.about, files: count, bytes: archive.bytes, measures, oneFile: oneFileRatio, ruleShares: ruleShares(timing) };
}

/** The rules' shares from `--timing`'s table on standard error ("rule | ms | 12.3%"). */
export function ruleShares(table: string): CorpusResult['ruleShares'] {
  const rows: CorpusResult['ruleShares'] = [];
  for (const line of table.split('\n')) {
    const m = /^\s*([a-z][a-z0-9-]*)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%/.exec(line);
    if (m) rows.push({ rule: m[1]!, ms: Number(m[2]), percent: Number(m[3]) });
  }
  return rows.sort((a, b) => b.percent - a.percent);
}

function benchHuge(work: string, cli: string, floor: string, oneFile: string): HugeResult {
  const entries = 20_000;
  const hugeFile = path.join(work, 'huge.md');
  const quarterFile = path.join(work, 'quarter.md');
  const text = generateHugePostmortem(entries, 5_000_000);
  writeFileSync(hugeFile, text);
  const quarter = generateHugePostmortem(entries / 4, 1_250_000);
  writeFileSync(quarterFile, quarter);
  const lint = (file: string): string[] => [cli, 'lint', file, '--format', 'json'];
  // Interleaved, three of each: the median of each.
  const hugeFloor: Measure[] = [];
  const hugeLint: Measure[] = [];
  const quarterLint: Measure[] = [];
  const start: Measure[] = [];
  for (let round = 0; round < 3; round++) {
    hugeFloor.push(run('huge floor', [floor, hugeFile], 1));
    hugeLint.push(run('huge lint', lint(hugeFile), 1, work, true));
    quarterLint.push(run('quarter lint', lint(quarterFile), 1, work));
    start.push(run('one-file lint', lint(oneFile), 1, work));
  }
  const findings: Record<string, number> = {};
  for (const result of JSON.parse(hugeLint[0]!.stdout!) as { messages: { ruleId: string }[] }[]) {
    for (const m of result.messages) findings[m.ruleId] = (findings[m.ruleId] ?? 0) + 1;
  }
  const seconds = (list: Measure[]): number => median(list.map((m) => m.seconds));
  const startSeconds = seconds(start);
  const lintSeconds = seconds(hugeLint);
  const quarterLintSeconds = seconds(quarterLint);
  const ratio = lintSeconds / seconds(hugeFloor);
  const growth = (lintSeconds - startSeconds) / (quarterLintSeconds - startSeconds);
  return {
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length - 1,
    entries,
    findings,
    floorSeconds: seconds(hugeFloor),
    lintSeconds,
    lintCpuSeconds: median(hugeLint.map((m) => m.cpuSeconds)),
    peakBytes: Math.max(...hugeLint.map((m) => m.peakBytes)),
    ratio,
    quarterBytes: Buffer.byteLength(quarter),
    quarterLintSeconds,
    startSeconds,
    growth,
    withinBudget: !('fatal' in findings) && ratio <= HUGE_BUDGET.ratio && growth <= HUGE_BUDGET.growth,
  };
}

/** Issue 15's targets, as ratios of one run (docs/performance.md). */
export const SCALE_TARGETS = { coldCpu: 1.0, coldWall: 0.6, oneFile: 1.2, peakMiB: 512 };

export function printScale(r: ScaleResult): void {
  const mib = (b: number): string => (Number.isFinite(b) ? (b / 1024 / 1024).toFixed(0) : '?');
  console.log(
    `scale: ${r.files} postmortems per corpus, ${r.rounds} round(s), medians; ratios to the floor of the same round; lint from ${r.build === 'lib' ? 'the bundle (lib/, as installed)' : 'the sources'}`,
  );
  for (const c of r.corpora) {
    console.log(`\n  corpus ${c.name}: ${c.about}; ${c.files} files, ${(c.bytes / 1e6).toFixed(1)} MB`);
    const width = Math.max(...c.measures.map((m) => m.name.length));
    console.log(
      `    ${'measure'.padEnd(width)}  ${'time'.padStart(8)}  ${'files/s'.padStart(8)}  ${'peak MiB'.padStart(8)}  ${'× floor'.padStart(8)}  ${'CPU'.padStart(8)}  ${'CPU × floor'.padStart(11)}`,
    );
    for (const m of c.measures) {
      const oneFile = m.files === 1;
      const ratio = oneFile ? '' : m.ratio.toFixed(3);
      const cpuRatio = oneFile ? '' : m.cpuRatio.toFixed(3);
      console.log(
        `    ${m.name.padEnd(width)}  ${`${m.seconds.toFixed(2)} s`.padStart(8)}  ${m.filesPerSecond.toFixed(0).padStart(8)}  ${mib(m.peakBytes).padStart(8)}  ${ratio.padStart(8)}  ${`${m.cpuSeconds.toFixed(2)} s`.padStart(8)}  ${cpuRatio.padStart(11)}`,
      );
    }
    const cold = c.measures.find((m) => m.name === COLD)!;
    const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    const t = SCALE_TARGETS;
    console.log(
      `    one-file lint / one-file bare parse: ${c.oneFile.ratio.toFixed(3)}× time, ${c.oneFile.cpuRatio.toFixed(3)}× CPU (target ≤ ${t.oneFile}×: ${verdict(c.oneFile.ratio <= t.oneFile)})`,
    );
    console.log(
      `    cold lint: CPU ${cold.cpuRatio.toFixed(3)}× the floor (target ≤ ${t.coldCpu}×: ${verdict(cold.cpuRatio <= t.coldCpu)}), wall ${cold.ratio.toFixed(3)}× (target ≤ ${t.coldWall}× with two cores: ${verdict(cold.ratio <= t.coldWall)}), peak ${mib(cold.peakBytes)} MiB`,
    );
    const shares = c.ruleShares
      .filter((s) => s.percent >= 0.5)
      .map((s) => `${s.rule} ${s.percent.toFixed(1)}%`)
      .join(', ');
    console.log(`    rules' shares (--timing): ${shares || 'none reported'}`);
  }
  const h = r.huge;
  if (!h) return;
  const rules =
    Object.entries(h.findings)
      .map(([id, n]) => `${id} ×${n}`)
      .join(', ') || 'none';
  console.log(
    `\n  one postmortem of ${h.bytes.toLocaleString('en')} bytes, ${h.lines.toLocaleString('en')} lines, ${h.entries.toLocaleString('en')} timeline entries (findings: ${rules}):`,
  );
  console.log(
    `    lint ${h.lintSeconds.toFixed(2)} s (${h.lintCpuSeconds.toFixed(2)} s CPU, peak ${mib(h.peakBytes)} MiB) = ${h.ratio.toFixed(2)}× its parse floor (${h.floorSeconds.toFixed(2)} s); budget ≤ ${HUGE_BUDGET.ratio}×`,
  );
  console.log(
    `    a quarter of it (${h.quarterBytes.toLocaleString('en')} bytes, ${(h.entries / 4).toLocaleString('en')} entries): ${h.quarterLintSeconds.toFixed(2)} s; less the one-file start-up (${h.startSeconds.toFixed(2)} s), 4× the size cost ${h.growth.toFixed(2)}× (linear: 4×; budget ≤ ${HUGE_BUDGET.growth}×): ${h.withinBudget ? 'within budget' : 'OVER BUDGET'}`,
  );
}
