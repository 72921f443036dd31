// References to link reference definitions (`[text][label]`, `[label][]`, `[label]`), read
// where a `]` has no inline resource after it, as micromark's label end tries them. Only
// labels the document defines make references (block-definitions.ts collects them first).
import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import { plainText } from './inline-items.ts';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { decodeString, GIVE_UP, LABEL_OPEN, scanLabel } from './inline-syntax.ts';

export interface Reference {
  kind: 'full' | 'collapsed' | 'shortcut';
  /** The label's source: the reference's for a full one, else the text's. */
  label: string;
  end: number;
}

/**
 * The reference the `]` at `at` ends, the text's label running from `textStart`, on a line
 * ending at `end` (`moreLines`: later lines follow): a defined `[label]` after it, `[]` or
 * nothing after a defined text; undefined when none, GIVE_UP when micromark could read on.
 */
export function scanReference(
  source: string,
  textStart: number,
  at: number,
  end: number,
  moreLines: boolean,
  defined: ReadonlySet<string>,
): Reference | undefined | typeof GIVE_UP {
  const text = source.slice(textStart, at);
  // Over lines, the slice micromark matches may hold a container's prefix: left to micromark.
  if (text.includes('\n') || text.includes('\r')) return GIVE_UP;
  const textDefined = defined.has(normalizeIdentifier(text));
  if (at + 1 >= end || source.charCodeAt(at + 1) !== 91) return textDefined ? { kind: 'shortcut', label: text, end: at + 1 } : undefined;
  const close = scanLabel(source, at + 2, end);
  // A label that may close on a later line, or too long: left to micromark.
  if (close === GIVE_UP || (close === LABEL_OPEN && moreLines)) return GIVE_UP;
  if (close >= 0) {
    const label = source.slice(at + 2, close);
    if (defined.has(normalizeIdentifier(label))) return { kind: 'full', label, end: close + 1 };
  }
  // Then `[]`; a `[` that starts neither leaves no reference at all (micromark's referenceNotFull).
  return textDefined && source.charCodeAt(at + 2) === 93 ? { kind: 'collapsed', label: text, end: at + 3 } : undefined;
}

/** The linkReference (or imageReference) node of `reference`, as mdast-util-from-markdown builds it. */
export function referenceNode(reference: Reference, image: boolean, children: PhrasingContent[], position: Position): PhrasingContent {
  const label = decodeString(reference.label, 0, reference.label.length);
  const identifier = normalizeIdentifier(reference.label).toLowerCase();
  return image
    ? { type: 'imageReference', alt: plainText(children), position, label, identifier, referenceType: reference.kind }
    : { type: 'linkReference', children, position, label, identifier, referenceType: reference.kind };
}
