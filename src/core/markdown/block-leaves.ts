// Leaf pieces of the fast block reader that need no container state: frontmatter, the
// start of an HTML block, task-list boxes, table rows and the value of multi-line blocks.
import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import { giveUp, isBlank, lineEndFrom, nextLineStart } from './block-lines.ts';
import { splitRow } from './block-table.ts';
import type { LineSpan } from './inline.ts';
import type { PositionTable } from './positions.ts';

/** Leading `---` (YAML) or `+++` (TOML) frontmatter: its node and where the next line starts. */
export function readFrontmatter(s: string, at: PositionTable): { node: RootContent; next: number } | undefined {
  const first = s.charCodeAt(0);
  if ((first !== 45 && first !== 43) || !s.startsWith(first === 45 ? '---' : '+++')) return undefined;
  const openEnd = lineEndFrom(s, 0);
  if (openEnd !== 3) return isBlank(s, 3, openEnd) ? giveUp() : undefined;
  const fence = first === 45 ? '---' : '+++';
  const valueStart = nextLineStart(s, openEnd);
  let lineStart = valueStart;
  let previousEnd = valueStart;
  while (lineStart < s.length) {
    const end = lineEndFrom(s, lineStart);
    if (s.startsWith(fence, lineStart) && isBlank(s, lineStart + 3, end)) {
      const value = lineStart === valueStart ? '' : s.slice(valueStart, previousEnd);
      const node = { type: first === 45 ? 'yaml' : 'toml', value, position: { start: at.point(0), end: at.point(end) } };
      return { node: node as RootContent, next: nextLineStart(s, end) };
    }
    previousEnd = end;
    lineStart = nextLineStart(s, end);
  }
  return giveUp();
}

/** Lines given as (start, end, next line's start) triples, joined with their own line endings. */
export function joinLines(s: string, lines: readonly number[], count = lines.length): string {
  let value = '';
  for (let i = 0; i < count; i += 3) {
    if (i > 0) value += s.slice(lines[i - 2], lines[i - 1]);
    value += s.slice(lines[i], lines[i + 1]);
  }
  return value;
}

export const NOT_HTML = 0;
export const HTML_COMMENT = 1;
export const HTML_BLOCK = 2;
/** A line holding one complete open or closing tag (HTML block type 7): it cannot interrupt a paragraph. */
export const HTML_LONE_TAG = 3;

/** CommonMark's block-level tag names (HTML block type 6), as micromark-util-html-tag-name lists them. */
export const HTML_BLOCK_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);

/**
 * What a line starting with `<` at `p` opens: a comment block, a block-level tag's block
 * (type 6, ends at a blank line), a lone tag (type 7, the same), or nothing (the line is
 * paragraph text). Raw-text tags, declarations and processing instructions give up.
 */
export function htmlStart(s: string, p: number, end: number): number {
  if (s.startsWith('<!--', p)) return s.startsWith('<!-->', p) || s.startsWith('<!--->', p) ? giveUp() : HTML_COMMENT;
  let i = s.charCodeAt(p + 1) === 47 ? p + 2 : p + 1;
  const nameStart = i;
  for (; i < end; i++) {
    const code = s.charCodeAt(i);
    const letter = (code | 32) >= 97 && (code | 32) <= 122 && code !== 96;
    if (!(letter || (i > nameStart && ((code >= 48 && code <= 57) || code === 45)))) break;
  }
  const first = s.charCodeAt(p + 1);
  if (i === nameStart) return first === 33 || first === 63 ? giveUp() : NOT_HTML;
  const name = s.slice(nameStart, i).toLowerCase();
  const after = i < end ? s.charCodeAt(i) : 32;
  const delimited = after === 32 || after === 9 || after === 62 || (after === 47 && s.charCodeAt(i + 1) === 62);
  if (delimited && HTML_BLOCK_NAMES.has(name)) return HTML_BLOCK;
  if (name === 'pre' || name === 'script' || name === 'style' || name === 'textarea') giveUp();
  let last = end;
  while (last > p && (s.charCodeAt(last - 1) === 32 || s.charCodeAt(last - 1) === 9)) last--;
  if (s.charCodeAt(last - 1) !== 62) return NOT_HTML;
  const tagEnd = first === 47 ? closingTagEnd(s, i) : openTagEnd(s, i, last);
  // A whole tag then more text is inline HTML in a paragraph; a tag this scan cannot read, a doubt.
  if (tagEnd === -1) giveUp();
  return tagEnd === last ? HTML_LONE_TAG : NOT_HTML;
}

/** After a closing tag's name: optional spaces and `>`; the offset after it, or -1. */
function closingTagEnd(s: string, i: number): number {
  let j = i;
  while (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9) j++;
  return s.charCodeAt(j) === 62 ? j + 1 : -1;
}

/** After an open tag's name: attributes (each after a space), optional `/`, `>`; the offset after it, or -1. */
function openTagEnd(s: string, i: number, last: number): number {
  let j = i;
  for (;;) {
    const spaced = j;
    while (j < last && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
    const code = s.charCodeAt(j);
    if (code === 62) return j + 1;
    if (code === 47) return s.charCodeAt(j + 1) === 62 ? j + 2 : -1;
    if (j === spaced || !isAttributeNameStart(code)) return -1;
    while (j < last && isAttributeNamePart(s.charCodeAt(j))) j++;
    let k = j;
    while (k < last && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
    if (s.charCodeAt(k) !== 61) continue;
    k++;
    while (k < last && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
    const quote = s.charCodeAt(k);
    if (quote === 34 || quote === 39) {
      let close = k + 1;
      while (close < last && s.charCodeAt(close) !== quote) close++;
      if (close >= last) return -1;
      j = close + 1;
    } else {
      const valueStart = k;
      while (k < last && !' \t"\'=<>`'.includes(s.charAt(k))) k++;
      if (k === valueStart) return -1;
      j = k;
    }
  }
}

function isAttributeNameStart(code: number): boolean {
  return ((code | 32) >= 97 && (code | 32) <= 122) || code === 95 || code === 58;
}

function isAttributeNamePart(code: number): boolean {
  return isAttributeNameStart(code) || (code >= 48 && code <= 57) || code === 46 || code === 45;
}

export const NO_BOX = -1;
export const BARE_BOX = 2;

/**
 * A task-list box at the start of a new list item's text: 1 (`[x]`, `[X]`), 0 (`[ ]`),
 * BARE_BOX when the box ends the line (a task box only if the paragraph goes on), or NO_BOX.
 */
export function taskBoxAt(s: string, p: number, end: number): number {
  const mark = s.charCodeAt(p + 1);
  // `[\t]` and a box over a line ending: micromark's task-list tokenizer reads them apart.
  if (s.charCodeAt(p) === 91 && (mark === 9 || mark === 10 || mark === 13)) giveUp();
  if (s.charCodeAt(p) !== 91 || s.charCodeAt(p + 2) !== 93 || (mark !== 32 && mark !== 120 && mark !== 88)) return NO_BOX;
  if (isBlank(s, p + 3, end)) return BARE_BOX;
  const after = s.charCodeAt(p + 3);
  if (after === 9) giveUp();
  if (after !== 32) return NO_BOX;
  const next = s.charCodeAt(p + 4);
  if (next === 9) giveUp();
  return mark === 32 ? 0 : 1;
}

/** A table row from `p` (its first non-space) to `end`, its cells' text read by `phrasing`. */
export function tableRow(s: string, at: PositionTable, p: number, end: number, phrasing: (lines: LineSpan[]) => PhrasingContent[]): TableRow {
  const cells = splitRow(s, p, end);
  const row: TableRow = { type: 'tableRow', children: [], position: { start: at.point(p), end: at.point(end) } };
  for (let c = 0; c < cells.length; c += 4) {
    const textStart = cells[c + 2] as number;
    const textEnd = cells[c + 3] as number;
    const children = textEnd > textStart ? phrasing([{ start: textStart, end: textEnd }]) : [];
    row.children.push({ type: 'tableCell', children, position: { start: at.point(cells[c] as number), end: at.point(cells[c + 1] as number) } });
  }
  return row;
}
