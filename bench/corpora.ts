// The corpora of the scale benchmark (docs/performance.md): our own generator, the styled
// generators of bench/styles.ts, and the shared corpora of real-world postmortems copied over
// and over into one folder (under distinct names) until there are at least as many files.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive, type GeneratedArchive } from './generate.ts';
import { generateStyledArchive, STYLE_SEED, STYLES } from './styles.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface Corpus {
  name: string;
  /** What it is, for the report. */
  about: string;
  /** Writes at least `count` postmortems into `dir` (which it creates). */
  make(dir: string, count: number): GeneratedArchive;
}

/** Copies of every `*.md` of `source` into `dir`, as `c<k>-<name>`, until there are `count` or more. */
export function repeatCorpus(source: string, dir: string, count: number): GeneratedArchive {
  const names = readdirSync(source)
    .filter((n) => n.endsWith('.md'))
    .sort();
  if (names.length === 0) throw new Error(`no postmortems in ${source}`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let copy = 0; files.length < count; copy++) {
    for (const name of names) {
      const file = path.join(dir, `c${copy}-${name}`);
      copyFileSync(path.join(source, name), file);
      files.push(file);
      bytes += statSync(file).size;
    }
  }
  return { dir, files, bytes };
}

const shared = (name: string): string => path.join(root, '..', 'shared', 'corpus', name);

/** Every corpus the benchmark can run here: the shared ones only where ../shared holds them. */
export function corpora(): Corpus[] {
  const list: Corpus[] = [
    { name: 'house', about: 'bench/generate.ts, seed 42', make: (dir, count) => generateArchive(dir, count, 42) },
    {
      name: 'styles',
      about: `${STYLES.length} independent styles (${STYLES.map((s) => s.name).join(', ')}), seed ${STYLE_SEED}`,
      make: (dir, count) => generateStyledArchive(dir, count, STYLE_SEED),
    },
  ];
  for (const name of ['public', 'varied']) {
    const source = shared(name);
    if (existsSync(source)) list.push({ name, about: `../shared/corpus/${name}, repeated`, make: (dir, count) => repeatCorpus(source, dir, count) });
  }
  return list;
}
