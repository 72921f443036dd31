// `hindsight site` when it cannot run: a clear one-paragraph message and exit code 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './project.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hindsight-site-command-'));
  mkdirSync(path.join(dir, 'postmortems'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function site(...args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'hindsight.js'), 'site', ...args], { cwd: dir, encoding: 'utf8' });
}

describe('hindsight site', () => {
  it('says to install Astro in a project that has none', () => {
    const result = site('build');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npm install -D astro pagefind');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the actions it takes', () => {
    const result = site('deploy');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('build, dev or preview, not "deploy"');
  });
});
