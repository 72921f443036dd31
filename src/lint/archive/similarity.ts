// Root-cause similarity for `recurrence`: words and word pairs of a text, weighed by TF-IDF
// over the archive's root causes, compared by cosine.
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

const STOPWORDS = new Set(
  (
    'a an and or but of to in on at by for from with into onto over under about after before during while when then than that this these those ' +
    'the it its is are was were be been being has have had do does did not no nor so as if which who whom what where why how all any each both ' +
    'some such only own same other more most very can could would should will shall may might must also just our we us they their them there ' +
    'here he she his her one two root cause causes caused because due reason issue incident problem happened'
  ).split(' '),
);

/** Lower-case words (digits kept, plural "s" and "-ing"/"-ed" trimmed), stop words left out. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    let word = match[0].replace(/['’].*$/, '');
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    if (word.length > 5 && word.endsWith('ing')) word = word.slice(0, -3);
    else if (word.length > 4 && word.endsWith('ed')) word = word.slice(0, -2);
    else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
    out.push(word);
  }
  return out;
}

/** Term counts of a text: its words and its word pairs (shingles of two). */
export function termCounts(text: string): Map<string, number> {
  const list = words(text);
  const counts = new Map<string, number>();
  list.forEach((word, i) => {
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (i > 0) {
      const pair = `${list[i - 1]} ${word}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  });
  return counts;
}

export function weigh(counts: Map<string, number>, frequencies: { docs: number; df: Map<string, number> }): TermVector {
  const weights = new Map<string, number>();
  let squares = 0;
  for (const [term, count] of counts) {
    const idf = Math.log((frequencies.docs + 1) / ((frequencies.df.get(term) ?? 0) + 1)) + 1;
    const weight = (1 + Math.log(count)) * idf;
    weights.set(term, weight);
    squares += weight * weight;
  }
  return { weights, norm: Math.sqrt(squares) };
}

/** Cosine similarity of two vectors, 0 to 1. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.norm * b.norm);
}
