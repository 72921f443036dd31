// Positions in a text found by binary search over an index built once: rules that handle
// thousands of hits in one line must not scan back and forth from each (quadratic).

/** How many values of an ascending list are at most `value` (the index of the first greater one). */
export function countAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The index of the first of `sorted` (in ascending order of `key`) whose key is at least
 * `value`, or its length: where a rule's scan of one section's nodes, pieces or items starts,
 * instead of at the document's first (a scan per section is quadratic in the sections).
 */
export function firstAtLeast<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(sorted[mid]!) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where each line starts, lines ended by "\n" only. */
export function newlineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Where the lines of a source start and end, ended by "\n" only (a lone CR does not end a
 * line here, unlike the engine's lineStarts: these answer what lastIndexOf/indexOf of "\n" did).
 */
export class Lines {
  protected readonly source: string;
  private starts: number[] | null = null;

  constructor(source: string) {
    this.source = source;
  }

  /** The start of the line holding `offset` (as source.lastIndexOf('\n', offset - 1) + 1). */
  startOf(offset: number): number {
    return this.lineStarts()[this.index(offset)]!;
  }

  /** The end of the line holding `offset`, before its "\n" (as source.indexOf('\n', offset), else the source's length). */
  endOf(offset: number): number {
    const next = this.lineStarts()[this.index(offset) + 1];
    return next === undefined ? this.source.length : next - 1;
  }

  private lineStarts(): number[] {
    return (this.starts ??= newlineStarts(this.source));
  }

  /** The number of the line holding `offset` (0-based): the last start at or before it. */
  private index(offset: number): number {
    return Math.max(0, countAtMost(this.lineStarts(), offset) - 1);
  }
}

/**
 * Where given characters stand in a text, found by binary search (built on first use):
 * scanning back and forth from each of thousands of hits would be quadratic.
 */
export class CharIndex {
  private readonly text: string;
  private readonly at = new Map<string, number[]>();

  constructor(text: string) {
    this.text = text;
  }

  private positions(c: string): number[] {
    let list = this.at.get(c);
    if (list === undefined) {
      list = [];
      for (let i = this.text.indexOf(c); i !== -1; i = this.text.indexOf(c, i + 1)) list.push(i);
      this.at.set(c, list);
    }
    return list;
  }

  /** The first index of `c` in [from, before), or -1. */
  next(c: string, from: number, before: number = this.text.length): number {
    const list = this.positions(c);
    const found = list[countAtMost(list, from - 1)];
    return found !== undefined && found < before ? found : -1;
  }

  /** The last index of `c` in [notBefore, at], or -1. */
  prev(c: string, at: number, notBefore = 0): number {
    const list = this.positions(c);
    const found = list[countAtMost(list, at) - 1];
    return found !== undefined && found >= notBefore ? found : -1;
  }
}
