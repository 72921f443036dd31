// Whether a "TODO" names a to-do rather than leaving a note: a mention ("like a TODO", "TODO
// list"), a heading that names a list, a status in a table ("**TODO**" beside "**DONE**"),
// the label of a corrective measure, or one of several list items labelled TODO. What it asks
// of a line or of the document is worked out once: a line may hold thousands of TODOs.
import type { Postmortem, Section } from '../../../core/model.ts';
import { MENTION_WORDS, VALUE_HEADERS } from '../words/placeholders.ts';
import { stripMarkup } from './context.ts';
import { LineContext, wordBeforeBlanks } from './lines.ts';
import { phraseAlternation } from './phrases.ts';

/** "a TODO", "the TODO", "each TODO": a mention. */
const MENTION_BEFORE = new RegExp(String.raw`\b${phraseAlternation(MENTION_WORDS, { regex: true, space: ' ' })}[ \t]+$`, 'i');
// Columns where "TODO" would stand for a missing value, not for the item's state.
const VALUE_HEADER = new RegExp(`^${phraseAlternation(VALUE_HEADERS, { regex: true, space: ' ' })}$`, 'i');
// "- **TODO**: …" list items: two or more make a to-do list, not notes.
// (Each mark is one character of the class: "**" as one alternative beside "*" would let a
// run of stars split 2^n ways when TODO does not follow.)
const TODO_LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:<[^>\n]+>|[*_~`[])*TODO\b/gm;

/** Where a TODO stands: its table cell (header and text without markup) and its section. */
export interface TodoPlace {
  start: number;
  /** The line's number (1-based), as the model numbers section headings. */
  line: number;
  cell: { header: string; text: string } | null;
  section: Section | undefined;
}

export class TodoReading extends LineContext {
  private readonly model: Postmortem;
  private readonly todoLines = new Map<number, boolean>();
  private headingLines: Set<number> | null = null;
  private todoItems: number | null = null;

  constructor(model: Postmortem) {
    super(model.source);
    this.model = model;
  }

  /** Whether the "TODO" at `place` names a to-do (see the file's comment) rather than leaving a note. */
  namesATodo({ start, line, cell, section }: TodoPlace): boolean {
    const source = this.model.source;
    const end = start + 'TODO'.length;
    const lineStart = this.startOf(start);
    const lineEnd = this.endOf(start);
    if (MENTION_BEFORE.test(source.slice(wordBeforeBlanks(source, lineStart, start), start))) return true;
    if (/^[*_ \t-]*lists?\b/i.test(source.slice(end, lineEnd))) return true;
    // A heading that names the list: "## TODO", "**TODO:**" (not "## TODO: write this").
    if (this.namesTodoList(lineStart, lineEnd, line)) return true;
    // "TODO" as the cell's value or its last word ("Bug 5554823 **TODO**"): the item's state.
    if (cell) return !VALUE_HEADER.test(cell.header) && /(?:^|\s)TODO$/.test(cell.text);
    // A corrective measure's label, with the measure after it (on its line or below).
    if (section?.kind === 'corrective-measures' && this.hasTextAfter(end, lineEnd, section.bodyEnd)) return true;
    // "- TODO" as one of several list items: the label of the to-dos below it.
    return this.listItems() >= 2 && this.onlyBulletBefore(lineStart, start);
  }

  /** The line says only "TODO" (or "TODOs"), as a heading or as the line of a section heading. */
  private namesTodoList(lineStart: number, lineEnd: number, line: number): boolean {
    let known = this.todoLines.get(lineStart);
    if (known === undefined) {
      const raw = this.model.source.slice(lineStart, lineEnd);
      const lineText = stripMarkup(raw).replace(/^\/\/\s*/, '');
      this.headingLines ??= new Set(this.model.sections.map((s) => s.line));
      known = /^(?:TODO|TODOs)[:.]?$/.test(lineText) && (/^[ \t]{0,3}#{1,6}[ \t]/.test(raw) || this.headingLines.has(line));
      this.todoLines.set(lineStart, known);
    }
    return known;
  }

  /** "- **TODO**: …" items in the document (counted for the first TODO). */
  private listItems(): number {
    return (this.todoItems ??= (this.model.source.match(TODO_LIST_ITEM) ?? []).length);
  }
}
