// The text a Markdown renderer shows for a source: backslash escapes of ASCII punctuation
// dropped ("ghp\_…" shows as "ghp_…", as document exporters write underscores) and
// character references decoded ("&#x47;" shows as "G"). A credential written in either form
// is published in clear, so it is looked for in the decoded text too. Code spans and blocks
// are decoded as well: a reader of the raw file sees the same characters either way.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/** One place where the decoded text differs from the source. */
interface Edit {
  /** Where it starts in the source and in the decoded text. */
  source: number;
  decoded: number;
  /** How long it is in each. */
  sourceLength: number;
  decodedLength: number;
}

export interface DecodedText {
  text: string;
  /** The source offset where the decoded character at `index` comes from (`index` = text.length: the source's end). */
  toSource(index: number): number;
  /** The source offset just after the decoded character at `index - 1` (an end offset). */
  toSourceEnd(index: number): number;
  /** Whether a source range holds at least one escape or reference. */
  touchesEdit(start: number, end: number): boolean;
}

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

/** The decoded text and its way back to the source, or null when nothing is escaped or encoded. */
export function decodeMarkdownText(source: string): DecodedText | null {
  if (!source.includes('\\') && !source.includes('&')) return null;
  const edits: Edit[] = [];
  let text = '';
  let last = 0;
  ESCAPE_OR_REFERENCE.lastIndex = 0;
  for (let m = ESCAPE_OR_REFERENCE.exec(source); m !== null; m = ESCAPE_OR_REFERENCE.exec(source)) {
    const decoded = decodeOne(m[0]);
    if (decoded === null) continue;
    text += source.slice(last, m.index);
    edits.push({ source: m.index, decoded: text.length, sourceLength: m[0].length, decodedLength: decoded.length });
    text += decoded;
    last = m.index + m[0].length;
  }
  if (edits.length === 0) return null;
  text += source.slice(last);

  /** The last edit that starts at or before decoded `index`, or -1. */
  const editAt = (index: number): number => {
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edits[mid]!.decoded <= index) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  };
  const toSource = (index: number): number => {
    const i = editAt(index);
    if (i < 0) return index;
    const e = edits[i]!;
    if (index < e.decoded + e.decodedLength) return e.source;
    return e.source + e.sourceLength + (index - e.decoded - e.decodedLength);
  };
  const toSourceEnd = (index: number): number => {
    if (index === 0) return 0;
    const i = editAt(index - 1);
    if (i < 0) return index;
    const e = edits[i]!;
    if (index - 1 < e.decoded + e.decodedLength) return e.source + e.sourceLength;
    return e.source + e.sourceLength + (index - e.decoded - e.decodedLength);
  };
  const touchesEdit = (start: number, end: number): boolean => {
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edits[mid]!.source + edits[mid]!.sourceLength <= start) low = mid + 1;
      else high = mid;
    }
    return low < edits.length && edits[low]!.source < end;
  };
  return { text, toSource, toSourceEnd, touchesEdit };
}
