// Links between postmortems: which link targets are local Markdown files, and the links of a
// parsed document.
import type { Nodes, Root } from 'mdast';

/** A link to a local Markdown file: its path part (no anchor, no query), or null for URLs, anchors and other files. */
export function localMarkdownTarget(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/') || url.startsWith('\\')) return null;
  const bare = url.replace(/[?#].*$/, '');
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // A stray "%": keep the text as written.
  }
  return /\.md$/i.test(decoded) ? decoded : null;
}

/**
 * False when no link in this text can name a local Markdown file: none can without ".md" written
 * in it, or spelled with a percent escape or a character reference ("x%2Emd", "x&#46;md"),
 * which the parser and localMarkdownTarget decode. Saves walking the tree for most documents.
 */
export function mayLinkMarkdown(source: string): boolean {
  return MAY_NAME_MARKDOWN.test(source);
}

const MAY_NAME_MARKDOWN = /\.md|[%&]/i;

/** Link and definition nodes with a URL, outside code (mdast has no links in code). */
export function linkNodes(tree: Root): { url: string; node: Nodes }[] {
  const out: { url: string; node: Nodes }[] = [];
  const walk = (node: Nodes): void => {
    if ((node.type === 'link' || node.type === 'definition') && node.url) out.push({ url: node.url, node });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}
