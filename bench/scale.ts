// Issue 6's benchmark: Hindsight over a generated archive, each measurement a whole
// process, as ratios to the floor measured in the same run (one process that reads and
// parses every file). Rounds interleave the commands so drift hits all alike.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './generate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;

export interface Measure {
  name: string;
  seconds: number;
  peakBytes: number;
  files: number;
  exitCode: number | null;
}

export interface ScaleResult {
  files: number;
  bytes: number;
  rounds: number;
  measures: (Measure & { ratio: number; filesPerSecond: number })[];
  huge: { bytes: number; entries: number; floorSeconds: number; lintSeconds: number; ratio: number; quarterLintSeconds: number; growth: number };
}

/** Runs a command as a whole process; its peak memory comes from bench/peak-memory.ts. */
function run(name: string, args: string[], files: number, cwd = root): Measure {
  const peakFile = path.join(tmpdir(), `hindsight-peak-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const child = spawnSync(node, ['--import', path.join(root, 'bench/peak-memory.ts'), ...args], {
    cwd,
    env: { ...process.env, HINDSIGHT_PEAK_FILE: peakFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  const peakBytes = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : NaN;
  rmSync(peakFile, { force: true });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${name} failed (exit ${child.status}): ${child.stderr.toString().slice(0, 2000)}`);
  return { name, seconds, peakBytes, files, exitCode: child.status };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A 5 MB postmortem whose timeline has `entries` entries, to show the cost stays linear. */
function hugeTimeline(file: string, entries: number): number {
  const lines = ['---', 'id: HUGE-1', 'title: A very long incident', 'date: 2024-03-02', 'severity: SEV2', 'status: published',
    'incident_start: 2024-03-02T00:00:00Z', `incident_end: 2024-03-${String(2 + Math.floor(entries / 1440)).padStart(2, '0')}T23:59:00Z`, '---', '',
    '# A very long incident', '', '## Summary', '', 'Errors for 12% of requests for several days.', '', '## Timeline (all times UTC)', ''];
  for (let i = 0; i < entries; i++) {
    const minutes = i % 1440;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    lines.push(`- ${hh}:${mm} The on-call engineer checked replica ${i} of the storage cluster and noted its replication lag, error rate, queue depth and disk latency in the incident channel, so that the follow-up review would have every figure it needed.`);
  }
  lines.push('', '## Root Cause', '', 'A slow replica.', '', '## Action Items', '', '- Alert on lag @ana OPS-1');
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

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

    const samples = new Map<string, Measure[]>();
    const add = (m: Measure): void => {
      samples.set(m.name, [...(samples.get(m.name) ?? []), m]);
    };
    for (let round = 0; round < rounds; round++) {
      add(run('floor: read + parse (mdast, frontmatter, GFM)', [floor, archiveDir], count));
      add(run('hindsight lint, cold', lint(), count, work));
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
    const floorTimes = samples.get('floor: read + parse (mdast, frontmatter, GFM)')!.map((m) => m.seconds);
    const measures = [...samples.values()].map((list) => {
      const first = list[0]!;
      const seconds = median(list.map((m) => m.seconds));
      // Each round's measure against the same round's floor, then the median of ratios.
      const ratio = median(list.map((m, i) => m.seconds / floorTimes[i]!));
      return { ...first, seconds, peakBytes: Math.max(...list.map((m) => m.peakBytes)), ratio, filesPerSecond: first.files / seconds };
    });

    const hugeFile = path.join(work, 'huge.md');
    const quarterFile = path.join(work, 'quarter.md');
    const entries = 20_000;
    const bytes = hugeTimeline(hugeFile, entries);
    hugeTimeline(quarterFile, entries / 4);
    const hugeFloor = median([0, 1].map(() => run('huge floor', [floor, hugeFile], 1).seconds));
    const hugeLint = median([0, 1].map(() => run('huge lint', [cli, 'lint', hugeFile, '--format', 'json'], 1, work).seconds));
    const quarterLint = median([0, 1].map(() => run('quarter lint', [cli, 'lint', quarterFile, '--format', 'json'], 1, work).seconds));
    return {
      files: count,
      bytes: archive.bytes,
      rounds,
      measures,
      huge: { bytes, entries, floorSeconds: hugeFloor, lintSeconds: hugeLint, ratio: hugeLint / hugeFloor, quarterLintSeconds: quarterLint, growth: hugeLint / quarterLint },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function printScale(r: ScaleResult): void {
  const mib = (b: number): string => (Number.isFinite(b) ? (b / 1024 / 1024).toFixed(0) : '?');
  console.log(`scale: ${r.files} generated postmortems, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.rounds} round(s), medians; ratios to the floor of the same round`);
  const width = Math.max(...r.measures.map((m) => m.name.length));
  console.log(`  ${'measure'.padEnd(width)}  ${'time'.padStart(8)}  ${'files/s'.padStart(8)}  ${'peak MiB'.padStart(8)}  ${'× floor'.padStart(8)}`);
  for (const m of r.measures) {
    console.log(`  ${m.name.padEnd(width)}  ${`${m.seconds.toFixed(2)} s`.padStart(8)}  ${m.filesPerSecond.toFixed(0).padStart(8)}  ${mib(m.peakBytes).padStart(8)}  ${m.ratio.toFixed(3).padStart(8)}`);
  }
  const h = r.huge;
  console.log(`  one ${(h.bytes / 1e6).toFixed(1)} MB postmortem, ${h.entries} timeline entries: lint ${h.lintSeconds.toFixed(2)} s = ${h.ratio.toFixed(2)}× its parse floor (${h.floorSeconds.toFixed(2)} s); ${h.entries / 4} entries took ${h.quarterLintSeconds.toFixed(2)} s (4× the entries cost ${h.growth.toFixed(2)}×)`);
}
