import { frontmatterLine, lineRange } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

type Options = { days: number };

const DAY = 86_400_000;

const DRAFT = md`
  ---
  status: draft
  date: 2026-10-06
  incident_start: 2026-10-06T14:10:00Z
  incident_end: 2026-10-06T15:05:00Z
  ---

  # Payment callbacks failed
`;

const messages = {
  stillDraft:
    'This postmortem is still a draft {{days}} days after the incident ended ({{ended}}), more than the {{allowed}} days allowed: finish it and set "status: published" (or "status: in-review" while it is being reviewed).',
} as const;

export default defineRule<Options, typeof messages>({
  id: 'publish-lag',
  description: 'A postmortem still a draft more than N days after the incident ended',
  severity: 'warn',
  messages,
  schema: {
    type: 'object',
    properties: {
      days: { type: 'integer', minimum: 0, description: "Days after the incident's end (else its frontmatter date) a postmortem may stay `status: draft`." },
    },
    additionalProperties: false,
  },
  defaults: { days: 14 },
  docs: {
    rationale:
      'A postmortem helps while the incident is fresh: people remember what happened, and its action items get planned into the next weeks. One that stays a draft for months is read by nobody and its lessons are lost. The rule counts from the incident\'s end (the frontmatter `incident_end` or the summary\'s stated end), else from the frontmatter `date`, to "now", and flags a `status: draft` older than `days`. A postmortem without a status, or in review, is left alone.',
    invalid: [
      {
        title: 'a draft seven weeks after the incident',
        settings: { now: new Date('2026-11-24T09:00:00Z') },
        markdown: DRAFT,
        expected: `
          2:1-2:14 stillDraft
        `,
      },
    ],
    valid: [
      {
        title: 'a draft nine days after the incident',
        settings: { now: new Date('2026-10-15T09:00:00Z') },
        markdown: DRAFT,
      },
      {
        title: 'published',
        settings: { now: new Date('2026-11-24T09:00:00Z') },
        markdown: DRAFT.replace('status: draft', 'status: published'),
      },
    ],
  },
  check({ model, options, settings, source, lineStarts, report }) {
    const data = model.frontmatter.data;
    const status = data?.status;
    if (typeof status !== 'string' || status.trim().toLowerCase() !== 'draft') return;
    let endMs: number | null = model.incident.end?.epochMs ?? null;
    let endDay = model.incident.end ? model.incident.end.iso.slice(0, 10) : null;
    if (endMs === null) {
      const date = data?.date;
      const text = date instanceof Date ? date.toISOString() : typeof date === 'string' ? date : '';
      const day = /^\s*(\d{4}-\d{2}-\d{2})(?!\d)/.exec(text)?.[1];
      if (!day) return;
      endDay = day;
      // The whole day: counted from its end.
      endMs = Date.parse(`${day}T00:00:00Z`) + DAY;
      if (Number.isNaN(endMs)) return;
    }
    const days = Math.floor((settings.now.getTime() - endMs) / DAY);
    if (days <= options.days) return;
    const line = frontmatterLine(model, 'status') ?? 1;
    report({
      messageId: 'stillDraft',
      data: { days, ended: String(endDay), allowed: options.days },
      ...lineRange(source, lineStarts, line),
    });
  },
});
