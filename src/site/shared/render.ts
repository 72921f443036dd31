// Our own mdast tree (the one the linter read) → safe HTML. One Markdown pipeline for lint
// and render: the site never parses a postmortem a second time.
//
//   mdast ─ toHast(allowDangerousHtml) ─ raw (parse the HTML, as rehype-raw) ─ sanitize (our
//   schema, as rehype-sanitize) ─ trusted steps (heading ids and anchors, table wrappers) ─ toHtml
//
// Everything after `sanitize` is ours and adds no author-controlled markup, so the anchors'
// ids are not clobbered with `user-content-`.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import GithubSlugger from 'github-slugger';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdastText } from 'mdast-util-to-string';
import { visibleLine } from '../../report/terminal.ts';
import { actionsMarker, addActionsSlot, addEntryIds, entryList, withoutActionItems } from './render-body.ts';

export { ACTIONS_SLOT, ACTIONS_SLOT_PATTERN, entryId } from './render-body.ts';

/**
 * Bump whenever the HTML this module produces changes: it is part of every entry's digest,
 * so cached entries are re-rendered (Astro's content cache hashes only the text of
 * content.config.ts, not the modules it imports).
 */
export const RENDERER_VERSION = 'render-5';

export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderResult {
  html: string;
  headings: RenderedHeading[];
}

export interface RenderOptions {
  /** Line of the document's title: that block is left out (the page prints the title itself). */
  titleLine?: number | null;
  /** The title: the document's first block is left out when it is a level-1 heading, or a line saying exactly this. */
  title?: string | null;
  /** Lines of section headings written as a bold paragraph or a plain line: rendered as `<h2>`. */
  promoteLines?: ReadonlySet<number>;
  /**
   * Lines of timeline entries: each entry's element gets the id `entry-L<line>` (the picture
   * links to it), and a paragraph of several "14:02 UTC - …" lines becomes a list.
   */
  timelineLines?: ReadonlySet<number>;
  /** Lines of action items: their list items and table rows are left out, the page shows them once as a table (`ACTIONS_SLOT`). */
  actionLines?: ReadonlySet<number>;
}

/** Elements removed together with everything inside them. */
export const STRIPPED = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'meta',
  'link',
  'base',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'title',
  'textarea',
  'select',
  'option',
  'button',
  'xmp',
  'plaintext',
  'audio',
  'video',
  'canvas',
  'dialog',
  'portal',
];

/**
 * What raw HTML in a postmortem may keep. An allow-list: any element not named is unwrapped
 * (its text kept), any attribute not named is dropped, so every `on*` handler, `style`,
 * `srcdoc`, `formaction`, `tabindex` and `accesskey` goes. URLs keep only the protocols
 * listed (relative URLs and `#fragments` pass): `javascript:`, `vbscript:` and `data:` are
 * removed, data: images included (a postmortem's pictures are files or http(s) URLs).
 */
export const SCHEMA: Schema = {
  tagNames: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'caption',
    'code',
    'dd',
    'del',
    'details',
    'dfn',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'input',
    'ins',
    'kbd',
    'li',
    'mark',
    'ol',
    'p',
    'pre',
    'q',
    'rp',
    'rt',
    'ruby',
    's',
    'samp',
    'small',
    'span',
    'strike',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'time',
    'tr',
    'tt',
    'u',
    'ul',
    'var',
  ],
  strip: STRIPPED,
  attributes: {
    a: ['href', 'title'],
    abbr: ['title'],
    blockquote: ['cite'],
    code: [['className', /^language-[\w-]+$/]],
    del: ['cite', 'dateTime'],
    details: ['open'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ins: ['cite', 'dateTime'],
    li: [['className', 'task-list-item']],
    ol: ['start', 'reversed', ['className', 'contains-task-list']],
    q: ['cite'],
    td: [['align', 'left', 'right', 'center'], 'colSpan', 'rowSpan'],
    th: [['align', 'left', 'right', 'center'], 'colSpan', 'rowSpan', 'scope'],
    time: ['dateTime'],
    ul: [['className', 'contains-task-list']],
    '*': ['id', 'lang', 'dir', 'title'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  clobber: ['id', 'name'],
  clobberPrefix: 'user-content-',
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  allowComments: false,
  allowDoctypes: false,
};

/** Renders the document's mdast tree. Does not modify `tree`. */
export function renderPostmortem(tree: Root, options: RenderOptions = {}): RenderResult {
  const actions = { markerLines: new Set<number>(), texts: [] as string[] };
  const mdast: Root = { ...tree, children: prepare(tree.children, options, actions) };
  const unsafe = toHast(mdast, { allowDangerousHtml: true });
  // Parsing raw HTML (parse5 over the whole tree) is the costly step: skip it when the
  // document has none. Without raw nodes there is nothing for it to do.
  const parsed = hasRawHtml(mdast) ? (raw(unsafe) as HastRoot) : (unsafe as HastRoot);
  const safe = sanitize(parsed, SCHEMA) as HastRoot;
  assertSafe(safe);
  const headings = addHeadingAnchors(safe);
  finishElements(safe);
  addEntryIds(safe, options.timelineLines);
  addActionsSlot(safe, actions.markerLines, actions.texts);
  return { html: toHtml(safe), headings };
}

const COMMENT = /^<!--[\s\S]*?-->\s*$/;

/** Whether any raw HTML is left once whole-node comments (directives) are set aside. */
function hasRawHtml(node: Root | RootContent): boolean {
  if (node.type === 'html') return !COMMENT.test(node.value);
  if ('children' in node) return (node.children as RootContent[]).some(hasRawHtml);
  return false;
}

/** Leaves the title out and turns bold / plain-line section headings into real headings. */
function prepare(children: readonly RootContent[], options: RenderOptions, actions: { markerLines: Set<number>; texts: string[] }): RootContent[] {
  const out: RootContent[] = [];
  const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const title = options.title ? normalise(options.title) : null;
  let first = true;
  for (const node of children) {
    const line = node.position?.start.line;
    if (node.type === 'yaml' || (node as { type: string }).type === 'toml') continue;
    if (node.type === 'html') {
      if (!COMMENT.test(node.value)) out.push(node);
      continue;
    }
    const isTitleBlock = node.type === 'heading' || node.type === 'paragraph';
    const wasFirst = first;
    first = false;
    if (isTitleBlock && line !== undefined && line === options.titleLine) continue;
    // The document's first block is its title when it is a level-1 heading, or a line saying exactly the title.
    if (wasFirst && node.type === 'heading' && node.depth === 1) continue;
    if (isTitleBlock && wasFirst && title !== null && normalise(mdastText(node)) === title) continue;
    if (options.actionLines?.size && (node.type === 'list' || node.type === 'table')) {
      const { kept, removed } = withoutActionItems(node, options.actionLines);
      if (removed.length > 0 && node.position) {
        actions.markerLines.add(node.position.start.line);
        actions.texts.push(...removed);
        out.push(actionsMarker(node));
      }
      if (kept) out.push(kept);
      continue;
    }
    if (node.type === 'paragraph' && options.timelineLines && line !== undefined) {
      const list = entryList(node, options.timelineLines);
      if (list) {
        out.push(list);
        continue;
      }
    }
    if (node.type === 'paragraph' && line !== undefined && options.promoteLines?.has(line) && isHeadingOnly(node)) {
      const heading: Heading = { type: 'heading', depth: 2, children: stripStrong(node), position: node.position };
      out.push(heading);
      continue;
    }
    out.push(node);
  }
  return out;
}

/** A paragraph that is only a heading ("**Timeline:**", "Timeline"), not "**Root cause:** text…". */
function isHeadingOnly(paragraph: Paragraph): boolean {
  const parts = paragraph.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  const only = parts.length === 1 ? parts[0]! : null;
  if (!only) return false;
  const text = mdastText(only).trim();
  if (text.length === 0 || text.length > 120 || text.includes('\n')) return false;
  if (only.type === 'strong' || only.type === 'emphasis') return true;
  return only.type === 'text' && text.length <= 80 && !/[.!?]$/.test(text);
}

function stripStrong(paragraph: Paragraph): Heading['children'] {
  const parts = paragraph.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  const only = parts.length === 1 ? parts[0] : undefined;
  const inner = only && (only.type === 'strong' || only.type === 'emphasis') ? only.children : parts;
  return inner.map((child) => (child.type === 'text' ? { ...child, value: child.value.replace(/\s*:\s*$/, '') } : child));
}

/**
 * Belt and braces after the sanitizer: no element it should have removed, no event handler,
 * no script-capable URL. A failure here is a bug in the schema, so the build stops.
 */
function assertSafe(tree: HastRoot): void {
  const banned = new Set(STRIPPED);
  const walk = (node: HastRoot | HastContent): void => {
    if (node.type === 'element') {
      if (banned.has(node.tagName)) throw new Error(`sanitizer let <${node.tagName}> through`);
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key)) throw new Error(`sanitizer let ${key} through`);
        if (
          (key === 'href' || key === 'src') &&
          typeof value === 'string' &&
          /^\s*(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u001f]/g, ''))
        ) {
          throw new Error(`sanitizer let a ${key} of ${visibleLine(value.slice(0, 20))} through`);
        }
      }
    }
    if ('children' in node) for (const child of node.children as HastContent[]) walk(child);
  };
  walk(tree);
}

function textOf(node: HastContent | ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return (node.children as HastContent[]).map(textOf).join('');
  return '';
}

const HEADING = /^h([1-6])$/;

/** github-slugger ids on every heading, after sanitizing, and a visible "#" link to each. */
function addHeadingAnchors(tree: HastRoot): RenderedHeading[] {
  const slugger = new GithubSlugger();
  // Ids the page itself uses: a heading named "Timeline" must not take them.
  for (const reserved of [
    'main',
    'content',
    'title',
    'key-times',
    'on-this-page',
    'timeline-figure',
    'action-items',
    'findings',
    'metadata',
    'related',
    'postmortem',
  ])
    slugger.slug(reserved);
  const headings: RenderedHeading[] = [];
  const visit = (parent: HastRoot | Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const match = HEADING.exec(child.tagName);
      if (match) {
        const text = textOf(child).trim();
        const slug = slugger.slug(text || 'section');
        child.properties = { ...child.properties, id: slug };
        child.children.push({
          type: 'element',
          tagName: 'a',
          properties: { className: ['anchor'], href: `#${slug}`, ariaLabel: `Link to the section ${text}`, dataPagefindIgnore: '' },
          children: [{ type: 'text', value: '#' }],
        });
        headings.push({ depth: Number(match[1]), slug, text });
        continue;
      }
      visit(child);
    }
  };
  visit(tree);
  return headings;
}

/**
 * Accessibility touches on the sanitized tree: wide tables scroll sideways on a phone in a
 * region keyboard users can focus; task-list checkboxes get a label; images without a
 * source go, images without a description get an empty one (decorative) and load lazily.
 */
function finishElements(tree: HastRoot): void {
  let count = 0;
  const visit = (parent: HastRoot | Element): void => {
    const children = parent.children as HastContent[];
    parent.children = children.flatMap((child): HastContent[] => {
      if (child.type !== 'element') return [child];
      if (child.tagName === 'img') {
        if (typeof child.properties.src !== 'string' || child.properties.src === '') return [];
        child.properties = { alt: '', ...child.properties, loading: 'lazy' };
        return [child];
      }
      if (child.tagName === 'input') {
        child.properties = { ...child.properties, ariaLabel: child.properties.checked ? 'Done' : 'Not done' };
        return [child];
      }
      // A code block scrolls sideways when its lines are long: keyboard users must reach it.
      if (child.tagName === 'pre') child.properties = { ...child.properties, tabIndex: 0 };
      if (child.tagName === 'table') {
        count++;
        const wrapper: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: `Table ${count}` },
          children: [child],
        };
        return [wrapper];
      }
      visit(child);
      return [child];
    }) as typeof parent.children;
  };
  visit(tree);
}
