// The job summary renders titles, file names, severities and messages from the pull request
// as GitHub-flavoured Markdown with HTML. Parsed as GFM here (micromark, with autolink
// literals and tables), hostile text must come out as the text it was: no image, no link but
// the files' own, no HTML but the summary's own, and each cell's text unchanged.
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { outputEntry } from '../../src/action/main.ts';
import { blobLink, formatSummary, markdownCode, type SummaryRow } from '../../src/action/summary.ts';
import { summarise } from '../../src/lint/result.ts';

const workspace = '/work/space';
const BLOB = 'https://github.com/acme/postmortems/blob/0123abc/';

// Our own payloads: an image and a link that would be fetched or clicked, HTML, an autolink
// literal, a mention, emphasis, a code span, a table pipe, entities, a link breaker in a name.
const HOSTILE_TITLE =
  '![x](https://tracker.invalid/p.png) [log in](https://phish.invalid/) <img src=x onerror=alert(1)> <b>bold</b> www.phish.invalid https://phish.invalid/a @everyone *em* _em_ `code` a | b &amp; &#60;x&#62; ~~gone~~ $x^2$ \\* #12';
const HOSTILE_FILE = 'postmortems/2024-01-01-a)[click](https:/phish.invalid/x) <b>\\|![i](https:/t.invalid/i.png)`|c.md';

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function all(node: Nodes, type: string): Nodes[] {
  const found: Nodes[] = node.type === type ? [node] : [];
  if ('children' in node) for (const child of node.children) found.push(...all(child as Nodes, type));
  return found;
}

function hostileRows(): SummaryRow[] {
  const file = path.join(workspace, HOSTILE_FILE);
  const result = summarise(file, [{ ruleId: 'no-placeholder', severity: 2, message: `Found ${HOSTILE_TITLE}`, line: 3, column: 1, endLine: 3, endColumn: 2 }]);
  return [
    {
      result,
      metrics: { title: HOSTILE_TITLE, severity: '<script>alert(1)</script>', start: null, detectMinutes: 5, resolveMinutes: null, durationMinutes: null },
    },
  ];
}

describe('the job summary with hostile text', () => {
  const markdown = formatSummary(hostileRows(), {
    workspace,
    scope: { kind: 'all', reason: 'the input [all](https://phish.invalid/) is <i>true</i>' },
    blobBase: BLOB,
    sarifFile: path.join(workspace, 'out/![a](https://x.invalid/).sarif'),
  });
  const tree = parse(markdown);

  it("has no image, and no link but the file's own blob", () => {
    expect(all(tree, 'image')).toEqual([]);
    const links = all(tree, 'link') as { url: string }[];
    expect(links.map((l) => l.url)).toEqual([blobLink(BLOB, HOSTILE_FILE)]);
    expect(links[0]!.url.startsWith(BLOB)).toBe(true);
    expect(links[0]!.url).not.toMatch(/[()<>|\s[\]]/);
  });

  it("has no HTML but the summary's own line break and folding", () => {
    const html = (all(tree, 'html') as { value: string }[]).map((h) => h.value);
    expect(new Set(html)).toEqual(new Set(['<br>', '<details><summary>Findings</summary>', '</details>']));
  });

  it("shows each piece as written: the file name as the link's text, the title, the severity, the message", () => {
    const table = all(tree, 'table')[0] as { children: { children: Nodes[] }[] };
    expect(table.children).toHaveLength(2);
    const cells = table.children[1]!.children.map((cell) => toString(cell));
    expect(cells).toHaveLength(7);
    // In a table cell, a pipe is shown as "│" (see markdownCode).
    const inCell = (text: string): string => text.replace(/\|/g, '\u2502');
    expect(cells[0]).toBe(`${inCell(HOSTILE_FILE)}<br>${inCell(HOSTILE_TITLE)}`);
    expect(cells[3]).toBe('<script>alert(1)</script>');
    expect(toString(tree)).toContain(`Found ${HOSTILE_TITLE}`);
    expect(toString(tree)).toContain('the input [all](https://phish.invalid/) is <i>true</i>');
    expect(all(tree, 'emphasis')).toEqual([]);
    expect(all(tree, 'delete')).toEqual([]);
    // Hostile text is only ever inside code spans: never in the text GFM scans for autolinks.
    expect((all(tree, 'text') as { value: string }[]).map((t) => t.value).join('')).not.toMatch(/phish|tracker|script|everyone/);
  });

  it('writes code spans whose text is the text, on one line, control characters as escapes', () => {
    for (const text of [HOSTILE_TITLE, '`starts', 'ends`', 'a ``` b', 'x\\']) expect(toString(parse(markdownCode(text)))).toBe(text);
    expect(markdownCode('line\nbreak\u001b[2J')).toBe('`line break\\x1b[2J`');
    expect(markdownCode('')).toBe('');
  });
});

describe('$GITHUB_OUTPUT entries', () => {
  it('use the heredoc form with a delimiter found in neither name nor value', () => {
    const entry = outputEntry('sarif-file', '/w/out\nerrors=0\n.sarif');
    const [first, ...rest] = entry.split('\n');
    const delimiter = /^sarif-file<<(.+)$/.exec(first!)![1]!;
    expect(delimiter).toMatch(/^hindsight_[0-9a-f]{32}$/);
    expect(rest).toEqual(['/w/out', 'errors=0', '.sarif', delimiter, '']);
    expect(outputEntry('files', '3')).not.toBe(outputEntry('files', '3'));
  });
});

describe('the job summary and credentials', () => {
  it("shows a title's credential masked, however it is written", async () => {
    const { buildModel } = await import('../../src/core/build.ts');
    const { incidentMetrics } = await import('../../src/lint/incident-summary.ts');
    const token = ['gh', 'p_', 'Qm7Lx2Vr9Tk4Wb8Nz3Hc6Yf1Jd5Gs0Pa2Re7'].join('');
    for (const written of [token, token.replace('_', '\\_')]) {
      const { model } = buildModel('/work/space/a.md', `---\nseverity: ${written}\n---\n# Deploy bot leaked ${written}\n`, {
        defaultZone: null,
        sectionAliases: new Map(),
      });
      const metrics = incidentMetrics(model);
      expect(metrics.title).toBe('Deploy bot leaked ghp_…');
      expect(metrics.severity).toBe('ghp_…');
    }
  });
});
