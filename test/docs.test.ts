// What is generated from the rule declarations stays in step with them, and the docs hold
// together: every relative link and #anchor of README.md and docs/ points at something.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/lint/config/schema.ts';
import { loadRules } from '../src/lint/registry.ts';
import { INTERFACE_RULE_IDS } from './helpers/interface-rule-ids.ts';
import { helpUri } from '../src/lint/result.ts';
import { rulePages } from '../src/report/rule-docs.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RULE_DOCS = path.join(ROOT, 'docs', 'rules');
const rules = await loadRules();

/** README.md and every Markdown file under docs/, as paths relative to `root`. */
function docFiles(root: string): string[] {
  const found = ['README.md'];
  const walk = (dir: string): void => {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      const rel = path.join(dir, name);
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.md')) found.push(rel);
    }
  };
  if (existsSync(path.join(root, 'docs'))) walk('docs');
  return found;
}

function parse(text: string): Nodes {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function* walkTree(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walkTree(child);
}

/** The anchors a file offers on GitHub: its headings' slugs and the ids of its HTML. */
function anchorsOf(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const node of walkTree(parse(text))) {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
    if (node.type === 'html') for (const m of node.value.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** Every relative link or #anchor of the docs under `root` that points at nothing, as "file: target (why)". */
function brokenLinks(root: string): string[] {
  const anchors = new Map<string, Set<string>>();
  const anchorsFor = (file: string): Set<string> => {
    if (!anchors.has(file)) anchors.set(file, anchorsOf(readFileSync(file, 'utf8')));
    return anchors.get(file)!;
  };
  const broken: string[] = [];
  for (const rel of docFiles(root)) {
    const file = path.join(root, rel);
    for (const node of walkTree(parse(readFileSync(file, 'utf8')))) {
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') continue;
      const url = node.url;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) continue; // https:, mailto: … are not this repository's
      const [target = '', anchor] = url.split('#');
      const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
      // A link out of the repository is broken on GitHub and in the package, whatever lies beside this checkout.
      if (path.relative(root, resolved).startsWith('..')) broken.push(`${rel}: ${url} (outside the repository)`);
      else if (!existsSync(resolved)) broken.push(`${rel}: ${url} (no such file)`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsFor(resolved).has(decodeURIComponent(anchor))) {
        broken.push(`${rel}: ${url} (no such heading)`);
      }
    }
  }
  return broken;
}

describe('generated documentation', () => {
  it('docs/rules/ holds exactly the rule pages and index the rules make (run `npm run docs` to update it)', () => {
    const pages = rulePages(rules);
    expect(
      readdirSync(RULE_DOCS)
        .filter((name) => name.endsWith('.md'))
        .sort(),
    ).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages) expect(readFileSync(path.join(RULE_DOCS, name), 'utf8'), `docs/rules/${name}`).toBe(text);
  });

  it('each rule page shows its rule: id, default severity, rationale and first example', () => {
    for (const rule of rules.values()) {
      const page = readFileSync(path.join(RULE_DOCS, `${rule.id}.md`), 'utf8');
      expect(page).toContain(`# \`${rule.id}\``);
      expect(page).toContain(`Default: **${rule.severity}**`);
      expect(page).toContain(rule.docs.rationale);
      if (rule.docs.invalid[0]) expect(page).toContain(rule.docs.invalid[0].markdown.trimEnd());
    }
  });

  it("every finding's help link (SARIF helpUri) names the rule's page in docs/rules/", () => {
    for (const id of rules.keys()) {
      const uri = helpUri(id);
      expect(uri).toMatch(new RegExp(`^https://github\\.com/[^/]+/[^/]+/blob/main/docs/rules/${id}\\.md$`));
      expect(existsSync(path.join(ROOT, uri.replace(/^.*\/blob\/main\//, ''))), uri).toBe(true);
    }
  });

  it('schema/config.schema.json matches the rules (run `npm run docs` to update it)', () => {
    const stored = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'config.schema.json'), 'utf8')) as unknown;
    expect(stored).toEqual(configSchema(rules));
  });

  it('every rule id of shared/interfaces.md is in the catalogue', () => {
    for (const id of INTERFACE_RULE_IDS) expect(rules.has(id), id).toBe(true);
  });
});

describe('links between the docs', () => {
  it('every relative link of README.md and docs/ points at an existing file, and every #anchor at a heading there', () => {
    expect(docFiles(ROOT).length).toBeGreaterThan(rules.size);
    expect(brokenLinks(ROOT)).toEqual([]);
  });

  it('the check finds a link to a missing file, to a missing heading here or in another file, and out of the repository', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-doc-links-'));
    try {
      writeFileSync(path.join(dir, 'README.md'), '# Front\n\n[ok](#front) [gone](docs/gone.md) [here](#nowhere) [there](docs/a.md#b-c)\n');
      mkdirSync(path.join(dir, 'docs'));
      writeFileSync(
        path.join(dir, 'docs', 'a.md'),
        '# A\n\n## B: `c`\n\n[up](../README.md#front) [bad](../README.md#back) [out](../../x.md)\n\n```md\n[in code](nothing.md)\n```\n',
      );
      expect(brokenLinks(dir)).toEqual([
        'README.md: docs/gone.md (no such file)',
        'README.md: #nowhere (no such heading)',
        'docs/a.md: ../README.md#back (no such heading)',
        'docs/a.md: ../../x.md (outside the repository)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a snippet shown in several files (README.md and the page it links to) is the same in each', () => {
    const blocks = new Map<string, Map<string, string>>();
    for (const rel of docFiles(ROOT)) {
      const text = readFileSync(path.join(ROOT, rel), 'utf8');
      for (const m of text.matchAll(/<!-- snippet: ([\w-]+) -->\s*```[\w-]*\n([\s\S]*?)\n```/g)) {
        if (!blocks.has(m[1]!)) blocks.set(m[1]!, new Map());
        blocks.get(m[1]!)!.set(rel, m[2]!);
      }
    }
    expect(blocks.size).toBeGreaterThan(0);
    for (const [name, shown] of blocks) expect(new Set(shown.values()).size, `snippet ${name} in ${[...shown.keys()].join(', ')}`).toBe(1);
  });
});
