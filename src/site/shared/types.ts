// What the loader stores per postmortem, and per rule: computed once, in the loader, from
// one parse; the pages only read it.
import type { ActionItem, IncidentWindow, Postmortem, Section, TimelineEntry } from '../../core/model.ts';
import type { Finding } from '../../lint/engine.ts';

/**
 * The part of the model the pages read (no source text, no spans or offsets): what is stored
 * per entry and serialized into Astro's content store, so it is kept small.
 */
export interface StoredModel {
  title: Postmortem['title'];
  titleLine: Postmortem['titleLine'];
  frontmatter: { data: Postmortem['frontmatter']['data'] };
  sections: Pick<Section, 'kind' | 'heading' | 'line' | 'style' | 'empty'>[];
  incident: IncidentWindow;
  declaredZone: Postmortem['declaredZone'];
  timeline: Pick<TimelineEntry, 'line' | 'text' | 'timeText' | 'time'>[];
  actionItems: Pick<ActionItem, 'line' | 'text' | 'owner' | 'ticket' | 'due' | 'done'>[];
  stated: Postmortem['stated'];
}

/**
 * A lint finding as the pages show it: whether it has a fix, not the fix; `known` when the
 * site's baseline records it (it is shown, but it neither counts as an error nor fails the build).
 */
export type StoredFinding = Omit<Finding, 'fix'> & { fixable: boolean; known?: true };

export interface EntryData {
  /** The entry id: the file's path under the content folder, without `.md`. */
  slug: string;
  /** The file's path in its repository (for edit and line links), with `/` separators. */
  sourcePath: string;
  model: StoredModel;
  findings: StoredFinding[];
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
