// The archive as cross-file rules (unique-id, related-links, recurrence) see it: per
// postmortem only the few fields they compare — id, title, date, services, related, and for
// `recurrence` the root-cause text — read from the file's text without building the model:
// the frontmatter with the yaml package, the first heading, and a line scan for the
// root-cause section. The same reader indexes the document being linted, so it is compared
// with the others on equal terms. Loading and caching the index: archive-index.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { Postmortem, SectionKind } from '../core/model.ts';
import { readSimpleMapping } from '../core/simple-yaml.ts';
import { loadYaml } from '../core/yaml.ts';
import { classifyHeading, cleanHeadingText, looksLikeHeadingLine, normaliseHeading } from '../core/sections/classify.ts';
import { redactSecrets } from './secrets/redact.ts';

/** What a cross-file rule reads of the other postmortems (see `Rule.archive`). */
export type ArchiveNeed = 'index' | 'root-cause';

export interface RootCauseText {
  /** The line of the root-cause heading. */
  line: number;
  /** The section's text (all root-cause sections of the document, joined). */
  text: string;
}

export interface ArchiveEntry {
  /** Absolute path. */
  filePath: string;
  /** The frontmatter `id` (a number is written as text), or null. */
  id: string | null;
  /** The frontmatter `title`, else the first level-1 heading, or null. */
  title: string | null;
  /** The incident's day, YYYY-MM-DD: frontmatter `date`, else `incident_start`, else a file name starting with a date. */
  date: string | null;
  /** Frontmatter `services` (a single string counts as one). */
  services: string[];
  /** Frontmatter `related` (ids, file names or relative paths). */
  related: string[];
  /**
   * Relative links to `.md` files in the body, as written (read by a pattern, code aside
   * only roughly): whether their targets exist is part of the archive's digest, so that the
   * lint cache forgets a `related-links` finding when a target appears or disappears.
   */
  links?: string[];
  /** The root-cause section, when the index was read for `recurrence` (undefined when not read). */
  rootCause?: RootCauseText | null;
}

const MAX_ALIAS_COUNT = 100;
const MAX_ROOT_CAUSE_CHARS = 8000;

// ── reading one file ───────────────────────────────────────────────────────────────────────

/**
 * The archive entry of one postmortem's text. `aliases` are keyed by `normaliseHeading`.
 * `frontmatter`: a block the caller has parsed already (the document being linted: its model
 * holds it), used when it is this text's block, so that the YAML is not parsed twice.
 */
export function indexEntry(filePath: string, source: string, need: ArchiveNeed, aliases?: ReadonlyMap<string, SectionKind>, frontmatter?: { raw: string; data: Record<string, unknown> }): ArchiveEntry {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.startsWith('\uFEFF')) lines[0] = lines[0].slice(1);
  let bodyFrom = 0;
  let data: Record<string, unknown> | null = null;
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
    if (close > 0) {
      const raw = lines.slice(1, close).join('\n');
      data = frontmatter?.raw === raw ? frontmatter.data : readYaml(raw);
      bodyFrom = close + 1;
    }
  }
  const scan = scanBody(lines, bodyFrom, need === 'root-cause', aliases);
  const entry: ArchiveEntry = {
    filePath,
    id: scalarText(data?.['id']),
    title: redactNullable(scalarText(data?.['title']) ?? scan.title),
    date: dayOf(data?.['date']) ?? dayOf(data?.['incident_start']) ?? /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(path.basename(filePath))?.[1] ?? null,
    services: listOf(data?.['services']),
    related: listOf(data?.['related']),
  };
  const links = markdownLinks(lines, bodyFrom);
  if (links.length > 0) entry.links = links;
  if (need === 'root-cause') entry.rootCause = scan.rootCause && { line: scan.rootCause.line, text: redactSecrets(scan.rootCause.text) };
  return entry;
}

/** Entries are kept in the archive index on disk and quoted in findings: never a credential in clear. */
function redactNullable(text: string | null): string | null {
  return text === null ? null : redactSecrets(text);
}

const INLINE_LINK = /\]\(\s*<?([^()\s<>]+)>?(?:\s+["'(][^)]*)?\)/g;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?([^\s<>]+)>?/;

function markdownLinks(lines: readonly string[], from: number): string[] {
  const found = new Set<string>();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('.md')) continue;
    for (const match of line.matchAll(INLINE_LINK)) if (localMarkdownTarget(match[1]!) !== null) found.add(match[1]!);
    const definition = DEFINITION.exec(line);
    if (definition && localMarkdownTarget(definition[1]!) !== null) found.add(definition[1]!);
  }
  return [...found];
}

function readYaml(text: string): Record<string, unknown> | null {
  // "key: value" lines only: what the YAML parser would read, for a fraction of its cost.
  const simple = readSimpleMapping(text, Number.POSITIVE_INFINITY);
  if (simple !== undefined) return simple;
  try {
    const doc = loadYaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
    if (doc.errors.length > 0) return null;
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const text = scalarText(item);
    if (text !== null) out.push(text);
  }
  return out;
}

function dayOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  return /^\s*(\d{4}-\d{2}-\d{2})(?!\d)/.exec(value)?.[1] ?? null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Headings are cut by hand past their opening mark: as one pattern, a lazy text followed by
// an optional closing "#" sequence (or "**", colon and blanks) rescans a long run of blanks
// from every position, quadratic in the line's length.
const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BOLD_OPEN = /^\s*(?:\*\*|__)(?=[^*_])/;
const HTML_HEADING = /^\s*<h([1-6])[^>]*>(.*?)<\/h\1>\s*$/i;
const BLOCK_START = /^\s*(?:[-*+>|]|\d{1,3}[.)]\s)/;
/** Depth given to bold and plain-line headings: below every real heading. */
const WEAK = 7;

interface Heading {
  line: number;
  depth: number;
  text: string;
  /** A heading by Markdown's own syntax (ATX, setext, HTML), not a bold or plain line. */
  strong: boolean;
  /** Underlined: the next line belongs to it. */
  setext?: boolean;
}

/** The first level-1 heading and (when asked) the root-cause section, by a line scan outside code fences. */
function scanBody(lines: readonly string[], from: number, rootCause: boolean, aliases?: ReadonlyMap<string, SectionKind>): { title: string | null; rootCause: RootCauseText | null } {
  let title: string | null = null;
  let fence: string | null = null;
  /** The root-cause section being read: its heading's depth, or null outside one. */
  let depth: number | null = null;
  let line: number | null = null;
  const parts: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!;
    const fenceMark = FENCE.exec(text)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    const heading = headingAt(lines, i, from);
    if (!heading) {
      if (depth !== null) parts.push(text);
      continue;
    }
    if (heading.setext) i++;
    if (heading.depth === 1 && heading.strong && title === null) title = cleanHeadingText(heading.text) || null;
    if (!rootCause) {
      if (title !== null) break;
      continue;
    }
    const kind = classifyHeading(heading.text, aliases)?.kind ?? null;
    if (depth !== null && (kind === 'root-cause' || (kind === null && !(heading.strong && heading.depth <= depth)))) {
      // A sub-heading of the section ("Contributing factors"): its words are part of it.
      parts.push(text);
      if (heading.setext) parts.push(lines[i]!);
    } else if (kind === 'root-cause') {
      depth = heading.depth;
      line ??= heading.line;
    } else {
      depth = null;
    }
  }
  if (line === null) return { title, rootCause: null };
  const joined = parts.join('\n').trim();
  return { title, rootCause: { line, text: joined.length > MAX_ROOT_CAUSE_CHARS ? joined.slice(0, MAX_ROOT_CAUSE_CHARS) : joined } };
}

/** An ATX heading's level and text, without its closing sequence ("## Timeline ##"). */
function atxHeading(line: string): { depth: number; text: string } | null {
  const open = ATX_OPEN.exec(line);
  if (!open) return null;
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trimEnd();
  return { depth: open[1]!.length, text };
}

/** The text of a line that is all bold ("**Root Cause**", "__Timeline:__", "**Impact**:"). */
function boldLine(line: string): string | null {
  const open = BOLD_OPEN.exec(line);
  if (!open) return null;
  let rest = line.slice(open[0].length).trimEnd();
  if (rest.endsWith(':')) rest = rest.slice(0, -1).trimEnd();
  if (!rest.endsWith('**') && !rest.endsWith('__')) return null;
  const text = rest.slice(0, -2);
  return text === '' ? null : text;
}

function headingAt(lines: readonly string[], i: number, from: number): Heading | null {
  const text = lines[i]!;
  const atx = atxHeading(text);
  if (atx) return { line: i + 1, depth: atx.depth, text: atx.text, strong: true };
  const html = HTML_HEADING.exec(text);
  if (html) return { line: i + 1, depth: Number(html[1]), text: html[2]!.replace(/<[^>]*>/g, ''), strong: true };
  if (text.trim() === '') return null;
  const next = lines[i + 1] ?? '';
  const underline = SETEXT.exec(next);
  if (underline && !BLOCK_START.test(text) && (i === from || (lines[i - 1] ?? '').trim() === '')) {
    return { line: i + 1, depth: underline[1]![0] === '=' ? 1 : 2, text: text.trim(), strong: true, setext: true };
  }
  const bold = boldLine(text);
  if (bold !== null) return { line: i + 1, depth: WEAK, text: bold, strong: false };
  // A short line standing alone ("Root cause" between blank lines), as the model reads plain-line headings.
  const alone = (i === from || (lines[i - 1] ?? '').trim() === '') && next.trim() === '';
  if (alone && looksLikeHeadingLine(text)) return { line: i + 1, depth: WEAK, text: text.trim(), strong: false };
  return null;
}

// ── the archive ────────────────────────────────────────────────────────────────────────────

/** Titles compared as a reader would: case, markup and spacing aside. */
export function titleKey(title: string): string {
  return title.toLowerCase().replace(/[*_`~#]/g, '').replace(/\s+/g, ' ').trim();
}

export class Archive {
  /** The folder paths in messages are relative to (the configuration's). */
  readonly root: string;
  readonly aliases: ReadonlyMap<string, SectionKind> | undefined;
  private source: readonly ArchiveEntry[] | (() => ArchiveEntry[]);
  private list: readonly ArchiveEntry[] | null = null;
  private paths: Map<string, ArchiveEntry> | null = null;
  private ids: Map<string, ArchiveEntry[]> | null = null;
  private stems: Map<string, ArchiveEntry[]> | null = null;
  private titles: Map<string, ArchiveEntry[]> | null = null;
  private services: Map<string, ArchiveEntry[]> | null = null;
  private selves = new WeakMap<Postmortem, { need: ArchiveNeed; entry: ArchiveEntry }>();
  private vectors = new WeakMap<ArchiveEntry, TermVector>();
  private counts = new WeakMap<ArchiveEntry, Map<string, number>>();
  private frequencies: { docs: number; df: Map<string, number> } | null = null;

  /** `entries` may be a function: then the archive is read at its first use. */
  constructor(root: string, entries: readonly ArchiveEntry[] | (() => ArchiveEntry[]), aliases?: ReadonlyMap<string, SectionKind>) {
    this.root = root;
    this.source = entries;
    this.aliases = aliases;
  }

  get entries(): readonly ArchiveEntry[] {
    if (this.list === null) this.list = typeof this.source === 'function' ? this.source() : this.source;
    return this.list;
  }

  /** Entries with this id (ids compare without regard to case or surrounding spaces). */
  withId(id: string): readonly ArchiveEntry[] {
    if (this.ids === null) {
      this.ids = new Map();
      for (const entry of this.entries) if (entry.id !== null) push(this.ids, entry.id.toLowerCase(), entry);
    }
    return this.ids.get(id.trim().toLowerCase()) ?? [];
  }

  /** Entries without an id with this title (as `titleKey` compares them) and date. */
  withTitleAndDate(title: string, date: string): readonly ArchiveEntry[] {
    if (this.titles === null) {
      this.titles = new Map();
      for (const entry of this.entries) {
        if (entry.id === null && entry.title !== null && entry.date !== null) push(this.titles, `${entry.date} ${titleKey(entry.title)}`, entry);
      }
    }
    return this.titles.get(`${date} ${titleKey(title)}`) ?? [];
  }

  /** Entries that name one of these services (case aside), each once, in archive order. */
  withServices(services: readonly string[]): readonly ArchiveEntry[] {
    if (this.services === null) {
      this.services = new Map();
      for (const entry of this.entries) for (const service of new Set(entry.services.map((s) => s.toLowerCase()))) push(this.services, service, entry);
    }
    const found = new Set<ArchiveEntry>();
    for (const service of services) for (const entry of this.services.get(service.toLowerCase()) ?? []) found.add(entry);
    return found.size === 0 ? [] : this.entries.filter((e) => found.has(e));
  }

  /** Entries whose file name, without `.md`, is this. */
  withStem(stem: string): readonly ArchiveEntry[] {
    if (this.stems === null) {
      this.stems = new Map();
      for (const entry of this.entries) push(this.stems, path.basename(entry.filePath).replace(/\.md$/i, '').toLowerCase(), entry);
    }
    return this.stems.get(stem.trim().replace(/\.md$/i, '').toLowerCase()) ?? [];
  }

  at(filePath: string): ArchiveEntry | undefined {
    if (this.paths === null) this.paths = new Map(this.entries.map((e) => [e.filePath, e]));
    return this.paths.get(path.resolve(filePath));
  }

  /** Whether a file exists: in the archive, else on disk (a link may point outside the content folder). */
  hasFile(filePath: string): boolean {
    return this.at(filePath) !== undefined || existsSync(filePath);
  }

  /** A path as messages show it: relative to the root, with `/`. */
  display(filePath: string): string {
    const relative = path.relative(this.root, filePath);
    return relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative.split(path.sep).join('/');
  }

  /**
   * The document being linted as an archive entry, read from its text as the others were;
   * its root cause only when `need` is 'root-cause' (finding that section is most of the cost).
   */
  self(model: Postmortem, need: ArchiveNeed = 'index'): ArchiveEntry {
    const known = this.selves.get(model);
    if (known && (known.need === 'root-cause' || need === 'index')) return known.entry;
    // The model's frontmatter, when it read the same block without a problem: the YAML is
    // the costliest part of reading an entry.
    const { frontmatter } = model;
    const parsed = frontmatter.data !== null && frontmatter.errors.length === 0 && frontmatter.raw !== null ? { raw: frontmatter.raw, data: frontmatter.data } : undefined;
    const entry = indexEntry(path.resolve(model.filePath), model.source, need, this.aliases, parsed);
    this.selves.set(model, { need, entry });
    return entry;
  }

  /** The TF-IDF vector of an entry's root cause (IDF over the archive's root causes). */
  vector(entry: ArchiveEntry): TermVector {
    let vector = this.vectors.get(entry);
    if (!vector) {
      vector = weigh(this.termsOf(entry), this.documentFrequencies());
      this.vectors.set(entry, vector);
    }
    return vector;
  }

  private termsOf(entry: ArchiveEntry): Map<string, number> {
    let counts = this.counts.get(entry);
    if (!counts) {
      counts = termCounts(entry.rootCause?.text ?? '');
      this.counts.set(entry, counts);
    }
    return counts;
  }

  private documentFrequencies(): { docs: number; df: Map<string, number> } {
    if (this.frequencies === null) {
      const df = new Map<string, number>();
      let docs = 0;
      for (const entry of this.entries) {
        if (!entry.rootCause) continue;
        docs++;
        for (const term of this.termsOf(entry).keys()) df.set(term, (df.get(term) ?? 0) + 1);
      }
      this.frequencies = { docs, df };
    }
    return this.frequencies;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A small archive for a rule's documented examples: file name (relative to the working
 * directory, as the example's own `fileName`) → Markdown. Read at its first use.
 */
export function exampleArchive(files: Record<string, string>, root = process.cwd()): Archive {
  return new Archive(root, () => Object.entries(files).map(([name, text]) => indexEntry(path.resolve(root, name), text, 'root-cause')));
}

// ── root-cause similarity ──────────────────────────────────────────────────────────────────

export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

const STOPWORDS = new Set(
  ('a an and or but of to in on at by for from with into onto over under about after before during while when then than that this these those ' +
    'the it its is are was were be been being has have had do does did not no nor so as if which who whom what where why how all any each both ' +
    'some such only own same other more most very can could would should will shall may might must also just our we us they their them there ' +
    'here he she his her one two root cause causes caused because due reason issue incident problem happened').split(' '),
);

/** Lower-case words (digits kept, plural "s" and "-ing"/"-ed" trimmed), stop words left out. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    let word = match[0].replace(/['’].*$/, '');
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    if (word.length > 5 && word.endsWith('ing')) word = word.slice(0, -3);
    else if (word.length > 4 && word.endsWith('ed')) word = word.slice(0, -2);
    else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
    out.push(word);
  }
  return out;
}

/** Term counts of a text: its words and its word pairs (shingles of two). */
export function termCounts(text: string): Map<string, number> {
  const list = words(text);
  const counts = new Map<string, number>();
  list.forEach((word, i) => {
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (i > 0) {
      const pair = `${list[i - 1]} ${word}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  });
  return counts;
}

function weigh(counts: Map<string, number>, frequencies: { docs: number; df: Map<string, number> }): TermVector {
  const weights = new Map<string, number>();
  let squares = 0;
  for (const [term, count] of counts) {
    const idf = Math.log((frequencies.docs + 1) / ((frequencies.df.get(term) ?? 0) + 1)) + 1;
    const weight = (1 + Math.log(count)) * idf;
    weights.set(term, weight);
    squares += weight * weight;
  }
  return { weights, norm: Math.sqrt(squares) };
}

/** Cosine similarity of two vectors, 0 to 1. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.norm * b.norm);
}

/** Configuration aliases keyed as `classifyHeading` expects them. */
export function normalisedAliases(aliases: ReadonlyMap<string, SectionKind>): Map<string, SectionKind> {
  const out = new Map<string, SectionKind>();
  for (const [heading, kind] of aliases) out.set(normaliseHeading(heading), kind);
  return out;
}

// ── links between postmortems ──────────────────────────────────────────────────────────────

/** A link to a local Markdown file: its path part (no anchor, no query), or null for URLs, anchors and other files. */
export function localMarkdownTarget(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/') || url.startsWith('\\')) return null;
  const bare = url.replace(/[?#].*$/, '');
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // A stray "%": keep the text as written.
  }
  return /\.md$/i.test(decoded) ? decoded : null;
}

/** Link and definition nodes with a URL, outside code (mdast has no links in code). */
export function linkNodes(tree: Root): { url: string; node: Nodes }[] {
  const out: { url: string; node: Nodes }[] = [];
  const walk = (node: Nodes): void => {
    if ((node.type === 'link' || node.type === 'definition') && node.url) out.push({ url: node.url, node });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/** Whether a `related:` value names a postmortem of the archive: by id, file name or relative path. */
export function relatedTarget(value: string, fromFile: string, archive: Archive): ArchiveEntry | 'file' | null {
  const byId = archive.withId(value)[0];
  if (byId) return byId;
  if (!/[/\\]/.test(value)) {
    const byName = archive.withStem(value)[0];
    if (byName) return byName;
  }
  if (/[/\\]/.test(value) || /\.md$/i.test(value)) {
    const target = path.resolve(path.dirname(fromFile), value);
    const entry = archive.at(target);
    if (entry) return entry;
    if (archive.hasFile(target)) return 'file';
  }
  return null;
}

// ── messages and positions for the cross-file rules ────────────────────────────────────────

const SHOWN = 3;

/** "a.md", "a.md and b.md", "a.md, b.md, c.md and 2 more". */
export function listPaths(paths: readonly string[]): string {
  if (paths.length <= 1) return paths.join('');
  if (paths.length <= SHOWN) return `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
  return `${paths.slice(0, SHOWN).join(', ')} and ${paths.length - SHOWN} more`;
}

/** A whole line as a finding's range: from its first non-space character to its end. */
export function lineRange(source: string, lineStarts: readonly number[], line: number): { line: number; column: number; endLine: number; endColumn: number } {
  const start = lineStarts[line - 1] ?? 0;
  const end = lineStarts[line] !== undefined ? lineStarts[line]! - 1 : source.length;
  const text = source.slice(start, end).replace(/\r$/, '');
  const indent = text.length - text.trimStart().length;
  return { line, column: indent + 1, endLine: line, endColumn: Math.max(indent + 1, text.trimEnd().length + 1) };
}

/**
 * The file line of a frontmatter key, or of one of its values (`related: [A, B]` or a
 * block list under the key): the first line from the key on that holds the value.
 */
export function frontmatterLine(model: Postmortem, key: string, value?: string): number | null {
  const { raw, span } = model.frontmatter;
  if (raw === null || span === null) return null;
  const lines = raw.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (at === -1) return null;
  if (value !== undefined) {
    for (let i = at; i < lines.length && (i === at || /^[\s-]/.test(lines[i]!)); i++) {
      if (lines[i]!.includes(value)) return span.start.line + 1 + i;
    }
  }
  return span.start.line + 1 + at;
}
