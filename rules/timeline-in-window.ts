import type { ResolvedTime, TimelineEntry } from '../src/core/model.ts';
import { comparable, hasDate } from '../src/core/time/index.ts';
import { clockAt, endInstant, zoneLabel } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

type Side = 'all' | 'incident' | 'none';

interface Options extends Record<string, unknown> {
  before: Side;
  after: Side;
  toleranceMinutes: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

// What the incident itself looks like in an entry: noticing it, its impact, responding
// to it, recovering from it. Such an entry cannot precede the start or follow the end.
const INCIDENT =
  /\b(?:detect|alert|pag(?:e|ed|ing)\b|notic|report(?:s|ed)?\b|complain|errors?\b|fail|outage|down(?:time)?\b|unavailab|unreachab|inaccessib|degrad|latenc|spik|time(?:d)?[ -]?outs?\b|5\d\d\b|impact|investigat|troubleshoot|diagnos|debug|escalat|on-?call|war[ -]?room|incident (?:began|begins|starts?|started|declared|opened)|discover|identif|root[ -]?cause|fault|crash|broke|not (?:working|responding|loading|reachable)|slow|restor|resolv|recover|mitigat|fix(?:ed|es)?\b|roll(?:ed|ing)?[ -]?back|revert|back (?:to normal|online|up)\b|(?:fully )?operational again|fully operational|workaround)/i;
// Before the start: what set the incident up (a deploy at 09:50 for an outage at 10:00).
const CAUSE =
  /\b(?:deploy|releas|merg|push|roll(?:ed|ing)?[ -]?out|migrat|chang|upgrad|updat|config|install|schedul|cron|commit|maintenance|expir|provision|launch)/i;
// After the end: watching, confirming, reviewing and telling people about it.
const FOLLOW_UP =
  /\b(?:monitor|confirm|verif|review|post-?mortem|retro|follow(?:ed|s)?[ -]?up|document|communicat|announc|notif|status ?page|clos(?:ed|ing|e)\b|lessons|debrief|meeting|rca\b|stable|stabil|observ|watch)/i;

/**
 * A bound as a reader writes it: "10:30 UTC", with its date when it has one and it matters,
 * shown at `epochMs` (an entry's instant, or the end read on the next morning) with its zone
 * labelled there too.
 */
function showBound(time: ResolvedTime, epochMs: number, zoneName: string | null, withDate: boolean): string {
  const offset = time.offsetMinutes ?? 0;
  return clockAt(epochMs, offset, withDate && hasDate(time)) + zoneLabel(time.offsetMinutes, epochMs, zoneName);
}

function wallDate(epochMs: number, offsetMinutes: number | null): string {
  return new Date(epochMs + (offsetMinutes ?? 0) * MINUTE).toISOString().slice(0, 10);
}

const DISAGREE = 'the timeline and the stated start and end disagree, check the time zone and the date of each.';
const NONE_INSIDE =
  'None of the {{count}} timed entries lies inside the incident window ({{start}}, line {{startLine}}, to {{end}}, line {{endLine}}); the first, {{entry}} (line {{line}}), is ';
const BEFORE = '{{entry}} (line {{line}}) is before the incident started ({{bound}}, line {{boundLine}})';
const AFTER = '{{entry}} (line {{line}}) is after the incident ended ({{bound}}, line {{boundLine}})';
const messages = {
  allBefore: `${NONE_INSIDE}before the start: ${DISAGREE}`,
  allAfter: `${NONE_INSIDE}after the end: ${DISAGREE}`,
  before: `${BEFORE}: correct this time or the start stated on line {{boundLine}}.`,
  beforeUnderWay: `${BEFORE}, yet it describes the incident under way: correct this time or the start stated on line {{boundLine}}.`,
  after: `${AFTER}: correct this time or the end stated on line {{boundLine}}.`,
  afterUnderWay: `${AFTER}, yet it describes the incident still under way: correct this time or the end stated on line {{boundLine}}.`,
} as const;

export default defineRule<Options, typeof messages>({
  id: 'timeline-in-window',
  description: "A timeline entry outside the incident's stated start and end",
  severity: 'warn',
  messages,
  schema: {
    type: 'object',
    properties: {
      before: {
        enum: ['all', 'incident', 'none'],
        description:
          'Entries before the start: "all" reports every one, "incident" (default) only those that describe the incident itself (detection, impact, response, recovery), "none" no entry.',
      },
      after: {
        enum: ['all', 'incident', 'none'],
        description:
          'Entries after the end: "all" reports every one, "incident" (default) only those that describe the incident itself and are not monitoring, confirmation or review, "none" no entry.',
      },
      toleranceMinutes: { type: 'number', minimum: 0, description: 'Entries this many minutes outside the window still count as inside.' },
    },
    additionalProperties: false,
  },
  defaults: { before: 'incident', after: 'incident', toleranceMinutes: 0 },
  docs: {
    rationale:
      'The start and end stated in the summary are what readers quote and what availability reports add up. A timeline entry that shows the incident under way before it started ("09:55 alert fired" for a start at 10:00) or still being fixed after it ended ("11:45 service restored" for an end at 11:30) means one of the two is wrong. Timelines also rightly hold what led up to the incident (a deploy at 09:50) and what followed it (monitoring, the review meeting), so by default only entries that describe the incident itself — detection, impact, response, recovery — are reported outside the window; set `before` or `after` to "all" to report every entry outside it. When no entry at all lies inside the window and all lie on the same side of it, the timeline and the summary disagree as a whole (a zone or a date), and one finding says so. An end written without its own day that falls before an evening start ("9:35 PM until 10:42 AM") is read as the next morning.',
    invalid: [
      {
        title: 'restored after the stated end',
        markdown: md`
          ## Summary

          Start: 2024-05-10 10:00 UTC
          End: 2024-05-10 10:30 UTC

          ## Timeline

          - 10:00 Alert fired
          - 10:45 Service restored
        `,
        expected: `
          9:3-9:25 afterUnderWay
        `,
      },
      {
        title: 'detected before the stated start',
        markdown: md`
          ## Summary

          The outage lasted from 10:00 to 11:00 UTC.

          ## Timeline

          - 09:55 Monitoring alert fired
          - 10:30 Rollback
        `,
        expected: `
          7:3-7:31 beforeUnderWay
        `,
      },
      {
        title: 'every entry outside, when asked',
        markdown: md`
          ## Summary

          The outage lasted from 10:00 to 11:00 UTC.

          ## Timeline

          - 09:50 Deploy of v2.3
          - 10:00 Errors rose
          - 11:30 Review meeting
        `,
        options: { before: 'all', after: 'all' },
        expected: `
          7:3-7:23 before
          9:3-9:23 after
        `,
      },
      {
        title: 'every entry before the window: the timeline and the summary disagree',
        markdown: md`
          ## Summary

          The outage lasted from 14:00 to 15:00 UTC.

          ## Timeline

          - 09:05 Errors rose
          - 09:10 Alert fired
          - 09:40 Rollback finished
        `,
        expected: `
          7:3-7:20 allBefore
        `,
      },
    ],
    valid: [
      {
        title: 'a trigger before the start and follow-ups after the end',
        markdown: md`
          ## Summary

          The outage lasted from 10:00 to 11:00 UTC.

          ## Timeline

          - 09:50 Deploy of v2.3 started
          - 10:00 Errors rose
          - 11:00 Service restored
          - 11:20 Monitoring confirmed the fix held
          - 15:00 Post-incident review meeting
        `,
      },
      {
        title: 'an overnight window written without dates',
        markdown: md`
          ## Summary

          From 9:35 PM until 1:10 AM PST the app was down.

          ## Timeline

          - 9:35 PM Alert fired
          - 11:50 PM Fix deployed
          - 1:10 AM Service restored
        `,
      },
    ],
  },
  check({ model, options, report }) {
    const { start, end, startLine, endLine } = model.incident;
    if (start === null && end === null) return;
    const endMs = end === null ? null : endInstant(start, end, startLine === endLine);
    // An end before the start is incident-window's finding; no entry can be measured against it.
    if (start !== null && end !== null && endMs !== null && comparable(start, end) && endMs < start.epochMs) return;
    const tolerance = options.toleranceMinutes * MINUTE;
    const zoneName = model.declaredZone;

    const describe = (entry: TimelineEntry, time: ResolvedTime, at: number, bound: ResolvedTime, boundMs: number): { entry: string; bound: string } => {
      const written = entry.timeText ?? clockAt(at, time.offsetMinutes ?? 0, false);
      const dated = hasDate(time) && hasDate(bound);
      const otherDay = dated && wallDate(at, bound.offsetMinutes) !== wallDate(boundMs, bound.offsetMinutes);
      const otherZone = time.offsetMinutes !== bound.offsetMinutes;
      const converted = otherZone || (otherDay && !time.dateGiven) ? ` (${showBound(bound, at, zoneName, otherDay)})` : '';
      return { entry: `${written}${converted}`, bound: showBound(bound, boundMs, zoneName, otherDay) };
    };

    interface Outside {
      entry: TimelineEntry;
      time: ResolvedTime;
      at: number;
      before: boolean;
    }
    const outside: Outside[] = [];
    let inside = 0;
    let bothBounds = 0;
    for (const entry of model.timeline) {
      const time = entry.time;
      if (time === null) continue;
      const lo = start !== null && comparable(time, start) ? start.epochMs : null;
      const hi = end !== null && endMs !== null && comparable(time, end) ? endMs : null;
      if (lo === null && hi === null) continue;
      if (lo !== null && hi !== null) bothBounds++;
      const low = (lo ?? hi!) - tolerance;
      const high = (hi ?? lo!) + tolerance;
      // A date taken from context (or no date at all) may be a day off: the entry is read
      // on whichever neighbouring day brings it nearest the window, as a reader would.
      let at = time.epochMs;
      let distance = Infinity;
      for (const shift of time.dateGiven ? [0] : [0, -DAY, DAY]) {
        const t = time.epochMs + shift;
        const d = t < low ? low - t : t > high ? t - high : 0;
        if (d < distance) {
          distance = d;
          at = t;
        }
      }
      if (distance === 0) {
        if (lo !== null && hi !== null) inside++;
        continue;
      }
      const before = at < low;
      if (before ? lo === null : hi === null) continue;
      outside.push({ entry, time, at, before });
    }

    // Every entry (three or more) on the same side of the window: the timeline and the summary
    // disagree as a whole (a zone or a date read differently), which one finding says better
    // than one per entry.
    const first = outside[0];
    if (
      first !== undefined &&
      start !== null &&
      end !== null &&
      endMs !== null &&
      inside === 0 &&
      bothBounds >= 3 &&
      outside.length === bothBounds &&
      outside.every((o) => o.before === first.before)
    ) {
      if (options.before === 'none' && options.after === 'none') return;
      const withDate = hasDate(start) && wallDate(start.epochMs, start.offsetMinutes) !== wallDate(endMs, end.offsetMinutes);
      const shown = describe(first.entry, first.time, first.at, first.before ? start : end, first.before ? start.epochMs : endMs);
      report({
        messageId: first.before ? 'allBefore' : 'allAfter',
        data: {
          count: outside.length,
          start: showBound(start, start.epochMs, zoneName, withDate),
          startLine: String(startLine),
          end: showBound(end, endMs, zoneName, withDate),
          endLine: String(endLine),
          entry: shown.entry,
          line: first.entry.line,
        },
        line: first.entry.line,
        column: first.entry.column,
        endLine: first.entry.span.end.line,
        endColumn: first.entry.span.end.column,
      });
      return;
    }

    for (const { entry, time, at, before } of outside) {
      const side = before ? options.before : options.after;
      if (side === 'none') continue;
      if (side === 'incident' && (!INCIDENT.test(entry.text) || (before ? CAUSE : FOLLOW_UP).test(entry.text))) continue;
      const bound = before ? start! : end!;
      const boundLine = before ? startLine : endLine;
      const shown = describe(entry, time, at, bound, before ? start!.epochMs : endMs!);
      const underWay = side !== 'all';
      report({
        messageId: before ? (underWay ? 'beforeUnderWay' : 'before') : underWay ? 'afterUnderWay' : 'after',
        data: { entry: shown.entry, line: entry.line, bound: shown.bound, boundLine: String(boundLine) },
        line: entry.line,
        column: entry.column,
        endLine: entry.span.end.line,
        endColumn: entry.span.end.column,
      });
    }
  },
});
