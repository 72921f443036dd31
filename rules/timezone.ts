import type { ResolvedTime } from '../src/core/model.ts';
import { parseZone } from '../src/core/time/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';
import type { TextPiece } from '../src/lint/kit/index.ts';

interface ZoneLess {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

// A clock time and what follows it: "12:45 PM West African Time", "7:30 pm (CST)", "18:00 GMT".
const CLOCK_THEN = /\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\b\.?)?|\b(?:1[0-2]|0?[1-9])\s?[ap]\.?m\b\.?/gi;
const AFTER = 40;
const ALONE = /\(([A-Z]{2,5}(?:\s?[+\-−]\s?\d{1,2}(?::?\d\d)?)?)\)|\bin ((?:[A-Z][a-z]+ ){1,2}time)\b/gi;

/**
 * Whether the prose writes a zone next to a time somewhere ("resolved by 12:45 PM West
 * African Time"): the document then gives its zone, even where it was not read as the
 * zone of the incident's start and end.
 */
function writesZone(pieces: readonly TextPiece[]): boolean {
  for (const piece of pieces) {
    if (piece.kind !== 'prose') continue;
    // "(PST)", "(UTC+3)", "in Pacific time": a zone named on its own.
    ALONE.lastIndex = 0;
    for (let m = ALONE.exec(piece.value); m !== null; m = ALONE.exec(piece.value)) {
      if (parseZone(m[1] ?? m[2] ?? '') !== null) return true;
    }
    CLOCK_THEN.lastIndex = 0;
    for (let m = CLOCK_THEN.exec(piece.value); m !== null; m = CLOCK_THEN.exec(piece.value)) {
      const after = piece.value.slice(m.index + m[0].length, m.index + m[0].length + AFTER);
      const words = after
        .replace(/^[\s([,\-–—]+/, '')
        .split(/[\s()[\],;.:]+/)
        .slice(0, 4);
      for (let n = words.length; n >= 1; n--) {
        const text = words.slice(0, n).join(' ');
        // Abbreviations count when written in capitals ("CAT", not the word "cat"); names in full.
        if (n === 1 && text !== text.toUpperCase()) continue;
        if (parseZone(text) !== null) return true;
      }
    }
  }
  return false;
}

const HOW = 'declare one (e.g. "## Timeline (all times UTC)", `timezone: UTC` in the frontmatter, or "timezone" in the configuration).' as const;

const messages = {
  noZone: `Times here have no time zone ({{times}} line {{line}}): ${HOW}`,
} as const;

export default defineRule({
  id: 'timezone',
  description: 'Times given with no zone, and none declared for the document',
  severity: 'warn',
  messages,
  docs: {
    rationale:
      'Responders, customers and vendors read a postmortem from different zones; "10:05" alone cannot be matched with a status page, a log line or an alert. A zone declared once applies to every later time: a heading such as "Timeline (all times UTC)", a table header "Time (UTC)", the frontmatter\'s `timezone`, a zone written with the incident\'s start and end, or the configuration\'s default zone. The rule reports the document once, at its first time without a zone, not every such time, and only when the document names no zone at all: a zone declared later, or written next to a time in the prose ("restored by 12:45 PM West African Time"), or named on its own ("(PST)", "in Pacific time") tells the reader which zone the document means.',
    invalid: [
      {
        title: 'a timeline with no zone anywhere',
        markdown: md`
          # DB outage

          ## Summary

          Start: 2024-05-10 10:00. End: 2024-05-10 11:00.

          ## Timeline

          - 10:00 Alert fired
          - 10:20 Rollback started
        `,
        expected: `
          5:1-5:1 noZone
        `,
      },
    ],
    valid: [
      {
        title: 'a zone declared by the timeline heading',
        markdown: md`
          ## Timeline (all times UTC)

          - 10:00 Alert fired
          - 10:20 Rollback started
        `,
      },
      {
        title: "the configuration's default zone applies",
        markdown: md`
          ## Timeline

          - 10:00 Alert fired
          - 10:20 Rollback started
        `,
        settings: { timezone: 'Europe/Berlin' },
      },
      {
        title: 'a zone written with the incident start applies to the timeline',
        markdown: md`
          ## Summary

          Start: 2024-05-10 10:00 EAT

          ## Timeline

          - 10:00 Alert fired
        `,
      },
    ],
  },
  check({ model, pieces, report }) {
    // A zone declared anywhere applies to the document (times written before the
    // declaration are read by a reader in the same zone).
    if (model.declaredZone !== null) return;
    let first: ZoneLess | null = null;
    let count = 0;
    const consider = (time: ResolvedTime | null, at: ZoneLess | null): void => {
      if (time === null || time.offsetMinutes !== null || at === null) return;
      count++;
      if (first === null || at.line < first.line || (at.line === first.line && at.column < first.column)) first = at;
    };
    const { incident } = model;
    const statement = (line: number | null): ZoneLess | null => (line === null ? null : { line, column: 1, endLine: line, endColumn: 1 });
    consider(incident.start, statement(incident.startLine));
    consider(incident.end, statement(incident.endLine));
    for (const entry of model.timeline) {
      consider(entry.time, { line: entry.line, column: entry.column, endLine: entry.span.end.line, endColumn: entry.span.end.column });
    }
    const at = first as ZoneLess | null;
    if (at === null || writesZone(pieces())) return;
    const times = count === 1 ? 'one time, on' : `${count} times, the first on`;
    report({ messageId: 'noZone', data: { times, line: at.line }, ...at });
  },
});
