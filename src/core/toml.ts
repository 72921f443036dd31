// The `smol-toml` package, loaded when first asked for: only Hugo and Zola sites write their
// frontmatter in TOML (`+++` fences). The bundled build (scripts/build-lib.ts) replaces this
// module with one that requires its bundled copy, as it does for yaml.ts.
import { createRequire } from 'node:module';

type Toml = typeof import('smol-toml');
let toml: Toml | null = null;

export function loadToml(): Toml {
  return (toml ??= createRequire(import.meta.url)('smol-toml') as Toml);
}
