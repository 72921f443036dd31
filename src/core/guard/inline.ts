// Inline cost as the guard counts it: CommonMark's flanking classes, the markers the parser
// pairs, merges or scans from, the weight of each, and a forward-only finder for the scans.
import { TAB, LF, CR, SPACE } from './chars.ts';

/** ASCII punctuation, as CommonMark counts it for flanking. */
export const ASCII_PUNCTUATION = new Uint8Array(128);
for (const c of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') ASCII_PUNCTUATION[c.charCodeAt(0)] = 1;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const UNICODE_WHITESPACE = /\s/u;

/** 0 whitespace (or a line's edge), 1 punctuation, 2 other: CommonMark's classes for flanking. */
export function classOf(code: number): 0 | 1 | 2 {
  if (code < 0 || code === SPACE || code === TAB || code === LF || code === CR) return 0;
  if (code < 128) return ASCII_PUNCTUATION[code] ? 1 : 2;
  const char = String.fromCharCode(code);
  if (UNICODE_WHITESPACE.test(char)) return 0;
  // A surrogate half reads as "other"; micromark reads the code point, which is near enough.
  return UNICODE_PUNCTUATION.test(char) ? 1 : 2;
}

/** What the inline scan counts (switch in InlineCost.readLine), or a line's end that stops it. */
export const INLINE_MARKER = /[*_~`<[\]!&\\\n\r]/g;
/** Per token walked back by an emphasis closer with no opener, and per token re-resolved by a pairing. */
export const WALK_WEIGHT = 2;
export const PAIR_WEIGHT = 3;
/** Per character an unclosed HTML comment, instruction or tag scans forward. */
export const SCAN_WEIGHT = 2;
/**
 * Per token after a pairing or a merge, to the paragraph's end. Each emphasis or
 * strikethrough pair the parser matches, and each stretch of plain text it merges (text
 * left over where a `]`, `!`, `&`, `<`, `\\` or backtick opened nothing), rewrites the
 * paragraph's events from that place on (an array splice): thousands of them in one paragraph
 * cost their number times the paragraph's length (`*a* ` 25,000 times, 100 KB: 2.5 s).
 */
export const SPLICE_WEIGHT = 1;

/** The parser's tokens per inline marker counted (and per line ending of a paragraph). */
export const INLINE_TOKENS = 3;

/** What the parser pairs or merges, as a finding names it. */
export const MARKER_NAMES: Record<string, string> = {
  '*': 'emphasis (*)',
  _: 'emphasis (_)',
  '~': 'strikethrough (~)',
  '`': 'backtick (`)',
  '<': 'HTML (<)',
  ']': 'bracket (])',
  '!': 'exclamation mark (!)',
  '&': 'ampersand (&)',
  '\\': 'backslash (\\)',
};

export interface Run {
  /** Token count at the run, within its paragraph. */
  at: number;
  length: number;
  canClose: boolean;
}

/**
 * Forward searches that only ever move forward: the next `needle` at or after `from`, for
 * `from` growing across calls, in linear time overall.
 */
export class Finder {
  private from = -1;
  private found = -1;
  private readonly source: string;
  private readonly needle: string;
  constructor(source: string, needle: string) {
    this.source = source;
    this.needle = needle;
  }
  next(from: number): number {
    if (this.from !== -1 && this.from <= from && (this.found === -1 || this.found >= from)) return this.found;
    this.from = from;
    this.found = this.source.indexOf(this.needle, from);
    return this.found;
  }
}
