// The real postmortems of ../shared/corpus/public, which the corpus tests read (never copy
// their text into the product, tests or docs). Outside CI the tests skip when it is absent.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The corpus folder, with its trailing `/`: a file's path is `CORPUS + name`. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/public/', import.meta.url));
export const corpusPresent = existsSync(CORPUS);
if (!corpusPresent && process.env.CI) throw new Error(`The public corpus is missing at ${CORPUS}: CI must run with ../shared beside the clone.`);
/** The corpus's Markdown file names, sorted. */
export const corpusFiles: readonly string[] = corpusPresent
  ? readdirSync(CORPUS)
      .filter((name) => name.endsWith('.md'))
      .sort()
  : [];
