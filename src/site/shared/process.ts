// One postmortem → one stored entry, from ONE parse: `lintWithModel` gives the model, the
// mdast tree and the findings; the tree is rendered to sanitized HTML. Runs in the loader's
// process or in its worker threads (no Astro import here).
import type { Root } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import type { Postmortem, ResolvedTime } from '../../core/model.ts';
import type { Finding } from '../../lint/engine.ts';
import type { Linter } from '../../lint/linter.ts';
import { redactSecrets } from '../../lint/secrets/redact.ts';
import { renderPostmortem, type RenderedHeading } from './render.ts';
import { readSource } from './archive.ts';
import { FACTOR_KEYS, TRIGGER_KEYS } from './incident.ts';
import type { EntryData, LintedFinding, StoredModel, StoredTime } from './types.ts';

export interface FileJob {
  file: string;
  /** The text; null when the scan did not read it (unchanged since the last scan): read here. */
  source: string | null;
  /** The folder it may not leave through a symbolic link. */
  boundary: string | undefined;
  /** The project's root, for the message of a file that cannot be read. */
  root: string;
  slug: string;
  sourcePath: string;
  lastUpdated: EntryData['lastUpdated'];
}

export interface Processed {
  slug: string;
  data: EntryData<LintedFinding>;
  html: string;
  headings: RenderedHeading[];
  /** The text, when the job came without it (the baseline's fingerprints read its lines). */
  source?: string;
}

export function processFile(linter: Linter, job: FileJob): Processed {
  const source = job.source ?? readSource(job.root, job.file, job.boundary);
  const { parsed: read, findings } = linter.lintWithModel(job.file, source);
  // What is published (the page, the feed, the search index) is read from the text with its
  // credentials masked; the findings are the file's own (their messages mask them already).
  const published = redactSecrets(source);
  const { model, tree } = published === source ? read : linter.parse(job.file, published);
  const rendered = renderPostmortem(tree, {
    titleLine: model.titleLine,
    title: model.title,
    promoteLines: new Set(model.sections.filter((s) => s.style === 'bold' || s.style === 'plain-line').map((s) => s.line)),
    timelineLines: new Set(model.timeline.map((e) => e.line)),
    actionLines: new Set(model.actionItems.map((a) => a.line)),
  });
  const data: EntryData<LintedFinding> = {
    slug: job.slug,
    sourcePath: job.sourcePath,
    model: storedModel(model),
    findings: findings.map(lintedFinding),
    errorCount: findings.filter((f) => f.severity === 2).length,
    warningCount: findings.filter((f) => f.severity === 1).length,
    lastUpdated: job.lastUpdated,
    excerpt: excerptOf(model, tree),
  };
  return { slug: job.slug, data, html: rendered.html, headings: rendered.headings, ...(job.source === null ? { source } : {}) };
}

/** The frontmatter keys the pages read (incident.ts, the incident page); the others are not stored. */
export const PAGE_FRONTMATTER_KEYS: readonly string[] = [
  'id',
  'title',
  'date',
  'severity',
  'status',
  'services',
  'service',
  'tags',
  'authors',
  'author',
  'related',
  'detected',
  'impact',
  ...FACTOR_KEYS,
  ...TRIGGER_KEYS,
];

export function storedModel(model: Postmortem): StoredModel {
  const rootCause = model.sections.find((s) => s.kind === 'root-cause');
  const { start, end, detected, resolved, timezone, statedDurationText } = model.incident;
  return {
    title: model.title,
    frontmatter: { data: pageFrontmatter(model.frontmatter.data) },
    sections: rootCause ? [{ kind: rootCause.kind, heading: rootCause.heading }] : [],
    incident: { start: storedTime(start), end: storedTime(end), detected: storedTime(detected), resolved: storedTime(resolved), timezone, statedDurationText },
    declaredZone: model.declaredZone,
    timeline: model.timeline.map(({ line, text, timeText, time }) => ({ line, text, timeText, time: storedTime(time) })),
    actionItems: model.actionItems.map(({ line, text, owner, ticket, due, done }) => ({ line, text, owner, ticket, due, done })),
    stated: {
      severity: model.stated.severity && { value: model.stated.severity.value },
      services: model.stated.services && { value: model.stated.services.value },
    },
  };
}

function storedTime(time: ResolvedTime | null): StoredTime | null {
  if (!time) return null;
  const { iso, epochMs, offsetMinutes, dateGiven, zoneGiven } = time;
  return { iso, epochMs, offsetMinutes, dateGiven, zoneGiven };
}

function pageFrontmatter(data: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!data) return null;
  const kept: Record<string, unknown> = {};
  for (const key of PAGE_FRONTMATTER_KEYS) if (Object.hasOwn(data, key)) kept[key] = data[key];
  return kept;
}

export function lintedFinding(finding: Finding): LintedFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    fixable: finding.fix !== undefined,
  };
}

/** The summary's first prose paragraph (else the document's first), as plain text. */
export function excerptOf(model: Postmortem, tree: Root): string {
  const summary = model.sections.find((s) => s.kind === 'summary');
  // Prose paragraphs: not the title, not a block of "Start: … End: … Duration: …" fields.
  const paragraphs = tree.children.filter(
    (n) => n.type === 'paragraph' && n.position?.start.line !== model.titleLine && !/^\s*[\p{L} ]{2,24}:\s*\S/u.test(mdastText(n).split('\n')[0] ?? ''),
  );
  const inSummary = summary
    ? paragraphs.find((n) => {
        const offset = n.position?.start.offset ?? -1;
        return offset >= summary.bodyStart && offset < summary.bodyEnd && mdastText(n).length > 40;
      })
    : undefined;
  const chosen = inSummary ?? paragraphs.find((n) => mdastText(n).length > 40) ?? paragraphs[0];
  const text = chosen ? mdastText(chosen).replace(/\s+/g, ' ').trim() : '';
  return text.length > 400 ? `${text.slice(0, 397).replace(/\s+\S*$/, '')}…` : text;
}
