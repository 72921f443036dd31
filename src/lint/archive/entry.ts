// One postmortem as an archive entry: per postmortem only the few fields the cross-file rules
// compare — id, title, date, services, related, links, and for `recurrence` the root-cause
// text — read from the file's text without building the model: the frontmatter with the model's
// readers, then the body's line scan (body-scan.ts). The same reader indexes the document
// being linted, so it is compared with the others on equal terms.
import path from 'node:path';
import type { SectionKind } from '../../core/model.ts';
import { MAX_FRONTMATTER, MAX_VALUE, readToml, readYaml } from '../../core/frontmatter.ts';
import { readSimpleMapping } from '../../core/simple-yaml.ts';
import { redactSecrets } from '../secrets/redact.ts';
import { scanBody, type RootCauseText } from './body-scan.ts';
import { localMarkdownTarget } from './links.ts';

export type { RootCauseText } from './body-scan.ts';

/** What a cross-file rule reads of the other postmortems (see `Rule.archive`). */
export type ArchiveNeed = 'index' | 'root-cause';

export interface ArchiveEntry {
  /** Absolute path. */
  filePath: string;
  /** The frontmatter `id` (a number is written as text), or null. */
  id: string | null;
  /** The frontmatter `title`, else the document's title heading as the model finds it, or null. */
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

/**
 * The archive entry of one postmortem's text. `aliases` are keyed by `normaliseHeading`.
 * `frontmatter`: a block the caller has parsed already (the document being linted: its model
 * holds it), used when it is this text's block, so that the YAML is not parsed twice.
 */
export function indexEntry(
  filePath: string,
  source: string,
  need: ArchiveNeed,
  aliases?: ReadonlyMap<string, SectionKind>,
  frontmatter?: { raw: string; data: Record<string, unknown> },
): ArchiveEntry {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.startsWith('\uFEFF')) lines[0] = lines[0].slice(1);
  let bodyFrom = 0;
  let data: Record<string, unknown> | null = null;
  // As the parser reads a frontmatter block: `---` (YAML) or `+++` (TOML) alone on the first
  // line, closed by the same alone on a later line.
  const fence = FRONTMATTER_FENCE.exec(lines[0] ?? '')?.[1];
  if (fence !== undefined) {
    const close = lines.findIndex((line, i) => i > 0 && line.startsWith(fence) && !/[^ \t]/.test(line.slice(3)));
    if (close > 0) {
      const raw = lines.slice(1, close).join('\n');
      data = frontmatter?.raw === raw ? frontmatter.data : frontmatterData(raw, fence === '+++');
      bodyFrom = close + 1;
    }
  }
  const scan = scanBody(lines, bodyFrom, need === 'root-cause', aliases);
  const entry: ArchiveEntry = {
    filePath,
    id: scalarText(data?.id),
    title: redactNullable(titleText(data?.title) ?? scan.title),
    date: dayOf(data?.date) ?? dayOf(data?.incident_start) ?? /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(path.basename(filePath))?.[1] ?? null,
    services: listOf(data?.services),
    related: listOf(data?.related),
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

const FRONTMATTER_FENCE = /^(---|\+\+\+)[ \t]*$/;

/** A frontmatter block's data as the model reads it (core/frontmatter.ts), or null where the model has none. */
function frontmatterData(raw: string, toml: boolean): Record<string, unknown> | null {
  if (raw.length > MAX_FRONTMATTER) return null;
  if (toml) return readToml(raw, 1).data;
  // "key: value" lines only: what the YAML parser would read, for a fraction of its cost.
  return readSimpleMapping(raw, MAX_VALUE) ?? readYaml(raw, 1).data;
}

/** A frontmatter title, as the model reads it: text only. */
function titleText(value: unknown): string | null {
  return typeof value === 'string' ? value.trim() || null : null;
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
