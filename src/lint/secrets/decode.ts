// The text a Markdown renderer shows for a source: backslash escapes of ASCII punctuation
// dropped ("ghp\_…" shows as "ghp_…", as document exporters write underscores) and
// character references decoded ("&#x47;" shows as "G"). A credential written in either form
// is published in clear, so it is looked for in the decoded text too. Code spans and blocks
// are decoded as well: a reader of the raw file sees the same characters either way.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

export interface DecodedText {
  text: string;
  /** The source offset where the decoded character at `index` comes from (`index` = text.length: the source's end). */
  toSource(index: number): number;
  /** The source offset just after the decoded character at `index - 1` (an end offset). */
  toSourceEnd(index: number): number;
  /** Whether a source range holds at least one escape or reference. */
  touchesEdit(start: number, end: number): boolean;
}

const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const ESCAPE_OR_REFERENCE = /\\[!-/:-@[-`{-~]|&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function decodeOne(match: string): string | null {
  if (match.charCodeAt(0) === 92 /* \ */) return match.slice(1);
  const body = match.slice(1, -1);
  if (body.charCodeAt(0) !== 35 /* # */) {
    const named = decodeNamedCharacterReference(body);
    return named === false ? null : named;
  }
  // micromark's own decoding: controls, surrogates and noncharacters stand for U+FFFD.
  const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
  return decodeNumericCharacterReference(body.slice(hex ? 2 : 1), hex ? 16 : 10);
}

/**
 * Each place where the decoded text differs from the source, as four numbers (flat, so that
 * a text of thousands of escapes makes no object per escape): where it starts in the source
 * and in the decoded text, and how long it is in each.
 */
function editsOf(source: string): number[] {
  const edits: number[] = [];
  let shift = 0;
  ESCAPE_OR_REFERENCE.lastIndex = 0;
  for (let m = ESCAPE_OR_REFERENCE.exec(source); m !== null; m = ESCAPE_OR_REFERENCE.exec(source)) {
    const decoded = decodeOne(m[0]);
    if (decoded === null) continue;
    edits.push(m.index, m.index - shift, m[0].length, decoded.length);
    shift += m[0].length - decoded.length;
  }
  return edits;
}

/** The decoded text and its way back to the source, or null when nothing is escaped or encoded. */
export function decodeMarkdownText(source: string): DecodedText | null {
  if (!source.includes('\\') && !source.includes('&')) return null;
  let text: string;
  if (source.includes('&')) {
    text = source.replace(ESCAPE_OR_REFERENCE, (match) => decodeOne(match) ?? match);
  } else {
    // Escapes only: the engine's own replacement, without a call per escape.
    text = source.replace(ESCAPE, '$1');
  }
  if (text === source) return null;
  // The way back is needed only for a credential found in the decoded text (seldom): built then.
  let table: number[] | null = null;
  const edits = (): number[] => (table ??= editsOf(source));
  const count = (): number => edits().length / 4;
  const sourceAt = (i: number): number => edits()[4 * i]!;
  const decodedAt = (i: number): number => edits()[4 * i + 1]!;
  const sourceEnd = (i: number): number => edits()[4 * i]! + edits()[4 * i + 2]!;
  const decodedEnd = (i: number): number => edits()[4 * i + 1]! + edits()[4 * i + 3]!;

  /** The first edit for which `after(i)` holds (they are sorted), or count(). */
  const first = (after: (i: number) => boolean): number => {
    let low = 0;
    let high = count();
    while (low < high) {
      const mid = (low + high) >> 1;
      if (after(mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const toSource = (index: number): number => {
    const i = first((e) => decodedAt(e) > index) - 1;
    if (i < 0) return index;
    if (index < decodedEnd(i)) return sourceAt(i);
    return sourceEnd(i) + (index - decodedEnd(i));
  };
  const toSourceEnd = (index: number): number => {
    if (index === 0) return 0;
    const i = first((e) => decodedAt(e) > index - 1) - 1;
    if (i < 0) return index;
    if (index - 1 < decodedEnd(i)) return sourceEnd(i);
    return sourceEnd(i) + (index - decodedEnd(i));
  };
  const touchesEdit = (start: number, end: number): boolean => {
    const i = first((e) => sourceEnd(e) > start);
    return i < count() && sourceAt(i) < end;
  };
  return { text, toSource, toSourceEnd, touchesEdit };
}
