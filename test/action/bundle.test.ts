// The Action runs its committed bundle, action/dist/index.js (action.yml: `runs.main`), and
// never the sources: a change to src/ that is not rebuilt into it would not reach a single
// user. So the bundle is rebuilt here from the sources and must be the committed file, byte
// for byte; and it must stand alone, importing nothing but Node's builtins.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../hooks/helpers.ts';

const COMMITTED = path.join(ROOT, 'action', 'dist', 'index.js');

describe("the Action's committed bundle", () => {
  const temp = tempDir('action-bundle');
  afterAll(() => temp.remove());

  it('is what `npm run build:action` makes of the sources now, byte for byte', () => {
    const rebuilt = path.join(temp.dir, 'index.js');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-action.ts'), '--outfile', rebuilt], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const fresh = readFileSync(rebuilt);
    const committed = readFileSync(COMMITTED);
    // Not toEqual on 1.5 MB: the message matters more than a diff of one long line.
    expect(
      fresh.equals(committed),
      `action/dist/index.js is not the build of the sources (${committed.length} bytes committed, ${fresh.length} built): run \`npm run build:action\` and commit it.`,
    ).toBe(true);
  }, 300_000);

  it('imports nothing but Node builtins, so the runner needs no node_modules', () => {
    const text = readFileSync(COMMITTED, 'utf8');
    const specifiers = [
      ...text.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g),
      ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      // Not ajv's code for standalone validators, strings such as 'require("ajv/dist/runtime/equal")'.
      ...text.matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    const builtins = new Set(builtinModules);
    expect([...new Set(specifiers.filter((s) => !builtins.has(s.replace(/^node:/, ''))))]).toEqual([]);
  });
});
