import type { TimelineEntry } from '../src/core/model.ts';
import { comparable } from '../src/core/time/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const LATER_DAY_HINT_MS = 6 * 60 * 60 * 1000;

const messages = {
  earlier: '{{entry}} (line {{line}}) is earlier than {{previous}} on line {{previousLine}}: move this entry above line {{aboveLine}}, or correct its time.',
  earlierOrLaterDay:
    '{{entry}} (line {{line}}) is earlier than {{previous}} on line {{previousLine}}: move this entry above line {{aboveLine}}, or correct its time, or give its date if it happened on a later day.',
  earlierNewestFirst:
    '{{entry}} (line {{line}}) is earlier than {{previous}} on line {{previousLine}}, yet stands above it in this newest-first timeline: move this entry below line {{aboveLine}}, or correct its time.',
} as const;

export default defineRule({
  id: 'timeline-order',
  description: 'A timeline entry earlier than the one before it',
  severity: 'error',
  messages,
  docs: {
    rationale:
      'A timeline is read top to bottom as the order things happened. An entry earlier than the one above it is either misplaced or carries a wrong time, and either way the reader is misled. Times without a date take the date of the entry above and roll over midnight as a reader would (23:50 then 00:10 is the next day), so only real contradictions are reported.',
    invalid: [
      {
        title: 'an entry earlier than the one above it',
        markdown: md`
          ## Timeline (all times UTC)

          - 10:00 Alert fired
          - 10:20 Rollback started
          - 10:05 On-call engineer paged
        `,
        expected: `
          5:3-5:31 earlier
        `,
      },
      {
        title: 'hours earlier, without a date: perhaps the next day',
        markdown: md`
          ## Timeline (all times UTC)

          - 18:00 Rollback finished
          - 09:00 Review with the team
        `,
        expected: `
          4:3-4:29 earlierOrLaterDay
        `,
      },
      {
        title: 'a newest-first timeline with an entry out of place',
        markdown: md`
          ## Updates (UTC)

          - 13:00 Resolved: all sites load again
          - 12:10 Monitoring: a fix is out
          - 11:40 Deploying a fix
          - 10:30 Investigating: sites are slow
          - 11:05 Identified: a full disk
        `,
        expected: `
          6:3-6:38 earlierNewestFirst
        `,
      },
    ],
    valid: [
      {
        title: "a status page's updates, newest first",
        markdown: md`
          ## Updates (UTC)

          - 11:40 Resolved: all sites load again
          - 11:05 Identified: a full disk
          - 10:30 Investigating: sites are slow
        `,
      },
      {
        title: 'crossing midnight and noon, entries in the same minute',
        markdown: md`
          ## Timeline (all times UTC)

          - 23:50 Deploy started
          - 23:58 Errors rose
          - 23:58 Alert fired
          - 00:10 Rollback finished

          ## Timeline of day two

          - 11:50 AM Review
          - 12:10 PM Follow-up
        `,
      },
    ],
  },
  check({ model, report }) {
    // A newest-first timeline (a status page's updates) is read from the bottom up.
    const newestFirst = model.timelineOrder === 'newest-first';
    const timed: TimelineEntry[] = [];
    for (const entry of newestFirst ? [...model.timeline].reverse() : model.timeline) {
      if (!entry.time) continue;
      const previous = timed[timed.length - 1];
      timed.push(entry);
      if (!previous?.time || !comparable(previous.time, entry.time)) continue;
      if (entry.time.epochMs >= previous.time.epochMs) continue;
      const above = timed.find((e) => e.time && comparable(e.time, entry.time!) && e.time.epochMs > entry.time!.epochMs) ?? previous;
      // Hours earlier, without a date of its own: maybe the next day (a long incident).
      const hoursEarlier = previous.time.epochMs - entry.time.epochMs >= LATER_DAY_HINT_MS;
      const messageId = newestFirst ? 'earlierNewestFirst' : entry.time.dateGiven || !hoursEarlier ? 'earlier' : 'earlierOrLaterDay';
      report({
        messageId,
        data: { entry: String(entry.timeText), line: entry.line, previous: String(previous.timeText), previousLine: previous.line, aboveLine: above.line },
        line: entry.line,
        column: entry.column,
        endLine: entry.span.end.line,
        endColumn: entry.span.end.column,
      });
    }
  },
});
