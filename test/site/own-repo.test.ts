// A team's own archive, end to end: the packed package installed into a fresh git repository
// with its own postmortems folder and remote, and the site built there by `npx hindsight site
// build` (a built-in configuration), then through the team's own astro.config with the
// integration and a `base`; and an existing archive (a copy of the shared corpus) that
// publishes on day one with a baseline, until a new error fails the build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackage, packPackage, repoRoot, runIn } from './project.ts';

const CORPUS = path.join(repoRoot, '..', 'shared', 'corpus', 'varied');

const POSTMORTEMS: Record<string, string> = {
  '2025-03-04-ledger-replica-lag.md': `---
title: Ledger replica lag delayed statements
date: 2025-03-04
severity: SEV2
services: [ledger]
---
# Ledger replica lag delayed statements

## Summary

From 09:10 to 10:25 UTC on 4 March 2025 monthly statements for 1,800 customers were generated
from a replica 40 minutes behind its primary.

## Timeline (all times UTC)

- 2025-03-04 09:10 - Replica lag alert fired for ledger-replica-2
- 2025-03-04 09:32 - On-call paused statement generation
- 2025-03-04 10:25 - Lag back under one second; generation resumed

## Root Cause

A vacuum on the primary held a lock the replica's replay waited for.

## Action Items

- [ ] Route statement reads to the primary while replica lag exceeds 30 s (@dana, LED-311, due 2025-04-01)
`,
  'platform/2025-06-18-dns-resolver-timeouts.md': `---
title: Resolver timeouts in the build cluster
date: 2025-06-18
severity: SEV3
services: [build-cluster]
---
# Resolver timeouts in the build cluster

## Summary

From 14:00 to 14:45 UTC on 18 June 2025, 12% of CI jobs failed on DNS timeouts.

## Timeline (all times UTC)

- 2025-06-18 14:00 - Job failure rate rose to 12%
- 2025-06-18 14:20 - Resolver pods found throttled
- 2025-06-18 14:45 - Resolver CPU limit raised; failures stopped

## Root Cause

The resolver's CPU limit was sized for half of today's build volume.

## Action Items

- [x] Raise the resolver's CPU limit (@ops, PLAT-77, due 2025-06-19)
`,
};

/** A postmortem with only a summary: errors under the recommended preset. */
const NEW_ERROR = '# Checkout latency after the cache flush\n\n## Summary\n\nCheckout was slow for a while.\n';

let temp = '';
let tarball = '';
let team = '';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-C', cwd, '-c', 'user.name=Team', '-c', 'user.email=team@example.com', ...args], { encoding: 'utf8' });
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(path.join(entry.parentPath, entry.name));
  return out;
}

beforeAll(() => {
  temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'hindsight-own-repo-')));
  tarball = packPackage(temp);
  team = path.join(temp, 'incidents');
  installPackage(team, tarball);
  for (const [name, text] of Object.entries(POSTMORTEMS)) {
    mkdirSync(path.dirname(path.join(team, 'postmortems', name)), { recursive: true });
    writeFileSync(path.join(team, 'postmortems', name), text);
  }
  writeFileSync(path.join(team, '.gitignore'), 'node_modules/\ndist/\n');
  git(team, 'init', '-q', '-b', 'main');
  git(team, 'remote', 'add', 'origin', 'git@github.com:acme/incidents.git');
  git(team, 'add', '.');
  git(team, 'commit', '-q', '-m', 'Our postmortems');
}, 600_000);

afterAll(() => {
  if (temp && !process.env.KEEP_OWN_REPO) rmSync(temp, { recursive: true, force: true });
});

describe("a team's own archive", () => {
  it('`npx hindsight site build` builds a page for every postmortem, with edit links into the team repository', () => {
    const build = runIn(team, 'npx', ['--no-install', 'hindsight', 'site', 'build']);
    expect(build.output).not.toMatch(/\n\s+at /);
    expect(build.status, build.output).toBe(0);
    for (const name of Object.keys(POSTMORTEMS)) {
      const slug = name.replace(/\.md$/, '');
      const page = path.join(team, 'dist', 'incidents', slug, 'index.html');
      expect(existsSync(page), page).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(`href="https://github.com/acme/incidents/edit/main/postmortems/${slug}.md"`);
    }
    expect(readFileSync(path.join(team, 'dist', 'index.html'), 'utf8')).not.toContain('hindsight-postmortems/hindsight');
    expect(existsSync(path.join(team, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
  }, 600_000);

  it("builds through the team's astro.config with the integration and base '/incidents': every link, asset, feed and search result under the base", () => {
    writeFileSync(
      path.join(team, 'astro.config.mjs'),
      [
        "import { defineConfig } from 'astro/config';",
        "import hindsight from 'hindsight-postmortems/astro';",
        "export default defineConfig({ site: 'https://acme.github.io', base: '/incidents', integrations: [hindsight({ content: 'postmortems' })] });",
      ].join('\n'),
    );
    try {
      const build = runIn(team, 'npx', ['--no-install', 'hindsight', 'site', 'build', '--out-dir', 'dist-pages']);
      expect(build.status, build.output).toBe(0);
      const out = path.join(team, 'dist-pages');
      const pages = htmlFiles(out);
      expect(pages.length).toBeGreaterThan(5);
      for (const page of pages) {
        const html = readFileSync(page, 'utf8');
        for (const [, url] of html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) {
          if (url!.startsWith('//')) continue;
          expect(url, `${path.relative(out, page)}: ${url}`).toMatch(/^\/incidents\//);
        }
      }
      const incident = readFileSync(path.join(out, 'incidents', '2025-03-04-ledger-replica-lag', 'index.html'), 'utf8');
      expect(incident).toMatch(/href="\/incidents\/_astro\/[^"]+\.css"/);
      expect(incident).toContain('href="/incidents/services/ledger/"');
      expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toContain(
        '<link>https://acme.github.io/incidents/incidents/2025-03-04-ledger-replica-lag/</link>',
      );
      // Pagefind's fragments (gzip) hold each result's URL.
      const fragments = readdirSync(path.join(out, 'pagefind', 'fragment')).map((name) =>
        gunzipSync(readFileSync(path.join(out, 'pagefind', 'fragment', name))).toString('utf8'),
      );
      expect(fragments.some((text) => text.includes('"url":"/incidents/incidents/2025-03-04-ledger-replica-lag/"'))).toBe(true);
      expect(fragments.every((text) => /"url":"\/incidents\//.test(text))).toBe(true);
    } finally {
      rmSync(path.join(team, 'astro.config.mjs'));
    }
  }, 600_000);

  it('adds its pages as routes beside the pages of a project that has its own, whose links stay as written', () => {
    mkdirSync(path.join(team, 'src', 'pages'), { recursive: true });
    writeFileSync(
      path.join(team, 'src', 'pages', 'on-call.astro'),
      '---\n---\n<html lang="en"><body><h1>On call</h1><a href="/incidents/on-call/">this page</a></body></html>\n',
    );
    writeFileSync(
      path.join(team, 'astro.config.mjs'),
      [
        "import { defineConfig } from 'astro/config';",
        "import hindsight from 'hindsight-postmortems/astro';",
        "export default defineConfig({ base: '/incidents', integrations: [hindsight()] });",
      ].join('\n'),
    );
    try {
      const missing = runIn(team, 'npx', ['--no-install', 'hindsight', 'site', 'build', '--out-dir', 'dist-own']);
      expect(missing.status).toBe(2);
      expect(missing.output).toContain('hindsight-postmortems/astro/loaders');
      writeFileSync(
        path.join(team, 'src', 'content.config.ts'),
        [
          "import { defineCollection } from 'astro:content';",
          "import { postmortemLoader, ruleLoader } from 'hindsight-postmortems/astro/loaders';",
          'export const collections = { postmortems: defineCollection({ loader: postmortemLoader() }), rules: defineCollection({ loader: ruleLoader() }) };',
        ].join('\n'),
      );
      const build = runIn(team, 'npx', ['--no-install', 'hindsight', 'site', 'build', '--out-dir', 'dist-own']);
      expect(build.status, build.output).toBe(0);
      const out = path.join(team, 'dist-own');
      expect(readFileSync(path.join(out, 'on-call', 'index.html'), 'utf8')).toContain('href="/incidents/on-call/"');
      expect(readFileSync(path.join(out, 'incidents', '2025-03-04-ledger-replica-lag', 'index.html'), 'utf8')).toContain('href="/incidents/services/ledger/"');
    } finally {
      rmSync(path.join(team, 'astro.config.mjs'));
      rmSync(path.join(team, 'src'), { recursive: true });
    }
  }, 600_000);

  it('publishes an existing archive on day one with a baseline, and fails on a new error only', () => {
    const archive = path.join(temp, 'archive');
    installPackage(archive, tarball);
    mkdirSync(path.join(archive, 'postmortems'));
    for (const name of readdirSync(CORPUS).filter((n) => /^v\d+\.md$/.test(n))) cpSync(path.join(CORPUS, name), path.join(archive, 'postmortems', name));
    git(archive, 'init', '-q', '-b', 'main');

    const lint = runIn(archive, 'npx', ['--no-install', 'hindsight', 'lint', '--quiet']);
    expect(lint.status, 'the corpus has errors to adopt').toBe(1);
    expect(runIn(archive, 'npx', ['--no-install', 'hindsight', 'lint', '--baseline-write', 'hindsight-baseline.json']).output).toContain('recorded');

    const first = runIn(archive, 'npx', ['--no-install', 'hindsight', 'site', 'build', '--baseline', 'hindsight-baseline.json']);
    expect(first.status, first.output).toBe(0);
    const index = JSON.parse(readFileSync(path.join(archive, 'dist', 'index.json'), 'utf8')) as {
      incidents: { lint: { errors: number; known: { errors: number } } }[];
    };
    expect(index.incidents.filter((i) => i.lint.errors > 0)).toEqual([]);
    expect(
      index.incidents.some((i) => i.lint.known.errors > 0),
      'the recorded errors are in the index, as known',
    ).toBe(true);
    // The recorded findings are on their pages, as known; with no remote there are no edit links.
    const pages = htmlFiles(path.join(archive, 'dist', 'incidents'));
    expect(pages.some((page) => readFileSync(page, 'utf8').includes('known: recorded in the baseline'))).toBe(true);
    expect(pages.filter((page) => readFileSync(page, 'utf8').includes('Edit this postmortem'))).toEqual([]);

    writeFileSync(path.join(archive, 'postmortems', 'new-checkout-latency.md'), NEW_ERROR);
    const second = runIn(archive, 'npx', ['--no-install', 'hindsight', 'site', 'build', '--baseline', 'hindsight-baseline.json']);
    expect(second.status, second.output).toBe(1);
    expect(second.output).toContain('new-checkout-latency.md');
    expect(second.output).not.toMatch(/v\d+\.md/);
    expect(second.output).not.toMatch(/\n\s+at /);
  }, 900_000);
});
