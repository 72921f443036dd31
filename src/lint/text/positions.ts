// Positions in a text found by binary search over an index built once: rules that handle
// thousands of hits in one line must not scan back and forth from each (quadratic).

/**
 * Where the lines of a source start and end, ended by "\n" only (a lone CR does not end a
 * line here, unlike the engine's lineStarts: these answer what lastIndexOf/indexOf of "\n" did).
 */
export class Lines {
  private readonly source: string;
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
    if (this.starts === null) {
      this.starts = [0];
      for (let i = this.source.indexOf('\n'); i !== -1; i = this.source.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    return this.starts;
  }

  /** The number of the line holding `offset` (0-based): the last start at or before it. */
  private index(offset: number): number {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
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
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]! < from) low = mid + 1;
      else high = mid;
    }
    const found = list[low];
    return found !== undefined && found < before ? found : -1;
  }

  /** The last index of `c` in [notBefore, at], or -1. */
  prev(c: string, at: number, notBefore = 0): number {
    const list = this.positions(c);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]! <= at) low = mid + 1;
      else high = mid;
    }
    const found = list[low - 1];
    return found !== undefined && found >= notBefore ? found : -1;
  }
}
