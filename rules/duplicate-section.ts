import type { Section, SectionKind } from '../src/core/model.ts';
import { canonicalHeading } from '../src/core/sections/classify.ts';
import { defineRule, md } from '../src/lint/rule.ts';
import { headingEnd, sectionStructure } from '../src/lint/kit/index.ts';

const messages = {
  duplicate:
    '"{{heading}}" (line {{line}}) is a second {{name}} section: the first is "{{first}}" on line {{firstLine}}. Merge the two into one section, or rename this one if it is about something else.',
} as const;

export default defineRule({
  id: 'duplicate-section',
  description: 'The same kind of section appears twice',
  severity: 'warn',
  messages,
  docs: {
    rationale:
      'A reader looks for the root cause under one heading. When the same kind of section appears twice, one of the two is easily missed, and the two often disagree. Sections of one kind in a row are one section written in parts ("Fault", "Five Whys", "Root Cause"; "Response" then "Recovery"), as are the parts a combined heading announces ("Root Cause and Resolution" then "Resolution"); a summary that restates the impact and root cause as fields before the full sections (the ALX brief asks for exactly that), or a timeline written in phases ("Detection", "Resolution") before a "Root Cause and Resolution" with its own "Resolution", is not a duplicate either. Sections Hindsight does not recognise (`other`) never count.',
    invalid: [
      {
        title: 'a second root cause section after the timeline',
        markdown: md`
          # DB outage

          ## Summary

          The database was down for 40 minutes.

          ## Root Cause

          A full disk.

          ## Timeline

          - 10:00 UTC alert fired

          ## Root Cause

          The log rotation job had been failing for a week.
        `,
        expected: `
          15:1-15:14 duplicate
        `,
      },
    ],
    valid: [
      {
        title: 'one section written in parts, a combined heading and its parts, unknown headings',
        markdown: md`
          # DB outage

          ## Summary

          The database was down.

          ## Notes

          See below.

          ## Fault

          The disk filled.

          ## Five Whys

          1. Why? Logs grew.

          ## Root Cause and Resolution

          Rotation failed.

          ### Resolution

          We freed space.

          ## Notes

          More notes.
        `,
      },
      {
        title: 'the ALX summary restates the root cause as a field',
        markdown: md`
          **Issue Summary:**

          - **Duration:** 10:00 to 11:00 UTC

          **Root Cause:**
          A full disk.

          **Timeline:**

          - 10:00 UTC alert fired

          **Root Cause and Resolution:**
          The log rotation job had failed; we freed space.
        `,
      },
    ],
  },
  check({ model, source, lineStarts, report }) {
    const { units, unitOf, restated } = sectionStructure(model);
    const first = new Map<SectionKind, Section>();
    for (const unit of units) {
      const seenHere = new Set<SectionKind>();
      for (const section of unit.sections) {
        const kind = section.kind;
        if (kind === 'other' || restated.has(section) || seenHere.has(kind)) continue;
        seenHere.add(kind);
        const earlier = first.get(kind);
        if (earlier === undefined) {
          first.set(kind, section);
          continue;
        }
        if (unitOf.get(earlier) === unit) continue;
        const name = canonicalHeading(kind);
        report({
          messageId: 'duplicate',
          data: { heading: section.heading, line: section.line, name, first: earlier.heading, firstLine: earlier.line },
          line: section.line,
          column: section.span.start.column,
          ...headingEnd(section, source, lineStarts),
        });
      }
    }
  },
});
