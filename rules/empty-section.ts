import type { RootContent } from 'mdast';
import type { Section, SectionKind } from '../src/core/model.ts';
import { defineRule, md } from '../src/lint/rule.ts';
import { effectiveDepths, firstAtLeast, headingEnd, sectionStructure } from '../src/lint/kit/index.ts';

/** What each kind of section should say, for the message. */
const WHAT: Record<SectionKind, string> = {
  summary: 'write what happened, when, and who was affected, in a few sentences',
  impact: 'write what users saw',
  timeline: 'list what happened when, one time-stamped entry per line',
  detection: 'write how and when the problem was noticed',
  'root-cause': 'write why it happened',
  resolution: 'write how service was restored',
  'corrective-measures': 'list the changes that will keep it from happening again',
  'lessons-learned': 'write what went well, what went wrong and where you got lucky',
  other: 'write its content',
};

const PHASES: ReadonlySet<SectionKind> = new Set(['detection', 'resolution']);
/** "Issue Summary: Duration: 2 hours", "Incident Date: March 25, 2024": the heading carries the content. */
const CONTENT_IN_HEADING = /:\s*\S+\s+\S/;
/** An image or HTML image: content the model's plain text does not see. */
const IMAGE = /!\[[^\]]*\]\(|<img\b/i;
/** An unrecognised "heading" that is a sentence ("The full post-mortem can be found here."). */
const SENTENCE = /[.!]$/;
const COMMENT_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)*$/;

/** Top-level nodes wholly inside [start, end) (they stand in source order). */
function nodesIn(children: readonly RootContent[], start: number, end: number): RootContent[] {
  const nodes: RootContent[] = [];
  for (let i = firstAtLeast(children, start, (n) => n.position?.start.offset ?? -1); i < children.length; i++) {
    const node = children[i]!;
    if ((node.position?.start.offset ?? Infinity) >= end) break;
    if ((node.position?.end.offset ?? Infinity) <= end) nodes.push(node);
  }
  return nodes;
}

/** Whether the body holds only sub-headings (and comments, rules): headings with nothing under them. */
function onlySubHeadings(nodes: readonly RootContent[]): boolean {
  let headings = 0;
  for (const node of nodes) {
    if (node.type === 'heading') headings++;
    else if (node.type === 'thematicBreak' || node.type === 'definition') continue;
    else if (node.type === 'html' && COMMENT_ONLY.test(node.value)) continue;
    else return false;
  }
  return headings > 0;
}

function headingLine(section: Section, source: string, lineStarts: readonly number[]): string {
  const start = lineStarts[section.line - 1] ?? 0;
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? source.length : end);
}

const messages = {
  empty: 'The "{{heading}}" section is empty: {{what}} (or remove the heading).',
  emptySubHeadings: 'The "{{heading}}" section is empty: its sub-headings have nothing under them; {{what}} (or remove the heading).',
} as const;

export default defineRule({
  id: 'empty-section',
  messages,
  description: 'A section has a heading and no content',
  severity: 'warn',
  docs: {
    rationale:
      'An empty section promises content that is not there: often a template heading that was never filled in. A heading followed only by deeper headings that have content is a parent, not an empty section (a "Lessons Learned" with "What went well" under it), and so is a timeline written in phases ("Timeline" then "Detection" and "Resolution" with the entries). A heading followed only by sub-headings with nothing under them is empty. Not reported either: an unrecognised heading before every known section (the document\'s title, at whatever level), an empty `##` separator, a heading whose next section continues it ("Corrective and Preventative Measures:" then "Improvements:"), a heading that carries its content ("Issue Summary: Duration: 2 hours"), a body holding only an image, and an unrecognised heading that is a sentence or a link.',
    invalid: [
      {
        title: 'an impact heading with nothing under it',
        markdown: md`
          # DB outage

          ## Summary

          The database was down.

          ## Impact

          <!-- TODO -->

          ## Timeline

          - 10:00 UTC alert fired
        `,
        expected: `
          7:1-7:10 empty
        `,
      },
      {
        title: 'sub-headings with nothing under them',
        markdown: md`
          # DB outage

          ## Summary

          The database was down.

          ## Lessons Learned

          ### What went well

          ### What went wrong
        `,
        expected: `
          7:1-7:19 emptySubHeadings
        `,
      },
    ],
    valid: [
      {
        title: 'a parent whose sub-headings have content',
        markdown: md`
          # DB outage

          ## Summary

          The database was down.

          ## Lessons Learned

          ### What went well

          The alert fired at once.

          ## Incident

          ### Timeline

          - 10:00 UTC alert fired
        `,
      },
      {
        title: 'a timeline in phases, and a title at level 2',
        markdown: md`
          ## Postmortem

          # Summary

          Down.

          ## Timeline

          ## Detection

          - 10:00 UTC alert fired

          ## Resolution

          - 10:40 UTC disk freed
        `,
      },
    ],
  },
  check({ model, tree, source, lineStarts, report }) {
    const sections = model.sections;
    const depths = effectiveDepths(sections);
    const firstKnown = sections.findIndex((s) => s.kind !== 'other');
    const { unitOf } = sectionStructure(model);
    sections.forEach((section, i) => {
      const next = sections[i + 1];
      let empty = section.empty;
      let subHeadings = false;
      if (
        !empty &&
        (section.style === 'atx' || section.style === 'setext' || section.style === 'html') &&
        onlySubHeadings(nodesIn(tree.children, section.bodyStart, section.bodyEnd))
      ) {
        empty = true;
        subHeadings = true;
      }
      if (!empty) return;
      // "##" alone: a separator line, not a section.
      if (section.heading.trim() === '') return;
      // Written in parts: the next section continues this one ("Corrective and Preventative
      // Measures:" then "# Improvements:"; "Root Cause and Resolution" then "Resolution").
      if (next && unitOf.get(next) === unitOf.get(section)) return;
      // A parent: the next section stands below it.
      if (next && depths[i + 1]! > depths[i]!) return;
      // A timeline written in phases: "Timeline", then "Detection" and "Resolution" with the entries.
      if (section.kind === 'timeline' && next && PHASES.has(next.kind)) return;
      // The document's title, at whatever level: an unrecognised heading before every known one.
      if (section.kind === 'other' && (firstKnown === -1 || i < firstKnown)) return;
      if (CONTENT_IN_HEADING.test(section.heading)) return;
      if (section.kind === 'other' && (SENTENCE.test(section.heading) || headingLine(section, source, lineStarts).includes(']('))) return;
      if (IMAGE.test(source.slice(section.bodyStart, section.bodyEnd))) return;
      report({
        messageId: subHeadings ? 'emptySubHeadings' : 'empty',
        data: { heading: section.heading, what: WHAT[section.kind] },
        line: section.line,
        column: section.span.start.column,
        ...headingEnd(section, source, lineStarts),
      });
    });
  },
});
