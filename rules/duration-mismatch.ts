import type { Postmortem } from '../src/core/model.ts';
import { comparable, formatDuration } from '../src/core/time/index.ts';
import { endInstant, showTime } from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

interface Options extends Record<string, unknown> {
  toleranceMinutes: number;
  tolerancePercent: number;
}

const MINUTE = 60_000;

// Words before the figure that make it a bound or an estimate.
const AT_LEAST = /(?:\bover|\bmore than|\bat least|\blonger than|\bin excess of|\bupwards of|>|≥)\s*$/i;
const AT_MOST = /(?:\bunder|\bless than|\bwithin|\bup to|\bat most|\bshorter than|<|≤)\s*$/i;
const ABOUT = /(?:\babout|\baround|\bapprox(?:imately|\.)?|\broughly|\bnearly|\balmost|\bclose to|\bsome|\bjust (?:over|under)|~|≈|\bca\.?)\s*$/i;

/** Who says it: the frontmatter, the summary, or the section the line stands in. */
function speaker(model: Postmortem, line: number): string {
  const fm = model.frontmatter.span;
  if (fm !== null && line >= fm.start.line && line <= fm.end.line) return 'The frontmatter';
  let section: Postmortem['sections'][number] | undefined;
  for (const s of model.sections) if (s.line <= line) section = s;
  if (section === undefined || section.kind === 'summary') return 'The summary';
  return `The "${section.heading}" section`;
}

const messages = {
  mismatch:
    '{{speaker}} says {{said}}, but start to end is {{actual}} ({{start}} on line {{startLine}} to {{end}} on line {{endLine}}): correct the duration or the start and end.',
} as const;

export default defineRule<Options, typeof messages>({
  id: 'duration-mismatch',
  description: 'A stated duration ("2 hours 30 minutes") that disagrees with start and end',
  severity: 'error',
  messages,
  schema: {
    type: 'object',
    properties: {
      toleranceMinutes: { type: 'number', minimum: 0, description: 'A difference of up to this many minutes is rounding, not a mismatch.' },
      tolerancePercent: {
        type: 'number',
        minimum: 0,
        maximum: 100,
        description: 'A difference of up to this share of the stated duration is rounding (the larger of the two tolerances applies).',
      },
    },
    additionalProperties: false,
  },
  defaults: { toleranceMinutes: 5, tolerancePercent: 10 },
  docs: {
    rationale:
      'A duration that disagrees with the stated start and end leaves readers unsure which figure to quote in reports and SLO budgets, and usually means one of the three was edited and the others were not. People round, so a difference of 5 minutes or 10% of the stated duration, whichever is larger, passes ("2 hours" for 1 h 50 min; "7.5 hours" for 7 h 10 min); an estimate ("about 2 hours", "~45 min") gets twice that, and a bound ("over 2 hours", "less than an hour") is only checked on its side.',
    invalid: [
      {
        title: 'three hours stated, two and a half measured',
        markdown: md`
          # DB outage

          ## Summary

          Start: 2024-05-10 10:00 UTC
          End: 2024-05-10 12:30 UTC
          Duration: 3 hours
        `,
        expected: `
          7:11-7:18 mismatch
        `,
      },
    ],
    valid: [
      {
        title: 'a rounded duration',
        markdown: md`
          # DB outage

          ## Summary

          The outage lasted from 10:00 to 11:50 UTC. Duration: 2 hours
        `,
      },
      {
        title: 'a bound',
        markdown: md`
          # DB outage

          ## Summary

          Start: 2024-05-10 10:00 UTC
          End: 2024-05-10 12:25 UTC
          Duration: over 2 hours
        `,
      },
      {
        title: 'an overnight window written without dates',
        markdown: md`
          # DB outage

          ## Summary

          From 10:30 PM until 12:45 AM PST. Total downtime: 2 hours 15 minutes.
        `,
      },
    ],
  },
  check({ model, options, source, lineStarts, report }) {
    const { start, end, startLine, endLine, statedDurationMinutes: stated, statedDurationText: text, statedDurationLine: line } = model.incident;
    if (stated === null || stated <= 0 || line === null || start === null || end === null || !comparable(start, end)) return;
    const endMs = endInstant(start, end, startLine === endLine);
    const actual = (endMs - start.epochMs) / MINUTE;
    if (actual < 0) return; // incident-window reports an end before the start.

    const lineStart = lineStarts[line - 1] ?? 0;
    const lineText = source.slice(lineStart, lineStarts[line] ?? source.length);
    const index = text === null ? -1 : lineText.indexOf(text);
    const lead = index === -1 ? '' : lineText.slice(0, index);
    let tolerance = Math.max(options.toleranceMinutes, (options.tolerancePercent / 100) * stated);
    if (ABOUT.test(lead)) tolerance *= 2;
    const atLeast = AT_LEAST.test(lead);
    const atMost = AT_MOST.test(lead);
    const tooShort = actual < stated - tolerance;
    const tooLong = actual > stated + tolerance;
    if (!(atLeast ? tooShort : atMost ? tooLong : tooShort || tooLong)) return;

    const zone = model.declaredZone;
    const withDate = showTime(start, zone).slice(0, 10) !== showTime(end, zone, true, endMs).slice(0, 10);
    const said = atLeast ? `at least ${text}` : atMost ? `at most ${text}` : text;
    report({
      messageId: 'mismatch',
      data: {
        speaker: speaker(model, line),
        said: String(said),
        actual: formatDuration(actual),
        start: showTime(start, zone, withDate),
        startLine: String(startLine),
        end: showTime(end, zone, withDate, endMs),
        endLine: String(endLine),
      },
      line,
      column: index === -1 ? 1 : index + 1,
      endLine: line,
      endColumn: index === -1 ? 1 : index + 1 + (text?.length ?? 0),
    });
  },
});
