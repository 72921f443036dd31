// A pattern tried only near its anchors. A pattern with a person in it (~150 names, ~40
// roles) is slow to try at every word of a text, but each of its matches holds an anchor
// word and starts at most `before` words (runs of non-space) before it; the person, when
// `words` is given, stands in those words or the `after` words after it. So the pattern is
// tried only in those stretches, and only in those holding such a word: the same matches
// as `text.matchAll(pattern)`, found in a fraction of the text.
import { holdsWord } from './phrases.ts';

export interface Near {
  /** The anchor's source: letters after a word start (`\b`), so that no match starts inside one. */
  anchor: string;
  before: number;
  after?: number;
  /** Words (runs of \w) of which the stretch must hold one, or an "@", for the pattern to be tried. */
  words?: ReadonlySet<string>;
}

export interface NearSearch {
  /** The anchor's source, for a combined pre-scan (kit/text/anchors.ts). */
  anchor: string;
  before: number;
  after: number;
  words: ReadonlySet<string> | null;
  /** The pattern, or the anchor ahead (an empty match): searched from before an anchor, it stops there at the latest. */
  find: RegExp;
}

/** The search of `pattern` (global) near the anchors `near` describes. */
export function nearSearch(pattern: RegExp, near: Near): NearSearch {
  return {
    anchor: near.anchor,
    before: near.before,
    after: near.after ?? 0,
    words: near.words ?? null,
    find: new RegExp(String.raw`(?:${pattern.source})|(?=${near.anchor})`, pattern.flags),
  };
}

// The patterns' whitespace (PARAGRAPH_SPACE): a word is a run of anything else.
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10;

/**
 * What `text.matchAll(pattern)` finds, given the places of its anchor in ascending order: the
 * pattern is tried at each place from `before` words before each anchor's word up to the anchor,
 * when these words (and `after` words after it) may hold a person, and nowhere else, where no
 * match starts. Each place is tried once, and each word is walked over for a few anchors at most.
 */
export function* matchesNear(text: string, search: NearSearch, anchors: readonly number[]): Generator<RegExpExecArray> {
  const { before, after, words, find } = search;
  let tried = 0; // every place before this has been tried (or lies inside a match)
  let previous = -1; // the last anchor
  let from = 0; // where its stretch starts
  let likely = false; // whether its stretch may hold a person
  for (const at of anchors) {
    let i = at;
    while (i > previous && i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
    // In the word of the last anchor ("x.should.should…"): the same stretch.
    if (i !== previous) {
      while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
      for (let n = 0; n < before; n++) {
        while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
        while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
      }
      from = i;
      let end = at;
      while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      for (let n = 0; n < after; n++) {
        while (end < text.length && isSpace(text.charCodeAt(end))) end++;
        while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      }
      likely = words === null || holdsWord(text.slice(from, end), words, true);
    }
    previous = at;
    if (!likely) continue;
    for (let place = Math.max(tried, from); place <= at; tried = place) {
      find.lastIndex = place;
      const m = find.exec(text)!;
      if (m[0] === '') place = m.index + 1;
      else {
        yield m;
        place = m.index + m[0].length;
      }
    }
  }
}
