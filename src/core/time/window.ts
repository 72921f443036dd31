// Where chrono needs to look. chrono's cost is per candidate: every number it half
// recognises ("38%", "v2.3", "1. Why…") builds a result with dates and runs the refiners
// before being dropped. So the readers hand it only the regions of a line that could yield
// a reading we use, and let it read each of those on its own. Both steps are exact:
//
// 1. Regions. A line is cut at "separator" words, words that no chrono parser or refiner
//    and none of our gluing rules (read.ts) can take part in; chrono gives, for the part
//    of a line between two separators, the same results on that part alone as on the
//    whole line. A separator is a whitespace-delimited token of at least five ASCII
//    letters, optionally wrapped in quotes, brackets or emphasis and followed by ordinary
//    punctuation, that is neither a word of any pattern nor the head of one. Why that is
//    enough for chrono's strict English configuration (chrono-node 2.10, see reading.ts):
//    - Parsers match from a left boundary ((\W|^), (^|\s|T|\b), ([^\d]|^)); inside a run of
//      letters only the first letter follows one, so a match can start in a separator only
//      at its first letter, and every pattern that starts with a letter starts with a
//      month, weekday or ordinal name, "on", "this"/"last"/"past"/"next", "at"/"from"
//      (then a digit), or follows a "T" ("…tat 10:00"): all are STICKY heads below.
//    - No pattern consumes a whole word of five letters or more other than those STICKY
//      lists as whole words ("until", "through", "o'clock", "in the morning", …); zone
//      abbreviations ("10:00 EAT") have two to four letters, so are never separators.
//    - Lookaheads that peek into the next word without a word boundary
//      ("23(?!\s+(?:am|pm|jan|…))") only test prefixes that are STICKY heads.
//    - Refiners merge two results only when the text between them is a few connector
//      words, and extend a result only by an adjacent zone, offset or year: a separator
//      between two regions stops all of them, and our own gluing likewise.
//    - The punctuation allowed around a separator cannot start a match: the only pattern
//      that opens with punctuation (the weekday's "," / "(") needs a non-word character
//      before it, and a comma is allowed only right after the letters.
//    A table's "|" standing alone is a separator too: no pattern takes it (but the
//    "o\W*clock" of "10 o | clock"), nor do our gluing rules.
// 2. Triggers. A region yields a reading only if chrono finds in it a time with a certain
//    hour or a date with a certain month and day. Each of chrono's ways to get one needs a
//    TRIGGER in the text: a month name (all month parsers), a weekday (a weekday merged
//    with a bare hour, "Monday 10"), digits around ":" "." "/" "-" (times with minutes,
//    ISO, slash and dotted dates), a four-digit year before a space (year-month-day), a
//    meridiem or "o'clock" after a digit, "at"/"from" before one, a range connector
//    between two, or a zone or offset after a two-digit number ("10 EST": a bare number is
//    otherwise dropped as an unlikely format, and chrono rejects bare one- and
//    three-digit hours before any refiner runs). A region without a trigger is not read.
//
// The differential test (test/core/time/differential.test.ts) checks the readers built on
// this against the pre-optimisation ones, which gave chrono whole lines.

const STICKY = new RegExp(
  '(?:on|this|last|past|next|at|in|the|o)*' +
    '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|week|am|pm|clock|night|morning|afternoon' +
    '|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth' +
    '|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt)' +
    // Words of five letters or more that a pattern or a gluing rule consumes whole.
    '|(?:until|through|after|before|between|around|about|approx|approximately|circa|roughly|oclock|atnight|inthe|themorning|theafternoon)(?![A-Za-z])',
  'iy',
);

const TRIGGER = new RegExp(
  [
    'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec',
    '(?<![A-Za-z])(?:on)?(?:this|last|past|next)?(?:sun|mon|tue|wed|thu|fri|sat|week)',
    String.raw`\d[:：.\/\-]\d`,
    String.raw`\d{4}\s`,
    String.raw`\d\s*(?:a\.m\.|p\.m\.|am?|pm?)?\s*(?:o\W*clock|at\s*night|in\s*the)`,
    String.raw`\d\s*[ap]m?(?![A-Za-z0-9_])`,
    String.raw`(?:at|from)\s*\d`,
    String.raw`\d\s*(?:-|–|~|〜|to|until|through|till|\?)\s*\d`,
    String.raw`\d\d\s*,?\s*\(?[A-Za-z]{2,4}\)?(?![A-Za-z0-9_])`,
    String.raw`\d\d\s*(?:\(?(?:gmt|utc)\s?)?[+-]\d`,
  ].join('|'),
  'gi',
);

function isSpace(c: number): boolean {
  // JavaScript's \s, which is what chrono's patterns use.
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const CLOCK_AFTER = /[^A-Za-z0-9_]*clock/iy;

function isLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

/** Quotes, brackets and emphasis that may open a separator: ( " ' “ ‘ * _ ` [ */
function isOpening(c: number): boolean {
  return c === 40 || c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 42 || c === 95 || c === 96 || c === 91;
}

/** Punctuation that may close one: . ; : ! ? ) " ' ’ ” * _ ` ] */
function isClosing(c: number): boolean {
  return (
    c === 46 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 34 ||
    c === 39 ||
    c === 0x2019 ||
    c === 0x201d ||
    c === 42 ||
    c === 95 ||
    c === 96 ||
    c === 93
  );
}

/**
 * Whether text[start, end) (one whitespace-delimited token) is a separator: five ASCII
 * letters or more, which are neither STICKY nor end in "tat"/"tfrom" ("…tat 10:00": chrono's
 * time pattern may start at a "T" followed by "at" or "from"), with opening marks before
 * them and, after them, an optional comma then closing marks; or a table's "|".
 */
function isSeparator(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === 124) {
    // No pattern takes a "|", except inside "o | clock".
    for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) !== 124) return false;
    CLOCK_AFTER.lastIndex = end;
    return !CLOCK_AFTER.test(text);
  }
  if (end - start < 5) return false;
  let i = start;
  while (i < end && isOpening(text.charCodeAt(i))) i++;
  const core = i;
  while (i < end && isLetter(text.charCodeAt(i))) i++;
  const coreEnd = i;
  if (coreEnd - core < 5) return false;
  if (i < end && text.charCodeAt(i) === 44) i++;
  while (i < end && isClosing(text.charCodeAt(i))) i++;
  if (i !== end) return false;
  STICKY.lastIndex = core;
  if (STICKY.test(text)) return false;
  const tail = text.slice(coreEnd - 5, coreEnd).toLowerCase();
  return !tail.endsWith('tat') && tail !== 'tfrom';
}

/** A run of non-separator tokens. */
export interface Region {
  start: number;
  end: number;
}

/**
 * The next region at or after `from` that holds a trigger, or null. Regions between are
 * skipped: chrono would find nothing in them we use.
 */
export function nextRegion(text: string, from: number): Region | null {
  const n = text.length;
  let at = from;
  for (;;) {
    TRIGGER.lastIndex = at;
    const m = TRIGGER.exec(text);
    if (m === null) return null;
    // The token the trigger starts in.
    let start = m.index;
    while (start > at && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = m.index;
    while (end < n && !isSpace(text.charCodeAt(end))) end++;
    if (isSeparator(text, start, end)) {
      at = end;
      continue;
    }
    // Widen to the neighbouring tokens up to the separators on either side.
    for (;;) {
      let e = start;
      while (e > at && isSpace(text.charCodeAt(e - 1))) e--;
      if (e <= at || e === start) break;
      let s = e;
      while (s > at && !isSpace(text.charCodeAt(s - 1))) s--;
      if (isSeparator(text, s, e)) break;
      start = s;
    }
    for (;;) {
      let s = end;
      while (s < n && isSpace(text.charCodeAt(s))) s++;
      if (s >= n) break;
      let e = s;
      while (e < n && !isSpace(text.charCodeAt(e))) e++;
      if (isSeparator(text, s, e)) break;
      end = e;
    }
    return { start, end };
  }
}

/**
 * True when a separator token lies wholly inside [from, to): nothing before `from` can then
 * be glued to, or paired with, anything at or after `to`.
 */
export function separatedBetween(text: string, from: number, to: number): boolean {
  let i = from;
  // A token cut by `from` does not count.
  if (i > 0 && i < to && !isSpace(text.charCodeAt(i - 1))) {
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
  }
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i > to) return false;
    if (i > start && isSeparator(text, start, i)) return true;
  }
  return false;
}
