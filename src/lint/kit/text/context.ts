// What stands around a hit in the text: its clause, its quotes, its parentheses, the hits
// before it. Each helper reads a bounded stretch or an index built once, never the whole
// text per hit (thousands of hits on one line would make that quadratic).
import type { TextPiece } from '../prose.ts';
import type { CharIndex } from './positions.ts';

const proseTexts = new WeakMap<readonly TextPiece[], string>();

/**
 * The source with everything that is not prose blanked out (code, HTML, link targets,
 * Markdown punctuation), line breaks kept: offsets in it are offsets in the source. Built
 * once per document (keyed by its pieces) for every rule that reads it.
 */
export function proseText(source: string, pieces: readonly TextPiece[]): string {
  let text = proseTexts.get(pieces);
  if (text === undefined) proseTexts.set(pieces, (text = blankAllBut(source, pieces)));
  return text;
}

function blankAllBut(source: string, pieces: readonly TextPiece[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'prose' || piece.offset < cursor) continue;
    parts.push(blank(source, cursor, piece.offset), piece.value);
    cursor = piece.offset + piece.value.length;
  }
  parts.push(blank(source, cursor, source.length));
  return parts.join('');
}

/** Spaces for every character of source[from, to) but newlines, so offsets and lines stay where they were. */
function blank(source: string, from: number, to: number): string {
  let out = '';
  let at = from;
  for (let nl = source.indexOf('\n', at); nl !== -1 && nl < to; nl = source.indexOf('\n', at)) {
    out += `${' '.repeat(nl - at)}\n`;
    at = nl + 1;
  }
  return out + ' '.repeat(to - at);
}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»' };

/** Whether text[start, end) stands between a pair of quotes ("careless", 'TBD', “x”): a mention, not a use. */
export function isQuoted(text: string, start: number, end: number): boolean {
  const close = QUOTES[text[start - 1] ?? ''];
  return close !== undefined && close === text[end];
}

/**
 * Where the clause before `start` begins: after the last paragraph break, after the last
 * `stop` ("." or ". "), or `reach` characters back, whichever is latest. Only those `reach`
 * characters are searched.
 */
export function clauseStart(text: string, start: number, reach: number, stop: string): number {
  const from = Math.max(0, start - reach);
  // A break or stop that begins at or before `start` (as lastIndexOf from `start` finds them).
  const window = text.slice(from, start + stop.length + 1);
  const lastBreak = window.lastIndexOf('\n\n', start - from);
  // ("." is looked for before `start`, ". " at or before it; one found before `from` cannot win.)
  const stopAt = stop === '.' ? start - 1 : start;
  const lastStop = stopAt < from && from > 0 ? -1 : window.lastIndexOf(stop, stopAt - from);
  return Math.max(lastBreak === -1 ? 0 : from + lastBreak, lastStop === -1 ? 0 : from + lastStop + 1, from);
}

/** The characters earlier hits cover: whether a new one overlaps any, in time linear in its length. */
export class CoveredRanges {
  private readonly length: number;
  private covered: Uint8Array | null = null;
  /** Empty ranges cover no character, but one strictly inside a new range overlaps it. */
  private readonly empty: number[] = [];
  /** Every range, for an empty new one (no pattern gives one, but the test is exact). */
  private readonly ranges: { start: number; end: number }[] = [];

  constructor(length: number) {
    this.length = length;
  }

  overlaps(start: number, end: number): boolean {
    if (start === end) return this.ranges.some((r) => r.start < end && start < r.end);
    if (this.empty.some((at) => start < at && at < end)) return true;
    if (this.covered === null) return false;
    for (let i = start; i < end; i++) if (this.covered[i] === 1) return true;
    return false;
  }

  add(start: number, end: number): void {
    this.ranges.push({ start, end });
    if (start === end) {
      this.empty.push(start);
      return;
    }
    this.covered ??= new Uint8Array(this.length);
    this.covered.fill(1, start, end);
  }
}

/** The entry of a list sorted by start whose [start, end) holds `offset`, by binary search. */
export function containing<T>(sorted: readonly T[], offset: number, start: (t: T) => number, end: (t: T) => number): T | undefined {
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

/** Whether text[start, end) stands inside parentheses ("(HH:MM UTC)"), looking only within [from, to). */
export function insideParentheses(parens: CharIndex, from: number, to: number, start: number, end: number): boolean {
  const open = parens.prev('(', start, from);
  const close = parens.next(')', end, to);
  return open !== -1 && close !== -1 && parens.next(')', open + 1, start) === -1 && parens.next('(', end, close) === -1;
}

/** The text without HTML tags and Markdown marks (`*_~\`#>`), trimmed. */
export function stripMarkup(text: string): string {
  // (A tag holds no "<": else each "<" of a long run of them would scan to the line's end.)
  return text.replace(/<[^<>\n]*>|[*_~`#>]/g, '').trim();
}
