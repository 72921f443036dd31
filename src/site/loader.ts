// The content-layer loader: every *.md under the content folder becomes an entry whose
// data is the postmortem model. Unchanged files are skipped by digest on rebuilds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'tinyglobby';
import { buildModel } from '../core/build.ts';
import type { Postmortem } from '../core/model.ts';

/** Bump when what the loader stores changes, so cached entries are rebuilt. */
const LOADER_VERSION = 1;

export interface EntryData {
  model: Omit<Postmortem, 'source'>;
  slug: string;
}

export function postmortemLoader(options: { base: string }): Loader {
  return {
    name: 'hindsight-postmortems',
    async load({ store, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      const base = path.resolve(root, options.base);
      const files = (await glob('**/*.md', { cwd: base, absolute: true })).sort();
      const untouched = new Set(store.keys());
      for (const file of files) {
        const source = await readFile(file, 'utf8');
        const slug = path.relative(base, file).replace(/\.md$/, '').split(path.sep).join('/');
        untouched.delete(slug);
        const digest = generateDigest({ source, v: LOADER_VERSION });
        if (store.get(slug)?.digest === digest) continue;
        const { model } = buildModel(file, source);
        const { source: _source, ...rest } = model;
        store.set({ id: slug, data: { model: rest, slug } as unknown as Record<string, unknown>, digest, filePath: path.relative(root, file).split(path.sep).join('/') });
      }
      for (const id of untouched) store.delete(id);
      logger.info(`${files.length} postmortems`);
    },
  };
}
