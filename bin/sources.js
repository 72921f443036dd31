// The files a build of lib/ is made from, as paths relative to the package root, sorted:
// the TypeScript of src/ (but the site's, which is not built) and of rules/, the JSON
// Schemas of schema/, and bin/private-folder.js. scripts/build-lib.ts records them in
// lib/sources.json; bin/hindsight.js compares them with the checkout's to tell whether lib/
// is older than its sources.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function listSources(root) {
  const files = [];
  const walk = (dir, extension) => {
    for (const item of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const file = `${dir}/${item.name}`;
      if (item.isDirectory()) {
        if (file !== 'src/site') walk(file, extension);
      } else if (item.name.endsWith(extension) && !item.name.endsWith('.d.ts')) files.push(file);
    }
  };
  walk('src', '.ts');
  walk('rules', '.ts');
  walk('schema', '.json');
  // The one module of bin/ that src/ imports (and lib/ therefore holds).
  files.push('bin/private-folder.js');
  return files.sort();
}
