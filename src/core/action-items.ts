// Action items under corrective measures: list items (task-list checkboxes give the
// done state) and table rows, each with owner, ticket and due date where written.
import type { List, ListItem, Table, TableRow } from 'mdast';
import type { ActionItem } from './model.ts';
import type { SectionBlock } from './sections/detect.ts';
import { columnOf, inlineLines, plainText } from './text.ts';
import { readDateOnly } from './time/index.ts';

/** A case-insensitive spelling of a lowercase word, for patterns that are case-sensitive elsewhere. */
function ci(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

const MENTION = /(?<![\w.@])@([A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9])/;
// "Owner: jane", "owner @ana", "Owner Jane Doe", "assigned to Ben": the label in any case; after
// a colon any name, else a mention or a capitalised name ("responsible for the error" names
// nobody; "drift" is no DRI). A second word only when capitalised and not a label of its own
// ("Owner: Jane Doe", not "Owner: Jane due 2023-06-01" nor "Owner: @amina Tracking: AUTH-512").
const OWNER_LABEL_WORDS = String.raw`\b(?:${ci('owner')}s?|${ci('assignee')}s?|${ci('assigned')}\s+${ci('to')}|${ci('responsible')}|${ci('dri')})\b`;
const HANDLE = String.raw`@[A-Za-z0-9][\w.\-]*[A-Za-z0-9]|@[A-Za-z0-9]`;
const CAPITALISED_NAME = String.raw`[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*\b(?!\s*:))?`;
const OWNER_TEXT = String.raw`${OWNER_LABEL_WORDS}(?:\s*[:=\-–—]\s*(${HANDLE}|[A-Za-z][\w'\-]*(?:\s+[A-Z][\w'\-]*\b(?!\s*:))?)|\s+(${HANDLE}|${CAPITALISED_NAME}))`;
const OWNER_LABEL = new RegExp(OWNER_TEXT);
const JIRA = /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/;
const ISSUE_NUMBER = /(?<![\w&])#\d{1,7}\b/;
const URL = /\bhttps?:\/\/[^\s)\]>|]+/;
const DUE_LABEL = /\b(?:due|by|deadline|target|eta|until|before|no later than)\b\s*(?:date)?\s*[:=\-–—]?\s*/gi;
const DONE =
  /(✅|✔|☑|\[(?:done|completed?|fixed|closed)\]|\((?:done|completed?|fixed|closed)\)|\bstatus\s*[:=\-–—]\s*(?:done|completed?|fixed|closed|resolved)\b|[,;·|—–]\s*(?:done|completed?|fixed|closed|resolved|shipped)\s*\.?\s*$)/i;
const DONE_CELL = /^(?:✅|✔|☑|done|completed?|fixed|closed|resolved|shipped|yes|x)\b/i;
const GROUP_LABEL = /[:：]\s*$/;
/** A status written in a table cell of its own column or beside a ticket ("n/a **DONE**"). */
const DONE_WORD = /^(?:.*\s)?(?:done|completed?|fixed|closed|resolved|shipped)$/i;
const STATUS_IN_CELL = /\b(?:n\/a|done|completed?|fixed|closed|resolved|shipped|todo|to do|open|in progress|pending|wip)\b/gi;

// Trailing metadata, stripped from the end of an item's text one piece at a time:
// "— @ana, OPS-123, due 2023-06-01", ". Owner: @lucas · Ticket: LSP-1 · Status: done."
const MONTH = `${ci('(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)')}[a-zA-Z]*\\.?`;
const DATE_TEXT = String.raw`(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{4}|Q[1-4]\s+\d{4})`;
const STATUS_WORD = ci('(?:done|completed?|complete|fixed|closed|resolved|shipped|open|in progress|to ?do|pending|blocked|not started|planned|wip)');
const METADATA = [
  OWNER_TEXT,
  String.raw`(?<![\w.@])@[A-Za-z0-9][\w.\-]*`,
  String.raw`(?:(?:${ci('tickets?')}|${ci('issues?')}|${ci('jira')}|${ci('tracking')}|${ci('see')})\s*[:=\-–—]?\s*)?(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7}|https?://[^\s)\]>|]+)`,
  String.raw`(?:${ci('due')}(?:\s+${ci('date')})?(?:\s+(?:${ci('by')}|${ci('on')}))?|${ci('by')}|${ci('deadline')}|${ci('target')}(?:\s+${ci('date')})?|${ci('eta')})\s*[:=\-–—]?\s*${DATE_TEXT}`,
  String.raw`${ci('due')}\s*[:=\-–—]?\s*(?:TBD|TBC|TBA|n/a|N/A|\?)`,
  String.raw`${ci('status')}\s*[:=\-–—]?\s*${STATUS_WORD}`,
  // A bare status word only after a separator: ", done." (not "… until the migration is done").
  String.raw`(?<=[,;·|—–]\s*)${STATUS_WORD}`,
  String.raw`(?:✅|✔️?|☑️?|\[${STATUS_WORD}\]|\(${STATUS_WORD}\))`,
].join('|');
const TRAILING_METADATA = new RegExp(String.raw`(?:[\s,;:|·•—–(\[/]|\s-(?=\s)|\.(?=\s))*(?:${METADATA})[\s.,;)\]]*$`);

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
  // "Short term:" with sub-items is a group, not an item; so is "Long term" when the
  // sub-items, not the label, carry owners, tickets or due dates.
  if (nested.length > 0 && (!head || (item.checked == null && isGroupLabel(head.text, nested)))) {
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
    text: cleanText(
      lines
        .map((l) => l.text)
        .join(' ')
        .trim(),
    ),
    owner: ownerOf(whole),
    ticket: ticketOf(whole),
    due: dueOf(whole),
    done: item.checked === true || (item.checked == null && DONE.test(whole)),
    source: item.checked == null ? 'list-item' : 'task-list-item',
  });
}

function isGroupLabel(text: string, nested: readonly List[]): boolean {
  if (GROUP_LABEL.test(text)) return true;
  if (hasMetadata(text)) return false;
  return nested.some((list) => list.children.some((child) => hasMetadata(plainText(child))));
}

function hasMetadata(text: string): boolean {
  return ownerOf(text) !== null || ticketOf(text) !== null || dueOf(text) !== null;
}

function collectTable(table: Table, items: ActionItem[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const names = header.children.map((cell) => plainText(cell).trim());
  const find = (pattern: RegExp, except: number[] = []): number => names.findIndex((name, index) => !except.includes(index) && pattern.test(name));
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
    owner: ownerCell && !/^(?:-|—|–|n\/?a|none|tbd|tba|\?+)$/i.test(ownerCell) ? ownerCell : ownerOf(text),
    ticket: (ticketCell ? (ticketOf(ticketCell) ?? referenceIn(ticketCell)) : null) ?? ticketOf(whole),
    due: (dueCell ? isoDate(dueCell) : null) ?? dueOf(text),
    done:
      columns.done !== -1
        ? DONE_CELL.test(cell(columns.done))
        : DONE.test(whole) || cells.some((value, index) => index !== columns.text && DONE_WORD.test(value)),
    source: 'table-row',
  });
}

/** A ticket cell without a recognised ticket: its text less status words and "n/a" ("Bug 5554823 TODO"). */
function referenceIn(cell: string): string | null {
  const rest = cell.replace(STATUS_IN_CELL, ' ').replace(/\s+/g, ' ').trim();
  return rest === '' || /^(?:-|—|–|n\/?a|none|tbd|tba|\?)$/i.test(rest) ? null : rest;
}

function ownerOf(text: string): string | null {
  const label = OWNER_LABEL.exec(text);
  if (label) {
    // Trailing dots and hyphens cut by a loop (`/[.-]+$/` is quadratic on a long run of them).
    const name = label[1] ?? label[2]!;
    let end = name.length;
    while (end > 0 && (name[end - 1] === '.' || name[end - 1] === '-')) end--;
    return name.slice(0, end).trim();
  }
  const mention = MENTION.exec(text);
  return mention ? `@${mention[1]}` : null;
}

function ticketOf(text: string): string | null {
  return JIRA.exec(text)?.[0] ?? ISSUE_NUMBER.exec(text)?.[0] ?? URL.exec(text)?.[0] ?? null;
}

/** The date right after the first due label followed by one ("30 days before expiry, due 2024-02-20"). */
function dueOf(text: string): string | null {
  for (const label of text.matchAll(DUE_LABEL)) {
    const at = label.index + label[0].length;
    const date = isoDate(text.slice(at, at + 40));
    if (date) return date;
  }
  return null;
}

function isoDate(text: string): string | null {
  const date = readDateOnly(text);
  if (!date) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * How far from the end of an item's text its trailing metadata is looked for. The pattern
 * starts with a run of separators and is not anchored at its start: over a whole long text
 * (a run of 4,000 colons or slashes) it would try each position and scan the run from each,
 * quadratic. Metadata pieces are short; each round looks at the text's tail only.
 */
const METADATA_TAIL = 240;
const SEPARATOR = /[\s,;:|·•—–([/]/;

/** Drop trailing metadata ("— owner @ana, OPS-12, due 2023-06-01") from the display text. */
function cleanText(text: string): string {
  let result = text.replace(/^\s*\[[ xX]\]\s*/, '').trim();
  for (let round = 0; round < 12; round++) {
    const from = Math.max(0, result.length - METADATA_TAIL);
    const match = TRAILING_METADATA.exec(from === 0 ? result : result.slice(from));
    if (!match || match.index + from === 0) break;
    let cut = from + match.index;
    // The separators before the metadata go with it, also those before the tail.
    while (cut > 0 && SEPARATOR.test(result[cut - 1]!)) cut--;
    result = result.slice(0, cut).trimEnd();
  }
  return result || text;
}
