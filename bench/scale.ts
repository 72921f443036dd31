// Issue 6's benchmark: Hindsight over a generated archive, each measurement a whole
// process, as ratios to the floor measured in the same run (one process that reads and
// parses every file). Rounds interleave the commands so drift hits all alike.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexFileFor } from '../src/lint/archive-index.ts';
import { generateArchive, generateHugePostmortem } from './generate.ts';

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
  /** Standard output, when asked for. */
  stdout?: string;
}

export interface ScaleResult {
  files: number;
  bytes: number;
  rounds: number;
  measures: (Measure & { ratio: number; cpuRatio: number; filesPerSecond: number })[];
  huge: HugeResult;
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

/** Runs a command as a whole process; its peak memory comes from bench/peak-memory.ts. */
function run(name: string, args: string[], files: number, cwd = root, keepStdout = false): Measure {
  const peakFile = path.join(tmpdir(), `hindsight-peak-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const child = spawnSync(node, ['--import', path.join(root, 'bench/peak-memory.ts'), ...args], {
    cwd,
    env: { ...process.env, HINDSIGHT_PEAK_FILE: peakFile, NO_COLOR: '1' },
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  const usage = existsSync(peakFile) ? (JSON.parse(readFileSync(peakFile, 'utf8')) as { peakBytes: number; cpuSeconds: number }) : { peakBytes: NaN, cpuSeconds: NaN };
  rmSync(peakFile, { force: true });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${name} failed (exit ${child.status}): ${child.stderr.toString().slice(0, 2000)}`);
  const measure: Measure = { name, seconds, cpuSeconds: usage.cpuSeconds, peakBytes: usage.peakBytes, files, exitCode: child.status };
  if (keepStdout) measure.stdout = child.stdout.toString();
  return measure;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function benchScale(count: number, rounds: number, seed = 42): ScaleResult {
  const work = mkdtempSync(path.join(tmpdir(), 'hindsight-scale-'));
  try {
    const archiveDir = path.join(work, 'postmortems');
    const archive = generateArchive(archiveDir, count, seed);
    const cli = path.join(root, 'bin/hindsight.js');
    const floor = path.join(root, 'bench/floor.ts');
    const cacheConfig = path.join(work, 'hindsight.config.json');
    writeFileSync(cacheConfig, JSON.stringify({ cache: path.join(work, 'cache.json') }));
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
    for (let round = 0; round < rounds; round++) {
      add(run('floor: read + parse (mdast, frontmatter, GFM)', [floor, archiveDir], count));
      // Cold: without --cache the archive index of the cross-file rules is kept in the user's
      // cache folder (src/lint/archive-index.ts); from the second round on it would be warm.
      if (temporaryIndex) rmSync(temporaryIndex, { force: true });
      add(run('hindsight lint, cold', lint(), count, work));
      add(run('hindsight lint, again (archive index kept)', lint(), count, work));
      rmSync(path.join(work, 'cache.json'), { force: true });
      run('populate cache', lint('--cache'), count, work);
      add(run('hindsight lint --cache, nothing changed', lint('--cache'), count, work));
      for (const file of changed) appendFileSync(file, `\n<!-- edited in round ${round} -->\n`);
      add(run('hindsight lint --cache, 1% changed', lint('--cache'), count, work));
      add(run('hindsight lint, one file', [cli, 'lint', oneFile, '--format', 'json'], 1, work));
      if (existsSync(markdownlint)) add(run('markdownlint-cli2 (reference)', [markdownlint, `${archiveDir}/**/*.md`], count, work));
      // remark-cli resolves its preset from the working directory: run it from the repository.
      if (existsSync(remark)) add(run('remark-cli + preset-lint-recommended (reference)', [remark, archiveDir, '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout'], count, root));
    }
    const floors = samples.get('floor: read + parse (mdast, frontmatter, GFM)')!;
    const measures = [...samples.values()].map((list) => {
      const first = list[0]!;
      const seconds = median(list.map((m) => m.seconds));
      // Each round's measure against the same round's floor, then the median of ratios.
      const ratio = median(list.map((m, i) => m.seconds / floors[i]!.seconds));
      const cpuRatio = median(list.map((m, i) => m.cpuSeconds / floors[i]!.cpuSeconds));
      const cpuSeconds = median(list.map((m) => m.cpuSeconds));
      return { ...first, seconds, cpuSeconds, peakBytes: Math.max(...list.map((m) => m.peakBytes)), ratio, cpuRatio, filesPerSecond: first.files / seconds };
    });

    return { files: count, bytes: archive.bytes, rounds, measures, huge: benchHuge(work, cli, floor, oneFile) };
  } finally {
    rmSync(work, { recursive: true, force: true });
    const index = indexFileFor('', work, false);
    if (index) rmSync(index, { force: true });
  }
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

export function printScale(r: ScaleResult): void {
  const mib = (b: number): string => (Number.isFinite(b) ? (b / 1024 / 1024).toFixed(0) : '?');
  console.log(`scale: ${r.files} generated postmortems, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.rounds} round(s), medians; ratios to the floor of the same round`);
  const width = Math.max(...r.measures.map((m) => m.name.length));
  console.log(`  ${'measure'.padEnd(width)}  ${'time'.padStart(8)}  ${'files/s'.padStart(8)}  ${'peak MiB'.padStart(8)}  ${'× floor'.padStart(8)}  ${'CPU'.padStart(8)}  ${'CPU × floor'.padStart(11)}`);
  for (const m of r.measures) {
    console.log(`  ${m.name.padEnd(width)}  ${`${m.seconds.toFixed(2)} s`.padStart(8)}  ${m.filesPerSecond.toFixed(0).padStart(8)}  ${mib(m.peakBytes).padStart(8)}  ${m.ratio.toFixed(3).padStart(8)}  ${`${m.cpuSeconds.toFixed(2)} s`.padStart(8)}  ${m.cpuRatio.toFixed(3).padStart(11)}`);
  }
  const h = r.huge;
  const rules = Object.entries(h.findings).map(([id, n]) => `${id} ×${n}`).join(', ') || 'none';
  console.log(`  one postmortem of ${h.bytes.toLocaleString('en')} bytes, ${h.lines.toLocaleString('en')} lines, ${h.entries.toLocaleString('en')} timeline entries (findings: ${rules}):`);
  console.log(`    lint ${h.lintSeconds.toFixed(2)} s (${h.lintCpuSeconds.toFixed(2)} s CPU, peak ${mib(h.peakBytes)} MiB) = ${h.ratio.toFixed(2)}× its parse floor (${h.floorSeconds.toFixed(2)} s); budget ≤ ${HUGE_BUDGET.ratio}×`);
  console.log(`    a quarter of it (${h.quarterBytes.toLocaleString('en')} bytes, ${(h.entries / 4).toLocaleString('en')} entries): ${h.quarterLintSeconds.toFixed(2)} s; less the one-file start-up (${h.startSeconds.toFixed(2)} s), 4× the size cost ${h.growth.toFixed(2)}× (linear: 4×; budget ≤ ${HUGE_BUDGET.growth}×): ${h.withinBudget ? 'within budget' : 'OVER BUDGET'}`);
}
