import type { TimelineEntry } from '../src/core/model.ts';
import { comparable } from '../src/core/time/index.ts';
import { defineRule } from '../src/lint/rule.ts';

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
        markdown: '## Timeline (all times UTC)\n\n- 10:00 Alert fired\n- 10:20 Rollback started\n- 10:05 On-call engineer paged\n',
        messages: ['10:05 (line 5) is earlier than 10:20 on line 4: move this entry above line 4'],
      },
    ],
    valid: [
      {
        title: 'a status page\'s updates, newest first',
        markdown: '## Updates (UTC)\n\n- 11:40 Resolved: all sites load again\n- 11:05 Identified: a full disk\n- 10:30 Investigating: sites are slow\n',
      },
      {
        title: 'crossing midnight and noon, entries in the same minute',
        markdown:
          '## Timeline (all times UTC)\n\n- 23:50 Deploy started\n- 23:58 Errors rose\n- 23:58 Alert fired\n- 00:10 Rollback finished\n\n## Timeline of day two\n\n- 11:50 AM Review\n- 12:10 PM Follow-up\n',
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
