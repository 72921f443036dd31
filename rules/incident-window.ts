import type { Section } from '../src/core/model.ts';
import { comparable } from '../src/core/time/index.ts';
import { isOvernight, showTime } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const START_HOW = 'add `incident_start:` to the frontmatter or a line "Start: 2023-05-10 09:00 UTC" to the summary';
const END_HOW = 'add `incident_end:` to the frontmatter or a line "End: 2023-05-10 11:30 UTC" to the summary';

// A clock time as people write it: "10:45", "10:45 AM", "3pm".
const CLOCK = /\b(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[ap]\.?m\b\.?)?|\b(?:1[0-2]|0?[1-9])\s?[ap]\.?m\b\.?/i;

/** The first clock time written in a section's body, with its offset. */
function firstClock(source: string, from: number, to: number): { text: string; offset: number } | null {
  const match = CLOCK.exec(source.slice(from, to));
  return match === null ? null : { text: `"${match[0]}"`, offset: from + match.index };
}

const WRITE_THEM =
  'write them as lines such as "Start: 2023-05-10 09:00 UTC" and "End: 2023-05-10 11:30 UTC", or add `incident_start:` and `incident_end:` to the frontmatter.';
const messages = {
  noWindow: `{{where}} states neither when the incident started nor when it ended: ${WRITE_THEM}`,
  unreadWindow: `No start or end of the incident could be read from {{where}}, though it mentions {{mention}} (line {{mentionLine}}): ${WRITE_THEM}`,
  noEnd: `The incident's start is stated (line {{line}}) but not its end: ${END_HOW}.`,
  noStart: `The incident's end is stated (line {{line}}) but not its start: ${START_HOW}.`,
  endBeforeStart: 'The incident ends ({{end}}, line {{endLine}}) before it starts ({{start}}, line {{startLine}}): correct the start or the end.',
} as const;

export default defineRule({
  id: 'incident-window',
  description: 'The summary states no start or no end, or the end is before the start',
  severity: 'warn',
  messages,
  docs: {
    rationale:
      'When an incident started and ended is the first thing readers look for, the figure availability reports add up, and what every other time in the postmortem is checked against. Hindsight reads them from the frontmatter (`incident_start`, `incident_end`) or from the summary ("Start: …", "End: …", "from 10:45 AM to 11:30 AM UTC on March 11, 2024"). An end before the start is a typo in one of them; an end written without its own day in the morning after an evening start ("9:35 PM until 10:42 AM") is read as the next morning. A start with a stated duration gives the end (and an end with a duration the start). When the summary mentions times but none reads as the start or the end, the finding says so and shows the form that reads. Documents with neither a summary nor a timeline are left to `required-sections`.',
    invalid: [
      {
        title: 'no start and no end',
        markdown: md`
          # DB outage

          ## Summary

          The database was down for a while.

          ## Timeline

          - 10:00 UTC Alert fired
        `,
        expected: `
          3:1-3:1 noWindow
        `,
      },
      {
        title: 'a start with no end',
        markdown: md`
          # DB outage

          ## Summary

          Start: 2024-05-10 09:00 UTC
        `,
        expected: `
          5:1-5:1 noEnd
        `,
      },
      {
        title: 'an end before the start',
        markdown: md`
          ---
          incident_start: 2024-05-10T11:00:00Z
          incident_end: 2024-05-10T10:00:00Z
          ---

          # DB outage

          ## Summary

          The database was down.
        `,
        expected: `
          3:1-3:1 endBeforeStart
        `,
      },
      {
        title: 'a time mentioned, but no start or end that reads as one',
        markdown: md`
          ## Summary

          At approximately 7:30 pm (CST) the web server went down.

          ## Timeline

          - 7:37 PM Alert fired
        `,
        expected: `
          1:1-1:1 unreadWindow
        `,
      },
      {
        title: 'an end with no start',
        markdown: md`
          # DB outage

          ## Summary

          End: 2024-05-10 11:30 UTC
        `,
        expected: `
          5:1-5:1 noStart
        `,
      },
    ],
    valid: [
      {
        title: 'start and end in the frontmatter',
        markdown: md`
          ---
          incident_start: 2024-05-10T09:00:00Z
          incident_end: 2024-05-10T11:30:00Z
          ---

          # DB outage

          ## Summary

          The database was down.
        `,
      },
      {
        title: 'the days stated, without times',
        markdown: md`
          # Expired certificate

          ## Summary

          Start: Wednesday, 2024-03-06
          End: Thursday, 2024-03-07
        `,
      },
      {
        title: 'a range in the summary, overnight',
        markdown: md`
          # DB outage

          ## Issue Summary

          From 9:35 PM until 1:10 AM PST the app was down.
        `,
      },
    ],
  },
  check({ model, source, position, report }) {
    // Only text that could state the window is quoted: not an action item's "by 10:00".
    const { start, end, startLine, endLine, statedDurationMinutes } = model.incident;
    const summary = model.sections.find((s) => s.kind === 'summary');
    // "Start: Wednesday, 2024-03-06 / End: Thursday, 2024-03-07": stated to the day.
    const days = model.incident.days;
    if (start === null && end === null && days && (days.start || days.end)) return;
    if (start === null && end === null) {
      // Not shaped like a postmortem (a README, a notes page): required-sections says so.
      if (summary === undefined && !model.sections.some((s) => s.kind === 'timeline')) return;
      const where = summary === undefined ? 'the document' : `the summary (line ${summary.line})`;
      // The summary mentions times, but none could be read as the start or the end: say
      // so rather than claim it states none.
      const timeline = model.sections.find((s) => s.kind === 'timeline');
      const mention =
        summary !== undefined
          ? firstClock(source, summary.span.start.offset, summary.bodyEnd)
          : firstClock(source, model.frontmatter.span?.end.offset ?? 0, statingEnd(model.sections, timeline?.span.start.offset ?? 0));
      report({
        ...(mention === null
          ? { messageId: 'noWindow' as const, data: { where: `${where.charAt(0).toUpperCase()}${where.slice(1)}` } }
          : { messageId: 'unreadWindow' as const, data: { where, mention: mention.text, mentionLine: position(mention.offset).line } }),
        line: summary?.line ?? 1,
        column: summary?.span.start.column ?? 1,
      });
      return;
    }
    // A start and a stated duration give the end (and an end and a duration the start).
    if (end === null) {
      if (statedDurationMinutes === null || statedDurationMinutes <= 0) {
        report({ messageId: 'noEnd', data: { line: String(startLine) }, line: startLine ?? 1, column: 1 });
      }
      return;
    }
    if (start === null) {
      if (statedDurationMinutes === null || statedDurationMinutes <= 0) {
        report({ messageId: 'noStart', data: { line: String(endLine) }, line: endLine ?? 1, column: 1 });
      }
      return;
    }
    if (!comparable(start, end) || end.epochMs >= start.epochMs || isOvernight(start, end, startLine === endLine)) return;
    const zone = model.declaredZone;
    const withDate = showTime(start, zone).slice(0, 10) !== showTime(end, zone).slice(0, 10);
    report({
      messageId: 'endBeforeStart',
      data: { end: showTime(end, zone, withDate), endLine: String(endLine), start: showTime(start, zone, withDate), startLine: String(startLine) },
      line: endLine ?? 1,
      column: 1,
    });
  },
});

/** Where the text that may state the window ends: the first section past summary and impact. */
function statingEnd(sections: readonly Section[], fallback: number): number {
  const later = sections.find((s) => s.kind !== 'summary' && s.kind !== 'impact' && s.kind !== 'other');
  return later === undefined ? fallback : Math.min(fallback, later.span.start.offset);
}
