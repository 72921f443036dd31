import type { Section, SectionKind } from '../src/core/model.ts';
import { canonicalHeading, classifyHeading } from '../src/core/sections/classify.ts';
import { defineRule, md } from '../src/lint/rule.ts';
import { headingName, isCombinedHeading, sectionStructure } from '../src/lint/kit/index.ts';

type Options = { names: Partial<Record<SectionKind, string>> };

const KINDS = ['summary', 'impact', 'timeline', 'detection', 'root-cause', 'resolution', 'corrective-measures', 'lessons-learned'] as const;
/** The opening marker of an ATX heading: up to three spaces and one to six `#`. */
const ATX_OPEN = /^ {0,3}#{1,6}(?=[ \t]|$)/;
/** An ATX heading's closing sequence: " ##" at the end. */
const ATX_CLOSE = /[ \t]+#+[ \t]*$/;

interface Located {
  /** Offsets of the name in the source. */
  start: number;
  end: number;
  /** The heading line with the name replaced, as a heading's text (no ATX markers). */
  replaced: string;
}

/** Where the heading's name stands on its first line (after an ATX heading's `#` marker). */
function locate(section: Section, name: string, canonical: string, source: string, lineStarts: readonly number[]): Located | null {
  const lineStart = lineStarts[section.line - 1];
  if (lineStart === undefined) return null;
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = source.length;
  const line = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  let from = 0;
  if (section.style === 'atx') {
    const open = ATX_OPEN.exec(line);
    if (!open) return null;
    from = open[0].length;
  }
  const at = line.indexOf(name, from);
  if (at === -1) return null;
  const text = line.slice(0, at) + canonical + line.slice(at + name.length);
  const replaced = section.style === 'atx' ? text.replace(ATX_OPEN, '').replace(ATX_CLOSE, '') : text;
  return { start: lineStart + at, end: lineStart + at + name.length, replaced };
}

const BY_HAND: Record<string, string> = {
  bold: 'a bold heading',
  'plain-line': 'a plain-line heading',
  html: 'an HTML heading',
};

const ALIKE = '"{{name}}" is a known spelling of the {{canonical}} section: write "{{canonical}}" so every postmortem names its sections alike';
const messages = {
  knownSpelling: `${ALIKE}.`,
  knownSpellingByHand: `${ALIKE} ({{style}}: rename it by hand).`,
  knownSpellingNotFixed: `${ALIKE} (not fixed automatically: rename it by hand).`,
} as const;

export default defineRule<Options, typeof messages>({
  id: 'canonical-headings',
  description: 'A section heading spelled other than its canonical name',
  severity: 'off',
  fixable: true,
  schema: {
    type: 'object',
    properties: {
      names: {
        type: 'object',
        description: 'Canonical names to use instead of the built-in ones, by section kind.',
        properties: Object.fromEntries(KINDS.map((kind) => [kind, { type: 'string', minLength: 1 }])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  defaults: { names: {} },
  messages,
  docs: {
    rationale:
      'An archive whose postmortems all say "Summary", "Timeline", "Root Cause" reads as one body of work, and readers (and scripts) find each part under one name. The rule reports a recognised section heading whose name is spelled otherwise ("Issue Summary", "Timeline of Events", "root cause"), case included. `--fix` rewrites ATX and setext headings: it replaces only the name and keeps the `##` marker, numbering ("1. "), emoji and descriptive tails ("(all times UTC)") byte for byte; bold and plain-line headings are reported but not fixed. Combined headings ("Root Cause and Resolution") name two sections and are left alone, as are the later parts of a section written in parts ("Root Cause" then "Five Whys", "Contributing Factors"). `names` overrides the canonical name of any kind.',
    invalid: [
      {
        title: 'other spellings, with numbering, emoji and a tail kept',
        markdown: md`
          # DB outage

          ## 1. Issue Summary

          Down.

          ## 🕒 Timeline of Events (all times UTC)

          - 10:00 alert fired

          Root cause analysis
          -------------------

          A full disk.

          ## Root Cause and Resolution

          Freed space.

          **Action Items:**

          - Add a disk alert
        `,
        expected: `
          3:7-3:20 knownSpelling
          7:7-7:25 knownSpelling
          11:1-11:20 knownSpelling
          20:3-20:15 knownSpellingByHand
        `,
        output: md`
          # DB outage

          ## 1. Summary

          Down.

          ## 🕒 Timeline (all times UTC)

          - 10:00 alert fired

          Root Cause
          -------------------

          A full disk.

          ## Root Cause and Resolution

          Freed space.

          **Action Items:**

          - Add a disk alert
        `,
      },
      {
        title: 'a configured name',
        options: { names: { 'corrective-measures': 'Action Items' } },
        markdown: md`
          # DB outage

          ## Summary

          Down.

          ## Follow-ups ##

          - Add a disk alert
        `,
        expected: `
          7:4-7:14 knownSpelling
        `,
        output: md`
          # DB outage

          ## Summary

          Down.

          ## Action Items ##

          - Add a disk alert
        `,
      },
    ],
    valid: [
      {
        title: 'canonical names, tails, combined and unknown headings',
        markdown: md`
          # DB outage

          ## Summary

          Down.

          ## Timeline (all times UTC)

          - 10:00 alert fired

          ## Root Cause and Resolution

          Freed space.

          ## Background

          A small disk.

          ## Corrective and Preventative Measures

          - Add a disk alert
        `,
      },
    ],
  },
  check({ model, options, source, lineStarts, report }) {
    const { unitOf } = sectionStructure(model);
    for (const section of model.sections) {
      const kind = section.kind;
      if (kind === 'other') continue;
      // A later part of one section written in parts ("Root Cause", then "Five Whys") keeps its
      // own name: renaming it would make two headings alike.
      if (unitOf.get(section)!.sections.find((s) => s.kind === kind) !== section) continue;
      const name = headingName(section.heading);
      const canonical = options.names[kind] ?? canonicalHeading(kind);
      if (name === '' || name === canonical || isCombinedHeading(section.heading)) continue;
      const located = locate(section, name, canonical, source, lineStarts);
      const lineStart = lineStarts[section.line - 1] ?? 0;
      // Fixed: ATX and setext headings only, and only when the new heading still names the same
      // kind (a configured name may not).
      const fixable = (section.style === 'atx' || section.style === 'setext') && located !== null && classifyHeading(located.replaced)?.kind === kind;
      const column = located ? located.start - lineStart + 1 : section.span.start.column;
      const place = { line: section.line, column, endLine: section.line, endColumn: column + (located ? name.length : 0) };
      const data = { name, canonical };
      const style = BY_HAND[section.style];
      if (fixable) report({ messageId: 'knownSpelling', data, ...place, fix: { start: located.start, end: located.end, text: canonical } });
      else if (style !== undefined) report({ messageId: 'knownSpellingByHand', data: { ...data, style }, ...place });
      else report({ messageId: 'knownSpellingNotFixed', data, ...place });
    }
  },
});
