// "Did you mean …?" for an id: the archive's id closest to a value by edit distance, at most
// MAX_EDITS edits away. Comparing the value with every id costs a distance computation per
// postmortem for each unknown value, which grew with the square of the archive when many files
// name ids it lacks. The index holds every id with up to MAX_EDITS characters deleted (the
// symmetric-delete method): two strings within k edits share a string made by deleting at most
// k characters from each, so a value's own deletions find every candidate; the distance then
// decides as before. test/lint/near-ids.test.ts keeps it equal to the scan of every id.
// Building the index costs about as much as comparing the value with every id some hundred
// times, so the first values are answered by that comparison, and the index is built only
// once the comparisons made would have paid for it: a one-file lint (the hook) asks for one
// or two values and never builds it.

export const MAX_EDITS = 2;
/** Past this many deletion keys (very long ids in a very large archive) the index is not built and every id is compared. */
const KEY_BUDGET = 2_000_000;
/**
 * Deletion keys the index would hold per id compared one by one before it is built: making a
 * key costs about twice a comparison (2,000 ids of 12 characters: 158,000 keys built in the
 * time of some 150 scans of every id). Once the scans have cost what the index would, it is
 * built: never more than about twice the cheaper of the two.
 */
const KEYS_PER_COMPARISON = 0.5;

/** Two rows of the distance table, reused from one comparison to the next (the archive is compared id after id). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Levenshtein distance, or limit + 1 when it is above `limit`. Only the cells within `limit`
 * of the diagonal can stay within it, so only they are computed (the others count as
 * limit + 1), and the comparison stops at the first row where every cell is above it.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  const n = b.length;
  if (previousRow.length <= n + 1) {
    previousRow = new Int32Array(2 * n + 2);
    currentRow = new Int32Array(2 * n + 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= n; j++) previous[j] = j <= limit ? j : over;
  previous[n + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(n, i + limit);
    current[from - 1] = from === 1 && i <= limit ? i : over;
    let best = current[from - 1]!;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1), over);
      current[j] = value;
      if (value < best) best = value;
    }
    current[to + 1] = over;
    if (best > limit) return over;
    const row = previous;
    previous = current;
    current = row;
  }
  return previous[n]!;
}

/** The strings made from `text` by deleting up to `edits` characters (the text itself included). */
function deletions(text: string, edits: number, into = new Set<string>()): Set<string> {
  into.add(text);
  if (edits === 0) return into;
  for (let i = 0; i < text.length; i++) {
    const shorter = text.slice(0, i) + text.slice(i + 1);
    if (!into.has(shorter)) deletions(shorter, edits - 1, into);
  }
  return into;
}

/** The ids of an archive (in archive order; null for entries without one), searchable by closeness. */
export class NearIds {
  private readonly ids: readonly (string | null)[];
  private readonly lower: readonly (string | null)[];
  private index: Map<string, number[]> | null | undefined;
  private readonly answers = new Map<string, string | null>();
  private readonly keyBudget: number;
  /** Ids compared one by one so far, before the index was built. */
  private compared = 0;

  constructor(ids: readonly (string | null)[], keyBudget = KEY_BUDGET) {
    this.ids = ids;
    this.keyBudget = keyBudget;
    this.lower = ids.map((id) => id?.toLowerCase() ?? null);
  }

  /** The id closest to `value` (case aside) within MAX_EDITS edits; the first in archive order on a tie. */
  closest(value: string): string | null {
    const wanted = value.toLowerCase();
    let answer = this.answers.get(wanted);
    if (answer === undefined) {
      answer = this.search(wanted);
      this.answers.set(wanted, answer);
    }
    return answer;
  }

  /** Whether the deletion index has been built (it is built only once it pays off). */
  get indexed(): boolean {
    return this.index !== undefined && this.index !== null;
  }

  private search(wanted: string): string | null {
    const index = this.compared * KEYS_PER_COMPARISON < this.indexKeys() ? null : this.deletionIndex();
    if (index === null) this.compared += this.lower.length;
    let candidates: Iterable<number>;
    if (index === null) candidates = this.lower.keys();
    else {
      const found = new Set<number>();
      for (const key of deletions(wanted, MAX_EDITS)) for (const at of index.get(key) ?? []) found.add(at);
      candidates = [...found].sort((a, b) => a - b);
    }
    let best: { at: number; d: number } | null = null;
    for (const at of candidates) {
      const id = this.lower[at];
      if (id === null || id === undefined) continue;
      const d = editDistance(wanted, id, MAX_EDITS);
      if (d <= MAX_EDITS && (best === null || d < best.d)) best = { at, d };
    }
    return best === null ? null : this.ids[best.at]!;
  }

  private keys: number | undefined;

  /** The number of deletion keys the index would hold (an upper bound: repeats counted). */
  private indexKeys(): number {
    if (this.keys === undefined) {
      let keys = 0;
      for (const id of this.lower) if (id !== null) keys += 1 + id.length + (id.length * (id.length - 1)) / 2;
      this.keys = keys;
    }
    return this.keys;
  }

  private deletionIndex(): Map<string, number[]> | null {
    if (this.index !== undefined) return this.index;
    if (this.indexKeys() > this.keyBudget) return (this.index = null);
    const index = new Map<string, number[]>();
    this.lower.forEach((id, at) => {
      if (id === null) return;
      for (const key of deletions(id, MAX_EDITS)) {
        const list = index.get(key);
        if (list === undefined) index.set(key, [at]);
        else list.push(at);
      }
    });
    return (this.index = index);
  }
}
