// The inline content of the block reader's paragraphs, headings and table cells. In a document
// that may define labels (`[label]: …`), every run is read at the end, once each definition is
// known: a reference may come before the definition it names. Elsewhere each is read at once.
import type { Paragraph, PhrasingContent } from 'mdast';
import { giveUp } from './block-lines.ts';
import type { LineSpan } from './inline-lines.ts';
import type { PositionTable } from './positions.ts';

/** The inline reader the block reader calls (the real one, or a test's stand-in). */
export type InlineReader = (
  source: string,
  lines: readonly LineSpan[],
  at: PositionTable,
  options?: { defined?: ReadonlySet<string> },
) => PhrasingContent[] | undefined;

interface Run {
  lines: readonly LineSpan[];
  children: PhrasingContent[];
  /** Called with the children once read. */
  onRead?: (children: PhrasingContent[]) => void;
}

export class InlineRuns {
  /** The labels the document defines (normalized). */
  readonly defined = new Set<string>();
  private readonly deferred: Run[] | null;
  private readonly source: string;
  private readonly at: PositionTable;
  private readonly inline: InlineReader;

  constructor(source: string, at: PositionTable, inline: InlineReader, mayDefine: boolean) {
    this.source = source;
    this.at = at;
    this.inline = inline;
    this.deferred = mayDefine ? [] : null;
  }

  /** The phrasing content of `lines`: read now, or an array filled in by finish(). */
  readonly of = (lines: readonly LineSpan[]): PhrasingContent[] => {
    if (!this.deferred) return this.inline(this.source, lines, this.at) ?? giveUp();
    const children: PhrasingContent[] = [];
    this.deferred.push({ lines, children });
    return children;
  };

  /**
   * A paragraph of `lines`. A task's paragraph (its box the 4 characters before) starts at the
   * box unless its content starts with text, as mdast-util-gfm-task-list-item places it.
   */
  paragraph(lines: readonly LineSpan[], task: boolean): Paragraph {
    const children = this.of(lines);
    const start = (lines[0] as LineSpan).start;
    const position = { start: this.at.point(start), end: this.at.point((lines[lines.length - 1] as LineSpan).end) };
    if (task) {
      const box = this.at.point(start - 4);
      const place = (read: PhrasingContent[]): void => {
        if (read[0]?.type !== 'text') position.start = box;
      };
      if (this.deferred) (this.deferred[this.deferred.length - 1] as Run).onRead = place;
      else place(children);
    }
    return { type: 'paragraph', children, position };
  }

  /** Reads the deferred runs, references resolved against every definition. */
  finish(): void {
    if (!this.deferred) return;
    const options = { defined: this.defined };
    for (const run of this.deferred) {
      const children = this.inline(this.source, run.lines, this.at, options) ?? giveUp();
      for (const child of children) run.children.push(child);
      run.onRead?.(run.children);
    }
  }
}
