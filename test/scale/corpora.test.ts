// The scale benchmark's corpora (bench/corpora.ts, bench/styles.ts): reproducible from their
// seed, each style a layout of its own, the shared corpora copied under distinct names, and the
// rules' shares read back from what `--timing` prints.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repeatCorpus } from '../../bench/corpora.ts';
import { ruleShares } from '../../bench/scale.ts';
import { generateStyledArchive, generateStyledPostmortem, STYLES } from '../../bench/styles.ts';
import { buildModel } from '../../src/core/build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-corpora-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the styled corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateStyledArchive(path.join(work, 'a'), 14, 7);
    const b = generateStyledArchive(path.join(work, 'b'), 14, 7);
    const c = generateStyledArchive(path.join(work, 'c'), 14, 8);
    const texts = (dir: string) =>
      readdirSync(dir)
        .sort()
        .map((n) => readFileSync(path.join(dir, n), 'utf8'));
    expect(a.bytes).toBe(b.bytes);
    expect(texts(a.dir)).toEqual(texts(b.dir));
    expect(texts(c.dir)).not.toEqual(texts(a.dir));
  });

  it('gives every style its own layout: the model reads different sections and timelines from each', () => {
    const shapes = STYLES.map((style, n) => {
      const { name, text } = generateStyledPostmortem(n);
      expect(name).toContain(style.name);
      const { model } = buildModel(name, text);
      return JSON.stringify([model.sections.map((s) => s.heading), model.timeline.length > 0, text.startsWith('---'), text.includes('|')]);
    });
    expect(new Set(shapes).size).toBe(STYLES.length);
  });
});

describe('a repeated corpus', () => {
  it('copies every file under distinct names until there are enough', () => {
    const source = path.join(work, 'source');
    mkdirSync(source);
    for (const name of ['one.md', 'two.md', 'three.md']) writeFileSync(path.join(source, name), `# ${name}\n`);
    writeFileSync(path.join(source, 'notes.txt'), 'not a postmortem');
    const copied = repeatCorpus(source, path.join(work, 'repeated'), 7);
    expect(copied.files).toHaveLength(9); // whole copies: 3 × 3
    expect(new Set(copied.files).size).toBe(9);
    expect(readdirSync(copied.dir).filter((n) => n.endsWith('.md'))).toHaveLength(9);
    expect(readFileSync(copied.files.find((f) => f.endsWith('c2-two.md'))!, 'utf8')).toBe('# two.md\n');
  });
});

it("reads each rule's share from what lint --timing prints", () => {
  const dir = generateStyledArchive(path.join(work, 'timed'), 3).dir;
  const lint = spawnSync(process.execPath, [path.join(root, 'bin/hindsight.js'), 'lint', dir, '--timing', '--format', 'json'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const shares = ruleShares(lint.stderr);
  expect(shares.map((s) => s.rule)).toContain('no-secrets');
  expect(shares.reduce((n, s) => n + s.percent, 0)).toBeCloseTo(100, 0);
  expect(shares.map((s) => s.percent)).toEqual([...shares.map((s) => s.percent)].sort((a, b) => b - a));
});
