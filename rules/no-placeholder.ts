// Template leftovers in prose: TODO/TBD notes, dates and times with X for digits,
// bracketed prompts ("[insert root cause]", "<your name>", "{{service}}"), lorem ipsum,
// and sections whose only content is "N/A". Code is not read; frontmatter values are.
// The word lists and messages are data (kit/words/placeholders.ts).
import { SECTION_KINDS, type Postmortem, type Section, type SectionKind } from '../src/core/model.ts';
import {
  CharIndex,
  containing,
  defineAnchors,
  describeLabel,
  frontmatterText,
  htmlTexts,
  insideParentheses,
  isQuoted,
  JoinedPieces,
  labelBefore,
  opensWithPhrase,
  phraseAlternation,
  PLACEHOLDERS as W,
  proseAnchors,
  TableCellIndex,
  TodoReading,
  type Anchors,
  type SourceText,
} from '../src/lint/kit/index.ts';
import { defineRule, md } from '../src/lint/rule.ts';

const messages = W.PLACEHOLDER_MESSAGES;

type Kind = 'note' | 'tbd' | 'unknown' | 'year' | 'date' | 'time' | 'prompt' | 'variable' | 'filler';

interface Pattern {
  kind: Kind;
  re: RegExp;
  /** A cheap test on the whole text: the pattern is searched only when it passes. */
  gate?: (text: string) => boolean;
  /** What each match holds, found in the shared pre-scan of the prose: without it the pattern is not searched there. */
  anchors: Anchors;
}

const words = (list: readonly string[]): string => phraseAlternation(list, { regex: true, space: ' ' });
const pattern = (kind: Kind, re: RegExp, anchor: RegExp | Anchors, gate?: (text: string) => boolean): Pattern => ({
  kind,
  re,
  gate,
  anchors: anchor instanceof RegExp ? defineAnchors(`no-placeholder ${kind}`, 'prose', anchor, { presence: true }) : anchor,
});
// Dates, years and times with X for digits, and format names, share one anchor: X beside a digit or an X, or a format's letters.
const X_DIGITS = defineAnchors('no-placeholder X for digits', 'prose', /[Xx]{2}|\d[Xx]|YYYY|yyyy|HH:MM|hh:mm|(?:MM|DD|mm|dd)\//, { presence: true });

const ANGLE_PROMPT = pattern(
  'prompt',
  new RegExp(String.raw`<(?:${words(W.PROMPT_VERBS)}\b[^<>=\n]{0,80}|${words(W.ANGLE_NOUNS)})>`, 'gi'),
  /<[A-Za-z]/,
  opensWithPhrase(/<([A-Za-z]+)/g, W.PROMPT_VERBS, W.ANGLE_NOUNS),
);

const PATTERNS: readonly Pattern[] = [
  // Upper case only: "todo" and "fixme" as words are rare and "mastodon" never matches.
  pattern('note', /(?<![\w-])(?:TODO|FIXME)(?![\w-])/g, /TODO|FIXME/),
  pattern('tbd', /(?<![\w-])(?:TBD|TBA|TBC|tbd)(?![\w-])/g, /TB[DAC]|tbd/),
  // "???" only as a whole table cell or after a label ("Owner: ???"): see check().
  pattern('unknown', /(?<![\w?])\?{2,}(?![\w?])/g, /\?\?/),
  // (Its look-behind, tried before every digit, makes it slow: each match holds what the gate finds.)
  pattern(
    'date',
    /(?<![\w-])(?:[0-9Xx]{4}-(?:[0-9]{2}|[Xx]{2})-[Xx]{2}|[0-9Xx]{4}-[Xx]{2}-[0-9Xx]{2}|(?:YYYY|yyyy)-(?:MM|mm)-(?:DD|dd)|(?:MM|DD|mm|dd)\/(?:DD|MM|dd|mm)\/(?:YYYY|YY|yyyy|yy)|[Xx]{2}\/[Xx]{2}\/(?:[Xx]{2}){1,2})(?![\w-])/g,
    X_DIGITS,
  ),
  pattern('year', /(?<![\w-])(?:19|20)(?:[Xx]{2}|\d[Xx])(?![\w-])/g, X_DIGITS),
  pattern('time', /(?<![\w:])(?:[0-9Xx]{1,2}:[Xx]{2}|[Xx]{2}:[0-9Xx]{2}|HH:MM(?::SS)?|hh:mm(?::ss)?)(?![\w:])/g, X_DIGITS),
  pattern(
    'prompt',
    new RegExp(String.raw`\[(?:${words(W.PROMPT_VERBS)}\b[^\]\n]{0,80}|${words(W.PROMPT_NOUNS)})\]`, 'gi'),
    /\[[A-Za-z]/,
    opensWithPhrase(/\[([A-Za-z]+)/g, W.PROMPT_VERBS, W.PROMPT_NOUNS),
  ),
  // "[SERVICE NAME]": several upper-case words; one ("[ERROR]", "[WARN]") is a log level.
  pattern('prompt', /\[[A-Z]{2,}(?: [A-Z]{2,})+\]/g, /\[[A-Z]{2}/),
  ANGLE_PROMPT,
  // Not a Hugo shortcode ({{< track "…" >}}, {{% note %}}): a site renders those.
  pattern('variable', /\{\{(?![<%])[^{}\n]{1,60}(?<![>%])\}\}/g, /\{\{/),
  pattern('filler', /\blorem ipsum\b(?: dolor(?: sit amet)?)?/gi, /lorem ipsum/i),
];

// Format names ("Time (HH:MM UTC)", "(YYYY-MM-DD)") describe a format: not placeholders.
const FORMAT_NAMES = new Set<Kind>(['date', 'time']);
// Section kinds that must say something: "N/A" alone is a placeholder there.
const CONTENT_KINDS = new Set<SectionKind>(SECTION_KINDS.filter((kind) => kind !== 'other'));
const NOT_APPLICABLE = /^(?:N\/A|n\/a|NA|N\.A\.)\.?$/;
// A template's guidance left as a section's whole body: an instruction to the writer
// ("Describe how the service was restored", "List of things that went well. For example, …",
// "Human-friendly 1-sentence statement …").
const GUIDANCE_START = new RegExp(
  String.raw`^(?:${words(W.GUIDANCE_VERBS)}\s+${phraseAlternation(W.GUIDANCE_OBJECTS, { space: String.raw`\s+` })}\b|list\s+of\s+${words(W.GUIDANCE_LISTS)}|human[- ]friendly\b|(?:a|one)[- ]?(?:short|brief|one|1)[- ]sentence\b|(?:1|one)[- ]sentence\b|a\s+(?:short|brief)\s+(?:description|summary)\s+of\b)`,
  'i',
);
const GUIDANCE_WORDS = 60;
interface Hit {
  kind: keyof typeof messages;
  text: string;
  start: number;
  /** What the reader should write instead ("due date", "owner"), when the context says. */
  label: string | null;
  section?: string;
}

/** Every placeholder in the pieces; in prose a quoted word is a mention, in YAML quotes are only syntax (`title: "TBD"`). */
function scan(pieces: readonly SourceText[], source: string, quotesMention: boolean, patterns: readonly Pattern[]): Hit[] {
  const hits: Hit[] = [];
  const joined = new JoinedPieces(pieces);
  const parens = new CharIndex(joined.text);
  for (const { kind, re, gate } of patterns) {
    if (gate && !gate(joined.text)) continue;
    for (const { match, start, pieceFrom, pieceTo } of joined.matches(re)) {
      const end = start + match[0].length;
      if (FORMAT_NAMES.has(kind) && /[A-WYZa-wyz]/.test(match[0]) && insideParentheses(parens, pieceFrom, pieceTo, match.index, match.index + match[0].length))
        continue;
      if (quotesMention && isQuoted(source, start, end)) continue;
      hits.push({ kind, text: match[0], start, label: null });
    }
  }
  return hits;
}

function isDraft(model: Postmortem): boolean {
  const status = model.frontmatter.data?.status;
  return typeof status === 'string' && status.trim().toLowerCase() === 'draft';
}

/** The values of a finding's message: what was found, what to write instead, its section. */
function dataOf(hit: Hit): { text: string; what: string; section: string } {
  const instead = W.WHAT_BY_DEFAULT[hit.kind as keyof typeof W.WHAT_BY_DEFAULT] ?? '';
  return { text: hit.text, what: hit.label ? `the ${describeLabel(hit.label)}` : instead, section: hit.section ?? '' };
}

/** A content section whose whole body is "N/A". */
function notApplicable(section: Section, source: string): Hit | null {
  const body = source.slice(section.bodyStart, section.bodyEnd);
  // Six characters of text, and no comment to remove: longer than any "N/A".
  if (!body.includes('<!--') && /^(?:[\s*_>`]*[^\s*_>`]){6}/.test(body)) return null;
  const text = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[*_>`]/g, '')
    .trim();
  if (!NOT_APPLICABLE.test(text)) return null;
  const at = section.bodyStart + Math.max(0, body.search(/N\/A|n\/a|NA|N\.A\./));
  return { kind: 'notApplicable', text, start: at, label: null, section: section.heading };
}

/** Text as a reader sees it: without Markdown marks, its whitespace one space. */
const asRead = (text: string): string =>
  text
    .replace(/[*_>`#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A content section (not the timeline) whose whole body is the template's guidance, in one paragraph. */
function guidance(section: Section, source: string): Hit | null {
  if (section.kind === 'timeline') return null;
  const body = source.slice(section.bodyStart, section.bodyEnd);
  // Most bodies do not open as guidance does: their opening is read first (no match of
  // GUIDANCE_START is 40 characters long, so 64 characters of the opening decide).
  const opening = body.includes('<!--') ? '' : asRead(body.slice(0, 400));
  if (opening.length >= 64 && !GUIDANCE_START.test(opening)) return null;
  // Guidance followed by the writer's own text is a kept prompt, not an empty section. (Tested
  // first: it stops at the first paragraph break, where the rest reads the whole body.)
  if (/\n[ \t]*\n[ \t]*\S/.test(body.trim())) return null;
  const text = asRead(body.replace(/<!--[\s\S]*?-->/g, ''));
  if (text === '' || text.split(' ').length > GUIDANCE_WORDS || !GUIDANCE_START.test(text)) return null;
  const at = section.bodyStart + Math.max(0, body.search(/\S/));
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return { kind: 'guidance', text: shown, start: at, label: null, section: section.heading };
}

export default defineRule<{ ignoreDrafts: boolean }, typeof messages>({
  id: 'no-placeholder',
  description: 'Template leftovers: TODO, TBD, 20XX, XX:XX, [insert …], {{…}}, lorem ipsum, a section that says only "N/A" or only the template\'s guidance',
  severity: 'error',
  schema: {
    type: 'object',
    properties: {
      ignoreDrafts: {
        type: 'boolean',
        description: 'Report nothing in a document whose frontmatter `status` is `draft`: placeholders are expected there.',
      },
    },
    additionalProperties: false,
  },
  defaults: { ignoreDrafts: true },
  messages,
  docs: {
    rationale:
      'A placeholder left from the template ("TBD", "20XX-XX-XX", "[insert root cause]") means the postmortem was published unfinished, and a reader cannot tell a real gap from a forgotten one. Prose and frontmatter values are read, code is not; upper-case TODO, FIXME, TBD, TBA and TBC count as whole words only ("mastodon" does not), and a word in quotes is a mention, not a placeholder. A Status column value "TODO" in an action-item table is a status, not a placeholder, while "TBD" in its Owner or Due column is. "N/A" as the whole content of a section such as Root Cause is reported, but not in table cells. Format names in parentheses ("Time (HH:MM UTC)") are allowed. Drafts (`status: draft`) are skipped unless `ignoreDrafts` is false.',
    invalid: [
      {
        title: "a section that holds only the template's guidance",
        markdown: md`
          # Outage

          ## Root Cause

          *Describe the root cause and what must change so it cannot happen again.*
        `,
        expected: `
          5:1-5:59 guidance
        `,
      },
      {
        title: 'TBD owner, X dates, a prompt and a TODO note',
        markdown: md`
          # Checkout outage

          ## Summary

          On 20XX-XX-XX at XX:XX UTC checkout failed. [Insert impact here]

          ## Root Cause

          TODO: confirm with the database team.

          ## Action Items

          | Item | Owner | Due | Status |
          | --- | --- | --- | --- |
          | Add pool alert | TBD | TBD | TODO |
        `,
        expected: `
          5:4-5:14 date
          5:18-5:23 time
          5:45-5:65 prompt
          9:1-9:5 note
          15:20-15:23 tbd
          15:26-15:29 tbd
        `,
      },
      {
        title: 'a root cause that says only N/A, a template variable',
        markdown: md`
          # {{service}} outage

          ## Root Cause

          N/A
        `,
        expected: `
          1:3-1:14 variable
          5:1-5:4 notApplicable
        `,
      },
    ],
    valid: [
      {
        title: 'words that only look like placeholders, code, a status column, a draft',
        markdown: md`
          # Mastodon federation outage

          ## Timeline (HH:MM UTC)

          - 10:05 The template's "TBD" fields were filled in.
          - 10:20 Ran \`grep -r TODO src/\` and \`date +%Y-XX\`.

          ## Action Items

          | Item | Owner | Status |
          | --- | --- | --- |
          | Add pool alert | @ana | TODO |
          | Log review | @li | N/A |
        `,
      },
      {
        title: 'a draft may hold placeholders',
        markdown: md`
          ---
          status: draft
          ---
          # Outage

          ## Root Cause

          TBD
        `,
      },
    ],
  },
  check(context) {
    const { model, tree, source, options, report, position, pieces, lineStarts } = context;
    if (options.ignoreDrafts && isDraft(model)) return;
    const anchors = proseAnchors(context);
    const hits = scan(
      pieces().filter((piece) => piece.kind === 'prose'),
      source,
      true,
      PATTERNS.filter((p) => anchors.has(p.anchors)),
    );
    // "<insert summary>" parses as HTML: read HTML nodes for angle-bracket prompts only.
    for (const hit of scan(htmlTexts(tree, source), source, true, [ANGLE_PROMPT])) hits.push(hit);
    const todos = new TodoReading(model);
    const fm = frontmatterText(model, lineStarts);
    if (fm) {
      for (const hit of scan([fm], source, false, PATTERNS)) {
        const line = source.slice(todos.startOf(hit.start), hit.start);
        hit.label = /^\s*(?:-\s+)?["']?([\w-]+)["']?\s*:/.exec(line)?.[1] ?? null;
        hits.push(hit);
      }
    }

    const cells = new TableCellIndex(tree, source);
    const sections = [...model.sections].sort((a, b) => a.bodyStart - b.bodyStart);
    const kept: Hit[] = [];
    for (const hit of hits) {
      if (fm && hit.start >= fm.offset && hit.start < fm.offset + fm.value.length) {
        kept.push(hit);
        continue;
      }
      const cell = cells.at(hit.start);
      const section = containing(
        sections,
        hit.start,
        (c) => c.bodyStart,
        (c) => c.bodyEnd,
      );
      if (hit.kind === 'note' && hit.text === 'TODO' && todos.namesATodo({ start: hit.start, line: position(hit.start).line, cell, section })) continue;
      if (hit.kind === 'unknown' && !(cell?.text === hit.text || (!cell && labelBefore(source, hit.start, todos)))) continue;
      hit.label = cell ? cell.header || null : labelBefore(source, hit.start, todos);
      kept.push(hit);
    }
    for (const section of model.sections) {
      if (!CONTENT_KINDS.has(section.kind) || section.empty) continue;
      const hit = notApplicable(section, source) ?? guidance(section, source);
      if (hit) kept.push(hit);
    }

    kept.sort((a, b) => a.start - b.start || b.text.length - a.text.length);
    let reachedTo = -1;
    for (const hit of kept) {
      // Two patterns can find the same text ("[SERVICE NAME]"): report it once.
      if (hit.start < reachedTo) continue;
      reachedTo = hit.start + hit.text.length;
      const data = dataOf(hit);
      report({ messageId: hit.kind, data, start: hit.start, end: hit.start + hit.text.length });
    }
  },
});
