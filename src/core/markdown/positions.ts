// Source offsets → mdast points ({ line, column, offset }, 1-based line and column, as
// micromark gives them). Built once per document by the fast reader.
import type { Point } from 'unist';

export class PositionTable {
  /** Offset at which each line starts; lineStarts[0] is 0. */
  readonly lineStarts: number[];

  constructor(source: string) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** The point of a source offset (0 ≤ offset ≤ source.length). */
  point(offset: number): Point {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1, offset };
  }
}
