// The line around a hit: the label before a value ("Owner: TBD"), what precedes it on its
// line (a list bullet, markup), whether text follows it. Each answer is worked out once per
// line or from an index: a line may hold thousands of hits.
import { CharIndex, Lines } from './positions.ts';

/** The label a line opens with before a value: "Owner: TBD", "**Due:** TBD", "due_date: TBD"; null when none. */
export function labelBefore(source: string, offset: number, lines: Lines): string | null {
  const before = source.slice(lines.startOf(offset), offset);
  // Only a label that opens the line (after a list bullet or emphasis): "- **Owner:** TBD".
  // (No two runs of spaces side by side: they would split a long run of spaces every way.)
  const m =
    /^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__|[*_])?([A-Za-z][\w /-]{0,30}?)[ \t]*(?:(?:\*\*|__|[*_])[ \t]*)?[:=][ \t]*(?:(?:\*\*|__|[*_])[ \t]*)?$/.exec(
      before,
    );
  const label = m?.[1]?.trim();
  // A label is a short noun phrase ("Owner", "Due date"), not a sentence ("We saw errors").
  if (!label || label.split(/\s+/).length > 3 || /^(?:we|i|it|they|this|that|there|he|she|you|our)\b/i.test(label)) return null;
  return label;
}

/** What a label asks for, in words: "due date" for "Due:" or "ETA", "owner" for "Assignee". */
export function describeLabel(label: string): string {
  const phrase = label.toLowerCase().replace(/[_-]+/g, ' ').trim();
  if (/^(?:due|eta|deadline|due by|target)$/.test(phrase)) return 'due date';
  if (/^(?:assignee|assigned to|dri|responsible)$/.test(phrase)) return 'owner';
  return phrase;
}

/**
 * Where a word before the blanks that end at `at` can start in source[lineStart, at): a few
 * characters before the run of blanks (`reach`, the longest word looked for and the character
 * that bounds it). The run is walked once per hit; the rest of the line is never read.
 */
export function wordBeforeBlanks(source: string, lineStart: number, at: number, reach = 8): number {
  let i = at;
  while (i > lineStart && (source[i - 1] === ' ' || source[i - 1] === '\t')) i--;
  return Math.max(lineStart, i - reach);
}

const BULLET = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const TAG = /<[^<>\n]+>/y;

/** The lines of a source and what stands on them before and after a hit. */
export class LineContext extends Lines {
  readonly chars: CharIndex;
  private readonly bulletPrefixes = new Map<number, { start: number; end: number; tags: number[] } | null>();

  constructor(source: string) {
    super(source);
    this.chars = new CharIndex(source);
  }

  /**
   * Whether source[lineStart, at) is a list bullet and nothing else but markup: after
   * "- " or "1. ", only HTML tags, `*_~\`[` and whitespace. The line's clean stretch after
   * its bullet is found once: `at` must lie within it and not inside one of its tags.
   */
  onlyBulletBefore(lineStart: number, at: number): boolean {
    let prefix = this.bulletPrefixes.get(lineStart);
    if (prefix === undefined) {
      prefix = cleanAfterBullet(this.source, lineStart, this.endOf(lineStart));
      this.bulletPrefixes.set(lineStart, prefix);
    }
    if (prefix === null || at < prefix.start || at > prefix.end) return false;
    for (let k = 0; k < prefix.tags.length; k += 2) if (at > prefix.tags[k]! && at < prefix.tags[k + 1]!) return false;
    return true;
  }

  /**
   * Whether source[from, to) holds text once markup (HTML tags, `*_~`#>`) and whitespace
   * are set aside, and on the first line (up to `lineEnd`) a label's colon and dashes too.
   * Stops at the first such character.
   */
  hasTextAfter(from: number, lineEnd: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.source[i]!;
      if (i >= lineEnd && (c === ':' || c === '-')) return true;
      if (c === '<') {
        // A tag closes on its own line, before `to`.
        const close = this.chars.next('>', i, Math.min(to, this.endOf(i)));
        if (close !== -1) {
          i = close;
          continue;
        }
        return true;
      }
      if (!/[\s:*_~`#>-]/.test(c)) return true;
    }
    return false;
  }
}

/**
 * The end of the stretch after a line's bullet that holds only tags (`<[^<>\n]+>`, removed
 * left to right as String.replace would), `*_~\`[` and whitespace, and the tags in it
 * ([start, end) pairs); null when the line opens with no bullet.
 */
function cleanAfterBullet(source: string, lineStart: number, lineEnd: number): { start: number; end: number; tags: number[] } | null {
  const bullet = BULLET.exec(source.slice(lineStart, lineEnd));
  if (bullet === null) return null;
  const tags: number[] = [];
  const start = lineStart + bullet[0].length;
  let i = start;
  while (i < source.length) {
    const c = source[i]!;
    // The original test read the rest with `.`, which stops at these.
    if (c === '\r' || c === '\u2028' || c === '\u2029') break;
    if (c === '<') {
      TAG.lastIndex = i;
      if (!TAG.test(source)) break;
      tags.push(i, TAG.lastIndex);
      i = TAG.lastIndex;
      continue;
    }
    if (c === '\n' || !/[\s*_~`[]/.test(c)) break;
    i++;
  }
  return { start, end: i, tags };
}
