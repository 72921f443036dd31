import { canonicalHeading } from '../src/core/sections/classify.ts';
import type { SectionKind } from '../src/core/model.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const KINDS = ['summary', 'impact', 'timeline', 'detection', 'root-cause', 'resolution', 'corrective-measures', 'lessons-learned'];

const messages = {
  missing: 'Missing section: {{name}}. Add a "## {{name}}" heading with its content (any known spelling counts).',
} as const;

export default defineRule<{ sections: string[] }, typeof messages>({
  id: 'required-sections',
  description: 'A required section (default: summary, timeline, root cause, corrective measures) is missing',
  severity: 'error',
  messages,
  schema: {
    type: 'object',
    properties: {
      sections: { type: 'array', items: { enum: KINDS }, uniqueItems: true, description: 'The section kinds every postmortem must have.' },
    },
    additionalProperties: false,
  },
  defaults: { sections: ['summary', 'timeline', 'root-cause', 'corrective-measures'] },
  docs: {
    rationale:
      'A postmortem is read to learn what happened, when, why, and what changes now. Without a summary, a timeline, a root cause and corrective measures a reader cannot learn that. Any heading spelling Hindsight knows counts ("Issue Summary", "Root Cause and Resolution", "Action Items"…).',
    invalid: [
      {
        title: 'no timeline and no corrective measures',
        markdown: md`
          # DB outage

          ## Summary

          The database was down.

          ## Root Cause

          A full disk.
        `,
        expected: `
          1:1-1:1 missing
          1:1-1:1 missing
        `,
      },
    ],
    valid: [
      {
        title: 'every required section, in real-world spellings',
        markdown: md`
          # DB outage

          ## Issue Summary

          The database was down.

          **Timeline:**

          - 10:00 UTC alert fired

          ## Root Cause and Resolution

          A full disk.

          ## Action Items

          - Add a disk alert @ana
        `,
      },
    ],
  },
  check({ model, options, report }) {
    const present = new Set(model.sections.map((s) => s.kind));
    for (const kind of options.sections) {
      if (present.has(kind as SectionKind)) continue;
      const name = canonicalHeading(kind as SectionKind);
      report({
        messageId: 'missing',
        data: { name },
        line: 1,
        column: 1,
      });
    }
  },
});
