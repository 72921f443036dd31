// Action items under corrective measures: list items (task-list checkboxes give the
// done state) and table rows, each with owner, ticket and due date where written.
import type { List, ListItem, Table, TableRow } from 'mdast';
import type { ActionItem } from './model.ts';
import type { SectionBlock } from './sections/detect.ts';
import { columnOf, inlineLines, plainText } from './text.ts';
import { readDateOnly } from './time/index.ts';

const MENTION = /(?<![\w.@])@([A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9])/;
const OWNER_LABEL = /\b(?:owners?|assignees?|assigned\s+to|responsible|dri)\s*[:=\-–—]?\s*(@?[A-Za-z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)/i;
const JIRA = /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/;
const ISSUE_NUMBER = /(?<![\w&])#\d{1,7}\b/;
const URL = /\bhttps?:\/\/[^\s)\]>|]+/;
const DUE_LABEL = /\b(?:due|by|deadline|target|eta|until|before|no later than)\b\s*(?:date)?\s*[:=\-–—]?\s*/i;
const DONE = /(✅|✔|☑|\[(?:done|completed?|fixed|closed)\]|\((?:done|completed?|fixed|closed)\)|\bstatus\s*[:=\-–—]\s*(?:done|completed?|fixed|closed|resolved)\b)/i;
const DONE_CELL = /^(?:✅|✔|☑|done|completed?|fixed|closed|resolved|shipped|yes|x)\b/i;
const GROUP_LABEL = /[:：]\s*$/;

const HEADERS = {
  text: /\b(action|item|task|description|what|fix|measure|todo|remediation)\b/i,
  owner: /\b(owner|assignee|who|responsible|team|dri)\b/i,
  ticket: /\b(ticket|issue|jira|link|tracking|tracker|bug|pr|reference|ref)\b/i,
  due: /\b(due|deadline|target|eta|by|date|when)\b/i,
  done: /\b(status|state|done|progress)\b/i,
};

export interface ActionContext {
  source: string;
  lineStarts: readonly number[];
}

export function extractActionItems(blocks: readonly SectionBlock[], context: ActionContext): ActionItem[] {
  const items: ActionItem[] = [];
  for (const block of blocks) {
    if (block.section.kind !== 'corrective-measures') continue;
    for (const node of block.nodes) {
      if (node.type === 'list') collectList(node, items, context);
      else if (node.type === 'table') collectTable(node, items);
    }
  }
  return items;
}

function collectList(list: List, items: ActionItem[], context: ActionContext): void {
  for (const item of list.children) collectItem(item, items, context);
}

function collectItem(item: ListItem, items: ActionItem[], context: ActionContext): void {
  const first = item.children[0];
  const nested = item.children.filter((child): child is List => child.type === 'list');
  const lines = first?.type === 'paragraph' ? inlineLines(first.children, first.position?.start.line ?? 1) : [];
  const head = lines[0];
  // "Short term:" with sub-items is a group, not an item.
  if (nested.length > 0 && (!head || (GROUP_LABEL.test(head.text) && item.checked == null))) {
    for (const list of nested) collectList(list, items, context);
    return;
  }
  if (!head || head.text === '') return;
  const whole = plainText(item).replace(/\s+/g, ' ').trim();
  const line = item.position?.start.line ?? head.line;
  const column = item.position?.start.column ?? columnOf(context.source, context.lineStarts, line, head.text);
  const start = item.position?.start;
  const end = item.position?.end;
  items.push({
    line,
    column,
    span: {
      start: { line, column, offset: start?.offset ?? 0 },
      end: { line: end?.line ?? line, column: end?.column ?? column, offset: end?.offset ?? 0 },
    },
    text: cleanText(lines.map((l) => l.text).join(' ').trim()),
    owner: ownerOf(whole),
    ticket: ticketOf(whole),
    due: dueOf(whole),
    done: item.checked === true || (item.checked == null && DONE.test(whole)),
    source: item.checked == null ? 'list-item' : 'task-list-item',
  });
}

function collectTable(table: Table, items: ActionItem[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const names = header.children.map((cell) => plainText(cell).trim());
  const find = (pattern: RegExp, except: number[] = []): number =>
    names.findIndex((name, index) => !except.includes(index) && pattern.test(name));
  const owner = find(HEADERS.owner);
  const ticket = find(HEADERS.ticket, [owner]);
  const done = find(HEADERS.done, [owner, ticket]);
  const due = find(HEADERS.due, [owner, ticket, done]);
  let text = find(HEADERS.text, [owner, ticket, due, done]);
  if (text === -1) text = names.findIndex((_, index) => ![owner, ticket, due, done].includes(index));
  if (text === -1) return;
  for (const row of rows) collectRow(row, { text, owner, ticket, due, done }, items);
}

function collectRow(row: TableRow, columns: Record<'text' | 'owner' | 'ticket' | 'due' | 'done', number>, items: ActionItem[]): void {
  const cells = row.children.map((cell) => plainText(cell).replace(/\s+/g, ' ').trim());
  const cell = (index: number): string => (index === -1 ? '' : (cells[index] ?? ''));
  const text = cell(columns.text);
  if (text === '') return;
  const whole = cells.join(' | ');
  const ownerCell = cell(columns.owner);
  const ticketCell = cell(columns.ticket);
  const dueCell = cell(columns.due);
  const start = row.position?.start;
  const end = row.position?.end;
  const line = start?.line ?? 1;
  items.push({
    line,
    column: start?.column ?? 1,
    span: {
      start: { line, column: start?.column ?? 1, offset: start?.offset ?? 0 },
      end: { line: end?.line ?? line, column: end?.column ?? 1, offset: end?.offset ?? 0 },
    },
    text,
    owner: ownerCell && !/^(-|—|n\/a|none|tbd|\?)$/i.test(ownerCell) ? ownerCell : ownerOf(text),
    ticket: (ticketCell ? ticketOf(ticketCell) ?? ticketCell : null) ?? ticketOf(whole),
    due: (dueCell ? isoDate(dueCell) : null) ?? dueOf(text),
    done: columns.done !== -1 ? DONE_CELL.test(cell(columns.done)) : DONE.test(whole),
    source: 'table-row',
  });
}

function ownerOf(text: string): string | null {
  const label = OWNER_LABEL.exec(text);
  if (label) return label[1]!.trim();
  const mention = MENTION.exec(text);
  return mention ? `@${mention[1]}` : null;
}

function ticketOf(text: string): string | null {
  return JIRA.exec(text)?.[0] ?? ISSUE_NUMBER.exec(text)?.[0] ?? URL.exec(text)?.[0] ?? null;
}

function dueOf(text: string): string | null {
  const label = DUE_LABEL.exec(text);
  if (!label) return null;
  return isoDate(text.slice(label.index + label[0].length, label.index + label[0].length + 40));
}

function isoDate(text: string): string | null {
  const date = readDateOnly(text);
  if (!date) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Drop trailing metadata ("— owner @ana, OPS-12, due 2023-06-01") from the display text. */
function cleanText(text: string): string {
  const cut = /\s*(?:[(\[]|[—–|;]|\s-\s|,)\s*(?:owners?|assignee|@|due|by\s+\d|ticket|[A-Z][A-Z0-9]{1,9}-\d|#\d|https?:)/i.exec(text);
  const result = cut && cut.index > 0 ? text.slice(0, cut.index) : text;
  return result.replace(/^\s*\[[ xX]\]\s*/, '').trim() || text;
}
