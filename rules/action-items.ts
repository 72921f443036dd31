import type { RootContent } from 'mdast';
import type { ActionItem, Section } from '../src/core/model.ts';
import { bodyProse, countWords, firstAtLeast, headingEnd, sectionStructure } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

type Options = { requireOwner: boolean; requireTicket: boolean; requireDue: boolean };

const EXAMPLE_ITEM = '"- Add a disk-usage alert @ana OPS-123 due 2024-06-01"' as const;
const HINTS = {
  owner: 'add "@name" or "Owner: name"',
  ticket: 'add a ticket ("OPS-123", "#123" or a link)',
  due: 'add a due date ("due 2024-06-01")',
} as const;
const NAMES = { owner: 'owner', ticket: 'ticket', due: 'due date' } as const;

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Whether an item starts in the section (its heading or body); the items stand in source order. */
function hasItem(items: readonly ActionItem[], section: Section): boolean {
  const i = firstAtLeast(items, section.span.start.offset, (item) => item.span.start.offset);
  return i < items.length && items[i]!.span.start.offset < section.bodyEnd;
}

/** The top-level nodes that start in [start, end) (they stand in source order). */
function childrenStartingIn(children: readonly RootContent[], start: number, end: number): RootContent[] {
  const found: RootContent[] = [];
  for (let i = firstAtLeast(children, start, (n) => n.position?.start.offset ?? -1); i < children.length; i++) {
    if ((children[i]!.position?.start.offset ?? Infinity) >= end) break;
    found.push(children[i]!);
  }
  return found;
}

const NO_ITEMS = 'The "{{heading}}" section has no action items: ';
const TRACK = `(${EXAMPLE_ITEM}) so it can be assigned, tracked and closed.`;
const messages = {
  indented: `${NO_ITEMS}its measures are indented by four spaces or more, which Markdown shows as a code block. Unindent them and list each one as an item ${TRACK}`,
  emptyTable: `${NO_ITEMS}its table has no filled-in row. Write one row per measure, or list each one as an item ${TRACK}`,
  prose: `${NO_ITEMS}its measures are written as prose. List each one as an item ${TRACK}`,
  noItems: `${NO_ITEMS}list each measure as an item ${TRACK}`,
  missingFields: 'This action item has no {{missing}}: {{hints}}.',
} as const;

export default defineRule<Options, typeof messages>({
  id: 'action-items',
  description: 'Corrective measures with no actionable items (and, when configured, items without owner, ticket or due date)',
  severity: 'warn',
  messages,
  schema: {
    type: 'object',
    properties: {
      requireOwner: { type: 'boolean', description: 'Every open action item names an owner ("@ana", "Owner: Ana").' },
      requireTicket: { type: 'boolean', description: 'Every action item links a ticket ("OPS-123", "#123", a URL).' },
      requireDue: { type: 'boolean', description: 'Every open action item has a due date ("due 2024-06-01"); done items need none.' },
    },
    additionalProperties: false,
  },
  defaults: { requireOwner: false, requireTicket: false, requireDue: false },
  docs: {
    rationale:
      'Corrective measures are the point of a postmortem, and they only happen when each is a separate item someone can pick up, track and close. Measures written as paragraphs of prose (common in real postmortems) get nodded at and forgotten: the rule asks for a list (or a table) of items, once per corrective-measures section. Configured with `requireOwner`, `requireTicket` or `requireDue` (the `strict` and `google-sre` presets do), it also names each item missing an owner, a ticket or a due date; an item marked done needs no due date. An empty corrective-measures section is left to `empty-section`.',
    invalid: [
      {
        title: 'corrective measures written as prose',
        markdown: md`
          # DB outage

          ## Summary

          The database was down.

          ## Corrective and Preventative Measures

          We will add an alert on disk usage and review the log rotation job. The team will also test restores monthly.
        `,
        expected: `
          7:1-7:40 prose
        `,
      },
      {
        title: 'measures indented into a code block',
        markdown: md`
          # DB outage

          ## Corrective Measures

              Add an alert on disk usage.
              Review the log rotation job.
        `,
        expected: `
          3:1-3:23 indented
        `,
      },
      {
        title: 'items without an owner, with requireOwner',
        options: { requireOwner: true },
        markdown: md`
          # DB outage

          ## Action Items

          - Add a disk alert @ana
          - Review the log rotation job
        `,
        expected: `
          6:1-6:30 missingFields
        `,
      },
      {
        title: 'every requirement, with a done item that needs no due date',
        options: { requireOwner: true, requireTicket: true, requireDue: true },
        markdown: md`
          # DB outage

          ## Action Items

          - [ ] Add a disk alert @ana OPS-1
          - [x] Free disk space @ben OPS-2
        `,
        expected: `
          5:1-5:34 missingFields
        `,
      },
    ],
    valid: [
      {
        title: 'a list of items (owners, tickets and due dates not required by default)',
        markdown: md`
          # DB outage

          ## Corrective and Preventative Measures

          We learned a lot. These are the changes:

          - Add an alert on disk usage
          - Review the log rotation job
        `,
      },
      {
        title: 'a table of items with every field, under strict requirements',
        options: { requireOwner: true, requireTicket: true, requireDue: true },
        markdown: md`
          # DB outage

          ## Action Items

          | Action | Owner | Ticket | Due |
          | --- | --- | --- | --- |
          | Add a disk alert | @ana | OPS-1 | 2024-06-01 |
        `,
      },
    ],
  },
  check({ model, tree, options, source, lineStarts, pieces, report }) {
    const { units } = sectionStructure(model);
    for (const unit of units) {
      const sections = unit.sections.filter((s) => s.kind === 'corrective-measures');
      const first = sections[0];
      if (!first) continue;
      if (sections.some((s) => hasItem(model.actionItems, s))) continue;
      if (sections.every((s) => s.empty)) continue; // empty-section's finding
      const nodes = sections.flatMap((s) => childrenStartingIn(tree.children, s.bodyStart, s.bodyEnd));
      const indented = nodes.some((n) => n.type === 'code' && !/^\s*(?:`{3}|~{3})/.test(source.slice(n.position?.start.offset ?? 0)));
      const table = nodes.some((n) => n.type === 'table');
      const words = sections.reduce((n, s) => n + bodyProse(pieces(), s).reduce((m, text) => m + countWords(text), 0), 0);
      report({
        messageId: indented ? 'indented' : table ? 'emptyTable' : words > 0 ? 'prose' : 'noItems',
        data: { heading: first.heading },
        line: first.line,
        column: first.span.start.column,
        ...headingEnd(first, source, lineStarts),
      });
    }

    if (!options.requireOwner && !options.requireTicket && !options.requireDue) return;
    for (const item of model.actionItems) {
      const missing: (keyof typeof HINTS)[] = [];
      if (options.requireOwner && item.owner === null) missing.push('owner');
      if (options.requireTicket && item.ticket === null) missing.push('ticket');
      if (options.requireDue && item.due === null && !item.done) missing.push('due');
      if (missing.length === 0) continue;
      report({
        messageId: 'missingFields',
        data: { missing: list(missing.map((m) => NAMES[m])), hints: missing.map((m) => HINTS[m]).join('; ') },
        line: item.line,
        column: item.column,
        endLine: item.span.end.line,
        endColumn: item.span.end.column,
      });
    }
  },
});
