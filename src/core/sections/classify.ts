// Which kind of postmortem section a heading names.
//
// `classifyHeading` runs on every heading, bold paragraph and short standalone line of every
// document, so it normalises the text once (a fixed sequence of precompiled, linear regular
// expressions), then tries a Map of exact aliases, then a few word-level rules and a short
// ordered list of anchored phrase patterns. Nothing is compiled per call and no pattern has a
// nested quantifier.
//
// It answers null for anything that is not essentially a section name: "Root cause was a typo
// in the config." stays a sentence. The table itself lives in ./aliases.ts, the cleaning and
// keying of heading text in ./heading-text.ts.

import type { SectionKind } from '../model.ts';
import {
  CANONICAL_HEADINGS,
  LEADING_MODIFIERS,
  QUALIFIABLE,
  SECTION_ALIASES,
  SENTENCE_WORDS,
  TRAILING_MODIFIERS,
  UNCLASSIFIED_SECTIONS,
  type KnownSectionKind,
  type SectionAlias,
} from './aliases.ts';

export type { KnownSectionKind, SectionAlias } from './aliases.ts';
import { cleanHeadingText, keyOf, normaliseHeading, SPLIT_RE } from './heading-text.ts';
// Part of this module's interface for the model, the rules and the site.
export { cleanHeadingText, normalisedAliases, normaliseHeading } from './heading-text.ts';

export interface HeadingClass {
  kind: KnownSectionKind;
  /** The heading for display: markup, emoji, decorations and numbering removed, case kept. */
  heading: string;
}

// ── the tables, normalised once ────────────────────────────────────────────────────────────

/** `null`: a known section name that is none of the kinds. */
type Lookup = KnownSectionKind | null | undefined;

const ALIASES = new Map<string, KnownSectionKind | null>();
for (const entry of UNCLASSIFIED_SECTIONS) ALIASES.set(normaliseHeading(entry.alias), null);
for (const entry of SECTION_ALIASES) ALIASES.set(normaliseHeading(entry.alias), entry.kind);

const QUALIFIABLE_SET = new Set(QUALIFIABLE.map(normaliseHeading));
const SENTENCE_SET = new Set(SENTENCE_WORDS);
const LEADING = LEADING_MODIFIERS.map((m) => `${normaliseHeading(m)} `);
const TRAILING = TRAILING_MODIFIERS.map((m) => ` ${normaliseHeading(m)}`);
/** Words a qualifier cannot be: "Check the Timeline" is an instruction, not a heading. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'my', 'our', 'your', 'their']);
const PREPOSITIONS = new Set(['of', 'for', 'on', 'to', 'from', 'in', 'during', 'after', 'with', 'about']);

/** Anchored phrase patterns, tried in order on keys of at most `MAX_PHRASE_WORDS` words. */
const PHRASES: readonly (readonly [RegExp, KnownSectionKind])[] = [
  [/^what (?:went|didnt go|did not go|could have gone|could have went|could go) (?:well|right|wrong|badly|poorly|better|worse)\b/, 'lessons-learned'],
  [/^where (?:we got|did we get|we were|were we) lucky\b/, 'lessons-learned'],
  [/^(?:what|things) (?:we|did we|i|did i|have we) (?:learn|learned|learnt)\b/, 'lessons-learned'],
  [
    /^why (?:did|does|do|was|were|is|has|had)\b.{0,40}\b(?:happen|happened|occur|occurred|fail|failed|break|broke|crash|crashed|go down|went down)\b/,
    'root-cause',
  ],
  [/^why (?:it|this|that) (?:happened|occurred|failed|broke)\b/, 'root-cause'],
  [/^what (?:caused|triggered|was the (?:root )?cause|were the (?:root )?causes|is the root cause)\b/, 'root-cause'],
  [
    /^(?:how|when) (?:was|were|did|do|we|it|i|the)\b.{0,30}\b(?:detect|detected|discover|discovered|notice|noticed|find out|found out|spot|spotted)\b/,
    'detection',
  ],
  [
    /^how (?:was|were|did|do|we|it|i|the)\b.{0,30}\b(?:fix|fixed|resolve|resolved|mitigate|mitigated|recover|recovered|restore|restored|respond|responded|solve|solved)\b/,
    'resolution',
  ],
  [/^how (?:can|could|do|will|would|should|to|we|did)\b.{0,24}\b(?:prevent|avoid|stop)\b/, 'corrective-measures'],
  [/^(?:preventing|avoiding|prevent) (?:this|it|future|similar|recurrence|a repeat|further|such)\b/, 'corrective-measures'],
  [/^(?:measures|steps|actions) (?:to prevent|against|for preventing|to avoid)\b/, 'corrective-measures'],
  [
    /^what (?:we are|were|are we|we will|will we|well|we have|have we|we plan|we will be|is being)\b.{0,12}\b(?:doing|do|done|change|changing|changed|improve|improving)\b/,
    'corrective-measures',
  ],
  [/^what (?:was|were|is|are|got)\b.{0,20}\b(?:impacted|affected)\b/, 'impact'],
  [/^(?:who|which \S+) (?:was|were|is|are|got)\b.{0,20}\b(?:impacted|affected)\b/, 'impact'],
  [/^what (?:was|is) the impact\b/, 'impact'],
  [/^what (?:happened|went down)\b/, 'summary'],
];
const MAX_PHRASE_WORDS = 12;
/** A combined heading's parts that name no section must be this short ("Mitigation and Future Prevention"). */
const MAX_FILLER_WORDS = 4;

function exact(key: string, extra: ReadonlyMap<string, KnownSectionKind | null> | null): Lookup {
  if (extra !== null) {
    const k = extra.get(key);
    if (k !== undefined) return k;
  }
  return ALIASES.get(key);
}

function countWords(s: string): number {
  let n = 1;
  for (let i = s.indexOf(' '); i !== -1; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

function hasSentenceWord(words: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_SET.has(words[i] ?? '')) return true;
  return false;
}

function withoutTrailing(key: string, extra: ReadonlyMap<string, KnownSectionKind | null> | null): Lookup {
  for (const m of TRAILING) {
    if (key.length > m.length && key.endsWith(m)) {
      const hit = exact(key.slice(0, key.length - m.length), extra);
      if (hit !== undefined && hit !== null) return hit;
    }
  }
  return undefined;
}

/**
 * A section name on its own, with at most a modifier, a short qualifier ("Productivity Impact")
 * or a prepositional tail ("Timeline of Events"), or one of the phrase patterns.
 */
function resolveSimple(key: string, extra: ReadonlyMap<string, KnownSectionKind | null> | null): Lookup {
  const hit = exact(key, extra);
  if (hit !== undefined) return hit;
  const trail = withoutTrailing(key, extra);
  if (trail !== undefined) return trail;

  // Leading modifiers ("the", "incident", "detailed"), one at a time.
  let s = key;
  for (let round = 0; round < 3; round++) {
    const m = LEADING.find((p) => s.length > p.length && s.startsWith(p));
    if (m === undefined) break;
    s = s.slice(m.length);
    const h = exact(s, extra) ?? withoutTrailing(s, extra);
    if (h !== undefined) return h;
  }

  // Long texts are sentences, whatever they start with.
  if (countWords(key) > MAX_PHRASE_WORDS) return undefined;
  const words = s.split(' ');
  const n = words.length;
  // "Horror Timeline", "End-User Impact": up to two qualifier words before a distinctive name.
  for (let q = 1; q <= 2 && q < n; q++) {
    const w = words[q - 1] ?? '';
    if (SENTENCE_SET.has(w) || FUNCTION_WORDS.has(w)) break;
    const rest = words.slice(q).join(' ');
    if (QUALIFIABLE_SET.has(rest)) {
      const kind = exact(rest, extra);
      if (kind) return kind;
    }
  }
  // "Timeline of Events", "Impact on Users", "Root Cause of the Outage".
  for (let h = 1; h <= 3 && h < n - 1; h++) {
    if (!PREPOSITIONS.has(words[h] ?? '')) continue;
    const head = words.slice(0, h).join(' ');
    if (!QUALIFIABLE_SET.has(head)) continue;
    if (n - h - 1 > 4 || hasSentenceWord(words, h + 1, n)) break;
    const kind = exact(head, extra);
    if (kind) return kind;
  }
  for (const [re, kind] of PHRASES) if (re.test(key)) return kind;
  return undefined;
}

/** The configured extra aliases, with keys normalised once per map. */
const extraCache = new WeakMap<ReadonlyMap<string, SectionKind>, ReadonlyMap<string, KnownSectionKind | null>>();

function normalisedExtra(extra: ReadonlyMap<string, SectionKind>): ReadonlyMap<string, KnownSectionKind | null> {
  let m = extraCache.get(extra);
  if (m === undefined) {
    const built = new Map<string, KnownSectionKind | null>();
    for (const [k, kind] of extra) built.set(normaliseHeading(k), kind === 'other' ? null : kind);
    extraCache.set(extra, built);
    m = built;
  }
  return m;
}

/**
 * The section kind a heading names, or null when it names none (the caller decides whether an
 * unrecognised heading starts an `other` section).
 *
 * `raw` is the heading's plain text; it may still carry numbering, emoji, decorations, stray
 * `**`, a trailing colon and a descriptive tail. A combined heading takes the first kind it
 * names ("Root Cause and Resolution" → root-cause).
 *
 * `extra` adds aliases from the configuration (keys are normalised with `normaliseHeading`);
 * they win over the built-in table, and an extra alias mapped to `other` makes a built-in
 * alias unrecognised.
 */
export function classifyHeading(raw: string, extra?: ReadonlyMap<string, SectionKind>): HeadingClass | null {
  // The same headings ("Timeline", "Root Cause") recur in every file of an archive: each text
  // is classified once per alias table (results are frozen: callers share them).
  const memo = memoFor(extra);
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const result = classifyUncached(raw, extra);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, result === null ? null : Object.freeze(result));
  return result;
}

/** Headings remembered per alias table: a file has tens, an archive some hundreds of distinct ones. */
const MEMO_LIMIT = 4096;
const NO_EXTRA = new Map<string, HeadingClass | null>();
const memoByExtra = new WeakMap<ReadonlyMap<string, SectionKind>, Map<string, HeadingClass | null>>();

function memoFor(extra: ReadonlyMap<string, SectionKind> | undefined): Map<string, HeadingClass | null> {
  if (extra === undefined || extra.size === 0) return NO_EXTRA;
  let memo = memoByExtra.get(extra);
  if (!memo) {
    memo = new Map();
    memoByExtra.set(extra, memo);
  }
  return memo;
}

function classifyUncached(raw: string, extra: ReadonlyMap<string, SectionKind> | undefined): HeadingClass | null {
  const heading = cleanHeadingText(raw);
  if (heading.length === 0) return null;
  const key = keyOf(heading);
  if (key.length === 0) return null;
  const ex = extra === undefined || extra.size === 0 ? null : normalisedExtra(extra);

  const simple = resolveSimple(key, ex);
  if (simple !== undefined) return simple === null ? null : { kind: simple, heading };

  // A combined heading: "Mitigation & Resolution", "Discovery, Investigation, and Resolution",
  // "Conclusion and Next Steps". The first part must be a section name (of a kind or not), the
  // others section names or short fillers without a verb; the first kind named wins.
  if (!SPLIT_RE.test(key)) return null;
  const parts = key.split(SPLIT_RE);
  let found: KnownSectionKind | null = null;
  for (let i = 0; i < parts.length; i++) {
    const p = (parts[i] ?? '').trim();
    if (p.length === 0) continue;
    const r = resolveSimple(p, ex);
    if (r === undefined) {
      // The first part must name a section ("performance, alerting, and …" is a list, not a heading).
      if (i === 0) return null;
      const words = p.split(' ');
      if (words.length > MAX_FILLER_WORDS || hasSentenceWord(words, 0, words.length)) return null;
    } else if (r !== null && found === null) {
      found = r;
    }
  }
  return found === null ? null : { kind: found, heading };
}

// ── standalone lines ───────────────────────────────────────────────────────────────────────

/** List items, quotes, tables, HTML, fences, task boxes. */
const LIST_START_RE = /^(?:[-*+•]\s|\d{1,3}[.)](?:\s|$)|>|\||<|```|~~~|\[[ xX]\]\s)/;
/** A time or date at the start: "10:05", "9 AM", "2023-05-10", "5/10/23", "May 10", "[10:05]". */
const TIME_START_RE =
  /^[[(]?(?:\d{1,2}[:h.]\d{2}(?!\d)|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?!\d)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?![\d:]))/i;
/** Code, shell prompts, URLs, links and images, assignments. */
const CODE_LIKE_RE = /[`{}$@\\]|:\/\/|\]\(|!\[|[\p{L}\p{N}]\s?=\s?[\p{L}\p{N}"']/u;
/** A field rather than a heading: "Detection Time: 01:15 AM", "Duration: 2 hours". */
const FIELD_RE = /[\p{L})]\s?:\s?[\p{L}\p{N}]/u;
/** A sentence ends inside the line: "Fixed it. Then …". */
const INNER_SENTENCE_RE = /[\p{L}\p{N}][.!?]\s+\S/u;
const LETTER_RE = /\p{L}/u;
const MAX_LINE_WORDS = 8;

/**
 * Whether a short line standing alone (its own paragraph, or the first line of a block of plain
 * lines) could be a heading: at most eight words, no sentence-ending period or comma, no
 * sentence break inside, not a "Label: value" field, not a list item, quote, table row, link,
 * image or code, not starting with a time or date. It says nothing of the words: combine it with
 * `classifyHeading` to find plain-line headings.
 */
export function looksLikeHeadingLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 120) return false;
  if (LIST_START_RE.test(t) || TIME_START_RE.test(t) || CODE_LIKE_RE.test(t)) return false;
  const last = t.charCodeAt(t.length - 1);
  if (last === 46 /* . */ || last === 44 /* , */) return false;
  const clean = cleanHeadingText(t);
  if (!LETTER_RE.test(clean) || INNER_SENTENCE_RE.test(clean) || FIELD_RE.test(clean)) return false;
  let words = 0;
  for (const w of clean.split(' ')) {
    if (w.length > 0 && ++words > MAX_LINE_WORDS) return false;
  }
  return words > 0;
}

// ── names ──────────────────────────────────────────────────────────────────────────────────

/** The heading `--fix` and the `new` template write for a kind ("Root Cause"). */
export function canonicalHeading(kind: SectionKind): string {
  return CANONICAL_HEADINGS[kind];
}

/** The built-in alias table, for docs/reading.md and the `rules` docs. */
export function sectionAliases(): readonly SectionAlias[] {
  return SECTION_ALIASES;
}
