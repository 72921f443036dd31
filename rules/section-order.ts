import type { Section, SectionKind } from '../src/core/model.ts';
import { canonicalHeading } from '../src/core/sections/classify.ts';
import { defineRule, md } from '../src/lint/rule.ts';
import { headingEnd, sectionStructure } from '../src/lint/kit/index.ts';

const KINDS = ['summary', 'impact', 'timeline', 'detection', 'root-cause', 'resolution', 'corrective-measures', 'lessons-learned'];

interface Placed {
  section: Section;
  /** Position of its kind in the configured order. */
  rank: number;
}

/**
 * The longest subsequence whose ranks never decrease, preferring at each step the earliest
 * section that still allows a longest one: the sections written first stay in place and the
 * ones written later are the ones reported as misplaced.
 */
function keptInPlace(items: readonly Placed[]): Set<number> {
  const n = items.length;
  // longest[i]: the longest non-decreasing run of ranks that starts at i.
  const longest = new Array<number>(n).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      if (items[j]!.rank >= items[i]!.rank && longest[j]! + 1 > longest[i]!) longest[i] = longest[j]! + 1;
    }
  }
  const kept = new Set<number>();
  let need = Math.max(0, ...longest);
  let minRank = -Infinity;
  for (let i = 0; i < n && need > 0; i++) {
    if (items[i]!.rank >= minRank && longest[i] === need) {
      kept.add(i);
      minRank = items[i]!.rank;
      need--;
    }
  }
  return kept;
}

const messages = {
  moveAbove: 'Section out of order: move "{{heading}}" (line {{line}}) above "{{other}}" (line {{otherLine}}). Expected order: {{expected}}.',
  moveBelow: 'Section out of order: move "{{heading}}" (line {{line}}) below "{{other}}" (line {{otherLine}}). Expected order: {{expected}}.',
  move: 'Section out of order: move "{{heading}}" (line {{line}}). Expected order: {{expected}}.',
} as const;

export default defineRule<{ order: string[] }, typeof messages>({
  id: 'section-order',
  description: "Sections out of the preset's order",
  severity: 'off',
  messages,
  schema: {
    type: 'object',
    properties: {
      order: {
        type: 'array',
        items: { enum: KINDS },
        uniqueItems: true,
        description: 'The section kinds in the order they must come; kinds not listed may stand anywhere.',
      },
    },
    additionalProperties: false,
  },
  defaults: { order: ['summary', 'timeline', 'root-cause', 'corrective-measures'] },
  docs: {
    rationale:
      "Postmortems in one archive are read side by side; when every one tells its story in the same order (what happened, when, why, what changes) a reader finds each part where they expect it. Real postmortems follow several good orders (the Google SRE template puts the timeline last), so the rule is off in `recommended` and `strict`: the `google-sre` and `alx` presets, which prescribe an order, turn it on, and so can a configuration that sets `order`. Only the kinds listed in `order` are compared, each by its first section (a repeated section is `duplicate-section`'s business), and a summary that restates the root cause as a field before the timeline, as the ALX brief asks, does not count as the root-cause section. The rule reports as few sections as possible: the ones that would have to move for the rest to be in order (a longest increasing subsequence), each with where to move it.",
    invalid: [
      {
        title: 'the timeline written after the root cause',
        markdown: md`
          # DB outage

          ## Summary

          The database was down.

          ## Root Cause

          A full disk.

          ## Timeline

          - 10:00 UTC alert fired

          ## Corrective and Preventative Measures

          - Add a disk alert
        `,
        expected: `
          11:1-11:12 moveAbove
        `,
      },
      {
        title: 'one misplaced section is one finding, with the Google SRE order',
        options: { order: ['summary', 'impact', 'root-cause', 'resolution', 'detection', 'corrective-measures', 'lessons-learned', 'timeline'] },
        markdown: md`
          # DB outage

          ## Summary

          Down.

          ## Lessons Learned

          Alerts worked.

          ## Impact

          All users.

          ## Root Causes

          A full disk.

          ## Resolution

          Freed space.

          ## Detection

          An alert.

          ## Action Items

          - Add a disk alert

          ## Timeline

          - 10:00 UTC alert
        `,
        expected: `
          7:1-7:19 moveBelow
        `,
      },
    ],
    valid: [
      {
        title: 'the default order, with other sections anywhere and the summary restating the root cause',
        markdown: md`
          # DB outage

          ## Summary

          Down for 40 minutes.

          **Root Cause:** a full disk.

          ## Background

          The disk was small.

          ## Timeline

          - 10:00 UTC alert fired

          ## Impact

          All users.

          ## Root Cause and Resolution

          A full disk; we freed space.

          ## Action Items

          - Add a disk alert
        `,
      },
    ],
  },
  check({ model, options, source, lineStarts, report }) {
    const order = options.order as SectionKind[];
    const { units, restated } = sectionStructure(model);
    // Each kind of the order by its first section; a unit ("Root Cause and Resolution" then
    // "Resolution") is placed by its first section whose kind is in the order.
    const items: Placed[] = [];
    const placed = new Set<SectionKind>();
    for (const unit of units) {
      const section = unit.sections.find((s) => !restated.has(s) && order.includes(s.kind));
      if (!section || placed.has(section.kind)) continue;
      for (const s of unit.sections) if (!restated.has(s) && order.includes(s.kind)) placed.add(s.kind);
      items.push({ section, rank: order.indexOf(section.kind) });
    }
    const kept = keptInPlace(items);
    const expected = order.map((kind) => canonicalHeading(kind)).join(', ');
    items.forEach((item, i) => {
      if (kept.has(i)) return;
      const { section, rank } = item;
      // Above the first section kept in place that should follow it, or below the last one
      // kept in place that should precede it.
      let hint: { messageId: 'moveAbove' | 'moveBelow'; other: Placed } | null = null;
      for (let k = 0; k < i && hint === null; k++) {
        const other = items[k]!;
        if (kept.has(k) && other.rank > rank) hint = { messageId: 'moveAbove', other };
      }
      for (let k = items.length - 1; k > i && hint === null; k--) {
        const other = items[k]!;
        if (kept.has(k) && other.rank < rank) hint = { messageId: 'moveBelow', other };
      }
      const data = { heading: section.heading, line: section.line, expected };
      report({
        ...(hint === null
          ? { messageId: 'move' as const, data }
          : { messageId: hint.messageId, data: { ...data, other: hint.other.section.heading, otherLine: hint.other.section.line } }),
        line: section.line,
        column: section.span.start.column,
        ...headingEnd(section, source, lineStarts),
      });
    });
  },
});
