// Heading text as the classifier reads it: cleaned for display (markup, emoji, numbering and
// edge punctuation removed) and keyed for lookup (lowercase, descriptive tail cut, "&" as
// "and"). Every pattern is precompiled and linear: this runs on every heading-like line.
import type { SectionKind } from '../model.ts';

/** HTML tags left in heading text (`<a id="x"></a>`, `<ins>`, `<span style=…>`). */
const HTML_TAG_RE = /<\/?[A-Za-z][^<>]*>/g;
/** Link destinations left behind: `[text](url)` → `[text]`. */
const LINK_DEST_RE = /\]\([^()]*\)/g;
/** Emoji shortcodes (`:memo:`, `:white_large_square:`), not "Timeline:" nor "10:30:". */
const SHORTCODE_RE = /(?<![\p{L}\p{N}]):[a-z][a-z0-9_+-]*:/giu;
/** Everything that is neither a letter, a digit, a space nor punctuation a heading keeps. */
const SYMBOL_RE = /[^\p{L}\p{N}\s&/,():;.'’?!+\-–—]/gu;
const SPACES_RE = /\s+/g;
/** Decoration left at the edges: "--- Root Cause ---", ": Timeline", "Summary:", "Fix;". */
const LEAD_DECOR_RE = /^[\s\-–—:;.,!+/'’]+/;
/** The same characters at the end, cut by a loop: as `/[…]+$/` a long run of them not at the end costs quadratic time. */
const DECOR_CHAR_RE = /[\s\-–—:;.,!+/'’]/;

function trimTrailingDecoration(s: string): string {
  let end = s.length;
  while (end > 0 && DECOR_CHAR_RE.test(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}
/** Numbering: "Step 2 -", "Part III:", "Section 1:", "Phase one". */
const WORD_NUMBER_RE =
  /^(?:step|part|section|phase|chapter|stage)\s+(?:\d{1,3}|[ivx]{1,5}|[a-z]|one|two|three|four|five|six|seven|eight|nine|ten)(?![\p{L}\p{N}])\s*[.):\-–—]?\s*/iu;
/**
 * Numbering: "1.", "1)", "2.3", "1 -", "1:", "II.", "b)", "h2 " (a heading level typed out), and a
 * bare small number before a word ("1 Issue Summary", what a keycap emoji leaves) except "5 Whys".
 */
const NUMBER_RE =
  /^(?:\d[\d.]{0,10}[.)](?!\d)|\d{1,3}\.\d[\d.]{0,8}(?=\s)|\d{1,3}\s?[-–—]\s|\d{1,3}:(?!\d)|[ivx]{1,5}[.)]|[a-z][.)]|h[1-6](?=\s)|(?:[1-9]|1\d|20)\s(?!whys\b)(?=\p{L}))\s*(?:[-–—:]\s*)?/iu;
/** A spaced dash that starts a tail: "Timeline - PST", "Fix — what we did". */
const DASH_TAIL_RE = /\s(?:-{1,2}|–|—)\s/;
const APOSTROPHE_RE = /['’]/g;
const AND_RE = /\s*[&+]\s*/g;
/** Separators of combined headings: "/", "," and "and" ("Discovery, Investigation, and Resolution"). */
const SEPARATOR_RE = /\s*[/,]\s*/g;
const HYPHEN_RE = /[-–—_]/g;
const DROP_RE = /[.;?!()]/g;
export const SPLIT_RE = / \/ (?:and |or )?| and | or | vs | versus /;

/**
 * The heading text for display: HTML tags, emoji, stray `**`/`_`/`#`/`=`/`~`/`|`, numbering and
 * edge punctuation removed; author's capitalisation and any descriptive tail
 * ("(all times UTC)") kept, as the model's `Section.heading` is "the heading as written".
 */
export function cleanHeadingText(raw: string): string {
  // The same line is often cleaned twice in a row: looksLikeHeadingLine, then classifyHeading.
  if (raw === lastRaw) return lastClean;
  const clean = cleanHeading(raw);
  lastRaw = raw;
  lastClean = clean;
  return clean;
}

let lastRaw: string | null = null;
let lastClean = '';

function cleanHeading(raw: string): string {
  let s = raw;
  if (s.includes('<')) s = s.replace(HTML_TAG_RE, ' ');
  if (s.includes('](')) s = s.replace(LINK_DEST_RE, ' ');
  if (s.includes(':')) s = s.replace(SHORTCODE_RE, ' ');
  s = s.replace(SYMBOL_RE, ' ').replace(SPACES_RE, ' ').replace(LEAD_DECOR_RE, '');
  s = trimTrailingDecoration(s);
  // Surrounding brackets: "(Timeline)".
  if (s.length > 1 && s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41 /* ) */ && s.indexOf('(', 1) === -1) {
    s = s.slice(1, -1).trim();
  }
  const before = s;
  s = s.replace(WORD_NUMBER_RE, '');
  if (s === before) s = s.replace(NUMBER_RE, '');
  if (s !== before) s = s.replace(LEAD_DECOR_RE, '');
  return s;
}

/** The lookup key of an already cleaned heading. */
export function keyOf(clean: string): string {
  let s = clean.toLowerCase();
  // Cut the descriptive tail: the earliest "(", ":" or spaced dash after the name.
  let cut = s.length;
  const paren = s.indexOf('(');
  if (paren > 0) cut = paren;
  const colon = s.indexOf(':');
  if (colon > 0 && colon < cut) cut = colon;
  const dash = s.search(DASH_TAIL_RE);
  if (dash > 0 && dash < cut) cut = dash;
  if (cut < s.length) s = s.slice(0, cut);
  return s
    .replace(APOSTROPHE_RE, '')
    .replace(AND_RE, ' and ')
    .replace(SEPARATOR_RE, ' / ')
    .replace(HYPHEN_RE, ' ')
    .replace(DROP_RE, '')
    .replace(SPACES_RE, ' ')
    .trim();
}

/**
 * The key under which a heading is looked up: lowercase, markup/emoji/numbering removed, the
 * descriptive tail cut ("Timeline (all times UTC)" → "timeline"), "&" spelled "and", hyphens as
 * spaces, apostrophes dropped, "/" and "," as " / ". Keys of configured extra aliases are
 * normalised the same way.
 */
export function normaliseHeading(text: string): string {
  return keyOf(cleanHeadingText(text));
}

/** Configured section aliases (heading as written → kind) keyed as `classifyHeading` looks them up. */
export function normalisedAliases(aliases: ReadonlyMap<string, SectionKind>): Map<string, SectionKind> {
  const out = new Map<string, SectionKind>();
  for (const [heading, kind] of aliases) out.set(normaliseHeading(heading), kind);
  return out;
}
