// A rule's page on the site: the Markdown of its docs/rules/<id>.md page (report/rule-docs.ts,
// the same text `npm run docs` writes), rendered by the site's own pipeline: parsed as the
// linter parses postmortems, sanitized, headings anchored. Links between the rule pages point
// at the site's /rules/ pages instead of the .md files.
import { parseMarkdown } from '../../core/parse.ts';
import { renderPostmortem } from './render.ts';

/** The HTML of a rule's documentation page, its title heading left out (the page prints it). */
export function rulePageHtml(markdown: string): string {
  const { html } = renderPostmortem(parseMarkdown(markdown));
  return html.replace(/href="([^"]*)"/g, (whole, href: string) => {
    if (href === 'README.md') return 'href="/rules/"';
    const rule = /^([a-z0-9-]+)\.md(#[^"]*)?$/.exec(href);
    if (rule) return `href="/rules/${rule[1]}/${rule[2] ?? ''}"`;
    return whole;
  });
}
