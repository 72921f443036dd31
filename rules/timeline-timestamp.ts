import type { Section, TimelineEntry } from '../src/core/model.ts';
import { plainText } from '../src/core/text.ts';
import { findZoneDeclaration, readDateOnly, readLeadingTime } from '../src/core/time/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

// A date label ("Events of May 24, 2020:") or an entry dated to the day carries a year;
// only texts that may hold one are given to the (slower) date reader.
const MAY_HOLD_DATE = /\b(?:19|20)\d\d\b/;
// A clock time anywhere in the text ("escalated at 11:30 AM (UTC)", "at 3pm"): a reader
// finds the entry's time there even though it does not lead the entry.
const CLOCK = /\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?[ap]\.?m\b/i;
// A label for what follows ("Events of sunday, May the 24th, 2020:", "Actions taken:").
const LABEL = /:\s*$/;
const EXCERPT = 48;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT ? flat : `${flat.slice(0, EXCERPT - 1).trimEnd()}…`;
}

/**
 * An untimed entry a reader would not ask a time of: a label for what follows, a date
 * label or an entry dated to the day, a zone label ("Timezone: PST"), or one with its
 * time later in the text.
 */
function readerFindsTime(entry: TimelineEntry): 'label' | 'timed' | null {
  const text = entry.text;
  if (LABEL.test(text)) return 'label';
  if (text.length <= 60 && findZoneDeclaration(text) !== null) return 'label';
  if (CLOCK.test(text)) return 'timed';
  return MAY_HOLD_DATE.test(text) && readDateOnly(text.slice(0, 200)) !== null ? 'timed' : null;
}

/** Whether the entry's line holds its time and nothing else ("- 2023-11-12 15:00 UTC"). */
function holdsOnlyTime(entry: TimelineEntry, source: string, lineStarts: readonly number[]): boolean {
  if (entry.timeText === null) return false;
  const line = source.slice(lineStarts[entry.line - 1] ?? 0, lineStarts[entry.line] ?? source.length);
  const rest = line
    .replace(entry.timeText, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s/, '')
    .replace(/\([^)]*\)|\b(?:UTC|GMT)\b/g, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

interface Group {
  section: Section | null;
  timed: number;
  missing: TimelineEntry[];
}

const GIVE_EACH = 'Give each entry its time (e.g. "14:05 UTC") or move the steps out of the timeline.';
const GIVE_THIS = 'Give this entry a time (e.g. "14:05 UTC") or move it out of the timeline.';
const messages = {
  noneTimed: `None of the {{count}} entries under "{{heading}}" (lines {{first}}–{{last}}) has a time. ${GIVE_EACH}`,
  mostlyUntimed: `{{missing}} of the {{total}} entries under "{{heading}}" (lines {{first}}–{{last}}) have no time. ${GIVE_EACH}`,
  noTime: `Timeline entry "{{text}}" (line {{line}}) has no time. ${GIVE_THIS}`,
  unreadableTime: `Timeline entry "{{text}}" (line {{line}}) has a time that cannot be read ("{{time}}"). ${GIVE_THIS}`,
  moreWithoutTime: '…and {{count}} more timeline {{entries}} without a time ({{lines}}). Give each a time (e.g. "14:05 UTC") or move them out of the timeline.',
} as const;

export default defineRule<{ maxPerFile: number }, typeof messages>({
  id: 'timeline-timestamp',
  description: 'A timeline entry with no readable time',
  severity: 'warn',
  schema: {
    type: 'object',
    properties: {
      maxPerFile: {
        type: 'integer',
        minimum: 0,
        description: 'At most this many entries are reported one by one; one more finding counts the rest (0: no limit).',
      },
    },
    additionalProperties: false,
  },
  defaults: { maxPerFile: 10 },
  messages,
  docs: {
    rationale:
      'A timeline is the order and the pace of what happened; an entry without a time cannot be placed in it, and the minutes between alert, page and fix are what a review reads first. Nested detail bullets under a timed entry are not entries, and neither are the bullets under a time written as a heading or the description under a bullet that holds only a time. An entry a reader can still place is not reported: one dated to the day ("2024-03-02: vendor notified"), a label ending in a colon, a date or zone label, one whose time stands later in its text ("escalated at 11:30"), or a line quoted under a timed entry that ends in a colon (a log snippet). A timeline with no time at all, or with most of its entries untimed (a narrative, a list of debugging steps), gets one finding at its heading rather than one per step, and after `maxPerFile` findings (default 10) one last finding counts the rest.',
    invalid: [
      {
        title: 'an entry between timed ones with no time',
        markdown: md`
          ## Timeline (all times UTC)

          - 10:00 Alert fired
          - Engineer paged
          - 10:20 Rollback started
        `,
        expected: `
          4:3-4:17 noTime
        `,
      },
      {
        title: 'a timeline with no time at all',
        markdown: md`
          ## Debugging Process

          1. Checked the processes
          2. Read the logs
          3. Ran strace
          4. Fixed the typo
        `,
        expected: `
          1:1-1:1 noneTimed
        `,
      },
      {
        title: 'capped per file',
        markdown: md`
          ## Timeline

          - 10:00 UTC Alert fired
          - Checked the processes
          - 10:10 UTC Paged
          - Read the logs
          - 10:20 UTC Rolled back
          - Ran strace
          - 10:30 UTC Recovered
          - Fixed the typo
        `,
        options: { maxPerFile: 2 },
        expected: `
          4:3-4:24 noTime
          6:3-6:16 noTime
          8:3-8:13 moreWithoutTime
        `,
      },
    ],
    valid: [
      {
        title: 'nested details, a date label, a time heading, a table',
        markdown: md`
          ## Timeline (all times UTC)

          - May 10, 2024
            - 10:00 Alert fired
              - error rate at 40%
              - p99 latency 9 s
            - 10:20 Rollback started
            - Escalated to the DBA team at 10:25

          ### 10:40

          - Failover finished

          | Time | Event |
          | --- | --- |
          | 10:50 | Recovered |
        `,
      },
    ],
  },
  check({ model, tree, source, lineStarts, options, report }) {
    // Headings, in order, and whether each opens with a time ("#### 00:20:").
    const headings: { line: number; timed: boolean }[] = [];
    for (const node of tree.children) {
      if (node.type !== 'heading' || !node.position) continue;
      headings.push({ line: node.position.start.line, timed: readLeadingTime(plainText(node)) !== null });
    }
    const sections = model.sections.filter((s) => s.kind === 'timeline');

    const groups: Group[] = [];
    let sectionIndex = -1;
    let headingIndex = -1;
    let group: Group | null = null;
    let previous: TimelineEntry | null = null;
    let introduces = false;
    for (const entry of model.timeline) {
      while (sectionIndex + 1 < sections.length && sections[sectionIndex + 1]!.line <= entry.line) sectionIndex++;
      while (headingIndex + 1 < headings.length && headings[headingIndex + 1]!.line < entry.line) headingIndex++;
      const section = sections[sectionIndex] ?? null;
      if (group === null || group.section !== section) {
        group = { section, timed: 0, missing: [] };
        groups.push(group);
      }
      const before = previous;
      previous = entry;
      if (entry.time !== null) {
        group.timed++;
        // "… the cause was outlined in the following snippet:" introduces the bullets below.
        introduces = LABEL.test(entry.text);
        continue;
      }
      if (introduces) continue;
      // Timed by the heading above it, inside this timeline ("#### 00:20:" then bullets).
      const heading = headings[headingIndex];
      if (heading?.timed && heading.line > (section?.line ?? 0)) {
        group.timed++;
        continue;
      }
      // The description of a bullet that holds only its time ("- 15:30 UTC" then "- Detected …").
      if (before?.time && entry.line - before.span.end.line <= 1 && holdsOnlyTime(before, source, lineStarts)) continue;
      if (entry.text.trim() === '') continue; // an image or an empty bullet: nothing to place
      const found = entry.timeText === null ? readerFindsTime(entry) : null;
      if (found === 'timed') group.timed++;
      if (found !== null) continue;
      group.missing.push(entry);
    }

    const limit = options.maxPerFile > 0 ? options.maxPerFile : Infinity;
    let reported = 0;
    const rest: TimelineEntry[] = [];
    for (const { section, timed, missing } of groups) {
      const first = missing[0];
      const last = missing[missing.length - 1];
      if (first === undefined || last === undefined) continue;
      // Mostly without times (a narrative, debugging steps, "Actions taken:" lists): one
      // finding at the heading says it better than one per step.
      if (section !== null && missing.length >= 2 && (timed === 0 || (missing.length >= 3 && timed * 2 < missing.length))) {
        const where = { heading: section.heading, first: first.line, last: last.line, line: section.line, column: section.span.start.column };
        if (timed === 0) report({ messageId: 'noneTimed', data: { count: missing.length, ...where }, ...where });
        else report({ messageId: 'mostlyUntimed', data: { missing: missing.length, total: missing.length + timed, ...where }, ...where });
        continue;
      }
      for (const entry of missing) {
        if (reported >= limit) {
          rest.push(entry);
          continue;
        }
        reported++;
        const text = excerpt(entry.text);
        report({
          ...(entry.timeText === null
            ? { messageId: 'noTime' as const, data: { text, line: entry.line } }
            : { messageId: 'unreadableTime' as const, data: { text, line: entry.line, time: entry.timeText } }),
          line: entry.line,
          column: entry.column,
          endLine: entry.span.end.line,
          endColumn: entry.span.end.column,
        });
      }
    }
    const first = rest[0];
    const last = rest[rest.length - 1];
    if (first !== undefined && last !== undefined) {
      const lines = rest.length === 1 ? `line ${first.line}` : `lines ${first.line}–${last.line}`;
      report({
        messageId: 'moreWithoutTime',
        data: { count: rest.length, entries: rest.length === 1 ? 'entry' : 'entries', lines },
        line: first.line,
        column: first.column,
        endLine: first.span.end.line,
        endColumn: first.span.end.column,
      });
    }
  },
});
