// What the loader stores per postmortem, and per rule: computed once, in the loader, from
// one parse; the pages only read it.
import type { ActionItem, IncidentWindow, Postmortem, ResolvedTime, Section, Stated, TimelineEntry } from '../../core/model.ts';
import type { Finding } from '../../lint/engine.ts';

/** A time as the pages read it: the model's, without where its date and zone came from. */
export type StoredTime = Omit<ResolvedTime, 'dateFrom' | 'zoneFrom'>;

/**
 * The part of the model the pages read, and nothing else (no source text, no spans, offsets
 * or lines the pages do not link to): what is stored per entry and serialized into Astro's
 * content store, which every build writes and reads whole.
 */
export interface StoredModel {
  title: Postmortem['title'];
  /** Only the frontmatter keys the pages read (PAGE_FRONTMATTER_KEYS). */
  frontmatter: { data: Postmortem['frontmatter']['data'] };
  /** The first root-cause section, if any (related incidents compare its text). */
  sections: Pick<Section, 'kind' | 'heading'>[];
  incident: { [K in 'start' | 'end' | 'detected' | 'resolved']: StoredTime | null } & Pick<IncidentWindow, 'timezone' | 'statedDurationText'>;
  declaredZone: Postmortem['declaredZone'];
  timeline: (Pick<TimelineEntry, 'line' | 'text' | 'timeText'> & { time: StoredTime | null })[];
  actionItems: Pick<ActionItem, 'line' | 'text' | 'owner' | 'ticket' | 'due' | 'done'>[];
  stated: { [K in keyof Stated]: Pick<NonNullable<Stated[K]>, 'value'> | null };
}

/**
 * A lint finding as the pages show it: where it starts, whether it has a fix (not the fix);
 * `known` when the site's baseline records it (it is shown, but it neither counts as an error
 * nor fails the build).
 */
export type StoredFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'line' | 'column'> & { fixable: boolean; known?: true };

/** A finding as a worker thread returns it: with its end too, which the baseline's fingerprint reads. */
export type LintedFinding = StoredFinding & Pick<Finding, 'endLine' | 'endColumn'>;

export interface EntryData<F extends StoredFinding = StoredFinding> {
  /** The entry id: the file's path under the content folder, without `.md`. */
  slug: string;
  /** The file's path in its repository (for edit and line links), with `/` separators. */
  sourcePath: string;
  model: StoredModel;
  findings: F[];
  /** Errors and warnings the baseline does not record (all of them without a baseline). */
  errorCount: number;
  warningCount: number;
  /** Last change: the latest commit touching the file, or its mtime when git knows nothing newer. */
  lastUpdated: { iso: string; from: 'git' | 'mtime' };
  /** The first paragraph of the summary, as plain text (descriptions, RSS). */
  excerpt: string;
}

export interface RuleExampleData {
  title: string;
  markdown: string;
  messages: string[];
}

export interface RuleData {
  id: string;
  description: string;
  /** The rule's default (the `recommended` preset's) severity. */
  defaultSeverity: 'error' | 'warn' | 'off';
  /** The severity in the configuration this site was built with. */
  severity: 'error' | 'warn' | 'off';
  fixable: boolean;
  rationale: string;
  options: { name: string; default: string; description: string }[];
  invalid: RuleExampleData[];
  valid: RuleExampleData[];
  /** The rule's documentation page (docs/rules/<id>.md, the same Markdown), rendered and sanitized. */
  html: string;
}
