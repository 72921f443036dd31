// The site's page of each rule: the Markdown of its docs/rules/<id>.md page rendered as HTML,
// so the reader sees code, tables and examples, not Markdown's punctuation.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/lint/registry.ts';
import { rulePages } from '../../src/report/rule-docs.ts';
import { rulePageHtml } from '../../src/site/shared/rule-pages.ts';

const rules = await loadRules();
const pages = rulePages(rules);

describe('rule pages', () => {
  it.each([...rules.keys()])('%s: rendered Markdown, no raw backticks or table pipes outside code', (id) => {
    const html = rulePageHtml(pages.get(`${id}.md`)!);
    const prose = html.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    expect(prose).not.toContain('`');
    expect(prose).not.toMatch(/^\|/m);
    expect(prose).not.toContain('**');
    expect(html).toMatch(/Default: <strong>(?:error|warn|off)<\/strong>/);
    expect(html).not.toContain('<h1');
    expect(html).toContain('<a href="/rules/">All rules</a>');
  });

  it('shows the options as a table and each flagged example with its output', () => {
    const html = rulePageHtml(pages.get('recurrence.md')!);
    expect(html).toMatch(/<th[^>]*>Option<\/th>/);
    expect(html).toContain('<code>threshold</code>');
    expect(html).toMatch(/<pre tabindex="0"><code class="language-markdown">---\nid: INC-2025-004/);
    expect(html).toMatch(/<pre tabindex="0"><code class="language-text">9:1-9:14 likeEarlier: This root cause/);
  });

  it('turns links between rule pages into the site’s pages', () => {
    expect(rulePageHtml('See [the order rule](timeline-order.md#options) and [all](README.md).')).toContain(
      '<a href="/rules/timeline-order/#options">the order rule</a> and <a href="/rules/">all</a>',
    );
  });
});
