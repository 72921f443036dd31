// The inline reader's scanners: each reads one construct at a source offset exactly as
// micromark's tokenizer of that construct does (micromark-core-commonmark: character
// reference, autolink, html-text, label-end's resource, factory-destination/title), within
// one line's content. `GIVE_UP` means "micromark would read on past this line ending", which
// this reader does not follow: the caller then gives up on the whole run.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

export const GIVE_UP = -2;
export const NO_MATCH = -1;

/** micromark's character groups, for the delimiter runs' flanking. */
export const OTHER = 0;
export const WHITESPACE = 1;
export const PUNCTUATION = 2;

const ASCII_GROUP = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  ASCII_GROUP[code] = /\s/.test(char) ? WHITESPACE : /\p{P}|\p{S}/u.test(char) ? PUNCTUATION : OTHER;
}

/** micromark's classifyCharacter for one UTF-16 code unit (as micromark sees astral characters). */
export function characterGroup(code: number): number {
  if (code < 128) return ASCII_GROUP[code] as number;
  const char = String.fromCharCode(code);
  return /\s/.test(char) ? WHITESPACE : /\p{P}|\p{S}/u.test(char) ? PUNCTUATION : OTHER;
}

export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiAlpha(code) || isAsciiDigit(code);
}

function isAsciiHexDigit(code: number): boolean {
  return isAsciiDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

export function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** Result of scanCharacterReference: the decoded text, the offset after the `;`. */
export interface Decoded {
  value: string;
  end: number;
}

/** `&name;`, `&#123;`, `&#x1F;` at `at` (a `&`), or undefined when it is plain text. */
export function scanCharacterReference(source: string, at: number, end: number): Decoded | undefined {
  let index = at + 1;
  let max = 31;
  let base = 0;
  if (source.charCodeAt(index) === 35) {
    index++;
    const code = source.charCodeAt(index);
    if (code === 88 || code === 120) {
      index++;
      max = 6;
      base = 16;
    } else {
      max = 7;
      base = 10;
    }
  }
  const valueStart = index;
  for (; index < end; index++) {
    const code = source.charCodeAt(index);
    if (code === 59) break;
    if (index - valueStart >= max) return undefined;
    if (base === 16 ? !isAsciiHexDigit(code) : base === 10 ? !isAsciiDigit(code) : !isAsciiAlphanumeric(code)) return undefined;
  }
  if (index >= end || index === valueStart) return undefined;
  const raw = source.slice(valueStart, index);
  if (base) return { value: decodeNumericCharacterReference(raw, base), end: index + 1 };
  const named = decodeNamedCharacterReference(raw);
  return named === false ? undefined : { value: named, end: index + 1 };
}

/** Backslash escapes and character references decoded, as micromark's `string` content does (urls, titles). */
export function decodeString(source: string, start: number, end: number): string {
  let value = '';
  let plainFrom = start;
  for (let index = start; index < end; index++) {
    const code = source.charCodeAt(index);
    if (code === 92 && index + 1 < end && isAsciiPunctuation(source.charCodeAt(index + 1))) {
      value += source.slice(plainFrom, index) + source[index + 1];
      index++;
      plainFrom = index + 1;
    } else if (code === 38) {
      const reference = scanCharacterReference(source, index, end);
      if (reference) {
        value += source.slice(plainFrom, index) + reference.value;
        index = reference.end - 1;
        plainFrom = reference.end;
      }
    }
  }
  return plainFrom === start ? source.slice(start, end) : value + source.slice(plainFrom, end);
}

/** `<scheme:…>` or `<a@b.c>` at `at` (a `<`): the offset after the `>`, or NO_MATCH. */
export function scanAutolink(source: string, at: number, end: number): { end: number; email: boolean } | undefined {
  let index = at + 1;
  const first = source.charCodeAt(index);
  if (index >= end || first === 64) return undefined;
  if (isAsciiAlpha(first)) {
    // A scheme: 2 to 32 of [A-Za-z0-9+.-], then `:`.
    let size = 1;
    index++;
    while (index < end) {
      const code = source.charCodeAt(index);
      if (code === 58 && size >= 2) {
        for (index++; index < end; index++) {
          const inside = source.charCodeAt(index);
          if (inside === 62) return { end: index + 1, email: false };
          if (inside === 32 || inside === 60 || inside < 32 || inside === 127) return undefined;
        }
        return undefined;
      }
      if (size < 32 && (code === 43 || code === 45 || code === 46 || isAsciiAlphanumeric(code))) {
        size++;
        index++;
      } else break;
    }
  }
  return scanEmail(source, index, end);
}

function scanEmail(source: string, from: number, end: number): { end: number; email: boolean } | undefined {
  let index = from;
  while (index < end && isEmailAtext(source.charCodeAt(index))) index++;
  if (index >= end || source.charCodeAt(index) !== 64) return undefined;
  index++;
  for (;;) {
    // One label: alphanumeric, then up to 62 more of [A-Za-z0-9-], ending alphanumeric.
    if (index >= end || !isAsciiAlphanumeric(source.charCodeAt(index))) return undefined;
    let size = 0;
    for (;;) {
      const code = source.charCodeAt(index);
      if (index < end && (code === 45 || isAsciiAlphanumeric(code)) && size++ < 63) {
        index++;
        if (code === 45) continue;
        const next = source.charCodeAt(index);
        if (index < end && next === 46) {
          index++;
          break;
        }
        if (index < end && next === 62) return { end: index + 1, email: true };
        continue;
      }
      return undefined;
    }
  }
}

function isEmailAtext(code: number): boolean {
  // micromark's asciiAtext: [#-'*+\--9=?A-Z^-~]
  return (
    (code >= 35 && code <= 39) ||
    code === 42 ||
    code === 43 ||
    (code >= 45 && code <= 57) ||
    code === 61 ||
    code === 63 ||
    (code >= 65 && code <= 90) ||
    (code >= 94 && code <= 126)
  );
}

/**
 * Inline HTML at `at` (a `<`): the offset after its `>`, NO_MATCH, or GIVE_UP when it reaches
 * the end of a line that is not the run's last (micromark would read on into the next line).
 */
export function scanHtml(source: string, at: number, end: number, lastLine: boolean): number {
  const past = lastLine ? NO_MATCH : GIVE_UP;
  let index = at + 1;
  if (index >= end) return past;
  let code = source.charCodeAt(index);
  if (code === 33) {
    index++;
    if (index >= end) return past;
    code = source.charCodeAt(index);
    if (code === 45) return scanComment(source, index + 1, end, past);
    if (code === 91) return scanUntil(source, index + 1, end, past, 'CDATA[', ']]>');
    if (isAsciiAlpha(code)) return scanUntil(source, index, end, past, '', '>');
    return NO_MATCH;
  }
  if (code === 63) return scanUntil(source, index + 1, end, past, '', '?>');
  if (code === 47) {
    index++;
    if (index >= end) return past;
    if (!isAsciiAlpha(source.charCodeAt(index))) return NO_MATCH;
    while (index < end && isTagNameCharacter(source.charCodeAt(index))) index++;
    while (index < end && isSpaceOrTab(source.charCodeAt(index))) index++;
    if (index >= end) return past;
    return source.charCodeAt(index) === 62 ? index + 1 : NO_MATCH;
  }
  if (!isAsciiAlpha(code)) return NO_MATCH;
  while (index < end && isTagNameCharacter(source.charCodeAt(index))) index++;
  if (index >= end) return past;
  code = source.charCodeAt(index);
  if (code !== 47 && code !== 62 && !isSpaceOrTab(code)) return NO_MATCH;
  return scanAttributes(source, index, end, past);
}

function isTagNameCharacter(code: number): boolean {
  return code === 45 || isAsciiAlphanumeric(code);
}

function scanComment(source: string, from: number, end: number, past: number): number {
  // After `<!-`: a second `-`, then anything up to `-->` (`<!-->` and `<!--->` included).
  if (from >= end) return past;
  if (source.charCodeAt(from) !== 45) return NO_MATCH;
  let dashes = 2;
  for (let index = from + 1; index < end; index++) {
    const code = source.charCodeAt(index);
    if (code === 62 && dashes >= 2) return index + 1;
    dashes = code === 45 ? dashes + 1 : 0;
  }
  return past;
}

function scanUntil(source: string, from: number, end: number, past: number, opening: string, closing: string): number {
  let index = from;
  for (let k = 0; k < opening.length; k++, index++) {
    if (index >= end) return past;
    if (source.charCodeAt(index) !== opening.charCodeAt(k)) return NO_MATCH;
  }
  const found = indexWithin(source, closing, index, end);
  return found === -1 ? past : found + closing.length;
}

function scanAttributes(source: string, from: number, end: number, past: number): number {
  let index = from;
  for (;;) {
    let spaced = false;
    while (index < end && isSpaceOrTab(source.charCodeAt(index))) {
      index++;
      spaced = true;
    }
    if (index >= end) return past;
    let code = source.charCodeAt(index);
    if (code === 47) {
      if (index + 1 >= end) return past;
      return source.charCodeAt(index + 1) === 62 ? index + 2 : NO_MATCH;
    }
    if (code === 62) return index + 1;
    if (!spaced || !(code === 58 || code === 95 || isAsciiAlpha(code))) return NO_MATCH;
    index++;
    while (index < end && isAttributeNameCharacter(source.charCodeAt(index))) index++;
    let afterName = index;
    while (index < end && isSpaceOrTab(source.charCodeAt(index))) index++;
    if (index >= end) return past;
    if (source.charCodeAt(index) !== 61) {
      // No value: what follows the name's whitespace is read as the next attribute or the end.
      index = afterName;
      continue;
    }
    index++;
    while (index < end && isSpaceOrTab(source.charCodeAt(index))) index++;
    if (index >= end) return past;
    code = source.charCodeAt(index);
    if (code === 60 || code === 61 || code === 62 || code === 96) return NO_MATCH;
    if (code === 34 || code === 39) {
      const close = indexWithin(source, code === 34 ? '"' : "'", index + 1, end);
      if (close === -1) return past;
      index = close + 1;
      if (index >= end) return past;
      code = source.charCodeAt(index);
      if (code !== 47 && code !== 62 && !isSpaceOrTab(code)) return NO_MATCH;
    } else {
      while (index < end) {
        code = source.charCodeAt(index);
        if (code === 34 || code === 39 || code === 60 || code === 61 || code === 96) return NO_MATCH;
        if (code === 47 || code === 62 || isSpaceOrTab(code)) break;
        index++;
      }
      if (index >= end) return past;
    }
    afterName = index;
  }
}

/** Where `needle` starts wholly before `end`, searching from `from`; -1 if nowhere (never reads past the line). */
function indexWithin(source: string, needle: string, from: number, end: number): number {
  const first = needle.charCodeAt(0);
  for (let index = from; index + needle.length <= end; index++) {
    if (source.charCodeAt(index) === first && source.startsWith(needle, index)) return index;
  }
  return -1;
}

function isAttributeNameCharacter(code: number): boolean {
  return code === 45 || code === 46 || code === 58 || code === 95 || isAsciiAlphanumeric(code);
}

export function skipSpaces(source: string, from: number, end: number): number {
  let index = from;
  while (index < end && isSpaceOrTab(source.charCodeAt(index))) index++;
  return index;
}

/** Longer labels micromark refuses (999 characters; the margin keeps clear of how it counts). */
const MAX_LABEL = 990;

/** scanLabel's answer when the label does not close on its line. */
export const LABEL_OPEN = -3;

/**
 * A link label's content from `from` (after its `[`) on a line ending at `end`, as micromark's
 * factoryLabel reads it: the offset of its `]`; NO_MATCH for a `[` inside or nothing but spaces;
 * LABEL_OPEN when the line ends first (it may close on a later one); GIVE_UP when too long.
 */
export function scanLabel(source: string, from: number, end: number): number {
  let seen = false;
  for (let i = from; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === 93) return seen ? i : NO_MATCH;
    if (code === 91) return NO_MATCH;
    if (!isSpaceOrTab(code)) seen = true;
    if (code === 92) {
      const next = source.charCodeAt(i + 1);
      if (i + 1 < end && (next === 91 || next === 92 || next === 93)) i++;
    }
    if (i - from >= MAX_LABEL) return GIVE_UP;
  }
  return LABEL_OPEN;
}

/** A destination's source (`from`–`to`, before decoding) and the offset after it. */
export interface DestinationScan {
  from: number;
  to: number;
  end: number;
}

/**
 * micromark's factoryDestination at `at` (not a space) on a line ending at `stop`: `<…>` on the
 * line, or raw with parentheses nested `limit` deep at most (32 in a resource, no limit in a
 * definition); undefined when there is none.
 */
export function scanDestination(source: string, at: number, stop: number, limit: number): DestinationScan | undefined {
  if (source.charCodeAt(at) === 60) {
    for (let index = at + 1; index < stop; index++) {
      const code = source.charCodeAt(index);
      if (code === 62) return { from: at + 1, to: index, end: index + 1 };
      if (code === 60) return undefined;
      if (code === 92 && index + 1 < stop) {
        const next = source.charCodeAt(index + 1);
        if (next === 60 || next === 62 || next === 92) index++;
      }
    }
    return undefined;
  }
  let balance = 0;
  let index = at;
  for (; index < stop; index++) {
    const code = source.charCodeAt(index);
    if (balance === 0 && (code === 41 || isSpaceOrTab(code))) break;
    if (code === 40) {
      if (balance >= limit) return undefined;
      balance++;
    } else if (code === 41) balance--;
    else if (code === 32 || code < 32 || code === 127) return undefined;
    else if (code === 92 && index + 1 < stop) {
      const next = source.charCodeAt(index + 1);
      if (next === 40 || next === 41 || next === 92) index++;
    }
  }
  return balance > 0 || index === at ? undefined : { from: at, to: index, end: index };
}

/** Start of the first run of exactly `size` backticks in [from, end), or -1. */
export function findRun(source: string, from: number, end: number, size: number): number {
  for (let index = from; index < end; index++) {
    if (source.charCodeAt(index) !== 96) continue;
    let runEnd = index + 1;
    while (runEnd < end && source.charCodeAt(runEnd) === 96) runEnd++;
    if (runEnd - index === size) return index;
    index = runEnd;
  }
  return -1;
}
