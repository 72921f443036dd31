// The `yaml` package, loaded when first asked for. Most frontmatter is read without it
// (simple-yaml.ts), and evaluating it costs a one-file lint about 5 ms of start-up. The
// bundled build (scripts/build-lib.ts) replaces this module with one that requires its
// bundled copy, evaluated on that first call too.
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let yaml: Yaml | null = null;

export function loadYaml(): Yaml {
  return (yaml ??= createRequire(import.meta.url)('yaml') as Yaml);
}
