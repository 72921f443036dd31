// Template leftovers in prose: TODO/TBD notes, dates and times with X for digits,
// bracketed prompts ("[insert root cause]", "<your name>", "{{service}}"), lorem ipsum,
// and sections whose only content is "N/A". Code is not read; frontmatter values are.
import type { Nodes, Table } from 'mdast';
import type { Postmortem, Section, SectionKind } from '../src/core/model.ts';
import { defineRule } from '../src/lint/rule.ts';
import { CharIndex, Lines } from '../src/lint/kit/index.ts';

type Kind = 'note' | 'tbd' | 'unknown' | 'year' | 'date' | 'time' | 'prompt' | 'variable' | 'filler';

interface Pattern {
  kind: Kind;
  re: RegExp;
  /** A cheap test on the whole text: the pattern is searched only when it passes. */
  gate?: (text: string) => boolean;
}

interface Phrases {
  /** The alternation, as a pattern's source. */
  re: string;
  /** The phrases' first words. */
  first: readonly string[];
}

const phrases = (list: readonly string[]): Phrases => ({ re: `(?:${list.join('|')})`, first: list.map((phrase) => phrase.split(' ')[0]!) });

const PROMPT_WORDS = phrases(['insert', 'add', 'enter', 'describe', 'replace', 'fill in', 'write', 'your', 'link to', 'name of', 'list of', 'summary of', 'brief description']);
const PROMPT_NOUNS = phrases(['name', 'full name', 'date', 'time', 'team', 'team name', 'service', 'service name', 'owner', 'link', 'url', 'ticket', 'ticket number', 'number', 'title', 'company', 'product', 'system', 'component', 'region', 'duration', 'author', 'authors', 'email', 'person', 'impact', 'details', 'description', 'summary', 'root cause', 'timestamp', 'value', 'customer', 'incident id', 'severity', 'status', 'dashboard', 'runbook']);

// In angle brackets, minus the names of HTML elements (<details>, <summary>, <time>…).
const ANGLE_NOUNS = phrases(['name', 'full name', 'date', 'team', 'team name', 'service', 'service name', 'owner', 'url', 'ticket', 'ticket number', 'company', 'product', 'system', 'component', 'region', 'duration', 'author', 'authors', 'email', 'person', 'impact', 'description', 'root cause', 'timestamp', 'value', 'customer', 'incident id', 'severity', 'status', 'dashboard', 'runbook']);

/**
 * Whether a bracket opens with the first word of one of the phrases, in any case: the prompt
 * patterns' alternations in any case are slow to compile, and most texts have no prompt.
 */
function opensWith(bracket: RegExp, ...lists: Phrases[]): (text: string) => boolean {
  const words = new Set(lists.flatMap((list) => list.first.map((word) => word.toLowerCase())));
  return (text) => {
    for (const [, word] of text.matchAll(bracket)) if (words.has(word!.toLowerCase())) return true;
    return false;
  };
}

const ANGLE_PROMPT: Pattern = {
  kind: 'prompt',
  gate: opensWith(/<([A-Za-z]+)/g, PROMPT_WORDS, ANGLE_NOUNS),
  re: new RegExp(String.raw`<(?:${PROMPT_WORDS.re}\b[^<>=\n]{0,80}|${ANGLE_NOUNS.re})>`, 'gi'),
};

const PATTERNS: readonly Pattern[] = [
  // Upper case only: "todo" and "fixme" as words are rare and "mastodon" never matches.
  { kind: 'note', re: /(?<![\w-])(?:TODO|FIXME)(?![\w-])/g },
  { kind: 'tbd', re: /(?<![\w-])(?:TBD|TBA|TBC|tbd)(?![\w-])/g },
  // "???" only as a whole table cell or after a label ("Owner: ???"): see check().
  { kind: 'unknown', re: /(?<![\w?])\?{2,}(?![\w?])/g },
  // (Its look-behind, tried before every digit, makes it slow: each match holds what the gate finds.)
  {
    kind: 'date',
    gate: (text) => /-[Xx]{2}|[Xx]{2}\/|YYYY|yyyy|(?:MM|DD|mm|dd)\//.test(text),
    re: /(?<![\w-])(?:[0-9Xx]{4}-(?:[0-9]{2}|[Xx]{2})-[Xx]{2}|[0-9Xx]{4}-[Xx]{2}-[0-9Xx]{2}|(?:YYYY|yyyy)-(?:MM|mm)-(?:DD|dd)|(?:MM|DD|mm|dd)\/(?:DD|MM|dd|mm)\/(?:YYYY|YY|yyyy|yy)|[Xx]{2}\/[Xx]{2}\/(?:[Xx]{2}){1,2})(?![\w-])/g,
  },
  { kind: 'year', re: /(?<![\w-])(?:19|20)(?:[Xx]{2}|\d[Xx])(?![\w-])/g },
  { kind: 'time', re: /(?<![\w:])(?:[0-9Xx]{1,2}:[Xx]{2}|[Xx]{2}:[0-9Xx]{2}|HH:MM(?::SS)?|hh:mm(?::ss)?)(?![\w:])/g },
  { kind: 'prompt', gate: opensWith(/\[([A-Za-z]+)/g, PROMPT_WORDS, PROMPT_NOUNS), re: new RegExp(String.raw`\[(?:${PROMPT_WORDS.re}\b[^\]\n]{0,80}|${PROMPT_NOUNS.re})\]`, 'gi') },
  // "[SERVICE NAME]": several upper-case words; one ("[ERROR]", "[WARN]") is a log level.
  { kind: 'prompt', gate: (text) => text.includes('['), re: /\[[A-Z]{2,}(?: [A-Z]{2,})+\]/g },
  ANGLE_PROMPT,
  // Not a Hugo shortcode ({{< track "…" >}}, {{% note %}}): a site renders those.
  { kind: 'variable', re: /\{\{(?![<%])[^{}\n]{1,60}(?<![>%])\}\}/g },
  { kind: 'filler', re: /\blorem ipsum\b(?: dolor(?: sit amet)?)?/gi },
];

// Format names ("Time (HH:MM UTC)", "(YYYY-MM-DD)") describe a format: not placeholders.
const FORMAT_NAMES = new Set<Kind>(['date', 'time']);
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»' };
// Section kinds that must say something: "N/A" alone is a placeholder there.
const CONTENT_KINDS = new Set<SectionKind>(['summary', 'impact', 'timeline', 'detection', 'root-cause', 'resolution', 'corrective-measures', 'lessons-learned']);
const NOT_APPLICABLE = /^(?:N\/A|n\/a|NA|N\.A\.)\.?$/;
// A template's guidance left as a section's whole body: an instruction to the writer
// ("Describe how the service was restored", "Note the final root cause and …", "List of
// things that went well. For example, …", "Human-friendly 1-sentence statement …").
const GUIDANCE_START = /^(?:(?:describe|note|list|provide|summari[sz]e|explain|include|outline|document|give|state|identify|enter|insert|write|add|detail|capture|record)\s+(?:the|a|an|any|all|each|how|what|when|who|why|where|which|your|here|this|these|in|briefly|at\s+least)\b|list\s+of\s+(?:things|action|items|follow|what|people|services)|human[- ]friendly\b|(?:a|one)[- ]?(?:short|brief|one|1)[- ]sentence\b|(?:1|one)[- ]sentence\b|a\s+(?:short|brief)\s+(?:description|summary)\s+of\b)/i;
const GUIDANCE_WORDS = 60;
// Columns where "TODO" would stand for a missing value, not for the item's state.
const VALUE_HEADER = /^(?:owners?|assignees?|assigned to|dri|due|due date|eta|deadline|date|when|who)$/i;
// "- **TODO**: …" list items: two or more make a to-do list, not notes.
// (Each mark is one character of the class: "**" as one alternative beside "*" would let a
// run of stars split 2^n ways when TODO does not follow.)
const TODO_LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:<[^>\n]+>|[*_~`[])*TODO\b/gm;

interface Hit {
  kind: Kind | 'not-applicable' | 'guidance';
  text: string;
  start: number;
  /** What the reader should write instead ("due date", "owner"), when the context says. */
  label: string | null;
  section?: string;
}

/** Table cells by column header, for "Owner | TBD" and "Status | TODO". */
interface Cell {
  start: number;
  end: number;
  header: string;
}

function tableCells(tree: Nodes, source: string): Cell[] {
  const cells: Cell[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'table') {
      collectCells(node, source, cells);
      continue;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return cells;
}

function collectCells(table: Table, source: string, cells: Cell[]): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  const headers = head.children.map((cell) => {
    const s = cell.position?.start.offset;
    const e = cell.position?.end.offset;
    return s === undefined || e === undefined ? '' : source.slice(s, e).replace(/[|*_`]/g, '').trim();
  });
  for (const row of rows) {
    row.children.forEach((cell, i) => {
      const s = cell.position?.start.offset;
      const e = cell.position?.end.offset;
      if (s !== undefined && e !== undefined) cells.push({ start: s, end: e, header: headers[i] ?? '' });
    });
  }
}

/** The label before a value on its line: "Owner: TBD", "**Due:** TBD", "due_date: TBD". */
function lineLabel(source: string, offset: number, lines: Lines): string | null {
  const before = source.slice(lines.startOf(offset), offset);
  // Only a label that opens the line (after a list bullet or emphasis): "- **Owner:** TBD".
  // (No two runs of spaces side by side: they would split a long run of spaces every way.)
  const m = /^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__|[*_])?([A-Za-z][\w /-]{0,30}?)[ \t]*(?:(?:\*\*|__|[*_])[ \t]*)?[:=][ \t]*(?:(?:\*\*|__|[*_])[ \t]*)?$/.exec(before);
  const label = m?.[1]?.trim();
  // A label is a short noun phrase ("Owner", "Due date"), not a sentence ("We saw errors").
  if (!label || label.split(/\s+/).length > 3 || /^(?:we|i|it|they|this|that|there|he|she|you|our)\b/i.test(label)) return null;
  return label;
}

function describeLabel(label: string): string {
  const words = label.toLowerCase().replace(/[_-]+/g, ' ').trim();
  if (/^(?:due|eta|deadline|due by|target)$/.test(words)) return 'due date';
  if (/^(?:assignee|assigned to|dri|responsible)$/.test(words)) return 'owner';
  return words;
}

/** Whether text[start, end) stands inside parentheses: "(HH:MM UTC)", within [from, to) of the text. */
function insideParentheses(parens: CharIndex, from: number, to: number, start: number, end: number): boolean {
  const open = parens.prev('(', start, from);
  const close = parens.next(')', end, to);
  return open !== -1 && close !== -1 && parens.next(')', open + 1, start) === -1 && parens.next('(', end, close) === -1;
}

function quoted(source: string, start: number, end: number): boolean {
  const before = source[start - 1];
  const after = source[end];
  return before !== undefined && QUOTES[before] !== undefined && QUOTES[before] === after;
}

function stripMarkup(text: string): string {
  // (A tag holds no "<": else each "<" of a long run of them would scan to the line's end.)
  return text.replace(/<[^<>\n]*>|[*_~`#>]/g, '').trim();
}

/**
 * Whether source[from, to) holds text once markup (HTML tags, `*_~`#>`) and whitespace
 * are set aside, and on the first line (up to `lineEnd`) the label's colon and dashes too.
 * Stops at the first such character: slicing the rest of the section for each TODO in it
 * would be quadratic in TODOs.
 */
function hasText(source: string, from: number, lineEnd: number, to: number, lines: LineFacts): boolean {
  for (let i = from; i < to; i++) {
    const c = source[i]!;
    if (i >= lineEnd && (c === ':' || c === '-')) return true;
    if (c === '<') {
      // A tag closes on its own line, before `to`.
      const close = lines.chars.next('>', i, Math.min(to, lines.endOf(i)));
      if (close !== -1) {
        i = close;
        continue;
      }
      return true;
    }
    if (!/[\s:*_~`#>-]/.test(c)) return true;
  }
  return false;
}

const sectionLinesOf = new WeakMap<Postmortem, Set<number>>();

/** The lines of the model's section headings (once per model, not once per TODO). */
function sectionLines(model: Postmortem): Set<number> {
  let lines = sectionLinesOf.get(model);
  if (!lines) sectionLinesOf.set(model, (lines = new Set(model.sections.map((s) => s.line))));
  return lines;
}

/** The entry of a list sorted by start whose [start, end) holds `offset`, by binary search. */
function containing<T>(sorted: readonly T[], offset: number, start: (t: T) => number, end: (t: T) => number): T | undefined {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (start(sorted[mid]!) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const candidate = found === -1 ? undefined : sorted[found];
  return candidate !== undefined && offset < end(candidate) ? candidate : undefined;
}

/**
 * "TODO" that names a to-do rather than leaving a note: a mention ("like a TODO",
 * "TODO list"), a heading, a status in a table ("**TODO**" beside "**DONE**"), the
 * label of a corrective measure, or one of several list items labelled TODO.
 */
function todoIsNotANote(hit: Hit, source: string, model: Postmortem, cell: Cell | null, cellText: string | null, todoItems: number, lineOf: (offset: number) => number, section: Section | undefined, lines: LineFacts): boolean {
  const lineStart = lines.startOf(hit.start);
  const lineEnd = lines.endOf(hit.start);
  if (MENTION_BEFORE.test(source.slice(wordBeforeBlanks(source, lineStart, hit.start), hit.start))) return true;
  if (/^[*_ \t-]*lists?\b/i.test(source.slice(hit.start + hit.text.length, lineEnd))) return true;
  // A heading that names the list: "## TODO", "**TODO:**" (not "## TODO: write this").
  if (lines.namesTodoList(lineStart, lineEnd, lineOf(hit.start), model)) return true;
  if (cell && cellText !== null) {
    // "TODO" as the cell's value or its last word ("Bug 5554823 **TODO**"): the item's state.
    return !VALUE_HEADER.test(cell.header) && /(?:^|\s)TODO$/.test(cellText);
  }
  if (section?.kind === 'corrective-measures') {
    // A label with the measure after it, on its line or below: not when TODO is all there is.
    if (hasText(source, hit.start + hit.text.length, lineEnd, section.bodyEnd, lines)) return true;
  }
  // "- TODO" as one of several list items: the label of the to-dos below it.
  return todoItems >= 2 && lines.onlyBulletBefore(lineStart, hit.start);
}

/** "a TODO", "the TODO", "each TODO": a mention. */
const MENTION_BEFORE = /\b(?:a|an|the|my|our|your|this|that|each|every|its|their)[ \t]+$/i;

/**
 * Where MENTION_BEFORE can start in source[lineStart, at): a few characters before the run of
 * blanks that ends at `at` (its longest word and the character that bounds it). The run is
 * walked once per hit; the rest of the line is never read.
 */
function wordBeforeBlanks(source: string, lineStart: number, at: number): number {
  let i = at;
  while (i > lineStart && (source[i - 1] === ' ' || source[i - 1] === '\t')) i--;
  return Math.max(lineStart, i - 8);
}

/** What the TODO checks ask of a line, worked out once per line (a line may hold thousands of hits). */
class LineFacts extends Lines {
  readonly chars: CharIndex;
  private readonly todoLines = new Map<number, boolean>();
  private readonly bulletPrefixes = new Map<number, { start: number; end: number; tags: number[] } | null>();

  constructor(source: string) {
    super(source);
    this.chars = new CharIndex(source);
  }

  /** The line says only "TODO" (or "TODOs"), as a heading or as the line of a section heading. */
  namesTodoList(lineStart: number, lineEnd: number, line: number, model: Postmortem): boolean {
    let known = this.todoLines.get(lineStart);
    if (known === undefined) {
      const raw = this.source.slice(lineStart, lineEnd);
      const lineText = stripMarkup(raw).replace(/^\/\/\s*/, '');
      known = /^(?:TODO|TODOs)[:.]?$/.test(lineText) && (/^[ \t]{0,3}#{1,6}[ \t]/.test(raw) || sectionLines(model).has(line));
      this.todoLines.set(lineStart, known);
    }
    return known;
  }

  /**
   * Whether source[lineStart, at) is a list bullet and nothing else but markup: after
   * "- " or "1. ", only HTML tags, `*_~\`[` and whitespace. The line's clean stretch after
   * its bullet is found once: `at` must lie within it and not inside one of its tags.
   */
  onlyBulletBefore(lineStart: number, at: number): boolean {
    let prefix = this.bulletPrefixes.get(lineStart);
    if (prefix === undefined) {
      prefix = cleanAfterBullet(this.source, lineStart, this.endOf(lineStart));
      this.bulletPrefixes.set(lineStart, prefix);
    }
    if (prefix === null || at < prefix.start || at > prefix.end) return false;
    for (let k = 0; k < prefix.tags.length; k += 2) if (at > prefix.tags[k]! && at < prefix.tags[k + 1]!) return false;
    return true;
  }
}

const BULLET = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const TAG = /<[^<>\n]+>/y;

/**
 * The end of the stretch after a line's bullet that holds only tags (`<[^<>\n]+>`, removed
 * left to right as String.replace would), `*_~\`[` and whitespace, and the tags in it
 * ([start, end) pairs); null when the line opens with no bullet.
 */
function cleanAfterBullet(source: string, lineStart: number, lineEnd: number): { start: number; end: number; tags: number[] } | null {
  const bullet = BULLET.exec(source.slice(lineStart, lineEnd));
  if (bullet === null) return null;
  const tags: number[] = [];
  const start = lineStart + bullet[0].length;
  let i = start;
  while (i < source.length) {
    const c = source[i]!;
    // The original test read the rest with `.`, which stops at these.
    if (c === '\r' || c === '\u2028' || c === '\u2029') break;
    if (c === '<') {
      TAG.lastIndex = i;
      if (!TAG.test(source)) break;
      tags.push(i, TAG.lastIndex);
      i = TAG.lastIndex;
      continue;
    }
    if (c === '\n' || !/[\s*_~`[]/.test(c)) break;
    i++;
  }
  return { start, end: i, tags };
}

interface Piece {
  value: string;
  /** Where the value stands in the source. */
  offset: number;
}

/**
 * Every placeholder in the pieces. In prose a quoted word is a mention; in YAML quotes are
 * only syntax (`title: "TBD"`). The pieces are searched as one text, a line break between
 * each two: no pattern matches a line break, and to their look-arounds and `\b` it is the
 * same as the start or end of a piece. So the matches are those of each piece, but each
 * pattern scans the document once, not each of its (hundreds of) pieces.
 */
function scan(pieces: readonly Piece[], source: string, quotesMention = true, patterns: readonly Pattern[] = PATTERNS): Hit[] {
  const hits: Hit[] = [];
  const joined = pieces.map((piece) => piece.value).join('\n');
  const parens = new CharIndex(joined);
  for (const { kind, re, gate } of patterns) {
    if (gate && !gate(joined)) continue;
    let k = 0; // the piece of the match, and where it starts in `joined`
    let at = 0;
    for (const m of joined.matchAll(re)) {
      while (m.index > at + pieces[k]!.value.length) at += pieces[k++]!.value.length + 1;
      const { value, offset } = pieces[k]!;
      const start = offset + m.index - at;
      const end = start + m[0].length;
      if (FORMAT_NAMES.has(kind) && /[A-WYZa-wyz]/.test(m[0]) && insideParentheses(parens, at, at + value.length, m.index, m.index + m[0].length)) continue;
      if (quotesMention && quoted(source, start, end)) continue;
      hits.push({ kind, text: m[0], start, label: null });
    }
  }
  return hits;
}

/** Frontmatter text and its offset, when the block exists. */
function frontmatterText(model: Postmortem, lineStarts: readonly number[]): { text: string; offset: number } | null {
  const { raw, span } = model.frontmatter;
  if (raw === null || span === null || raw === '') return null;
  const offset = lineStarts[span.start.line];
  if (offset === undefined || model.source.slice(offset, offset + raw.length) !== raw) return null;
  return { text: raw, offset };
}

function isDraft(model: Postmortem): boolean {
  const status = model.frontmatter.data?.['status'];
  return typeof status === 'string' && status.trim().toLowerCase() === 'draft';
}

function message(hit: Hit): string {
  const what = hit.label ? `the ${describeLabel(hit.label)}` : null;
  switch (hit.kind) {
    case 'note':
      return `"${hit.text}" is a note left in the text: finish this part and remove it (work still open belongs in an action item with an owner).`;
    case 'unknown':
    case 'tbd':
      return `Replace "${hit.text}" with ${what ?? 'the actual content'} or remove it: it is a placeholder left from the template.`;
    case 'year':
      return `Replace "${hit.text}" with the actual year: it is a placeholder left from the template.`;
    case 'date':
      return `Replace "${hit.text}" with the actual date: it is a placeholder left from the template.`;
    case 'time':
      return `Replace "${hit.text}" with the actual time: it is a placeholder left from the template.`;
    case 'prompt':
      return `Replace the template prompt "${hit.text}" with ${what ?? 'the content it asks for'}.`;
    case 'variable':
      return `Fill in the template variable "${hit.text}" with ${what ?? 'its value'}.`;
    case 'filler':
      return `Replace the filler text "${hit.text}" with real content.`;
    case 'guidance':
      return `The ${hit.section ?? ''} section holds only the template's guidance ("${hit.text}"): replace it with what it asks for.`;
    case 'not-applicable':
      return `The ${hit.section ?? ''} section holds only "${hit.text}": write what it asks for (even "no customer impact" or "none identified, because …" says something), or remove the heading if your template allows it.`;
  }
}

export default defineRule<{ ignoreDrafts: boolean }>({
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
  docs: {
    rationale:
      'A placeholder left from the template ("TBD", "20XX-XX-XX", "[insert root cause]") means the postmortem was published unfinished, and a reader cannot tell a real gap from a forgotten one. Prose and frontmatter values are read, code is not; upper-case TODO, FIXME, TBD, TBA and TBC count as whole words only ("mastodon" does not), and a word in quotes is a mention, not a placeholder. A Status column value "TODO" in an action-item table is a status, not a placeholder, while "TBD" in its Owner or Due column is. "N/A" as the whole content of a section such as Root Cause is reported, but not in table cells. Format names in parentheses ("Time (HH:MM UTC)") are allowed. Drafts (`status: draft`) are skipped unless `ignoreDrafts` is false.',
    invalid: [
      {
        title: 'a section that holds only the template\'s guidance',
        markdown: '# Outage\n\n## Root Cause\n\n*Describe the root cause and what must change so it cannot happen again.*\n',
        messages: ['The Root Cause section holds only the template\'s guidance ("Describe the root cause and what must change so it cannot…"): replace it with what it asks for.'],
      },
      {
        title: 'TBD owner, X dates, a prompt and a TODO note',
        markdown:
          '# Checkout outage\n\n## Summary\n\nOn 20XX-XX-XX at XX:XX UTC checkout failed. [Insert impact here]\n\n## Root Cause\n\nTODO: confirm with the database team.\n\n## Action Items\n\n| Item | Owner | Due | Status |\n| --- | --- | --- | --- |\n| Add pool alert | TBD | TBD | TODO |\n',
        messages: [
          'Replace "20XX-XX-XX" with the actual date',
          'Replace "XX:XX" with the actual time',
          'Replace the template prompt "[Insert impact here]" with the content it asks for',
          '"TODO" is a note left in the text',
          'Replace "TBD" with the owner or remove it',
          'Replace "TBD" with the due date or remove it',
        ],
      },
      {
        title: 'a root cause that says only N/A, a template variable',
        markdown: '# {{service}} outage\n\n## Root Cause\n\nN/A\n',
        messages: ['Fill in the template variable "{{service}}"', 'The Root Cause section holds only "N/A"'],
      },
    ],
    valid: [
      {
        title: 'words that only look like placeholders, code, a status column, a draft',
        markdown:
          '# Mastodon federation outage\n\n## Timeline (HH:MM UTC)\n\n- 10:05 The template\'s "TBD" fields were filled in.\n- 10:20 Ran `grep -r TODO src/` and `date +%Y-XX`.\n\n## Action Items\n\n| Item | Owner | Status |\n| --- | --- | --- |\n| Add pool alert | @ana | TODO |\n| Log review | @li | N/A |\n',
      },
      {
        title: 'a draft may hold placeholders',
        markdown: '---\nstatus: draft\n---\n# Outage\n\n## Root Cause\n\nTBD\n',
      },
    ],
  },
  check({ model, tree, source, options, report, position, pieces, lineStarts }) {
    if (options.ignoreDrafts && isDraft(model)) return;
    const hits = scan(pieces().filter((piece) => piece.kind === 'prose'), source);
    // "<insert summary>" parses as HTML: read HTML nodes for angle-bracket prompts only.
    const html: Piece[] = [];
    const stack: Nodes[] = source.includes('<') ? [tree] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'html') {
        const start = node.position?.start.offset;
        if (start !== undefined && node.value.includes('<')) html.push({ value: source.slice(start, node.position?.end.offset), offset: start });
        continue;
      }
      if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
    }
    for (const hit of scan(html, source, true, [ANGLE_PROMPT])) hits.push(hit);
    const lines = new LineFacts(source);
    const fm = frontmatterText(model, lineStarts);
    if (fm) {
      for (const hit of scan([{ value: fm.text, offset: fm.offset }], source, false)) {
        const line = source.slice(lines.startOf(hit.start), hit.start);
        hit.label = /^\s*(?:-\s+)?["']?([\w-]+)["']?\s*:/.exec(line)?.[1] ?? null;
        hits.push(hit);
      }
    }

    const cells = hits.length > 0 ? tableCells(tree, source).sort((a, b) => a.start - b.start) : [];
    const sections = [...model.sections].sort((a, b) => a.bodyStart - b.bodyStart);
    const lineOf = (offset: number): number => position(offset).line;
    const cellTexts = new Map<Cell, string>();
    const cellTextOf = (cell: Cell): string => {
      let text = cellTexts.get(cell);
      if (text === undefined) cellTexts.set(cell, (text = stripMarkup(source.slice(cell.start, cell.end).replace(/^\|/, '').replace(/\|$/, ''))));
      return text;
    };
    let todoItems: number | undefined; // counted for the first TODO
    const todoItemsOf = (): number => (todoItems ??= (source.match(TODO_LIST_ITEM) ?? []).length);
    const kept: Hit[] = [];
    for (const hit of hits) {
      if (fm && hit.start >= fm.offset && hit.start < fm.offset + fm.text.length) {
        kept.push(hit);
        continue;
      }
      const cell = containing(cells, hit.start, (c) => c.start, (c) => c.end);
      const cellText = cell ? cellTextOf(cell) : null;
      const section = containing(sections, hit.start, (c) => c.bodyStart, (c) => c.bodyEnd);
      if (hit.kind === 'note' && hit.text === 'TODO' && todoIsNotANote(hit, source, model, cell ?? null, cellText, todoItemsOf(), lineOf, section, lines)) continue;
      if (hit.kind === 'unknown' && !(cellText === hit.text || (!cell && lineLabel(source, hit.start, lines)))) continue;
      hit.label = cell ? cell.header || null : lineLabel(source, hit.start, lines);
      kept.push(hit);
    }

    // A content section whose whole body is "N/A".
    for (const section of model.sections) {
      if (!CONTENT_KINDS.has(section.kind) || section.empty) continue;
      const body = source.slice(section.bodyStart, section.bodyEnd);
      // Six characters of text, and no comment to remove: longer than any "N/A".
      if (!body.includes('<!--') && /^(?:[\s*_>`]*[^\s*_>`]){6}/.test(body)) continue;
      const text = body.replace(/<!--[\s\S]*?-->/g, '').replace(/[*_>`]/g, '').trim();
      if (!NOT_APPLICABLE.test(text)) continue;
      const at = section.bodyStart + Math.max(0, body.search(/N\/A|n\/a|NA|N\.A\./));
      kept.push({ kind: 'not-applicable', text, start: at, label: null, section: section.heading });
    }

    // A content section whose whole body is the template's guidance.
    for (const section of model.sections) {
      if (!CONTENT_KINDS.has(section.kind) || section.empty || section.kind === 'timeline') continue;
      const body = source.slice(section.bodyStart, section.bodyEnd);
      const text = body.replace(/<!--[\s\S]*?-->/g, '').replace(/[*_>`#]/g, '').replace(/\s+/g, ' ').trim();
      if (text === '' || text.split(' ').length > GUIDANCE_WORDS || !GUIDANCE_START.test(text)) continue;
      // One paragraph only: guidance followed by the writer's own text is a kept prompt, not an empty section.
      if (/\n[ \t]*\n[ \t]*\S/.test(body.trim())) continue;
      const at = section.bodyStart + Math.max(0, body.search(/\S/));
      const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
      kept.push({ kind: 'guidance', text: shown, start: at, label: null, section: section.heading });
    }

    kept.sort((a, b) => a.start - b.start || b.text.length - a.text.length);
    let reachedTo = -1;
    for (const hit of kept) {
      // Two patterns can find the same text ("[SERVICE NAME]"): report it once.
      if (hit.start < reachedTo) continue;
      reachedTo = hit.start + hit.text.length;
      report({ message: message(hit), start: hit.start, end: hit.start + hit.text.length });
    }
  },
});
