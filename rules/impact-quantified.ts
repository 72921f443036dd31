import type { Section } from '../src/core/model.ts';
import { bodyProse, hasFigure, headingEnd } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const SAY_HOW_MANY = 'say how many users, requests or orders were affected, what share (%), for how long, or what it cost.';
const messages = {
  noFigure: `The impact statement under "{{heading}}" (line {{line}}) gives no figure: ${SAY_HOW_MANY}`,
  noFigureInSummary: `The impact statement under "{{heading}}" (line {{line}}) gives no figure (there is no impact section, so the summary is read): ${SAY_HOW_MANY}`,
} as const;

export default defineRule({
  id: 'impact-quantified',
  description: 'An impact statement with no figure (users, %, requests, money, time)',
  severity: 'warn',
  messages,
  docs: {
    rationale:
      '"Some users had problems" cannot be compared with the next incident, nor weighed against the cost of the fix. The impact statement is the `impact` section(s) when there is one (a bold "**Impact:**" field counts), otherwise the summary. A figure is a number with a unit or a countable noun beside it: a share ("30%", "half of", "1 in 5"), a count ("1,200 users", "4k requests", "300 orders", "thousands of customers"), money ("$12,000", "5k EUR"), a duration ("2 hours", "45-minute") or the whole population ("all users", "every request", "no orders"). A bare number is not a figure, so a year, a date, a time of day, a version, a port or an HTTP status ("500 errors") never counts. Code and inline code are not read.',
    invalid: [
      {
        title: 'an impact with only a date, a time of day and a version',
        markdown: md`
          # DB outage

          ## Summary

          On 2024-03-05 the database went down.

          ## Impact

          Since 10:30 on March 5, 2024, some users saw slow pages and HTTP 500 errors after the v2.3.1 release.
        `,
        expected: `
          7:1-7:10 noFigure
        `,
      },
      {
        title: 'no impact section: the summary is read',
        markdown: md`
          # DB outage

          ## Summary

          In 2024 the database went down and many customers could not log in.
        `,
        expected: `
          3:1-3:11 noFigureInSummary
        `,
      },
    ],
    valid: [
      {
        title: 'shares, counts, money and durations',
        markdown: md`
          # DB outage

          ## Impact

          About 30% of checkouts failed.

          ## Impact on orders

          Roughly 1,200 orders were lost, about $18k in revenue.
        `,
      },
      {
        title: 'a duration and the whole population in the summary',
        markdown: md`
          # DB outage

          ## Summary

          For 2 hours all users were unable to log in.
        `,
      },
    ],
  },
  check({ model, source, lineStarts, pieces, report }) {
    const impact = model.sections.filter((s) => s.kind === 'impact');
    const read: Section[] = impact.length > 0 ? impact : model.sections.filter((s) => s.kind === 'summary');
    const first = read[0];
    if (!first) return;
    // Nothing written: empty-section's finding.
    if (read.every((s) => s.empty)) return;
    const text = read.flatMap((s) => bodyProse(pieces(), s)).join('\n');
    // No prose to read (only code, or sub-headings with nothing under them): nothing to judge.
    if (text.trim() === '') return;
    if (hasFigure(text)) return;
    report({
      messageId: impact.length > 0 ? 'noFigure' : 'noFigureInSummary',
      data: { heading: first.heading, line: first.line },
      line: first.line,
      column: first.span.start.column,
      ...headingEnd(first, source, lineStarts),
    });
  },
});
