// The shared pre-scan of the text rules: each rule declares the anchors its findings hold
// (words or characters), and one combined pattern finds the places of all of them, once per
// document, for every rule. A rule then runs only where (or only when) its anchors occur.
// Two texts are scanned: the prose (kit/text/context.ts proseText, code and markup blanked)
// and the whole source (code, frontmatter and link targets too, as the secret and personal
// data rules read it).
import type { TextPiece } from '../prose.ts';
import { proseText } from './context.ts';

export type AnchorText = 'prose' | 'source';

/** A set of anchors, declared once at a rule's load: `places` of a scan are in ascending order. */
export interface Anchors {
  readonly name: string;
  readonly text: AnchorText;
  /** The anchor pattern, sticky: whether an anchor starts at a place. */
  readonly at: RegExp;
  /** Only whether the anchors occur is asked (`has`): a scan records the first place only. */
  readonly presence: boolean;
}

const declared: Record<AnchorText, Anchors[]> = { prose: [], source: [] };

/**
 * Declares the anchors a rule looks for: `pattern` must match at every place where one of its
 * findings needs it (a necessary part of each finding), with no look-behind past its start. With `presence`, the rule asks only whether they occur: a scan stops
 * recording them at the first.
 */
export function defineAnchors(name: string, text: AnchorText, pattern: RegExp, options: { presence?: boolean } = {}): Anchors {
  const anchors: Anchors = { name, text, at: new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`), presence: options.presence ?? false };
  declared[text].push(anchors);
  return anchors;
}

/** The places of every declared anchor in one document's text. */
export class AnchorScan {
  private readonly places = new Map<Anchors, number[]>();

  constructor(text: string, all: readonly Anchors[]) {
    for (const anchors of all) this.places.set(anchors, []);
    if (all.length === 0) return;
    const { re, order } = combined(all);
    const places = order.map((anchors) => this.places.get(anchors)!);
    // After each hit the scan resumes one character on: an anchor of one set may start inside
    // another's. Each set is tested by its own pattern, but a set asked only whether it occurs
    // is not tested again once found.
    for (let m = re.exec(text); m !== null; re.lastIndex = m.index + 1, m = re.exec(text)) {
      for (let k = 0; k < order.length; k++) {
        const anchors = order[k]!;
        if (anchors.presence && places[k]!.length > 0) continue;
        anchors.at.lastIndex = m.index;
        if (anchors.at.test(text)) places[k]!.push(m.index);
      }
    }
  }

  /** Where the anchors stand, in ascending order (the first only, for anchors declared with `presence`). */
  of(anchors: Anchors): readonly number[] {
    return this.places.get(anchors) ?? [];
  }

  has(anchors: Anchors): boolean {
    return this.of(anchors).length > 0;
  }
}

const combinedOf = new Map<AnchorText, { list: readonly Anchors[]; count: number; re: RegExp; order: readonly Anchors[] }>();

/**
 * One pattern that matches wherever any of the sets does (each set's own test then decides
 * which), and the sets in the order of its alternatives. The sets that open with a word start (`\b`) share one `\b(?:…|…)`: a single
 * alternation after one word-start test runs about twice as fast as one test per set.
 */
function combined(all: readonly Anchors[]): { re: RegExp; order: readonly Anchors[] } {
  const text = all[0]!.text;
  let known = combinedOf.get(text);
  // The declared lists only grow (a rule's anchors are declared at its load); another list (a test's) is combined anew.
  if (known?.list !== all || known.count !== all.length) {
    const caseless = all.some((anchors) => anchors.at.flags.includes('i'));
    const opensWord = (anchors: Anchors): boolean => anchors.at.source.startsWith('\\b') && !hasTopLevelBar(anchors.at.source);
    const order = [...all.filter(opensWord), ...all.filter((anchors) => !opensWord(anchors))];
    const words = order.filter(opensWord).map((anchors) => `(?:${anchors.at.source.slice(2)})`);
    const others = order.slice(words.length).map((anchors) => `(?:${anchors.at.source})`);
    const source = [...(words.length > 0 ? [`\\b(?:${words.join('|')})`] : []), ...others].join('|');
    known = { list: all, count: all.length, re: new RegExp(source, caseless ? 'gi' : 'g'), order };
    combinedOf.set(text, known);
  }
  known.re.lastIndex = 0;
  return known;
}

/** Whether a pattern's source has a "|" outside every group and class (`\ba|b`: the `\b` is not shared). */
function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

interface Scanned {
  count: number;
  scan: AnchorScan;
}

const proseScans = new WeakMap<readonly TextPiece[], Scanned>();
const sourceScans = new WeakMap<readonly number[], Scanned>();

function memo<K extends object>(scans: WeakMap<K, Scanned>, key: K, text: AnchorText, read: () => string): AnchorScan {
  const all = declared[text];
  let known = scans.get(key);
  if (known?.count !== all.length) scans.set(key, (known = { count: all.length, scan: new AnchorScan(read(), all) }));
  return known.scan;
}

/** The anchors in a document's prose (offsets in the source), scanned once per document. */
export function proseAnchors(context: { source: string; pieces(): readonly TextPiece[] }): AnchorScan {
  const pieces = context.pieces();
  return memo(proseScans, pieces, 'prose', () => proseText(context.source, pieces));
}

/** The anchors in a document's whole source, scanned once per document (keyed by its line starts). */
export function sourceAnchors(context: { source: string; lineStarts: readonly number[] }): AnchorScan {
  return memo(sourceScans, context.lineStarts, 'source', () => context.source);
}
