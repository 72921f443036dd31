// A search for any of a list of words or phrases, as Vale's `existence` rules search a YAML
// list of tokens: the lists are data (kit/words/), the search is one compiled alternation.

/** Whitespace inside a paragraph: spaces and tabs with at most one line break. */
export const PARAGRAPH_SPACE = String.raw`(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)`;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface PhraseOptions {
  /** The phrases are regular-expression fragments ("engineers?"), as Vale's tokens are; default: plain text. */
  regex?: boolean;
  /** What each run of spaces in a phrase stands for; default PARAGRAPH_SPACE. */
  space?: string;
}

/** The phrases as one alternation's source, `(?:a|b|c)`, in the order given (the first that fits wins). */
export function phraseAlternation(phrases: readonly string[], options: PhraseOptions = {}): string {
  const space = options.space ?? PARAGRAPH_SPACE;
  const parts = phrases.map((phrase) => (options.regex ? phrase : escapeRegExp(phrase)).replace(/ +/g, space));
  return `(?:${parts.join('|')})`;
}

export interface PhraseHit {
  start: number;
  end: number;
  text: string;
}

export interface PhraseSearchOptions extends PhraseOptions {
  caseSensitive?: boolean;
  /** What must not touch a phrase on either side: a word character, or a word character or "-" (the default). */
  boundary?: 'word' | 'word-or-dash';
}

/**
 * A search for the phrases as whole words, left to right, matches not overlapping (what
 * `text.matchAll` of `(?<![\w-])(?:phrases)(?![\w-])` finds). The look-behind is tested by
 * hand at each candidate: tried by the engine at every character, it costs more than the search.
 */
export function phraseSearch(phrases: readonly string[], options: PhraseSearchOptions = {}): (text: string) => PhraseHit[] {
  const dash = (options.boundary ?? 'word-or-dash') === 'word-or-dash';
  const after = dash ? '(?![\\w-])' : '(?!\\w)';
  const re = new RegExp(`${phraseAlternation(phrases, options)}${after}`, options.caseSensitive ? 'g' : 'gi');
  const touches = dash ? /[\w-]/ : /\w/;
  return (text) => {
    const hits: PhraseHit[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      if (start > 0 && touches.test(text[start - 1]!)) {
        re.lastIndex = start + 1;
        continue;
      }
      // (An empty phrase would stand still: step over it.)
      if (m[0] === '') re.lastIndex = start + 1;
      hits.push({ start, end: start + m[0].length, text: m[0] });
    }
    return hits;
  };
}

/** Whether the text holds one of the words (runs of \w) of the set, or an "@" when `orHandle`. */
export function holdsWord(text: string, words: ReadonlySet<string>, orHandle = false): boolean {
  if (orHandle && text.includes('@')) return true;
  for (const [word] of text.matchAll(/\w+/g)) if (words.has(word)) return true;
  return false;
}

/**
 * Whether a bracket in the text opens with the first word of one of the phrases, in any case
 * (`bracket` captures the word: /\[([A-Za-z]+)/g): a cheap gate before a pattern of many
 * phrases in any case, which is slow to compile and to run.
 */
export function opensWithPhrase(bracket: RegExp, ...lists: (readonly string[])[]): (text: string) => boolean {
  const first = new Set(lists.flat().map((phrase) => phrase.split(' ')[0]!.toLowerCase()));
  return (text) => {
    for (const [, word] of text.matchAll(bracket)) if (first.has(word!.toLowerCase())) return true;
    return false;
  };
}
