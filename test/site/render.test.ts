// The renderer: our own mdast tree → sanitized HTML with heading anchors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { parseMarkdown } from '../../src/core/parse.ts';
import { renderPostmortem } from '../../src/site/shared/render.ts';
import { repoRoot } from './project.ts';

const render = (markdown: string) => renderPostmortem(parseMarkdown(markdown)).html;

describe('renderPostmortem: raw HTML never executes', () => {
  const file = path.join(repoRoot, 'test', 'site', 'fixtures', 'hostile.md');
  const { model, tree } = buildModel(file, readFileSync(file, 'utf8'));
  const { html } = renderPostmortem(tree, { titleLine: model.titleLine, title: model.title });

  it.each([
    ['script', /<script/i],
    ['iframe', /<iframe/i],
    ['object', /<object/i],
    ['embed', /<embed/i],
    ['form', /<form/i],
    ['button', /<button/i],
    ['meta', /<meta/i],
    ['style element', /<style/i],
    ['link element', /<link/i],
    ['svg', /<svg/i],
    ['math', /<math/i],
    ['event handler', /\son[a-z]+\s*=/i],
    ['style attribute', /\sstyle\s*=/i],
    ['javascript: URL', /javascript:/i],
    ['vbscript: URL', /vbscript:/i],
    ['data: URL', /(?:href|src)="data:/i],
    ['srcdoc', /srcdoc/i],
    ['author tabindex', /tabindex="1"/i],
  ])('removes every %s', (_name, pattern) => {
    expect(html).not.toMatch(pattern);
  });

  it('keeps the text, the safe link and the safe image', () => {
    expect(html).toContain('quokkasafe');
    expect(html).toContain('<a href="https://example.com/runbook">a safe link</a>');
    expect(html).toContain('src="https://example.com/status.png"');
    expect(html).toContain('>raw link</a>');
  });

  it('does not modify the tree it renders', () => {
    expect(renderPostmortem(tree, { titleLine: model.titleLine, title: model.title }).html).toBe(html);
  });
});

describe('renderPostmortem: the output', () => {
  it('adds github-slugger ids and anchors to headings after sanitizing (no user-content- prefix)', () => {
    const { html, headings } = renderPostmortem(parseMarkdown('## Root Cause\n\ntext\n\n## Root Cause\n\n<h3 id="mine">Raw heading</h3>\n\n<p id="x">p</p>'));
    expect(headings).toEqual([
      { depth: 2, slug: 'root-cause', text: 'Root Cause' },
      { depth: 2, slug: 'root-cause-1', text: 'Root Cause' },
      { depth: 3, slug: 'raw-heading', text: 'Raw heading' },
    ]);
    expect(html).toContain('<h2 id="root-cause">Root Cause<a class="anchor" href="#root-cause"');
    expect(html).toContain('<h3 id="raw-heading">');
    expect(html).toContain('<p id="user-content-x">');
  });

  it('leaves the title out and turns bold section lines into headings', () => {
    const md = '---\ntitle: T\n---\n\n**The title**\n\n**Summary:**\n\nBody text.\n\n**Root Cause:** inline text stays a paragraph.';
    const tree = parseMarkdown(md);
    const { html } = renderPostmortem(tree, { title: 'The title', promoteLines: new Set([7, 11]) });
    expect(html).not.toContain('The title');
    expect(html).toContain('<h2 id="summary">Summary<a');
    expect(html).toContain('<p><strong>Root Cause:</strong> inline text stays a paragraph.</p>');
    expect(renderPostmortem(parseMarkdown('# Title\n\ntext')).html).not.toContain('Title');
  });

  it('keeps GFM tables (in a focusable scroll region), task lists, code and details', () => {
    const html = render(
      '| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n```sql\nselect 1;\n```\n\n<details><summary>More</summary>inner</details>\n\n[mail](mailto:ops@example.com)',
    );
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Table 1"><table>');
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Done">');
    expect(html).toContain('<code class="language-sql">select 1;');
    expect(html).toContain('<details><summary>More</summary>inner</details>');
    expect(html).toContain('href="mailto:ops@example.com"');
  });

  it('gives images without a description an empty one and drops images without a source', () => {
    expect(render('<img src="https://example.com/a.png">')).toContain('<img alt="" src="https://example.com/a.png" loading="lazy">');
    expect(render('<img src="javascript:alert(1)">')).not.toContain('<img');
  });
});
