import { frontmatterKeyLine } from '../src/core/build.ts';
import type { ResolvedTime, TimelineEntry } from '../src/core/model.ts';
import { comparable, hasDate, readDateOnly } from '../src/core/time/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';
import { showTime } from '../src/lint/kit/index.ts';

interface Options extends Record<string, unknown> {
  maxDaysApart: number;
  futureDays: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** An entry dated a year off, but within this many days of the incident in its year, is a wrong year. */
const YEAR_TYPO_DAYS = 31;

/** A calendar day as days since the epoch, with its ISO text. */
interface Day {
  n: number;
  text: string;
  year: number;
}

function day(year: number, month: number, date: number): Day {
  const n = Math.floor(Date.UTC(year, month - 1, date) / DAY);
  return { n, text: new Date(n * DAY).toISOString().slice(0, 10), year };
}

/** The wall-clock day of a time, in its own zone. */
function dayOf(time: ResolvedTime): Day {
  const d = new Date(time.epochMs + (time.offsetMinutes ?? 0) * MINUTE);
  return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A frontmatter value read as a calendar day: `2024-02-13`, a YAML timestamp, "May 10, 2023". */
function frontmatterDay(value: unknown): Day | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return day(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value !== 'string') return null;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const read = readDateOnly(value.slice(0, 100));
  return read === null ? null : day(read.year, read.month, read.day);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/** A weekday written with its date: "Tuesday, 2023-01-04", "Monday 22 May", "Thu, Feb 11th 2016". */
const WEEKDAY_DATE = new RegExp(
  String.raw`\b(sun|mon|tue|wed|thu|fri|sat)(?:day|sday|nesday|rsday|urday|s|t|r|rs)?\.?,?[ \t]+(?:the[ \t]+)?` +
    String.raw`(?:(\d{4})-(\d{2})-(\d{2})\b|(\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?${MONTH}(?:,?[ \t]+(\d{4}))?\b|${MONTH}[ \t]+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?[ \t]+(\d{4})\b)?)`,
  'gi',
);

/** Weekdays that contradict their date in one piece of prose text. */
function* wrongWeekdays(text: string, year: number | null): Generator<{ offset: number; text: string; said: string; is: string; date: string }> {
  WEEKDAY_DATE.lastIndex = 0;
  for (let m = WEEKDAY_DATE.exec(text); m !== null; m = WEEKDAY_DATE.exec(text)) {
    const said = WEEKDAYS.find((w) => w.toLowerCase().startsWith(m![1]!.toLowerCase()))!;
    let y: number | null;
    let month: number;
    let date: number;
    if (m[2] !== undefined) [y, month, date] = [Number(m[2]), Number(m[3]), Number(m[4])];
    else if (m[5] !== undefined) [y, month, date] = [m[7] === undefined ? year : Number(m[7]), monthNumber(m[6]!), Number(m[5])];
    else [y, month, date] = [m[10] === undefined ? year : Number(m[10]), monthNumber(m[8]!), Number(m[9])];
    if (y === null || month < 1 || date < 1 || date > 31) continue;
    const d = new Date(Date.UTC(y, month - 1, date));
    if (d.getUTCMonth() !== month - 1) continue;
    const is = WEEKDAYS[d.getUTCDay()]!;
    if (is !== said) yield { offset: m.index, text: m[0], said, is, date: d.toISOString().slice(0, 10) };
  }
}

function monthNumber(text: string): number {
  return MONTH_NAMES.indexOf(text.slice(0, 3).toLowerCase()) + 1;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Group {
  first: TimelineEntry;
  day: Day;
  count: number;
  lastLine: number;
}

function more(group: Group, what: string): string {
  if (group.count === 1) return '';
  const others = group.count - 1;
  return ` (${others} more ${others === 1 ? 'entry' : 'entries'} ${what}, up to line ${group.lastLine})`;
}

const messages = {
  frontmatterDateApart:
    "The frontmatter's date {{date}} (line {{line}}) is {{apart}} {{direction}} the incident start, {{start}} (line {{startLine}}): correct one of them.",
  detectedBeforeStart: 'Detected at {{time}} (line {{line}}) is before the incident started ({{otherTime}}, line {{otherLine}}): correct one of them.',
  resolvedBeforeStart: 'Resolved at {{time}} (line {{line}}) is before the incident started ({{otherTime}}, line {{otherLine}}): correct one of them.',
  resolvedBeforeDetected: 'Resolved at {{time}} (line {{line}}) is before it was detected ({{otherTime}}, line {{otherLine}}): correct one of them.',
  yearOffStart: 'Line {{line}} is dated {{date}}, but the incident started on {{reference}} (line {{referenceLine}}): correct the year{{more}}.',
  yearOffFrontmatter: "Line {{line}} is dated {{date}}, but the frontmatter's date is {{reference}} (line {{referenceLine}}): correct the year{{more}}.",
  wrongWeekday: '"{{text}}" (line {{line}}): {{date}} is a {{is}}, not a {{said}}: correct the weekday or the date.',
  future: '{{date}} (line {{line}}, {{what}}) is in the future (today is {{today}}): correct the date.',
  futureTimeline: '{{date}} (line {{line}}) is in the future (today is {{today}}): correct the date{{more}}.',
} as const;

export default defineRule<Options, typeof messages>({
  id: 'date-consistency',
  description: 'Dates that contradict each other (frontmatter vs text, years) or lie in the future',
  severity: 'error',
  schema: {
    type: 'object',
    properties: {
      maxDaysApart: {
        type: 'integer',
        minimum: 0,
        description: "How many days the frontmatter's `date` may lie from the incident start's date (zones and midnight move it by one).",
      },
      futureDays: { type: 'integer', minimum: 0, description: 'Dates up to this many days after today are not yet "in the future" (zones, clocks).' },
    },
    additionalProperties: false,
  },
  defaults: { maxDaysApart: 1, futureDays: 1 },
  messages,
  docs: {
    rationale:
      "Postmortems are found again by their date, and copied from last year's template with last year's year in it. This rule reports a weekday written with a date that falls on another day (\"On Tuesday, 2024-03-06\", a Wednesday; a date without its year takes the incident's), and a frontmatter `date` more than a day from the incident start's date, timeline entries dated in another year on the same days of the year as the incident (a year not updated: 2022-05-10 for an incident on 2023-05-10; a trigger in late December for a January incident is fine), a frontmatter `detected` or `resolved` before the incident started (or resolved before detected), and any date later than tomorrow. An end before the start is `incident-window`'s finding. Each finding names both dates and their lines.",
    invalid: [
      {
        title: "a weekday that is not the date's",
        markdown: md`
          # Outage

          ## Summary

          On Tuesday, 2024-03-06 the site went down.
        `,
        expected: `
          5:4-5:23 wrongWeekday
        `,
      },
      {
        title: 'last year in the timeline',
        markdown: md`
          # DB outage

          ## Summary

          Start: 2023-05-10 10:00 UTC

          ## Timeline

          - 2022-05-10 10:05 Alert fired
          - 2022-05-10 10:20 Rollback started
        `,
        expected: `
          9:3-9:31 yearOffStart
        `,
      },
      {
        title: 'frontmatter date, detection and a future date',
        markdown: md`
          ---
          date: 2024-05-03
          incident_start: 2024-05-10T10:00:00Z
          incident_end: 2024-05-10T11:00:00Z
          detected: 2024-05-10T09:40:00Z
          ---

          # DB outage

          ## Timeline

          - 2027-01-02 10:00 UTC Review
        `,
        expected: `
          2:1-2:1 frontmatterDateApart
          5:1-5:1 detectedBeforeStart
          12:3-12:30 futureTimeline
        `,
      },
      {
        title: "resolved before it was detected, and a year off the frontmatter's date",
        markdown: md`
          ---
          date: 2024-05-10
          detected: 2024-05-10T10:40:00Z
          resolved: 2024-05-10T10:20:00Z
          ---

          # DB outage

          ## Timeline

          - 2023-05-10 10:05 UTC Alert fired
        `,
        expected: `
          4:1-4:1 resolvedBeforeDetected
          11:3-11:35 yearOffFrontmatter
        `,
      },
      {
        title: 'an incident start in the future',
        markdown: md`
          # DB outage

          ## Summary

          Start: 2027-03-02 10:00 UTC
          End: 2027-03-02 11:00 UTC
        `,
        expected: `
          5:1-5:1 future
        `,
      },
    ],
    valid: [
      {
        title: 'consistent dates across midnight, zones and the new year',
        markdown: md`
          ---
          date: 2024-01-01
          incident_start: 2023-12-31T23:30:00-05:00
          incident_end: 2024-01-01T01:00:00-05:00
          detected: 2023-12-31T23:40:00-05:00
          ---

          # DB outage

          ## Timeline

          - 2023-12-20 10:00 EST Config change merged
          - 2023-12-31 23:40 EST Alert fired
          - 2024-01-01 01:00 EST Recovered
        `,
      },
    ],
  },
  check({ model, options, settings, report, position, pieces }) {
    const fm = model.frontmatter.data ?? {};
    const raw = model.frontmatter.raw;
    const fenceLine = model.frontmatter.span?.start.line ?? 1;
    const keyLine = (key: string): number => (raw === null ? 1 : (frontmatterKeyLine(raw, fenceLine, key) ?? 1));
    const zone = model.declaredZone;
    const { start, startLine } = model.incident;
    const reported = new Set<number>();

    const fmDay = frontmatterDay(fm.date);
    const fmDateLine = keyLine('date');
    const startDay = start?.dateGiven && hasDate(start) ? dayOf(start) : null;

    // The frontmatter's date against the start's.
    if (fmDay !== null && startDay !== null && Math.abs(fmDay.n - startDay.n) > options.maxDaysApart) {
      const apart = fmDay.n - startDay.n;
      reported.add(fmDateLine);
      report({
        messageId: 'frontmatterDateApart',
        data: {
          date: fmDay.text,
          line: fmDateLine,
          apart: plural(Math.abs(apart), 'day'),
          direction: apart < 0 ? 'before' : 'after',
          start: startDay.text,
          startLine: String(startLine),
        },
        line: fmDateLine,
        column: 1,
      });
    }

    // Detection and resolution from the frontmatter against the start and each other.
    const detected = 'detected' in fm ? model.incident.detected : null;
    const resolved = 'resolved' in fm ? model.incident.resolved : null;
    type Before = 'detectedBeforeStart' | 'resolvedBeforeStart' | 'resolvedBeforeDetected';
    const order = (messageId: Before, time: ResolvedTime | null, line: number, other: ResolvedTime | null, otherLine: number | null): void => {
      if (time === null || other === null || !comparable(time, other) || time.epochMs >= other.epochMs) return;
      reported.add(line);
      const data = { time: showTime(time, zone), line, otherTime: showTime(other, zone), otherLine: String(otherLine) };
      report({ messageId, data, line, column: 1 });
    };
    order('detectedBeforeStart', detected, keyLine('detected'), start, startLine);
    order('resolvedBeforeStart', resolved, keyLine('resolved'), start, startLine);
    if (detected !== null && resolved !== null && !(start !== null && comparable(resolved, start) && resolved.epochMs < start.epochMs)) {
      order('resolvedBeforeDetected', resolved, keyLine('resolved'), detected, keyLine('detected'));
    }

    // Timeline entries a year off.
    const reference = startDay ?? fmDay;
    const referenceLine = startDay !== null ? startLine : fmDateLine;
    const years = new Set([startDay?.year, fmDay?.year]);
    const wrongYears = new Map<number, Group>();
    const future: Group[] = [];
    const now = Math.floor(settings.now.getTime() / DAY);
    const limit = now + options.futureDays;
    for (const entry of model.timeline) {
      const time = entry.time;
      if (time === null || !time.dateGiven || !hasDate(time)) continue;
      const d = dayOf(time);
      if (d.n > limit) {
        const group = future[0];
        if (group === undefined) future.push({ first: entry, day: d, count: 1, lastLine: entry.line });
        else {
          group.count++;
          group.lastLine = entry.line;
        }
        continue;
      }
      if (reference === null || years.has(d.year)) continue;
      const date = new Date(d.n * DAY);
      const sameDayThatYear = day(reference.year, date.getUTCMonth() + 1, date.getUTCDate());
      if (Math.abs(sameDayThatYear.n - reference.n) > YEAR_TYPO_DAYS || Math.abs(d.n - reference.n) <= YEAR_TYPO_DAYS) continue;
      const group = wrongYears.get(d.year);
      if (group === undefined) wrongYears.set(d.year, { first: entry, day: d, count: 1, lastLine: entry.line });
      else {
        group.count++;
        group.lastLine = entry.line;
      }
    }
    for (const [year, group] of wrongYears) {
      const { first } = group;
      report({
        messageId: startDay !== null ? 'yearOffStart' : 'yearOffFrontmatter',
        data: { line: first.line, date: group.day.text, reference: reference!.text, referenceLine: String(referenceLine), more: more(group, `dated ${year}`) },
        line: first.line,
        column: first.column,
        endLine: first.span.end.line,
        endColumn: first.span.end.column,
      });
    }

    // A weekday that is not the date's ("Tuesday, 2023-01-04" was a Wednesday); a date
    // without its year takes the incident's.
    const year = startDay?.year ?? fmDay?.year ?? model.timeline.find((e) => e.time?.dateGiven && hasDate(e.time))?.time?.iso.slice(0, 4);
    // Prose only: code and frontmatter are data, not statements.
    const found = pieces()
      .filter((piece) => piece.kind === 'prose')
      .flatMap((piece) => [...wrongWeekdays(piece.value, year === undefined ? null : Number(year))].map((w) => ({ ...w, offset: piece.offset + w.offset })));
    for (const wrong of found) {
      const { line, column } = position(wrong.offset);
      if (reported.has(line)) continue;
      reported.add(line);
      report({
        messageId: 'wrongWeekday',
        data: { text: wrong.text, line, date: wrong.date, is: wrong.is, said: wrong.said },
        line,
        column,
        endLine: line,
        endColumn: column + wrong.text.length,
      });
    }

    // Dates in the future.
    const today = new Date(now * DAY).toISOString().slice(0, 10);
    const inFuture = (text: string, line: number, what: string): void => {
      if (reported.has(line)) return;
      reported.add(line);
      report({ messageId: 'future', data: { date: text, line, what, today }, line, column: 1 });
    };
    if (fmDay !== null && fmDay.n > limit) inFuture(fmDay.text, fmDateLine, "the frontmatter's date");
    const times: [ResolvedTime | null, number | null, string][] = [
      [start, startLine, 'the incident start'],
      [model.incident.end, model.incident.endLine, 'the incident end'],
      [detected, keyLine('detected'), 'detected'],
      [resolved, keyLine('resolved'), 'resolved'],
    ];
    for (const [time, line, what] of times) {
      if (time === null || line === null || !time.dateGiven || !hasDate(time)) continue;
      const d = dayOf(time);
      if (d.n > limit) {
        inFuture(d.text, line, what);
        break; // the window's other times are then in the future too: one finding is enough
      }
    }
    const group = future[0];
    if (group !== undefined) {
      report({
        messageId: 'futureTimeline',
        data: { date: group.day.text, line: group.first.line, today, more: more(group, 'in the future') },
        line: group.first.line,
        column: group.first.column,
        endLine: group.first.span.end.line,
        endColumn: group.first.span.end.column,
      });
    }
  },
});
