// The inline cost, one paragraph at a time: emphasis and strikethrough runs paired as the
// parser pairs them, text it merges, code spans and HTML that scan forward. When a paragraph
// ends its work is added to the measure, and the costliest paragraph is the one reported.
import { AMP, BACKSLASH, BACKTICK, BANG, CLOSE_BRACKET, LT, OPEN_BRACKET, QUESTION, STAR, TILDE, UNDERSCORE } from './chars.ts';
import { ASCII_PUNCTUATION, classOf, Finder, INLINE_MARKER, MARKER_NAMES, PAIR_WEIGHT, SCAN_WEIGHT, SPLICE_WEIGHT, WALK_WEIGHT, type Run } from './inline.ts';
import type { GuardMeasure } from './limits.ts';

export class InlineCost {
  /** Inline markers counted so far (and paragraph line endings): the document's, not the paragraph's. */
  tokens = 0;
  /** Tokens beyond INLINE_TOKENS a marker: a link's resource, a character reference's parts. */
  extraTokens = 0;

  private readonly source: string;
  private readonly m: GuardMeasure;
  private readonly finders: { comment: Finder; pi: Finder; cdata: Finder; gt: Finder };

  // The open paragraph.
  private blockOpen = false;
  private blockStart = 0;
  private blockLine = 0;
  private blockWork = 0;
  private readonly stacks = new Map<number, Run[]>([
    [STAR, []],
    [UNDERSCORE, []],
    [TILDE, []],
  ]);
  private readonly workBy = new Map<string, number>();
  /** Per marker, the pairings and merges of the paragraph: how many, and the sum of their token counts. */
  private readonly splices = new Map<string, { count: number; sum: number }>();
  private readonly splicedBy = new Map<string, number>();
  private readonly ticks: number[] = []; // [offset, length] of each backtick run
  private readonly angles: number[] = []; // [offset, where its scan stops] of each `<`

  constructor(source: string, m: GuardMeasure) {
    this.source = source;
    this.m = m;
    this.finders = { comment: new Finder(source, '-->'), pi: new Finder(source, '?>'), cdata: new Finder(source, ']]>'), gt: new Finder(source, '>') };
  }

  /** A line of paragraph text, from `from` to `end`: each marker counted, the paragraph opened at `line` if none is. */
  readLine(line: number, from: number, end: number): void {
    const source = this.source;
    if (!this.blockOpen) {
      this.blockOpen = true;
      this.blockStart = this.tokens;
      this.blockLine = line;
    }
    let q = from;
    while (q < end) {
      // Only markers count: jump to the next one (or to the line's end).
      INLINE_MARKER.lastIndex = q;
      q = INLINE_MARKER.exec(source)?.index ?? source.length;
      if (q >= end) break;
      const c = source.charCodeAt(q);
      // What precedes a run decides whether it opens or closes; a line's start reads as whitespace.
      const before = q > from ? source.charCodeAt(q - 1) : -1;
      switch (c) {
        case STAR:
        case UNDERSCORE:
        case TILDE: {
          let r = q + 1;
          while (r < end && source.charCodeAt(r) === c) r++;
          this.run(c, r - q, before, r < end ? source.charCodeAt(r) : -1);
          q = r;
          continue;
        }
        case BACKTICK: {
          let r = q + 1;
          while (r < end && source.charCodeAt(r) === BACKTICK) r++;
          this.splice('`', this.tokens);
          this.tokens++;
          this.ticks.push(q, r - q);
          q = r;
          continue;
        }
        case LT: {
          this.splice('<', this.tokens);
          this.tokens++;
          const d = q + 1 < end ? source.charCodeAt(q + 1) : -1;
          let stop = q;
          if (d === BANG && source.startsWith('--', q + 2)) stop = this.finders.comment.next(q + 4);
          else if (d === QUESTION) stop = this.finders.pi.next(q + 2);
          else if (d === BANG && source.startsWith('[CDATA[', q + 2)) stop = this.finders.cdata.next(q + 9);
          else if (d === BANG || d === 47 || (d >= 65 && d <= 90) || (d >= 97 && d <= 122)) stop = this.finders.gt.next(q + 1);
          if (stop !== q) this.angles.push(q, stop);
          break;
        }
        case OPEN_BRACKET:
          this.tokens++;
          break;
        case CLOSE_BRACKET:
        case BANG:
        case AMP:
          this.splice(source[q]!, this.tokens);
          this.tokens++;
          // A link's resource, or a character reference's parts.
          this.extraTokens += c === CLOSE_BRACKET ? 4 : c === AMP ? 2 : 0;
          break;
        case BACKSLASH:
          if (q + 1 < end && !(source.charCodeAt(q + 1) < 128 && ASCII_PUNCTUATION[source.charCodeAt(q + 1)])) this.splice('\\', this.tokens);
          this.tokens++;
          if (q + 1 < end) {
            q += 2;
            continue;
          }
          break;
      }
      q++;
    }
    this.tokens++; // the line ending
  }

  /** Ends the open paragraph (if any) at `end`: what scanned forward without an end scans to it. */
  close(end: number): void {
    if (!this.blockOpen) return;
    const m = this.m;
    const ticks = this.ticks;
    const angles = this.angles;
    // A code-span run scans forward for a run of its own length, else to the paragraph's end.
    if (ticks.length > 0) {
      const next = new Map<number, number>();
      for (let k = ticks.length - 2; k >= 0; k -= 2) {
        const at = ticks[k]!;
        const length = ticks[k + 1]!;
        this.addWork('`', (next.get(length) ?? end) - at);
        next.set(length, at);
      }
      ticks.length = 0;
    }
    // A `<` scans forward for the end of its tag, comment or declaration, else to the paragraph's end.
    for (let k = 0; k < angles.length; k += 2) {
      const at = angles[k]!;
      const stop = angles[k + 1]!;
      this.addWork('<', SCAN_WEIGHT * ((stop === -1 || stop > end ? end : stop) - at));
    }
    angles.length = 0;
    for (const [marker, { count, sum }] of this.splices) {
      const work = SPLICE_WEIGHT * (count * this.tokens - sum);
      this.addWork(marker, work);
      this.splicedBy.set(marker, work);
    }
    this.splices.clear();
    m.inlineWork += this.blockWork;
    if (this.blockWork > m.inlineMaxWork) {
      m.inlineMaxWork = this.blockWork;
      m.inlineLine = this.blockLine;
      let best = '';
      let most = -1;
      for (const [marker, work] of this.workBy) {
        if (work > most) {
          most = work;
          best = marker;
        }
      }
      m.inlineMarker = MARKER_NAMES[best] ?? best;
      m.inlinePaired = (this.splicedBy.get(best) ?? 0) * 2 > most;
    }
    this.workBy.clear();
    this.splicedBy.clear();
    for (const stack of this.stacks.values()) stack.length = 0;
    this.blockWork = 0;
    this.blockOpen = false;
  }

  /** An emphasis or strikethrough run: paired with open runs as the parser pairs them, its walk counted. */
  private run(marker: number, length: number, before: number, after: number): void {
    this.tokens++;
    const tokens = this.tokens;
    if (marker === TILDE && length > 2) {
      // Not a strikethrough sequence: plain text, merged with the text around it.
      this.splice('~', tokens - 1);
      return;
    }
    const b = classOf(before);
    const a = classOf(after);
    const left = a !== 0 && (a !== 1 || b !== 2);
    const right = b !== 0 && (b !== 1 || a !== 2);
    const canOpen = marker === UNDERSCORE ? left && (!right || b === 1) : left;
    const canClose = marker === UNDERSCORE ? right && (!left || a === 1) : right;
    const name = marker === STAR ? '*' : marker === UNDERSCORE ? '_' : '~';
    const stack = this.stacks.get(marker)!;
    let rest = length;
    if (canClose) {
      while (rest > 0) {
        const top = stack[stack.length - 1];
        if (!top || ((top.canClose || canOpen) && length % 3 !== 0 && (top.length + length) % 3 === 0)) {
          // Nothing to pair with (or an opener the rule of three skips): the parser walks back
          // to the paragraph's start.
          this.addWork(name, WALK_WEIGHT * (tokens - this.blockStart));
          break;
        }
        const used = Math.min(top.length, rest);
        // Each pairing takes one or two markers and resolves again what lies between.
        this.addWork(name, PAIR_WEIGHT * Math.ceil(used / 2) * (tokens - top.at + used));
        this.splice(name, top.at);
        top.length -= used;
        rest -= used;
        if (top.length === 0) stack.pop();
      }
    }
    if (canOpen && rest > 0) stack.push({ at: tokens, length: rest, canClose });
  }

  /** A pairing or merge at token `at`: it rewrites the paragraph's events from there to its end. */
  private splice(marker: string, at: number): void {
    const known = this.splices.get(marker);
    if (known) {
      known.count++;
      known.sum += at;
    } else this.splices.set(marker, { count: 1, sum: at });
  }

  private addWork(marker: string, work: number): void {
    this.blockWork += work;
    this.workBy.set(marker, (this.workBy.get(marker) ?? 0) + work);
  }
}
