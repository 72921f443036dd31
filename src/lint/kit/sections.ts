// The section structure, as the rules that reason about it read it: a document's sections
// grouped into the units a reader sees (one section written in parts, a combined heading and
// its parts), the summary fields a later section restates, and where a heading's name, body
// prose and heading line stand.
import type { Postmortem, Section, SectionKind } from '../../core/model.ts';
import { classifyHeading } from '../../core/sections/classify.ts';
import type { TextPiece } from './prose.ts';
import { firstAtLeast } from './text/positions.ts';

/**
 * One section as a reader sees it: consecutive sections of one kind ("Fault", "Five Whys",
 * "Root Cause" in a row; "Response" then "Recovery"), the parts a combined heading announces
 * ("Root Cause and Resolution" then "Resolution"), and sub-sections of a kind their parent's
 * heading names.
 */
export interface SectionUnit {
  sections: Section[];
  /** The kinds of its sections. */
  kinds: Set<SectionKind>;
  /** The kinds its headings name ("Root Cause and Resolution": root cause and resolution). */
  named: Set<SectionKind>;
}

export interface SectionStructure {
  units: SectionUnit[];
  unitOf: Map<Section, SectionUnit>;
  /**
   * Fields of the summary that a later section gives in full: the ALX brief asks for an
   * "Issue Summary" with the duration, the impact and the root cause, then a "Root Cause and
   * Resolution" section, so "**Root Cause:** …" under the summary is a restatement, not a
   * section of its own.
   */
  restated: Set<Section>;
}

/** Kinds a summary restates as fields ("Impact:", "Root Cause:", "Detection:", "Resolution:"). */
const SUMMARY_FIELDS: ReadonlySet<SectionKind> = new Set(['impact', 'root-cause', 'detection', 'resolution']);
// (From the start of a run of spaces only: tried inside a long run, `\s*` would rescan it
// from every position, quadratic.)
const PART_SEPARATOR = /(?<!\s)\s*(?:&|\+|\/|,|\band\b|\bor\b)\s*/i;
const TAIL = /\s(?:-{1,2}|–|—)\s|[(:]/;

/** The heading's name without its descriptive tail: "Timeline (all times UTC)" → "Timeline". */
export function headingName(heading: string): string {
  const cut = heading.search(TAIL);
  return (cut > 0 ? heading.slice(0, cut) : heading).trim();
}

/** The kinds a heading names: its own kind and, for a combined heading, each part's. */
export function namedKinds(section: Section): Set<SectionKind> {
  const kinds = new Set<SectionKind>([section.kind]);
  const parts = headingName(section.heading).split(PART_SEPARATOR);
  if (parts.length < 2) return kinds;
  for (const part of parts) {
    const kind = part.trim() === '' ? undefined : classifyHeading(part)?.kind;
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/** Whether a heading names two sections or more ("Root Cause and Resolution", "Mitigation & Resolution"). */
export function isCombinedHeading(heading: string): boolean {
  const parts = headingName(heading).split(PART_SEPARATOR);
  let named = 0;
  for (const part of parts) if (part.trim() !== '' && classifyHeading(part) !== null) named++;
  return named >= 2;
}

const INLINE = new Set(['bold', 'plain-line']);

/**
 * Depths that nest as a reader sees them: a bold or plain-line label under an ATX, setext or
 * HTML heading belongs to it (the model gives such labels depth 2 whatever stands above).
 */
export function effectiveDepths(sections: readonly Section[]): number[] {
  const depths: number[] = [];
  let block: number | null = null;
  for (const s of sections) {
    if (INLINE.has(s.style)) depths.push(block === null ? s.depth : block + 1);
    else {
      block = s.depth;
      depths.push(s.depth);
    }
  }
  return depths;
}

/** The index of each section's parent (the nearest earlier section less deep), or -1. */
export function parents(sections: readonly Section[]): number[] {
  const depths = effectiveDepths(sections);
  const result: number[] = [];
  const stack: number[] = [];
  sections.forEach((_, i) => {
    while (stack.length > 0 && depths[stack[stack.length - 1]!]! >= depths[i]!) stack.pop();
    result.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
    stack.push(i);
  });
  return result;
}

export function sectionStructure(model: Postmortem): SectionStructure {
  const sections = model.sections;
  const parent = parents(sections);
  const units: SectionUnit[] = [];
  const unitOf = new Map<Section, SectionUnit>();
  sections.forEach((section, i) => {
    let unit: SectionUnit | undefined;
    // A sub-section of a kind its parent's heading names is a part of the parent.
    for (let p = parent[i]!; p !== -1 && unit === undefined; p = parent[p]!) {
      const candidate = unitOf.get(sections[p]!)!;
      if (section.kind !== 'other' && candidate.named.has(section.kind)) unit = candidate;
    }
    // So is the section right after one of the same kind, or of a kind its heading named.
    const previous = i > 0 ? unitOf.get(sections[i - 1]!) : undefined;
    if (unit === undefined && previous && section.kind !== 'other' && previous.named.has(section.kind)) unit = previous;
    if (unit === undefined) {
      unit = { sections: [], kinds: new Set(), named: new Set() };
      units.push(unit);
    }
    unit.sections.push(section);
    unit.kinds.add(section.kind);
    for (const kind of namedKinds(section)) unit.named.add(kind);
    unitOf.set(section, unit);
  });
  return { units, unitOf, restated: restatedFields(sections, unitOf) };
}

/** The kinds each opener's fields may have: the summary's (ALX: duration, impact, root cause) and the timeline's phases. */
const FIELDS_OF: Partial<Record<SectionKind, ReadonlySet<SectionKind>>> = {
  summary: SUMMARY_FIELDS,
  timeline: new Set(['detection', 'resolution']),
};

/**
 * Fields restated later. After a summary heading (or at the start of a document that opens with
 * its fields), the impact, root-cause, detection and resolution sections before any other kind;
 * after a timeline, the detection and resolution sections among its phases ("Actions Taken",
 * "Escalation", unrecognised, may stand between them). Such a field is restated when a section
 * of its kind follows later and the field looks like one: a bold or plain-line label, a heading
 * below its opener, the phase of an empty timeline heading, or a field that a later combined
 * heading ("Root Cause and Resolution", the ALX brief's) gives in full.
 */
function restatedFields(sections: readonly Section[], unitOf: ReadonlyMap<Section, SectionUnit>): Set<Section> {
  const restated = new Set<Section>();
  const depths = effectiveDepths(sections);
  let i = 0;
  while (i < sections.length) {
    const opener = sections[i]!;
    const kinds = FIELDS_OF[opener.kind] ?? (i === 0 ? SUMMARY_FIELDS : undefined);
    if (kinds === undefined) {
      i++;
      continue;
    }
    const isOpener = FIELDS_OF[opener.kind] !== undefined;
    let j = isOpener ? i + 1 : i;
    while (j < sections.length && sections[j]!.kind === opener.kind) j++;
    const fields: number[] = [];
    while (j < sections.length && (kinds.has(sections[j]!.kind) || sections[j]!.kind === 'other')) {
      if (sections[j]!.kind !== 'other') fields.push(j);
      j++;
    }
    for (const f of fields) {
      const field = sections[f]!;
      const later = sections.slice(j).filter((s) => s.kind === field.kind);
      if (later.length === 0) continue;
      const looksLikeField =
        INLINE.has(field.style) ||
        (isOpener && depths[f]! > depths[i]!) ||
        (opener.kind === 'timeline' && opener.empty) ||
        later.some((s) => unitOf.get(s)!.named.size > 1);
      if (looksLikeField) restated.add(field);
    }
    i = Math.max(j, i + 1);
  }
  return restated;
}

/**
 * The prose of a section's body, clipped to it: a bold or plain-line heading shares its text
 * node with the body that follows it ("Impact\nAll users were…"), so pieces that start before
 * the body are cut rather than dropped.
 */
export function bodyProse(pieces: readonly TextPiece[], section: Section): string[] {
  const out: string[] = [];
  // The pieces stand in source order: from the last one that begins before the body.
  const from = firstAtLeast(pieces, section.bodyStart, (p) => p.offset);
  for (let i = Math.max(0, from - 1); i < pieces.length; i++) {
    const piece = pieces[i]!;
    const start = piece.offset;
    if (start >= section.bodyEnd) break;
    if (piece.kind !== 'prose') continue;
    const end = start + piece.value.length;
    if (end <= section.bodyStart) continue;
    out.push(piece.value.slice(Math.max(0, section.bodyStart - start), Math.min(piece.value.length, section.bodyEnd - start)));
  }
  return out;
}

/** Where a section's heading line ends (1-based line and column), for a report's end. */
export function headingEnd(section: Section, source: string, lineStarts: readonly number[]): { endLine: number; endColumn: number } {
  const start = lineStarts[section.line - 1] ?? 0;
  let end = source.indexOf('\n', start);
  if (end === -1) end = source.length;
  if (end > start && source[end - 1] === '\r') end--;
  return { endLine: section.line, endColumn: end - start + 1 };
}
