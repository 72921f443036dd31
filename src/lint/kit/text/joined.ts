// Many small pieces searched as one text. The pieces are joined with a line break between
// each two: to a pattern that never matches a line break, and to its look-arounds and `\b`,
// that is the same as the start or end of a piece. So the matches are those of each piece,
// but each pattern scans the document once, not each of its (hundreds of) pieces.
import type { SourceText } from './regions.ts';

export interface PieceMatch {
  /** The match; its index is in the joined text. */
  match: RegExpExecArray;
  /** Where the match starts in the source. */
  start: number;
  /** Where its piece starts and ends in the joined text. */
  pieceFrom: number;
  pieceTo: number;
}

export class JoinedPieces {
  readonly text: string;
  private readonly pieces: readonly SourceText[];

  constructor(pieces: readonly SourceText[]) {
    this.pieces = pieces;
    this.text = pieces.map((piece) => piece.value).join('\n');
  }

  /** The matches of a global pattern (one that matches no line break), each with its place in the source. */
  *matches(re: RegExp): Generator<PieceMatch> {
    let k = 0; // the piece of the match, and where it starts in the joined text
    let at = 0;
    for (const match of this.text.matchAll(re)) {
      while (match.index > at + this.pieces[k]!.value.length) at += this.pieces[k++]!.value.length + 1;
      const { value, offset } = this.pieces[k]!;
      yield { match, start: offset + match.index - at, pieceFrom: at, pieceTo: at + value.length };
    }
  }
}
