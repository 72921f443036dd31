import { defineRule, md } from '../src/lint/rule.ts';

type Options = { graceDays: number };

const DAY = 86_400_000;

const messages = {
  overdue:
    'This action item was due on {{due}} and is still open, {{late}} later: finish it and mark it done ("- [x]" or "Status: done"), or agree a new due date and write it here.',
} as const;

export default defineRule<Options, typeof messages>({
  id: 'action-item-overdue',
  description: 'An open action item past its due date',
  severity: 'warn',
  messages,
  schema: {
    type: 'object',
    properties: {
      graceDays: { type: 'integer', minimum: 0, description: 'Days past its due date an open item may be before it is flagged.' },
    },
    additionalProperties: false,
  },
  defaults: { graceDays: 0 },
  docs: {
    rationale:
      'An action item is a promise with a date. Once the date has passed and the item is still open, either the work slipped (and the risk the postmortem found is still there) or it was done and nobody ticked it off; both should be visible. The rule reads each action item\'s due date and done state as `hindsight inspect` shows them, and compares the date with today ("now"). Items without a due date are left to `action-items` (`requireDue`).',
    invalid: [
      {
        title: 'an open item due last month',
        settings: { now: new Date('2026-11-21T12:00:00Z') },
        markdown: md`
          # DB outage

          ## Action Items

          - [x] Add a disk alert @ana OPS-1 due 2026-10-01
          - [ ] Rotate logs daily @ben OPS-2 due 2026-10-15
        `,
        expected: `
          6:1-6:50 overdue
        `,
      },
    ],
    valid: [
      {
        title: 'done items, items due later, items due today',
        settings: { now: new Date('2026-11-21T12:00:00Z') },
        markdown: md`
          # DB outage

          ## Action Items

          - [x] Add a disk alert @ana OPS-1 due 2026-10-01
          - [ ] Rotate logs daily @ben OPS-2 due 2026-11-21
          - [ ] Test restores @ana OPS-3 due 2027-01-31
        `,
      },
    ],
  },
  check({ model, options, settings, report }) {
    const today = Date.parse(`${settings.now.toISOString().slice(0, 10)}T00:00:00Z`);
    for (const item of model.actionItems) {
      if (item.done || item.due === null) continue;
      const due = Date.parse(`${item.due}T00:00:00Z`);
      if (Number.isNaN(due)) continue;
      const late = Math.round((today - due) / DAY);
      if (late <= options.graceDays) continue;
      report({
        messageId: 'overdue',
        data: { due: item.due, late: `${late} ${late === 1 ? 'day' : 'days'}` },
        line: item.line,
        column: item.column,
        endLine: item.span.end.line,
        endColumn: item.span.end.column,
      });
    }
  },
});
